// Every endpoint the simulator serves, over plain HTTP, with every answer checked against the
// official OpenAPI documents: a happy path that leaves zero recorded violations.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src-main/simulator/index';
import { manualClock, type ManualClock } from '../helpers/clock';
import { rawApi, type RawApi } from '../helpers/raw-api';

const record = (value: unknown): Record<string, unknown> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`expected an object, got ${JSON.stringify(value)}`);
  }
  return value as Record<string, unknown>;
};
const list = (value: unknown): unknown[] => {
  if (!Array.isArray(value)) throw new Error(`expected a list, got ${JSON.stringify(value)}`);
  return value;
};

/** Violations one per line, so a failure reads as a list of what to fix. */
const violationLines = (sim: Simulator) =>
  sim.violations.flatMap((entry) =>
    entry.violations.map(
      (v) =>
        `${entry.method} ${entry.path} ${entry.status} ${v.location} ${v.pointer}: ${v.message}`,
    ),
  );

const announceBody = (externalReferenceId: string) => ({
  from_address: { sender_address_id: 84213 },
  to_address: {
    name: 'Sanne de Vries',
    address_line_1: 'Kerkstraat',
    house_number: '12',
    postal_code: '3511 AB',
    city: 'Utrecht',
    country_code: 'NL',
    email: 'sanne@example.com',
  },
  ship_with: {
    type: 'shipping_option_code',
    properties: { shipping_option_code: 'postnl:standard', contract_id: 517 },
  },
  parcels: [{ weight: { value: '1.250', unit: 'kg' } }],
  label_details: { mime_type: 'application/pdf', dpi: 72 },
  order_number: 'WEB-1001',
  external_reference_id: externalReferenceId,
});

