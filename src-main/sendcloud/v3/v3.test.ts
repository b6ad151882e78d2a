import { describe, expect, it } from 'vitest';
import { caught } from '../../../test/helpers/sendcloud';
import { SendcloudConflictError } from '../errors';
import {
  fakeFetch,
  json,
  readExample,
  specExample,
  testClient,
} from '../../../test/helpers/sendcloud-fakes';
import { loadSpecs } from '../../simulator/openapi/index';
import { orderSchema, type Order } from '../schemas';
import type { AnnounceShipmentRequest } from './shipments';
import { orderInputFrom, type OrderInput } from './orders';
import type { Shipment } from './schemas';

const body = (s: { body: string | null } | undefined) => JSON.parse(s?.body ?? 'null') as unknown;
const query = (s: { url: URL } | undefined) => Object.fromEntries(s?.url.searchParams ?? []);
const dev = (area: string) => `sendcloud-dev/${area}.yaml`;
const merged = 'toppynl-merged/v3-openapi.json';

describe('v3 orders', () => {
  it('lists with every documented filter, page size and cursor', async () => {
    const { fetch, seen } = fakeFetch(() => json(200, readExample('v3-orders-list-response.json')));
    const { client } = testClient(fetch);
    const page = await client.listOrders({
      integrationIds: [1, 2],
      orderNumber: 'N',
      orderId: 'I',
      status: 'unshipped',
      createdAt: '2026-01-01',
      createdAtMin: '2026-01-02',
      createdAtMax: '2026-01-03',
      updatedAt: '2026-01-04',
      updatedAtMin: '2026-01-05',
      updatedAtMax: '2026-01-06',
      sort: '-order_created_at',
      pageSize: 200,
      cursor: 'abc',
    });
    expect(page.orders.map((o) => o.order_number)).toEqual(['OXSDFGHTD-12', 'OXSDFGHTD-13']);
    expect(query(seen[0])).toEqual({
      integration: '1,2',
      order_number: 'N',
      order_id: 'I',
      status: 'unshipped',
      order_created_at: '2026-01-01',
      order_created_at_min: '2026-01-02',
      order_created_at_max: '2026-01-03',
      order_updated_at: '2026-01-04',
      order_updated_at_min: '2026-01-05',
      order_updated_at_max: '2026-01-06',
      sort: '-order_created_at',
      page_size: '200',
      cursor: 'abc',
    });
  });

  it('upserts a batch as a JSON array and reads the 201 example', async () => {
    const { fetch, seen } = fakeFetch(() =>
      json(201, readExample('v3-orders-create-response.json')),
    );
    const orders = readExample('v3-orders-create-request.json') as OrderInput[];
    const result = await testClient(fetch).client.upsertOrders(orders);
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.url.pathname).toBe('/api/v3/orders');
    expect(body(seen[0])).toEqual(orders);
    expect(result).toEqual([
      { id: '669', orderId: '555413', orderNumber: 'OXSDFGHTD-12' },
      { id: '1337', orderId: '555414', orderNumber: 'OXSDFGHTD-13' },
    ]);
  });

  it('refuses an empty batch and one over 100 before sending anything', async () => {
    const { fetch, seen } = fakeFetch(() => json(201, { data: [] }));
    const { client } = testClient(fetch);
    const order = (readExample('v3-orders-create-request.json') as OrderInput[])[0] as OrderInput;
    await expect(client.upsertOrders([])).rejects.toThrow(RangeError);
    await expect(client.upsertOrders(Array.from({ length: 101 }, () => order))).rejects.toThrow(
      /1 to 100/,
    );
    expect(seen).toHaveLength(0);
  });
});

