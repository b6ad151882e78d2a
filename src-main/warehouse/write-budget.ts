// One write budget per Sendcloud account for the whole warehouse: a token bucket in PostgreSQL
// that every station on the account takes from, one statement per token. A station that cannot
// reach PostgreSQL keeps a bucket of its own with its share (the budget over the stations last
// seen) and goes back to the shared one when the link is back. Reads stay on the local limiter.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Clock } from '../clock';
import { createLogger } from '../log';
import {
  accountKey,
  type RateLimiter,
  type RequestClass,
  type RequestPriority,
} from '../sendcloud/rate-limit';
import { isConnectionFailure, type WarehouseLink } from './link';

const log = createLogger('write-budget');

export interface BucketShape {
  /** Tokens the bucket holds when full: the most that may go at once. */
  capacity: number;
  /** Tokens added per minute. */
  perMinute: number;
}

export interface WriteBudget extends BucketShape {
  /**
   * Tokens a batch's (bulk) request leaves in the bucket: it takes one only while more than this
   * are there, so a packer's scan at any station finds one at once and goes first.
   */
  bulkReserve: number;
}

/**
 * Sendcloud counts writes in sliding windows (100 a minute, 15 a second). A bucket lets at most
 * `capacity + rate · T` through in any window T, and a request counts when it reaches Sendcloud,
 * up to a latency spread after its token: 5 + 94/min · 60.6 s = 99.9 ≤ 100, and
 * 5 + 1.57/s · 1.6 s = 7.5 ≤ 15, while the warehouse keeps 94 writes a minute.
 */
export const warehouseWriteBudget: WriteBudget = { capacity: 5, perMinute: 94, bulkReserve: 2 };

/** How much later than its token a request may reach Sendcloud, which the budget leaves room for. */
export const ARRIVAL_SPREAD_MS = 600;

export type Take = { taken: true } | { taken: false; waitMs: number };

/** The name of an account's bucket: a hash of its origin and public key, never the key. */
export function budgetAccount(baseUrl: string, publicKey: string): string {
  return createHash('sha256').update(accountKey(baseUrl, publicKey)).digest('hex');
}

const msPerToken = (shape: BucketShape) => 60_000 / shape.perMinute;

/** How long until `avail` tokens grow to `needed`. */
const waitFor = (needed: number, avail: number, shape: BucketShape) =>
  Math.max(1, Math.ceil((needed - avail) * msPerToken(shape)));

interface Queryable {
  query: WarehouseLink['query'];
}

const takeRow = z.object({
  taken: z.boolean(),
  avail: z.number(),
  per_minute: z.number(),
});

/**
 * Take one token in one statement: refill from the time since the last take, then take one if
 * more than `reserve` are there. The row is locked by the inner select, so stations take in turn
 * and each sees what the one before it left. `now` is the station's clock; a clock behind the
 * bucket's adds nothing and does not move it back. Null: the account has no bucket yet.
 */
export async function takeWriteToken(
  db: Queryable,
  account: string,
  now: number,
  reserve: number,
): Promise<Take | null> {
  const { rows } = await db.query(
    `update write_budgets b set
       tokens = s.avail - case when s.avail >= 1 + $3::float8 then 1 else 0 end,
       at_ms = s.at_ms,
       grants = b.grants + case when s.avail >= 1 + $3::float8 then 1 else 0 end
     from (
       select least(capacity, tokens + greatest(0, $2::bigint - at_ms) * per_minute / 60000.0)
                as avail,
              greatest(at_ms, $2::bigint) as at_ms,
              per_minute
       from write_budgets where account = $1
       for update
     ) s
     where b.account = $1
     returning s.avail >= 1 + $3::float8 as taken, s.avail, s.per_minute`,
    [account, Math.floor(now), reserve],
  );
  if (rows.length === 0) return null;
  const row = takeRow.parse(rows[0]);
  if (row.taken) return { taken: true };
  return {
    taken: false,
    waitMs: waitFor(1 + reserve, row.avail, { capacity: 1, perMinute: row.per_minute }),
  };
}

