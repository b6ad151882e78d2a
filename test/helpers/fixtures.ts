import type { V2ParcelInput } from '../../src-main/sendcloud/v2/parcels';

/** A valid v2 parcel to create; `change` a field (undefined drops it) to make it what a test needs. */
export const v2Parcel = (change: Partial<V2ParcelInput> = {}): V2ParcelInput => ({
  name: 'John Doe',
  address: 'Stadhuisplein',
  house_number: '10',
  city: 'Eindhoven',
  postal_code: '5611 EM',
  country: 'NL',
  shipment: { id: 1001 },
  weight: '1.000',
  request_label: true,
  ...change,
});
