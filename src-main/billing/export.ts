// The per-merchant billing export of a centralised marketplace: labels the marketplace account
// made for each merchant, per day, with what Sendcloud charges for them.
import type { BillingExport } from '../../src-shared';
import { listMerchants } from '../store/accounts';
import type { Db } from '../store/db';
import { labelsPerMerchantDay } from '../store/shipments';

/** A CSV field: quoted when it holds a separator, a quote or a line break; formulas defused. */
export function csvField(value: string | number): string {
  let text = String(value);
  // A spreadsheet runs a cell starting with = + - @ as a formula: keep it text.
  if (typeof value === 'string' && /^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function billingCsv(db: Db, from: string, to: string): BillingExport {
  const merchants = new Map(listMerchants(db).map((m) => [m.id, m]));
  const rows = labelsPerMerchantDay(db, from, to);
  const lines = [['date', 'merchant', 'order_prefix', 'labels', 'cost', 'currency', 'unpriced']];
  for (const row of rows) {
    const merchant = merchants.get(row.merchantId);
    lines.push([
      row.day,
      merchant?.name ?? `(removed merchant ${row.merchantId})`,
      merchant?.orderPrefix ?? '',
      String(row.labels),
      row.cost.toFixed(2),
      row.currency ?? '',
      String(row.unpriced),
    ]);
  }
  return {
    filename: `packdesk-billing-${from}-to-${to}.csv`,
    csv: lines.map((line) => line.map(csvField).join(',')).join('\r\n') + '\r\n',
    rows: rows.length,
  };
}
