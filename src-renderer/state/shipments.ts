// The Shipments screen's view logic, with no React and no store: search and filters over the
// loaded rows (done here, not in main, so a keystroke stays well under 50 ms at 10,000 rows),
// the choices the filters offer, merging rows that arrive later, and moving the selection.
import type { PackerRef, ShipmentRow, ShipmentState } from '../../src-shared';

/** What the packer asked to see. Days are local `YYYY-MM-DD`; null means "any". */
export interface ShipmentQuery {
  text: string;
  from: string | null;
  to: string | null;
  state: ShipmentState | null;
  carrier: string | null;
  /** `account:<id>` or `merchant:<id>` (see `ownerKeyOf`). */
  owner: string | null;
  packer: string | null;
  /** In a warehouse: the station that made the label, by id. */
  station?: string | null;
}

export const emptyQuery: ShipmentQuery = {
  text: '',
  from: null,
  to: null,
  state: null,
  carrier: null,
  owner: null,
  packer: null,
  station: null,
};

/** A row with what the search compares worked out once, when it is loaded. */
export interface IndexedRow {
  row: ShipmentRow;
  /** Order, tracking, recipient and postcode, folded (see `fold`), joined by a separator. */
  text: string;
  /** When the label was made, in ms: compared with the query's days as numbers. */
  at: number;
  owner: string;
}

/**
 * Lower case, no accents, no spaces: "1012 AB" finds "1012ab", "muller" finds "Müller", and a
 * tracking number typed in groups finds the one printed without.
 */
export function fold(text: string): string {
  // Most of what is searched is plain ASCII: skip the costly Unicode normalising for it.
  const plain = !/[^\x20-\x7e\s]/.test(text)
    ? text
    : text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return plain.replace(/\s+/g, '').toLowerCase();
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The local day (`YYYY-MM-DD`) of an ISO time, in this machine's time zone: the station's. */
export function localDayOf(iso: string): string {
  const date = new Date(iso);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The day `days` after a local day (negative: before). */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return localDayOf(new Date(y, m - 1, d + days).toISOString());
}

/** Whose label it is: the merchant when there is one, else the account. */
export function ownerKeyOf(row: Pick<ShipmentRow, 'accountId' | 'merchantId'>): string {
  return row.merchantId !== null ? `merchant:${row.merchantId}` : `account:${row.accountId}`;
}

// A character no folded field holds, so a search cannot match across two fields.
const SEPARATOR = '\u0001';

export function indexRow(row: ShipmentRow): IndexedRow {
  return {
    row,
    text: [
      row.orderNumber,
      row.trackingNumber,
      row.recipientName ?? '',
      row.recipientPostcode ?? '',
    ]
      .map(fold)
      .join(SEPARATOR),
    at: Date.parse(row.createdAt),
    owner: ownerKeyOf(row),
  };
}

export function indexRows(rows: readonly ShipmentRow[]): IndexedRow[] {
  return rows.map(indexRow);
}

/** Local midnight starting a day (`YYYY-MM-DD`), in ms. */
export function localMidnight(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).getTime();
}

/** The rows the query lets through, in the order they were loaded (newest first). */
export function filterRows(
  rows: readonly IndexedRow[],
  query: ShipmentQuery,
  /** This station's id in the warehouse: its own rows carry no `labelledAt`. */
  self: string | null = null,
): ShipmentRow[] {
  const station = query.station ?? null;
  const needle = fold(query.text);
  const fromMs = query.from !== null ? localMidnight(query.from) : null;
  const toMs = query.to !== null ? localMidnight(addDays(query.to, 1)) : null;
  const out: ShipmentRow[] = [];
  for (const item of rows) {
    const { row } = item;
    if (fromMs !== null && item.at < fromMs) continue;
    if (toMs !== null && item.at >= toMs) continue;
    if (query.state !== null && row.state !== query.state) continue;
    if (query.carrier !== null && row.carrier !== query.carrier) continue;
    if (query.owner !== null && item.owner !== query.owner) continue;
    if (query.packer !== null && row.packer?.id !== query.packer) continue;
    if (station !== null && (row.labelledAt?.id ?? self) !== station) continue;
    if (needle !== '' && !item.text.includes(needle)) continue;
    out.push(row);
  }
  return out;
}

