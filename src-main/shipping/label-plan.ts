// What a label is made with, decided once per label job before anything is asked of Sendcloud:
// the shipping option (and why), whether Sendcloud's own shipping rules choose it, the options
// to fall back on after a carrier's refusal, and the boxes. The scan's label job, the batch and
// the scan screen's "ships with" all take the option from here, so they never disagree.
import { msg, type AccountRouting, type JobChoices, type Message } from '../../src-shared';
import type { AccountRecord } from '../store/accounts';
import type { CachedOrder } from '../store/orders';
import type { OrderFacts, RouteChoice } from './routing';

/** Sendcloud's free unstamped letter: what an account in test mode ships with. */
export const TEST_OPTION = 'sendcloud:letter';

export interface LabelPlan {
  /** The option asked for; null: the order's own, or Sendcloud's rules, decide. */
  optionCode: string | null;
  /** Why this option, for the scan result (a rule, an override); null for the account's. */
  optionWhy: Message | null;
  /** Send `apply_shipping_rules: true`: the rules set up in the Sendcloud panel choose. */
  applyShippingRules: boolean;
  /** Options to try, in order, after a carrier refuses the label (not the order's own error). */
  fallbacks: string[];
  /** 1: one parcel through create-label-sync; more: one shipment of that many parcels. */
  boxes: number;
}

/** What the plan asks of the routing: an account's way of choosing, and the one match. */
export interface LabelRouting {
  settingsOf(accountId: string): AccountRouting;
  route(facts: OrderFacts): RouteChoice | null;
  /** Does this option deliver to a service point, as Sendcloud listed it? False when unknown. */
  deliversToPoint(code: string): boolean;
}

/**
 * The order as a plan needs it; `facts` only where the station's rules may choose.
 * `servicePoint`: the label goes to a point (the order's, or the packer's replacement).
 */
export type PlanOrder = Pick<CachedOrder, 'shippingOptionCode'> & {
  facts?: OrderFacts | null;
  servicePoint?: boolean;
};

export interface OptionChoice {
  code: string | null;
  why: Message | null;
  /** The routing rule that chose, 1-based; null when none did. */
  ruleNumber: number | null;
  /** Who chose: what is asked of Sendcloud follows from it. */
  by: 'test' | 'packer' | 'rules' | 'sendcloud-rules' | 'account' | 'point';
}

/**
 * A service-point order keeps its own (service-point) option over an account's default or a
 * rule that would ship it to the door while the point is recorded; an option known to deliver
 * to a point may replace it. Not known counts as the door: the point is never lost.
 */
function keepingPoint(
  chosen: OptionChoice,
  order: PlanOrder,
  routing: Pick<LabelRouting, 'deliversToPoint'> | null,
): OptionChoice {
  const own = order.shippingOptionCode;
  if (!order.servicePoint || !own || !chosen.code || chosen.code === own) return chosen;
  if (routing?.deliversToPoint(chosen.code)) return chosen;
  return {
    code: own,
    why: msg('routing.why.pointKept', { option: own, instead: chosen.code }),
    ruleNumber: null,
    by: 'point',
  };
}

/**
 * The option an order's label is made with: the free test letter in test mode, a one-off choice
 * of the packer, the station's routing rules (for an account that uses them), Sendcloud's own
 * shipping rules (for an account that applies them), else the account's default, else the
 * order's own. A service-point order keeps its own option over a rule's or the default that
 * does not deliver to a point.
 */
export function chooseOption(
  account: Pick<AccountRecord, 'id' | 'testMode' | 'shippingOptionCode'> | null,
  order: PlanOrder,
  choices: JobChoices | null = null,
  routing: LabelRouting | null = null,
): OptionChoice {
  if (account?.testMode) return { code: TEST_OPTION, why: null, ruleNumber: null, by: 'test' };
  if (choices?.optionCode) {
    return {
      code: choices.optionCode,
      why: msg('routing.why.override'),
      ruleNumber: null,
      by: 'packer',
    };
  }
  const settings = account && routing ? routing.settingsOf(account.id) : null;
  if (settings?.useStationRules && order.facts && routing) {
    const routed = routing.route(order.facts);
    if (routed) return keepingPoint({ ...routed, by: 'rules' }, order, routing);
  }
  if (settings?.applyShippingRules) {
    return {
      code: null,
      why: msg('routing.why.shippingRules'),
      ruleNumber: null,
      by: 'sendcloud-rules',
    };
  }
  const byAccount: OptionChoice = {
    code: account?.shippingOptionCode ?? order.shippingOptionCode,
    why: null,
    ruleNumber: null,
    by: 'account',
  };
  return keepingPoint(byAccount, order, routing);
}

/** The plan of one order's label, from its account, the order and the packer's choices. */
export function planLabel(
  account: AccountRecord,
  order: PlanOrder,
  choices: JobChoices | null,
  routing: LabelRouting | null = null,
): LabelPlan {
  const option = chooseOption(account, order, choices, routing);
  const settings = routing && !account.testMode ? routing.settingsOf(account.id) : null;
  return {
    // Asked only when it differs from nothing: null lets the order's own option stand.
    optionCode: option.by === 'account' ? account.shippingOptionCode : option.code,
    optionWhy: option.why,
    applyShippingRules: option.by === 'sendcloud-rules',
    // A service-point order falls back only to options that deliver to a point too.
    fallbacks: (settings?.fallbacks ?? []).filter(
      (code) => code !== option.code && (!order.servicePoint || !!routing?.deliversToPoint(code)),
    ),
    boxes: Math.max(1, choices?.boxes ?? 1),
  };
}
