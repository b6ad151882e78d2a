// Issue 14: a station SIGKILLed in the middle of a claim, and in the middle of replication.
//
// A claim: station A claims two orders in PostgreSQL and dies before Sendcloud's answer reaches
// it; for one Sendcloud made the label anyway (the request had arrived), for the other it never
// did. Station B is told "being labelled at A" while A's claim is fresh, takes the claims over
// once A has not been seen for the claim timeout, and finds A's label in Sendcloud rather than
// make a second one. A, started again, labels neither.
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
  let orderNumbers: string[] = [];

  beforeAll(async () => {
    warehouse = await startWarehouse({
      stations: ['Bench A', 'Bench B'],
      seed: 16,
      orders: 20,
      // Longer than the 3 s Sendcloud takes below: A must not give up and ask again.
      sendcloudTimeoutMs: 10_000,
    });
    [a, b] = warehouse.stations as [WarehouseStation, WarehouseStation];
    orderNumbers = warehouse.simulator.orders().map((order) => order.order_number);
  }, 120_000);

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

  it("takes a dead station's claims over only after the timeout, and finds the label it made", async () => {
    const [made, neverMade] = orderNumbers as [string, string];

    // A's create-label for `made` arrives and waits 3 s before Sendcloud makes it; A is killed
    // in that wait. For `neverMade` every create-label is reset before anything is made.
    warehouse.simulator.faults.set({ latencyMs: 3_000, only: CREATE_LABEL });
    void a.scan(made);
    await until(`A's claim of ${made}`, 20_000, async () =>
      (await claimOf(made))?.station_name === 'Bench A' ? true : null,
    );
    await sleep(300); // the request is at Sendcloud, in its latency
    warehouse.simulator.faults.set({ latencyMs: 0, resetRate: 1, only: CREATE_LABEL });
    void a.scan(neverMade);
    await until(`A's claim of ${neverMade}`, 20_000, async () =>
      (await claimOf(neverMade))?.station_name === 'Bench A' ? true : null,
    );
    await a.kill();
    const killedAt = Date.now();
    warehouse.simulator.faults.reset();
    // Sendcloud made the first label, and A never heard of it.
    await until(`Sendcloud to make ${made}'s label`, 10_000, () =>
      warehouse.simulator.labelsFor(made).length === 1 ? true : null,
    );
    expect(warehouse.simulator.labelsFor(neverMade)).toHaveLength(0);
    expect(a.printer.jobs).toHaveLength(0);

    // While A's claims are fresh, B is told where the orders are being labelled.
    for (const orderNumber of [made, neverMade]) {
      const said = await refusal(b, await scanAnswered(b, orderNumber));
      expect(said).toMatchObject({
        code: 'already-labelled',
        key: 'claims.labellingAt',
        params: { station: 'Bench A' },
      });
    }
    expect(warehouse.simulator.labelsFor(neverMade)).toHaveLength(0);

    // A has been gone longer than the claim timeout: B takes both over.
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

    // A's next life finds its jobs for both orders; the warehouse says B has them.
    await a.start();
    await a.settled(60_000);
    const queue = await a.command<{ orderNumber: string; lastError: { key: string } | null }[]>(
      'queue.list',
      {},
    );
    expect(queue.ok && queue.value.map((job) => [job.orderNumber, job.lastError?.key])).toEqual(
      expect.arrayContaining([
        [made, 'claims.labelledAt'],
        [neverMade, 'claims.labelledAt'],
      ]),
    );
    expect(warehouse.labels([made, neverMade]).total).toBe(2);
    expect(a.printer.jobs).toHaveLength(0);

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
      expect(entry.state, orderNumber).toBe('printed');
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
    const ledger = await until(
      'the ledger to be complete',
      60_000,
      async () => {
        const truth = await warehouse.ledger();
        return truth.complete ? truth : null;
      },
      500,
    ).catch(() => warehouse.ledger());
    expect(ledger.stations).toEqual([
      expect.objectContaining({ station: 'Bench A', missing: [], extra: [], pending: 0 }),
      expect.objectContaining({ station: 'Bench B', missing: [], extra: [], pending: 0 }),
    ]);
    for (const station of ledger.stations) expect(station.ledgerEvents).toBe(station.outboxRows);
    expect(ledger.parcelsTwice).toEqual({});
    expect(ledger.ordersTwice).toEqual({});
    expect(warehouse.labels(alone).doubled).toEqual({});
    expect(warehouse.labels(alone).missing).toEqual([]);
    for (const station of [a, b]) expect(station.unexpectedExits).toEqual([]);
  });
});
