import { describe, expect, it } from 'vitest';
import { NO_FAULTS } from '../simulator/faults';
import { fromDemoFaults, toDemoFaults } from './demo-faults';

describe('demo faults', () => {
  it('show the simulator at rest as no faults at all', () => {
    expect(toDemoFaults(NO_FAULTS)).toEqual({
      latencyMs: 0,
      errorRate: 0,
      errorStatus: 500,
      timeoutRate: 0,
      lostResponseRate: 0,
    });
  });

  it('round-trip what the demo settings set', () => {
    const set = {
      latencyMs: 250,
      errorRate: 0.2,
      errorStatus: 429,
      timeoutRate: 0.1,
      lostResponseRate: 0.05,
    } as const;
    expect(toDemoFaults({ ...NO_FAULTS, ...fromDemoFaults(set) })).toEqual(set);
  });

  it('turn an error rate of 0 into no error status at all, and clear what the screen cannot set', () => {
    const faults = fromDemoFaults({
      latencyMs: 0,
      errorRate: 0,
      errorStatus: 503,
      timeoutRate: 0,
      lostResponseRate: 0,
    });
    expect(faults).toMatchObject({ errorRates: {}, failStatus: null, only: null });
  });

  it('show a latency range by its upper bound', () => {
    expect(toDemoFaults({ ...NO_FAULTS, latencyMs: { minMs: 50, maxMs: 400 } }).latencyMs).toBe(
      400,
    );
  });
});
