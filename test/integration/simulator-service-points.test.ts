// The simulator's service points as the v3 spec has them, with its checks on: the opt-in orders
// come after the default ones (which stay as they are), one point and its availability, a search
// near an address, and a label to a closed or unknown point refused like Sendcloud refuses it.
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src-main/simulator/index';
import { expectSpecClean } from '../helpers/contract';
import { rawApi } from '../helpers/raw-api';

describe('simulator: service-point orders and points', () => {
  let sim: Simulator | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  it('appends the service-point orders and leaves the default seed as it is', async () => {
    const plain = await startSimulator({ orderCount: 5 });
    const numbers = plain.orders().map((o) => [o.id, o.order_number]);
    await plain.close();
    sim = await startSimulator({ orderCount: 5, servicePoints: true });
    const orders = sim.orders();
    expect(orders.slice(0, 5).map((o) => [o.id, o.order_number])).toEqual(numbers);
    expect(orders.slice(5).map((o) => [o.order_number, o.order.service_point_details])).toEqual([
      ['PD-SP1', { id: '1000000' }],
      ['PD-SP2', { id: '1000100' }],
      ['PD-SP3', { id: '1999999' }],
    ]);
  });

  it('answers one point, its availability and the nearest points of a carrier', async () => {
    sim = await startSimulator({ orderCount: 1, servicePoints: true, validateResponses: true });
    const api = rawApi(sim);
    const one = await api.get('/api/v3/service-points/1000100');
    expect(one.status).toBe(200);
    expect(one.json).toMatchObject({ data: { id: 1_000_100, name: 'PostNL Damrak' } });
    const closed = await api.post('/api/v3/service-points/1000100/check-availability');
    expect(closed.json).toEqual({ data: { is_available: false } });
    const open = await api.post('/api/v3/service-points/1000200/check-availability');
    expect(open.json).toEqual({ data: { is_available: true } });
    const unknown = await api.get('/api/v3/service-points/1999999');
    expect(unknown.status).toBe(404);
    expect(unknown.json).toEqual({
      errors: [
        { status: '404', code: 'not_found', detail: 'The service point could not be found' },
      ],
    });

    const near = await api.get(
      '/api/v3/service-points?country_code=NL&carrier_code=postnl&address_city=Amsterdam&limit=3',
    );
    const data = (near.json as { data: { results: { id: number; distance: number }[] } }).data;
    // Around the city's centre, closest first; a closed point is listed too (the spec warns that
    // search results may include points no longer available), with no opening left.
    expect(data.results.map((p) => p.id)).toEqual([1_000_200, 1_000_100, 1_000_300]);
    expect(data.results.map((p) => p.distance)).toEqual(
      [...data.results.map((p) => p.distance)].sort((a, b) => a - b),
    );
    expectSpecClean(sim);
  });

  it('refuses a label to a closed or unknown point, and labels an open one to the point', async () => {
    sim = await startSimulator({
      orderCount: 1,
      servicePoints: true,
      validateResponses: true,
      labelResponse: 'schema',
    });
    const api = rawApi(sim);
    const label = (orderNumber: string) =>
      api.post('/api/v3/orders/create-label-sync', {
        integration_id: sim?.integrationId,
        order: { order_number: orderNumber },
        label_details: { mime_type: 'application/pdf', dpi: 72 },
      });
    const closed = await label('PD-SP2');
    expect(closed.status).toBe(400);
    expect(closed.json).toMatchObject({
      errors: [
        {
          status: '400',
          code: 'validation_error',
          detail: 'Service point 1000100 is not available.',
          source: { pointer: '/data/attributes/order' },
        },
      ],
    });
    const unknown = await label('PD-SP3');
    expect(unknown.status).toBe(400);
    expect(unknown.json).toMatchObject({
      errors: [{ code: 'invalid', detail: 'Service point 1999999 does not exist.' }],
    });
    expect(sim.labelsFor('PD-SP2')).toHaveLength(0);

    const made = await label('PD-SP1');
    expect(made.status).toBe(201);
    const shipments = await api.get('/api/v3/shipments?order_number=PD-SP1');
    expect(shipments.json).toMatchObject({
      data: [{ to_service_point: { id: '1000000', carrier_service_point_id: 'NL-POSTNL-1' } }],
    });
    // Home delivery: a home option ignores the order's point.
    const home = await api.post('/api/v3/orders/create-label-sync', {
      integration_id: sim.integrationId,
      order: { order_number: 'PD-SP2' },
      ship_with: {
        type: 'shipping_option_code',
        properties: { shipping_option_code: 'postnl:standard' },
      },
    });
    expect(home.status).toBe(201);
    expectSpecClean(sim);
  });

  it('refuses an order to a closed point in create-labels-async on its own, and makes the rest', async () => {
    sim = await startSimulator({ orderCount: 1, servicePoints: true, validateResponses: true });
    const api = rawApi(sim);
    const answer = await api.post('/api/v3/orders/create-labels-async', {
      integration_id: sim.integrationId,
      orders: [{ order_number: 'PD-SP1' }, { order_number: 'PD-SP2' }, { order_number: 'PD-SP3' }],
    });
    expect(answer.status).toBe(202);
    expect(answer.json).toMatchObject({
      data: [{ order_number: 'PD-SP1' }],
      errors: [
        {
          code: 'validation_error',
          detail: 'Service point 1000100 is not available.',
          source: { pointer: '/data/attributes/orders/[1]' },
        },
        {
          code: 'invalid',
          detail: 'Service point 1999999 does not exist.',
          source: { pointer: '/data/attributes/orders/[2]' },
        },
      ],
    });
    expect(sim.labelsFor('PD-SP2')).toHaveLength(0);
    const shipments = await api.get('/api/v3/shipments?order_number=PD-SP1');
    expect(shipments.json).toMatchObject({
      data: [{ to_service_point: { id: '1000000', carrier_service_point_id: 'NL-POSTNL-1' } }],
    });
    expectSpecClean(sim);
  });
});
