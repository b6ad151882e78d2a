import { describe, expect, it } from 'vitest';
import { SendcloudError } from '../sendcloud/errors';
import type { Order } from '../sendcloud/schemas';
import { asCustomsRefusal, customsProblems, labelRefusal, parcelWeightKg } from './customs';
import { AppError } from '../errors';

const item = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  quantity: 1,
  unit_price: { value: 12.5, currency: 'EUR' },
  measurement: { weight: { value: 0.4, unit: 'kg' } },
  hs_code: '6912.00',
  country_of_origin: 'PT',
  ...extra,
});

function order(country: string, items: Record<string, unknown>[], weight?: number): Order {
  return {
    id: '1',
    order_id: 'o-1',
    order_number: 'PD-1',
    order_details: {
      integration: { id: 1 },
      status: { code: 'unshipped', message: 'Unshipped' },
      order_items: items,
    },
    shipping_address: { country_code: country },
    shipping_details:
      weight === undefined ? {} : { measurement: { weight: { value: weight, unit: 'kg' } } },
  } as unknown as Order;
}

const keyOf = (error: AppError | null) =>
  error && { key: error.said.key, params: error.said.params };

describe('the customs pre-check', () => {
  it('names the item and the field: "Item 2, Sneakers 42: no HS code"', () => {
    const refused = labelRefusal(
      order('GB', [item('Ceramic mug sage'), item('Sneakers 42', { hs_code: undefined })], 1.2),
    );
    expect(keyOf(refused)).toEqual({
      key: 'customs.item.noHsCode',
      params: { item: 2, name: 'Sneakers 42' },
    });
    expect(refused?.code).toBe('invalid-input');
  });

  it('finds every missing fact of every item, in item order', () => {
    const problems = customsProblems(
      order('US', [
        item('Mug', { country_of_origin: '' }),
        item('Towel', { unit_price: null, measurement: null, hs_code: '12' }),
      ]),
    );
    expect(problems).toEqual([
      { item: 1, name: 'Mug', field: 'origin' },
      { item: 2, name: 'Towel', field: 'weight' },
      { item: 2, name: 'Towel', field: 'value' },
      { item: 2, name: 'Towel', field: 'hsCode' },
    ]);
  });

  it('asks nothing of an order inside the EU, and passes a complete one to outside', () => {
    expect(customsProblems(order('DE', [item('Mug', { hs_code: undefined })]))).toEqual([]);
    for (const country of ['GB', 'CH', 'NO', 'US']) {
      expect(labelRefusal(order(country, [item('Mug'), item('Board')], 1.5))).toBeNull();
    }
  });
});

describe('the parcel weight', () => {
  it("is the order's own, else its items' when every item gives one", () => {
    expect(parcelWeightKg(order('NL', [item('Mug')], 2.5))).toBe(2.5);
    expect(parcelWeightKg(order('NL', [item('Mug', { quantity: 3 }), item('Board')]))).toBe(1.6);
    expect(
      parcelWeightKg(
        order('NL', [item('Mug', { measurement: { weight: { value: 250, unit: 'g' } } })]),
      ),
    ).toBe(0.25);
  });

  it("reads the order's own weight in each unit the spec allows", () => {
    const weighed = (value: number, unit: string) =>
      parcelWeightKg({
        ...order('NL', [item('Mug')]),
        shipping_details: { measurement: { weight: { value, unit } } },
      } as unknown as Order);
    expect(weighed(800, 'g')).toBe(0.8);
    expect(weighed(2, 'lbs')).toBeCloseTo(0.907, 3);
    expect(weighed(16, 'oz')).toBeCloseTo(0.454, 3);
    expect(weighed(1.2, 'kg')).toBe(1.2);
  });

  it('is unknown, and the label refused, rather than 0', () => {
    const none = order('NL', [item('Mug'), item('Board', { measurement: null })], 0);
    expect(parcelWeightKg(none)).toBeNull();
    expect(keyOf(labelRefusal(none))).toEqual({
      key: 'customs.parcel.noWeight',
      params: { order: 'PD-1' },
    });
    expect(parcelWeightKg(order('NL', []))).toBeNull();
  });
});

describe("Sendcloud's own validation answer", () => {
  const body = order('GB', [item('Ceramic mug sage'), item('Sneakers 42')], 1.2);

  it('is told like the pre-check when its pointer names an item', () => {
    const answer = new SendcloudError('validation', 'refused', {
      status: 400,
      details: [
        {
          code: 'required',
          detail: 'Field required',
          pointer: '/data/attributes/order/order_details/order_items/1/country_of_origin',
        },
      ],
    });
    const told = asCustomsRefusal(body, answer);
    expect(told).toBeInstanceOf(AppError);
    expect(keyOf(told as AppError)).toEqual({
      key: 'customs.item.noOrigin',
      params: { item: 2, name: 'Sneakers 42' },
    });
  });

  it('passes anything else on as it came', () => {
    const other = new SendcloudError('validation', 'refused', {
      details: [{ detail: 'House number is required.', pointer: '/data/attributes/order' }],
    });
    expect(asCustomsRefusal(body, other)).toBe(other);
    const server = new SendcloudError('server', 'down');
    expect(asCustomsRefusal(body, server)).toBe(server);
  });
});
