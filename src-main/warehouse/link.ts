// The station's link to the warehouse's PostgreSQL: one small pool, the schema brought up to date,
// the station registered and seen every few seconds. Without a warehouse the station is a single
// station and nothing here runs. When PostgreSQL cannot be reached the link says why and keeps
// trying; the station goes on working alone meanwhile (every caller has its own fallback).
import pg from 'pg';
import type { Pool, PoolClient, QueryResult, QueryResultRow } from 'pg';
import type { Clock } from '../clock';
import { createLogger } from '../log';
import type { WarehouseView } from '../../src-shared';
import { msg, type Message } from '../../src-shared/messages/index';
import { migrateWarehouse, WarehouseSchemaError } from './migrations';

const log = createLogger('warehouse');

export type WarehouseLinkState =
  | { kind: 'single' }
  | { kind: 'connected'; target: string; stations: number; since: number }
  | { kind: 'alone'; target: string; reason: Message; since: number };

export interface WarehouseLink {
  /** A warehouse database is set (connected or not). */
  readonly configured: boolean;
  /** This station's id in the warehouse (the station identity's id). */
  readonly stationId: string;
  state(): WarehouseLinkState;
  /** True while connected: a caller may then expect `query` to work. */
  up(): boolean;
  /**
   * One statement. Throws WarehouseUnreachable when the link is down or the connection fails
   * (the link then goes 'alone' and keeps trying); SQL errors are thrown as PostgreSQL gave them.
   */
  query<R extends QueryResultRow = QueryResultRow>(
    sql: string,
    params?: unknown[],
  ): Promise<QueryResult<R>>;
  /** `fn` in one transaction on one connection; rolled back if it throws. */
  transaction<T>(fn: (client: PoolClient) => Promise<T>): Promise<T>;
  /**
   * Stations seen in the last minute, this one included. Before the first heartbeat: as many as
   * were seen when the link was last up (`lastSeen`), else 1.
   */
  stationsSeen(): number;
  /** Called on every change of state. Returns the unsubscribe function. */
  onChange(listener: (state: WarehouseLinkState) => void): () => void;
  /** Connect, migrate and register; never throws (a failure leaves the link 'alone'). */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Where the link goes: a warehouse joined or left while the station runs. */
export interface WarehouseTarget {
  url: string | null;
  password?: string | null;
  stationName: string;
  /** The link cannot be used for this reason (a keychain that will not give the password). */
  unusable?: Message;
}

/**
 * The link the station's helpers hold. It stays the same object when the station joins or leaves
 * a warehouse; behind it, the old connection is stopped and the new one started.
 */
export interface SwitchableWarehouseLink extends WarehouseLink {
  /** Stop the old connection and, if the link was started, start the new one. */
  reconfigure(target: WarehouseTarget): Promise<void>;
}

export class WarehouseUnreachable extends Error {
  override name = 'WarehouseUnreachable';
}

export interface WarehouseLinkOptions {
  /** postgres://user@host:port/db; the password comes separately (keychain or environment). */
  url: string | null;
  password?: string | null;
  stationId: string;
  stationName: string;
  clock: Clock;
  /** How often the station says it is alive, and how often it tries again when alone. */
  heartbeatMs?: number;
  /** How long a connection may take before the link counts as down. */
  connectTimeoutMs?: number;
  /** Set: the link stays 'alone' for this reason and never connects. */
  unusable?: Message;
  /**
   * The stations seen when the link was last up, kept by the station across restarts: a station
   * that starts without PostgreSQL takes its share of the write budget from it, not the whole.
   */
  lastSeen?: { read(): number | null; write(stations: number): void };
}

const HEARTBEAT_MS = 5_000;
/** A station not seen for this long no longer counts toward the write budget's share. */
export const STATION_SEEN_WINDOW_S = 60;

/** `host:port/db` of a connection string: what the header and the log may show. No password. */
export function warehouseTarget(url: string): string {
  try {
    const parsed = new URL(url);
    const db = parsed.pathname.replace(/^\//, '') || 'postgres';
    return `${parsed.hostname}:${parsed.port || '5432'}/${db}`;
  } catch {
    return 'warehouse';
  }
}

/**
 * The connection string with `password` in it. pg lets a connection string's (empty) password win
 * over a separate `password` option, so the password must travel inside it. Held in memory only.
 */
export function withPassword(url: string, password: string | null | undefined): string {
  if (!password) return url;
  try {
    const parsed = new URL(url);
    parsed.password = encodeURIComponent(password);
    return parsed.toString();
  } catch {
    return url;
  }
}

/** Is this a failure to reach PostgreSQL (as against an error in what was asked)? */
export function isConnectionFailure(error: unknown): boolean {
  if (error instanceof WarehouseUnreachable) return true;
  const e = error as { code?: string; message?: string } | null;
  const code = e?.code ?? '';
  if (/^(ECONN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EPIPE|EAI_)/.test(code)) return true;
  // 08: connection exception; 57P01-3: the server is shutting down or starting; 53300: too many.
  if (/^08/.test(code) || /^57P0[123]$/.test(code) || code === '53300') return true;
  const message = e?.message ?? '';
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Query read timeout|connection timeout/i.test(
    message,
  );
}

function reasonOf(error: unknown): Message {
  if (error instanceof WarehouseSchemaError) {
    return msg('warehouse.alone.schemaNewer', { found: error.found, known: error.known });
  }
  const code = (error as { code?: string } | null)?.code ?? '';
  if (code === '28P01' || code === '28000') return msg('warehouse.alone.refused');
  if (code === '3D000') return msg('warehouse.alone.noDatabase');
  return msg('warehouse.alone.unreachable');
}

/** One connection's link: made anew, behind the same facade, when the target changes. */
function connectOnce(opts: WarehouseLinkOptions): WarehouseLink {
  const listeners = new Set<(state: WarehouseLinkState) => void>();
  const heartbeatMs = opts.heartbeatMs ?? HEARTBEAT_MS;
  const target = opts.url ? warehouseTarget(opts.url) : '';
  let state: WarehouseLinkState = opts.url
    ? {
        kind: 'alone',
        target,
        reason: opts.unusable ?? msg('warehouse.alone.starting'),
        since: opts.clock.now(),
      }
    : { kind: 'single' };
  let pool: Pool | null = null;
  let seen = Math.max(1, opts.lastSeen?.read() ?? 1);
  let stopped = false;
  let loop: Promise<void> | null = null;
  const abort = new AbortController();
  let wake: (() => void) | null = null;

  const set = (next: WarehouseLinkState) => {
    const same =
      next.kind === state.kind &&
      (next.kind !== 'connected' ||
        state.kind !== 'connected' ||
        next.stations === state.stations) &&
      (next.kind !== 'alone' ||
        state.kind !== 'alone' ||
        JSON.stringify(next.reason) === JSON.stringify(state.reason));
    if (same) return;
    if (next.kind === 'alone') log.warn('working alone', { target, reason: next.reason.key });
    if (next.kind === 'connected' && state.kind !== 'connected') log.info('connected', { target });
    state = next;
    for (const listener of listeners) listener(state);
  };

  const goAlone = (error: unknown) => {
    if (!opts.url || stopped) return;
    const reason = reasonOf(error);
    if (state.kind !== 'alone') {
      set({ kind: 'alone', target, reason, since: opts.clock.now() });
    } else {
      set({ ...state, reason });
    }
    // Try again at once on the next beat.
    wake?.();
  };

  const openPool = () => {
    if (pool || !opts.url) return pool;
    const config: pg.PoolConfig = {
      connectionString: withPassword(opts.url, opts.password),
      max: 4,
      connectionTimeoutMillis: opts.connectTimeoutMs ?? 2_000,
      idleTimeoutMillis: 10_000,
      // A query that hangs on a half-open connection must not hold a scan for long.
      query_timeout: 5_000,
      keepAlive: true,
      application_name: `packdesk ${opts.stationName}`.slice(0, 63),
    };
    pool = new pg.Pool(config);
    // An idle connection the server dropped: not a crash, only a down link.
    pool.on('error', (error) => goAlone(error));
    return pool;
  };

  const beat = async () => {
    const p = openPool();
    if (!p) return;
    if (state.kind !== 'connected') await migrateWarehouse(p);
    const { rows } = await p.query<{ seen: string }>(
      `with me as (
         insert into stations (id, name, last_seen) values ($1, $2, now())
         on conflict (id) do update set name = excluded.name, last_seen = now()
         returning id
       )
       select count(*)::text as seen from stations
       where last_seen > now() - make_interval(secs => $3) and id <> (select id from me)`,
      [opts.stationId, opts.stationName, STATION_SEEN_WINDOW_S],
    );
    const now = 1 + Number(rows[0]?.seen ?? 0);
    if (now !== seen) opts.lastSeen?.write(now);
    seen = now;
    set({
      kind: 'connected',
      target,
      stations: seen,
      since: state.kind === 'connected' ? state.since : opts.clock.now(),
    });
  };

  const run = async () => {
    while (!stopped) {
      try {
        await beat();
      } catch (error) {
        goAlone(error);
      }
      if (stopped) return;
      await new Promise<void>((resolve) => {
        wake = resolve;
        opts.clock.sleep(heartbeatMs, abort.signal).then(resolve, resolve);
      });
      wake = null;
    }
  };

  const query = async <R extends QueryResultRow>(sql: string, params?: unknown[]) => {
    const p = state.kind === 'connected' ? pool : null;
    if (!p) throw new WarehouseUnreachable('the warehouse database is not connected');
    try {
      return await p.query<R>(sql, params);
    } catch (error) {
      if (isConnectionFailure(error)) {
        goAlone(error);
        throw new WarehouseUnreachable((error as Error).message);
      }
      throw error;
    }
  };

  return {
    configured: opts.url !== null,
    stationId: opts.stationId,
    state: () => state,
    up: () => state.kind === 'connected',
    query,
    async transaction(fn) {
      const p = state.kind === 'connected' ? pool : null;
      if (!p) throw new WarehouseUnreachable('the warehouse database is not connected');
      let client: PoolClient;
      try {
        client = await p.connect();
      } catch (error) {
        goAlone(error);
        throw new WarehouseUnreachable((error as Error).message);
      }
      // A connection the server drops between two statements of the transaction is reported
      // on the client, not on a query: without a listener that would crash the station. The
      // next statement then fails, and the transaction with it.
      let lost: Error | null = null;
      const onLost = (error: Error) => {
        lost = error;
        goAlone(error);
      };
      client.on('error', onLost);
      try {
        await client.query('begin');
        const result = await fn(client);
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        if (isConnectionFailure(error)) {
          goAlone(error);
          throw new WarehouseUnreachable((error as Error).message);
        }
        throw error;
      } finally {
        client.off('error', onLost);
        // A lost connection is not put back in the pool.
        client.release(lost ?? undefined);
      }
    },
    stationsSeen: () => seen,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async start() {
      if (!opts.url || opts.unusable || loop) return;
      // The first beat is awaited: a station that starts connected labels with claims at once.
      try {
        await beat();
      } catch (error) {
        goAlone(error);
      }
      loop = (async () => {
        await new Promise<void>((resolve) => {
          wake = resolve;
          opts.clock.sleep(heartbeatMs, abort.signal).then(resolve, resolve);
        });
        wake = null;
        await run();
      })();
    },
    async stop() {
      stopped = true;
      abort.abort();
      wake?.();
      await loop;
      listeners.clear();
      const p = pool;
      pool = null;
      await p?.end().catch(() => undefined);
    },
  };
}

/**
 * The station's warehouse link: one object for the station's whole life, whichever database it is
 * joined to. `reconfigure` swaps the connection behind it; listeners stay subscribed and hear the
 * new connection's state at once.
 */
export function createWarehouseLink(opts: WarehouseLinkOptions): SwitchableWarehouseLink {
  const listeners = new Set<(state: WarehouseLinkState) => void>();
  const tell = (state: WarehouseLinkState) => {
    for (const listener of listeners) listener(state);
  };
  let inner = connectOnce(opts);
  let unsubscribe = inner.onChange(tell);
  let started = false;
  let stopped = false;
  // Joins, leaves and renames one after another, each on the link the last one left.
  let switching: Promise<void> = Promise.resolve();

  return {
    get configured() {
      return inner.configured;
    },
    stationId: opts.stationId,
    state: () => inner.state(),
    up: () => inner.up(),
    query: (sql, params) => inner.query(sql, params),
    transaction: (fn) => inner.transaction(fn),
    stationsSeen: () => inner.stationsSeen(),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async start() {
      started = true;
      await inner.start();
    },
    reconfigure(target) {
      const next = switching.then(async () => {
        if (stopped) return;
        const old = inner;
        unsubscribe();
        inner = connectOnce({
          ...opts,
          url: target.url,
          password: target.password ?? null,
          stationName: target.stationName,
          ...(target.unusable ? { unusable: target.unusable } : {}),
        });
        unsubscribe = inner.onChange(tell);
        await old.stop();
        tell(inner.state());
        if (started) await inner.start();
      });
      switching = next.catch(() => undefined);
      return next;
    },
    async stop() {
      stopped = true;
      await switching;
      unsubscribe();
      listeners.clear();
      await inner.stop();
    },
  };
}

/** The link as the header shows it. */
export function warehouseView(
  link: WarehouseLink,
  stationName: string,
  labelledTwice: Message[] = [],
): WarehouseView {
  const state = link.state();
  switch (state.kind) {
    case 'single':
      return { kind: 'single' };
    case 'connected':
      return {
        kind: 'connected',
        target: state.target,
        stationName,
        stations: state.stations,
        labelledTwice,
      };
    case 'alone':
      return {
        kind: 'alone',
        target: state.target,
        stationName,
        reason: state.reason,
        since: new Date(state.since).toISOString(),
        labelledTwice,
      };
  }
}
