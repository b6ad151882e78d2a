// A warehouse of several stations for the multi-station tests: one simulator (one Sendcloud
// account shared by every station, its faults and rate limits on), one PostgreSQL cluster of the
// test's own (so a test can stop and start it), and N stations, each the built station as a
// separate process (`node out/main/web.js`) with its own data folder (SQLite), its own TCP label
// printer and its own name, all on the same warehouse database. The simulator, the printers and
// the cluster live in this process: Sendcloud's ledger, the printers' jobs and PostgreSQL's rows
// are the ground truth the checks read.
import { createHash } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { JobView, Result, ScanEntry, StationStatus } from '../../src-shared';
import { startVirtualPrinter, type VirtualPrinter } from '../../src-main/printing/virtual-printer';
import {
  startSimulator,
  type Faults,
  type RateLimits,
  type Simulator,
} from '../../src-main/simulator/index';
import type { LedgerEntry } from '../../src-main/simulator/state';
import { freshDatabase, ownCluster, type Cluster } from '../helpers/pg';
import { bytesFor203Printer } from '../helpers/printed';
import { tempDir } from '../helpers/tmp';
import { startWebHost, type RunningWebHost } from '../helpers/web-host';
import { chaosFaults, command, lifeOf, stationEnv, until, type Life } from './harness';

export { chaosFaults, until };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const digest = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export interface WarehouseOptions {
  /** The stations' names, one process each. */
  stations: string[];
  seed?: number;
  orders: number;
  /** Sendcloud's faults from the start; default none (set them with `simulator.faults`). */
  faults?: Partial<Faults>;
  /** The simulator's per-account limits; default Sendcloud's documented ones. */
  rateLimits?: RateLimits | false;
  /** More environment for every station (e.g. a shorter claim timeout). */
  env?: Record<string, string>;
  sendcloudTimeoutMs?: number;
}

/** One station of the warehouse: its process (restartable on the same data), printer and name. */
export interface WarehouseStation {
  readonly name: string;
  readonly dataDir: string;
  readonly printer: VirtualPrinter;
  /** The running process, or null between a kill and the next start. */
  life(): Life | null;
  /** Exits nobody asked for, with the end of the process's output. */
  readonly unexpectedExits: string[];
  /** A contract command over the station's HTTP API; rejects when no answer came. */
  command<T>(name: string, input: unknown): Promise<Result<T>>;
  /** The warehouse link as the station's header shows it: single, connected or alone. */
  link(): Promise<StationStatus['warehouse']['kind'] | null>;
  /** `scan.submit`, as a packer's scanner sends it: the entry, or null when no answer came. */
  scan(code: string): Promise<ScanEntry | null>;
  /** SIGKILL the process and wait until it is gone (no restart: call `start`). */
  kill(): Promise<void>;
  /** Start the process again on the same data folder, printer and name. */
  start(): Promise<Life>;
  /** SIGTERM and wait (SIGKILL after 10 s). */
  stop(): Promise<void>;
  /**
   * Until nothing in the station's queue moves by itself any more (every job done, or waiting
   * for a person: needs-attention); resolves with those left waiting for a person.
   */
  settled(timeoutMs: number): Promise<JobView[]>;
}

export interface Warehouse {
  simulator: Simulator;
  cluster: Cluster;
  /** The warehouse database's connection string, as every station has it. */
  databaseUrl: string;
  stations: WarehouseStation[];
  /** A station's id in the warehouse (its row in `stations`). */
  stationIdOf(name: string): Promise<string>;
  /** One statement on the warehouse database, from the test (not through any station). */
  sql<R extends pg.QueryResultRow>(text: string, params?: unknown[]): Promise<R[]>;
  /** Sendcloud's labels for these orders: the truth about doubles. */
  labels(orderNumbers: readonly string[]): LabelTruth;
  /** What every printer received, matched byte for byte to Sendcloud's labels. */
  prints(orderNumbers: readonly string[]): Promise<PrintTruth>;
  /** Answers of 429 the simulator gave, from its rate limiter or a fault. */
  rateLimited(): number;
  /** The warehouse ledger in PostgreSQL against each station's own SQLite. */
  ledger(): Promise<LedgerTruth>;
  /**
   * The ledger once it is complete; if it is not within `timeoutMs`, as it stands, for the
   * test's assertions to say what is missing.
   */
  settledLedger(timeoutMs: number): Promise<LedgerTruth>;
  close(): Promise<void>;
}

