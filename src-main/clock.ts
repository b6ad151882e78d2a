/**
 * Time as the app sees it, injected wherever waiting or timestamps matter (rate limits, retry
 * backoff, the simulator's statuses and windows) so tests can run minutes of traffic in a second.
 */
export interface Clock {
  /** Whole milliseconds since the epoch, on this clock, as `Date.now()` gives them. */
  now(): number;
  /** Wait `ms` of this clock's time; rejects with the signal's reason if aborted. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

function realSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: realSleep,
};

/**
 * A clock that runs `factor` times faster than real time, starting now. Two parties sharing one
 * scaled clock (the client's limiter and the simulator) agree on time, so a test can check a
 * per-minute budget in well under a real second per simulated minute.
 */
export function scaledClock(factor: number, start = Date.now()): Clock {
  const realStart = performance.now();
  return {
    // Whole milliseconds: the stores keep clock times in STRICT INTEGER columns.
    now: () => Math.floor(start + (performance.now() - realStart) * factor),
    sleep: (ms, signal) => realSleep(ms / factor, signal),
  };
}
