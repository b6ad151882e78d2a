// Client-side rate limiting, so Packdesk stays under Sendcloud's per-account budget instead of
// learning it from 429s: reads 1000/min; writes 100/min with a burst of at most 15 per second.
// Every client for one account in this process shares one limiter through the registry below.
import { createHash } from 'node:crypto';
import { systemClock, type Clock } from '../clock';

export type RequestClass = 'read' | 'write';
/**
 * `bulk`: a batch's request, which may wait. A waiting request that is not bulk (a packer's scan)
 * takes the next free slot ahead of every bulk one, so a batch never starves the next table.
 */
export type RequestPriority = 'normal' | 'bulk';

export interface Window {
  limit: number;
  windowMs: number;
}

export interface RateBudgets {
  read: Window[];
  write: Window[];
}

export const sendcloudBudgets: RateBudgets = {
  read: [{ limit: 1000, windowMs: 60_000 }],
  write: [
    { limit: 100, windowMs: 60_000 },
    { limit: 15, windowMs: 1_000 },
  ],
};

export interface RateLimiter {
  /**
   * Resolves when a request of this class may go out; callers are served first come, first
   * served, except that every waiting normal request goes ahead of the bulk ones.
   */
  acquire(kind: RequestClass, signal?: AbortSignal, priority?: RequestPriority): Promise<void>;
  /**
   * The answer (or the failure) of a request that `acquire` let go is in. Optional, for limiters
   * that count nothing; a counting limiter holds the request in its windows until then.
   */
  settled?(kind: RequestClass): void;
  /**
   * A request that `acquire` let go never left this machine (its connection could not be made):
   * it frees its slot without counting, since Sendcloud never saw it. Optional, like `settled`.
   */
  withdrawn?(kind: RequestClass): void;
  /** Sendcloud answered 429: hold every request of this account for `ms`. */
  pause(ms: number): void;
}

