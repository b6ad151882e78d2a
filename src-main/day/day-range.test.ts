import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../store/migrations';
import { dayRange, daysEndingWith, localDayOf, localHourOf } from './day-range';
import { perLocalHour } from './day-summary';

describe('a local day as instants', () => {
  it('is the 24 hours from local midnight, in the station’s time zone', () => {
    expect(dayRange('2026-11-20', 'Europe/Amsterdam')).toMatchObject({
      fromIso: '2026-11-19T23:00:00.000Z',
      toIso: '2026-11-20T23:00:00.000Z',
    });
    expect(dayRange('2026-07-01', 'America/New_York')).toMatchObject({
      fromIso: '2026-07-01T04:00:00.000Z',
      toIso: '2026-07-02T04:00:00.000Z',
    });
    expect(dayRange('2026-12-31', 'UTC').toIso).toBe('2027-01-01T00:00:00.000Z');
  });

  it('is 23 hours when the clocks go forward and 25 when they go back', () => {
    const spring = dayRange('2026-03-29', 'Europe/Amsterdam');
    expect(spring.fromIso).toBe('2026-03-28T23:00:00.000Z');
    expect((spring.toMs - spring.fromMs) / 3_600_000).toBe(23);
    const autumn = dayRange('2026-10-25', 'Europe/Amsterdam');
    expect(autumn.fromIso).toBe('2026-10-24T22:00:00.000Z');
    expect((autumn.toMs - autumn.fromMs) / 3_600_000).toBe(25);
  });

  it('knows the day and hour of an instant, and the fortnight ending on a day', () => {
    const ms = Date.parse('2026-11-19T23:30:00Z');
    expect(localDayOf(ms, 'Europe/Amsterdam')).toBe('2026-11-20');
    expect(localHourOf(ms, 'Europe/Amsterdam')).toBe(0);
    expect(daysEndingWith('2026-11-20', 14, 'Europe/Amsterdam').fromIso).toBe(
      '2026-11-06T23:00:00.000Z',
    );
  });

  it('puts both 02:00 hours of the autumn day in hour 2, and the missing spring hour at 0', () => {
    const db = new Database(':memory:');
    migrate(db);
    const insert = db.prepare(
      `INSERT INTO shipments (parcel_id, shipment_id, order_ref, order_number, tracking_number,
         carrier, label_format, label_dpi, created_at)
       VALUES (@id, 's', 'o', 'n', 't', 'dhl', 'zpl', 203, @at)`,
    );
    // 00:30Z and 01:30Z on 25 October are both 02:30 local (summer, then winter time).
    insert.run({ id: 1, at: '2026-10-25T00:30:00.000Z' });
    insert.run({ id: 2, at: '2026-10-25T01:30:00.000Z' });
    insert.run({ id: 3, at: '2026-10-25T22:59:59.999Z' });
    const hours = perLocalHour(db, dayRange('2026-10-25', 'Europe/Amsterdam'), 'Europe/Amsterdam');
    expect(hours).toHaveLength(24);
    expect(hours[2]).toEqual({ hour: 2, labels: 2 });
    expect(hours[23]).toEqual({ hour: 23, labels: 1 });
    expect(hours.reduce((sum, h) => sum + h.labels, 0)).toBe(3);
    const spring = perLocalHour(db, dayRange('2026-03-29', 'Europe/Amsterdam'), 'Europe/Amsterdam');
    expect(spring[2]).toEqual({ hour: 2, labels: 0 });
  });
});
