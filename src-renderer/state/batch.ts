// The Batch screen's view logic, with no React and no store: the selection over the shown rows
// (one, a range, all), which batch is the live one, and how far it has come.
import type { BatchView, OpenOrdersFilter } from '../../src-shared';

/** The selection with `ref` added, or taken out if it was in. */
export function toggled(selection: readonly string[], ref: string): string[] {
  return selection.includes(ref) ? selection.filter((r) => r !== ref) : [...selection, ref];
}

/**
 * The selection with every shown row from `anchor` to `to` (both included) added, as a Shift+click
 * or Shift+arrow does; without an anchor on the shown rows, only `to`.
 */
export function withRange(
  selection: readonly string[],
  shown: readonly string[],
  anchor: string | null,
  to: string,
): string[] {
  const end = shown.indexOf(to);
  if (end < 0) return [...selection];
  const start = anchor === null ? -1 : shown.indexOf(anchor);
  const [from, until] = start < 0 ? [end, end] : [Math.min(start, end), Math.max(start, end)];
  const have = new Set(selection);
  return [...selection, ...shown.slice(from, until + 1).filter((ref) => !have.has(ref))];
}

/** Every shown row in the selection, keeping what was selected and is not shown. */
export function withAll(selection: readonly string[], shown: readonly string[]): string[] {
  const have = new Set(selection);
  return [...selection, ...shown.filter((ref) => !have.has(ref))];
}

/** A batch that still moves, or may: running, waiting for the connection, or paused. */
export const isLive = (batch: BatchView): boolean =>
  batch.state === 'running' || batch.state === 'waiting' || batch.state === 'paused';

/** The live batch the header follows: the newest one (a reprint counts while it prints). */
export function liveBatch(batches: readonly BatchView[] | null): BatchView | null {
  let newest: BatchView | null = null;
  for (const batch of batches ?? []) {
    if (!isLive(batch)) continue;
    if (!newest || batch.createdAt > newest.createdAt) newest = batch;
  }
  return newest;
}

/** Labels printed of all to print: of the batch, or of its reprint while that runs. */
export function printedOf(batch: BatchView): { printed: number; total: number } {
  if (batch.reprinting) return batch.reprinting;
  const { total, leftOut, cancelled } = batch.counts;
  return { printed: batch.counts.printed, total: total - leftOut - cancelled };
}

/** The batches list with this view put in (replacing its older self), newest first. */
export function putBatch(batches: readonly BatchView[] | null, view: BatchView): BatchView[] {
  // An answer made before the last push (or the other way round) is older: the newer stays.
  const kept = batches?.find((batch) => batch.id === view.id);
  if (kept && kept.revision > view.revision) return [...(batches ?? [])];
  const others = (batches ?? []).filter((batch) => batch.id !== view.id);
  return [view, ...others].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** The filter as the contract takes it: empty fields left out. */
export function cleanFilter(filter: OpenOrdersFilter): OpenOrdersFilter {
  return Object.fromEntries(
    Object.entries(filter).filter(([, value]) => value !== undefined && value !== ''),
  ) as OpenOrdersFilter;
}
