// Batch labels against the simulator over real HTTP, a real SQLite file and a real TCP printer:
// create-labels-async and bulk documents, the chosen print order on the printer, partial
// refusals, a scan during a batch.
import { PDFDocument } from 'pdf-lib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BatchDetails, BatchSort } from '../../src-shared';
import { REQUESTS_AT_ONCE } from '../../src-main/batch/batch-runner';
import { sharedRateLimiter } from '../../src-main/sendcloud/rate-limit';
import { getBatch } from '../../src-main/store/batches';
import { getJob, jobsIn } from '../../src-main/store/jobs';
import { rawApi } from '../helpers/raw-api';
import {
  printedTrackingNumbers,
  startBatchRig as startRig,
  type BatchRig,
} from '../helpers/batch-rig';

const rigs: BatchRig[] = [];
afterEach(async () => {
  for (const rig of rigs.splice(0).reverse()) await rig.close();
});

async function startBatchRig(
  orderCount: number,
  options: Omit<Parameters<typeof startRig>[0], 'orderCount'> = {},
): Promise<BatchRig> {
  const rig = await startRig({ orderCount, ...options });
  rigs.push(rig);
  return rig;
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

/** Until the batch has no work left and the order is in this state. */
async function untilOrder(rig: BatchRig, id: string, orderRef: string, state: string) {
  for (;;) {
    const details = await rig.untilDone(id);
    if (details.orders.find((o) => o.orderRef === orderRef)?.state === state) return details;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const labelledOrders = (details: BatchDetails) =>
  details.orders.filter((o) => o.trackingNumber !== null);

describe('a batch with refused orders', () => {
  it('prints the rest, says why each was refused, and retries one fixed and leaves one out', async () => {
    const rig = await startBatchRig(30);
    const api = rawApi(rig.simulator);
    // Two orders to addresses that need a house number lose it in Sendcloud.
    const needsNumber = rig.simulator
      .orders()
      .filter((o) => ['NL', 'DE', 'BE', 'AT'].includes(o.country))
      .slice(0, 2);
    expect(needsNumber).toHaveLength(2);
    for (const order of needsNumber) {
      const patched = await api.request('PATCH', `/api/v3/orders/${order.id}`, {
        body: { shipping_address: { house_number: '', address_line_1: 'Damstraat' } },
      });
      expect(patched.status).toBe(200);
    }
    const open = await rig.open();
    const refused = needsNumber.map(
      (o) => open.find((row) => row.orderNumber === o.order_number)?.orderRef ?? '',
    );
    const rest = open.filter((row) => !refused.includes(row.orderRef)).slice(0, 10);
    const id = await rig.start(
      [...refused, ...rest.map((row) => row.orderRef)],
      { field: 'order-number', direction: 'asc' },
      4,
    );
    const first = await rig.untilDone(id);

    expect(first.state).toBe('done');
    expect(first.counts).toMatchObject({ total: 12, made: 10, printed: 10, failed: 2 });
    for (const orderRef of refused) {
      expect(first.orders.find((o) => o.orderRef === orderRef)).toMatchObject({
        state: 'failed',
        trackingNumber: null,
        error: { code: 'invalid-input', key: 'batch.order.houseNumber' },
      });
    }
    // Everything that succeeded printed, in the batch's order, with no gap for the refused.
    const printedFirst = labelledOrders(first).map((o) => o.trackingNumber);
    expect(await printedTrackingNumbers(rig.printer)).toEqual(printedFirst);

    // The first is fixed in Sendcloud and retried: labelled, and printed after the rest.
    const [fixed, leftOut] = refused as [string, string];
    const fixedOrder = needsNumber[0];
    await api.request('PATCH', `/api/v3/orders/${fixedOrder?.id}`, {
      body: {
        shipping_address: {
          house_number: fixedOrder?.order.shipping_address.house_number || '1',
          address_line_1: fixedOrder?.order.shipping_address.address_line_1,
        },
      },
    });
    await rig.station.handlers['batch.retryOrder']({ id, orderRef: fixed });
    const retried = await untilOrder(rig, id, fixed, 'printed');
    const late = retried.orders.find((o) => o.orderRef === fixed);
    expect(late?.error).toBeNull();
    expect(await printedTrackingNumbers(rig.printer)).toEqual([
      ...printedFirst,
      late?.trackingNumber,
    ]);

    // The second is left out: the batch is done with nothing failed.
    const after = await rig.station.handlers['batch.leaveOut']({ id, orderRef: leftOut });
    expect(after.orders.find((o) => o.orderRef === leftOut)?.state).toBe('left-out');
    expect(after.state).toBe('done');
    expect(after.counts).toMatchObject({ total: 12, made: 11, printed: 11, failed: 0, leftOut: 1 });
    // One label for every order but the one left out, none for it.
    for (const order of after.orders) {
      expect(rig.simulator.labelsFor(order.orderNumber)).toHaveLength(
        order.orderRef === leftOut ? 0 : 1,
      );
    }
  }, 120_000);
});

describe('a batch with a customs order Sendcloud refuses', () => {
  it('says which item lacks what, as a scan of it would, and prints the rest', async () => {
    const rig = await startBatchRig(10, { simulator: { customsOrders: true } });
    // The fifth seeded customs order: to GB, its item 2 (Sneakers 42) has no HS code.
    const noHsCode = rig.simulator.orders().slice(10)[4];
    expect(noHsCode?.country).toBe('GB');
    const open = await rig.open();
    const refused = open.find((row) => row.orderNumber === noHsCode?.order_number)?.orderRef ?? '';
    const inEu = new Set(
      rig.simulator
        .orders()
        .slice(0, 10)
        .map((o) => o.order_number),
    );
    const rest = open.filter((row) => inEu.has(row.orderNumber)).slice(0, 3);
    const done = await rig.run(
      [refused, ...rest.map((row) => row.orderRef)],
      { field: 'order-number', direction: 'asc' },
      4,
    );

    expect(done.counts).toMatchObject({ total: 4, made: 3, printed: 3, failed: 1 });
    expect(done.orders.find((o) => o.orderRef === refused)).toMatchObject({
      state: 'failed',
      error: {
        code: 'invalid-input',
        key: 'customs.item.noHsCode',
        params: { item: 2, name: 'Sneakers 42' },
      },
    });
    expect(rig.simulator.labelsFor(noHsCode?.order_number ?? '')).toHaveLength(0);
    expect(await printedTrackingNumbers(rig.printer)).toEqual(
      labelledOrders(done).map((o) => o.trackingNumber),
    );
  });
});

const requestIndex = (rig: BatchRig, path: string) =>
  rig.simulator.requests.findIndex(
    (r) => r.method === 'POST' && r.path === `/api/v3/orders/${path}`,
  );

describe('a batch shares the write budget with the packer scanning', () => {
  it('a scan during a batch takes the next free write ahead of it; an order it holds is refused', async () => {
    const rig = await startBatchRig(70);
    const open = await rig.open();
    const batchRows = open.slice(0, 60);
    const other = open[60];
    if (!other) throw new Error('too few orders');
    // Every write of the second is taken (by requests of other stations, say), until released.
    const budget = sharedRateLimiter(rig.simulator.url, rig.simulator.keys.publicKey);
    for (let i = 0; i < 15; i++) await budget.acquire('write');

    const id = await rig.start(
      batchRows.map((row) => row.orderRef),
      { field: 'order-number', direction: 'asc' },
    );
    // The batch's first requests (all three of its groups of 20) wait for a write.
    await vi.waitFor(async () => {
      const details = await rig.details(id);
      expect(details.orders.filter((o) => o.state === 'sending')).toHaveLength(60);
    });
    expect(requestIndex(rig, 'create-labels-async')).toBe(-1);

    // An order the batch holds is not labelled by a scan.
    const held = batchRows[30]?.orderNumber ?? '';
    const refused = await rig.station.handlers['scan.submit']({ code: held });
    expect(refused).toMatchObject({
      state: 'failed',
      error: { code: 'in-batch', key: 'batch.scan.inBatch' },
    });

    // The packer at the next table scans while the batch waits: one write frees, the scan takes it.
    const scanning = rig.station.handlers['scan.submit']({ code: other.orderNumber });
    await vi.waitFor(() =>
      expect(jobsIn(rig.station.db, ['create-label'], ['in-flight'])).toHaveLength(1),
    );
    budget.settled?.('write');
    await scanning;
    await rig.printer.waitForJobs(1);
    const scanned = rig.simulator.labelsFor(other.orderNumber);
    expect(scanned).toHaveLength(1);
    expect(await printedTrackingNumbers(rig.printer)).toEqual([scanned[0]?.trackingNumber]);
    const sync = requestIndex(rig, 'create-label-sync');
    expect(sync).toBeGreaterThanOrEqual(0);
    const firstAsync = requestIndex(rig, 'create-labels-async');
    expect(firstAsync === -1 || firstAsync > sync).toBe(true);

    for (let i = 0; i < 14; i++) budget.settled?.('write');
    const done = await rig.untilDone(id);
    expect(done.counts).toMatchObject({ total: 60, made: 60, printed: 60, failed: 0 });
    expect(requestIndex(rig, 'create-labels-async')).toBeGreaterThan(sync);
    // The order scanned while held got its one label from the batch.
    expect(rig.simulator.labelsFor(held)).toHaveLength(1);
    expect(getJob(rig.station.db, getBatch(rig.station.db, id)?.jobId ?? '')?.state).toBe('done');
  }, 120_000);
});

describe('a batch while Sendcloud cannot be reached', () => {
  it('waits, says why, and runs by itself when the connection is back', async () => {
    const rig = await startBatchRig(20, { proxy: true });
    const rows = (await rig.open()).slice(0, 12);
    rig.proxy?.cut();
    const id = await rig.start(
      rows.map((row) => row.orderRef),
      { field: 'order-number', direction: 'asc' },
      5,
    );
    await vi.waitFor(
      async () =>
        expect(await rig.details(id)).toMatchObject({
          state: 'waiting',
          reason: { key: 'job.waiting.offline' },
          counts: { made: 0, printed: 0, failed: 0 },
        }),
      { timeout: 15_000 },
    );
    expect(rig.simulator.ledger).toHaveLength(0);
    // Left alone it would try again only this late: what wakes it is the connection coming back.
    const retryAt =
      getJob(rig.station.db, getBatch(rig.station.db, id)?.jobId ?? '')?.nextAttemptAt ?? 0;
    expect(retryAt).toBeGreaterThan(Date.now() + 30_000);

    rig.proxy?.restore();
    const done = await rig.untilDone(id);
    expect(Date.parse(done.finishedAt ?? '')).toBeLessThan(retryAt);
    expect(done).toMatchObject({
      state: 'done',
      reason: null,
      counts: { total: 12, made: 12, printed: 12, failed: 0 },
    });
    expect(await printedTrackingNumbers(rig.printer)).toEqual(
      done.orders.map((o) => o.trackingNumber),
    );
    for (const row of rows) expect(rig.simulator.labelsFor(row.orderNumber)).toHaveLength(1);
  }, 120_000);
});

const asyncCalls = (rig: BatchRig) =>
  rig.simulator.requests.filter(
    (r) => r.method === 'POST' && r.path === '/api/v3/orders/create-labels-async',
  ).length;

/** Orders a step asks for at once, and a batch two requests longer than that. */
const AT_ONCE = REQUESTS_AT_ONCE * 20;
const LONG_BATCH = AT_ONCE + 40;

/** A batch paused while its first requests (of AT_ONCE orders) wait for a write. */
async function pausedMidBatch(rig: BatchRig) {
  const rows = (await rig.open()).slice(0, LONG_BATCH);
  const budget = sharedRateLimiter(rig.simulator.url, rig.simulator.keys.publicKey);
  for (let i = 0; i < 15; i++) await budget.acquire('write');
  const id = await rig.start(
    rows.map((row) => row.orderRef),
    { field: 'order-number', direction: 'asc' },
    10,
  );
  await vi.waitFor(async () => {
    const details = await rig.details(id);
    expect(details.orders.filter((o) => o.state === 'sending')).toHaveLength(AT_ONCE);
  });
  const paused = await rig.station.handlers['batch.pause']({ id });
  expect(paused.state).toBe('paused');
  expect(paused.reason).toMatchObject({ key: 'batch.paused' });
  // The requests already waiting go; nothing after them.
  for (let i = 0; i < 15; i++) budget.settled?.('write');
  await vi.waitFor(
    async () => {
      const details = await rig.details(id);
      expect(details.orders.filter((o) => o.state === 'made')).toHaveLength(AT_ONCE);
      const job = getJob(rig.station.db, getBatch(rig.station.db, id)?.jobId ?? '');
      expect(job?.state).toBe('held');
    },
    { timeout: 10_000 },
  );
  const calls = rig.simulator.requests.length;
  // Longer than the batch's label poll and Sendcloud's label delay: time it would have used.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  expect(rig.simulator.requests.length).toBe(calls);
  expect(asyncCalls(rig)).toBe(REQUESTS_AT_ONCE);
  const details = await rig.details(id);
  expect(details.state).toBe('paused');
  expect(details.orders.filter((o) => o.state === 'pending')).toHaveLength(40);
  return { id, rows };
}

describe('pausing, resuming and cancelling a batch', () => {
  it('a paused batch asks Sendcloud nothing; resumed, it ends with every label', async () => {
    const rig = await startBatchRig(LONG_BATCH);
    const { id, rows } = await pausedMidBatch(rig);
    expect(rig.printer.jobs).toHaveLength(0);

    const resumed = await rig.station.handlers['batch.resume']({ id });
    expect(resumed.state).toBe('running');
    const done = await rig.untilDone(id);
    expect(done.counts).toMatchObject({
      total: LONG_BATCH,
      made: LONG_BATCH,
      printed: LONG_BATCH,
      failed: 0,
    });
    expect(await printedTrackingNumbers(rig.printer)).toEqual(
      done.orders.map((o) => o.trackingNumber),
    );
    for (const row of rows) expect(rig.simulator.labelsFor(row.orderNumber)).toHaveLength(1);
  }, 120_000);

  it('cancelling the rest leaves the orders not asked for open again and prints what was made', async () => {
    const rig = await startBatchRig(LONG_BATCH);
    const { id, rows } = await pausedMidBatch(rig);

    await rig.station.handlers['batch.cancel']({ id });
    const done = await rig.untilDone(id);
    expect(done.state).toBe('cancelled');
    expect(done.counts).toMatchObject({
      total: LONG_BATCH,
      made: AT_ONCE,
      printed: AT_ONCE,
      cancelled: 40,
    });
    const cancelled = done.orders.filter((o) => o.state === 'cancelled');
    expect(cancelled).toHaveLength(40);
    // What was made printed, in order; what was not asked for was never asked for.
    const printed = done.orders.filter((o) => o.state === 'printed');
    expect(await printedTrackingNumbers(rig.printer)).toEqual(printed.map((o) => o.trackingNumber));
    expect(asyncCalls(rig)).toBe(REQUESTS_AT_ONCE);
    for (const order of done.orders) {
      expect(rig.simulator.labelsFor(order.orderNumber)).toHaveLength(
        order.state === 'printed' ? 1 : 0,
      );
    }
    // The cancelled orders are open again, for the next batch or a scan; the printed are not.
    const open = new Set((await rig.open()).map((row) => row.orderRef));
    for (const order of cancelled) expect(open.has(order.orderRef)).toBe(true);
    for (const order of printed) expect(open.has(order.orderRef)).toBe(false);
    expect(rows).toHaveLength(LONG_BATCH);
  }, 120_000);
});

describe('printing a finished batch again', () => {
  it('prints the same labels in the same order, and counts each as a reprint', async () => {
    const rig = await startBatchRig(20);
    const rows = (await rig.open()).slice(0, 12);
    const first = await rig.run(
      rows.map((row) => row.orderRef),
      { field: 'country', direction: 'asc' },
      5,
    );
    expect(first.counts).toMatchObject({ total: 12, printed: 12 });
    const jobsBefore = rig.printer.jobs.length;
    const order = await printedTrackingNumbers(rig.printer);
    expect(order).toEqual(first.orders.map((o) => o.trackingNumber));

    const reprint = await rig.station.handlers['batch.reprint']({ id: first.id });
    expect(reprint.reprinting).not.toBeNull();
    const again = await rig.untilDone(first.id);
    expect(again).toMatchObject({ state: 'done', reprints: 1, reprinting: null });
    expect(rig.printer.jobs.length).toBeGreaterThan(jobsBefore);
    expect(await printedTrackingNumbers(rig.printer)).toEqual([...order, ...order]);
    // No new label: the same ones, each counted as printed again.
    for (const row of rows) expect(rig.simulator.labelsFor(row.orderNumber)).toHaveLength(1);
    for (const o of again.orders) {
      const shipment = await rig.station.handlers['shipments.details']({
        parcelId: o.parcelId ?? -1,
      });
      expect(shipment.row.reprints).toBe(1);
      expect(shipment.history.filter((e) => e.kind === 'reprinted')).toHaveLength(1);
      expect(shipment.history.filter((e) => e.kind === 'printed')).toHaveLength(1);
    }
    // Saved as one PDF: four labels a sheet on A4, in the batch's order.
    const saved = await rig.station.handlers['batch.pdf']({ id: first.id, layout: 'a4-four-up' });
    expect(saved).toMatchObject({ pages: 3 });
    const pdf = Buffer.from(saved.pdfBase64, 'base64');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await PDFDocument.load(pdf)).getPageCount()).toBe(3);
  }, 120_000);
});
