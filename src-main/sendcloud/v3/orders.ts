// v3 orders: the station's order sync and lookups, and the batch upsert a marketplace uses to
// import orders into a merchant's account.
import {
  orderListSchema,
  orderResponseSchema,
  type Order,
  type OrderItem,
  type V3Address,
} from '../schemas';
import { collectAll, linkCursor, query } from '../pages';
import type { Sender } from '../sender';
import { ordersCreateResponseSchema } from './schemas';
import { kilograms } from '../units';
import type { AddressInput } from './address';
import { z } from 'zod';

/** What PATCH /orders/{id} may change here: the pick-up point the order goes to. */
export interface OrderPatch {
  service_point_details?: { id: string } | { carrier_service_point_id: string };
}

const orderPatchedSchema = z.looseObject({
  data: z.looseObject({ id: z.union([z.number(), z.string()]) }),
});

export interface ListOrdersParams {
  integrationIds?: number[];
  orderNumber?: string;
  orderId?: string;
  /** Case-insensitive, e.g. `unshipped`. */
  status?: string;
  /**
   * Calendar days only (`2026-03-01`), sent as `order_created_at(_min|_max)`: the spec types them
   * `format: date`, and a date-time is refused with 400 "Date has wrong format".
   */
  createdAt?: string;
  createdAtMin?: string;
  createdAtMax?: string;
  /** Calendar days, sent as `order_updated_at(_min|_max)`. */
  updatedAt?: string;
  updatedAtMin?: string;
  updatedAtMax?: string;
  /** `order_number`, `order_created_at`, `order_updated_at`, `integration`, `pk`; `-` for descending. */
  sort?: string;
  /** 1..200; Sendcloud's default is 100. */
  pageSize?: number;
  cursor?: string;
}

export interface OrderPage {
  orders: Order[];
  nextCursor: string | null;
}

export interface Money {
  value: number | string;
  currency: string;
}

/** Costs on the payment details: decimal strings (`costs-object`). */
export interface CostInput {
  value: string | null;
  currency: string | null;
}

export interface OrderItemInput {
  name: string;
  quantity: number;
  total_price: Money;
  unit_price?: Money;
  item_id?: string;
  product_id?: string;
  variant_id?: string;
  sku?: string;
  ean?: string;
  hs_code?: string;
  country_of_origin?: string;
  description?: string;
  image_url?: string;
  properties?: Record<string, string | number | boolean>;
  measurement?: {
    weight?: { value: number; unit: 'kg' | 'g' | 'lbs' | 'oz' };
    dimension?: { length: number; width: number; height: number; unit: string };
  };
  delivery_dates?: Record<string, unknown>;
  mid_code?: string | null;
  material_content?: string | null;
  intended_use?: string | null;
  dangerous_goods?: Record<string, unknown>;
}

/** One order of POST /orders, in Sendcloud's own field names (see v3-orders.yaml). */
export interface OrderInput {
  /** Sendcloud's id, as a string, to force an update of that order. */
  id?: string;
  order_id: string;
  order_number: string;
  order_details: {
    integration: { id: number };
    status: { code: string; message?: string };
    order_created_at: string;
    order_updated_at?: string;
    order_items: OrderItemInput[];
    notes?: string;
    tags?: string[];
  };
  payment_details: {
    total_price: Money;
    status: { code: string; message?: string };
    is_cash_on_delivery?: boolean;
    subtotal_price?: Money;
    estimated_shipping_price?: Money;
    estimated_tax_price?: Money;
    invoice_date?: string | null;
    discount_granted?: CostInput;
    insurance_costs?: CostInput;
    freight_costs?: CostInput;
    other_costs?: CostInput;
  };
  shipping_address?: AddressInput;
  billing_address?: AddressInput;
  customer_details?: { name: string; email?: string; phone_number?: string };
  shipping_details?: {
    is_local_pickup?: boolean;
    delivery_indicator?: string;
    measurement?: { weight?: { value: number; unit: 'kg' | 'g' | 'lbs' | 'oz' } };
    ship_with?: {
      type: 'shipping_option_code';
      properties: { shipping_option_code: string; contract_id?: number };
    };
  };
  service_point_details?: { id: string } | { carrier_service_point_id: string };
  customs_details?: {
    commercial_invoice_number?: string;
    shipment_type?: 'gift' | 'commercial_goods' | 'commercial_sample' | 'returned_goods';
    export_type?: 'private' | 'commercial_b2c' | 'commercial_b2b';
    tax_numbers?: Record<string, unknown>;
  };
}

