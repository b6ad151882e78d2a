// v3 orders: list with filters and Link-cursor pages, get, upsert in batches of 1..100 that
// become visible a moment later (Sendcloud saves orders asynchronously), patch and delete.
import { invalidField, invalidParameter, v3Errors } from '../../errors';
import {
  isRecord,
  json,
  linkHeader,
  paginate,
  str,
  v3Fail,
  type Route,
  type RouteContext,
} from '../../http';
import { shippingOptionsByCountry, carrierForOption, isCountry } from '../../carriers';
import type { Price, V3Address, V3Order } from '../../wire';
import { servicePointDetailsOf } from '../../service-point-labels';
import { kgOf } from '../../shipping';
import { visibleOrders, type AccountState } from '../../state';

const SORTABLE: Record<string, (order: V3Order) => string | number> = {
  pk: (order) => Number(order.id),
  integration: (order) => order.order_details.integration.id,
  order_number: (order) => order.order_number,
  order_created_at: (order) => order.order_details.order_created_at,
  order_updated_at: (order) => order.order_details.order_updated_at,
};

function pageSize(ctx: RouteContext, fallback: number, max: number): number {
  const value = ctx.query.get('page_size');
  if (value === null) return fallback;
  const size = Number(value);
  if (!/^\d+$/.test(value))
    throw v3Fail(400, invalidParameter('page_size', 'A valid integer is required.'));
  if (size < 1) {
    throw v3Fail(
      400,
      invalidParameter('page_size', 'Ensure this value is greater than or equal to 1.'),
    );
  }
  if (size > max) {
    throw v3Fail(
      400,
      invalidParameter('page_size', `Ensure this value is less than or equal to ${max}.`),
    );
  }
  return size;
}
export { pageSize as v3PageSize };

/** A date (the whole day, UTC) or a date-time (that instant) as [from, to] milliseconds. */
export function dateBounds(parameter: string, value: string): [number, number] {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const start = Date.parse(`${value}T00:00:00Z`);
    if (!Number.isNaN(start)) return [start, start + 86_400_000 - 1];
  } else {
    const at = Date.parse(value);
    if (!Number.isNaN(at) && /^\d{4}-\d{2}-\d{2}T/.test(value)) return [at, at];
  }
  throw v3Fail(400, invalidParameter(parameter, 'Enter a valid date.'));
}

function listOrders(ctx: RouteContext) {
  const { query } = ctx;
  const size = pageSize(ctx, 100, 200);
  let orders = visibleOrders(ctx.account, ctx.now);

  const integration = query.get('integration');
  if (integration !== null) {
    const ids = integration.split(',').map((part) => part.trim());
    for (const id of ids) {
      if (!/^\d+$/.test(id) || !ctx.account.data.integrations.some((i) => i.id === Number(id))) {
        throw v3Fail(
          400,
          invalidParameter(
            'integration',
            `Select a valid choice. ${id} is not one of the available choices.`,
            'invalid_choice',
          ),
        );
      }
    }
    orders = orders.filter((order) => ids.includes(String(order.order_details.integration.id)));
  }
  const equalsIgnoringCase = (name: string, pick: (order: V3Order) => string) => {
    const value = query.get(name);
    if (value === null) return;
    orders = orders.filter((order) => pick(order).toLowerCase() === value.toLowerCase());
  };
  equalsIgnoringCase('order_number', (order) => order.order_number);
  equalsIgnoringCase('order_id', (order) => order.order_id);
  equalsIgnoringCase('order_status', (order) => order.order_details.status.code);
  equalsIgnoringCase('status', (order) => order.order_details.status.code);
  for (const field of ['order_created_at', 'order_updated_at'] as const) {
    for (const suffix of ['', '_min', '_max'] as const) {
      const name = `${field}${suffix}`;
      const value = query.get(name);
      if (value === null) continue;
      const [from, to] = dateBounds(name, value);
      orders = orders.filter((order) => {
        const at = Date.parse(order.order_details[field]);
        return (suffix === '_max' || at >= from) && (suffix === '_min' || at <= to);
      });
    }
  }

  // Default sort `-pk`, newest first. Pages cut on position in the sorted list.
  const sort = query.get('sort') ?? '-pk';
  const key = SORTABLE[sort.replace(/^-/, '')];
  if (!key) {
    throw v3Fail(
      400,
      invalidParameter(
        'sort',
        `Select a valid choice. ${sort} is not one of the available choices.`,
        'invalid_choice',
      ),
    );
  }
  const direction = sort.startsWith('-') ? -1 : 1;
  const sorted = [...orders].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    return (x < y ? -1 : x > y ? 1 : Number(a.id) - Number(b.id)) * direction;
  });
  const positions = new Map(sorted.map((order, index) => [order, sorted.length - index]));
  const { page, next, previous } = paginate(
    ctx,
    sorted,
    (order) => positions.get(order) ?? 0,
    size,
    () => v3Fail(404, v3Errors.invalidCursor),
  );
  return json(200, { data: page }, linkHeader({ next, previous }));
}

