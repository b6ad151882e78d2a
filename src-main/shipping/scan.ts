// Scan-to-ship: a scanned code becomes an outbox job before anything touches Sendcloud or a
// printer, so a scan is never lost and an order is never labelled twice. The scan's audit entry
// follows its job: working, queued (and why), printed or failed.
//
// A scan, in the order of the main flow: resolve the code (a tracking number → reprint, an
// order, or unresolved while Sendcloud is unreachable) → guard an order already labelled →
// enqueue its job (or join the one on its way) → follow the job to its outcome.
import { msg, type ScanEntry } from '../../src-shared';
import type { Clock } from '../clock';
import { AppError } from '../errors';
import { createLogger } from '../log';
import type { Connectivity } from '../outbox/connectivity';
import type { Outbox } from '../outbox/outbox';
import { recordScan, scansForJob } from '../store/audit';
import type { Db } from '../store/db';
import {
  labelJobForOrder,
  newJob,
  printJobFor,
  unresolvedJobForCode,
  type Job,
} from '../store/jobs';
import { batchTakingOrder } from '../store/batches';
import { findOrderByCode, type CachedOrder } from '../store/orders';
import {
  findShipmentByParcel,
  findShipmentByTracking,
  findShipmentForOrder,
  type Shipment,
} from '../store/shipments';
import { describeFailure } from '../describe-error';
import { isVoided } from '../store/voids';
import { lookUpOrder, type OrderSource } from './orders';
import { optionShown } from './option-shown';
import { createScanView, scanEntryOf, scanRecordOf, type ScanViewDeps } from './scan-view';
import type { ShippingOption } from './shipping-options';
import { parseCommandCode, type NextScanState } from './command-codes';
import { withCustomsDocuments } from './scan-customs';
import { boxesView } from './multicollo';
import { servicePointOf } from './service-points';

export interface ScanServiceDeps {
  db: Db;
  clock: Clock;
  newId: () => string;
  /** Every account's id: a cached order of a removed account is not scanned. */
  accountIds: () => string[];
  /** Where an uncached code is looked up: the usable accounts. */
  sources: () => OrderSource[];
  connectivity: Connectivity;
  outbox: Outbox;
  /** The printer labels go to now, for "Printing on …"; null when it has no name to give. */
  printerName: ScanViewDeps['printerName'];
  /** Why a job of an account that cannot be used now (reconnect, keychain) waits, or null. */
  heldReason?: ScanViewDeps['heldReason'];
  /** The shipping option an order's label is made with. */
  shippingOption: (order: CachedOrder) => ShippingOption | null;
  /** An option by its code and name: what a fallback or the packer's one-off choice shows. */
  optionNamed?: (code: string) => ShippingOption;
  /** Changes when the routing rules do: the options worked out before are worked out again. */
  optionsVersion?: () => number;
  /**
   * Who scans: a packer's badge signs in (or switches) instead of naming an order, and a station
   * with packers refuses scans until someone is signed in. Absent: no packers, as before.
   */
  session?: ScanSession;
  /** This station: the scans and the jobs they start record it. */
  stationId?: string;
  /** What the next order's label takes (boxes, a one-off option): command barcodes set it. */
  next?: NextScanState;
  /** Push a scan's progress to whoever listens (the renderer). */
  onUpdate: (entry: ScanEntry) => void;
  /** How long a scan command waits for its outcome before answering "queued". */
  answerWithinMs?: number;
}

export interface ScanSession {
  /** A badge's code signs its packer in and answers who; null for any other code. */
  badge(code: string): ScanPacker | null;
  /** Who scans now (the idle lock counts from now); throws sign-in-required if nobody is. */
  scanner(): ScanPacker | null;
}

export interface ScanPacker {
  id: string;
  name: string;
}

/** What a scanned code names. */
type Resolved =
  | { kind: 'reprint'; shipment: Shipment }
  | { kind: 'order'; order: CachedOrder }
  /** Not in the cache, and Sendcloud cannot be asked now: queued under the code. */
  | { kind: 'unresolved' };

const log = createLogger('scan');

