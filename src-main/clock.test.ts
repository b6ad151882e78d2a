import { describe, expect, it } from 'vitest';
import { anchoredClock, realTimeMs, scaledClock, systemClock, warpClock } from './clock';

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

  it('two clocks built at different moments from one anchor tell the same time', () => {
    let real = 5_000;
    const anchor = { factor: 20, startMs: 1_700_000_000_000, realStartMs: 4_000 };
    const first = anchoredClock(anchor, () => real);
    real += 250; // the second process builds its clock a quarter of a second later
    const second = anchoredClock(anchor, () => real);
    expect(first.now()).toBe(second.now());
    // 1,250 real ms after the anchor, at 20x.
    expect(second.now()).toBe(1_700_000_025_000);
    real += 0.5;
    expect(first.now() - 1_700_000_025_000).toBe(10);
  });

  it('real time is the wall clock, in every process', () => {
    const before = Date.now();
    const real = realTimeMs();
    expect(Math.abs(real - before)).toBeLessThan(50);
  });

  it('sleep rejects when aborted', async () => {
    const controller = new AbortController();
    const sleeping = systemClock.sleep(10_000, controller.signal);
    controller.abort(new Error('stopped'));
    await expect(sleeping).rejects.toThrow('stopped');
  });

  it('a warp clock changes pace without a jump, and a second clock that follows agrees', () => {
    let real = 1_000;
    const first = { realMs: 1_000, simMs: 50_000, factor: 20 };
    const leader = warpClock(first, () => real);
    const follower = warpClock(first, () => real);
    real = 1_100; // 100 real ms at 20x
    expect(leader.now()).toBe(52_000);
    const change = leader.change(1, 1_110);
    expect(change).toEqual({ realMs: 1_110, simMs: 52_200, factor: 1 });
    follower.follow(change);
    real = 1_210; // 10 ms at 20x, then 100 ms at 1x
    expect(leader.now()).toBe(52_300);
    expect(follower.now()).toBe(52_300);
    expect(leader.factorAt()).toBe(1);
  });

  it('a warp clock that hears of a slower pace late does not run backwards', () => {
    let real = 0;
    const first = { realMs: 0, simMs: 0, factor: 10 };
    const late = warpClock(first, () => real);
    real = 100;
    expect(late.now()).toBe(1_000);
    late.follow({ realMs: 50, simMs: 500, factor: 1 }); // would read 550 now
    expect(late.now()).toBe(1_000);
    real = 600;
    expect(late.now()).toBe(1_050);
  });

  it('a warp clock wakes a sleeper on the new pace when it speeds up', async () => {
    const clock = warpClock({ realMs: realTimeMs(), simMs: 0, factor: 1 });
    // A minute at real pace: this test would time out unless the change re-arms the timer.
    const sleeping = clock.sleep(60_000);
    clock.change(1_000_000);
    await sleeping;
    expect(clock.now()).toBeGreaterThanOrEqual(60_000);
  });
});
