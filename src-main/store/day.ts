// The supervisor's day in SQL: counts, per hour, by carrier, account, merchant and packer, the
// exceptions and the tracking figures. Every query is one range scan on an indexed time column
// (`shipments.created_at`, `shipment_events.at`, `scan_audit.started_at`, `jobs_active`), grouped
// in SQLite; only the groups and a capped list of exceptions come back to JavaScript.
// Counted are the labels this station made (`source = 'station'`), not ones found in Sendcloud.
import type { Db } from './db';

/** A local day as instants: ISO strings for the text columns, ms for the jobs' integer ones. */
export interface DayWindow {
  fromIso: string;
  toIso: string;
  fromMs: number;
  toMs: number;
}

export interface DayCountsRecord {
  made: number;
  printed: number;
  reprinted: number;
  voided: number;
  failed: number;
  waiting: number;
}

/** A job waits while it is on its way or holds for a go-ahead (a stale label), not when failed. */
const waitingJob = `(j.state IN ('queued', 'in-flight', 'waiting', 'held')
  OR (j.state = 'needs-attention' AND j.last_error_code = 'label-stale'))`;

export function dayCounts(db: Db, w: DayWindow): DayCountsRecord {
  return db
    .prepare(
      `SELECT
        (SELECT count(*) FROM shipments s WHERE s.created_at >= @fromIso AND s.created_at < @toIso
           AND s.source = 'station') AS made,
        (SELECT count(DISTINCT parcel_id) FROM shipment_events
           WHERE at >= @fromIso AND at < @toIso AND kind = 'printed') AS printed,
        (SELECT count(*) FROM shipment_events
           WHERE at >= @fromIso AND at < @toIso AND kind = 'reprinted') AS reprinted,
        (SELECT count(DISTINCT parcel_id) FROM shipment_events
           WHERE at >= @fromIso AND at < @toIso AND kind = 'voided') AS voided,
        (SELECT count(*) FROM scan_audit
           WHERE started_at >= @fromIso AND started_at < @toIso AND state = 'failed') AS failed,
        (SELECT count(*) FROM jobs j WHERE j.kind IN ('create-label', 'print')
           AND j.state IN ('queued', 'in-flight', 'waiting', 'held', 'needs-attention')
           AND ${waitingJob} AND j.created_at >= @fromMs AND j.created_at < @toMs) AS waiting`,
    )
    .get(w) as DayCountsRecord;
}

/**
 * Labels per hour since the day's first instant (0 is the first hour of the day). On a day the
 * clocks change, the caller maps each elapsed hour to its local hour.
 */
export function labelsPerElapsedHour(db: Db, w: DayWindow): { hour: number; labels: number }[] {
  return db
    .prepare(
      `SELECT (CAST(strftime('%s', created_at) AS INTEGER) - @fromSeconds) / 3600 AS hour,
         count(*) AS labels
       FROM shipments
       WHERE created_at >= @fromIso AND created_at < @toIso AND source = 'station'
       GROUP BY hour ORDER BY hour`,
    )
    .all({ ...w, fromSeconds: Math.floor(w.fromMs / 1000) }) as { hour: number; labels: number }[];
}

export function labelsByCarrier(db: Db, w: DayWindow): { carrier: string; labels: number }[] {
  return db
    .prepare(
      `SELECT carrier, count(*) AS labels FROM shipments
       WHERE created_at >= @fromIso AND created_at < @toIso AND source = 'station'
       GROUP BY carrier ORDER BY labels DESC, carrier`,
    )
    .all(w) as { carrier: string; labels: number }[];
}

export function labelsByAccount(
  db: Db,
  w: DayWindow,
): { accountId: string; name: string | null; labels: number }[] {
  return db
    .prepare(
      `SELECT g.accountId, a.name, g.labels FROM
         (SELECT account_id AS accountId, count(*) AS labels FROM shipments
          WHERE created_at >= @fromIso AND created_at < @toIso AND source = 'station'
          GROUP BY account_id) g
       LEFT JOIN accounts a ON a.id = g.accountId
       ORDER BY g.labels DESC, g.accountId`,
    )
    .all(w) as { accountId: string; name: string | null; labels: number }[];
}

