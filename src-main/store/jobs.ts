import type { AppErrorData, JobChoices, JobKind, JobState, Message } from '../../src-shared';
import { statement, type Db } from './db';
import { errorFrom, messageColumn, messageFrom } from './messages';

/** A durable outbox job as stored. Times are clock milliseconds. */
export interface Job {
  seq: number;
  id: string;
  kind: JobKind;
  state: JobState;
  /** The create-label job a print job follows from. */
  parentId: string | null;
  /** `orders.id` once the scan is resolved to an order; null for a scan queued unresolved. */
  orderRef: string | null;
  orderNumber: string | null;
  /** The scanned code that started the job. */
  code: string | null;
  /** The shipment a print job prints. */
  parcelId: number | null;
  attempts: number;
  nextAttemptAt: number | null;
  /** When the first attempt went out: the window reconciliation searches. */
  firstAttemptAt: number | null;
  lastError: AppErrorData | null;
  /** Why it waits or what a packer should know, as a message. */
  reason: Message | null;
  /** When a packer said to go ahead (a stale label printed anyway). */
  approvedAt: number | null;
  /** A print job: when the printer took the bytes. Such a job is confirmed, never sent again. */
  sentAt: number | null;
  /** The Sendcloud account a label or import job works with, once its order is known. */
  accountId: string | null;
  /** Who started it (signed in when it was scanned, reprinted or voided), and at which station. */
  packerId: string | null;
  stationId: string | null;
  /** A print job for one printer (a reprint to the printer chosen), not the label route. */
  printerId: string | null;
  /** What a packer said of it: a reprint's reason. */
  detail: Message | null;
  /** A create-label job whose label was voided: its order may be labelled again. */
  voidedAt: number | null;
  /** A create-label job: what the packer chose for this label (boxes, option, point). */
  choices: JobChoices | null;
  createdAt: number;
  updatedAt: number;
}

interface JobRow {
  seq: number;
  id: string;
  kind: JobKind;
  state: JobState;
  parent_id: string | null;
  order_ref: string | null;
  order_number: string | null;
  code: string | null;
  parcel_id: number | null;
  attempts: number;
  next_attempt_at: number | null;
  first_attempt_at: number | null;
  last_error_code: string | null;
  last_error_message: string | null;
  reason: string | null;
  approved_at: number | null;
  sent_at: number | null;
  account_id: string | null;
  packer_id: string | null;
  station_id: string | null;
  printer_id: string | null;
  detail: string | null;
  voided_at: number | null;
  choices: string | null;
  created_at: number;
  updated_at: number;
}

