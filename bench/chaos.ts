// The chaos harness at bench scale: 1,000 scans and 200 SIGKILLs of the station's child process
// under faults, reporting its counts into test-results/bench.json (unit `count`, p50 = p95).
// The simulator's per-minute budgets are raised tenfold (the 15 writes/s burst stays): at the
// documented 100 writes/min, 1,000 labels would wait 10+ minutes on the limit, which the drain
// benchmark measures on its own; the chaos test in CI runs at the documented limits.
import { spawnSync } from 'node:child_process';
import { setLogSink } from '../src-main/log';
import { describeReport, runChaos, type ChaosReport } from '../test/chaos/harness';
import type { BenchResult } from './stats';

const SCANS = 1_000;
const KILLS = 200;

export async function benchChaos(): Promise<BenchResult[]> {
  setLogSink({ write: () => undefined }, 'error');
  // The child runs the built station: build it from this tree, as `npm test` does.
  const build = spawnSync('npx', ['electron-vite', 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('electron-vite build failed');

  const report = await runChaos({
    seed: 1_000,
    orders: SCANS,
    kills: KILLS,
    rateLimits: { reads: 10_000, writes: 1_000, burst: 15 },
    drainTimeoutMs: 180_000,
    log: (line) => console.log(line),
  });
  for (const line of describeReport(report)) console.log(`  chaos: ${line}`);
  return toResults(report);
}

function toResults(report: ChaosReport): BenchResult[] {
  const labelCounts = Object.values(report.labelsPerOrder);
  const count = (name: string, value: number, goal: string | null = null): BenchResult => ({
    name: `chaos: ${name}`,
    unit: 'count',
    p50: value,
    p95: value,
    goal,
  });
  return [
    count('orders scanned', report.orderNumbers.length),
    count('scan calls (rescans included)', report.scans),
    count('scans acknowledged', report.acks, `= ${report.orderNumbers.length}`),
    count('scans unanswered (child killed), rescanned', report.unanswered),
    count('kills (SIGKILL)', report.kills, `>= ${KILLS}`),
    count('restarts', report.restarts),
    count('unexpected exits', report.unexpectedExits.length, '0'),
    count('labels in the ledger', report.labels, `= ${report.orderNumbers.length}`),
    count('orders without exactly one label', labelCounts.filter((n) => n !== 1).length, '0'),
    count('printer jobs', report.printJobs),
    count('labels never printed', report.unprintedLabels.length, '0'),
    count('duplicate prints (at-least-once)', report.duplicatePrints),
    count('queue left at the end', report.queueLeft.length, '0'),
    count('acknowledged but not printed', report.ackedNotPrinted.length, '0'),
    count('create-label calls', report.createLabelCalls),
    count('create-label calls unanswered', report.createLabelCallsUnanswered),
    count('reconcile lookups (GET /shipments)', report.reconcileLookups),
    count('429 answers', report.rateLimited),
    {
      name: 'chaos: wall time',
      unit: 's',
      p50: Math.round(report.durationMs / 1000),
      p95: Math.round(report.durationMs / 1000),
      goal: null,
    },
  ];
}
