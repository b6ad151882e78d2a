import { describe, expect, it } from 'vitest';
import { daysBefore, localDayOf, localDayRange, nextDay, startOfLocalDay } from './local-days';

const amsterdam = 'Europe/Amsterdam';

describe('the station’s local days as UTC ranges', () => {
  it('starts a summer day in Amsterdam at 22:00 UTC the evening before', () => {
    expect(localDayRange('2026-05-04', '2026-05-04', amsterdam)).toEqual({
      fromIso: '2026-05-03T22:00:00.000Z',
      toIso: '2026-05-04T22:00:00.000Z',
    });
  });

  it('gives the day clocks go forward 23 hours and the day they go back 25', () => {
    const spring = localDayRange('2026-03-29', '2026-03-29', amsterdam);
    expect(spring).toEqual({
      fromIso: '2026-03-28T23:00:00.000Z',
      toIso: '2026-03-29T22:00:00.000Z',
    });
    const autumn = localDayRange('2026-10-25', '2026-10-25', amsterdam);
    expect(autumn).toEqual({
      fromIso: '2026-10-24T22:00:00.000Z',
      toIso: '2026-10-25T23:00:00.000Z',
    });
    expect(Date.parse(autumn.toIso) - Date.parse(autumn.fromIso)).toBe(25 * 3_600_000);
  });

  it('covers every day of a range, the last one included', () => {
    expect(localDayRange('2026-01-30', '2026-02-02', 'UTC')).toEqual({
      fromIso: '2026-01-30T00:00:00.000Z',
      toIso: '2026-02-03T00:00:00.000Z',
    });
    expect(startOfLocalDay('2026-07-01', 'America/New_York')).toBe(
      Date.parse('2026-07-01T04:00:00Z'),
    );
  });

  it('puts a late-evening UTC moment on the next local day east of Greenwich', () => {
    const lateEvening = Date.parse('2026-05-04T22:30:00Z');
    expect(localDayOf(lateEvening, amsterdam)).toBe('2026-05-05');
    expect(localDayOf(lateEvening, 'UTC')).toBe('2026-05-04');
  });

  it('counts calendar days across months and years', () => {
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
    expect(daysBefore('2026-03-05', 13)).toBe('2026-02-20');
  });
});
