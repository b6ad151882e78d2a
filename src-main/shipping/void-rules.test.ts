import { describe, expect, it } from 'vitest';
import type { Actor } from '../station/actor';
import { startOfNextLocalDay, voidRulesFor, type VoidRuleRecord } from './void-rules';

const AMS = 'Europe/Amsterdam';
const packer: Actor = { packerId: 'p1', role: 'packer', stationId: 's1' };
const supervisor: Actor = { packerId: 'p2', role: 'supervisor', stationId: 's1' };
const nobody: Actor = { packerId: null, role: null, stationId: 's1' };
const DAY = 24 * 3_600_000;

const made = (createdAt: string, more: Partial<VoidRuleRecord> = {}): VoidRuleRecord => ({
  createdAt,
  voidState: null,
  trackingStatus: null,
  ...more,
});
const at = (iso: string) => Date.parse(iso);

describe('voidRulesFor', () => {
  // Monday 4 May 2026, 10:00 in Amsterdam (summer time, UTC+2).
  const label = made('2026-05-04T08:00:00.000Z');

  it('is free for anyone until 23:59:59 local on the day the label was made', () => {
    const rules = voidRulesFor(label, packer, at('2026-05-04T21:59:59.000Z'), AMS);
    expect(rules).toMatchObject({
      window: 'free',
      allowed: true,
      refusal: null,
      freeUntil: '2026-05-04T21:59:59.000Z',
      refundUntil: '2026-06-15T08:00:00.000Z',
      rule: { key: 'void.rule.free' },
    });
  });

  it('after midnight local: the refund rule, supervisors only', () => {
    const now = at('2026-05-04T22:00:00.000Z');
    const forPacker = voidRulesFor(label, packer, now, AMS);
    expect(forPacker).toMatchObject({
      window: 'refund',
      allowed: false,
      rule: { key: 'void.rule.refund', params: { days: 42 } },
      refusal: { key: 'void.refusal.supervisorOnly' },
    });
    expect(voidRulesFor(label, supervisor, now, AMS)).toMatchObject({
      window: 'refund',
      allowed: true,
      refusal: null,
    });
    // A station with no packers set up: everyone may do everything, as before.
    expect(voidRulesFor(label, nobody, now, AMS).allowed).toBe(true);
  });

  it('the day is the station’s local day, not UTC’s', () => {
    // 00:30 on Tuesday in Amsterdam is still Monday in UTC.
    const late = made('2026-05-04T22:30:00.000Z');
    expect(voidRulesFor(late, packer, 0, AMS).freeUntil).toBe('2026-05-05T21:59:59.000Z');
    expect(voidRulesFor(late, packer, 0, 'UTC').freeUntil).toBe('2026-05-04T23:59:59.000Z');
    expect(voidRulesFor(late, packer, at('2026-05-05T12:00:00Z'), AMS).window).toBe('free');
    expect(voidRulesFor(late, packer, at('2026-05-05T12:00:00Z'), 'UTC').window).toBe('refund');
  });

  it('follows daylight saving time on both changes', () => {
    // Summer time starts on 29 March 2026: that day ends at 22:00 UTC, the day before at 23:00.
    expect(voidRulesFor(made('2026-03-28T11:00:00Z'), packer, 0, AMS).freeUntil).toBe(
      '2026-03-28T22:59:59.000Z',
    );
    expect(voidRulesFor(made('2026-03-29T00:30:00Z'), packer, 0, AMS).freeUntil).toBe(
      '2026-03-29T21:59:59.000Z',
    );
    // Winter time is back on 25 October 2026: that day has 25 hours and ends at 23:00 UTC.
    expect(voidRulesFor(made('2026-10-24T22:30:00Z'), packer, 0, AMS).freeUntil).toBe(
      '2026-10-25T22:59:59.000Z',
    );
    expect(voidRulesFor(made('2026-10-25T08:00:00Z'), packer, 0, AMS).freeUntil).toBe(
      '2026-10-25T22:59:59.000Z',
    );
    expect(startOfNextLocalDay(at('2026-10-24T12:00:00Z'), AMS)).toBe(at('2026-10-24T22:00:00Z'));
  });

  it('no refund after 42 days, nor once the parcel has shipped', () => {
    const old = voidRulesFor(label, supervisor, at('2026-05-04T08:00:00Z') + 42 * DAY + 1, AMS);
    expect(old).toMatchObject({
      window: 'none',
      allowed: false,
      rule: { key: 'void.rule.none' },
      refusal: { key: 'void.refusal.tooOld' },
    });
    const lastDay = voidRulesFor(label, supervisor, at('2026-05-04T08:00:00Z') + 42 * DAY, AMS);
    expect(lastDay).toMatchObject({
      window: 'refund',
      allowed: true,
      rule: { params: { days: 0 } },
    });
    for (const trackingStatus of ['in-transit', 'delivered', 'exception', 'returned']) {
      const shipped = made('2026-05-04T08:00:00Z', { trackingStatus });
      // Even on the day: a carrier has it, Sendcloud refuses.
      expect(voidRulesFor(shipped, supervisor, at('2026-05-04T09:00:00Z'), AMS)).toMatchObject({
        window: 'none',
        allowed: false,
        refusal: { key: 'void.refusal.shipped' },
      });
    }
    const announced = made('2026-05-04T08:00:00Z', { trackingStatus: 'announced' });
    expect(voidRulesFor(announced, supervisor, at('2026-05-06T09:00:00Z'), AMS).window).toBe(
      'refund',
    );
  });

  it('refuses a voided label and one whose void is on its way', () => {
    const now = at('2026-05-04T09:00:00Z');
    expect(
      voidRulesFor(made(label.createdAt, { voidState: 'voided' }), nobody, now, AMS),
    ).toMatchObject({ allowed: false, refusal: { key: 'void.refusal.voided' } });
    expect(
      voidRulesFor(made(label.createdAt, { trackingStatus: 'cancelled' }), nobody, now, AMS)
        .refusal,
    ).toEqual({ key: 'void.refusal.voided', params: {} });
    expect(
      voidRulesFor(made(label.createdAt, { voidState: 'requested' }), nobody, now, AMS).refusal,
    ).toEqual({ key: 'void.refusal.requested', params: {} });
    // Sendcloud refused it once (409): asking again is allowed; the rules still apply.
    expect(
      voidRulesFor(made(label.createdAt, { voidState: 'refused' }), nobody, now, AMS).allowed,
    ).toBe(true);
  });
});
