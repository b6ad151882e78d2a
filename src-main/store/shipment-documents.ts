// A label's customs documents (schema 12): which a parcel needs, in how many copies, their bytes
// once fetched, and when they were printed. A row without printed_at is still to print.
import { statement, type Db } from './db';
import { getJob, type Job } from './jobs';

export type ShipmentDocumentType = 'customs-declaration' | 'air-waybill';

export interface ShipmentDocument {
  parcelId: number;
  type: ShipmentDocumentType;
  copies: number;
  bytes: Buffer | null;
  fetchedAt: string | null;
  printedAt: string | null;
}

interface Row {
  parcel_id: number;
  type: ShipmentDocumentType;
  copies: number;
  bytes: Buffer | null;
  fetched_at: string | null;
  printed_at: string | null;
}

/** A document the parcel needs; a second call for the same one changes nothing. */
export function addShipmentDocument(
  db: Db,
  doc: { parcelId: number; type: ShipmentDocumentType; copies: number },
): void {
  statement(
    db,
    `INSERT INTO shipment_documents (parcel_id, type, copies) VALUES (@parcelId, @type, @copies)
     ON CONFLICT (parcel_id, type) DO NOTHING`,
  ).run(doc);
}

/** The parcel's documents, the declaration first. */
export function shipmentDocuments(db: Db, parcelId: number): ShipmentDocument[] {
  const rows = statement(
    db,
    `SELECT parcel_id, type, copies, bytes, fetched_at, printed_at FROM shipment_documents
     WHERE parcel_id = @parcelId ORDER BY type = 'air-waybill', type`,
  ).all({ parcelId }) as Row[];
  return rows.map((row) => ({
    parcelId: row.parcel_id,
    type: row.type,
    copies: row.copies,
    bytes: row.bytes,
    fetchedAt: row.fetched_at,
    printedAt: row.printed_at,
  }));
}

export function storeShipmentDocument(
  db: Db,
  doc: { parcelId: number; type: ShipmentDocumentType; bytes: Buffer; fetchedAt: string },
): void {
  statement(
    db,
    `UPDATE shipment_documents SET bytes = @bytes, fetched_at = @fetchedAt
     WHERE parcel_id = @parcelId AND type = @type`,
  ).run(doc);
}

export function markShipmentDocumentsPrinted(db: Db, parcelId: number, printedAt: string): void {
  statement(
    db,
    `UPDATE shipment_documents SET printed_at = @printedAt
     WHERE parcel_id = @parcelId AND printed_at IS NULL`,
  ).run({ parcelId, printedAt });
}

/** The job printing a parcel's customs documents, the latest if there were several. */
export function documentsJobFor(db: Db, parcelId: number): Job | null {
  const row = statement(
    db,
    `SELECT id FROM jobs WHERE kind = 'documents' AND parcel_id = @parcelId ORDER BY seq DESC`,
  ).get({ parcelId }) as { id: string } | undefined;
  return row ? getJob(db, row.id) : null;
}
