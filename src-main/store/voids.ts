// The void of a label as stored: asked for, confirmed by Sendcloud, or refused. A confirmed void
// frees the order's label job so the order can be labelled again.
import { statement, type Db } from './db';
import { getJob, type Job } from './jobs';

export function markVoidRequested(db: Db, parcelId: number, atIso: string): void {
  statement(
    db,
    `UPDATE shipments SET void_state = 'requested', void_requested_at = @atIso
     WHERE parcel_id = @parcelId`,
  ).run({ parcelId, atIso });
}

/**
 * Sendcloud confirmed the cancellation: the shipment is voided and the create-label job of its
 * order no longer blocks a new label for it (`jobs_one_label_per_order` skips voided jobs).
 */
export function markVoided(db: Db, parcelId: number, atIso: string, nowMs: number): void {
  statement(
    db,
    `UPDATE shipments SET void_state = 'voided', voided_at = @atIso WHERE parcel_id = @parcelId`,
  ).run({ parcelId, atIso });
  statement(
    db,
    `UPDATE jobs SET voided_at = @nowMs, updated_at = @nowMs
     WHERE kind = 'create-label' AND voided_at IS NULL
       AND order_ref = (SELECT order_ref FROM shipments WHERE parcel_id = @parcelId)`,
  ).run({ parcelId, nowMs });
}

export function markVoidRefused(db: Db, parcelId: number): void {
  statement(db, `UPDATE shipments SET void_state = 'refused' WHERE parcel_id = @parcelId`).run({
    parcelId,
  });
}

/** The void of a label still on its way (at most one: `jobs_one_void_per_parcel`). */
export function liveVoidJob(db: Db, parcelId: number): Job | null {
  const row = statement(
    db,
    `SELECT id FROM jobs WHERE kind = 'void' AND parcel_id = @parcelId
         AND state NOT IN ('cancelled', 'done')`,
  ).get({ parcelId }) as { id: string } | undefined;
  return row ? getJob(db, row.id) : null;
}

/** Print jobs of a label not printed yet: a voided label must not come out of a printer. */
export function pendingPrintJobs(db: Db, parcelId: number): Job[] {
  const rows = statement(
    db,
    `SELECT id FROM jobs WHERE kind = 'print' AND parcel_id = @parcelId
         AND state IN ('queued', 'waiting', 'held', 'needs-attention')`,
  ).all({ parcelId }) as { id: string }[];
  return rows.map((row) => getJob(db, row.id)).filter((job): job is Job => job !== null);
}

/** The newest void job of a label, whatever its state: who asked for it. */
export function lastVoidJob(db: Db, parcelId: number): Job | null {
  const row = statement(
    db,
    `SELECT id FROM jobs WHERE kind = 'void' AND parcel_id = @parcelId
       ORDER BY seq DESC LIMIT 1`,
  ).get({ parcelId }) as { id: string } | undefined;
  return row ? getJob(db, row.id) : null;
}

/** A label Sendcloud cancelled: never printed again. */
export function isVoided(db: Db, parcelId: number): boolean {
  const row = statement(
    db,
    `SELECT void_state = 'voided' OR tracking_status = 'cancelled' AS voided FROM shipments
       WHERE parcel_id = @parcelId`,
  ).get({ parcelId }) as { voided: number | null } | undefined;
  return row?.voided === 1;
}

/** A void cancelled in the queue before Sendcloud confirmed it: the label stands as before. */
export function clearVoidRequest(db: Db, parcelId: number): boolean {
  return (
    statement(
      db,
      `UPDATE shipments SET void_state = NULL, void_requested_at = NULL
         WHERE parcel_id = @parcelId AND void_state = 'requested'`,
    ).run({ parcelId }).changes > 0
  );
}
