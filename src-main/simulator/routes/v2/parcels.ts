// v2 parcels: create one (`{parcel}`) or many (`{parcels}`), with or without a label; all or
// nothing by default, partial success with `?errors=verbose`. List, get and cancel.
import { isCountry, priceFor, productForMethod } from '../../carriers';
import {
  decodeCursor,
  encodeCursor,
  int,
  isRecord,
  json,
  listParam,
  str,
  v2Fail,
  type Route,
  type RouteContext,
} from '../../http';
import { decideCancel, statusAt } from '../../lifecycle';
import type { V3Address } from '../../wire';
import { createShipment, v2Parcel } from '../../shipping';
import { findParcel, parcelsOf, type ShipmentRecord } from '../../state';

type FieldErrors = Record<string, string[]>;

const verbose = (ctx: RouteContext) => (ctx.query.get('errors') ?? '').startsWith('verbose');

/** A parcel request checked against the account: the field errors, or what to create. */
function plan(ctx: RouteContext, raw: Record<string, unknown>, taken: Set<string>) {
  const errors: FieldErrors = {};
  const fail = (field: string, message: string) => (errors[field] ??= []).push(message);
  const methodId = isRecord(raw.shipment) ? int(raw.shipment.id) : undefined;
  const requestLabel = raw.request_label === true || raw.requestLabel === true;
  const product = methodId === undefined ? undefined : productForMethod(methodId);
  const country = str(raw.country) ?? '';
  const weightKg = raw.weight === undefined ? 1 : Number(raw.weight);
  if (!Number.isFinite(weightKg) || weightKg <= 0) fail('weight', 'A valid number is required.');
  if (methodId !== undefined && !product) fail('shipment', 'Invalid shipping method.');
  if (requestLabel && methodId === undefined)
    fail('shipment', 'This field is required when requesting a label.');
  if (product && country && priceFor(product, country, weightKg) === null) {
    fail('shipment', `${product.name} does not ship ${weightKg} kg to ${country}.`);
  }
  if (country && !isCountry(country))
    fail('country', `The simulator does not ship to "${country}".`);
  const senderId = int(raw.sender_address);
  const sender =
    senderId === undefined
      ? ctx.account.data.senderAddresses[0]
      : ctx.account.data.senderAddresses.find((a) => a.id === senderId);
  if (!sender) fail('sender_address', 'No sender address matches the given query.');
  const externalReference = str(raw.external_reference) ?? null;
  if (externalReference !== null) {
    if (taken.has(externalReference)) {
      fail('external_reference', 'Parcel with this external reference already exists.');
    }
    taken.add(externalReference);
  }
  const quantity = int(raw.quantity) ?? 1;
  return { errors, product, requestLabel, weightKg, sender, externalReference, quantity };
}

function toAddress(raw: Record<string, unknown>): V3Address {
  const text = (name: string) => str(raw[name]) ?? '';
  return {
    name: text('name'),
    ...(text('company_name') ? { company_name: text('company_name') } : {}),
    address_line_1: text('address'),
    house_number: text('house_number'),
    ...(text('address_2') ? { address_line_2: text('address_2') } : {}),
    postal_code: text('postal_code'),
    city: text('city'),
    country_code: text('country'),
    ...(text('email') ? { email: text('email') } : {}),
    ...(text('telephone') ? { phone_number: text('telephone') } : {}),
  };
}

/** Field errors in v2's one-line message: `house_number: 'This field cannot be blank.'`. */
const errorLine = (errors: FieldErrors) =>
  Object.entries(errors)
    .map(([field, messages]) => `${field}: '${messages.join(' ')}'`)
    .join(', ');

async function createParcels(ctx: RouteContext) {
  if (ctx.account.v2ParcelsClosed) {
    throw v2Fail(
      ctx,
      403,
      'This endpoint is closed to new users: accounts created from 13 April 2026 on create labels with API v3.',
    );
  }
  const body = isRecord(ctx.body) ? ctx.body : {};
  const single = isRecord(body.parcel);
  const requests = single
    ? [body.parcel as Record<string, unknown>]
    : (Array.isArray(body.parcels) ? body.parcels : []).map((p: unknown) => (isRecord(p) ? p : {}));
  if (requests.length === 0) throw v2Fail(ctx, 400, "parcels: 'This field is required.'");

  const taken = new Set<string>();
  for (const { shipment } of parcelsOf(ctx.account)) {
    const ref = shipment.v2Fields.external_reference;
    if (typeof ref === 'string') taken.add(ref);
  }
  const plans = requests.map((raw, index) => {
    const planned = plan(ctx, raw, taken);
    // Schema violations of this item, as field errors (only reach here in verbose mode).
    const prefix = single ? '/parcel/' : `/parcels/${index}/`;
    for (const violation of ctx.bodyViolations) {
      if (!violation.pointer.startsWith(prefix)) continue;
      const field = violation.pointer.slice(prefix.length).split('/')[0] || 'non_field_errors';
      (planned.errors[field] ??= []).push(violation.message);
    }
    return { raw, ...planned };
  });

  const failed = plans.filter((p) => Object.keys(p.errors).length > 0);
  if (!verbose(ctx) && failed.length > 0) {
    // All or nothing: one bad parcel and none of the batch is created.
    throw v2Fail(ctx, 400, failed.map((p) => errorLine(p.errors)).join(', '));
  }
  const created: unknown[] = [];
  for (const planned of plans) {
    if (Object.keys(planned.errors).length > 0 || !planned.sender) continue;
    const { raw, product } = planned;
    const total = str(raw.total_order_value);
    const shipment: ShipmentRecord = await createShipment(ctx, {
      api: 'v2',
      via: 'v2 parcels',
      integrationId: null,
      orderId: null,
      orderNumber: str(raw.order_number) ?? '',
      externalReferenceId: planned.externalReference,
      reference: str(raw.reference) ?? null,
      from: planned.sender,
      senderAddressId: planned.sender.id,
      brandId: null,
      to: toAddress(raw),
      shippingOptionCode: product?.code ?? 'postnl:standard',
      totalOrderPrice: total
        ? { value: total, currency: str(raw.total_order_value_currency) ?? 'EUR' }
        : null,
      isReturn: raw.is_return === true,
      v2Fields: raw,
      parcels: Array.from({ length: Math.max(1, planned.quantity) }, () => ({
        weightKg: planned.weightKg,
        dimensions: null,
        items: Array.isArray(raw.parcel_items) ? (raw.parcel_items as unknown[]) : [],
        labelNotes: [],
      })),
      format: planned.requestLabel && product ? 'pdf' : null,
      readyAt: ctx.now,
    });
    for (const parcel of shipment.parcels) created.push(v2Parcel(ctx, shipment, parcel));
  }
  if (verbose(ctx)) {
    return json(200, {
      parcels: created,
      failed_parcels: failed.map((p) => ({ parcel: p.raw, errors: p.errors })),
    });
  }
  return json(200, single && created.length === 1 ? { parcel: created[0] } : { parcels: created });
}

