import { useEffect } from 'react';
import { dateTime } from '../../i18n/format';
import { useSpeaker } from '../../i18n/messages';
import { useStation } from '../../state/station';

/**
 * The returns of the last 14 days, newest first, with where each stands. Sendcloud is asked for
 * their status on opening and on request; a row opens its shipment (Enter or a click).
 */
export function ReturnsList({ onOpen }: { onOpen: (parcelId: number) => void }) {
  const rows = useStation((s) => s.returns);
  const loading = useStation((s) => s.returnsLoading);
  const error = useStation((s) => s.returnsError);
  const loadReturns = useStation((s) => s.loadReturns);
  const { t, say, language } = useSpeaker();

  useEffect(() => {
    void loadReturns(true);
  }, [loadReturns]);

  return (
    <section className="returns-list" data-testid="returns-list" aria-busy={loading}>
      <div className="queue-actions">
        <button
          type="button"
          className="button button-small"
          disabled={loading}
          onClick={() => void loadReturns(true)}
          data-testid="returns-refresh"
        >
          {t('ui.returns.list.refresh')}
        </button>
      </div>
      {error && (
        <p className="inline-error" role="alert" data-testid="returns-error">
          {t('ui.returns.list.failed', { reason: say(error) })}
        </p>
      )}
      {rows === null && !error && <p className="muted">{t('ui.returns.list.reading')}</p>}
      {rows?.length === 0 && <p className="muted">{t('ui.returns.list.empty')}</p>}
      {rows && rows.length > 0 && (
        <table className="returns-table">
          <thead>
            <tr>
              <th>{t('ui.returns.column.made')}</th>
              <th>{t('ui.returns.column.order')}</th>
              <th>{t('ui.returns.column.tracking')}</th>
              <th>{t('ui.returns.column.status')}</th>
              <th>{t('ui.returns.column.link')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr
                key={row.returnId}
                tabIndex={0}
                data-testid="return-row"
                data-return-id={row.returnId}
                data-status={row.status}
                onClick={() => onOpen(row.parcelId)}
                onKeyDown={(event) => {
                  if (event.key !== 'Enter') return;
                  event.preventDefault();
                  onOpen(row.parcelId);
                }}
              >
                <td>{dateTime(language, row.createdAt)}</td>
                <td>{row.orderNumber}</td>
                <td className="mono">{row.trackingNumber ?? '–'}</td>
                <td>
                  {t(`ui.returns.status.${row.status}`)}
                  {row.status === 'unknown' && <span className="muted"> ({row.statusText})</span>}
                </td>
                <td>
                  {row.portalUrl ? (
                    <a href={row.portalUrl} target="_blank" rel="noreferrer">
                      {row.portalUrl}
                    </a>
                  ) : (
                    '–'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