describe('orderInputFrom: an order of one account as the upsert body of another', () => {
  const listed = () =>
    orderSchema.parse((readExample('v3-orders-list-response.json') as { data: unknown[] }).data[0]);

  it('keeps what the order says and leaves Sendcloud’s id, dates and contract behind', () => {
    const order = listed();
    const input = orderInputFrom(order, 42);
    expect(input).toEqual({
      order_id: '555413',
      order_number: 'OXSDFGHTD-12',
      order_details: {
        integration: { id: 42 },
        status: { code: 'fulfilled', message: 'Fulfilled' },
        order_created_at: '2018-02-27T10:00:00.555Z',
        order_updated_at: '2018-02-27T10:00:00.555Z',
        order_items: [
          {
            name: 'Cylinder candle',
            quantity: 1,
            unit_price: { value: 3.5, currency: 'EUR' },
            total_price: { value: 3.5, currency: 'EUR' },
            measurement: { weight: { value: 1, unit: 'kg' } },
            delivery_dates: {
              handover_at: '2022-02-27T10:00:00.555309+00:00',
              deliver_at: '2022-03-02T11:50:00.555309+00:00',
            },
            mid_code: 'US1234567',
            material_content: '100% Cotton',
            intended_use: 'Personal use',
          },
        ],
      },
      payment_details: {
        is_cash_on_delivery: false,
        total_price: { value: 7, currency: 'EUR' },
        status: { code: 'paid', message: 'Order has been paid' },
        discount_granted: { value: '3.99', currency: 'EUR' },
        insurance_costs: { value: '9.99', currency: 'EUR' },
        freight_costs: { value: '5.99', currency: 'EUR' },
        other_costs: { value: '2.99', currency: 'EUR' },
      },
      customs_details: (order as Record<string, unknown>).customs_details,
      shipping_address: order.shipping_address,
      billing_address: order.billing_address,
      customer_details: { name: 'Jane Doe' },
      shipping_details: {
        is_local_pickup: false,
        ship_with: {
          type: 'shipping_option_code',
          properties: { shipping_option_code: 'postnl:standard' },
        },
      },
    });
  });

  it('makes a body the official POST /orders schema accepts', () => {
    const specs = loadSpecs();
    const op = specs.match('v3', 'POST', '/orders');
    if (!op) throw new Error('no POST /orders in the spec');
    const upsert = [orderInputFrom(listed(), 42)];
    const input = { query: new URLSearchParams(), headers: {}, contentType: 'application/json' };
    expect(specs.validateRequest(op, { ...input, body: upsert })).toEqual([]);
  });

  it('reads string prices and gram weights, leaves out an incomplete billing address and empty fields', () => {
    const base = listed();
    const order: Order = {
      ...base,
      payment_details: { ...base.payment_details, total_price: { value: '7.50', currency: 'EUR' } },
      billing_address: { name: 'Jane Doe', city: 'Breda' },
      customer_details: { name: 'Jane Doe', email: '' },
      shipping_details: {
        ...base.shipping_details,
        measurement: { weight: { value: '1250', unit: 'g' } },
      },
    };
    const input = orderInputFrom(order, 42);
    expect(input.payment_details.total_price).toEqual({ value: 7.5, currency: 'EUR' });
    expect(input.shipping_details?.measurement).toEqual({ weight: { value: 1.25, unit: 'kg' } });
    expect(input).not.toHaveProperty('billing_address');
    expect(input.customer_details).toEqual({ name: 'Jane Doe' });
  });

  it('refuses an order Sendcloud could not import: no complete shipping address, an unpriced item', () => {
    const base = listed();
    expect(() =>
      orderInputFrom({ ...base, shipping_address: { name: 'John Doe', city: 'Oss' } }, 42),
    ).toThrow(/OXSDFGHTD-12 has an incomplete shipping address/);
    const unpriced = {
      ...base,
      order_details: {
        ...base.order_details,
        order_items: [{ name: 'Mystery box', quantity: 2 }],
      },
    };
    expect(() => orderInputFrom(unpriced, 42)).toThrow(/without a price \(Mystery box\)/);
    // A unit price is enough: the total follows from the quantity.
    const unitOnly = {
      ...base,
      order_details: {
        ...base.order_details,
        order_items: [{ name: 'Mug', quantity: 3, unit_price: { value: 4.1, currency: 'EUR' } }],
      },
    };
    expect(orderInputFrom(unitOnly, 42).order_details.order_items[0]?.total_price).toEqual({
      value: 12.3,
      currency: 'EUR',
    });
  });
});

