// Batch labels as a capability: start a batch from open orders in the chosen print order, follow
// it, pause, resume or cancel it, retry or leave out a refused order, print it all again, and
// save it as one PDF. The work itself is the outbox job of batch-runner.ts.
import {
  msg,
  type BatchDetails,
  type BatchLayout,
  type BatchOrderView,
  type BatchPdf,
  type BatchSort,
  type BatchStarted,
  type BatchState,
  type BatchView,
  type Message,
  type OpenOrderRow,
  type OpenOrders,
  type OpenOrdersFilter,
} from '../../src-shared';
import type { Accounts } from '../accounts/accounts';
import type { Clock } from '../clock';
import { AppError } from '../errors';
import type { Outbox } from '../outbox/outbox';
import { mergeLabelsA4FourUp, mergeLabelsA6 } from '../printing/batch-documents';
import type { PrinterRegistry } from '../printing/registry';
import type { ShippingOptions } from '../shipping/shipping-options';
import type { CurrentActor } from '../station/actor';
import type { StationIdentity } from '../station/identity';
import { listMerchants } from '../store/accounts';
import {
  batchOrder,
  batchOrders,
  batchStateCounts,
  getBatch,
  insertBatch,
  listBatches,
  liveBatchOfOrder,
  moveBatchOrders,
  openOrder,
  openOrders,
  updateBatch,
  updateBatchOrder,
  type BatchRecord,
  type OpenOrderRecord,
} from '../store/batches';
import type { Db } from '../store/db';
import { findOrderByCode } from '../store/orders';
import { findPacker } from '../store/packers';
import { findShipmentByParcel, findShipmentForOrder } from '../store/shipments';
import { getJob, labelJobForOrder, newJob, type Job } from '../store/jobs';
import { batchPrinter, DEFAULT_CHUNK_SIZE } from './batch-runner';
import { batchEtaMs } from './eta';
import { compareRows, listOpenOrders, openOrderRow, type OpenOrderNames } from './open-orders';

export interface BatchesDeps {
  db: Db;
  clock: Clock;
  newId: () => string;
  accounts: Accounts;
  printers: PrinterRegistry;
  outbox: () => Outbox;
  shippingOptions: Pick<ShippingOptions, 'forOrder'>;
  identity: StationIdentity;
  actor: CurrentActor;
  onChanged: (view: BatchView) => void;
}

