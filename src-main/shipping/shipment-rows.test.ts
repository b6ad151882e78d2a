import { describe, expect, it } from 'vitest';
import type { ShipmentListRecord } from '../store/shipment-list';
import { shipmentRowOf, shipmentStateOf } from './shipment-rows';

const record: ShipmentListRecord = {
  parcelId: 7,
  shipmentId: 's-7',
  orderNumber: 'PD-1',
  recipientName: 'Anna de Vries',
  recipientPostcode: '1012 AB',
  carrier: 'postnl',
  shippingOptionCode: 'postnl:standard',
  shippingOptionName: 'PostNL Standard',
  trackingNumber: '3SABC',
  trackingUrl: 'https://track.example/3SABC',
  printedAt: '2026-05-04T08:01:00.000Z',
  reprintCount: 0,
  voidState: null,
  trackingStatus: null,
  trackingStatusText: null,
  packerId: 'p1',
  packerName: 'Sam',
  stationId: 'here',
  createdAt: '2026-05-04T08:00:00.000Z',
  accountId: 'env',
  merchantId: null,
  source: 'station',
  costValue: null,
  costCurrency: null,
  labelStored: true,
};

describe('a shipment’s state, as the Shipments screen names it', () => {
  it('is made until printed, then printed, then reprinted once printed again', () => {
    expect(shipmentStateOf({ ...record, printedAt: null })).toBe('made');
    expect(shipmentStateOf(record)).toBe('printed');
    expect(shipmentStateOf({ ...record, reprintCount: 2 })).toBe('reprinted');
  });

  it('says what a void or the carrier said before what the station printed', () => {
    expect(shipmentStateOf({ ...record, reprintCount: 1, voidState: 'requested' })).toBe(
      'void-requested',
    );
    expect(shipmentStateOf({ ...record, voidState: 'voided' })).toBe('voided');
    // Sendcloud cancelled it (a queued 202 went through): voided, whatever the station asked.
    expect(
      shipmentStateOf({ ...record, voidState: 'requested', trackingStatus: 'cancelled' }),
    ).toBe('voided');
    expect(shipmentStateOf({ ...record, trackingStatus: 'returned' })).toBe('returned');
    // A refused void leaves the label as it was.
    expect(shipmentStateOf({ ...record, voidState: 'refused' })).toBe('printed');
  });
});

describe('a shipment’s row', () => {
  const here = { id: 'here', name: 'Packing table 1' };

  it('names the option, the packer and this station', () => {
    expect(shipmentRowOf(record, here)).toMatchObject({
      shippingOption: { code: 'postnl:standard', name: 'PostNL Standard' },
      packer: { id: 'p1', name: 'Sam' },
      stationName: 'Packing table 1',
      state: 'printed',
      reprints: 0,
      cost: null,
    });
  });

  it('leaves the station unnamed for a label made elsewhere and falls back to codes', () => {
    const row = shipmentRowOf(
      {
        ...record,
        stationId: 'another',
        shippingOptionName: null,
        packerName: null,
        trackingStatus: 'nonsense',
        costValue: 4.5,
      },
      here,
    );
    expect(row).toMatchObject({
      stationName: null,
      shippingOption: { code: 'postnl:standard', name: 'postnl:standard' },
      packer: { id: 'p1', name: 'p1' },
      trackingStatus: null,
      cost: { value: 4.5, currency: 'EUR' },
    });
    expect(shipmentRowOf({ ...record, shippingOptionCode: null }, here).shippingOption).toBeNull();
  });
});
