// The station's outbox to the warehouse ledger (schema 15): every change to a shipment, a scan,
// a shipment's history and a batch leaves a row here, written by triggers in the same
// transaction as the change, so nothing the station did can be missed by the replication. Each
// row carries the record as it stood after the change (JSON); the rising id is its order.
import { statement, type Db } from './db';

export const ledgerKinds = ['shipment', 'scan', 'shipment-event', 'batch'] as const;
export type LedgerKind = (typeof ledgerKinds)[number];

/** The record as it is after the change, in JSON, from the row `r` (NEW or OLD) of a trigger. */
const shipmentBody = (r: string) => `json_object(
  'parcel_id', ${r}.parcel_id, 'shipment_id', ${r}.shipment_id, 'order_number', ${r}.order_number,
  'tracking_number', ${r}.tracking_number, 'tracking_url', ${r}.tracking_url,
  'carrier', ${r}.carrier, 'created_at', ${r}.created_at, 'printed_at', ${r}.printed_at,
  'print_count', ${r}.print_count, 'reprint_count', ${r}.reprint_count,
  'account_id', ${r}.account_id, 'merchant_id', ${r}.merchant_id,
  'cost_value', ${r}.cost_value, 'cost_currency', ${r}.cost_currency,
  'shipping_option_code', ${r}.shipping_option_code,
  'shipping_option_name',
    (SELECT name FROM shipping_option_names WHERE code = ${r}.shipping_option_code),
  'recipient_name', ${r}.recipient_name, 'recipient_postcode', ${r}.recipient_postcode,
  'packer_id', ${r}.packer_id, 'packer_name', (SELECT name FROM packers WHERE id = ${r}.packer_id),
  'station_id', ${r}.station_id, 'void_state', ${r}.void_state, 'voided_at', ${r}.voided_at,
  'tracking_status', ${r}.tracking_status, 'tracking_status_text', ${r}.tracking_status_text,
  'collo_nr', ${r}.collo_nr, 'collo_count', ${r}.collo_count)`;

const scanBody = (r: string) => `json_object(
  'id', ${r}.id, 'code', ${r}.code, 'state', ${r}.state, 'step', ${r}.step,
  'order_number', ${r}.order_number, 'tracking_number', ${r}.tracking_number,
  'carrier', ${r}.carrier, 'error_code', ${r}.error_code, 'error_message', ${r}.error_message,
  'reprint', ${r}.reprint, 'started_at', ${r}.started_at, 'finished_at', ${r}.finished_at,
  'packer_id', ${r}.packer_id, 'packer_name', (SELECT name FROM packers WHERE id = ${r}.packer_id),
  'station_id', ${r}.station_id, 'shipping_option_code', ${r}.shipping_option_code,
  'shipping_option_name', ${r}.shipping_option_name)`;

const eventBody = (r: string) => `json_object(
  'seq', ${r}.seq, 'parcel_id', ${r}.parcel_id, 'kind', ${r}.kind, 'at', ${r}.at,
  'packer_id', ${r}.packer_id, 'packer_name', (SELECT name FROM packers WHERE id = ${r}.packer_id),
  'station_id', ${r}.station_id, 'detail', ${r}.detail)`;

const batchBody = (r: string) => `json_object(
  'id', ${r}.id, 'layout', ${r}.layout, 'packer_id', ${r}.packer_id,
  'station_id', ${r}.station_id, 'created_at', ${r}.created_at,
  'finished_at', ${r}.finished_at, 'cancelled_at', ${r}.cancelled_at, 'pass', ${r}.pass,
  'orders', (SELECT count(*) FROM batch_orders WHERE batch_id = ${r}.id),
  'printed', (SELECT count(*) FROM batch_orders WHERE batch_id = ${r}.id AND state = 'printed'))`;

const put = (kind: LedgerKind, ref: string, body: string) =>
  `INSERT INTO ledger_outbox (kind, ref, body) VALUES ('${kind}', ${ref}, ${body});`;

/**
 * Schema 15. Shipments found in Sendcloud (source 'sendcloud') are not this station's and stay
 * out: the station that made them sends them. An update that changes nothing the ledger keeps
 * (a tracking poll's checked-at, the label bytes) adds no row.
 */
