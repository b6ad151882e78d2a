import { carrierName } from '../../../src-shared/carriers';
import type { DaySummary } from '../../../src-shared';
import { languages, type Language } from '../../../src-shared/messages/catalogues';
import { clockTime, number } from '../../i18n/format';
import { useSpeaker } from '../../i18n/messages';
import { useStation } from '../../state/station';
import { pdfBlob, saveFile } from '../shared/save-file';
import { moveBetweenRows } from './rows';

const listLanguage = (language: string): Language =>
  (languages as readonly string[]).includes(language) ? (language as Language) : 'en';

/** One carrier's row: its labels, and its hand-over list to save or print. */
function CarrierRow({ carrier, labels }: { carrier: string; labels: number }) {
  const { t, say, language } = useSpeaker();
  const state = useStation((s) => s.handovers[carrier]);
  const makeHandover = useStation((s) => s.makeHandover);
  const pending = state?.kind === 'pending';
  const make = async (print: boolean) => {
    const list = await makeHandover(carrier, print, listLanguage(language));
    if (list && !print) saveFile(list.fileName, pdfBlob(list.pdfBase64));
  };
  return (
    <tr tabIndex={0} data-testid={`day-carrier-${carrier}`}>
      <th scope="row">{carrierName(carrier)}</th>
      <td className="num">{number(language, labels)}</td>
      <td>
        <div className="day-actions">
          <button
            type="button"
            className="button button-small"
            aria-disabled={pending}
            aria-busy={pending && !state.print}
            onClick={() => void make(false)}
            data-testid={`day-handover-save-${carrier}`}
          >
            {pending && !state.print ? t('ui.day.handover.making') : t('ui.day.handover.save')}
          </button>
          <button
            type="button"
            className="button button-small"
            aria-disabled={pending}
            aria-busy={pending && state.print}
            onClick={() => void make(true)}
            data-testid={`day-handover-print-${carrier}`}
          >
            {pending && state.print ? t('ui.day.handover.making') : t('ui.day.handover.print')}
          </button>
        </div>
        {state?.kind === 'done' && (
          <span className="muted" role="status" data-testid={`day-handover-result-${carrier}`}>
            {state.print && state.printedOn
              ? t('ui.day.handover.printed', { count: state.parcels, printer: state.printedOn })
              : t('ui.day.handover.saved', { count: state.parcels, file: state.fileName })}
          </span>
        )}
        {state?.kind === 'failed' && (
          <span className="inline-error" role="alert" data-testid={`day-handover-error-${carrier}`}>
            {t('ui.day.handover.failed', { reason: say(state.error) })}
          </span>
        )}
      </td>
    </tr>
  );
}

export function ByCarrier({ summary }: { summary: DaySummary }) {
  const { t } = useSpeaker();
  return (
    <section className="day-section" aria-labelledby="day-carrier-title">
      <h2 id="day-carrier-title">{t('ui.day.byCarrier')}</h2>
      {summary.byCarrier.length === 0 ? (
        <p className="muted">{t('ui.day.noRows')}</p>
      ) : (
        <table className="day-table" data-testid="day-by-carrier">
          <thead>
            <tr>
              <th scope="col">{t('ui.day.col.carrier')}</th>
              <th scope="col" className="num">
                {t('ui.day.col.labels')}
              </th>
              <th scope="col">{t('ui.day.col.handover')}</th>
            </tr>
          </thead>
          <tbody onKeyDown={moveBetweenRows}>
            {summary.byCarrier.map((row) => (
              <CarrierRow key={row.carrier} carrier={row.carrier} labels={row.labels} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Labels by account, and by merchant when the station labels for a marketplace. */
export function ByAccount({ summary }: { summary: DaySummary }) {
  const { t, language } = useSpeaker();
  const groups = [
    {
      id: 'account',
      title: t('ui.day.byAccount'),
      column: t('ui.day.col.account'),
      rows: summary.byAccount.map((r) => ({ key: r.accountId, name: r.name, labels: r.labels })),
    },
    {
      id: 'merchant',
      title: t('ui.day.byMerchant'),
      column: t('ui.day.col.merchant'),
      rows: summary.byMerchant.map((r) => ({ key: r.merchantId, name: r.name, labels: r.labels })),
    },
  ].filter((group) => group.id === 'account' || group.rows.length > 0);
  return (
    <>
      {groups.map((group) => (
        <section key={group.id} className="day-section" aria-labelledby={`day-${group.id}-title`}>
          <h2 id={`day-${group.id}-title`}>{group.title}</h2>
          {group.rows.length === 0 ? (
            <p className="muted">{t('ui.day.noRows')}</p>
          ) : (
            <table className="day-table" data-testid={`day-by-${group.id}`}>
              <thead>
                <tr>
                  <th scope="col">{group.column}</th>
                  <th scope="col" className="num">
                    {t('ui.day.col.labels')}
                  </th>
                </tr>
              </thead>
              <tbody onKeyDown={moveBetweenRows}>
                {group.rows.map((row) => (
                  <tr key={row.key} tabIndex={0}>
                    <th scope="row">{row.name}</th>
                    <td className="num">{number(language, row.labels)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
    </>
  );
}

export function ByPacker({ summary }: { summary: DaySummary }) {
  const { t, language } = useSpeaker();
  return (
    <section className="day-section day-wide" aria-labelledby="day-packer-title">
      <h2 id="day-packer-title">{t('ui.day.byPacker')}</h2>
      {summary.byPacker.length === 0 ? (
        <p className="muted">{t('ui.day.noRows')}</p>
      ) : (
        <table className="day-table" data-testid="day-by-packer">
          <thead>
            <tr>
              <th scope="col">{t('ui.day.col.packer')}</th>
              <th scope="col" className="num">
                {t('ui.day.col.labels')}
              </th>
              <th scope="col" className="num">
                {t('ui.day.col.perHour')}
              </th>
              <th scope="col">{t('ui.day.col.firstScan')}</th>
              <th scope="col">{t('ui.day.col.lastScan')}</th>
              <th scope="col" className="num">
                {t('ui.day.col.errors')}
              </th>
              <th scope="col" className="num">
                {t('ui.day.col.reprints')}
              </th>
            </tr>
          </thead>
          <tbody onKeyDown={moveBetweenRows}>
            {summary.byPacker.map((row) => (
              <tr
                key={row.packerId ?? 'nobody'}
                tabIndex={0}
                data-testid={`day-packer-${row.packerId ?? 'nobody'}`}
              >
                <th scope="row">{row.name ?? t('ui.day.packer.nobody')}</th>
                <td className="num">{number(language, row.labels)}</td>
                <td className="num">{number(language, row.labelsPerHour)}</td>
                <td>{clockTime(language, row.firstScan)}</td>
                <td>{clockTime(language, row.lastScan)}</td>
                <td className="num">{number(language, row.errors)}</td>
                <td className="num">{number(language, row.reprints)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
