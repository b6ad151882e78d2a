import { describe, expect, it } from 'vitest';
import { emptyRule, type RoutingRule, type RoutingRules } from '../../src-shared';
import type { Order } from '../sendcloud/schemas';
import { openDatabase } from '../store/db';
import { createRouting, orderFactsOf, routeOrder, ruleMatches, type OrderFacts } from './routing';

const facts = (change: Partial<OrderFacts> = {}): OrderFacts => ({
  country: 'NL',
  weightKg: 2,
  longestSideCm: null,
  servicePoint: false,
  merchantId: null,
  tags: [],
  ...change,
});
const rule = (change: Partial<RoutingRule>): RoutingRule => ({
  ...emptyRule(change.id ?? 'r'),
  name: change.name ?? 'a rule',
  optionCode: 'dpd:home',
  ...change,
});

const examples: RoutingRules = {
  rules: [
    rule({ id: 'heavy', name: 'Heavy', weightOverKg: 20, optionCode: 'ups:standard' }),
    rule({ id: 'world', name: 'World', outsideEu: true, optionCode: 'dhl:parcel' }),
    rule({ id: 'nl', name: 'NL', countries: ['NL'], optionCode: 'postnl:standard' }),
    rule({ id: 'be', name: 'BE', countries: ['BE'], optionCode: 'bpost:standard' }),
  ],
  defaultOptionCode: 'dpd:home',
};

describe('routing rules: the first match wins, with a default', () => {
  it('sends NL to PostNL, BE to bpost, over 20 kg and outside the EU to UPS and DHL', () => {
    expect(routeOrder(examples, facts())).toMatchObject({ code: 'postnl:standard', ruleNumber: 3 });
    expect(routeOrder(examples, facts({ country: 'BE' }))?.code).toBe('bpost:standard');
    expect(routeOrder(examples, facts({ weightKg: 24 }))).toMatchObject({
      code: 'ups:standard',
      ruleNumber: 1,
      why: { key: 'routing.why.rule', params: { number: 1, name: 'Heavy' } },
    });
    expect(routeOrder(examples, facts({ country: 'GB' }))?.code).toBe('dhl:parcel');
    expect(routeOrder(examples, facts({ country: 'US', weightKg: 30 }))?.ruleNumber).toBe(1);
  });

  it('falls to the default, or to nothing without one', () => {
    expect(routeOrder(examples, facts({ country: 'DE' }))).toEqual({
      code: 'dpd:home',
      ruleNumber: null,
      why: { key: 'routing.why.default', params: {} },
    });
    expect(routeOrder({ ...examples, defaultOptionCode: null }, facts({ country: 'DE' }))).toBe(
      null,
    );
  });

  it('never counts an unknown weight or size as over a limit, nor an unknown country as outside', () => {
    expect(ruleMatches(rule({ weightOverKg: 20 }), facts({ weightKg: null }))).toBe(false);
    expect(ruleMatches(rule({ weightUpToKg: 5 }), facts({ weightKg: null }))).toBe(false);
    expect(ruleMatches(rule({ longestSideOverCm: 100 }), facts())).toBe(false);
    expect(ruleMatches(rule({ outsideEu: true }), facts({ country: null }))).toBe(false);
  });

  it('matches weight bounds, size, service point, merchant and every tag', () => {
    expect(ruleMatches(rule({ weightOverKg: 2 }), facts({ weightKg: 2 }))).toBe(false);
    expect(ruleMatches(rule({ weightUpToKg: 2 }), facts({ weightKg: 2 }))).toBe(true);
    expect(ruleMatches(rule({ longestSideOverCm: 100 }), facts({ longestSideCm: 120 }))).toBe(true);
    expect(ruleMatches(rule({ servicePoint: 'yes' }), facts())).toBe(false);
    expect(ruleMatches(rule({ servicePoint: 'no' }), facts({ servicePoint: true }))).toBe(false);
    expect(ruleMatches(rule({ servicePoint: 'yes' }), facts({ servicePoint: true }))).toBe(true);
    expect(ruleMatches(rule({ merchantId: 'm1' }), facts({ merchantId: 'm2' }))).toBe(false);
    expect(ruleMatches(rule({ merchantId: 'm1' }), facts({ merchantId: 'm1' }))).toBe(true);
    expect(ruleMatches(rule({ tags: ['Fragile', 'b2b'] }), facts({ tags: ['fragile'] }))).toBe(
      false,
    );
    expect(ruleMatches(rule({ tags: ['Fragile'] }), facts({ tags: ['fragile', 'x'] }))).toBe(true);
    expect(ruleMatches(rule({ countries: ['NL', 'BE'] }), facts({ country: 'BE' }))).toBe(true);
  });
});

describe('an order’s facts, from its cached body', () => {
  it('reads country, weight in kg, the longest side, service point and tags', () => {
    const body = {
      shipping_address: { country_code: 'be' },
      shipping_details: { measurement: { weight: { value: '1500', unit: 'g' } } },
      service_point_details: { id: '10875349' },
      order_details: {
        tags: ['Fragile'],
        order_items: [
          { name: 'Lamp', quantity: 1, measurement: { dimension: { length: 0.6, width: 0.2, height: 0.2, unit: 'm' } } },
        ],
      },
    } as unknown as Order;

    expect(orderFactsOf({ countryCode: null }, body, 'm1')).toEqual({
      country: 'BE',
      weightKg: 1.5,
      longestSideCm: 60,
      servicePoint: true,
      merchantId: 'm1',
      tags: ['fragile'],
    });
  }); // prettier-ignore

  it('knows only the cached country when the body is gone', () => {
    expect(orderFactsOf({ countryCode: 'NL' }, null, null)).toEqual(facts({ weightKg: null }));
  });
});

describe('which options deliver to a service point', () => {
  it('learns them from Sendcloud’s list and keeps them past a restart', () => {
    const db = openDatabase(':memory:');
    const routing = createRouting(db);
    expect(routing.knowsOptions()).toBe(false);
    expect(routing.deliversToPoint('postnl:pakjegemak')).toBe(false);

    routing.learnOptions([
      { code: 'postnl:pakjegemak', functionalities: { last_mile: 'service_point' } },
      { code: 'postnl:standard', functionalities: { last_mile: 'home_delivery' } },
    ]);

    const again = createRouting(db);
    expect(again.knowsOptions()).toBe(true);
    expect(again.deliversToPoint('postnl:pakjegemak')).toBe(true);
    expect(again.deliversToPoint('postnl:standard')).toBe(false);
    // Listed again as the door: no longer a point option.
    again.learnOptions([
      { code: 'postnl:pakjegemak', functionalities: { last_mile: 'home_delivery' } },
    ]);
    expect(again.deliversToPoint('postnl:pakjegemak')).toBe(false);
  });
});
