import { describe, expect, it } from 'vitest';
import { caught } from '../../../test/helpers/sendcloud';
import { SendcloudValidationError } from '../errors';
import {
  fakeFetch,
  json,
  readExample,
  specExample,
  testClient,
} from '../../../test/helpers/sendcloud-fakes';
import { orderSchema } from '../schemas';
import { parcelInputFrom, type V2ParcelInput } from './parcels';

const body = (s: { body: string | null } | undefined) => JSON.parse(s?.body ?? 'null') as unknown;
const query = (s: { url: URL } | undefined) => Object.fromEntries(s?.url.searchParams ?? []);
const request = (readExample('v2-parcels-create-request.json') as { parcel: V2ParcelInput }).parcel;

describe('v2 parcels', () => {
  it('creates one parcel with a label, under /api/v2', async () => {
    const { fetch, seen } = fakeFetch(() =>
      json(200, readExample('v2-parcels-create-response.json')),
    );
    const parcel = await testClient(fetch).client.v2.createParcel(request);
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.url.pathname).toBe('/api/v2/parcels');
    expect(body(seen[0])).toEqual({ parcel: request });
    expect(parcel).toMatchObject({
      id: 3,
      tracking_number: 'S0M3TR4Ck1NgNumB3r',
      carrier: { code: 'postnl' },
    });
    expect(parcel.label?.normal_printer).toHaveLength(4);
  });

  it('creates one parcel without a label (status 999, empty label, numeric sizes)', async () => {
    const { fetch } = fakeFetch(() =>
      json(200, readExample('v2-parcels-create-response-no-label-webador.json')),
    );
    const parcel = await testClient(fetch).client.v2.createParcel({
      ...request,
      request_label: false,
    });
    expect(parcel.status).toEqual({ id: 999, message: 'No label' });
    expect(parcel.tracking_number).toBe('');
    expect(parcel.length).toBe(12.34);
  });

  it('reads the customs, the verbose-carrier and the request-label examples', async () => {
    const names = [
      'v2-parcels-create-customs-response-webador.json',
      'v2-parcels-create-verbose-carrier-response.json',
      'v2-parcels-request-label-response-webador.json',
      // The PUT example wraps the parcel in an array.
      'v2-parcels-update-response.json',
    ];
    const { fetch, seen } = fakeFetch((_s, i) => json(200, readExample(names[i] ?? '')));
    const { client } = testClient(fetch);
    const customs = await client.v2.createParcel(request);
    expect(customs.country?.iso_2).toBe('BM');
    const carrier = await client.v2.createParcel(request, { errors: 'verbose-carrier' });
    expect(query(seen[1])).toEqual({ errors: 'verbose-carrier' });
    expect(carrier.errors).toHaveProperty('non_field_errors');
    expect((await client.v2.createParcel(request)).status.id).toBe(1000);
    expect((await client.v2.createParcel(request)).id).toBe(3);
  });

  it('creates a batch with errors=verbose: created parcels and failures with their field errors', async () => {
    const batch = (
      readExample('v2-parcels-batch-create-request.json') as { parcels: V2ParcelInput[] }
    ).parcels;
    const { fetch, seen } = fakeFetch((_s, i) =>
      json(
        200,
        readExample(
          i === 0
            ? 'v2-parcels-batch-partial-error.json'
            : 'v2-parcels-batch-all-failed-verbose-webador.json',
        ),
      ),
    );
    const { client } = testClient(fetch);
    const partial = await client.v2.createParcels(batch, { errors: 'verbose' });
    expect(query(seen[0])).toEqual({ errors: 'verbose' });
    expect(body(seen[0])).toEqual({ parcels: batch });
    expect(partial.parcels).toEqual([]);
    expect(partial.failed[0]?.errors).toEqual({ house_number: ['This field may not be blank.'] });
    const allFailed = await client.v2.createParcels([{ ...request, name: '' }], {
      errors: 'verbose',
    });
    expect(allFailed.failed).toHaveLength(1);
    expect(allFailed.failed[0]?.errors).toEqual({ name: ['This field is required.'] });
  });

  it('refuses an invalid batch as a whole without errors=verbose', async () => {
    const { fetch } = fakeFetch(() =>
      json(400, {
        error: {
          code: 400,
          request: 'api/v2/parcels',
          message: "house_number: 'This field cannot be blank.'",
        },
      }),
    );
    const error = (await caught(
      testClient(fetch).client.v2.createParcels([request]),
    )) as SendcloudValidationError;
    expect(error).toBeInstanceOf(SendcloudValidationError);
    expect(error.fields).toEqual([
      { pointer: '/house_number', detail: 'This field cannot be blank.' },
    ]);
  });

  it('gets one parcel and lists with filters, following next/previous cursors', async () => {
    const list = readExample('v2-parcels-list-response.json') as Record<string, unknown>;
    const { fetch, seen } = fakeFetch((s) => {
      if (s.url.pathname === '/api/v2/parcels/3172')
        return json(200, { parcel: (list.parcels as unknown[])[0] });
      const cursor = s.url.searchParams.get('cursor');
      return json(200, {
        ...list,
        next: cursor
          ? null
          : 'https://panel.sendcloud.sc/api/v2/parcels?cursor=cD0z&order_number=1',
        previous: cursor ? 'https://panel.sendcloud.sc/api/v2/parcels?cursor=cj0x' : null,
      });
    });
    const { client } = testClient(fetch);
    // The doc example pairs id 0 with "Ready to send"; live data uses 1000. Read as given.
    expect((await client.v2.getParcel(3172)).status).toEqual({ id: 0, message: 'Ready to send' });
    const first = await client.v2.listParcels({
      orderNumber: '1',
      externalReference: 'ref',
      trackingNumber: 'T',
      parcelStatus: 1000,
      updatedAfter: '2026-03-01T00:00:00Z',
      ids: [1, 2],
    });
    expect(query(seen[1])).toEqual({
      order_number: '1',
      external_reference: 'ref',
      tracking_number: 'T',
      parcel_status: '1000',
      updated_after: '2026-03-01T00:00:00Z',
      ids: '1,2',
    });
    expect(first).toMatchObject({ nextCursor: 'cD0z', previousCursor: null });
    const second = await client.v2.listParcels({ cursor: first.nextCursor ?? '' });
    expect(second).toMatchObject({ nextCursor: null, previousCursor: 'cj0x' });
    const all = await client.v2.listAllParcels({ orderNumber: '1' });
    expect(all).toHaveLength(2);
  });

  it('cancels: cancelled, deleted, and a refusal as a validation error', async () => {
    const bodies = [
      [200, readExample('v2-parcels-cancel-200.json')],
      [200, readExample('v2-parcels-cancel-200-deleted-webador.json')],
      [400, readExample('v2-parcels-cancel-400-webador.json')],
    ] as const;
    const { fetch, seen } = fakeFetch((_s, i) => json(bodies[i]?.[0] ?? 500, bodies[i]?.[1]));
    const { client } = testClient(fetch);
    expect(await client.v2.cancelParcel(3)).toEqual({
      status: 'cancelled',
      message: 'Parcel has been cancelled',
    });
    expect((await client.v2.cancelParcel(3)).status).toBe('deleted');
    const refused = await caught(client.v2.cancelParcel(3));
    expect(refused.kind).toBe('validation');
    expect(refused.details[0]).toMatchObject({
      code: 'failed',
      detail: expect.stringMatching(/can no longer be cancelled/),
    });
    expect(seen[0]?.url.pathname).toBe('/api/v2/parcels/3/cancel');
  });
});

