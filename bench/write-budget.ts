// The warehouse's write budget: 1, 2 and 4 stations on one Sendcloud account, each scanning its
// share of a fixed number of orders as fast as it can, against the simulator's documented
// limits. Labels a minute all stations together (goal: at most 100 and at least 90), the
// busiest minute Sendcloud saw, and its 429 answers (goal 0). Then the bucket's contention at 8
// stations: how long one take of a token takes on PostgreSQL, and how often a station asks again.
//
// Each station is a process of its own (bench/budget-station-child.ts: the real Station, its own
// SQLite and virtual printer), as is the simulator (bench/sim-process.ts), all on one warp clock:
// simulated time runs 20x while every process waits and at real pace while any of them works, so
// CPU time is not multiplied. The contention run is 8 write budgets in this process, each with a
// link and pool of its own (PostgreSQL sees 8 stations), on a clock 5x real time: five times the
// warehouse's real rate of takes, so its figures err on the busy side.
import { randomBytes } from 'node:crypto';
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { scaledClock } from '../src-main/clock';
import { setLogSink } from '../src-main/log';
import { createRateLimiter } from '../src-main/sendcloud/rate-limit';
import { createWarehouseLink } from '../src-main/warehouse/link';
import { createWriteBudget, type TakeReport } from '../src-main/warehouse/write-budget';
// @ts-expect-error: plain JS shared with the test runner
import { startCluster } from '../scripts/pg-cluster.mjs';
import type { FromStationChild, ToStationChild } from './budget-station-child';
import { startSimProcess } from './sim-process';
import { percentile, round, type BenchResult } from './stats';

/** Orders scanned in each run, shared out over its stations. */
const LABELS = 160;
const SPEED = 20;
const LIMIT = 100;

const here = path.dirname(fileURLToPath(import.meta.url));

interface Server {
  url: string;
  destroy(): void;
}

/** The test run's PostgreSQL (PACKDESK_TEST_PG), or a throwaway cluster of the benchmark's own. */
async function server(): Promise<Server> {
  const given = process.env.PACKDESK_TEST_PG;
  if (given) return { url: given, destroy: () => undefined };
  const dir = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'packdesk-bench-pg-'));
  return (await startCluster(dir)) as Server;
}

