import { useEffect, useMemo, useRef } from 'react';
import { groupJobs } from '../../state/outbox';
import { useSpeaker } from '../../i18n/messages';
import { useStation } from '../../state/station';
import { JobRow } from './JobRow';
import { OutboxSettingsForm } from './OutboxSettingsForm';

/**
 * The durable outbox, live: what needs a packer's decision first, then what is moving, what
 * waits by itself and what is held for a batch print. Scanning goes on while it is open.
 */
export function QueuePanel({ onClose }: { onClose: () => void }) {
  const jobs = useStation((s) => s.jobs);
  const jobsError = useStation((s) => s.jobsError);
  const loadJobs = useStation((s) => s.loadJobs);
  const printHeld = useStation((s) => s.printHeld);
  const printHeldLabels = useStation((s) => s.printHeldLabels);
  const groups = useMemo(() => groupJobs(jobs ?? []), [jobs]);
  const held = groups.find((group) => group.key === 'held')?.jobs.length ?? 0;

  const { t, say } = useSpeaker();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Opening from the header moves focus here, so the keyboard lands on the panel it opened.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <aside
      id="queue-panel"
      className="queue-panel"
      aria-labelledby="queue-title"
      data-testid="queue-panel"
    >
      <div className="panel-head">
        <h2 id="queue-title" ref={headingRef} tabIndex={-1}>
          {t('ui.queue.title')} <span className="muted">({jobs?.length ?? '–'})</span>
        </h2>
        <button type="button" className="button button-small" onClick={onClose}>
          {t('ui.common.close')}
        </button>
      </div>

      {jobsError && (
        <p className="inline-error" role="alert" data-testid="queue-error">
          {t('ui.queue.readFailed', { reason: say(jobsError) })}{' '}
          <button type="button" className="button button-small" onClick={() => void loadJobs()}>
            {t('ui.common.tryAgain')}
          </button>
        </p>
      )}

      {held > 0 && (
        <button
          type="button"
          className="button queue-print-held"
          aria-disabled={printHeld?.kind === 'pending'}
          aria-busy={printHeld?.kind === 'pending'}
          onClick={() => void printHeldLabels()}
          data-testid="queue-print-held"
        >
          {t('ui.queue.printHeld', { count: held })}
        </button>
      )}
      {printHeld?.kind === 'done' && (
        <p className="queue-note" role="status" data-testid="queue-print-held-result">
          {t('ui.queue.heldSent', { count: printHeld.released })}
        </p>
      )}
      {printHeld?.kind === 'failed' && (
        <p className="inline-error" role="alert" data-testid="queue-print-held-result">
          {t('ui.queue.heldFailed', { reason: say(printHeld.error) })}
        </p>
      )}

      {jobs === null && !jobsError && <p className="muted">{t('ui.queue.reading')}</p>}
      {jobs !== null && groups.length === 0 && (
        <p className="queue-empty" data-testid="queue-empty">
          {t('ui.queue.empty')}
        </p>
      )}
      {groups.map((group) => (
        <section
          key={group.key}
          className={`queue-group queue-group-${group.key}`}
          aria-labelledby={`queue-group-${group.key}`}
        >
          <h3 id={`queue-group-${group.key}`}>
            {say(group.title)} <span className="muted">({group.jobs.length})</span>
          </h3>
          <ul className="queue-list">
            {group.jobs.map((job) => (
              <JobRow key={job.id} job={job} />
            ))}
          </ul>
        </section>
      ))}

      <OutboxSettingsForm />
    </aside>
  );
}
