// The chaos harness: the real Station as a child process (`node out/main/web.js`) against the
// simulator with faults on, a driver scanning orders through its HTTP API like a packer, and a
// killer SIGKILLing the child at seeded random points and starting it again on the same data
// folder. The simulator and the virtual printer live in this process, so their ledger and jobs
// are the ground truth the end checks read. Shared by test/chaos and bench/chaos.
import { createHash } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { JobView, Result, ScanEntry, StationStatus } from '../../src-shared';
import { startVirtualPrinter, type VirtualPrinter } from '../../src-main/printing/virtual-printer';
import { createRandom, type Random } from '../../src-main/simulator/prng';
import {
  startSimulator,
  type Faults,
  type RateLimits,
  type Simulator,
} from '../../src-main/simulator/index';
import { tempDir } from '../helpers/tmp';
import { startWebHost, type RunningWebHost } from '../helpers/web-host';
import { bytesFor203Printer } from '../helpers/printed';

/** Faults on every Sendcloud call, tuned so a run ends in reasonable time. */
export const chaosFaults: Partial<Faults> = {
  latencyMs: { minMs: 0, maxMs: 40 },
  errorRates: { 500: 0.05, 503: 0.03 },
  timeoutRate: 0.02,
  resetRate: 0.02,
  // Applied, then the answer is lost. On a read it is just one more reset.
  lostResponseRate: 0.05,
};

export interface ChaosOptions {
  seed: number;
  /** Orders to scan, each until the station acknowledges it. */
  orders: number;
  /** SIGKILLs, at seeded random points of the scan phase (some land in the drain after it). */
  kills: number;
  faults?: Partial<Faults>;
  /** The simulator's per-account limits; default Sendcloud's documented ones. */
  rateLimits?: RateLimits | false;
  /** Scans in flight at once; 1 is a packer at one station. */
  concurrency?: number;
  /** How long one Sendcloud call may take in the child. */
  sendcloudTimeoutMs?: number;
  /**
   * How long the final, fault-free life may take to empty the queue, counted from the latest
   * retry time the station had already set for a waiting job (its backoff is its own to keep).
   */
  drainTimeoutMs?: number;
  /** Progress lines (the bench prints them; the test keeps quiet). */
  log?: (line: string) => void;
}

export interface ChaosReport {
  seed: number;
  durationMs: number;
  /** The orders the driver scanned, in scan order. */
  orderNumbers: string[];
  /** `scan.submit` calls made, rescans included. */
  scans: number;
  /** Scans the station answered `queued`, `printed`, or `already-labelled` on a rescan. */
  acks: number;
  /** Scans whose call got no answer (the child died under them): scanned again. */
  unanswered: number;
  /** Scans answered `failed` with a reason other than `already-labelled`, by error code. */
  failedAnswers: Record<string, number>;
  kills: number;
  /** Starts of the child after the first one (after each kill, and the final fault-free life). */
  restarts: number;
  /** Exits nobody asked for: each is a crash to look at. */
  unexpectedExits: string[];
  /** Labels in the simulator's ledger for the scanned orders. */
  labels: number;
  /** Order number to the number of labels Sendcloud made for it. */
  labelsPerOrder: Record<string, number>;
  /** Jobs the virtual printer received. */
  printJobs: number;
  /** Ledger labels whose bytes reached the printer at least once. */
  labelsPrinted: number;
  /** Prints beyond the first of a label (allowed: printing is at-least-once). */
  duplicatePrints: number;
  /** Printer jobs whose bytes match no label in the ledger. */
  strayPrints: number;
  /** Tracking numbers of labels that never reached the printer. */
  unprintedLabels: string[];
  /** Active jobs left after the final drain (should be none). */
  queueLeft: JobView[];
  /** Acknowledged orders the station's own database does not show as printed. */
  ackedNotPrinted: string[];
  /** Orders acknowledged first on a rescan with `already-labelled`: printed before any answer. */
  ackedAsAlreadyLabelled: number;
  /** GET /shipments calls: the station looking for a label an earlier try made. */
  reconcileLookups: number;
  /** create-label-sync calls, and those whose answer never came (fault, kill or lost). */
  createLabelCalls: number;
  createLabelCallsUnanswered: number;
  /** Answers of 429 from the simulator's rate limiter or its faults. */
  rateLimited: number;
  /** Every answer the simulator gave, by status; 0 is no answer (timeout, reset, lost, kill). */
  sendcloudAnswers: Record<string, number>;
  /** The queue as the final, fault-free life found it. */
  queueAtFinalStart: JobView[];
  /** How far off the latest retry of a waiting job was when the final life started. */
  finalBackoffMs: number;
  /** How long the final, fault-free life took to empty the queue. */
  finalDrainMs: number;
}