export interface UpsertedOrder {
  id: string;
  orderId: string;
  orderNumber: string;
}

export function ordersApi(sender: Sender) {
  async function listOrders(params: ListOrdersParams = {}): Promise<OrderPage> {
    const response = await sender.json(orderListSchema, {
      method: 'GET',
      path: '/orders',
      query: query({
        integration: params.integrationIds,
        order_number: params.orderNumber,
        order_id: params.orderId,
        status: params.status,
        order_created_at: params.createdAt,
        order_created_at_min: params.createdAtMin,
        order_created_at_max: params.createdAtMax,
        order_updated_at: params.updatedAt,
        order_updated_at_min: params.updatedAtMin,
        order_updated_at_max: params.updatedAtMax,
        sort: params.sort,
        page_size: params.pageSize,
        cursor: params.cursor,
      }),
    });
    return { orders: response.data.data, nextCursor: linkCursor(response, sender.root('v3')) };
  }

  return {
    listOrders,

    listAllOrders(params: Omit<ListOrdersParams, 'cursor'> = {}): Promise<Order[]> {
      return collectAll(async (cursor) => {
        const page = await listOrders({ ...params, cursor });
        return { items: page.orders, nextCursor: page.nextCursor };
      }, 'order');
    },

    async getOrder(id: string): Promise<Order> {
      const { data } = await sender.json(orderResponseSchema, {
        method: 'GET',
        path: `/orders/${encodeURIComponent(id)}`,
      });
      return data.data;
    },

    /** Change some fields of an order Sendcloud holds (PATCH: saved at once, unlike an upsert). */
    async patchOrder(id: string, patch: OrderPatch): Promise<void> {
      await sender.json(orderPatchedSchema, {
        method: 'PATCH',
        path: `/orders/${encodeURIComponent(id)}`,
        body: patch,
      });
    },

    /**
     * Create or update 1..100 orders (upsert on order_id + integration). Sendcloud saves them
     * asynchronously: a 201 means accepted, and GET /orders/{id} may 404 for a moment after.
     */
    async upsertOrders(orders: OrderInput[]): Promise<UpsertedOrder[]> {
      if (orders.length < 1 || orders.length > 100) {
        throw new RangeError(`POST /orders takes 1 to 100 orders, not ${orders.length}.`);
      }
      const { data } = await sender.json(ordersCreateResponseSchema, {
        method: 'POST',
        path: '/orders',
        body: orders,
      });
      return data.data.map((o) => ({ id: o.id, orderId: o.order_id, orderNumber: o.order_number }));
    },
  };
}

/**
 * The upsert body that puts an order fetched from one account (`GET /orders`) into another
 * account's integration, without a label: a marketplace order handed to the merchant who ships
 * it. It keeps the shop's order id (the upsert key, so a repeat updates rather than duplicates),
 * number, dates, status, addresses, items, prices, weight and shipping option. Sendcloud's own id
 * and the contract stay behind: both belong to the account the order came from.
 */
