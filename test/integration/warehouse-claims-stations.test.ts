// One live label per order across the warehouse, with real stations: two in-process Stations
// (each its own SQLite file and TCP printer) on one simulator over HTTP and one real PostgreSQL.
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startSimulator, type Simulator } from '../../src-main/simulator/index';
import { CREATE_LABEL, SHIPMENTS } from '../helpers/outbox';
import { freshDatabase, ownCluster, type Cluster } from '../helpers/pg';
import { startWarehouseStation, type WarehouseStation } from '../helpers/warehouse-station';

async function until(check: () => boolean | Promise<boolean>, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

// Each test starts two or three whole stations: slow on a loaded machine, whatever the claims do.
vi.setConfig({ testTimeout: 120_000 });

const calls = (sim: Simulator, method: string, path: string) =>
  sim.requests.filter((r) => r.method === method && r.path === path);

describe('claims across two stations', () => {
  let simulator: Simulator;
  let database: { url: string; drop(): Promise<void> };
  let admin: pg.Pool;
  const stations: WarehouseStation[] = [];

  // Each test's simulator draws the same orders: each gets a warehouse database of its own.
  beforeEach(async () => {
    database = await freshDatabase();
    admin = new pg.Pool({ connectionString: database.url });
  }, 60_000);
  afterEach(async () => {
    for (const station of stations.splice(0)) await station.close();
    await simulator?.close();
    await admin.end();
    await database.drop();
  });

  async function station(name: string, claimTimeoutMs?: number) {
    const started = await startWarehouseStation({
      name,
      simulator,
      warehouseDb: database.url,
      ...(claimTimeoutMs !== undefined ? { claimTimeoutMs } : {}),
    });
    stations.push(started);
    return started;
  }

  it("take over a dead station's claim of an order in boxes only after looking its shipment up", async () => {
    simulator = await startSimulator({ orderCount: 12 });
    const a = await station('Table A');
    const order =
      simulator
        .orders()
        .find(
          (o) =>
            !o.shipping_option_code.startsWith('colissimo') &&
            o.order.order_details.order_items.reduce((n, item) => n + item.quantity, 0) >= 3,
        )?.order_number ?? '';
    const asyncCalls = () =>
      simulator.requests.filter(
        (r) => r.method === 'POST' && r.path.endsWith('/orders/create-labels-async'),
      );
    // A's 3-box shipment is made, the answer lost; A dies before trying again.
    simulator.faults.set({
      lostResponseRate: 1,
      only: { method: 'POST', pathPrefix: '/api/v3/orders/create-labels-async' },
    });
    await a.station.handlers['scan.setNext']({ boxes: 3 });
    await a.scan(order);
    await until(() => asyncCalls().length === 1 && simulator.labelsFor(order).length === 3);
    await a.close();
    simulator.faults.reset();
    const diedAt = Date.now();

    // C takes the claim over after its timeout: its first try looks the shipment up and
    // prints A's three labels; nothing is asked for again.
    const c = await station('Table C', 1_500);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, diedAt + 1_700 - Date.now())));
    await c.station.handlers['scan.setNext']({ boxes: 3 });
    const late = await c.outcome(await c.scan(order));
    expect(late.state).toBe('printed');
    await c.printer.waitForJobs(3, 30_000);
    expect(asyncCalls()).toHaveLength(1);
    expect(simulator.labelsFor(order)).toHaveLength(3);
  });

  it('leave out of a batch an order another station labelled, saying where, and label the rest', async () => {
    simulator = await startSimulator({ orderCount: 4 });
    const a = await station('Table A');
    const b = await station('Table B');
    const numbers = simulator.orders().map((o) => o.order_number);
    const taken = numbers[0] ?? '';
    expect((await a.outcome(await a.scan(taken))).state).toBe('printed');
    const [label] = simulator.labelsFor(taken);

    // B's own database does not know A labelled it: only the warehouse does.
    const open = (await b.station.handlers['batch.openOrders']({})).rows;
    const refs = open.filter((row) => numbers.includes(row.orderNumber)).map((row) => row.orderRef);
    expect(refs).toHaveLength(numbers.length);
    const { batch } = await b.station.handlers['batch.start']({
      orderRefs: refs,
      sort: { field: 'order-number', direction: 'asc' },
    });
    let details = await b.station.handlers['batch.details']({ id: batch.id });
    const end = Date.now() + 60_000;
    while (details.state !== 'done' && Date.now() < end) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      details = await b.station.handlers['batch.details']({ id: batch.id });
    }
    const held = details.orders.find((order) => order.orderNumber === taken);
    expect(held?.state).toBe('failed');
    expect(held?.error).toMatchObject({
      code: 'already-labelled',
      key: 'claims.labelledAt',
      params: { station: 'Table A', tracking: label?.trackingNumber },
    });
    // One label for the taken order (A's); the others one each, made by the batch.
    expect(simulator.labelsFor(taken)).toHaveLength(1);
    for (const number of numbers.slice(1)) expect(simulator.labelsFor(number)).toHaveLength(1);
    const { rows } = await admin.query<{
      order_number: string;
      station_name: string;
      state: string;
    }>('select order_number, station_name, state from claims order by order_number');
    expect(rows).toEqual(
      numbers
        .slice()
        .sort()
        .map((number) => ({
          order_number: number,
          station_name: number === taken ? 'Table A' : 'Table B',
          state: 'labelled',
        })),
    );
  });

  it('make one label when both scan the same order at once; the other scan says where', async () => {
    simulator = await startSimulator({ orderCount: 5 });
    const a = await station('Table A');
    const b = await station('Table B');
    const orders = simulator.orders().map((o) => o.order_number);
    for (const order of orders) {
      const [fromA, fromB] = await Promise.all([a.scan(order), b.scan(order)]);
      const outcomes = await Promise.all([a.outcome(fromA), b.outcome(fromB)]);
      expect(simulator.labelsFor(order)).toHaveLength(1);
      const printed = outcomes.filter((o) => o.state === 'printed');
      const refused = outcomes.filter((o) => o.state === 'failed');
      expect(printed).toHaveLength(1);
      expect(refused).toHaveLength(1);
      const winner = outcomes[0]?.state === 'printed' ? a : b;
      expect(refused[0]?.error?.code).toBe('already-labelled');
      expect(refused[0]?.error?.key).toMatch(/^claims\.(labellingAt|labelledAt)$/);
      expect(refused[0]?.error?.params).toMatchObject({ station: winner.name });
    }
    // Each label printed once, at the station that made it.
    expect(a.printer.jobs.length + b.printer.jobs.length).toBe(orders.length);

    // Scanned again later at either station, the order says where it was labelled.
    const order = orders[0] ?? '';
    const [label] = simulator.labelsFor(order);
    const holder = (await admin.query('select station_name from claims where order_number = $1', [
      order,
    ])) as { rows: { station_name: string }[] };
    const other = holder.rows[0]?.station_name === 'Table A' ? b : a;
    const again = await other.outcome(await other.scan(order));
    expect(again.error).toEqual({
      code: 'already-labelled',
      key: 'claims.labelledAt',
      params: { station: holder.rows[0]?.station_name, tracking: label?.trackingNumber },
    });
  });

  it("take over a dead station's claim after the timeout, adopting the label it had made", async () => {
    simulator = await startSimulator({ orderCount: 2 });
    const a = await station('Table A');
    const order = simulator.orders()[0]?.order_number ?? '';

    // A's label is made, but the answer never reaches A; then A dies before trying again.
    simulator.faults.set({
      lostResponseRate: 1,
      only: { method: 'POST', pathPrefix: CREATE_LABEL },
    });
    await a.scan(order);
    await until(() => simulator.labelsFor(order).length === 1);
    await a.close();
    simulator.faults.reset();
    const diedAt = Date.now();
    const [made] = simulator.labelsFor(order);

    // Before the timeout (B's is 30 s) B is told A holds it, and makes nothing.
    const b = await station('Table B');
    const early = await b.outcome(await b.scan(order));
    expect(early.error).toMatchObject({
      key: 'claims.labellingAt',
      params: { station: 'Table A' },
    });
    expect(b.printer.jobs).toHaveLength(0);

    // After it (C's is 1.5 s), C takes the claim over, finds A's label in Sendcloud with the
    // look-up, and prints that one: its own first try, so only the takeover asks for it.
    const c = await station('Table C', 1_500);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, diedAt + 1_700 - Date.now())));
    const lookUps = calls(simulator, 'GET', SHIPMENTS).length;
    const late = await c.outcome(await c.scan(order));
    expect(late.state).toBe('printed');
    expect(late.trackingNumber).toBe(made?.trackingNumber);
    expect(simulator.labelsFor(order)).toHaveLength(1);
    expect(calls(simulator, 'GET', SHIPMENTS).length).toBeGreaterThan(lookUps);
    const [job] = await c.printer.waitForJobs(1);
    expect(job?.bytes.equals(made?.bytes ?? Buffer.alloc(0))).toBe(true);
    const { rows } = await admin.query(
      `select state, station_name, tracking_number, taken_from_station from claims
       where order_number = $1`,
      [order],
    );
    expect(rows).toEqual([
      {
        state: 'labelled',
        station_name: 'Table C',
        tracking_number: made?.trackingNumber,
        taken_from_station: 'Table A',
      },
    ]);
  });

  it('free the order when Sendcloud refuses its label, so the other station can label it', async () => {
    simulator = await startSimulator({ orderCount: 2 });
    const a = await station('Table A');
    const b = await station('Table B');
    const order = simulator.orders()[0]?.order_number ?? '';
    simulator.faults.set({
      errorRates: { 400: 1 },
      only: { method: 'POST', pathPrefix: CREATE_LABEL },
    });
    const refused = await a.outcome(await a.scan(order));
    expect(refused.state).toBe('failed');
    expect(refused.error?.key).not.toMatch(/^claims\./);
    simulator.faults.reset();
    const fromB = await b.outcome(await b.scan(order));
    expect(fromB.state).toBe('printed');
    expect(simulator.labelsFor(order)).toHaveLength(1);
  });

  it('label again after a void: the void frees the order for the other station', async () => {
    simulator = await startSimulator({ orderCount: 2 });
    const a = await station('Table A');
    const b = await station('Table B');
    const order = simulator.orders()[0]?.order_number ?? '';
    const first = await a.outcome(await a.scan(order));
    expect(first.state).toBe('printed');
    const parcelId = simulator.labelsFor(order)[0]?.parcelId ?? 0;
    await a.station.handlers['shipments.void']({ parcelId });
    await until(async () => {
      const { rows } = await admin.query('select state from claims where order_number = $1', [
        order,
      ]);
      return rows[0]?.state === 'released';
    });
    const second = await b.outcome(await b.scan(order));
    expect(second.state).toBe('printed');
    expect(simulator.labelsFor(order)).toHaveLength(2);
  });
});

