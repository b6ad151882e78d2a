// v2 parcels and labels, for accounts created before v2 POST /parcels closed to new users.
// A parcel is created and (with request_label) announced in one call.
import { collectAll, query, urlCursor, type Page } from '../pages';
import type { Order } from '../schemas';
import type { Sender } from '../sender';
import { kilograms } from '../units';
import {
  v2CancelSchema,
  v2LabelSchema,
  v2ParcelListSchema,
  v2ParcelResponseSchema,
  v2ParcelsCreatedSchema,
  type V2Label,
  type V2Parcel,
} from './schemas';

/** One parcel of POST /parcels, in Sendcloud's own field names (v2-parcels.yaml). */
export interface V2ParcelInput {
  name: string;
  address: string;
  city: string;
  postal_code: string;
  /** ISO 3166 alpha-2. */
  country: string;
  company_name?: string;
  house_number?: string;
  address_2?: string;
  country_state?: string;
  telephone?: string;
  email?: string;
  /** true: announce now and make the label; false: store an unannounced parcel (status 999). */
  request_label: boolean;
  request_label_async?: boolean;
  /** The shipping method, from listShippingMethods. */
  shipment?: { id: number; name?: string };
  sender_address?: number;
  contract?: number;
  /** Kilograms as a decimal string, e.g. "2.486". */
  weight?: string;
  length?: string;
  width?: string;
  height?: string;
  order_number?: string;
  /** Unique across the account's parcels: the v2 idempotence key. */
  external_reference?: string;
  reference?: string;
  to_service_point?: number;
  to_post_number?: string;
  quantity?: number;
  insured_value?: number;
  total_insured_value?: number;
  total_order_value?: string;
  total_order_value_currency?: string;
  shipping_method_checkout_name?: string;
  apply_shipping_rules?: boolean;
  is_return?: boolean;
  customs_information?: {
    customs_invoice_nr: string;
    customs_shipment_type: 0 | 1 | 2 | 3 | 4;
    export_type?: 'private' | 'commercial_b2c' | 'commercial_b2b';
    invoice_date?: string;
  };
  parcel_items?: {
    description: string;
    quantity: number;
    weight: string;
    value: number;
    hs_code: string;
    origin_country?: string;
    sku?: string;
    product_id?: string;
  }[];
}

export type V2ErrorsMode = 'verbose' | 'verbose-carrier';

export interface V2FailedParcel {
  /** Index into the request's `parcels`, when the echo matches one. */
  index: number | null;
  /** Sendcloud's echo of the request item. */
  parcel: Record<string, unknown>;
  /** Field name to messages, e.g. `{"house_number": ["This field may not be blank."]}`. */
  errors: Record<string, unknown>;
}

export interface V2CreateParcelsResult {
  parcels: V2Parcel[];
  failed: V2FailedParcel[];
}

export interface ListV2ParcelsParams {
  parcelStatus?: number;
  trackingNumber?: string;
  externalReference?: string;
  orderNumber?: string;
  /** ISO 8601. */
  updatedAfter?: string;
  announcedAfter?: string;
  /** At most 100. */
  ids?: number[];
  cursor?: string;
}

export interface V2ParcelPage {
  parcels: V2Parcel[];
  nextCursor: string | null;
  previousCursor: string | null;
}

function single(parcel: V2Parcel | V2Parcel[]): V2Parcel {
  // The schema allows an array only of length 1.
  return Array.isArray(parcel) ? (parcel[0] as V2Parcel) : parcel;
}

