// Client-side rate limiting, so Packdesk stays under Sendcloud's per-account budget instead of
// learning it from 429s: reads 1000/min; writes 100/min with a burst of at most 15 per second.
// Every client for one account in this process shares one limiter through the registry below.
import { createHash } from 'node:crypto';
import { systemClock, type Clock } from '../clock';

export type RequestClass = 'read' | 'write';

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
  /** Resolves when a request of this class may go out; callers are served first come, first served. */
  acquire(kind: RequestClass, signal?: AbortSignal): Promise<void>;
  /** Sendcloud answered 429: hold every request of this account for `ms`. */
  pause(ms: number): void;
}

interface Waiter {
  resolve: () => void;
  reject: (reason: unknown) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

/**
 * A sliding-window log per request class: a request may go when fewer than `limit` grants of its
 * class fall in the last `windowMs`, for every window of the class. One pump per class serves its
 * queue in order and sleeps on the clock until the oldest grant leaves the window.
 */
export function createRateLimiter(
  opts: { clock?: Clock; budgets?: RateBudgets } = {},
): RateLimiter {
  const clock = opts.clock ?? systemClock;
  const budgets = opts.budgets ?? sendcloudBudgets;
  let pausedUntil = 0;

  const classes = new Map<RequestClass, { queue: Waiter[]; grants: number[]; pumping: boolean }>();
  for (const kind of ['read', 'write'] as const) {
    classes.set(kind, { queue: [], grants: [], pumping: false });
  }

  function waitFor(kind: RequestClass, now: number): number {
    const state = classes.get(kind);
    if (!state) return 0;
    const longest = Math.max(0, ...budgets[kind].map((w) => w.windowMs));
    // Forget grants that no window of this class can still see.
    while (state.grants.length > 0 && (state.grants[0] ?? 0) <= now - longest) state.grants.shift();
    let wait = Math.max(0, pausedUntil - now);
    for (const { limit, windowMs } of budgets[kind]) {
      const inWindow = state.grants.filter((t) => t > now - windowMs);
      if (inWindow.length < limit) continue;
      // The grant that must leave the window before one more fits.
      const oldest = inWindow[inWindow.length - limit] ?? now;
      wait = Math.max(wait, oldest + windowMs - now);
    }
    return wait;
  }

  async function pump(kind: RequestClass): Promise<void> {
    const state = classes.get(kind);
    if (!state || state.pumping) return;
    state.pumping = true;
    try {
      while (state.queue.length > 0) {
        const head = state.queue[0];
        if (!head) break;
        const wait = waitFor(kind, clock.now());
        if (wait > 0) {
          await clock.sleep(wait);
          continue;
        }
        state.queue.shift();
        state.grants.push(clock.now());
        if (head.onAbort) head.signal?.removeEventListener('abort', head.onAbort);
        head.resolve();
      }
    } finally {
      state.pumping = false;
    }
  }

  return {
    acquire(kind, signal) {
      const state = classes.get(kind);
      if (!state) return Promise.resolve();
      if (signal?.aborted) return Promise.reject(signal.reason);
      return new Promise<void>((resolve, reject) => {
        const waiter: Waiter = { resolve, reject, signal };
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
  const key = `${normalizeOrigin(baseUrl)} ${createHash('sha256').update(publicKey).digest('hex')}`;
  let limiter = registry.get(key);
  if (!limiter) {
    limiter = createRateLimiter({ clock });
    registry.set(key, limiter);
  }
  return limiter;
}

function normalizeOrigin(baseUrl: string): string {
  return baseUrl
    .trim()
    .replace(/\/+$/, '')
    .replace(/\/api\/v[23]$/, '')
    .toLowerCase();
}
