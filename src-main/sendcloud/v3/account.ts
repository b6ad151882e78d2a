// v3 account data the station reads: integrations, sender addresses and carrier contracts.
import { integrationListSchema, integrationSchema, type Integration } from '../schemas';
import { collectAll, linkCursor, query, type Page } from '../pages';
import type { Sender } from '../sender';
import { z } from 'zod';
import {
  contractListSchema,
  senderAddressListSchema,
  senderAddressResponseSchema,
  type Contract,
  type SenderAddress,
} from './schemas';

export interface PageParams {
  pageSize?: number;
  cursor?: string;
}

export interface ListContractsParams extends PageParams {
  carrierCode?: string;
  isActive?: boolean;
  clientId?: string;
  name?: string;
  countryCode?: string;
}

const integrationResponseSchema = z.looseObject({ data: integrationSchema });

export function accountApi(sender: Sender) {
  const root = sender.root('v3');

  async function listSenderAddresses(params: PageParams = {}): Promise<Page<SenderAddress>> {
    const response = await sender.json(senderAddressListSchema, {
      method: 'GET',
      path: '/addresses/sender-addresses',
      query: query({ page_size: params.pageSize, cursor: params.cursor }),
    });
    return { items: response.data.data, nextCursor: linkCursor(response, root) };
  }

  return {
    /** `sort`: e.g. `shop_name` or `-created_at`. */
    async listIntegrations(params: { sort?: string } = {}): Promise<Integration[]> {
      const { data } = await sender.json(integrationListSchema, {
        method: 'GET',
        path: '/integrations',
        query: query({ sort: params.sort }),
      });
      return data.data;
    },

    async getIntegration(id: number): Promise<Integration> {
      const { data } = await sender.json(integrationResponseSchema, {
        method: 'GET',
        path: `/integrations/${id}`,
      });
      return data.data;
    },

    listSenderAddresses,

    listAllSenderAddresses(): Promise<SenderAddress[]> {
      return collectAll((cursor) => listSenderAddresses({ cursor }), 'sender address');
    },

    async getSenderAddress(id: number): Promise<SenderAddress> {
      const { data } = await sender.json(senderAddressResponseSchema, {
        method: 'GET',
        path: `/addresses/sender-addresses/${id}`,
      });
      return data.data;
    },

    async listContracts(params: ListContractsParams = {}): Promise<Page<Contract>> {
      const response = await sender.json(contractListSchema, {
        method: 'GET',
        path: '/contracts',
        query: query({
          carrier_code: params.carrierCode,
          is_active: params.isActive,
          client_id: params.clientId,
          name: params.name,
          country_code: params.countryCode,
          page_size: params.pageSize,
          cursor: params.cursor,
        }),
      });
      return { items: response.data.data, nextCursor: linkCursor(response, root) };
    },
  };
}