export interface LabelTruth {
  total: number;
  /** Order numbers with no label. */
  missing: string[];
  /** Order number to label count, for orders with more than one. */
  doubled: Record<string, number>;
  entries: LedgerEntry[];
}

export interface PrintTruth {
  /** Tracking number to the times it reached a printer, over every printer. */
  printsPerLabel: Map<string, number>;
  /** Tracking number to the stations whose printer received it. */
  printedAt: Map<string, string[]>;
  /** Tracking numbers of labels no printer received. */
  unprinted: string[];
  /** Labels that reached a printer more than once, with the count. */
  reprinted: Record<string, number>;
  /** Printer jobs that match no label of these orders. */
  stray: number;
}

export interface StationLedger {
  station: string;
  /** The station's own shipments (SQLite, source 'station') missing from the ledger. */
  missing: number[];
  /** Ledger shipments of this station its SQLite does not have. */
  extra: number[];
  /** Rows of the station's ledger outbox (SQLite), and its events in PostgreSQL. */
  outboxRows: number;
  ledgerEvents: number;
  /** Outbox rows not yet marked replicated. */
  pending: number;
}

export interface LedgerTruth {
  stations: StationLedger[];
  /** Parcels in the ledger under more than one row (station), with the count. */
  parcelsTwice: Record<string, number>;
  /** Orders with more than one live (not voided) parcel in the ledger. */
  ordersTwice: Record<string, number>;
  /** Every ledger row per station matches its SQLite, nothing pending. */
  complete: boolean;
}