describe('claims while PostgreSQL is down', () => {
  let cluster: Cluster;
  let simulator: Simulator | undefined;
  const stations: WarehouseStation[] = [];
  beforeAll(async () => {
    cluster = await ownCluster();
  }, 60_000);
  afterEach(async () => {
    for (const station of stations.splice(0)) await station.close();
    await simulator?.close();
  });
  afterAll(() => cluster?.destroy());

  it('labels after the Sendcloud look-up, keeps the claim unverified, and reconciles it', async () => {
    const database = await freshDatabase(cluster);
    simulator = await startSimulator({ orderCount: 3 });
    const start = (name: string) =>
      startWarehouseStation({ name, simulator: simulator as Simulator, warehouseDb: database.url });
    const a = await start('Table A');
    const b = await start('Table B');
    stations.push(a, b);
    const [order = '', other = ''] = simulator.orders().map((o) => o.order_number);

    cluster.stop();
    await until(async () => (await stateOf(a)) === 'alone');
    const lookUps = calls(simulator, 'GET', SHIPMENTS).length;
    const alone = await a.outcome(await a.scan(order));
    expect(alone.state).toBe('printed');
    expect(simulator.labelsFor(order)).toHaveLength(1);
    // Exactly the look-up a single station does after a lost answer, before it made the label.
    const asked = simulator.requests.filter(
      (r) =>
        (r.method === 'GET' && r.path === SHIPMENTS) ||
        (r.method === 'POST' && r.path === CREATE_LABEL),
    );
    expect(asked.slice(-2).map((r) => r.method)).toEqual(['GET', 'POST']);
    expect(calls(simulator, 'GET', SHIPMENTS).length).toBe(lookUps + 1);
    const pending = () =>
      a.read((db) => db.prepare('select state, verified from warehouse_claims_pending').all());
    expect(pending()).toEqual([{ state: 'labelled', verified: 0 }]);

    cluster.start();
    await until(async () => (await stateOf(a)) === 'connected' && pending().length === 0);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query(
        'select state, station_name, tracking_number, verified from claims where order_number = $1',
        [order],
      );
      expect(rows).toEqual([
        {
          state: 'labelled',
          station_name: 'Table A',
          tracking_number: simulator.labelsFor(order)[0]?.trackingNumber,
          // Reconciled: unverified only while the link was down.
          verified: true,
        },
      ]);
    } finally {
      await client.end();
    }
    await until(async () => (await stateOf(b)) === 'connected');
    const fromB = await b.outcome(await b.scan(order));
    expect(fromB.error?.key).toBe('claims.labelledAt');
    expect(simulator.labelsFor(order)).toHaveLength(1);
    // Connected again, a scan labels as before, without the look-up.
    const lookUpsNow = calls(simulator, 'GET', SHIPMENTS).length;
    expect((await b.outcome(await b.scan(other))).state).toBe('printed');
    expect(calls(simulator, 'GET', SHIPMENTS).length).toBe(lookUpsNow);
    await database.drop();
  });
});

async function stateOf(station: WarehouseStation): Promise<string> {
  const status = await station.station.handlers['station.status']({});
  return status.warehouse.kind;
}
