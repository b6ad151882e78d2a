import { describe, expect, it } from 'vitest';
import { backoffDelayMs } from './backoff';

describe('backoffDelayMs', () => {
  const backoff = { baseMs: 100, capMs: 1_000 };
  const at = (tries: number, draw: number) =>
    backoffDelayMs(tries, { ...backoff, random: () => draw });

  it('doubles per failed try, half of each step fixed and half drawn', () => {
    expect([1, 2, 3, 4].map((tries) => at(tries, 0))).toEqual([50, 100, 200, 400]);
    expect([1, 2, 3, 4].map((tries) => at(tries, 1))).toEqual([100, 200, 400, 800]);
    expect(at(2, 0.5)).toBe(150);
  });

  it('never waits longer than the cap, however many tries failed', () => {
    for (const tries of [5, 20, 1_000]) {
      expect(at(tries, 1)).toBe(1_000);
      expect(at(tries, 0)).toBe(500);
    }
  });

  it('counts no try yet like the first', () => {
    expect(at(0, 1)).toBe(100);
  });

  it('keeps a broken random source inside the step', () => {
    expect(at(1, 7)).toBe(100);
    expect(at(1, -1)).toBe(50);
  });
});