describe('simulator endpoints, validated against the spec', () => {
  let sim: Simulator;
  let clock: ManualClock;
  let api: RawApi;

  beforeEach(async () => {
    clock = manualClock();
    sim = await startSimulator({
      clock,
      orderCount: 12,
      validateResponses: true,
      // The spec's schema shape; the default follows the official example, which contradicts it.
      labelResponse: 'schema',
      asyncLabelDelayMs: 5_000,
      orderVisibilityDelayMs: 2_000,
    });
    api = rawApi(sim);
  });
  afterEach(async () => {
    await sim.close();
  });

  it('serves every v3 endpoint with answers the spec accepts', async () => {
    const orders = sim.orders();
    const [first, second, third] = orders;
    if (!first || !second || !third) throw new Error('no orders');

    const listed = await api.get('/api/v3/orders?page_size=5');
    expect(listed.status).toBe(200);
    expect(list(record(listed.json).data)).toHaveLength(5);
    expect(listed.headers.get('link')).toMatch(/rel="next"/);
    expect((await api.get(`/api/v3/orders/${first.id}`)).status).toBe(200);

    const upsert = await api.post('/api/v3/orders', [
      {
        order_id: 'web-555413',
        order_number: 'WEB-555413',
        order_details: {
          integration: { id: sim.integrationId },
          status: { code: 'unshipped', message: 'Unshipped' },
          order_created_at: '2026-05-04T07:00:00Z',
          order_items: [
            { name: 'Cylinder candle', quantity: 1, total_price: { value: 3.5, currency: 'EUR' } },
          ],
        },
        payment_details: {
          total_price: { value: 3.5, currency: 'EUR' },
          status: { code: 'paid', message: 'Paid' },
        },
        shipping_address: {
          name: 'John Doe',
          address_line_1: 'Lansdown Glade',
          house_number: '15',
          postal_code: '5341XT',
          city: 'Oss',
          country_code: 'NL',
        },
      },
    ]);
    expect(upsert.status).toBe(201);
    const newId = String(record(list(record(upsert.json).data)[0]).id);
    clock.advance(2_000);
    const patched = await api.request('PATCH', `/api/v3/orders/${newId}`, {
      body: { order_details: { status: { code: 'on_hold', message: 'On hold' } } },
    });
    expect(patched.status).toBe(200);
    expect((await api.request('DELETE', `/api/v3/orders/${newId}`)).status).toBe(204);

    const sync = await api.post('/api/v3/orders/create-label-sync', {
      integration_id: sim.integrationId,
      order: { order_number: first.order_number },
      label_details: { mime_type: 'application/zpl', dpi: 203 },
    });
    expect(sync.status).toBe(201);
    const async = await api.post('/api/v3/orders/create-labels-async', {
      integration_id: sim.integrationId,
      orders: [{ order_id: second.order_id }, { order_number: third.order_number }],
    });
    expect(async.status).toBe(202);

    const announced = await api.post('/api/v3/shipments/announce', announceBody('ext-1'));
    expect(announced.status).toBe(201);
    const shipment = record(record(announced.json).data);
    const parcel = record(list(shipment.parcels)[0]);
    expect((await api.get('/api/v3/shipments?order_number=WEB-1001')).status).toBe(200);
    expect((await api.get(`/api/v3/shipments/${String(shipment.id)}`)).status).toBe(200);
    const label = await api.get(`/api/v3/parcels/${String(parcel.id)}/documents/label`, {
      Accept: 'application/pdf',
    });
    expect(label.status).toBe(200);
    expect(
      (await api.get(`/api/v3/parcel-documents/label?parcels=${String(parcel.id)}`)).status,
    ).toBe(200);
    expect(
      (await api.get(`/api/v3/parcels/tracking/${String(parcel.tracking_number)}`)).status,
    ).toBe(200);
    expect((await api.post(`/api/v3/shipments/${String(shipment.id)}/cancel`)).status).toBe(200);

    const options = await api.post('/api/v3/shipping-options', {
      from_country_code: 'NL',
      to_country_code: 'DE',
      parcels: [{ weight: { value: '2.5', unit: 'kg' } }],
      calculate_quotes: true,
    });
    expect(options.status).toBe(200);
    expect(list(record(options.json).data).length).toBeGreaterThan(0);

    for (const path of [
      '/api/v3/addresses/sender-addresses',
      '/api/v3/addresses/sender-addresses/84213',
      '/api/v3/integrations',
      `/api/v3/integrations/${sim.integrationId}`,
      '/api/v3/contracts',
      '/api/v3/parcels/statuses',
      '/api/v3/service-points?country_code=NL',
    ]) {
      expect((await api.get(path)).status, path).toBe(200);
    }

    const created = await api.post('/api/v3/returns', {
      from_address: {
        name: 'Sanne de Vries',
        address_line_1: 'Kerkstraat',
        house_number: '12',
        postal_code: '3511 AB',
        city: 'Utrecht',
        country_code: 'NL',
      },
      to_address: {
        name: 'Packdesk Returns',
        address_line_1: 'Atoomweg',
        house_number: '63',
        postal_code: '3542 AA',
        city: 'Utrecht',
        country_code: 'NL',
      },
      ship_with: { type: 'shipping_option_code', shipping_option_code: 'postnl:standard' },
      weight: { value: 1.2, unit: 'kg' },
    });
    expect(created.status).toBe(201);
    const returns = await api.get('/api/v3/returns?from_date=2026-05-01&to_date=2026-05-31');
    expect(returns.status, JSON.stringify(returns.json)).toBe(200);

    expect(violationLines(sim)).toEqual([]);
  });

  it('serves every v2 endpoint with answers the spec accepts', async () => {
    const created = await api.post('/api/v2/parcels', {
      parcel: {
        name: 'John Doe',
        company_name: 'Sendcloud',
        address: 'Stadhuisplein',
        house_number: '10',
        city: 'Eindhoven',
        postal_code: '5611 EM',
        telephone: '+31612345678',
        request_label: true,
        email: 'john@doe.com',
        country: 'NL',
        shipment: { id: 1001 },
        weight: '2.000',
        order_number: '1234567890',
        external_reference: 'station-1-job-1',
      },
    });
    expect(created.status).toBe(200);
    const parcel = record(record(created.json).parcel);
    const id = String(parcel.id);
    const batch = await api.post('/api/v2/parcels', {
      parcels: [
        {
          name: 'A',
          address: 'Kerkstraat 1',
          city: 'Utrecht',
          postal_code: '3511 AB',
          country: 'NL',
          request_label: false,
        },
        {
          name: 'B',
          address: 'Kerkstraat 2',
          city: 'Utrecht',
          postal_code: '3511 AB',
          country: 'NL',
          request_label: false,
        },
      ],
    });
    expect(batch.status).toBe(200);
    for (const path of [
      '/api/v2/parcels',
      `/api/v2/parcels/${id}`,
      `/api/v2/labels/${id}`,
      '/api/v2/shipping_methods',
      '/api/v2/shipping_methods/1001',
      '/api/v2/user/addresses/sender',
      '/api/v2/user/addresses/sender/84213',
      '/api/v2/integrations',
      '/api/v2/brands',
      '/api/v2/brands/4201',
    ]) {
      expect((await api.get(path)).status, path).toBe(200);
    }
    const pdf = await api.get(`/api/v2/labels/label_printer/${id}`);
    expect(pdf.status).toBe(200);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const cancelled = await api.post(`/api/v2/parcels/${id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.json).toEqual({ status: 'cancelled', message: 'Parcel has been cancelled' });

    expect(violationLines(sim)).toEqual([]);
  });
});
