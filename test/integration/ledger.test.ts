// The warehouse ledger on a real PostgreSQL, from real stations' SQLite files: every change
// replicated in order and once, a station killed between PostgreSQL's commit and its own mark
// doubling nothing, a long outage caught up completely.
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src-main/clock';
import { openDatabase, type Db } from '../../src-main/store/db';
import { createWarehouseLink, type WarehouseLink } from '../../src-main/warehouse/link';
import { createReplicator } from '../../src-main/warehouse/replication';
import { freshDatabase, ownCluster, type Cluster } from '../helpers/pg';
import { seededRows, seedShipments } from '../helpers/shipments';
import { startStationRig, type StationRig } from '../helpers/station';
import { tempDir } from '../helpers/tmp';

async function until(check: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const pending = (db: Db) =>
  (
    db.prepare('SELECT count(*) AS n FROM ledger_outbox WHERE replicated_at IS NULL').get() as {
      n: number;
    }
  ).n;
const printed = (db: Db) =>
  (
    db.prepare('SELECT count(*) AS n FROM shipments WHERE printed_at IS NOT NULL').get() as {
      n: number;
    }
  ).n;
const outboxRows = (db: Db) =>
  (db.prepare('SELECT count(*) AS n FROM ledger_outbox').get() as { n: number }).n;

async function count(pool: pg.Pool, table: string, stationId?: string): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(
    `select count(*)::int as n from ${table}${stationId ? ' where station_id = $1' : ''}`,
    stationId ? [stationId] : [],
  );
  return rows[0]?.n ?? 0;
}

const stationIdOf = (db: Db) =>
  (db.prepare(`SELECT value FROM settings WHERE key = 'station.id'`).get() as { value: string })
    .value;

describe('ledger replication from a station', () => {
  let warehouse: { url: string; drop(): Promise<void> };
  let pool: pg.Pool;
  let rig: StationRig | undefined;
  beforeAll(async () => {
    warehouse = await freshDatabase();
    pool = new pg.Pool({ connectionString: warehouse.url });
  }, 60_000);
  afterEach(async () => {
    await rig?.close();
    rig = undefined;
  });
  afterAll(async () => {
    await pool?.end();
    await warehouse?.drop();
  });

  it('sends every shipment, scan and event, in order, and a second sending changes nothing', async () => {
    rig = await startStationRig({
      warehouse: { url: warehouse.url, stationName: 'Table 1', heartbeatMs: 200 },
    });
    const db = rig.station.db;
    const orders = rig.simulator.orders().slice(0, 3);
    for (const order of orders) await rig.scan(order.order_number);
    await until(() => printed(db) === 3);
    // A reprint of the first: its row moves on, and the history grows.
    const first = db
      .prepare('SELECT parcel_id AS parcelId FROM shipments WHERE order_number = ?')
      .get(orders[0]!.order_number) as { parcelId: number };
    const printerId = (await rig.station.handlers['printers.list']({})).printers[0]!.id;
    await rig.station.handlers['shipments.reprint']({
      parcelId: first.parcelId,
      printerId,
      reason: 'damaged',
    });
    await until(
      () =>
        (
          db
            .prepare('SELECT reprint_count AS n FROM shipments WHERE parcel_id = ?')
            .get(first.parcelId) as { n: number }
        ).n === 1,
    );
    await until(() => pending(db) === 0);
    const station = stationIdOf(db);

    const events = await pool.query<{ id: string; kind: string }>(
      'select id, kind from ledger_events where station_id = $1 order by id',
      [station],
    );
    expect(events.rows).toHaveLength(outboxRows(db));
    expect(events.rows.map((r) => Number(r.id))).toEqual(
      (db.prepare('SELECT id FROM ledger_outbox ORDER BY id').pluck().all() as number[]).map(
        Number,
      ),
    );
    const shipments = await pool.query<{ parcel_id: string; body: Record<string, unknown> }>(
      'select parcel_id, body from ledger_shipments where station_id = $1 order by parcel_id',
      [station],
    );
    const local = db
      .prepare(
        `SELECT parcel_id, tracking_number, reprint_count, printed_at FROM shipments ORDER BY parcel_id`,
      )
      .all() as { parcel_id: number; tracking_number: string; reprint_count: number }[];
    expect(
      shipments.rows.map((r) => [
        Number(r.parcel_id),
        r.body.tracking_number,
        r.body.reprint_count,
        r.body.printed_at,
      ]),
    ).toEqual(
      (local as Record<string, unknown>[]).map((r) => [
        r.parcel_id,
        r.tracking_number,
        r.reprint_count,
        r.printed_at,
      ]),
    );
    expect(await count(pool, 'ledger_scans', station)).toBe(3);
    const reprinted = await pool.query(
      `select 1 from ledger_shipment_events where station_id = $1 and body->>'kind' = 'reprinted'`,
      [station],
    );
    expect(reprinted.rows).toHaveLength(1);

    // Every mark lost, as if the station had died after each commit: all of it goes again.
    const before = await count(pool, 'ledger_events');
    const marks = db.prepare('UPDATE ledger_outbox SET replicated_at = NULL').run().changes;
    expect(marks).toBe(outboxRows(db));
    await until(() => pending(db) === 0);
    expect(await count(pool, 'ledger_events')).toBe(before);
    expect(await count(pool, 'ledger_shipments', station)).toBe(3);
    expect(await count(pool, 'ledger_shipment_events', station)).toBe(
      (db.prepare('SELECT count(*) AS n FROM shipment_events').get() as { n: number }).n,
    );
    // The older events went again after the newest: the row still says it was reprinted.
    const row = await pool.query<{ n: string }>(
      `select body->>'reprint_count' as n from ledger_shipments where station_id = $1 and parcel_id = $2`,
      [station, first.parcelId],
    );
    expect(row.rows[0]?.n).toBe('1');
  }, 60_000);
});

