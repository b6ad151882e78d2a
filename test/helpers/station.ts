import type { ScanEntry } from '../../src-shared';
import type { Clock } from '../../src-main/clock';
import { startVirtualPrinter, type VirtualPrinter } from '../../src-main/printing/virtual-printer';
import {
  startSimulator,
  type Simulator,
  type SimulatorOptions,
} from '../../src-main/simulator/index';
import { createStation, type Station } from '../../src-main/station';
import { tempDir } from './tmp';

export interface StationRig {
  station: Station;
  simulator: Simulator;
  printer: VirtualPrinter;
  dataDir: string;
  /** Every scan.updated event, in order. */
  events: ScanEntry[];
  scan(code: string): Promise<ScanEntry>;
  close(): Promise<void>;
}

/**
 * The real Station with a real SQLite file in a temporary folder, the simulator over real
 * HTTP, and a real TCP listener as the printer: nothing in between is faked.
 */
export async function startStationRig(
  options: {
    printerPort?: number;
    orderCount?: number;
    clock?: Clock;
    /** More for the simulator (service-point orders, spec checks on answers). */
    simulator?: SimulatorOptions;
    /** The warehouse's PostgreSQL (as PACKDESK_WAREHOUSE_DB gives it); unset: a single station. */
    warehouseDb?: string;
  } = {},
): Promise<StationRig> {
  const data = tempDir();
  const simulator = await startSimulator({
    ...(options.orderCount ? { orderCount: options.orderCount } : {}),
    ...options.simulator,
  });
  const printer = await startVirtualPrinter();
  const station = await createStation({
    ...(options.clock ? { clock: options.clock } : {}),
    settings: {
      dataDir: data.dir,
      sendcloud: { url: simulator.url, ...simulator.keys },
      integrationId: null,
      sendcloudTimeoutMs: 30_000,
      printer: { host: '127.0.0.1', port: options.printerPort ?? printer.port },
      ...(options.warehouseDb ? { warehouseDb: options.warehouseDb } : {}),
    },
  });
  const events: ScanEntry[] = [];
  station.subscribe((event, payload) => {
    if (event === 'scan.updated') events.push(payload as ScanEntry);
  });
  // The first order sync runs in the background; wait for it so scans resolve locally.
  await station.handlers['orders.sync']({});
  return {
    station,
    simulator,
    printer,
    dataDir: data.dir,
    events,
    scan: (code) => station.handlers['scan.submit']({ code }),
    async close() {
      await station.close();
      await printer.close();
      await simulator.close();
      data.cleanup();
    },
  };
}