export interface Life {
  host: RunningWebHost;
  origin: string;
  token: string;
  /** Set before a kill or a stop we asked for. */
  expected: boolean;
  exited: Promise<void>;
}

/** A started web host as one life of a station: its origin, its token, and when it exits. */
export function lifeOf(host: RunningWebHost): Life {
  const url = new URL(host.url);
  return {
    host,
    origin: url.origin,
    token: url.searchParams.get('token') ?? '',
    expected: false,
    exited: new Promise((resolve) => {
      if (host.process.exitCode !== null || host.process.signalCode !== null) resolve();
      else host.process.once('exit', () => resolve());
    }),
  };
}

const ACKED_STATES = new Set(['queued', 'printed']);
const CALL_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const digest = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * One child process at a time, always on the same data folder. `current()` is the life to talk
 * to (a promise, since it may be starting); a kill replaces it at once with the next start.
 */
export function createSupervisor(
  env: Record<string, string>,
  report: Pick<ChaosReport, 'unexpectedExits' | 'kills'>,
) {
  let starts = 0;
  let current: Promise<Life>;

  const launch = async (): Promise<Life> => {
    for (let attempt = 1; ; attempt++) {
      starts++;
      try {
        const host = await startWebHost(env);
        const life = lifeOf(host);
        void life.exited.then(() => {
          if (life.expected) return;
          // A crash: note it, and start again so the run carries on and reports everything.
          report.unexpectedExits.push(
            `exit ${host.process.exitCode ?? host.process.signalCode}: ${host.output().slice(-2000)}`,
          );
          current = launch();
        });
        return life;
      } catch (error) {
        report.unexpectedExits.push(`failed to start: ${(error as Error).message}`);
        if (attempt >= 3) throw error;
      }
    }
  };

  current = launch();

  return {
    current: () => current,
    /** Child starts so far, the first one included. */
    starts: () => starts,
    /** SIGKILL the running child and start the next one; resolves once it is ready. */
    async kill(): Promise<Life> {
      report.kills++;
      return this.restart();
    },
    /**
     * Start the next life after a SIGKILL of this one, not counted as a chaos kill. Not SIGTERM:
     * a station closing waits for its job in flight, which may be sitting out a 429's
     * Retry-After for up to a minute.
     */
    async restart(): Promise<Life> {
      const life = await current;
      life.expected = true;
      life.host.process.kill('SIGKILL');
      current = life.exited.then(launch);
      return current;
    },
    /** SIGTERM: the station closes its database and exits by itself (or is noted and killed). */
    async stop(): Promise<void> {
      const life = await current;
      if (life.expected) return life.exited;
      life.expected = true;
      life.host.process.kill('SIGTERM');
      const stopped = await Promise.race([life.exited.then(() => true), sleep(STOP_TIMEOUT_MS)]);
      if (!stopped) {
        report.unexpectedExits.push(`did not stop within ${STOP_TIMEOUT_MS} ms of SIGTERM`);
        life.host.process.kill('SIGKILL');
        await life.exited;
      }
    },
  };
}

/** The child station's settings: this simulator, this printer, this data folder. */
export function stationEnv(
  simulator: Simulator,
  printer: VirtualPrinter,
  dataDir: string,
  sendcloudTimeoutMs = 1_500,
): Record<string, string> {
  return {
    PACKDESK_SENDCLOUD_URL: simulator.url,
    PACKDESK_SENDCLOUD_PUBLIC_KEY: simulator.keys.publicKey,
    PACKDESK_SENDCLOUD_SECRET_KEY: simulator.keys.secretKey,
    PACKDESK_INTEGRATION_ID: String(simulator.integrationId),
    PACKDESK_PRINTER: printer.address,
    PACKDESK_DATA_DIR: dataDir,
    PACKDESK_SENDCLOUD_TIMEOUT_MS: String(sendcloudTimeoutMs),
    PACKDESK_LOG_LEVEL: 'warn',
  };
}

