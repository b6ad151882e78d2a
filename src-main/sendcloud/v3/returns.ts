// v3 returns: create a return label, and list the account's returns.
import { query, urlCursor, type Page } from '../pages';
import { SendcloudError } from '../errors';
import type { Sender } from '../sender';
import type { AddressInput } from './address';
import { returnCreatedSchema, returnListSchema, returnPortalSchema, type Return } from './schemas';

/** The body of POST /returns, in Sendcloud's own field names (v3-returns.yaml). */
export interface CreateReturnRequest {
  from_address: AddressInput;
  to_address: AddressInput;
  ship_with:
    | { type: 'shipping_option_code'; shipping_option_code: string; contract?: number }
    | { type: 'shipping_product_code'; shipping_product_code: string; contract?: number };
  // Numbers here, unlike the string weights of shipments (v3-returns.yaml).
  weight: { value: number; unit: 'kg' | 'g' | 'lbs' | 'oz' };
  dimensions?: { length: number; width: number; height: number; unit: string };
  collo_count?: number;
  parcel_items?: {
    quantity: number;
    description?: string;
    item_id?: string;
    sku?: string;
    price?: { value: string; currency: string };
    return_reason_id?: number;
  }[];
  send_tracking_emails?: boolean;
  brand_id?: number;
  order_number?: string;
  total_insured_value?: { value: number; currency: string };
  total_order_value?: { value: number; currency: string };
  external_reference?: string;
  delivery_option?: string;
}

export interface CreatedReturn {
  returnId: number;
  parcelId: number;
  multiColloIds: number[];
}

export interface ListReturnsParams {
  /** Required by Sendcloud: date-times such as `2026-04-06 00:00:00`. */
  fromDate: string;
  toDate: string;
  parentParcelStatus?: string;
  pageSize?: number;
  cursor?: string;
}

export function returnsApi(sender: Sender) {
  return {
    async createReturn(req: CreateReturnRequest): Promise<CreatedReturn> {
      const { data } = await sender.json(returnCreatedSchema, {
        method: 'POST',
        path: '/returns',
        body: req,
      });
      return {
        returnId: data.return_id,
        parcelId: data.parcel_id,
        multiColloIds: data.multi_collo_ids,
      };
    },

    async listReturns(params: ListReturnsParams): Promise<Page<Return>> {
      const response = await sender.json(returnListSchema, {
        method: 'GET',
        path: '/returns',
        query: query({
          from_date: params.fromDate,
          to_date: params.toDate,
          parent_parcel_status: params.parentParcelStatus,
          page_size: params.pageSize,
          cursor: params.cursor,
        }),
      });
      return {
        items: response.data.data,
        nextCursor: urlCursor(response.data.next, sender.root('v3'), response),
      };
    },

    /** The return portal link of an outgoing shipment; null where no portal or brand is set up. */
    async getReturnPortalUrl(shipmentId: string): Promise<string | null> {
      try {
        const { data } = await sender.json(returnPortalSchema, {
          method: 'GET',
          path: `/shipments/${encodeURIComponent(shipmentId)}/return-portal-url`,
        });
        return data.data.url;
      } catch (error) {
        if (error instanceof SendcloudError && error.kind === 'not-found') return null;
        throw error;
      }
    },
  };
}
