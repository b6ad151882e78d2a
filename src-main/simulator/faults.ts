// Injected faults: what goes wrong between the client and Sendcloud, drawn from a seeded PRNG so
// a run with the same seed and the same requests fails the same way.
import type { Random } from './prng';

export type Latency = number | { minMs: number; maxMs: number };

export interface Faults {
  /** Added before the request is handled: fixed, or uniform between `minMs` and `maxMs`. */
  latencyMs: Latency;
  /** Legacy single-status failure: `failRate` of requests answer this status. */
  failStatus: number | null;
  /** 0..1: the probability that a request gets `failStatus`. */
  failRate: number;
  /** Status code to probability, e.g. `{ 500: 0.1, 429: 0.05 }`; answered with the documented body. */
  errorRates: Record<number, number>;
  /** Never answer: the socket stays open until the client gives up. */
  timeoutRate: number;
  /** Destroy the socket before answering; nothing is applied. */
  resetRate: number;
  /** Apply the request, then destroy the socket: the write happened, the client sees a failure. */
  lostResponseRate: number;
  /** Only requests that match are faulted; null faults every API request. */
  only: { method?: string; pathPrefix?: string } | null;
}

export const NO_FAULTS: Faults = {
  latencyMs: 0,
  failStatus: null,
  failRate: 1,
  errorRates: {},
  timeoutRate: 0,
  resetRate: 0,
  lostResponseRate: 0,
  only: null,
};

export type FaultPlan =
  | { kind: 'none'; latencyMs: number; loseResponse: boolean }
  | { kind: 'timeout'; latencyMs: number }
  | { kind: 'reset'; latencyMs: number }
  | { kind: 'error'; latencyMs: number; status: number };

const rate = (name: string, value: number) => {
  if (!(value >= 0 && value <= 1)) throw new RangeError(`${name} must be between 0 and 1.`);
};

/** Merge and check a change, so a typo fails at `set` rather than as odd behaviour later. */
export function mergeFaults(current: Faults, change: Partial<Faults>): Faults {
  const next: Faults = { ...current, ...change };
  const latency = next.latencyMs;
  if (typeof latency === 'number') {
    if (!Number.isFinite(latency) || latency < 0) {
      throw new RangeError('latencyMs must be a finite number of milliseconds, 0 or more.');
    }
  } else if (
    !Number.isFinite(latency.minMs) ||
    !Number.isFinite(latency.maxMs) ||
    latency.minMs < 0 ||
    latency.maxMs < latency.minMs
  ) {
    throw new RangeError('latencyMs range needs 0 <= minMs <= maxMs.');
  }
  rate('failRate', next.failRate);
  rate('timeoutRate', next.timeoutRate);
  rate('resetRate', next.resetRate);
  rate('lostResponseRate', next.lostResponseRate);
  let total = 0;
  for (const [status, value] of Object.entries(next.errorRates)) {
    const code = Number(status);
    if (!Number.isInteger(code) || code < 400 || code > 599) {
      throw new RangeError(`errorRates: ${status} is not an HTTP error status.`);
    }
    rate(`errorRates[${status}]`, value);
    total += value;
  }
  if (total > 1) throw new RangeError('errorRates must add up to 1 or less.');
  return next;
}

export function faultApplies(faults: Faults, method: string, path: string): boolean {
  const only = faults.only;
  if (!only) return true;
  if (only.method && only.method.toUpperCase() !== method.toUpperCase()) return false;
  return !only.pathPrefix || path.startsWith(only.pathPrefix);
}

/** Decide, before the request runs, what will go wrong with it. */
export function planFaults(faults: Faults, random: Random): FaultPlan {
  const latency = faults.latencyMs;
  const latencyMs =
    typeof latency === 'number'
      ? latency
      : latency.minMs + random.next() * (latency.maxMs - latency.minMs);
  if (faults.timeoutRate > 0 && random.next() < faults.timeoutRate) {
    return { kind: 'timeout', latencyMs };
  }
  if (faults.resetRate > 0 && random.next() < faults.resetRate) return { kind: 'reset', latencyMs };
  if (faults.failStatus !== null && random.next() < faults.failRate) {
    return { kind: 'error', latencyMs, status: faults.failStatus };
  }
  const rates = Object.entries(faults.errorRates).filter(([, value]) => value > 0);
  if (rates.length > 0) {
    const draw = random.next();
    let cumulative = 0;
    for (const [status, value] of rates) {
      cumulative += value;
      if (draw < cumulative) return { kind: 'error', latencyMs, status: Number(status) };
    }
  }
  const loseResponse = faults.lostResponseRate > 0 && random.next() < faults.lostResponseRate;
  return { kind: 'none', latencyMs, loseResponse };
}

/** `"500:0.1,429:0.05"` (PACKDESK_SIMULATOR_ERROR_RATE) as error rates. */
export function parseErrorRates(text: string): Record<number, number> {
  const rates: Record<number, number> = {};
  for (const part of text.split(',')) {
    const trimmed = part.trim();
    if (trimmed === '') continue;
    const match = /^(\d{3})\s*:\s*(\d*\.?\d+)$/.exec(trimmed);
    if (!match) throw new RangeError(`"${trimmed}" is not status:rate, e.g. 500:0.1`);
    rates[Number(match[1])] = Number(match[2]);
  }
  return rates;
}

/** `"250"` or `"100-400"` (PACKDESK_SIMULATOR_LATENCY_MS) as latency. */
export function parseLatency(text: string): Latency {
  const range = /^\s*(\d+)\s*-\s*(\d+)\s*$/.exec(text);
  if (range) return { minMs: Number(range[1]), maxMs: Number(range[2]) };
  if (/^\s*\d+\s*$/.test(text)) return Number(text);
  throw new RangeError(`"${text}" is not milliseconds, e.g. 250 or 100-400`);
}
