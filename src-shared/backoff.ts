// The one backoff formula: the Sendcloud client's retries, the outbox's waits and the browser
// bridge's reconnects all use it, each with its own base and cap. Pure and zod-free, so main and
// the renderer share it.

export interface Backoff {
  /** The wait after the first failed try; it doubles per try. */
  baseMs: number;
  /** No wait is longer than this, however many tries failed. */
  capMs: number;
}

/**
 * How long to wait after `tries` failed tries (0 counts as 1). Capped exponential with "equal
 * jitter": half of the step for sure, the other half drawn from `random` (kept within 0–1), so
 * many callers spread out and never come back all at once.
 */
export function backoffDelayMs(
  tries: number,
  { baseMs, capMs, random }: Backoff & { random: () => number },
): number {
  const step = Math.min(capMs, baseMs * 2 ** Math.max(0, tries - 1));
  const draw = Math.min(Math.max(random(), 0), 1);
  return Math.round(step / 2 + (step / 2) * draw);
}
