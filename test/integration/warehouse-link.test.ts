// The warehouse link against a real PostgreSQL: migrations in order and once, a newer schema
// refused, and a link that goes 'alone' when the server stops and comes back when it starts.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src-main/clock';
import { createWarehouseLink, type WarehouseLinkState } from '../../src-main/warehouse/link';
import { fallbackShare, warehouseWriteBudget } from '../../src-main/warehouse/write-budget';
import {
  latestWarehouseSchema,
  migrateWarehouse,
  WarehouseSchemaError,
  warehouseMigrations,
} from '../../src-main/warehouse/migrations';
import { freshDatabase, ownCluster, type Cluster } from '../helpers/pg';
import { closedPort } from '../helpers/net';
import { startStationRig } from '../helpers/station';
import { recordClaimConflict } from '../../src-main/store/warehouse-claims';
import { msg } from '../../src-shared';

async function until(check: () => boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('warehouse migrations', () => {
  it('apply each migration once, in order, even when two stations start together', async () => {
    const db = await freshDatabase();
    const a = new pg.Pool({ connectionString: db.url });
    const b = new pg.Pool({ connectionString: db.url });
    try {
      const [va, vb] = await Promise.all([migrateWarehouse(a), migrateWarehouse(b)]);
      expect([va, vb]).toEqual([latestWarehouseSchema, latestWarehouseSchema]);
      const { rows } = await a.query<{ version: number }>(
        'select version from warehouse_schema order by version',
      );
      expect(rows.map((r) => r.version)).toEqual(warehouseMigrations.map((m) => m.version));
    } finally {
      await a.end();
      await b.end();
      await db.drop();
    }
  });

  it('refuse a database whose schema is newer than this build knows, changing nothing', async () => {
    const db = await freshDatabase();
    const pool = new pg.Pool({ connectionString: db.url });
    try {
      await migrateWarehouse(pool);
      const newer = latestWarehouseSchema + 1;
      await pool.query(`insert into warehouse_schema (version, name) values ($1, 'future')`, [
        newer,
      ]);
      await expect(migrateWarehouse(pool)).rejects.toBeInstanceOf(WarehouseSchemaError);
      const link = createWarehouseLink({
        url: db.url,
        stationId: 'st-1',
        stationName: 'Table 1',
        clock: systemClock,
        heartbeatMs: 60_000,
      });
      await link.start();
      const state = link.state();
      expect(state.kind).toBe('alone');
      expect(state.kind === 'alone' && state.reason.key).toBe('warehouse.alone.schemaNewer');
      await link.stop();
      const { rows } = await pool.query('select count(*)::int as n from warehouse_schema');
      expect(rows[0].n).toBe(warehouseMigrations.length + 1);
    } finally {
      await pool.end();
      await db.drop();
    }
  });
});

describe('warehouse link', () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await ownCluster();
  }, 60_000);
  afterAll(() => cluster?.destroy());

  it('registers the station, counts the stations seen, and survives the server stopping', async () => {
    const db = await freshDatabase(cluster);
    const states: WarehouseLinkState['kind'][] = [];
    const remembered: number[] = [];
    const one = createWarehouseLink({
      url: db.url,
      stationId: 'st-1',
      stationName: 'Table 1',
      clock: systemClock,
      heartbeatMs: 100,
      connectTimeoutMs: 500,
      lastSeen: { read: () => null, write: (n) => remembered.push(n) },
    });
    const two = createWarehouseLink({
      url: db.url,
      stationId: 'st-2',
      stationName: 'Table 2',
      clock: systemClock,
      heartbeatMs: 100,
      connectTimeoutMs: 500,
    });
    one.onChange((state) => {
      if (states.at(-1) !== state.kind) states.push(state.kind);
    });
    try {
      await one.start();
      await two.start();
      expect(one.up()).toBe(true);
      await until(() => one.stationsSeen() === 2);
      // Kept for a start without PostgreSQL, each time it changes.
      expect(remembered.at(-1)).toBe(2);
      const { rows } = await one.query<{ name: string }>('select name from stations order by id');
      expect(rows.map((r) => r.name)).toEqual(['Table 1', 'Table 2']);

      cluster.stop();
      await until(() => one.state().kind === 'alone');
      const down = one.state();
      expect(down.kind === 'alone' && down.reason.key).toBe('warehouse.alone.unreachable');
      await expect(one.query('select 1')).rejects.toThrow();

      cluster.start();
      await until(() => one.up());
      expect((await one.query<{ n: number }>('select 1 as n')).rows[0]?.n).toBe(1);
      expect(states).toEqual(['connected', 'alone', 'connected']);
    } finally {
      await one.stop();
      await two.stop();
      await db.drop();
    }
  });

  it('is a single station, doing nothing, without a warehouse database', async () => {
    const link = createWarehouseLink({
      url: null,
      stationId: 'st-1',
      stationName: 'Table 1',
      clock: systemClock,
    });
    await link.start();
    expect(link.state()).toEqual({ kind: 'single' });
    expect(link.configured).toBe(false);
    await expect(link.query('select 1')).rejects.toThrow();
    await link.stop();
  });
});

