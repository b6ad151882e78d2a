// What the Shipments and Day screens read from the warehouse ledger: other stations' shipments
// as this station's list records, the stations to filter by, and a day's rows of every station.
// Rows cross from PostgreSQL through zod: a station of another version may have written them.
import Database from 'better-sqlite3';
import { z } from 'zod';
import type { StationRef } from '../../src-shared';
import { migrate } from '../store/migrations';
import type { Db } from '../store/db';
import type { ShipmentListRecord } from '../store/shipment-list';
import type { WarehouseLink } from './link';

type Link = Pick<WarehouseLink, 'query' | 'stationId'>;

const text = z.string().nullable().catch(null);
const count = z.number().int().catch(0);

/** A shipment as the ledger keeps it: the body the station's outbox trigger wrote. */
const shipmentBody = z.object({
  parcel_id: z.number().int(),
  shipment_id: z.string(),
  order_number: z.string(),
  tracking_number: z.string(),
  tracking_url: text,
  carrier: z.string(),
  created_at: z.string(),
  printed_at: text,
  print_count: count,
  reprint_count: count,
  account_id: z.string(),
  merchant_id: text,
  cost_value: z.number().nullable().catch(null),
  cost_currency: text,
  shipping_option_code: text,
  shipping_option_name: text,
  recipient_name: text,
  recipient_postcode: text,
  packer_id: text,
  packer_name: text,
  station_id: text,
  void_state: z.enum(['requested', 'voided', 'refused']).nullable().catch(null),
  voided_at: text,
  tracking_status: text,
  tracking_status_text: text,
  collo_nr: z.number().int().catch(1),
  collo_count: z.number().int().catch(1),
});
export type LedgerShipment = z.infer<typeof shipmentBody>;

const scanBody = z.object({
  id: z.string(),
  code: z.string(),
  state: z.enum(['working', 'queued', 'printed', 'failed']),
  step: z.string(),
  order_number: text,
  tracking_number: text,
  carrier: text,
  error_code: text,
  error_message: text,
  reprint: count,
  started_at: z.string(),
  finished_at: text,
  packer_id: text,
  packer_name: text,
  station_id: text,
  shipping_option_code: text,
  shipping_option_name: text,
});

const eventBody = z.object({
  parcel_id: z.number().int(),
  kind: z.string(),
  at: z.string(),
  packer_id: text,
  packer_name: text,
  station_id: text,
  detail: text,
});

const stationRow = z.object({ id: z.string(), name: z.string() });

export const recordOfLedger = (body: LedgerShipment): ShipmentListRecord => ({
  parcelId: body.parcel_id,
  shipmentId: body.shipment_id,
  orderNumber: body.order_number,
  recipientName: body.recipient_name,
  recipientPostcode: body.recipient_postcode,
  carrier: body.carrier,
  shippingOptionCode: body.shipping_option_code,
  shippingOptionName: body.shipping_option_name,
  trackingNumber: body.tracking_number,
  trackingUrl: body.tracking_url,
  printedAt: body.printed_at,
  reprintCount: body.reprint_count,
  voidState: body.void_state,
  trackingStatus: body.tracking_status,
  trackingStatusText: body.tracking_status_text,
  packerId: body.packer_id,
  packerName: body.packer_name,
  stationId: body.station_id,
  createdAt: body.created_at,
  accountId: body.account_id,
  merchantId: body.merchant_id,
  source: 'station',
  costValue: body.cost_value,
  costCurrency: body.cost_currency,
  labelStored: false,
  colloNr: body.collo_nr,
  colloCount: body.collo_count,
});

/** Every station the warehouse has seen, by name. */
export async function ledgerStations(link: Link): Promise<StationRef[]> {
  const { rows } = await link.query('select id, name from stations order by name, id');
  return z.array(stationRow).parse(rows);
}

/**
 * Tracking statuses the warehouse's hub keeps (warehouse migration 5, `tracking_statuses`), if
 * this warehouse has them: a status then shows for every station's shipments. Asked once a link.
 */
const hubTracking = new WeakMap<Link, Promise<boolean>>();
async function hasHubTracking(link: Link): Promise<boolean> {
  let known = hubTracking.get(link);
  if (!known) {
    known = link
      .query<{ found: boolean }>(`select to_regclass('tracking_statuses') is not null as found`)
      .then(({ rows }) => rows[0]?.found === true);
    hubTracking.set(link, known);
    known.catch(() => hubTracking.delete(link));
  }
  return known;
}

