// Batches of labels as stored: the batch, and its orders in print order with each one's way
// through it. Every change is one statement (or the caller's transaction), so a crash leaves
// each order in a state the runner resumes from.
import type {
  AppErrorData,
  BatchLayout,
  BatchOrderState,
  BatchSortField,
  SortDirection,
} from '../../src-shared';
import { statement, type Db } from './db';
import { errorFrom, messageColumn } from './messages';

export interface BatchRecord {
  id: string;
  jobId: string;
  sortField: BatchSortField;
  sortDirection: SortDirection;
  layout: BatchLayout;
  chunkSize: number;
  printerId: string | null;
  packerId: string | null;
  stationId: string | null;
  createdAt: number;
  finishedAt: number | null;
  cancelledAt: number | null;
  pass: number;
  printCursor: number;
  chunkSentAt: number | null;
  chunkEnd: number | null;
  labelWaitMs: number;
  labelsWaited: number;
  printMs: number;
  chunksPrinted: number;
}

export interface BatchOrderRecord {
  batchId: string;
  position: number;
  orderRef: string;
  orderNumber: string;
  accountId: string;
  integrationId: number;
  orderId: string;
  state: BatchOrderState;
  sentAt: number | null;
  madeAt: number | null;
  parcelId: number | null;
  shipmentId: string | null;
  carrier: string | null;
  error: AppErrorData | null;
  printedAt: number | null;
}

interface BatchRow {
  id: string;
  job_id: string;
  sort_field: BatchSortField;
  sort_direction: SortDirection;
  layout: BatchLayout;
  chunk_size: number;
  printer_id: string | null;
  packer_id: string | null;
  station_id: string | null;
  created_at: number;
  finished_at: number | null;
  cancelled_at: number | null;
  pass: number;
  print_cursor: number;
  chunk_sent_at: number | null;
  chunk_end: number | null;
  label_wait_ms: number;
  labels_waited: number;
  print_ms: number;
  chunks_printed: number;
}

interface BatchOrderRow {
  batch_id: string;
  position: number;
  order_ref: string;
  order_number: string;
  account_id: string;
  integration_id: number;
  order_id: string;
  state: BatchOrderState;
  sent_at: number | null;
  made_at: number | null;
  parcel_id: number | null;
  shipment_id: string | null;
  carrier: string | null;
  error_code: string | null;
  error_message: string | null;
  printed_at: number | null;
}

const batchFromRow = (row: BatchRow): BatchRecord => ({
  id: row.id,
  jobId: row.job_id,
  sortField: row.sort_field,
  sortDirection: row.sort_direction,
  layout: row.layout,
  chunkSize: row.chunk_size,
  printerId: row.printer_id,
  packerId: row.packer_id,
  stationId: row.station_id,
  createdAt: row.created_at,
  finishedAt: row.finished_at,
  cancelledAt: row.cancelled_at,
  pass: row.pass,
  printCursor: row.print_cursor,
  chunkSentAt: row.chunk_sent_at,
  chunkEnd: row.chunk_end,
  labelWaitMs: row.label_wait_ms,
  labelsWaited: row.labels_waited,
  printMs: row.print_ms,
  chunksPrinted: row.chunks_printed,
});

const orderFromRow = (row: BatchOrderRow): BatchOrderRecord => ({
  batchId: row.batch_id,
  position: row.position,
  orderRef: row.order_ref,
  orderNumber: row.order_number,
  accountId: row.account_id,
  integrationId: row.integration_id,
  orderId: row.order_id,
  state: row.state,
  sentAt: row.sent_at,
  madeAt: row.made_at,
  parcelId: row.parcel_id,
  shipmentId: row.shipment_id,
  carrier: row.carrier,
  error: errorFrom(row.error_code, row.error_message),
  printedAt: row.printed_at,
});

export type NewBatch = Pick<
  BatchRecord,
  | 'id'
  | 'jobId'
  | 'sortField'
  | 'sortDirection'
  | 'layout'
  | 'chunkSize'
  | 'printerId'
  | 'packerId'
  | 'stationId'
  | 'createdAt'
>;

export type NewBatchOrder = Pick<
  BatchOrderRecord,
  'orderRef' | 'orderNumber' | 'accountId' | 'integrationId' | 'orderId'
>;

/** The batch and its orders, positions 0.. in the order given (the print order). */
export function insertBatch(db: Db, batch: NewBatch, orders: readonly NewBatchOrder[]): void {
  statement(
    db,
    `INSERT INTO batches (id, job_id, sort_field, sort_direction, layout, chunk_size, printer_id,
       packer_id, station_id, created_at)
     VALUES (@id, @jobId, @sortField, @sortDirection, @layout, @chunkSize, @printerId,
       @packerId, @stationId, @createdAt)`,
  ).run(batch);
  const insert = statement(
    db,
    `INSERT INTO batch_orders (batch_id, position, order_ref, order_number, account_id,
       integration_id, order_id, state)
     VALUES (@batchId, @position, @orderRef, @orderNumber, @accountId, @integrationId, @orderId,
       'pending')`,
  );
  orders.forEach((order, position) => insert.run({ ...order, batchId: batch.id, position }));
}

