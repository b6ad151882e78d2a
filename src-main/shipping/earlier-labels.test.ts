import { describe, expect, it } from 'vitest';
import type { ShipmentPage } from '../sendcloud/client';
import { openDatabase } from '../store/db';
import { upsertOrders } from '../store/orders';
import { insertReturn } from '../store/returns';
import { labelsMadeSince } from './earlier-labels';

const NOW = Date.parse('2026-12-03T10:00:00Z');
const customer = { name: 'Femke Jansen', postal_code: '3511 BK', country_code: 'NL' };
const warehouse = { name: 'Packdesk BV', postal_code: '1012AB', country_code: 'NL' };

function dbWithOrder() {
  const db = openDatabase(':memory:');
  upsertOrders(
    db,
    [
      {
        id: 'o1',
        accountId: 'a1',
        orderId: 'order-1',
        orderNumber: 'PD-1',
        integrationId: 1,
        status: null,
        countryCode: 'NL',
        shippingOptionCode: 'postnl:standard',
        updatedAt: null,
        body: { shipping_address: { ...customer, postal_code: '3511bk' } },
      },
    ],
    new Date(NOW).toISOString(),
  );
  return db;
}

/** One shipment of the order per parcel id, made a minute after the request. */
function pageOf(
  ...shipments: { parcelId: number; from: typeof customer; to: typeof customer }[]
): ShipmentPage {
  return {
    nextCursor: null,
    shipments: shipments.map(({ parcelId, from, to }) => ({
      id: `s${parcelId}`,
      order_number: 'PD-1',
      from_address: from,
      to_address: to,
      parcels: [
        {
          id: parcelId,
          tracking_number: `3S${parcelId}`,
          created_at: new Date(NOW + 60_000).toISOString(),
        },
      ],
    })) as ShipmentPage['shipments'],
  };
}

const adopted = (db: ReturnType<typeof dbWithOrder>, page: ShipmentPage) =>
  labelsMadeSince(db, page, NOW, { orderRef: 'o1', needsTracking: true }).map((f) => f.parcel.id);

describe('an earlier label of the order, never a return of it', () => {
  it('adopts the order’s label to its customer', () => {
    expect(adopted(dbWithOrder(), pageOf({ parcelId: 1, from: warehouse, to: customer }))).toEqual([
      1,
    ]);
  });

  it('skips a parcel the station stored as a return', () => {
    const db = dbWithOrder();
    insertReturn(db, {
      returnId: 9,
      parcelId: 1,
      returnParcelId: 2,
      orderNumber: 'PD-1',
      accountId: 'a1',
      status: 'ready-to-send',
      trackingNumber: '3S2',
      portalUrl: null,
      label: null,
      createdAt: new Date(NOW).toISOString(),
      packerId: null,
      stationId: null,
    });
    // Addresses that say nothing (both the customer's): only the stored return tells.
    expect(adopted(db, pageOf({ parcelId: 2, from: customer, to: customer }))).toEqual([]);
  });

  it('skips a shipment from the order’s customer to elsewhere: a return by its data', () => {
    const page = pageOf(
      { parcelId: 3, from: customer, to: warehouse },
      { parcelId: 4, from: warehouse, to: customer },
    );
    expect(adopted(dbWithOrder(), page)).toEqual([4]);
  });
});