describe('v3 ship-an-order', () => {
  it('reads the official create-label-sync example and asks for PNG at 300 dpi', async () => {
    const { fetch, seen } = fakeFetch(() =>
      json(201, readExample('v3-create-label-sync-response.json')),
    );
    const { client } = testClient(fetch);
    // The example's file is a placeholder, not base64: the client refuses it as a label.
    const error = await caught(
      client.createLabelSync({
        integrationId: 70,
        order: { orderNumber: 'ORD-2024-00166' },
        format: 'png',
        dpi: 300,
        brandId: 3,
        shippingOptionCode: 'postnl:standard',
        contractId: 9,
        applyShippingRules: false,
      }),
    );
    expect(error.kind).toBe('server');
    expect(body(seen[0])).toEqual({
      integration_id: 70,
      brand_id: 3,
      ship_with: {
        type: 'shipping_option_code',
        properties: { shipping_option_code: 'postnl:standard', contract_id: 9 },
      },
      order: { order_number: 'ORD-2024-00166', apply_shipping_rules: false },
      label_details: { mime_type: 'image/png', dpi: 300 },
    });
  });

  it('creates labels for 1..20 orders and reports partial errors by order index', async () => {
    const { fetch, seen } = fakeFetch(() =>
      json(202, readExample('v3-create-labels-async-partial-error.json')),
    );
    const result = await testClient(fetch).client.createLabelsAsync({
      integrationId: 70,
      orders: [{ orderId: '593c853e-ca90-4ab4-953c-fd2f47dd8dc3' }, { orderNumber: 'ORD-2' }],
      senderAddressId: 5,
    });
    expect(body(seen[0])).toEqual({
      integration_id: 70,
      sender_address_id: 5,
      orders: [{ order_id: '593c853e-ca90-4ab4-953c-fd2f47dd8dc3' }, { order_number: 'ORD-2' }],
    });
    expect(result.queued.map((q) => [q.shipment_id, q.parcels_ids])).toEqual([['511', [420]]]);
    expect(result.failed).toEqual([
      {
        index: 1,
        code: 'validation_error',
        detail: 'The order has no valid shipping address.',
        pointer: '/data/attributes/orders/[1]',
      },
    ]);
  });

  it('reads the all-successful async example, and refuses 21 orders', async () => {
    const { fetch } = fakeFetch(() =>
      json(202, readExample('v3-create-labels-async-response.json')),
    );
    const { client } = testClient(fetch);
    const result = await client.createLabelsAsync({
      integrationId: 70,
      orders: [{ orderNumber: 'A' }, { orderNumber: 'B' }],
    });
    expect(result.queued).toHaveLength(2);
    expect(result.failed).toEqual([]);
    await expect(
      client.createLabelsAsync({
        integrationId: 70,
        orders: Array.from({ length: 21 }, (_, i) => ({ orderNumber: String(i) })),
      }),
    ).rejects.toThrow(RangeError);
  });
});

