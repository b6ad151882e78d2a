// The station's days: a packer says "Tuesday", the database keeps UTC. A day range becomes
// [fromIso, toIso) from local midnight to the local midnight after the last day, DST included.
// One module for every local day the station works out: the Shipments list, the Day review and
// the free window of a void.

/** The time zone this computer is set to: the station's days are its days. */
export const stationTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

const formats = new Map<string, Intl.DateTimeFormat>();
function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(timeZone, format);
  }
  return format;
}

function wallClock(ms: number, timeZone: string) {
  const parts: Record<string, number> = {};
  for (const part of formatFor(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    // Some engines say 24 for midnight even with h23.
    hour: (parts.hour ?? 0) % 24,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** How far the zone's wall clock is ahead of UTC at `ms`. */
function offsetAt(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** The local day (`YYYY-MM-DD`) a moment falls on. */
export function localDayOf(ms: number, timeZone: string): string {
  const w = wallClock(ms, timeZone);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** The UTC moment of local midnight at the start of `day` (`YYYY-MM-DD`). */
export function startOfLocalDay(day: string, timeZone: string): number {
  const [year = 1970, month = 1, date = 1] = day.split('-').map(Number);
  const naive = Date.UTC(year, month - 1, date);
  // Twice: the offset at the guess may differ from the offset at the answer across a DST change.
  const first = naive - offsetAt(naive, timeZone);
  return naive - offsetAt(first, timeZone);
}

/** The day after `day`, on the calendar. */
export function nextDay(day: string): string {
  const [year = 1970, month = 1, date = 1] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
}

/** The day `count` days before `day`, on the calendar. */
export function daysBefore(day: string, count: number): string {
  const [year = 1970, month = 1, date = 1] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date - count)).toISOString().slice(0, 10);
}

/** Local days `from`..`to` (both included) as the UTC range [fromIso, toIso). */
export function localDayRange(
  from: string,
  to: string,
  timeZone: string,
): { fromIso: string; toIso: string } {
  return {
    fromIso: new Date(startOfLocalDay(from, timeZone)).toISOString(),
    toIso: new Date(startOfLocalDay(nextDay(to), timeZone)).toISOString(),
  };
}

/** The local hour (0–23) of a moment. */
export function localHourOf(ms: number, timeZone: string): number {
  return wallClock(ms, timeZone).hour;
}
