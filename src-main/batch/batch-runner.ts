// The outbox job of a batch: its orders labelled with create-labels-async (20 a request), their
// labels fetched as bulk documents (20 a request), and printed in the batch's order in chunks the
// printer confirms one by one. Each run of the job does one step and goes back in line, so a
// crash loses at most the step in flight, and that step is one the next run can tell apart: an
// order whose request went out without an answer is looked up in Sendcloud before it is asked
// for again (create-labels-async has no idempotency key).
import { msg, type AppErrorData, type Message } from '../../src-shared';
import type { Accounts } from '../accounts/accounts';
import type { Clock } from '../clock';
import { createLogger } from '../log';
import type { Connectivity } from '../outbox/connectivity';
import { OFFLINE_RETRY_MS, resultOfFailure, type JobResult } from '../outbox/outbox';
import { classifyFailure, waitingReason } from '../outbox/policy';
import { labelRequestFor, prepareLabel } from '../printing/formats';
import { PrinterError } from '../printing/printer';
import {
  assertReady,
  targetOf,
  type PrinterEntry,
  type PrinterRegistry,
} from '../printing/registry';
import { SendcloudError } from '../sendcloud/errors';
import type { Order } from '../sendcloud/schemas';
import type { LabelsAsyncFailure } from '../sendcloud/v3/ship-an-order';
import {
  batchOfJob,
  getBatch,
  batchOrders,
  batchOrdersIn,
  updateBatch,
  updateBatchOrder,
  type BatchOrderRecord,
  type BatchRecord,
} from '../store/batches';
import type { Db } from '../store/db';
import type { Job } from '../store/jobs';
import { merchantForOrder } from '../store/accounts';
import { getOrder, orderBody, orderRecipient } from '../store/orders';
import { recordShipmentEvent } from '../store/shipment-events';
import {
  findShipmentByParcel,
  insertShipment,
  markPrinted,
  markReprinted,
  type Shipment,
} from '../store/shipments';
import { labelsMadeSince } from '../shipping/earlier-labels';
import { labelFormatOf, NATIVE_ZPL_DPI } from '../shipping/label-documents';
import { refusedByCarrier } from '../shipping/fallback';
import { planLabel, type LabelPlan } from '../shipping/label-plan';
import { sendUnlessSpooled } from '../shipping/print-once';
import type { Routing } from '../shipping/routing';
import { orderPointId } from '../shipping/service-points';
import { forgetSpooled } from '../store/spooled-prints';
import {
  mergeLabelsA4FourUp,
  mergeLabelsA6,
  splitPdfPages,
  splitZplLabels,
} from '../printing/batch-documents';
import { batchOrderError } from './batch-errors';
import { heldElsewhere, type Claims } from '../warehouse/claims';

/** Sendcloud takes 1..20 orders a create-labels-async, and 1..20 parcels a bulk document. */
export const ORDERS_PER_REQUEST = 20;
export const DEFAULT_CHUNK_SIZE = 50;
/**
 * Requests of one kind a step makes side by side: Sendcloud works on the next while the station
 * keeps the answer of the last. Each group is marked sent on its own, so a crash is no worse.
 */
export const REQUESTS_AT_ONCE = 5;
/** Labels Sendcloud is still making are asked for again after this long. */
const READY_POLL_MS = 1_000;

export interface BatchRunnerDeps {
  db: Db;
  clock: Clock;
  accounts: Accounts;
  printers: PrinterRegistry;
  connectivity: Connectivity;
  stationId?: string;
  random?: () => number;
  readyPollMs?: number;
  /** After every step: the Batch screen and the header's progress follow. */
  onBatchChanged: (batchId: string) => void;
  onShipmentChanged?: (parcelId: number) => void;
  /**
   * The warehouse's claims: a batch labels only the orders no other station holds (absent, or
   * without a warehouse: every order).
   */
  claims?: Pick<Claims, 'claim' | 'noteLabelled' | 'abandon' | 'reconcile'>;
  /** The station's routing rules and each account's fallbacks; absent: the account's option. */
  routing?: Pick<Routing, 'settingsOf' | 'route' | 'factsFor' | 'deliversToPoint'>;
}

