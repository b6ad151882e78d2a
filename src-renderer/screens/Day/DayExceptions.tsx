import { useState } from 'react';
import { carrierName } from '../../../src-shared/carriers';
import type { DayException, DaySummary } from '../../../src-shared';
import { clockTime, dateTime, number } from '../../i18n/format';
import { useSpeaker } from '../../i18n/messages';
import {
  actionsOf,
  exceptionCounts,
  filterExceptions,
  type ExceptionFilter,
} from '../../state/day';
import { useStation } from '../../state/station';

const kinds: DayException['kind'][] = ['needs-attention', 'failed', 'stale', 'voided', 'reprinted'];

function ExceptionItem({ exception }: { exception: DayException }) {
  const { t, say, language } = useSpeaker();
  const retryJob = useStation((s) => s.retryJob);
  const cancelJob = useStation((s) => s.cancelJob);
  const showScreen = useStation((s) => s.showScreen);
  const openShipment = useStation((s) => s.openShipment);
  const jobAction = useStation((s) =>
    exception.jobId ? s.jobActions[exception.jobId] : undefined,
  );
  const loadDay = useStation((s) => s.loadDay);
  const act = async (action: 'retry' | 'cancel') => {
    if (!exception.jobId) return;
    await (action === 'retry' ? retryJob(exception.jobId) : cancelJob(exception.jobId));
    void loadDay();
  };
  const pending = jobAction?.kind === 'pending';
  return (
    <li className="day-exception" data-testid="day-exception" data-kind={exception.kind}>
      <span className={`pill day-kind-${exception.kind}`}>
        {t(`ui.day.exceptions.kind.${exception.kind}`)}
      </span>
      <span className="day-exception-time">{clockTime(language, exception.at)}</span>
      <span className="day-exception-what">
        <strong>{exception.orderNumber ?? exception.trackingNumber ?? '–'}</strong>{' '}
        {say(exception.what)}
        {exception.packerName && (
          <span className="muted">
            {' '}
            {t('ui.day.exceptions.by', { name: exception.packerName })}
          </span>
        )}
      </span>
      <span className="day-actions">
        {actionsOf(exception).map((action) =>
          action === 'open' ? (
            <button
              key={action}
              type="button"
              className="button button-small"
              onClick={() => {
                // The Shipments screen, with this shipment's details open.
                showScreen('shipments');
                if (exception.parcelId !== null) void openShipment(exception.parcelId);
              }}
              data-testid="day-exception-open"
            >
              {t('ui.day.exceptions.open')}
            </button>
          ) : (
            <button
              key={action}
              type="button"
              className="button button-small"
              aria-disabled={pending}
              aria-busy={pending && jobAction.action === action}
              onClick={() => void act(action)}
              data-testid={`day-exception-${action}`}
            >
              {t(action === 'retry' ? 'ui.day.exceptions.retry' : 'ui.day.exceptions.cancel')}
            </button>
          ),
        )}
      </span>
      {jobAction?.kind === 'failed' && (
        <span className="inline-error" role="alert">
          {t('ui.day.exceptions.actionFailed', { reason: say(jobAction.error) })}
        </span>
      )}
    </li>
  );
}

/** The day's exceptions, filtered by kind, each with what can be done about it. */
export function DayExceptions({ summary }: { summary: DaySummary }) {
  const { t, language } = useSpeaker();
  const [filter, setFilter] = useState<ExceptionFilter>('all');
  const counts = exceptionCounts(summary.exceptions);
  const shown = filterExceptions(summary.exceptions, filter);
  return (
    <section
      className="day-section day-wide"
      aria-labelledby="day-exceptions-title"
      data-testid="day-exceptions"
    >
      <h2 id="day-exceptions-title">
        {t('ui.day.exceptions.title')}{' '}
        <span className="muted">({number(language, summary.exceptions.length)})</span>
      </h2>
      {summary.exceptions.length === 0 ? (
        <p className="muted">{t('ui.day.exceptions.none')}</p>
      ) : (
        <>
          <div className="day-filters" role="group" aria-label={t('ui.day.exceptions.title')}>
            {(['all', ...kinds] as const)
              .filter((kind) => kind === 'all' || (counts.get(kind) ?? 0) > 0)
              .map((kind) => (
                <button
                  key={kind}
                  type="button"
                  className="button button-small"
                  aria-pressed={filter === kind}
                  onClick={() => setFilter(kind)}
                  data-testid={`day-filter-${kind}`}
                >
                  {kind === 'all'
                    ? t('ui.day.exceptions.all')
                    : t(`ui.day.exceptions.kind.${kind}`)}{' '}
                  (
                  {number(
                    language,
                    kind === 'all' ? summary.exceptions.length : (counts.get(kind) ?? 0),
                  )}
                  )
                </button>
              ))}
          </div>
          <ul className="day-exceptions">
            {shown.map((exception, i) => (
              <ExceptionItem
                key={`${exception.kind}-${exception.jobId ?? exception.parcelId ?? ''}-${exception.at}-${i}`}
                exception={exception}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The last 14 days' tracking: delivered, in transit, carrier problems and which parcels. */
export function DayTracking({ summary }: { summary: DaySummary }) {
  const { t, language } = useSpeaker();
  const { tracking } = summary;
  const figures = [
    { key: 'delivered', label: t('ui.day.tracking.delivered'), value: tracking.delivered },
    { key: 'in-transit', label: t('ui.day.tracking.inTransit'), value: tracking.inTransit },
    { key: 'exception', label: t('ui.day.tracking.exception'), value: tracking.exception },
  ];
  return (
    <section
      className="day-section"
      aria-labelledby="day-tracking-title"
      data-testid="day-tracking"
    >
      <h2 id="day-tracking-title">{t('ui.day.tracking.title')}</h2>
      <dl className="day-figures day-figures-small">
        {figures.map((figure) => (
          <div key={figure.key} className="day-figure" data-testid={`day-tracking-${figure.key}`}>
            <dt>{figure.label}</dt>
            <dd>{number(language, figure.value)}</dd>
          </div>
        ))}
      </dl>
      <p className="muted">
        {tracking.checkedAt
          ? t('ui.day.tracking.checkedAt', { time: dateTime(language, tracking.checkedAt) })
          : t('ui.day.tracking.neverChecked')}
      </p>
      {summary.trackingExceptions.length === 0 ? (
        <p className="muted">{t('ui.day.tracking.noExceptions')}</p>
      ) : (
        <ul className="day-exceptions" data-testid="day-tracking-exceptions">
          {summary.trackingExceptions.map((row) => (
            <li key={row.parcelId} className="day-exception">
              <span className="pill day-kind-tracking">{t('ui.day.exceptions.kind.tracking')}</span>
              <span className="day-exception-time">{dateTime(language, row.createdAt)}</span>
              <span className="day-exception-what">
                <strong>{row.orderNumber}</strong> {carrierName(row.carrier)} {row.trackingNumber}
                {row.trackingStatusText && <span className="muted"> {row.trackingStatusText}</span>}
              </span>
              {row.trackingUrl && (
                <a
                  className="button button-small"
                  href={row.trackingUrl}
                  target="_blank"
                  rel="noreferrer"
                >
                  {row.trackingNumber}
                </a>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