describe('v2 labels and account', () => {
  it('gets one label and a bulk label', async () => {
    const { fetch, seen } = fakeFetch((s) =>
      json(
        200,
        readExample(
          s.method === 'GET' ? 'v2-labels-get-response.json' : 'v2-labels-bulk-response.json',
        ),
      ),
    );
    const { client } = testClient(fetch);
    expect((await client.v2.getLabel(3)).label.normal_printer).toHaveLength(4);
    const bulk = await client.v2.getLabels([1, 2, 3]);
    expect(bulk.label.label_printer).toContain('label_printer');
    expect(body(seen[1])).toEqual({ label: { parcels: [1, 2, 3] } });
    expect(seen.map((s) => `${s.method} ${s.url.pathname}`)).toEqual([
      'GET /api/v2/labels/3',
      'POST /api/v2/labels',
    ]);
  });

  it('lists shipping methods with filters, sender addresses and integrations', async () => {
    const bodies: Record<string, unknown> = {
      '/api/v2/shipping_methods': readExample('v2-shipping-methods-list-response.json'),
      '/api/v2/shipping_methods/8': {
        shipping_method: (
          readExample('v2-shipping-methods-list-response.json') as { shipping_methods: unknown[] }
        ).shipping_methods[0],
      },
      '/api/v2/user/addresses/sender': readExample('v2-sender-addresses-list-response.json'),
      '/api/v2/user/addresses/sender/2': {
        sender_address: (
          readExample('v2-sender-addresses-list-response.json') as { sender_addresses: unknown[] }
        ).sender_addresses[0],
      },
      '/api/v2/integrations': readExample('v2-integrations-list-response.json'),
    };
    const { fetch, seen } = fakeFetch((s) => json(200, bodies[s.url.pathname]));
    const { client } = testClient(fetch);
    const methods = await client.v2.listShippingMethods({
      senderAddress: 'all',
      toCountry: 'NL',
      isReturn: false,
      limit: 50,
    });
    expect(query(seen[0])).toEqual({
      sender_address: 'all',
      to_country: 'NL',
      is_return: 'false',
      limit: '50',
    });
    expect(methods.items[0]).toMatchObject({ id: 8020, carrier: 'dhl', min_weight: '0.001' });
    expect(methods.nextCursor).toBeNull();
    expect((await client.v2.getShippingMethod(8, { senderAddress: 2 })).id).toBe(8020);
    expect(query(seen[1])).toEqual({ sender_address: '2' });
    expect((await client.v2.listSenderAddresses()).map((a) => a.country)).toContain('FR');
    expect((await client.v2.getSenderAddress(2)).company_name).toBe('French Company');
    expect((await client.v2.listIntegrations())[0]).toMatchObject({
      id: 123,
      shop_name: 'Integration #1',
    });
  });
});

