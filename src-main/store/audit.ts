// The scan audit: one row per scan, moved on as its job moves. The store keeps its own record of
// a scan (as the columns hold it); the scan screen's view is made from it in `shipping/`.
import { legacyText, type AppErrorData, type Message } from '../../src-shared';
import type { Db } from './db';
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
});

const columns = `id, code, state, step, order_number, tracking_number, carrier, error_code,
  error_message, reprint, started_at, finished_at, job_id, waiting_reason, warning,
  shipping_option_code, shipping_option_name`;

/** Write a scan's current state: the first call records it, later calls move it on. */
export function recordScan(db: Db, entry: ScanRecord): void {
  db.prepare(
    `INSERT INTO scan_audit (id, code, state, step, order_number, tracking_number, carrier,
       error_code, error_message, reprint, started_at, finished_at, job_id, waiting_reason,
       warning, shipping_option_code, shipping_option_name)
     VALUES (@id, @code, @state, @step, @orderNumber, @trackingNumber, @carrier,
       @errorCode, @errorMessage, @reprint, @startedAt, @finishedAt, @jobId, @waitingReason,
       @warning, @shippingOptionCode, @shippingOptionName)
     ON CONFLICT (id) DO UPDATE SET
       state = excluded.state, step = excluded.step, order_number = excluded.order_number,
       tracking_number = excluded.tracking_number, carrier = excluded.carrier,
       error_code = excluded.error_code, error_message = excluded.error_message,
       reprint = excluded.reprint, finished_at = excluded.finished_at,
       job_id = excluded.job_id, waiting_reason = excluded.waiting_reason,
       warning = excluded.warning, shipping_option_code = excluded.shipping_option_code,
       shipping_option_name = excluded.shipping_option_name`,
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
  });
}

export function recentScans(db: Db, limit: number): ScanRecord[] {
  const rows = db
    .prepare(`SELECT ${columns} FROM scan_audit ORDER BY started_at DESC, rowid DESC LIMIT @limit`)
    .all({ limit }) as AuditRow[];
  return rows.map(fromRow);
}

/** Every scan that an outbox job carries: a rescan of a queued order joins the first scan's job. */
export function scansForJob(db: Db, jobId: string): ScanRecord[] {
  const rows = db
    .prepare(`SELECT ${columns} FROM scan_audit WHERE job_id = @jobId ORDER BY started_at`)
    .all({ jobId }) as AuditRow[];
  return rows.map(fromRow);
}
