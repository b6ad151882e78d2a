// A station with a batch to run: the simulator over real HTTP (optionally behind a proxy that
// can cut the connection), a real SQLite file and a real TCP printer, and the barcodes of what
// the printer received read back in order.
import type { BatchDetails, BatchSort, OpenOrderRow } from '../../src-shared';
import { startVirtualPrinter, type VirtualPrinter } from '../../src-main/printing/virtual-printer';
import {
  startSimulator,
  type Simulator,
  type SimulatorOptions,
} from '../../src-main/simulator/index';
import { createStation, type Station } from '../../src-main/station';
import { renderZplToPng } from '../../src-main/zpl-render';
import { decodeBarcodes } from './barcode';
import { startCuttableProxy, type CuttableProxy } from './proxy';
import { tempDir } from './tmp';

export interface BatchRig {
  station: Station;
  simulator: Simulator;
  printer: VirtualPrinter;
  /** Between the station and the simulator, when asked for. */
  proxy: CuttableProxy | null;
  open(): Promise<OpenOrderRow[]>;
  /** Start a batch of these orders; returns its id. */
  start(orderRefs: string[], sort: BatchSort, chunkSize?: number): Promise<string>;
  /** Run a batch of these orders to its end; returns its details. */
  run(orderRefs: string[], sort: BatchSort, chunkSize?: number): Promise<BatchDetails>;
  details(id: string): Promise<BatchDetails>;
  /** Until the batch is done or cancelled and nothing of it is left to do. */
  untilDone(id: string): Promise<BatchDetails>;
  close(): Promise<void>;
}

export interface BatchRigOptions {
  orderCount: number;
  simulator?: Omit<SimulatorOptions, 'orderCount'>;
  /** Put a cuttable proxy between the station and the simulator. */
  proxy?: boolean;
}

export async function startBatchRig(options: BatchRigOptions): Promise<BatchRig> {
  const data = tempDir();
  const simulator = await startSimulator({
    asyncLabelDelayMs: 300,
    validateResponses: true,
    ...options.simulator,
    orderCount: options.orderCount,
  });
  const proxy = options.proxy ? await startCuttableProxy(simulator.url) : null;
  const printer = await startVirtualPrinter();
  const station = await createStation({
    probeIntervalMs: 100,
    settings: {
      dataDir: data.dir,
      sendcloud: { url: proxy?.url ?? simulator.url, ...simulator.keys },
      integrationId: null,
      sendcloudTimeoutMs: 10_000,
      printer: { host: '127.0.0.1', port: printer.port },
    },
  });
  await station.handlers['orders.sync']({});
  const details = (id: string) => station.handlers['batch.details']({ id });
  const untilDone = async (id: string) => {
    for (;;) {
      const now = await details(id);
      const finished = now.state === 'done' || now.state === 'cancelled';
      if (finished && now.reprinting === null) return now;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const start = async (orderRefs: string[], sort: BatchSort, chunkSize?: number) => {
    const started = await station.handlers['batch.start']({
      orderRefs,
      sort,
      ...(chunkSize ? { chunkSize } : {}),
    });
    return started.batch.id;
  };
  return {
    station,
    simulator,
    printer,
    proxy,
    open: async () => (await station.handlers['batch.openOrders']({})).rows,
    start,
    run: async (orderRefs, sort, chunkSize) => untilDone(await start(orderRefs, sort, chunkSize)),
    details,
    untilDone,
    async close() {
      await station.close();
      await printer.close();
      await proxy?.close();
      await simulator.close();
      data.cleanup();
    },
  };
}

/** Every label the printer received, in order, as the tracking number its barcode reads. */
export async function printedTrackingNumbers(printer: VirtualPrinter): Promise<string[]> {
  const labels = printer.jobs.flatMap(
    (job) => job.bytes.toString('latin1').match(/\^XA[\s\S]*?\^XZ/g) ?? [],
  );
  const found: string[] = [];
  for (const label of labels) {
    const codes = await decodeBarcodes(await renderZplToPng(Buffer.from(label, 'latin1'), 203));
    found.push(codes[0] ?? '(unreadable)');
  }
  return found;
}