export function createBatches(deps: BatchesDeps) {
  const { db, clock } = deps;
  const iso = (ms: number) => new Date(ms).toISOString();

  function names(): OpenOrderNames {
    const accounts = new Map(deps.accounts.list().map((a) => [a.id, a.name]));
    return {
      accountName: (id) => accounts.get(id) ?? id,
      merchants: listMerchants(db),
      option: (order) => deps.shippingOptions.forOrder(order),
    };
  }

  const notFound = (id: string) =>
    new AppError('invalid-input', msg('batch.error.notFound', { id }), {
      log: `No batch ${id}.`,
    });

  function record(id: string): BatchRecord {
    const batch = getBatch(db, id);
    if (!batch) throw notFound(id);
    return batch;
  }

  function stateOf(batch: BatchRecord, job: Job | null): BatchState {
    if (!job) return batch.finishedAt !== null ? 'done' : 'waiting';
    switch (job.state) {
      case 'queued':
      case 'in-flight':
        return 'running';
      case 'waiting':
      case 'needs-attention':
        return 'waiting';
      case 'held':
        return 'paused';
      case 'cancelled':
        return 'cancelled';
      case 'done':
        return batch.cancelledAt !== null && batch.pass === 0 ? 'cancelled' : 'done';
    }
  }

  // Views rise in revision as they are made, past a restart too (the wall clock's µs, at least +1).
  let lastRevision = 0;
  const nextRevision = () => (lastRevision = Math.max(lastRevision + 1, Date.now() * 1000));

  function view(batch: BatchRecord): BatchView {
    const job = getJob(db, batch.jobId);
    const counts = batchStateCounts(db, batch.id);
    const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
    const state = stateOf(batch, job);
    const printer = batch.printerId
      ? (() => {
          try {
            const entry = deps.printers.get(batch.printerId);
            return { id: entry.record.id, name: entry.record.name };
          } catch {
            return { id: batch.printerId, name: batch.printerId };
          }
        })()
      : null;
    const packer = batch.packerId ? findPacker(db, batch.packerId) : null;
    const toAsk = counts.pending + counts.sending;
    const toFetch = toAsk + counts.made;
    const reprinting =
      batch.pass > 0 && state !== 'done'
        ? {
            printed: batchOrders(db, batch.id).filter(
              (o) => o.state === 'printed' && o.position < batch.printCursor,
            ).length,
            total: counts.printed,
          }
        : null;
    const finished = state === 'done' || state === 'cancelled';
    const running = state === 'running' || state === 'waiting';
    return {
      id: batch.id,
      state,
      counts: {
        total,
        made: counts.labelled + counts.printed,
        printed: counts.printed,
        failed: counts.failed,
        toDo: toFetch,
        leftOut: counts['left-out'],
        cancelled: counts.cancelled,
      },
      sort: { field: batch.sortField, direction: batch.sortDirection },
      layout: batch.layout,
      chunkSize: batch.chunkSize,
      printer,
      startedBy: packer ? { id: packer.id, name: packer.name } : null,
      stationName: batch.stationId === deps.identity.id ? deps.identity.name : batch.stationId,
      createdAt: iso(batch.createdAt),
      finishedAt: batch.finishedAt !== null ? iso(batch.finishedAt) : null,
      elapsedMs: Math.max(0, (batch.finishedAt ?? clock.now()) - batch.createdAt),
      etaMs: running
        ? batchEtaMs({
            toAsk,
            toFetch,
            toPrint:
              batch.pass === 0
                ? toFetch + counts.labelled
                : Math.max(0, counts.printed - (reprinting?.printed ?? 0)),
            labelWaitMs: batch.labelWaitMs,
            labelsWaited: batch.labelsWaited,
            printMs: batch.printMs,
            chunksPrinted: batch.chunksPrinted,
            labelsPrinted: counts.printed,
          })
        : null,
      reason: finished ? null : (job?.reason ?? null),
      reprints: batch.pass,
      reprinting,
      revision: nextRevision(),
    };
  }

  function details(batch: BatchRecord): BatchDetails {
    const orders: BatchOrderView[] = batchOrders(db, batch.id).map((order) => ({
      position: order.position,
      orderRef: order.orderRef,
      orderNumber: order.orderNumber,
      state: order.state,
      parcelId: order.parcelId,
      trackingNumber:
        order.parcelId !== null
          ? (findShipmentByParcel(db, order.parcelId)?.trackingNumber ?? null)
          : null,
      error: order.error,
    }));
    return { ...view(batch), orders };
  }

  /** Tell the screens; called after every step of the runner and every command. */
  function changed(id: string): void {
    const batch = getBatch(db, id);
    if (batch) deps.onChanged(view(batch));
  }

  /** Why an order cannot join a batch now, or null if it can. */
  function whyNot(orderRef: string): Message | null {
    if (findShipmentForOrder(db, orderRef) || labelJobForOrder(db, orderRef)) {
      return msg('batch.start.skipped.labelled');
    }
    if (liveBatchOfOrder(db, orderRef)) return msg('batch.start.skipped.inBatch');
    return null;
  }

  function start(input: {
    orderRefs: string[];
    sort: BatchSort;
    printerId?: string | undefined;
    layout?: BatchLayout | undefined;
    chunkSize?: number | undefined;
  }): BatchStarted {
    const printer = batchPrinter(deps.printers, input.printerId ?? null);
    if (!printer) {
      throw new AppError('printer-offline', msg('batch.error.noPrinter'), {
        log: 'A batch was started with no label printer set up.',
      });
    }
    const layout = input.layout ?? (printer.record.paper === 'A4' ? 'a4-four-up' : 'a6');
    const asked = input.chunkSize ?? DEFAULT_CHUNK_SIZE;
    // Four labels a sheet: a chunk of whole sheets, or every chunk ends on a half-empty one.
    const chunkSize =
      layout === 'a4-four-up' && printer.record.language === 'pdf'
        ? Math.max(4, asked - (asked % 4))
        : asked;
    const actor = deps.actor();
    const id = deps.newId();
    const jobId = deps.newId();
    const skipped: BatchStarted['skipped'] = [];
    const namesNow = names();
    const taken: { row: OpenOrderRow; record: OpenOrderRecord }[] = [];
    db.transaction(() => {
      for (const orderRef of [...new Set(input.orderRefs)]) {
        const open = openOrder(db, orderRef);
        if (!open) {
          skipped.push({
            orderRef,
            orderNumber: orderRef,
            reason: whyNot(orderRef) ?? msg('batch.start.skipped.gone'),
          });
          continue;
        }
        taken.push({ row: openOrderRow(open, namesNow), record: open });
      }
      if (taken.length === 0) return;
      taken.sort((a, b) => compareRows(input.sort)(a.row, b.row));
      const accountsUsed = new Set(taken.map((t) => t.record.accountId));
      insertBatch(
        db,
        {
          id,
          jobId,
          sortField: input.sort.field,
          sortDirection: input.sort.direction,
          layout,
          chunkSize,
          printerId: printer.record.id,
          packerId: actor.packerId,
          stationId: actor.stationId,
          createdAt: clock.now(),
        },
        taken.map(({ record: order }) => ({
          orderRef: order.id,
          orderNumber: order.orderNumber,
          accountId: order.accountId,
          integrationId: order.integrationId,
          orderId: order.orderId,
        })),
      );
      deps.outbox().enqueue(
        newJob('batch', jobId, clock.now(), {
          code: id,
          packerId: actor.packerId,
          stationId: actor.stationId,
          printerId: printer.record.id,
          accountId: accountsUsed.size === 1 ? (taken[0]?.record.accountId ?? null) : null,
        }),
      );
    })();
    if (taken.length === 0) {
      throw new AppError('invalid-input', msg('batch.start.skipped.gone'), {
        log: 'A batch was started with no open order.',
      });
    }
    deps.outbox().kick();
    changed(id);
    return { batch: view(record(id)), skipped };
  }

  function currentJob(batch: BatchRecord): Job | null {
    return getJob(db, batch.jobId);
  }

  const active = (job: Job | null) =>
    job !== null && job.state !== 'done' && job.state !== 'cancelled';

  function pause(id: string): BatchView {
    const batch = record(id);
    const job = currentJob(batch);
    if (!job || !active(job)) throw finishedError();
    if (job.state !== 'held' && job.state !== 'needs-attention') {
      deps.outbox().apply(job, { type: 'hold', reason: msg('batch.paused') });
    }
    changed(id);
    return view(record(id));
  }

  function resume(id: string): BatchView {
    const batch = record(id);
    const job = currentJob(batch);
    if (
      job &&
      (job.state === 'held' || job.state === 'needs-attention' || job.state === 'waiting')
    ) {
      deps.outbox().apply(job, { type: 'retry' });
      deps.outbox().kick();
    }
    changed(id);
    return view(record(id));
  }

  /** What is not asked for yet is cancelled; labels made (or being made) still print. */
  function cancel(id: string): BatchView {
    const batch = record(id);
    const job = currentJob(batch);
    if (!job || !active(job)) throw finishedError();
    db.transaction(() => {
      moveBatchOrders(db, id, 'pending', 'cancelled');
      updateBatch(db, id, { cancelledAt: clock.now() });
    })();
    const now = getJob(db, job.id);
    if (now && now.state === 'held') deps.outbox().apply(now, { type: 'retry' });
    deps.outbox().kick();
    changed(id);
    return view(record(id));
  }

  const finishedError = () =>
    new AppError('invalid-input', msg('batch.error.finished'), { log: 'The batch is finished.' });

  /** The batch runs again (a finished one gets a new job): for a retried order or a reprint. */
  function runAgain(batch: BatchRecord, fields: Partial<BatchRecord> = {}): void {
    const job = currentJob(batch);
    if (active(job)) {
      updateBatch(db, batch.id, fields);
      if (job?.state === 'waiting') deps.outbox().apply(job, { type: 'wake' });
      return;
    }
    const actor = deps.actor();
    const jobId = deps.newId();
    updateBatch(db, batch.id, { ...fields, jobId, finishedAt: null });
    deps.outbox().enqueue(
      newJob('batch', jobId, clock.now(), {
        code: batch.id,
        packerId: actor.packerId,
        stationId: actor.stationId,
        printerId: fields.printerId ?? batch.printerId,
      }),
    );
  }

  function failedOrder(id: string, orderRef: string) {
    const batch = record(id);
    const order = batchOrder(db, id, orderRef);
    if (!order) {
      throw new AppError('invalid-input', msg('batch.error.orderNotInBatch', { order: orderRef }), {
        log: `Order ${orderRef} is not in batch ${id}.`,
      });
    }
    if (order.state !== 'failed') {
      throw new AppError('invalid-input', msg('batch.error.notFailed'), {
        log: `Order ${orderRef} of batch ${id} is ${order.state}, not failed.`,
      });
    }
    return { batch, order };
  }

  function retryOrder(id: string, orderRef: string): BatchDetails {
    const { batch, order } = failedOrder(id, orderRef);
    const why = whyNot(orderRef);
    if (why) {
      throw new AppError('already-labelled', why, {
        log: `Order ${order.orderNumber} cannot be retried in batch ${id}.`,
      });
    }
    if (batch.pass > 0 && active(currentJob(batch))) {
      throw new AppError('invalid-input', msg('batch.error.running'), {
        log: `Batch ${id} is being printed again.`,
      });
    }
    db.transaction(() => {
      updateBatchOrder(db, id, order.position, { state: 'pending', error: null, sentAt: null });
      runAgain(batch);
    })();
    deps.outbox().kick();
    changed(id);
    return details(record(id));
  }

  function leaveOut(id: string, orderRef: string): BatchDetails {
    const { order } = failedOrder(id, orderRef);
    updateBatchOrder(db, id, order.position, { state: 'left-out' });
    changed(id);
    return details(record(id));
  }

  function reprint(id: string, printerId?: string): BatchView {
    const batch = record(id);
    if (active(currentJob(batch))) {
      throw new AppError('invalid-input', msg('batch.error.running'), {
        log: `Batch ${id} is still running.`,
      });
    }
    if (batchStateCounts(db, id).printed === 0) {
      throw new AppError('invalid-input', msg('batch.error.nothingPrinted'), {
        log: `Batch ${id} has no printed label.`,
      });
    }
    const printer = printerId ? deps.printers.get(printerId) : null;
    db.transaction(() => {
      runAgain(batch, {
        pass: batch.pass + 1,
        printCursor: 0,
        chunkSentAt: null,
        chunkEnd: null,
        ...(printer ? { printerId: printer.record.id } : {}),
      });
    })();
    deps.outbox().kick();
    changed(id);
    return view(record(id));
  }

  async function pdf(id: string, layout?: BatchLayout): Promise<BatchPdf> {
    const batch = record(id);
    const labels = batchOrders(db, id)
      .filter((o) => o.parcelId !== null && (o.state === 'labelled' || o.state === 'printed'))
      .map((o) => findShipmentByParcel(db, o.parcelId as number))
      .filter((s) => s?.label)
      .map((s) => ({
        bytes: s?.label as Buffer,
        format: s?.labelFormat === 'pdf' ? ('pdf' as const) : ('zpl' as const),
        dpi: s?.labelDpi ?? 203,
      }));
    if (labels.length === 0) {
      throw new AppError('invalid-input', msg('batch.error.nothingPrinted'), {
        log: `Batch ${id} has no label to save.`,
      });
    }
    const chosen = layout ?? batch.layout;
    const bytes =
      chosen === 'a4-four-up' ? await mergeLabelsA4FourUp(labels) : await mergeLabelsA6(labels);
    const day = iso(batch.createdAt).slice(0, 10);
    return {
      fileName: `batch-${day}-${id.slice(0, 8)}.pdf`,
      pdfBase64: bytes.toString('base64'),
      pages: chosen === 'a4-four-up' ? Math.ceil(labels.length / 4) : labels.length,
    };
  }

  function listOpen(query: {
    filter?: OpenOrdersFilter | undefined;
    sort?: BatchSort | undefined;
    limit?: number | undefined;
  }): OpenOrders {
    return listOpenOrders(openOrders(db), names(), {
      ...(query.filter ? { filter: query.filter } : {}),
      ...(query.sort ? { sort: query.sort } : {}),
      ...(query.limit ? { limit: query.limit } : {}),
    });
  }

  /** A scan on the Batch screen: the open order it names, to add to the batch. */
  function scan(code: string): OpenOrderRow {
    const order = findOrderByCode(db, code, deps.accounts.ids());
    if (!order) {
      throw new AppError('order-not-found', msg('batch.scan.unknown', { code }), {
        log: `No cached order for ${code}.`,
      });
    }
    const open = openOrder(db, order.id);
    if (!open) {
      if (liveBatchOfOrder(db, order.id)) {
        throw new AppError('in-batch', msg('batch.scan.inBatch', { order: order.orderNumber }), {
          log: `Order ${order.orderNumber} is in a running batch.`,
        });
      }
      throw new AppError(
        'already-labelled',
        msg('batch.scan.labelled', { order: order.orderNumber }),
        { log: `Order ${order.orderNumber} has a label.` },
      );
    }
    return openOrderRow(open, names());
  }

  return {
    start,
    pause,
    resume,
    cancel,
    retryOrder,
    leaveOut,
    reprint,
    pdf,
    listOpen,
    scan,
    changed,
    list: (): BatchView[] => listBatches(db).map(view),
    details: (id: string): BatchDetails => details(record(id)),
  };
}

export type Batches = ReturnType<typeof createBatches>;
