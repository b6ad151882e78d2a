// The station's outbox (store/ledger-outbox.ts) replicated into the warehouse ledger: in order,
// in batches, each batch one statement in PostgreSQL, then marked in SQLite. A station killed
// between the two sends that batch again on its next life; PostgreSQL keeps each (station, id)
// once and moves a record's current state only forward, so nothing doubles and nothing goes
// back. It runs beside the station and never in a scan's way: while the link is down the outbox
// simply grows, and the first beat back sends it all.
import type { Clock } from '../clock';
import { createLogger } from '../log';
import type { Db } from '../store/db';
import {
  markLedgerReplicated,
  pendingLedgerCount,
  pendingLedgerRows,
  pruneLedgerOutbox,
  type LedgerOutboxRow,
} from '../store/ledger-outbox';
import { isConnectionFailure, type WarehouseLink } from './link';

const log = createLogger('ledger');

const BATCH = 500;
/** How long the outbox may hold a change no event told the replicator of. */
const POLL_MS = 250;
/** After an error that is not the link's (a bug, a refused row): wait, then try again. */
const ERROR_BACKOFF_MS = 5_000;
const PRUNE_EVERY_MS = 3_600_000;
const KEEP_DONE_MS = 3 * 24 * 3_600_000;

export interface ReplicatorOptions {
  db: Db;
  link: Pick<WarehouseLink, 'configured' | 'stationId' | 'up' | 'query' | 'onChange'>;
  clock: Clock;
  batchSize?: number;
  pollMs?: number;
  /**
   * Tests only: runs after the warehouse has committed a batch and before the station marks it,
   * the moment a kill must not double anything. A throw stops this life there.
   */
  afterCommit?: (lastId: number) => void | Promise<void>;
}

export interface Replicator {
  start(): void;
  /** Something was written: look at the outbox now rather than at the next poll. */
  kick(): void;
  /** Send batches until the outbox is empty; false if the link went down first. For tests. */
  drain(): Promise<boolean>;
  pending(): number;
  stop(): Promise<void>;
}

/**
 * One statement for a batch: the events once each, then each record's current state, only from
 * an event newer than the one it holds. `$2` is the batch as a JSON array, bodies as stored.
 */
const PUSH = `
  with e as (
    select * from jsonb_to_recordset($2::jsonb)
      as e(id bigint, kind text, ref text, body jsonb, made_at bigint)
  ), logged as (
    insert into ledger_events (station_id, id, kind, ref, body, made_at)
    select $1, id, kind, ref, body, to_timestamp(made_at / 1000.0) from e
    on conflict do nothing
  ), shipments as (
    insert into ledger_shipments (station_id, parcel_id, event_id, created_at, body)
    select distinct on (ref) $1, (body->>'parcel_id')::bigint, id,
      (body->>'created_at')::timestamptz, body
    from e where kind = 'shipment' order by ref, id desc
    on conflict (station_id, parcel_id) do update
      set event_id = excluded.event_id, created_at = excluded.created_at, body = excluded.body
      where ledger_shipments.event_id < excluded.event_id
  ), scans as (
    insert into ledger_scans (station_id, scan_id, event_id, started_at, body)
    select distinct on (ref) $1, ref, id, (body->>'started_at')::timestamptz, body
    from e where kind = 'scan' order by ref, id desc
    on conflict (station_id, scan_id) do update
      set event_id = excluded.event_id, started_at = excluded.started_at, body = excluded.body
      where ledger_scans.event_id < excluded.event_id
  ), events as (
    insert into ledger_shipment_events (station_id, seq, parcel_id, at, body)
    select $1, ref::bigint, (body->>'parcel_id')::bigint, (body->>'at')::timestamptz, body
    from e where kind = 'shipment-event'
    on conflict do nothing
  ), batches as (
    insert into ledger_batches (station_id, batch_id, event_id, created_at, body)
    select distinct on (ref) $1, ref, id,
      to_timestamp((body->>'created_at')::bigint / 1000.0), body
    from e where kind = 'batch' order by ref, id desc
    on conflict (station_id, batch_id) do update
      set event_id = excluded.event_id, body = excluded.body
      where ledger_batches.event_id < excluded.event_id
  )
  select count(*)::int as n from e`;

/** The batch as JSON text; each body is already JSON (SQLite's json_object wrote it). */
function batchJson(rows: readonly LedgerOutboxRow[]): string {
  return `[${rows
    .map(
      (row) =>
        `{"id":${row.id},"kind":${JSON.stringify(row.kind)},"ref":${JSON.stringify(row.ref)},` +
        `"made_at":${row.madeAt},"body":${row.body}}`,
    )
    .join(',')}]`;
}

export function createReplicator(opts: ReplicatorOptions): Replicator {
  const batchSize = opts.batchSize ?? BATCH;
  const pollMs = opts.pollMs ?? POLL_MS;
  const abort = new AbortController();
  let stopped = false;
  let loop: Promise<void> | null = null;
  let wake: (() => void) | null = null;
  let kicked = false;
  let lastPrune = 0;
  let unsubscribe: (() => void) | null = null;

  /** Send the oldest batch; how many rows it held (0: nothing pending). */
  const pushOne = async (): Promise<number> => {
    const rows = pendingLedgerRows(opts.db, batchSize);
    const last = rows.at(-1);
    if (!last) return 0;
    await opts.link.query(PUSH, [opts.link.stationId, batchJson(rows)]);
    await opts.afterCommit?.(last.id);
    markLedgerReplicated(opts.db, last.id, opts.clock.now());
    return rows.length;
  };

  const prune = () => {
    const now = opts.clock.now();
    if (now - lastPrune < PRUNE_EVERY_MS) return;
    lastPrune = now;
    pruneLedgerOutbox(opts.db, now - KEEP_DONE_MS);
  };

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      if (kicked || stopped) return resolve();
      wake = resolve;
      opts.clock.sleep(ms, abort.signal).then(resolve, resolve);
    }).finally(() => {
      wake = null;
      kicked = false;
    });

  const run = async () => {
    while (!stopped) {
      let wait = pollMs;
      if (opts.link.up()) {
        try {
          const sent = await pushOne();
          if (sent === batchSize) continue;
          if (sent > 0) prune();
        } catch (error) {
          // The link's own failure leaves it 'alone'; its change of state wakes this loop.
          if (!isConnectionFailure(error)) {
            log.error('a ledger batch was refused', { error: (error as Error).message });
            wait = ERROR_BACKOFF_MS;
          }
          if (stopped) return;
        }
      }
      await pause(wait);
    }
  };

  const kick = () => {
    kicked = true;
    wake?.();
  };

  return {
    start() {
      if (!opts.link.configured || loop) return;
      unsubscribe = opts.link.onChange((state) => {
        if (state.kind === 'connected') kick();
      });
      loop = run().catch((error: unknown) => {
        log.error('the ledger replication stopped', { error: (error as Error).message });
      });
    },
    kick,
    async drain() {
      while (opts.link.up()) {
        try {
          if ((await pushOne()) === 0) return true;
        } catch (error) {
          if (isConnectionFailure(error)) return false;
          throw error;
        }
      }
      return false;
    },
    pending: () => pendingLedgerCount(opts.db),
    async stop() {
      stopped = true;
      abort.abort();
      wake?.();
      unsubscribe?.();
      await loop;
    },
  };
}
