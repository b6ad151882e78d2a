// The per-merchant billing export of a centralised marketplace: labels the marketplace account
// made for each merchant, per day, with what Sendcloud charges for them.
import type { BillingExport } from '../../src-shared';
import { writeCsv, type CsvCell } from '../csv';
import { listMerchants } from '../store/accounts';
import type { Db } from '../store/db';
import { labelsPerMerchantDay } from '../store/shipments';

export function billingCsv(db: Db, from: string, to: string): BillingExport {
  const merchants = new Map(listMerchants(db).map((m) => [m.id, m]));
  const rows = labelsPerMerchantDay(db, from, to);
  const header = ['date', 'merchant', 'order_prefix', 'labels', 'cost', 'currency', 'unpriced'];
  const lines: CsvCell[][] = [];
  for (const row of rows) {
    const merchant = merchants.get(row.merchantId);
    lines.push([
      row.day,
      merchant?.name ?? `(removed merchant ${row.merchantId})`,
      merchant?.orderPrefix ?? '',
      row.labels,
      row.cost.toFixed(2),
      row.currency ?? '',
      row.unpriced,
    ]);
  }
  return {
    filename: `packdesk-billing-${from}-to-${to}.csv`,
    csv: writeCsv(header, lines),
    rows: rows.length,
  };
}
