// The outbox jobs of scan-to-ship: make an order's label (once, whatever fails) and print it.
import { msg, type Message, type OutboxSettings } from '../../src-shared';
import type { Clock } from '../clock';
import { AppError } from '../errors';
import { createLogger } from '../log';
import { OFFLINE_RETRY_MS, resultOfFailure, type JobResult, type Outbox } from '../outbox/outbox';
import { classifyFailure, waitingReason } from '../outbox/policy';
import type { Connectivity } from '../outbox/connectivity';
import { labelRequestFor, prepareLabel } from '../printing/formats';
import { targetOf, type PrinterEntry, type PrinterRegistry } from '../printing/registry';
import type { Accounts } from '../accounts/accounts';
import { SendcloudError } from '../sendcloud/errors';
import type { Order } from '../sendcloud/schemas';
import { orderInputFrom } from '../sendcloud/v3/orders';
import { parcelInputFrom } from '../sendcloud/v2/parcels';
import { merchantForOrder, type MerchantRecord } from '../store/accounts';
import type { Db } from '../store/db';
import { getJob, newJob, saveJob, type Job } from '../store/jobs';
import { findOrderByCode, orderBody, orderRecipient, type CachedOrder } from '../store/orders';
import {
  findShipmentForOrder,
  findShipmentByParcel,
  insertShipment,
  markPrinted,
  markReprinted,
  notePrintTimings,
  type Shipment,
  voidStateOf,
  type ShipmentFacts,
} from '../store/shipments';
import { batchTakingOrder } from '../store/batches';
import { scansForJob } from '../store/audit';
import { recordShipmentEvent } from '../store/shipment-events';
import { labelFormatOf, labelOf, NATIVE_ZPL_DPI, type LabelBytes } from './label-documents';
import { labelsMadeSince } from './earlier-labels';
import { lookUpOrder, type OrderSource } from './orders';
import { planLabel } from './label-plan';
import { withFallbacks } from './fallback';
import type { Routing } from './routing';
import { createPrintOnce } from './print-once';
import { asCustomsRefusal, labelRefusal, parcelWeightKg } from './customs';
import { recordCustomsDocuments } from './customs-documents';
import { createMulticollo } from './multicollo';
import { markCollo } from '../store/collo';
import { createServicePoints } from './service-points';
import { saveShipmentPoint } from '../store/service-points';
import type { ServicePointView } from '../../src-shared';
import { heldElsewhere, type Claims } from '../warehouse/claims';

/** Where the station ships from, for a price quote (the simulator's senders are Dutch). */
const SENDER_COUNTRY = 'NL';

export { TEST_OPTION } from './label-plan';

export { labelFormatOf, NATIVE_ZPL_DPI } from './label-documents';

export interface LabelJobDeps {
  db: Db;
  clock: Clock;
  newId: () => string;
  accounts: Accounts;
  /** Where an order not yet cached is looked up: the usable accounts. */
  sources: () => OrderSource[];
  printers: PrinterRegistry;
  connectivity: Connectivity;
  settings: () => OutboxSettings;
  outbox: () => Outbox;
  random?: () => number;
  /** This station: recorded on what it makes when a job does not say (queued before packers). */
  stationId?: string;
  /** A shipment was made, printed or printed again: the Shipments screen updates its row. */
  onShipmentChanged?: (parcelId: number) => void;
  /** The station's routing rules and each account's fallbacks; absent: the account's option. */
  routing?: Pick<Routing, 'settingsOf' | 'route' | 'factsFor' | 'deliversToPoint'>;
  /** The warehouse's claims: one live label per order across its stations. */
  claims?: Pick<Claims, 'claim' | 'noteLabelled' | 'abandon' | 'reconcile'>;
}

const log = createLogger('labels');

