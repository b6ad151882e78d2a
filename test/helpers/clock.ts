import type { Clock } from '../../src-main/clock';

export interface ManualClock extends Clock {
  /** Move time forward; sleepers whose time has come wake up. */
  advance(ms: number): void;
}

/** A clock that only moves when the test says so. Default start: Monday 4 May 2026, 10:00 in Amsterdam. */
export function manualClock(start = Date.parse('2026-05-04T08:00:00Z')): ManualClock {
  let now = start;
  const sleepers = new Set<{ until: number; wake: () => void }>();
  return {
    now: () => now,
    sleep(ms, signal) {
      return new Promise((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason as Error);
        const sleeper = { until: now + ms, wake: () => resolve() };
        if (ms <= 0) return resolve();
        sleepers.add(sleeper);
        signal?.addEventListener(
          'abort',
          () => {
            sleepers.delete(sleeper);
            reject(signal.reason as Error);
          },
          { once: true },
        );
      });
    },
    advance(ms) {
      now += ms;
      for (const sleeper of [...sleepers]) {
        if (sleeper.until <= now) {
          sleepers.delete(sleeper);
          sleeper.wake();
        }
      }
    },
  };
}
