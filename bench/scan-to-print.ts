// Scan-to-print overhead: from the scan command to the last label byte at the printer, over
// 500 scans with the simulator answering at zero latency. The baseline, measured in the same
// run and interleaved with it, is the irreducible work: the same create-label-sync call made
// straight with the client and the same bytes sent straight over TCP. A second station, with
// packers set up and a packer signed in, scans in the same loop: the cost of who-scanned-it (the
// badge check, the session, recording the packer) is its ratio to the first.
import { performance } from 'node:perf_hooks';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setLogSink } from '../src-main/log';
import { createTcpPrinter } from '../src-main/printing/tcp';
import { startVirtualPrinter } from '../src-main/printing/virtual-printer';
import { createSendcloudClient } from '../src-main/sendcloud/client';
import { createRateLimiter } from '../src-main/sendcloud/rate-limit';
import { startSimulator } from '../src-main/simulator/index';
import { createStation } from '../src-main/station';
import { percentile, round, type BenchResult } from './stats';

const SCANS = 500;
const WARMUP = 20;

export async function benchScanToPrint(): Promise<BenchResult[]> {
  setLogSink({ write: () => undefined }, 'error');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-bench-'));
  // 1,040 labels in well under a minute: far past the 100 writes/min a real account gets, so
  // both the simulator's and the client's rate limits are off. This measures the station's own
  // overhead; the outbox benchmark measures draining against the limits.
  // About one order in six ships with a PDF-only carrier and is left out below.
  // Two stations scan: half as many orders again.
  const simulator = await startSimulator({ orderCount: (SCANS + WARMUP) * 3, rateLimits: false });
  const limiter = createRateLimiter({ budgets: { read: [], write: [] } });
  const printer = await startVirtualPrinter();
  const packedDir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-bench-'));
  const stationAt = (dir: string) =>
    createStation({
      settings: {
        dataDir: dir,
        sendcloud: { url: simulator.url, ...simulator.keys },
        integrationId: null,
        sendcloudTimeoutMs: 30_000,
        printer: { host: printer.host, port: printer.port },
      },
      sendcloudClient: { limiter },
    });
  const station = await stationAt(dataDir);
  const packed = await stationAt(packedDir);
  try {
    await station.handlers['orders.sync']({});
    await packed.handlers['orders.sync']({});
    await packed.handlers['packers.add']({ name: 'Sam', role: 'supervisor', pin: '1357' });
    const crew = await packed.handlers['packers.add']({ name: 'Pat', role: 'packer', pin: '2468' });
    const pat = crew.find((p) => p.name === 'Pat');
    if (!pat) throw new Error('no packer');
    await packed.handlers['session.signIn']({ packerId: pat.id, pin: '2468' });
    const client = createSendcloudClient({ baseUrl: simulator.url, ...simulator.keys, limiter });
    const rawPrinter = createTcpPrinter({ host: printer.host, port: printer.port });
    // Native ZPL only: PDF-only carriers go through PDF → ZPL, measured in the formats bench.
    const orders = simulator
      .orders()
      .filter((order) => !order.shipping_option_code.startsWith('colissimo:'));

    const via =
      (at: typeof station) =>
      async (orderNumber: string): Promise<number> => {
        const jobsBefore = printer.jobs.length;
        const start = performance.now();
        const entry = await at.handlers['scan.submit']({ code: orderNumber });
        if (entry.state !== 'printed')
          throw new Error(`scan failed: ${JSON.stringify(entry.error)}`);
        const job = printer.jobs[jobsBefore];
        if (!job) throw new Error('no job at the printer');
        return job.receivedAtMs - start;
      };
    const viaStation = via(station);
    const viaPacked = via(packed);
    const direct = async (orderId: string): Promise<number> => {
      const jobsBefore = printer.jobs.length;
      const start = performance.now();
      const label = await client.createLabelSync({
        integrationId: simulator.integrationId,
        order: { orderId },
        format: 'zpl',
        dpi: 203,
      });
      await rawPrinter.send(label.label.bytes);
      const job = printer.jobs[jobsBefore];
      if (!job) throw new Error('no job at the printer');
      return job.receivedAtMs - start;
    };

    // Each station labels its own orders: the first half for one, the second for the other.
    const half = WARMUP + SCANS;
    const other = (index: number) => orders[half + index];
    for (const [index, order] of orders.slice(0, WARMUP).entries()) {
      await viaStation(order.order_number);
      await viaPacked(other(index)?.order_number ?? '');
      await direct(order.order_id);
    }
    const stationMs: number[] = [];
    const packedMs: number[] = [];
    const baselineMs: number[] = [];
    // Interleave so all see the same machine load and the same simulator state.
    for (const [index, order] of orders.slice(WARMUP, WARMUP + SCANS).entries()) {
      stationMs.push(await viaStation(order.order_number));
      packedMs.push(await viaPacked(other(WARMUP + index)?.order_number ?? ''));
      baselineMs.push(await direct(order.order_id));
    }
    const k50 = percentile(packedMs, 50);
    const k95 = percentile(packedMs, 95);

    const p50 = percentile(stationMs, 50);
    const p95 = percentile(stationMs, 95);
    const b50 = percentile(baselineMs, 50);
    const b95 = percentile(baselineMs, 95);
    return [
      { name: 'scan-to-print', unit: 'ms', p50: round(p50), p95: round(p95), goal: 'p95 < 25 ms' },
      {
        name: 'scan-to-print baseline (direct API call + TCP send)',
        unit: 'ms',
        p50: round(b50),
        p95: round(b95),
        goal: null,
      },
      {
        name: 'scan-to-print overhead over baseline',
        unit: 'ms',
        p50: round(p50 - b50),
        p95: round(p95 - b95),
        goal: null,
      },
      {
        name: 'scan-to-print / baseline',
        unit: 'ratio',
        p50: round(p50 / b50),
        p95: round(p95 / b95),
        goal: null,
      },
      {
        name: 'scan-to-print with a packer signed in',
        unit: 'ms',
        p50: round(k50),
        p95: round(k95),
        goal: 'no regression',
      },
      {
        name: 'scan-to-print packer signed in / no packers',
        unit: 'ratio',
        p50: round(k50 / p50),
        p95: round(k95 / p95),
        goal: '≈ 1',
      },
    ];
  } finally {
    await packed.close();
    await station.close();
    await printer.close();
    await simulator.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(packedDir, { recursive: true, force: true });
  }
}
