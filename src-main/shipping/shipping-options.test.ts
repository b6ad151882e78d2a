import { describe, expect, it } from 'vitest';
import { openDatabase } from '../store/db';
import { createShippingOptions } from './shipping-options';

const clock = { now: () => Date.parse('2026-12-01T10:00:00Z') };
const account = { testMode: false, shippingOptionCode: null };
const accounts = { record: () => account } as unknown as Parameters<
  typeof createShippingOptions
>[0]['accounts'];
const order = { accountId: 'a1', shippingOptionCode: 'postnl:standard' };

describe("shipping options' names", () => {
  it('shows an option by its code until Sendcloud has named it, then by its name', () => {
    const db = openDatabase(':memory:');
    const options = createShippingOptions({ db, clock: clock as never, accounts });
    expect(options.forOrder(order)).toEqual({ code: 'postnl:standard', name: 'postnl:standard' });
    options.learn([{ code: 'postnl:standard', name: 'PostNL Standard', carrier: 'PostNL' }]);
    expect(options.forOrder(order)).toEqual({ code: 'postnl:standard', name: 'PostNL Standard' });
    db.close();
  });

  it('keeps the names it learnt for the next start, and a newer name replaces an older one', () => {
    const db = openDatabase(':memory:');
    createShippingOptions({ db, clock: clock as never, accounts }).learn([
      { code: 'postnl:standard', name: 'PostNL Standard', carrier: 'PostNL' },
      // An option Sendcloud gives no name of its own is not kept as named.
      { code: 'dhl:parcel', name: 'dhl:parcel', carrier: 'DHL' },
    ]);
    const restarted = createShippingOptions({ db, clock: clock as never, accounts });
    expect(restarted.forOrder(order)?.name).toBe('PostNL Standard');
    expect(restarted.forOrder({ ...order, shippingOptionCode: 'dhl:parcel' })?.name).toBe(
      'dhl:parcel',
    );
    restarted.learn([{ code: 'postnl:standard', name: 'PostNL Standaard', carrier: 'PostNL' }]);
    expect(
      createShippingOptions({ db, clock: clock as never, accounts }).forOrder(order)?.name,
    ).toBe('PostNL Standaard');
    db.close();
  });
});