describe('v3 shipments', () => {
  const request = readExample('v3-shipments-announce-request.json') as AnnounceShipmentRequest;

  it('announces synchronously with an external reference and reads the 201 example', async () => {
    const { fetch, seen } = fakeFetch(() =>
      json(201, readExample('v3-shipments-announce-response.json')),
    );
    const shipment = await testClient(fetch).client.announceShipment({
      ...request,
      external_reference_id: 'station-1/job-42',
    });
    expect(seen[0]?.url.pathname).toBe('/api/v3/shipments/announce');
    expect(body(seen[0])).toMatchObject({ external_reference_id: 'station-1/job-42' });
    expect(shipment.id).toBe('XXX-Shipment-id');
    expect(shipment.parcels[0]).toMatchObject({
      id: 383707309,
      tracking_number: '3SYZXG8498635',
      status: { code: 'READY_TO_SEND' },
    });
  });

  it('returns a 201 whose announcement failed as data, errors included', async () => {
    const { fetch } = fakeFetch(() =>
      json(201, readExample('v3-shipments-announce-failed-response.json')),
    );
    const shipment = await testClient(fetch).client.announceShipment(request);
    expect(shipment.parcels[0]?.status?.code).toBe('ANNOUNCEMENT_FAILED');
    expect(shipment.errors?.[0]?.code).toBe('parcel_announcement_error');
  });

  it('turns a repeated external reference into a conflict carrying the existing shipment', async () => {
    const existing = readExample('v3-shipments-announce-response.json') as { data: Shipment };
    const { fetch } = fakeFetch(() =>
      json(409, {
        errors: [{ status: '409', code: 'invalid', detail: 'Shipment already exists.' }],
        ...existing,
      }),
    );
    const error = await caught(testClient(fetch).client.announceShipment(request));
    expect(error).toBeInstanceOf(SendcloudConflictError);
    expect((error as SendcloudConflictError).existingShipment?.id).toBe('XXX-Shipment-id');
    expect(error.uiCode).toBe('already-labelled');
  });

  it('gets one shipment and lists by order number, reference, tracking number and date', async () => {
    const list = specExample(
      dev('v3-shipments'),
      '/shipments',
      'get',
      '200',
      'RetrievedDomesticSingleParcelShipments',
    );
    const one = specExample(
      dev('v3-shipments'),
      '/shipments/{id}',
      'get',
      '200',
      'ShipmentResponse',
    );
    const { fetch, seen } = fakeFetch((s) =>
      s.url.pathname.endsWith('/shipments')
        ? json(200, list, {
            link: '<http://sim.test/api/v3/shipments?cursor=bmV4dA%3D%3D>; rel="next"',
          })
        : json(200, one),
    );
    const { client } = testClient(fetch);
    const shipment = await client.getShipment('abc/1');
    expect(seen[0]?.url.pathname).toBe('/api/v3/shipments/abc%2F1');
    expect(shipment.parcels.length).toBeGreaterThan(0);
    const page = await client.listShipments({
      orderNumber: 'O-1',
      externalReferenceId: 'ref-1',
      trackingNumber: '3S',
      announcedAfter: '2026-03-01T00:00:00Z',
      updatedBefore: '2026-03-02T00:00:00Z',
      parcelIds: [1, 2],
      pageSize: 100,
    });
    expect(page.shipments.length).toBeGreaterThan(0);
    expect(page.nextCursor).toBe('bmV4dA==');
    expect(query(seen[1])).toEqual({
      order_number: 'O-1',
      external_reference_id: 'ref-1',
      tracking_number: '3S',
      announced_after: '2026-03-01T00:00:00Z',
      updated_before: '2026-03-02T00:00:00Z',
      ids: '1,2',
      page_size: '100',
    });
  });

  it('cancels: 200 cancelled, 202 queued', async () => {
    const cancelled = specExample(
      dev('v3-shipments'),
      '/shipments/{id}/cancel',
      'post',
      '200',
      'Cancelled',
    );
    const { fetch, seen } = fakeFetch((_s, i) =>
      i === 0
        ? json(200, cancelled)
        : json(202, readExample('v3-shipments-cancel-202-queued.json')),
    );
    const { client } = testClient(fetch);
    expect(await client.cancelShipment('s1')).toMatchObject({
      outcome: 'cancelled',
      status: 'cancelled',
    });
    expect(await client.cancelShipment('s1')).toEqual({
      outcome: 'queued',
      status: 'queued',
      message: 'Shipment cancellation has been queued',
    });
    expect(seen.map((s) => `${s.method} ${s.url.pathname}`)).toEqual([
      'POST /api/v3/shipments/s1/cancel',
      'POST /api/v3/shipments/s1/cancel',
    ]);
  });
});

