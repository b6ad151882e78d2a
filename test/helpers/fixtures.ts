import type { V2ParcelInput } from '../../src-main/sendcloud/v2/parcels';
import type { LabelData } from '../../src-main/simulator/labels';

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

/** The warehouse's address, as a label's sender. */
export const warehouseAddress = {
  name: 'Packdesk Warehouse',
  address_line_1: 'Stadhuisplein',
  house_number: '10',
  postal_code: '5611 EM',
  city: 'Eindhoven',
  country_code: 'NL',
};

/** A PostNL label's data, to draw with the simulator's label renderers. */
export const labelData: LabelData = {
  trackingNumber: '3SABCD1234567',
  carrierName: 'PostNL',
  service: 'Standard',
  orderNumber: 'ORD-1001',
  parcelId: 1,
  weightKg: 1.2,
  createdAt: '2025-03-01T10:00:00.000Z',
  sender: warehouseAddress,
  recipient: { ...warehouseAddress, name: 'Jan Jansen' },
};
