import { useCallback, useEffect, useRef } from 'react';
import { useSpeaker } from '../../i18n/messages';
import { useStation } from '../../state/station';
import { BatchFilters } from './BatchFilters';
import { BatchList } from './BatchList';
import { BatchProgress } from './BatchProgress';
import { OpenOrdersTable } from './OpenOrdersTable';
import { PrintOrderForm } from './PrintOrderForm';

/** What the last scan on this screen did: the order joined the selection, or why not. */
function ScanLine() {
  const scan = useStation((s) => s.batchScan);
  const { t, say } = useSpeaker();
  if (!scan) return null;
  return (
    <p
      className={scan.kind === 'failed' ? 'inline-error' : 'muted'}
      role="status"
      data-testid="batch-scan"
      data-state={scan.kind}
      data-key={scan.kind === 'failed' ? scan.error.key : undefined}
      data-code={scan.code}
    >
      {scan.kind === 'pending' && t('ui.batch.scan.adding', { code: scan.code })}
      {scan.kind === 'added' && t('ui.batch.scan.added', { order: scan.row.orderNumber })}
      {scan.kind === 'failed' && t('ui.batch.scan.failed', { reason: say(scan.error) })}
    </p>
  );
}

/**
 * The end of the day in one go: the open orders without a label, chosen by hand, by range, all
 * at once or by scanning; the print order; the running batch's progress; and the batches so far.
 */
export function BatchScreen() {
  const open = useStation((s) => s.openOrders);
  const loading = useStation((s) => s.openOrdersLoading);
  const error = useStation((s) => s.openOrdersError);
  const selection = useStation((s) => s.batchSelection);
  const load = useStation((s) => s.loadOpenOrders);
  const chooseAll = useStation((s) => s.selectAllShown);
  const chooseNone = useStation((s) => s.clearBatchSelection);
  const startBatch = useStation((s) => s.startBatch);
  const batchOpen = useStation((s) => s.batchOpen);
  const openView = useStation((s) =>
    s.batchOpen ? (s.batches?.find((b) => b.id === s.batchOpen?.id) ?? null) : null,
  );
  const { t, say } = useSpeaker();
  const searchRef = useRef<HTMLInputElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const start = useCallback(() => {
    void startBatch();
  }, [startBatch]);

  const rows = open?.rows ?? [];
  const view = openView ?? batchOpen?.details ?? null;

  return (
    <main className="batch-screen" data-testid="screen-batch" aria-labelledby="batch-title">
      <div className="shipments-main">
        <div className="shipments-head">
          <h1 id="batch-title" ref={headingRef} tabIndex={-1}>
            {t('ui.batch.title')}
          </h1>
          <p
            className="muted"
            role="status"
            data-testid="batch-count"
            data-total={open?.total}
            data-chosen={selection.length}
          >
            {open && t('ui.batch.open', { count: open.total })}
            {' · '}
            {t('ui.batch.chosen', { count: selection.length })}
          </p>
          <button
            type="button"
            className="button button-small"
            onClick={chooseAll}
            disabled={rows.length === 0}
            data-testid="batch-choose-all"
          >
            {t('ui.batch.chooseAll')}
          </button>
          <button
            type="button"
            className="button button-small"
            onClick={chooseNone}
            disabled={selection.length === 0}
            data-testid="batch-choose-none"
          >
            {t('ui.batch.chooseNone')}
          </button>
        </div>
        <BatchFilters
          choices={open?.choices ?? null}
          searchRef={searchRef}
          onSubmit={() => gridRef.current?.focus()}
        />
        <ScanLine />
        {error && (
          <p className="inline-error" role="alert" data-testid="batch-read-error">
            {t('ui.batch.readFailed', { reason: say(error) })}{' '}
            <button type="button" className="button button-small" onClick={() => void load()}>
              {t('ui.common.tryAgain')}
            </button>
          </p>
        )}
        {open === null && !error ? (
          <p className="muted">{t('ui.batch.reading')}</p>
        ) : (
          <OpenOrdersTable
            rows={rows}
            gridRef={gridRef}
            busy={loading}
            empty={open?.choices.accounts.length ? t('ui.batch.noMatch') : t('ui.batch.empty')}
            onStart={start}
          />
        )}
      </div>
      <aside className="batch-side">
        <PrintOrderForm onStart={start} />
        {batchOpen && view && <BatchProgress details={batchOpen.details} batch={view} />}
        {batchOpen && !view && <p className="muted">{t('ui.batch.readingBatch')}</p>}
        <BatchList />
      </aside>
    </main>
  );
}
