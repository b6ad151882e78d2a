// v3 shipments: announce a label synchronously (with `external_reference_id` as a true replay
// key), list with filters, get, and cancel under Sendcloud's day and 42-day rules.
import { carrierForOption, priceFor, productForOption } from '../../carriers';
import { invalidField, v3Errors } from '../../errors';
import {
  int,
  isRecord,
  json,
  linkHeader,
  listParam,
  paginate,
  str,
  v3Fail,
  type Route,
  type RouteContext,
} from '../../http';
import type { LabelFormat } from '../../labels';
import { decideCancel, statusAt } from '../../lifecycle';
import type { V3Address } from '../../wire';
import { createShipment, formatOfMime, v3Shipment, type NewParcel } from '../../shipping';
import type { ShipmentRecord } from '../../state';
import { dateBounds, v3PageSize } from './orders';

const KG_PER: Record<string, number> = { kg: 1, g: 0.001, lbs: 0.45359237, oz: 0.028349523 };

export function kilograms(weight: unknown): number | null {
  if (!isRecord(weight)) return null;
  const value = Number(weight.value);
  const factor = KG_PER[str(weight.unit) ?? 'kg'];
  return Number.isFinite(value) && factor !== undefined ? value * factor : null;
}

function addressFrom(value: Record<string, unknown>): V3Address {
  const text = (name: string) => str(value[name]) ?? '';
  const optional = (name: string) =>
    typeof value[name] === 'string' ? { [name]: value[name] as string } : {};
  return {
    name: text('name'),
    ...optional('company_name'),
    address_line_1: text('address_line_1'),
    house_number: text('house_number'),
    ...optional('address_line_2'),
    postal_code: text('postal_code'),
    city: text('city'),
    country_code: text('country_code'),
    ...optional('email'),
    ...optional('phone_number'),
  };
}

async function announce(ctx: RouteContext) {
  const body = isRecord(ctx.body) ? ctx.body : {};
  const account = ctx.account;
  const externalReferenceId = str(body.external_reference_id) ?? null;
  if (externalReferenceId !== null) {
    const existing = account.shipments.find((s) => s.externalReferenceId === externalReferenceId);
    // Documented: reusing the reference answers 409 with the shipment it already made.
    if (existing) return json(409, { data: v3Shipment(ctx, existing) });
  }

  const fromRaw = isRecord(body.from_address) ? body.from_address : {};
  let from: V3Address;
  const senderId = int(fromRaw.sender_address_id);
  if (senderId !== undefined) {
    const sender = account.data.senderAddresses.find((address) => address.id === senderId);
    if (!sender) {
      throw v3Fail(404, {
        status: '404',
        code: 'not_found',
        detail: 'Sender address does not exist.',
        source: { pointer: '/from_address/sender_address_id' },
      });
    }
    from = sender;
  } else from = addressFrom(fromRaw);
  const to = addressFrom(isRecord(body.to_address) ? body.to_address : {});
  const brandId = body.brand_id === undefined || body.brand_id === null ? null : int(body.brand_id);
  if (brandId !== null && !account.data.brands.some((brand) => brand.id === brandId)) {
    throw v3Fail(
      400,
      invalidField('/brand_id', `Brand with id ${String(body.brand_id)} does not exist.`),
    );
  }

  const properties =
    isRecord(body.ship_with) && isRecord(body.ship_with.properties)
      ? body.ship_with.properties
      : {};
  const code = str(properties.shipping_option_code) ?? '';
  const product = productForOption(code);
  if (!product || !carrierForOption(code)) {
    throw v3Fail(
      400,
      invalidField(
        '/ship_with/properties/shipping_option_code',
        `Shipping option ${code} is not available.`,
      ),
    );
  }
  const contractId = int(properties.contract_id);
  if (
    contractId !== undefined &&
    !account.data.contracts.some((contract) => contract.id === contractId)
  ) {
    throw v3Fail(400, invalidField('/ship_with/properties/contract_id', 'Invalid contract.'));
  }

  const parcels: NewParcel[] = [];
  const rawParcels = Array.isArray(body.parcels) ? body.parcels : [];
  for (const [index, raw] of rawParcels.entries()) {
    const parcel = isRecord(raw) ? raw : {};
    const kg = kilograms(parcel.weight);
    if (kg === null || kg <= 0) {
      throw v3Fail(
        400,
        invalidField(`/parcels/${index}/weight`, 'Ensure this value is greater than 0.'),
      );
    }
    if (priceFor(product, to.country_code, kg) === null) {
      throw v3Fail(
        400,
        invalidField(
          `/parcels/${index}/weight`,
          `Shipping option ${code} is not available for ${kg} kg to ${to.country_code}.`,
        ),
      );
    }
    const dimensions = isRecord(parcel.dimensions) ? parcel.dimensions : null;
    parcels.push({
      weightKg: kg,
      dimensions: dimensions
        ? {
            length: String(dimensions.length ?? ''),
            width: String(dimensions.width ?? ''),
            height: String(dimensions.height ?? ''),
            unit: str(dimensions.unit) ?? 'cm',
          }
        : null,
      items: Array.isArray(parcel.parcel_items) ? (parcel.parcel_items as unknown[]) : [],
      labelNotes: Array.isArray(parcel.label_notes)
        ? parcel.label_notes.filter((n): n is string => typeof n === 'string')
        : [],
    });
  }

  const details = isRecord(body.label_details) ? body.label_details : {};
  const format: LabelFormat = formatOfMime(str(details.mime_type) ?? 'application/pdf') ?? 'pdf';
  const total = isRecord(body.total_order_price) ? body.total_order_price : null;
  const shipment = await createShipment(ctx, {
    api: 'v3',
    via: 'shipments/announce',
    integrationId: null,
    orderId: null,
    orderNumber: str(body.order_number) ?? '',
    externalReferenceId,
    reference: str(body.reference) ?? null,
    from,
    senderAddressId: senderId ?? null,
    brandId: brandId ?? null,
    to,
    shippingOptionCode: code,
    ...(contractId !== undefined ? { contractId } : {}),
    totalOrderPrice: total
      ? { value: String(total.value ?? ''), currency: str(total.currency) ?? 'EUR' }
      : null,
    isReturn: false,
    parcels,
    format,
    readyAt: ctx.now,
  });
  const answer = v3Shipment(ctx, shipment);
  const only = shipment.parcels.length === 1 ? shipment.parcels[0] : undefined;
  const file = only
    ? ctx.state.ledger.find((entry) => entry.parcelId === only.id)?.bytes
    : undefined;
  return json(201, {
    data: {
      ...answer,
      label_details: { mime_type: formatMime(format), dpi: int(details.dpi) ?? 72 },
      parcels: answer.parcels.map((parcel, index) =>
        index === 0 && file ? { ...parcel, label_file: file.toString('base64') } : parcel,
      ),
    },
  });
}