export function orderInputFrom(order: Order, integrationId: number): OrderInput {
  const details = order.order_details;
  const payment = order.payment_details;
  const shipping = order.shipping_details;
  const need = <T>(value: T | null | undefined, field: string): T => {
    if (value === null || value === undefined) {
      throw new RangeError(
        `Order ${order.order_number} has no ${field}, which Sendcloud needs to import it.`,
      );
    }
    return value;
  };
  const createdAt = need(details.order_created_at ?? order.created_at, 'order_created_at');
  const totalPrice = need(payment?.total_price, 'payment_details.total_price');
  const shippingAddress = order.shipping_address ? addressInput(order.shipping_address) : null;
  if (order.shipping_address && !shippingAddress) {
    throw new RangeError(
      `Order ${order.order_number} has an incomplete shipping address: Sendcloud needs a name, street, postal code, city and country.`,
    );
  }
  // The billing address is not needed to ship: an incomplete one is left out, not refused.
  const billingAddress = order.billing_address ? addressInput(order.billing_address) : null;
  const weight = weightInput(shipping?.measurement?.weight);
  const optionCode = shipping?.ship_with?.properties.shipping_option_code;
  const customerName = order.customer_details?.name ?? order.shipping_address?.name;
  const extra = order as Record<string, unknown>;
  const servicePoint = servicePointInput(extra.service_point_details);

  const shippingDetails: NonNullable<OrderInput['shipping_details']> = {
    ...(typeof shipping?.is_local_pickup === 'boolean'
      ? { is_local_pickup: shipping.is_local_pickup }
      : {}),
    ...(shipping?.delivery_indicator ? { delivery_indicator: shipping.delivery_indicator } : {}),
    ...(weight ? { measurement: { weight } } : {}),
    ...(optionCode
      ? {
          ship_with: {
            type: 'shipping_option_code' as const,
            properties: { shipping_option_code: optionCode },
          },
        }
      : {}),
  };
  return {
    order_id: order.order_id,
    order_number: order.order_number,
    order_details: {
      integration: { id: integrationId },
      status: statusInput(details.status),
      order_created_at: createdAt,
      ...(details.order_updated_at ? { order_updated_at: details.order_updated_at } : {}),
      order_items: details.order_items.map((item) => itemInput(item, order.order_number)),
      ...(details.notes ? { notes: details.notes } : {}),
      ...(details.tags ? { tags: [...details.tags] } : {}),
    },
    payment_details: {
      total_price: moneyInput(totalPrice),
      status: statusInput(need(payment?.status, 'payment_details.status')),
      ...(typeof payment?.is_cash_on_delivery === 'boolean'
        ? { is_cash_on_delivery: payment.is_cash_on_delivery }
        : {}),
      ...(payment?.subtotal_price ? { subtotal_price: moneyInput(payment.subtotal_price) } : {}),
      ...optionalMoney(payment, 'estimated_shipping_price'),
      ...optionalMoney(payment, 'estimated_tax_price'),
      ...(carried(payment, PAYMENT_EXTRAS) as Partial<OrderInput['payment_details']>),
    },
    ...(shippingAddress ? { shipping_address: shippingAddress } : {}),
    ...(billingAddress ? { billing_address: billingAddress } : {}),
    ...(customerName
      ? {
          customer_details: {
            name: customerName,
            ...(order.customer_details?.email ? { email: order.customer_details.email } : {}),
            ...(order.customer_details?.phone_number
              ? { phone_number: order.customer_details.phone_number }
              : {}),
          },
        }
      : {}),
    ...(Object.keys(shippingDetails).length > 0 ? { shipping_details: shippingDetails } : {}),
    ...(servicePoint ? { service_point_details: servicePoint } : {}),
    ...(isObject(extra.customs_details)
      ? { customs_details: structuredClone(extra.customs_details) as OrderInput['customs_details'] }
      : {}),
  };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Costs and dates Packdesk does not read itself, carried across as Sendcloud gave them. */
const PAYMENT_EXTRAS = [
  'invoice_date',
  'discount_granted',
  'insurance_costs',
  'freight_costs',
  'other_costs',
] as const;
/** Customs and delivery facts of an item, carried across as Sendcloud gave them. */
const ITEM_EXTRAS = [
  'delivery_dates',
  'mid_code',
  'material_content',
  'intended_use',
  'dangerous_goods',
] as const;

/** The named fields of `source` that hold something, deep-copied; nulls mean "not set". */
function carried(
  source: Record<string, unknown> | null | undefined,
  fields: readonly string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const value = source?.[field];
    if (value !== null && value !== undefined) out[field] = structuredClone(value);
  }
  return out;
}

