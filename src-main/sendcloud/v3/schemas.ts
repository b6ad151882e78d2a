// Zod schemas for the v3 answers beyond orders and integrations (those live in ../schemas.ts),
// written from resources/sendcloud-spec. Objects are loose so a field Sendcloud adds does not
// break the station; a field is required only where the spec requires it and Packdesk relies on it.
// Every tolerance beyond the spec is marked "Tolerance:" with the contradiction that forces it.
import { z } from 'zod';
import { shipWithSchema, v3AddressSchema, type V3Address } from '../schemas';

export { v3AddressSchema, type V3Address };

const optionalString = z.string().nullish();
// Tolerance: ids are strings in some examples, integers in others (orders, shipments); keep strings.
const stringish = z.union([z.string().min(1), z.number()]).transform(String);

export const errorObjectSchema = z.looseObject({
  // Tolerance: a string everywhere in the spec except the 429 example, where it is a number.
  status: z.union([z.string(), z.number()]).nullish(),
  code: optionalString,
  title: optionalString,
  detail: optionalString,
  source: z
    .looseObject({ pointer: optionalString, parameter: optionalString, header: optionalString })
    .nullish(),
});
export type ErrorObject = z.output<typeof errorObjectSchema>;

// Tolerance: shipment prices are decimal strings, parcel item prices numbers in one example.
const priceSchema = z.looseObject({
  value: z.union([z.string(), z.number()]),
  currency: z.string(),
});
// Tolerance: shipment weights are strings, item weights numbers (both per spec, one shape here).
const weightSchema = z.looseObject({ value: z.union([z.string(), z.number()]), unit: z.string() });
const dimensionsSchema = z.looseObject({
  length: z.union([z.string(), z.number()]),
  width: z.union([z.string(), z.number()]),
  height: z.union([z.string(), z.number()]),
  unit: z.string(),
});

const documentSchema = z.looseObject({
  type: optionalString,
  document_type: optionalString,
  size: optionalString,
  link: optionalString,
});

export const shipmentParcelSchema = z.looseObject({
  id: z.number().int(),
  status: z.looseObject({ code: z.string(), message: optionalString }).nullish(),
  documents: z.array(documentSchema).nullish(),
  tracking_number: optionalString,
  tracking_url: optionalString,
  weight: weightSchema.nullish(),
  dimensions: dimensionsSchema.nullish(),
  created_at: optionalString,
  updated_at: optionalString,
  announced_at: optionalString,
  /** Base64 label, present when a synchronous announce holds exactly one parcel. */
  label_file: optionalString,
  additional_carrier_data: z
    .looseObject({ awb_tracking_number: optionalString, box_number: z.number().nullish() })
    .nullish(),
});
export type ShipmentParcel = z.output<typeof shipmentParcelSchema>;

export const shipmentSchema = z.looseObject({
  id: stringish,
  from_address: v3AddressSchema.nullish(),
  to_address: v3AddressSchema.nullish(),
  ship_with: shipWithSchema.nullish(),
  carrier: z.looseObject({ code: optionalString, name: optionalString }).nullish(),
  order_number: optionalString,
  reference: optionalString,
  external_reference_id: optionalString,
  total_order_price: priceSchema.nullish(),
  label_details: z
    .looseObject({ mime_type: optionalString, dpi: z.number().int().nullish() })
    .nullish(),
  parcels: z.array(shipmentParcelSchema),
  // A 201 may still carry `parcel_announcement_error`s: the shipment exists, its label does not.
  errors: z.array(errorObjectSchema).nullish(),
});
export type Shipment = z.output<typeof shipmentSchema>;

export const shipmentResponseSchema = z.looseObject({ data: shipmentSchema });
// Tolerance: the spec gives the list `minItems: 1`, but a filter that matches nothing is empty.
export const shipmentListSchema = z.looseObject({ data: z.array(shipmentSchema) });

export const cancelResponseSchema = z.looseObject({
  data: z.looseObject({ status: z.string(), message: z.string() }),
});

