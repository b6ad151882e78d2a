import fs from 'node:fs';
import path from 'node:path';
import type {
  Connectivity,
  EventMap,
  EventName,
  JobView,
  ScanEntry,
  ScanState,
} from '../../src-shared';
import { systemClock } from '../../src-main/clock';
import { startVirtualPrinter, type VirtualPrinter } from '../../src-main/printing/virtual-printer';
import {
  startSimulator,
  type RequestRecord,
  type Simulator,
  type SimulatorOptions,
  type SimOrder,
} from '../../src-main/simulator/index';
import { createStation, type Station } from '../../src-main/station';
import { manualClock, type ManualClock } from './clock';
import { startCuttableProxy, type CuttableProxy } from './proxy';
import { rawApi } from './raw-api';
import { tempDir } from './tmp';

const DB_FILES = ['packdesk.sqlite', 'packdesk.sqlite-wal'];

/**
 * Resolve with the first `event` pushed by `station` that `match` accepts. Subscribe before the
 * action that causes it. The guard only turns a hang into a readable failure.
 */
export function nextEvent<E extends EventName>(
  station: Station,
  event: E,
  match: (payload: EventMap[E]) => boolean,
  what: string,
  guardMs = 15_000,
): Promise<EventMap[E]> {
  return new Promise((resolve, reject) => {
    const guard = setTimeout(() => {
      unsubscribe();
      reject(new Error(`No ${event} event: ${what}`));
    }, guardMs);
    const unsubscribe = station.subscribe((name, payload) => {
      if ((name as EventName) !== event || !match(payload as unknown as EventMap[E])) return;
      clearTimeout(guard);
      unsubscribe();
      resolve(payload as unknown as EventMap[E]);
    });
  });
}

export interface OutboxRigOptions {
  /** Where the station prints; default the rig's virtual printer. */
  printerPort?: number;
  /** Default 1 s of station time. */
  probeIntervalMs?: number;
  /** Default 30 s, as the station's own default. */
  sendcloudTimeoutMs?: number;
  simulator?: SimulatorOptions;
}

export interface OutboxRig {
  /** The station running now; `restart` replaces it. */
  readonly station: Station;
  /**
   * The station's time: retries, backoff, probes, staleness. It moves only when a test says so.
   * The Sendcloud client keeps real time, so a timeout is a real timeout.
   */
  clock: ManualClock;
  simulator: Simulator;
  /** Between the station and the simulator: `cut()` takes Sendcloud away. */
  proxy: CuttableProxy;
  printer: VirtualPrinter;
  dataDir: string;
  /** Every push of the stations this rig ran, in order. */
  scans: ScanEntry[];
  connectivity: Connectivity[];
  scan(code: string): Promise<ScanEntry>;
  /** The first `count` seeded orders' numbers. */
  orderNumbers(count: number): string[];
  /** Place an order at Sendcloud (a shop's new order): the station's cache does not know it. */
  placeOrder(orderNumber: string): Promise<SimOrder>;
  queue(): Promise<JobView[]>;
  /** Resolve once the scan is in `state` (now or later), with what it looks like then. */
  scanReaches(
    id: string,
    state: ScanState,
    match?: (entry: ScanEntry) => boolean,
  ): Promise<ScanEntry>;
  /** Requests that reached the simulator with this method and path. */
  calls(method: string, path: string): RequestRecord[];
  /**
   * Copy the database files as a kill -9 at this instant would leave them, into a new folder.
   * Synchronous, so it can run inside an event listener at an exact step of a job.
   */
  crashCopy(): string;
  /** Stop the station (cleanly) and start a new one, on `dataDir` (default the same folder). */
  restart(options?: { dataDir?: string; printerPort?: number }): Promise<Station>;
  close(): Promise<void>;
}

export const CREATE_LABEL = '/api/v3/orders/create-label-sync';
export const SHIPMENTS = '/api/v3/shipments';

/**
 * The real Station on a real SQLite file, the simulator over HTTP behind a cuttable proxy, a
 * real TCP printer listener, and a manual clock for everything the outbox waits on.
 */