describe('v3 parcel documents', () => {
  it.each([
    ['label', 'pdf', 'application/pdf', 72, 'A4'],
    ['customs-declaration', 'png', 'image/png', 300, 'A5'],
    ['air-waybill', 'zpl', 'application/zpl', 203, 'A6'],
  ] as const)(
    'gets one %s as %s by Accept, with dpi and paper size',
    async (type, format, accept, dpi, paperSize) => {
      const { fetch, seen } = fakeFetch(() => new Response('DOC', { status: 200 }));
      const bytes = await testClient(fetch).client.getParcelDocument(7, type, {
        format,
        dpi,
        paperSize,
      });
      expect(bytes.toString()).toBe('DOC');
      expect(seen[0]?.url.pathname).toBe(`/api/v3/parcels/7/documents/${type}`);
      expect(query(seen[0])).toEqual({ dpi: String(dpi), paper_size: paperSize });
      expect(seen[0]?.headers.get('accept')).toBe(accept);
    },
  );

  it('gets one document for up to 20 parcels, and refuses 21', async () => {
    const { fetch, seen } = fakeFetch(() => new Response('%PDF-', { status: 200 }));
    const { client } = testClient(fetch);
    await client.getParcelDocuments([1, 2, 3], 'label', { format: 'pdf', paperSize: 'A4' });
    expect(seen[0]?.url.pathname).toBe('/api/v3/parcel-documents/label');
    expect(seen[0]?.url.searchParams.getAll('parcels')).toEqual(['1', '2', '3']);
    expect(seen[0]?.url.searchParams.get('paper_size')).toBe('A4');
    expect(seen[0]?.headers.get('accept')).toBe('application/pdf');
    await expect(
      client.getParcelDocuments(
        Array.from({ length: 21 }, (_, i) => i),
        'label',
        { format: 'pdf' },
      ),
    ).rejects.toThrow(RangeError);
  });
});

