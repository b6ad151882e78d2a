// The Day screen's figures for one local day, from the SQL in store/day.ts.
import {
  msg,
  type DayException,
  type DaySummary,
  type Message,
  type PackerDay,
} from '../../src-shared';
import { shipmentRowOf } from '../shipping/shipment-rows';
import type { StationIdentity } from '../station/identity';
import {
  dayCounts,
  failedScans,
  jobsNeedingAttention,
  accountNames,
  labelGroups,
  labelsPerQuarterHour,
  merchantNames,
  packerNames,
  packerReprints,
  packerScans,
  trackingCounts,
  trackingExceptionParcels,
  voidsAndReprints,
  type DayWindow,
  type LabelGroupRecord,
} from '../store/day';
import { countReturnsBetween } from '../store/returns';
import type { Db } from '../store/db';
import { errorFrom, messageFrom } from '../store/messages';
import { shipmentRecordsOf } from '../store/shipment-list';
import { dayRange, daysEndingWith, localHourOf, type DayRange } from './day-range';

/** Each kind of exception is capped, so a bad day still answers at once. */
const EXCEPTIONS_PER_KIND = 100;
const TRACKING_DAYS = 14;
/** The newest parcels with a carrier problem; the count says how many there are in all. */
const TRACKING_EXCEPTIONS = 100;
const HOUR_MS = 3_600_000;
const QUARTER_MS = 900_000;

export const windowOf = (range: DayRange): DayWindow => ({
  fromIso: range.fromIso,
  toIso: range.toIso,
  fromMs: range.fromMs,
  toMs: range.toMs,
});

/** Labels per local hour, 0–23; a day the clocks change still has 24 entries. */
export function perLocalHour(
  db: Db,
  range: DayRange,
  timeZone: string,
): { hour: number; labels: number }[] {
  const hours = Array.from({ length: 24 }, (_, hour) => ({ hour, labels: 0 }));
  // A day of 24 hours had no clock change: its local hour is the hours since its midnight, no
  // Intl call per quarter hour.
  const plain = range.toMs - range.fromMs === 24 * HOUR_MS;
  for (const row of labelsPerQuarterHour(db, windowOf(range))) {
    const quarter = Number(row.quarter.slice(14));
    const start = Date.parse(`${row.quarter.slice(0, 13)}:00:00.000Z`) + quarter * QUARTER_MS;
    const hour = plain
      ? Math.floor((start - range.fromMs) / HOUR_MS)
      : localHourOf(start, timeZone);
    hours[hour]!.labels += row.labels;
  }
  return hours;
}

/** Sum the groups' labels by one of their columns, most labels first. */
function labelsBy<K extends string | null>(
  groups: readonly LabelGroupRecord[],
  key: (group: LabelGroupRecord) => K,
): { key: K; labels: number }[] {
  const sums = new Map<K, number>();
  for (const group of groups) sums.set(key(group), (sums.get(key(group)) ?? 0) + group.labels);
  return [...sums]
    .map(([k, labels]) => ({ key: k, labels }))
    .sort((a, b) => b.labels - a.labels || String(a.key).localeCompare(String(b.key)));
}

export function packersOf(db: Db, w: DayWindow, groups: readonly LabelGroupRecord[]): PackerDay[] {
  const names = packerNames(db);
  const scans = new Map(packerScans(db, w).map((row) => [row.packerId, row]));
  const reprints = new Map(packerReprints(db, w).map((row) => [row.packerId, row.reprints]));
  const labels = new Map<string | null, number>();
  for (const group of groups) {
    labels.set(group.packerId, (labels.get(group.packerId) ?? 0) + group.labels);
  }
  const who = new Set([...labels.keys(), ...scans.keys(), ...reprints.keys()]);
  return [...who]
    .map((packerId): PackerDay => {
      const scanned = scans.get(packerId);
      const first = scanned?.firstScan ?? null;
      const last = scanned?.lastScan ?? null;
      const count = labels.get(packerId) ?? 0;
      const hours =
        first !== null && last !== null
          ? Math.max(1, (Date.parse(last) - Date.parse(first)) / HOUR_MS)
          : 1;
      return {
        packerId,
        name: packerId === null ? null : (names.get(packerId) ?? packerId),
        labels: count,
        labelsPerHour: Math.round((count / hours) * 10) / 10,
        firstScan: first,
        lastScan: last,
        errors: scanned?.errors ?? 0,
        reprints: reprints.get(packerId) ?? 0,
      };
    })
    .sort((a, b) => b.labels - a.labels || (a.name ?? '').localeCompare(b.name ?? ''));
}

