// The tracking poll must never slow scans. Three figures: scan-to-print on a station whose poll
// runs every 20 ms (far past its 20 s budget, to make any contention show) against one with the
// poll off, on the same simulator; one poll round (100 parcels, one read); and the query that
// picks the parcels due, on 100,000 shipments.
import { performance } from 'node:perf_hooks';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { systemClock } from '../src-main/clock';
import { setLogSink } from '../src-main/log';
import { startVirtualPrinter, type VirtualPrinter } from '../src-main/printing/virtual-printer';
import { createSendcloudClient } from '../src-main/sendcloud/client';
import { createRateLimiter } from '../src-main/sendcloud/rate-limit';
import { createTracking } from '../src-main/shipping/tracking';
import { startSimulator } from '../src-main/simulator/index';
import { createStation, type Station } from '../src-main/station';
import { openDatabase } from '../src-main/store/db';
import { insertShipment } from '../src-main/store/shipments';
import { trackingDue } from '../src-main/store/tracking';
import { percentile, round, type BenchResult } from './stats';

const SCANS = 150;
const WARMUP = 20;
const POLLS = 40;
const PAUSE_MS = 30;
const QUERY_ROWS = 100_000;
const QUERY_RUNS = 200;

export async function benchTracking(): Promise<BenchResult[]> {
  setLogSink({ write: () => undefined }, 'error');
  const dirs: string[] = [];
  const simulator = await startSimulator({ orderCount: (SCANS + WARMUP) * 3, rateLimits: false });
  const limiter = createRateLimiter({ budgets: { read: [], write: [] } });
  const printers: VirtualPrinter[] = [];
  const stations: Station[] = [];
  const open = async (trackingIntervalMs: number) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-bench-tracking-'));
    dirs.push(dataDir);
    const printer = await startVirtualPrinter();
    printers.push(printer);
    const station = await createStation({
      trackingIntervalMs,
      settings: {
        dataDir,
        sendcloud: { url: simulator.url, ...simulator.keys },
        integrationId: null,
        sendcloudTimeoutMs: 30_000,
        printer: { host: printer.host, port: printer.port },
      },
      sendcloudClient: { limiter },
    });
    stations.push(station);
    await station.handlers['orders.sync']({});
    return { station, printer };
  };
  try {
    const quiet = await open(0);
    const orders = simulator
      .orders()
      .filter((order) => !order.shipping_option_code.startsWith('colissimo:'));
    const scan = async (rig: { station: Station; printer: VirtualPrinter }, code: string) => {
      const before = rig.printer.jobs.length;
      const start = performance.now();
      const entry = await rig.station.handlers['scan.submit']({ code });
      if (entry.state !== 'printed') throw new Error(`scan failed: ${JSON.stringify(entry.error)}`);
      const job = rig.printer.jobs[before];
      if (!job) throw new Error('no job at the printer');
      return job.receivedAtMs - start;
    };
    let next = 0;
    const take = () => {
      const order = orders[next++];
      if (!order) throw new Error('out of orders');
      return order.order_number;
    };
    const measure = async (rig: { station: Station; printer: VirtualPrinter }) => {
      for (let i = 0; i < WARMUP; i++) await scan(rig, take());
      const samples: number[] = [];
      for (let i = 0; i < SCANS; i++) {
        // A packer's pause between parcels (short, to give the poll many chances to run).
        await systemClock.sleep(PAUSE_MS);
        samples.push(await scan(rig, take()));
      }
      return samples;
    };
    // One after the other, not interleaved: both stations live in this process, so a poll's
    // parsing would land on the other station's scans, which have no say in when it runs.
    const withoutPoll = await measure(quiet);
    const polling = await open(20);
    const withPoll = await measure(polling);
    const reads = simulator.requests.filter(
      (r) => r.method === 'GET' && r.path === '/api/v3/shipments',
    ).length;

    // One round of the poll itself, over the quiet station's 170 labels (100 a read).
    const client = createSendcloudClient({ baseUrl: simulator.url, ...simulator.keys, limiter });
    const tracking = createTracking({
      db: quiet.station.db,
      clock: systemClock,
      accounts: { client: () => client, usable: () => true },
      connectivity: {
        current: () => ({ online: true, since: 0, lastError: null }),
        reached: () => undefined,
      },
      identity: { id: 'bench', name: 'Bench' },
      onChanged: () => undefined,
      onCancelled: () => undefined,
    });
    const pollMs: number[] = [];
    for (let i = 0; i < POLLS; i++) {
      const start = performance.now();
      const checked = await tracking.pollOnce();
      if (checked === 0) throw new Error('the poll checked nothing');
      pollMs.push(performance.now() - start);
    }

    const queryMs = dueQueryMs();
    const p50 = percentile(withPoll, 50);
    const p95 = percentile(withPoll, 95);
    const b50 = percentile(withoutPoll, 50);
    const b95 = percentile(withoutPoll, 95);
    return [
      {
        name: 'scan-to-print with the tracking poll every 20 ms',
        unit: 'ms',
        p50: round(p50),
        p95: round(p95),
        goal: `no regression (${reads} polls' reads ran alongside)`,
      },
      {
        name: 'scan-to-print with the tracking poll off',
        unit: 'ms',
        p50: round(b50),
        p95: round(b95),
        goal: null,
      },
      {
        name: 'scan-to-print, tracking poll on / off',
        unit: 'ratio',
        p50: round(p50 / b50),
        p95: round(p95 / b95),
        goal: '≈ 1',
      },
      {
        name: 'tracking poll round (100 parcels, one read)',
        unit: 'ms',
        p50: round(percentile(pollMs, 50)),
        p95: round(percentile(pollMs, 95)),
        goal: null,
      },
      {
        name: `tracking due query on ${QUERY_ROWS.toLocaleString('en')} shipments`,
        unit: 'ms',
        p50: round(percentile(queryMs, 50)),
        p95: round(percentile(queryMs, 95)),
        goal: 'p95 < 20 ms',
      },
    ];
  } finally {
    for (const station of stations) await station.close();
    for (const printer of printers) await printer.close();
    await simulator.close();
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The pick of the parcels due, on 100,000 shipments over 60 days, a third already checked. */
function dueQueryMs(): number[] {
  const db = openDatabase(':memory:');
  const now = Date.parse('2026-05-20T10:00:00Z');
  const span = 60 * 24 * 3_600_000;
  db.transaction(() => {
    for (let i = 1; i <= QUERY_ROWS; i++) {
      insertShipment(db, {
        parcelId: i,
        shipmentId: `s${i}`,
        orderRef: `o${i}`,
        orderNumber: `PD-${i}`,
        trackingNumber: `T${i}`,
        trackingUrl: null,
        carrier: 'dhl',
        label: null,
        labelFormat: 'zpl',
        labelDpi: 203,
        createdAt: new Date(now - span + Math.floor((i / QUERY_ROWS) * span)).toISOString(),
        accountId: 'a1',
        merchantId: null,
        cost: null,
      });
    }
    db.prepare(
      `UPDATE shipments SET tracking_status = CASE parcel_id % 4 WHEN 0 THEN 'delivered'
         ELSE 'in-transit' END, tracking_checked_at = created_at WHERE parcel_id % 3 = 0`,
    ).run();
  })();
  const since = new Date(now - 14 * 24 * 3_600_000).toISOString();
  const samples: number[] = [];
  for (let i = 0; i < QUERY_RUNS; i++) {
    const start = performance.now();
    const due = trackingDue(db, { sinceIso: since, limit: 400 });
    samples.push(performance.now() - start);
    if (due.length !== 400) throw new Error(`expected 400 due, got ${due.length}`);
  }
  db.close();
  return samples;
}
