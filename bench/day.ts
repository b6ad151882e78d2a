// The Day screen's queries on 100,000 shipments in a real SQLite file (WAL, as the station opens
// it): 45 ordinary days of 2,000 labels and one busy day of 10,000, with their history, scans and
// jobs. Timed: day.summary for the busy day and for an ordinary one (every figure of the screen,
// one read transaction), and the day's CSV export. Goal: the summary's p95 under 20 ms.
// `npx tsx bench/day.ts` runs this one alone.
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { dayRange } from '../src-main/day/day-range';
import { dayCsv } from '../src-main/day/day-commands';
import { daySummary } from '../src-main/day/day-summary';
import { openDatabase } from '../src-main/store/db';
import { seedDays } from '../test/helpers/day-seed';
import { tempDir } from '../test/helpers/tmp';
import { percentile, round, writeResults, type BenchResult } from './stats';

const TIME_ZONE = 'Europe/Amsterdam';
const BUSY_DAY = '2026-11-20';
const ORDINARY_DAY = '2026-11-10';
const RUNS = 100;
const WARMUP = 20;

/**
 * Wall time of each run, and the CPU time this process spent on it: on a machine shared with
 * other work the wall time waits for a core, the CPU time is what the queries cost.
 */
function timed(run: () => unknown, runs = RUNS): { wall: number[]; cpu: number[] } {
  for (let i = 0; i < WARMUP; i++) run();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    run();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall, cpu };
}

export async function benchDay(): Promise<BenchResult[]> {
  const data = tempDir('packdesk-bench-day-');
  const db = openDatabase(`${data.dir}/station.sqlite`);
  try {
    const days = [];
    for (let back = 45; back >= 1; back--) {
      const date = new Date(Date.parse(`${BUSY_DAY}T12:00:00Z`) - back * 86_400_000);
      days.push({ ...dayRange(date.toISOString().slice(0, 10), TIME_ZONE), labels: 2_000 });
    }
    days.push({ ...dayRange(BUSY_DAY, TIME_ZONE), labels: 10_000 });
    const seeded = seedDays(db, { days, stationId: 'bench-station' });
    db.pragma('optimize');
    const identity = { id: 'bench-station', name: 'Bench' };
    const total = seeded.shipments.length;
    const ms = (name: string, samples: number[], goal: string | null): BenchResult => ({
      name,
      unit: 'ms',
      p50: round(percentile(samples, 50)),
      p95: round(percentile(samples, 95)),
      goal,
    });
    const busy = timed(() => daySummary(db, BUSY_DAY, TIME_ZONE, identity));
    const ordinary = timed(() => daySummary(db, ORDINARY_DAY, TIME_ZONE, identity));
    const csv = timed(() => dayCsv(db, BUSY_DAY, TIME_ZONE, identity), 20);
    const of = `of ${total.toLocaleString('en')} shipments`;
    return [
      ms(`day.summary, busy day (10,000 ${of})`, busy.wall, 'p95 < 20 ms'),
      ms(`day.summary, busy day, CPU time`, busy.cpu, null),
      ms(`day.summary, ordinary day (2,000 ${of})`, ordinary.wall, 'p95 < 20 ms'),
      ms(`day.summary, ordinary day, CPU time`, ordinary.cpu, null),
      ms('day.export CSV, busy day (10,000 rows)', csv.wall, null),
    ];
  } finally {
    db.close();
    data.cleanup();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const results = await benchDay();
  writeResults(results);
  for (const r of results) {
    console.log(
      `${r.name.padEnd(55)} p50 ${String(r.p50).padStart(8)} ${r.unit}   p95 ${String(r.p95).padStart(8)} ${r.unit}${r.goal ? `   goal: ${r.goal}` : ''}`,
    );
  }
}
