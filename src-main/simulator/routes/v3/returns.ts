// v3 returns: a return label from the customer back to a sender address, and the list of them.
import { carrierForOption, productForOption } from '../../carriers';
import { invalidField, invalidParameter, v3Errors } from '../../errors';
import {
  iso,
  isRecord,
  json,
  paginate,
  str,
  v3Fail,
  type Route,
  type RouteContext,
} from '../../http';
import { statusAt } from '../../lifecycle';
import { createShipment } from '../../shipping';
import { findParcel } from '../../state';
import { v3PageSize } from './orders';
import { kilograms } from './shipments';
import type { V3Address } from '../../wire';

function address(value: unknown): V3Address {
  const raw = isRecord(value) ? value : {};
  const text = (name: string) => str(raw[name]) ?? '';
  return {
    name: text('name'),
    address_line_1: text('address_line_1'),
    house_number: text('house_number'),
    postal_code: text('postal_code'),
    city: text('city'),
    country_code: text('country_code'),
    ...(typeof raw.email === 'string' ? { email: raw.email } : {}),
  };
}

async function createReturn(ctx: RouteContext) {
  const body = isRecord(ctx.body) ? ctx.body : {};
  // Unlike shipments, a return's ship_with holds its code directly (v3-returns.yaml ShipWith),
  // and `type` defaults to shipping_product_code.
  const shipWith = isRecord(body.ship_with) ? body.ship_with : {};
  const field =
    (str(shipWith.type) ?? 'shipping_product_code') === 'shipping_option_code'
      ? 'shipping_option_code'
      : 'shipping_product_code';
  const code = str(shipWith[field]) ?? '';
  if (!productForOption(code) || !carrierForOption(code)) {
    throw v3Fail(
      400,
      invalidField(
        `/ship_with/${field}`,
        `Shipping ${field === 'shipping_option_code' ? 'option' : 'product'} ${code} is not available.`,
      ),
    );
  }
  const from = address(body.from_address);
  const shipment = await createShipment(ctx, {
    api: 'v3',
    via: 'returns',
    integrationId: null,
    orderId: null,
    orderNumber: str(body.order_number) ?? '',
    externalReferenceId: null,
    reference: str(body.reference) ?? null,
    from,
    senderAddressId: null,
    brandId: null,
    to: address(body.to_address),
    shippingOptionCode: code,
    totalOrderPrice: null,
    isReturn: true,
    parcels: [
      { weightKg: kilograms(body.weight) ?? 1, dimensions: null, items: [], labelNotes: [] },
    ],
    format: 'pdf',
    readyAt: ctx.now,
  });
  const parcel = shipment.parcels[0];
  if (!parcel) throw new Error('return without parcel');
  const id = ctx.state.nextReturnId++;
  ctx.account.returns.push({
    id,
    publicKey: shipment.publicKey,
    parcelId: parcel.id,
    createdAt: ctx.now,
    reason: isRecord(body.reason) ? (str(body.reason.description) ?? null) : null,
  });
  return json(201, { return_id: id, parcel_id: parcel.id, multi_collo_ids: [] });
}

/** `2026-05-04 00:00:00` as the spec writes it, or a date or ISO date-time; UTC unless zoned. */
function returnDate(ctx: RouteContext, name: string): number {
  const value = ctx.query.get(name) ?? '';
  const match =
    /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?(Z|[+-]\d{2}:?\d{2})?$/.exec(
      value.trim(),
    );
  const at = match
    ? Date.parse(`${match[1]}T${match[2] ?? '00:00:00'}${match[3] ?? 'Z'}`)
    : Number.NaN;
  if (Number.isNaN(at)) throw v3Fail(400, invalidParameter(name, 'Enter a valid date/time.'));
  return at;
}

/**
 * A parcel status as the returns list names a parent status: the kebab-case codes its
 * `parent_parcel_status` filter takes (v3-returns.yaml).
 */
