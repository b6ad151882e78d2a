// End of day: 500 orders labelled and printed as one batch (create-labels-async, 20 a request,
// and bulk label documents), against the simulator with Sendcloud's documented limits, in its
// own process on a warp clock (fast while everyone waits, real pace while anyone works, so the
// station's CPU time is not multiplied). Measured in the same run:
// - the rate-limit bound of the calls the batch needs: the same 25 create-labels-async, 25 bulk
//   documents and 25 shipment reads, made bare through a fresh limiter, as early as the limits
//   and the labels' readiness allow;
// - the same 500 orders done one create-label-sync at a time (bare, beside it, in the
//   simulator's process: the fastest a station could go one by one).
// And the station's main-loop delay (perf_hooks.monitorEventLoopDelay) during a 100-label batch
// of a PDF-only carrier printed on a ZPL printer, where every label is rasterised.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { BatchView } from '../src-shared';
import type { Clock } from '../src-main/clock';
import { setLogSink } from '../src-main/log';
import { startVirtualPrinter } from '../src-main/printing/virtual-printer';
import { createSendcloudClient } from '../src-main/sendcloud/client';
import { SendcloudError } from '../src-main/sendcloud/errors';
import { createRateLimiter } from '../src-main/sendcloud/rate-limit';
import { createStation } from '../src-main/station';
import { startSimProcess, type SimProcess, type SimProcessAccount } from './sim-process';
import { round, type BenchResult } from './stats';

const ORDERS = 500;
const PER_REQUEST = 20;
const PDF_BATCH = 100;
const SPEED = 20;
const BOUND_GOAL = 1.2;
const SPEEDUP_GOAL = 10;

const keysOf = (account: SimProcessAccount) => ({
  publicKey: account.publicKey,
  secretKey: account.secretKey,
});