function findVisible(ctx: RouteContext): V3Order {
  const id = ctx.params.id ?? '';
  const order = visibleOrders(ctx.account, ctx.now).find((candidate) => candidate.id === id);
  if (!/^\d+$/.test(id) || !order) throw v3Fail(404, v3Errors.orderNotFound);
  return order;
}

const num = (value: unknown, fallback: number) =>
  typeof value === 'number' && Number.isFinite(value) ? value : fallback;

/** A sent price the demo account can hold (EUR only), or undefined. */
function price(value: unknown): Price | undefined {
  if (!isRecord(value) || value.currency !== 'EUR') return undefined;
  return typeof value.value === 'number' && Number.isFinite(value.value)
    ? { value: value.value, currency: 'EUR' }
    : undefined;
}

function address(value: unknown, fallback?: V3Address): V3Address {
  const raw = isRecord(value) ? value : {};
  const text = (name: string) => str(raw[name]);
  return {
    ...(raw as Partial<V3Address>),
    name: text('name') ?? fallback?.name ?? '',
    address_line_1: text('address_line_1') ?? fallback?.address_line_1 ?? '',
    house_number: text('house_number') ?? fallback?.house_number ?? '',
    postal_code: text('postal_code') ?? fallback?.postal_code ?? '',
    city: text('city') ?? fallback?.city ?? '',
    country_code: text('country_code') ?? fallback?.country_code ?? 'NL',
  };
}

/**
 * An order as stored: what was sent, with the fields Sendcloud fills in (ids, timestamps,
 * customer and billing from the shipping address, the weight from the items, and a shipping
 * option for the destination when none was chosen).
 */