const log = createLogger('batch');

/** The printer a batch prints on: the one it was started with, else the label route. */
export function batchPrinter(
  printers: PrinterRegistry,
  printerId: string | null,
): PrinterEntry | null {
  if (printerId !== null) {
    try {
      return printers.get(printerId);
    } catch {
      return null;
    }
  }
  return printers.printerFor('zpl-label') ?? printers.printerFor('pdf-label');
}

export function createBatchRunner(deps: BatchRunnerDeps) {
  const { db, clock } = deps;
  const random = deps.random ?? Math.random;
  const readyPollMs = deps.readyPollMs ?? READY_POLL_MS;
  // Orders whose claim asked for the Sendcloud look-up, and had it (batch id and position).
  const lookedUp = new Set<string>();
  const iso = (ms: number) => new Date(ms).toISOString();

  /**
   * Each order's label plan, worked out once (as a scan's label job does), and which of its
   * options it is on: a carrier's refusal moves it to the next. In memory: after a restart an
   * order starts again at its first option, which a refusing carrier refuses again, making none.
   */
  const plans = new Map<string, { plan: LabelPlan; tried: number }>();
  const planKey = (order: Pick<BatchOrderRecord, 'batchId' | 'position'>) =>
    `${order.batchId} ${order.position}`;

  function planOf(order: BatchOrderRecord): { plan: LabelPlan; tried: number } {
    const key = planKey(order);
    let entry = plans.get(key);
    if (!entry) {
      const account = deps.accounts.record(order.accountId);
      const cached = getOrder(db, order.orderRef);
      const routing = deps.routing ?? null;
      const merchant = merchantForOrder(db, order.orderNumber);
      const facts = cached && routing ? routing.factsFor(cached, merchant?.id ?? null) : null;
      const plan = planLabel(
        account,
        {
          shippingOptionCode: cached?.shippingOptionCode ?? null,
          facts,
          servicePoint: orderPointId(orderBody(db, order.orderRef)) !== null,
        },
        null,
        routing,
      );
      entry = { plan, tried: 0 };
      plans.set(key, entry);
    }
    return entry;
  }

  /** The option an order is asked with now; Sendcloud's rules choose only on its first try. */
  function optionNow(order: BatchOrderRecord): { code: string | null; applyRules: boolean } {
    const { plan, tried } = planOf(order);
    return {
      code: [plan.optionCode, ...plan.fallbacks][tried] ?? null,
      applyRules: plan.applyShippingRules && tried === 0,
    };
  }

  /** A failure of the step (not of one order): the job waits, and says why. */
  function failedStep(job: Job, error: unknown): JobResult {
    const { kind, error: data } = classifyFailure(error);
    if (error instanceof SendcloudError && error.kind === 'auth') {
      return defer(data, msg('batch.waiting.accountKeys'), OFFLINE_RETRY_MS);
    }
    if (kind === 'offline') deps.connectivity.unreachable(data);
    else if (kind === 'transient') deps.connectivity.reached();
    return resultOfFailure(job, kind, data, waitingReason(kind, data), random);
  }

  const defer = (error: AppErrorData, reason: Message, delayMs: number): JobResult => ({
    type: 'defer',
    event: { type: 'defer', error, reason, delayMs },
  });

  const internal = (what: string): JobResult => {
    log.error('a batch job cannot run', { what });
    return {
      type: 'block',
      event: {
        type: 'block',
        error: { code: 'internal', ...msg('job.error.internal') },
        reason: msg('job.internal'),
      },
    };
  };

  async function run(job: Job): Promise<JobResult> {
    const batch = batchOfJob(db, job.id);
    if (!batch) return internal(`no batch for job ${job.id}`);
    try {
      // A refused order retried after a reprint is labelled (and printed late) as in the first.
      const labelling =
        batch.pass === 0 ||
        batchOrdersIn(db, batch.id, ['pending', 'sending', 'made', 'labelled'], 1).length > 0;
      return labelling ? await firstPass(job, batch) : await reprintPass(batch);
    } catch (error) {
      return failedStep(job, error);
    } finally {
      deps.onBatchChanged(batch.id);
    }
  }

  /** One step of making and printing the labels. */
  /**
   * When a fetch of each batch last found its labels not ready: the next is not before
   * `readyPollMs` later. In memory only: after a restart the first step simply asks again.
   */
  const notReadyAt = new Map<string, number>();

  async function firstPass(job: Job, batch: BatchRecord): Promise<JobResult> {
    const sending = batchOrdersIn(db, batch.id, ['sending']);
    if (sending.length > 0) {
      await reconcile(batch, sending);
      return again(0);
    }
    if (batch.chunkSentAt !== null) {
      await printChunk(batch, chunkInFlight(batch), false);
      return again(0);
    }
    // Asking for the next labels, fetching those Sendcloud has made and printing a full chunk
    // touch different orders, so they go side by side: Sendcloud makes labels while the
    // station keeps and prints the earlier ones.
    const work: Promise<unknown>[] = [];
    const full = nextChunk(batch, false);
    if (full) work.push(printChunk(batch, full, false));
    const sends =
      batch.cancelledAt === null
        ? groupsOf(
            await claimed(batch, batchOrdersIn(db, batch.id, ['pending'])),
            // One option a request (its `ship_with`): orders are grouped by their plan's.
            (o) => `${o.accountId} ${o.integrationId} ${optionNow(o).code ?? ''}`,
            REQUESTS_AT_ONCE,
          )
        : [];
    for (const group of sends) work.push(send(batch, group));
    const made = batchOrdersIn(db, batch.id, ['made']);
    const unnamed = made.filter((o) => o.parcelId === null);
    if (unnamed.length > 0) {
      // An answer that named no parcel: look the order up as if the answer were lost.
      for (const order of unnamed) {
        updateBatchOrder(db, batch.id, order.position, { state: 'sending' });
      }
    }
    const fetchDue = clock.now() - (notReadyAt.get(batch.id) ?? -Infinity) >= readyPollMs;
    let fetched = 0;
    if (unnamed.length === 0 && made.length > 0 && fetchDue) {
      const fetches = groupsOf(made, (o) => `${o.accountId} ${o.carrier}`, REQUESTS_AT_ONCE);
      for (const group of fetches) {
        work.push(fetchLabels(batch, group).then((count) => void (fetched += count)));
      }
    }
    if (work.length > 0) {
      const settled = await Promise.allSettled(work);
      if (made.length > 0 && fetchDue) {
        if (fetched === 0) notReadyAt.set(batch.id, clock.now());
        else notReadyAt.delete(batch.id);
      }
      const failure = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failure) throw failure.reason;
      if (full || sends.length > 0 || fetched > 0) return again(0);
    }
    if (unnamed.length > 0) return again(0);
    const rest = nextChunk(batch, true);
    if (rest) {
      await printChunk(batch, rest, false);
      return again(0);
    }
    if (made.length > 0) {
      const wait = Math.max(
        0,
        (notReadyAt.get(batch.id) ?? clock.now()) + readyPollMs - clock.now(),
      );
      return again(wait, msg('batch.step.waitingForLabels', { count: made.length }));
    }
    notReadyAt.delete(batch.id);
    for (const key of plans.keys()) if (key.startsWith(`${batch.id} `)) plans.delete(key);
    updateBatch(db, batch.id, { finishedAt: clock.now() });
    log.info('batch finished', { batch: batch.id, job: job.id });
    return { type: 'done' };
  }

  /** One chunk of printing the whole batch again, in its order. */
  async function reprintPass(batch: BatchRecord): Promise<JobResult> {
    const chunk = batch.chunkSentAt !== null ? chunkInFlight(batch) : nextReprintChunk(batch);
    if (chunk.length === 0) {
      updateBatch(db, batch.id, { finishedAt: clock.now() });
      return { type: 'done' };
    }
    await printChunk(batch, chunk, true);
    return again(0);
  }

  const again = (delayMs: number, reason: Message | null = null): JobResult => ({
    type: 'again',
    delayMs,
    reason,
  });

  /**
   * Up to `count` requests' worth of orders, in print order: at most 20 each, each of one key
   * (the account and integration to ask, or the account and carrier to fetch from).
   */
  function groupsOf(
    orders: readonly BatchOrderRecord[],
    key: (order: BatchOrderRecord) => string,
    count: number,
  ): BatchOrderRecord[][] {
    const groups: BatchOrderRecord[][] = [];
    const filling = new Map<string, BatchOrderRecord[]>();
    for (const order of orders) {
      const k = key(order);
      let group = filling.get(k);
      if (!group || group.length >= ORDERS_PER_REQUEST) {
        if (groups.length >= count) continue;
        group = [];
        groups.push(group);
        filling.set(k, group);
      }
      group.push(order);
    }
    return groups;
  }

  /**
   * Ask Sendcloud to make the group's labels. The orders are marked as sent before the request
   * goes: if its answer never comes (a crash, a lost answer), the next step looks them up
   * first. An answer Sendcloud gives moves each order on: made, or failed with its reason.
   */
  /**
   * The pending orders this station may label: each is claimed in the warehouse first, as a scan
   * claims its order. One another station holds fails with where it is (being) labelled. One
   * claimed while working alone, or taken over from a station that died, is looked up in
   * Sendcloud first (the lost-answer look-up, from the batch's start or the dead claim's time):
   * a label made meanwhile is adopted, not made again.
   */
  async function claimed(
    batch: BatchRecord,
    orders: BatchOrderRecord[],
  ): Promise<BatchOrderRecord[]> {
    if (!deps.claims) return orders;
    const mine: BatchOrderRecord[] = [];
    for (const order of orders) {
      const answer = await deps.claims.claim(order);
      if (answer.kind !== 'mine') {
        const said = heldElsewhere(answer);
        log.info('batch order held by another station', {
          batch: batch.id,
          order: order.orderNumber,
          said: said.key,
        });
        updateBatchOrder(db, batch.id, order.position, {
          state: 'failed',
          error: { code: 'already-labelled', ...said },
        });
        continue;
      }
      const key = `${batch.id} ${order.position}`;
      if (answer.lookUpFrom !== null && !lookedUp.has(key)) {
        lookedUp.add(key);
        const since = answer.lookUpFrom === 'job' ? batch.createdAt : answer.lookUpFrom;
        updateBatchOrder(db, batch.id, order.position, { state: 'sending', sentAt: since });
        continue;
      }
      mine.push(order);
    }
    return mine;
  }

  async function send(batch: BatchRecord, group: BatchOrderRecord[]): Promise<void> {
    const first = group[0] as BatchOrderRecord;
    const sentAt = clock.now();
    db.transaction(() => {
      for (const order of group) {
        updateBatchOrder(db, batch.id, order.position, { state: 'sending', sentAt });
      }
    })();
    const account = deps.accounts.record(first.accountId);
    // The group shares its plans' option (a packer's one-off choice is a scan's, not a batch's).
    const optionCode = optionNow(first).code;
    let answer;
    try {
      answer = await deps.accounts.client(first.accountId).createLabelsAsync({
        integrationId: first.integrationId,
        orders: group.map((order) => ({
          orderId: order.orderId,
          ...(optionNow(order).applyRules ? { applyShippingRules: true } : {}),
        })),
        ...(optionCode ? { shippingOptionCode: optionCode } : {}),
        ...(account.senderAddressId ? { senderAddressId: account.senderAddressId } : {}),
        ...(account.brandId ? { brandId: account.brandId } : {}),
      });
    } catch (error) {
      if (error instanceof SendcloudError && refusedWhole(error)) {
        // Sendcloud made nothing: a refusal that names orders fails those, the rest go again.
        const failures = error.details.map((detail) => ({
          index: indexOf(detail.pointer),
          code: detail.code ?? null,
          detail: detail.detail,
          pointer: detail.pointer ?? null,
        }));
        const named = failures.filter((f) => f.index !== null);
        if ((error.kind === 'validation' || error.kind === 'not-found') && named.length > 0) {
          settleFailures(batch, group, named);
          resetUnsettled(batch, group);
          return;
        }
        resetUnsettled(batch, group);
      }
      // Anything else may or may not have made labels: the orders stay sent, to look up.
      throw error;
    }
    deps.connectivity.reached();
    const madeAt = clock.now();
    db.transaction(() => {
      for (const item of answer.queued) {
        const order = group.find(
          (o) => o.orderId === item.order_id || o.orderNumber === item.order_number,
        );
        if (!order) continue;
        const code = item.ship_with?.properties?.shipping_option_code ?? optionCode ?? null;
        updateBatchOrder(db, batch.id, order.position, {
          state: 'made',
          madeAt,
          parcelId: item.parcels_ids?.[0] ?? item.parcel_id ?? null,
          shipmentId: item.shipment_id,
          carrier: code ? (code.split(':')[0] ?? null) : null,
        });
      }
      settleFailures(batch, group, answer.failed);
    })();
    // An order the answer names neither way: Sendcloud's answer is the truth, so look it up.
    log.info('batch labels asked for', {
      batch: batch.id,
      orders: group.length,
      queued: answer.queued.length,
      failed: answer.failed.length,
    });
  }

  /** 429, 401/403, 400 and 404 are answers about the whole request: nothing was made. */
  const refusedWhole = (error: SendcloudError) =>
    ['rate-limited', 'auth', 'validation', 'not-found'].includes(error.kind);

  const indexOf = (pointer: string | undefined): number | null => {
    const index = pointer ? /\/orders\/\[?(\d+)\]?/.exec(pointer)?.[1] : undefined;
    return index === undefined ? null : Number(index);
  };

  function settleFailures(
    batch: BatchRecord,
    group: BatchOrderRecord[],
    failures: readonly LabelsAsyncFailure[],
  ): void {
    // Sendcloud lists each missing field of an order apart: the first is the one to tell, as the
    // packer fixes them one by one.
    const told = new Set<number>();
    for (const failure of failures) {
      const order = failure.index === null ? undefined : group[failure.index];
      if (!order || told.has(order.position)) continue;
      told.add(order.position);
      // The carrier said no and made nothing: the order goes again with its plan's next option.
      const planned = planOf(order);
      if (refusedByCarrier(failure) && planned.tried < planned.plan.fallbacks.length) {
        planned.tried += 1;
        log.warn('the carrier refused a batch label; trying the next option', {
          batch: batch.id,
          order: order.orderNumber,
          next: optionNow(order).code,
        });
        updateBatchOrder(db, batch.id, order.position, { state: 'pending', sentAt: null });
        continue;
      }
      updateBatchOrder(db, batch.id, order.position, {
        state: 'failed',
        error: batchOrderError(failure, orderBody<Order>(db, order.orderRef)),
      });
      // Sendcloud made nothing: the order is free again for any station.
      void deps.claims?.abandon(order);
    }
  }

  /** Orders of the group still marked sent go back to pending. */
  function resetUnsettled(batch: BatchRecord, group: BatchOrderRecord[]): void {
    db.transaction(() => {
      const still = new Set(batchOrdersIn(db, batch.id, ['sending']).map((o) => o.position));
      for (const order of group) {
        if (still.has(order.position)) {
          updateBatchOrder(db, batch.id, order.position, { state: 'pending', sentAt: null });
        }
      }
    })();
  }

  /**
   * Orders whose request went out with no answer: did Sendcloud make their labels? A shipment of
   * the order made since the request is adopted (made); none means it was never made (pending).
   */
  async function reconcile(batch: BatchRecord, orders: BatchOrderRecord[]): Promise<void> {
    for (const order of orders) {
      const client = deps.accounts.client(order.accountId);
      const page = await client.listShipments({ orderNumber: order.orderNumber });
      deps.connectivity.reached();
      const found = labelsMadeSince(db, page, order.sentAt ?? batch.createdAt, {
        orderRef: order.orderRef,
      })[0];
      if (found) {
        const code = found.shipment.ship_with?.properties?.shipping_option_code ?? null;
        updateBatchOrder(db, batch.id, order.position, {
          state: 'made',
          madeAt: clock.now(),
          parcelId: found.parcel.id,
          shipmentId: found.shipment.id,
          carrier: found.shipment.carrier?.code ?? (code ? (code.split(':')[0] ?? null) : null),
        });
        log.info('adopted a batch label an unanswered request had made', {
          batch: batch.id,
          order: order.orderNumber,
          parcel: found.parcel.id,
        });
      } else {
        updateBatchOrder(db, batch.id, order.position, { state: 'pending', sentAt: null });
      }
    }
  }

  /**
   * Fetch the labels of up to 20 made orders of one account and carrier as one bulk document,
   * split it into labels, and keep each with its shipment. Returns how many were kept; 0 when
   * Sendcloud is still making them.
   */
  async function fetchLabels(batch: BatchRecord, group: BatchOrderRecord[]): Promise<number> {
    const first = group[0] as BatchOrderRecord;
    const ids = group.map((o) => o.parcelId as number);
    const client = deps.accounts.client(first.accountId);
    const format = requestFormat(batch);
    let bytes: Buffer;
    try {
      bytes = await client.getParcelDocuments(ids, 'label', { format, priority: 'bulk' });
    } catch (error) {
      // Not made yet: Sendcloud answers 404 until every label of the request is ready.
      if (error instanceof SendcloudError && error.kind === 'not-found') return 0;
      throw error;
    }
    deps.connectivity.reached();
    const actual = labelFormatOf(bytes);
    const labels = actual === 'zpl' ? splitZplLabels(bytes) : await splitPdfPages(bytes);
    if (labels.length !== ids.length) {
      throw new SendcloudError(
        'server',
        `A bulk label document for ${ids.length} parcels held ${labels.length} labels.`,
      );
    }
    const page = await client.listShipments({ parcelIds: ids, pageSize: 100 });
    const now = clock.now();
    const kept: number[] = [];
    db.transaction(() => {
      group.forEach((order, i) => {
        const parcelId = order.parcelId as number;
        const found = page.shipments
          .flatMap((shipment) => shipment.parcels.map((parcel) => ({ shipment, parcel })))
          .find(({ parcel }) => parcel.id === parcelId);
        if (!findShipmentByParcel(db, parcelId)) {
          const code = found?.shipment.ship_with?.properties?.shipping_option_code ?? null;
          const shipment: Omit<Shipment, 'printedAt' | 'printCount'> = {
            parcelId,
            shipmentId: order.shipmentId ?? found?.shipment.id ?? String(parcelId),
            orderRef: order.orderRef,
            orderNumber: order.orderNumber,
            trackingNumber: found?.parcel.tracking_number ?? '',
            trackingUrl: found?.parcel.tracking_url ?? null,
            carrier: found?.shipment.carrier?.code ?? order.carrier ?? 'unknown',
            label: labels[i] as Buffer,
            labelFormat: actual,
            labelDpi: actual === 'zpl' ? NATIVE_ZPL_DPI : 72,
            createdAt: iso(now),
            accountId: order.accountId,
            merchantId: null,
            cost: null,
          };
          const recipient = orderRecipient(db, order.orderRef);
          insertShipment(db, shipment, {
            shippingOptionCode: code,
            recipientName: recipient?.name ?? null,
            recipientPostcode: recipient?.postcode ?? null,
            packerId: batch.packerId,
            stationId: batch.stationId ?? deps.stationId ?? null,
          });
          recordShipmentEvent(db, {
            parcelId,
            kind: 'made',
            at: iso(now),
            packerId: batch.packerId,
            stationId: batch.stationId ?? deps.stationId ?? null,
            detail: msg('batch.event.made'),
          });
          // The claim becomes 'labelled' in the label's own transaction; pushed just after.
          deps.claims?.noteLabelled(order, { parcelId, trackingNumber: shipment.trackingNumber });
          kept.push(parcelId);
        }
        updateBatchOrder(db, batch.id, order.position, { state: 'labelled' });
      });
      const waited = group.reduce((sum, o) => sum + Math.max(0, now - (o.madeAt ?? now)), 0);
      // Read again: another fetch of the same step may have counted its labels meanwhile.
      const current = getBatch(db, batch.id) ?? batch;
      updateBatch(db, batch.id, {
        labelWaitMs: current.labelWaitMs + waited,
        labelsWaited: current.labelsWaited + group.length,
      });
    })();
    for (const parcelId of kept) deps.onShipmentChanged?.(parcelId);
    if (kept.length > 0) void deps.claims?.reconcile();
    return group.length;
  }

  /** ZPL for a 203 dpi ZPL printer, else the PDF (rasterised here for other ZPL printers). */
  function requestFormat(batch: BatchRecord): 'zpl' | 'pdf' {
    const printer = batchPrinter(deps.printers, batch.printerId);
    if (!printer) return 'zpl';
    return labelRequestFor(targetOf(printer)).format === 'pdf' ? 'pdf' : 'zpl';
  }

  /**
   * The next labels to print, in order: labels retried after the cursor passed them, then the
   * labelled orders from the cursor up to the first order still being made (never past it, so
   * the stack keeps the batch's order). A chunk that is not full waits for more while labels
   * are coming, unless `now` (the station would only wait otherwise).
   */
  function nextChunk(batch: BatchRecord, now: boolean): BatchOrderRecord[] | null {
    const orders = batchOrders(db, batch.id);
    const late = orders.filter((o) => o.state === 'labelled' && o.position < batch.printCursor);
    const run: BatchOrderRecord[] = [];
    let blocked = false;
    for (const order of orders) {
      if (late.length + run.length >= batch.chunkSize) break;
      if (order.position < batch.printCursor) continue;
      if (order.state === 'pending' || order.state === 'sending' || order.state === 'made') {
        blocked = true;
        break;
      }
      if (order.state === 'labelled') run.push(order);
    }
    const chunk = [...late, ...run].slice(0, batch.chunkSize);
    if (chunk.length === 0) return null;
    return chunk.length >= batch.chunkSize || !blocked || now ? chunk : null;
  }

  /** A reprint's next labels: every label printed before, in order, from the cursor. */
  function nextReprintChunk(batch: BatchRecord): BatchOrderRecord[] {
    return batchOrders(db, batch.id)
      .filter((o) => o.position >= batch.printCursor && o.state === 'printed')
      .slice(0, batch.chunkSize);
  }

  /** The chunk sent before a restart or a printer fault: only confirmed, never sent again. */
  function chunkInFlight(batch: BatchRecord): BatchOrderRecord[] {
    const end = batch.chunkEnd ?? -1;
    const states = batch.pass === 0 ? ['labelled'] : ['printed'];
    return batchOrders(db, batch.id).filter(
      (o) =>
        states.includes(o.state) &&
        o.position <= end &&
        (batch.pass === 0 || o.position >= batch.printCursor),
    );
  }

  /**
   * Status, the chunk as one job, status again; then every label in it counts as printed. The
   * chunk is noted as sent the moment the printer took it, so a fault found after is confirmed
   * on the next try and never printed twice.
   */
  async function printChunk(
    batch: BatchRecord,
    chunk: BatchOrderRecord[],
    reprint: boolean,
  ): Promise<void> {
    const target = batchPrinter(deps.printers, batch.printerId);
    if (!target) {
      throw new PrinterError('printer-offline', msg('job.noPrinter'), {
        log: 'A batch has no printer to print on.',
      });
    }
    const shipments = chunk.map((o) => findShipmentByParcel(db, o.parcelId ?? -1));
    const end = Math.max(...chunk.map((o) => o.position));
    const started = performance.now();
    await deps.printers.inTurn(target.record.id, async () => {
      const { printer } = target;
      if (batch.chunkSentAt === null) {
        // A chunk a spooler (CUPS) took before a kill is asked about, not sent again.
        const spoolKey = `batch:${batch.id}:${batch.pass}:${end}`;
        await sendUnlessSpooled({ db, clock }, target, spoolKey, async (onSpooled) => {
          const bytes = await chunkBytes(batch, target, shipments);
          assertReady(printer, await status(target));
          await printer.send(bytes.bytes, {
            title: `Batch ${batch.id.slice(0, 8)}: ${chunk.length} labels`,
            ...(bytes.media ? { media: bytes.media } : {}),
            onSpooled,
          });
        });
        db.transaction(() => {
          updateBatch(db, batch.id, { chunkSentAt: clock.now(), chunkEnd: end });
          forgetSpooled(db, spoolKey);
        })();
      }
      const after = await status(target);
      if (!after.reachable && after.source !== 'none') {
        throw new PrinterError(
          'printer-offline',
          msg('printer.tookThenLost', { printer: printer.name }),
          { log: `${printer.name} took a batch chunk, then stopped answering.` },
        );
      }
      if (after.faults.length > 0) {
        throw new PrinterError(
          'printer-fault',
          msg('printer.faultAfterTaking', { faults: after.message, printer: printer.name }),
          { faults: after.faults, log: `${printer.name} took a batch chunk and reports a fault` },
        );
      }
    });
    const at = clock.now();
    const printMs = Math.round(performance.now() - started);
    db.transaction(() => {
      chunk.forEach((order, i) => {
        const shipment = shipments[i];
        if (shipment) {
          if (reprint || shipment.printedAt !== null) markReprinted(db, shipment.parcelId, iso(at));
          else markPrinted(db, shipment.parcelId, iso(at));
          recordShipmentEvent(db, {
            parcelId: shipment.parcelId,
            kind: reprint ? 'reprinted' : 'printed',
            at: iso(at),
            packerId: batch.packerId,
            stationId: batch.stationId ?? deps.stationId ?? null,
            detail: reprint ? msg('batch.event.reprinted') : msg('batch.event.printed'),
          });
        }
        if (!reprint) {
          updateBatchOrder(db, batch.id, order.position, { state: 'printed', printedAt: at });
        }
      });
      updateBatch(db, batch.id, {
        printCursor: Math.max(batch.printCursor, end + 1),
        chunkSentAt: null,
        chunkEnd: null,
        printMs: batch.printMs + printMs,
        chunksPrinted: batch.chunksPrinted + 1,
      });
    })();
    for (const shipment of shipments) if (shipment) deps.onShipmentChanged?.(shipment.parcelId);
    log.info('batch chunk printed', { batch: batch.id, labels: chunk.length, reprint });
  }

  async function status(target: PrinterEntry) {
    return deps.printers.noteStatus(target.record.id, await target.printer.status());
  }

  /** The chunk as the printer takes it: ZPL labels one after another, or one merged PDF. */
  async function chunkBytes(
    batch: BatchRecord,
    target: PrinterEntry,
    shipments: (Shipment | null)[],
  ): Promise<{ bytes: Buffer; media?: 'A6' | 'A4' }> {
    const labels = shipments.map((shipment) => {
      if (!shipment?.label) {
        throw new PrinterError('printer-error', msg('job.labelMissing'), {
          log: 'A batch label has no bytes.',
        });
      }
      return {
        bytes: shipment.label,
        format: shipment.labelFormat === 'pdf' ? ('pdf' as const) : ('zpl' as const),
        dpi: shipment.labelDpi,
      };
    });
    const printer = targetOf(target);
    if (printer.language === 'zpl') {
      const parts: Buffer[] = [];
      for (const label of labels) parts.push((await prepareLabel(label, printer)).bytes);
      return { bytes: Buffer.concat(parts) };
    }
    if (batch.layout === 'a4-four-up') {
      return { bytes: await mergeLabelsA4FourUp(labels), media: 'A4' };
    }
    return { bytes: await mergeLabelsA6(labels), media: 'A6' };
  }

  return { run };
}

export type BatchRunner = ReturnType<typeof createBatchRunner>;
