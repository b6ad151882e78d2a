import { describe, expect, it } from 'vitest';
import { sendcloudBudgets } from '../sendcloud/rate-limit';
import {
  ARRIVAL_SPREAD_MS,
  budgetAccount,
  fallbackShare,
  localBucket,
  warehouseWriteBudget,
  type BucketShape,
} from './write-budget';

/** The most a bucket (or `n` of them) lets through in any window of `ms`, arrivals spread too. */
const mostIn = (shape: BucketShape, ms: number, n = 1) =>
  n * shape.capacity + (n * shape.perMinute * (ms + ARRIVAL_SPREAD_MS)) / 60_000;

describe('the write budget', () => {
  it('stays inside each of Sendcloud’s windows and sustains at least 90 a minute', () => {
    for (const { limit, windowMs } of sendcloudBudgets.write) {
      expect(mostIn(warehouseWriteBudget, windowMs)).toBeLessThanOrEqual(limit);
    }
    expect(warehouseWriteBudget.perMinute).toBeGreaterThanOrEqual(90);
    // A bulk request leaves a reserve, and still has tokens to take.
    expect(warehouseWriteBudget.bulkReserve + 1).toBeLessThanOrEqual(warehouseWriteBudget.capacity);
  });

  it('gives each of n stations a share that keeps them together inside the windows', () => {
    for (const n of [1, 2, 3, 4, 5, 8, 12]) {
      const share = fallbackShare(warehouseWriteBudget, n);
      expect(share.capacity).toBeGreaterThanOrEqual(1);
      for (const { limit, windowMs } of sendcloudBudgets.write) {
        expect(mostIn(share, windowMs, n)).toBeLessThanOrEqual(limit);
      }
    }
    expect(fallbackShare(warehouseWriteBudget, 1)).toEqual({ capacity: 5, perMinute: 94 });
  });

  it('refills a local bucket from elapsed time only, and not from a clock going back', () => {
    const bucket = localBucket({ capacity: 2, perMinute: 60 }, 10_000);
    expect(bucket.take(10_000, 0)).toEqual({ taken: false, waitMs: 1_000 });
    expect(bucket.take(11_000, 0)).toEqual({ taken: true });
    // Back in time: nothing added, nothing lost.
    expect(bucket.take(5_000, 0)).toEqual({ taken: false, waitMs: 1_000 });
    // Two seconds fill it (capacity 2), and no more.
    expect(bucket.take(13_000, 0)).toEqual({ taken: true });
    expect(bucket.take(13_000, 0)).toEqual({ taken: true });
    expect(bucket.take(13_000, 0)).toEqual({ taken: false, waitMs: 1_000 });
    // A reserve of one: a bulk request waits until two are there.
    expect(bucket.take(14_000, 1)).toEqual({ taken: false, waitMs: 1_000 });
    expect(bucket.take(15_000, 1)).toEqual({ taken: true });
  });

  it('names an account by a hash of its origin and key, one name however the URL is written', () => {
    const a = budgetAccount('https://panel.sendcloud.sc/api/v3/', 'pk');
    expect(a).toBe(budgetAccount('https://Panel.sendcloud.sc', 'pk'));
    expect(a).not.toBe(budgetAccount('https://panel.sendcloud.sc', 'pk2'));
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });
});
