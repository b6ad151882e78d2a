import type { ScanEntry, ScanState } from '../../../src-shared';
import { clockTime } from '../../format';

const stateLabel: Record<ScanState, string> = {
  working: 'Working',
  queued: 'Queued',
  printed: 'Printed',
  failed: 'Failed',
};

function describeState(scan: ScanEntry): string {
  if (scan.state === 'printed' && scan.reprint) return 'Reprinted';
  // Handed over to a merchant's own account: no label, the step says where it went.
  if (scan.state === 'printed' && !scan.trackingNumber) return scan.step;
  if (scan.state === 'working') return `${stateLabel.working}: ${scan.step}`;
  return stateLabel[scan.state];
}

export function RecentScans({
  scans,
  onPreview,
}: {
  scans: readonly ScanEntry[];
  onPreview: (trackingNumber: string) => void;
}) {
  return (
    <section className="recent" aria-labelledby="recent-title">
      <h2 id="recent-title">Recent scans</h2>
      {scans.length === 0 ? (
        <p className="muted">No scans yet today.</p>
      ) : (
        <table className="recent-table">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Scanned</th>
              <th scope="col">Order</th>
              <th scope="col">State</th>
              <th scope="col">Carrier</th>
              <th scope="col">Tracking</th>
              <th scope="col">
                <span className="visually-hidden">Label</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {scans.map((scan) => (
              <tr key={scan.id} data-testid="recent-row" data-state={scan.state}>
                <td className="nowrap">{clockTime(scan.startedAt)}</td>
                <td className="mono">{scan.code}</td>
                <td className="nowrap">{scan.orderNumber ?? '–'}</td>
                <td>
                  <span className={`state-chip state-${scan.state}`}>{describeState(scan)}</span>
                  {scan.state === 'failed' && scan.error && (
                    <span className="row-reason">{scan.error.message}</span>
                  )}
                  {scan.state === 'queued' && scan.waitingReason && (
                    <span className="row-reason row-reason-queued">{scan.waitingReason}</span>
                  )}
                </td>
                <td>{scan.carrier ?? '–'}</td>
                <td className="mono">{scan.trackingNumber ?? '–'}</td>
                <td>
                  {scan.state === 'printed' && scan.trackingNumber && (
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => onPreview(scan.trackingNumber ?? '')}
                      aria-label={`Show label ${scan.trackingNumber}`}
                    >
                      Label
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
