// The client's retry policy, as pure functions. The request sender runs them in its one async
// loop; the outbox (a later issue) owns every retry beyond this one call.
import { backoffDelayMs } from '../../src-shared/backoff';
import type { SendcloudError } from './errors';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RetryOptions {
  /** Attempts in all, the first one included. 1 disables retries. */
  maxAttempts: number;
  /** Backoff before the second attempt; doubles per attempt. */
  baseMs: number;
  /** No single wait is longer than this, Retry-After included. */
  capMs: number;
}

// Three attempts with a short base: a scan waits at most about a second and a half for a flaky
// read before it fails and the outbox takes over.
export const defaultRetry: RetryOptions = { maxAttempts: 3, baseMs: 250, capMs: 30_000 };

/** GET only: Packdesk sends no HEAD/OPTIONS, and PUT/DELETE are not replay-safe at Sendcloud. */
export function isSafeMethod(method: HttpMethod): boolean {
  return method === 'GET';
}

/**
 * Whether to send a failed request again. A 429 was refused before Sendcloud did anything, so it
 * is always safe to repeat. A 5xx, a dropped connection or a timeout may have hit a write that was
 * applied, so only reads are repeated; a write is left to the caller to reconcile.
 */
export function shouldRetry(
  error: SendcloudError,
  attempt: number,
  method: HttpMethod,
  maxAttempts = defaultRetry.maxAttempts,
): boolean {
  if (attempt >= maxAttempts) return false;
  switch (error.kind) {
    case 'rate-limited':
      return true;
    case 'server':
      // A 2xx that did not parse is a 'server' error too, but repeating it gives the same body.
      return isSafeMethod(method) && (error.status === undefined || error.status >= 500);
    case 'network':
    case 'timeout':
      return isSafeMethod(method);
    case 'auth':
    case 'validation':
    case 'not-found':
    case 'conflict':
      return false;
  }
}

/**
 * How long to wait before attempt `attempt + 1`. Retry-After wins when Sendcloud sends it (within
 * the cap); otherwise the station's one backoff (src-shared/backoff.ts).
 */
export function backoffMs(
  attempt: number,
  opts: Pick<RetryOptions, 'baseMs' | 'capMs'> & { random: () => number; retryAfterMs?: number },
): number {
  if (opts.retryAfterMs !== undefined) return Math.min(Math.max(0, opts.retryAfterMs), opts.capMs);
  return backoffDelayMs(attempt, opts);
}