/** A station on one account of the simulator, printing on a virtual 203 dpi ZPL printer. */
async function startBatchStation(sim: SimProcess, account: SimProcessAccount) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-eod-'));
  const printer = await startVirtualPrinter();
  const station = await createStation({
    clock: sim.clock,
    settings: {
      dataDir,
      sendcloud: { url: sim.url, ...keysOf(account) },
      integrationId: account.integrationId,
      sendcloudTimeoutMs: 30_000,
      printer: { host: printer.host, port: printer.port },
    },
    sendcloudClient: { limiter: createRateLimiter({ clock: sim.clock }) },
    trackingIntervalMs: 0,
  });
  await station.handlers['orders.sync']({});
  const done = (id: string) =>
    new Promise<BatchView>((resolve) => {
      const unsubscribe = station.subscribe((event, payload) => {
        const view = payload as BatchView;
        if (event !== 'batch.changed' || view.id !== id) return;
        if (view.state === 'done' || view.state === 'cancelled') {
          unsubscribe();
          resolve(view);
        }
      });
    });
  return {
    station,
    printer,
    /** Start a batch of every open order and wait for it to end; clock ms from start to end. */
    async runAll(count: number): Promise<{ ms: number; view: BatchView }> {
      const open = await station.handlers['batch.openOrders']({});
      if (open.rows.length < count) throw new Error(`only ${open.rows.length} open orders`);
      const started = sim.clock.now();
      const { batch } = await station.handlers['batch.start']({
        orderRefs: open.rows.slice(0, count).map((row) => row.orderRef),
        sort: { field: 'order-number', direction: 'asc' },
      });
      const view = batch.state === 'done' ? batch : await done(batch.id);
      return { ms: sim.clock.now() - started, view };
    },
    async close() {
      await station.close();
      await printer.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The bound: the calls the batch makes, bare. Every create-labels-async goes as soon as the
 * limiter lets it; each group's documents and shipments are asked for the moment its labels can
 * be ready (polled as the station does, at most every `pollMs`).
 */
async function boundOfCalls(
  sim: SimProcess,
  account: SimProcessAccount,
  clock: Clock,
  count: number,
  pollMs: number,
): Promise<number> {
  const client = createSendcloudClient({
    baseUrl: sim.url,
    ...keysOf(account),
    clock,
    limiter: createRateLimiter({ clock }),
    timeoutMs: 30_000,
  });
  const orders = (await sim.orders(sim.accounts.indexOf(account))).slice(0, count);
  const groups: (typeof orders)[] = [];
  for (let i = 0; i < orders.length; i += PER_REQUEST) {
    groups.push(orders.slice(i, i + PER_REQUEST));
  }
  const started = clock.now();
  await Promise.all(
    groups.map(async (group) => {
      const { queued } = await client.createLabelsAsync({
        integrationId: account.integrationId,
        orders: group.map((order) => ({ orderId: order.orderId })),
      });
      const ids = queued.map((item) => item.parcels_ids?.[0] ?? item.parcel_id ?? 0);
      for (;;) {
        try {
          await client.getParcelDocuments(ids, 'label', { format: 'zpl' });
          break;
        } catch (error) {
          if (!(error instanceof SendcloudError) || error.kind !== 'not-found') throw error;
          await clock.sleep(pollMs);
        }
      }
      await client.listShipments({ parcelIds: ids, pageSize: 100 });
    }),
  );
  return clock.now() - started;
}

export async function benchEndOfDay(): Promise<BenchResult[]> {
  setLogSink({ write: () => undefined }, 'error');
  const zplCarriers = ['postnl', 'dhl', 'dpd', 'ups'];
  const sim = await startSimProcess({
    speed: SPEED,
    warp: { slow: 1 },
    accounts: [
      // The batch, the bound of its calls, one label at a time, and the PDF-only batch.
      { orderCount: ORDERS, carriers: zplCarriers },
      { orderCount: ORDERS, carriers: zplCarriers },
      { orderCount: ORDERS, carriers: zplCarriers },
      { orderCount: PDF_BATCH, carriers: ['colissimo'] },
      // Warms the simulator's async labels and bulk documents before anything is timed.
      { orderCount: 2 * PER_REQUEST, carriers: zplCarriers },
    ],
  });
  const [batchAccount, boundAccount, singleAccount, pdfAccount, warmAccount] = sim.accounts;
  if (!batchAccount || !boundAccount || !singleAccount || !pdfAccount || !warmAccount) {
    throw new Error('five accounts expected');
  }
  try {
    await boundOfCalls(sim, warmAccount, sim.clock, 2 * PER_REQUEST, 1_000);
    // One label at a time runs beside the batch, in the simulator's process, on its own account.
    const single = sim.labelOneAtATime({ account: 2, count: ORDERS });
    const rig = await startBatchStation(sim, batchAccount);
    let batchMs: number;
    let printed: number;
    try {
      const run = await rig.runAll(ORDERS);
      batchMs = run.ms;
      printed = run.view.counts.printed;
      const labels = await sim.labelsPerOrder();
      const ours = (await sim.orders(0)).map((order) => labels[order.orderNumber] ?? 0);
      if (printed !== ORDERS || ours.some((n) => n !== 1)) {
        throw new Error(`the batch did not make and print exactly one label per order`);
      }
      const received = rig.printer.jobs
        .map((job) => job.bytes.toString('latin1').match(/\^XA/g)?.length ?? 0)
        .reduce((a, b) => a + b, 0);
      if (received !== ORDERS) throw new Error(`the printer received ${received} labels`);
    } finally {
      await rig.close();
    }
    const boundMs = await boundOfCalls(sim, boundAccount, sim.clock, ORDERS, 1_000);
    const { startedAt, endedAt } = await single;
    const singleMs = endedAt - startedAt;

    // The main loop while a PDF-only carrier's 100 labels are rasterised for the ZPL printer.
    const pdfRig = await startBatchStation(sim, pdfAccount);
    const histogram = monitorEventLoopDelay({ resolution: 1 });
    let delay: { p50: number; p95: number; p99: number; max: number };
    try {
      histogram.enable();
      const run = await pdfRig.runAll(PDF_BATCH);
      histogram.disable();
      if (run.view.counts.printed !== PDF_BATCH) throw new Error('the PDF batch did not print');
      const ms = (ns: number) => round(ns / 1e6, 2);
      delay = {
        p50: ms(histogram.percentile(50)),
        p95: ms(histogram.percentile(95)),
        p99: ms(histogram.percentile(99)),
        max: ms(histogram.max),
      };
    } finally {
      await pdfRig.close();
    }

    const seconds = (ms: number) => round(ms / 1000, 2);
    const toBound = batchMs / boundMs;
    const speedup = singleMs / batchMs;
    console.log(
      `  end of day: ${ORDERS} labels in ${seconds(batchMs)} s simulated (bound ${seconds(boundMs)} s, ` +
        `ratio ${round(toBound, 3)}); one at a time ${seconds(singleMs)} s (${round(speedup, 1)}x); ` +
        `main loop during ${PDF_BATCH} PDF labels p99 ${delay.p99} ms (max ${delay.max} ms)`,
    );
    return [
      {
        name: `end of day: ${ORDERS} orders as one batch, start to last label printed`,
        unit: 's (simulated)',
        p50: seconds(batchMs),
        p95: seconds(batchMs),
        goal: `<= ${BOUND_GOAL} x the bound of its calls`,
      },
      {
        name: `end of day: bound of its calls (${ORDERS / PER_REQUEST} async writes, bulk documents, same run)`,
        unit: 's (simulated)',
        p50: seconds(boundMs),
        p95: seconds(boundMs),
        goal: null,
      },
      {
        name: 'end of day: batch / bound of its calls',
        unit: 'ratio',
        p50: round(toBound, 3),
        p95: round(toBound, 3),
        goal: `<= ${BOUND_GOAL}`,
      },
      {
        name: `end of day: the same ${ORDERS} orders one create-label-sync at a time (same run)`,
        unit: 's (simulated)',
        p50: seconds(singleMs),
        p95: seconds(singleMs),
        goal: null,
      },
      {
        name: 'end of day: one at a time / batch',
        unit: 'ratio',
        p50: round(speedup, 1),
        p95: round(speedup, 1),
        goal: `>= ${SPEEDUP_GOAL}`,
      },
      {
        name: `end of day: main-loop delay during a ${PDF_BATCH}-label PDF-only carrier batch`,
        unit: 'ms',
        p50: delay.p50,
        p95: delay.p95,
        p99: delay.p99,
        goal: 'p99 < 20 ms',
      },
    ];
  } finally {
    await sim.close();
  }
}
