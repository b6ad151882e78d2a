import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../src-main/clock';
import { setLogSink } from '../../src-main/log';
import { createStation } from '../../src-main/station';
import { tempDir } from '../helpers/tmp';
import { closedPort } from '../helpers/net';
import { startStationRig, type StationRig } from '../helpers/station';

function auditRows(rig: StationRig) {
  const db = new Database(path.join(rig.dataDir, 'packdesk.sqlite'), { readonly: true });
  try {
    return db
      .prepare(
        'SELECT code, state, error_code, error_message, tracking_number, started_at, finished_at FROM scan_audit ORDER BY started_at',
      )
      .all() as {
      code: string;
      state: string;
      error_code: string | null;
      error_message: string | null;
      tracking_number: string | null;
      started_at: string;
      finished_at: string | null;
    }[];
  } finally {
    db.close();
  }
}

describe('the Station: a scan becomes a label on the printer', () => {
  let rig: StationRig | undefined;
  afterEach(async () => {
    await rig?.close();
    rig = undefined;
  });

  it('sends the exact label bytes the simulator issued to the printer and keeps the shipment', async () => {
    rig = await startStationRig();
    const order = rig.simulator.orders()[0];
    if (!order) throw new Error('no orders');

    const entry = await rig.scan(order.order_number);

    expect(entry.state).toBe('printed');
    const issued = rig.simulator.ledger.filter((e) => e.orderNumber === order.order_number);
    expect(issued).toHaveLength(1);
    const [label] = issued;
    expect(label?.format).toBe('zpl');
    const [job] = await rig.printer.waitForJobs(1);
    expect(job?.bytes.equals(label?.bytes ?? Buffer.alloc(0))).toBe(true);
    expect(entry.trackingNumber).toBe(label?.trackingNumber);

    const db = new Database(path.join(rig.dataDir, 'packdesk.sqlite'), { readonly: true });
    const shipment = db
      .prepare(
        'SELECT tracking_number, carrier, l.bytes AS label, label_format, printed_at, print_count FROM shipments s JOIN shipment_labels l USING (parcel_id) WHERE order_number = ?',
      )
      .get(order.order_number) as {
      tracking_number: string;
      carrier: string;
      label: Buffer;
      label_format: string;
      printed_at: string | null;
      print_count: number;
    };
    db.close();
    expect(shipment.tracking_number).toBe(label?.trackingNumber);
    expect(shipment.carrier).toBe(label?.carrier);
    expect(shipment.label.equals(label?.bytes ?? Buffer.alloc(0))).toBe(true);
    expect(shipment.label_format).toBe('zpl');
    expect(shipment.printed_at).not.toBeNull();
    expect(shipment.print_count).toBe(1);

    expect(auditRows(rig)).toMatchObject([
      {
        code: order.order_number,
        state: 'printed',
        tracking_number: label?.trackingNumber,
        error_code: null,
      },
    ]);
    // The renderer heard every step, ending with the printed outcome.
    expect(rig.events.at(-1)).toMatchObject({ id: entry.id, state: 'printed' });
    expect(rig.events.filter((e) => e.id === entry.id).length).toBeGreaterThan(2);
  });

  it('never labels an order twice: a second scan says so, a tracking-number scan reprints', async () => {
    rig = await startStationRig();
    const order = rig.simulator.orders()[1];
    if (!order) throw new Error('no orders');
    const scanned = await rig.scan(order.order_number);
    // On a loaded machine the first scan may answer "queued" before its label prints: a scan in
    // that window joins the job on its way (another test covers it). This one is about a scan
    // after the label is out.
    const first = await vi.waitFor(() => {
      const printed = rig?.events.find((e) => e.id === scanned.id && e.state === 'printed');
      if (!printed) throw new Error('the first scan is not printed yet');
      return printed;
    }, 20_000);
    const again = await rig.scan(order.order_number);
    expect(again).toMatchObject({
      state: 'failed',
      orderNumber: order.order_number,
      error: {
        code: 'already-labelled',
        key: 'scan.error.alreadyLabelled',
        params: { order: order.order_number, tracking: first.trackingNumber },
      },
    });

    const reprint = await rig.scan(first.trackingNumber ?? '');
    expect(reprint).toMatchObject({
      state: 'printed',
      reprint: true,
      orderNumber: order.order_number,
    });
    expect(rig.simulator.ledger.filter((e) => e.orderNumber === order.order_number)).toHaveLength(
      1,
    );
    const jobs = await rig.printer.waitForJobs(2);
    expect(jobs[1]?.bytes.equals(jobs[0]?.bytes ?? Buffer.alloc(0))).toBe(true);
  });

  it('shows the shipping option the label is made with, by the name Sendcloud gives it', async () => {
    rig = await startStationRig();
    const { simulator, station } = rig;
    const [order] = simulator.orders().slice(3, 4);
    if (!order) throw new Error('no orders');
    const code = order.shipping_option_code;
    const asks = () =>
      simulator.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/shipping-options'));

    // Keys from the environment are never verified on screen: the station asks for the names
    // of the options once at start, with one request, and keeps them.
    await vi.waitFor(() => {
      const saved = station.db.prepare('SELECT COUNT(*) AS n FROM shipping_option_names').get();
      expect((saved as { n: number }).n).toBeGreaterThan(0);
    });
    expect(asks()).toHaveLength(1);
    const choices = await station.handlers['accounts.verify']({ ...simulator.keys });
    const named = choices.shippingOptions.find((option) => option.code === code);
    expect(named?.name).toBeTruthy();
    expect(named?.name).not.toBe(code);

    const scanned = await rig.scan(order.order_number);
    expect(scanned).toMatchObject({
      state: 'printed',
      shippingOption: { code, name: named?.name },
    });
    // Every step the renderer heard after the order was known carried it.
    const steps = rig.events.filter((e) => e.id === scanned.id && e.orderNumber !== null);
    expect(steps.every((e) => e.shippingOption?.code === code)).toBe(true);
  });

  it('two scans of one order at the same moment make one label', async () => {
    rig = await startStationRig();
    const order = rig.simulator.orders()[2];
    if (!order) throw new Error('no orders');
    const results = await Promise.all([rig.scan(order.order_number), rig.scan(order.order_number)]);
    // Both scans ride the one job the order has: one label, printed once.
    expect(results.map((r) => r.state)).toEqual(['printed', 'printed']);
    expect(results[0]?.jobId).toBe(results[1]?.jobId);
    expect(rig.simulator.ledger.filter((e) => e.orderNumber === order.order_number)).toHaveLength(
      1,
    );
    expect(rig.printer.jobs).toHaveLength(1);
  });

  it('an unknown order ends in a clear error and an audit entry', async () => {
    rig = await startStationRig();
    const entry = await rig.scan('PD-00000');
    expect(entry).toMatchObject({
      state: 'failed',
      error: {
        code: 'order-not-found',
        key: 'error.orderNotFound',
        params: { code: 'PD-00000' },
      },
    });
    expect(rig.printer.jobs).toHaveLength(0);
    const [row] = auditRows(rig);
    expect(row).toMatchObject({ code: 'PD-00000', state: 'failed', error_code: 'order-not-found' });
    expect(row?.finished_at).not.toBeNull();
  });

  it('a Sendcloud 500 queues the scan with its reason, audited; a retry prints it once', async () => {
    rig = await startStationRig();
    const order = rig.simulator.orders()[3];
    if (!order) throw new Error('no orders');
    rig.simulator.faults.set({ failStatus: 500, failRate: 1 });
    const entry = await rig.scan(order.order_number);
    expect(entry.state).toBe('queued');
    expect(entry.waitingReason).toEqual({ key: 'job.waiting.sendcloudTrouble', params: {} });
    expect(rig.printer.jobs).toHaveLength(0);
    expect(auditRows(rig)).toMatchObject([{ state: 'queued' }]);
    const [job] = await rig.station.handlers['queue.list']({});
    expect(job).toMatchObject({ kind: 'create-label', state: 'waiting', attempts: 1 });
    expect(job?.lastError).toMatchObject({
      code: 'sendcloud-error',
      key: 'sendcloud.serverError.detail',
      params: { status: 500 },
    });

    rig.simulator.faults.reset();
    const printed = new Promise<void>((resolve) =>
      rig?.station.subscribe((event, payload) => {
        if (event === 'scan.updated' && (payload as { state: string }).state === 'printed')
          resolve();
      }),
    );
    await rig.station.handlers['queue.retry']({ id: job?.id ?? '' });
    await printed;
    expect(auditRows(rig)[0]?.state).toBe('printed');
    expect(rig.printer.jobs).toHaveLength(1);
    expect(rig.simulator.labelsFor(order.order_number)).toHaveLength(1);
  });

  it('a closed printer port queues the print with its reason; the label is made once and kept', async () => {
    rig = await startStationRig({ printerPort: await closedPort() });
    const order = rig.simulator.orders()[4];
    if (!order) throw new Error('no orders');
    const entry = await rig.scan(order.order_number);
    expect(entry).toMatchObject({ state: 'queued', trackingNumber: expect.any(String) });
    expect(entry.waitingReason).toMatchObject({
      key: 'job.waiting.printer',
      params: { problem: { key: 'printer.notReachable' } },
    });
    expect(auditRows(rig)).toMatchObject([{ state: 'queued' }]);
    // Sendcloud made the label once; scanning again joins the waiting job, no second label.
    const again = await rig.scan(order.order_number);
    expect(again).toMatchObject({ state: 'queued', jobId: entry.jobId });
    expect(rig.simulator.labelsFor(order.order_number)).toHaveLength(1);
    const jobs = await rig.station.handlers['queue.list']({});
    expect(jobs).toMatchObject([{ kind: 'print', state: 'waiting' }]);
  });

  it('caches only recent orders, and still finds an older one with one lookup when scanned', async () => {
    const later = { ...systemClock, now: () => Date.now() + 40 * 86_400_000 };
    rig = await startStationRig({ clock: later });
    expect((await rig.station.handlers['station.status']({})).ordersCached).toBe(0);
    const order = rig.simulator.orders()[7];
    if (!order) throw new Error('no orders');
    const entry = await rig.scan(order.order_number);
    expect(entry.state).toBe('printed');
    expect(rig.events.some((e) => e.step.key === 'scan.step.askingSendcloud')).toBe(true);
    expect((await rig.station.handlers['station.status']({})).ordersCached).toBe(1);
  });

  it('reports the demo-free status: live mode, the integration and the cached orders', async () => {
    rig = await startStationRig();
    const status = await rig.station.handlers['station.status']({});
    expect(status.mode).toBe('live');
    expect(status.integration?.id).toBe(rig.simulator.integrationId);
    expect(status.ordersCached).toBe(rig.simulator.orders().length);
    expect(status.ordersSyncedAt).not.toBeNull();
    expect(status.syncError).toBeNull();
  });

  it('keeps the API keys out of the database, its WAL, the log and every response', async () => {
    const lines: string[] = [];
    setLogSink({ write: (line) => lines.push(line) }, 'debug');
    try {
      rig = await startStationRig();
      const { publicKey, secretKey } = rig.simulator.keys;
      const responses: unknown[] = [];
      const order = rig.simulator.orders()[5];
      if (!order) throw new Error('no orders');
      responses.push(await rig.scan(order.order_number));
      rig.simulator.faults.set({ failStatus: 500, failRate: 1 });
      responses.push(await rig.scan(rig.simulator.orders()[6]?.order_number ?? ''));
      responses.push(await rig.station.handlers['station.status']({}));
      responses.push(await rig.station.handlers['scan.recent']({ limit: 20 }));

      const basic = Buffer.from(`${publicKey}:${secretKey}`).toString('base64');
      const files = fs
        .readdirSync(rig.dataDir)
        .map((name) => fs.readFileSync(path.join(rig?.dataDir ?? '', name)).toString('latin1'));
      expect(files.length).toBeGreaterThanOrEqual(2); // the database and its WAL
      const haystacks = [
        ...files,
        lines.join('\n'),
        JSON.stringify(responses),
        JSON.stringify(rig.events),
      ];
      for (const text of haystacks) {
        expect(text).not.toContain(secretKey);
        expect(text).not.toContain(basic);
      }
      expect(lines.length).toBeGreaterThan(0);
    } finally {
      setLogSink({ write: (line) => process.stderr.write(line + '\n') }, 'info');
    }
  });
});

