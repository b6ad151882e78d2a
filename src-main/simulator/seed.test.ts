import { describe, expect, it } from 'vitest';
import { orderSchema } from '../sendcloud/schemas';
import { carrierForOption, shippingOptionsByCountry, upsCheckDigit } from './carriers';
import { createRandom } from './prng';
import { accountIdentity, OPEN_STATUS, seedAccount } from './seed';

const now = new Date('2026-03-02T12:00:00Z');

describe('seedAccount', () => {
  it('makes the same account from the same seed, and another from another seed', () => {
    const a = seedAccount({ seed: 1, orderCount: 50, now });
    expect(seedAccount({ seed: 1, orderCount: 50, now })).toEqual(a);
    const b = seedAccount({ seed: 2, orderCount: 50, now });
    expect(b.orders.map((o) => o.order_id)).not.toEqual(a.orders.map((o) => o.order_id));
    expect(b.keys).not.toEqual(a.keys);
  });

  it('numbers 50 open orders PD-10001 upwards, each parseable as a v3 order', () => {
    const { orders } = seedAccount({ seed: 1, orderCount: 50, now });
    expect(orders.map((o) => o.order_number)).toEqual(
      Array.from({ length: 50 }, (_, i) => `PD-${10001 + i}`),
    );
    expect(new Set(orders.map((o) => o.id)).size).toBe(50);
    expect(new Set(orders.map((o) => o.order_id)).size).toBe(50);
    for (const order of orders) {
      expect(orderSchema.safeParse(order).success).toBe(true);
      expect(order.order_details.status).toEqual(OPEN_STATUS);
      expect(order.order_id).not.toBe(order.order_number);
      expect(Date.parse(order.order_details.order_created_at)).toBeLessThan(now.getTime());
    }
  });

  it('gives a second account its own order numbers, ids, integration, addresses and brand', () => {
    const first = seedAccount({ seed: 1, orderCount: 20, now });
    const second = seedAccount({ seed: 2, orderCount: 20, now, identity: accountIdentity(1) });
    expect(second.orders.map((o) => o.order_number)).toEqual(
      Array.from({ length: 20 }, (_, i) => `MK-${20001 + i}`),
    );
    const firstIds = new Set(first.orders.map((o) => o.id));
    expect(second.orders.filter((o) => firstIds.has(o.id))).toEqual([]);
    expect(second.integration.id).not.toBe(first.integration.id);
    expect(
      second.orders.every((o) => o.order_details.integration.id === second.integration.id),
    ).toBe(true);
    expect(second.senderAddresses.map((a) => a.id)).not.toContain(first.senderAddress.id);
    expect(second.brands.map((b) => b.id)).toEqual([4301]);
    expect(first.brands.map((b) => [b.id, b.name])).toEqual([
      [4201, 'Packdesk Demo Shop'],
      [4202, 'Packdesk Demo Shop Outlet'],
    ]);
    // Sendcloud's own letter stands on no contract of the account.
    expect(second.contracts.map((c) => c.carrier.code)).not.toContain('sendcloud');
  });

  it('ships to NL, BE, DE and FR with postcodes in each country format and a carrier that serves it', () => {
    const { orders } = seedAccount({ seed: 1, orderCount: 50, now });
    const postcode: Record<string, RegExp> = {
      NL: /^[1-9]\d{3} (?!SA|SD|SS)[A-Z]{2}$/,
      BE: /^[1-9]\d{3}$/,
      DE: /^\d{5}$/,
      FR: /^\d{5}$/,
    };
    expect(new Set(orders.map((o) => o.shipping_address.country_code))).toEqual(
      new Set(['NL', 'BE', 'DE', 'FR']),
    );
    for (const { shipping_address: address, shipping_details: details } of orders) {
      const country = address.country_code as keyof typeof shippingOptionsByCountry;
      expect(address.postal_code).toMatch(postcode[country] ?? /^$/);
      const option = details.ship_with.properties.shipping_option_code;
      expect(shippingOptionsByCountry[country]).toContain(option);
      expect(details.ship_with.properties.contract_id).toBe(carrierForOption(option)?.contractId);
    }
    expect(
      new Set(orders.map((o) => o.shipping_details.ship_with.properties.shipping_option_code)).size,
    ).toBeGreaterThanOrEqual(5);
  });

  it('gives the orders the carriers asked for, in turn, each to a country the carrier serves', () => {
    const carriers = ['postnl', 'colissimo', 'bpost', 'dhl'];
    const { orders } = seedAccount({ seed: 1, orderCount: 12, now, carriers });
    expect(
      orders.map(
        (o) => carrierForOption(o.shipping_details.ship_with.properties.shipping_option_code)?.code,
      ),
    ).toEqual([...carriers, ...carriers, ...carriers]);
    for (const { shipping_address: address, shipping_details: details } of orders) {
      const country = address.country_code as keyof typeof shippingOptionsByCountry;
      expect(shippingOptionsByCountry[country]).toContain(
        details.ship_with.properties.shipping_option_code,
      );
    }
    expect(() => seedAccount({ seed: 1, orderCount: 1, now, carriers: ['royalmail'] })).toThrow(
      RangeError,
    );
  });

  it('adds up the order totals', () => {
    const { orders } = seedAccount({ seed: 3, orderCount: 20, now });
    for (const { payment_details: payment, order_details: details } of orders) {
      const items = details.order_items.reduce((sum, item) => sum + item.total_price.value, 0);
      expect(payment.subtotal_price.value).toBeCloseTo(items, 2);
      expect(payment.total_price.value).toBeCloseTo(
        items + payment.estimated_shipping_price.value,
        2,
      );
    }
  });
});

describe('tracking numbers', () => {
  const random = createRandom(11);
  const formats: [string, RegExp][] = [
    ['postnl:standard', /^3S[A-Z]{4}\d{7}$/],
    ['dhl:parcel', /^JJD\d{18}$/],
    ['dpd:home', /^05\d{12}$/],
    ['ups:standard', /^1Z[A-Z0-9]{6}11\d{8}$/],
    ['colissimo:home', /^6A\d{11}$/],
    ['bpost:standard', /^3232\d{20}$/],
  ];
  it.each(formats)('%s numbers look like the carrier’s', (option, pattern) => {
    const carrier = carrierForOption(option);
    const tn = carrier?.trackingNumber(random) ?? '';
    expect(tn).toMatch(pattern);
    expect(carrier?.trackingUrl(tn, 'NL', '3542 AA')).toContain(tn);
  });

  it('gives UPS numbers the check digit UPS computes', () => {
    // UPS's published sample tracking number.
    expect(upsCheckDigit('999AA1012345678')).toBe(4);
    const tn = carrierForOption('ups:standard')?.trackingNumber(createRandom(5)) ?? '';
    expect(Number(tn[17])).toBe(upsCheckDigit(tn.slice(2, 17)));
  });
});
