// Zod schemas for the Sendcloud API v3 responses the station reads, written from the official
// OpenAPI documents in resources/sendcloud-spec. Objects are loose so a field Sendcloud adds
// tomorrow does not break today's station; only what the station relies on is required.
import { z } from 'zod';

/** Ids and numbers that the docs show sometimes as strings, sometimes as integers. */
const stringish = z.union([z.string().min(1), z.number()]).transform(String);
const optionalString = z.string().nullish();

export const integrationSchema = z.looseObject({
  id: z.number().int(),
  shop_name: optionalString,
  shop_url: optionalString,
  type: optionalString,
  started_failing_at: optionalString,
  last_fetched_at: optionalString,
  created_at: optionalString,
  updated_at: optionalString,
  service_point_enabled: z.boolean().nullish(),
  service_point_carriers: z.array(z.string()).nullish(),
  webhook_active: z.boolean().nullish(),
  webhook_url: optionalString,
  feedback_type: optionalString,
});
export type Integration = z.output<typeof integrationSchema>;

export const integrationListSchema = z.looseObject({ data: z.array(integrationSchema) });

const priceSchema = z.looseObject({
  // Orders use numbers; cost objects use decimal strings.
  value: z.union([z.number(), z.string()]),
  currency: z.string(),
});

const statusSchema = z.looseObject({ code: z.string(), message: optionalString });

export const shipWithSchema = z.looseObject({
  type: z.string(),
  properties: z.looseObject({
    shipping_option_code: optionalString,
    contract_id: z.number().int().nullish(),
  }),
});
export type ShipWith = z.output<typeof shipWithSchema>;

// The spec requires name, street, postal code, city and country on an address, but one odd order
// must not fail a whole page of the order sync, so every field is optional here. Orders,
// shipments, sender addresses and tracking all use this one v3 address shape.
export const v3AddressSchema = z.looseObject({
  name: optionalString,
  company_name: optionalString,
  address_line_1: optionalString,
  house_number: optionalString,
  address_line_2: optionalString,
  postal_code: optionalString,
  city: optionalString,
  po_box: optionalString,
  state_province_code: optionalString,
  country_code: optionalString,
  email: optionalString,
  phone_number: optionalString,
});
export type V3Address = z.output<typeof v3AddressSchema>;

const weightSchema = z.looseObject({ value: z.union([z.number(), z.string()]), unit: z.string() });

const orderItemSchema = z.looseObject({
  item_id: optionalString,
  name: z.string(),
  quantity: z.number().int(),
  sku: optionalString,
  unit_price: priceSchema.nullish(),
  total_price: priceSchema.nullish(),
  measurement: z.looseObject({ weight: weightSchema.nullish() }).nullish(),
});
export type OrderItem = z.output<typeof orderItemSchema>;

export const orderSchema = z.looseObject({
  // A string in GET examples, an integer in POST/PATCH responses: always a string here.
  id: stringish,
  order_id: stringish,
  order_number: stringish,
  created_at: optionalString,
  modified_at: optionalString,
  order_details: z.looseObject({
    integration: z.looseObject({ id: z.number().int() }),
    status: statusSchema,
    order_created_at: optionalString,
    order_updated_at: optionalString,
    order_items: z.array(orderItemSchema).default([]),
    notes: optionalString,
    tags: z.array(z.string()).nullish(),
  }),
  payment_details: z
    .looseObject({
      total_price: priceSchema.nullish(),
      subtotal_price: priceSchema.nullish(),
      status: statusSchema.nullish(),
      is_cash_on_delivery: z.boolean().nullish(),
    })
    .nullish(),
  customer_details: z
    .looseObject({ name: optionalString, email: optionalString, phone_number: optionalString })
    .nullish(),
  shipping_address: v3AddressSchema.nullish(),
  billing_address: v3AddressSchema.nullish(),
  shipping_details: z
    .looseObject({
      is_local_pickup: z.boolean().nullish(),
      delivery_indicator: optionalString,
      measurement: z.looseObject({ weight: weightSchema.nullish() }).nullish(),
      ship_with: shipWithSchema.nullish(),
    })
    .nullish(),
});
export type Order = z.output<typeof orderSchema>;

export const orderListSchema = z.looseObject({ data: z.array(orderSchema) });
export const orderResponseSchema = z.looseObject({ data: orderSchema });

const labelFileSchema = z.looseObject({
  file: z.string().min(1),
  mime_type: z.string(),
  dpi: z.number().int().nullish(),
});

export const labelSyncItemSchema = z
  .looseObject({
    parcel_id: z.union([z.number().int(), z.string().regex(/^\d+$/)]).transform(Number),
    shipment_id: stringish,
    order_id: stringish,
    order_number: stringish,
    ship_with: shipWithSchema.nullish(),
    tracking_number: z.string().min(1),
    tracking_url: optionalString,
    // The spec's schema names it `label_details`, its example `label`: accept either.
    label: labelFileSchema.optional(),
    label_details: labelFileSchema.optional(),
    documents: z
      .array(
        z.looseObject({
          type: optionalString,
          document_type: optionalString,
          size: optionalString,
          link: optionalString,
        }),
      )
      .nullish(),
  })
  .refine((item) => item.label !== undefined || item.label_details !== undefined, {
    message: 'The response holds no label (neither `label` nor `label_details`).',
  });
export type LabelSyncItem = z.output<typeof labelSyncItemSchema>;

// The spec's schema says `data` is an object, its published example an array: accept both.
export const labelSyncResponseSchema = z.looseObject({
  data: z.union([labelSyncItemSchema, z.array(labelSyncItemSchema).min(1)]),
});

const errorObjectSchema = z.looseObject({
  // A string everywhere in the spec except the 429 example, where it is a number.
  status: z.union([z.string(), z.number()]).nullish(),
  code: optionalString,
  title: optionalString,
  detail: optionalString,
  source: z
    .looseObject({ pointer: optionalString, parameter: optionalString, header: optionalString })
    .nullish(),
});

// The spec types `errors` as "array or object".
export const errorBodySchema = z.looseObject({
  errors: z.union([z.array(errorObjectSchema), errorObjectSchema]),
});
export type ErrorBody = z.output<typeof errorBodySchema>;

// v2 answers most failures with this envelope; `code` is the HTTP status as an integer.
export const v2ErrorEnvelopeSchema = z.looseObject({
  error: z.looseObject({
    code: z.union([z.number(), z.string()]).nullish(),
    request: optionalString,
    message: z.string(),
  }),
});
