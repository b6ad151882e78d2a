// A station of a warehouse, in process: the real Station with its own data folder and its own
// TCP printer, on a simulator and a warehouse PostgreSQL that other stations of the test share.
import path from 'node:path';
import Database from 'better-sqlite3';
import type { ScanEntry } from '../../src-shared';
import { startVirtualPrinter, type VirtualPrinter } from '../../src-main/printing/virtual-printer';
import type { Simulator } from '../../src-main/simulator/index';
import { createStation, type Station } from '../../src-main/station';
import { tempDir } from './tmp';

export interface WarehouseStation {
  name: string;
  station: Station;
  printer: VirtualPrinter;
  dataDir: string;
  scan(code: string): Promise<ScanEntry>;
  /** The scan's entry once it is printed or failed (events, or the audit if it already was). */
  outcome(entry: ScanEntry, timeoutMs?: number): Promise<ScanEntry>;
  /** Read the station's SQLite file (its own connection, read-only). */
  read<T>(fn: (db: Database.Database) => T): T;
  close(): Promise<void>;
}

export async function startWarehouseStation(options: {
  name: string;
  simulator: Simulator;
  warehouseDb: string;
  heartbeatMs?: number;
  claimTimeoutMs?: number;
}): Promise<WarehouseStation> {
  const data = tempDir();
  const printer = await startVirtualPrinter();
  const station = await createStation({
    settings: {
      dataDir: data.dir,
      sendcloud: { url: options.simulator.url, ...options.simulator.keys },
      integrationId: null,
      sendcloudTimeoutMs: 30_000,
      printer: { host: '127.0.0.1', port: printer.port },
      stationName: options.name,
      warehouseDb: options.warehouseDb,
    },
    probeIntervalMs: 200,
    syncIntervalMs: 0,
    trackingIntervalMs: 0,
    warehouseHeartbeatMs: options.heartbeatMs ?? 200,
    ...(options.claimTimeoutMs !== undefined ? { claimTimeoutMs: options.claimTimeoutMs } : {}),
  });
  const finished = new Map<string, ScanEntry>();
  const waiting = new Map<string, (entry: ScanEntry) => void>();
  station.subscribe((event, payload) => {
    if (event !== 'scan.updated') return;
    const entry = payload as ScanEntry;
    if (entry.state !== 'printed' && entry.state !== 'failed') return;
    finished.set(entry.id, entry);
    waiting.get(entry.id)?.(entry);
  });
  await station.handlers['orders.sync']({});
  let closed = false;
  return {
    name: options.name,
    station,
    printer,
    dataDir: data.dir,
    scan: (code) => station.handlers['scan.submit']({ code }),
    outcome(entry, timeoutMs = 15_000) {
      if (entry.state === 'printed' || entry.state === 'failed') return Promise.resolve(entry);
      const known = finished.get(entry.id);
      if (known) return Promise.resolve(known);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`scan ${entry.code} at ${options.name} did not finish`)),
          timeoutMs,
        );
        waiting.set(entry.id, (done) => {
          clearTimeout(timer);
          resolve(done);
        });
      });
    },
    read(fn) {
      const db = new Database(path.join(data.dir, 'packdesk.sqlite'), { readonly: true });
      try {
        return fn(db);
      } finally {
        db.close();
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await station.close();
      await printer.close();
      data.cleanup();
    },
  };
}