export const labelsAsyncItemSchema = z.looseObject({
  shipment_id: stringish,
  order_id: stringish,
  order_number: stringish,
  /** Deprecated in favour of `parcels_ids`. */
  parcel_id: z.number().int().nullish(),
  parcels_ids: z.array(z.number().int()).nullish(),
  ship_with: shipWithSchema.nullish(),
});
export type LabelsAsyncItem = z.output<typeof labelsAsyncItemSchema>;

export const labelsAsyncResponseSchema = z.looseObject({
  data: z.array(labelsAsyncItemSchema).default([]),
  errors: z.array(errorObjectSchema).default([]),
});

export const ordersCreateResponseSchema = z.looseObject({
  data: z.array(z.looseObject({ id: stringish, order_id: stringish, order_number: stringish })),
});

const shippingOptionQuoteSchema = z.looseObject({
  weight: z.looseObject({ min: weightSchema.nullish(), max: weightSchema.nullish() }).nullish(),
  price: z
    .looseObject({
      breakdown: z
        .array(z.looseObject({ type: optionalString, label: optionalString, price: priceSchema }))
        .nullish(),
      total: priceSchema.nullish(),
    })
    .nullish(),
  lead_time: z.number().nullish(),
});

export const shippingOptionSchema = z.looseObject({
  code: z.string(),
  name: optionalString,
  carrier: z.looseObject({ code: optionalString, name: optionalString }).nullish(),
  product: z.looseObject({ code: optionalString, name: optionalString }).nullish(),
  functionalities: z.record(z.string(), z.unknown()).nullish(),
  contract: z
    .looseObject({
      id: z.number().int().nullish(),
      client_id: optionalString,
      carrier_code: optionalString,
      name: optionalString,
    })
    .nullish(),
  weight: z.looseObject({ min: weightSchema.nullish(), max: weightSchema.nullish() }).nullish(),
  max_dimensions: dimensionsSchema.nullish(),
  requirements: z
    .looseObject({
      fields: z.array(z.string()).nullish(),
      export_documents: z.boolean().nullish(),
      is_service_point_required: z.boolean().nullish(),
    })
    .nullish(),
  charging_type: optionalString,
  quotes: z.array(shippingOptionQuoteSchema).nullish(),
});
export type ShippingOption = z.output<typeof shippingOptionSchema>;

export const shippingOptionsResponseSchema = z.looseObject({
  data: z.array(shippingOptionSchema).nullable(),
  message: optionalString,
});

export const senderAddressSchema = v3AddressSchema.extend({
  id: z.number().int(),
  signature: z.looseObject({ full_name: optionalString, initials: optionalString }).nullish(),
  tax_numbers: z.array(z.looseObject({})).nullish(),
});
export type SenderAddress = z.output<typeof senderAddressSchema>;
// Tolerance: the merged spec marks `data` optional on the list; a body without it is no page.
export const senderAddressListSchema = z.looseObject({ data: z.array(senderAddressSchema) });
export const senderAddressResponseSchema = z.looseObject({ data: senderAddressSchema });

export const contractSchema = z
  .looseObject({
    id: z.number().int(),
    client_id: optionalString,
    // Tolerance: the contracts schema has `carrier_code`, its example `carrier: {code, name}`.
    carrier_code: optionalString,
    carrier: z.looseObject({ code: z.string(), name: optionalString }).nullish(),
    name: optionalString,
    country: optionalString,
    state: optionalString,
    type: optionalString,
    is_default_per_carrier: z.boolean().nullish(),
  })
  .transform((c) => ({ ...c, carrier_code: c.carrier_code ?? c.carrier?.code ?? null }));
export type Contract = z.output<typeof contractSchema>;
export const contractListSchema = z.looseObject({ data: z.array(contractSchema) });

export const parcelStatusSchema = z.looseObject({ code: z.string(), message: optionalString });
export type ParcelStatus = z.output<typeof parcelStatusSchema>;
export const parcelStatusListSchema = z.looseObject({ data: z.array(parcelStatusSchema) });

