import { useState } from 'react';
import type { BatchView } from '../../../src-shared';
import { dateTime, duration } from '../../i18n/format';
import { useSpeaker } from '../../i18n/messages';
import { isLive } from '../../state/batch';
import { actionKey } from '../../state/slices/batch';
import { useStation } from '../../state/station';
import { pdfBlob, saveFile } from '../shared/save-file';

/** One batch of the station: its summary, and Show orders, Print again, Save PDF. */
function BatchItem({ batch }: { batch: BatchView }) {
  const open = useStation((s) => s.openBatch);
  const act = useStation((s) => s.batchAction);
  const pdf = useStation((s) => s.batchPdf);
  const reprinting = useStation(
    (s) => s.batchActions[actionKey('reprint', batch.id)]?.kind === 'pending',
  );
  const saving = useStation((s) => s.batchActions[actionKey('pdf', batch.id)]?.kind === 'pending');
  const failed = useStation(
    (s) =>
      s.batchActions[actionKey('reprint', batch.id)] ?? s.batchActions[actionKey('pdf', batch.id)],
  );
  const [saved, setSaved] = useState<{ file: string; pages: number } | null>(null);
  const { t, say, language } = useSpeaker();
  const live = isLive(batch);

  return (
    <li
      className="batch-item"
      data-testid="batch-item"
      data-batch-id={batch.id}
      data-state={batch.state}
      data-reprints={batch.reprints}
      data-printed={batch.counts.printed}
      data-failed={batch.counts.failed}
    >
      <div className="batch-card-head">
        <strong>{dateTime(language, batch.createdAt)}</strong>
        <span className={`state-chip batch-state-${batch.state}`}>
          {t(`ui.batch.state.${batch.state}`)}
        </span>
      </div>
      <p className="batch-summary">
        {t('ui.batch.list.summary', {
          printed: batch.counts.printed,
          total: batch.counts.total,
          failed: batch.counts.failed,
          leftOut: batch.counts.leftOut,
        })}
      </p>
      <p className="muted batch-facts">
        {batch.startedBy
          ? t('ui.batch.list.by', { name: batch.startedBy.name })
          : t('ui.batch.list.nobody')}
        {' · '}
        {t('ui.batch.progress.took', { time: duration(language, batch.elapsedMs) })}
        {batch.printer && <> · {t('ui.batch.list.printer', { printer: batch.printer.name })}</>}
        {batch.reprints > 0 && <> · {t('ui.batch.list.reprints', { count: batch.reprints })}</>}
      </p>
      <div className="batch-actions">
        <button
          type="button"
          className="button button-small"
          onClick={() => void open(batch.id)}
          data-testid="batch-show"
        >
          {t('ui.batch.list.show')}
        </button>
        {!live && batch.counts.printed > 0 && (
          <>
            <button
              type="button"
              className="button button-small"
              disabled={reprinting}
              onClick={() => {
                void act('reprint', batch.id).then((done) => {
                  if (done) void open(batch.id);
                });
              }}
              data-testid="batch-reprint"
            >
              {t('ui.batch.reprint')}
            </button>
            <button
              type="button"
              className="button button-small"
              disabled={saving}
              onClick={() => {
                void pdf(batch.id).then((file) => {
                  if (!file) return;
                  saveFile(file.fileName, pdfBlob(file.pdfBase64));
                  setSaved({ file: file.fileName, pages: file.pages });
                });
              }}
              data-testid="batch-pdf"
            >
              {t('ui.batch.pdf')}
            </button>
          </>
        )}
      </div>
      {saved && (
        <p className="muted" role="status" data-testid="batch-pdf-saved" data-pages={saved.pages}>
          {t('ui.batch.pdf.saved', { count: saved.pages, file: saved.file })}
        </p>
      )}
      {failed?.kind === 'failed' && (
        <p className="inline-error" role="alert" data-key={failed.error.key}>
          {t('ui.batch.actionFailed', { reason: say(failed.error) })}
        </p>
      )}
    </li>
  );
}

/** Every batch of the station, newest first, each with its summary. */
export function BatchList() {
  const batches = useStation((s) => s.batches);
  const error = useStation((s) => s.batchesError);
  const { t, say } = useSpeaker();
  return (
    <section className="batch-card" aria-labelledby="batch-list-title" data-testid="batch-list">
      <h2 id="batch-list-title">{t('ui.batch.list.title')}</h2>
      {error && (
        <p className="inline-error" role="alert">
          {t('ui.batch.actionFailed', { reason: say(error) })}
        </p>
      )}
      {batches?.length === 0 && <p className="muted">{t('ui.batch.list.none')}</p>}
      <ul className="batch-items">
        {batches?.map((batch) => (
          <BatchItem key={batch.id} batch={batch} />
        ))}
      </ul>
    </section>
  );
}
