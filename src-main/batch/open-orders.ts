// The Batch screen's list: open orders from the local cache (so it works offline), filtered,
// searched and sorted, and the print order a batch keeps: the same comparison for both.
import type { BatchSort, OpenOrderRow, OpenOrders, OpenOrdersFilter } from '../../src-shared';
import { merchantOfOrder, type MerchantRecord } from '../store/accounts';
import type { OpenOrderRecord } from '../store/batches';

export interface OpenOrderNames {
  accountName: (accountId: string) => string;
  merchants: readonly MerchantRecord[];
  /** The option a label of this order is made with, by name when the station learnt it. */
  option: (order: OpenOrderRecord) => { code: string; name: string } | null;
}

const carrierOf = (code: string | null) => (code ? (code.split(':')[0] ?? null) : null);

export function openOrderRow(order: OpenOrderRecord, names: OpenOrderNames): OpenOrderRow {
  const option = names.option(order);
  const code = option?.code ?? order.shippingOptionCode;
  return {
    orderRef: order.id,
    orderNumber: order.orderNumber,
    accountId: order.accountId,
    accountName: names.accountName(order.accountId),
    merchantName: merchantOfOrder(names.merchants, order.orderNumber)?.name ?? null,
    name: order.customerName,
    country: order.countryCode,
    orderedAt: order.orderedAt,
    shippingOptionCode: code,
    shippingOptionName: option?.name ?? null,
    carrier: carrierOf(code),
    servicePoint: order.servicePoint,
    firstSku: order.firstSku,
  };
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Text a sort field compares; nulls sort last whichever the direction. */
function sortKey(row: OpenOrderRow, field: BatchSort['field']): string | null {
  switch (field) {
    case 'order-number':
      return row.orderNumber;
    case 'order-date':
      return row.orderedAt;
    case 'shipping-option':
      return row.shippingOptionName ?? row.shippingOptionCode;
    case 'country':
      return row.country;
    case 'first-sku':
      return row.firstSku;
  }
}

/** The batch's print order: by the field, then by order number, so ties never shuffle. */
export function compareRows(sort: BatchSort): (a: OpenOrderRow, b: OpenOrderRow) => number {
  const sign = sort.direction === 'asc' ? 1 : -1;
  return (a, b) => {
    const x = sortKey(a, sort.field);
    const y = sortKey(b, sort.field);
    if (x !== y) {
      if (x === null) return 1;
      if (y === null) return -1;
      const byField = collator.compare(x, y);
      if (byField !== 0) return sign * byField;
    }
    return sign * collator.compare(a.orderNumber, b.orderNumber);
  };
}

function matches(row: OpenOrderRow, filter: OpenOrdersFilter, merchantName: string | null) {
  if (filter.accountId && row.accountId !== filter.accountId) return false;
  if (filter.merchantId && row.merchantName !== merchantName) return false;
  if (filter.carrier && row.carrier !== filter.carrier) return false;
  if (filter.shippingOptionCode && row.shippingOptionCode !== filter.shippingOptionCode) {
    return false;
  }
  if (filter.country && row.country !== filter.country) return false;
  const day = row.orderedAt?.slice(0, 10) ?? null;
  if (filter.orderedFrom && (day === null || day < filter.orderedFrom)) return false;
  if (filter.orderedTo && (day === null || day > filter.orderedTo)) return false;
  if (filter.servicePoint && row.servicePoint !== (filter.servicePoint === 'yes')) return false;
  const search = filter.search?.trim().toLowerCase();
  if (search) {
    const inNumber = row.orderNumber.toLowerCase().includes(search);
    const inName = row.name?.toLowerCase().includes(search) ?? false;
    if (!inNumber && !inName) return false;
  }
  return true;
}

const distinct = <T>(values: (T | null)[]) => [
  ...new Set(values.filter((v): v is T => v !== null)),
];

export function listOpenOrders(
  records: readonly OpenOrderRecord[],
  names: OpenOrderNames,
  query: { filter?: OpenOrdersFilter; sort?: BatchSort; limit?: number },
): OpenOrders {
  const rows = records.map((record) => openOrderRow(record, names));
  const filter = query.filter ?? {};
  const merchantName = filter.merchantId
    ? (names.merchants.find((m) => m.id === filter.merchantId)?.name ?? '\u0000')
    : null;
  const matching = rows.filter((row) => matches(row, filter, merchantName));
  matching.sort(compareRows(query.sort ?? { field: 'order-number', direction: 'asc' }));
  const accounts = new Map(rows.map((row) => [row.accountId, row.accountName]));
  const options = new Map<string, string | null>();
  for (const row of rows) {
    if (row.shippingOptionCode) options.set(row.shippingOptionCode, row.shippingOptionName);
  }
  const usedMerchants = new Set(rows.map((row) => row.merchantName));
  return {
    rows: query.limit ? matching.slice(0, query.limit) : matching,
    total: matching.length,
    choices: {
      accounts: [...accounts].map(([id, name]) => ({ id, name })),
      merchants: names.merchants
        .filter((m) => usedMerchants.has(m.name))
        .map((m) => ({ id: m.id, name: m.name })),
      carriers: distinct(rows.map((row) => row.carrier)).sort(),
      shippingOptions: [...options]
        .map(([code, name]) => ({ code, name }))
        .sort((a, b) => collator.compare(a.name ?? a.code, b.name ?? b.code)),
      countries: distinct(rows.map((row) => row.country)).sort(),
    },
  };
}
