// The Sendcloud simulator in a child process of its own, for benchmarks: its CPU time is then
// not spent on the station's event loop. Both processes build their clocks from one start
// (`realTimeMs`, the same in every process), so they agree on simulated time. With `warp`, the
// clock runs `speed` times real time while both event loops idle (waiting on the rate limit)
// and `slow` times while either works, so CPU time is not multiplied by the speed; the pace
// keeper here decides, and the child reads each change from a file whenever it tells the time.
// The simulator keeps Sendcloud's documented rate limits unless told otherwise.
//
// API (everything that reads the simulator is async: it asks the child over IPC):
//
//   const sim = await startSimProcess({
//     speed: 20,                     // simulated time runs 20x faster than real time
//     warp: { slow: 1 },             // ...but at real pace while the station or simulator works
//     accounts: [                    // default one account of `orderCount` orders
//       { orderCount: 500, carriers: ['postnl', 'dhl', 'dpd', 'colissimo'] },
//       {},
//     ],
//   });
//   sim.url, sim.keys, sim.integrationId      // the first account, as `startSimulator` gives them
//   sim.accounts[i]                           // keys, integration, sender address, order prefix
//   sim.clock                                 // this process's clock, agreeing with the child's
//   sim.paceChanges()                         // how often the warp changed pace
//   await sim.orders(i)                       // account i's visible orders, with their carrier
//   await sim.labelsPerOrder()                // order number -> labels made (from the ledger)
//   await sim.ledger(from?)                   // the ledger from index `from`, label sizes not bytes
//   await sim.requests(from?)                 // every request from index `from` (method, path, status)
//   await sim.requestCount()
//   await sim.labelOneAtATime({ account: 1, count: 500 })  // N create-label-sync in the child
//   await sim.faults.set({ lostResponseRate: 0.1 }); await sim.faults.reset();
//   await sim.close()                         // stops the simulator and the child
//
// `carriers` gives the seeded orders those carriers in turn, each to a country it serves;
// `PDF_ONLY_CARRIERS` names the ones with no native ZPL (their labels come as PDF).
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import {
  anchoredClock,
  realTimeMs,
  warpClock,
  type Clock,
  type ClockSegment,
  type ScaledClockAnchor,
  type WarpClock,
} from '../src-main/clock';
import { allCarriers } from '../src-main/simulator/carriers';
import type {
  AccountSpec,
  ApiKeys,
  Faults,
  RateLimits,
  RequestRecord,
} from '../src-main/simulator/index';

/** Carrier codes whose labels come as PDF only: a ZPL printer needs them converted. */
export const PDF_ONLY_CARRIERS: readonly string[] = allCarriers
  .filter((carrier) => carrier.nativeZpl === false)
  .map((carrier) => carrier.code);

/**
 * A clock that runs `fast` while both processes are idle (waiting on the rate limit, a delay, a
 * backoff) and `slow` while either one works: CPU time then costs `slow` times itself in
 * simulated time, not `fast` times. The station's event loop and the child's are sampled every
 * `tickMs`; a loop busy more than `busy` (0..1) of a tick counts as working.
 */
export interface Warp {
  fast: number;
  slow: number;
  /** Default 20 ms. */
  tickMs?: number;
  /** Default 0.25. */
  busy?: number;
}

export interface SimProcessOptions {
  /** Simulated time runs this many times faster than real time (the fast pace with `warp`). */
  speed: number;
  /** Default: now, on both sides. Not with `warp`. */
  anchor?: ScaledClockAnchor;
  /** Change pace with the load instead of a fixed `speed`. */
  warp?: Omit<Warp, 'fast'>;
  seed?: number;
  /** Default 50 per account. */
  orderCount?: number;
  accounts?: AccountSpec[];
  /** Default Sendcloud's documented limits; false turns them off. */
  rateLimits?: RateLimits | false;
  labelResponse?: 'example' | 'schema';
  asyncLabelDelayMs?: number;
  orderVisibilityDelayMs?: number;
}

export type SimChildClock =
  | { kind: 'anchored'; anchor: ScaledClockAnchor }
  /** `file` holds the newest segment, written before the change takes effect. */
  | { kind: 'warp'; first: ClockSegment; tickMs: number; file: string };

/** The child's options: the clock to build instead of the speed. */
export type SimChildOptions = Omit<SimProcessOptions, 'speed' | 'anchor' | 'warp'> & {
  clock: SimChildClock;
};

export interface SimProcessAccount extends ApiKeys {
  integrationId: number;
  senderAddressId: number;
  orderNumberPrefix: string;
}

export interface SimOrderSummary {
  id: string;
  orderId: string;
  orderNumber: string;
  country: string;
  shippingOptionCode: string;
  /** The carrier code, e.g. `postnl`. */
  carrier: string;
  /** False for a PDF-only carrier. */
  nativeZpl: boolean;
}