interface Waiter {
  bulk: boolean;
  resolve: () => void;
  reject: (reason: unknown) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

/** A limiter that counts: `settled` is part of its contract. */
export interface CountingRateLimiter extends RateLimiter {
  settled(kind: RequestClass): void;
  withdrawn(kind: RequestClass): void;
}

/**
 * A sliding-window log per request class: a request may go when fewer than `limit` requests of its
 * class fall in the last `windowMs`, for every window of the class. One pump per class serves its
 * queue in order and sleeps on the clock until enough of them leave the window.
 *
 * Sendcloud counts a request when it arrives, somewhere between the moment it was let go and the
 * moment its answer is in; latency decides where. So a request counts from the moment it is let
 * go until `windowMs` after it settled: then no window Sendcloud sees can hold more than `limit`,
 * however the arrivals are spread (counting from the grant alone let 15 slow requests of one
 * second and 15 fast ones of the next arrive in the same second, answered 429).
 */
export function createRateLimiter(
  opts: { clock?: Clock; budgets?: RateBudgets } = {},
): CountingRateLimiter {
  const clock = opts.clock ?? systemClock;
  const budgets = opts.budgets ?? sendcloudBudgets;
  let pausedUntil = 0;

  interface ClassState {
    queue: Waiter[];
    /** Requests let go whose answer is not in yet: they count in every window. */
    inFlight: number;
    /** When the answers of the others came in, oldest first. */
    settled: number[];
    pumping: boolean;
    /** Wakes the pump when every slot is held by a request in flight. */
    onSettled?: () => void;
  }
  const classes = new Map<RequestClass, ClassState>();
  for (const kind of ['read', 'write'] as const) {
    classes.set(kind, { queue: [], inFlight: 0, settled: [], pumping: false });
  }

  /** How long until one more request of this class may go; Infinity until one in flight settles. */
  function waitFor(state: ClassState, kind: RequestClass, now: number): number {
    const longest = Math.max(0, ...budgets[kind].map((w) => w.windowMs));
    // Forget requests that no window of this class can still see.
    while (state.settled.length > 0 && (state.settled[0] ?? 0) <= now - longest) {
      state.settled.shift();
    }
    let wait = Math.max(0, pausedUntil - now);
    for (const { limit, windowMs } of budgets[kind]) {
      const inWindow = state.settled.filter((t) => t > now - windowMs);
      const excess = state.inFlight + inWindow.length - limit;
      if (excess < 0) continue;
      // The settled request that must leave the window before one more fits; if there are too
      // few, only an answer still on its way can make room.
      const leaving = inWindow[excess];
      wait = Math.max(wait, leaving === undefined ? Infinity : leaving + windowMs - now);
    }
    return wait;
  }

  async function pump(kind: RequestClass): Promise<void> {
    const state = classes.get(kind);
    if (!state || state.pumping) return;
    state.pumping = true;
    try {
      while (state.queue.length > 0) {
        const head = state.queue.find((waiter) => !waiter.bulk) ?? state.queue[0];
        if (!head) break;
        const wait = waitFor(state, kind, clock.now());
        if (wait === Infinity) {
          // A request settling only starts its last windowMs, so no timer can be cut short.
          await new Promise<void>((resolve) => (state.onSettled = resolve));
          continue;
        }
        if (wait > 0) {
          await clock.sleep(wait);
          continue;
        }
        state.queue.splice(state.queue.indexOf(head), 1);
        state.inFlight++;
        if (head.onAbort) head.signal?.removeEventListener('abort', head.onAbort);
        head.resolve();
      }
    } finally {
      state.pumping = false;
    }
  }

  return {
    acquire(kind, signal, priority = 'normal') {
      const state = classes.get(kind);
      if (!state) return Promise.resolve();
      if (signal?.aborted) return Promise.reject(signal.reason);
      return new Promise<void>((resolve, reject) => {
        const waiter: Waiter = { bulk: priority === 'bulk', resolve, reject, signal };
        if (signal) {
          waiter.onAbort = () => {
            const at = state.queue.indexOf(waiter);
            if (at >= 0) state.queue.splice(at, 1);
            reject(signal.reason);
          };
          signal.addEventListener('abort', waiter.onAbort, { once: true });
        }
        state.queue.push(waiter);
        void pump(kind);
      });
    },
    settled(kind) {
      const state = classes.get(kind);
      if (!state || state.inFlight === 0) return;
      state.inFlight--;
      // Settled in clock order, so the list stays sorted.
      state.settled.push(clock.now());
      const wake = state.onSettled;
      state.onSettled = undefined;
      wake?.();
    },
    withdrawn(kind) {
      const state = classes.get(kind);
      if (!state || state.inFlight === 0) return;
      state.inFlight--;
      const wake = state.onSettled;
      state.onSettled = undefined;
      wake?.();
    },
    pause(ms) {
      pausedUntil = Math.max(pausedUntil, clock.now() + Math.max(0, ms));
    },
  };
}

const registry = new Map<string, RateLimiter>();

/**
 * The process-wide limiter of one account. An account is known here by its base URL and public
 * key (hashed, so the key is not kept in one more place); every client for it gets the same
 * limiter, built on the clock of the first client that asked.
 */
export function sharedRateLimiter(baseUrl: string, publicKey: string, clock?: Clock): RateLimiter {
  const key = accountKey(baseUrl, publicKey);
  let limiter = registry.get(key);
  if (!limiter) {
    limiter = createRateLimiter({ clock });
    registry.set(key, limiter);
  }
  return limiter;
}

/** One Sendcloud account, by its origin and its public key's hash: the key itself is not in it. */
export function accountKey(baseUrl: string, publicKey: string): string {
  return `${normalizeOrigin(baseUrl)} ${createHash('sha256').update(publicKey).digest('hex')}`;
}

function normalizeOrigin(baseUrl: string): string {
  return baseUrl
    .trim()
    .replace(/\/+$/, '')
    .replace(/\/api\/v[23]$/, '')
    .toLowerCase();
}
