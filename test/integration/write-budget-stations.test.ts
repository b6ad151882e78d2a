// Three real stations of one warehouse (each its own SQLite, printer and Sendcloud limiter, as
// three processes have) scan at once on one Sendcloud account, the simulator holding them to
// its documented limits: the shared write budget keeps them from a single 429.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { scaledClock } from '../../src-main/clock';
import { setLogSink } from '../../src-main/log';
import { startVirtualPrinter, type VirtualPrinter } from '../../src-main/printing/virtual-printer';
import { createRateLimiter } from '../../src-main/sendcloud/rate-limit';
import { startSimulator, type Simulator } from '../../src-main/simulator/index';
import { createStation, type Station } from '../../src-main/station';
import { freshDatabase } from '../helpers/pg';
import { tempDir } from '../helpers/tmp';

const STATIONS = 3;
const SCANS_EACH = 20;

beforeAll(() => setLogSink({ write: () => undefined }, 'error'));

describe('stations sharing one account through the warehouse', () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const step of cleanup.reverse()) await step();
    cleanup.length = 0;
  });

  it('label everything the three of them scan at once, with no 429 from Sendcloud', async () => {
    // Real time: on a faster clock the stations' own work (all three on this event loop) would
    // count that many times over, and they would no longer write faster than the budget.
    const clock = scaledClock(1);
    const simulator: Simulator = await startSimulator({
      clock,
      orderCount: STATIONS * SCANS_EACH,
    });
    cleanup.push(() => simulator.close());
    const db = await freshDatabase();
    cleanup.push(() => db.drop());

    const stations: { station: Station; printer: VirtualPrinter }[] = [];
    for (let i = 0; i < STATIONS; i++) {
      const printer = await startVirtualPrinter();
      const data = tempDir();
      const station = await createStation({
        clock,
        settings: {
          dataDir: data.dir,
          sendcloud: { url: simulator.url, ...simulator.keys },
          integrationId: simulator.integrationId,
          sendcloudTimeoutMs: 30_000,
          printer: { host: '127.0.0.1', port: printer.port },
          stationName: `Table ${i + 1}`,
          warehouseDb: db.url,
        },
        // A limiter of its own, as a station in its own process has (one process shares one).
        sendcloudClient: { limiter: createRateLimiter({ clock }) },
        syncIntervalMs: 0,
        trackingIntervalMs: 0,
      });
      cleanup.push(async () => {
        await station.close();
        await printer.close();
        data.cleanup();
      });
      await station.handlers['orders.sync']({});
      stations.push({ station, printer });
    }

    const orders = simulator.accounts[0]!.orders().map((order) => order.order_number);
    expect(orders.length).toBe(STATIONS * SCANS_EACH);
    const before = simulator.requests.length;
    await Promise.all(
      stations.map(({ station }, i) =>
        Promise.all(
          orders
            .slice(i * SCANS_EACH, (i + 1) * SCANS_EACH)
            .map((code) => station.handlers['scan.submit']({ code })),
        ),
      ),
    );
    await Promise.all(stations.map(({ printer }) => printer.waitForJobs(SCANS_EACH, 60_000)));

    const during = simulator.requests.slice(before);
    expect(during.filter((request) => request.status === 429)).toEqual([]);
    const labels = simulator.ledger.map((entry) => entry.orderNumber);
    expect(new Set(labels).size).toBe(orders.length);
    expect(labels.length).toBe(orders.length);
  }, 90_000);
});
