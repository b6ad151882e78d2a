// Issue #4's proof that the durable outbox keeps its promises through crashes: the Station runs
// as a child process against a faulty Sendcloud, a driver scans 100 orders while the child is
// SIGKILLed and restarted at least 30 times, and the simulator's ledger and the printer's jobs
// must show every order labelled exactly once and every label printed.
import { describe, expect, it } from 'vitest';
import { describeReport, runChaos } from './harness';

const ORDERS = 100;
const KILLS = 35;
/** Fixed for CI; set PACKDESK_CHAOS_SEED to explore other kill plans and fault draws. */
const SEED = Number(process.env.PACKDESK_CHAOS_SEED ?? 4);

describe('chaos: the station killed at random points while scanning', () => {
  it(`labels ${ORDERS} orders exactly once and prints every label through ${KILLS} kills`, async () => {
    const report = await runChaos({ seed: SEED, orders: ORDERS, kills: KILLS });
    const summary = describeReport(report).join('\n');
    console.log(`chaos run (seed ${report.seed}):\n${summary}`);
    for (const exit of report.unexpectedExits) console.log(`unexpected exit: ${exit}`);

    expect(
      report.unexpectedExits,
      'the station crashed, did not start, or hung on SIGTERM',
    ).toEqual([]);
    expect(report.kills).toBeGreaterThanOrEqual(30);
    // The run was chaotic where it matters: label calls applied whose answer never came.
    expect(report.createLabelCallsUnanswered).toBeGreaterThan(0);
    // No scan was lost: every order the driver scanned was acknowledged in the end.
    expect(report.acks).toBe(ORDERS);
    const notOne = Object.entries(report.labelsPerOrder).filter(([, labels]) => labels !== 1);
    expect(notOne, 'orders without exactly one label in the ledger').toEqual([]);
    expect(report.unprintedLabels, 'labels that never reached the printer').toEqual([]);
    expect(report.strayPrints, 'printed bytes that are no label Sendcloud made').toBe(0);
    expect(report.queueLeft, 'jobs left in the queue').toEqual([]);
    expect(report.ackedNotPrinted, 'acknowledged scans the station did not print').toEqual([]);
  });
});
