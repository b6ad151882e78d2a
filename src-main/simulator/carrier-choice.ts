// The right carrier, as the simulated Sendcloud sees it: the shipping rules set up in the
// account's panel (applied when a label request says `apply_shipping_rules: true`), and carriers
// a test tells to refuse, answered as Sendcloud passes a carrier's refusal on: a 400 with
// `parcel_announcement_error` and the carrier's "… service error: …" words. A refusal makes no
// label.
import { carrierForOption, priceFor, productForOption } from './carriers';
import { kgOf } from './shipping';
import { invalidField, type V3Error } from './errors';
import type { V3Order } from './wire';

/**
 * The demo account's panel rules, first match wins: parcels go with UPS Standard where UPS
 * serves the destination and weight, else with DPD Home. Deterministic, so a test sees the
 * option change from the order's own.
 */
export const PANEL_RULE_OPTIONS = ['ups:standard', 'dpd:home'] as const;

/** The option the panel's rules give the order, or null when no rule takes it. */
export function panelRuleOption(order: V3Order): string | null {
  const country = order.shipping_address.country_code;
  const kg = kgOf(order.shipping_details.measurement.weight);
  for (const code of PANEL_RULE_OPTIONS) {
    const product = productForOption(code);
    if (product && priceFor(product, country, kg) !== null) return code;
  }
  return null;
}

/** Was `apply_shipping_rules: true` asked in the order selector? */
export function appliesShippingRules(selector: Record<string, unknown>): boolean {
  return selector.apply_shipping_rules === true;
}

/** A refusing carrier's answer for a label with this option, or null when it takes it. */
export function carrierRefusal(
  refusing: ReadonlySet<string>,
  optionCode: string,
  pointer: string,
): V3Error | null {
  const carrier = carrierForOption(optionCode);
  if (!carrier || !refusing.has(carrier.code)) return null;
  return invalidField(
    pointer,
    `${carrier.name} service error: The carrier could not accept the shipment at this time.`,
    'parcel_announcement_error',
  );
}