function statusInput(status: { code: string; message?: string | null }) {
  return { code: status.code, ...(status.message ? { message: status.message } : {}) };
}

/** Orders take prices as numbers; a decimal string from elsewhere is read as one. */
function moneyInput(price: { value: number | string; currency: string }): Money {
  const value = Number(price.value);
  return { value: Number.isFinite(value) ? value : price.value, currency: price.currency };
}

function optionalMoney(
  payment: Record<string, unknown> | null | undefined,
  field: 'estimated_shipping_price' | 'estimated_tax_price',
): Partial<Record<typeof field, Money>> {
  const price = payment?.[field];
  if (typeof price !== 'object' || price === null) return {};
  const { value, currency } = price as { value?: unknown; currency?: unknown };
  if ((typeof value !== 'number' && typeof value !== 'string') || typeof currency !== 'string') {
    return {};
  }
  return { [field]: moneyInput({ value, currency }) };
}

function weightInput(
  weight: { value: number | string; unit: string } | null | undefined,
): { value: number; unit: 'kg' } | undefined {
  const kg = kilograms(weight);
  // Sendcloud refuses a weight of 0: none is better than a wrong one.
  return kg !== null && kg > 0 ? { value: Math.round(kg * 1000) / 1000, unit: 'kg' } : undefined;
}

/** An address with the five fields Sendcloud requires, or null; empty strings are left out. */
function addressInput(address: V3Address): AddressInput | null {
  const { name, address_line_1, postal_code, city, country_code } = address;
  if (!name || !address_line_1 || !postal_code || !city || !country_code) return null;
  const optional = [
    'company_name',
    'house_number',
    'address_line_2',
    'po_box',
    'state_province_code',
    'email',
    'phone_number',
  ] as const;
  const input: AddressInput = { name, address_line_1, postal_code, city, country_code };
  for (const field of optional) {
    const value = address[field];
    if (value) input[field] = value;
  }
  return input;
}

const ITEM_TEXT = [
  'item_id',
  'product_id',
  'variant_id',
  'sku',
  'ean',
  'hs_code',
  'country_of_origin',
  'description',
  'image_url',
] as const;

function itemInput(item: OrderItem, orderNumber: string): OrderItemInput {
  const extra = item as Record<string, unknown>;
  const unit = item.unit_price ? moneyInput(item.unit_price) : undefined;
  let total = item.total_price ? moneyInput(item.total_price) : undefined;
  if (!total && unit && typeof unit.value === 'number') {
    total = { value: Math.round(unit.value * item.quantity * 100) / 100, currency: unit.currency };
  }
  if (!total) {
    throw new RangeError(
      `Order ${orderNumber} has an item without a price (${item.name}), which Sendcloud needs.`,
    );
  }
  const input: OrderItemInput = { name: item.name, quantity: item.quantity, total_price: total };
  if (unit) input.unit_price = unit;
  for (const field of ITEM_TEXT) {
    const value = extra[field];
    if (typeof value === 'string' && value !== '') input[field] = value;
  }
  const properties = extra.properties;
  if (isObject(properties)) {
    input.properties = { ...(properties as Record<string, string | number | boolean>) };
  }
  const weight = weightInput(item.measurement?.weight);
  if (weight) input.measurement = { weight };
  const dimension = (item.measurement as Record<string, unknown> | null | undefined)?.dimension;
  if (isObject(dimension)) {
    input.measurement = {
      ...input.measurement,
      dimension: structuredClone(dimension) as NonNullable<
        OrderItemInput['measurement']
      >['dimension'],
    };
  }
  return { ...input, ...carried(extra, ITEM_EXTRAS) };
}

function servicePointInput(value: unknown): OrderInput['service_point_details'] {
  if (!isObject(value)) return undefined;
  const point = value;
  if (typeof point.id === 'string' && point.id) return { id: point.id };
  if (typeof point.id === 'number') return { id: String(point.id) };
  if (typeof point.carrier_service_point_id === 'string' && point.carrier_service_point_id) {
    return { carrier_service_point_id: point.carrier_service_point_id };
  }
  return undefined;
}