describe('demo faults', () => {
  it('exist only in demo mode, and make the embedded Sendcloud fail as set', async () => {
    const live = await startStationRig();
    try {
      await expect(live.station.handlers['demo.faults']({})).rejects.toMatchObject({
        code: 'forbidden',
      });
    } finally {
      await live.close();
    }

    const data = tempDir();
    const station = await createStation({
      settings: {
        dataDir: data.dir,
        sendcloud: null,
        integrationId: null,
        printer: null,
        sendcloudTimeoutMs: 30_000,
      },
    });
    try {
      await station.handlers['orders.sync']({});
      const order = station.simulator?.orders()[0];
      if (!order) throw new Error('no demo orders');
      const set = await station.handlers['demo.setFaults']({
        latencyMs: 0,
        errorRate: 1,
        errorStatus: 503,
        timeoutRate: 0,
        lostResponseRate: 0,
      });
      expect(set).toEqual({
        latencyMs: 0,
        errorRate: 1,
        errorStatus: 503,
        timeoutRate: 0,
        lostResponseRate: 0,
      });
      const queued = await station.handlers['scan.submit']({ code: order.order_number });
      expect(queued.state).toBe('queued');
      const [job] = await station.handlers['queue.list']({});
      expect(job?.lastError).toMatchObject({
        key: 'sendcloud.serverError.detail',
        params: { status: 503 },
      });

      await station.handlers['demo.setFaults']({ ...set, errorRate: 0 });
      await station.handlers['queue.retry']({ id: queued.jobId ?? '' });
      await station.virtualPrinter?.waitForJobs(1);
      expect(station.simulator?.labelsFor(order.order_number)).toHaveLength(1);
    } finally {
      await station.close();
      data.cleanup();
    }
  });
});

describe('shutdown', () => {
  it('never hangs on a Sendcloud call in flight; the job is left to the next start', async () => {
    const rig = await startStationRig();
    try {
      const order = rig.simulator.orders()[8];
      if (!order) throw new Error('no orders');
      rig.simulator.faults.set({ latencyMs: 25_000, only: { method: 'POST' } });
      const entry = await rig.scan(order.order_number);
      expect(entry.state).toBe('queued');
      const started = performance.now();
      await rig.station.close();
      expect(performance.now() - started).toBeLessThan(5_000);
    } finally {
      await rig.printer.close();
      await rig.simulator.close();
      fs.rmSync(rig.dataDir, { recursive: true, force: true });
    }
  });
});
