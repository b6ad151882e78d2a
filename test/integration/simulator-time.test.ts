// Behaviour that depends on simulated time, driven by a manual clock: statuses, cancellation
// days, background labels, order visibility, and the replay key of shipments.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src-main/simulator/index';
import { manualClock, type ManualClock } from '../helpers/clock';
import { rawApi, type RawApi } from '../helpers/raw-api';

const HOUR = 3_600_000;

const announceBody = (externalReferenceId: string) => ({
  from_address: { sender_address_id: 84213 },
  to_address: {
    name: 'Lukas Müller',
    address_line_1: 'Hauptstraße',
    house_number: '5',
    postal_code: '10115',
    city: 'Berlin',
    country_code: 'DE',
  },
  ship_with: { type: 'shipping_option_code', properties: { shipping_option_code: 'dhl:parcel' } },
  parcels: [{ weight: { value: '2.000', unit: 'kg' } }],
  external_reference_id: externalReferenceId,
});

type Shipment = {
  id: string;
  parcels: { id: number; status: { code: string }; tracking_number: string }[];
};

describe('simulator over simulated time', () => {
  let sim: Simulator;
  let clock: ManualClock;
  let api: RawApi;

  beforeEach(async () => {
    // Monday 4 May 2026, 10:00 in Amsterdam.
    clock = manualClock(Date.parse('2026-05-04T08:00:00Z'));
    sim = await startSimulator({
      clock,
      orderCount: 6,
      validateResponses: true,
      labelResponse: 'schema',
      asyncLabelDelayMs: 5_000,
      orderVisibilityDelayMs: 2_000,
    });
    api = rawApi(sim);
  });
  afterEach(async () => {
    await sim.close();
  });

  const announce = async (reference: string): Promise<Shipment> => {
    const response = await api.post('/api/v3/shipments/announce', announceBody(reference));
    expect(response.status).toBe(201);
    return (response.json as { data: Shipment }).data;
  };
  const statusOf = async (id: string) =>
    ((await api.get(`/api/v3/shipments/${id}`)).json as { data: Shipment }).data.parcels[0]?.status
      .code;

  it('answers a repeated external_reference_id with 409 and the shipment it already made', async () => {
    const first = await announce('station-1/job-7');
    const again = await api.post('/api/v3/shipments/announce', announceBody('station-1/job-7'));
    expect(again.status).toBe(409);
    expect((again.json as { data: Shipment }).data).toMatchObject({
      id: first.id,
      parcels: [{ id: first.parcels[0]?.id, tracking_number: first.parcels[0]?.tracking_number }],
    });
    expect(sim.ledger).toHaveLength(1);
    const found = await api.get('/api/v3/shipments?external_reference_id=station-1%2Fjob-7');
    expect((found.json as { data: Shipment[] }).data.map((s) => s.id)).toEqual([first.id]);
    // The spec's prose promises this 409 but its responses do not list it.
    expect(sim.violations.map((v) => [v.path, v.status, v.violations[0]?.message])).toEqual([
      [
        '/api/v3/shipments/announce',
        409,
        'Status 409 is not documented for POST /shipments/announce.',
      ],
    ]);
  });

  it('moves statuses on as the clock moves: ready, picked up, sorted, out, delivered', async () => {
    const shipment = await announce('t-1');
    const seen: (string | undefined)[] = [await statusOf(shipment.id)];
    for (const hours of [24, 6, 10, 4]) {
      clock.advance(hours * HOUR);
      seen.push(await statusOf(shipment.id));
    }
    expect(seen).toEqual([
      'READY_TO_SEND',
      'EN_ROUTE_TO_SORTING_CENTER',
      'SORTED',
      'DRIVER_EN_ROUTE',
      'DELIVERED',
    ]);
    const tracking = await api.get(
      `/api/v3/parcels/tracking/${shipment.parcels[0]?.tracking_number}`,
    );
    expect((tracking.json as { events: unknown[] }).events).toHaveLength(5);
    expect(sim.violations).toEqual([]);
  });

  it('cancels free on the day (200), queues it the next day (202), and refuses twice (409)', async () => {
    const today = await announce('c-1');
    const cancelled = await api.post(`/api/v3/shipments/${today.id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.json).toEqual({
      data: { status: 'cancelled', message: 'Shipment has been cancelled' },
    });
    expect(await statusOf(today.id)).toBe('CANCELLED');
    const twice = await api.post(`/api/v3/shipments/${today.id}/cancel`);
    expect(twice.status).toBe(409);
    expect(twice.json).toEqual({
      errors: [
        { status: '409', code: 'invalid', detail: 'This shipment is already being cancelled.' },
      ],
    });
    // The documented example wraps the errors; the schema for this 409 is the bare list.
    expect(sim.violations.map((v) => [v.status, v.violations[0]?.message])).toEqual([
      [409, 'Input should be a valid list'],
    ]);

    const yesterday = await announce('c-2');
    // 10:00 + 14 h = 00:00 the next day in Amsterdam: the free window is over, the parcel not yet picked up.
    clock.advance(14 * HOUR);
    const queued = await api.post(`/api/v3/shipments/${yesterday.id}/cancel`);
    expect(queued.status).toBe(202);
    expect(queued.json).toEqual({
      data: { status: 'queued', message: 'Shipment cancellation has been queued' },
    });
    expect(await statusOf(yesterday.id)).toBe('CANCELLATION_REQUESTED');
    expect((await api.post(`/api/v3/shipments/${yesterday.id}/cancel`)).status).toBe(409);
    clock.advance(24 * HOUR);
    expect(await statusOf(yesterday.id)).toBe('CANCELLED');

    const shipped = await announce('c-3');
    clock.advance(25 * HOUR);
    const late = await api.post(`/api/v3/shipments/${shipped.id}/cancel`);
    expect(late.status).toBe(409);
  });

  it('makes background labels ready only after the delay', async () => {
    const [order] = sim.orders();
    if (!order) throw new Error('no order');
    const accepted = await api.post('/api/v3/orders/create-labels-async', {
      integration_id: sim.integrationId,
      orders: [{ order_id: order.order_id }, { order_number: 'PD-00000' }],
    });
    expect(accepted.status).toBe(202);
    const body = accepted.json as {
      data: { parcels_ids: number[]; shipment_id: string }[];
      errors: unknown[];
    };
    expect(body.errors).toEqual([
      expect.objectContaining({
        status: '404',
        source: { pointer: '/data/attributes/orders/[1]' },
      }),
    ]);
    const parcelId = body.data[0]?.parcels_ids[0];
    const shipmentId = body.data[0]?.shipment_id ?? '';
    expect(await statusOf(shipmentId)).toBe('ANNOUNCING');
    expect((await api.get(`/api/v3/parcels/${parcelId}/documents/label`)).status).toBe(404);
    clock.advance(4_999);
    expect((await api.get(`/api/v3/parcels/${parcelId}/documents/label`)).status).toBe(404);
    clock.advance(1);
    const label = await api.get(`/api/v3/parcels/${parcelId}/documents/label`);
    expect(label.status).toBe(200);
    expect(label.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(await statusOf(shipmentId)).toBe('READY_TO_SEND');
    expect(sim.labelsFor(order.order_number).map((e) => e.via)).toEqual(['create-labels-async']);
  });

  it('shows an upserted order only after the save delay, and refuses a second upsert meanwhile', async () => {
    const order = {
      order_id: 'shop-9001',
      order_number: 'SHOP-9001',
      order_details: {
        integration: { id: sim.integrationId },
        status: { code: 'unshipped', message: 'Unshipped' },
        order_created_at: '2026-05-04T07:55:00Z',
        order_items: [{ name: 'Mug', quantity: 2, total_price: { value: 25, currency: 'EUR' } }],
      },
      payment_details: {
        total_price: { value: 25, currency: 'EUR' },
        status: { code: 'paid', message: 'Paid' },
      },
      shipping_address: {
        name: 'Emma Peeters',
        address_line_1: 'Meir',
        house_number: '1',
        postal_code: '2000',
        city: 'Antwerpen',
        country_code: 'BE',
      },
    };
    const saved = await api.post('/api/v3/orders', [order]);
    expect(saved.status).toBe(201);
    const id = (saved.json as { data: { id: number }[] }).data[0]?.id;
    expect((await api.get(`/api/v3/orders/${id}`)).status).toBe(404);
    expect((await api.get('/api/v3/orders?order_number=SHOP-9001')).json).toEqual({ data: [] });
    const busy = await api.post('/api/v3/orders', [order]);
    expect(busy.status).toBe(400);
    expect(busy.json).toMatchObject({
      errors: [
        { detail: 'We are still processing a previous request. Please try again in a moment.' },
      ],
    });
    clock.advance(2_000);
    const visible = await api.get(`/api/v3/orders/${id}`);
    expect(visible.status).toBe(200);
    expect(sim.orders().map((o) => o.order_number)).toContain('SHOP-9001');
    const label = await api.post('/api/v3/orders/create-label-sync', {
      integration_id: sim.integrationId,
      order: { order_id: 'shop-9001' },
    });
    expect(label.status).toBe(201);
  });
});
