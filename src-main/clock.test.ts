import { describe, expect, it } from 'vitest';
import { scaledClock, systemClock } from './clock';

describe('clocks', () => {
  it('a scaled clock runs faster than real time by its factor', async () => {
    const clock = scaledClock(100);
    const before = clock.now();
    const realBefore = performance.now();
    await clock.sleep(2_000); // 20 ms of real time
    const real = performance.now() - realBefore;
    expect(real).toBeLessThan(500);
    expect(clock.now() - before).toBeGreaterThanOrEqual(1_900);
  });

  it('a scaled clock tells whole milliseconds, as Date.now does', async () => {
    const clock = scaledClock(37, 1_000.5);
    for (let i = 0; i < 5; i++) {
      expect(Number.isInteger(clock.now())).toBe(true);
      await clock.sleep(13);
    }
  });

  it('sleep rejects when aborted', async () => {
    const controller = new AbortController();
    const sleeping = systemClock.sleep(10_000, controller.signal);
    controller.abort(new Error('stopped'));
    await expect(sleeping).rejects.toThrow('stopped');
  });
});