/** The select of a shipment's body, with the hub's newest status over the station's when there. */
async function shipmentSelect(link: Link): Promise<string> {
  return (await hasHubTracking(link))
    ? `select l.station_id, l.body
         || case when t.status is null then '{}'::jsonb else jsonb_build_object(
              'tracking_status', t.status, 'tracking_status_text', t.status_message) end as body
       from ledger_shipments l left join tracking_statuses t on t.parcel_id = l.parcel_id`
    : `select l.station_id, l.body from ledger_shipments l`;
}

const ledgerRow = z.object({ station_id: z.string(), body: z.unknown() });

function shipmentsOf(rows: unknown[]): { stationId: string; body: LedgerShipment }[] {
  return z
    .array(ledgerRow)
    .parse(rows)
    .map((row) => ({ stationId: row.station_id, body: shipmentBody.parse(row.body) }));
}

/**
 * Shipments made in [fromIso, toIso) at other stations (or at `station` only), newest first, at
 * most `limit`.
 */
export async function ledgerShipmentsBetween(
  link: Link,
  range: { fromIso: string; toIso: string; limit: number; station: string | null },
): Promise<{ stationId: string; body: LedgerShipment }[]> {
  const { rows } = await link.query(
    `${await shipmentSelect(link)}
       where l.created_at >= $1 and l.created_at < $2
         and (case when $4::text is null then l.station_id <> $5 else l.station_id = $4 end)
       order by l.created_at desc, l.parcel_id desc limit $3`,
    [range.fromIso, range.toIso, range.limit, range.station, link.stationId],
  );
  return shipmentsOf(rows);
}

export interface LedgerDay {
  shipments: { stationId: string; body: LedgerShipment }[];
  scans: z.infer<typeof scanBody>[];
  events: z.infer<typeof eventBody>[];
  tracking: { delivered: number; inTransit: number; exception: number };
  troubled: { stationId: string; body: LedgerShipment }[];
}

/**
 * Every station's rows of one day (or `station`'s only): its shipments and those its events
 * touched, its scans, its events in order; and the tracking figures of the fortnight.
 */
export async function ledgerDay(
  link: Link,
  w: { fromIso: string; toIso: string },
  fortnight: { fromIso: string; toIso: string },
  station: string | null,
  troubledLimit: number,
): Promise<LedgerDay> {
  const select = await shipmentSelect(link);
  const mine = `($3::text is null or station_id = $3)`;
  const [shipments, scans, events, tracking, troubled] = await Promise.all([
    link.query(
      `${select} where ($3::text is null or l.station_id = $3) and (
         (l.created_at >= $1 and l.created_at < $2)
         or (l.station_id, l.parcel_id) in (select station_id, parcel_id
           from ledger_shipment_events where at >= $1 and at < $2 and ${mine}))`,
      [w.fromIso, w.toIso, station],
    ),
    link.query(
      `select body from ledger_scans where started_at >= $1 and started_at < $2 and ${mine}`,
      [w.fromIso, w.toIso, station],
    ),
    link.query(
      `select body from ledger_shipment_events where at >= $1 and at < $2 and ${mine}
         order by at, station_id, seq`,
      [w.fromIso, w.toIso, station],
    ),
    link.query(
      `select count(*) filter (where s.body->>'tracking_status' = 'delivered')::int as delivered,
           count(*) filter (where s.body->>'tracking_status' = 'in-transit')::int as "inTransit",
           count(*) filter (where s.body->>'tracking_status' = 'exception')::int as exception
         from (${select} where l.created_at >= $1 and l.created_at < $2
           and ($3::text is null or l.station_id = $3)) s`,
      [fortnight.fromIso, fortnight.toIso, station],
    ),
    link.query(
      `select * from (${select} where l.created_at >= $1 and l.created_at < $2
           and ($3::text is null or l.station_id = $3)) s
         where s.body->>'tracking_status' = 'exception'
         order by s.body->>'created_at' desc limit $4`,
      [fortnight.fromIso, fortnight.toIso, station, troubledLimit],
    ),
  ]);
  const bodies = (rows: unknown[]) => z.array(z.object({ body: z.unknown() })).parse(rows);
  return {
    shipments: shipmentsOf(shipments.rows),
    scans: bodies(scans.rows).map((row) => scanBody.parse(row.body)),
    events: bodies(events.rows).map((row) => eventBody.parse(row.body)),
    tracking: z
      .object({ delivered: z.number(), inTransit: z.number(), exception: z.number() })
      .parse(tracking.rows[0]),
    troubled: shipmentsOf(troubled.rows),
  };
}