describe('a station killed between the warehouse commit and its own mark', () => {
  let warehouse: { url: string; drop(): Promise<void> };
  let pool: pg.Pool;
  beforeAll(async () => {
    warehouse = await freshDatabase();
    pool = new pg.Pool({ connectionString: warehouse.url });
  }, 60_000);
  afterAll(async () => {
    await pool?.end();
    await warehouse?.drop();
  });

  const link = async (stationId: string): Promise<WarehouseLink> => {
    const l = createWarehouseLink({
      url: warehouse.url,
      stationId,
      stationName: stationId,
      clock: systemClock,
      heartbeatMs: 60_000,
    });
    await l.start();
    expect(l.up()).toBe(true);
    return l;
  };

  it('sends the batch again on its next life and the ledger holds each change once', async () => {
    const data = tempDir();
    const file = path.join(data.dir, 'packdesk.sqlite');
    let db = openDatabase(file);
    seedShipments(db, seededRows(120, Date.now(), { id: 'st-k', name: 'K' }), 'st-k');
    const rows = outboxRows(db);
    expect(rows).toBe(120);

    // First life: the first batch commits in PostgreSQL, then the station dies before its mark.
    let l = await link('st-k');
    const killed = new Error('SIGKILL');
    const first = createReplicator({
      db,
      link: l,
      clock: systemClock,
      batchSize: 50,
      afterCommit: () => {
        throw killed;
      },
    });
    await expect(first.drain()).rejects.toBe(killed);
    await l.stop();
    db.close();
    expect(await count(pool, 'ledger_events', 'st-k')).toBe(50);

    // Next life: the same file; the batch goes again, and the rest after it.
    db = openDatabase(file);
    expect(pending(db)).toBe(rows);
    l = await link('st-k');
    const second = createReplicator({ db, link: l, clock: systemClock, batchSize: 50 });
    expect(await second.drain()).toBe(true);
    expect(pending(db)).toBe(0);
    expect(await count(pool, 'ledger_events', 'st-k')).toBe(rows);
    expect(await count(pool, 'ledger_shipments', 'st-k')).toBe(120);
    const doubled = await pool.query(
      `select body->>'tracking_number' from ledger_shipments where station_id = 'st-k'
         group by 1 having count(*) > 1`,
    );
    expect(doubled.rows).toEqual([]);
    await l.stop();
    db.close();
    data.cleanup();
  }, 60_000);
});

