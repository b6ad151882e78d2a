// The durable outbox (issue #4) on the real Station: a SQLite file, the simulator over HTTP
// behind a cuttable proxy, a TCP printer, and a manual clock for every wait the outbox makes.
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { JobView } from '../../src-shared';
import { startVirtualPrinter } from '../../src-main/printing/virtual-printer';
import type { LedgerEntry } from '../../src-main/simulator/index';
import { orderSchema } from '../../src-main/sendcloud/schemas';
import { toCachedOrder } from '../../src-main/shipping/orders';
import { jobsIn } from '../../src-main/store/jobs';
import { upsertOrders } from '../../src-main/store/orders';
import { closedPort } from '../helpers/net';
import {
  CREATE_LABEL,
  nextEvent,
  SHIPMENTS,
  startOutboxRig,
  type OutboxRig,
} from '../helpers/outbox';

const onlyCreateLabel = { only: { method: 'POST', pathPrefix: CREATE_LABEL } };
const OFFLINE_REASON =
  /^Sendcloud is unreachable: queued, it prints when the connection is back\.$/;

let rig: OutboxRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

/** The one label Sendcloud made for an order; fails if it made none or more. */
function onlyLabel(r: OutboxRig, orderNumber: string): LedgerEntry {
  const labels = r.simulator.labelsFor(orderNumber);
  expect(labels, `labels Sendcloud made for ${orderNumber}`).toHaveLength(1);
  const [label] = labels;
  if (!label) throw new Error('unreachable');
  return label;
}

/** Labels Sendcloud answered with 201: calls that made a label and were heard. */
const created = (r: OutboxRig) => r.calls('POST', CREATE_LABEL).filter((c) => c.status === 201);

function jobOf(queue: JobView[], kind: JobView['kind'], code: string): JobView {
  const job = queue.find((j) => j.kind === kind && j.code === code);
  if (!job) throw new Error(`no ${kind} job for ${code} in ${JSON.stringify(queue)}`);
  return job;
}

