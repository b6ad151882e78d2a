import { clockTime } from '../format';
import { useStation } from '../state/station';

/** Sendcloud is out of reach: say that scanning goes on, and how much is waiting. */
export function OfflineBanner() {
  const connectivity = useStation((s) => s.connectivity);
  const drainMode = useStation((s) => s.outbox?.drainMode);
  if (!connectivity || connectivity.online) return null;

  const n = connectivity.queueLength;
  return (
    <div className="offline-banner" role="alert" data-testid="offline-banner">
      <strong>Offline</strong> — scans are queued (
      <span data-testid="offline-queue-length">{n}</span> waiting).{' '}
      {drainMode === 'hold'
        ? 'They are held for a batch print when the connection is back.'
        : 'They print when the connection is back.'}{' '}
      <span className="offline-detail">
        Since {clockTime(connectivity.since)}
        {connectivity.lastError && <> · {connectivity.lastError.message}</>}
      </span>
    </div>
  );
}
