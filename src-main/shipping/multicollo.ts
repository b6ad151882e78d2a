// Several boxes (multicollo): one shipment of N parcels for one order, made with
// create-labels-async (sync takes at most 15 parcels), each parcel's label fetched once Sendcloud
// has made it. The async call has no idempotency key: a try after an unknown outcome (a lost
// answer, a crash) looks the order's shipments up first and adopts the one an earlier try made.
import { msg } from '../../src-shared';
import type { Accounts } from '../accounts/accounts';
import type { Clock } from '../clock';
import { AppError } from '../errors';
import { createLogger } from '../log';
import type { Connectivity } from '../outbox/connectivity';
import type { AsyncParcelInput, SendcloudClient } from '../sendcloud/client';
import { SendcloudError } from '../sendcloud/errors';
import type { Order } from '../sendcloud/schemas';
import { kilograms } from '../sendcloud/units';
import type { MerchantRecord } from '../store/accounts';
import { colloOf } from '../store/collo';
import type { Db } from '../store/db';
import type { Job } from '../store/jobs';
import { orderBody, type CachedOrder } from '../store/orders';
import type { Shipment } from '../store/shipments';
import { labelsMadeSince } from './earlier-labels';
import { labelFormatOf, NATIVE_ZPL_DPI } from './label-documents';
import { planLabel, type LabelRouting } from './label-plan';
import type { Routing } from './routing';
import { orderPointId } from './service-points';
import type { ScanView } from './scan-view';

/** Labels Sendcloud is still making are asked for again after this long. */
const READY_POLL_MS = 250;
/** Past this the job waits and tries again (looking up what it made): the lane moves on. */
const READY_WITHIN_MS = 60_000;

export interface MulticolloDeps {
  db: Db;
  clock: Clock;
  accounts: Accounts;
  connectivity: Pick<Connectivity, 'reached'>;
  /** The station's routing rules, as a single box's label plan has them. */
  routing?: LabelRouting & Pick<Routing, 'factsFor'>;
  readyPollMs?: number;
  readyWithinMs?: number;
}

/** One box as asked of Sendcloud: the items in it and its weight in kg. */
export interface Box {
  items: { itemId: string; quantity: number }[];
  weightKg: number;
}

/**
 * The order split into `count` boxes: its item units spread so the boxes weigh about the same
 * (the heaviest unit first into the lightest box), each box's weight its items' plus a share of
 * the packaging. Where the items do not tell (an item without weight or id, fewer units than
 * boxes) the order's weight is split evenly. No known weight at all is refused, never sent as 0.
 */
export function boxesOf(order: Order, count: number): Box[] {
  const items = order.order_details.order_items;
  const total = kilograms(order.shipping_details?.measurement?.weight);
  const units = items.flatMap((item) =>
    Array.from({ length: Math.max(0, item.quantity) }, () => ({
      itemId: item.item_id ?? null,
      kg: kilograms(item.measurement?.weight),
    })),
  );
  const known =
    units.length >= count && units.every((unit) => unit.itemId !== null && unit.kg !== null);
  if (!known) {
    if (total === null || total <= 0) {
      throw new AppError(
        'invalid-input',
        msg('boxes.error.noWeight', { order: order.order_number }),
        {
          log: `order ${order.order_number}: no weight to split over ${count} boxes`,
        },
      );
    }
    const all = collect(units.flatMap((unit) => (unit.itemId === null ? [] : [unit.itemId])));
    // Every item goes in the first box's list; the rest carry none (they still need a weight).
    return Array.from({ length: count }, (_, index) => ({
      items: index === 0 ? all : [],
      weightKg: round(total / count),
    }));
  }
  const boxes = Array.from({ length: count }, () => ({ ids: [] as string[], kg: 0 }));
  const sorted = [...units].sort((a, b) => (b.kg ?? 0) - (a.kg ?? 0));
  for (const unit of sorted) {
    const lightest = boxes.reduce((min, box) => (box.kg < min.kg ? box : min));
    lightest.ids.push(unit.itemId as string);
    lightest.kg += unit.kg as number;
  }
  const itemsKg = units.reduce((sum, unit) => sum + (unit.kg ?? 0), 0);
  const packaging = total !== null && total > itemsKg ? (total - itemsKg) / count : 0;
  return boxes.map((box) => ({ items: collect(box.ids), weightKg: round(box.kg + packaging) }));
}

