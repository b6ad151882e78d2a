// v3 shipping options (which carrier products fit a shipment, with quotes) and service points.
import { query } from '../pages';
import type { Sender } from '../sender';
import {
  servicePointListSchema,
  shippingOptionsResponseSchema,
  type ServicePoint,
  type ShippingOption,
} from './schemas';

interface SizedParcel {
  weight?: { value: string; unit: 'kg' | 'g' | 'lbs' | 'oz' };
  dimensions?: {
    length: string;
    width: string;
    height: string;
    unit: 'cm' | 'mm' | 'm' | 'yd' | 'ft' | 'in';
  };
  additional_insured_price?: { value: string; currency: string };
  total_insured_price?: { value: string; currency: string };
}

/** The body of POST /shipping-options; every field is optional (v3-shipping-options.yaml). */
export interface ShippingOptionsRequest {
  from_country_code?: string;
  to_country_code?: string;
  from_postal_code?: string;
  to_postal_code?: string;
  to_service_point?: { id: string } | { carrier_service_point_id: string };
  /** 1..50 parcels. */
  parcels?: SizedParcel[];
  functionalities?: Record<string, string | number | boolean | null>;
  carrier_code?: string;
  contract_id?: number;
  shipping_product_code?: string;
  shipping_option_code?: string;
  lead_time?: Partial<Record<'gt' | 'gte' | 'eq' | 'lt' | 'lte', number>>;
  /** Quotes need both country codes; zonal prices both postal codes too. */
  calculate_quotes?: boolean;
}

export interface ShippingOptionsResult {
  options: ShippingOption[];
  /** Sendcloud's explanation when nothing matched. */
  message: string | null;
}

export interface ListServicePointsParams {
  countryCode: string;
  carrierCodes?: string[];
  useIntegrationCarriers?: boolean;
  address?: string;
  postalCode?: string;
  city?: string;
  latitude?: number;
  longitude?: number;
  /** Metres, 100..50 000. */
  radius?: number;
  generalShopTypes?: ('servicepoint' | 'locker' | 'post_office' | 'carrier_depot')[];
  limit?: number;
}

export interface ServicePointsResult {
  servicePoints: ServicePoint[];
  geocoding: {
    status: string;
    precision?: string | null;
    formatted_address?: string | null;
  } | null;
}

export function shippingOptionsApi(sender: Sender) {
  return {
    async getShippingOptions(req: ShippingOptionsRequest): Promise<ShippingOptionsResult> {
      const { data } = await sender.json(shippingOptionsResponseSchema, {
        method: 'POST',
        path: '/shipping-options',
        body: req,
      });
      return { options: data.data ?? [], message: data.message ?? null };
    },

    async listServicePoints(params: ListServicePointsParams): Promise<ServicePointsResult> {
      const search = query({
        country_code: params.countryCode,
        use_integration_carriers: params.useIntegrationCarriers,
        address: params.address,
        address_postal_code: params.postalCode,
        address_city: params.city,
        latitude: params.latitude,
        longitude: params.longitude,
        radius: params.radius,
        limit: params.limit,
      });
      // Array parameters of this endpoint repeat (`carrier_code=dhl&carrier_code=ups`).
      for (const code of params.carrierCodes ?? []) search.append('carrier_code', code);
      for (const type of params.generalShopTypes ?? []) search.append('general_shop_type', type);
      const { data } = await sender.json(servicePointListSchema, {
        method: 'GET',
        path: '/service-points',
        query: search,
      });
      return { servicePoints: data.data.results, geocoding: data.data.geocoding };
    },
  };
}