describe('a station cut off from the warehouse', () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await ownCluster();
  }, 60_000);
  afterAll(() => cluster?.destroy());

  it('keeps scanning, and when the link is back the ledger has everything it did', async () => {
    const warehouse = await freshDatabase(cluster);
    const rig = await startStationRig({
      warehouse: { url: warehouse.url, stationName: 'Table 1', heartbeatMs: 200 },
    });
    const pool = new pg.Pool({ connectionString: warehouse.url });
    try {
      const db = rig.station.db;
      const station = stationIdOf(db);
      const orders = rig.simulator.orders();
      expect((await rig.scan(orders[0]!.order_number)).state).toBe('printed');
      await until(() => pending(db) === 0);
      await pool.end();

      cluster.stop();
      const status = async () =>
        (await rig.station.handlers['station.status']({})).warehouse?.kind ?? 'single';
      await until(async () => (await status()) === 'alone');
      for (const order of orders.slice(1, 4)) await rig.scan(order.order_number);
      await until(() => printed(db) === 4);
      // An hour of a busy table's labels, made while the warehouse was away.
      seedShipments(db, seededRows(1_500, Date.now(), { id: station, name: 'Table 1' }), station);
      expect(pending(db)).toBeGreaterThan(1_500);

      cluster.start();
      await until(() => pending(db) === 0, 40_000);
      const back = new pg.Pool({ connectionString: warehouse.url });
      try {
        expect(await count(back, 'ledger_shipments', station)).toBe(1_504);
        expect(await count(back, 'ledger_events', station)).toBe(outboxRows(db));
        expect(await count(back, 'ledger_scans', station)).toBe(4);
      } finally {
        await back.end();
      }
    } finally {
      await pool.end().catch(() => undefined);
      await rig.close();
      await warehouse.drop();
    }
  }, 120_000);
});

