import { describe, expect, it } from 'vitest';
import type { BatchSort, BatchSortField } from '../../src-shared';
import type { MerchantRecord } from '../store/accounts';
import type { OpenOrderRecord } from '../store/batches';
import { listOpenOrders, type OpenOrderNames } from './open-orders';

const order = (orderNumber: string, fields: Partial<OpenOrderRecord> = {}): OpenOrderRecord => ({
  id: `ref-${orderNumber}`,
  accountId: 'acc-1',
  orderId: orderNumber,
  orderNumber,
  integrationId: 1,
  countryCode: null,
  shippingOptionCode: null,
  orderedAt: null,
  customerName: null,
  firstSku: null,
  servicePoint: false,
  ...fields,
});

const records = [
  order('PD-2', {
    countryCode: 'NL',
    shippingOptionCode: 'postnl:standard',
    orderedAt: '2026-11-29T10:00:00Z',
    customerName: 'Anna Jansen',
    firstSku: 'SKU-B',
  }),
  order('PD-10', {
    countryCode: 'DE',
    shippingOptionCode: 'dhl:parcel',
    orderedAt: '2026-11-30T09:00:00Z',
    customerName: 'Bram de Boer',
    firstSku: 'SKU-A',
    servicePoint: true,
  }),
  order('MK-1', {
    accountId: 'acc-2',
    countryCode: 'NL',
    shippingOptionCode: 'postnl:standard',
    orderedAt: '2026-11-28T23:59:00Z',
    customerName: 'Cees Visser',
  }),
  order('PD-3', { countryCode: 'BE', firstSku: 'SKU-C' }),
];

const merchant = (id: string, name: string, orderPrefix: string): MerchantRecord => ({
  id,
  name,
  orderPrefix,
  mode: 'centralised',
  accountId: null,
  createdAt: '2026-11-01T00:00:00Z',
});

const optionNames: Record<string, string> = {
  'postnl:standard': 'PostNL Standard',
  'dhl:parcel': 'DHL Parcel',
};
const names: OpenOrderNames = {
  accountName: (id) => (id === 'acc-1' ? 'Main shop' : 'Kitchen shop'),
  merchants: [
    merchant('m-pd', 'Pakket Direct', 'PD-'),
    merchant('m-mk', 'Mooi Keuken', 'MK-'),
    merchant('m-pd1', 'PD One', 'PD-1'),
  ],
  option: (o) =>
    o.shippingOptionCode
      ? {
          code: o.shippingOptionCode,
          name: optionNames[o.shippingOptionCode] ?? o.shippingOptionCode,
        }
      : null,
};

const numbers = (query: Parameters<typeof listOpenOrders>[2]) =>
  listOpenOrders(records, names, query).rows.map((row) => row.orderNumber);