export function labelsByMerchant(
  db: Db,
  w: DayWindow,
): { merchantId: string; name: string | null; labels: number }[] {
  return db
    .prepare(
      `SELECT g.merchantId, m.name, g.labels FROM
         (SELECT merchant_id AS merchantId, count(*) AS labels FROM shipments
          WHERE created_at >= @fromIso AND created_at < @toIso AND source = 'station'
            AND merchant_id IS NOT NULL
          GROUP BY merchant_id) g
       LEFT JOIN merchants m ON m.id = g.merchantId
       ORDER BY g.labels DESC, g.merchantId`,
    )
    .all(w) as { merchantId: string; name: string | null; labels: number }[];
}

export interface PackerDayRecord {
  packerId: string | null;
  name: string | null;
  labels: number;
  firstLabel: string | null;
  lastLabel: string | null;
  firstScan: string | null;
  lastScan: string | null;
  errors: number;
  reprints: number;
}

/** Per packer (null: nobody signed in): labels, scans, failed scans and reprints of the day. */
export function packersOfDay(db: Db, w: DayWindow): PackerDayRecord[] {
  return db
    .prepare(
      `WITH
         labels AS (SELECT packer_id, count(*) AS labels, min(created_at) AS firstLabel,
             max(created_at) AS lastLabel
           FROM shipments WHERE created_at >= @fromIso AND created_at < @toIso
             AND source = 'station'
           GROUP BY packer_id),
         scans AS (SELECT packer_id, min(started_at) AS firstScan, max(started_at) AS lastScan,
             sum(state = 'failed') AS errors
           FROM scan_audit WHERE started_at >= @fromIso AND started_at < @toIso
           GROUP BY packer_id),
         reprints AS (SELECT packer_id, count(*) AS reprints FROM shipment_events
           WHERE at >= @fromIso AND at < @toIso AND kind = 'reprinted'
           GROUP BY packer_id),
         who AS (SELECT packer_id FROM labels UNION SELECT packer_id FROM scans
           UNION SELECT packer_id FROM reprints)
       SELECT who.packer_id AS packerId, p.name AS name, coalesce(l.labels, 0) AS labels,
         l.firstLabel, l.lastLabel, s.firstScan, s.lastScan, coalesce(s.errors, 0) AS errors,
         coalesce(r.reprints, 0) AS reprints
       FROM who
       LEFT JOIN labels l ON l.packer_id IS who.packer_id
       LEFT JOIN scans s ON s.packer_id IS who.packer_id
       LEFT JOIN reprints r ON r.packer_id IS who.packer_id
       LEFT JOIN packers p ON p.id = who.packer_id
       ORDER BY labels DESC, p.name`,
    )
    .all(w) as PackerDayRecord[];
}

export interface JobExceptionRecord {
  id: string;
  kind: 'create-label' | 'print';
  orderNumber: string | null;
  parcelId: number | null;
  trackingNumber: string | null;
  lastErrorCode: string | null;
  lastErrorMessage: string | null;
  reason: string | null;
  updatedAt: number;
  packerName: string | null;
}

/** The day's label and print jobs that stopped for a person: failures and stale labels. */
export function jobsNeedingAttention(db: Db, w: DayWindow, limit: number): JobExceptionRecord[] {
  return db
    .prepare(
      `SELECT j.id, j.kind, j.order_number AS orderNumber, j.parcel_id AS parcelId,
         s.tracking_number AS trackingNumber, j.last_error_code AS lastErrorCode,
         j.last_error_message AS lastErrorMessage, j.reason, j.updated_at AS updatedAt,
         p.name AS packerName
       FROM jobs j
       LEFT JOIN shipments s ON s.parcel_id = j.parcel_id
       LEFT JOIN packers p ON p.id = j.packer_id
       WHERE j.kind IN ('create-label', 'print') AND j.state = 'needs-attention'
         AND j.created_at >= @fromMs AND j.created_at < @toMs
       ORDER BY j.updated_at DESC LIMIT @limit`,
    )
    .all({ ...w, limit }) as JobExceptionRecord[];
}

export interface FailedScanRecord {
  id: string;
  orderNumber: string | null;
  trackingNumber: string | null;
  errorCode: string | null;
  errorMessage: string | null;
  step: string;
  at: string;
  packerName: string | null;
}

