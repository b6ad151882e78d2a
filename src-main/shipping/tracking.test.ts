import { describe, expect, it } from 'vitest';
import type { ShipmentRow } from '../../src-shared';
import type { SendcloudClient } from '../sendcloud/client';
import type { ListShipmentsParams, ShipmentPage } from '../sendcloud/v3/shipments';
import type { Clock } from '../clock';
import { openDatabase, type Db } from '../store/db';
import { insertJob, newJob } from '../store/jobs';
import { insertShipment } from '../store/shipments';
import { shipmentRecord } from '../store/shipment-list';
import { STATUSES } from '../simulator/lifecycle';
import type { WarehouseTracking, WarehouseTrackingStatus } from '../warehouse/tracking-statuses';
import { createTracking, trackingStatusOf, trackingStatusOfV2Id, TRACKING_BATCH } from './tracking';

const NOW = Date.parse('2026-05-20T10:00:00Z');
const DAY = 24 * 3_600_000;
const clock: Clock = { now: () => NOW, sleep: () => new Promise(() => undefined) };

function seed(db: Db, count: number, options: { accountId?: string; daysAgo?: number } = {}) {
  const first = (db.prepare('SELECT count(*) AS n FROM shipments').get() as { n: number }).n + 1;
  for (let i = first; i < first + count; i++) {
    insertShipment(db, {
      parcelId: i,
      shipmentId: `s${i}`,
      orderRef: `o${i}`,
      orderNumber: `PD-${i}`,
      trackingNumber: `T${i}`,
      trackingUrl: null,
      carrier: 'dhl',
      label: Buffer.from('^XA^XZ'),
      labelFormat: 'zpl',
      labelDpi: 203,
      createdAt: new Date(NOW - (options.daysAgo ?? 1) * DAY + i * 1_000).toISOString(),
      accountId: options.accountId ?? 'a1',
      merchantId: null,
      cost: null,
    });
  }
}

/** Sendcloud answering every parcel asked with `status`. */
function fakeSendcloud(status: (parcelId: number) => { code: string; message: string }) {
  const calls: ListShipmentsParams[] = [];
  const client = {
    async listShipments(params: ListShipmentsParams): Promise<ShipmentPage> {
      calls.push(params);
      return {
        shipments: (params.parcelIds ?? []).map((id) => ({
          id: `s${id}`,
          parcels: [{ id, status: status(id) }],
        })),
        nextCursor: null,
      };
    },
  } as unknown as SendcloudClient;
  return { calls, client };
}

function setup(
  status: (parcelId: number) => { code: string; message: string },
  warehouse?: WarehouseTracking,
) {
  const db = openDatabase(':memory:');
  const sendcloud = fakeSendcloud(status);
  const changed: ShipmentRow[] = [];
  const cancelled: number[] = [];
  let online = true;
  const tracking = createTracking({
    db,
    clock,
    accounts: { client: () => sendcloud.client, usable: () => true },
    connectivity: {
      current: () => ({ online, since: 0, lastError: null }),
      reached: () => undefined,
    },
    identity: { id: 'st-1', name: 'Desk 1' },
    onChanged: (row) => changed.push(row),
    onCancelled: (parcelId) => cancelled.push(parcelId),
    ...(warehouse ? { warehouse, intervalMs: 0 } : {}),
  });
  return {
    db,
    tracking,
    calls: sendcloud.calls,
    changed,
    cancelled,
    goOffline: () => (online = false),
  };
}

describe('trackingStatusOf', () => {
  it.each([
    ['READY_TO_SEND', 'announced'],
    ['ANNOUNCING', 'announced'],
    ['CANCELLATION_REQUESTED', 'announced'],
    ['EN_ROUTE_TO_SORTING_CENTER', 'in-transit'],
    ['SORTED', 'in-transit'],
    ['DRIVER_EN_ROUTE', 'in-transit'],
    ['SOME_NEW_STATUS', 'in-transit'],
    ['DELIVERED', 'delivered'],
    ['DELIVERY_ATTEMPT_FAILED', 'exception'],
    ['ANNOUNCEMENT_FAILED', 'exception'],
    ['UNABLE_TO_DELIVER', 'exception'],
    ['RETURNED_TO_SENDER', 'returned'],
    ['CANCELLED', 'cancelled'],
  ])('%s is %s', (code, status) => {
    expect(trackingStatusOf(code)).toBe(status);
  });
});

