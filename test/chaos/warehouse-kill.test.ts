// Issue 14: a station SIGKILLed in the middle of a claim, and in the middle of replication.
//
// A claim: stations A and C each claim an order in PostgreSQL and die before Sendcloud's answer
// reaches them; for A's Sendcloud made the label (the answer was lost), for C's it never did. Station B is told "being labelled at A (C)" while the claims are fresh, takes them
// over once A and C have not been seen for the claim timeout, finds A's label in Sendcloud
// rather than make a second one, and makes C's. A and C, started again, label neither.
//
// Replication: A labels orders while PostgreSQL is down, so its ledger outbox holds them; when
// PostgreSQL is back A is killed after the warehouse committed a batch of it and before A marked
// it sent (the test holds A's SQLite write lock, so A stops exactly there). Its next life sends
// the batch again, and the ledger ends complete, with nothing twice.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanEntry } from '../../src-shared';
import {
  scanAnswered,
  startWarehouse,
  until,
  type Warehouse,
  type WarehouseStation,
} from './warehouse-harness';

const CREATE_LABEL = { method: 'POST', pathPrefix: '/api/v3/orders/create-label-sync' };
/** The claim timeout (claims.ts CLAIM_TIMEOUT_MS) and a heartbeat on top of it. */
const CLAIM_STALE_MS = 30_000 + 6_000;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('a station SIGKILLed in a warehouse', () => {
  let warehouse: Warehouse;
  let a: WarehouseStation;
  let b: WarehouseStation;
  let c: WarehouseStation;
  let orderNumbers: string[] = [];

  beforeAll(async () => {
    warehouse = await startWarehouse({
      stations: ['Bench A', 'Bench B', 'Bench C'],
      seed: 16,
      orders: 20,
      // Longer than the 3 s Sendcloud takes below: A must not give up and ask again.
      sendcloudTimeoutMs: 10_000,
    });
    [a, b, c] = warehouse.stations as [WarehouseStation, WarehouseStation, WarehouseStation];
    orderNumbers = warehouse.simulator.orders().map((order) => order.order_number);
  }, 300_000);

  afterAll(async () => {
    await warehouse?.close();
  });

  const claimOf = async (orderNumber: string) =>
    (
      await warehouse.sql<{ station_name: string; state: string }>(
        'select station_name, state from claims where order_number = $1',
        [orderNumber],
      )
    )[0] ?? null;
  /** Why a scan or its job was refused: the answer's error, or its job's once it got there. */
  const refusal = async (station: WarehouseStation, entry: ScanEntry) => {
    if (entry.state === 'failed') return entry.error;
    return until(`${entry.code}'s job at ${station.name} to be refused`, 30_000, async () => {
      const queue = await station.command<{ id: string; state: string; lastError: unknown }[]>(
        'queue.list',
        {},
      );
      const job = queue.ok ? queue.value.find((j) => j.id === entry.jobId) : undefined;
      return job?.state === 'needs-attention' ? (job.lastError as ScanEntry['error']) : null;
    });
  };

  it("takes dead stations' claims over only after the timeout, and finds the label one made", async () => {
    const [made, neverMade] = orderNumbers as [string, string];

    // A station works one job at a time, so two stations die mid-claim. A's create-label for
    // `made` is applied and its answer lost; A is killed as soon as Sendcloud has the label,
    // before its retry would look for it. C's for `neverMade` is never answered nor made.
    warehouse.simulator.faults.set({ lostResponseRate: 1, only: CREATE_LABEL });
    void a.scan(made);
    await until(`Sendcloud to make ${made}'s label`, 20_000, () =>
      warehouse.simulator.labelsFor(made).length > 0 ? true : null,
    );
    await a.kill();
    expect(await claimOf(made)).toEqual({ station_name: 'Bench A', state: 'labelling' });
    warehouse.simulator.faults.set({ timeoutRate: 1, only: CREATE_LABEL });
    void c.scan(neverMade);
    await until(`C's claim of ${neverMade}`, 20_000, async () =>
      (await claimOf(neverMade))?.station_name === 'Bench C' ? true : null,
    );
    await sleep(300); // its request is at Sendcloud, which holds it unanswered
    await c.kill();
    const killedAt = Date.now();
    warehouse.simulator.faults.reset();
    expect(warehouse.simulator.labelsFor(made)).toHaveLength(1);
    expect(warehouse.simulator.labelsFor(neverMade)).toHaveLength(0);
    expect(a.printer.jobs).toHaveLength(0);
    expect(c.printer.jobs).toHaveLength(0);

    // While the claims are fresh, B is told where the orders are being labelled.
    for (const [orderNumber, holder] of [
      [made, 'Bench A'],
      [neverMade, 'Bench C'],
    ] as const) {
      const said = await refusal(b, await scanAnswered(b, orderNumber));
      expect(said).toMatchObject({
        code: 'already-labelled',
        key: 'claims.labellingAt',
        params: { station: holder },
      });
    }
    expect(warehouse.simulator.labelsFor(neverMade)).toHaveLength(0);

    // A and C have been gone longer than the claim timeout: B takes both over.
    await sleep(Math.max(0, killedAt + CLAIM_STALE_MS - Date.now()));
    for (const orderNumber of [made, neverMade]) {
      const entry = await scanAnswered(b, orderNumber);
      expect(
        ['queued', 'printed'],
        `${orderNumber} at B: ${JSON.stringify(entry.error)}`,
      ).toContain(entry.state);
    }
    await b.printer.waitForJobs(2);
    await b.settled(30_000);
    // The label A's request made is the one B printed; the other B made itself. One each.
    expect(warehouse.simulator.labelsFor(made)).toHaveLength(1);
    expect(warehouse.simulator.labelsFor(neverMade)).toHaveLength(1);
    const prints = await warehouse.prints([made, neverMade]);
    expect(prints.unprinted).toEqual([]);
    for (const label of warehouse.labels([made, neverMade]).entries) {
      expect(prints.printedAt.get(label.trackingNumber)).toEqual(['Bench B']);
    }
    for (const orderNumber of [made, neverMade]) {
      expect(await claimOf(orderNumber)).toEqual({ station_name: 'Bench B', state: 'labelled' });
    }

    // A's and C's next lives find their jobs; the warehouse says B has the orders.
    await Promise.all([a.start(), c.start()]);
    for (const [station, orderNumber] of [
      [a, made],
      [c, neverMade],
    ] as const) {
      const left = await station.settled(60_000);
      expect(left.map((job) => [job.orderNumber, job.lastError?.key])).toEqual([
        [orderNumber, 'claims.labelledAt'],
      ]);
      expect(station.printer.jobs).toHaveLength(0);
    }
    expect(warehouse.labels([made, neverMade]).total).toBe(2);

    const ledger = await until(
      'the ledger to be complete',
      30_000,
      async () => {
        const truth = await warehouse.ledger();
        return truth.complete ? truth : null;
      },
      500,
    );
    expect(ledger.parcelsTwice).toEqual({});
    expect(ledger.ordersTwice).toEqual({});
  });

  it('sends a batch the warehouse committed before the kill again, and the ledger has it once', async () => {
    const alone = orderNumbers.slice(5, 13);
    warehouse.cluster.stop();
    await until('A to work alone', 30_000, async () =>
      (await a.link()) === 'alone' ? true : null,
    );
    for (const orderNumber of alone) {
      const entry = await scanAnswered(a, orderNumber);
      expect(['printed', 'queued'], orderNumber).toContain(entry.state);
    }
    // Alone, A keeps to its share of the write budget: a scan may wait its turn, then prints.
    await a.settled(120_000);
    {
      const db = new Database(path.join(a.dataDir, 'packdesk.sqlite'), { readonly: true });
      try {
        const printed = db
          .prepare(
            `SELECT order_number AS n FROM shipments WHERE printed_at IS NOT NULL
             AND order_number IN (${alone.map(() => '?').join(',')})`,
          )
          .all(...alone) as { n: string }[];
        expect(printed.map((row) => row.n).sort()).toEqual([...alone].sort());
      } finally {
        db.close();
      }
    }
    const stationId = await (async () => {
      // Read while PostgreSQL is down: the id is in A's own database.
      const db = new Database(path.join(a.dataDir, 'packdesk.sqlite'), { readonly: true });
      try {
        return (
          db.prepare(`SELECT value FROM settings WHERE key = 'station.id'`).get() as {
            value: string;
          }
        ).value;
      } finally {
        db.close();
      }
    })();

    // Hold A's SQLite write lock: A's first write after PostgreSQL is back blocks (its busy
    // timeout is 5 s), and the first write of replication is marking the batch it sent.
    const lock = new Database(path.join(a.dataDir, 'packdesk.sqlite'));
    lock.pragma('busy_timeout = 5000');
    let pendingBefore: number;
    let sentBefore: number;
    try {
      pendingBefore = (
        lock
          .prepare('SELECT count(*) AS n FROM ledger_outbox WHERE replicated_at IS NULL')
          .get() as { n: number }
      ).n;
      expect(pendingBefore).toBeGreaterThan(0);
      lock.exec('BEGIN IMMEDIATE');
      warehouse.cluster.start();
      sentBefore = await until(
        'the warehouse to commit a batch of A',
        30_000,
        async () => {
          const rows = await warehouse
            .sql<{ n: number }>(
              'select count(*)::int as n from ledger_events where station_id = $1',
              [stationId],
            )
            .catch(() => null);
          return rows && (rows[0]?.n ?? 0) > 0 ? (rows[0]?.n ?? 0) : null;
        },
        20,
      );
      await a.kill();
    } finally {
      if (lock.inTransaction) lock.exec('ROLLBACK');
      lock.close();
    }
    // Killed between the warehouse's commit and A's mark: the rows are in both, unmarked in A.
    expect(sentBefore).toBeGreaterThan(0);
    const db = new Database(path.join(a.dataDir, 'packdesk.sqlite'), { readonly: true });
    const pendingAfterKill = (
      db.prepare('SELECT count(*) AS n FROM ledger_outbox WHERE replicated_at IS NULL').get() as {
        n: number;
      }
    ).n;
    db.close();
    expect(pendingAfterKill).toBe(pendingBefore);

    await a.start();
    const ledger = await warehouse.settledLedger(60_000);
    expect(ledger.stations).toEqual([
      expect.objectContaining({ station: 'Bench A', missing: [], extra: [], pending: 0 }),
      expect.objectContaining({ station: 'Bench B', missing: [], extra: [], pending: 0 }),
      expect.objectContaining({ station: 'Bench C', missing: [], extra: [], pending: 0 }),
    ]);
    for (const station of ledger.stations) expect(station.ledgerEvents).toBe(station.outboxRows);
    expect(ledger.parcelsTwice).toEqual({});
    expect(ledger.ordersTwice).toEqual({});
    expect(warehouse.labels(alone).doubled).toEqual({});
    expect(warehouse.labels(alone).missing).toEqual([]);
    for (const station of [a, b, c]) expect(station.unexpectedExits).toEqual([]);
  });
});
