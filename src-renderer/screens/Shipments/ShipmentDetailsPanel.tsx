import { ServicePointLine } from '../Scan/ServicePoint';
import { useEffect, useRef } from 'react';
import { type ShipmentDetails, type ShipmentState, type StepTimings } from '../../../src-shared';
import { carrierName } from '../../../src-shared/carriers';
import { dateTime, money, number } from '../../i18n/format';
import { useSpeaker } from '../../i18n/messages';
import { useStation } from '../../state/station';
import { ReprintForm } from './ReprintForm';
import { ReturnAction, ReturnFact } from './ReturnAction';
import { ReturnForm } from './ReturnForm';
import { ShipmentStateChip } from './ShipmentStateChip';
import { VoidConfirm } from './VoidConfirm';

/** What the panel opens at: the facts, or straight at a reprint, a void or a return (R, V, T). */
export type DetailsIntent = 'reprint' | 'void' | 'return' | null;

const steps = [
  { key: 'lookupMs', label: 'ui.shipments.timing.lookup' },
  { key: 'sendcloudMs', label: 'ui.shipments.timing.sendcloud' },
  { key: 'renderMs', label: 'ui.shipments.timing.render' },
  { key: 'printerMs', label: 'ui.shipments.timing.printer' },
] as const satisfies ReadonlyArray<{ key: keyof StepTimings; label: string }>;

function Timings({ timings }: { timings: StepTimings | null }) {
  const { t, language } = useSpeaker();
  if (!timings) return <p className="muted">{t('ui.shipments.timing.none')}</p>;
  const total = steps.reduce((sum, step) => sum + (timings[step.key] ?? 0), 0);
  return (
    <dl className="shipment-timings" data-testid="shipment-timings">
      {steps.map((step) => {
        const ms = timings[step.key];
        return (
          <div key={step.key}>
            <dt>{t(step.label)}</dt>
            <dd>{ms === null ? '–' : t('ui.shipments.ms', { ms: number(language, ms) })}</dd>
          </div>
        );
      })}
      <div className="shipment-timings-total">
        <dt>{t('ui.shipments.timing.total')}</dt>
        <dd>{t('ui.shipments.ms', { ms: number(language, total) })}</dd>
      </div>
    </dl>
  );
}

function History({ history }: { history: ShipmentDetails['history'] }) {
  const { t, say, language } = useSpeaker();
  if (history.length === 0) return <p className="muted">{t('ui.shipments.history.none')}</p>;
  return (
    <ol className="shipment-history" data-testid="shipment-history">
      {history.map((event, i) => (
        <li key={`${event.at}-${i}`} data-kind={event.kind}>
          <span className="shipment-history-when">{dateTime(language, event.at)}</span>
          <strong>{t(`ui.shipments.event.${event.kind}`)}</strong>
          <span className="muted">
            {event.packer?.name ?? t('ui.shipments.history.nobody')}
            {event.stationName && <> · {event.stationName}</>}
          </span>
          {event.detail && <span className="shipment-history-detail">{say(event.detail)}</span>}
        </li>
      ))}
    </ol>
  );
}

function Preview() {
  const preview = useStation((s) => s.shipmentPreview);
  const { t, say } = useSpeaker();
  if (!preview) return null;
  return (
    <div className="shipment-preview" data-testid="shipment-preview" data-state={preview.kind}>
      {preview.kind === 'loading' && <p className="muted">{t('ui.shipments.preview.loading')}</p>}
      {preview.kind === 'failed' && (
        <p className="muted" role="status">
          {t('ui.shipments.preview.failed', { reason: say(preview.error) })}
        </p>
      )}
      {preview.kind === 'ready' && (
        <img
          src={`data:image/png;base64,${preview.preview.pngBase64}`}
          alt={t('ui.shipments.preview.alt', { tracking: preview.preview.trackingNumber })}
        />
      )}
    </div>
  );
}

/**
 * One shipment: its label, what happened to it and who did it, where the parcel is, how long
 * each step of making the label took, and the two things a packer can do: reprint and void.
 */
