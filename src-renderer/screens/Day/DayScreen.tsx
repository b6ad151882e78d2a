import { useEffect, useRef, useState } from 'react';
import type { DayCounts, LedgerScope } from '../../../src-shared';
import { number } from '../../i18n/format';
import { useSpeaker } from '../../i18n/messages';
import { isDay, localDay, shiftDay } from '../../state/day';
import { useStation } from '../../state/station';
import { DayChart } from './DayChart';
import { DayExceptions, DayTracking } from './DayExceptions';
import { ByAccount, ByCarrier, ByPacker } from './DayTables';
import { csvBlob, saveFile } from '../shared/save-file';
import { AloneNote, StationFilter } from '../ledger/StationFilter';

const countKeys = [
  'made',
  'printed',
  'reprinted',
  'voided',
  'failed',
  'waiting',
] as const satisfies readonly (keyof DayCounts)[];

function DayPicker() {
  const { t } = useSpeaker();
  const day = useStation((s) => s.dayPicked);
  const pickDay = useStation((s) => s.pickDay);
  const today = localDay(new Date());
  return (
    <div className="day-picker" role="group" aria-label={t('ui.day.picker.label')}>
      <button
        type="button"
        className="button button-small"
        onClick={() => pickDay(shiftDay(day, -1))}
        aria-label={t('ui.day.picker.previous')}
        data-testid="day-previous"
      >
        ‹
      </button>
      <label className="visually-hidden" htmlFor="day-input">
        {t('ui.day.picker.label')}
      </label>
      <input
        id="day-input"
        type="date"
        value={day}
        max={today}
        onChange={(e) => {
          if (isDay(e.target.value)) pickDay(e.target.value);
        }}
        data-testid="day-input"
      />
      <button
        type="button"
        className="button button-small"
        onClick={() => pickDay(shiftDay(day, 1))}
        aria-label={t('ui.day.picker.next')}
        aria-disabled={day >= today}
        disabled={day >= today}
        data-testid="day-next"
      >
        ›
      </button>
      <button
        type="button"
        className="button button-small"
        onClick={() => pickDay(today)}
        disabled={day === today}
        data-testid="day-today"
      >
        {t('ui.day.picker.today')}
      </button>
    </div>
  );
}

function ExportButton() {
  const { t, say } = useSpeaker();
  const state = useStation((s) => s.dayExport);
  const exportDay = useStation((s) => s.exportDay);
  const pending = state?.kind === 'pending';
  const run = async () => {
    const exported = await exportDay();
    if (exported) {
      saveFile(exported.fileName, csvBlob(exported.csv));
    }
  };
  return (
    <div className="day-export">
      <button
        type="button"
        className="button"
        aria-disabled={pending}
        aria-busy={pending}
        onClick={() => void (pending ? undefined : run())}
        data-testid="day-export"
      >
        {pending ? t('ui.day.export.exporting') : t('ui.day.export.button')}
      </button>
      {state?.kind === 'done' && (
        <span
          className="muted"
          role="status"
          data-testid="day-export-result"
          data-rows={state.rows}
        >
          {t('ui.day.export.done', { count: state.rows, file: state.fileName })}
        </span>
      )}
      {state?.kind === 'failed' && (
        <span className="inline-error" role="alert" data-testid="day-export-error">
          {t('ui.day.export.failed', { reason: say(state.error) })}
        </span>
      )}
    </div>
  );
}

/**
 * The supervisor's day: what was made, printed and went wrong, labels per hour, by carrier,
 * account, merchant and packer, the exceptions with their actions, and the tracking fortnight.
 */
export function DayScreen() {
  const { t, say, language } = useSpeaker();
  const summary = useStation((s) => s.daySummary);
  const loading = useStation((s) => s.dayLoading);
  const error = useStation((s) => s.dayError);
  const loadDay = useStation((s) => s.loadDay);
  const dayStation = useStation((s) => s.dayStation);
  const pickDayStation = useStation((s) => s.pickDayStation);
  // Kept while a new day or station is read, so the filter does not vanish under the keyboard.
  const [scope, setScope] = useState<LedgerScope | null>(null);
  if (summary?.scope && summary.scope !== scope) setScope(summary.scope);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // A shortcut or the nav lands the keyboard on the screen it opened.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <main
      className="day-screen"
      data-testid="screen-day"
      aria-labelledby="day-title"
      aria-busy={loading}
    >
      <div className="day-head">
        <h1 id="day-title" ref={headingRef} tabIndex={-1}>
          {t('ui.day.title')}
        </h1>
        <DayPicker />
        <StationFilter
          scope={scope}
          value={dayStation}
          onChange={pickDayStation}
          testId="day-station"
        />
        <ExportButton />
      </div>
      <AloneNote scope={summary?.scope} what="day" testId="day-alone" />
      {error && (
        <p className="inline-error" role="alert" data-testid="day-error">
          {t('ui.day.readFailed', { reason: say(error) })}{' '}
          <button type="button" className="button button-small" onClick={() => void loadDay()}>
            {t('ui.common.tryAgain')}
          </button>
        </p>
      )}
      {!summary && !error && <p className="muted">{t('ui.day.loading')}</p>}
      {summary && (
        <>
          <dl className="day-figures" data-testid="day-counts">
            {countKeys.map((key) => (
              <div
                key={key}
                className={`day-figure day-figure-${key}`}
                data-testid={`day-count-${key}`}
                data-value={summary.counts[key]}
              >
                <dt>{t(`ui.day.count.${key}`)}</dt>
                <dd>{number(language, summary.counts[key])}</dd>
              </div>
            ))}
            <div
              className="day-figure day-figure-returns"
              data-testid="day-count-returns"
              data-value={summary.returns}
            >
              <dt>{t('ui.returns.day.count')}</dt>
              <dd>{number(language, summary.returns)}</dd>
            </div>
          </dl>
          <div className="day-grid">
            <DayChart summary={summary} />
            <ByCarrier summary={summary} />
            <ByAccount summary={summary} />
            <DayTracking summary={summary} />
            <ByPacker summary={summary} />
            <DayExceptions summary={summary} />
          </div>
        </>
      )}
    </main>
  );
}