export function v2ParcelsApi(sender: Sender) {
  const root = sender.root('v2');

  async function listParcels(params: ListV2ParcelsParams = {}): Promise<V2ParcelPage> {
    const response = await sender.json(v2ParcelListSchema, {
      api: 'v2',
      method: 'GET',
      path: '/parcels',
      query: query({
        parcel_status: params.parcelStatus,
        tracking_number: params.trackingNumber,
        external_reference: params.externalReference,
        order_number: params.orderNumber,
        updated_after: params.updatedAfter,
        announced_after: params.announcedAfter,
        ids: params.ids,
        cursor: params.cursor,
      }),
    });
    const { data } = response;
    return {
      parcels: data.parcels,
      nextCursor: urlCursor(data.next, root, response),
      previousCursor: urlCursor(data.previous, root, response),
    };
  }

  return {
    /** One parcel. Default mode: any error is a 400 and nothing is created. */
    async createParcel(
      parcel: V2ParcelInput,
      opts: { errors?: V2ErrorsMode } = {},
    ): Promise<V2Parcel> {
      const { data } = await sender.json(v2ParcelResponseSchema, {
        api: 'v2',
        method: 'POST',
        path: '/parcels',
        query: query({ errors: opts.errors }),
        body: { parcel },
      });
      return single(data.parcel);
    },

    /**
     * A batch. Without `errors` it is all or nothing (one invalid parcel: 400, none created). With
     * `errors: 'verbose'` the valid ones are created and the others come back in `failed`.
     */
    async createParcels(
      parcels: V2ParcelInput[],
      opts: { errors?: V2ErrorsMode } = {},
    ): Promise<V2CreateParcelsResult> {
      if (parcels.length < 1) throw new RangeError('A parcel batch needs at least one parcel.');
      const { data } = await sender.json(v2ParcelsCreatedSchema, {
        api: 'v2',
        method: 'POST',
        path: '/parcels',
        query: query({ errors: opts.errors }),
        body: { parcels },
      });
      return {
        parcels: data.parcels,
        failed: data.failed_parcels.map((f) => ({
          index: indexOfEcho(parcels, f.parcel),
          parcel: f.parcel,
          errors: f.errors,
        })),
      };
    },

    async getParcel(id: number): Promise<V2Parcel> {
      const { data } = await sender.json(v2ParcelResponseSchema, {
        api: 'v2',
        method: 'GET',
        path: `/parcels/${id}`,
      });
      return single(data.parcel);
    },

    listParcels,

    listAllParcels(params: Omit<ListV2ParcelsParams, 'cursor'> = {}): Promise<V2Parcel[]> {
      return collectAll(async (cursor): Promise<Page<V2Parcel>> => {
        const page = await listParcels({ ...params, cursor });
        return { items: page.parcels, nextCursor: page.nextCursor };
      }, 'parcel');
    },

    /**
     * Cancel an announced parcel, or delete an unannounced one. 200 `cancelled`/`deleted`, 202
     * `queued`; a parcel that can no longer be cancelled answers 400 (validation error).
     */
    async cancelParcel(id: number): Promise<{ status: string; message: string | null }> {
      const { data } = await sender.json(v2CancelSchema, {
        api: 'v2',
        method: 'POST',
        path: `/parcels/${id}/cancel`,
      });
      return { status: data.status, message: data.message ?? null };
    },

    /** The label URLs of one parcel (a 404 `{}` until it is announced). */
    async getLabel(parcelId: number): Promise<V2Label> {
      const { data } = await sender.json(v2LabelSchema, {
        api: 'v2',
        method: 'GET',
        path: `/labels/${parcelId}`,
      });
      return data;
    },

    /** The label URLs of several parcels in one PDF. */
    async getLabels(parcelIds: number[]): Promise<V2Label> {
      if (parcelIds.length < 1) throw new RangeError('Bulk labels need at least one parcel.');
      const { data } = await sender.json(v2LabelSchema, {
        api: 'v2',
        method: 'POST',
        path: '/labels',
        body: { label: { parcels: parcelIds } },
      });
      return data;
    },
  };
}

/** The echo of a failed parcel carries the request fields; find the request item it repeats. */
function indexOfEcho(parcels: V2ParcelInput[], echo: Record<string, unknown>): number | null {
  const keys = ['external_reference', 'order_number', 'name', 'postal_code'] as const;
  const matches = parcels.flatMap((p, i) =>
    keys.every((k) => echo[k] === undefined || p[k] === undefined || echo[k] === p[k]) &&
    keys.some((k) => echo[k] !== undefined && echo[k] === p[k])
      ? [i]
      : [],
  );
  return matches.length === 1 ? (matches[0] ?? null) : null;
}

