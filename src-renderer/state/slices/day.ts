// The Day screen: the picked day's summary, its CSV export and each carrier's hand-over list.
// The summary is read fresh when the screen opens, when the day changes, and when a shipment or
// the queue changes while it is open (at most once a second).
import type { AppErrorData, DayExport, DaySummary, HandoverList } from '../../../src-shared';
import type { Language } from '../../../src-shared/messages/catalogues';
import { localDay } from '../day';
import { withKey, type Keyed } from '../helpers';
import type { SliceContext } from './context';

export type DayExportState =
  | { kind: 'pending' }
  | { kind: 'done'; fileName: string; rows: number }
  | { kind: 'failed'; error: AppErrorData };

export type HandoverState =
  | { kind: 'pending'; print: boolean }
  | { kind: 'done'; print: boolean; parcels: number; fileName: string; printedOn: string | null }
  | { kind: 'failed'; print: boolean; error: AppErrorData };

export interface DaySlice {
  /** YYYY-MM-DD; today until someone picks another day. */
  dayPicked: string;
  /** In a warehouse: one station's day (its id), or every station's (null). */
  dayStation: string | null;
  daySummary: DaySummary | null;
  dayLoading: boolean;
  dayError: AppErrorData | null;
  dayExport: DayExportState | null;
  /** Hand-over lists on their way or made, by carrier. */
  handovers: Keyed<HandoverState>;
  pickDay(day: string): void;
  pickDayStation(station: string | null): void;
  loadDay(): Promise<void>;
  /** Ask for the day's CSV; the caller saves it, the store keeps only its name and rows. */
  exportDay(): Promise<DayExport | null>;
  /** Make a carrier's hand-over list: printed on the A4 route, or returned to save. */
  makeHandover(carrier: string, print: boolean, language: Language): Promise<HandoverList | null>;
}

const RELOAD_AFTER_MS = 1_000;

/** A change pushed while the Day screen is open: read the figures again, once per second. */
export function onDayChanged(
  ctx: SliceContext,
  timers: { reload: ReturnType<typeof setTimeout> | null },
): void {
  if (ctx.get().screen !== 'day' || timers.reload !== null) return;
  timers.reload = setTimeout(() => {
    timers.reload = null;
    if (ctx.get().screen === 'day') void ctx.get().loadDay();
  }, RELOAD_AFTER_MS);
}

export function daySlice(ctx: SliceContext, now: () => Date = () => new Date()): DaySlice {
  let asked = 0;
  return {
    dayPicked: localDay(now()),
    dayStation: null,
    daySummary: null,
    dayLoading: false,
    dayError: null,
    dayExport: null,
    handovers: {},

    pickDay(day) {
      if (day === ctx.get().dayPicked) return;
      ctx.set({ dayPicked: day, daySummary: null, dayExport: null, handovers: {} });
      void ctx.get().loadDay();
    },

    pickDayStation(station) {
      if (station === ctx.get().dayStation) return;
      ctx.set({ dayStation: station, daySummary: null });
      void ctx.get().loadDay();
    },

    async loadDay() {
      const { dayPicked: day, dayStation: station } = ctx.get();
      const mine = ++asked;
      ctx.set({ dayLoading: true });
      const result = await ctx.api.day.summary(station === null ? { day } : { day, station });
      // Only the answer to the latest question counts: a quicker click on the next day wins.
      if (mine !== asked) return;
      ctx.set(
        result.ok
          ? { daySummary: result.value, dayError: null, dayLoading: false }
          : { dayError: result.error, dayLoading: false },
      );
    },

    async exportDay() {
      if (ctx.get().dayExport?.kind === 'pending') return null;
      ctx.set({ dayExport: { kind: 'pending' } });
      // What the screen shows: the warehouse's day, or one station's when filtered.
      const { dayPicked: day, dayStation: station } = ctx.get();
      const result = await ctx.api.day.export(station === null ? { day } : { day, station });
      ctx.set({
        dayExport: result.ok
          ? { kind: 'done', fileName: result.value.fileName, rows: result.value.rows }
          : { kind: 'failed', error: result.error },
      });
      return result.ok ? result.value : null;
    },

    async makeHandover(carrier, print, language) {
      if (ctx.get().handovers[carrier]?.kind === 'pending') return null;
      const set = (state: HandoverState) =>
        ctx.set({ handovers: withKey(ctx.get().handovers, carrier, state) });
      set({ kind: 'pending', print });
      const result = await ctx.api.day.handover({
        day: ctx.get().dayPicked,
        carrier,
        print,
        language,
      });
      set(
        result.ok
          ? {
              kind: 'done',
              print,
              parcels: result.value.parcels,
              fileName: result.value.fileName,
              printedOn: result.value.printedOn,
            }
          : { kind: 'failed', print, error: result.error },
      );
      return result.ok ? result.value : null;
    },
  };
}