/** Whether any filter besides the search is set (the screen offers to clear them). */
export function hasFilters(query: ShipmentQuery): boolean {
  return (
    query.from !== null ||
    query.to !== null ||
    query.state !== null ||
    query.carrier !== null ||
    query.owner !== null ||
    query.packer !== null ||
    (query.station ?? null) !== null
  );
}

export interface OwnerChoice {
  key: string;
  accountId: string;
  merchantId: string | null;
}

export interface FilterChoices {
  carriers: string[];
  owners: OwnerChoice[];
  packers: PackerRef[];
}

/** What the carrier, owner and packer filters offer: what the loaded rows hold, sorted. */
export function filterChoices(rows: readonly IndexedRow[]): FilterChoices {
  const carriers = new Set<string>();
  const owners = new Map<string, OwnerChoice>();
  const packers = new Map<string, PackerRef>();
  for (const { row, owner } of rows) {
    carriers.add(row.carrier);
    if (!owners.has(owner))
      owners.set(owner, { key: owner, accountId: row.accountId, merchantId: row.merchantId });
    if (row.packer && !packers.has(row.packer.id)) packers.set(row.packer.id, row.packer);
  }
  return {
    carriers: [...carriers].sort(),
    owners: [...owners.values()].sort((a, b) => a.key.localeCompare(b.key)),
    packers: [...packers.values()].sort((a, b) => a.name.localeCompare(b.name)),
  };
}

const newestFirst = (a: ShipmentRow, b: ShipmentRow): number =>
  a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.parcelId - a.parcelId;

/**
 * The loaded rows with `incoming` put in: a row already there is replaced where it stands (a
 * reprint, a void, a tracking change); a new one (found in Sendcloud, made just now) is placed
 * by time, newest first. The index of unchanged rows is kept, so a push costs one row's work.
 */
export function mergeRows(
  rows: readonly IndexedRow[],
  incoming: readonly ShipmentRow[],
): IndexedRow[] {
  if (incoming.length === 0) return [...rows];
  const byId = new Map(incoming.map((row) => [row.parcelId, row]));
  const merged = rows.map((item) => {
    const fresh = byId.get(item.row.parcelId);
    if (!fresh) return item;
    byId.delete(item.row.parcelId);
    return indexRow(fresh);
  });
  if (byId.size === 0) return merged;
  const added = [...byId.values()].map(indexRow);
  return [...merged, ...added].sort((a, b) => newestFirst(a.row, b.row));
}

/**
 * Whether a search that found nothing here should ask Sendcloud: only for something that could
 * be an order or tracking number (three characters or more), and not twice for the same text.
 */
export function shouldLookUp(text: string, matches: number, lastAsked: string | null): boolean {
  const trimmed = text.trim();
  return matches === 0 && trimmed.length >= 3 && trimmed !== lastAsked;
}

/** The keys that move the table's selection. */
export type MoveKey = 'ArrowUp' | 'ArrowDown' | 'PageUp' | 'PageDown' | 'Home' | 'End';
export const moveKeys: readonly string[] = [
  'ArrowUp',
  'ArrowDown',
  'PageUp',
  'PageDown',
  'Home',
  'End',
] satisfies MoveKey[];

/** Where the selection goes on a key, over `count` rows with `page` visible; -1 when empty. */
export function moveSelection(index: number, key: MoveKey, count: number, page: number): number {
  if (count === 0) return -1;
  const step = Math.max(1, page - 1);
  const from = index < 0 ? -1 : Math.min(index, count - 1);
  const to = {
    ArrowUp: from - 1,
    ArrowDown: from + 1,
    PageUp: from - step,
    PageDown: from + step,
    Home: 0,
    End: count - 1,
  }[key];
  return Math.max(0, Math.min(count - 1, to));
}

/** The loaded range a query needs: from its first day (or the default 14 days) to its last. */
export function rangeFor(query: Pick<ShipmentQuery, 'from' | 'to'>, today: string) {
  const to = query.to ?? today;
  const from = query.from ?? addDays(to, -13);
  return { from, to };
}

/** Whether the loaded range holds every day the query asks for. */
export function covers(
  loaded: { from: string; to: string },
  query: Pick<ShipmentQuery, 'from' | 'to'>,
  today: string,
): boolean {
  const wanted = rangeFor(query, today);
  return loaded.from <= wanted.from && loaded.to >= wanted.to;
}
