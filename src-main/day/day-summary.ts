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
  labelsByAccount,
  labelsByCarrier,
  labelsByMerchant,
  labelsPerElapsedHour,
  packersOfDay,
  trackingCounts,
  trackingExceptionParcels,
  voidsAndReprints,
  type DayWindow,
  type PackerDayRecord,
} from '../store/day';
import type { Db } from '../store/db';
import { errorFrom, messageFrom } from '../store/messages';
import { shipmentRecordsOf } from '../store/shipment-list';
import { dayRange, daysEndingWith, localHourOf, type DayRange } from './day-range';

/** Each kind of exception is capped, so a bad day still answers at once. */
const EXCEPTIONS_PER_KIND = 200;
const TRACKING_DAYS = 14;
const HOUR_MS = 3_600_000;

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
  for (const row of labelsPerElapsedHour(db, windowOf(range))) {
    const local = localHourOf(range.fromMs + row.hour * HOUR_MS, timeZone);
    hours[local]!.labels += row.labels;
  }
  return hours;
}

export function packerDayOf(record: PackerDayRecord): PackerDay {
  const first = record.firstScan ?? record.firstLabel;
  const last = record.lastScan ?? record.lastLabel;
  const hours =
    first !== null && last !== null
      ? Math.max(1, (Date.parse(last) - Date.parse(first)) / HOUR_MS)
      : 1;
  return {
    packerId: record.packerId,
    name: record.name,
    labels: record.labels,
    labelsPerHour: Math.round((record.labels / hours) * 10) / 10,
    firstScan: first,
    lastScan: last,
    errors: record.errors,
    reprints: record.reprints,
  };
}

function exceptionsOf(db: Db, w: DayWindow): DayException[] {
  const exceptions: DayException[] = [];
  for (const job of jobsNeedingAttention(db, w, EXCEPTIONS_PER_KIND * 2)) {
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
): DaySummary {
  const range = dayRange(day, timeZone);
  const w = windowOf(range);
  const fortnight = windowOf(daysEndingWith(day, TRACKING_DAYS, timeZone));
  // One read transaction: every figure of the summary sees the same moment.
  return db.transaction((): DaySummary => {
    const tracking = trackingCounts(db, fortnight);
    const troubled = trackingExceptionParcels(db, fortnight, EXCEPTIONS_PER_KIND);
    return {
      day,
      counts: dayCounts(db, w),
      perHour: perLocalHour(db, range, timeZone),
      byCarrier: labelsByCarrier(db, w),
      byAccount: labelsByAccount(db, w).map((row) => ({
        accountId: row.accountId,
        name: row.name ?? row.accountId,
        labels: row.labels,
      })),
      byMerchant: labelsByMerchant(db, w).map((row) => ({
        merchantId: row.merchantId,
        name: row.name ?? row.merchantId,
        labels: row.labels,
      })),
      byPacker: packersOfDay(db, w).map(packerDayOf),
      exceptions: exceptionsOf(db, w),
      tracking,
      trackingExceptions: shipmentRecordsOf(db, troubled).map((record) =>
        shipmentRowOf(record, identity),
      ),
    };
  })();
}
