// Examples (official, or from a client used in production) that contradict the schema of the
// operation they document. The validator follows the schema; the examples test asserts that
// this list is exactly the set of examples that fail, so a fix upstream shows up as a failure.
import type { ApiVersion } from './types';

export interface SpecConflict {
  /** File in test/fixtures/sendcloud-examples (`file#name` for a bundle of bodies). */
  example: string;
  version: ApiVersion;
  method: string;
  pathTemplate: string;
  /** The response status the example documents, or 'request' for a request body. */
  status: number | 'request';
  reason: string;
}

export const knownSpecConflicts: readonly SpecConflict[] = [
  {
    example: 'v3-shipping-options-request.json',
    version: 'v3',
    method: 'POST',
    pathTemplate: '/shipping-options',
    status: 'request',
    reason:
      'parcels[].additional_insured_price / total_insured_price are sent as {value, currency} objects; the schema types them number|null.',
  },
  {
    example: 'v3-orders-list-response.json',
    version: 'v3',
    method: 'GET',
    pathTemplate: '/orders',
    status: 200,
    reason:
      'order_items[].delivery_dates is null in the example; the schema types it as a non-nullable object.',
  },
  {
    example: 'v3-create-label-sync-response.json',
    version: 'v3',
    method: 'POST',
    pathTemplate: '/orders/create-label-sync',
    status: 201,
    reason:
      'data is an array of parcels with `label`; the schema has data as one object with `label_details` (API.md 10.4).',
  },
  {
    example: 'v3-shipments-announce-response.json',
    version: 'v3',
    method: 'POST',
    pathTemplate: '/shipments/announce',
    status: 201,
    reason:
      'customs_information is null for a domestic shipment; the schema (customs-information) is a non-nullable object.',
  },
  {
    example: 'v3-shipments-announce-failed-response.json',
    version: 'v3',
    method: 'POST',
    pathTemplate: '/shipments/announce',
    status: 201,
    reason:
      'parcel_items[].price.value is a number (schema: string) and created_at/updated_at/announced_at have no UTC offset (schema: format date-time).',
  },
  {
    example: 'v3-shipments-cancel-409.json',
    version: 'v3',
    method: 'POST',
    pathTemplate: '/shipments/{id}/cancel',
    status: 409,
    reason:
      'The body is {"errors": [...]}; the v3-shipments `errors` schema used for its 4xx responses is the bare array.',
  },
  {
    example: 'v2-parcels-request-label-response-webador.json',
    version: 'v2',
    method: 'PUT',
    pathTemplate: '/parcels',
    status: 200,
    reason:
      'Webador client mock: `parcel` is an object; the schema (and the official example) wrap it in an array (API.md 10.3).',
  },
  {
    example: 'v2-parcels-create-response-no-label-webador.json',
    version: 'v2',
    method: 'POST',
    pathTemplate: '/parcels',
    status: 200,
    reason:
      'Webador client mock: shipment and to_service_point are null and length/width/height null; the schema types them non-nullable (object, integer, string).',
  },
  {
    example: 'v2-parcels-create-customs-response-webador.json',
    version: 'v2',
    method: 'POST',
    pathTemplate: '/parcels',
    status: 200,
    reason:
      'Webador client mock: parcel_items[].value is a string ("15.20", as live v2 answers); the schema says number. Also nulls as in the no-label mock.',
  },
];
