import { useState } from 'react';
import type { BatchDetails, BatchOrderView, BatchView } from '../../../src-shared';
import { dateTime, duration } from '../../i18n/format';
import { useSpeaker } from '../../i18n/messages';
import { isLive, printedOf } from '../../state/batch';
import { actionKey } from '../../state/slices/batch';
import { useStation } from '../../state/station';
import { ConfirmAction } from '../shared/ConfirmAction';

/** The bar: labels printed of those to print, with what was made and refused said beside it. */
export function BatchBar({ batch }: { batch: BatchView }) {
  const { t } = useSpeaker();
  const { printed, total } = printedOf(batch);
  const percent = total > 0 ? Math.round((printed / total) * 100) : 100;
  const madePercent =
    total > 0 && !batch.reprinting ? Math.round((batch.counts.made / total) * 100) : percent;
  return (
    <div className="batch-bar-wrap">
      <div
        className="batch-bar"
        role="progressbar"
        aria-label={t('ui.batch.progress.label')}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={printed}
        data-testid="batch-progress"
      >
        <span className="batch-bar-made" style={{ width: `${madePercent}%` }} />
        <span className="batch-bar-printed" style={{ width: `${percent}%` }} />
      </div>
      <p className="batch-counts" data-testid="batch-counts">
        {batch.reprinting
          ? t('ui.batch.progress.reprinting', batch.reprinting)
          : t('ui.batch.progress.counts', {
              made: batch.counts.made,
              printed: batch.counts.printed,
              failed: batch.counts.failed,
              total: batch.counts.total,
            })}
      </p>
    </div>
  );
}

function ActionError({ actionId }: { actionId: string }) {
  const action = useStation((s) => s.batchActions[actionId]);
  const { t, say } = useSpeaker();
  if (action?.kind !== 'failed') return null;
  return (
    <p
      className="inline-error"
      role="alert"
      data-testid="batch-action-error"
      data-key={action.error.key}
    >
      {t('ui.batch.actionFailed', { reason: say(action.error) })}
    </p>
  );
}

/** A refused order: why, in the packer's words, and Retry or Leave out. */
function RefusedOrder({ batchId, order }: { batchId: string; order: BatchOrderView }) {
  const act = useStation((s) => s.batchOrderAction);
  const retrying = useStation(
    (s) => s.batchActions[actionKey('retryOrder', batchId, order.orderRef)]?.kind === 'pending',
  );
  const leaving = useStation(
    (s) => s.batchActions[actionKey('leaveOut', batchId, order.orderRef)]?.kind === 'pending',
  );
  const { t, say } = useSpeaker();
  return (
    <li
      className="batch-refused"
      data-testid="batch-refused"
      data-order-number={order.orderNumber}
      data-key={order.error?.key}
    >
      <div>
        <strong>{order.orderNumber}</strong>{' '}
        <span data-testid="batch-refused-reason">{order.error ? say(order.error) : ''}</span>
      </div>
      <div className="batch-actions">
        <button
          type="button"
          className="button button-small"
          disabled={retrying || leaving}
          onClick={() => void act('retryOrder', batchId, order.orderRef)}
          data-testid="batch-retry"
        >
          {t('ui.batch.retry')}
        </button>
        <button
          type="button"
          className="button button-small"
          disabled={retrying || leaving}
          onClick={() => void act('leaveOut', batchId, order.orderRef)}
          data-testid="batch-leave-out"
        >
          {t('ui.batch.leaveOut')}
        </button>
      </div>
      <ActionError actionId={actionKey('retryOrder', batchId, order.orderRef)} />
      <ActionError actionId={actionKey('leaveOut', batchId, order.orderRef)} />
    </li>
  );
}