describe('other v3 calls', () => {
  it('posts shipping options with quotes and reads the example, and the empty answer', async () => {
    const { fetch, seen } = fakeFetch((_s, i) =>
      json(
        200,
        readExample(
          i === 0 ? 'v3-shipping-options-response.json' : 'v3-shipping-options-empty-response.json',
        ),
      ),
    );
    const { client } = testClient(fetch);
    const req = readExample('v3-shipping-options-request.json') as Parameters<
      typeof client.getShippingOptions
    >[0];
    const result = await client.getShippingOptions(req);
    expect(body(seen[0])).toEqual(req);
    expect(seen[0]?.url.pathname).toBe('/api/v3/shipping-options');
    expect(result.options[0]?.code).toBe('postnl:standard/signature');
    expect(result.options[0]?.quotes?.[0]?.price?.total).toBeTruthy();
    const empty = await client.getShippingOptions({});
    expect(empty.options).toEqual([]);
    expect(empty.message).toMatch(/couldn't find any shipping options/);
  });

  it('quotes one label: the total of the asked option’s quote for the weight, or null', async () => {
    const { fetch, seen } = fakeFetch((_s, i) =>
      json(
        200,
        readExample(
          i < 2 ? 'v3-shipping-options-response.json' : 'v3-shipping-options-empty-response.json',
        ),
      ),
    );
    const { client } = testClient(fetch);
    const ask = {
      fromCountry: 'NL',
      toCountry: 'NL',
      weightKg: 2,
      shippingOptionCode: 'postnl:standard/signature',
    };
    expect(await client.quoteLabelPrice(ask)).toEqual({ value: 17.5, currency: 'EUR' });
    expect(body(seen[0])).toEqual({
      from_country_code: 'NL',
      to_country_code: 'NL',
      shipping_option_code: 'postnl:standard/signature',
      parcels: [{ weight: { value: '2.000', unit: 'kg' } }],
      calculate_quotes: true,
    });
    // Another option in the answer is not the one asked for; nothing found is no price either.
    expect(await client.quoteLabelPrice({ ...ask, shippingOptionCode: 'dhl:parcel' })).toBeNull();
    expect(await client.quoteLabelPrice(ask)).toBeNull();
    await expect(client.quoteLabelPrice({ ...ask, weightKg: 'heavy' })).rejects.toThrow(RangeError);
    expect(seen).toHaveLength(3);
  });

  it('lists and gets sender addresses, following the Link cursor', async () => {
    const list = specExample(
      merged,
      '/addresses/sender-addresses',
      'get',
      '200',
      'RetrieveSenderAddresses',
    );
    const one = specExample(
      merged,
      '/addresses/sender-addresses/{id}',
      'get',
      '200',
      'RetrieveSenderAddress',
    );
    const { fetch, seen } = fakeFetch((s) => {
      if (s.url.pathname.endsWith('/sender-addresses')) {
        const first = !s.url.searchParams.has('cursor');
        return json(
          200,
          list,
          first ? { link: '</api/v3/addresses/sender-addresses?cursor=Mg>; rel="next"' } : {},
        );
      }
      return json(200, one);
    });
    const { client } = testClient(fetch);
    const all = await client.listAllSenderAddresses();
    expect(all.length).toBe(2 * (list as { data: unknown[] }).data.length);
    expect(seen.map((s) => s.url.searchParams.get('cursor'))).toEqual([null, 'Mg']);
    const address = await client.getSenderAddress(12);
    expect(seen[2]?.url.pathname).toBe('/api/v3/addresses/sender-addresses/12');
    expect(address.id).toEqual(expect.any(Number));
  });

  it('gets integrations, contracts and parcel statuses from the spec examples', async () => {
    const bodies: Record<string, unknown> = {
      '/api/v3/integrations': specExample(
        dev('v3-integrations'),
        '/integrations',
        'get',
        '200',
        'Response',
      ),
      '/api/v3/integrations/5': specExample(
        dev('v3-integrations'),
        '/integrations/{id}',
        'get',
        '200',
        'Response',
      ),
      '/api/v3/contracts': specExample(merged, '/contracts', 'get', '200', 'RetrieveContracts'),
      '/api/v3/parcels/statuses': specExample(
        merged,
        '/parcels/statuses',
        'get',
        '200',
        'RetrieveParcelStatuses',
      ),
    };
    const { fetch, seen } = fakeFetch((s) => json(200, bodies[s.url.pathname]));
    const { client } = testClient(fetch);
    expect((await client.listIntegrations({ sort: 'shop_name' }))[0]?.id).toEqual(
      expect.any(Number),
    );
    expect(query(seen[0])).toEqual({ sort: 'shop_name' });
    expect((await client.getIntegration(5)).id).toEqual(expect.any(Number));
    const contracts = await client.listContracts({
      carrierCode: 'dhl',
      isActive: true,
      pageSize: 10,
    });
    expect(contracts.items.map((c) => c.carrier_code)).toEqual(['lettresuivie', 'poste_italiane']);
    expect(query(seen[2])).toEqual({ carrier_code: 'dhl', is_active: 'true', page_size: '10' });
    const statuses = await client.listParcelStatuses();
    expect(statuses.map((s) => s.code)).toContain('READY_TO_SEND');
  });

  it('tracks a parcel, whose answer is not wrapped in data', async () => {
    const tracking = {
      source_id: '383707309',
      created_at: '2026-03-01T10:00:00Z',
      announced_at: '2026-03-01T10:00:01Z',
      updated_at: '2026-03-02T08:00:00Z',
      details: { is_return: false, is_to_service_point: false, is_mail_box: false },
      events: [
        { event_at: '2026-03-02T08:00:00Z', event_type: 'carrier', status_code: 'DELIVERED' },
      ],
      from_address: { country_code: 'NL', postal_code: '5611 EM' },
      to_address: { country_code: 'NL', postal_code: '5642CV' },
      ship_with: {
        type: 'shipping_option_code',
        properties: { shipping_option_code: 'postnl:standard', contract_id: 1 },
      },
      tracking_numbers: [{ carrier_code: 'postnl', tracking_number: '3SYZXG8498635' }],
    };
    const { fetch, seen } = fakeFetch((_s, i) =>
      i === 0
        ? json(200, tracking)
        : json(
            404,
            specExample(
              dev('v3-parcel-tracking'),
              '/parcels/tracking/{tracking_number}',
              'get',
              '404',
            ),
          ),
    );
    const { client } = testClient(fetch);
    const result = await client.getParcelTracking('3SYZXG8498635');
    expect(seen[0]?.url.pathname).toBe('/api/v3/parcels/tracking/3SYZXG8498635');
    expect(result.events[0]?.status_code).toBe('DELIVERED');
    const missing = await caught(client.getParcelTracking('nope'));
    expect(missing.kind).toBe('not-found');
    expect(missing.details).toEqual([{ detail: 'Parcel does not exist' }]);
  });

  it('creates a return and lists returns through the body’s next URL', async () => {
    const created = specExample(dev('v3-returns'), '/returns', 'post', '201', 'example-1');
    const list = specExample(dev('v3-returns'), '/returns', 'get', '200', 'Success') as Record<
      string,
      unknown
    >;
    const { fetch, seen } = fakeFetch((s) =>
      s.method === 'POST'
        ? json(201, created)
        : json(200, { ...list, next: 'https://panel.sendcloud.sc/api/v3/returns?cursor=cj0x' }),
    );
    const { client } = testClient(fetch);
    const address = {
      name: 'A',
      address_line_1: 'B 1',
      postal_code: '1',
      city: 'C',
      country_code: 'NL',
    };
    const made = await client.createReturn({
      from_address: address,
      to_address: address,
      ship_with: { type: 'shipping_option_code', shipping_option_code: 'postnl:return' },
      weight: { value: 1.2, unit: 'kg' },
    });
    expect(made).toEqual({
      returnId: expect.any(Number),
      parcelId: expect.any(Number),
      multiColloIds: expect.any(Array),
    });
    expect(body(seen[0])).toMatchObject({ weight: { value: 1.2, unit: 'kg' } });
    const page = await client.listReturns({
      fromDate: '2026-01-01',
      toDate: '2026-02-01',
      pageSize: 5,
    });
    expect(query(seen[1])).toEqual({
      from_date: '2026-01-01',
      to_date: '2026-02-01',
      page_size: '5',
    });
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.nextCursor).toBe('cj0x');
  });

  it('lists service points with repeated array parameters and reads the examples', async () => {
    const examples = [
      'ServicePointList',
      'NoServicePointsNearby',
      'PartiallyMatchedAddress',
      'AddressNotFound',
    ];
    const { fetch, seen } = fakeFetch((_s, i) =>
      json(
        200,
        specExample(dev('v3-service-points'), '/service-points', 'get', '200', examples[i]),
      ),
    );
    const { client } = testClient(fetch);
    const found = await client.listServicePoints({
      countryCode: 'NL',
      carrierCodes: ['dhl', 'postnl'],
      postalCode: '5611EM',
      radius: 2000,
      generalShopTypes: ['locker'],
    });
    expect(found.servicePoints[0]?.carrier.code).toBe('dhl');
    expect(seen[0]?.url.searchParams.getAll('carrier_code')).toEqual(['dhl', 'postnl']);
    expect(query(seen[0])).toMatchObject({
      country_code: 'NL',
      address_postal_code: '5611EM',
      radius: '2000',
    });
    for (let i = 1; i < examples.length; i++) {
      await expect(client.listServicePoints({ countryCode: 'NL' })).resolves.toBeTruthy();
    }
  });
});
