// Several boxes against the simulator over real HTTP (spec checks on), a real SQLite file and a
// real TCP printer: one shipment of three parcels through create-labels-async, three labels
// printed in box order, a void of one box cancelling all three, and a lost answer or a restart
// during the async request making no second shipment.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ScanEntry } from '../../src-shared';
import { startVirtualPrinter, type VirtualPrinter } from '../../src-main/printing/virtual-printer';
import { startSimulator, type Simulator } from '../../src-main/simulator/index';
import { createStation, type Station } from '../../src-main/station';
import { shipmentRecord } from '../../src-main/store/shipment-list';
import { renderZplToPng } from '../../src-main/zpl-render';
import { decodeBarcodes } from '../helpers/barcode';
import { rawApi } from '../helpers/raw-api';
import { tempDir } from '../helpers/tmp';

interface BoxesRig {
  readonly station: Station;
  simulator: Simulator;
  printer: VirtualPrinter;
  scans: ScanEntry[];
  restart(): Promise<void>;
  close(): Promise<void>;
}

const rigs: BoxesRig[] = [];
afterEach(async () => {
  for (const rig of rigs.splice(0).reverse()) await rig.close();
});

async function startBoxesRig(): Promise<BoxesRig> {
  const data = tempDir();
  // Labels made asynchronously come some time after the answer, as at Sendcloud.
  const simulator = await startSimulator({
    orderCount: 12,
    validateResponses: true,
    asyncLabelDelayMs: 600,
  });
  const printer = await startVirtualPrinter();
  const scans: ScanEntry[] = [];
  const open = async () => {
    const station = await createStation({
      probeIntervalMs: 100,
      settings: {
        dataDir: data.dir,
        sendcloud: { url: simulator.url, ...simulator.keys },
        integrationId: null,
        sendcloudTimeoutMs: 10_000,
        printer: { host: '127.0.0.1', port: printer.port },
      },
    });
    station.subscribe((event, payload) => {
      if (event === 'scan.updated') scans.push(payload as ScanEntry);
    });
    return station;
  };
  let station = await open();
  await station.handlers['orders.sync']({});
  const rig: BoxesRig = {
    get station() {
      return station;
    },
    simulator,
    printer,
    scans,
    async restart() {
      await station.close();
      station = await open();
    },
    async close() {
      await station.close();
      await printer.close();
      await simulator.close();
      data.cleanup();
    },
  };
  rigs.push(rig);
  return rig;
}

/** Orders of a carrier that prints native ZPL, with at least three item units to spread. */
function boxableOrders(rig: BoxesRig): string[] {
  return rig.simulator
    .orders()
    .filter(
      (o) =>
        !o.shipping_option_code.startsWith('colissimo') &&
        o.order.order_details.order_items.reduce((n, item) => n + item.quantity, 0) >= 3,
    )
    .map((o) => o.order_number);
}

function boxableOrder(rig: BoxesRig): string {
  const order = boxableOrders(rig)[0];
  if (!order) throw new Error('no order to ship in boxes');
  return order;
}

/** What each printed label says: its box mark and the tracking number its barcode reads. */
async function printedLabels(printer: VirtualPrinter) {
  const labels = printer.jobs.flatMap(
    (job) => job.bytes.toString('latin1').match(/\^XA[\s\S]*?\^XZ/g) ?? [],
  );
  const read: { box: string | null; tracking: string | null }[] = [];
  for (const label of labels) {
    const codes = await decodeBarcodes(await renderZplToPng(Buffer.from(label, 'latin1'), 203));
    read.push({
      box: /\^FD(Box \d+\/\d+)\^FS/.exec(label)?.[1] ?? null,
      tracking: codes[0] ?? null,
    });
  }
  return read;
}

const asyncCalls = (rig: BoxesRig) =>
  rig.simulator.requests.filter(
    (r) => r.method === 'POST' && r.path.endsWith('/orders/create-labels-async'),
  );

const shipmentsOf = (rig: BoxesRig, orderNumber: string) =>
  new Set(rig.simulator.labelsFor(orderNumber).map((entry) => entry.shipmentId));