export function createLabelJobs(deps: LabelJobDeps) {
  const random = deps.random ?? Math.random;
  const printing = createPrintOnce(deps);
  const points = createServicePoints(deps);
  const iso = (ms: number) => new Date(ms).toISOString();
  const multicollo = createMulticollo(deps);

  /** Turn a failure into the job's next state, and tell connectivity what it learnt. */
  function failed(job: Job, error: unknown): JobResult {
    const { accountId } = job;
    const { kind, error: data } = classifyFailure(error);
    // Keys changed or revoked: the client turned the account to reconnect; its jobs are passed
    // over until then, and the reason names the account.
    if (error instanceof SendcloudError && error.kind === 'auth' && accountId) {
      const name = deps.accounts.list().find((a) => a.id === accountId)?.name ?? accountId;
      return {
        type: 'defer',
        event: {
          type: 'defer',
          error: data,
          reason: msg('job.waiting.accountKeys', { account: name }),
          delayMs: OFFLINE_RETRY_MS,
        },
      };
    }
    if (kind === 'offline') deps.connectivity.unreachable(data);
    else if (kind === 'transient') deps.connectivity.reached();
    return resultOfFailure(job, kind, data, waitingReason(kind, data), random);
  }

  /** How long the scan took to find its order before queueing this job (0 when not known). */
  function scanLookupMs(job: Job): number {
    const scan = scansForJob(deps.db, job.id)[0];
    const started = scan ? Date.parse(scan.startedAt) : Number.NaN;
    return Number.isFinite(started) ? Math.max(0, job.createdAt - started) : 0;
  }

  /** A job queued without an order (scanned offline, not in the cache): find it now. */
  async function resolveOrder(job: Job): Promise<CachedOrder> {
    const accounts = deps.accounts.ids();
    if (job.orderRef) {
      const cached = findOrderByCode(deps.db, job.orderNumber ?? job.code ?? '', accounts);
      if (cached && cached.id === job.orderRef) return cached;
    }
    const code = job.code ?? job.orderNumber ?? '';
    const cached = findOrderByCode(deps.db, code, accounts);
    if (cached) return cached;
    return lookUpOrder({
      db: deps.db,
      sources: deps.sources,
      now: deps.clock.now,
      reached: deps.connectivity.reached,
      code,
    });
  }

  /**
   * Where a label goes: a ZPL label to the ZPL label printer; a PDF label to the PDF label
   * printer, unless the ZPL printer is not 203 dpi, in which case the PDF was asked for it, to be
   * rasterised at its own resolution. Either falls back to the other when only one is set up.
   */
  function labelTarget(format: 'zpl' | 'pdf'): PrinterEntry | null {
    const zpl = deps.printers.printerFor('zpl-label');
    const pdf = deps.printers.printerFor('pdf-label');
    if (format === 'zpl') return zpl ?? pdf;
    if (zpl && targetOf(zpl).dpi !== NATIVE_ZPL_DPI) return zpl;
    return pdf ?? zpl;
  }

  /** What to ask Sendcloud for: what the label printer prints best. */
  function labelRequest(): { format: 'zpl' | 'pdf'; dpi: 203 | 300 | 600 | 72 } {
    const printer = deps.printers.printerFor('zpl-label') ?? deps.printers.printerFor('pdf-label');
    if (!printer) return { format: 'zpl', dpi: NATIVE_ZPL_DPI };
    const request = labelRequestFor(targetOf(printer));
    return request.format === 'pdf'
      ? { format: 'pdf', dpi: 72 }
      : { format: 'zpl', dpi: request.dpi as 203 | 300 | 600 };
  }

  /**
   * Did an earlier try already make this order's label? Its answer may have been lost (timeout,
   * reset, crash). Sendcloud's ship-an-order has no idempotency key, so look for a shipment of
   * this order made since the first try, and adopt it instead of making a second label.
   */
  async function findEarlierLabel(
    job: Job,
    order: CachedOrder,
    merchant: MerchantRecord | null,
    sinceMs: number = job.firstAttemptAt ?? job.createdAt,
  ): Promise<Shipment | null> {
    const client = deps.accounts.client(order.accountId);
    const page = await client.listShipments({ orderNumber: order.orderNumber });
    deps.connectivity.reached();
    const candidates = labelsMadeSince(deps.db, page, sinceMs, {
      orderRef: order.id,
      needsTracking: true,
    });
    const found = candidates[0];
    if (!found) return null;
    const request = labelRequest();
    // Sendcloud serves a label first made as native ZPL only as ZPL, whatever is asked.
    const bytes = await client.getParcelDocument(found.parcel.id, 'label', {
      format: request.format,
    });
    const format = labelFormatOf(bytes);
    log.info('adopted a label an earlier try had made', { job: job.id, parcel: found.parcel.id });
    const code = found.shipment.ship_with?.properties?.shipping_option_code ?? null;
    return {
      parcelId: found.parcel.id,
      shipmentId: found.shipment.id,
      orderRef: order.id,
      orderNumber: order.orderNumber,
      trackingNumber: found.parcel.tracking_number ?? '',
      trackingUrl: found.parcel.tracking_url ?? null,
      carrier: found.shipment.carrier?.code ?? code?.split(':')[0] ?? 'unknown',
      label: bytes,
      labelFormat: format,
      labelDpi: format === 'zpl' ? NATIVE_ZPL_DPI : 72,
      createdAt: iso(deps.clock.now()),
      printedAt: null,
      printCount: 0,
      accountId: order.accountId,
      merchantId: merchant?.id ?? null,
      cost: null,
    };
  }

  /**
   * A decentralised merchant processes its own orders: the order goes into the merchant's own
   * Sendcloud account, without a label (v3 upsert; v2 a parcel with `request_label: false`).
   * Both are safe to repeat: the upsert by order id, the v2 parcel after a look for one.
   */
  async function handOver(order: CachedOrder, merchant: MerchantRecord): Promise<Message> {
    if (!merchant.accountId) {
      throw new AppError(
        'invalid-input',
        msg('account.merchant.noAccount', { merchant: merchant.name }),
        {
          log: `Merchant ${merchant.name} ships decentralised but has no Sendcloud account set.`,
        },
      );
    }
    const target = deps.accounts.record(merchant.accountId);
    const client = deps.accounts.client(merchant.accountId);
    const body = orderBody<Order>(deps.db, order.id);
    if (!body) {
      throw new AppError(
        'order-not-found',
        msg('error.orderNotCached', { order: order.orderNumber }),
        {
          log: `Order ${order.orderNumber} is not cached.`,
        },
      );
    }
    if (target.api === 'v2') {
      const existing = await client.v2.listParcels({ orderNumber: order.orderNumber });
      if (existing.parcels.length === 0) {
        await client.v2.createParcel({ ...parcelInputFrom(body), request_label: false });
      }
    } else {
      await client.upsertOrders([orderInputFrom(body, target.integrationId)]);
    }
    deps.connectivity.reached();
    log.info('order handed over to a merchant account', {
      order: order.id,
      merchant: merchant.id,
      api: target.api,
    });
    return msg('account.merchant.handedOver', { merchant: merchant.name, account: target.name });
  }

  /** What a centralised merchant's label cost, for billing; null when Sendcloud will not say. */
  async function costOf(order: CachedOrder, optionCode: string | null) {
    if (!optionCode) return null;
    const body = orderBody<Order>(deps.db, order.id);
    // The parcel's weight as the label has it (grams read as such, else its items'); a price
    // for a guessed weight would bill the merchant wrong, so an unknown one gets no price.
    const weightKg = body ? parcelWeightKg(body) : null;
    if (weightKg === null) {
      log.warn('no price for a merchant label: its weight is unknown', { order: order.id });
      return null;
    }
    try {
      return await deps.accounts.client(order.accountId).quoteLabelPrice({
        // Orders do not say where they ship from; the station's warehouse is the sender.
        fromCountry: SENDER_COUNTRY,
        toCountry: order.countryCode ?? SENDER_COUNTRY,
        weightKg,
        shippingOptionCode: optionCode,
      });
    } catch (error) {
      log.warn('no price for a merchant label', { order: order.id, error });
      return null;
    }
  }

  /**
   * Store the label, finish the job and queue its print, all in one transaction. Several boxes
   * (multicollo): every box's label, and one print each, in box order.
   */
  function finishLabel(
    job: Job,
    order: CachedOrder,
    labels: Shipment | readonly Shipment[],
    isNew: boolean,
    facts: Partial<ShipmentFacts> & { servicePoint?: ServicePointView | null } = {},
    answeredDocuments: readonly string[] | null = null,
  ): void {
    const boxes = Array.isArray(labels) ? labels : [labels as Shipment];
    const { servicePoint, ...shipmentFacts } = facts;
    const outbox = deps.outbox();
    // Scans behind the job that waited never ran before the connection came back, so they carry
    // no reason and one attempt: the scan time says they belong to the drain all the same.
    const scannedBeforeReconnect = job.createdAt < deps.connectivity.current().since;
    const waited = job.attempts > 1 || job.reason !== null || scannedBeforeReconnect;
    const hold = deps.settings().drainMode === 'hold' && waited;
    const packerId = job.packerId;
    const stationId = job.stationId ?? deps.stationId ?? null;
    deps.db.transaction(() => {
      const first = boxes[0];
      if (isNew && first) deps.claims?.noteLabelled(order, first);
      for (const [index, shipment] of boxes.entries()) {
        if (!isNew) break;
        insertShipment(deps.db, shipment, {
          ...recipientOf(order),
          ...shipmentFacts,
          packerId,
          stationId,
        });
        if (boxes.length > 1) markCollo(deps.db, shipment.parcelId, index + 1, boxes.length);
        if (servicePoint) saveShipmentPoint(deps.db, shipment.parcelId, servicePoint);
        // The history starts at the scan that asked for the label.
        if (job.code !== null) {
          recordShipmentEvent(deps.db, {
            parcelId: shipment.parcelId,
            kind: 'scanned',
            at: iso(job.createdAt),
            packerId,
            stationId,
            detail: null,
          });
        }
        recordShipmentEvent(deps.db, {
          parcelId: shipment.parcelId,
          kind: 'made',
          at: shipment.createdAt,
          packerId,
          stationId,
          detail: null,
        });
      }
      const current = getJob(deps.db, job.id) ?? job;
      outbox.apply(
        { ...current, orderRef: order.id, orderNumber: order.orderNumber },
        {
          type: 'succeed',
        },
      );
      for (const shipment of boxes) {
        const print = outbox.enqueue(
          newJob('print', deps.newId(), deps.clock.now(), {
            parentId: job.id,
            orderRef: order.id,
            orderNumber: order.orderNumber,
            code: job.code,
            parcelId: shipment.parcelId,
            packerId,
            stationId,
          }),
        );
        if (hold) outbox.apply(print, { type: 'hold', reason: msg('job.held') });
      }
      recordCustomsDocuments(
        { ...deps, outbox },
        { job, order, shipment: boxes[0] as Shipment, answered: answeredDocuments },
      );
    })();
    for (const shipment of boxes) if (isNew) deps.onShipmentChanged?.(shipment.parcelId);
    outbox.kick();
  }

  /** Who the label is for, as the order says, so the Shipments screen can find it by name. */
  function recipientOf(order: CachedOrder): Partial<ShipmentFacts> {
    const recipient = orderRecipient(deps.db, order.id);
    return {
      recipientName: recipient?.name ?? null,
      recipientPostcode: recipient?.postcode ?? null,
    };
  }

  /** The label's claim to PostgreSQL (kept in SQLite if it cannot be reached), then done. */
  async function pushedClaim(): Promise<JobResult> {
    await deps.claims?.reconcile();
    return { type: 'done' };
  }

  /** Another station labels (or labelled) the order: this one never does. */
  function heldElsewhereResult(
    order: CachedOrder,
    claim: Parameters<typeof heldElsewhere>[0],
  ): JobResult {
    const said = heldElsewhere(claim);
    log.info('order held by another station', { order: order.orderNumber, said: said.key });
    return {
      type: 'block',
      event: { type: 'block', error: { code: 'already-labelled', ...said }, reason: said },
    };
  }

  async function createLabel(job: Job): Promise<JobResult> {
    let order: CachedOrder;
    const lookupStarted = performance.now();
    let lookupMs: number;
    try {
      order = await resolveOrder(job);
      lookupMs = Math.round(performance.now() - lookupStarted) + scanLookupMs(job);
      if (job.orderRef !== order.id) {
        const linked = { ...job, orderRef: order.id, orderNumber: order.orderNumber };
        try {
          saveJob(deps.db, linked);
        } catch {
          // Another job already carries this order: this scan is a repeat of it.
          return {
            type: 'block',
            event: {
              type: 'block',
              error: { code: 'already-labelled', ...msg('job.error.labellingElsewhere') },
              reason: msg('job.labellingElsewhere', { order: order.orderNumber }),
            },
          };
        }
        job = linked;
      }
    } catch (error) {
      return failed(job, error);
    }

    // Queued before the order joined a batch (scanned offline, resolved now): the batch has it.
    if (batchTakingOrder(deps.db, order.id)) {
      return {
        type: 'block',
        event: {
          type: 'block',
          error: { code: 'in-batch', ...msg('batch.scan.inBatch', { order: order.orderNumber }) },
          reason: msg('batch.scan.inBatch', { order: order.orderNumber }),
        },
      };
    }
    const merchant = merchantForOrder(deps.db, order.orderNumber);
    const handsOver = merchant?.mode === 'decentralised';
    // The account the job works with: a hand-over waits on the merchant's, a label on the order's.
    const worksWith = (handsOver && merchant.accountId) || order.accountId;
    if (job.accountId !== worksWith) {
      job = { ...job, accountId: worksWith };
      saveJob(deps.db, job);
    }
    if (handsOver) {
      try {
        return { type: 'done', note: await handOver(order, merchant) };
      } catch (error) {
        return failed(job, error);
      }
    }

    const stored = findShipmentForOrder(deps.db, order.id);
    if (stored) {
      finishLabel(job, order, stored, false);
      return pushedClaim();
    }
    // No weight, or customs facts missing: refused before anything is asked of Sendcloud.
    const body = orderBody<Order>(deps.db, order.id);
    const refused = body && labelRefusal(body);
    if (refused) return failed(job, refused);
    try {
      // The warehouse's claim comes before any label is asked for: another station's holds.
      const claim = deps.claims ? await deps.claims.claim(order) : null;
      if (claim && claim.kind !== 'mine') return heldElsewhereResult(order, claim);
      // Working alone, or taking over a dead station's claim: Sendcloud may have its label.
      const lookUpFrom = claim?.lookUpFrom ?? null;
      const jobSince = job.firstAttemptAt ?? job.createdAt;
      const since = typeof lookUpFrom === 'number' ? Math.min(lookUpFrom, jobSince) : jobSince;
      // Several boxes: one shipment of N parcels through the async endpoint (multicollo.ts),
      // looked up first on the same terms.
      const boxes = await multicollo.labelBoxes(
        job,
        order,
        labelRequest(),
        merchant,
        lookUpFrom !== null ? since : null,
      );
      if (boxes) {
        finishLabel(job, order, boxes.shipments, true, { lookupMs, ...boxes.facts });
        return pushedClaim();
      }
      if (job.attempts > 1 || lookUpFrom !== null) {
        const earlier = await findEarlierLabel(job, order, merchant, since);
        if (earlier) {
          finishLabel(job, order, earlier, true, {
            lookupMs,
            shippingOptionCode: order.shippingOptionCode,
            servicePoint: await points.pointOfLabel(order, job.choices),
          });
          return pushedClaim();
        }
      }
      // A pick-up point is checked before the label: a closed one fails here, with offers.
      const servicePoint = await points.pointForLabel(order, job.choices);
      const request = labelRequest();
      const account = deps.accounts.record(order.accountId);
      const facts = deps.routing?.factsFor(order, merchant?.id ?? null) ?? null;
      const plan = planLabel(
        account,
        { ...order, facts, servicePoint: servicePoint !== null },
        job.choices,
        deps.routing ?? null,
      );
      const asked = performance.now();
      const tried = await withFallbacks(plan, (code, first) =>
        deps.accounts.client(order.accountId).createLabelSync({
          integrationId: order.integrationId,
          order: { orderId: order.orderId },
          format: request.format,
          dpi: request.dpi,
          ...(code ? { shippingOptionCode: code } : {}),
          ...(plan.applyShippingRules && first ? { applyShippingRules: true } : {}),
          ...(account.senderAddressId ? { senderAddressId: account.senderAddressId } : {}),
          ...(account.brandId ? { brandId: account.brandId } : {}),
        }),
      );
      const { made: created, optionCode } = tried;
      // The scan shows which fallback made the label, and why (the job keeps it past a restart).
      if (tried.why) saveJob(deps.db, (job = { ...job, detail: tried.why }));
      const sendcloudMs = Math.round(performance.now() - asked);
      deps.connectivity.reached();
      // A carrier without native ZPL answers a ZPL request with a PDF: trust the bytes.
      const format = labelFormatOf(created.label.bytes);
      const shippingOptionCode =
        created.shippingOptionCode ?? optionCode ?? order.shippingOptionCode;
      finishLabel(
        job,
        order,
        {
          parcelId: created.parcelId,
          shipmentId: created.shipmentId,
          orderRef: order.id,
          orderNumber: order.orderNumber,
          trackingNumber: created.trackingNumber,
          trackingUrl: created.trackingUrl,
          carrier: created.carrier,
          label: created.label.bytes,
          labelFormat: format,
          labelDpi: format === 'zpl' ? created.label.dpi || NATIVE_ZPL_DPI : 72,
          createdAt: iso(deps.clock.now()),
          printedAt: null,
          printCount: 0,
          accountId: order.accountId,
          merchantId: merchant?.id ?? null,
          cost: merchant ? await costOf(order, shippingOptionCode) : null,
        },
        true,
        { lookupMs, sendcloudMs, shippingOptionCode, servicePoint },
        created.documents ?? null,
      );
      return pushedClaim();
    } catch (error) {
      const customs = asCustomsRefusal(body, error);
      const result = failed(
        job,
        customs !== error ? customs : points.refusalOf(error, order, job.choices),
      );
      // Refused, nothing made: the order is not held here, so another station may label it.
      if (result.type === 'block') await deps.claims?.abandon(order);
      return result;
    }
  }

  /** The printer a print job goes to: the one it names (a reprint), else the label's route. */
  function printTargetOf(job: Job, shipment: Shipment): PrinterEntry | null {
    if (job.printerId !== null) return deps.printers.get(job.printerId);
    return labelTarget(shipment.labelFormat === 'pdf' ? 'pdf' : 'zpl');
  }

  async function print(job: Job): Promise<JobResult> {
    const shipment = job.parcelId !== null ? findShipmentByParcel(deps.db, job.parcelId) : null;
    if (!shipment) {
      return {
        type: 'block',
        event: {
          type: 'block',
          error: { code: 'label-invalid', ...msg('job.error.labelMissing') },
          reason: msg('job.labelMissing'),
        },
      };
    }
    if (voidStateOf(deps.db, shipment.parcelId) === 'voided') {
      const voided = msg('shipments.label.voided', { tracking: shipment.trackingNumber });
      return {
        type: 'block',
        event: { type: 'block', error: { code: 'label-voided', ...voided }, reason: voided },
      };
    }
    // A label that waited long asks first, so it does not surprise a packer hours later.
    const scannedAt =
      (job.parentId ? getJob(deps.db, job.parentId)?.createdAt : null) ?? job.createdAt;
    const staleMs = deps.settings().staleAfterMinutes * 60_000;
    if (job.approvedAt === null && deps.clock.now() - scannedAt > staleMs) {
      const minutes = Math.round((deps.clock.now() - scannedAt) / 60_000);
      return {
        type: 'block',
        event: {
          type: 'block',
          error: { code: 'label-stale', ...msg('job.error.stale', { minutes }) },
          reason: msg('job.stale', { order: shipment.orderNumber, minutes }),
        },
      };
    }
    let target: PrinterEntry | null;
    try {
      target = printTargetOf(job, shipment);
    } catch (error) {
      // The printer a reprint was sent to was removed since: nothing to wait for.
      const { error: data } = classifyFailure(error);
      const reason = { key: data.key, params: data.params };
      return { type: 'block', event: { type: 'block', error: data, reason } };
    }
    if (!target) {
      return {
        type: 'defer',
        event: {
          type: 'defer',
          error: { code: 'printer-offline', ...msg('job.error.noPrinter') },
          reason: msg('job.noPrinter'),
          delayMs: OFFLINE_RETRY_MS,
        },
      };
    }
    // A reprint, or a print of a label found in Sendcloud: not the label's first print.
    const again = job.parentId === null || shipment.printedAt !== null;
    try {
      const label = await labelOf(
        deps,
        shipment,
        labelRequestFor(targetOf(target)).format === 'pdf' ? 'pdf' : 'zpl',
      );
      const { warning, renderMs, printerMs } = await printOn(target, job, shipment, label);
      const at = iso(deps.clock.now());
      const packerId = job.packerId;
      const stationId = job.stationId ?? deps.stationId ?? null;
      deps.db.transaction(() => {
        if (again) markReprinted(deps.db, shipment.parcelId, at);
        else {
          markPrinted(deps.db, shipment.parcelId, at);
          if (renderMs !== null && printerMs !== null) {
            notePrintTimings(deps.db, shipment.parcelId, { renderMs, printerMs });
          }
        }
        recordShipmentEvent(deps.db, {
          parcelId: shipment.parcelId,
          kind: again ? 'reprinted' : 'printed',
          at,
          packerId,
          stationId,
          detail: job.detail,
        });
      })();
      deps.onShipmentChanged?.(shipment.parcelId);
      if (warning) log.warn('label printed with a warning', { job: job.id, warning });
      return { type: 'done', note: warning };
    } catch (error) {
      return failed(job, error);
    }
  }

  /**
   * Status before, the job, status after. A label counts as printed only when the printer took it
   * and reports no fault; one it took while reporting a fault is remembered as sent, and the next
   * try only confirms it, so fixing the printer never prints it twice. Times rasterising and the
   * printer taking the bytes (null when an earlier try sent them).
   */
  async function printOn(
    target: PrinterEntry,
    job: Job,
    shipment: Shipment,
    label: LabelBytes,
  ): Promise<{ warning: Message | null; renderMs: number | null; printerMs: number | null }> {
    const rendering = performance.now();
    const prepared = await prepareLabel(label, targetOf(target));
    const renderMs = Math.round(performance.now() - rendering);
    return deps.printers.inTurn(target.record.id, async () => {
      const printerMs = await sendOnce(target, job, shipment, prepared);
      return { warning: prepared.warning, renderMs, printerMs };
    });
  }

  /** The label through the one printer-truth rule (shipping/print-once). */
  function sendOnce(
    target: PrinterEntry,
    job: Job,
    shipment: Shipment,
    prepared: Awaited<ReturnType<typeof prepareLabel>>,
  ): Promise<number | null> {
    return printing.sendOnce(target, job, prepared.bytes, {
      title: `Label ${shipment.trackingNumber}`,
      ...(prepared.media ? { media: prepared.media } : {}),
    });
  }

  return { createLabel, print };
}
