import { describe, expect, it } from 'vitest';
import type { DayException } from '../../src-shared';
import { msg } from '../../src-shared';
import {
  actionsOf,
  exceptionCounts,
  filterExceptions,
  hourBars,
  isDay,
  localDay,
  peakHour,
  shiftDay,
} from './day';

const hours = (labels: Record<number, number>) =>
  Array.from({ length: 24 }, (_, hour) => ({ hour, labels: labels[hour] ?? 0 }));

const exception = (change: Partial<DayException>): DayException => ({
  kind: 'failed',
  at: '2026-11-20T10:00:00.000Z',
  orderNumber: 'PD-1',
  trackingNumber: null,
  parcelId: null,
  jobId: null,
  packerName: null,
  what: msg('day.exception.failed'),
  ...change,
});

describe('the Day screen’s view logic', () => {
  it('names today in local time and moves a day across months and years', () => {
    expect(localDay(new Date(2026, 10, 20, 23, 59))).toBe('2026-11-20');
    expect(shiftDay('2026-11-30', 1)).toBe('2026-12-01');
    expect(shiftDay('2027-01-01', -1)).toBe('2026-12-31');
    expect(isDay('2026-02-30')).toBe(true);
    expect(isDay('20-11-2026')).toBe(false);
  });

  it('charts the working hours and any busy hour outside them', () => {
    expect(hourBars({ perHour: hours({ 9: 4 }) }).map((b) => b.hour)).toEqual([
      7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18,
    ]);
    const late = hourBars({ perHour: hours({ 5: 1, 21: 2 }) });
    expect(late[0]).toEqual({ hour: 5, label: '05', labels: 1 });
    expect(late.at(-1)).toEqual({ hour: 21, label: '21', labels: 2 });
    expect(peakHour({ perHour: hours({ 9: 4, 14: 7 }) })).toEqual({ hour: 14, labels: 7 });
    expect(peakHour({ perHour: hours({}) })).toBeNull();
  });

  it('offers retry and cancel for a stopped job, and opens a shipment', () => {
    expect(actionsOf(exception({ kind: 'needs-attention', jobId: 'j1' }))).toEqual([
      'retry',
      'cancel',
    ]);
    expect(actionsOf(exception({ kind: 'stale', jobId: 'j1', parcelId: 5 }))).toEqual([
      'retry',
      'cancel',
      'open',
    ]);
    expect(actionsOf(exception({ kind: 'voided', parcelId: 5 }))).toEqual(['open']);
    expect(actionsOf(exception({ kind: 'failed' }))).toEqual([]);
  });

  it('filters and counts the exceptions by kind', () => {
    const list = [
      exception({ kind: 'failed' }),
      exception({ kind: 'voided', parcelId: 1 }),
      exception({ kind: 'voided', parcelId: 2 }),
    ];
    expect(filterExceptions(list, 'voided')).toHaveLength(2);
    expect(filterExceptions(list, 'all')).toHaveLength(3);
    expect(exceptionCounts(list).get('voided')).toBe(2);
  });
});
