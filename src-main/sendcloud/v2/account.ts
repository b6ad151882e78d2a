// v2 account data: shipping methods (the only way to choose a carrier product in v2), sender
// addresses and integrations.
import { query, urlCursor, type Page } from '../pages';
import type { Sender } from '../sender';
import {
  v2IntegrationListSchema,
  v2SenderAddressListSchema,
  v2SenderAddressResponseSchema,
  v2ShippingMethodListSchema,
  v2ShippingMethodResponseSchema,
  type V2Integration,
  type V2SenderAddress,
  type V2ShippingMethod,
} from './schemas';

export interface ShippingMethodFilters {
  /** A sender address id, or `all`; zonal carriers need one. */
  senderAddress?: number | 'all';
  servicePointId?: number;
  isReturn?: boolean;
  fromPostalCode?: string;
  toPostalCode?: string;
  toCountry?: string;
}

function methodQuery(filters: ShippingMethodFilters) {
  return query({
    sender_address: filters.senderAddress,
    service_point_id: filters.servicePointId,
    is_return: filters.isReturn,
    from_postal_code: filters.fromPostalCode,
    to_postal_code: filters.toPostalCode,
    to_country: filters.toCountry,
  });
}

export function v2AccountApi(sender: Sender) {
  return {
    /** Method ids are volatile: Sendcloud asks not to cache them for more than an hour. */
    async listShippingMethods(
      filters: ShippingMethodFilters & { limit?: number; cursor?: string } = {},
    ): Promise<Page<V2ShippingMethod>> {
      const search = methodQuery(filters);
      if (filters.limit !== undefined) search.set('limit', String(filters.limit));
      if (filters.cursor !== undefined) search.set('cursor', filters.cursor);
      const response = await sender.json(v2ShippingMethodListSchema, {
        api: 'v2',
        method: 'GET',
        path: '/shipping_methods',
        query: search,
      });
      return {
        items: response.data.shipping_methods,
        nextCursor: urlCursor(response.data.next, sender.root('v2'), response),
      };
    },

    async getShippingMethod(
      id: number,
      filters: ShippingMethodFilters = {},
    ): Promise<V2ShippingMethod> {
      const { data } = await sender.json(v2ShippingMethodResponseSchema, {
        api: 'v2',
        method: 'GET',
        path: `/shipping_methods/${id}`,
        query: methodQuery(filters),
      });
      return data.shipping_method;
    },

    async listSenderAddresses(): Promise<V2SenderAddress[]> {
      const { data } = await sender.json(v2SenderAddressListSchema, {
        api: 'v2',
        method: 'GET',
        path: '/user/addresses/sender',
      });
      return data.sender_addresses;
    },

    async getSenderAddress(id: number): Promise<V2SenderAddress> {
      const { data } = await sender.json(v2SenderAddressResponseSchema, {
        api: 'v2',
        method: 'GET',
        path: `/user/addresses/sender/${id}`,
      });
      return data.sender_address;
    },

    async listIntegrations(): Promise<V2Integration[]> {
      const { data } = await sender.json(v2IntegrationListSchema, {
        api: 'v2',
        method: 'GET',
        path: '/integrations',
      });
      return data;
    },
  };
}
