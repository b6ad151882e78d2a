// Scan-to-ship: a scanned code becomes an outbox job before anything touches Sendcloud or a
// printer, so a scan is never lost and an order is never labelled twice. The scan's audit entry
// follows its job: working, queued (and why), printed or failed.
import type { AppErrorData, JobKind, ScanEntry, ScanState } from '../../src-shared';
import type { Clock } from '../clock';
import { AppError } from '../errors';
import { createLogger } from '../log';
import type { Connectivity } from '../outbox/connectivity';
import type { Outbox } from '../outbox/outbox';
import { recordScan, scansForJob } from '../store/audit';
import type { Db } from '../store/db';
import {
  firstJobIn,
  getJob,
  labelJobForOrder,
  printJobFor,
  unresolvedJobForCode,
  type Job,
  newJob,
} from '../store/jobs';
import { findOrderByCode, type CachedOrder } from '../store/orders';
import {
  findShipmentByParcel,
  findShipmentByTracking,
  findShipmentForOrder,
} from '../store/shipments';
import { describeFailure } from './failures';
import { lookUpOrder, type OrderSource } from './orders';

export interface ScanServiceDeps {
  db: Db;
  clock: Clock;
  newId: () => string;
  /** Every account's id: a cached order of a removed account is not scanned. */
  accountIds: () => string[];
  /** Where an uncached code is looked up: the usable accounts. */
  sources: () => OrderSource[];
  /** Why a job of an account that cannot be used now (reconnect, keychain) waits, or null. */
  heldReason?: (job: Job) => string | null;
  /** The printer labels go to now, for "Printing on …". */
  printerName: () => string;
  connectivity: Connectivity;
  outbox: () => Outbox;
  /** Push a scan's progress to whoever listens (the renderer). */
  onUpdate: (entry: ScanEntry) => void;
  /** How long a scan command waits for its outcome before answering "queued". */
  answerWithinMs?: number;
}

const log = createLogger('scan');
const laneKinds: Record<JobKind, JobKind[]> = {
  'create-label': ['create-label'],
  print: ['print'],
  'sync-orders': ['sync-orders'],
};