export async function startOutboxRig(options: OutboxRigOptions = {}): Promise<OutboxRig> {
  const folders = [tempDir()];
  const first = folders[0];
  if (!first) throw new Error('no data folder');
  const clock = manualClock(Date.now());
  const simulator = await startSimulator(options.simulator ?? {});
  const proxy = await startCuttableProxy(simulator.url);
  const printer = await startVirtualPrinter();
  const scans: ScanEntry[] = [];
  const connectivity: Connectivity[] = [];
  let dataDir = first.dir;
  let printerPort = options.printerPort ?? printer.port;

  const open = async (): Promise<Station> => {
    const station = await createStation({
      clock,
      sendcloudClient: { clock: systemClock },
      probeIntervalMs: options.probeIntervalMs ?? 1_000,
      settings: {
        dataDir,
        sendcloud: { url: proxy.url, ...simulator.keys },
        integrationId: null,
        sendcloudTimeoutMs: options.sendcloudTimeoutMs ?? 30_000,
        printer: { host: '127.0.0.1', port: printerPort },
      },
    });
    station.subscribe((event, payload) => {
      if (event === 'scan.updated') scans.push(payload as ScanEntry);
      if (event === 'connectivity.changed') connectivity.push(payload as Connectivity);
    });
    // The first order sync runs in the background; wait for it so scans resolve locally.
    await station.handlers['orders.sync']({});
    return station;
  };

  let station = await open();
  let closed = false;

  const rig: OutboxRig = {
    get station() {
      return station;
    },
    clock,
    simulator,
    proxy,
    printer,
    get dataDir() {
      return dataDir;
    },
    scans,
    connectivity,
    scan: (code) => station.handlers['scan.submit']({ code }),
    orderNumbers(count) {
      // Orders whose carrier makes native ZPL, so the printer receives the label's own bytes
      // (a PDF-only carrier's label is rasterised: see printing.test.ts).
      const orders = simulator
        .orders()
        .filter((order) => !order.shipping_option_code.startsWith('colissimo:'))
        .slice(0, count);
      if (orders.length < count) throw new Error(`the simulator has fewer than ${count} orders`);
      return orders.map((order) => order.order_number);
    },
    async placeOrder(orderNumber) {
      const saved = await rawApi(simulator).post('/api/v3/orders', [
        {
          order_id: orderNumber.toLowerCase(),
          order_number: orderNumber,
          order_details: {
            integration: { id: simulator.integrationId },
            status: { code: 'unshipped', message: 'Unshipped' },
            order_created_at: new Date().toISOString(),
            order_items: [
              {
                name: 'Mug',
                quantity: 1,
                total_price: { value: 25, currency: 'EUR' },
                measurement: { weight: { value: 0.4, unit: 'kg' } },
              },
            ],
          },
          payment_details: {
            total_price: { value: 25, currency: 'EUR' },
            status: { code: 'paid', message: 'Paid' },
          },
          shipping_address: {
            name: 'Emma Peeters',
            address_line_1: 'Meir',
            house_number: '1',
            postal_code: '2000',
            city: 'Antwerpen',
            country_code: 'BE',
          },
        },
      ]);
      if (saved.status !== 201) throw new Error(`placing ${orderNumber} answered ${saved.status}`);
      const order = simulator.orders().find((o) => o.order_number === orderNumber);
      if (!order) throw new Error(`${orderNumber} is not visible: set orderVisibilityDelayMs 0`);
      return order;
    },
    queue: () => station.handlers['queue.list']({}),
    async scanReaches(id, state, match = () => true) {
      const reached = (entry: ScanEntry) =>
        entry.id === id && entry.state === state && match(entry);
      const pushed = nextEvent(station, 'scan.updated', reached, `scan ${id} reaching ${state}`);
      const now = (await station.handlers['scan.recent']({ limit: 100 })).find(reached);
      return now ?? pushed;
    },
    calls: (method, pathname) =>
      simulator.requests.filter((r) => r.method === method && r.path === pathname),
    crashCopy() {
      const copy = tempDir('packdesk-crash-');
      folders.push(copy);
      for (const name of DB_FILES) {
        const from = path.join(dataDir, name);
        if (fs.existsSync(from)) fs.copyFileSync(from, path.join(copy.dir, name));
      }
      return copy.dir;
    },
    async restart(next = {}) {
      await station.close();
      dataDir = next.dataDir ?? dataDir;
      printerPort = next.printerPort ?? printerPort;
      station = await open();
      return station;
    },
    async close() {
      if (closed) return;
      closed = true;
      await station.close();
      await printer.close();
      await proxy.close();
      await simulator.close();
      for (const folder of folders) folder.cleanup();
    },
  };
  return rig;
}
