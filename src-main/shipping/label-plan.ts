// What a label is made with, decided once per label job before anything is asked of Sendcloud:
// the shipping option (and why), whether Sendcloud's own shipping rules choose it, the options
// to fall back on after a carrier's refusal, and the boxes. The scan's label job, the batch and
// the scan screen's "ships with" all take the option from here, so they never disagree.
import type { JobChoices, Message } from '../../src-shared';
import type { AccountRecord } from '../store/accounts';
import type { CachedOrder } from '../store/orders';

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

/**
 * The option an order's label is made with: the free test letter in test mode, a one-off choice
 * of the packer, else the account's default, else the order's own.
 */
export function chooseOption(
  account: Pick<AccountRecord, 'testMode' | 'shippingOptionCode'> | null,
  order: Pick<CachedOrder, 'shippingOptionCode'>,
  choices: JobChoices | null = null,
): { code: string | null; why: Message | null } {
  if (account?.testMode) return { code: TEST_OPTION, why: null };
  if (choices?.optionCode) return { code: choices.optionCode, why: null };
  return { code: account?.shippingOptionCode ?? order.shippingOptionCode, why: null };
}

/** The plan of one order's label, from its account, the order and the packer's choices. */
export function planLabel(
  account: AccountRecord,
  order: Pick<CachedOrder, 'shippingOptionCode'>,
  choices: JobChoices | null,
): LabelPlan {
  const option = chooseOption(account, order, choices);
  return {
    // Asked only when it differs from nothing: null lets the order's own option stand.
    optionCode: account.testMode || choices?.optionCode ? option.code : account.shippingOptionCode,
    optionWhy: option.why,
    applyShippingRules: false,
    fallbacks: [],
    boxes: Math.max(1, choices?.boxes ?? 1),
  };
}
