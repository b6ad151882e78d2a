// A station's local day as the instants it spans: [fromIso, toIso) in UTC, as the stores keep
// times (`toISOString()`), so a day's rows are one range scan on an indexed column. A day is 23
// or 25 hours long when the clocks change.

export interface DayRange {
  /** YYYY-MM-DD, local. */
  day: string;
  fromIso: string;
  toIso: string;
  fromMs: number;
  toMs: number;
}

/** The time zone the station runs in, as the operating system says. */
export function stationTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function localParts(ms: number, timeZone: string): LocalParts {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: (parts.hour ?? 0) % 24,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** How far local time is ahead of UTC at `ms`, in ms. */
function offsetAt(ms: number, timeZone: string): number {
  const p = localParts(ms, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** The instant local midnight starts the day `y-m-d` (month 1-based; overflow rolls over). */
function localMidnight(year: number, month: number, day: number, timeZone: string): number {
  const utc = Date.UTC(year, month - 1, day);
  // Twice: the offset at the guess may differ from the one at midnight across a clock change.
  const guess = utc - offsetAt(utc, timeZone);
  return utc - offsetAt(guess, timeZone);
}

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

export function dayRange(day: string, timeZone: string): DayRange {
  const match = dayPattern.exec(day);
  if (!match) throw new Error(`not a day: ${day}`);
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const fromMs = localMidnight(year, month, date, timeZone);
  const toMs = localMidnight(year, month, date + 1, timeZone);
  return {
    day,
    fromIso: new Date(fromMs).toISOString(),
    toIso: new Date(toMs).toISOString(),
    fromMs,
    toMs,
  };
}

/** The local day `ms` falls on, as YYYY-MM-DD. */
export function localDayOf(ms: number, timeZone: string): string {
  const p = localParts(ms, timeZone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** The local hour (0–23) of an instant. */
export function localHourOf(ms: number, timeZone: string): number {
  return localParts(ms, timeZone).hour;
}

/** The `days` local days ending with `day` (its own included), as one range. */
export function daysEndingWith(day: string, days: number, timeZone: string): DayRange {
  const last = dayRange(day, timeZone);
  const match = dayPattern.exec(day)!;
  const fromMs = localMidnight(
    Number(match[1]),
    Number(match[2]),
    Number(match[3]) - (days - 1),
    timeZone,
  );
  return { ...last, fromMs, fromIso: new Date(fromMs).toISOString() };
}