describe('the tracking poll', () => {
  it('reads at most 100 parcels in one call, oldest checked first, and goes round them all', async () => {
    const rig = setup(() => ({ code: 'SORTED', message: 'Sorted' }));
    seed(rig.db, 150);
    expect(await rig.tracking.pollOnce()).toBe(TRACKING_BATCH);
    expect(rig.calls).toHaveLength(1);
    expect(rig.calls[0]?.parcelIds).toHaveLength(100);
    expect(rig.calls[0]?.parcelIds?.[0]).toBe(1);
    expect(shipmentRecord(rig.db, 1)).toMatchObject({
      trackingStatus: 'in-transit',
      trackingStatusText: 'Sorted',
    });
    expect(rig.changed.map((row) => row.parcelId)).toHaveLength(100);
    // The next read takes the 50 never checked, then the ones checked longest ago.
    expect(await rig.tracking.pollOnce()).toBe(100);
    expect(rig.calls[1]?.parcelIds?.slice(0, 50)).toEqual(
      Array.from({ length: 50 }, (_, i) => 101 + i),
    );
    // Nothing moved: no pushes the second time round for the ones already known.
    expect(rig.changed).toHaveLength(150);
  });

  it('leaves out what cannot move any more and what is older than 14 days', async () => {
    const rig = setup(() => ({ code: 'DELIVERED', message: 'Delivered' }));
    seed(rig.db, 3);
    seed(rig.db, 2, { daysAgo: 15 });
    expect(await rig.tracking.pollOnce()).toBe(3);
    expect(rig.calls[0]?.parcelIds).toEqual([1, 2, 3]);
    // Delivered is final: nothing is due now.
    expect(await rig.tracking.pollOnce()).toBe(0);
    expect(rig.calls).toHaveLength(1);
  });

  it('steps aside while labels wait to be made or printed, and while offline', async () => {
    const rig = setup(() => ({ code: 'SORTED', message: 'Sorted' }));
    seed(rig.db, 5);
    const job = insertJob(rig.db, newJob('create-label', 'j1', NOW, { orderRef: 'o99' }));
    expect(await rig.tracking.pollOnce()).toBe(0);
    rig.db.prepare(`UPDATE jobs SET state = 'done' WHERE id = @id`).run({ id: job.id });
    rig.goOffline();
    expect(await rig.tracking.pollOnce()).toBe(0);
    expect(rig.calls).toHaveLength(0);
  });

  it('settles a queued void when Sendcloud says cancelled', async () => {
    const rig = setup((id) =>
      id === 2
        ? { code: 'CANCELLED', message: 'Cancelled' }
        : { code: 'CANCELLATION_REQUESTED', message: 'Cancellation requested' },
    );
    seed(rig.db, 2);
    rig.db.prepare(`UPDATE shipments SET void_state = 'requested'`).run();
    await rig.tracking.pollOnce();
    expect(rig.cancelled).toEqual([2]);
    expect(shipmentRecord(rig.db, 1)).toMatchObject({
      voidState: 'requested',
      trackingStatus: 'announced',
      trackingStatusText: 'Cancellation requested',
    });
    expect(shipmentRecord(rig.db, 2)?.trackingStatus).toBe('cancelled');
  });

  it('follows a queued void of a label older than 14 days until Sendcloud confirms it', async () => {
    const rig = setup(() => ({ code: 'CANCELLED', message: 'Cancelled' }));
    seed(rig.db, 1, { daysAgo: 20 });
    seed(rig.db, 1, { daysAgo: 30 });
    rig.db.prepare(`UPDATE shipments SET void_state = 'requested' WHERE parcel_id = 2`).run();
    await rig.tracking.pollOnce();
    expect(rig.calls[0]?.parcelIds).toEqual([2]);
    expect(rig.cancelled).toEqual([2]);
  });

  it('asks one account at a time', async () => {
    const rig = setup(() => ({ code: 'SORTED', message: 'Sorted' }));
    seed(rig.db, 2, { accountId: 'a1' });
    seed(rig.db, 2, { accountId: 'a2' });
    await rig.tracking.pollOnce();
    await rig.tracking.pollOnce();
    expect(rig.calls.map((call) => call.parcelIds)).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });
});

describe('trackingStatusOfV2Id', () => {
  it("reads a webhook's v2 status id as trackingStatusOf reads the same status's v3 code", () => {
    for (const status of Object.values(STATUSES)) {
      expect([status.id, trackingStatusOfV2Id(status.id)]).toEqual([
        status.id,
        trackingStatusOf(status.code),
      ]);
    }
    expect(trackingStatusOfV2Id(0)).toBe('announced');
    expect(trackingStatusOfV2Id(8)).toBe('exception');
    expect(trackingStatusOfV2Id(1337)).toBe('unknown');
    expect(trackingStatusOfV2Id(4242)).toBe('in-transit');
  });
});

describe('tracking in a warehouse with a hub', () => {
  function hub(statuses: WarehouseTrackingStatus[]) {
    const asked: number[][] = [];
    let live = true;
    const warehouse: WarehouseTracking = {
      hubLive: async () => live,
      read: async (ids) => {
        asked.push([...ids]);
        return statuses.filter((s) => ids.includes(s.parcelId));
      },
    };
    return { warehouse, asked, gone: () => (live = false) };
  }
  const at = new Date(NOW);

  it("applies the hub's statuses to the station's own shipments and asks Sendcloud nothing", async () => {
    const h = hub([
      { parcelId: 1, status: 'in-transit', message: 'Sorted', changedAt: at },
      { parcelId: 2, status: 'cancelled', message: 'Cancelled', changedAt: at },
      { parcelId: 99, status: 'delivered', message: 'Delivered', changedAt: at },
    ]);
    const rig = setup(() => ({ code: 'DELIVERED', message: 'Delivered' }), h.warehouse);
    seed(rig.db, 3);
    expect(await rig.tracking.roundOnce()).toBe('hub');
    expect(h.asked).toEqual([[1, 2, 3]]);
    expect(rig.calls).toEqual([]);
    expect(shipmentRecord(rig.db, 1)).toMatchObject({
      trackingStatus: 'in-transit',
      trackingStatusText: 'Sorted',
    });
    expect(rig.changed.map((row) => row.parcelId)).toEqual([1]);
    expect(rig.cancelled).toEqual([2]);
    // Nothing new: no second push.
    await rig.tracking.roundOnce();
    expect(rig.changed).toHaveLength(1);
  });

  it('polls Sendcloud again while no hub is alive', async () => {
    const h = hub([]);
    const rig = setup(() => ({ code: 'SORTED', message: 'Sorted' }), h.warehouse);
    seed(rig.db, 2);
    h.gone();
    expect(await rig.tracking.roundOnce()).toBe('sendcloud');
    expect(rig.calls).toHaveLength(1);
    expect(h.asked).toEqual([]);
  });
});
