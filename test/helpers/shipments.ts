// Shipment rows as main sends them, for the Shipments screen's tests and benchmark, and the same
// rows written straight into a station's SQLite before it starts.
import type { ShipmentRow } from '../../src-shared';
import type { Db } from '../../src-main/store/db';

/** Local noon on a day, so the day is the same in every time zone a test runs in. */
export function localNoon(day: string, hour = 12): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, hour).toISOString();
}

export function shipmentRow(parcelId: number, overrides: Partial<ShipmentRow> = {}): ShipmentRow {
  return {
    parcelId,
    shipmentId: `s-${parcelId}`,
    orderNumber: `ORD-${parcelId}`,
    recipientName: 'Jan de Vries',
    recipientPostcode: '1012 AB',
    carrier: 'postnl',
    shippingOption: { code: 'postnl:standard', name: 'PostNL Standard' },
    trackingNumber: `3STEST${parcelId}`,
    trackingUrl: null,
    state: 'printed',
    reprints: 0,
    packer: null,
    stationName: 'Station 1',
    createdAt: localNoon('2026-11-20'),
    accountId: 'env',
    merchantId: null,
    source: 'station',
    trackingStatus: null,
    trackingStatusText: null,
    cost: null,
    ...overrides,
  };
}

const carriers = [
  { carrier: 'postnl', code: 'postnl:standard', name: 'PostNL Standard' },
  { carrier: 'dhl', code: 'dhl:parcel', name: 'DHL Parcel Connect' },
  { carrier: 'dpd', code: 'dpd:home', name: 'DPD Home' },
  { carrier: 'ups', code: 'ups:standard', name: 'UPS Standard' },
] as const;
const names = ['Jan de Vries', 'Anna Müller', 'Pierre Dubois', 'Sofie Jansen', 'Lukas Schmidt'];
const postcodes = ['1012 AB', '10115', '75001', '3511 LK', '80331'];
export const seededPackers = [
  { id: 'p-1', name: 'Noor' },
  { id: 'p-2', name: 'Daan' },
  { id: 'p-3', name: 'Emma' },
  { id: 'p-4', name: 'Finn' },
  { id: 'p-5', name: 'Lotte' },
] as const;

/**
 * `count` shipments as the station would have made them over the 13 days before `now`, newest
 * first, spread over four carriers, five packers, two merchants and every state: the same rows
 * `seedShipments` writes, so a test can work out what the screen must show.
 */
export function seededRows(
  count: number,
  now: number,
  station: { id: string; name: string },
): ShipmentRow[] {
  const span = 13 * 24 * 3600_000;
  return Array.from({ length: count }, (_, i) => {
    const parcelId = 900_000 + count - i;
    const choice = carriers[i % carriers.length] ?? carriers[0];
    const packer = seededPackers[i % 7 < 5 ? i % 7 : 0] ?? null;
    const voided = i % 97 === 0;
    const requested = !voided && i % 89 === 0;
    const reprints = i % 23 === 0 ? 1 + (i % 3) : 0;
    return shipmentRow(parcelId, {
      shipmentId: `sh-${parcelId}`,
      orderNumber: `ORD-${String(100_000 + count - i)}`,
      recipientName: `${names[i % names.length] ?? ''} ${i}`,
      recipientPostcode: postcodes[i % postcodes.length] ?? null,
      carrier: choice.carrier,
      shippingOption: { code: choice.code, name: choice.name },
      trackingNumber: `3S${choice.carrier.toUpperCase()}${String(parcelId).padStart(10, '0')}`,
      trackingUrl: `https://tracking.example/${parcelId}`,
      state: voided ? 'voided' : requested ? 'void-requested' : reprints ? 'reprinted' : 'printed',
      reprints,
      packer: i % 11 === 0 ? null : packer,
      stationName: station.name,
      createdAt: new Date(now - Math.floor((i / count) * span) - 60_000).toISOString(),
      merchantId: i % 3 === 0 ? 'm-1' : i % 3 === 1 ? 'm-2' : null,
      trackingStatus: i % 5 === 0 ? 'delivered' : i % 5 === 1 ? 'in-transit' : 'announced',
      cost: { value: 4.95 + (i % 4), currency: 'EUR' },
    });
  });
}

/**
 * Write rows straight into a station's database (schema 7 and later) before the station starts:
 * the packers and merchants they name, the option names, and one shipment per row.
 */
export function seedShipments(db: Db, rows: readonly ShipmentRow[], stationId: string): void {
  const at = new Date().toISOString();
  const packer = db.prepare(
    `INSERT OR IGNORE INTO packers (id, name, role, badge, pin_hash, created_at)
     VALUES (@id, @name, 'packer', @badge, 'seeded', @at)`,
  );
  const merchant = db.prepare(
    `INSERT OR IGNORE INTO merchants (id, name, order_prefix, mode, account_id, created_at)
     VALUES (@id, @name, @prefix, 'centralised', 'env', @at)`,
  );
  const option = db.prepare(
    'INSERT OR IGNORE INTO shipping_option_names (code, name, learnt_at) VALUES (@code, @name, @at)',
  );
  const shipment = db.prepare(
    `INSERT INTO shipments (parcel_id, shipment_id, order_ref, order_number, tracking_number,
       tracking_url, carrier, label, label_format, label_dpi, created_at, printed_at, print_count,
       account_id, merchant_id, cost_value, cost_currency, source, shipping_option_code,
       recipient_name, recipient_postcode, packer_id, station_id, reprint_count, void_state,
       tracking_status)
     VALUES (@parcelId, @shipmentId, @orderRef, @orderNumber, @trackingNumber, @trackingUrl,
       @carrier, NULL, 'zpl', 203, @createdAt, @createdAt, @printCount, @accountId, @merchantId,
       @costValue, @costCurrency, @source, @optionCode, @recipientName, @recipientPostcode,
       @packerId, @stationId, @reprints, @voidState, @trackingStatus)`,
  );
  db.transaction(() => {
    for (const p of seededPackers) packer.run({ ...p, badge: `BADGE-${p.id}`, at });
    merchant.run({ id: 'm-1', name: 'Tulip Shop', prefix: 'TUL', at });
    merchant.run({ id: 'm-2', name: 'Kaffee Haus', prefix: 'KAF', at });
    for (const row of rows) {
      if (row.shippingOption) option.run({ ...row.shippingOption, at });
      shipment.run({
        parcelId: row.parcelId,
        shipmentId: row.shipmentId,
        orderRef: `ref-${row.parcelId}`,
        orderNumber: row.orderNumber,
        trackingNumber: row.trackingNumber,
        trackingUrl: row.trackingUrl,
        carrier: row.carrier,
        createdAt: row.createdAt,
        printCount: 1 + row.reprints,
        accountId: row.accountId,
        merchantId: row.merchantId,
        costValue: row.cost?.value ?? null,
        costCurrency: row.cost?.currency ?? null,
        source: row.source,
        optionCode: row.shippingOption?.code ?? null,
        recipientName: row.recipientName,
        recipientPostcode: row.recipientPostcode,
        packerId: row.packer?.id ?? null,
        stationId,
        reprints: row.reprints,
        voidState:
          row.state === 'voided' ? 'voided' : row.state === 'void-requested' ? 'requested' : null,
        trackingStatus: row.trackingStatus,
      });
    }
  })();
}
