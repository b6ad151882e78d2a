// v3 orders: the station's order sync and lookups, and the batch upsert a marketplace uses to
// import orders into a merchant's account.
import { orderListSchema, orderResponseSchema, type Order } from '../schemas';
import { collectAll, linkCursor, query } from '../pages';
import type { Sender } from '../sender';
import { ordersCreateResponseSchema } from './schemas';
import type { AddressInput } from './address';

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

interface Money {
  value: number | string;
  currency: string;
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