const fromRow = (row: JobRow): Job => ({
  seq: row.seq,
  id: row.id,
  kind: row.kind,
  state: row.state,
  parentId: row.parent_id,
  orderRef: row.order_ref,
  orderNumber: row.order_number,
  code: row.code,
  parcelId: row.parcel_id,
  attempts: row.attempts,
  nextAttemptAt: row.next_attempt_at,
  firstAttemptAt: row.first_attempt_at,
  lastError: errorFrom(row.last_error_code, row.last_error_message),
  reason: messageFrom(row.reason),
  approvedAt: row.approved_at,
  sentAt: row.sent_at,
  accountId: row.account_id,
  packerId: row.packer_id,
  stationId: row.station_id,
  printerId: row.printer_id,
  detail: messageFrom(row.detail),
  voidedAt: row.voided_at,
  choices: row.choices === null ? null : (JSON.parse(row.choices) as JobChoices),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const toParams = (job: Job) => ({
  id: job.id,
  kind: job.kind,
  state: job.state,
  parentId: job.parentId,
  orderRef: job.orderRef,
  orderNumber: job.orderNumber,
  code: job.code,
  parcelId: job.parcelId,
  attempts: job.attempts,
  nextAttemptAt: job.nextAttemptAt,
  firstAttemptAt: job.firstAttemptAt,
  lastErrorCode: job.lastError?.code ?? null,
  lastErrorMessage: job.lastError ? messageColumn(job.lastError) : null,
  reason: messageColumn(job.reason),
  approvedAt: job.approvedAt,
  sentAt: job.sentAt,
  accountId: job.accountId,
  packerId: job.packerId,
  stationId: job.stationId,
  printerId: job.printerId,
  detail: messageColumn(job.detail),
  voidedAt: job.voidedAt,
  choices: job.choices === null ? null : JSON.stringify(job.choices),
  createdAt: job.createdAt,
  updatedAt: job.updatedAt,
});

export type NewJob = Omit<Job, 'seq'>;

/** A fresh queued job: nothing tried yet. */
export function newJob(
  kind: JobKind,
  id: string,
  now: number,
  fields: Partial<Omit<NewJob, 'id' | 'kind'>> = {},
): NewJob {
  return {
    id,
    kind,
    state: 'queued',
    parentId: null,
    orderRef: null,
    orderNumber: null,
    code: null,
    parcelId: null,
    attempts: 0,
    nextAttemptAt: null,
    firstAttemptAt: null,
    lastError: null,
    reason: null,
    approvedAt: null,
    sentAt: null,
    accountId: null,
    packerId: null,
    stationId: null,
    printerId: null,
    detail: null,
    voidedAt: null,
    choices: null,
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
}

/** Insert a job; its `seq` (scan order) is assigned by the database. */
export function insertJob(db: Db, job: NewJob): Job {
  const { lastInsertRowid } = statement(
    db,
    `INSERT INTO jobs (id, kind, state, parent_id, order_ref, order_number, code, parcel_id,
         attempts, next_attempt_at, first_attempt_at, last_error_code, last_error_message, reason,
         approved_at, sent_at, account_id, packer_id, station_id, printer_id, detail, voided_at,
         choices, created_at, updated_at)
       VALUES (@id, @kind, @state, @parentId, @orderRef, @orderNumber, @code, @parcelId,
         @attempts, @nextAttemptAt, @firstAttemptAt, @lastErrorCode, @lastErrorMessage, @reason,
         @approvedAt, @sentAt, @accountId, @packerId, @stationId, @printerId, @detail, @voidedAt,
         @choices, @createdAt, @updatedAt)`,
  ).run(toParams({ ...job, seq: 0 }));
  return { ...job, seq: Number(lastInsertRowid) };
}

/** Write every mutable field of a job back. */
export function saveJob(db: Db, job: Job): void {
  statement(
    db,
    `UPDATE jobs SET state = @state, order_ref = @orderRef, order_number = @orderNumber,
       parcel_id = @parcelId, attempts = @attempts, next_attempt_at = @nextAttemptAt,
       first_attempt_at = @firstAttemptAt, last_error_code = @lastErrorCode,
       last_error_message = @lastErrorMessage, reason = @reason, approved_at = @approvedAt,
       sent_at = @sentAt, account_id = @accountId, packer_id = @packerId,
       station_id = @stationId, printer_id = @printerId, detail = @detail,
       voided_at = @voidedAt, choices = @choices, updated_at = @updatedAt
     WHERE id = @id`,
  ).run(toParams(job));
}

export function getJob(db: Db, id: string): Job | null {
  const row = statement(db, 'SELECT * FROM jobs WHERE id = @id').get({ id }) as JobRow | undefined;
  return row ? fromRow(row) : null;
}

/**
 * The label job of an order that is not cancelled and whose label was not voided (there is at
 * most one: a unique index).
 */
export function labelJobForOrder(db: Db, orderRef: string): Job | null {
  const row = statement(
    db,
    `SELECT * FROM jobs WHERE kind = 'create-label' AND order_ref = @orderRef
         AND state != 'cancelled' AND voided_at IS NULL`,
  ).get({ orderRef }) as JobRow | undefined;
  return row ? fromRow(row) : null;
}

/** The print job that follows a label job, once the label exists. */
export function printJobFor(db: Db, parentId: string): Job | null {
  const row = statement(
    db,
    `SELECT * FROM jobs WHERE kind = 'print' AND parent_id = @parentId ORDER BY seq DESC`,
  ).get({ parentId }) as JobRow | undefined;
  return row ? fromRow(row) : null;
}

/**
 * Whether the label this job follows (a customs documents job) is about to print or printing:
 * its print job is queued or in flight. A print waiting on its printer holds nothing.
 */
export function labelPrinting(db: Db, job: Pick<Job, 'parentId'>): boolean {
  if (job.parentId === null) return false;
  const print = printJobFor(db, job.parentId);
  return print !== null && (print.state === 'queued' || print.state === 'in-flight');
}

/** A label job still unresolved (scanned offline, order unknown then) for the same code. */
export function unresolvedJobForCode(db: Db, code: string): Job | null {
  const row = statement(
    db,
    `SELECT * FROM jobs WHERE kind = 'create-label' AND order_ref IS NULL AND code = @code
         AND state NOT IN ('cancelled', 'done')`,
  ).get({ code }) as JobRow | undefined;
  return row ? fromRow(row) : null;
}

/** The oldest job of some kinds in these states: the head of a lane. */
export function firstJobIn(
  db: Db,
  kinds: readonly JobKind[],
  states: readonly JobState[],
): Job | null {
  return jobsIn(db, kinds, states, 1)[0] ?? null;
}

/** Jobs of some kinds in these states, in scan order. */
export function jobsIn(
  db: Db,
  kinds: readonly JobKind[],
  states: readonly JobState[],
  limit = -1,
): Job[] {
  const kindList = kinds.map((_, i) => `@k${i}`).join(', ');
  const stateList = states.map((_, i) => `@s${i}`).join(', ');
  const params: Record<string, string> = {};
  kinds.forEach((k, i) => (params[`k${i}`] = k));
  states.forEach((s, i) => (params[`s${i}`] = s));
  const rows = statement(
    db,
    `SELECT * FROM jobs WHERE kind IN (${kindList}) AND state IN (${stateList})
       ORDER BY seq LIMIT ${Math.trunc(limit)}`,
  ).all(params) as JobRow[];
  return rows.map(fromRow);
}

/**
 * The first job (in scan order) of these kinds and states that `held` does not pass over. Rows
 * are read a page at a time and only as far as needed: the head is almost always the first row,
 * so a long queue costs one row per pick, not the whole queue. `forAPrinter`: only print jobs
 * bound to a printer of their own (a reprint to the bench printer).
 */
export function firstJobNotHeld(
  db: Db,
  kinds: readonly JobKind[],
  states: readonly JobState[],
  held: (job: Job) => boolean,
  options: { forAPrinter?: boolean } = {},
): Job | null {
  const kindList = kinds.map((_, i) => `@k${i}`).join(', ');
  const stateList = states.map((_, i) => `@s${i}`).join(', ');
  const params: Record<string, string | number> = {};
  kinds.forEach((k, i) => (params[`k${i}`] = k));
  states.forEach((s, i) => (params[`s${i}`] = s));
  const page = statement(
    db,
    `SELECT * FROM jobs WHERE kind IN (${kindList}) AND state IN (${stateList})
       ${options.forAPrinter ? 'AND printer_id IS NOT NULL' : ''}
       AND seq > @after ORDER BY seq LIMIT @limit`,
  );
  let after = -1;
  let limit = 1;
  for (;;) {
    const rows = page.all({ ...params, after, limit }) as JobRow[];
    for (const row of rows) {
      const job = fromRow(row);
      if (!held(job)) return job;
    }
    if (rows.length < limit) return null;
    after = rows[rows.length - 1]!.seq;
    limit = 100;
  }
}

export const activeStates: readonly JobState[] = [
  'queued',
  'in-flight',
  'waiting',
  'held',
  'needs-attention',
];

/** Every job not done or cancelled, in scan order. */
export function activeJobs(db: Db): Job[] {
  return jobsIn(
    db,
    ['create-label', 'print', 'sync-orders', 'void', 'batch', 'documents'],
    activeStates,
  );
}

export function countActiveJobs(db: Db): number {
  return (
    statement(
      db,
      `SELECT count(*) AS n FROM jobs WHERE state IN
           ('queued', 'in-flight', 'waiting', 'held', 'needs-attention')`,
    ).get() as { n: number }
  ).n;
}