describe('a station in a warehouse', () => {
  it('says in its status that it is connected, and to how many stations', async () => {
    const db = await freshDatabase();
    const rig = await startStationRig({ warehouse: { url: db.url, stationName: 'Table 1' } });
    try {
      const status = await rig.station.handlers['station.status']({});
      expect(status.warehouse).toMatchObject({ kind: 'connected', stations: 1, labelledTwice: [] });

      // An order found labelled at two stations on reconnecting is said in the header.
      recordClaimConflict(rig.station.db, {
        orderKey: '1:42',
        orderNumber: 'PD-42',
        parcelId: 700,
        trackingNumber: 'TRACK-700',
        otherStation: 'Table 2',
        otherTracking: 'TRACK-800',
        foundAt: new Date().toISOString(),
        detail: msg('claims.conflict.labelledTwice', {
          order: 'PD-42',
          station: 'Table 2',
          tracking: 'TRACK-800',
          ours: 'TRACK-700',
        }),
      });
      const after = await rig.station.handlers['station.status']({});
      expect(after.warehouse.kind !== 'single' && after.warehouse.labelledTwice).toEqual([
        expect.objectContaining({
          key: 'claims.conflict.labelledTwice',
          params: expect.objectContaining({ order: 'PD-42', station: 'Table 2' }),
        }),
      ]);
    } finally {
      await rig.close();
      await db.drop();
    }
  });

  it('starting alone, counts the stations it saw when it was last up, for its share of the budget', async () => {
    const port = await closedPort();
    const alone = createWarehouseLink({
      url: `postgres://postgres@127.0.0.1:${port}/packdesk`,
      stationId: 'st-1',
      stationName: 'Table 1',
      clock: systemClock,
      heartbeatMs: 60_000,
      connectTimeoutMs: 200,
      lastSeen: { read: () => 4, write: () => undefined },
    });
    try {
      await alone.start();
      expect(alone.state().kind).toBe('alone');
      expect(alone.stationsSeen()).toBe(4);
      // A quarter of the budget, not the whole of it.
      expect(fallbackShare(warehouseWriteBudget, alone.stationsSeen()).perMinute).toBeLessThan(
        warehouseWriteBudget.perMinute / 3,
      );
    } finally {
      await alone.stop();
    }
  });

  it('works alone, and says why, when the warehouse database cannot be reached', async () => {
    const port = await closedPort();
    const rig = await startStationRig({
      warehouse: { url: `postgres://postgres@127.0.0.1:${port}/packdesk`, stationName: 'Table 1' },
    });
    try {
      const status = await rig.station.handlers['station.status']({});
      const warehouse = status.warehouse;
      expect(warehouse?.kind).toBe('alone');
      expect(warehouse?.kind === 'alone' && warehouse.reason.key).toBe(
        'warehouse.alone.unreachable',
      );
      // Scanning goes on.
      const order = rig.simulator.orders()[0];
      if (!order) throw new Error('no orders');
      const entry = await rig.scan(order.order_number);
      expect(entry.state).toBe('printed');
      expect(await rig.printer.waitForJobs(1)).toHaveLength(1);
    } finally {
      await rig.close();
    }
  });
});
