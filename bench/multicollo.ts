// Scan-to-print for an order in three boxes next to a plain order's, in the same run, with the
// simulator answering at zero latency and its async labels ready at once: from the scan command
// to the last box's label at the printer. The extra time should be the async call, one document
// fetch per box, the shipment read and two more prints, nothing more.
import { performance } from 'node:perf_hooks';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setLogSink } from '../src-main/log';
import { startVirtualPrinter } from '../src-main/printing/virtual-printer';
import { createRateLimiter } from '../src-main/sendcloud/rate-limit';
import { startSimulator } from '../src-main/simulator/index';
import { createStation } from '../src-main/station';
import { msResult, round, type BenchResult } from './stats';

const SCANS = 40;
const WARMUP = 5;
const BOXES = 3;

export async function benchMulticollo(): Promise<BenchResult[]> {
  setLogSink({ write: () => undefined }, 'error');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-bench-'));
  const simulator = await startSimulator({
    orderCount: (SCANS + WARMUP) * 3,
    rateLimits: false,
    asyncLabelDelayMs: 0,
  });
  const printer = await startVirtualPrinter();
  const station = await createStation({
    settings: {
      dataDir,
      sendcloud: { url: simulator.url, ...simulator.keys },
      integrationId: null,
      sendcloudTimeoutMs: 30_000,
      printer: { host: printer.host, port: printer.port },
    },
    sendcloudClient: { limiter: createRateLimiter({ budgets: { read: [], write: [] } }) },
  });
  try {
    await station.handlers['orders.sync']({});
    // Native ZPL only: PDF-only carriers go through PDF → ZPL, measured in the formats bench.
    const orders = simulator
      .orders()
      .filter((order) => !order.shipping_option_code.startsWith('colissimo:'))
      .map((order) => order.order_number);
    const scan = async (orderNumber: string, boxes: number): Promise<number> => {
      if (boxes > 1) await station.handlers['scan.setNext']({ boxes });
      const last = printer.jobs.length + boxes - 1;
      const start = performance.now();
      const entry = await station.handlers['scan.submit']({ code: orderNumber });
      // A loaded machine may answer "queued" first: the printer says when it is done.
      if (entry.state === 'failed') throw new Error(`scan failed: ${JSON.stringify(entry)}`);
      const job = (await printer.waitForJobs(last + 1))[last];
      if (!job) throw new Error('no job at the printer');
      return job.receivedAtMs - start;
    };
    const boxed: number[] = [];
    const plain: number[] = [];
    for (let i = 0; i < WARMUP + SCANS; i++) {
      const a = orders[2 * i];
      const b = orders[2 * i + 1];
      if (!a || !b) throw new Error('not enough orders');
      const boxedMs = await scan(a, BOXES);
      const plainMs = await scan(b, 1);
      if (i >= WARMUP) {
        boxed.push(boxedMs);
        plain.push(plainMs);
      }
    }
    const three = msResult(`scan-to-print, ${BOXES} boxes (last label)`, boxed);
    const one = msResult('scan-to-print, one box, same run', plain);
    return [
      three,
      one,
      {
        name: `scan-to-print, ${BOXES} boxes / one box`,
        unit: 'ratio',
        p50: round(three.p50 / one.p50),
        p95: round(three.p95 / one.p95),
        goal: null,
      },
    ];
  } finally {
    await station.close();
    await printer.close();
    await simulator.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
