// A station in a process of its own for bench/write-budget.ts: its own SQLite in a temporary
// folder, its own virtual printer, the warehouse's PostgreSQL, and the simulator child's clock.
// It scans what the parent sends, all at once, and answers when every label is printed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ApiKeys } from '../src-main/simulator/index';
import { setLogSink } from '../src-main/log';
import { startVirtualPrinter, type VirtualPrinter } from '../src-main/printing/virtual-printer';
import { createStation, type Station } from '../src-main/station';
import { followClock, reportLoad } from './follow-clock';
import type { SimChildClock } from './sim-process';
import type { ClockSegment, WarpClock } from '../src-main/clock';

export interface StationChildStart {
  name: string;
  clock: SimChildClock;
  sendcloud: ApiKeys & { url: string };
  integrationId: number;
  warehouseDb: string;
}

export type ToStationChild =
  | { type: 'start'; options: StationChildStart }
  | { type: 'segment'; segment: ClockSegment }
  | { type: 'scan'; codes: string[] }
  | { type: 'close' };

export type FromStationChild =
  | { type: 'ready' }
  | { type: 'load'; utilization: number }
  | { type: 'printed'; labels: number }
  | { type: 'failed'; error: string };

setLogSink({ write: () => undefined }, 'error');

let station: Station | null = null;
let printer: VirtualPrinter | null = null;
let warped: WarpClock | null = null;
let dataDir: string | null = null;

const send = (message: FromStationChild) => process.send?.(message);

async function start(options: StationChildStart): Promise<void> {
  const followed = followClock(options.clock);
  warped = followed.warped;
  if (options.clock.kind === 'warp') {
    reportLoad(options.clock.tickMs, (utilization) => send({ type: 'load', utilization }));
  }
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-budget-station-'));
  printer = await startVirtualPrinter();
  station = await createStation({
    clock: followed.clock,
    settings: {
      dataDir,
      sendcloud: options.sendcloud,
      integrationId: options.integrationId,
      sendcloudTimeoutMs: 30_000,
      printer: { host: printer.host, port: printer.port },
      stationName: options.name,
      warehouseDb: options.warehouseDb,
    },
    syncIntervalMs: 0,
    trackingIntervalMs: 0,
    printerPollMs: 0,
  });
  await station.handlers['orders.sync']({});
  send({ type: 'ready' });
}

async function scan(codes: string[]): Promise<void> {
  if (!station || !printer) throw new Error('the station is not running');
  const already = printer.jobs.length;
  await Promise.all(codes.map((code) => station?.handlers['scan.submit']({ code })));
  await printer.waitForJobs(already + codes.length, 600_000);
  send({ type: 'printed', labels: printer.jobs.length - already });
}

async function close(): Promise<void> {
  await station?.close();
  await printer?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
}

const fail = (error: unknown) => {
  send({ type: 'failed', error: String(error instanceof Error ? error.stack : error) });
};

process.on('message', (raw) => {
  const message = raw as ToStationChild;
  if (message.type === 'segment') warped?.follow(message.segment);
  else if (message.type === 'start') start(message.options).catch(fail);
  else if (message.type === 'scan') scan(message.codes).catch(fail);
  else void close();
});
process.on('disconnect', () => void close());