export function getBatch(db: Db, id: string): BatchRecord | null {
  const row = statement(db, 'SELECT * FROM batches WHERE id = @id').get({ id }) as
    BatchRow | undefined;
  return row ? batchFromRow(row) : null;
}

export function batchOfJob(db: Db, jobId: string): BatchRecord | null {
  const row = statement(db, 'SELECT * FROM batches WHERE job_id = @jobId').get({ jobId }) as
    BatchRow | undefined;
  return row ? batchFromRow(row) : null;
}

/** The newest batches first. */
export function listBatches(db: Db, limit = 50): BatchRecord[] {
  const rows = statement(
    db,
    'SELECT * FROM batches ORDER BY created_at DESC, rowid DESC LIMIT @limit',
  ).all({ limit }) as BatchRow[];
  return rows.map(batchFromRow);
}

/** Change some of a batch's own fields. */
export function updateBatch(
  db: Db,
  id: string,
  fields: Partial<Omit<BatchRecord, 'id' | 'createdAt'>>,
): void {
  const columns: Record<string, string> = {
    jobId: 'job_id',
    printerId: 'printer_id',
    layout: 'layout',
    finishedAt: 'finished_at',
    cancelledAt: 'cancelled_at',
    pass: 'pass',
    printCursor: 'print_cursor',
    chunkSentAt: 'chunk_sent_at',
    chunkEnd: 'chunk_end',
    labelWaitMs: 'label_wait_ms',
    labelsWaited: 'labels_waited',
    printMs: 'print_ms',
    chunksPrinted: 'chunks_printed',
  };
  const names = Object.keys(fields).filter((name) => name in columns);
  if (names.length === 0) return;
  const set = names.map((name) => `${columns[name]} = @${name}`).join(', ');
  statement(db, `UPDATE batches SET ${set} WHERE id = @id`).run({ ...fields, id });
}

export function batchOrders(db: Db, batchId: string): BatchOrderRecord[] {
  const rows = statement(
    db,
    'SELECT * FROM batch_orders WHERE batch_id = @batchId ORDER BY position',
  ).all({ batchId }) as BatchOrderRow[];
  return rows.map(orderFromRow);
}

/** A batch's orders in some states, in print order. */
export function batchOrdersIn(
  db: Db,
  batchId: string,
  states: readonly BatchOrderState[],
  limit = -1,
): BatchOrderRecord[] {
  const list = states.map((state) => `'${state}'`).join(', ');
  const rows = statement(
    db,
    `SELECT * FROM batch_orders WHERE batch_id = @batchId AND state IN (${list})
       ORDER BY position LIMIT @limit`,
  ).all({ batchId, limit }) as BatchOrderRow[];
  return rows.map(orderFromRow);
}

export function batchOrder(db: Db, batchId: string, orderRef: string): BatchOrderRecord | null {
  const row = statement(
    db,
    'SELECT * FROM batch_orders WHERE batch_id = @batchId AND order_ref = @orderRef',
  ).get({ batchId, orderRef }) as BatchOrderRow | undefined;
  return row ? orderFromRow(row) : null;
}

/** How many of a batch's orders are in each state. */
export function batchStateCounts(db: Db, batchId: string): Record<BatchOrderState, number> {
  const counts: Record<BatchOrderState, number> = {
    pending: 0,
    sending: 0,
    made: 0,
    labelled: 0,
    printed: 0,
    failed: 0,
    'left-out': 0,
    cancelled: 0,
  };
  const rows = statement(
    db,
    'SELECT state, count(*) AS n FROM batch_orders WHERE batch_id = @batchId GROUP BY state',
  ).all({ batchId }) as { state: BatchOrderState; n: number }[];
  for (const row of rows) counts[row.state] = row.n;
  return counts;
}

export interface OrderChange {
  state: BatchOrderState;
  sentAt?: number | null;
  madeAt?: number | null;
  parcelId?: number | null;
  shipmentId?: string | null;
  carrier?: string | null;
  /** null clears a reason a retry leaves behind. */
  error?: AppErrorData | null;
  printedAt?: number | null;
}