describe('listOpenOrders: the Batch screen’s list', () => {
  it('names each order’s account, merchant (the longest prefix), option and carrier', () => {
    const rows = listOpenOrders(records, names, {}).rows;
    expect(rows.find((r) => r.orderNumber === 'PD-10')).toEqual({
      orderRef: 'ref-PD-10',
      orderNumber: 'PD-10',
      accountId: 'acc-1',
      accountName: 'Main shop',
      merchantName: 'PD One',
      name: 'Bram de Boer',
      country: 'DE',
      orderedAt: '2026-11-30T09:00:00Z',
      shippingOptionCode: 'dhl:parcel',
      shippingOptionName: 'DHL Parcel',
      carrier: 'dhl',
      servicePoint: true,
      firstSku: 'SKU-A',
    });
    expect(rows.find((r) => r.orderNumber === 'PD-2')?.merchantName).toBe('Pakket Direct');
    expect(rows.find((r) => r.orderNumber === 'PD-3')).toMatchObject({
      carrier: null,
      shippingOptionName: null,
    });
  });

  it('filters by account, merchant, carrier, option, country, date and service point', () => {
    expect(numbers({ filter: { accountId: 'acc-2' } })).toEqual(['MK-1']);
    expect(numbers({ filter: { merchantId: 'm-pd' } })).toEqual(['PD-2', 'PD-3']);
    expect(numbers({ filter: { merchantId: 'm-pd1' } })).toEqual(['PD-10']);
    expect(numbers({ filter: { merchantId: 'no-such' } })).toEqual([]);
    expect(numbers({ filter: { carrier: 'postnl' } })).toEqual(['MK-1', 'PD-2']);
    expect(numbers({ filter: { shippingOptionCode: 'dhl:parcel' } })).toEqual(['PD-10']);
    expect(numbers({ filter: { country: 'NL' } })).toEqual(['MK-1', 'PD-2']);
    // Both ends count; an order with no date matches no date range.
    expect(numbers({ filter: { orderedFrom: '2026-11-29' } })).toEqual(['PD-2', 'PD-10']);
    expect(numbers({ filter: { orderedTo: '2026-11-29' } })).toEqual(['MK-1', 'PD-2']);
    expect(numbers({ filter: { orderedFrom: '2026-11-29', orderedTo: '2026-11-29' } })).toEqual([
      'PD-2',
    ]);
    expect(numbers({ filter: { servicePoint: 'yes' } })).toEqual(['PD-10']);
    expect(numbers({ filter: { servicePoint: 'no' } })).toEqual(['MK-1', 'PD-2', 'PD-3']);
    expect(numbers({ filter: { country: 'NL', accountId: 'acc-1' } })).toEqual(['PD-2']);
  });

  it('searches order numbers and names, in any case', () => {
    expect(numbers({ filter: { search: 'pd-1' } })).toEqual(['PD-10']);
    expect(numbers({ filter: { search: '  JANSEN ' } })).toEqual(['PD-2']);
    expect(numbers({ filter: { search: 'de b' } })).toEqual(['PD-10']);
    expect(numbers({ filter: { search: 'nobody' } })).toEqual([]);
    expect(numbers({ filter: { search: '   ' } })).toHaveLength(4);
  });

  it('counts every match while the rows stop at the limit', () => {
    const page = listOpenOrders(records, names, { limit: 2 });
    expect(page.rows.map((r) => r.orderNumber)).toEqual(['MK-1', 'PD-2']);
    expect(page.total).toBe(4);
    expect(listOpenOrders(records, names, { limit: 2, filter: { country: 'NL' } }).total).toBe(2);
  });

  it('offers the choices there are among all open orders', () => {
    const { choices } = listOpenOrders(records, names, { filter: { country: 'BE' } });
    expect(choices).toEqual({
      accounts: [
        { id: 'acc-1', name: 'Main shop' },
        { id: 'acc-2', name: 'Kitchen shop' },
      ],
      merchants: [
        { id: 'm-pd', name: 'Pakket Direct' },
        { id: 'm-mk', name: 'Mooi Keuken' },
        { id: 'm-pd1', name: 'PD One' },
      ],
      carriers: ['dhl', 'postnl'],
      shippingOptions: [
        { code: 'dhl:parcel', name: 'DHL Parcel' },
        { code: 'postnl:standard', name: 'PostNL Standard' },
      ],
      countries: ['BE', 'DE', 'NL'],
    });
  });

  // Each field both ways; ties go by order number (in the same direction); empties last.
  const sorted: Record<BatchSortField, { asc: string[]; desc: string[] }> = {
    'order-number': {
      asc: ['MK-1', 'PD-2', 'PD-3', 'PD-10'],
      desc: ['PD-10', 'PD-3', 'PD-2', 'MK-1'],
    },
    'order-date': {
      asc: ['MK-1', 'PD-2', 'PD-10', 'PD-3'],
      desc: ['PD-10', 'PD-2', 'MK-1', 'PD-3'],
    },
    'shipping-option': {
      asc: ['PD-10', 'MK-1', 'PD-2', 'PD-3'],
      desc: ['PD-2', 'MK-1', 'PD-10', 'PD-3'],
    },
    country: { asc: ['PD-3', 'PD-10', 'MK-1', 'PD-2'], desc: ['PD-2', 'MK-1', 'PD-10', 'PD-3'] },
    'first-sku': {
      asc: ['PD-10', 'PD-2', 'PD-3', 'MK-1'],
      desc: ['PD-3', 'PD-2', 'PD-10', 'MK-1'],
    },
  };
  for (const [field, expected] of Object.entries(sorted) as [
    BatchSortField,
    { asc: string[]; desc: string[] },
  ][]) {
    for (const direction of ['asc', 'desc'] as const) {
      it(`sorts by ${field} ${direction}`, () => {
        const sort: BatchSort = { field, direction };
        expect(numbers({ sort })).toEqual(expected[direction]);
        // The same whatever order the cache gives them in.
        expect(
          listOpenOrders([...records].reverse(), names, { sort }).rows.map((r) => r.orderNumber),
        ).toEqual(expected[direction]);
      });
    }
  }
});
