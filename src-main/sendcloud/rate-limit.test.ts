import { describe, expect, it } from 'vitest';
import { scaledClock } from '../clock';
import { createRateLimiter, sharedRateLimiter } from './rate-limit';
import { virtualClock } from '../../test/helpers/sendcloud-fakes';

/** The most grants that fall inside any window of `windowMs` (each window starting at a grant). */
function busiest(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while ((sorted[j] ?? Infinity) <= (sorted[i] ?? 0) - windowMs) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

describe('rate limiter', () => {
  it('lets 250 writes through at most 100 a minute and 15 a second, and no slower than needed', async () => {
    const clock = virtualClock(0);
    const limiter = createRateLimiter({ clock });
    const granted: number[] = [];
    await Promise.all(
      Array.from({ length: 250 }, () =>
        limiter.acquire('write').then(() => {
          granted.push(clock.now());
          limiter.settled('write');
        }),
      ),
    );
    expect(granted).toHaveLength(250);
    expect(busiest(granted, 60_000)).toBe(100);
    expect(busiest(granted, 1_000)).toBe(15);
    // 100 in the first minute, 100 in the second, 50 in the third: done just after 2 minutes.
    expect(Math.max(...granted)).toBeGreaterThanOrEqual(120_000);
    expect(Math.max(...granted)).toBeLessThan(125_000);
  });

  it('lets a waiting normal write go ahead of every waiting bulk write', async () => {
    const clock = virtualClock(0);
    const limiter = createRateLimiter({ clock });
    const order: string[] = [];
    const take = (name: string, priority: 'normal' | 'bulk') =>
      limiter.acquire('write', undefined, priority).then(() => {
        order.push(name);
        limiter.settled('write');
      });
    // 30 bulk writes queue first: 15 go in the first second, the rest wait for the next.
    const bulk = Array.from({ length: 30 }, (_, i) => take(`bulk-${i}`, 'bulk'));
    const scan = take('scan', 'normal');
    await Promise.all([...bulk, scan]);
    // The first 15 had already gone when the scan came; it takes the next free slot.
    expect(order.indexOf('scan')).toBe(15);
    expect(order.filter((name) => name.startsWith('bulk'))).toEqual(
      Array.from({ length: 30 }, (_, i) => `bulk-${i}`),
    );
  });

  it('holds the same budget on a real, scaled clock', async () => {
    // A simulated minute in 0.6 real seconds.
    const clock = scaledClock(100);
    const limiter = createRateLimiter({ clock });
    const granted: number[] = [];
    await Promise.all(
      Array.from({ length: 130 }, () =>
        limiter.acquire('write').then(() => {
          granted.push(clock.now());
          limiter.settled('write');
        }),
      ),
    );
    // The time is read a moment after each grant; a few simulated ms of slack absorb that.
    expect(busiest(granted, 60_000 - 200)).toBeLessThanOrEqual(100);
    expect(busiest(granted, 1_000 - 50)).toBeLessThanOrEqual(15);
    expect(Math.max(...granted) - Math.min(...granted)).toBeGreaterThanOrEqual(59_000);
  });

  it('gives reads their own budget of 1000 a minute, with no per-second cap', async () => {
    const clock = virtualClock(0);
    const limiter = createRateLimiter({ clock });
    const granted: number[] = [];
    const reads = Promise.all(
      Array.from({ length: 1_200 }, () =>
        limiter.acquire('read').then(() => {
          granted.push(clock.now());
          limiter.settled('read');
        }),
      ),
    );
    // A write is not held up behind the read queue.
    const writeAt = limiter.acquire('write').then(() => clock.now());
    await reads;
    expect(granted.filter((t) => t === 0)).toHaveLength(1_000);
    expect(busiest(granted, 60_000)).toBe(1_000);
    await expect(writeAt).resolves.toBe(0);
  });

  it('serves callers first come, first served', async () => {
    const clock = virtualClock(0);
    const limiter = createRateLimiter({
      clock,
      budgets: { read: [], write: [{ limit: 1, windowMs: 1_000 }] },
    });
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        limiter.acquire('write').then(() => {
          order.push(i);
          limiter.settled('write');
        }),
      ),
    );
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('sleeps on the clock instead of polling', async () => {
    const clock = virtualClock(0);
    const limiter = createRateLimiter({ clock });
    await Promise.all(
      Array.from({ length: 16 }, () =>
        limiter.acquire('write').then(() => limiter.settled('write')),
      ),
    );
    // Fifteen went at once; the sixteenth waited one sleep of a second.
    expect(clock.sleeps).toEqual([1_000]);
  });

  it('holds everyone after a 429 for the pause it is given', async () => {
    const clock = virtualClock(0);
    const limiter = createRateLimiter({ clock });
    limiter.pause(5_000);
    await limiter.acquire('read');
    expect(clock.now()).toBe(5_000);
  });

  it('drops a waiter whose signal aborts, and serves the next', async () => {
    const clock = virtualClock(0);
    const limiter = createRateLimiter({
      clock,
      budgets: { read: [{ limit: 1, windowMs: 1_000 }], write: [] },
    });
    await limiter.acquire('read');
    limiter.settled('read');
    const controller = new AbortController();
    const aborted = limiter.acquire('read', controller.signal);
    const next = limiter.acquire('read');
    controller.abort(new Error('gave up'));
    await expect(aborted).rejects.toThrow('gave up');
    await next;
    expect(clock.now()).toBe(1_000);
  });

  it('counts a request from the moment it goes until a window after its answer is in', async () => {
    const clock = virtualClock(0);
    const limiter = createRateLimiter({
      clock,
      budgets: { read: [], write: [{ limit: 1, windowMs: 1_000 }] },
    });
    await limiter.acquire('write');
    const next = limiter.acquire('write').then(() => clock.now());
    // Slow answer: Sendcloud may have counted the first request as late as now.
    await clock.sleep(400);
    limiter.settled('write');
    await expect(next).resolves.toBe(1_400);
  });

  it('holds the 16th write while 15 are in flight, however long they take', async () => {
    const clock = virtualClock(0);
    const limiter = createRateLimiter({ clock });
    await Promise.all(Array.from({ length: 15 }, () => limiter.acquire('write')));
    let sixteenth: number | undefined;
    const waiting = limiter.acquire('write').then(() => (sixteenth = clock.now()));
    await clock.sleep(5_000);
    expect(sixteenth).toBeUndefined();
    limiter.settled('write');
    await waiting;
    expect(sixteenth).toBe(6_000);
    // Reads are not held by writes in flight.
    await limiter.acquire('read');
    expect(clock.now()).toBe(6_000);
  });

  it('is one limiter per account in the process', () => {
    const a = sharedRateLimiter('https://panel.sendcloud.sc', 'public-1');
    expect(sharedRateLimiter('https://panel.sendcloud.sc/', 'public-1')).toBe(a);
    expect(sharedRateLimiter('https://panel.sendcloud.sc/api/v3', 'public-1')).toBe(a);
    expect(sharedRateLimiter('https://panel.sendcloud.sc', 'public-2')).not.toBe(a);
    expect(sharedRateLimiter('http://127.0.0.1:4010', 'public-1')).not.toBe(a);
  });
});