async function freshDatabase(serverUrl: string) {
  const name = `packdesk_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

interface StationChild {
  child: ChildProcess;
  next(type: FromStationChild['type']): Promise<FromStationChild>;
  send(message: ToStationChild): void;
}

function forkStation(onLoad: (utilization: number) => void): StationChild {
  const child = fork(path.join(here, 'budget-station-child.ts'), [], {
    cwd: path.dirname(here),
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting: { type: string; resolve(m: FromStationChild): void; reject(e: Error): void }[] =
    [];
  child.on('message', (raw) => {
    const message = raw as FromStationChild;
    if (message.type === 'load') return onLoad(message.utilization);
    if (message.type === 'failed') {
      for (const w of waiting.splice(0)) w.reject(new Error(`station child: ${message.error}`));
      return;
    }
    const at = waiting.findIndex((w) => w.type === message.type);
    if (at >= 0) waiting.splice(at, 1)[0]?.resolve(message);
  });
  child.once('exit', (code) => {
    for (const w of waiting.splice(0)) w.reject(new Error(`station child exited (${code})`));
  });
  return {
    child,
    next: (type) => new Promise((resolve, reject) => waiting.push({ type, resolve, reject })),
    send: (message) => void child.send(message),
  };
}

/** The most of `times` inside any window of `ms`. */
function busiest(times: readonly number[], ms: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while ((sorted[j] ?? Infinity) <= (sorted[i] ?? 0) - ms) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

async function stationsOnOneAccount(stations: number, serverUrl: string) {
  const db = await freshDatabase(serverUrl);
  const sim = await startSimProcess({ speed: SPEED, warp: { slow: 1 }, orderCount: LABELS });
  const children = Array.from({ length: stations }, (_, i) =>
    forkStation((utilization) => sim.reportLoad(`station-${i}`, utilization)),
  );
  sim.onPace((segment) => {
    for (const { send } of children) send({ type: 'segment', segment });
  });
  const realStart = Date.now();
  try {
    const account = sim.accounts[0];
    if (!account) throw new Error('no account');
    await Promise.all(
      children.map(async (station, i) => {
        const ready = station.next('ready');
        station.send({
          type: 'start',
          options: {
            name: `Table ${i + 1}`,
            clock: sim.childClock,
            sendcloud: { url: sim.url, publicKey: account.publicKey, secretKey: account.secretKey },
            integrationId: account.integrationId,
            warehouseDb: db.url,
          },
        });
        await ready;
      }),
    );
    const orders = (await sim.orders(0)).map((order) => order.orderNumber);
    const before = await sim.requestCount();
    const each = Math.ceil(orders.length / stations);
    await Promise.all(
      children.map(async (station, i) => {
        const printed = station.next('printed');
        station.send({ type: 'scan', codes: orders.slice(i * each, (i + 1) * each) });
        await printed;
      }),
    );
    const requests = await sim.requests(before);
    const labels = requests
      .filter((r) => r.path.includes('create-label') && r.status >= 200 && r.status < 300)
      .map((r) => r.at)
      .sort((a, b) => a - b);
    const refused = requests.filter((r) => r.status === 429).length;
    const perOrder = Object.values(await sim.labelsPerOrder());
    if (labels.length !== LABELS || perOrder.some((count) => count !== 1)) {
      throw new Error(`expected ${LABELS} labels, one per order; got ${labels.length}`);
    }
    const spanMs = (labels.at(-1) ?? 0) - (labels[0] ?? 0);
    const perMinute = ((labels.length - 1) * 60_000) / spanMs;
    const writes = requests.filter((r) => r.method !== 'GET' && r.status !== 429).map((r) => r.at);
    const minute = busiest(writes, 60_000);
    const second = busiest(writes, 1_000);
    console.log(
      `  write budget, ${stations} station(s): ${LABELS} labels in ${round(spanMs / 1000, 1)} s ` +
        `simulated (${round(perMinute, 1)}/min), busiest minute ${minute}, busiest second ` +
        `${second}, ${refused} answers of 429, ${round((Date.now() - realStart) / 1000, 1)} s real, ` +
        `${sim.paceChanges()} pace changes`,
    );
    const name = `write budget: ${stations} station process${stations > 1 ? 'es' : ''}, one account`;
    return [
      {
        name: `${name}, labels per minute together (limit ${LIMIT})`,
        unit: 'labels/min',
        p50: round(perMinute, 1),
        p95: round(perMinute, 1),
        goal: `<= ${LIMIT} and >= ${0.9 * LIMIT}`,
      },
      {
        name: `${name}, writes in the busiest minute`,
        unit: 'count',
        p50: minute,
        p95: minute,
        goal: `<= ${LIMIT}`,
      },
      { name: `${name}, 429 answers`, unit: 'count', p50: refused, p95: refused, goal: '0' },
    ] satisfies BenchResult[];
  } finally {
    for (const { send } of children) send({ type: 'close' });
    await Promise.all(
      children.map(
        ({ child }) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once('exit', () => resolve());
          }),
      ),
    );
    await sim.close();
    await db.drop();
  }
}

/** 8 stations asking one bucket for tokens as fast as they may, for a simulated minute. */
async function contention(stations: number, serverUrl: string): Promise<BenchResult[]> {
  const db = await freshDatabase(serverUrl);
  const factor = 5;
  const clock = scaledClock(factor);
  const links = Array.from({ length: stations }, (_, i) =>
    createWarehouseLink({
      url: db.url,
      stationId: `st-${i}`,
      stationName: `Table ${i + 1}`,
      clock,
      heartbeatMs: 600_000,
    }),
  );
  try {
    for (const link of links) await link.start();
    const reports: TakeReport[] = [];
    /** Per station, the takes that found no token before each one that found one. */
    const retries: number[] = [];
    const end = clock.now() + 60_000;
    let grants = 0;
    const realStart = performance.now();
    await Promise.all(
      links.map(async (link) => {
        let misses = 0;
        const budgets = createWriteBudget({
          warehouse: link,
          clock,
          onTake: (report) => {
            reports.push(report);
            if (report.taken) {
              retries.push(misses);
              misses = 0;
            } else misses++;
          },
        });
        const limiter = budgets.limiterFor(
          'https://panel.sendcloud.sc',
          'pk-bench',
          createRateLimiter({ clock }),
        );
        await Promise.all(
          Array.from({ length: 2 }, async () => {
            while (clock.now() < end) {
              await limiter.acquire('write');
              grants++;
              limiter.settled?.('write');
            }
          }),
        );
      }),
    );
    const realSeconds = (performance.now() - realStart) / 1000;
    const shared = reports.filter((r) => r.where === 'warehouse');
    const ms = shared.map((r) => r.ms);
    const mean = retries.reduce((a, b) => a + b, 0) / Math.max(1, retries.length);
    console.log(
      `  write budget contention, ${stations} stations: ${grants} tokens, ${shared.length} takes ` +
        `(${round(shared.length / realSeconds, 1)}/s real, clock ${factor}x), take p50 ` +
        `${round(percentile(ms, 50), 2)} ms p95 ${round(percentile(ms, 95), 2)} ms, ` +
        `${round(mean, 2)} retries a token`,
    );
    const name = `write budget contention: ${stations} stations on one bucket`;
    return [
      {
        name: `${name}, one take of a token (statement round trip)`,
        unit: 'ms',
        p50: round(percentile(ms, 50), 2),
        p95: round(percentile(ms, 95), 2),
        goal: null,
      },
      {
        name: `${name}, takes that found no token, per token (clock ${factor}x)`,
        unit: 'count',
        p50: percentile(retries, 50),
        p95: percentile(retries, 95),
        goal: null,
      },
      {
        name: `${name}, takes a second on PostgreSQL (clock ${factor}x)`,
        unit: 'takes/s',
        p50: round(shared.length / realSeconds, 1),
        p95: round(shared.length / realSeconds, 1),
        goal: null,
      },
    ];
  } finally {
    for (const link of links) await link.stop();
    await db.drop();
  }
}

export async function benchWriteBudget(): Promise<BenchResult[]> {
  setLogSink({ write: () => undefined }, 'error');
  const pgServer = await server();
  try {
    const results: BenchResult[] = [];
    for (const stations of [1, 2, 4]) {
      results.push(...(await stationsOnOneAccount(stations, pgServer.url)));
    }
    results.push(...(await contention(8, pgServer.url)));
    return results;
  } finally {
    pgServer.destroy();
  }
}