/** Scan an order in `boxes` boxes whose create-labels-async is made, its answer lost. */
async function scanWithAsyncAnswerLost(rig: BoxesRig, boxes: number): Promise<string> {
  const order = boxableOrder(rig);
  rig.simulator.faults.set({
    lostResponseRate: 1,
    only: { method: 'POST', pathPrefix: '/api/v3/orders/create-labels-async' },
  });
  await rig.station.handlers['scan.setNext']({ boxes });
  await rig.station.handlers['scan.submit']({ code: order });
  await vi.waitFor(() => expect(asyncCalls(rig)).toHaveLength(1), { timeout: 10_000 });
  return order;
}

describe('an order in several boxes', () => {
  it('makes one shipment of three parcels and prints its three labels in box order', async () => {
    const rig = await startBoxesRig();
    const order = boxableOrder(rig);
    const command = await rig.station.handlers['scan.submit']({ code: 'PD:BOXES:3' });
    expect(command).toMatchObject({ command: true, state: 'printed' });
    expect(await rig.station.handlers['scan.next']({})).toEqual({ boxes: 3, optionCode: null });

    const scan = await rig.station.handlers['scan.submit']({ code: order });
    // The scan took the boxes: the next one starts from one box again.
    expect(await rig.station.handlers['scan.next']({})).toEqual({ boxes: null, optionCode: null });
    await rig.printer.waitForJobs(3, 20_000);
    await vi.waitFor(() =>
      expect(rig.scans.filter((s) => s.id === scan.id).at(-1)).toMatchObject({
        state: 'printed',
        step: { key: 'boxes.step.printed', params: { labels: 3 } },
      }),
    );

    // One shipment of three parcels at Sendcloud, through the async endpoint.
    const ledger = rig.simulator.labelsFor(order);
    expect(ledger).toHaveLength(3);
    expect(shipmentsOf(rig, order).size).toBe(1);
    expect(asyncCalls(rig)).toHaveLength(1);
    // Each box with its own weight, taken from the items in it; together the order's weight.
    const shipment = (await rawApi(rig.simulator).get(`/api/v3/shipments/${ledger[0]?.shipmentId}`))
      .json as { data: { parcels: { id: number; weight: { value: string } }[] } };
    const weights = shipment.data.parcels.map((parcel) => Number(parcel.weight.value));
    expect(weights).toHaveLength(3);
    for (const kg of weights) expect(kg).toBeGreaterThan(0);
    const simOrder = rig.simulator.orders().find((o) => o.order_number === order);
    const orderKg = simOrder?.order.shipping_details.measurement.weight.value ?? 0;
    expect(weights.reduce((sum, kg) => sum + kg, 0)).toBeCloseTo(orderKg, 2);
    // The printer got them in order, each marked with its box, each with its own tracking number.
    expect(await printedLabels(rig.printer)).toEqual([
      { box: 'Box 1/3', tracking: ledger[0]?.trackingNumber },
      { box: 'Box 2/3', tracking: ledger[1]?.trackingNumber },
      { box: 'Box 3/3', tracking: ledger[2]?.trackingNumber },
    ]);
    expect(new Set(ledger.map((entry) => entry.trackingNumber)).size).toBe(3);
    // Three rows, one per box, sharing the shipment.
    const rows = ledger.map((entry) => shipmentRecord(rig.station.db, entry.parcelId));
    expect(rows.map((row) => [row?.colloNr, row?.colloCount, row?.shipmentId])).toEqual([
      [1, 3, ledger[0]?.shipmentId],
      [2, 3, ledger[0]?.shipmentId],
      [3, 3, ledger[0]?.shipmentId],
    ]);
    expect(rig.simulator.violations).toEqual([]);
  }, 60_000);

  it('voids all three boxes when one is voided, and says so on every row', async () => {
    const rig = await startBoxesRig();
    const order = boxableOrder(rig);
    await rig.station.handlers['scan.setNext']({ boxes: 3 });
    await rig.station.handlers['scan.submit']({ code: order });
    await rig.printer.waitForJobs(3, 20_000);
    const ledger = rig.simulator.labelsFor(order);
    const second = ledger[1]?.parcelId as number;
    const listed = await rig.station.handlers['shipments.list']({});
    expect(listed.rows.find((row) => row.parcelId === second)?.collo).toEqual({ nr: 2, count: 3 });

    await rig.station.handlers['shipments.void']({ parcelId: second });
    await vi.waitFor(() => {
      for (const entry of ledger) {
        expect(shipmentRecord(rig.station.db, entry.parcelId)?.voidState).toBe('voided');
      }
    });
    // One cancel, for the whole shipment: Sendcloud cancelled every parcel of it.
    const cancels = rig.simulator.requests.filter(
      (r) => r.method === 'POST' && r.path.endsWith('/cancel'),
    );
    expect(cancels).toHaveLength(1);
    const shipment = await rig.station.handlers['shipments.list']({});
    const states = shipment.rows
      .filter((row) => ledger.some((entry) => entry.parcelId === row.parcelId))
      .map((row) => row.state);
    expect(states).toEqual(['voided', 'voided', 'voided']);
  }, 60_000);

  it('adopts the shipment a lost answer made instead of making a second one', async () => {
    const rig = await startBoxesRig();
    const order = await scanWithAsyncAnswerLost(rig, 3);
    rig.simulator.faults.reset();

    await rig.printer.waitForJobs(3, 30_000);
    expect(asyncCalls(rig)).toHaveLength(1);
    expect(shipmentsOf(rig, order).size).toBe(1);
    expect(rig.simulator.labelsFor(order)).toHaveLength(3);
    expect((await printedLabels(rig.printer)).map((label) => label.box)).toEqual([
      'Box 1/3',
      'Box 2/3',
      'Box 3/3',
    ]);
  }, 60_000);

  it('after a restart during the async request, finds the shipment and prints it once', async () => {
    const rig = await startBoxesRig();
    const order = await scanWithAsyncAnswerLost(rig, 3);
    // The station stops with the answer lost, and starts again on the same data.
    await rig.restart();
    rig.simulator.faults.reset();

    await rig.printer.waitForJobs(3, 30_000);
    expect(asyncCalls(rig)).toHaveLength(1);
    expect(shipmentsOf(rig, order).size).toBe(1);
    expect((await printedLabels(rig.printer)).map((label) => label.tracking)).toEqual(
      rig.simulator.labelsFor(order).map((entry) => entry.trackingNumber),
    );
  }, 60_000);

  it.each([
    ['a command barcode', 'command'],
    ['Alt+B (scan.setNext)', 'key'],
  ] as const)(
    'gives boxes said by %s right after a scan to that order while its label waits, not the next',
    async (_how, by) => {
      const rig = await startBoxesRig();
      const [first, second, third] = boxableOrders(rig);
      if (!first || !second || !third) throw new Error('not enough orders');
      // The first order's labels come slowly: the second order's label job waits behind it.
      rig.simulator.faults.set({
        latencyMs: 1_500,
        only: { method: 'GET', pathPrefix: '/api/v3/parcels/' },
      });
      await rig.station.handlers['scan.setNext']({ boxes: 3 });
      await rig.station.handlers['scan.submit']({ code: first });
      await rig.station.handlers['scan.submit']({ code: second });
      const applied = { key: 'boxes.applied', params: { order: second, boxes: 2 } };
      if (by === 'command') {
        const said = await rig.station.handlers['scan.submit']({ code: 'PD:BOXES:2' });
        expect(said).toMatchObject({ command: true, step: applied });
      } else {
        // The key's answer says it too, so the scan screen can show it.
        expect(await rig.station.handlers['scan.setNext']({ boxes: 2 })).toEqual({
          boxes: null,
          optionCode: null,
          applied,
        });
      }
      // Nothing is left for the next order: it was the second order's.
      expect(await rig.station.handlers['scan.next']({})).toEqual({
        boxes: null,
        optionCode: null,
      });
      rig.simulator.faults.reset();
      await rig.printer.waitForJobs(5, 30_000);
      await rig.station.handlers['scan.submit']({ code: third });
      await rig.printer.waitForJobs(6, 30_000);
      expect(rig.simulator.labelsFor(first)).toHaveLength(3);
      expect(rig.simulator.labelsFor(second)).toHaveLength(2);
      expect(rig.simulator.labelsFor(third)).toHaveLength(1);
    },
    60_000,
  );
});
