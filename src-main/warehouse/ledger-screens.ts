// The Shipments and Day screens in a warehouse: every station's rows from the shared ledger,
// filterable by station, this station's own straight from its SQLite (fresher than the ledger
// and the only ones it can reprint or void). When the link is down, or no warehouse is set, the
// station's own handlers answer alone and the scope says so.
import type {
  DayException,
  DaySummary,
  LedgerScope,
  ShipmentList,
  ShipmentRow,
  StationRef,
} from '../../src-shared';
import type { Clock } from '../clock';
import { dayRange, daysEndingWith, stationTimeZone } from '../day/day-range';
import { dayCsv } from '../day/day-commands';
import { daySummary, windowOf } from '../day/day-summary';
import type { CommandHandlers } from '../host/dispatch';
import { createLogger } from '../log';
import { SHIPMENT_LIST_CAP, shipmentListRange } from '../shipping/shipment-commands';
import { shipmentRowOf } from '../shipping/shipment-rows';
import type { StationIdentity } from '../station/identity';
import type { Db } from '../store/db';
import {
  ledgerDay,
  ledgerShipmentsBetween,
  ledgerStations,
  recordOfLedger,
  scratchDay,
} from './ledger-reads';
import { isConnectionFailure, type WarehouseLink } from './link';

const log = createLogger('ledger');

const TRACKING_DAYS = 14;
const TRACKING_EXCEPTIONS = 100;

type Screens = Pick<CommandHandlers, 'shipments.list' | 'day.summary' | 'day.export'>;

export interface LedgerScreenDeps {
  db: Db;
  clock: Clock;
  link: Pick<WarehouseLink, 'state' | 'up' | 'query' | 'stationId'>;
  identity: StationIdentity;
  /** The station's own handlers, which answer for it alone. */
  local: Screens;
  timeZone?: string;
  accountNames?: () => ReadonlyMap<string, string>;
  listCap?: number;
}

/** Rows of another station: named by it, and only to be looked at here. */
function foreignRow(row: ShipmentRow, station: StationRef): ShipmentRow {
  return { ...row, stationName: station.name, labelledAt: station };
}

const newestFirst = (a: ShipmentRow, b: ShipmentRow) =>
  a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.parcelId - a.parcelId;

