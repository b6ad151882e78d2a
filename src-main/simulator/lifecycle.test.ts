import { describe, expect, it } from 'vitest';
import {
  decideCancel,
  sameLocalDay,
  statusAt,
  statusHistory,
  STATUSES,
  type ParcelTimes,
} from './lifecycle';

const HOUR = 3_600_000;
// Monday 4 May 2026, 10:00 in Amsterdam (UTC+2).
const made = Date.parse('2026-05-04T08:00:00Z');
const parcel = (change: Partial<ParcelTimes> = {}): ParcelTimes => ({
  announcedAt: made,
  readyAt: made,
  cancel: null,
  ...change,
});

describe('statusAt', () => {
  it('moves a label from ready to send through the carrier scans to delivered', () => {
    const codes = [0, 23, 24, 30, 40, 44, 400].map(
      (hours) => statusAt(parcel(), made + hours * HOUR).code,
    );
    expect(codes).toEqual([
      'READY_TO_SEND',
      'READY_TO_SEND',
      'EN_ROUTE_TO_SORTING_CENTER',
      'SORTED',
      'DRIVER_EN_ROUTE',
      'DELIVERED',
      'DELIVERED',
    ]);
  });

  it('shows a label made in the background as being announced until it is ready', () => {
    const later = parcel({ readyAt: made + 5_000 });
    expect(statusAt(later, made + 4_999)).toEqual(STATUSES.announcing);
    expect(statusAt(later, made + 5_000)).toEqual(STATUSES.readyToSend);
  });

  it('shows a parcel without a label as no label, and a queued cancellation done a day later', () => {
    expect(statusAt(parcel({ announcedAt: null }), made).id).toBe(999);
    const queued = parcel({ cancel: { at: made + 30 * HOUR, outcome: 'queued' } });
    expect(statusAt(queued, made + 31 * HOUR).code).toBe('CANCELLATION_REQUESTED');
    expect(statusAt(queued, made + 54 * HOUR).code).toBe('CANCELLED');
  });
});

describe('decideCancel', () => {
  it('cancels for free until 23:59 Amsterdam time on the day the label was made', () => {
    // 23:59 in Amsterdam is 21:59 UTC in May.
    expect(decideCancel(parcel(), Date.parse('2026-05-04T21:59:00Z'))).toBe('cancelled');
    expect(decideCancel(parcel(), Date.parse('2026-05-04T22:01:00Z'))).toBe('queued');
  });

  it('refuses a cancelled, shipped or 42-day-old label, and deletes one that never had a label', () => {
    expect(decideCancel(parcel({ cancel: { at: made, outcome: 'cancelled' } }), made)).toBe(
      'already-cancelled',
    );
    expect(decideCancel(parcel(), made + 25 * HOUR)).toBe('shipped');
    // Still waiting for pickup after 43 days: only possible if the carrier never scanned it.
    const parked = parcel({ readyAt: made + 43 * 24 * HOUR });
    expect(decideCancel(parked, made + 43 * 24 * HOUR)).toBe('too-old');
    expect(decideCancel(parcel({ announcedAt: null }), made)).toBe('deleted');
  });

  it('compares days on the Dutch calendar, not UTC', () => {
    // 00:30 on 5 May in Amsterdam is still 4 May in UTC.
    expect(sameLocalDay(made, Date.parse('2026-05-04T22:30:00Z'))).toBe(false);
    // 00:30 on 4 May in Amsterdam is still 3 May in UTC.
    expect(sameLocalDay(made, Date.parse('2026-05-03T22:30:00Z'))).toBe(true);
    expect(sameLocalDay(made, Date.parse('2026-05-04T21:30:00Z'))).toBe(true);
  });
});

describe('statusHistory', () => {
  it('tells every status up to now with its moment, ending where statusAt is', () => {
    const history = statusHistory({ ...parcel(), createdAt: made }, made + 41 * HOUR);
    expect(history.map((step) => [step.status.id, (step.at - made) / HOUR])).toEqual([
      [1000, 0],
      [3, 24],
      [5, 30],
      [92, 40],
    ]);
    const cases: (ParcelTimes & { createdAt: number })[] = [
      { ...parcel(), createdAt: made },
      { ...parcel({ readyAt: made + 3_000 }), createdAt: made },
      { ...parcel({ announcedAt: null }), createdAt: made },
      { ...parcel({ cancel: { at: made + 2 * HOUR, outcome: 'cancelled' } }), createdAt: made },
      { ...parcel({ cancel: { at: made + 20 * HOUR, outcome: 'queued' } }), createdAt: made },
    ];
    for (const times of cases) {
      for (const hours of [0, 0.0005, 1, 10, 23, 25, 31, 45, 50]) {
        const now = made + hours * HOUR;
        expect(statusHistory(times, now).at(-1)?.status).toEqual(statusAt(times, now));
      }
    }
  });
});
