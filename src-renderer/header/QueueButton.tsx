import { useSpeaker } from '../i18n/messages';
import { useStation } from '../state/station';

/** The outbox length, always in sight; it opens the queue, on any screen. */
export function QueueButton() {
  const { t } = useSpeaker();
  const connectivity = useStation((s) => s.connectivity);
  const jobs = useStation((s) => s.jobs);
  const queueOpen = useStation((s) => s.queueOpen);
  const openQueue = useStation((s) => s.openQueue);
  const closeQueue = useStation((s) => s.closeQueue);

  const length = connectivity?.queueLength ?? jobs?.length ?? null;
  // Known only once the jobs were listed or pushed; the count alone cannot say it.
  const attention = jobs?.filter((job) => job.state === 'needs-attention').length ?? 0;
  // `queue-tone-*`: the panel's own `queue-empty` is the "Nothing waiting" line.
  const tone = attention > 0 ? 'attention' : length ? 'busy' : 'empty';

  return (
    <div className="fact fact-fixed">
      <dt>{t('header.queue')}</dt>
      <dd>
        <button
          type="button"
          className={`queue-button queue-tone-${tone}`}
          aria-expanded={queueOpen}
          aria-controls="queue-panel"
          onClick={() => (queueOpen ? closeQueue() : openQueue())}
          data-testid="queue-toggle"
        >
          <span className="queue-count" data-testid="queue-length">
            {length ?? '–'}
          </span>
          {attention > 0 && (
            <span className="queue-attention-count">
              {t('header.attention', { count: attention })}
            </span>
          )}
        </button>
      </dd>
    </div>
  );
}
