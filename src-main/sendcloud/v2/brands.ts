// Brands: the shop names and logos a label and its tracking page can carry. The Brands API exists
// in v2 only, yet v3 labels take a `brand_id` too, so the client offers it to every account.
import { collectAll, query, urlCursor } from '../pages';
import type { Sender } from '../sender';
import { v2BrandListSchema, v2BrandSchema, type V2Brand } from './schemas';

export function brandsApi(sender: Sender) {
  const root = sender.root('v2');
  return {
    /** Every brand of the account, across pages. */
    listBrands(): Promise<V2Brand[]> {
      return collectAll(async (cursor) => {
        const response = await sender.json(v2BrandListSchema, {
          api: 'v2',
          method: 'GET',
          path: '/brands',
          query: query({ cursor }),
        });
        return {
          items: response.data.brands,
          nextCursor: urlCursor(response.data.next, root, response),
        };
      }, 'brand');
    },

    /** One brand; an id the account has no brand for is a 404 (not-found). */
    async getBrand(id: number): Promise<V2Brand> {
      // The spec answers the brand itself, not wrapped in a `brand` key.
      const { data } = await sender.json(v2BrandSchema, {
        api: 'v2',
        method: 'GET',
        path: `/brands/${id}`,
      });
      return data;
    },
  };
}
