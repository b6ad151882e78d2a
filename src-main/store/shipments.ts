import { statement, type Db } from './db';

export type LabelFormat = 'zpl' | 'pdf' | 'png';

export interface Shipment {
  parcelId: number;
  shipmentId: string;
  /** The Sendcloud order id (`orders.id`) this shipment was made for. */
  orderRef: string;
  orderNumber: string;
  trackingNumber: string;
  trackingUrl: string | null;
  carrier: string;
  /** Null for a label found only in Sendcloud, until a reprint fetches it. */
  label: Buffer | null;
  labelFormat: LabelFormat;
  labelDpi: number;
  createdAt: string;
  printedAt: string | null;
  printCount: number;
  /** The account the label was made with. */
  accountId: string;
  /** The marketplace merchant it was made for (centralised), or null. */
  merchantId: string | null;
  /** What Sendcloud charges for it, when known (for per-merchant billing). */
  cost: { value: number; currency: string } | null;
}

interface ShipmentRow {
  parcel_id: number;
  shipment_id: string;
  order_ref: string;
  order_number: string;
  tracking_number: string;
  tracking_url: string | null;
  carrier: string;
  /** Null for a label found only in Sendcloud, until a reprint fetches it. */
  label: Buffer | null;
  label_format: LabelFormat;
  label_dpi: number;
  created_at: string;
  printed_at: string | null;
  print_count: number;
  account_id: string;
  merchant_id: string | null;
  cost_value: number | null;
  cost_currency: string | null;
}

// The label's bytes are kept beside the row (schema 8); labels kept before stay in the row.
const select = `SELECT s.parcel_id, s.shipment_id, s.order_ref, s.order_number, s.tracking_number,
  s.tracking_url, s.carrier, coalesce(l.bytes, s.label) AS label, s.label_format, s.label_dpi,
  s.created_at, s.printed_at, s.print_count, s.account_id, s.merchant_id, s.cost_value,
  s.cost_currency
  FROM shipments s LEFT JOIN shipment_labels l ON l.parcel_id = s.parcel_id`;

const fromRow = (row: ShipmentRow): Shipment => ({
  parcelId: row.parcel_id,
  shipmentId: row.shipment_id,
  orderRef: row.order_ref,
  orderNumber: row.order_number,
  trackingNumber: row.tracking_number,
  trackingUrl: row.tracking_url,
  carrier: row.carrier,
  label: row.label,
  labelFormat: row.label_format,
  labelDpi: row.label_dpi,
  createdAt: row.created_at,
  printedAt: row.printed_at,
  printCount: row.print_count,
  accountId: row.account_id,
  merchantId: row.merchant_id,
  cost:
    row.cost_value !== null
      ? { value: row.cost_value, currency: row.cost_currency ?? 'EUR' }
      : null,
});

/** What the station knows of a label beyond its bytes: who, for whom, and how long it took. */
export interface ShipmentFacts {
  source: 'station' | 'sendcloud';
  shippingOptionCode: string | null;
  recipientName: string | null;
  recipientPostcode: string | null;
  packerId: string | null;
  stationId: string | null;
  /** Finding the order (cache or Sendcloud), in ms. */
  lookupMs: number | null;
  /** Sendcloud's answer to the label request, in ms. */
  sendcloudMs: number | null;
}

const noFacts: ShipmentFacts = {
  source: 'station',
  shippingOptionCode: null,
  recipientName: null,
  recipientPostcode: null,
  packerId: null,
  stationId: null,
  lookupMs: null,
  sendcloudMs: null,
};

export function insertShipment(
  db: Db,
  shipment: Omit<Shipment, 'printedAt' | 'printCount'>,
  facts: Partial<ShipmentFacts> = {},
): void {
  const { cost, label, ...rest } = shipment;
  statement(
    db,
    `INSERT INTO shipments (parcel_id, shipment_id, order_ref, order_number, tracking_number,
       tracking_url, carrier, label, label_format, label_dpi, created_at, account_id,
       merchant_id, cost_value, cost_currency, source, shipping_option_code, recipient_name,
       recipient_postcode, packer_id, station_id, lookup_ms, sendcloud_ms)
     VALUES (@parcelId, @shipmentId, @orderRef, @orderNumber, @trackingNumber, @trackingUrl,
       @carrier, NULL, @labelFormat, @labelDpi, @createdAt, @accountId, @merchantId,
       @costValue, @costCurrency, @source, @shippingOptionCode, @recipientName,
       @recipientPostcode, @packerId, @stationId, @lookupMs, @sendcloudMs)`,
  ).run({
    ...noFacts,
    ...facts,
    ...rest,
    costValue: cost?.value ?? null,
    costCurrency: cost?.currency ?? null,
  });
  if (label !== null) keepLabelBytes(db, shipment.parcelId, label);
}

function keepLabelBytes(db: Db, parcelId: number, bytes: Buffer): void {
  statement(
    db,
    `INSERT INTO shipment_labels (parcel_id, bytes) VALUES (@parcelId, @bytes)
     ON CONFLICT (parcel_id) DO UPDATE SET bytes = excluded.bytes`,
  ).run({ parcelId, bytes });
}

/**
 * A label found in Sendcloud (made in the panel or at another station), kept without its bytes.
 * A parcel the station already has is left as it is. Returns whether it was new.
 */
