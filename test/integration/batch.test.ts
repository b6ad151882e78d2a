// Batch labels against the simulator over real HTTP, a real SQLite file and a real TCP printer:
// create-labels-async and bulk documents, the chosen print order on the printer, partial
// refusals, a scan during a batch.
import { afterEach, describe, expect, it } from 'vitest';
import type { BatchDetails, BatchSort, OpenOrderRow } from '../../src-shared';
import { startVirtualPrinter, type VirtualPrinter } from '../../src-main/printing/virtual-printer';
import { startSimulator, type Simulator } from '../../src-main/simulator/index';
import { createStation, type Station } from '../../src-main/station';
import { renderZplToPng } from '../../src-main/zpl-render';
import { decodeBarcodes } from '../helpers/barcode';
import { tempDir } from '../helpers/tmp';

interface BatchRig {
  station: Station;
  simulator: Simulator;
  printer: VirtualPrinter;
  open(): Promise<OpenOrderRow[]>;
  /** Run a batch of these orders to its end; returns its details. */
  run(orderRefs: string[], sort: BatchSort, chunkSize?: number): Promise<BatchDetails>;
  untilDone(id: string): Promise<BatchDetails>;
}

const rigs: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const rig of rigs.splice(0).reverse()) await rig.close();
});

async function startBatchRig(orderCount: number): Promise<BatchRig> {
  const data = tempDir();
  const simulator = await startSimulator({
    orderCount,
    asyncLabelDelayMs: 300,
    validateResponses: true,
  });
  const printer = await startVirtualPrinter();
  const station = await createStation({
    settings: {
      dataDir: data.dir,
      sendcloud: { url: simulator.url, ...simulator.keys },
      integrationId: null,
      sendcloudTimeoutMs: 10_000,
      printer: { host: '127.0.0.1', port: printer.port },
    },
  });
  rigs.push({
    async close() {
      await station.close();
      await printer.close();
      await simulator.close();
      data.cleanup();
    },
  });
  await station.handlers['orders.sync']({});
  const untilDone = async (id: string) => {
    for (;;) {
      const details = await station.handlers['batch.details']({ id });
      if (details.state === 'done' || details.state === 'cancelled') return details;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  return {
    station,
    simulator,
    printer,
    open: async () => (await station.handlers['batch.openOrders']({})).rows,
    async run(orderRefs, sort, chunkSize) {
      const started = await station.handlers['batch.start']({
        orderRefs,
        sort,
        ...(chunkSize ? { chunkSize } : {}),
      });
      return untilDone(started.batch.id);
    },
    untilDone,
  };
}

/** Every label the printer received, in order, as the tracking number its barcode reads. */
async function printedTrackingNumbers(printer: VirtualPrinter): Promise<string[]> {
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

describe('a batch of labels', () => {
  it('prints 45 orders of three carriers, one a PDF-only one, in the order chosen', async () => {
    const rig = await startBatchRig(80);
    const open = await rig.open();
    // 45 orders, as many PDF-only carrier (Colissimo) orders as there are among them.
    const colissimo = open.filter((row) => row.carrier === 'colissimo');
    const others = open.filter((row) => row.carrier !== 'colissimo');
    const chosen = [...colissimo.slice(0, 10), ...others].slice(0, 45);
    expect(new Set(chosen.map((row) => row.carrier)).size).toBeGreaterThanOrEqual(3);
    expect(chosen.some((row) => row.carrier === 'colissimo')).toBe(true);

    const sort: BatchSort = { field: 'country', direction: 'desc' };
    const done = await rig.run(
      chosen.map((row) => row.orderRef),
      sort,
      20,
    );

    expect(done.counts).toMatchObject({ total: 45, made: 45, printed: 45, failed: 0 });
    // The batch's order is the sort: country descending, then order number.
    const expectedOrder = [...chosen]
      .sort((a, b) =>
        a.country === b.country
          ? b.orderNumber.localeCompare(a.orderNumber, 'en', { numeric: true })
          : (b.country ?? '').localeCompare(a.country ?? ''),
      )
      .map((row) => row.orderNumber);
    expect(done.orders.map((o) => o.orderNumber)).toEqual(expectedOrder);
    // What came out of the printer, read back, is that order: no label missing or doubled.
    expect(await printedTrackingNumbers(rig.printer)).toEqual(
      done.orders.map((o) => o.trackingNumber),
    );
    // In chunks of at most 20 labels, never one 45-label job.
    expect(rig.printer.jobs.length).toBeGreaterThanOrEqual(3);
    // Exactly one label per order at Sendcloud, made through the async endpoint.
    for (const row of chosen) {
      const made = rig.simulator.labelsFor(row.orderNumber);
      expect(made).toHaveLength(1);
    }
    const asyncCalls = rig.simulator.requests.filter(
      (r) => r.method === 'POST' && r.path.endsWith('/orders/create-labels-async'),
    );
    expect(asyncCalls.length).toBeLessThanOrEqual(Math.ceil(45 / 20) + 1);
    expect(rig.simulator.violations).toEqual([]);
  }, 120_000);
});