export interface LedgerSummary {
  orderId: string;
  orderNumber: string;
  parcelId: number;
  trackingNumber: string;
  carrier: string;
  format: string;
  /** The label's size; the bytes stay in the child. */
  bytes: number;
  createdAt: string;
  publicKey: string;
  via: string;
}

export interface OneAtATimeRun {
  /** Labels made. */
  count: number;
  /** On the shared clock. */
  startedAt: number;
  endedAt: number;
}

/** What the parent may ask the child, and what each answers. */
export interface SimCalls {
  labelOneAtATime: {
    args: { account: number; count: number; format: 'zpl' | 'pdf' };
    result: OneAtATimeRun;
  };
  orders: { args: { account: number }; result: SimOrderSummary[] };
  ledger: { args: { from: number }; result: LedgerSummary[] };
  labelsPerOrder: { args: Record<string, never>; result: Record<string, number> };
  requests: { args: { from: number }; result: RequestRecord[] };
  requestCount: { args: Record<string, never>; result: number };
  setFaults: { args: { faults: Partial<Faults> }; result: null };
  resetFaults: { args: Record<string, never>; result: null };
  close: { args: Record<string, never>; result: null };
}
export type SimCall = keyof SimCalls;

export type ParentMessage =
  | { type: 'start'; options: SimChildOptions }
  /** A change of pace: the child's sleepers wake on it (its `now` reads the pace file). */
  | { type: 'segment'; segment: ClockSegment }
  | { [K in SimCall]: { type: 'call'; id: number; call: K; args: SimCalls[K]['args'] } }[SimCall];

export type ChildMessage =
  | { type: 'ready'; url: string; accounts: SimProcessAccount[] }
  /** The share of the last tick the child's event loop was busy (warp clocks only). */
  | { type: 'load'; utilization: number }
  | { type: 'failed'; error: string }
  | { type: 'reply'; id: number; result: unknown }
  | { type: 'reply'; id: number; error: string };

export interface SimProcess {
  url: string;
  /** The first account's keys. */
  keys: ApiKeys;
  /** The first account's API integration. */
  integrationId: number;
  accounts: SimProcessAccount[];
  /** This process's clock: the same time as the simulator's. */
  clock: Clock;
  /** How many times the warp changed pace (0 without a warp). */
  paceChanges(): number;
  /** The clock the child follows, for more children (stations) to follow it too. */
  childClock: SimChildClock;
  /**
   * The share of the last tick another process's event loop was busy (a station child's): the
   * warp slows down while any of them works, as it does for this process and the simulator.
   */
  reportLoad(source: string, utilization: number): void;
  /** Each change of pace, as the simulator child gets it: other children's sleepers wake on it. */
  onPace(listener: (segment: ClockSegment) => void): void;
  /** The child's pid, e.g. to profile it. */
  pid: number;
  orders(account?: number): Promise<SimOrderSummary[]>;
  ledger(from?: number): Promise<LedgerSummary[]>;
  labelsPerOrder(): Promise<Record<string, number>>;
  requests(from?: number): Promise<RequestRecord[]>;
  requestCount(): Promise<number>;
  faults: { set(faults: Partial<Faults>): Promise<void>; reset(): Promise<void> };
  /**
   * The rate-limit bound of single labels: `count` create-label-sync calls for the account's
   * first orders, one after another, through a fresh client limiter. The client runs in the child,
   * beside the simulator, so a station working in this process does not slow it down.
   */
  labelOneAtATime(opts: {
    account: number;
    count: number;
    format?: 'zpl' | 'pdf';
  }): Promise<OneAtATimeRun>;
  close(): Promise<void>;
}

/** How far ahead a change of pace is written down. */
const PACE_LEAD_MS = 10;

const here = path.dirname(fileURLToPath(import.meta.url));
const childEntry = path.join(here, 'sim-child.ts');