export function insertFoundShipment(
  db: Db,
  shipment: Omit<Shipment, 'printedAt' | 'printCount' | 'label' | 'cost'>,
  facts: Pick<ShipmentFacts, 'shippingOptionCode' | 'recipientName' | 'recipientPostcode'>,
): boolean {
  const result = statement(
    db,
    `INSERT INTO shipments (parcel_id, shipment_id, order_ref, order_number, tracking_number,
         tracking_url, carrier, label, label_format, label_dpi, created_at, account_id,
         merchant_id, source, shipping_option_code, recipient_name, recipient_postcode)
       VALUES (@parcelId, @shipmentId, @orderRef, @orderNumber, @trackingNumber, @trackingUrl,
         @carrier, NULL, @labelFormat, @labelDpi, @createdAt, @accountId, @merchantId,
         'sendcloud', @shippingOptionCode, @recipientName, @recipientPostcode)
       ON CONFLICT (parcel_id) DO NOTHING`,
  ).run({ ...shipment, ...facts });
  return result.changes > 0;
}

/** The label's bytes, fetched again from Sendcloud's parcel documents. */
export function storeLabel(
  db: Db,
  parcelId: number,
  label: { bytes: Buffer; format: LabelFormat; dpi: number },
): void {
  db.transaction(() => {
    keepLabelBytes(db, parcelId, label.bytes);
    statement(
      db,
      `UPDATE shipments SET label_format = @format, label_dpi = @dpi WHERE parcel_id = @parcelId`,
    ).run({ parcelId, format: label.format, dpi: label.dpi });
  })();
}

/** The first print's steps: rasterising and the printer taking it, in ms. */
export function notePrintTimings(
  db: Db,
  parcelId: number,
  timings: { renderMs: number; printerMs: number },
): void {
  statement(
    db,
    `UPDATE shipments SET render_ms = @renderMs, printer_ms = @printerMs
     WHERE parcel_id = @parcelId`,
  ).run({ parcelId, ...timings });
}

/** A label printed once more: counted apart from the first print. */
export function markReprinted(db: Db, parcelId: number, printedAt: string): void {
  statement(
    db,
    `UPDATE shipments SET printed_at = coalesce(printed_at, @printedAt),
       print_count = print_count + 1, reprint_count = reprint_count + 1
     WHERE parcel_id = @parcelId`,
  ).run({ parcelId, printedAt });
}

/** Labels made for a merchant per day: the billing export's rows. */
export function labelsPerMerchantDay(
  db: Db,
  from: string,
  toInclusive: string,
): {
  day: string;
  merchantId: string;
  labels: number;
  cost: number;
  currency: string | null;
  unpriced: number;
}[] {
  return statement(
    db,
    `SELECT substr(created_at, 1, 10) AS day, merchant_id AS merchantId, count(*) AS labels,
         coalesce(sum(cost_value), 0) AS cost, max(cost_currency) AS currency,
         sum(cost_value IS NULL) AS unpriced
       FROM shipments
       WHERE merchant_id IS NOT NULL AND substr(created_at, 1, 10) BETWEEN @from AND @to
       GROUP BY day, merchant_id ORDER BY day, merchant_id`,
  ).all({ from, to: toInclusive }) as ReturnType<typeof labelsPerMerchantDay>;
}

export function markPrinted(db: Db, parcelId: number, printedAt: string): void {
  statement(
    db,
    `UPDATE shipments SET printed_at = @printedAt, print_count = print_count + 1
     WHERE parcel_id = @parcelId`,
  ).run({ parcelId, printedAt });
}

export function findShipmentByTracking(db: Db, trackingNumber: string): Shipment | null {
  const row = statement(db, `${select} WHERE s.tracking_number = @trackingNumber`).get({
    trackingNumber,
  }) as ShipmentRow | undefined;
  return row ? fromRow(row) : null;
}

/** The newest shipment made for an order and not voided, if the station made one. */
export function findShipmentForOrder(db: Db, orderRef: string): Shipment | null {
  const row = statement(
    db,
    `${select} WHERE s.order_ref = @orderRef
         AND (s.void_state IS NULL OR s.void_state != 'voided')
       ORDER BY s.created_at DESC LIMIT 1`,
  ).get({ orderRef }) as ShipmentRow | undefined;
  return row ? fromRow(row) : null;
}

export function findShipmentByParcel(db: Db, parcelId: number): Shipment | null {
  const row = statement(db, `${select} WHERE s.parcel_id = @parcelId`).get({ parcelId }) as
    ShipmentRow | undefined;
  return row ? fromRow(row) : null;
}

/** How long each step of making and first printing the label took; null where it did not run. */
export function shipmentTimings(
  db: Db,
  parcelId: number,
): {
  lookupMs: number | null;
  sendcloudMs: number | null;
  renderMs: number | null;
  printerMs: number | null;
} | null {
  return (
    (statement(
      db,
      `SELECT lookup_ms AS lookupMs, sendcloud_ms AS sendcloudMs, render_ms AS renderMs,
           printer_ms AS printerMs
         FROM shipments WHERE parcel_id = @parcelId`,
    ).get({ parcelId }) as ReturnType<typeof shipmentTimings> | undefined) ?? null
  );
}

/** Where a void of the label stands (null: never asked). */
export function voidStateOf(db: Db, parcelId: number): 'requested' | 'voided' | 'refused' | null {
  const row = statement(db, 'SELECT void_state FROM shipments WHERE parcel_id = @parcelId').get({
    parcelId,
  }) as { void_state: 'requested' | 'voided' | 'refused' | null } | undefined;
  return row?.void_state ?? null;
}
