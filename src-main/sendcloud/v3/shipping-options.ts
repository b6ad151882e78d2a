// v3 shipping options (which carrier products fit a shipment, with quotes) and service points.
import { query } from '../pages';
import { badAnswer, type Sender } from '../sender';
import { kilograms } from '../units';
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

export interface LabelPriceQuery {
  /** ISO 3166 alpha-2. */
  fromCountry: string;
  toCountry: string;
  /** Kilograms; a decimal string, as orders sometimes hold weights, is read as one. */
  weightKg: number | string;
  /** Exactly as a label would be asked for, e.g. `postnl:standard` or `sendcloud:letter`. */
  shippingOptionCode: string;
  /** Zonal carriers price by postal code too. */
  fromPostalCode?: string;
  toPostalCode?: string;
}

export interface LabelPrice {
  /** The quote's total, surcharges included. */
  value: number;
  currency: string;
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

    /**
     * What one label of this option costs from one country to another at this weight: the total
     * of Sendcloud's quote, or null when the option does not go there or comes without a price.
     */
    async quoteLabelPrice(q: LabelPriceQuery): Promise<LabelPrice | null> {
      const kg = Number(q.weightKg);
      if (!Number.isFinite(kg) || kg <= 0) {
        throw new RangeError(`A label price needs a weight above 0 kg, not ${String(q.weightKg)}.`);
      }
      const body: ShippingOptionsRequest = {
        from_country_code: q.fromCountry,
        to_country_code: q.toCountry,
        ...(q.fromPostalCode !== undefined ? { from_postal_code: q.fromPostalCode } : {}),
        ...(q.toPostalCode !== undefined ? { to_postal_code: q.toPostalCode } : {}),
        shipping_option_code: q.shippingOptionCode,
        parcels: [{ weight: { value: kg.toFixed(3), unit: 'kg' } }],
        calculate_quotes: true,
      };
      const path = '/shipping-options';
      const response = await sender.json(shippingOptionsResponseSchema, {
        method: 'POST',
        path,
        body,
      });
      const option = (response.data.data ?? []).find((o) => o.code === q.shippingOptionCode);
      const quotes = option?.quotes ?? [];
      // Quotes are per weight band; the one this weight falls in, else the only one there is.
      const inBand = quotes.find(
        (quote) =>
          kg >= (kilograms(quote.weight?.min) ?? 0) &&
          kg <= (kilograms(quote.weight?.max) ?? Infinity),
      );
      const total = (inBand ?? (quotes.length === 1 ? quotes[0] : undefined))?.price?.total;
      if (!total) return null;
      const value = Number(total.value);
      if (!Number.isFinite(value)) {
        throw badAnswer(`POST ${path}`, `a price that is not a number: ${total.value}`, response);
      }
      return { value, currency: total.currency };
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
