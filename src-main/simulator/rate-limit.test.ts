import { describe, expect, it } from 'vitest';
import { createRateLimiter, DOCUMENTED_LIMITS } from './rate-limit';

const start = 1_800_000_000_000;

describe('createRateLimiter', () => {
  it('allows 15 writes in a second and refuses the 16th until the second has passed', () => {
    const limiter = createRateLimiter(DOCUMENTED_LIMITS);
    for (let i = 0; i < 15; i++) expect(limiter.take('a', 'POST', start + i).ok).toBe(true);
    const refused = limiter.take('a', 'POST', start + 500);
    expect(refused).toEqual({
      ok: false,
      detail: 'Rate limit exceeded: 15 per 1 second',
      retryAfterMs: 500,
    });
    expect(limiter.take('a', 'POST', start + 1_000).ok).toBe(true);
  });

  it('allows 100 writes a minute, then refuses until the oldest leaves the window', () => {
    const limiter = createRateLimiter(DOCUMENTED_LIMITS);
    for (let i = 0; i < 100; i++) expect(limiter.take('a', 'PATCH', start + i * 200).ok).toBe(true);
    expect(limiter.take('a', 'DELETE', start + 20_000)).toMatchObject({
      ok: false,
      detail: 'Rate limit exceeded: 100 per 1 minute',
    });
    expect(limiter.take('a', 'POST', start + 59_999).ok).toBe(false);
    expect(limiter.take('a', 'POST', start + 60_000).ok).toBe(true);
  });

  it('counts reads apart from writes, and each account apart from the others', () => {
    const limiter = createRateLimiter({ reads: 2, writes: 1, burst: 1 });
    expect(limiter.take('a', 'POST', start).ok).toBe(true);
    expect(limiter.take('a', 'GET', start).ok).toBe(true);
    expect(limiter.take('a', 'GET', start).ok).toBe(true);
    expect(limiter.take('a', 'GET', start)).toMatchObject({
      ok: false,
      detail: 'Rate limit exceeded: 2 per 1 minute',
    });
    expect(limiter.take('b', 'GET', start).ok).toBe(true);
    expect(limiter.take('b', 'POST', start).ok).toBe(true);
  });
});