const parentStatuses: Record<string, string> = {
  NO_LABEL: 'no-label',
  ANNOUNCING: 'announcing',
  READY_TO_SEND: 'ready-to-send',
  EN_ROUTE_TO_SORTING_CENTER: 'to-sorting',
  SORTED: 'sorted',
  DRIVER_EN_ROUTE: 'driver-on-route',
  DELIVERED: 'delivered',
  CANCELLATION_REQUESTED: 'cancelling',
  CANCELLED: 'cancelled',
};
export const parentStatusOf = (code: string): string => parentStatuses[code] ?? 'unknown';

function listReturns(ctx: RouteContext) {
  // Both are required by the spec: returns created before from_date or after to_date are left out.
  const from = returnDate(ctx, 'from_date');
  const to = returnDate(ctx, 'to_date');
  const wanted = ctx.query.get('parent_parcel_status');
  const all = ctx.account.returns
    .filter((record) => record.createdAt >= from && record.createdAt <= to)
    .flatMap((record) => {
      const found = findParcel(ctx.account, record.parcelId);
      if (!found) return [];
      const parent = parentStatusOf(statusAt(found.parcel, ctx.now).code);
      return wanted === null || wanted === parent ? [{ record, ...found, parent }] : [];
    })
    .sort((a, b) => b.record.id - a.record.id);
  const { page, next, previous } = paginate(
    ctx,
    all,
    (r) => r.record.id,
    // The returns list pages by 40 at most (v3-returns.yaml), unlike shipments.
    v3PageSize(ctx, 40, 40),
    () => v3Fail(404, v3Errors.invalidCursor),
  );
  const data = page.map(({ record, shipment, parcel, parent }) => {
    const status = statusAt(parcel, ctx.now);
    // `label_url` only: `label` wants URLs with a domain, and the simulator answers on an IP.
    const label = `${ctx.origin}/api/v3/parcels/${parcel.id}/documents/label`;
    return {
      // Not in the Return schema, but what GET /returns/{id} takes: the real list carries it.
      id: record.id,
      created_at: iso(record.createdAt),
      is_cancellable: parcel.cancel === null,
      shipping_option: { code: shipment.shippingOptionCode },
      shipping_product: { code: shipment.shippingOptionCode.split('/')[0] },
      collo_count: 1,
      tracking_number: parcel.trackingNumber,
      tracking_url: parcel.trackingUrl,
      label_url: label,
      weight: { value: parcel.weightKg, unit: 'kg' },
      from_address: shipment.from,
      to_address: shipment.to,
      order_number: shipment.orderNumber,
      send_tracking_emails: false,
      status_history: [
        {
          carrier_update_timestamp: iso(parcel.updatedAt),
          parcel_status_history_id: String(parcel.id),
          parent_status: parent,
          carrier_code: shipment.carrier.code,
          carrier_message: status.message,
        },
      ],
      ...(record.reason === null ? {} : { reason: { id: 1, description: record.reason } }),
    };
  });
  return json(200, { ...(next ? { next } : {}), ...(previous ? { previous } : {}), data });
}

/**
 * The return portal link of an outgoing shipment: its brand's portal, opened on that shipment.
 * No brand on the shipment, or a brand without the portal: 404, as the spec says.
 */
function returnPortalUrl(ctx: RouteContext) {
  const shipment = ctx.account.shipments.find((s) => s.id === ctx.params.id);
  if (!shipment || shipment.isReturn) throw v3Fail(404, v3Errors.shipmentNotFound);
  const brandId = ctx.state.ledger.find((entry) => entry.shipmentId === shipment.id)?.brandId;
  const brand = ctx.account.data.brands.find((candidate) => candidate.id === brandId);
  if (!brand?.features.returns_portal) throw v3Fail(404, v3Errors.noReturnPortal);
  return json(200, {
    data: { url: `https://${brand.domain}.shipping-portal.com/rp/?shipment=${shipment.id}` },
  });
}

export const returnRoutes: Route[] = [
  { method: 'POST', path: '/returns', handle: createReturn },
  { method: 'GET', path: '/returns', handle: listReturns },
  { method: 'GET', path: '/shipments/{id}/return-portal-url', handle: returnPortalUrl },
];
