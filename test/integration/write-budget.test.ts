// The warehouse's write budget on a real PostgreSQL: stations (each its own link, pool and
// limiter, as separate processes have) taking from one bucket stay inside Sendcloud's windows
// together, a batch's writes at one station wait behind a packer's scans at another, and with
// the server stopped each station keeps to its share until the server is back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scaledClock, type Clock } from '../../src-main/clock';
import { setLogSink } from '../../src-main/log';
import { createRateLimiter, type RequestPriority } from '../../src-main/sendcloud/rate-limit';
import { createRateLimiter as sendcloudWindows } from '../../src-main/simulator/rate-limit';
import { DOCUMENTED_LIMITS } from '../../src-main/simulator/rate-limit';
import { createWarehouseLink, type WarehouseLink } from '../../src-main/warehouse/link';
import {
  budgetAccount,
  createWriteBudget,
  fallbackShare,
  warehouseWriteBudget,
  type WriteBudget,
} from '../../src-main/warehouse/write-budget';
import { freshDatabase, ownCluster, type Cluster } from '../helpers/pg';

const SENDCLOUD = 'https://panel.sendcloud.sc';
const PUBLIC_KEY = 'pk-of-the-warehouse-account';

async function until(check: () => boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

interface Grant {
  station: string;
  at: number;
  priority: RequestPriority;
}

/** Every grant through Sendcloud's own windows (the simulator's limiter), in time order. */
function refusedBySendcloud(grants: readonly Grant[]): number {
  const windows = sendcloudWindows(DOCUMENTED_LIMITS);
  const sorted = [...grants].sort((a, b) => a.at - b.at);
  return sorted.filter((grant) => !windows.take('account', 'POST', grant.at).ok).length;
}

function busiest(grants: readonly Grant[], windowMs: number): number {
  const times = grants.map((g) => g.at).sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while ((times[j] ?? Infinity) <= (times[i] ?? 0) - windowMs) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

function stationLink(url: string, id: string, clock: Clock, heartbeatMs = 600_000) {
  return createWarehouseLink({
    url,
    stationId: id,
    stationName: id,
    clock,
    heartbeatMs,
    connectTimeoutMs: 500,
  });
}

/** One station's writes to the account: its own local limiter, wrapped by its write budget. */
function stationLimiter(link: WarehouseLink, clock: Clock, budget?: WriteBudget) {
  const budgets = createWriteBudget({ warehouse: link, clock, ...(budget ? { budget } : {}) });
  return budgets.limiterFor(SENDCLOUD, PUBLIC_KEY, createRateLimiter({ clock }));
}

/** `workers` writers at one station, each writing as fast as it may, until `end`. */
async function flood(opts: {
  station: string;
  limiter: ReturnType<typeof stationLimiter>;
  clock: Clock;
  end: number;
  grants: Grant[];
  priority?: RequestPriority;
  workers?: number;
}): Promise<void> {
  const priority = opts.priority ?? 'normal';
  await Promise.all(
    Array.from({ length: opts.workers ?? 4 }, async () => {
      while (opts.clock.now() < opts.end) {
        await opts.limiter.acquire('write', undefined, priority);
        opts.grants.push({ station: opts.station, at: opts.clock.now(), priority });
        opts.limiter.settled?.('write');
      }
    }),
  );
}

beforeAll(() => setLogSink({ write: () => undefined }, 'error'));

describe('the warehouse write budget', () => {
  it('keeps three stations together inside 100 a minute and 15 a second, at over 90 a minute', async () => {
    const db = await freshDatabase();
    // A simulated minute in two real seconds.
    const clock = scaledClock(30);
    const links = ['st-1', 'st-2', 'st-3'].map((id) => stationLink(db.url, id, clock));
    try {
      for (const link of links) await link.start();
      const grants: Grant[] = [];
      const start = clock.now();
      const end = start + 150_000;
      await Promise.all(
        links.map((link, i) =>
          flood({
            station: `st-${i + 1}`,
            limiter: stationLimiter(link, clock),
            clock,
            end,
            grants,
          }),
        ),
      );
      expect(refusedBySendcloud(grants)).toBe(0);
      expect(busiest(grants, 60_000)).toBeLessThanOrEqual(100);
      expect(busiest(grants, 1_000)).toBeLessThanOrEqual(15);
      // The bucket starts empty and refills at 94 a minute: 2.5 minutes give about 235.
      const inTime = grants.filter((g) => g.at < end).length;
      expect(inTime).toBeGreaterThanOrEqual(0.9 * 100 * 2.5);
      // Every station got its turn.
      for (const id of ['st-1', 'st-2', 'st-3']) {
        expect(grants.filter((g) => g.station === id).length).toBeGreaterThan(30);
      }
      const { rows } = await links[0]!.query<{ account: string; grants: string }>(
        'select account, grants::text from write_budgets',
      );
      expect(rows).toEqual([
        { account: budgetAccount(SENDCLOUD, PUBLIC_KEY), grants: String(grants.length) },
      ]);
      // The bucket names the account by a hash: the public key is not in it.
      expect(rows[0]?.account).not.toContain(PUBLIC_KEY);
    } finally {
      for (const link of links) await link.stop();
      await db.drop();
    }
  }, 30_000);

  it("lets a packer's scans at one station go before a batch's writes at another", async () => {
    const db = await freshDatabase();
    const clock = scaledClock(20);
    const batchLink = stationLink(db.url, 'batch-table', clock);
    const scanLink = stationLink(db.url, 'scan-table', clock);
    try {
      await batchLink.start();
      await scanLink.start();
      const grants: Grant[] = [];
      const batch = stationLimiter(batchLink, clock);
      const scans = stationLimiter(scanLink, clock);
      const end = clock.now() + 40_000;
      const batchRun = flood({
        station: 'batch',
        limiter: batch,
        clock,
        end,
        grants,
        priority: 'bulk',
        workers: 6,
      });
      // The batch has the bucket to itself for 15 s: it drains it to its reserve.
      await clock.sleep(15_000);
      const asked = clock.now();
      await Promise.all(
        Array.from({ length: 10 }, () =>
          scans.acquire('write').then(() => {
            grants.push({ station: 'scan', at: clock.now(), priority: 'normal' });
            scans.settled?.('write');
          }),
        ),
      );
      const answered = clock.now();
      await batchRun;
      const batchMeanwhile = grants.filter(
        (g) => g.station === 'batch' && g.at > asked && g.at < answered,
      );
      expect(batchMeanwhile.length).toBeLessThanOrEqual(1);
      // The scans took the tokens as they came: the reserve at once, then one per refill.
      expect(answered - asked).toBeLessThan(10 * (60_000 / warehouseWriteBudget.perMinute));
      expect(grants.filter((g) => g.station === 'batch' && g.at > answered).length).toBeGreaterThan(
        5,
      );
      expect(refusedBySendcloud(grants)).toBe(0);
    } finally {
      await batchLink.stop();
      await scanLink.stop();
      await db.drop();
    }
  }, 30_000);
});

describe('the write budget without its warehouse', () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await ownCluster();
  }, 60_000);
  afterAll(() => cluster?.destroy());

  it('keeps each station to its share while PostgreSQL is stopped, and takes from the bucket again after', async () => {
    const db = await freshDatabase(cluster);
    const clock = scaledClock(30);
    // Heartbeats every 3 simulated seconds (0.1 s real): the link notices the server quickly.
    const links = ['st-1', 'st-2'].map((id) => stationLink(db.url, id, clock, 3_000));
    try {
      for (const link of links) await link.start();
      await until(() => links.every((link) => link.stationsSeen() === 2));
      const limiters = links.map((link) => stationLimiter(link, clock));
      const run = async (ms: number) => {
        const grants: Grant[] = [];
        const end = clock.now() + ms;
        await Promise.all(
          limiters.map((limiter, i) =>
            flood({ station: `st-${i + 1}`, limiter, clock, end, grants }),
          ),
        );
        return grants;
      };

      const before = await run(20_000);
      cluster.stop();
      await until(() => links.every((link) => !link.up()));
      const alone = await run(120_000);
      const share = fallbackShare(warehouseWriteBudget, 2);
      for (const id of ['st-1', 'st-2']) {
        const own = alone.filter((g) => g.station === id);
        // Each within its share (capacity plus rate), and using most of it.
        expect(busiest(own, 60_000)).toBeLessThanOrEqual(share.capacity + share.perMinute + 1);
        expect(own.length).toBeGreaterThan(0.9 * share.perMinute * 2);
      }

      cluster.start();
      await until(() => links.every((link) => link.up()));
      const after = await run(40_000);
      const all = [...before, ...alone, ...after];
      expect(refusedBySendcloud(all)).toBe(0);
      expect(busiest(all, 60_000)).toBeLessThanOrEqual(100);
      // Back on the shared bucket: the grants after the restart went through PostgreSQL.
      const { rows } = await links[0]!.query<{ grants: string }>(
        'select grants::text from write_budgets',
      );
      expect(Number(rows[0]?.grants)).toBe(before.length + after.length);
    } finally {
      for (const link of links) await link.stop();
      await db.drop();
    }
  }, 60_000);
});
