import { describe, expect, it } from 'vitest';
import { returnStatusOf } from '../../src-shared';
import { AppError } from '../errors';
import type { Return, Shipment } from '../sendcloud/v3/schemas';
import { earlierReturn, returnParcelIdOf, returnRequestFor, RETURN_SLACK_MS } from './returns';

const customer = {
  name: 'Emma Peeters',
  address_line_1: 'Meir',
  house_number: '1',
  postal_code: '2000',
  city: 'Antwerpen',
  country_code: 'BE',
  email: 'emma@example.com',
};
const warehouse = {
  name: 'Packdesk',
  company_name: 'Packdesk BV',
  address_line_1: 'Atoomweg',
  house_number: '63',
  postal_code: '3542 AA',
  city: 'Utrecht',
  country_code: 'NL',
};

const shipment = (change: Partial<Shipment> = {}): Shipment =>
  ({
    id: 'sh-1',
    from_address: warehouse,
    to_address: customer,
    ship_with: { type: 'shipping_option_code', properties: { shipping_option_code: 'dpd:home' } },
    parcels: [{ id: 7, weight: { value: '1.250', unit: 'kg' } }],
    ...change,
  }) as Shipment;

describe('returnRequestFor: the return of a parcel, from its shipment', () => {
  it('sends from the customer back to the sender, with the option and the weight in kg', () => {
    expect(returnRequestFor(shipment(), 7, 'PD-1')).toEqual({
      from_address: customer,
      to_address: warehouse,
      ship_with: { type: 'shipping_option_code', shipping_option_code: 'dpd:home' },
      weight: { value: 1.25, unit: 'kg' },
      order_number: 'PD-1',
      external_reference: 'packdesk-return-7',
    });
    const grams = shipment({ parcels: [{ id: 7, weight: { value: 800, unit: 'g' } }] });
    expect(returnRequestFor(grams, 7, 'PD-1').weight).toEqual({ value: 0.8, unit: 'kg' });
  });

  it('refuses, before any call, a parcel with no weight, an address missing a field, or no option', () => {
    const refusal = (s: Shipment) => {
      try {
        returnRequestFor(s, 7, 'PD-1');
      } catch (error) {
        return error instanceof AppError ? error.said.key : 'not an AppError';
      }
      return 'no refusal';
    };
    expect(refusal(shipment({ parcels: [{ id: 7, weight: { value: '0', unit: 'kg' } }] }))).toBe(
      'returns.error.weight',
    );
    expect(refusal(shipment({ parcels: [{ id: 8 }] }))).toBe('returns.error.weight');
    expect(refusal(shipment({ to_address: { ...customer, city: '' } }))).toBe(
      'returns.error.address',
    );
    expect(refusal(shipment({ ship_with: null }))).toBe('returns.error.option');
  });
});

describe('earlierReturn: which listed return an earlier, unanswered request made', () => {
  const asked = returnRequestFor(shipment(), 7, 'PD-1');
  const at = Date.parse('2026-05-04T08:00:00Z');
  const listed = (id: number, change: Partial<Return> = {}): Return =>
    ({
      id,
      order_number: 'PD-1',
      from_address: customer,
      shipping_option: { code: 'dpd:home' },
      created_at: new Date(at + 1000).toISOString(),
      ...change,
    }) as Return;

  it('takes the newest return of the same order, customer and option made since the request', () => {
    const older = listed(1, { created_at: new Date(at - RETURN_SLACK_MS - 1).toISOString() });
    const newer = listed(3, { created_at: new Date(at + 5000).toISOString() });
    expect(earlierReturn([older, listed(2), newer], asked, at, new Set())?.id).toBe(3);
    expect(earlierReturn([older], asked, at, new Set())).toBeNull();
  });

  it('never takes one the station keeps, of another order, customer or option', () => {
    expect(earlierReturn([listed(2)], asked, at, new Set([2]))).toBeNull();
    expect(earlierReturn([listed(2, { order_number: 'PD-2' })], asked, at, new Set())).toBeNull();
    const elsewhere = listed(2, { from_address: { ...customer, postal_code: '1000' } });
    expect(earlierReturn([elsewhere], asked, at, new Set())).toBeNull();
    const otherOption = listed(2, { shipping_option: { code: 'postnl:standard' } });
    expect(earlierReturn([otherOption], asked, at, new Set())).toBeNull();
  });

  it('reads the return parcel from the label link', () => {
    const found = listed(2, { label_url: 'https://x.example/api/v3/parcels/991/documents/label' });
    expect(returnParcelIdOf(found)).toBe(991);
    expect(returnParcelIdOf(listed(2))).toBeNull();
  });
});

describe('returnStatusOf: Sendcloud parent statuses in the station’s words', () => {
  it('maps the filter’s codes, and anything else to unknown', () => {
    expect(
      ['announcing', 'ready-to-send', 'to-sorting', 'delivered', 'cancelled', 'exception'].map(
        returnStatusOf,
      ),
    ).toEqual(['announcing', 'ready-to-send', 'in-transit', 'delivered', 'cancelled', 'unknown']);
  });
});