describe('two stations of one warehouse', () => {
  let warehouse: { url: string; drop(): Promise<void> };
  let a: StationRig | undefined;
  let b: StationRig | undefined;
  beforeAll(async () => {
    warehouse = await freshDatabase();
  }, 60_000);
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await warehouse?.drop();
  });

  it("show A's shipments on B's Shipments and Day screens, by station, and A's alone when B's link is down", async () => {
    a = await startStationRig({
      warehouse: { url: warehouse.url, stationName: 'Table A', heartbeatMs: 200 },
    });
    b = await startStationRig({
      sharedSimulator: a.simulator,
      warehouse: { url: warehouse.url, stationName: 'Table B', heartbeatMs: 200 },
    });
    const orders = a.simulator.orders();
    for (const order of orders.slice(0, 2)) await a.scan(order.order_number);
    await b.scan(orders[2]!.order_number);
    await until(() => printed(a!.station.db) === 2 && printed(b!.station.db) === 1);
    await until(() => pending(a!.station.db) === 0 && pending(b!.station.db) === 0);
    const idA = stationIdOf(a.station.db);
    const idB = stationIdOf(b.station.db);

    const all = await b.station.handlers['shipments.list']({});
    expect(all.scope).toMatchObject({ kind: 'warehouse', station: null, self: idB });
    expect(all.scope?.kind === 'warehouse' && all.scope.stations.map((s) => s.name)).toEqual([
      'Table A',
      'Table B',
    ]);
    expect(
      all.rows.map((r) => [r.orderNumber, r.stationName, r.labelledAt?.name ?? null]).sort(),
    ).toEqual(
      [
        [orders[0]!.order_number, 'Table A', 'Table A'],
        [orders[1]!.order_number, 'Table A', 'Table A'],
        [orders[2]!.order_number, 'Table B', null],
      ].sort(),
    );
    const onlyA = await b.station.handlers['shipments.list']({ station: idA });
    expect(onlyA.rows.map((r) => r.orderNumber).sort()).toEqual(
      orders
        .slice(0, 2)
        .map((o) => o.order_number)
        .sort(),
    );
    const onlyB = await b.station.handlers['shipments.list']({ station: idB });
    expect(onlyB.rows.map((r) => r.orderNumber)).toEqual([orders[2]!.order_number]);

    const today = all.rows[0]!.createdAt.slice(0, 10);
    const dayOf = async (rig: StationRig, station?: string) =>
      rig.station.handlers['day.summary']({ day: today, ...(station ? { station } : {}) });
    for (const rig of [a, b]) {
      const day = await dayOf(rig);
      expect(day.scope?.kind).toBe('warehouse');
      expect(day.counts.made).toBe(3);
      expect(day.counts.printed).toBe(3);
    }
    expect((await dayOf(b, idA)).counts.made).toBe(2);
    expect((await dayOf(b, idB)).counts.made).toBe(1);
    expect((await dayOf(a, idB)).byCarrier.reduce((n, c) => n + c.labels, 0)).toBe(1);

    // The day's CSV is what the Day screen shows: every station's labels, each by its station's
    // name, or one station's when filtered.
    const csvOf = async (rig: StationRig, station?: string) =>
      rig.station.handlers['day.export']({ day: today, ...(station ? { station } : {}) });
    const stationOfOrder = (csv: string) => {
      const [header, ...lines] = csv.trim().split(/\r?\n/);
      const columns = header!.split(',');
      const order = columns.indexOf('order_number');
      const station = columns.indexOf('station');
      return lines.map((line) => [line.split(',')[order], line.split(',')[station]]).sort();
    };
    const wholeCsv = await csvOf(b);
    expect(wholeCsv.rows).toBe(3);
    expect(stationOfOrder(wholeCsv.csv)).toEqual(
      [
        [orders[0]!.order_number, 'Table A'],
        [orders[1]!.order_number, 'Table A'],
        [orders[2]!.order_number, 'Table B'],
      ].sort(),
    );
    const aCsv = await csvOf(b, idA);
    expect(aCsv.rows).toBe(2);
    expect(aCsv.fileName).toBe(`packdesk-shipments-${today}-Table_A.csv`);
    expect(stationOfOrder(aCsv.csv).map(([, station]) => station)).toEqual(['Table A', 'Table A']);

    // B loses the warehouse: its screens show its own and say why.
    await a.close();
    a = undefined;
    const admin = new pg.Client({ connectionString: warehouse.url });
    await admin.connect();
    await admin.query(
      `select pg_terminate_backend(pid) from pg_stat_activity
         where datname = current_database() and pid <> pg_backend_pid()`,
    );
    await admin.query(
      `revoke connect on database ${new URL(warehouse.url).pathname.slice(1)} from public`,
    );
    await admin.end();
    await until(
      async () => (await b!.station.handlers['station.status']({})).warehouse.kind === 'alone',
    );
    const alone = await b.station.handlers['shipments.list']({});
    expect(alone.scope?.kind).toBe('alone');
    expect(alone.rows.map((r) => r.orderNumber)).toEqual([orders[2]!.order_number]);
    const aloneDay = await dayOf(b);
    expect(aloneDay.scope?.kind).toBe('alone');
    expect(aloneDay.counts.made).toBe(1);
    expect((await csvOf(b)).rows).toBe(1);
  }, 90_000);
});