function exceptionsOf(db: Db, w: DayWindow): DayException[] {
  const exceptions: DayException[] = [];
  for (const job of jobsNeedingAttention(db, w, EXCEPTIONS_PER_KIND)) {
    const stale = job.lastErrorCode === 'label-stale';
    const error = errorFrom(job.lastErrorCode, job.lastErrorMessage);
    const what: Message =
      messageFrom(job.reason) ??
      (error ? { key: error.key, params: error.params } : null) ??
      msg(stale ? 'day.exception.stale' : 'day.exception.needsAttention');
    exceptions.push({
      kind: stale ? 'stale' : 'needs-attention',
      at: new Date(job.updatedAt).toISOString(),
      orderNumber: job.orderNumber,
      trackingNumber: job.trackingNumber,
      parcelId: job.parcelId,
      jobId: job.id,
      packerName: job.packerName,
      what,
    });
  }
  for (const scan of failedScans(db, w, EXCEPTIONS_PER_KIND)) {
    const error = errorFrom(scan.errorCode, scan.errorMessage);
    exceptions.push({
      kind: 'failed',
      at: scan.at,
      orderNumber: scan.orderNumber,
      trackingNumber: scan.trackingNumber,
      parcelId: null,
      jobId: null,
      packerName: scan.packerName,
      what: error
        ? { key: error.key, params: error.params }
        : (messageFrom(scan.step) ?? msg('day.exception.failed')),
    });
  }
  for (const event of voidsAndReprints(db, w, EXCEPTIONS_PER_KIND * 2)) {
    exceptions.push({
      kind: event.kind,
      at: event.at,
      orderNumber: event.orderNumber,
      trackingNumber: event.trackingNumber,
      parcelId: event.parcelId,
      jobId: null,
      packerName: event.packerName,
      what:
        messageFrom(event.detail) ??
        msg(event.kind === 'voided' ? 'day.exception.voided' : 'day.exception.reprinted'),
    });
  }
  return exceptions.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

export function daySummary(
  db: Db,
  day: string,
  timeZone: string,
  identity: StationIdentity,
  /** Names of accounts the database does not hold (the one whose keys come from the environment). */
  knownAccounts: ReadonlyMap<string, string> = new Map(),
): DaySummary {
  const range = dayRange(day, timeZone);
  const w = windowOf(range);
  const fortnight = windowOf(daysEndingWith(day, TRACKING_DAYS, timeZone));
  // One read transaction: every figure of the summary sees the same moment.
  return db.transaction((): DaySummary => {
    const groups = labelGroups(db, w);
    const accounts = accountNames(db);
    const merchants = merchantNames(db);
    const tracking = trackingCounts(db, fortnight);
    const troubled = trackingExceptionParcels(db, fortnight, TRACKING_EXCEPTIONS);
    return {
      day,
      counts: dayCounts(db, w),
      returns: countReturnsBetween(db, w.fromIso, w.toIso),
      perHour: perLocalHour(db, range, timeZone),
      byCarrier: labelsBy(groups, (g) => g.carrier).map((row) => ({
        carrier: row.key,
        labels: row.labels,
      })),
      byAccount: labelsBy(groups, (g) => g.accountId).map((row) => ({
        accountId: row.key,
        name: accounts.get(row.key) ?? knownAccounts.get(row.key) ?? row.key,
        labels: row.labels,
      })),
      byMerchant: labelsBy(
        groups.filter((g) => g.merchantId !== null),
        (g) => g.merchantId!,
      ).map((row) => ({
        merchantId: row.key,
        name: merchants.get(row.key) ?? row.key,
        labels: row.labels,
      })),
      byPacker: packersOf(db, w, groups),
      exceptions: exceptionsOf(db, w),
      tracking,
      trackingExceptions: shipmentRecordsOf(db, troubled).map((record) =>
        shipmentRowOf(record, identity),
      ),
    };
  })();
}
