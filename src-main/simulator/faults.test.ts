import { describe, expect, it } from 'vitest';
import {
  faultApplies,
  mergeFaults,
  NO_FAULTS,
  parseErrorRates,
  parseLatency,
  planFaults,
} from './faults';
import { createRandom } from './prng';

const plans = (change: Parameters<typeof mergeFaults>[1], seed = 3, count = 1_000) => {
  const faults = mergeFaults(NO_FAULTS, change);
  const random = createRandom(seed);
  return Array.from({ length: count }, () => planFaults(faults, random));
};

describe('faults', () => {
  it('draws error statuses at their rates, the same way for the same seed', () => {
    const drawn = plans({ errorRates: { 500: 0.2, 429: 0.1 } });
    const share = (status: number) =>
      drawn.filter((p) => p.kind === 'error' && p.status === status).length / drawn.length;
    expect(share(500)).toBeGreaterThan(0.15);
    expect(share(500)).toBeLessThan(0.25);
    expect(share(429)).toBeGreaterThan(0.06);
    expect(share(429)).toBeLessThan(0.14);
    expect(plans({ errorRates: { 500: 0.2, 429: 0.1 } })).toEqual(drawn);
    expect(plans({ errorRates: { 500: 0.2, 429: 0.1 } }, 4)).not.toEqual(drawn);
  });

  it('draws latency inside a range and keeps a fixed one fixed', () => {
    const ranged = plans({ latencyMs: { minMs: 100, maxMs: 300 } }, 1, 200).map((p) => p.latencyMs);
    expect(Math.min(...ranged)).toBeGreaterThanOrEqual(100);
    expect(Math.max(...ranged)).toBeLessThanOrEqual(300);
    expect(new Set(ranged).size).toBeGreaterThan(100);
    expect(new Set(plans({ latencyMs: 40 }, 1, 20).map((p) => p.latencyMs))).toEqual(new Set([40]));
  });

  it('plans timeouts, resets and lost responses at rate 1', () => {
    expect(plans({ timeoutRate: 1 }, 1, 1)[0]?.kind).toBe('timeout');
    expect(plans({ resetRate: 1 }, 1, 1)[0]?.kind).toBe('reset');
    expect(plans({ lostResponseRate: 1 }, 1, 1)[0]).toEqual({
      kind: 'none',
      latencyMs: 0,
      loseResponse: true,
    });
  });

  it('scopes faults to a method and a path prefix', () => {
    const faults = mergeFaults(NO_FAULTS, {
      only: { method: 'post', pathPrefix: '/api/v3/orders' },
    });
    expect(faultApplies(faults, 'POST', '/api/v3/orders/create-label-sync')).toBe(true);
    expect(faultApplies(faults, 'GET', '/api/v3/orders')).toBe(false);
    expect(faultApplies(faults, 'POST', '/api/v3/shipments/announce')).toBe(false);
  });

  it('refuses settings that cannot be meant', () => {
    expect(() => mergeFaults(NO_FAULTS, { latencyMs: -1 })).toThrow(RangeError);
    expect(() => mergeFaults(NO_FAULTS, { latencyMs: { minMs: 5, maxMs: 1 } })).toThrow(RangeError);
    expect(() => mergeFaults(NO_FAULTS, { errorRates: { 200: 0.5 } })).toThrow(RangeError);
    expect(() => mergeFaults(NO_FAULTS, { errorRates: { 500: 0.7, 503: 0.7 } })).toThrow(
      RangeError,
    );
    expect(() => mergeFaults(NO_FAULTS, { resetRate: 2 })).toThrow(RangeError);
  });

  it('reads the environment flags', () => {
    expect(parseErrorRates('500:0.1, 429:0.05')).toEqual({ 500: 0.1, 429: 0.05 });
    expect(parseLatency('250')).toBe(250);
    expect(parseLatency('100-400')).toEqual({ minMs: 100, maxMs: 400 });
    expect(() => parseErrorRates('500=0.1')).toThrow(RangeError);
    expect(() => parseLatency('fast')).toThrow(RangeError);
  });
});
