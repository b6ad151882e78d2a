// The supervisor's day in SQL: counts, per hour, by carrier, account, merchant and packer, the
// exceptions and the tracking figures. The labels come from `day_labels`, the rollup triggers
// keep per quarter hour (migration 8); the rest are range scans that find what they count in an
// index. Only groups and a capped list of exceptions come back to JavaScript.
// Counted are the labels this station made (`source = 'station'`), not ones found in Sendcloud.
import { statement, type Db } from './db';

const sql = statement;

/** A local day as instants: ISO strings for the text columns, ms for the jobs' integer ones. */
export interface DayWindow {
  fromIso: string;
  toIso: string;
  fromMs: number;
  toMs: number;
}

/** The rollup's key of the quarter hour an ISO instant falls in: `2026-11-20T09:2`. */
export function quarterOf(iso: string): string {
  return iso.slice(0, 14) + String(Math.floor(Number(iso.slice(14, 16)) / 15));
}

const quarters = (w: DayWindow) => ({
  fromQuarter: quarterOf(w.fromIso),
  toQuarter: quarterOf(w.toIso),
});
const inQuarters = `quarter >= @fromQuarter AND quarter < @toQuarter`;

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

/** A label's first print is its one `printed` event; printing it again is `reprinted`. */
export function dayCounts(db: Db, w: DayWindow): DayCountsRecord {
  return sql(
    db,
    `SELECT
        (SELECT coalesce(sum(labels), 0) FROM day_labels WHERE ${inQuarters}) AS made,
        (SELECT count(*) FROM shipment_events
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
  ).get({ ...w, ...quarters(w) }) as DayCountsRecord;
}

/** Labels per UTC quarter hour of the day (`2026-11-20T09:2`), for the caller to put in local hours. */
export function labelsPerQuarterHour(db: Db, w: DayWindow): { quarter: string; labels: number }[] {
  return sql(
    db,
    `SELECT quarter, sum(labels) AS labels FROM day_labels WHERE ${inQuarters}
       GROUP BY quarter ORDER BY quarter`,
  ).all(quarters(w)) as { quarter: string; labels: number }[];
}

/** One group of the day's labels: every column the screen breaks them down by. */
export interface LabelGroupRecord {
  carrier: string;
  accountId: string;
  merchantId: string | null;
  packerId: string | null;
  labels: number;
}

/** The day's labels by carrier, account, merchant and packer at once, from the rollup. */
export function labelGroups(db: Db, w: DayWindow): LabelGroupRecord[] {
  return sql(
    db,
    `SELECT carrier, account_id AS accountId, nullif(merchant_id, '') AS merchantId,
         nullif(packer_id, '') AS packerId, sum(labels) AS labels
       FROM day_labels WHERE ${inQuarters}
       GROUP BY carrier, account_id, merchant_id, packer_id
       HAVING sum(labels) > 0`,
  ).all(quarters(w)) as LabelGroupRecord[];
}

export function accountNames(db: Db): Map<string, string> {
  const rows = sql(db, `SELECT id, name FROM accounts`).all() as { id: string; name: string }[];
  return new Map(rows.map((row) => [row.id, row.name]));
}

export function merchantNames(db: Db): Map<string, string> {
  const rows = sql(db, `SELECT id, name FROM merchants`).all() as { id: string; name: string }[];
  return new Map(rows.map((row) => [row.id, row.name]));
}

export function packerNames(db: Db): Map<string, string> {
  const rows = sql(db, `SELECT id, name FROM packers`).all() as { id: string; name: string }[];
  return new Map(rows.map((row) => [row.id, row.name]));
}

export interface PackerScansRecord {
  packerId: string | null;
  firstScan: string;
  lastScan: string;
  errors: number;
}

/**
 * Per packer (null: nobody signed in): the day's first and last scan (two index seeks each,
 * whatever the size of the day) and its failed scans (from the failures' own small index).
 */
export function packerScans(db: Db, w: DayWindow): PackerScansRecord[] {
  const scans = `FROM scan_audit a WHERE a.packer_id IS who.id
    AND a.started_at >= @fromIso AND a.started_at < @toIso ORDER BY a.started_at`;
  const times = sql(
    db,
    `WITH who AS (SELECT id FROM packers UNION ALL SELECT NULL)
       SELECT * FROM (SELECT who.id AS packerId,
           (SELECT a.started_at ${scans} LIMIT 1) AS firstScan,
           (SELECT a.started_at ${scans} DESC LIMIT 1) AS lastScan
         FROM who)
       WHERE firstScan IS NOT NULL`,
  ).all(w) as Omit<PackerScansRecord, 'errors'>[];
  const errors = sql(
    db,
    `SELECT packer_id AS packerId, count(*) AS errors FROM scan_audit
       WHERE state = 'failed' AND started_at >= @fromIso AND started_at < @toIso
       GROUP BY packer_id`,
  ).all(w) as { packerId: string | null; errors: number }[];
  const failed = new Map(errors.map((row) => [row.packerId, row.errors]));
  return times.map((row) => ({ ...row, errors: failed.get(row.packerId) ?? 0 }));
}

/** Per packer: the labels they printed again that day. */
export function packerReprints(
  db: Db,
  w: DayWindow,
): { packerId: string | null; reprints: number }[] {
  return sql(
    db,
    `SELECT packer_id AS packerId, count(*) AS reprints FROM shipment_events
       WHERE kind = 'reprinted' AND at >= @fromIso AND at < @toIso
       GROUP BY packer_id`,
  ).all(w) as { packerId: string | null; reprints: number }[];
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
  return sql(
    db,
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
  ).all({ ...w, limit }) as JobExceptionRecord[];
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
  return sql(
    db,
    `SELECT a.id, a.order_number AS orderNumber, a.tracking_number AS trackingNumber,
         a.error_code AS errorCode, a.error_message AS errorMessage, a.step,
         coalesce(a.finished_at, a.started_at) AS at, p.name AS packerName
       FROM scan_audit a
       LEFT JOIN jobs j ON j.id = a.job_id
       LEFT JOIN packers p ON p.id = a.packer_id
       WHERE a.started_at >= @fromIso AND a.started_at < @toIso AND a.state = 'failed'
         AND (j.id IS NULL OR j.state <> 'needs-attention')
       ORDER BY a.started_at DESC LIMIT @limit`,
  ).all({ ...w, limit }) as FailedScanRecord[];
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
  return sql(
    db,
    // The newest events first, from the index alone; only those kept are joined to their rows.
    `SELECT e.parcel_id AS parcelId, e.kind, e.at, e.detail, s.order_number AS orderNumber,
         s.tracking_number AS trackingNumber, p.name AS packerName
       FROM (SELECT rowid AS seq FROM shipment_events
             WHERE at >= @fromIso AND at < @toIso AND kind IN ('voided', 'reprinted')
             ORDER BY at DESC, rowid DESC LIMIT @limit) newest
       JOIN shipment_events e ON e.seq = newest.seq
       LEFT JOIN shipments s ON s.parcel_id = e.parcel_id
       LEFT JOIN packers p ON p.id = e.packer_id
       ORDER BY e.at DESC, e.seq DESC`,
  ).all({ ...w, limit }) as EventExceptionRecord[];
}

export interface TrackingCountsRecord {
  delivered: number;
  inTransit: number;
  exception: number;
  checkedAt: string | null;
}

/**
 * The tracking statuses of the shipments made in the window (the last 14 days): one index seek
 * per status, counting only its entries.
 */
export function trackingCounts(db: Db, w: DayWindow): TrackingCountsRecord {
  const count = (status: string) =>
    `(SELECT count(*) FROM shipments WHERE tracking_status = '${status}'
        AND created_at >= @fromIso AND created_at < @toIso)`;
  return sql(
    db,
    `SELECT ${count('delivered')} AS delivered, ${count('in-transit')} AS inTransit,
         ${count('exception')} AS exception,
         -- When the station last heard from Sendcloud about any parcel: the figures are that fresh.
         (SELECT max(tracking_checked_at) FROM shipments) AS checkedAt`,
  ).get(w) as TrackingCountsRecord;
}

/** The parcels of the window the carrier reports a problem with, newest first. */
export function trackingExceptionParcels(db: Db, w: DayWindow, limit: number): number[] {
  return (
    sql(
      db,
      `SELECT parcel_id AS parcelId FROM shipments
         WHERE tracking_status = 'exception' AND created_at >= @fromIso AND created_at < @toIso
         ORDER BY created_at DESC LIMIT @limit`,
    ).all({ ...w, limit }) as { parcelId: number }[]
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
  return sql(
    db,
    `SELECT parcel_id AS parcelId, order_number AS orderNumber,
         tracking_number AS trackingNumber, created_at AS createdAt
       FROM shipments
       WHERE carrier = @carrier AND created_at >= @fromIso AND created_at < @toIso
         AND source = 'station' AND void_state IS NOT 'voided'
         AND tracking_status IS NOT 'cancelled'
       ORDER BY created_at, parcel_id`,
  ).all({ ...w, carrier }) as HandoverParcelRecord[];
}
