import { describe, expect, it } from 'vitest';
import type { ShipmentRow } from '../../src-shared';
import { localNoon, shipmentRow } from '../../test/helpers/shipments';
import {
  addDays,
  covers,
  emptyQuery,
  filterChoices,
  filterRows,
  fold,
  indexRows,
  localDayOf,
  mergeRows,
  moveSelection,
  rangeFor,
  shouldLookUp,
  type ShipmentQuery,
} from './shipments';

const noon = localNoon;
const row = shipmentRow;

const q = (over: Partial<ShipmentQuery>): ShipmentQuery => ({ ...emptyQuery, ...over });
const ids = (rows: ShipmentRow[]) => rows.map((r) => r.parcelId);

describe('searching the loaded shipments', () => {
  const rows = indexRows([
    row(1, { orderNumber: 'ORD-1001', trackingNumber: 'JVGL0612345' }),
    row(2, { recipientName: 'Anna Müller', recipientPostcode: '10115' }),
    row(3, { recipientName: 'Pierre Dubois', recipientPostcode: '75001', orderNumber: 'WEB-77' }),
  ]);

  it('finds by order number, tracking number, recipient name and postcode', () => {
    expect(ids(filterRows(rows, q({ text: 'ord-1001' })))).toEqual([1]);
    expect(ids(filterRows(rows, q({ text: 'JVGL0612345' })))).toEqual([1]);
    expect(ids(filterRows(rows, q({ text: 'dubois' })))).toEqual([3]);
    expect(ids(filterRows(rows, q({ text: '75001' })))).toEqual([3]);
  });

  it('ignores case, accents and spaces: "muller", "1012ab" and a tracking number in groups', () => {
    expect(ids(filterRows(rows, q({ text: 'muller' })))).toEqual([2]);
    expect(ids(filterRows(rows, q({ text: '1012ab' })))).toEqual([1]);
    expect(ids(filterRows(rows, q({ text: 'JVGL 0612 345' })))).toEqual([1]);
    expect(fold(' Ünïcode  Test ')).toBe('unicodetest');
  });

  it('does not match across two fields', () => {
    // Order "WEB-77" then postcode "75001": "7775" would join them.
    expect(filterRows(rows, q({ text: '7775' }))).toEqual([]);
  });

  it('shows every row for an empty search', () => {
    expect(ids(filterRows(rows, q({ text: '   ' })))).toEqual([1, 2, 3]);
  });
});

describe('filters', () => {
  const alice = { id: 'p-alice', name: 'Alice' };
  const bob = { id: 'p-bob', name: 'Bob' };
  const rows = indexRows([
    row(1, { createdAt: noon('2026-11-21'), carrier: 'dhl', packer: alice, state: 'voided' }),
    row(2, { createdAt: noon('2026-11-20'), carrier: 'postnl', packer: bob, merchantId: 'm-1' }),
    row(3, { createdAt: noon('2026-11-19'), carrier: 'dhl', accountId: 'acc-2' }),
  ]);

  it('keeps one day, or a range of days, in local time', () => {
    expect(ids(filterRows(rows, q({ from: '2026-11-20', to: '2026-11-20' })))).toEqual([2]);
    expect(ids(filterRows(rows, q({ from: '2026-11-20' })))).toEqual([1, 2]);
    expect(ids(filterRows(rows, q({ to: '2026-11-20' })))).toEqual([2, 3]);
    expect(localDayOf(noon('2026-11-20', 0))).toBe('2026-11-20');
    expect(localDayOf(noon('2026-11-20', 23))).toBe('2026-11-20');
  });

  it('keeps one state, carrier, account or merchant, packer', () => {
    expect(ids(filterRows(rows, q({ state: 'voided' })))).toEqual([1]);
    expect(ids(filterRows(rows, q({ carrier: 'dhl' })))).toEqual([1, 3]);
    expect(ids(filterRows(rows, q({ owner: 'merchant:m-1' })))).toEqual([2]);
    expect(ids(filterRows(rows, q({ owner: 'account:acc-2' })))).toEqual([3]);
    // A merchant's label is the merchant's, not its account's.
    expect(ids(filterRows(rows, q({ owner: 'account:env' })))).toEqual([1]);
    expect(ids(filterRows(rows, q({ packer: 'p-bob' })))).toEqual([2]);
  });

  it('combines filters with the search', () => {
    expect(ids(filterRows(rows, q({ carrier: 'dhl', text: 'ORD-3' })))).toEqual([3]);
    expect(filterRows(rows, q({ carrier: 'postnl', text: 'ORD-3' }))).toEqual([]);
  });

  it('offers the carriers, owners and packers the rows hold, sorted', () => {
    const choices = filterChoices(rows);
    expect(choices.carriers).toEqual(['dhl', 'postnl']);
    expect(choices.owners.map((o) => o.key)).toEqual([
      'account:acc-2',
      'account:env',
      'merchant:m-1',
    ]);
    expect(choices.packers).toEqual([alice, bob]);
  });

  it('filters 10,000 rows well within a keystroke', () => {
    const many = indexRows(
      Array.from({ length: 10_000 }, (_, i) =>
        row(i + 1, { recipientName: `Recipient ${i}`, carrier: i % 2 ? 'dhl' : 'postnl' }),
      ),
    );
    const query = q({ text: 'recipient 999', carrier: 'dhl' });
    // The best of five: a machine busy with other work must not fail it, a slow filter will.
    const times = Array.from({ length: 5 }, () => {
      const start = performance.now();
      filterRows(many, query);
      return performance.now() - start;
    });
    expect(Math.min(...times)).toBeLessThan(50);
    const found = filterRows(many, query);
    expect(ids(found)).toEqual([1000, 9992, 9994, 9996, 9998, 10000]);
  });
});