/** Pause, Resume, and Cancel the rest behind a question. */
function BatchControls({ batch }: { batch: BatchView }) {
  const act = useStation((s) => s.batchAction);
  const pending = useStation((s) =>
    (['pause', 'resume', 'cancel'] as const).some(
      (action) => s.batchActions[actionKey(action, batch.id)]?.kind === 'pending',
    ),
  );
  const [asking, setAsking] = useState(false);
  const { t } = useSpeaker();
  if (!isLive(batch)) return null;
  if (asking) {
    return (
      <ConfirmAction
        look="queue"
        label={t('ui.batch.cancel')}
        confirmText={t('ui.batch.cancel')}
        confirmTestId="batch-cancel-confirm"
        keepTestId="batch-cancel-keep"
        onConfirm={() => {
          setAsking(false);
          void act('cancel', batch.id);
        }}
        onKeep={() => setAsking(false)}
      >
        {t('ui.batch.cancel.question', { count: batch.counts.toDo })}
      </ConfirmAction>
    );
  }
  return (
    <div className="batch-actions">
      {batch.state === 'paused' || batch.state === 'waiting' ? (
        <button
          type="button"
          className="button button-small"
          disabled={pending}
          onClick={() => void act('resume', batch.id)}
          data-testid="batch-resume"
        >
          {t('ui.batch.resume')}
        </button>
      ) : (
        <button
          type="button"
          className="button button-small"
          disabled={pending}
          onClick={() => void act('pause', batch.id)}
          data-testid="batch-pause"
        >
          {t('ui.batch.pause')}
        </button>
      )}
      {batch.counts.toDo > 0 && (
        <button
          type="button"
          className="button button-small button-danger"
          disabled={pending}
          onClick={() => setAsking(true)}
          data-testid="batch-cancel"
        >
          {t('ui.batch.cancel')}
        </button>
      )}
    </div>
  );
}

/**
 * The open batch: its state and why it waits, the bar, the time left, the controls, and every
 * refused order next to its reason.
 */
export function BatchProgress({
  details,
  batch,
}: {
  details: BatchDetails | null;
  batch: BatchView;
}) {
  const close = useStation((s) => s.closeBatch);
  const { t, say, language } = useSpeaker();
  const refused = details?.orders.filter((order) => order.state === 'failed') ?? [];
  return (
    <section
      className="batch-card batch-progress"
      aria-labelledby="batch-progress-title"
      data-testid="batch-open"
      data-batch-id={batch.id}
      data-state={batch.state}
    >
      <div className="batch-card-head">
        <h2 id="batch-progress-title">
          {t('ui.batch.progress.title', { time: dateTime(language, batch.createdAt) })}
        </h2>
        <span className={`state-chip batch-state-${batch.state}`} data-testid="batch-state">
          {t(`ui.batch.state.${batch.state}`)}
        </span>
        <button
          type="button"
          className="button button-small"
          onClick={close}
          data-testid="batch-close"
        >
          {t('ui.batch.close')}
        </button>
      </div>
      <BatchBar batch={batch} />
      {batch.reason && (
        <p
          className="batch-reason"
          role="status"
          data-testid="batch-reason"
          data-key={batch.reason.key}
        >
          {say(batch.reason)}
        </p>
      )}
      <p className="muted" data-testid="batch-time">
        {batch.etaMs !== null
          ? t('ui.batch.progress.eta', { time: duration(language, batch.etaMs) })
          : t('ui.batch.progress.took', { time: duration(language, batch.elapsedMs) })}
      </p>
      <BatchControls batch={batch} />
      {(['pause', 'resume', 'cancel'] as const).map((action) => (
        <ActionError key={action} actionId={actionKey(action, batch.id)} />
      ))}
      {details === null && <p className="muted">{t('ui.batch.readingBatch')}</p>}
      {refused.length > 0 && (
        <>
          <h3>{t('ui.batch.refused.title')}</h3>
          <ul className="batch-refused-list" data-testid="batch-refused-list">
            {refused.map((order) => (
              <RefusedOrder key={order.orderRef} batchId={batch.id} order={order} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