export const ledgerOutboxSchema = `
  CREATE TABLE ledger_outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL CHECK (kind IN ('shipment', 'scan', 'shipment-event', 'batch')),
    -- The record's own key: a parcel id, a scan id, an event's seq, a batch id.
    ref TEXT NOT NULL,
    body TEXT NOT NULL,
    -- Unix ms of the change (the replication lag is measured from it).
    made_at INTEGER NOT NULL DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)),
    replicated_at INTEGER
  ) STRICT;
  CREATE INDEX ledger_outbox_pending ON ledger_outbox(id) WHERE replicated_at IS NULL;

  CREATE TRIGGER ledger_shipment_made AFTER INSERT ON shipments WHEN NEW.source = 'station'
  BEGIN ${put('shipment', 'NEW.parcel_id', shipmentBody('NEW'))} END;
  CREATE TRIGGER ledger_shipment_changed AFTER UPDATE ON shipments
    WHEN NEW.source = 'station' AND ${shipmentBody('NEW')} IS NOT ${shipmentBody('OLD')}
  BEGIN ${put('shipment', 'NEW.parcel_id', shipmentBody('NEW'))} END;

  CREATE TRIGGER ledger_scan_started AFTER INSERT ON scan_audit
  BEGIN ${put('scan', 'NEW.id', scanBody('NEW'))} END;
  -- A scan's steps come and go; the ledger keeps where it ended and what it was.
  CREATE TRIGGER ledger_scan_changed AFTER UPDATE ON scan_audit
    WHEN NEW.state IS NOT OLD.state OR NEW.finished_at IS NOT OLD.finished_at
      OR NEW.error_code IS NOT OLD.error_code OR NEW.tracking_number IS NOT OLD.tracking_number
      OR NEW.packer_id IS NOT OLD.packer_id OR NEW.order_number IS NOT OLD.order_number
  BEGIN ${put('scan', 'NEW.id', scanBody('NEW'))} END;

  CREATE TRIGGER ledger_shipment_event AFTER INSERT ON shipment_events
    WHEN EXISTS (SELECT 1 FROM shipments WHERE parcel_id = NEW.parcel_id AND source = 'station')
  BEGIN ${put('shipment-event', 'NEW.seq', eventBody('NEW'))} END;

  CREATE TRIGGER ledger_batch_made AFTER INSERT ON batches
  BEGIN ${put('batch', 'NEW.id', batchBody('NEW'))} END;
  CREATE TRIGGER ledger_batch_changed AFTER UPDATE OF finished_at, cancelled_at, pass ON batches
  BEGIN ${put('batch', 'NEW.id', batchBody('NEW'))} END;

  -- What the station did before it had a ledger goes first, in the order it happened.
  INSERT INTO ledger_outbox (kind, ref, body)
    SELECT 'shipment', parcel_id, ${shipmentBody('s')} FROM shipments s
    WHERE source = 'station' ORDER BY created_at, parcel_id;
  INSERT INTO ledger_outbox (kind, ref, body)
    SELECT 'scan', id, ${scanBody('a')} FROM scan_audit a ORDER BY started_at, id;
  INSERT INTO ledger_outbox (kind, ref, body)
    SELECT 'shipment-event', seq, ${eventBody('e')} FROM shipment_events e
    WHERE EXISTS (SELECT 1 FROM shipments WHERE parcel_id = e.parcel_id AND source = 'station')
    ORDER BY seq;
  INSERT INTO ledger_outbox (kind, ref, body)
    SELECT 'batch', id, ${batchBody('b')} FROM batches b ORDER BY created_at, id;
`;

export interface LedgerOutboxRow {
  id: number;
  kind: LedgerKind;
  ref: string;
  body: string;
  madeAt: number;
}

/** The oldest rows not yet in the warehouse, in order. */
export function pendingLedgerRows(db: Db, limit: number): LedgerOutboxRow[] {
  return statement(
    db,
    `SELECT id, kind, ref, body, made_at AS madeAt FROM ledger_outbox
       WHERE replicated_at IS NULL ORDER BY id LIMIT @limit`,
  ).all({ limit }) as LedgerOutboxRow[];
}

export function pendingLedgerCount(db: Db): number {
  return (
    statement(db, `SELECT count(*) AS n FROM ledger_outbox WHERE replicated_at IS NULL`).get() as {
      n: number;
    }
  ).n;
}

/** Every row up to `lastId` is in the warehouse. */
export function markLedgerReplicated(db: Db, lastId: number, now: number): void {
  statement(
    db,
    `UPDATE ledger_outbox SET replicated_at = @now WHERE id <= @lastId AND replicated_at IS NULL`,
  ).run({ lastId, now });
}

/** Rows the warehouse has had since before `before` (unix ms) go; the warehouse keeps them. */
export function pruneLedgerOutbox(db: Db, before: number): number {
  return statement(
    db,
    `DELETE FROM ledger_outbox WHERE replicated_at IS NOT NULL AND replicated_at < @before`,
  ).run({ before }).changes;
}