export function createScanService(deps: ScanServiceDeps) {
  const answerWithinMs = deps.answerWithinMs ?? 2_000;
  const settled = new Map<string, Set<(entry: ScanEntry) => void>>();
  const iso = () => new Date(deps.clock.now()).toISOString();

  const save = (entry: ScanEntry): ScanEntry => {
    recordScan(deps.db, entry);
    deps.onUpdate({ ...entry });
    if (entry.state !== 'working') {
      for (const resolve of settled.get(entry.id) ?? []) resolve(entry);
      settled.delete(entry.id);
    }
    return entry;
  };

  /** Why a job that has not started waits: the job ahead of it in its lane, or the connection. */
  function queuedBehind(job: Job): string | null {
    const held = deps.heldReason?.(job) ?? null;
    if (held) return held;
    const head = firstJobIn(deps.db, laneKinds[job.kind], ['queued', 'waiting', 'in-flight']);
    // A head job of another account (waiting for its reconnect) is passed over by the lane.
    const sameAccount =
      head?.accountId === null || job.accountId === null || head?.accountId === job.accountId;
    if (head && head.id !== job.id && head.state === 'waiting' && sameAccount) return head.reason;
    if (job.kind === 'create-label' && !deps.connectivity.current().online) {
      return 'Sendcloud is unreachable: queued, it prints when the connection is back.';
    }
    return null;
  }

  /** What a scan shows while its job is in this state. */
  function scanView(job: Job): {
    state: ScanState;
    step: string;
    reason: string | null;
    error: AppErrorData | null;
    warning?: string | null;
  } {
    const printing = job.kind === 'print';
    switch (job.state) {
      case 'queued': {
        const behind = queuedBehind(job);
        if (behind) return { state: 'queued', step: 'Queued', reason: behind, error: null };
        return {
          state: 'working',
          step: printing
            ? `Printing on ${deps.printerName()}`
            : 'Creating the label with Sendcloud',
          reason: null,
          error: null,
        };
      }
      case 'in-flight':
        return {
          state: 'working',
          step: printing
            ? `Printing on ${deps.printerName()}`
            : job.attempts > 1
              ? 'Checking Sendcloud for a label an earlier try made'
              : 'Creating the label with Sendcloud',
          reason: null,
          error: null,
        };
      case 'waiting':
      case 'held':
        return { state: 'queued', step: 'Queued', reason: job.reason, error: null };
      case 'needs-attention':
        // A stale label is not a failure: it waits for a packer's go-ahead.
        return job.lastError?.code === 'label-stale'
          ? { state: 'queued', step: 'Waiting for a go-ahead', reason: job.reason, error: null }
          : { state: 'failed', step: 'Failed', reason: job.reason, error: job.lastError };
      case 'done':
        // A decentralised merchant's order is handed over, not labelled: the job says so.
        if (!printing && job.reason !== null) {
          return { state: 'printed', step: job.reason, reason: null, error: null };
        }
        return printing
          ? { state: 'printed', step: 'Printed', reason: null, error: null, warning: job.reason }
          : {
              state: 'working',
              step: `Printing on ${deps.printerName()}`,
              reason: null,
              error: null,
            };
      case 'cancelled':
        return {
          state: 'failed',
          step: 'Cancelled',
          reason: null,
          error: { code: 'cancelled', message: 'Cancelled from the queue: nothing was printed.' },
        };
    }
  }

  /** Bring every scan a job carries up to date with the job. */
  function onJobChanged(job: Job): void {
    const root = job.kind === 'print' && job.parentId ? job.parentId : job.id;
    const scans = scansForJob(deps.db, root);
    if (scans.length === 0) return;
    const shipment = job.parcelId !== null ? findShipmentByParcel(deps.db, job.parcelId) : null;
    const view = scanView(job);
    for (const scan of scans) {
      // A reprint's scan follows only its own print job; an order's scans follow both jobs.
      if (scan.reprint && job.id !== scan.jobId) continue;
      const finished = view.state === 'printed' || view.state === 'failed';
      save({
        ...scan,
        state: view.state,
        step: scan.reprint && view.state === 'printed' ? 'Reprinted' : view.step,
        waitingReason: view.reason,
        warning: view.warning ?? null,
        error: view.error,
        orderNumber: job.orderNumber ?? scan.orderNumber,
        trackingNumber: shipment?.trackingNumber ?? scan.trackingNumber,
        carrier: shipment?.carrier ?? scan.carrier,
        finishedAt: finished ? (scan.finishedAt ?? iso()) : null,
      });
    }
  }

  const fresh = (kind: JobKind, fields: Parameters<typeof newJob>[3]) =>
    newJob(kind, deps.newId(), deps.clock.now(), fields);

  /** Look the code up in the cache, or ask Sendcloud once; null while Sendcloud is unreachable. */
  async function findOrder(entry: ScanEntry, code: string): Promise<CachedOrder | null> {
    const cached = findOrderByCode(deps.db, code, deps.accountIds());
    if (cached) return cached;
    if (!deps.connectivity.current().online) return null;
    save({ ...entry, step: 'Asking Sendcloud for the order' });
    try {
      return await lookUpOrder({
        db: deps.db,
        sources: deps.sources,
        now: deps.clock.now,
        reached: deps.connectivity.reached,
        code,
      });
    } catch (error) {
      const data = describeFailure(error);
      if (data.code !== 'offline') throw error;
      // Unreachable: queue the scan unresolved; it is resolved when the connection is back.
      deps.connectivity.unreachable(data);
      return null;
    }
  }

  /** Put the scan on a job (new or existing) and wait briefly for its outcome. */
  async function follow(entry: ScanEntry, job: Job): Promise<ScanEntry> {
    const linked = save({ ...entry, jobId: job.id });
    const outcome = new Promise<ScanEntry>((resolve) => {
      const waiting = settled.get(linked.id) ?? new Set();
      waiting.add(resolve);
      settled.set(linked.id, waiting);
    });
    // The job may already be past the point this scan needs (a rescan of a queued order).
    onJobChanged(getJob(deps.db, job.id) ?? job);
    const print = job.kind === 'create-label' ? printJobFor(deps.db, job.id) : null;
    if (print) onJobChanged(print);
    deps.outbox().kick();

    const controller = new AbortController();
    const timeout = deps.clock.sleep(answerWithinMs, controller.signal).then(
      () => null,
      () => null,
    );
    const result = await Promise.race([outcome, timeout]);
    controller.abort();
    if (result) return result;
    settled.delete(linked.id);
    // Still waiting its turn: answer "queued" now; events carry the rest.
    const current = scansForJob(deps.db, job.id).find((scan) => scan.id === linked.id) ?? linked;
    if (current.state !== 'working') return current;
    return save({
      ...current,
      state: 'queued',
      step: 'Queued',
      waitingReason: current.waitingReason ?? 'In the queue behind earlier scans.',
    });
  }

  async function scan(rawCode: string): Promise<ScanEntry> {
    const code = rawCode.trim();
    let entry: ScanEntry = save({
      id: deps.newId(),
      code,
      state: 'working',
      step: 'Looking up the scan',
      orderNumber: null,
      trackingNumber: null,
      carrier: null,
      error: null,
      startedAt: iso(),
      finishedAt: null,
      reprint: false,
      jobId: null,
      waitingReason: null,
      warning: null,
    });
    try {
      const labelled = findShipmentByTracking(deps.db, code);
      if (labelled) {
        entry = save({
          ...entry,
          reprint: true,
          orderNumber: labelled.orderNumber,
          trackingNumber: labelled.trackingNumber,
          carrier: labelled.carrier,
        });
        const job = deps.outbox().enqueue(
          fresh('print', {
            orderRef: labelled.orderRef,
            orderNumber: labelled.orderNumber,
            code,
            parcelId: labelled.parcelId,
            // A reprint is asked for now: it is never stale.
            approvedAt: deps.clock.now(),
          }),
        );
        return await follow(entry, job);
      }

      const order = await findOrder(entry, code);
      if (!order) {
        const pending = unresolvedJobForCode(deps.db, code);
        const job = pending ?? deps.outbox().enqueue(fresh('create-label', { code }));
        return await follow(entry, job);
      }
      entry = save({ ...entry, orderNumber: order.orderNumber });

      const shipment = findShipmentForOrder(deps.db, order.id);
      if (shipment?.printedAt) {
        throw new AppError(
          'already-labelled',
          `Order ${order.orderNumber} already has a label (${shipment.trackingNumber}). Scan the tracking number to reprint it.`,
        );
      }
      // The order may be on its way already: its own job, or one queued unresolved offline under
      // this very code before the order reached the cache.
      let job = labelJobForOrder(deps.db, order.id) ?? unresolvedJobForCode(deps.db, code);
      if (job?.state === 'needs-attention') {
        // Scanning the order again is the packer's way to say "try again".
        job = deps.outbox().apply(job, { type: 'retry' });
      }
      job ??= deps.outbox().enqueue(
        fresh('create-label', {
          orderRef: order.id,
          orderNumber: order.orderNumber,
          code,
          accountId: order.accountId,
        }),
      );
      return await follow(entry, job);
    } catch (error) {
      const data = describeFailure(error);
      if (data.code === 'internal') log.error('scan failed unexpectedly', { error });
      return save({
        ...entry,
        state: 'failed',
        step: 'Failed',
        error: data,
        finishedAt: iso(),
      });
    }
  }

  return { scan, onJobChanged };
}
