// Returns made from a shipment (schema 12's `returns`): Sendcloud's return and its parcel, the
// status it last reported, and what the customer got: the label (kept to print again) or the
// portal link. A row is written once Sendcloud made the return, never before.
import { statement, type Db } from './db';

export interface ReturnRecord {
  returnId: number;
  /** The outgoing parcel the return is for. */
  parcelId: number;
  returnParcelId: number | null;
  orderNumber: string;
  accountId: string;
  /** Sendcloud's parent status of the return parcel, as it says it (`ready-to-send`). */
  status: string;
  trackingNumber: string | null;
  portalUrl: string | null;
  label: Buffer | null;
  /** ISO 8601. */
  createdAt: string;
  printedAt: string | null;
  packerId: string | null;
  packerName: string | null;
  stationId: string | null;
}

interface Row {
  return_id: number;
  parcel_id: number;
  return_parcel_id: number | null;
  order_number: string;
  account_id: string;
  status: string;
  tracking_number: string | null;
  portal_url: string | null;
  label: Buffer | null;
  created_at: string;
  printed_at: string | null;
  packer_id: string | null;
  packer_name: string | null;
  station_id: string | null;
}

const select = `SELECT r.*, p.name AS packer_name FROM returns r
  LEFT JOIN packers p ON p.id = r.packer_id`;

const recordOf = (row: Row): ReturnRecord => ({
  returnId: row.return_id,
  parcelId: row.parcel_id,
  returnParcelId: row.return_parcel_id,
  orderNumber: row.order_number,
  accountId: row.account_id,
  status: row.status,
  trackingNumber: row.tracking_number,
  portalUrl: row.portal_url,
  label: row.label,
  createdAt: row.created_at,
  printedAt: row.printed_at,
  packerId: row.packer_id,
  packerName: row.packer_name,
  stationId: row.station_id,
});

export type NewReturn = Omit<ReturnRecord, 'printedAt' | 'packerName'>;

export function insertReturn(db: Db, record: NewReturn): void {
  statement(
    db,
    `INSERT INTO returns (return_id, parcel_id, return_parcel_id, order_number, account_id, status,
       tracking_number, portal_url, label, created_at, packer_id, station_id)
     VALUES (@returnId, @parcelId, @returnParcelId, @orderNumber, @accountId, @status,
       @trackingNumber, @portalUrl, @label, @createdAt, @packerId, @stationId)`,
  ).run(record);
}

export function getReturn(db: Db, returnId: number): ReturnRecord | null {
  const row = statement(db, `${select} WHERE r.return_id = @returnId`).get({ returnId }) as
    Row | undefined;
  return row ? recordOf(row) : null;
}

/** The return made for an outgoing parcel, the newest if several. */
export function returnForParcel(db: Db, parcelId: number): ReturnRecord | null {
  const row = statement(
    db,
    `${select} WHERE r.parcel_id = @parcelId ORDER BY r.created_at DESC LIMIT 1`,
  ).get({ parcelId }) as Row | undefined;
  return row ? recordOf(row) : null;
}

/** Is this parcel the return parcel of a return made here? */
export function isReturnParcel(db: Db, parcelId: number): boolean {
  return (
    statement(db, 'SELECT 1 FROM returns WHERE return_parcel_id = @parcelId LIMIT 1').get({
      parcelId,
    }) !== undefined
  );
}

/** Returns made in [fromIso, toIso), newest first. */
export function returnsBetween(db: Db, fromIso: string, toIso: string): ReturnRecord[] {
  const rows = statement(
    db,
    `${select} WHERE r.created_at >= @fromIso AND r.created_at < @toIso
     ORDER BY r.created_at DESC, r.return_id DESC`,
  ).all({ fromIso, toIso }) as Row[];
  return rows.map(recordOf);
}

export function countReturnsBetween(db: Db, fromIso: string, toIso: string): number {
  const row = statement(
    db,
    `SELECT count(*) AS n FROM returns WHERE created_at >= @fromIso AND created_at < @toIso`,
  ).get({ fromIso, toIso }) as { n: number };
  return row.n;
}

/** Return ids already kept: a return found in Sendcloud that is one of these is not adopted. */
export function knownReturnIds(db: Db, returnIds: readonly number[]): Set<number> {
  if (returnIds.length === 0) return new Set();
  const rows = statement(
    db,
    `SELECT return_id FROM returns WHERE return_id IN (SELECT value FROM json_each(@ids))`,
  ).all({ ids: JSON.stringify(returnIds) }) as { return_id: number }[];
  return new Set(rows.map((row) => row.return_id));
}

export function storeReturnLabel(db: Db, returnId: number, label: Buffer): void {
  statement(db, `UPDATE returns SET label = @label WHERE return_id = @returnId`).run({
    returnId,
    label,
  });
}

export function markReturnPrinted(db: Db, returnId: number, atIso: string): void {
  statement(db, `UPDATE returns SET printed_at = @atIso WHERE return_id = @returnId`).run({
    returnId,
    atIso,
  });
}

export function setReturnStatus(
  db: Db,
  returnId: number,
  status: string,
  trackingNumber: string | null,
): void {
  statement(
    db,
    `UPDATE returns SET status = @status, tracking_number = coalesce(@trackingNumber, tracking_number)
     WHERE return_id = @returnId`,
  ).run({ returnId, status, trackingNumber });
}

export function setReturnPortalUrl(db: Db, returnId: number, url: string): void {
  statement(db, `UPDATE returns SET portal_url = @url WHERE return_id = @returnId`).run({
    returnId,
    url,
  });
}