const PAGE = 100;

function listParcels(ctx: RouteContext) {
  const { query } = ctx;
  let all = [...parcelsOf(ctx.account)].sort((a, b) => b.parcel.id - a.parcel.id);
  const equals = (name: string, pick: (found: (typeof all)[number]) => string | null) => {
    const value = query.get(name);
    if (value !== null) all = all.filter((found) => pick(found) === value);
  };
  equals('tracking_number', (f) => f.parcel.trackingNumber);
  equals('external_reference', (f) => f.shipment.externalReferenceId);
  equals('order_number', (f) => f.shipment.orderNumber);
  equals('parcel_status', (f) => String(statusAt(f.parcel, ctx.now).id));
  const ids = listParam(query, 'ids');
  if (ids.length > 0) all = all.filter((f) => ids.includes(String(f.parcel.id)));
  for (const [name, pick] of [
    ['updated_after', (f: (typeof all)[number]) => f.parcel.updatedAt],
    ['announced_after', (f: (typeof all)[number]) => f.parcel.announcedAt],
  ] as const) {
    const value = query.get(name);
    if (value === null) continue;
    const after = Date.parse(value);
    if (Number.isNaN(after)) throw v2Fail(ctx, 400, `${name}: 'Enter a valid date/time.'`);
    all = all.filter((f) => (pick(f) ?? -Infinity) > after);
  }
  const cursor = query.get('cursor');
  let start = 0;
  if (cursor !== null) {
    const position = decodeCursor(cursor);
    if (position === null || position > all.length) throw v2Fail(ctx, 404, 'Invalid cursor');
    start = position;
  }
  const link = (position: number) => {
    const url = new URL(`${ctx.origin}/api/v2/parcels`);
    query.forEach((value, name) => {
      if (name !== 'cursor') url.searchParams.append(name, value);
    });
    url.searchParams.set('cursor', encodeCursor(position));
    return url.toString();
  };
  const page = all.slice(start, start + PAGE);
  return json(200, {
    next: start + PAGE < all.length ? link(start + PAGE) : null,
    previous: start > 0 ? link(Math.max(0, start - PAGE)) : null,
    parcels: page.map(({ shipment, parcel }) => v2Parcel(ctx, shipment, parcel)),
  });
}

export function v2FindParcel(ctx: RouteContext, id: string | undefined) {
  const found = /^\d+$/.test(id ?? '') ? findParcel(ctx.account, Number(id)) : undefined;
  if (!found) throw v2Fail(ctx, 404, 'No Parcel matches the given query.');
  return found;
}

function cancelParcel(ctx: RouteContext) {
  const { parcel } = v2FindParcel(ctx, ctx.params.id);
  const decision = decideCancel(parcel, ctx.now);
  parcel.updatedAt = ctx.now;
  switch (decision) {
    case 'deleted':
      parcel.deleted = true;
      return json(200, { status: 'deleted', message: 'Parcel has been deleted' });
    case 'cancelled':
      parcel.cancel = { at: ctx.now, outcome: 'cancelled' };
      return json(200, { status: 'cancelled', message: 'Parcel has been cancelled' });
    case 'queued':
      parcel.cancel = { at: ctx.now, outcome: 'queued' };
      return json(202, { status: 'queued', message: 'Parcel cancellation has been queued' });
    case 'already-cancelled':
      return json(400, { status: 'failed', message: 'This parcel has already been cancelled.' });
    case 'shipped':
    case 'too-old':
      return json(400, {
        status: 'failed',
        message: 'Shipped parcels, or parcels being shipped, can no longer be cancelled.',
      });
  }
}

export const v2ParcelRoutes: Route[] = [
  { method: 'POST', path: '/parcels', partialBody: verbose, handle: createParcels },
  { method: 'GET', path: '/parcels', handle: listParcels },
  {
    method: 'GET',
    path: '/parcels/{id}',
    handle: (ctx) => {
      const { shipment, parcel } = v2FindParcel(ctx, ctx.params.id);
      return json(200, { parcel: v2Parcel(ctx, shipment, parcel) });
    },
  },
  { method: 'POST', path: '/parcels/{id}/cancel', handle: cancelParcel },
];
