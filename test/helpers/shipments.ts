// Shipment rows as main sends them, for the Shipments screen's tests and benchmark.
import type { ShipmentRow } from '../../src-shared';

/** Local noon on a day, so the day is the same in every time zone a test runs in. */
export function localNoon(day: string, hour = 12): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, hour).toISOString();
}

export function shipmentRow(parcelId: number, overrides: Partial<ShipmentRow> = {}): ShipmentRow {
  return {
    parcelId,
    shipmentId: `s-${parcelId}`,
    orderNumber: `ORD-${parcelId}`,
    recipientName: 'Jan de Vries',
    recipientPostcode: '1012 AB',
    carrier: 'postnl',
    shippingOption: { code: 'postnl:standard', name: 'PostNL Standard' },
    trackingNumber: `3STEST${parcelId}`,
    trackingUrl: null,
    state: 'printed',
    reprints: 0,
    packer: null,
    stationName: 'Station 1',
    createdAt: localNoon('2026-11-20'),
    accountId: 'env',
    merchantId: null,
    source: 'station',
    trackingStatus: null,
    trackingStatusText: null,
    cost: null,
    ...overrides,
  };
}
