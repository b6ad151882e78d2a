// Sendcloud's rules for cancelling (voiding) a label, worked out for one shipment at one moment:
// free until 23:59:59 local on the day it was made; after that a refund only while the parcel has
// not shipped and is within 42 days, and then only a supervisor may ask; past that, none.
import { msg, type Message, type VoidRules } from '../../src-shared';
import { localDayOf, nextDay, startOfLocalDay, stationTimeZone } from '../local-days';
import { actsAsSupervisor, type Actor } from '../station/actor';
import type { ShipmentListRecord } from '../store/shipment-list';

const DAY_MS = 24 * 60 * 60_000;
/** Sendcloud refuses to cancel a label older than this. */
export const REFUND_WINDOW_DAYS = 42;

/** Tracking statuses that say a carrier has the parcel: too late for a refund. */
const SHIPPED = new Set(['in-transit', 'delivered', 'returned', 'exception']);

export type VoidRuleRecord = Pick<ShipmentListRecord, 'createdAt' | 'voidState' | 'trackingStatus'>;

export function voidRulesFor(
  record: VoidRuleRecord,
  actor: Actor,
  now: number,
  timeZone: string = stationTimeZone(),
): VoidRules {
  const madeAt = Date.parse(record.createdAt);
  // The last whole second of the local day it was made: 23:59:59, in summer time or winter time.
  const freeUntilMs = startOfNextLocalDay(madeAt, timeZone) - 1_000;
  const refundUntilMs = madeAt + REFUND_WINDOW_DAYS * DAY_MS;
  const shipped = record.trackingStatus !== null && SHIPPED.has(record.trackingStatus);
  // A parcel a carrier has is refused whatever the day (Sendcloud answers 409).
  const window: VoidRules['window'] = shipped
    ? 'none'
    : now <= freeUntilMs
      ? 'free'
      : now <= refundUntilMs
        ? 'refund'
        : 'none';
  const daysLeft = Math.max(0, Math.ceil((refundUntilMs - now) / DAY_MS));
  const rule =
    window === 'free'
      ? msg('void.rule.free')
      : window === 'refund'
        ? msg('void.rule.refund', { days: daysLeft })
        : msg('void.rule.none');

  const refusal = refusalOf(record, window, shipped, actor);
  return {
    window,
    freeUntil: new Date(freeUntilMs).toISOString(),
    refundUntil: new Date(refundUntilMs).toISOString(),
    allowed: refusal === null,
    rule,
    refusal,
  };
}

function refusalOf(
  record: VoidRuleRecord,
  window: VoidRules['window'],
  shipped: boolean,
  actor: Actor,
): Message | null {
  if (record.voidState === 'voided' || record.trackingStatus === 'cancelled') {
    return msg('void.refusal.voided');
  }
  if (record.voidState === 'requested') return msg('void.refusal.requested');
  if (window === 'none') return shipped ? msg('void.refusal.shipped') : msg('void.refusal.tooOld');
  if (window === 'refund' && !actsAsSupervisor(actor)) return msg('void.refusal.supervisorOnly');
  return null;
}

/** Midnight at the start of the local day after the one `at` falls on, in `timeZone`. */
export function startOfNextLocalDay(at: number, timeZone: string): number {
  return startOfLocalDay(nextDay(localDayOf(at, timeZone)), timeZone);
}
