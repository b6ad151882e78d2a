// The scan audit: one row per scan, moved on as its job moves. The store keeps its own record of
// a scan (as the columns hold it); the scan screen's view is made from it in `shipping/`.
import { legacyText, type AppErrorData, type Message } from '../../src-shared';
import { statement, type Db } from './db';
import { errorFrom, messageColumn, messageFrom } from './messages';

export type ScanRecordState = 'working' | 'printed' | 'queued' | 'failed';

/** A scan as the audit keeps it. */
export interface ScanRecord {
  id: string;
  /** What was scanned, as it came from the scanner. */
  code: string;
  state: ScanRecordState;
  step: Message;
  orderNumber: string | null;
  trackingNumber: string | null;
  carrier: string | null;
  error: AppErrorData | null;
  reprint: boolean;
  startedAt: string;
  finishedAt: string | null;
  jobId: string | null;
  waitingReason: Message | null;
  warning: Message | null;
  shippingOptionCode: string | null;
  /** Sendcloud's name for the option when the scan was made; null when it was not known. */
  shippingOptionName: string | null;
  /** Why that option (a rule, a fallback, the packer's choice); null or absent: the account's. */
  shippingOptionWhy?: Message | null;
  /** Who scanned it (the packer signed in) and at which station; absent or null when unknown. */
  packerId?: string | null;
  /** The packer's name as it is now, read with the scan. */
  packerName?: string | null;
  stationId?: string | null;
}

interface AuditRow {
  id: string;
  code: string;
  state: ScanRecordState;
  step: string;
  order_number: string | null;
  tracking_number: string | null;
  carrier: string | null;
  error_code: string | null;
  error_message: string | null;
  reprint: number;
  started_at: string;
  finished_at: string | null;
  job_id: string | null;
  waiting_reason: string | null;
  warning: string | null;
  shipping_option_code: string | null;
  shipping_option_name: string | null;
  shipping_option_why: string | null;
  packer_id: string | null;
  packer_name: string | null;
  station_id: string | null;
}

const fromRow = (row: AuditRow): ScanRecord => ({
  id: row.id,
  code: row.code,
  state: row.state,
  step: messageFrom(row.step) ?? legacyText(''),
  orderNumber: row.order_number,
  trackingNumber: row.tracking_number,
  carrier: row.carrier,
  error: errorFrom(row.error_code, row.error_message),
  reprint: row.reprint === 1,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
  jobId: row.job_id,
  waitingReason: messageFrom(row.waiting_reason),
  warning: messageFrom(row.warning),
  shippingOptionCode: row.shipping_option_code,
  shippingOptionName: row.shipping_option_name,
  shippingOptionWhy: messageFrom(row.shipping_option_why),
  packerId: row.packer_id,
  packerName: row.packer_name,
  stationId: row.station_id,
});

const columns = `a.id, a.code, a.state, a.step, a.order_number, a.tracking_number, a.carrier,
  a.error_code, a.error_message, a.reprint, a.started_at, a.finished_at, a.job_id,
  a.waiting_reason, a.warning, a.shipping_option_code, a.shipping_option_name,
  a.shipping_option_why, a.packer_id,
  p.name AS packer_name, a.station_id`;
const from = `scan_audit a LEFT JOIN packers p ON p.id = a.packer_id`;

/** Write a scan's current state: the first call records it, later calls move it on. */
export function recordScan(db: Db, entry: ScanRecord): void {
  statement(
    db,
    `INSERT INTO scan_audit (id, code, state, step, order_number, tracking_number, carrier,
       error_code, error_message, reprint, started_at, finished_at, job_id, waiting_reason,
       warning, shipping_option_code, shipping_option_name, shipping_option_why, packer_id,
       station_id)
     VALUES (@id, @code, @state, @step, @orderNumber, @trackingNumber, @carrier,
       @errorCode, @errorMessage, @reprint, @startedAt, @finishedAt, @jobId, @waitingReason,
       @warning, @shippingOptionCode, @shippingOptionName, @shippingOptionWhy, @packerId,
       @stationId)
     ON CONFLICT (id) DO UPDATE SET
       state = excluded.state, step = excluded.step, order_number = excluded.order_number,
       tracking_number = excluded.tracking_number, carrier = excluded.carrier,
       error_code = excluded.error_code, error_message = excluded.error_message,
       reprint = excluded.reprint, finished_at = excluded.finished_at,
       job_id = excluded.job_id, waiting_reason = excluded.waiting_reason,
       warning = excluded.warning, shipping_option_code = excluded.shipping_option_code,
       shipping_option_name = excluded.shipping_option_name,
       shipping_option_why = excluded.shipping_option_why,
       packer_id = COALESCE(excluded.packer_id, scan_audit.packer_id),
       station_id = COALESCE(excluded.station_id, scan_audit.station_id)`,
  ).run({
    id: entry.id,
    code: entry.code,
    state: entry.state,
    step: messageColumn(entry.step),
    orderNumber: entry.orderNumber,
    trackingNumber: entry.trackingNumber,
    carrier: entry.carrier,
    errorCode: entry.error?.code ?? null,
    errorMessage: entry.error ? messageColumn(entry.error) : null,
    reprint: entry.reprint ? 1 : 0,
    startedAt: entry.startedAt,
    finishedAt: entry.finishedAt,
    jobId: entry.jobId,
    waitingReason: messageColumn(entry.waitingReason),
    warning: messageColumn(entry.warning),
    shippingOptionCode: entry.shippingOptionCode,
    shippingOptionName: entry.shippingOptionName,
    shippingOptionWhy: messageColumn(entry.shippingOptionWhy ?? null),
    packerId: entry.packerId ?? null,
    stationId: entry.stationId ?? null,
  });
}

export function recentScans(db: Db, limit: number): ScanRecord[] {
  const rows = statement(
    db,
    `SELECT ${columns} FROM ${from} ORDER BY a.started_at DESC, a.rowid DESC LIMIT @limit`,
  ).all({ limit }) as AuditRow[];
  return rows.map(fromRow);
}

/** Every scan that an outbox job carries: a rescan of a queued order joins the first scan's job. */
export function scansForJob(db: Db, jobId: string): ScanRecord[] {
  const rows = statement(
    db,
    `SELECT ${columns} FROM ${from} WHERE a.job_id = @jobId ORDER BY a.started_at`,
  ).all({ jobId }) as AuditRow[];
  return rows.map(fromRow);
}