/** A contract command over the browser host's HTTP API. Rejects when no answer came. */
export async function command<T>(life: Life, name: string, input: unknown): Promise<Result<T>> {
  const response = await fetch(`${life.origin}/api/commands/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${life.token}` },
    body: JSON.stringify(input),
    signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
  });
  if (response.status !== 200) throw new Error(`${name}: HTTP ${response.status}`);
  return (await response.json()) as Result<T>;
}

/** A command that may land on a life being killed or started: null when no answer came. */
export async function tryCommand<T>(life: Life, name: string, input: unknown): Promise<T | null> {
  try {
    const result = await command<T>(life, name, input);
    return result.ok ? result.value : null;
  } catch {
    return null;
  }
}

/** Poll until `check` gives a value (every `everyMs`), or fail after `timeoutMs`. */
export async function until<T>(
  what: string,
  timeoutMs: number,
  check: () => Promise<T | null> | T | null,
  everyMs = 10,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise<void>((resolve) => setTimeout(resolve, everyMs));
  }
}

/** Resolves once the driver has started scan number `index` (0-based). */
function createProgress() {
  let started = -1;
  const waiters = new Set<{ index: number; resolve: () => void }>();
  return {
    started(index: number) {
      started = Math.max(started, index);
      for (const waiter of [...waiters]) {
        if (waiter.index <= started) {
          waiters.delete(waiter);
          waiter.resolve();
        }
      }
    },
    reached(index: number): Promise<void> {
      if (index <= started) return Promise.resolve();
      return new Promise((resolve) => waiters.add({ index, resolve }));
    },
    /** Let every waiter go: the driver is done. */
    finish() {
      this.started(Number.MAX_SAFE_INTEGER);
    },
  };
}

/**
 * Where the kills land: each after the driver starts a seeded random scan, a seeded delay later.
 * Short delays land mid-scan and mid-label, longer ones mid-print, in retries and backoffs;
 * several kills on one scan hit the next lives right after their start (recovery). The driver
 * starts no scan past a kill's until that kill is done, so every kill lands among the scans.
 */
function createKiller(random: Random, kills: number, orders: number) {
  const plan = Array.from({ length: kills }, () => {
    const draw = random.next();
    const delayMs =
      draw < 0.5 ? random.int(0, 60) : draw < 0.8 ? random.int(60, 400) : random.int(400, 2_500);
    return { atScan: random.int(0, orders - 1), delayMs, done: false };
  }).sort((a, b) => a.atScan - b.atScan);
  const waiters = new Set<() => void>();
  return {
    plan,
    markDone(kill: (typeof plan)[number]) {
      kill.done = true;
      for (const wake of [...waiters]) wake();
    },
    /** Resolves once every kill planned before scan `index` is done. */
    async before(index: number): Promise<void> {
      while (plan.some((kill) => kill.atScan < index && !kill.done)) {
        await new Promise<void>((resolve) => {
          const wake = () => {
            waiters.delete(wake);
            resolve();
          };
          waiters.add(wake);
        });
      }
    },
  };
}

