import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { saveMerchant } from '../store/accounts';
import { migrate } from '../store/migrations';
import { insertShipment } from '../store/shipments';
import { billingCsv } from './export';

describe('the billing export', () => {
  it('counts and prices each merchant’s labels per day, and says which had no price', () => {
    const db = new Database(':memory:');
    migrate(db);
    saveMerchant(db, {
      id: 'm1',
      name: 'Acme, Inc.',
      orderPrefix: 'ACME-',
      mode: 'centralised',
      accountId: null,
      createdAt: '2026-11-01T00:00:00Z',
    });
    const label = (parcelId: number, createdAt: string, cost: number | null, merchantId = 'm1') =>
      insertShipment(db, {
        parcelId,
        shipmentId: `s${parcelId}`,
        orderRef: `o${parcelId}`,
        orderNumber: `ACME-${parcelId}`,
        trackingNumber: `T${parcelId}`,
        trackingUrl: null,
        carrier: 'postnl',
        label: Buffer.from('^XA^XZ'),
        labelFormat: 'zpl',
        labelDpi: 203,
        createdAt,
        accountId: 'a1',
        merchantId,
        cost: cost === null ? null : { value: cost, currency: 'EUR' },
      });
    label(1, '2026-11-20T09:00:00Z', 5.5);
    label(2, '2026-11-20T17:00:00Z', 4.25);
    label(3, '2026-11-21T08:00:00Z', null);
    label(4, '2026-11-22T08:00:00Z', 3); // outside the range
    insertShipment(db, {
      parcelId: 9,
      shipmentId: 's9',
      orderRef: 'o9',
      orderNumber: 'PD-9',
      trackingNumber: 'T9',
      trackingUrl: null,
      carrier: 'dhl',
      label: Buffer.from('^XA^XZ'),
      labelFormat: 'zpl',
      labelDpi: 203,
      createdAt: '2026-11-20T10:00:00Z',
      accountId: 'a1',
      merchantId: null,
      cost: { value: 7, currency: 'EUR' },
    });
    const out = billingCsv(db, '2026-11-20', '2026-11-21');
    expect(out.filename).toBe('packdesk-billing-2026-11-20-to-2026-11-21.csv');
    expect(out.rows).toBe(2);
    expect(out.csv).toBe(
      'date,merchant,order_prefix,labels,cost,currency,unpriced\r\n' +
        '2026-11-20,"Acme, Inc.",ACME-,2,9.75,EUR,0\r\n' +
        '2026-11-21,"Acme, Inc.",ACME-,1,0.00,,1\r\n',
    );
  });
});
