// The boxes of a multicollo shipment: one shipments row per parcel, sharing its shipment_id, each
// with its box number and the shipment's box count (schema 12).
import { statement, type Db } from './db';

/** Box `nr` of `count`: set on a parcel's row when its shipment is stored. */
export function markCollo(db: Db, parcelId: number, nr: number, count: number): void {
  statement(
    db,
    `UPDATE shipments SET collo_nr = @nr, collo_count = @count WHERE parcel_id = @parcelId`,
  ).run({ parcelId, nr, count });
}

/** A parcel's box number and count; 1 of 1 for a parcel shipped alone, null for an unknown one. */
export function colloOf(db: Db, parcelId: number): { nr: number; count: number } | null {
  return (
    (statement(
      db,
      'SELECT collo_nr AS nr, collo_count AS count FROM shipments WHERE parcel_id = @parcelId',
    ).get({ parcelId }) as { nr: number; count: number } | undefined) ?? null
  );
}

/**
 * Every parcel of the shipment this parcel belongs to, box 1 first: the parcel alone when it
 * shipped alone. Voiding one box cancels the whole shipment, so every box follows it.
 */
export function colloParcels(db: Db, parcelId: number): number[] {
  const rows = statement(
    db,
    `SELECT s.parcel_id AS parcelId FROM shipments s
       JOIN shipments me ON me.parcel_id = @parcelId AND s.shipment_id = me.shipment_id
       WHERE me.collo_count > 1
       ORDER BY s.collo_nr, s.parcel_id`,
  ).all({ parcelId }) as { parcelId: number }[];
  return rows.length > 0 ? rows.map((row) => row.parcelId) : [parcelId];
}
