// A station's local day as the instants it spans: [fromIso, toIso) in UTC, as the stores keep
// times (`toISOString()`), so a day's rows are one range scan on an indexed column. A day is 23
// or 25 hours long when the clocks change.
import { startOfLocalDay } from '../local-days';

export interface DayRange {
  /** YYYY-MM-DD, local. */
  day: string;
  fromIso: string;
  toIso: string;
  fromMs: number;
  toMs: number;
}

export { localDayOf, localHourOf, stationTimeZone } from '../local-days';

/** The instant local midnight starts the day `y-m-d` (month 1-based; overflow rolls over). */
function localMidnight(year: number, month: number, day: number, timeZone: string): number {
  return startOfLocalDay(
    new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10),
    timeZone,
  );
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
