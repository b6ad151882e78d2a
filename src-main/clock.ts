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
 * Real time in milliseconds since the epoch, below the millisecond and monotonic within a process.
 * Every process on one machine reads the same value at the same moment (its time origin is taken
 * from the wall clock), so two processes can anchor one scaled clock to it.
 */
export function realTimeMs(): number {
  return performance.timeOrigin + performance.now();
}

export interface ScaledClockAnchor {
  /** Simulated time runs this many times faster than real time. */
  factor: number;
  /** What the clock reads at `realStartMs`, in ms since the epoch. */
  startMs: number;
  /** The real moment the clock starts, on `realTimeMs()`. */
  realStartMs: number;
}

/**
 * A scaled clock fixed to a real moment rather than to the moment it is built: clocks built from
 * one anchor in two processes (a benchmark and its simulator child) agree on time.
 */
export function anchoredClock(anchor: ScaledClockAnchor, realNow = realTimeMs): Clock {
  const { factor, startMs, realStartMs } = anchor;
  return {
    // Whole milliseconds: the stores keep clock times in STRICT INTEGER columns.
    now: () => Math.floor(startMs + (realNow() - realStartMs) * factor),
    sleep: (ms, signal) => realSleep(ms / factor, signal),
  };
}

/**
 * A clock that runs `factor` times faster than real time, starting now. Two parties sharing one
 * scaled clock (the client's limiter and the simulator) agree on time, so a test can check a
 * per-minute budget in well under a real second per simulated minute.
 */
export function scaledClock(factor: number, start = Date.now()): Clock {
  return anchoredClock({ factor, startMs: start, realStartMs: realTimeMs() });
}

/** From the real moment `realMs` on, the clock reads `simMs` plus `factor` times the real time since. */
export interface ClockSegment {
  realMs: number;
  simMs: number;
  factor: number;
}

export interface WarpClock extends Clock {
  /** The factor in force at the real moment `realMs` (default now). */
  factorAt(realMs?: number): number;
  /**
   * From the real moment `realMs` on (now or later), run `factor` times faster than real time.
   * Time stays continuous; sleepers are woken on the new pace. Returns the segment, for a
   * clock in another process to `follow`.
   */
  change(factor: number, realMs?: number): ClockSegment;
  /** The segment `change` would make, without making it. */
  plan(factor: number, realMs?: number): ClockSegment;
  /**
   * Take a segment another process's clock made with `change` (or this one planned). Any change
   * planned for the same moment or later is dropped: the newest decision stands.
   */
  follow(segment: ClockSegment): void;
}

/**
 * A clock whose pace can change while it runs, in step across processes: a benchmark runs
 * simulated time fast while every party waits on it, and at real pace while one of them works,
 * so CPU time is not multiplied by the factor. Built from the same first segment and given the
 * same changes, two clocks agree; a change taken late never moves this clock backwards.
 */
export function warpClock(first: ClockSegment, realNow = realTimeMs): WarpClock {
  const segments: ClockSegment[] = [first];
  let last = -Infinity;
  interface Sleeper {
    target: number;
    timer?: NodeJS.Timeout;
    wake(): void;
  }
  const sleepers = new Set<Sleeper>();

  const segmentAt = (realMs: number): ClockSegment => {
    for (let i = segments.length - 1; i > 0; i--) {
      const segment = segments[i] as ClockSegment;
      if (segment.realMs <= realMs) return segment;
    }
    return first;
  };
  const simAt = (realMs: number) => {
    const segment = segmentAt(realMs);
    return segment.simMs + (realMs - segment.realMs) * segment.factor;
  };
  /** The real moment the clock reads `simMs`, on the segments known now. */
  const realAt = (simMs: number) => {
    for (let i = segments.length - 1; i >= 0; i--) {
      const segment = segments[i] as ClockSegment;
      if (segment.simMs <= simMs || i === 0) {
        return segment.realMs + (simMs - segment.simMs) / segment.factor;
      }
    }
    return first.realMs;
  };
  const now = () => {
    last = Math.max(last, Math.floor(simAt(realNow())));
    return last;
  };
  const arm = (sleeper: Sleeper) => {
    clearTimeout(sleeper.timer);
    const wait = realAt(sleeper.target) - realNow();
    sleeper.timer = setTimeout(
      () => (now() >= sleeper.target ? sleeper.wake() : arm(sleeper)),
      Math.max(0, wait),
    );
  };
  const plan = (factor: number, realMs = realNow()): ClockSegment => {
    const at = Math.max(realMs, realNow());
    return { realMs: at, simMs: simAt(at), factor };
  };
  const add = (segment: ClockSegment) => {
    if (!(segment.factor > 0)) throw new RangeError('A clock factor must be more than 0.');
    // The newest decision stands: a change planned for later than this one is dropped.
    while (segments.length > 1 && (segments.at(-1) as ClockSegment).realMs >= segment.realMs) {
      segments.pop();
    }
    segments.push(segment);
    for (const sleeper of sleepers) arm(sleeper);
  };

  return {
    now,
    sleep(ms, signal) {
      return new Promise((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason as Error);
        const onAbort = () => {
          clearTimeout(sleeper.timer);
          sleepers.delete(sleeper);
          reject(signal?.reason as Error);
        };
        const sleeper: Sleeper = {
          target: now() + ms,
          wake() {
            sleepers.delete(sleeper);
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        sleepers.add(sleeper);
        arm(sleeper);
      });
    },
    factorAt: (realMs = realNow()) => segmentAt(realMs).factor,
    plan,
    change(factor, realMs) {
      const segment = plan(factor, realMs);
      add(segment);
      return segment;
    },
    follow: add,
  };
}
