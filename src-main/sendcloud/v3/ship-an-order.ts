// v3 ship-an-order: a label for an order Sendcloud already holds, synchronously (one order, the
// label in the answer) or asynchronously (1..20 orders, labels fetched later as documents).
// Neither has duplicate protection: look the order's shipments up before trying again.
import { labelSyncResponseSchema, type LabelSyncItem } from '../schemas';
import { badAnswer, type Sender } from '../sender';
import { labelsAsyncResponseSchema, type ErrorObject, type LabelsAsyncItem } from './schemas';

export type LabelFormat = 'zpl' | 'pdf' | 'png';
export type LabelDpi = 72 | 150 | 203 | 300 | 600;

export const mimeTypes: Record<LabelFormat, string> = {
  zpl: 'application/zpl',
  pdf: 'application/pdf',
  png: 'image/png',
};

export type OrderSelector = { orderId: string } | { orderNumber: string };

export interface CreateLabelRequest {
  integrationId: number;
  order: OrderSelector;
  format: LabelFormat;
  dpi: LabelDpi;
  senderAddressId?: number;
  brandId?: number;
  shippingOptionCode?: string;
  contractId?: number;
  applyShippingRules?: boolean;
}

export interface CreatedLabel {
  parcelId: number;
  shipmentId: string;
  orderId: string;
  orderNumber: string;
  trackingNumber: string;
  trackingUrl: string | null;
  /** Carrier code, the part of the shipping option code before the colon (`postnl`). */
  carrier: string;
  shippingOptionCode: string | null;
  label: { bytes: Buffer; mimeType: string; dpi: number };
  /** The parcel's other documents the answer lists (`customs-declaration`, `air-waybill`). */
  documents?: string[];
}

/**
 * One box of a multicollo shipment (`create-labels-parcels`): the order's items it holds
 * (`parcel_items` is required per parcel) and its own weight, a decimal string as the spec says.
 */
export interface AsyncParcelInput {
  parcelItems: { itemId: string; quantity: number }[];
  weight?: { value: string; unit: 'kg' | 'g' | 'lbs' | 'oz' };
}

export interface CreateLabelsAsyncRequest {
  integrationId: number;
  /** 1..20 orders; `parcels` (1..50) makes one shipment of that many boxes for the order. */
  orders: (OrderSelector & { applyShippingRules?: boolean; parcels?: AsyncParcelInput[] })[];
  senderAddressId?: number;
  brandId?: number;
  shippingOptionCode?: string;
  contractId?: number;
}

export interface LabelsAsyncFailure {
  /** Index into the request's `orders`, read from the error pointer when Sendcloud gives one. */
  index: number | null;
  code: string | null;
  detail: string;
  pointer: string | null;
}

export interface LabelsAsyncResult {
  /** Orders Sendcloud accepted; their labels appear as parcel documents once announced. */
  queued: LabelsAsyncItem[];
  /** Orders Sendcloud refused, while the others went ahead (HTTP 202 all the same). */
  failed: LabelsAsyncFailure[];
}

function selector(
  order: OrderSelector & { applyShippingRules?: boolean; parcels?: AsyncParcelInput[] },
) {
  const base: Record<string, unknown> =
    'orderId' in order ? { order_id: order.orderId } : { order_number: order.orderNumber };
  if (order.applyShippingRules !== undefined) base.apply_shipping_rules = order.applyShippingRules;
  if (order.parcels !== undefined) {
    if (order.parcels.length < 1 || order.parcels.length > 50) {
      throw new RangeError(`An order ships in 1 to 50 parcels, not ${order.parcels.length}.`);
    }
    base.parcels = order.parcels.map((parcel) => ({
      parcel_items: parcel.parcelItems.map((item) => ({
        item_id: item.itemId,
        quantity: item.quantity,
      })),
      ...(parcel.weight ? { weight: parcel.weight } : {}),
    }));
  }
  return base;
}

