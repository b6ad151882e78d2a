import { describe, expect, it } from 'vitest';
import { openDatabase } from '../store/db';
import { createShippingOptions, NAMES_FRESH_MS } from './shipping-options';

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

  it('asks Sendcloud at start when no name was learnt this week, and not again after', async () => {
    const db = openDatabase(':memory:');
    const asked: string[] = [];
    const ask = async (id: string) => {
      asked.push(id);
      return [{ code: 'postnl:standard', name: 'PostNL Standard' }, { code: 'dhl:parcel' }];
    };
    const options = createShippingOptions({ db, clock: clock as never, accounts });
    await options.refresh(['a1', 'a2'], ask);
    expect(asked).toEqual(['a1', 'a2']);
    expect(options.forOrder(order)?.name).toBe('PostNL Standard');
    // The next start within the week spends no request on it.
    await createShippingOptions({ db, clock: clock as never, accounts }).refresh(['a1'], ask);
    expect(asked).toEqual(['a1', 'a2']);
    // A week on, it asks again.
    const later = { now: () => clock.now() + NAMES_FRESH_MS + 1 };
    await createShippingOptions({ db, clock: later as never, accounts }).refresh(['a1'], ask);
    expect(asked).toEqual(['a1', 'a2', 'a1']);
    db.close();
  });

  it('keeps showing codes when Sendcloud cannot say, and saves nothing once stopped', async () => {
    const db = openDatabase(':memory:');
    const options = createShippingOptions({ db, clock: clock as never, accounts });
    await options.refresh(['a1'], async () => {
      throw new Error('ECONNREFUSED');
    });
    expect(options.forOrder(order)?.name).toBe('postnl:standard');
    let answer: (names: { code: string; name: string }[]) => void = () => undefined;
    const refreshing = options.refresh(['a1'], () => new Promise((resolve) => (answer = resolve)));
    options.stop();
    answer([{ code: 'postnl:standard', name: 'PostNL Standard' }]);
    await refreshing;
    expect(db.prepare('SELECT COUNT(*) AS n FROM shipping_option_names').get()).toEqual({ n: 0 });
    db.close();
  });
});
