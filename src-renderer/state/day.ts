// The Day screen's view logic, with no React and no store: which day, the chart's bars, the
// tables' order, and what each exception offers to do.
import type { DayException, DaySummary } from '../../src-shared';

/** Today as YYYY-MM-DD in the computer's own time zone (the station's). */
export function localDay(now: Date): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** The day `days` after (or before) `day`, calendar-wise. */
export function shiftDay(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days));
  return date.toISOString().slice(0, 10);
}

export function isDay(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`));
}

export interface HourBar {
  hour: number;
  /** "09", the hour as the axis shows it. */
  label: string;
  labels: number;
}

/** The chart's bars: every hour that had a label, and the working hours around them. */
export function hourBars(summary: Pick<DaySummary, 'perHour'>): HourBar[] {
  const busy = summary.perHour.filter((h) => h.labels > 0).map((h) => h.hour);
  const first = Math.min(7, ...busy);
  const last = Math.max(18, ...busy);
  return summary.perHour
    .filter((h) => h.hour >= first && h.hour <= last)
    .map((h) => ({ hour: h.hour, label: String(h.hour).padStart(2, '0'), labels: h.labels }));
}

/** The busiest hour, or null for a day with no labels. */
export function peakHour(
  summary: Pick<DaySummary, 'perHour'>,
): { hour: number; labels: number } | null {
  let peak: { hour: number; labels: number } | null = null;
  for (const h of summary.perHour) if (h.labels > 0 && (!peak || h.labels > peak.labels)) peak = h;
  return peak;
}

export type ExceptionAction = 'retry' | 'cancel' | 'open';

/** What a supervisor can do about an exception: a stopped job is retried or cancelled. */
export function actionsOf(
  exception: Pick<DayException, 'kind' | 'jobId' | 'parcelId'>,
): ExceptionAction[] {
  const actions: ExceptionAction[] = [];
  if (
    exception.jobId !== null &&
    (exception.kind === 'needs-attention' || exception.kind === 'stale')
  ) {
    actions.push('retry', 'cancel');
  }
  if (exception.parcelId !== null) actions.push('open');
  return actions;
}

/** The exceptions shown under one filter; `all` shows every kind. */
export type ExceptionFilter = 'all' | DayException['kind'];

export function filterExceptions(
  exceptions: readonly DayException[],
  filter: ExceptionFilter,
): DayException[] {
  return filter === 'all' ? [...exceptions] : exceptions.filter((e) => e.kind === filter);
}

/** How many of each kind, for the filter's buttons. */
export function exceptionCounts(
  exceptions: readonly DayException[],
): Map<DayException['kind'], number> {
  const counts = new Map<DayException['kind'], number>();
  for (const e of exceptions) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
  return counts;
}

/** The day's carriers with labels, for a hand-over list each. */
export function handoverCarriers(summary: Pick<DaySummary, 'byCarrier'>): string[] {
  return summary.byCarrier.filter((c) => c.labels > 0).map((c) => c.carrier);
}