function shared(req: {
  integrationId: number;
  senderAddressId?: number;
  brandId?: number;
  shippingOptionCode?: string;
  contractId?: number;
}): Record<string, unknown> {
  const body: Record<string, unknown> = { integration_id: req.integrationId };
  if (req.senderAddressId !== undefined) body.sender_address_id = req.senderAddressId;
  if (req.brandId !== undefined) body.brand_id = req.brandId;
  if (req.shippingOptionCode !== undefined) {
    const properties: Record<string, unknown> = { shipping_option_code: req.shippingOptionCode };
    if (req.contractId !== undefined) properties.contract_id = req.contractId;
    body.ship_with = { type: 'shipping_option_code', properties };
  }
  return body;
}

export function shipAnOrderApi(sender: Sender) {
  return {
    async createLabelSync(req: CreateLabelRequest): Promise<CreatedLabel> {
      const body = {
        ...shared(req),
        order: selector({ ...req.order, applyShippingRules: req.applyShippingRules }),
        label_details: { mime_type: mimeTypes[req.format], dpi: req.dpi },
      };
      const path = '/orders/create-label-sync';
      const response = await sender.json(labelSyncResponseSchema, { method: 'POST', path, body });
      const item = pickLabelItem(response.data.data, req.order);
      try {
        return toCreatedLabel(item, req);
      } catch (error) {
        throw badAnswer(
          `POST ${path}`,
          String(error instanceof Error ? error.message : error),
          response,
        );
      }
    },

    async createLabelsAsync(req: CreateLabelsAsyncRequest): Promise<LabelsAsyncResult> {
      if (req.orders.length < 1 || req.orders.length > 20) {
        throw new RangeError(`create-labels-async takes 1 to 20 orders, not ${req.orders.length}.`);
      }
      const { data } = await sender.json(labelsAsyncResponseSchema, {
        method: 'POST',
        path: '/orders/create-labels-async',
        body: { ...shared(req), orders: req.orders.map(selector) },
        // Only batches ask for many labels at once: a packer's single label goes first.
        priority: 'bulk',
      });
      return { queued: data.data, failed: data.errors.map(toFailure) };
    },
  };
}

function toFailure(error: ErrorObject): LabelsAsyncFailure {
  const pointer = error.source?.pointer ?? null;
  // `/data/attributes/orders/[1]` (or `/orders/1`): the failed order's index in the request.
  const index = pointer ? /\/orders\/\[?(\d+)\]?/.exec(pointer)?.[1] : undefined;
  return {
    index: index === undefined ? null : Number(index),
    code: error.code ?? null,
    detail: error.detail ?? error.title ?? '',
    pointer,
  };
}

/** The official example answers one order with an array; pick the entry for the asked order. */
function pickLabelItem(data: LabelSyncItem | LabelSyncItem[], order: OrderSelector): LabelSyncItem {
  if (!Array.isArray(data)) return data;
  const match = data.find((item) =>
    'orderId' in order ? item.order_id === order.orderId : item.order_number === order.orderNumber,
  );
  // The schema guarantees at least one entry.
  return match ?? (data[0] as LabelSyncItem);
}

function toCreatedLabel(item: LabelSyncItem, req: CreateLabelRequest): CreatedLabel {
  const file = item.label ?? item.label_details;
  if (!file) throw new Error('no label file');
  const base64 = file.file.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) throw new Error('a label file that is not base64');
  const shippingOptionCode =
    item.ship_with?.properties.shipping_option_code ?? req.shippingOptionCode ?? null;
  const documents = (item.documents ?? [])
    .map((document) => document.document_type ?? document.type ?? '')
    .filter((type) => type !== '' && type !== 'label');
  return {
    parcelId: item.parcel_id,
    shipmentId: item.shipment_id,
    orderId: item.order_id,
    orderNumber: item.order_number,
    trackingNumber: item.tracking_number,
    trackingUrl: item.tracking_url ?? null,
    carrier: carrierOf(shippingOptionCode),
    shippingOptionCode,
    label: {
      bytes: Buffer.from(base64, 'base64'),
      mimeType: file.mime_type,
      dpi: file.dpi ?? req.dpi,
    },
    ...(documents.length > 0 ? { documents } : {}),
  };
}

/** `postnl:standard/insured=3000` -> `postnl`. */
export function carrierOf(shippingOptionCode: string | null | undefined): string {
  if (!shippingOptionCode) return 'unknown';
  return shippingOptionCode.split(':')[0] || 'unknown';
}