/** Let the event loop turn: timers, sockets and the outbox all get their chance to run. */
async function turns(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** Read a copied database the way the next station will find it. */
function inspect<T>(dataDir: string, read: (db: Database.Database) => T): T {
  const db = new Database(path.join(dataDir, 'packdesk.sqlite'));
  try {
    return read(db);
  } finally {
    db.close();
  }
}

describe('reconciliation: a retry first asks Sendcloud what the last try did', () => {
  it('adopts the label of a create call whose answer was lost: one label, printed once, same bytes', async () => {
    rig = await startOutboxRig();
    const [order = ''] = rig.orderNumbers(1);
    rig.simulator.faults.set({ lostResponseRate: 1, ...onlyCreateLabel });

    const entry = await rig.scan(order);
    expect(entry).toMatchObject({
      state: 'queued',
      waitingReason: expect.stringMatching(OFFLINE_REASON),
    });
    // Sendcloud made the label; the station never heard of it.
    const label = onlyLabel(rig, order);
    expect(rig.printer.jobs).toHaveLength(0);

    rig.simulator.faults.reset();
    const printed = rig.scanReaches(entry.id, 'printed');
    rig.clock.advance(1_000); // the connectivity probe finds Sendcloud again
    const done = await printed;

    expect(onlyLabel(rig, order)).toBe(label);
    expect(done.trackingNumber).toBe(label.trackingNumber);
    const [job] = await rig.printer.waitForJobs(1);
    expect(job?.bytes.equals(label.bytes)).toBe(true);
    expect(rig.printer.jobs).toHaveLength(1);
    // It found the label by asking, not by making another.
    expect(rig.calls('POST', CREATE_LABEL)).toHaveLength(1);
    expect(rig.calls('GET', SHIPMENTS).length).toBeGreaterThan(0);
  });

  it('makes the one label after a create call that timed out (Sendcloud never applied it)', async () => {
    rig = await startOutboxRig({ sendcloudTimeoutMs: 1_000 });
    const [order = ''] = rig.orderNumbers(1);
    rig.simulator.faults.set({ timeoutRate: 1, ...onlyCreateLabel });

    const entry = await rig.scan(order);
    expect(entry).toMatchObject({
      state: 'queued',
      waitingReason: expect.stringMatching(OFFLINE_REASON),
    });
    const [job] = await rig.queue();
    expect(job?.lastError).toMatchObject({ code: 'offline', message: /did not answer in time/ });
    expect(rig.simulator.labelsFor(order)).toHaveLength(0);

    rig.simulator.faults.reset();
    const printed = rig.scanReaches(entry.id, 'printed');
    rig.clock.advance(1_000);
    await printed;

    const label = onlyLabel(rig, order);
    const [print] = await rig.printer.waitForJobs(1);
    expect(print?.bytes.equals(label.bytes)).toBe(true);
    expect(created(rig)).toHaveLength(1);
  });

  it('makes the one label after a connection reset before the call was sent', async () => {
    rig = await startOutboxRig();
    const [order = ''] = rig.orderNumbers(1);
    rig.simulator.faults.set({ resetRate: 1, ...onlyCreateLabel });

    const entry = await rig.scan(order);
    expect(entry).toMatchObject({
      state: 'queued',
      waitingReason: expect.stringMatching(OFFLINE_REASON),
    });
    expect(rig.simulator.labelsFor(order)).toHaveLength(0);

    rig.simulator.faults.reset();
    const printed = rig.scanReaches(entry.id, 'printed');
    rig.clock.advance(1_000);
    await printed;

    const [print] = await rig.printer.waitForJobs(1);
    expect(print?.bytes.equals(onlyLabel(rig, order).bytes)).toBe(true);
    expect(created(rig)).toHaveLength(1);
  });

  it('makes the one label after a 500, on its backoff, without going offline', async () => {
    rig = await startOutboxRig();
    const [order = ''] = rig.orderNumbers(1);
    rig.simulator.faults.set({ errorRates: { 500: 1 }, ...onlyCreateLabel });

    const entry = await rig.scan(order);
    expect(entry).toMatchObject({
      state: 'queued',
      waitingReason: expect.stringMatching(/trying again/),
    });
    const [job] = await rig.queue();
    expect(job).toMatchObject({
      state: 'waiting',
      attempts: 1,
      lastError: { code: 'sendcloud-error' },
    });
    const wait = Date.parse(job?.nextAttemptAt ?? '') - rig.clock.now();
    // The first retry of a busy Sendcloud: 2 s, half of it jittered.
    expect(wait).toBeGreaterThanOrEqual(1_000);
    expect(wait).toBeLessThanOrEqual(2_000);
    // Sendcloud answered: the station is not offline.
    expect(rig.connectivity.filter((c) => !c.online)).toEqual([]);
    expect(rig.simulator.labelsFor(order)).toHaveLength(0);

    rig.simulator.faults.reset();
    const printed = rig.scanReaches(entry.id, 'printed');
    rig.clock.advance(wait);
    await printed;

    const [print] = await rig.printer.waitForJobs(1);
    expect(print?.bytes.equals(onlyLabel(rig, order).bytes)).toBe(true);
    expect(rig.calls('POST', CREATE_LABEL).map((c) => c.status)).toEqual([500, 201]);
  });
});

describe('crash safety: a station killed mid-job resumes on restart and labels once', () => {
  /**
   * Scan `order` on a station whose printer is off, and copy its database files the instant
   * the label job goes in flight: what a kill -9 with the create call on the wire leaves.
   */
  async function scanAndCrashInFlight(r: OutboxRig, order: string) {
    let crashed: string | null = null;
    const unsubscribe = r.station.subscribe(() => {
      if (crashed === null && jobsIn(r.station.db, ['create-label'], ['in-flight']).length > 0) {
        crashed = r.crashCopy();
      }
    });
    const entry = await r.scan(order);
    unsubscribe();
    if (crashed === null) throw new Error('the label job never went in flight');
    const dataDir: string = crashed;
    // The copy holds the job in flight after one try, and no label.
    expect(
      inspect(dataDir, (db) => ({
        jobs: db
          .prepare(`SELECT kind, state, attempts FROM jobs WHERE kind != 'sync-orders'`)
          .all(),
        shipments: db.prepare('SELECT count(*) AS n FROM shipments').get(),
      })),
    ).toEqual({
      jobs: [{ kind: 'create-label', state: 'in-flight', attempts: 1 }],
      shipments: { n: 0 },
    });
    return { entry, dataDir };
  }

  it('adopts the label Sendcloud made for the call the dead station had sent', async () => {
    rig = await startOutboxRig({ printerPort: await closedPort() });
    const [order = ''] = rig.orderNumbers(1);
    const { entry, dataDir } = await scanAndCrashInFlight(rig, order);
    // The call went out and Sendcloud made the label before the station died.
    const label = onlyLabel(rig, order);

    await rig.restart({ dataDir, printerPort: rig.printer.port });
    const done = await rig.scanReaches(entry.id, 'printed');

    expect(onlyLabel(rig, order)).toBe(label);
    expect(done.trackingNumber).toBe(label.trackingNumber);
    const [print] = await rig.printer.waitForJobs(1);
    expect(print?.bytes.equals(label.bytes)).toBe(true);
    expect(rig.printer.jobs).toHaveLength(1);
    expect(rig.calls('POST', CREATE_LABEL)).toHaveLength(1);
  });

  it('makes the label when the dead station’s call never reached Sendcloud', async () => {
    rig = await startOutboxRig({ printerPort: await closedPort() });
    const [order = ''] = rig.orderNumbers(1);
    rig.simulator.faults.set({ resetRate: 1, ...onlyCreateLabel });
    const { entry, dataDir } = await scanAndCrashInFlight(rig, order);
    expect(rig.simulator.labelsFor(order)).toHaveLength(0);
    rig.simulator.faults.reset();

    await rig.restart({ dataDir, printerPort: rig.printer.port });
    const done = await rig.scanReaches(entry.id, 'printed');

    const label = onlyLabel(rig, order);
    expect(done.trackingNumber).toBe(label.trackingNumber);
    const [print] = await rig.printer.waitForJobs(1);
    expect(print?.bytes.equals(label.bytes)).toBe(true);
    expect(created(rig)).toHaveLength(1);
    // It asked before making it.
    const asked = rig.calls('GET', SHIPMENTS).at(-1)?.at ?? Infinity;
    expect(asked).toBeLessThanOrEqual(created(rig)[0]?.at ?? -Infinity);
  });

  it('prints a label stored before its job finished, without asking Sendcloud', async () => {
    rig = await startOutboxRig({ printerPort: await closedPort() });
    const [order = ''] = rig.orderNumbers(1);
    const entry = await rig.scan(order);
    expect(entry.waitingReason).toMatch(/^Waiting for the printer/);
    const label = onlyLabel(rig, order);
    // The state a crash between storing the label and finishing its job would leave.
    const dataDir = rig.crashCopy();
    inspect(dataDir, (db) => {
      db.prepare(`UPDATE jobs SET state = 'in-flight' WHERE kind = 'create-label'`).run();
      db.prepare(`DELETE FROM jobs WHERE kind = 'print'`).run();
    });
    const asked = {
      create: rig.calls('POST', CREATE_LABEL).length,
      find: rig.calls('GET', SHIPMENTS).length,
    };

    await rig.restart({ dataDir, printerPort: rig.printer.port });
    await rig.scanReaches(entry.id, 'printed');

    const [print] = await rig.printer.waitForJobs(1);
    expect(print?.bytes.equals(label.bytes)).toBe(true);
    expect(rig.printer.jobs).toHaveLength(1);
    expect({
      create: rig.calls('POST', CREATE_LABEL).length,
      find: rig.calls('GET', SHIPMENTS).length,
    }).toEqual(asked);
  });
});

describe('the printer', () => {
  it('keeps a label made once while the printer is down and prints it when it is back, without asking Sendcloud again', async () => {
    const port = await closedPort();
    rig = await startOutboxRig({ printerPort: port });
    const [order = ''] = rig.orderNumbers(1);

    const entry = await rig.scan(order);
    const label = onlyLabel(rig, order);
    expect(entry).toMatchObject({
      state: 'queued',
      trackingNumber: label.trackingNumber,
      waitingReason: expect.stringMatching(/^Waiting for the printer: .*unreachable/i),
    });
    const print = jobOf(await rig.queue(), 'print', order);
    expect(print).toMatchObject({ state: 'waiting', lastError: { code: 'printer-offline' } });
    const requests = rig.simulator.requests.length;

    const printer = await startVirtualPrinter({ port });
    try {
      const printed = rig.scanReaches(entry.id, 'printed');
      rig.clock.advance(Date.parse(print.nextAttemptAt ?? '') - rig.clock.now());
      await printed;
      const [job] = await printer.waitForJobs(1);
      expect(job?.bytes.equals(label.bytes)).toBe(true);
      expect(printer.jobs).toHaveLength(1);
      expect(rig.simulator.requests).toHaveLength(requests);
    } finally {
      await printer.close();
    }
  });
});

describe('offline: Sendcloud out of reach', () => {
  it('queues scans with the reason, resolves an uncached one when back, and prints all in scan order', async () => {
    const r = (rig = await startOutboxRig({ simulator: { orderVisibilityDelayMs: 0 } }));
    const [a = '', b = '', c = ''] = r.orderNumbers(3);
    r.proxy.cut();
    // A shop order that arrived after the last sync: only Sendcloud knows it.
    const { order_number: fresh } = await r.placeOrder('SHOP-9001');
    const scanOrder = [a, fresh, b, c];

    const wentOffline = nextEvent(r.station, 'connectivity.changed', (s) => !s.online, 'offline');
    const entries = [];
    for (const code of scanOrder) entries.push(await r.scan(code));
    for (const entry of entries) {
      expect(entry, entry.code).toMatchObject({
        state: 'queued',
        waitingReason: expect.stringMatching(OFFLINE_REASON),
      });
    }
    // The first failed call told the station it is offline.
    expect(await wentOffline).toMatchObject({ online: false, lastError: { code: 'offline' } });
    const status = await r.station.handlers['station.status']({});
    expect(status.connectivity).toMatchObject({ online: false, queueLength: 4 });
    // The uncached scan waits unresolved: no order yet, only its code.
    expect((await r.queue()).map((j) => [j.kind, j.code, j.orderNumber])).toEqual([
      ['create-label', a, a],
      ['create-label', fresh, null],
      ['create-label', b, b],
      ['create-label', c, c],
    ]);
    expect(r.calls('POST', CREATE_LABEL)).toHaveLength(0);
    expect(r.printer.jobs).toHaveLength(0);

    r.proxy.restore();
    const backOnline = nextEvent(r.station, 'connectivity.changed', (s) => s.online, 'online');
    r.clock.advance(1_000); // the probe
    expect(await backOnline).toMatchObject({ online: true, lastError: null });

    const jobs = await r.printer.waitForJobs(4);
    expect(
      jobs.map((job) => scanOrder.find((o) => job.bytes.equals(onlyLabel(r, o).bytes))),
    ).toEqual(scanOrder);
    const printed = await Promise.all(entries.map((e) => r.scanReaches(e.id, 'printed')));
    expect(printed.map((e) => e.orderNumber)).toEqual(scanOrder);
    expect(r.printer.jobs).toHaveLength(4);
  });

  it('a rescan of an order queued unresolved joins that job once the order is cached', async () => {
    const r = (rig = await startOutboxRig({ simulator: { orderVisibilityDelayMs: 0 } }));
    r.proxy.cut();
    const fresh = await r.placeOrder('SHOP-9002');
    const first = await r.scan(fresh.order_number);
    expect(first).toMatchObject({ state: 'queued' });
    // The order reaches the cache (a sync on another path) while the first job still waits.
    upsertOrders(
      r.station.db,
      [toCachedOrder(orderSchema.parse(fresh.order), 'env')],
      new Date().toISOString(),
    );
    const second = await r.scan(fresh.order_number);
    expect(second).toMatchObject({ state: 'queued', jobId: first.jobId });
    expect(await r.queue()).toHaveLength(1);

    r.proxy.restore();
    r.clock.advance(1_000); // the probe
    await r.scanReaches(first.id, 'printed');
    await r.scanReaches(second.id, 'printed');
    expect(r.simulator.labelsFor(fresh.order_number)).toHaveLength(1);
    expect(await r.queue()).toEqual([]);
  });

  it('holds the labels of a drain for the batch print, then prints them in scan order', async () => {
    const r = (rig = await startOutboxRig());
    await r.station.handlers['outbox.settings']({ drainMode: 'hold' });
    const scanOrder = r.orderNumbers(3);
    r.proxy.cut();
    const entries = [];
    for (const code of scanOrder) entries.push(await r.scan(code));

    const labelsMade = nextEvent(
      r.station,
      'jobs.changed',
      (jobs) => jobs.length > 0 && jobs.every((j) => j.kind === 'print'),
      'every label made',
    );
    r.proxy.restore();
    r.clock.advance(1_000);
    const queue = await labelsMade;

    expect(queue.map((j) => [j.code, j.state])).toEqual(scanOrder.map((o) => [o, 'held']));
    expect(r.printer.jobs).toHaveLength(0);
    for (const entry of entries) {
      expect(await r.scanReaches(entry.id, 'queued'), entry.code).toMatchObject({
        waitingReason: 'Held for the batch print.',
        trackingNumber: onlyLabel(rig, entry.code).trackingNumber,
      });
    }

    expect(await r.station.handlers['queue.printHeld']({})).toEqual({ released: 3 });
    const jobs = await r.printer.waitForJobs(3);
    expect(jobs.map((job) => job.bytes)).toEqual(scanOrder.map((o) => onlyLabel(r, o).bytes));
    await Promise.all(entries.map((e) => r.scanReaches(e.id, 'printed')));
  });

  it('asks before printing a label that waited longer than the set age, and prints it on retry', async () => {
    rig = await startOutboxRig();
    await rig.station.handlers['outbox.settings']({ staleAfterMinutes: 1 });
    const [order = ''] = rig.orderNumbers(1);
    rig.proxy.cut();
    const entry = await rig.scan(order);
    expect(entry.state).toBe('queued');

    rig.proxy.restore();
    const stale = rig.scanReaches(
      entry.id,
      'queued',
      (e) => e.error === null && /Print it now/.test(e.waitingReason ?? ''),
    );
    rig.clock.advance(2 * 60_000);
    expect(await stale).toMatchObject({
      step: 'Waiting for a go-ahead',
      waitingReason: `Label for ${order} waited 2 min. Print it now?`,
    });
    const print = jobOf(await rig.queue(), 'print', order);
    expect(print).toMatchObject({ state: 'needs-attention', lastError: { code: 'label-stale' } });
    expect(rig.printer.jobs).toHaveLength(0);

    const printed = rig.scanReaches(entry.id, 'printed');
    await rig.station.handlers['queue.retry']({ id: print.id });
    await printed;
    const [job] = await rig.printer.waitForJobs(1);
    expect(job?.bytes.equals(onlyLabel(rig, order).bytes)).toBe(true);
  });
});

describe('a packer’s hand on the queue', () => {
  it('cancels a waiting job: its scan fails as cancelled and no label is made; a finished job cannot be cancelled', async () => {
    rig = await startOutboxRig();
    const [printedOrder = '', waitingOrder = ''] = rig.orderNumbers(2);
    const printed = await rig.scan(printedOrder);
    expect(printed.state).toBe('printed');

    rig.proxy.cut();
    const queued = await rig.scan(waitingOrder);
    const job = jobOf(await rig.queue(), 'create-label', waitingOrder);
    expect(job.state).toBe('waiting');

    const failed = rig.scanReaches(queued.id, 'failed');
    expect(await rig.station.handlers['queue.cancel']({ id: job.id })).toMatchObject({
      state: 'cancelled',
    });
    expect(await failed).toMatchObject({ step: 'Cancelled', error: { code: 'cancelled' } });

    // Back online, the cancelled job stays cancelled.
    rig.proxy.restore();
    const online = nextEvent(rig.station, 'connectivity.changed', (s) => s.online, 'online');
    rig.clock.advance(1_000);
    await online;
    expect(await rig.queue()).toEqual([]);
    expect(rig.simulator.labelsFor(waitingOrder)).toHaveLength(0);

    await expect(
      rig.station.handlers['queue.cancel']({ id: printed.jobId ?? '' }),
    ).rejects.toMatchObject({
      code: 'invalid-input',
      said: { key: 'station.queue.cannotCancel' },
    });
    await expect(rig.station.handlers['queue.retry']({ id: job.id })).rejects.toMatchObject({
      code: 'invalid-input',
      said: { key: 'station.queue.nothingToRetry' },
    });
  });

  it('retries a job that needs attention when a packer says so', async () => {
    rig = await startOutboxRig();
    const [order = ''] = rig.orderNumbers(1);
    rig.simulator.faults.set({ errorRates: { 422: 1 }, ...onlyCreateLabel });

    const entry = await rig.scan(order);
    expect(entry).toMatchObject({ state: 'failed', error: { code: 'sendcloud-error' } });
    const job = jobOf(await rig.queue(), 'create-label', order);
    expect(job).toMatchObject({ state: 'needs-attention', nextAttemptAt: null });

    rig.simulator.faults.reset();
    const printed = rig.scanReaches(entry.id, 'printed');
    expect(await rig.station.handlers['queue.retry']({ id: job.id })).toMatchObject({
      state: 'queued',
    });
    await printed;
    const [print] = await rig.printer.waitForJobs(1);
    expect(print?.bytes.equals(onlyLabel(rig, order).bytes)).toBe(true);
  });
});

describe('the outbox never busy-loops', () => {
  it('makes no call and no change while a job waits for its time, and one try when it is due', async () => {
    rig = await startOutboxRig();
    const [order = ''] = rig.orderNumbers(1);
    rig.simulator.faults.set({ errorRates: { 503: 1 }, ...onlyCreateLabel });
    const entry = await rig.scan(order);
    const job = jobOf(await rig.queue(), 'create-label', order);
    const due = Date.parse(job.nextAttemptAt ?? '');
    rig.simulator.faults.reset();

    // The pushes of the failed try itself go out on the next turns; count from after them.
    await turns(5);
    const requests = rig.simulator.requests.length;
    let pushes = 0;
    const unsubscribe = rig.station.subscribe(() => pushes++);
    // Time runs up to a millisecond before the job is due, with the event loop free to run.
    while (rig.clock.now() < due - 1) {
      rig.clock.advance(Math.min(100, due - 1 - rig.clock.now()));
      await turns(20);
    }
    await turns(200);
    unsubscribe();
    expect(rig.simulator.requests).toHaveLength(requests);
    expect(pushes).toBe(0);

    const printed = rig.scanReaches(entry.id, 'printed');
    rig.clock.advance(1);
    await printed;
    expect(rig.calls('POST', CREATE_LABEL).map((c) => c.status)).toEqual([503, 201]);
  });
});