export function normalizeOrder(
  raw: Record<string, unknown>,
  id: string,
  now: number,
  previous?: V3Order,
): V3Order {
  const details = isRecord(raw.order_details) ? raw.order_details : {};
  const payment = isRecord(raw.payment_details) ? raw.payment_details : {};
  const shippingDetails = isRecord(raw.shipping_details) ? raw.shipping_details : {};
  const shippingAddress = address(raw.shipping_address, previous?.shipping_address);
  const items = Array.isArray(details.order_items)
    ? (details.order_items as V3Order['order_details']['order_items'])
    : (previous?.order_details.order_items ?? []);
  const itemsKg = items.reduce((sum, item) => {
    const weight =
      isRecord(item) && isRecord(item.measurement) && isRecord(item.measurement.weight)
        ? kgOf({
            value: num(item.measurement.weight.value, 0),
            unit: str(item.measurement.weight.unit) ?? null,
          })
        : 0;
    return sum + weight * num(isRecord(item) ? item.quantity : 1, 1);
  }, 0);
  const measurement = isRecord(shippingDetails.measurement) ? shippingDetails.measurement : {};
  const weight = isRecord(measurement.weight) ? measurement.weight : {};
  // Kept in kg, whichever unit the order was sent in (the spec allows kg, g, lbs and oz).
  const given = num(weight.value, Number.NaN);
  const kg = Number.isFinite(given)
    ? kgOf({ value: given, unit: str(weight.unit) ?? null })
    : (previous?.shipping_details.measurement.weight.value ?? (itemsKg || 1));
  const shipWith = isRecord(shippingDetails.ship_with) ? shippingDetails.ship_with : undefined;
  const properties = isRecord(shipWith?.properties) ? shipWith.properties : {};
  const country = shippingAddress.country_code;
  const optionCode =
    str(properties.shipping_option_code) ??
    previous?.shipping_details.ship_with.properties.shipping_option_code ??
    (isCountry(country) ? shippingOptionsByCountry[country][0] : undefined) ??
    'postnl:standard';
  const createdAt = new Date(now).toISOString();
  const status = isRecord(details.status) ? details.status : {};
  const total = isRecord(payment.total_price) ? payment.total_price : {};
  const normalized: V3Order = {
    id,
    order_id: str(raw.order_id) ?? previous?.order_id ?? '',
    order_number: str(raw.order_number) ?? previous?.order_number ?? '',
    created_at: previous?.created_at ?? createdAt,
    modified_at: createdAt,
    order_details: {
      ...(details as Partial<V3Order['order_details']>),
      integration: {
        id: num(
          isRecord(details.integration) ? details.integration.id : undefined,
          previous?.order_details.integration.id ?? 0,
        ),
      },
      status: {
        code: str(status.code) ?? previous?.order_details.status.code ?? 'unshipped',
        message: str(status.message) ?? previous?.order_details.status.message ?? 'Unshipped',
      },
      order_created_at:
        str(details.order_created_at) ?? previous?.order_details.order_created_at ?? createdAt,
      order_updated_at: str(details.order_updated_at) ?? createdAt,
      order_items: items,
    },
    payment_details: {
      ...(payment as Partial<V3Order['payment_details']>),
      is_cash_on_delivery: payment.is_cash_on_delivery === true,
      total_price: { value: num(total.value, 0), currency: 'EUR' },
      // What was sent wins; then what the order had; then Sendcloud's own fill-ins.
      subtotal_price: price(payment.subtotal_price) ??
        previous?.payment_details.subtotal_price ?? {
          value: num(total.value, 0),
          currency: 'EUR',
        },
      estimated_shipping_price: price(payment.estimated_shipping_price) ??
        previous?.payment_details.estimated_shipping_price ?? {
          value: 0,
          currency: 'EUR',
        },
      status: {
        code: str(isRecord(payment.status) ? payment.status.code : undefined) ?? 'paid',
        message: str(isRecord(payment.status) ? payment.status.message : undefined) ?? 'Paid',
      },
    },
    customer_details: {
      name: shippingAddress.name,
      email: shippingAddress.email ?? '',
      phone_number: shippingAddress.phone_number ?? '',
      ...(isRecord(raw.customer_details)
        ? (raw.customer_details as Partial<V3Order['customer_details']>)
        : {}),
    },
    billing_address:
      raw.billing_address !== undefined ? address(raw.billing_address) : { ...shippingAddress },
    shipping_address: shippingAddress,
    shipping_details: {
      ...(shippingDetails as Partial<V3Order['shipping_details']>),
      is_local_pickup: shippingDetails.is_local_pickup === true,
      measurement: { weight: { value: kg, unit: 'kg' } },
      ship_with: {
        type: 'shipping_option_code',
        properties: {
          shipping_option_code: optionCode,
          contract_id: num(properties.contract_id, carrierForOption(optionCode)?.contractId ?? 0),
        },
      },
    },
    ...servicePointDetailsOf(raw.service_point_details),
  };
  return normalized;
}

const latest = (account: AccountState, matches: (order: V3Order) => boolean) => {
  for (let index = account.orders.length - 1; index >= 0; index--) {
    const record = account.orders[index];
    if (record && matches(record.order)) return record;
  }
  return undefined;
};