/**
 * The account's bucket, if it has none. It starts empty: what the stations sent before it
 * existed (a station that was single until now) still counts at Sendcloud.
 */
export async function ensureWriteBudget(
  db: Queryable,
  account: string,
  now: number,
  shape: BucketShape = warehouseWriteBudget,
): Promise<void> {
  await db.query(
    `insert into write_budgets (account, capacity, per_minute, tokens, at_ms)
     values ($1, $2, $3, 0, $4) on conflict (account) do nothing`,
    [account, shape.capacity, shape.perMinute, Math.floor(now)],
  );
}

/**
 * A station back from working on its share empties the shared bucket once: the tokens it took
 * alone are not in it, and a full bucket on top of them could pass Sendcloud's minute.
 */
export async function emptyWriteBudget(db: Queryable, account: string, now: number) {
  await db.query(
    `update write_budgets set tokens = 0, at_ms = greatest(at_ms, $2::bigint) where account = $1`,
    [account, Math.floor(now)],
  );
}

/** A station's share of the budget while it cannot reach PostgreSQL. */
export function fallbackShare(budget: BucketShape, stations: number): BucketShape {
  const n = Math.max(1, Math.floor(stations));
  // Each station needs room for one token; what the stations hold together beyond the shared
  // capacity comes off the rate, so all of them together stay within the shared bucket's minute.
  const capacity = Math.max(1, budget.capacity / n);
  const perMinute = Math.max(0.1, (budget.perMinute + budget.capacity - n * capacity) / n);
  return { capacity, perMinute };
}

/** A bucket in this process, for the share. It starts empty, for the same reason as the shared one. */
export function localBucket(shape: BucketShape, now: number) {
  let tokens = 0;
  let at = now;
  return {
    shape,
    take(time: number, reserve: number): Take {
      tokens = Math.min(
        shape.capacity,
        tokens + (Math.max(0, time - at) * shape.perMinute) / 60_000,
      );
      at = Math.max(at, time);
      if (tokens >= 1 + reserve) {
        tokens -= 1;
        return { taken: true };
      }
      return { taken: false, waitMs: waitFor(1 + reserve, tokens, shape) };
    },
  };
}

/** One take of a token, as the benchmark measures the bucket's contention. */
export interface TakeReport {
  /** Real time the take took, in ms. */
  ms: number;
  taken: boolean;
  where: 'warehouse' | 'share';
}

export interface WriteBudgetOptions {
  warehouse: WarehouseLink;
  clock: Clock;
  budget?: WriteBudget;
  /** For the jitter that keeps stations waiting for one token from all asking at once. */
  random?: () => number;
  onTake?: (report: TakeReport) => void;
}

