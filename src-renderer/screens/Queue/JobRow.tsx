import { useState } from 'react';
import type { JobView } from '../../../src-shared';
import { clockTime, dateTime } from '../../i18n/format';
import { useSpeaker } from '../../i18n/messages';
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
  const { t, say, language } = useSpeaker();

  const subject = job.orderNumber ?? job.code;
  // A stale label waits for the packer's go-ahead; "retry" would undersell what the button does.
  const retryText = t(
    job.state === 'needs-attention' && job.lastError?.code === 'label-stale'
      ? 'ui.queue.printNow'
      : 'ui.queue.retry',
  );

  return (
    <li
      className={`queue-row queue-row-${job.state}`}
      data-testid="queue-row"
      data-state={job.state}
      data-job-id={job.id}
    >
      <div className="queue-row-head">
        <span className="queue-kind">{say(jobKindLabel(job.kind))}</span>
        {subject && <strong className="queue-subject">{subject}</strong>}
        <span className={`state-chip job-state-${job.state}`}>{say(jobStateLabel(job.state))}</span>
      </div>
      {job.code && job.orderNumber && job.code !== job.orderNumber && (
        <p className="queue-fact">
          {t('ui.queue.scanned')} <span className="mono">{job.code}</span>
        </p>
      )}
      {job.trackingNumber && (
        <p className="queue-fact">
          {t('ui.queue.tracking')} <span className="mono">{job.trackingNumber}</span>
        </p>
      )}
      {job.reason && (
        <p className="queue-reason" data-testid="queue-reason">
          {say(job.reason)}
        </p>
      )}
      <p className="queue-fact muted">
        {t('ui.queue.attempts', { count: job.attempts })}
        {job.nextAttemptAt && (
          <> · {t('ui.queue.nextTry', { time: clockTime(language, job.nextAttemptAt) })}</>
        )}{' '}
        · {t('ui.queue.queuedAt', { time: dateTime(language, job.createdAt) })}
      </p>
      {job.lastError && (
        <p className="queue-last-error" data-testid="queue-last-error">
          {t('ui.queue.lastError', { reason: say(job.lastError) })}{' '}
          <span className="muted">({job.lastError.code})</span>
        </p>
      )}

      {confirming ? (
        <ConfirmAction
          look="queue"
          label={t('ui.queue.cancel.confirmLabel')}
          confirmText={t('ui.queue.cancel.confirm')}
          confirmTestId="queue-cancel-confirm"
          keepTestId="queue-cancel-keep"
          onConfirm={() => {
            setConfirming(false);
            void cancelJob(job.id);
          }}
          onKeep={() => setConfirming(false)}
        >
          {t(`ui.queue.cancel.question.${job.kind}`)} {say(cancelConsequence(job))}
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
                {pending && action.action === 'retry' ? t('ui.queue.retrying') : retryText}
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
                {pending && action.action === 'cancel'
                  ? t('ui.queue.cancelling')
                  : t('ui.queue.cancel')}
              </button>
            )}
          </div>
        )
      )}
      {action?.kind === 'failed' && (
        <p className="inline-error" role="alert" data-testid="queue-row-error">
          {t(`ui.queue.failed.${action.action}`, { reason: say(action.error) })}
        </p>
      )}
    </li>
  );
}