function upsertOrders(ctx: RouteContext) {
  const { account, now, state } = ctx;
  const body = ctx.body;
  if (!Array.isArray(body)) {
    throw v3Fail(400, {
      status: '400',
      code: 'non_field_errors',
      title: 'Wrong format',
      detail: 'Wrong request format, expected list of objects',
    });
  }
  if (body.length > 100) {
    throw v3Fail(
      400,
      invalidField('/data', `Orders list should have at most 100 items, not ${body.length}`),
    );
  }
  // All or nothing: every order is checked before any is saved.
  const plans = body.map((raw: unknown, index) => {
    const item = isRecord(raw) ? raw : {};
    const at = (field: string) => `/data/attributes/[${index}]/${field}`;
    const details = isRecord(item.order_details) ? item.order_details : {};
    const integrationId = isRecord(details.integration) ? details.integration.id : undefined;
    if (!account.data.integrations.some((integration) => integration.id === integrationId)) {
      throw v3Fail(
        400,
        invalidField(
          at('order_details/integration'),
          `Integration with id ${String(integrationId)} does not exist`,
        ),
      );
    }
    const orderId = str(item.order_id) ?? '';
    const sameKey = (order: V3Order) =>
      order.order_id === orderId && order.order_details.integration.id === integrationId;
    let previous = latest(account, sameKey);
    const forcedId = item.id;
    if (forcedId !== undefined) {
      const byId =
        typeof forcedId === 'string'
          ? latest(account, (order) => order.id === forcedId)
          : undefined;
      if (!byId || (byId.order.order_id !== orderId && orderId !== '')) {
        throw v3Fail(400, invalidField(at('id'), `Order id ${String(forcedId)} cannot be changed`));
      }
      previous = byId;
    }
    if (previous && previous.visibleAt > now) {
      throw v3Fail(
        400,
        invalidField(
          '/data',
          'We are still processing a previous request. Please try again in a moment.',
        ),
      );
    }
    return { item, previous };
  });
  const saved = plans.map(({ item, previous }) => {
    const id = previous?.order.id ?? String(state.nextOrderId++);
    const order = normalizeOrder(item, id, now, previous?.order);
    account.orders.push({ order, visibleAt: now + state.orderVisibilityDelayMs });
    return { id: Number(id), order_id: order.order_id, order_number: order.order_number };
  });
  return json(201, { data: saved });
}

function mergeDeep(
  target: Record<string, unknown>,
  patch: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...target };
  for (const [key, value] of Object.entries(patch)) {
    const current = out[key];
    if (key === 'order_items' && Array.isArray(value) && Array.isArray(current)) {
      // Items are matched by name; unknown names are added.
      const items = [...current] as unknown[];
      for (const change of value as unknown[]) {
        if (!isRecord(change)) continue;
        const index = items.findIndex((item) => isRecord(item) && item.name === change.name);
        const existing = items[index];
        if (index >= 0 && isRecord(existing)) items[index] = mergeDeep(existing, change);
        else items.push(change);
      }
      out[key] = items;
    } else if (isRecord(value) && isRecord(current)) out[key] = mergeDeep(current, value);
    else out[key] = value;
  }
  return out;
}

function patchOrder(ctx: RouteContext) {
  const current = findVisible(ctx);
  const patch = isRecord(ctx.body) ? ctx.body : {};
  const record = latest(ctx.account, (order) => order.id === current.id);
  if (record && record.visibleAt > ctx.now) {
    throw v3Fail(
      400,
      invalidField(
        '/data',
        'We are still processing a previous request. Please try again in a moment.',
      ),
    );
  }
  const merged = mergeDeep(current as unknown as Record<string, unknown>, patch);
  const order = normalizeOrder(merged, current.id, ctx.now, current);
  // A patch is saved at once: it edits an order Sendcloud already holds.
  ctx.account.orders.push({ order, visibleAt: ctx.now });
  return json(200, {
    data: { id: Number(order.id), order_id: order.order_id, order_number: order.order_number },
  });
}

function deleteOrder(ctx: RouteContext) {
  const order = findVisible(ctx);
  ctx.account.orders = ctx.account.orders.filter((record) => record.order.id !== order.id);
  return { status: 204 };
}

export const orderRoutes: Route[] = [
  { method: 'GET', path: '/orders', handle: listOrders },
  { method: 'POST', path: '/orders', pointers: 'attributes', handle: upsertOrders },
  { method: 'GET', path: '/orders/{id}', handle: (ctx) => json(200, { data: findVisible(ctx) }) },
  { method: 'PATCH', path: '/orders/{id}', pointers: 'attributes', handle: patchOrder },
  { method: 'DELETE', path: '/orders/{id}', handle: deleteOrder },
];