export function ShipmentDetailsPanel({
  intent,
  onIntent,
  onClose,
}: {
  intent: DetailsIntent;
  onIntent: (intent: DetailsIntent) => void;
  onClose: () => void;
}) {
  const state = useStation((s) => s.shipmentDetails);
  const closeRef = useRef<HTMLButtonElement>(null);
  const { t, say, language } = useSpeaker();

  // Opened to look: focus the panel's first control. A reprint or void moves focus itself.
  useEffect(() => {
    if (intent === null) closeRef.current?.focus();
  }, [intent]);

  if (!state) return null;
  const details = state.kind === 'ready' ? state.details : null;
  const row = details?.row;
  const voidable = row !== undefined && row.state !== 'voided' && row.state !== 'void-requested';

  return (
    <aside
      className="shipment-details"
      aria-labelledby="shipment-details-title"
      data-testid="shipment-details"
      data-parcel-id={state.parcelId}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        event.stopPropagation();
        if (intent !== null) onIntent(null);
        else onClose();
      }}
    >
      <div className="panel-head">
        <h2 id="shipment-details-title">
          {row ? row.orderNumber : t('ui.shipments.details.title')}
        </h2>
        {row && <ShipmentStateChip row={row} />}
        {row?.collo && (
          <span className="state-chip" data-testid="shipment-box">
            {t('boxes.row.box', { nr: row.collo.nr, count: row.collo.count })}
          </span>
        )}
        <button
          ref={closeRef}
          type="button"
          className="button button-small"
          onClick={onClose}
          data-testid="shipment-details-close"
        >
          {t('ui.common.close')}
        </button>
      </div>

      {state.kind === 'loading' && <p className="muted">{t('ui.shipments.details.reading')}</p>}
      {state.kind === 'failed' && (
        <p className="inline-error" role="alert" data-testid="shipment-details-error">
          {t('ui.shipments.details.failed', { reason: say(state.error) })}
        </p>
      )}

      {details && row && (
        <>
          {details.servicePoint && <ServicePointLine point={details.servicePoint} />}
          <div className="shipment-actions">
            <button
              type="button"
              className="button button-small"
              disabled={!details.canReprint}
              aria-expanded={intent === 'reprint'}
              onClick={() => onIntent(intent === 'reprint' ? null : 'reprint')}
              data-testid="shipment-reprint"
            >
              {t('ui.shipments.reprint')}
            </button>
            <button
              type="button"
              className="button button-small"
              disabled={!voidable}
              aria-expanded={intent === 'void'}
              onClick={() => onIntent(intent === 'void' ? null : 'void')}
              data-testid="shipment-void"
            >
              {t('ui.shipments.void')}
            </button>
            <ReturnAction details={details} intent={intent} onIntent={onIntent} />
          </div>
          {!details.canReprint && <p className="muted">{t('ui.shipments.reprint.voided')}</p>}
          {intent === 'reprint' && details.canReprint && (
            <ReprintForm details={details} onDone={() => onIntent(null)} />
          )}
          {intent === 'void' && voidable && (
            <VoidConfirm details={details} onDone={() => onIntent(null)} />
          )}
          {intent === 'return' && row.state !== 'voided' && (
            <ReturnForm details={details} onDone={() => onIntent(null)} />
          )}
          <ShipmentActionResult parcelId={row.parcelId} state={row.state} />

          <dl className="shipment-facts">
            <div>
              <dt>{t('ui.shipments.column.recipient')}</dt>
              <dd>
                {row.recipientName ?? '–'} {row.recipientPostcode ?? ''}
              </dd>
            </div>
            <div>
              <dt>{t('ui.shipments.column.carrier')}</dt>
              <dd>
                {carrierName(row.carrier)}
                {row.shippingOption && <> · {row.shippingOption.name}</>}
              </dd>
            </div>
            <div>
              <dt>{t('ui.shipments.column.tracking')}</dt>
              <dd>
                <span className="mono">{row.trackingNumber}</span>{' '}
                {row.trackingUrl && (
                  <a
                    href={row.trackingUrl}
                    target="_blank"
                    rel="noreferrer"
                    data-testid="shipment-tracking-link"
                  >
                    {t('ui.shipments.trackingLink')}
                  </a>
                )}
              </dd>
            </div>
            <div>
              <dt>{t('ui.shipments.trackingStatus')}</dt>
              <dd data-testid="shipment-tracking-status">
                {row.trackingStatus
                  ? t(`ui.shipments.tracking.${row.trackingStatus}`)
                  : t('ui.shipments.tracking.unknown')}
                {row.trackingStatusText && (
                  <span className="muted"> ({row.trackingStatusText})</span>
                )}
              </dd>
            </div>
            <div>
              <dt>{t('ui.shipments.made')}</dt>
              <dd>
                {dateTime(language, row.createdAt)} · {row.packer?.name ?? '–'} ·{' '}
                {row.stationName ?? t('ui.shipments.elsewhere')}
              </dd>
            </div>
            <ReturnFact parcelId={row.parcelId} />
            {row.cost && (
              <div>
                <dt>{t('ui.shipments.cost')}</dt>
                <dd>{money(language, row.cost.value, row.cost.currency)}</dd>
              </div>
            )}
          </dl>

          <h3>{t('ui.shipments.timing.title')}</h3>
          <Timings timings={details.timings} />
          <h3>{t('ui.shipments.history.title')}</h3>
          <History history={details.history} />
        </>
      )}
      <Preview />
    </aside>
  );
}

/** What the last reprint or void of this shipment came to. */
function ShipmentActionResult({ parcelId, state }: { parcelId: number; state: ShipmentState }) {
  const reprint = useStation((s) => s.reprints[String(parcelId)]);
  const voided = useStation((s) => s.voids[String(parcelId)]);
  const { t, say } = useSpeaker();
  return (
    <>
      {reprint?.kind === 'done' && (
        <p className="queue-note" role="status" data-testid="shipment-reprint-result">
          {t('ui.shipments.reprint.sent')}
        </p>
      )}
      {reprint?.kind === 'failed' && (
        <p className="inline-error" role="alert" data-testid="shipment-reprint-result">
          {t('ui.shipments.reprint.failed', { reason: say(reprint.error) })}
        </p>
      )}
      {voided?.kind === 'done' && (
        <p className="queue-note" role="status" data-testid="shipment-void-result">
          {/* Sendcloud's answer may have come since: the row says how it stands now. */}
          {voided.state === 'voided' || state === 'voided'
            ? t('ui.shipments.void.done')
            : t('ui.shipments.void.requested')}
        </p>
      )}
      {voided?.kind === 'failed' && (
        <p className="inline-error" role="alert" data-testid="shipment-void-result">
          {t('ui.shipments.void.failed', { reason: say(voided.error) })}
        </p>
      )}
    </>
  );
}