function collect(ids: string[]): Box['items'] {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts].map(([itemId, quantity]) => ({ itemId, quantity }));
}

const round = (kg: number) => Math.max(0.001, Math.round(kg * 1000) / 1000);

const asParcel = (box: Box): AsyncParcelInput => ({
  parcelItems: box.items,
  weight: { value: box.weightKg.toFixed(3), unit: 'kg' },
});

const log = createLogger('multicollo');

export function createMulticollo(deps: MulticolloDeps) {
  const { db, clock } = deps;
  const pollMs = deps.readyPollMs ?? READY_POLL_MS;
  const withinMs = deps.readyWithinMs ?? READY_WITHIN_MS;
  const iso = (ms: number) => new Date(ms).toISOString();

  /** The shipment an earlier try made for this order, as its parcel ids in box order; or null. */
  async function earlierShipment(
    client: SendcloudClient,
    job: Job,
    order: CachedOrder,
    since: number,
  ): Promise<{ shipmentId: string; parcelIds: number[] } | null> {
    const page = await client.listShipments({ orderNumber: order.orderNumber });
    deps.connectivity.reached();
    const found = labelsMadeSince(db, page, since, {
      orderRef: order.id,
    })[0];
    if (!found) return null;
    log.info('adopted the shipment an earlier try had made', {
      job: job.id,
      shipment: found.shipment.id,
      parcels: found.shipment.parcels.length,
    });
    return {
      shipmentId: found.shipment.id,
      parcelIds: found.shipment.parcels.map((parcel) => parcel.id),
    };
  }

  /** A parcel's label, asked for again while Sendcloud is still making it. */
  async function labelWhenReady(
    client: SendcloudClient,
    parcelId: number,
    format: 'zpl' | 'pdf',
    deadline: number,
  ): Promise<Buffer> {
    for (;;) {
      try {
        return await client.getParcelDocument(parcelId, 'label', { format });
      } catch (error) {
        if (!(error instanceof SendcloudError && error.kind === 'not-found')) throw error;
        if (clock.now() >= deadline) {
          // Transient: the job waits, and its next try finds the shipment and fetches again.
          throw new SendcloudError('server', `The labels of parcel ${parcelId} are not ready yet.`);
        }
        await clock.sleep(pollMs);
      }
    }
  }

  /**
   * The order's boxes as shipments, box 1 first, with their labels; null when the label plan
   * asks for one box (the caller makes the label as ever).
   */
  async function labelBoxes(
    job: Job,
    order: CachedOrder,
    request: { format: 'zpl' | 'pdf' },
    merchant: MerchantRecord | null,
    /**
     * Look Sendcloud up from this time before asking (the warehouse claim was taken over from a
     * station that died, or made while working alone); null: only on a retry, from the job's
     * first try.
     */
    lookUpSince: number | null = null,
  ): Promise<{
    shipments: Shipment[];
    facts: { shippingOptionCode: string | null; sendcloudMs: number };
  } | null> {
    // One box (every ordinary scan) is the caller's: nothing is read or planned here for it.
    if ((job.choices?.boxes ?? 1) <= 1) return null;
    const account = deps.accounts.record(order.accountId);
    const cached = orderBody<Order>(db, order.id);
    // The same plan a single box gets: the station's rules and Sendcloud's, the order's point.
    const routing = deps.routing ?? null;
    const plan = planLabel(
      account,
      {
        ...order,
        facts: routing?.factsFor(order, merchant?.id ?? null) ?? null,
        servicePoint: orderPointId(cached) !== null,
      },
      job.choices,
      routing,
    );
    const client = deps.accounts.client(order.accountId);
    const asked = performance.now();
    const jobSince = job.firstAttemptAt ?? job.createdAt;
    let made =
      job.attempts > 1 || lookUpSince !== null
        ? await earlierShipment(client, job, order, Math.min(lookUpSince ?? jobSince, jobSince))
        : null;
    let optionCode = plan.optionCode;
    if (!made) {
      const body = cached;
      if (!body) {
        throw new AppError(
          'order-not-found',
          msg('error.orderNotCached', { order: order.orderNumber }),
          {
            log: `Order ${order.orderNumber} is not cached.`,
          },
        );
      }
      const parcels = boxesOf(body, plan.boxes).map(asParcel);
      const answer = await client.createLabelsAsync({
        integrationId: order.integrationId,
        orders: [
          {
            orderId: order.orderId,
            parcels,
            ...(plan.applyShippingRules ? { applyShippingRules: true } : {}),
          },
        ],
        ...(optionCode ? { shippingOptionCode: optionCode } : {}),
        ...(account.senderAddressId ? { senderAddressId: account.senderAddressId } : {}),
        ...(account.brandId ? { brandId: account.brandId } : {}),
      });
      deps.connectivity.reached();
      const item = answer.queued[0];
      if (!item) {
        const said = answer.failed[0]?.detail ?? 'no shipment in the answer';
        throw new SendcloudError('validation', `Sendcloud made no shipment: ${said}`, {
          details: answer.failed.map((failure) => ({ detail: failure.detail })),
        });
      }
      optionCode = item.ship_with?.properties?.shipping_option_code ?? optionCode;
      made = {
        shipmentId: item.shipment_id,
        parcelIds: item.parcels_ids ?? (item.parcel_id != null ? [item.parcel_id] : []),
      };
      log.info('multicollo shipment asked for', {
        job: job.id,
        shipment: made.shipmentId,
        boxes: made.parcelIds.length,
      });
    }
    const deadline = clock.now() + withinMs;
    const labels: Buffer[] = [];
    for (const parcelId of made.parcelIds) {
      labels.push(await labelWhenReady(client, parcelId, request.format, deadline));
    }
    const shipment = await client.getShipment(made.shipmentId);
    deps.connectivity.reached();
    const sendcloudMs = Math.round(performance.now() - asked);
    const code = shipment.ship_with?.properties?.shipping_option_code ?? optionCode;
    const carrier = shipment.carrier?.code ?? code?.split(':')[0] ?? 'unknown';
    const createdAt = iso(clock.now());
    const shipments = made.parcelIds.map((parcelId, index): Shipment => {
      const parcel = shipment.parcels.find((p) => p.id === parcelId);
      const bytes = labels[index] as Buffer;
      const format = labelFormatOf(bytes);
      return {
        parcelId,
        shipmentId: made.shipmentId,
        orderRef: order.id,
        orderNumber: order.orderNumber,
        trackingNumber: parcel?.tracking_number ?? '',
        trackingUrl: parcel?.tracking_url ?? null,
        carrier,
        label: bytes,
        labelFormat: format,
        labelDpi: format === 'zpl' ? NATIVE_ZPL_DPI : 72,
        createdAt,
        printedAt: null,
        printCount: 0,
        accountId: order.accountId,
        merchantId: merchant?.id ?? null,
        cost: null,
      };
    });
    return {
      shipments,
      facts: { shippingOptionCode: code ?? order.shippingOptionCode, sendcloudMs },
    };
  }

  return { labelBoxes };
}

export type Multicollo = ReturnType<typeof createMulticollo>;

/**
 * What a scan shows while the boxes of a multicollo label print, one print job each: "printing
 * label 2 of 3" until the last box is out, then "3 labels printed". Any other job as it is.
 */
export function boxesView(db: Db, job: Job, view: ScanView): ScanView {
  if (job.kind !== 'print' || job.parentId === null || job.parcelId === null) return view;
  const collo = colloOf(db, job.parcelId);
  if (!collo || collo.count <= 1) return view;
  if (view.state === 'printed') {
    if (collo.nr >= collo.count) {
      return { ...view, step: msg('boxes.step.printed', { labels: collo.count }) };
    }
    const step = msg('boxes.step.printing', { nr: collo.nr + 1, count: collo.count });
    return { state: 'working', step, reason: null, error: null };
  }
  if (view.state === 'working') {
    // Every box's print is queued at once: until one runs, the scan is at the first box.
    const nr = job.state === 'queued' ? 1 : collo.nr;
    return { ...view, step: msg('boxes.step.printing', { nr, count: collo.count }) };
  }
  return view;
}
