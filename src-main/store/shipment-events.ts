// The history of each shipment: scanned, made, printed, reprinted, void requested, voided, by
// whom and at which station. The Shipments screen shows it; the day's counts read it.
import { type Message } from '../../src-shared';
import { statement, type Db } from './db';
import { messageColumn, messageFrom } from './messages';

export type ShipmentEventKind =
  | 'scanned'
  | 'made'
  | 'printed'
  | 'reprinted'
  | 'void-requested'
  | 'voided'
  | 'void-refused'
  | 'returned';

export interface ShipmentEventRecord {
  parcelId: number;
  kind: ShipmentEventKind;
  /** ISO 8601. */
  at: string;
  packerId: string | null;
  stationId: string | null;
  detail: Message | null;
}

export function recordShipmentEvent(db: Db, event: ShipmentEventRecord): void {
  statement(
    db,
    `INSERT INTO shipment_events (parcel_id, kind, at, packer_id, station_id, detail)
     VALUES (@parcelId, @kind, @at, @packerId, @stationId, @detail)`,
  ).run({ ...event, detail: messageColumn(event.detail) });
}

interface EventRow {
  parcel_id: number;
  kind: ShipmentEventKind;
  at: string;
  packer_id: string | null;
  station_id: string | null;
  detail: string | null;
}

/** A shipment's history, oldest first. */
export function shipmentEvents(db: Db, parcelId: number): ShipmentEventRecord[] {
  const rows = statement(
    db,
    `SELECT parcel_id, kind, at, packer_id, station_id, detail FROM shipment_events
       WHERE parcel_id = @parcelId ORDER BY seq`,
  ).all({ parcelId }) as EventRow[];
  return rows.map((row) => ({
    parcelId: row.parcel_id,
    kind: row.kind,
    at: row.at,
    packerId: row.packer_id,
    stationId: row.station_id,
    detail: messageFrom(row.detail),
  }));
}

/** A shipment's history, oldest first, with the packer's name where one did it. */
export function shipmentHistory(
  db: Db,
  parcelId: number,
): (ShipmentEventRecord & { packerName: string | null })[] {
  const rows = statement(
    db,
    `SELECT e.parcel_id, e.kind, e.at, e.packer_id, e.station_id, e.detail,
         p.name AS packer_name
       FROM shipment_events e LEFT JOIN packers p ON p.id = e.packer_id
       WHERE e.parcel_id = @parcelId ORDER BY e.seq`,
  ).all({ parcelId }) as (EventRow & { packer_name: string | null })[];
  return rows.map((row) => ({
    parcelId: row.parcel_id,
    kind: row.kind,
    at: row.at,
    packerId: row.packer_id,
    packerName: row.packer_name,
    stationId: row.station_id,
    detail: messageFrom(row.detail),
  }));
}
