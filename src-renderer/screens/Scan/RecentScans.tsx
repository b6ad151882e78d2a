import type { ScanEntry } from '../../../src-shared';
import { carrierName } from '../../../src-shared/carriers';
import { msg, type Message } from '../../../src-shared/messages';
import { clockTime } from '../../i18n/format';
import { useSpeaker } from '../../i18n/messages';

function describeState(scan: ScanEntry): Message {
  if (scan.state === 'printed' && scan.reprint) return msg('ui.scan.state.reprinted');
  // Handed over to a merchant's own account: no label, the step says where it went.
  if (scan.state === 'printed' && !scan.trackingNumber) return scan.step;
  if (scan.state === 'working') return msg('ui.scan.state.workingOn', { step: scan.step });
  return msg(`ui.scan.state.${scan.state}`);
}

export function RecentScans({
  scans,
  onPreview,
}: {
  scans: readonly ScanEntry[];
  onPreview: (trackingNumber: string) => void;
}) {
  const { t, say, language } = useSpeaker();
  return (
    <section className="recent" aria-labelledby="recent-title">
      <h2 id="recent-title">{t('ui.scan.recent.title')}</h2>
      {scans.length === 0 ? (
        <p className="muted">{t('ui.scan.recent.empty')}</p>
      ) : (
        <table className="recent-table">
          <thead>
            <tr>
              <th scope="col">{t('ui.scan.recent.time')}</th>
              <th scope="col">{t('ui.scan.recent.scanned')}</th>
              <th scope="col">{t('ui.scan.recent.order')}</th>
              <th scope="col">{t('ui.scan.recent.state')}</th>
              <th scope="col">{t('ui.scan.recent.carrier')}</th>
              <th scope="col">{t('ui.scan.recent.tracking')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('ui.scan.recent.label')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {scans.map((scan) => (
              <tr key={scan.id} data-testid="recent-row" data-state={scan.state}>
                <td className="nowrap">{clockTime(language, scan.startedAt)}</td>
                <td className="mono">{scan.code}</td>
                <td className="nowrap">{scan.orderNumber ?? '–'}</td>
                <td>
                  <span className={`state-chip state-${scan.state}`}>
                    {say(describeState(scan))}
                  </span>
                  {scan.state === 'failed' && scan.error && (
                    <span className="row-reason">{say(scan.error)}</span>
                  )}
                  {scan.state === 'queued' && scan.waitingReason && (
                    <span className="row-reason row-reason-queued">{say(scan.waitingReason)}</span>
                  )}
                </td>
                <td>
                  {scan.carrier ? carrierName(scan.carrier) : '–'}
                  {scan.shippingOption && (
                    <span className="recent-option" data-testid="recent-shipping-option">
                      {scan.shippingOption.name}
                    </span>
                  )}
                </td>
                <td className="mono">{scan.trackingNumber ?? '–'}</td>
                <td>
                  {scan.state === 'printed' && scan.trackingNumber && (
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => onPreview(scan.trackingNumber ?? '')}
                      aria-label={t('ui.scan.recent.showLabel', { tracking: scan.trackingNumber })}
                    >
                      {t('ui.scan.recent.label')}
                    </button>
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