const trackingAddressSchema = v3AddressSchema.extend({
  country_code: z.string(),
  postal_code: z.string(),
});

// The tracking API is the one v3 answer not wrapped in `data`.
export const parcelTrackingSchema = z.looseObject({
  source_id: stringish,
  created_at: z.string(),
  announced_at: optionalString,
  updated_at: z.string(),
  details: z
    .looseObject({
      brand_id: z.number().nullish(),
      expected_delivery_date: optionalString,
      integration_id: z.number().nullish(),
      is_mail_box: z.boolean().nullish(),
      is_return: z.boolean().nullish(),
      is_to_service_point: z.boolean().nullish(),
    })
    .nullish(),
  events: z.array(
    z.looseObject({
      event_at: optionalString,
      event_type: optionalString,
      status_code: optionalString,
      status_description: optionalString,
      status_type: optionalString,
      sub_status_code: optionalString,
    }),
  ),
  from_address: trackingAddressSchema.nullish(),
  to_address: trackingAddressSchema.nullish(),
  ship_with: z.looseObject({ type: z.string(), properties: z.looseObject({}) }).nullish(),
  tracking_numbers: z.array(
    z.looseObject({
      carrier_code: z.string(),
      tracking_number: z.string(),
      tracking_identifier: optionalString,
      tracking_url: optionalString,
    }),
  ),
});
export type ParcelTracking = z.output<typeof parcelTrackingSchema>;

export const returnCreatedSchema = z.looseObject({
  return_id: z.number().int(),
  parcel_id: z.number().int(),
  multi_collo_ids: z.array(z.number().int()),
});

export const returnSchema = z.looseObject({
  id: z.number().int().nullish(),
  from_address: v3AddressSchema.nullish(),
  to_address: v3AddressSchema.nullish(),
  tracking_number: optionalString,
  tracking_url: optionalString,
  label_url: optionalString,
  is_cancellable: z.boolean().nullish(),
  created_at: optionalString,
  order_number: optionalString,
  status: optionalString,
  shipping_option: z.looseObject({ code: optionalString }).nullish(),
  label: z.looseObject({ label_printer: optionalString }).nullish(),
  status_history: z
    .array(
      z.looseObject({ parent_status: optionalString, carrier_update_timestamp: optionalString }),
    )
    .nullish(),
  errors: z.array(errorObjectSchema).nullish(),
});
export type Return = z.output<typeof returnSchema>;

export const returnPortalSchema = z.looseObject({
  data: z.looseObject({ url: z.string().min(1) }),
});

// The returns list pages with `next`/`previous` URLs in the body, unlike the rest of v3.
export const returnListSchema = z.looseObject({
  next: optionalString,
  previous: optionalString,
  data: z.array(returnSchema),
});

export const servicePointSchema = z.looseObject({
  id: z.number().int(),
  name: optionalString,
  carrier: z.looseObject({ code: z.string(), name: optionalString }),
  carrier_service_point_id: optionalString,
  carrier_shop_type: optionalString,
  general_shop_type: optionalString,
  address: z
    .looseObject({
      street: optionalString,
      house_number: optionalString,
      postal_code: optionalString,
      city: optionalString,
      country_code: optionalString,
    })
    .nullish(),
  position: z
    .looseObject({ latitude: z.number().nullish(), longitude: z.number().nullish() })
    .nullish(),
  opening_times: z.record(z.string(), z.unknown()).nullish(),
  is_open_tomorrow: z.boolean().nullish(),
  next_open_at: optionalString,
  is_expired: z.boolean().nullish(),
  distance: z.number().nullish(),
});
export type ServicePoint = z.output<typeof servicePointSchema>;

export const servicePointListSchema = z.looseObject({
  data: z.looseObject({
    results: z.array(servicePointSchema),
    geocoding: z
      .looseObject({
        status: z.string(),
        precision: optionalString,
        formatted_address: optionalString,
      })
      .nullable(),
  }),
});
