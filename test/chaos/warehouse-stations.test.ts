// Issue 14: three stations, one Sendcloud account, one warehouse PostgreSQL. Every order is scanned
// at two stations at nearly the same moment (two packers grabbed the same slip) with Sendcloud's
// faults on, and once more at the third station after it was labelled. The truth is outside the
// stations: Sendcloud's ledger (one label per order), the printers' jobs (each label printed once)
// and the simulator's answers (no 429: the stations share one write budget).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppErrorData, DaySummary, JobView, ScanEntry } from '../../src-shared';
import { createRandom } from '../../src-main/simulator/prng';
import {
  chaosFaults,
  inParallel,
  localDay,
  scanAnswered,
  startWarehouse,
  until,
  type Warehouse,
  type WarehouseStation,
} from './warehouse-harness';

const ORDERS = 100;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The station took the scan: its label is on its way or printed. */
const took = (entry: ScanEntry) => entry.state === 'queued' || entry.state === 'printed';
/** The station refused it because the order is (being) labelled: here or at another station. */
const labelledElsewhere = (entry: ScanEntry) =>
  entry.state === 'failed' && entry.error?.code === 'already-labelled';

/**
 * Why the station refused the scan: at once (the answer says it), or once its job came to it (a
 * scan answered `queued` before the job asked the warehouse).
 */
async function refusal(station: WarehouseStation, entry: ScanEntry): Promise<AppErrorData | null> {
  if (entry.state === 'failed') return entry.error;
  if (!entry.jobId) return null;
  return until(
    `${entry.code}'s job at ${station.name}`,
    60_000,
    async () => {
      const queue = await station.command<JobView[]>('queue.list', {});
      const job = queue.ok ? queue.value.find((j) => j.id === entry.jobId) : undefined;
      if (!job) return { code: 'unknown', key: 'done', params: {} } as unknown as AppErrorData;
      return job.state === 'needs-attention' ? job.lastError : null;
    },
    250,
  );
}

describe('three stations in one warehouse', () => {
  let warehouse: Warehouse;
  let orderNumbers: string[] = [];

  beforeAll(async () => {
    warehouse = await startWarehouse({
      stations: ['Table 1', 'Table 2', 'Table 3'],
      seed: 14,
      orders: ORDERS,
      faults: chaosFaults,
    });
    orderNumbers = warehouse.simulator
      .orders()
      .slice(0, ORDERS)
      .map((order) => order.order_number);
  }, 300_000);

  afterAll(async () => {
    await warehouse?.close();
  });

  it('labels 100 orders scanned 300 times once each, prints each once, and no station gets a 429', async () => {
    const { stations } = warehouse;
    const random = createRandom(14);
    const jitter = orderNumbers.map(() => random.int(0, 25));
    const firstAnswers: ScanEntry[][] = [];

    // Two packers scan the same slip at two stations within a few milliseconds. A scan that
    // fails for Sendcloud's faults (the order could not be read) is scanned again, as a packer
    // seeing red would; until one of the two stations has the order.
    await inParallel(orderNumbers, 6, async (orderNumber, index) => {
      const first = stations[index % 3] as WarehouseStation;
      const second = stations[(index + 1) % 3] as WarehouseStation;
      const answers = await Promise.all([
        scanAnswered(first, orderNumber),
        sleep(jitter[index] ?? 0).then(() => scanAnswered(second, orderNumber)),
      ]);
      firstAnswers[index] = answers;
      while (!answers.some(took) && !answers.some(labelledElsewhere)) {
        await sleep(250);
        answers[0] = await scanAnswered(first, orderNumber);
      }
    });

    // Sendcloud's faults stop; every station finishes what it took. What is left waits for a
    // person only because another station has the order.
    warehouse.simulator.faults.reset();
    const left = (await Promise.all(stations.map((station) => station.settled(180_000)))).flat();
    expect(left.filter((job) => job.lastError?.code !== 'already-labelled')).toEqual([]);

    const labels = warehouse.labels(orderNumbers);
    expect(labels.missing).toEqual([]);
    expect(labels.doubled).toEqual({});
    expect(labels.total).toBe(ORDERS);

    const prints = await warehouse.prints(orderNumbers);
    expect(prints.unprinted).toEqual([]);
    expect(prints.reprinted).toEqual({});
    expect(prints.stray).toBe(0);

    expect(warehouse.rateLimited()).toBe(0);

    // The third scan, at the station that had neither: told where the order was labelled.
    const labelledAt = new Map(
      labels.entries.map((entry) => [
        entry.orderNumber,
        prints.printedAt.get(entry.trackingNumber)?.[0] ?? '?',
      ]),
    );
    await inParallel(orderNumbers, 6, async (orderNumber, index) => {
      const third = stations[(index + 2) % 3] as WarehouseStation;
      const said = await refusal(third, await scanAnswered(third, orderNumber));
      const tracking = labels.entries.find((e) => e.orderNumber === orderNumber)?.trackingNumber;
      expect(said, `${orderNumber} at ${third.name}`).toEqual({
        code: 'already-labelled',
        key: 'claims.labelledAt',
        params: { station: labelledAt.get(orderNumber), tracking },
      });
    });
    // Refused, not labelled: still one label each, nothing more printed.
    expect(warehouse.labels(orderNumbers).total).toBe(ORDERS);
    expect((await warehouse.prints(orderNumbers)).reprinted).toEqual({});

    // Every station's Day screen counts the warehouse's 100 (replication may take a moment).
    const day = localDay();
    for (const station of stations) {
      const summary = await until(
        `${station.name}'s day to count 100`,
        60_000,
        async () => {
          const result = await station.command<DaySummary>('day.summary', { day });
          return result.ok && result.value.counts.made === ORDERS ? result.value : null;
        },
        500,
      ).catch(async () => {
        const result = await station.command<DaySummary>('day.summary', { day });
        return result.ok ? result.value : null;
      });
      expect(summary?.counts.made, station.name).toBe(ORDERS);
      expect(summary?.counts.printed, station.name).toBe(ORDERS);
    }
    for (const station of stations) expect(station.unexpectedExits).toEqual([]);
  });
});
