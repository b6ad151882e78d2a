// Zod schemas for the v2 answers Packdesk reads, for accounts that still use v2, written from
// resources/sendcloud-spec (sendcloud-dev v2 parcels/labels/integrations, toppynl-merged for
// shipping methods and sender addresses). Tolerances beyond the spec are marked "Tolerance:".
import { z } from 'zod';

const optionalString = z.string().nullish();
// Tolerance: v2 sizes are documented as nullable strings; the Webador fixture sends numbers.
const decimal = z.union([z.string(), z.number()]).nullish();
// Tolerance: the parcels spec types next/previous as integers, every other list (and every real
// body) as URL strings; kept as the URL string they are in practice.
const pageLink = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v) => (v === null || v === undefined ? null : String(v)));

export const v2ParcelSchema = z.looseObject({
  id: z.number().int(),
  name: optionalString,
  company_name: optionalString,
  address: optionalString,
  address_2: optionalString,
  address_divided: z
    .looseObject({ street: optionalString, house_number: optionalString })
    .nullish(),
  city: optionalString,
  postal_code: optionalString,
  country: z
    .looseObject({ iso_2: z.string(), iso_3: optionalString, name: optionalString })
    .nullish(),
  to_state: optionalString,
  telephone: optionalString,
  email: optionalString,
  date_created: optionalString,
  date_updated: optionalString,
  date_announced: optionalString,
  // Empty string until the parcel is announced.
  tracking_number: optionalString,
  tracking_url: optionalString,
  weight: optionalString,
  // `{}` until announced; then a thermal URL and four A4 positions.
  label: z
    .looseObject({ label_printer: optionalString, normal_printer: z.array(z.string()).nullish() })
    .nullish(),
  documents: z
    .array(z.looseObject({ type: optionalString, size: optionalString, link: optionalString }))
    .nullish(),
  status: z.looseObject({ id: z.number().int(), message: optionalString }),
  shipment: z.looseObject({ id: z.number().int(), name: optionalString }).nullish(),
  carrier: z.looseObject({ code: optionalString }).nullish(),
  contract: z.number().int().nullish(),
  order_number: optionalString,
  external_reference: optionalString,
  reference: optionalString,
  shipment_uuid: optionalString,
  colli_uuid: optionalString,
  collo_nr: z.number().int().nullish(),
  collo_count: z.number().int().nullish(),
  is_return: z.boolean().nullish(),
  // Tolerance: documented as a string id, an integer in other v2 documents.
  to_service_point: z.union([z.string(), z.number()]).nullish(),
  length: decimal,
  width: decimal,
  height: decimal,
  // Carrier errors that did not stop the parcel (verbose-carrier), e.g. `non_field_errors`.
  errors: z.record(z.string(), z.unknown()).nullish(),
});
export type V2Parcel = z.output<typeof v2ParcelSchema>;

// Tolerance: the PUT /parcels example wraps the parcel in an array; real clients read an object.
export const v2ParcelResponseSchema = z.looseObject({
  parcel: z.union([v2ParcelSchema, z.array(v2ParcelSchema).length(1)]),
});

const fieldErrors = z.record(z.string(), z.unknown());

export const v2ParcelsCreatedSchema = z.looseObject({
  // Tolerance: the partial-error example has no `parcels` key when nothing was created.
  parcels: z.array(v2ParcelSchema).default([]),
  failed_parcels: z
    .array(
      z.looseObject({
        // An echo of the request item, not a created parcel: no id, string weights.
        parcel: z.record(z.string(), z.unknown()),
        errors: fieldErrors,
      }),
    )
    .default([]),
});

export const v2ParcelListSchema = z.looseObject({
  next: pageLink,
  previous: pageLink,
  // Tolerance: the spec says `minItems: 1`, but a filter that matches nothing is an empty page.
  parcels: z.array(v2ParcelSchema),
});

export const v2CancelSchema = z.looseObject({ status: z.string(), message: optionalString });

export const v2LabelSchema = z.looseObject({
  label: z.looseObject({
    normal_printer: z.array(z.string()),
    label_printer: z.string(),
  }),
  customs_declaration: z.record(z.string(), z.unknown()).nullish(),
});
export type V2Label = z.output<typeof v2LabelSchema>;

export const v2ShippingMethodSchema = z.looseObject({
  id: z.number().int(),
  name: z.string(),
  carrier: z.string(),
  min_weight: z.string(),
  max_weight: z.string(),
  service_point_input: z.string(),
  price: z.number(),
  countries: z
    .array(
      z.looseObject({
        id: z.number().int().nullish(),
        iso_2: z.string(),
        iso_3: optionalString,
        name: optionalString,
        price: z.number().nullish(),
        lead_time_hours: z.number().nullish(),
      }),
    )
    .nullish(),
});
export type V2ShippingMethod = z.output<typeof v2ShippingMethodSchema>;
export const v2ShippingMethodListSchema = z.looseObject({
  next: pageLink,
  previous: pageLink,
  shipping_methods: z.array(v2ShippingMethodSchema),
});
export const v2ShippingMethodResponseSchema = z.looseObject({
  shipping_method: v2ShippingMethodSchema,
});

export const v2SenderAddressSchema = z.looseObject({
  id: z.number().int(),
  company_name: optionalString,
  contact_name: optionalString,
  email: optionalString,
  telephone: optionalString,
  street: optionalString,
  house_number: optionalString,
  postal_box: optionalString,
  postal_code: optionalString,
  city: optionalString,
  country: optionalString,
  country_state: optionalString,
  vat_number: optionalString,
  eori_number: optionalString,
  label: optionalString,
  brand_id: z.number().int().nullish(),
});
export type V2SenderAddress = z.output<typeof v2SenderAddressSchema>;
export const v2SenderAddressListSchema = z.looseObject({
  sender_addresses: z.array(v2SenderAddressSchema),
});
export const v2SenderAddressResponseSchema = z.looseObject({
  sender_address: v2SenderAddressSchema,
});

export const v2IntegrationSchema = z.looseObject({
  id: z.number().int(),
  shop_name: optionalString,
  shop_url: optionalString,
  system: optionalString,
  failing_since: optionalString,
  last_fetch: optionalString,
  last_updated_at: optionalString,
  service_point_enabled: z.boolean().nullish(),
  service_point_carriers: z.array(z.string()).nullish(),
  webhook_active: z.boolean().nullish(),
  webhook_url: optionalString,
});
export type V2Integration = z.output<typeof v2IntegrationSchema>;
// v2 lists integrations as a bare array.
export const v2IntegrationListSchema = z.array(v2IntegrationSchema);

const logoSchema = z.looseObject({ url: optionalString }).nullish();

// v2 brands.yaml (merged v2 document): only the id and name are required by Packdesk; the rest
// says how the brand shows on tracking pages and labels.
export const v2BrandSchema = z.looseObject({
  id: z.number().int(),
  name: z.string(),
  /** The tracking-page and return-portal domain, e.g. `sendcloud-shop`. */
  domain: optionalString,
  color: optionalString,
  secondary_color: optionalString,
  website: optionalString,
  screen_logo: logoSchema,
  print_logo: logoSchema,
  notify_reply_to_email: optionalString,
  hide_powered_by: z.boolean().nullish(),
  features: z.record(z.string(), z.unknown()).nullish(),
});
export type V2Brand = z.output<typeof v2BrandSchema>;
export const v2BrandListSchema = z.looseObject({
  next: pageLink,
  previous: pageLink,
  brands: z.array(v2BrandSchema),
});
