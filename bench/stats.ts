import fs from 'node:fs';
import path from 'node:path';

export interface BenchResult {
  name: string;
  unit: string;
  p50: number;
  p95: number;
  /** For the figures whose goal is a p99 (the main loop's delay). */
  p99?: number;
  goal: string | null;
}

/** Nearest-rank percentile of a sample. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export const round = (value: number, digits = 2) => Number(value.toFixed(digits));

/** p50 and p95 of samples in milliseconds. */
export const msResult = (
  name: string,
  samples: number[],
  goal: string | null = null,
): BenchResult => ({
  name,
  unit: 'ms',
  p50: round(percentile(samples, 50)),
  p95: round(percentile(samples, 95)),
  goal,
});

/** Add or replace results by name in test-results/bench.json, which later benchmarks extend. */
export function writeResults(
  results: readonly BenchResult[],
  file = 'test-results/bench.json',
): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let existing: BenchResult[];
  try {
    existing = JSON.parse(fs.readFileSync(file, 'utf8')) as BenchResult[];
  } catch {
    existing = [];
  }
  const names = new Set(results.map((r) => r.name));
  fs.writeFileSync(
    file,
    JSON.stringify([...existing.filter((r) => !names.has(r.name)), ...results], null, 2) + '\n',
  );
}
