import { useState } from 'react';
import type { JobView } from '../../../src-shared';
import { clockTime, dateTime } from '../../format';
import {
  canCancel,
  canRetry,
  cancelConsequence,
  jobKindLabel,
  jobStateLabel,
} from '../../state/outbox';
import { useStation } from '../../state/station';
import { ConfirmAction } from '../shared/ConfirmAction';

/** One outbox job: what it is, why it waits, and the packer's two levers, retry and cancel. */
export function JobRow({ job }: { job: JobView }) {
  const action = useStation((s) => s.jobActions[job.id]);
  const retryJob = useStation((s) => s.retryJob);
  const cancelJob = useStation((s) => s.cancelJob);
  const [confirming, setConfirming] = useState(false);
  const pending = action?.kind === 'pending';

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
        <ConfirmAction
          look="queue"
          label="Confirm cancel"
          confirmText="Cancel job"
          confirmTestId="queue-cancel-confirm"
          keepTestId="queue-cancel-keep"
          onConfirm={() => {
            setConfirming(false);
            void cancelJob(job.id);
          }}
          onKeep={() => setConfirming(false)}
        >
          Cancel this {jobKindLabel[job.kind].toLowerCase()} job? {cancelConsequence(job)}
        </ConfirmAction>
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
