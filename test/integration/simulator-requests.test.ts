// What the simulator says to requests it will not serve: wrong keys, invalid bodies and
// parameters (with Sendcloud's shapes and pointers), unknown routes, and v2's all-or-nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src-main/simulator/index';
import { manualClock } from '../helpers/clock';
import { basicAuth, rawApi, type RawApi } from '../helpers/raw-api';
import { v2Parcel } from '../helpers/fixtures';

describe('simulator: refusals in Sendcloud’s shapes', () => {
  let sim: Simulator;
  let api: RawApi;

  beforeEach(async () => {
    sim = await startSimulator({
      clock: manualClock(),
      orderCount: 5,
      accounts: [{}, { publicKey: 'new-account', secretKey: 'new-secret', v2ParcelsClosed: true }],
    });
    api = rawApi(sim);
  });
  afterEach(async () => {
    await sim.close();
  });

  it('answers wrong and missing keys with the documented 401 bodies of each version', async () => {
    const wrong = { Authorization: basicAuth(sim.keys.publicKey, 'not-the-secret') };
    const v3 = await fetch(`${sim.url}/api/v3/orders`, { headers: wrong });
    expect(v3.status).toBe(401);
    expect(await v3.json()).toEqual({
      errors: [
        {
          status: '401',
          code: 'authentication_failed',
          title: 'Invalid username/password.',
          detail:
            'The username or password provided is incorrect. Please make a request with the valid credentials.',
        },
      ],
    });
    const v2 = await fetch(`${sim.url}/api/v2/parcels`, { headers: wrong });
    expect(v2.status).toBe(401);
    expect(await v2.json()).toEqual({
      error: { code: 401, request: 'api/v2/parcels', message: 'Invalid username/password.' },
    });
    const none = await fetch(`${sim.url}/api/v3/shipments`);
    expect(((await none.json()) as { errors: { title: string }[] }).errors[0]?.title).toBe(
      'No credentials',
    );
    expect(sim.requests.map((r) => [r.path, r.status, r.publicKey])).toEqual([
      ['/api/v3/orders', 401, null],
      ['/api/v2/parcels', 401, null],
      ['/api/v3/shipments', 401, null],
    ]);
  });

  it('keeps accounts apart: each key sees its own orders and shipments', async () => {
    const [first, second] = sim.accounts;
    if (!first || !second) throw new Error('two accounts expected');
    expect(second.publicKey).toBe('new-account');
    const other = rawApi(sim, second);
    const mine = first.orders()[0];
    if (!mine) throw new Error('no order');
    expect((await other.get(`/api/v3/orders/${mine.id}`)).status).toBe(
      second.orders().some((o) => o.id === mine.id) ? 200 : 404,
    );
    const label = await api.post('/api/v3/orders/create-label-sync', {
      integration_id: sim.integrationId,
      order: { order_number: mine.order_number },
    });
    expect(label.status).toBe(201);
    const listed = await other.get('/api/v3/shipments');
    expect(listed.json).toEqual({ data: [] });
    expect(sim.ledger.map((e) => e.publicKey)).toEqual([first.publicKey]);
  });

  it('refuses an invalid v3 body before any route runs, with pointers per operation style', async () => {
    const sync = await api.post('/api/v3/orders/create-label-sync', {
      integration_id: String(sim.integrationId),
      order: { order_number: 42 },
    });
    expect(sync.status).toBe(400);
    expect(sync.json).toMatchObject({
      errors: [
        { status: '400', source: { pointer: '/data/attributes/integration_id' } },
        { status: '400', source: { pointer: '/data/attributes/order/order_number' } },
      ],
    });
    const orders = await api.post('/api/v3/orders', [{ order_id: 'x-1', order_number: 'X-1' }]);
    expect(orders.status).toBe(400);
    const pointers = (orders.json as { errors: { source?: { pointer?: string } }[] }).errors.map(
      (e) => e.source?.pointer,
    );
    expect(pointers).toContain('/data/attributes/[0]/order_details');
    const announce = await api.post('/api/v3/shipments/announce', {
      from_address: { sender_address_id: 84213 },
      to_address: {
        address_line_1: 'Kerkstraat',
        postal_code: '3511 AB',
        city: 'Utrecht',
        country_code: 'NL',
      },
      ship_with: {
        type: 'shipping_option_code',
        properties: { shipping_option_code: 'postnl:standard' },
      },
      parcels: [{ weight: { value: '1.0', unit: 'kg' } }],
    });
    expect(announce.status).toBe(400);
    expect(announce.json).toEqual({
      errors: [
        expect.objectContaining({
          code: 'required',
          detail: 'This field is required.',
          source: { pointer: '/to_address/name' },
        }),
      ],
    });
    expect(sim.ledger).toHaveLength(0);
  });

  it('refuses a customs order missing an item field in create-labels-async, and makes the others', async () => {
    const customs = await startSimulator({
      clock: manualClock(),
      orderCount: 5,
      customsOrders: true,
      validateResponses: true,
    });
    try {
      const api = rawApi(customs);
      // The seeded customs orders: GB and CH complete, then a GB one whose item 2 has no HS code.
      const [gb, ch, , , noHsCode] = customs.orders().slice(5);
      if (!gb || !ch || !noHsCode) throw new Error('no customs orders');
      const partial = await api.post('/api/v3/orders/create-labels-async', {
        integration_id: customs.integrationId,
        orders: [
          { order_number: gb.order_number },
          { order_number: noHsCode.order_number },
          { order_id: ch.order_id },
        ],
      });
      expect(partial.status).toBe(202);
      const body = partial.json as { data: { order_number: string }[]; errors: unknown[] };
      expect(body.data.map((item) => item.order_number)).toEqual([
        gb.order_number,
        ch.order_number,
      ]);
      // As create-label-sync says it, pointing into the refused order of the request.
      expect(body.errors).toEqual([
        {
          status: '400',
          code: 'required',
          title: 'Field required',
          detail: 'Field required',
          source: { pointer: '/data/attributes/orders/[1]/order_details/order_items/1/hs_code' },
        },
      ]);
      expect(customs.labelsFor(noHsCode.order_number)).toHaveLength(0);

      // Refused alone, the request is a 400 with the same error.
      const alone = await api.post('/api/v3/orders/create-labels-async', {
        integration_id: customs.integrationId,
        orders: [{ order_number: noHsCode.order_number }],
      });
      expect(alone.status).toBe(400);
      expect(alone.json).toEqual({
        errors: [
          expect.objectContaining({
            code: 'required',
            source: { pointer: '/data/attributes/orders/[0]/order_details/order_items/1/hs_code' },
          }),
        ],
      });
      expect(customs.ledger.map((entry) => entry.orderNumber)).toEqual([
        gb.order_number,
        ch.order_number,
      ]);
      expect(customs.violations).toEqual([]);
    } finally {
      await customs.close();
    }
  });

  it('refuses a bad query parameter by name, and answers 404 and 405 for unknown routes', async () => {
    const size = await api.get('/api/v3/shipments?page_size=101');
    expect(size.status).toBe(400);
    expect(size.json).toEqual({
      errors: [
        {
          status: '400',
          code: 'invalid',
          detail: 'Ensure this value is less than or equal to 100.',
          source: { parameter: 'page_size' },
        },
      ],
    });
    const missing = await api.get('/api/v3/no-such-thing');
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual({
      errors: [
        {
          status: '404',
          code: 'not_found',
          title: 'Not found',
          detail: 'The page you have requested could not be found.',
        },
      ],
    });
    expect((await api.request('PUT', '/api/v3/shipments/announce')).status).toBe(405);
    const v2Missing = await api.get('/api/v2/shipping_methods/0');
    expect(v2Missing.status).toBe(404);
    expect(v2Missing.json).toEqual({
      error: { request: 'api/v2/shipping_methods/0', code: 404, message: 'Not found.' },
    });
  });

  it('creates v2 batches all or nothing by default, and partly with errors=verbose', async () => {
    const batch = { parcels: [v2Parcel(), v2Parcel({ name: undefined })] };
    const refused = await api.post('/api/v2/parcels', batch);
    expect(refused.status).toBe(400);
    expect(refused.json).toEqual({
      error: { code: 400, request: 'api/v2/parcels', message: "name: 'This field is required.'" },
    });
    expect(sim.ledger).toHaveLength(0);

    const partial = await api.post('/api/v2/parcels?errors=verbose', batch);
    expect(partial.status).toBe(200);
    const body = partial.json as {
      parcels: { id: number; status: { id: number } }[];
      failed_parcels: { parcel: unknown; errors: Record<string, string[]> }[];
    };
    expect(body.parcels).toHaveLength(1);
    expect(body.parcels[0]?.status.id).toBe(1000);
    expect(body.failed_parcels).toEqual([
      { parcel: v2Parcel({ name: undefined }), errors: { name: ['This field is required.'] } },
    ]);
    expect(sim.ledger.map((e) => e.via)).toEqual(['v2 parcels']);
  });

  it('stores a v2 parcel without a label, and deletes it on cancel', async () => {
    const stored = await api.post('/api/v2/parcels', {
      parcel: v2Parcel({ request_label: false }),
    });
    expect(stored.status).toBe(200);
    const parcel = (
      stored.json as { parcel: { id: number; status: unknown; tracking_number: string } }
    ).parcel;
    expect(parcel.status).toEqual({ id: 999, message: 'No label' });
    expect(parcel.tracking_number).toBe('');
    expect((await api.get(`/api/v2/labels/${parcel.id}`)).json).toEqual({});
    const deleted = await api.post(`/api/v2/parcels/${parcel.id}/cancel`);
    expect(deleted.json).toEqual({ status: 'deleted', message: 'Parcel has been deleted' });
    expect((await api.get(`/api/v2/parcels/${parcel.id}`)).status).toBe(404);
    expect(sim.ledger).toHaveLength(0);
  });

  it('refuses v2 parcel creation to an account made after v2 closed to new users', async () => {
    const second = sim.accounts[1];
    if (!second) throw new Error('no second account');
    const refused = await rawApi(sim, second).post('/api/v2/parcels', { parcel: v2Parcel() });
    expect(refused.status).toBe(403);
    expect(refused.json).toEqual({
      error: {
        code: 403,
        request: 'api/v2/parcels',
        message:
          'This endpoint is closed to new users: accounts created from 13 April 2026 on create labels with API v3.',
      },
    });
    expect((await api.post('/api/v2/parcels', { parcel: v2Parcel() })).status).toBe(200);
  });

  it('pages v2 parcels with next URLs in the body and answers a bad cursor with 404', async () => {
    const parcels = Array.from({ length: 3 }, (_, i) => v2Parcel({ order_number: `V2-${i}` }));
    expect((await api.post('/api/v2/parcels', { parcels })).status).toBe(200);
    const listed = await api.get('/api/v2/parcels');
    expect(listed.json).toMatchObject({ next: null, previous: null });
    const bad = await api.get('/api/v2/parcels?cursor=nope');
    expect(bad.status).toBe(404);
    expect(bad.json).toEqual({
      error: { code: 404, request: 'api/v2/parcels', message: 'Invalid cursor' },
    });
  });
});