let template: Buffer | null = null;

/**
 * A scratch SQLite with the station's own schema, holding a day of the ledger: the Day screen's
 * SQL (store/day.ts) then answers for the warehouse as it does for one station. Names of
 * accounts, merchants and packers come from this station's database and the ledger.
 */
export function scratchDay(local: Db, day: LedgerDay): Db {
  if (!template) {
    const empty = new Database(':memory:');
    migrate(empty);
    // The scratch is nobody's outbox.
    for (const { name } of empty
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'ledger_%'`)
      .all() as { name: string }[]) {
      empty.exec(`DROP TRIGGER ${name}`);
    }
    template = empty.serialize();
    empty.close();
  }
  const db = new Database(template);
  const copy = (table: string) => {
    const rows = local.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[];
    const first = rows[0];
    if (!first) return;
    const columns = Object.keys(first);
    const insert = db.prepare(
      `INSERT OR IGNORE INTO ${table} (${columns.join(', ')})
         VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
    );
    for (const row of rows) insert.run(row);
  };
  const packer = db.prepare(
    `INSERT OR IGNORE INTO packers (id, name, role, badge, pin_hash, created_at)
       VALUES (@id, @name, 'packer', @id, 'ledger', '')`,
  );
  const option = db.prepare(
    `INSERT OR IGNORE INTO shipping_option_names (code, name, learnt_at) VALUES (@code, @name, '')`,
  );
  const shipment = db.prepare(
    `INSERT OR IGNORE INTO shipments (parcel_id, shipment_id, order_ref, order_number,
       tracking_number, tracking_url, carrier, label_format, label_dpi, created_at, printed_at,
       print_count, account_id, merchant_id, cost_value, cost_currency, source,
       shipping_option_code, recipient_name, recipient_postcode, packer_id, station_id,
       reprint_count, void_state, voided_at, tracking_status, tracking_status_text, collo_nr,
       collo_count)
     VALUES (@parcel_id, @shipment_id, 'ledger', @order_number, @tracking_number, @tracking_url,
       @carrier, 'zpl', 203, @created_at, @printed_at, @print_count, @account_id, @merchant_id,
       @cost_value, @cost_currency, 'station', @shipping_option_code, @recipient_name,
       @recipient_postcode, @packer_id, @station_id, @reprint_count, @void_state, @voided_at,
       @tracking_status, @tracking_status_text, @collo_nr, @collo_count)`,
  );
  const scan = db.prepare(
    `INSERT OR IGNORE INTO scan_audit (id, code, state, step, order_number, tracking_number,
       carrier, error_code, error_message, reprint, started_at, finished_at, packer_id,
       station_id, shipping_option_code, shipping_option_name)
     VALUES (@id, @code, @state, @step, @order_number, @tracking_number, @carrier, @error_code,
       @error_message, @reprint, @started_at, @finished_at, @packer_id, @station_id,
       @shipping_option_code, @shipping_option_name)`,
  );
  const event = db.prepare(
    `INSERT OR IGNORE INTO shipment_events (parcel_id, kind, at, packer_id, station_id, detail)
       VALUES (@parcel_id, @kind, @at, @packer_id, @station_id, @detail)`,
  );
  const named = (id: string | null, name: string | null) => {
    if (id !== null && name !== null) packer.run({ id, name });
  };
  db.transaction(() => {
    copy('accounts');
    copy('merchants');
    copy('packers');
    for (const { stationId, body } of day.shipments) {
      named(body.packer_id, body.packer_name);
      if (body.shipping_option_code && body.shipping_option_name) {
        option.run({ code: body.shipping_option_code, name: body.shipping_option_name });
      }
      shipment.run({ ...body, station_id: body.station_id ?? stationId });
    }
    for (const body of day.scans) {
      named(body.packer_id, body.packer_name);
      scan.run(body);
    }
    for (const body of day.events) {
      named(body.packer_id, body.packer_name);
      event.run(body);
    }
  })();
  return db;
}
