// Issue 14: the warehouse's PostgreSQL stopped in the middle of a run and started again. The
// stations go on scanning and printing alone (claims unverified, each within its share of the
// write budget), nothing is labelled twice, and once PostgreSQL is back the ledger is complete:
// every station's shipments and events in it, once each, and every claim verified.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanEntry } from '../../src-shared';
import {
  chaosFaults,
  inParallel,
  scanAnswered,
  startWarehouse,
  until,
  type Warehouse,
  type WarehouseStation,
} from './warehouse-harness';

const ORDERS = 40;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const took = (entry: ScanEntry) => entry.state === 'queued' || entry.state === 'printed';

describe('the warehouse database stopped mid-run', () => {
  let warehouse: Warehouse;
  let orderNumbers: string[] = [];
  let a: WarehouseStation;
  let b: WarehouseStation;

  beforeAll(async () => {
    warehouse = await startWarehouse({
      stations: ['Dock A', 'Dock B'],
      seed: 15,
      orders: ORDERS,
      faults: chaosFaults,
    });
    [a, b] = warehouse.stations as [WarehouseStation, WarehouseStation];
    orderNumbers = warehouse.simulator
      .orders()
      .slice(0, ORDERS)
      .map((order) => order.order_number);
  }, 300_000);

  afterAll(async () => {
    await warehouse?.close();
  });

  /** Scan at `station` until it takes the order (a fault's red screen is scanned again). */
  const scanTaken = async (station: WarehouseStation, orderNumber: string) => {
    for (;;) {
      const entry = await scanAnswered(station, orderNumber);
      if (took(entry) || entry.error?.code === 'already-labelled') return entry;
      await sleep(250);
    }
  };
  /** The same slip at both stations at once, until one of them has it. */
  const scanBoth = async (orderNumber: string) => {
    const answers = await Promise.all([scanAnswered(a, orderNumber), scanAnswered(b, orderNumber)]);
    if (!answers.some(took) && !answers.some((e) => e.error?.code === 'already-labelled')) {
      await scanTaken(a, orderNumber);
    }
  };
  const settled = async () => {
    const left = (await Promise.all([a.settled(180_000), b.settled(180_000)])).flat();
    expect(left.filter((job) => job.lastError?.code !== 'already-labelled')).toEqual([]);
  };

  it('goes on scanning while PostgreSQL is down, labels nothing twice, and the ledger is complete after', async () => {
    const before = orderNumbers.slice(0, 10);
    const during = orderNumbers.slice(10, 30);
    const after = orderNumbers.slice(30);

    // Connected: the same slips at both stations.
    await inParallel(before, 4, scanBoth);
    await settled();
    expect(warehouse.labels(before).total).toBe(before.length);

    // PostgreSQL goes away; both stations say they work alone.
    warehouse.cluster.stop();
    for (const station of [a, b]) {
      await until(`${station.name} to work alone`, 30_000, async () =>
        (await station.link()) === 'alone' ? true : null,
      );
    }

    // Alone: each slip at one station, and they print.
    await inParallel(during, 4, (orderNumber, index) =>
      scanTaken(index % 2 === 0 ? a : b, orderNumber).then(() => undefined),
    );
    await settled();
    const alone = warehouse.labels(during);
    expect(alone.missing).toEqual([]);
    expect(alone.doubled).toEqual({});
    expect((await warehouse.prints(during)).unprinted).toEqual([]);
    expect(await a.link()).toBe('alone');

    // Back: the stations connect again and the same slips at both stations once more.
    warehouse.cluster.start();
    for (const station of [a, b]) {
      await until(`${station.name} to connect again`, 60_000, async () =>
        (await station.link()) === 'connected' ? true : null,
      );
    }
    await inParallel(after, 4, scanBoth);
    warehouse.simulator.faults.reset();
    await settled();

    const labels = warehouse.labels(orderNumbers);
    expect(labels.missing).toEqual([]);
    expect(labels.doubled).toEqual({});
    const prints = await warehouse.prints(orderNumbers);
    expect(prints.unprinted).toEqual([]);
    expect(prints.reprinted).toEqual({});
    expect(warehouse.rateLimited()).toBe(0);

    // The ledger: every station's shipments and events, each once, nothing left to send.
    const ledger = await warehouse.settledLedger(60_000);
    expect(ledger.stations).toEqual(
      [a, b].map((station) =>
        expect.objectContaining({ station: station.name, missing: [], extra: [], pending: 0 }),
      ),
    );
    for (const station of ledger.stations) expect(station.ledgerEvents).toBe(station.outboxRows);
    expect(ledger.parcelsTwice).toEqual({});
    expect(ledger.ordersTwice).toEqual({});
    const parcels = await warehouse.sql<{ n: number }>(
      'select count(distinct parcel_id)::int as n from ledger_shipments',
    );
    expect(parcels[0]?.n).toBe(ORDERS);

    // Every claim is labelled and verified: the ones made alone were reconciled.
    const claims = await until(
      'the claims made alone to be reconciled',
      60_000,
      async () => {
        const rows = await warehouse.sql<{
          order_number: string;
          state: string;
          verified: boolean;
        }>('select order_number, state, verified from claims');
        return rows.length === ORDERS &&
          rows.every((row) => row.state === 'labelled' && row.verified)
          ? rows
          : null;
      },
      500,
    ).catch(() =>
      warehouse.sql<{ order_number: string; state: string; verified: boolean }>(
        'select order_number, state, verified from claims',
      ),
    );
    expect(claims.filter((row) => row.state !== 'labelled' || !row.verified)).toEqual([]);
    expect(claims.map((row) => row.order_number).sort()).toEqual([...orderNumbers].sort());
    for (const station of [a, b]) expect(station.unexpectedExits).toEqual([]);
  });

  it('does not label again, while alone, an order another station labelled before', async () => {
    const before = orderNumbers.slice(0, 10);
    const prints = await warehouse.prints(before);
    warehouse.cluster.stop();
    for (const station of [a, b]) {
      await until(`${station.name} to work alone`, 30_000, async () =>
        (await station.link()) === 'alone' ? true : null,
      );
    }
    // Each order at the station that did not label it: it has no shipment of its own for it.
    await inParallel(before, 4, async (orderNumber) => {
      const label = warehouse.simulator.labelsFor(orderNumber)[0];
      const labelledAt = label ? prints.printedAt.get(label.trackingNumber)?.[0] : undefined;
      const other = labelledAt === a.name ? b : a;
      await scanAnswered(other, orderNumber);
    });
    await settled();
    expect(warehouse.labels(before).doubled).toEqual({});
    warehouse.cluster.start();
  });
});