/** Today as the stations count it (YYYY-MM-DD, local time: the children share this TZ). */
export function localDay(at = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

function launchStation(env: Record<string, string>, unexpectedExits: string[]) {
  let current: Life | null = null;
  const start = async (): Promise<Life> => {
    const host: RunningWebHost = await startWebHost(env, 90_000);
    const life = lifeOf(host);
    void life.exited.then(() => {
      if (!life.expected) {
        unexpectedExits.push(
          `exit ${host.process.exitCode ?? host.process.signalCode}: ${host.output().slice(-2000)}`,
        );
      }
      if (current === life) current = null;
    });
    current = life;
    return life;
  };
  return {
    start,
    life: () => current,
    async kill() {
      const life = current;
      if (!life) return;
      life.expected = true;
      life.host.process.kill('SIGKILL');
      await life.exited;
    },
    async stop() {
      const life = current;
      if (!life) return;
      life.expected = true;
      life.host.process.kill('SIGTERM');
      const stopped = await Promise.race([life.exited.then(() => true), sleep(10_000)]);
      if (!stopped) {
        unexpectedExits.push('did not stop within 10 s of SIGTERM');
        life.host.process.kill('SIGKILL');
        await life.exited;
      }
    },
  };
}

export async function startWarehouse(options: WarehouseOptions): Promise<Warehouse> {
  const cleanups: (() => Promise<void> | void)[] = [];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => {});
  };
  try {
    const cluster = await ownCluster();
    cleanups.push(() => cluster.destroy());
    const database = await freshDatabase(cluster);
    const simulator = await startSimulator({
      seed: options.seed ?? 1,
      orderCount: options.orders,
      ...(options.rateLimits !== undefined ? { rateLimits: options.rateLimits } : {}),
    });
    cleanups.push(() => simulator.close());
    if (options.faults) simulator.faults.set(options.faults);
    const pool = new pg.Pool({ connectionString: database.url, max: 2 });
    // A stopped cluster drops the pool's idle connections: that is the test's doing, not a crash.
    pool.on('error', () => undefined);
    cleanups.push(() => pool.end());

    const stations: WarehouseStation[] = [];
    for (const name of options.stations) {
      const printer = await startVirtualPrinter();
      cleanups.push(() => printer.close());
      const data = tempDir('packdesk-warehouse-');
      cleanups.push(() => data.cleanup());
      const unexpectedExits: string[] = [];
      const proc = launchStation(
        {
          ...stationEnv(simulator, printer, data.dir, options.sendcloudTimeoutMs),
          PACKDESK_WAREHOUSE_DB: database.url,
          PACKDESK_STATION_NAME: name,
          ...options.env,
        },
        unexpectedExits,
      );
      cleanups.push(() => proc.stop());
      const station: WarehouseStation = {
        name,
        dataDir: data.dir,
        printer,
        unexpectedExits,
        life: proc.life,
        start: proc.start,
        kill: proc.kill,
        stop: proc.stop,
        async command<T>(commandName: string, input: unknown) {
          const life = proc.life();
          if (!life) throw new Error(`station ${name} is not running`);
          return command<T>(life, commandName, input);
        },
        async link() {
          const status = await station
            .command<StationStatus>('station.status', {})
            .catch(() => null);
          return status?.ok ? status.value.warehouse.kind : null;
        },
        async scan(code) {
          try {
            const result = await station.command<ScanEntry>('scan.submit', { code });
            return result.ok ? result.value : null;
          } catch {
            return null;
          }
        },
        async settled(timeoutMs) {
          return until(
            `station ${name}'s queue to settle`,
            timeoutMs,
            async () => {
              const queue = await station.command<JobView[]>('queue.list', {}).catch(() => null);
              if (!queue?.ok) return null;
              return queue.value.every((job) => job.state === 'needs-attention')
                ? queue.value
                : null;
            },
            250,
          );
        },
      };
      stations.push(station);
    }
    // One after the other: several starting at once on a busy machine can each take long.
    for (const station of stations) await station.start();

    /** A station's id in the warehouse, from its registration under its name. */
    const stationIdOf = async (name: string): Promise<string> => {
      const found = await pool.query<{ id: string }>('select id from stations where name = $1', [
        name,
      ]);
      const id = found.rows[0]?.id;
      if (!id) throw new Error(`station ${name} is not registered in the warehouse`);
      return id;
    };

    const warehouse: Warehouse = {
      simulator,
      cluster,
      stationIdOf,
      databaseUrl: database.url,
      stations,
      async sql<R extends pg.QueryResultRow>(text: string, params?: unknown[]) {
        return (await pool.query<R>(text, params)).rows;
      },
      labels(orderNumbers) {
        const truth: LabelTruth = { total: 0, missing: [], doubled: {}, entries: [] };
        for (const orderNumber of orderNumbers) {
          const labels = simulator.labelsFor(orderNumber);
          truth.total += labels.length;
          truth.entries.push(...labels);
          if (labels.length === 0) truth.missing.push(orderNumber);
          if (labels.length > 1) truth.doubled[orderNumber] = labels.length;
        }
        return truth;
      },
      async prints(orderNumbers) {
        const jobs = new Map<string, string[]>();
        for (const station of stations) {
          for (const job of station.printer.jobs) {
            const key = digest(job.bytes);
            jobs.set(key, [...(jobs.get(key) ?? []), station.name]);
          }
        }
        const truth: PrintTruth = {
          printsPerLabel: new Map(),
          printedAt: new Map(),
          unprinted: [],
          reprinted: {},
          stray: 0,
        };
        const known = new Set<string>();
        for (const orderNumber of orderNumbers) {
          for (const label of simulator.labelsFor(orderNumber)) {
            const key = digest(await bytesFor203Printer(label));
            known.add(key);
            const at = jobs.get(key) ?? [];
            truth.printsPerLabel.set(label.trackingNumber, at.length);
            truth.printedAt.set(label.trackingNumber, at);
            if (at.length === 0) truth.unprinted.push(label.trackingNumber);
            if (at.length > 1) truth.reprinted[label.trackingNumber] = at.length;
          }
        }
        for (const [key, at] of jobs) if (!known.has(key)) truth.stray += at.length;
        return truth;
      },
      async settledLedger(timeoutMs) {
        return until(
          'the ledger to be complete',
          timeoutMs,
          async () => {
            const truth = await warehouse.ledger();
            return truth.complete ? truth : null;
          },
          500,
        ).catch(() => warehouse.ledger());
      },
      async ledger() {
        const truth: LedgerTruth = {
          stations: [],
          parcelsTwice: {},
          ordersTwice: {},
          complete: true,
        };
        for (const station of stations) {
          const db = new Database(path.join(station.dataDir, 'packdesk.sqlite'), {
            readonly: true,
          });
          let own: number[];
          let outbox: { n: number; pending: number };
          try {
            own = (
              db
                .prepare(`SELECT parcel_id AS id FROM shipments WHERE source = 'station'`)
                .all() as { id: number }[]
            ).map((row) => row.id);
            outbox = db
              .prepare(
                `SELECT count(*) AS n, count(*) FILTER (WHERE replicated_at IS NULL) AS pending
                 FROM ledger_outbox`,
              )
              .get() as { n: number; pending: number };
          } finally {
            db.close();
          }
          const stationId = await stationIdOf(station.name);
          const rows = await pool.query<{ parcel_id: string }>(
            'select parcel_id from ledger_shipments where station_id = $1',
            [stationId],
          );
          const events = await pool.query<{ n: number }>(
            'select count(*)::int as n from ledger_events where station_id = $1',
            [stationId],
          );
          const inLedger = new Set(rows.rows.map((row) => Number(row.parcel_id)));
          const ownSet = new Set(own);
          const entry: StationLedger = {
            station: station.name,
            missing: own.filter((id) => !inLedger.has(id)),
            extra: [...inLedger].filter((id) => !ownSet.has(id)),
            outboxRows: outbox.n,
            ledgerEvents: events.rows[0]?.n ?? 0,
            pending: outbox.pending,
          };
          truth.stations.push(entry);
          if (
            entry.missing.length > 0 ||
            entry.extra.length > 0 ||
            entry.pending > 0 ||
            entry.outboxRows !== entry.ledgerEvents
          ) {
            truth.complete = false;
          }
        }
        for (const row of await pool
          .query<{ parcel_id: string; n: number }>(
            `select parcel_id, count(*)::int as n from ledger_shipments
           group by parcel_id having count(*) > 1`,
          )
          .then((result) => result.rows)) {
          truth.parcelsTwice[row.parcel_id] = row.n;
        }
        for (const row of await pool
          .query<{ order_number: string; n: number }>(
            `select body->>'order_number' as order_number, count(distinct parcel_id)::int as n
           from ledger_shipments where body->>'voided_at' is null
           group by 1 having count(distinct parcel_id) > 1`,
          )
          .then((result) => result.rows)) {
          truth.ordersTwice[row.order_number] = row.n;
        }
        return truth;
      },
      rateLimited: () => simulator.requests.filter((request) => request.status === 429).length,
      close,
    };
    return warehouse;
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Scan `code` at `station` until the station answers (a scan that got no answer, the station
 * being killed or started, is scanned again, as a packer whose screen went blank would).
 */
export async function scanAnswered(
  station: WarehouseStation,
  code: string,
  timeoutMs = 120_000,
): Promise<ScanEntry> {
  return until(`an answer to ${code} at ${station.name}`, timeoutMs, () => station.scan(code), 250);
}

/** Run `work` over `items` with at most `width` at once, in order of `items`. */
export async function inParallel<T>(
  items: readonly T[],
  width: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: width }, lane));
}
