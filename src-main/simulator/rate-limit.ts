// Sendcloud's documented budget, per account: 1000 safe requests a minute, 100 unsafe ones a
// minute with at most 15 in any one second. Sliding windows over the simulator's clock.

export interface RateLimits {
  /** GET/HEAD/OPTIONS per minute. */
  reads: number;
  /** POST/PUT/PATCH/DELETE per minute. */
  writes: number;
  /** Unsafe requests in any one second. */
  burst: number;
}

export const DOCUMENTED_LIMITS: RateLimits = { reads: 1000, writes: 100, burst: 15 };

export type RateDecision = { ok: true } | { ok: false; detail: string; retryAfterMs: number };

const MINUTE = 60_000;
const SECOND = 1_000;

export function isUnsafe(method: string): boolean {
  return !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());
}

export interface RateLimiter {
  /** Counts the request if it is within budget. */
  take(account: string, method: string, now: number): RateDecision;
}

export function createRateLimiter(limits: RateLimits): RateLimiter {
  const reads = new Map<string, number[]>();
  const writes = new Map<string, number[]>();

  const window = (map: Map<string, number[]>, account: string, now: number): number[] => {
    const list = map.get(account) ?? [];
    // Timestamps arrive in clock order, so the expired ones are at the front.
    let expired = 0;
    while (expired < list.length && (list[expired] ?? 0) <= now - MINUTE) expired++;
    if (expired > 0) list.splice(0, expired);
    map.set(account, list);
    return list;
  };

  return {
    take(account, method, now) {
      if (!isUnsafe(method)) {
        const list = window(reads, account, now);
        if (list.length >= limits.reads) {
          return refuse(`${limits.reads} per 1 minute`, (list[0] ?? now) + MINUTE - now);
        }
        list.push(now);
        return { ok: true };
      }
      const list = window(writes, account, now);
      if (list.length >= limits.writes) {
        return refuse(`${limits.writes} per 1 minute`, (list[0] ?? now) + MINUTE - now);
      }
      const inLastSecond = list.filter((at) => at > now - SECOND);
      if (inLastSecond.length >= limits.burst) {
        return refuse(`${limits.burst} per 1 second`, (inLastSecond[0] ?? now) + SECOND - now);
      }
      list.push(now);
      return { ok: true };
    },
  };
}

function refuse(limit: string, retryAfterMs: number): RateDecision {
  return {
    ok: false,
    detail: `Rate limit exceeded: ${limit}`,
    retryAfterMs: Math.max(0, retryAfterMs),
  };
}
