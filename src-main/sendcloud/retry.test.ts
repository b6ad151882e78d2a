import { describe, expect, it } from 'vitest';
import { sendcloudError, type SendcloudErrorKind } from './errors';
import { backoffMs, shouldRetry } from './retry';

const error = (kind: SendcloudErrorKind, status?: number) =>
  sendcloudError(kind, 'x', status === undefined ? {} : { status });

describe('shouldRetry', () => {
  it('repeats a 429 for reads and writes alike: Sendcloud refused it before doing anything', () => {
    expect(shouldRetry(error('rate-limited', 429), 1, 'GET')).toBe(true);
    expect(shouldRetry(error('rate-limited', 429), 2, 'POST')).toBe(true);
  });

  it('repeats a 5xx, a network error and a timeout only for GET', () => {
    for (const e of [
      error('server', 500),
      error('server', 503),
      error('network'),
      error('timeout'),
    ]) {
      expect(shouldRetry(e, 1, 'GET'), e.kind).toBe(true);
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
        expect(shouldRetry(e, 1, method), `${e.kind} ${method}`).toBe(false);
      }
    }
  });

  it('never repeats what repeating cannot fix', () => {
    for (const kind of ['auth', 'validation', 'not-found', 'conflict'] as const) {
      expect(shouldRetry(error(kind, 400), 1, 'GET'), kind).toBe(false);
    }
    // A 200 whose body did not parse would parse no better the second time.
    expect(shouldRetry(error('server', 200), 1, 'GET')).toBe(false);
  });

  it('stops at maxAttempts', () => {
    expect(shouldRetry(error('rate-limited', 429), 2, 'GET', 3)).toBe(true);
    expect(shouldRetry(error('rate-limited', 429), 3, 'GET', 3)).toBe(false);
    expect(shouldRetry(error('server', 500), 1, 'GET', 1)).toBe(false);
  });
});

describe('backoffMs', () => {
  const opts = { baseMs: 100, capMs: 1_000 };

  it('doubles per attempt, with half of each step random', () => {
    expect([1, 2, 3].map((a) => backoffMs(a, { ...opts, random: () => 0 }))).toEqual([
      50, 100, 200,
    ]);
    expect([1, 2, 3].map((a) => backoffMs(a, { ...opts, random: () => 1 }))).toEqual([
      100, 200, 400,
    ]);
  });

  it('is capped', () => {
    expect(backoffMs(20, { ...opts, random: () => 1 })).toBe(1_000);
    expect(backoffMs(20, { ...opts, random: () => 0 })).toBe(500);
  });

  it('honours Retry-After, within the cap', () => {
    expect(backoffMs(1, { ...opts, random: () => 0.3, retryAfterMs: 700 })).toBe(700);
    expect(backoffMs(1, { ...opts, random: () => 0.3, retryAfterMs: 60_000 })).toBe(1_000);
    expect(backoffMs(1, { ...opts, random: () => 0.3, retryAfterMs: 0 })).toBe(0);
  });

  it('keeps a broken random source inside the step', () => {
    expect(backoffMs(1, { ...opts, random: () => 7 })).toBe(100);
    expect(backoffMs(1, { ...opts, random: () => -1 })).toBe(50);
  });
});