export async function startSimProcess(opts: SimProcessOptions): Promise<SimProcess> {
  const { speed, anchor: givenAnchor, warp, ...rest } = opts;
  const realStartMs = realTimeMs();
  const anchor = givenAnchor ?? { factor: speed, startMs: Date.now(), realStartMs };
  const first: ClockSegment = { realMs: realStartMs, simMs: Date.now(), factor: speed };
  const tickMs = warp?.tickMs ?? 20;
  const warped = warp ? warpClock(first) : null;
  const clock = warped ?? anchoredClock(anchor);
  const paceFile = path.join(
    fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(),
    `packdesk-pace-${process.pid}-${Date.now()}.json`,
  );
  if (warp) writePace(paceFile, first);
  const childClock: SimChildClock = warp
    ? { kind: 'warp', first, tickMs, file: paceFile }
    : { kind: 'anchored', anchor };
  const child: ChildProcess = fork(childEntry, [], {
    cwd: path.dirname(here),
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, { resolve(value: unknown): void; reject(e: Error): void }>();
  let nextId = 1;
  let exited: Error | null = null;
  let onReady: ((message: ChildMessage) => void) | null = null;
  let childLoad = 0;
  const otherLoads = new Map<string, number>();
  const paceListeners: ((segment: ClockSegment) => void)[] = [];

  child.on('message', (raw) => {
    const message = raw as ChildMessage;
    if (message.type === 'load') {
      childLoad = message.utilization;
    } else if (message.type === 'reply') {
      const waiter = pending.get(message.id);
      pending.delete(message.id);
      if ('error' in message) waiter?.reject(new Error(`simulator child: ${message.error}`));
      else waiter?.resolve(message.result);
    } else {
      onReady?.(message);
    }
  });
  const exit = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = new Error(`the simulator child exited (${signal ?? code})`);
      for (const waiter of pending.values()) waiter.reject(exited);
      pending.clear();
      onReady?.({ type: 'failed', error: exited.message });
      resolve();
    });
  });

  const ready = await new Promise<Extract<ChildMessage, { type: 'ready' }>>((resolve, reject) => {
    onReady = (message) => {
      onReady = null;
      if (message.type === 'ready') resolve(message);
      else reject(new Error(message.type === 'failed' ? message.error : 'unexpected message'));
    };
    const start: ParentMessage = { type: 'start', options: { ...rest, clock: childClock } };
    child.send(start);
  });

  function call<K extends SimCall>(
    name: K,
    args: SimCalls[K]['args'],
  ): Promise<SimCalls[K]['result']> {
    if (exited) return Promise.reject(exited);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      child.send({ type: 'call', id, call: name, args } as ParentMessage);
    });
  }

  const pace = warped && warp ? startPace(warped, { ...warp, fast: speed }) : null;
  const firstAccount = ready.accounts[0];
  if (!firstAccount) throw new Error('the simulator child started no account');
  let closing: Promise<void> | null = null;
  return {
    url: ready.url,
    keys: { publicKey: firstAccount.publicKey, secretKey: firstAccount.secretKey },
    integrationId: firstAccount.integrationId,
    accounts: ready.accounts,
    clock,
    paceChanges: () => pace?.changes() ?? 0,
    childClock,
    reportLoad: (source, utilization) => void otherLoads.set(source, utilization),
    onPace: (listener) => void paceListeners.push(listener),
    pid: child.pid ?? 0,
    orders: (account = 0) => call('orders', { account }),
    ledger: (from = 0) => call('ledger', { from }),
    labelsPerOrder: () => call('labelsPerOrder', {}),
    requests: (from = 0) => call('requests', { from }),
    requestCount: () => call('requestCount', {}),
    labelOneAtATime: ({ account, count, format = 'zpl' }) =>
      call('labelOneAtATime', { account, count, format }),
    faults: {
      set: async (faults) => void (await call('setFaults', { faults })),
      reset: async () => void (await call('resetFaults', {})),
    },
    close() {
      closing ??= (async () => {
        pace?.stop();
        if (!exited) await call('close', {}).catch(() => undefined);
        await exit;
      })();
      return closing;
    },
  };

  /**
   * The warp's pace keeper: each tick, fast if both event loops were idle, slow if either worked.
   * The child must keep the same time to the millisecond, ahead or behind (its rate windows
   * would close or open at other moments than the station's: a 429), and a message reaches it
   * only when its event loop gets to it. So each change goes to a file first, which the child's
   * clock reads whenever it tells the time; the message only wakes the child's sleepers.
   */
  function startPace(warpedClock: WarpClock, settings: Warp) {
    const busy = settings.busy ?? 0.25;
    let last = performance.eventLoopUtilization();
    let pace = settings.fast;
    let changes = 0;
    const timer = setInterval(() => {
      const current = performance.eventLoopUtilization();
      const station = performance.eventLoopUtilization(current, last).utilization;
      last = current;
      const load = Math.max(station, childLoad, ...otherLoads.values());
      const next = load > busy ? settings.slow : settings.fast;
      if (next === pace || exited) return;
      pace = next;
      changes++;
      // A little ahead, so the file is in place before the change is due even if this process
      // is put aside for a moment between the two.
      const segment = warpedClock.plan(next, realTimeMs() + PACE_LEAD_MS);
      writePace(paceFile, segment);
      warpedClock.follow(segment);
      child.send({ type: 'segment', segment } satisfies ParentMessage);
      for (const listener of paceListeners) listener(segment);
    }, tickMs);
    return {
      stop() {
        clearInterval(timer);
        fs.rmSync(paceFile, { force: true });
      },
      changes: () => changes,
    };
  }
}

/** Replace the pace file in one step, so a reader never sees half a segment. */
function writePace(file: string, segment: ClockSegment): void {
  fs.writeFileSync(`${file}.next`, JSON.stringify(segment));
  fs.renameSync(`${file}.next`, file);
}

/** How many of the orders go with each carrier. */
export function carrierMix(orders: readonly SimOrderSummary[]): Record<string, number> {
  const mix: Record<string, number> = {};
  for (const order of orders) mix[order.carrier] = (mix[order.carrier] ?? 0) + 1;
  return mix;
}