export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  const random = createRandom(options.seed);
  const report: ChaosReport = {
    seed: options.seed,
    durationMs: 0,
    orderNumbers: [],
    scans: 0,
    acks: 0,
    unanswered: 0,
    failedAnswers: {},
    kills: 0,
    restarts: 0,
    unexpectedExits: [],
    labels: 0,
    labelsPerOrder: {},
    printJobs: 0,
    labelsPrinted: 0,
    duplicatePrints: 0,
    strayPrints: 0,
    unprintedLabels: [],
    queueLeft: [],
    ackedNotPrinted: [],
    ackedAsAlreadyLabelled: 0,
    reconcileLookups: 0,
    createLabelCalls: 0,
    createLabelCallsUnanswered: 0,
    rateLimited: 0,
    sendcloudAnswers: {},
    queueAtFinalStart: [],
    finalBackoffMs: 0,
    finalDrainMs: 0,
  };

  const data = tempDir('packdesk-chaos-');
  const simulator: Simulator = await startSimulator({
    seed: options.seed,
    orderCount: options.orders,
    ...(options.rateLimits !== undefined ? { rateLimits: options.rateLimits } : {}),
  });
  const printer: VirtualPrinter = await startVirtualPrinter();
  let supervisor: ReturnType<typeof createSupervisor> | null = null;
  try {
    const orderNumbers = simulator.orders().map((order) => order.order_number);
    if (orderNumbers.length < options.orders) throw new Error('the simulator has too few orders');
    report.orderNumbers = orderNumbers.slice(0, options.orders);
    simulator.faults.set(options.faults ?? chaosFaults);

    supervisor = createSupervisor(
      stationEnv(simulator, printer, data.dir, options.sendcloudTimeoutMs),
      report,
    );
    const lives = supervisor;
    await lives.current();

    // The driver: scan every order until the station answers it. No answer (the child died)
    // is no acknowledgement: scan it again, as a packer whose screen went blank would.
    const progress = createProgress();
    const kills = createKiller(random, options.kills, report.orderNumbers.length);
    const acked = new Set<string>();
    let next = 0;
    const scanUntilAcknowledged = async (index: number, orderNumber: string) => {
      await kills.before(index);
      progress.started(index);
      for (let attempt = 1; ; attempt++) {
        const life = await lives.current();
        report.scans++;
        let result: Result<ScanEntry>;
        try {
          result = await command<ScanEntry>(life, 'scan.submit', { code: orderNumber });
        } catch {
          report.unanswered++;
          // Wait for the next life; if this one is still up (a dropped call), try it again.
          if ((await lives.current()) === life) {
            await Promise.race([life.exited, sleep(200)]);
          }
          continue;
        }
        const entry = result.ok ? result.value : null;
        if (entry && ACKED_STATES.has(entry.state)) break;
        if (entry?.state === 'failed' && entry.error?.code === 'already-labelled' && attempt > 1) {
          // Printed while the earlier scan went unanswered: the station is right to refuse.
          report.ackedAsAlreadyLabelled++;
          break;
        }
        const code = entry?.error?.code ?? (result.ok ? entry?.state : result.error.code) ?? '?';
        report.failedAnswers[code] = (report.failedAnswers[code] ?? 0) + 1;
        // A red screen: the packer looks up and scans again a moment later.
        await sleep(250);
      }
      report.acks++;
      acked.add(orderNumber);
    };
    const driver = async () => {
      while (next < report.orderNumbers.length) {
        const index = next++;
        await scanUntilAcknowledged(index, report.orderNumbers[index] ?? '');
      }
    };

    const killer = async () => {
      for (const kill of kills.plan) {
        await progress.reached(kill.atScan);
        await lives.current();
        await sleep(kill.delayMs);
        await lives.kill();
        kills.markDone(kill);
        if (report.kills % 10 === 0) {
          log(
            `  chaos: ${report.kills} kills, ${report.acks} of ${report.orderNumbers.length} acknowledged`,
          );
        }
      }
    };

    const killing = killer();
    await Promise.all(Array.from({ length: options.concurrency ?? 1 }, driver));
    progress.finish();
    await killing;
    log(`  chaos: scan phase done: ${report.kills} kills, ${report.scans} scans`);

    // The last life: faults off, and it must empty the queue by itself.
    simulator.faults.reset();
    const final = await lives.restart();
    const drainStart = performance.now();
    const atStart = await command<JobView[]>(final, 'queue.list', {});
    report.queueAtFinalStart = atStart.ok ? atStart.value : [];
    const promised = Math.max(
      Date.now(),
      ...report.queueAtFinalStart.map((job) =>
        job.state === 'waiting' && job.nextAttemptAt ? Date.parse(job.nextAttemptAt) : 0,
      ),
    );
    report.finalBackoffMs = promised - Date.now();
    const deadline = drainStart + report.finalBackoffMs + (options.drainTimeoutMs ?? 60_000);
    for (;;) {
      const status = await command<StationStatus>(final, 'station.status', {});
      if (status.ok && status.value.connectivity.queueLength === 0) break;
      if (performance.now() > deadline) {
        const queue = await command<JobView[]>(final, 'queue.list', {});
        report.queueLeft = queue.ok ? queue.value : [];
        break;
      }
      await sleep(200);
    }
    report.finalDrainMs = Math.round(performance.now() - drainStart);
    await lives.stop();
    report.restarts = lives.starts() - 1;

    // The ground truth: Sendcloud's ledger and the printer's jobs.
    const byDigest = new Map<string, number>();
    for (const job of printer.jobs) {
      const key = digest(job.bytes);
      byDigest.set(key, (byDigest.get(key) ?? 0) + 1);
    }
    report.printJobs = printer.jobs.length;
    const labelDigests = new Set<string>();
    for (const orderNumber of report.orderNumbers) {
      const labels = simulator.labelsFor(orderNumber);
      report.labelsPerOrder[orderNumber] = labels.length;
      report.labels += labels.length;
      for (const label of labels) {
        const key = digest(await bytesFor203Printer(label));
        labelDigests.add(key);
        const prints = byDigest.get(key) ?? 0;
        if (prints === 0) report.unprintedLabels.push(label.trackingNumber);
        else report.labelsPrinted++;
        report.duplicatePrints += Math.max(0, prints - 1);
      }
    }
    for (const [key, count] of byDigest) if (!labelDigests.has(key)) report.strayPrints += count;

    // The station's own view, from its database: every acknowledged order printed.
    const db = new Database(path.join(data.dir, 'packdesk.sqlite'), { readonly: true });
    try {
      const printed = new Set(
        (
          db.prepare('SELECT order_number FROM shipments WHERE printed_at IS NOT NULL').all() as {
            order_number: string;
          }[]
        ).map((row) => row.order_number),
      );
      report.ackedNotPrinted = [...acked].filter((orderNumber) => !printed.has(orderNumber));
    } finally {
      db.close();
    }

    for (const request of simulator.requests) {
      if (request.method === 'GET' && request.path === '/api/v3/shipments') {
        report.reconcileLookups++;
      }
      if (request.method === 'POST' && request.path === '/api/v3/orders/create-label-sync') {
        report.createLabelCalls++;
        if (request.status === 0) report.createLabelCallsUnanswered++;
      }
      if (request.status === 429) report.rateLimited++;
      const status = String(request.status);
      report.sendcloudAnswers[status] = (report.sendcloudAnswers[status] ?? 0) + 1;
    }
    report.durationMs = Math.round(performance.now() - started);
    return report;
  } finally {
    await supervisor?.stop().catch(() => undefined);
    await printer.close();
    await simulator.close();
    data.cleanup();
  }
}

