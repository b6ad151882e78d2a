import { useEffect, useRef, useState } from 'react';
import type { JobView } from '../../../src-preload/contract';
import { clockTime, dateTime } from '../../format';
import {
  canCancel,
  canRetry,
  cancelConsequence,
  jobKindLabel,
  jobStateLabel,
} from '../../state/outbox';
import { useStation } from '../../state/station';

/** One outbox job: what it is, why it waits, and the packer's two levers, retry and cancel. */
export function JobRow({ job }: { job: JobView }) {
  const action = useStation((s) => s.jobActions[job.id]);
  const retryJob = useStation((s) => s.retryJob);
  const cancelJob = useStation((s) => s.cancelJob);
  const [confirming, setConfirming] = useState(false);
  const keepRef = useRef<HTMLButtonElement>(null);
  const pending = action?.kind === 'pending';

  // The safe answer gets the focus, so an Enter from a stray scan cannot cancel a label.
  useEffect(() => {
    if (confirming) keepRef.current?.focus();
  }, [confirming]);

  const subject = job.orderNumber ?? job.code;
  // A stale label waits for the packer's go-ahead; "retry" would undersell what the button does.
  const retryText =
    job.state === 'needs-attention' && job.lastError?.code === 'label-stale'
      ? 'Print now'
      : 'Retry';

  return (
    <li
      className={`queue-row queue-row-${job.state}`}
      data-testid="queue-row"
      data-state={job.state}
      data-job-id={job.id}
    >
      <div className="queue-row-head">
        <span className="queue-kind">{jobKindLabel[job.kind]}</span>
        {subject && <strong className="queue-subject">{subject}</strong>}
        <span className={`state-chip job-state-${job.state}`}>{jobStateLabel[job.state]}</span>
      </div>
      {job.code && job.orderNumber && job.code !== job.orderNumber && (
        <p className="queue-fact">
          Scanned <span className="mono">{job.code}</span>
        </p>
      )}
      {job.trackingNumber && (
        <p className="queue-fact">
          Tracking <span className="mono">{job.trackingNumber}</span>
        </p>
      )}
      {job.reason && (
        <p className="queue-reason" data-testid="queue-reason">
          {job.reason}
        </p>
      )}
      <p className="queue-fact muted">
        Attempts: {job.attempts}
        {job.nextAttemptAt && <> · next try {clockTime(job.nextAttemptAt)}</>} · queued{' '}
        {dateTime(job.createdAt)}
      </p>
      {job.lastError && (
        <p className="queue-last-error" data-testid="queue-last-error">
          Last error: {job.lastError.message} <span className="muted">({job.lastError.code})</span>
        </p>
      )}

      {confirming ? (
        <div className="queue-confirm" role="group" aria-label="Confirm cancel">
          <p>
            Cancel this {jobKindLabel[job.kind].toLowerCase()} job? {cancelConsequence(job)}
          </p>
          <div className="queue-actions">
            <button
              type="button"
              className="button button-small button-danger"
              onClick={() => {
                setConfirming(false);
                void cancelJob(job.id);
              }}
              data-testid="queue-cancel-confirm"
            >
              Cancel job
            </button>
            <button
              ref={keepRef}
              type="button"
              className="button button-small"
              onClick={() => setConfirming(false)}
              data-testid="queue-cancel-keep"
            >
              Keep it
            </button>
          </div>
        </div>
      ) : (
        (canRetry(job) || canCancel(job)) && (
          <div className="queue-actions">
            {canRetry(job) && (
              <button
                type="button"
                className="button button-small"
                aria-disabled={pending}
                aria-busy={pending && action.action === 'retry'}
                onClick={() => !pending && void retryJob(job.id)}
                data-testid="queue-retry"
              >
                {pending && action.action === 'retry' ? 'Retrying…' : retryText}
              </button>
            )}
            {canCancel(job) && (
              <button
                type="button"
                className="button button-small"
                aria-disabled={pending}
                aria-busy={pending && action.action === 'cancel'}
                onClick={() => !pending && setConfirming(true)}
                data-testid="queue-cancel"
              >
                {pending && action.action === 'cancel' ? 'Cancelling…' : 'Cancel'}
              </button>
            )}
          </div>
        )
      )}
      {action?.kind === 'failed' && (
        <p className="inline-error" role="alert" data-testid="queue-row-error">
          {action.action === 'retry' ? 'Retry' : 'Cancel'} did not go through:{' '}
          {action.error.message}
        </p>
      )}
    </li>
  );
}