const formatMime = (format: LabelFormat) =>
  format === 'zpl' ? 'application/zpl' : format === 'png' ? 'image/png' : 'application/pdf';

function listShipments(ctx: RouteContext) {
  const { query } = ctx;
  const size = v3PageSize(ctx, 40, 100);
  let shipments: ShipmentRecord[] = [...ctx.account.shipments].filter((s) =>
    s.parcels.some((p) => !p.deleted),
  );
  const text = (name: string, pick: (s: ShipmentRecord) => (string | null)[]) => {
    const value = query.get(name);
    if (value !== null) shipments = shipments.filter((s) => pick(s).includes(value));
  };
  text('order_number', (s) => [s.orderNumber]);
  text('external_reference_id', (s) => [s.externalReferenceId]);
  text('tracking_number', (s) => s.parcels.map((p) => p.trackingNumber));
  text('integration_id', (s) => [s.integrationId === null ? null : String(s.integrationId)]);
  text('parcel_status', (s) => s.parcels.map((p) => statusAt(p, ctx.now).code));
  const ids = listParam(query, 'ids');
  if (ids.length > 0)
    shipments = shipments.filter((s) => s.parcels.some((p) => ids.includes(String(p.id))));
  const uuids = listParam(query, 'shipment_uuids');
  if (uuids.length > 0) shipments = shipments.filter((s) => uuids.includes(s.id));
  const bound = (name: string, pick: (s: ShipmentRecord) => number | null, before: boolean) => {
    const value = query.get(name);
    if (value === null) return;
    const [from, to] = dateBounds(name, value);
    shipments = shipments.filter((s) => {
      const at = pick(s);
      return at !== null && (before ? at < from : at > to);
    });
  };
  const updated = (s: ShipmentRecord) => Math.max(...s.parcels.map((p) => p.updatedAt));
  const announced = (s: ShipmentRecord) => s.parcels[0]?.announcedAt ?? null;
  bound('updated_before', updated, true);
  bound('updated_after', updated, false);
  bound('announced_before', announced, true);
  bound('announced_after', announced, false);
  shipments.sort((a, b) => Number(b.id) - Number(a.id));
  const { page, next, previous } = paginate(
    ctx,
    shipments,
    (s) => Number(s.id),
    size,
    () => v3Fail(404, v3Errors.invalidCursor),
  );
  return json(200, { data: page.map((s) => v3Shipment(ctx, s)) }, linkHeader({ next, previous }));
}

function findShipment(ctx: RouteContext): ShipmentRecord {
  const shipment = ctx.account.shipments.find((s) => s.id === ctx.params.id);
  if (!shipment || shipment.parcels.every((p) => p.deleted))
    throw v3Fail(404, v3Errors.shipmentNotFound);
  return shipment;
}

function cancelShipment(ctx: RouteContext) {
  const shipment = findShipment(ctx);
  const first = shipment.parcels[0];
  if (!first) throw v3Fail(404, v3Errors.shipmentNotFound);
  const decision = decideCancel(first, ctx.now);
  switch (decision) {
    case 'already-cancelled':
      throw v3Fail(409, v3Errors.alreadyCancelled);
    case 'shipped':
      throw v3Fail(409, v3Errors.shippedNotCancellable);
    case 'too-old':
      throw v3Fail(409, v3Errors.tooOldToCancel);
    case 'cancelled':
    case 'deleted':
    case 'queued': {
      const outcome = decision === 'queued' ? 'queued' : 'cancelled';
      for (const parcel of shipment.parcels) {
        parcel.cancel = { at: ctx.now, outcome };
        parcel.updatedAt = ctx.now;
      }
      return outcome === 'cancelled'
        ? json(200, { data: { status: 'cancelled', message: 'Shipment has been cancelled' } })
        : json(202, {
            data: { status: 'queued', message: 'Shipment cancellation has been queued' },
          });
    }
  }
}

export const shipmentRoutes: Route[] = [
  { method: 'POST', path: '/shipments/announce', handle: announce },
  { method: 'GET', path: '/shipments', handle: listShipments },
  {
    method: 'GET',
    path: '/shipments/{id}',
    handle: (ctx) => json(200, { data: v3Shipment(ctx, findShipment(ctx)) }),
  },
  { method: 'POST', path: '/shipments/{id}/cancel', handle: cancelShipment },
];
