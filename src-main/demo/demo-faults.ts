// The demo settings' faults and the simulator's: one error status at one rate on screen, the
// simulator's full fault model underneath.
import type { DemoFaults } from '../../src-shared';
import type { Faults } from '../simulator/faults';

/** The simulator's faults as the demo settings show them: one error status at one rate. */
export function toDemoFaults(faults: Faults): DemoFaults {
  const [status, rate] = Object.entries(faults.errorRates).find(([, r]) => r > 0) ?? ['500', 0];
  const latency = faults.latencyMs;
  return {
    latencyMs: typeof latency === 'number' ? latency : latency.maxMs,
    errorRate: rate,
    errorStatus: status === '429' ? 429 : status === '503' ? 503 : 500,
    timeoutRate: faults.timeoutRate,
    lostResponseRate: faults.lostResponseRate,
  };
}

/** The demo settings' faults as the simulator takes them (what the screen does not set, off). */
export function fromDemoFaults(faults: DemoFaults): Partial<Faults> {
  return {
    latencyMs: faults.latencyMs,
    errorRates: faults.errorRate > 0 ? { [faults.errorStatus]: faults.errorRate } : {},
    failStatus: null,
    timeoutRate: faults.timeoutRate,
    lostResponseRate: faults.lostResponseRate,
    only: null,
  };
}