export function createScanService(deps: ScanServiceDeps) {
  const { db, outbox } = deps;
  const answerWithinMs = deps.answerWithinMs ?? 2_000;
  const settled = new Map<string, Set<(entry: ScanEntry) => void>>();
  // Each order's shipping option, worked out once per run: a scan whose job learns its order
  // later (queued unresolved, or after a restart) finds it here without reading the order again.
  const options = new Map<string, ShippingOption | null>();
  const iso = () => new Date(deps.clock.now()).toISOString();
  const viewOf = createScanView(deps);

  /** Record the scan's state, tell the renderer, and settle whoever waits for its outcome. */
  const stationId = deps.stationId ?? null;

  function save(entry: ScanEntry): ScanEntry {
    recordScan(db, { ...scanRecordOf(entry), stationId });
    deps.onUpdate({ ...entry });
    if (entry.state !== 'working') {
      for (const resolve of settled.get(entry.id) ?? []) resolve(entry);
      settled.delete(entry.id);
    }
    return entry;
  }

  let optionsVersion = deps.optionsVersion?.() ?? 0;
  /** The options worked out under rules since changed are stale. */
  function freshOptions(): void {
    const now = deps.optionsVersion?.() ?? 0;
    if (now !== optionsVersion) options.clear();
    optionsVersion = now;
  }

  function optionOf(order: CachedOrder): ShippingOption | null {
    freshOptions();
    if (!options.has(order.id)) options.set(order.id, deps.shippingOption(order));
    return options.get(order.id) ?? null;
  }

  /** The option of an order known by reference (a job's, a label's): read from the cache once. */
  function optionOfRef(orderRef: string | null, code: string | null): ShippingOption | null {
    if (orderRef === null) return null;
    freshOptions();
    if (!options.has(orderRef)) {
      const order = code !== null ? findOrderByCode(db, code, deps.accountIds()) : null;
      options.set(orderRef, order?.id === orderRef ? deps.shippingOption(order) : null);
    }
    return options.get(orderRef) ?? null;
  }

  const shownOption = (job: Job) =>
    deps.optionNamed ? optionShown(db, job, deps.optionNamed) : null;

  /** A scan's entry brought up to date with its job (and the job's shipment, once made). */
  function withJob(scan: ScanEntry, job: Job, shipment: Shipment | null): ScanEntry {
    // The customs documents' job tells the scan only what its documents do (scan-customs).
    if (job.kind === 'documents') return withCustomsDocuments(db, scan, job.parcelId);
    const view = boxesView(db, job, viewOf(job));
    const finished = view.state === 'printed' || view.state === 'failed';
    const updated: ScanEntry = {
      ...scan,
      state: view.state,
      step: scan.reprint && view.state === 'printed' ? msg('scan.step.reprinted') : view.step,
      waitingReason: view.reason,
      warning: view.warning ?? null,
      error: view.error,
      orderNumber: job.orderNumber ?? scan.orderNumber,
      trackingNumber: shipment?.trackingNumber ?? scan.trackingNumber,
      carrier: shipment?.carrier ?? scan.carrier,
      shippingOption:
        shownOption(job) ??
        optionOfRef(job.orderRef, job.orderNumber ?? job.code) ??
        scan.shippingOption,
      finishedAt: finished ? (scan.finishedAt ?? iso()) : null,
      ...servicePointOf(db, shipment),
    };
    return withCustomsDocuments(db, updated, shipment?.parcelId ?? null);
  }

  /** Bring every scan a job carries up to date with the job. */
  function onJobChanged(job: Job): void {
    if (job.kind === 'sync-orders') return;
    const follows = job.kind === 'print' || job.kind === 'documents';
    const root = follows && job.parentId ? job.parentId : job.id;
    const scans = scansForJob(db, root).map(scanEntryOf);
    if (scans.length === 0) return;
    const shipment = job.parcelId !== null ? findShipmentByParcel(db, job.parcelId) : null;
    for (const scan of scans) {
      // A reprint's scan follows only its own print job; an order's scans follow both jobs.
      if (scan.reprint && job.id !== scan.jobId) continue;
      save(withJob(scan, job, shipment));
    }
  }

  // 1. Resolve the code.

  /** A tracking number of a stored label, an order (cached, or asked of Sendcloud once), or unresolved. */
  async function resolve(entry: ScanEntry): Promise<Resolved> {
    const shipment = findShipmentByTracking(db, entry.code);
    if (shipment) return { kind: 'reprint', shipment };
    const cached = findOrderByCode(db, entry.code, deps.accountIds());
    if (cached) return { kind: 'order', order: cached };
    if (!deps.connectivity.current().online) return { kind: 'unresolved' };
    save({ ...entry, step: msg('scan.step.askingSendcloud') });
    try {
      const order = await lookUpOrder({
        db,
        sources: deps.sources,
        now: deps.clock.now,
        reached: deps.connectivity.reached,
        code: entry.code,
      });
      return { kind: 'order', order };
    } catch (error) {
      const data = describeFailure(error);
      if (data.code !== 'offline') throw error;
      // Unreachable: queue the scan unresolved; it is resolved when the connection is back.
      deps.connectivity.unreachable(data);
      return { kind: 'unresolved' };
    }
  }

  // 2. A reprint: print the stored label again.

  /** Who started a job: the packer signed in, and this station. */
  const startedBy = (entry: ScanEntry) => ({ packerId: entry.packer?.id ?? null, stationId });

  function enqueueReprint(entry: ScanEntry, shipment: Shipment): Job {
    const { code } = entry;
    return outbox.enqueue(
      newJob('print', deps.newId(), deps.clock.now(), {
        ...startedBy(entry),
        orderRef: shipment.orderRef,
        orderNumber: shipment.orderNumber,
        code,
        parcelId: shipment.parcelId,
        // A reprint is asked for now: it is never stale.
        approvedAt: deps.clock.now(),
      }),
    );
  }

  // 3. An order: never a second label.

  function guardNotLabelled(order: CachedOrder): void {
    // A running batch labels and prints it in its place in the stack: not a second time here.
    if (batchTakingOrder(db, order.id)) {
      throw new AppError('in-batch', msg('batch.scan.inBatch', { order: order.orderNumber }), {
        log: `order ${order.orderNumber} is in a running batch`,
      });
    }
    const shipment = findShipmentForOrder(db, order.id);
    if (shipment?.printedAt) {
      throw new AppError(
        'already-labelled',
        msg('scan.error.alreadyLabelled', {
          order: order.orderNumber,
          tracking: shipment.trackingNumber,
        }),
        { log: `order ${order.orderNumber} already labelled` },
      );
    }
  }

  // 4. Enqueue the label job, or join the one on its way.

  /**
   * The order may be on its way already: its own job, or one queued unresolved offline under this
   * very code before the order reached the cache. Scanning a stuck order again retries it.
   */
  function labelJobFor(entry: ScanEntry, order: CachedOrder): Job {
    const { code } = entry;
    const onItsWay = labelJobForOrder(db, order.id) ?? unresolvedJobForCode(db, code);
    if (onItsWay?.state === 'needs-attention') return outbox.apply(onItsWay, { type: 'retry' });
    if (onItsWay) return onItsWay;
    return outbox.enqueue(
      newJob('create-label', deps.newId(), deps.clock.now(), {
        ...startedBy(entry),
        orderRef: order.id,
        orderNumber: order.orderNumber,
        code,
        accountId: order.accountId,
        choices: choicesOfNext(),
      }),
    );
  }

  /** What the packer set for the next label, taken by the job that makes it (null: nothing). */
  function choicesOfNext(): Job['choices'] {
    const next = deps.next?.take();
    if (!next || (next.boxes === null && next.optionCode === null)) return null;
    return {
      ...(next.boxes !== null ? { boxes: next.boxes } : {}),
      ...(next.optionCode !== null ? { optionCode: next.optionCode } : {}),
    };
  }

  /** Queued unresolved, once per code: it is resolved when the connection is back. */
  function unresolvedJobFor(entry: ScanEntry): Job {
    const { code } = entry;
    return (
      unresolvedJobForCode(db, code) ??
      outbox.enqueue(
        newJob('create-label', deps.newId(), deps.clock.now(), {
          ...startedBy(entry),
          code,
          choices: choicesOfNext(),
        }),
      )
    );
  }

  // 5. Follow the job: wait briefly for the outcome, else answer "queued".

  async function follow(entry: ScanEntry, job: Job): Promise<ScanEntry> {
    const outcome = new Promise<ScanEntry>((resolve) => {
      const waiting = settled.get(entry.id) ?? new Set();
      waiting.add(resolve);
      settled.set(entry.id, waiting);
    });
    // The job may already be past the point this scan needs (a rescan of a queued order): once
    // its label is made (the label job done), the scan follows the print.
    const labelMade = job.kind === 'create-label' && job.state === 'done';
    const print = labelMade ? printJobFor(db, job.id) : null;
    const current = print ?? job;
    const shipment = current.parcelId !== null ? findShipmentByParcel(db, current.parcelId) : null;
    const linked = save(withJob({ ...entry, jobId: job.id }, current, shipment));
    outbox.kick();

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
    const latest =
      scansForJob(db, job.id)
        .map(scanEntryOf)
        .find((scan) => scan.id === linked.id) ?? linked;
    if (latest.state !== 'working') return latest;
    return save({
      ...latest,
      shippingOption: latest.shippingOption ?? linked.shippingOption,
      state: 'queued',
      step: msg('scan.step.queued'),
      waitingReason: latest.waitingReason ?? msg('scan.waiting.behindEarlier'),
    });
  }

  /** A scanned code, from its arrival to its outcome (or "queued" if that takes a while). */
  async function scan(rawCode: string): Promise<ScanEntry> {
    const code = rawCode.trim();
    // A badge is not an order: it signs in, and leaves no line in the scan audit.
    const badge = deps.session?.badge(code) ?? null;
    if (badge) return signedIn(code, badge, deps.newId(), iso());
    // A command barcode names no order either: it sets what the next label takes.
    const command = commandScan(code);
    if (command) return command;
    const packer = deps.session?.scanner() ?? null;
    let entry = save({ ...arrived(code, deps.newId(), iso()), packer });
    try {
      const resolved = await resolve(entry);
      let job: Job;
      switch (resolved.kind) {
        case 'reprint': {
          const { shipment } = resolved;
          entry = {
            ...entry,
            reprint: true,
            orderNumber: shipment.orderNumber,
            trackingNumber: shipment.trackingNumber,
            carrier: shipment.carrier,
            shippingOption: optionOfRef(shipment.orderRef, shipment.orderNumber),
          };
          // A voided label is cancelled at Sendcloud: printing it again would ship on a dead label.
          if (isVoided(db, shipment.parcelId)) {
            throw new AppError('label-voided', msg('void.refusal.voided'), {
              log: `reprint of voided label ${shipment.trackingNumber} refused`,
            });
          }
          job = enqueueReprint(entry, shipment);
          break;
        }
        case 'order': {
          const { order } = resolved;
          entry = { ...entry, orderNumber: order.orderNumber, shippingOption: optionOf(order) };
          guardNotLabelled(order);
          job = labelJobFor(entry, order);
          entry = { ...entry, shippingOption: shownOption(job) ?? entry.shippingOption };
          break;
        }
        case 'unresolved':
          job = unresolvedJobFor(entry);
          break;
      }
      return await follow(entry, job);
    } catch (error) {
      const data = describeFailure(error);
      if (data.code === 'internal') log.error('scan failed unexpectedly', { error });
      return save({
        ...entry,
        state: 'failed',
        step: msg('scan.step.failed'),
        error: data,
        finishedAt: iso(),
      });
    }
  }

  /** A command barcode's scan: what it set, or why it is not one; null for any other code. */
  function commandScan(code: string): ScanEntry | null {
    let parsed;
    try {
      parsed = parseCommandCode(code);
    } catch (error) {
      const at = iso();
      return { ...arrived(code, deps.newId(), at), ...commandFailed(error), finishedAt: at };
    }
    if (!parsed || !deps.next) return null;
    const next = deps.next.apply(parsed);
    const at = iso();
    const step =
      deps.next.said?.() ??
      (parsed.type === 'clear'
        ? msg('scan.command.cleared')
        : parsed.type === 'boxes' && next.boxes === null
          ? msg('scan.command.cleared')
          : parsed.type === 'boxes'
            ? msg('scan.command.boxes', { boxes: parsed.boxes })
            : msg('scan.command.option', { option: parsed.optionCode }));
    return {
      ...arrived(code, deps.newId(), at),
      state: 'printed',
      step,
      finishedAt: at,
      command: true,
    };
  }

  return { scan, onJobChanged };
}

function commandFailed(error: unknown): Pick<ScanEntry, 'state' | 'step' | 'error' | 'command'> {
  return {
    state: 'failed',
    step: msg('scan.step.failed'),
    error: describeFailure(error),
    command: true,
  };
}

export type ScanService = ReturnType<typeof createScanService>;

/** A badge scanned: its packer is signed in now, and that is all it did. */
function signedIn(code: string, packer: ScanPacker, id: string, at: string): ScanEntry {
  return {
    ...arrived(code, id, at),
    state: 'printed',
    step: msg('packers.signedIn', { name: packer.name }),
    finishedAt: at,
    packer,
    signIn: true,
  };
}

/** A scan as it arrives: nothing known yet but its code. */
function arrived(code: string, id: string, at: string): ScanEntry {
  return {
    id,
    code,
    state: 'working',
    step: msg('scan.step.lookingUp'),
    orderNumber: null,
    trackingNumber: null,
    carrier: null,
    shippingOption: null,
    error: null,
    startedAt: at,
    finishedAt: null,
    reprint: false,
    jobId: null,
    waitingReason: null,
    warning: null,
  };
}
