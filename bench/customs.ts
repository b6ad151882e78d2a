// Scan-to-print of a customs order (label on the label printer, customs declaration on the A4
// printer) next to a plain order's, interleaved in one run, the simulator at zero latency. The
// extra time should be the extra document call and the A4 print: both are timed as the station
// does them (its log line for the printed documents), and the rest of the difference is shown.
import { performance } from 'node:perf_hooks';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setLogSink } from '../src-main/log';
import { startVirtualPrinter, type VirtualPrinter } from '../src-main/printing/virtual-printer';
import { createRateLimiter } from '../src-main/sendcloud/rate-limit';
import { startSimulator } from '../src-main/simulator/index';
import { createStation } from '../src-main/station';
import { msResult, percentile, round, type BenchResult } from './stats';

const SCANS = 60;
const WARMUP = 5;
const PLAIN = 200;

/** Resolves when the printer holds more than `count` jobs. */
async function jobAfter(printer: VirtualPrinter, count: number): Promise<number> {
  const jobs = await printer.waitForJobs(count + 1, 15_000);
  const job = jobs[count];
  if (!job) throw new Error('no job at the printer');
  return job.receivedAtMs;
}

export async function benchCustoms(): Promise<BenchResult[]> {
  const timings: { fetchMs: number; printerMs: number }[] = [];
  setLogSink(
    {
      write: (line) => {
        const entry = JSON.parse(line) as { msg?: string; fetchMs?: number; printerMs?: number };
        if (entry.msg === 'customs documents printed') {
          timings.push({ fetchMs: entry.fetchMs ?? 0, printerMs: entry.printerMs ?? 0 });
        }
      },
    },
    'info',
  );
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-bench-'));
  const simulator = await startSimulator({
    orderCount: PLAIN,
    customsOrders: 6 + SCANS + WARMUP,
    rateLimits: false,
  });
  const limiter = createRateLimiter({ budgets: { read: [], write: [] } });
  const zebra = await startVirtualPrinter();
  const a4 = await startVirtualPrinter();
  const station = await createStation({
    settings: {
      dataDir,
      sendcloud: { url: simulator.url, ...simulator.keys },
      integrationId: null,
      sendcloudTimeoutMs: 30_000,
      printer: { host: zebra.host, port: zebra.port },
    },
    sendcloudClient: { limiter },
  });
  try {
    await station.handlers['orders.sync']({});
    await station.handlers['printers.add']({
      name: 'A4 office printer',
      transport: 'tcp',
      address: `${a4.host}:${a4.port}`,
      language: 'pdf',
      dpi: 203,
      paper: 'A4',
      position: 0,
    });
    const all = simulator.orders();
    const plain = all
      .slice(0, PLAIN)
      .filter((order) => !order.shipping_option_code.startsWith('colissimo:'));
    // Past the six planned customs orders (two with an HS code missing): complete ones only.
    const customs = all.slice(PLAIN + 6);

    const plainScan = async (code: string): Promise<number> => {
      const before = zebra.jobs.length;
      const start = performance.now();
      const entry = await station.handlers['scan.submit']({ code });
      if (entry.state !== 'printed') throw new Error(`scan failed: ${JSON.stringify(entry.error)}`);
      return (await jobAfter(zebra, before)) - start;
    };
    const customsScan = async (code: string): Promise<{ label: number; total: number }> => {
      const labels = zebra.jobs.length;
      const documents = a4.jobs.length;
      const start = performance.now();
      const entry = await station.handlers['scan.submit']({ code });
      if (entry.state !== 'printed') throw new Error(`scan failed: ${JSON.stringify(entry.error)}`);
      const label = (await jobAfter(zebra, labels)) - start;
      const total = (await jobAfter(a4, documents)) - start;
      return { label, total };
    };

    for (let index = 0; index < WARMUP; index += 1) {
      await plainScan(plain[index]?.order_number ?? '');
      await customsScan(customs[index]?.order_number ?? '');
    }
    timings.length = 0;
    const plainMs: number[] = [];
    const labelMs: number[] = [];
    const customsMs: number[] = [];
    for (let index = WARMUP; index < WARMUP + SCANS; index += 1) {
      plainMs.push(await plainScan(plain[index]?.order_number ?? ''));
      const { label, total } = await customsScan(customs[index]?.order_number ?? '');
      labelMs.push(label);
      customsMs.push(total);
    }
    // The documents job logs after its status check: wait for the last one's line.
    const deadline = Date.now() + 5_000;
    while (timings.length < SCANS && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const fetchMs = timings.map((t) => t.fetchMs);
    const printerMs = timings.map((t) => t.printerMs);
    const extra = customsMs.map((total, index) => total - (plainMs[index] ?? 0));
    return [
      msResult('customs scan-to-print (label + customs documents)', customsMs),
      msResult('customs scan-to-print, its label only', labelMs),
      msResult('plain scan-to-print, same run', plainMs),
      {
        name: 'customs / plain scan-to-print',
        unit: 'ratio',
        p50: round(percentile(customsMs, 50) / percentile(plainMs, 50)),
        p95: round(percentile(customsMs, 95) / percentile(plainMs, 95)),
        goal: null,
      },
      msResult('customs extra over plain (paired)', extra),
      msResult('customs document call (GET customs-declaration)', fetchMs),
      msResult('customs A4 print (send to the A4 printer)', printerMs),
    ];
  } finally {
    await station.close();
    await zebra.close();
    await a4.close();
    await simulator.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

// `npx tsx bench/customs.ts`: this benchmark alone.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const results = await benchCustoms();
  const { writeResults } = await import('./stats');
  writeResults(results);
  for (const r of results) console.log(`${r.name}: p50 ${r.p50} ${r.unit}, p95 ${r.p95} ${r.unit}`);
}