describe('rows that arrive later', () => {
  it('replaces a changed row where it stands and places a new one by time', () => {
    const rows = indexRows([
      row(3, { createdAt: noon('2026-11-21') }),
      row(1, { createdAt: noon('2026-11-19') }),
    ]);
    const merged = mergeRows(rows, [
      row(1, { createdAt: noon('2026-11-19'), state: 'voided' }),
      row(2, { createdAt: noon('2026-11-20'), source: 'sendcloud' }),
    ]);
    expect(merged.map((m) => [m.row.parcelId, m.row.state])).toEqual([
      [3, 'printed'],
      [2, 'printed'],
      [1, 'voided'],
    ]);
    // The unchanged row keeps its index; the changed one is searchable by its new fields.
    expect(merged[0]).toBe(rows[0]);
  });
});

describe('asking Sendcloud', () => {
  it('only when nothing matched, for three characters or more, once per text', () => {
    expect(shouldLookUp('ORD-9', 0, null)).toBe(true);
    expect(shouldLookUp('ORD-9', 1, null)).toBe(false);
    expect(shouldLookUp('OR', 0, null)).toBe(false);
    expect(shouldLookUp(' ORD-9 ', 0, 'ORD-9')).toBe(false);
  });
});

describe('the selection and the keys', () => {
  it('moves by one, by a page, to either end, and stays inside', () => {
    expect(moveSelection(-1, 'ArrowDown', 10, 5)).toBe(0);
    expect(moveSelection(0, 'ArrowUp', 10, 5)).toBe(0);
    expect(moveSelection(2, 'ArrowDown', 10, 5)).toBe(3);
    expect(moveSelection(2, 'PageDown', 10, 5)).toBe(6);
    expect(moveSelection(8, 'PageDown', 10, 5)).toBe(9);
    expect(moveSelection(6, 'PageUp', 10, 5)).toBe(2);
    expect(moveSelection(6, 'Home', 10, 5)).toBe(0);
    expect(moveSelection(0, 'End', 10, 5)).toBe(9);
    expect(moveSelection(20, 'ArrowUp', 10, 5)).toBe(8);
    expect(moveSelection(0, 'ArrowDown', 0, 5)).toBe(-1);
  });
});

describe('the loaded range', () => {
  it('is the last 14 days by default and reloads only for days outside it', () => {
    const loaded = rangeFor({ from: null, to: null }, '2026-11-21');
    expect(loaded).toEqual({ from: '2026-11-08', to: '2026-11-21' });
    expect(covers(loaded, { from: '2026-11-20', to: '2026-11-20' }, '2026-11-21')).toBe(true);
    expect(covers(loaded, { from: '2026-11-01', to: null }, '2026-11-21')).toBe(false);
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
