// v3 service points (BETA), the calls a label to a pick-up point needs: one point by id, is it
// available now, and the points of one carrier nearest an address.
import { z } from 'zod';
import { query } from '../pages';
import type { Sender } from '../sender';
import { servicePointListSchema, servicePointSchema, type ServicePoint } from './schemas';

const servicePointResponseSchema = z.looseObject({ data: servicePointSchema });
const availabilityResponseSchema = z.looseObject({
  data: z.looseObject({ is_available: z.boolean() }),
});

/** Where the points are looked for: an address, its parts as the order gives them. */
export interface NearbyServicePointsParams {
  countryCode: string;
  carrierCode: string;
  street?: string;
  houseNumber?: string;
  postalCode?: string;
  city?: string;
  /** How many of the nearest to return. */
  limit?: number;
}

export function servicePointsApi(sender: Sender) {
  return {
    /** One point by its Sendcloud id; a 404 (not-found) when Sendcloud does not know it. */
    async getServicePoint(id: number): Promise<ServicePoint> {
      const { data } = await sender.json(servicePointResponseSchema, {
        method: 'GET',
        path: `/service-points/${id}`,
      });
      return data.data;
    },

    /** Whether the point takes parcels now (for some carriers a live check with the carrier). */
    async checkServicePointAvailability(id: number): Promise<boolean> {
      const { data } = await sender.json(availabilityResponseSchema, {
        method: 'POST',
        path: `/service-points/${id}/check-availability`,
      });
      return data.data.is_available;
    },

    /**
     * The carrier's points nearest an address, closest first. The address goes as structured
     * parts (`address_street`…): the order already has them apart.
     */
    async nearbyServicePoints(params: NearbyServicePointsParams): Promise<ServicePoint[]> {
      // A house number alone locates nothing: it goes only with a street or a postal code.
      const withNumber = params.street !== undefined || params.postalCode !== undefined;
      const search = query({
        country_code: params.countryCode,
        carrier_code: params.carrierCode,
        address_street: params.street,
        address_house_number: withNumber ? params.houseNumber : undefined,
        address_postal_code: params.postalCode,
        address_city: params.city,
        limit: params.limit,
      });
      const { data } = await sender.json(servicePointListSchema, {
        method: 'GET',
        path: '/service-points',
        query: search,
      });
      return data.data.geocoding?.status === 'not_found' ? [] : data.data.results;
    },
  };
}