export interface ParcelFromOrderOptions {
  /** The v2 shipping method; none is needed while the parcel has no label. */
  shippingMethodId?: number;
  senderAddress?: number;
  /** Unique per account: makes a repeated import findable, the v2 idempotence key. */
  externalReference?: string;
}

/**
 * The v2 parcel that puts an order fetched from another account (`GET /orders`) into a v2
 * merchant account without a label (`request_label: false`, status 999 "No label"): recipient,
 * order number, weight, order value and items. v2 has no orders, so the parcel is the order.
 */
export function parcelInputFrom(order: Order, opts: ParcelFromOrderOptions = {}): V2ParcelInput {
  const to = order.shipping_address;
  const name = to?.name ?? order.customer_details?.name;
  if (!to || !name || !to.address_line_1 || !to.city || !to.postal_code || !to.country_code) {
    throw new RangeError(
      `Order ${order.order_number} has an incomplete shipping address: a v2 parcel needs a name, street, postal code, city and country.`,
    );
  }
  const optional = (value: string | null | undefined) => (value ? value : undefined);
  const kg = kilograms(order.shipping_details?.measurement?.weight);
  const total = order.payment_details?.total_price;
  const totalValue = total ? Number(total.value) : NaN;
  const items = order.order_details.order_items.map((item) => {
    const extra = item as Record<string, unknown>;
    const unitKg = kilograms(item.measurement?.weight);
    const unitPrice = item.unit_price
      ? Number(item.unit_price.value)
      : Number(item.total_price?.value) / item.quantity;
    // v2 items need a weight and a value per unit; an item without them cannot be declared.
    if (unitKg === null || !Number.isFinite(unitPrice)) return null;
    const text = (field: string) =>
      typeof extra[field] === 'string' && extra[field] !== ''
        ? (extra[field] as string)
        : undefined;
    const parcelItem: NonNullable<V2ParcelInput['parcel_items']>[number] = {
      description: item.name,
      quantity: item.quantity,
      weight: unitKg.toFixed(3),
      value: Math.round(unitPrice * 100) / 100,
      hs_code: text('hs_code') ?? '',
    };
    const origin = text('country_of_origin');
    if (origin) parcelItem.origin_country = origin;
    if (item.sku) parcelItem.sku = item.sku;
    const productId = text('product_id');
    if (productId) parcelItem.product_id = productId;
    return parcelItem;
  });
  // Half a declaration is worse than none: items go along only if every one can be declared.
  const declared = items.every((item) => item !== null) ? items : [];
  const parcel: V2ParcelInput = {
    name,
    address: to.address_line_1,
    city: to.city,
    postal_code: to.postal_code,
    country: to.country_code,
    request_label: false,
    order_number: order.order_number,
  };
  const fields: Partial<V2ParcelInput> = {
    company_name: optional(to.company_name),
    house_number: optional(to.house_number),
    address_2: optional(to.address_line_2),
    country_state: optional(to.state_province_code),
    telephone: optional(to.phone_number) ?? optional(order.customer_details?.phone_number),
    email: optional(to.email) ?? optional(order.customer_details?.email),
    weight: kg !== null && kg > 0 ? kg.toFixed(3) : undefined,
    total_order_value: Number.isFinite(totalValue) ? totalValue.toFixed(2) : undefined,
    total_order_value_currency: Number.isFinite(totalValue) ? total?.currency : undefined,
    shipment: opts.shippingMethodId !== undefined ? { id: opts.shippingMethodId } : undefined,
    sender_address: opts.senderAddress,
    external_reference: opts.externalReference,
    parcel_items: declared.length > 0 ? declared : undefined,
  };
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) Object.assign(parcel, { [key]: value });
  }
  return parcel;
}