/** Failed scans of the day, but for those whose job still waits for a person (listed as such). */
export function failedScans(db: Db, w: DayWindow, limit: number): FailedScanRecord[] {
  return db
    .prepare(
      `SELECT a.id, a.order_number AS orderNumber, a.tracking_number AS trackingNumber,
         a.error_code AS errorCode, a.error_message AS errorMessage, a.step,
         coalesce(a.finished_at, a.started_at) AS at, p.name AS packerName
       FROM scan_audit a
       LEFT JOIN jobs j ON j.id = a.job_id
       LEFT JOIN packers p ON p.id = a.packer_id
       WHERE a.started_at >= @fromIso AND a.started_at < @toIso AND a.state = 'failed'
         AND (j.id IS NULL OR j.state <> 'needs-attention')
       ORDER BY a.started_at DESC LIMIT @limit`,
    )
    .all({ ...w, limit }) as FailedScanRecord[];
}

export interface EventExceptionRecord {
  parcelId: number;
  kind: 'voided' | 'reprinted';
  at: string;
  detail: string | null;
  orderNumber: string | null;
  trackingNumber: string | null;
  packerName: string | null;
}

/** The day's voids and reprints, newest first. */
export function voidsAndReprints(db: Db, w: DayWindow, limit: number): EventExceptionRecord[] {
  return db
    .prepare(
      `SELECT e.parcel_id AS parcelId, e.kind, e.at, e.detail, s.order_number AS orderNumber,
         s.tracking_number AS trackingNumber, p.name AS packerName
       FROM shipment_events e
       LEFT JOIN shipments s ON s.parcel_id = e.parcel_id
       LEFT JOIN packers p ON p.id = e.packer_id
       WHERE e.at >= @fromIso AND e.at < @toIso AND e.kind IN ('voided', 'reprinted')
       ORDER BY e.at DESC, e.seq DESC LIMIT @limit`,
    )
    .all({ ...w, limit }) as EventExceptionRecord[];
}

export interface TrackingCountsRecord {
  delivered: number;
  inTransit: number;
  exception: number;
  checkedAt: string | null;
}

/** The tracking statuses of the labels made in the window (the last 14 days). */
export function trackingCounts(db: Db, w: DayWindow): TrackingCountsRecord {
  return db
    .prepare(
      `SELECT coalesce(sum(tracking_status = 'delivered'), 0) AS delivered,
         coalesce(sum(tracking_status = 'in-transit'), 0) AS inTransit,
         coalesce(sum(tracking_status = 'exception'), 0) AS exception,
         max(tracking_checked_at) AS checkedAt
       FROM shipments
       WHERE created_at >= @fromIso AND created_at < @toIso AND source = 'station'
         AND tracking_status IS NOT NULL`,
    )
    .get(w) as TrackingCountsRecord;
}

/** The parcels of the window the carrier reports a problem with, newest first. */
export function trackingExceptionParcels(db: Db, w: DayWindow, limit: number): number[] {
  return (
    db
      .prepare(
        `SELECT parcel_id AS parcelId FROM shipments
         WHERE created_at >= @fromIso AND created_at < @toIso AND tracking_status = 'exception'
           AND source = 'station'
         ORDER BY created_at DESC LIMIT @limit`,
      )
      .all({ ...w, limit }) as { parcelId: number }[]
  ).map((row) => row.parcelId);
}

export interface HandoverParcelRecord {
  parcelId: number;
  orderNumber: string;
  trackingNumber: string;
  createdAt: string;
}

/** A carrier's parcels of the day that go on the truck: made here, not voided. */
export function handoverParcels(db: Db, w: DayWindow, carrier: string): HandoverParcelRecord[] {
  return db
    .prepare(
      `SELECT parcel_id AS parcelId, order_number AS orderNumber,
         tracking_number AS trackingNumber, created_at AS createdAt
       FROM shipments
       WHERE carrier = @carrier AND created_at >= @fromIso AND created_at < @toIso
         AND source = 'station' AND void_state IS NOT 'voided'
         AND tracking_status IS NOT 'cancelled'
       ORDER BY created_at, parcel_id`,
    )
    .all({ ...w, carrier }) as HandoverParcelRecord[];
}