/** The report's counts in one line each, for a log or a bench. */
export function describeReport(report: ChaosReport): string[] {
  const duplicates = Object.values(report.labelsPerOrder).filter((n) => n > 1).length;
  const missing = Object.values(report.labelsPerOrder).filter((n) => n === 0).length;
  return [
    `orders ${report.orderNumbers.length}, scans ${report.scans}, acks ${report.acks}, unanswered ${report.unanswered}, failed answers ${JSON.stringify(report.failedAnswers)}`,
    `kills ${report.kills}, restarts ${report.restarts}, unexpected exits ${report.unexpectedExits.length}`,
    `labels ${report.labels} (orders with none ${missing}, with more than one ${duplicates})`,
    `printer jobs ${report.printJobs}, labels printed ${report.labelsPrinted}, duplicate prints ${report.duplicatePrints}, stray prints ${report.strayPrints}`,
    `create-label calls ${report.createLabelCalls} (unanswered ${report.createLabelCallsUnanswered}), reconcile lookups ${report.reconcileLookups}, 429s ${report.rateLimited}`,
    `Sendcloud answers by status ${JSON.stringify(report.sendcloudAnswers)}`,
    `queue at the final start ${report.queueAtFinalStart.length}: ${summarizeQueue(report.queueAtFinalStart)}`,
    `queue left ${report.queueLeft.length}, acked not printed ${report.ackedNotPrinted.length}, final drain ${report.finalDrainMs} ms (backoff due in ${report.finalBackoffMs} ms), total ${report.durationMs} ms`,
  ];
}

function summarizeQueue(jobs: readonly JobView[]): string {
  const counts: Record<string, number> = {};
  for (const job of jobs) {
    const key = `${job.kind} ${job.state} (${job.lastError?.code ?? 'no error'}, ${job.attempts} tries)`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return JSON.stringify(counts);
}
