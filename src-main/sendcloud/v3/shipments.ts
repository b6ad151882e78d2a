// v3 shipments: a label without an order. `external_reference_id` is unique per account, so a
// repeated announce answers 409 with the shipment that already exists: a replay-safe key.
import { linkCursor, query } from '../pages';
import type { Sender } from '../sender';
import type { LabelDpi } from './ship-an-order';
import {
  cancelResponseSchema,
  shipmentListSchema,
  shipmentResponseSchema,
  type Shipment,
} from './schemas';
import type { AddressInput } from './address';

interface Money {
  value: string;
  currency: string;
}

export interface ShipmentParcelInput {
  weight: { value: string; unit: 'kg' | 'g' | 'lbs' | 'oz' };
  dimensions?: {
    length: string;
    width: string;
    height: string;
    unit: 'cm' | 'mm' | 'm' | 'yd' | 'ft' | 'in';
  };
  parcel_items?: {
    quantity: number;
    description?: string;
    hs_code?: string;
    origin_country?: string;
    sku?: string;
    item_id?: string;
    product_id?: string;
    weight?: { value: number; unit: 'kg' | 'g' | 'lbs' | 'oz' };
    price?: Money;
  }[];
  additional_insured_price?: Money;
  label_notes?: string[];
  package_type?: string;
  sscc?: string;
}

/** The body of POST /shipments/announce, in Sendcloud's own field names (v3-shipments.yaml). */
export interface AnnounceShipmentRequest {
  from_address: { sender_address_id: number } | AddressInput;
  to_address: AddressInput;
  ship_with: {
    type: 'shipping_option_code';
    properties: { shipping_option_code: string; contract_id?: number };
  };
  /** 1..15 parcels for a synchronous announce. */
  parcels: ShipmentParcelInput[];
  to_service_point?: { id: string } | { carrier_service_point_id: string };
  label_details?: { mime_type: 'application/pdf' | 'application/zpl' | 'image/png'; dpi: LabelDpi };
  order_number?: string;
  total_order_price?: Money;
  reference?: string;
  /** Unique per account: a repeat answers 409 with the existing shipment. */
  external_reference_id?: string;
  brand_id?: number;
  customs_information?: {
    invoice_number: string;
    export_reason?: 'gift' | 'documents' | 'commercial_goods' | 'commercial_sample';
    export_type?: 'private' | 'commercial_b2c' | 'commercial_b2b';
    invoice_date?: string;
  };
  validation_methods?: 'here'[];
}

export interface ListShipmentsParams {
  orderNumber?: string;
  externalReferenceId?: string;
  trackingNumber?: string;
  parcelStatus?: string;
  integrationId?: number;
  /** ISO 8601 date-times. */
  updatedAfter?: string;
  updatedBefore?: string;
  announcedAfter?: string;
  announcedBefore?: string;
  /** Parcel ids, at most 100. */
  parcelIds?: number[];
  shipmentUuids?: string[];
  /** 1..100; Sendcloud's default is 40. */
  pageSize?: number;
  cursor?: string;
}

export interface ShipmentPage {
  shipments: Shipment[];
  nextCursor: string | null;
}

export interface CancelResult {
  /** 200: cancelled at once; 202: queued, Sendcloud cancels it when the carrier allows. */
  outcome: 'cancelled' | 'queued';
  status: string;
  message: string;
}

export function shipmentsApi(sender: Sender) {
  return {
    /**
     * Create and announce synchronously. A 201 may still hold a parcel in ANNOUNCEMENT_FAILED with
     * `errors`: the shipment exists without a label. A repeated external_reference_id throws
     * SendcloudConflictError carrying `existingShipment` when Sendcloud sends it.
     */
    async announceShipment(req: AnnounceShipmentRequest): Promise<Shipment> {
      if (req.parcels.length < 1 || req.parcels.length > 15) {
        throw new RangeError(
          `A synchronous announce takes 1 to 15 parcels, not ${req.parcels.length}.`,
        );
      }
      const { data } = await sender.json(shipmentResponseSchema, {
        method: 'POST',
        path: '/shipments/announce',
        body: req,
      });
      return data.data;
    },

    async getShipment(id: string): Promise<Shipment> {
      const { data } = await sender.json(shipmentResponseSchema, {
        method: 'GET',
        path: `/shipments/${encodeURIComponent(id)}`,
      });
      return data.data;
    },

    async listShipments(params: ListShipmentsParams = {}): Promise<ShipmentPage> {
      const response = await sender.json(shipmentListSchema, {
        method: 'GET',
        path: '/shipments',
        query: query({
          order_number: params.orderNumber,
          external_reference_id: params.externalReferenceId,
          tracking_number: params.trackingNumber,
          parcel_status: params.parcelStatus,
          integration_id: params.integrationId,
          updated_after: params.updatedAfter,
          updated_before: params.updatedBefore,
          announced_after: params.announcedAfter,
          announced_before: params.announcedBefore,
          ids: params.parcelIds,
          shipment_uuids: params.shipmentUuids,
          page_size: params.pageSize,
          cursor: params.cursor,
        }),
      });
      return { shipments: response.data.data, nextCursor: linkCursor(response, sender.root('v3')) };
    },

    /** 409 (already being cancelled, delivered, too old) throws SendcloudConflictError. */
    async cancelShipment(id: string): Promise<CancelResult> {
      const { data, status } = await sender.json(cancelResponseSchema, {
        method: 'POST',
        path: `/shipments/${encodeURIComponent(id)}/cancel`,
      });
      return {
        outcome: status === 202 ? 'queued' : 'cancelled',
        status: data.data.status,
        message: data.data.message,
      };
    },
  };
}