export function ledgerScreens(deps: LedgerScreenDeps): Screens {
  const { identity, link } = deps;
  const timeZone = deps.timeZone ?? stationTimeZone();
  const cap = deps.listCap ?? SHIPMENT_LIST_CAP;

  /** The scope when the warehouse cannot be read: none set, or down (and why). */
  const alone = (): LedgerScope => {
    const state = link.state();
    return state.kind === 'alone' ? { kind: 'alone', reason: state.reason } : { kind: 'station' };
  };

  /** Run `work` against the warehouse; a link that fails on the way answers with this station's own. */
  async function orAlone<T>(
    work: () => Promise<T>,
    own: () => Promise<T>,
    scope: (value: T, s: LedgerScope) => T,
  ) {
    if (!link.up()) return scope(await own(), alone());
    try {
      return await work();
    } catch (error) {
      if (!isConnectionFailure(error)) throw error;
      log.warn('the ledger could not be read; this station only', {
        error: (error as Error).message,
      });
      return scope(await own(), alone());
    }
  }

  const stationsOf = async (): Promise<StationRef[]> => {
    const stations = await ledgerStations(link);
    // Before its first beat reached the warehouse, this station is still one of them.
    return stations.some((s) => s.id === identity.id)
      ? stations
      : [...stations, { id: identity.id, name: identity.name }];
  };

  const list: Screens['shipments.list'] = (input) => {
    const { station, ...range } = input;
    return orAlone(
      async (): Promise<ShipmentList> => {
        const stations = await stationsOf();
        const scope: LedgerScope = {
          kind: 'warehouse',
          stations,
          station: station ?? null,
          self: identity.id,
        };
        const ownOnly = station === identity.id;
        const own: ShipmentList =
          station === undefined || ownOnly
            ? await deps.local['shipments.list'](range)
            : { rows: [], truncated: false };
        if (ownOnly) return { ...own, scope };
        const { most, range: instants } = shipmentListRange(range, deps.clock.now(), timeZone, cap);
        const names = new Map(stations.map((s) => [s.id, s]));
        const others = await ledgerShipmentsBetween(link, {
          ...instants,
          limit: most + 1,
          station: station ?? null,
        });
        const rows = [
          ...own.rows,
          ...others.map(({ stationId, body }) =>
            foreignRow(
              shipmentRowOf(recordOfLedger(body), identity),
              names.get(stationId) ?? { id: stationId, name: stationId },
            ),
          ),
        ].sort(newestFirst);
        return {
          rows: rows.slice(0, most),
          truncated: own.truncated || others.length > most || rows.length > most,
          scope,
        };
      },
      () => deps.local['shipments.list'](range),
      (value, scope) => ({ ...value, scope }),
    );
  };

  const summary: Screens['day.summary'] = (input) => {
    const { day, station } = input;
    return orAlone(
      async (): Promise<DaySummary> => {
        const stations = await stationsOf();
        const range = dayRange(day, timeZone);
        const fortnight = daysEndingWith(day, TRACKING_DAYS, timeZone);
        const rows = await ledgerDay(
          link,
          windowOf(range),
          windowOf(fortnight),
          station ?? null,
          TRACKING_EXCEPTIONS,
        );
        const scratch = scratchDay(deps.db, rows);
        let whole: DaySummary;
        try {
          whole = daySummary(scratch, day, timeZone, identity, deps.accountNames?.());
        } finally {
          scratch.close();
        }
        const names = new Map(stations.map((s) => [s.id, s]));
        // The queue is this station's own: what waits in it, and the jobs that need a person.
        const includesOwn = station === undefined || station === identity.id;
        const own = includesOwn ? await deps.local['day.summary']({ day }) : null;
        const queued: DayException[] =
          own?.exceptions.filter((e) => e.kind === 'needs-attention' || e.kind === 'stale') ?? [];
        return {
          ...whole,
          counts: { ...whole.counts, waiting: own?.counts.waiting ?? 0 },
          returns: own?.returns ?? 0,
          exceptions: [...whole.exceptions, ...queued].sort((a, b) =>
            a.at < b.at ? 1 : a.at > b.at ? -1 : 0,
          ),
          tracking: { ...rows.tracking, checkedAt: own?.tracking.checkedAt ?? null },
          trackingExceptions: rows.troubled.map(({ stationId, body }) => {
            const row = shipmentRowOf(recordOfLedger(body), identity);
            return stationId === identity.id
              ? row
              : foreignRow(row, names.get(stationId) ?? { id: stationId, name: stationId });
          }),
          scope: { kind: 'warehouse', stations, station: station ?? null, self: identity.id },
        };
      },
      () => deps.local['day.summary']({ day }),
      (value, scope) => ({ ...value, scope }),
    );
  };

  /** The day's CSV as the Day screen shows it: every station's labels, or one station's. */
  const exportDay: Screens['day.export'] = (input) => {
    const { day, station } = input;
    return orAlone(
      async () => {
        const stations = await stationsOf();
        const rows = await ledgerDay(
          link,
          windowOf(dayRange(day, timeZone)),
          windowOf(daysEndingWith(day, TRACKING_DAYS, timeZone)),
          station ?? null,
          0,
        );
        const scratch = scratchDay(deps.db, rows);
        try {
          const names = new Map(stations.map((s) => [s.id, s.name]));
          const { csv, rows: count } = dayCsv(scratch, day, timeZone, identity, names);
          const named = station === undefined ? '' : `-${names.get(station) ?? station}`;
          return {
            fileName: `packdesk-shipments-${day}${named.replace(/[^\p{L}\p{N}-]+/gu, '_')}.csv`,
            csv,
            rows: count,
          };
        } finally {
          scratch.close();
        }
      },
      () => deps.local['day.export']({ day }),
      (value) => value,
    );
  };

  return { 'shipments.list': list, 'day.summary': summary, 'day.export': exportDay };
}
