import { describe, expect, it } from 'vitest';
import { msg, type ShipmentDetails, type ShipmentRow } from '../../../src-shared';
import { shipmentRow } from '../../../test/helpers/shipments';
import { deferred, failure, fakeApi, settle } from '../../../test/helpers/station-store';
import { localDayOf } from '../shipments';
import { createStationStore } from '../station';
import { FIRST_PAGE } from './shipments';

const list = (rows: ShipmentRow[]) => async () => ({
  ok: true as const,
  value: { rows, truncated: false },
});

function details(row: ShipmentRow): ShipmentDetails {
  return {
    row,
    history: [],
    timings: null,
    voidRules: {
      window: 'free',
      freeUntil: row.createdAt,
      refundUntil: row.createdAt,
      allowed: true,
      rule: msg('ui.shipments.void.title'),
      refusal: null,
    },
    canReprint: true,
    labelStored: true,
  };
}

describe('station store: shipments', () => {
  it('reads the last 14 days when the screen opens', async () => {
    const { api, calls } = fakeApi({ 'shipments.list': list([shipmentRow(1), shipmentRow(2)]) });
    const store = createStationStore(api, null);
    store.getState().showScreen('shipments');
    await settle();
    const today = localDayOf(new Date().toISOString());
    const asked = calls.find((c) => c.name === 'shipments.list')?.input as { to: string };
    expect(asked.to).toBe(today);
    expect(store.getState().shipments?.rows.map((r) => r.row.parcelId)).toEqual([1, 2]);
  });

  it('reads again only for days outside the loaded range', async () => {
    const { api, calls } = fakeApi({ 'shipments.list': list([]) });
    const store = createStationStore(api, null);
    await store.getState().loadShipments();
    const today = localDayOf(new Date().toISOString());
    store.getState().changeShipmentQuery({ from: today, to: today, carrier: 'dhl' });
    await settle();
    expect(calls.filter((c) => c.name === 'shipments.list')).toHaveLength(1);
    store.getState().changeShipmentQuery({ from: '2020-01-01' });
    await settle();
    expect(calls.filter((c) => c.name === 'shipments.list').at(-1)?.input).toEqual({
      from: '2020-01-01',
      to: today,
      limit: FIRST_PAGE,
    });
  });

  it('shows the newest page first, then every row, and asks Sendcloud only once all are here', async () => {
    const rest = deferred<{ ok: true; value: { rows: ShipmentRow[]; truncated: boolean } }>();
    const { api, calls } = fakeApi({
      'shipments.list': () =>
        calls.length === 1
          ? Promise.resolve({ ok: true, value: { rows: [shipmentRow(3)], truncated: true } })
          : rest.promise,
      'shipments.lookUp': async () => ({ ok: true, value: [] }),
    });
    const store = createStationStore(api, null);
    const loading = store.getState().loadShipments();
    await settle();
    expect(store.getState().shipments).toMatchObject({ complete: false });
    expect(store.getState().shipmentsLoading).toBe(true);
    store.getState().changeShipmentQuery({ text: 'ORD-1' });
    await store.getState().lookUpShipments();
    expect(calls.some((c) => c.name === 'shipments.lookUp')).toBe(false);

    rest.resolve({
      ok: true,
      value: { rows: [3, 2, 1].map((id) => shipmentRow(id)), truncated: false },
    });
    await loading;
    expect(store.getState().shipments?.rows.map((r) => r.row.parcelId)).toEqual([3, 2, 1]);
    expect(store.getState()).toMatchObject({
      shipmentsLoading: false,
      shipments: { complete: true },
    });
    expect((calls[1]?.input as { limit?: number }).limit).toBeUndefined();
  });

  it('asks Sendcloud when a search finds nothing here, and shows what it found', async () => {
    const found = shipmentRow(77, { orderNumber: 'PANEL-1', source: 'sendcloud' });
    const { api, calls } = fakeApi({
      'shipments.list': list([shipmentRow(1)]),
      'shipments.lookUp': async () => ({ ok: true, value: [found] }),
    });
    const store = createStationStore(api, null);
    await store.getState().loadShipments();
    store.getState().changeShipmentQuery({ text: 'ORD-1' });
    await store.getState().lookUpShipments();
    expect(calls.some((c) => c.name === 'shipments.lookUp')).toBe(false);

    store.getState().changeShipmentQuery({ text: 'PANEL-1' });
    await store.getState().lookUpShipments();
    expect(calls.find((c) => c.name === 'shipments.lookUp')?.input).toEqual({ query: 'PANEL-1' });
    expect(store.getState().shipmentLookUp).toEqual({ kind: 'done', query: 'PANEL-1', found: 1 });
    expect(store.getState().selectedShipment).toBe(77);
    expect(store.getState().shipments?.rows.map((r) => r.row.parcelId)).toContain(77);
  });

  it('keeps a refused look-up and its reason', async () => {
    const { api } = fakeApi({
      'shipments.list': list([]),
      'shipments.lookUp': async () => ({ ok: false, error: failure('offline', 'No answer.') }),
    });
    const store = createStationStore(api, null);
    await store.getState().loadShipments();
    store.getState().changeShipmentQuery({ text: 'PANEL-1' });
    await store.getState().lookUpShipments();
    expect(store.getState().shipmentLookUp).toMatchObject({ kind: 'failed', query: 'PANEL-1' });
  });

  it('puts a pushed row in place and reads the open details again', async () => {
    const row = shipmentRow(1);
    const { api, emit, calls } = fakeApi({
      'shipments.list': list([row, shipmentRow(2)]),
      'shipments.details': async () => ({ ok: true, value: details(row) }),
      'shipments.preview': async () => ({
        ok: true,
        value: { trackingNumber: row.trackingNumber, format: 'zpl', pngBase64: '' },
      }),
    });
    const store = createStationStore(api, null);
    store.getState().start();
    await store.getState().loadShipments();
    await store.getState().openShipment(1);
    expect(store.getState().shipmentDetails?.kind).toBe('ready');
    expect(store.getState().shipmentPreview?.kind).toBe('ready');

    emit('shipment.changed', { ...row, state: 'voided' });
    expect(store.getState().shipments?.rows[0]?.row.state).toBe('voided');
    await settle();
    expect(calls.filter((c) => c.name === 'shipments.details')).toHaveLength(2);
  });

  it('drops details that arrive after the packer opened another shipment', async () => {
    const first = deferred<{ ok: true; value: ShipmentDetails }>();
    const { api } = fakeApi({
      'shipments.list': list([shipmentRow(1), shipmentRow(2)]),
      'shipments.details': () => first.promise,
      'shipments.preview': async () => ({ ok: false, error: failure('internal', 'x') }),
    });
    const store = createStationStore(api, null);
    await store.getState().loadShipments();
    void store.getState().openShipment(1);
    void store.getState().openShipment(2);
    first.resolve({ ok: true, value: details(shipmentRow(1)) });
    await settle();
    expect(store.getState().shipmentDetails?.parcelId).toBe(2);
    expect(store.getState().shipmentDetails?.kind).toBe('ready');
  });

  it('reprints once at a time and updates the row with the answer', async () => {
    const answer = deferred<{ ok: true; value: ShipmentRow }>();
    const { api, calls } = fakeApi({
      'shipments.list': list([shipmentRow(1)]),
      'shipments.reprint': () => answer.promise,
    });
    const store = createStationStore(api, null);
    await store.getState().loadShipments();
    const done = store.getState().reprintShipment(1, 'printer-1', 'damaged');
    expect(await store.getState().reprintShipment(1, 'printer-1', 'damaged')).toBe(false);
    expect(store.getState().reprints['1']).toEqual({ kind: 'pending' });
    answer.resolve({ ok: true, value: shipmentRow(1, { state: 'reprinted', reprints: 1 }) });
    expect(await done).toBe(true);
    expect(calls.filter((c) => c.name === 'shipments.reprint')).toEqual([
      {
        name: 'shipments.reprint',
        input: { parcelId: 1, printerId: 'printer-1', reason: 'damaged' },
      },
    ]);
    expect(store.getState().shipments?.rows[0]?.row).toMatchObject({
      state: 'reprinted',
      reprints: 1,
    });
  });

  it('keeps a refused void with its reason', async () => {
    const { api } = fakeApi({
      'shipments.list': list([shipmentRow(1)]),
      'shipments.void': async () => ({ ok: false, error: failure('void-refused', 'In transit.') }),
    });
    const store = createStationStore(api, null);
    await store.getState().loadShipments();
    expect(await store.getState().voidShipment(1)).toBe(false);
    expect(store.getState().voids['1']).toMatchObject({
      kind: 'failed',
      error: { code: 'void-refused' },
    });
  });
});
