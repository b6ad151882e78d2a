import { describe, expect, it } from 'vitest';
import type { ReturnMade, ReturnRow } from '../../../src-shared';
import { deferred, failure, fakeApi } from '../../../test/helpers/station-store';
import { createStationStore } from '../station';
import { returnOfParcel, withReturn } from './returns';

const returnRow = (returnId: number, parcelId: number, change: Partial<ReturnRow> = {}) =>
  ({
    returnId,
    parcelId,
    returnParcelId: returnId + 1000,
    orderNumber: `PD-${parcelId}`,
    status: 'ready-to-send',
    statusText: 'ready-to-send',
    trackingNumber: null,
    portalUrl: null,
    labelStored: true,
    printedAt: null,
    createdAt: '2026-05-04T08:00:00.000Z',
    packer: null,
    stationName: 'Desk 1',
    ...change,
  }) satisfies ReturnRow;

const made = (row: ReturnRow): ReturnMade => ({
  row,
  existing: false,
  printProblem: null,
  noPortal: false,
});

describe('station store: returns', () => {
  it('makes one return per shipment at a time, and keeps it in the list', async () => {
    const answer = deferred<{ ok: true; value: ReturnMade }>();
    const { api, calls } = fakeApi({ 'returns.create': () => answer.promise });
    const store = createStationStore(api, null);
    const first = store.getState().createReturn(7, 'label');
    // A second press while Sendcloud is asked: no second request.
    expect(await store.getState().createReturn(7, 'label')).toBeNull();
    expect(store.getState().returnActions['7']).toEqual({ kind: 'pending' });
    answer.resolve({ ok: true, value: made(returnRow(1, 7)) });
    expect((await first)?.row.returnId).toBe(1);
    expect(calls.filter((c) => c.name === 'returns.create')).toHaveLength(1);
    expect(returnOfParcel(store.getState().returns, 7)?.returnId).toBe(1);
  });

  it('keeps the refusal to show it, and nothing in the list', async () => {
    const { api } = fakeApi({
      'returns.create': async () => ({ ok: false, error: failure('offline', 'No connection.') }),
    });
    const store = createStationStore(api, null);
    expect(await store.getState().createReturn(7, 'link')).toBeNull();
    expect(store.getState().returnActions['7']).toMatchObject({
      kind: 'failed',
      error: { code: 'offline' },
    });
    expect(store.getState().returns).toBeNull();
  });

  it('puts a changed return in its place and a new one first', () => {
    const rows = [returnRow(2, 8), returnRow(1, 7)];
    const printed = returnRow(1, 7, { printedAt: '2026-05-04T09:00:00.000Z' });
    expect(withReturn(rows, printed).map((r) => [r.returnId, r.printedAt])).toEqual([
      [2, null],
      [1, '2026-05-04T09:00:00.000Z'],
    ]);
    expect(withReturn(rows, returnRow(3, 9)).map((r) => r.returnId)).toEqual([3, 2, 1]);
  });
});
