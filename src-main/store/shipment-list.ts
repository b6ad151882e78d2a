// Shipments as the Shipments screen and the day's review read them: one flat record per label,
// with the packer's and the option's names joined in. One query, on indexed columns.
import { statement, type Db } from './db';

export interface ShipmentListRecord {
  parcelId: number;
  shipmentId: string;
  orderNumber: string;
  recipientName: string | null;
  recipientPostcode: string | null;
  carrier: string;
  shippingOptionCode: string | null;
  shippingOptionName: string | null;
  trackingNumber: string;
  trackingUrl: string | null;
  printedAt: string | null;
  reprintCount: number;
  voidState: 'requested' | 'voided' | 'refused' | null;
  trackingStatus: string | null;
  trackingStatusText: string | null;
  packerId: string | null;
  packerName: string | null;
  stationId: string | null;
  createdAt: string;
  accountId: string;
  merchantId: string | null;
  source: 'station' | 'sendcloud';
  costValue: number | null;
  costCurrency: string | null;
  labelStored: boolean;
  /** Box of a multicollo shipment (1 of 1 for a parcel shipped alone); absent in older callers. */
  colloNr?: number;
  colloCount?: number;
}

const select = `SELECT s.parcel_id AS parcelId, s.shipment_id AS shipmentId,
    s.order_number AS orderNumber, s.recipient_name AS recipientName,
    s.recipient_postcode AS recipientPostcode, s.carrier, s.shipping_option_code AS shippingOptionCode,
    n.name AS shippingOptionName, s.tracking_number AS trackingNumber, s.tracking_url AS trackingUrl,
    s.printed_at AS printedAt, s.reprint_count AS reprintCount, s.void_state AS voidState,
    s.tracking_status AS trackingStatus, s.tracking_status_text AS trackingStatusText,
    s.packer_id AS packerId, p.name AS packerName, s.station_id AS stationId,
    s.created_at AS createdAt, s.account_id AS accountId, s.merchant_id AS merchantId, s.source,
    s.cost_value AS costValue, s.cost_currency AS costCurrency,
    (l.parcel_id IS NOT NULL OR s.label IS NOT NULL) AS labelStored,
    s.collo_nr AS colloNr, s.collo_count AS colloCount
  FROM shipments s
  LEFT JOIN shipment_labels l ON l.parcel_id = s.parcel_id
  LEFT JOIN packers p ON p.id = s.packer_id
  LEFT JOIN shipping_option_names n ON n.code = s.shipping_option_code`;

type Raw = Omit<ShipmentListRecord, 'labelStored'> & { labelStored: number };
const fromRaw = (raw: Raw): ShipmentListRecord => ({ ...raw, labelStored: raw.labelStored === 1 });

/**
 * A row as better-sqlite3's array, in the order `select` names the columns: named rows cost it
 * about three times as much, and the list reads up to 20,000 of them.
 */
function fromArray(v: readonly unknown[]): ShipmentListRecord {
  return {
    parcelId: v[0] as number,
    shipmentId: v[1] as string,
    orderNumber: v[2] as string,
    recipientName: v[3] as string | null,
    recipientPostcode: v[4] as string | null,
    carrier: v[5] as string,
    shippingOptionCode: v[6] as string | null,
    shippingOptionName: v[7] as string | null,
    trackingNumber: v[8] as string,
    trackingUrl: v[9] as string | null,
    printedAt: v[10] as string | null,
    reprintCount: v[11] as number,
    voidState: v[12] as ShipmentListRecord['voidState'],
    trackingStatus: v[13] as string | null,
    trackingStatusText: v[14] as string | null,
    packerId: v[15] as string | null,
    packerName: v[16] as string | null,
    stationId: v[17] as string | null,
    createdAt: v[18] as string,
    accountId: v[19] as string,
    merchantId: v[20] as string | null,
    source: v[21] as ShipmentListRecord['source'],
    costValue: v[22] as number | null,
    costCurrency: v[23] as string | null,
    labelStored: v[24] === 1,
    colloNr: v[25] as number,
    colloCount: v[26] as number,
  };
}

/**
 * Shipments made in [fromIso, toIso), newest first, at most `limit` (plus one, so the caller can
 * tell the list was cut).
 */
export function shipmentRecordsBetween(
  db: Db,
  range: { fromIso: string; toIso: string; limit: number },
): ShipmentListRecord[] {
  return (
    statement(
      db,
      `${select} WHERE s.created_at >= @fromIso AND s.created_at < @toIso
         ORDER BY s.created_at DESC, s.parcel_id DESC LIMIT @limit`,
    )
      .raw(true)
      .all(range) as unknown[][]
  ).map(fromArray);
}

export function shipmentRecord(db: Db, parcelId: number): ShipmentListRecord | null {
  const raw = statement(db, `${select} WHERE s.parcel_id = @parcelId`).get({ parcelId }) as
    Raw | undefined;
  return raw ? fromRaw(raw) : null;
}

export function shipmentRecordsOf(db: Db, parcelIds: readonly number[]): ShipmentListRecord[] {
  if (parcelIds.length === 0) return [];
  return (
    statement(
      db,
      `${select} WHERE s.parcel_id IN (SELECT value FROM json_each(@ids))
         ORDER BY s.created_at DESC, s.parcel_id DESC`,
    ).all({ ids: JSON.stringify(parcelIds) }) as Raw[]
  ).map(fromRaw);
}