describe('v2 brands', () => {
  const merged = 'toppynl-merged/v2-openapi.json';

  it('lists every brand and reads one bare, as the spec examples answer', async () => {
    const list = specExample(merged, '/brands', 'get', '200', 'RetrieveAListOfBrands');
    const one = specExample(merged, '/brands/{id}', 'get', '200', 'RetrieveBrand');
    const { fetch, seen } = fakeFetch((s) =>
      json(200, s.url.pathname === '/api/v2/brands' ? list : one),
    );
    const { client } = testClient(fetch);
    const brands = await client.listBrands();
    expect(brands.map((b) => [b.id, b.name, b.domain])).toEqual([
      [1, 'Sendcloud B.V', 'sendcloud-shop'],
    ]);
    expect(await client.getBrand(1)).toMatchObject({ id: 1, name: 'Sendcloud B.V' });
    expect(seen.map((s) => `${s.method} ${s.url.pathname}${s.url.search}`)).toEqual([
      'GET /api/v2/brands',
      'GET /api/v2/brands/1',
    ]);
  });

  it('follows the next URL of a second page, and reads an unknown brand as not found', async () => {
    const page = (ids: number[], next: string | null) => ({
      next,
      previous: null,
      brands: ids.map((id) => ({ id, name: `Brand ${id}` })),
    });
    const { fetch, seen } = fakeFetch((s) => {
      if (s.url.pathname === '/api/v2/brands/184') {
        return json(404, specExample(merged, '/brands/{id}', 'get', '404', 'NotFound'));
      }
      return json(
        200,
        s.url.searchParams.get('cursor') === 'p2'
          ? page([3], null)
          : page([1, 2], 'http://sim.test/api/v2/brands?cursor=p2'),
      );
    });
    const { client } = testClient(fetch);
    expect((await client.listBrands()).map((b) => b.id)).toEqual([1, 2, 3]);
    expect(query(seen[1])).toEqual({ cursor: 'p2' });
    const missing = await caught(client.getBrand(184));
    expect([missing.kind, missing.details[0]?.detail]).toEqual([
      'not-found',
      'No Brand matches the given query.',
    ]);
  });
});

describe('parcelInputFrom: a v3 order as a v2 parcel without a label', () => {
  const order = () =>
    orderSchema.parse((readExample('v3-orders-list-response.json') as { data: unknown[] }).data[0]);

  it('takes the recipient, order number, value and items, and asks for no label', () => {
    const base = order();
    const withWeight = {
      ...base,
      shipping_details: {
        ...base.shipping_details,
        measurement: { weight: { value: 1.2, unit: 'kg' } },
      },
    };
    expect(parcelInputFrom(withWeight, { externalReference: 'import/555413' })).toEqual({
      name: 'John Doe',
      address: 'Stadhuisplein',
      house_number: '15',
      city: 'Oss',
      postal_code: '5341TW',
      country: 'NL',
      request_label: false,
      order_number: 'OXSDFGHTD-12',
      weight: '1.200',
      total_order_value: '7.00',
      total_order_value_currency: 'EUR',
      external_reference: 'import/555413',
      parcel_items: [
        { description: 'Cylinder candle', quantity: 1, weight: '1.000', value: 3.5, hs_code: '' },
      ],
    });
  });

  it('declares no items when one of them has no weight, and refuses an order without an address', () => {
    const base = order();
    const unweighed = {
      ...base,
      order_details: {
        ...base.order_details,
        order_items: [
          ...base.order_details.order_items,
          { name: 'Gift card', quantity: 1, total_price: { value: 10, currency: 'EUR' } },
        ],
      },
    };
    expect(parcelInputFrom(unweighed)).not.toHaveProperty('parcel_items');
    expect(() => parcelInputFrom({ ...base, shipping_address: null })).toThrow(
      /OXSDFGHTD-12 has an incomplete shipping address/,
    );
  });
});