interface Waiter {
  bulk: boolean;
  resolve: () => void;
  reject: (reason: unknown) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

/**
 * The station's write budgets, one gate per account. `limiterFor` wraps the account's local
 * limiter: a write first waits its turn at the gate (single scans before batch work, in order),
 * then takes a token from the warehouse's bucket (or the share), then goes through the local
 * limiter, which still counts it, orders reads and holds back after a 429.
 */
export function createWriteBudget(opts: WriteBudgetOptions) {
  const { warehouse, clock } = opts;
  const budget = opts.budget ?? warehouseWriteBudget;
  const random = opts.random ?? Math.random;
  const gates = new Map<string, ReturnType<typeof gate>>();

  function gate(account: string) {
    const queue: Waiter[] = [];
    let pumping = false;
    let ensured = false;
    let share: ReturnType<typeof localBucket> | null = null;
    /** Cuts a bulk request's wait short when a normal one comes: it needs fewer tokens. */
    let interrupt: AbortController | null = null;

    const shared = async (reserve: number): Promise<Take> => {
      const now = clock.now();
      if (share) {
        await emptyWriteBudget(warehouse, account, now);
        share = null;
        log.info('back on the warehouse write budget', { account: account.slice(0, 12) });
      }
      if (!ensured) {
        await ensureWriteBudget(warehouse, account, now, budget);
        ensured = true;
      }
      const take = await takeWriteToken(warehouse, account, now, reserve);
      if (take) return take;
      // The row went away (a reset warehouse): make it again on the next take.
      ensured = false;
      return { taken: false, waitMs: 1 };
    };

    const takeOnce = async (reserve: number): Promise<Take> => {
      const started = performance.now();
      if (warehouse.up()) {
        try {
          const take = await shared(reserve);
          opts.onTake?.({ ms: performance.now() - started, taken: take.taken, where: 'warehouse' });
          return take;
        } catch (error) {
          // A write must not wait on a broken bucket: work on the share until the link is back.
          if (!isConnectionFailure(error)) {
            log.warn('the warehouse write budget failed', { error: (error as Error).message });
          }
        }
      }
      if (!share) {
        share = localBucket(fallbackShare(budget, warehouse.stationsSeen()), clock.now());
        log.warn('working on a share of the write budget', {
          account: account.slice(0, 12),
          stations: warehouse.stationsSeen(),
          perMinute: Math.round(share.shape.perMinute * 10) / 10,
        });
      }
      const take = share.take(clock.now(), reserve);
      opts.onTake?.({ ms: performance.now() - started, taken: take.taken, where: 'share' });
      return take;
    };

    async function pump(): Promise<void> {
      if (pumping) return;
      pumping = true;
      try {
        while (queue.length > 0) {
          const head = queue.find((waiter) => !waiter.bulk) ?? queue[0];
          if (!head) break;
          const take = await takeOnce(head.bulk ? budget.bulkReserve : 0);
          if (take.taken) {
            const at = queue.indexOf(head);
            // Aborted while its token was being taken: the token is spent, which errs safe.
            if (at < 0) continue;
            queue.splice(at, 1);
            if (head.onAbort) head.signal?.removeEventListener('abort', head.onAbort);
            head.resolve();
            continue;
          }
          const bulkOnly = queue.every((waiter) => waiter.bulk);
          interrupt = bulkOnly ? new AbortController() : null;
          const jitter = random() * msPerToken(budget) * 0.1;
          await clock.sleep(take.waitMs + jitter, interrupt?.signal).catch(() => undefined);
          interrupt = null;
        }
      } finally {
        pumping = false;
      }
    }

    return {
      take(priority: RequestPriority, signal?: AbortSignal): Promise<void> {
        if (signal?.aborted) return Promise.reject(signal.reason);
        return new Promise<void>((resolve, reject) => {
          const waiter: Waiter = { bulk: priority === 'bulk', resolve, reject, signal };
          if (signal) {
            waiter.onAbort = () => {
              const at = queue.indexOf(waiter);
              if (at >= 0) queue.splice(at, 1);
              reject(signal.reason);
            };
            signal.addEventListener('abort', waiter.onAbort, { once: true });
          }
          queue.push(waiter);
          if (!waiter.bulk) interrupt?.abort();
          pump().catch((error: unknown) => {
            log.error('the write budget stopped', { error: (error as Error).message });
          });
        });
      },
    };
  }

  return {
    /**
     * The limiter for one account's clients. Without a warehouse it is the local one, unchanged.
     */
    limiterFor(baseUrl: string, publicKey: string, local: RateLimiter): RateLimiter {
      if (!warehouse.configured) return local;
      const account = budgetAccount(baseUrl, publicKey);
      let accountGate = gates.get(account);
      if (!accountGate) {
        accountGate = gate(account);
        gates.set(account, accountGate);
      }
      const writes = accountGate;
      return {
        async acquire(kind: RequestClass, signal?: AbortSignal, priority?: RequestPriority) {
          if (kind === 'write') await writes.take(priority ?? 'normal', signal);
          await local.acquire(kind, signal, priority);
        },
        settled: (kind) => local.settled?.(kind),
        withdrawn: (kind) => (local.withdrawn ? local.withdrawn(kind) : local.settled?.(kind)),
        pause: (ms) => local.pause(ms),
      };
    },
  };
}

export type WriteBudgets = ReturnType<typeof createWriteBudget>;
