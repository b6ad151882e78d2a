import { describe, expect, it } from 'vitest';
import { defaultAccountRouting, emptyRule, msg, type AccountRouting } from '../../src-shared';
import type { AccountRecord } from '../store/accounts';
import { planLabel, TEST_OPTION, type LabelRouting } from './label-plan';
import { routeOrder, type OrderFacts } from './routing';

const account: AccountRecord = {
  id: 'a1',
  name: 'Shop',
  api: 'v3',
  integrationId: 1,
  senderAddressId: null,
  brandId: null,
  shippingOptionCode: 'dpd:home',
  testMode: false,
  createdAt: '2026-01-01T00:00:00Z',
};
const facts: OrderFacts = {
  country: 'NL',
  weightKg: 2,
  longestSideCm: null,
  servicePoint: false,
  merchantId: null,
  tags: [],
};
/** Options Sendcloud lists as delivering to a service point. */
const POINT_OPTIONS = new Set(['postnl:pakjegemak', 'dhl:servicepoint']);
const routingWith = (settings: Partial<AccountRouting>): LabelRouting => ({
  settingsOf: () => ({ ...defaultAccountRouting, ...settings }),
  deliversToPoint: (code) => POINT_OPTIONS.has(code),
  route: (f) =>
    routeOrder(
      {
        rules: [
          { ...emptyRule('nl'), name: 'NL', countries: ['NL'], optionCode: 'postnl:standard' },
        ],
        defaultOptionCode: null,
      },
      f,
    ),
});
const order = { shippingOptionCode: 'ups:standard', facts };

describe('a label’s plan: which option, and why', () => {
  it('asks the account’s option, with no routing (the batch, as before)', () => {
    expect(planLabel(account, order, null)).toEqual({
      optionCode: 'dpd:home',
      optionWhy: null,
      applyShippingRules: false,
      fallbacks: [],
      boxes: 1,
    });
  });

  it('takes the station’s rule for an account that uses them, naming it', () => {
    const plan = planLabel(account, order, null, routingWith({ useStationRules: true }));
    expect(plan.optionCode).toBe('postnl:standard');
    expect(plan.optionWhy).toEqual({ key: 'routing.why.rule', params: { number: 1, name: 'NL' } });
  });

  it('leaves the choice to Sendcloud’s rules when the account applies them', () => {
    const plan = planLabel(account, order, null, routingWith({ applyShippingRules: true }));
    expect(plan).toMatchObject({ optionCode: null, applyShippingRules: true });
  });

  it('puts the packer’s one-off choice before every rule, and test mode before that', () => {
    const routing = routingWith({ useStationRules: true, applyShippingRules: true });
    const plan = planLabel(account, order, { optionCode: 'dhl:parcel' }, routing);
    expect(plan).toMatchObject({
      optionCode: 'dhl:parcel',
      applyShippingRules: false,
      optionWhy: { key: 'routing.why.override' },
    });
    expect(planLabel({ ...account, testMode: true }, order, null, routing)).toMatchObject({
      optionCode: TEST_OPTION,
      fallbacks: [],
    });
  });

  it('lists the account’s fallbacks without the option it asks first', () => {
    const routing = routingWith({
      useStationRules: true,
      fallbacks: ['postnl:standard', 'dhl:parcel'],
    });
    expect(planLabel(account, order, null, routing).fallbacks).toEqual(['dhl:parcel']);
  });

  describe('a service-point order', () => {
    const pointOrder = {
      shippingOptionCode: 'postnl:pakjegemak',
      facts: { ...facts, servicePoint: true },
      servicePoint: true,
    };

    it('keeps its own point option over the account’s door option, and says why', () => {
      expect(planLabel(account, pointOrder, null, routingWith({}))).toMatchObject({
        optionCode: 'postnl:pakjegemak',
        optionWhy: {
          key: 'routing.why.pointKept',
          params: { option: 'postnl:pakjegemak', instead: 'dpd:home' },
        },
      });
      // Without anything learnt of the options, the door is assumed: the point still stands.
      expect(planLabel(account, pointOrder, null).optionCode).toBe('postnl:pakjegemak');
    });

    it('keeps it over a rule’s door option, and takes a rule’s point option', () => {
      const routing = routingWith({ useStationRules: true });
      expect(planLabel(account, pointOrder, null, routing)).toMatchObject({
        optionCode: 'postnl:pakjegemak',
        optionWhy: { key: 'routing.why.pointKept', params: { instead: 'postnl:standard' } },
      });
      const toPoint = { ...routing, route: () => routeChoice('dhl:servicepoint') };
      expect(planLabel(account, pointOrder, null, toPoint).optionCode).toBe('dhl:servicepoint');
    });

    it('takes the account’s option when that delivers to a point too', () => {
      const pointAccount = { ...account, shippingOptionCode: 'dhl:servicepoint' };
      expect(planLabel(pointAccount, pointOrder, null, routingWith({}))).toMatchObject({
        optionCode: 'dhl:servicepoint',
        optionWhy: null,
      });
    });

    it('falls back only to options that deliver to a point', () => {
      const routing = routingWith({
        fallbacks: ['dhl:parcel', 'dhl:servicepoint', 'ups:standard'],
      });
      expect(planLabel(account, pointOrder, null, routing).fallbacks).toEqual(['dhl:servicepoint']);
      expect(planLabel(account, order, null, routing).fallbacks).toEqual([
        'dhl:parcel',
        'dhl:servicepoint',
        'ups:standard',
      ]);
    });

    it('still ships by the packer’s one-off choice (home delivery picked on the scan)', () => {
      const plan = planLabel(
        account,
        pointOrder,
        { optionCode: 'postnl:standard' },
        routingWith({}),
      );
      expect(plan.optionCode).toBe('postnl:standard');
    });
  });
});

const routeChoice = (code: string) => ({
  code,
  why: msg('routing.why.rule', { number: 1, name: 'Points' }),
  ruleNumber: 1,
});