/** Move one order of a batch; fields not given stay as they are. */
export function updateBatchOrder(
  db: Db,
  batchId: string,
  position: number,
  change: OrderChange,
): void {
  const sets = ['state = @state'];
  const params: Record<string, unknown> = { batchId, position, state: change.state };
  const plain: [keyof OrderChange, string][] = [
    ['sentAt', 'sent_at'],
    ['madeAt', 'made_at'],
    ['parcelId', 'parcel_id'],
    ['shipmentId', 'shipment_id'],
    ['carrier', 'carrier'],
    ['printedAt', 'printed_at'],
  ];
  for (const [field, column] of plain) {
    if (change[field] === undefined) continue;
    sets.push(`${column} = @${field}`);
    params[field] = change[field];
  }
  if (change.error !== undefined) {
    sets.push('error_code = @errorCode', 'error_message = @errorMessage');
    params.errorCode = change.error?.code ?? null;
    params.errorMessage = change.error ? messageColumn(change.error) : null;
  }
  statement(
    db,
    `UPDATE batch_orders SET ${sets.join(', ')} WHERE batch_id = @batchId AND position = @position`,
  ).run(params);
}

/** Every order of a batch in `from` moves to `to` (cancel the rest). Returns how many moved. */
export function moveBatchOrders(
  db: Db,
  batchId: string,
  from: BatchOrderState,
  to: BatchOrderState,
): number {
  return statement(
    db,
    'UPDATE batch_orders SET state = @to WHERE batch_id = @batchId AND state = @from',
  ).run({ batchId, from, to }).changes;
}

/** The batch an order is in while its label is not here yet (at most one), or null. */
export function liveBatchOfOrder(
  db: Db,
  orderRef: string,
): { batchId: string; position: number } | null {
  const row = statement(
    db,
    `SELECT batch_id AS batchId, position FROM batch_orders
       WHERE order_ref = @orderRef AND state IN ('pending', 'sending', 'made')`,
  ).get({ orderRef }) as { batchId: string; position: number } | undefined;
  return row ?? null;
}

/**
 * The batch that will label or print an order (its label not made, or made and not printed
 * yet), or null: a scan of that order leaves it to the batch.
 */
export function batchTakingOrder(db: Db, orderRef: string): { batchId: string } | null {
  const row = statement(
    db,
    `SELECT b.batch_id AS batchId FROM batch_orders b JOIN batches ba ON ba.id = b.batch_id
       JOIN jobs j ON j.id = ba.job_id
       WHERE b.order_ref = @orderRef AND b.state IN ('pending', 'sending', 'made', 'labelled')
         AND j.state NOT IN ('done', 'cancelled')`,
  ).get({ orderRef }) as { batchId: string } | undefined;
  return row ?? null;
}

/** The batch order that holds a parcel, for the shipment's history. */
export function batchOrderOfParcel(db: Db, parcelId: number): BatchOrderRecord | null {
  const row = statement(db, 'SELECT * FROM batch_orders WHERE parcel_id = @parcelId').get({
    parcelId,
  }) as BatchOrderRow | undefined;
  return row ? orderFromRow(row) : null;
}

export interface OpenOrderRecord {
  id: string;
  accountId: string;
  orderId: string;
  orderNumber: string;
  integrationId: number;
  countryCode: string | null;
  shippingOptionCode: string | null;
  orderedAt: string | null;
  customerName: string | null;
  firstSku: string | null;
  servicePoint: boolean;
}

/**
 * The cached orders with no label, no label job under way, and in no batch: what a batch may
 * take. Filters and the sort are the caller's (in memory: a station caches thousands at most).
 */
export function openOrders(db: Db, only: string | null = null): OpenOrderRecord[] {
  const rows = statement(
    db,
    `SELECT o.id, o.account_id AS accountId, o.order_id AS orderId,
         o.order_number AS orderNumber, o.integration_id AS integrationId,
         o.country_code AS countryCode, o.shipping_option_code AS shippingOptionCode,
         o.ordered_at AS orderedAt, o.customer_name AS customerName, o.first_sku AS firstSku,
         coalesce(o.service_point, 0) AS servicePoint
       FROM orders o
       WHERE (@only IS NULL OR o.id = @only)
         AND NOT EXISTS (SELECT 1 FROM shipments s WHERE s.order_ref = o.id
                           AND (s.void_state IS NULL OR s.void_state != 'voided'))
         AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.kind = 'create-label'
                           AND j.order_ref = o.id AND j.state != 'cancelled'
                           AND j.voided_at IS NULL)
         AND NOT EXISTS (SELECT 1 FROM batch_orders b WHERE b.order_ref = o.id
                           AND b.state IN ('pending', 'sending', 'made'))`,
  ).all({ only }) as (Omit<OpenOrderRecord, 'servicePoint'> & { servicePoint: number })[];
  return rows.map((row) => ({ ...row, servicePoint: row.servicePoint === 1 }));
}

/** One cached order as a batch takes it, if it is open. */
export function openOrder(db: Db, orderRef: string): OpenOrderRecord | null {
  return openOrders(db, orderRef)[0] ?? null;
}
