import { useStation } from '../state/station';

/** The outbox length, always in sight; it opens the queue panel. */
export function QueueButton() {
  const connectivity = useStation((s) => s.connectivity);
  const jobs = useStation((s) => s.jobs);
  const queueOpen = useStation((s) => s.queueOpen);
  const openQueue = useStation((s) => s.openQueue);
  const closeQueue = useStation((s) => s.closeQueue);

  const length = connectivity?.queueLength ?? jobs?.length ?? null;
  // Known only once the jobs were listed or pushed; the count alone cannot say it.
  const attention = jobs?.filter((job) => job.state === 'needs-attention').length ?? 0;
  const tone = attention > 0 ? 'queue-attention' : length ? 'queue-busy' : 'queue-empty';

  return (
    <button
      type="button"
      className={`button queue-button ${tone}`}
      aria-expanded={queueOpen}
      aria-controls="queue-panel"
      onClick={() => (queueOpen ? closeQueue() : openQueue())}
      data-testid="queue-toggle"
    >
      Queue: <span data-testid="queue-length">{length ?? '–'}</span>
      {attention > 0 && (
        <span className="queue-attention-count">
          {' '}
          · {attention} {attention === 1 ? 'needs' : 'need'} attention
        </span>
      )}
    </button>
  );
}
