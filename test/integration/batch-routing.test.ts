// The batch follows each order's label plan, against the simulator over real HTTP with its spec
// checks on: the station's routing rules choose each order's option, one option a
// create-labels-async request; Sendcloud's shipping rules are asked for order by order where
// the account says so; a carrier's refusal of one order sends it again with the next fallback.
import { afterEach, describe, expect, it } from 'vitest';
import { emptyRule, type BatchDetails, type RoutingRulesInput } from '../../src-shared';
import { startBatchRig, type BatchRig } from '../helpers/batch-rig';

/** Heavy first, then by country; the rest by Colissimo (the tests' routing rules, smaller). */
const rules: RoutingRulesInput = {
  rules: [
    { ...emptyRule('heavy'), name: 'Over 20 kg', weightOverKg: 20, optionCode: 'ups:standard' },
    { ...emptyRule('nl'), name: 'Netherlands', countries: ['NL'], optionCode: 'postnl:standard' },
    { ...emptyRule('be'), name: 'Belgium', countries: ['BE'], optionCode: 'bpost:standard' },
    { ...emptyRule('de'), name: 'Germany', countries: ['DE'], optionCode: 'dhl:parcel' },
  ],
  defaultOptionCode: 'colissimo:home',
};

/** NL, BE, DE, heavy NL, FR: each order's option by the rules above. */
const expected: Record<string, string> = {
  'PD-90001': 'postnl:standard',
  'PD-90002': 'bpost:standard',
  'PD-90003': 'dhl:parcel',
  'PD-90004': 'ups:standard',
  'PD-90006': 'colissimo:home',
};

interface AsyncBody {
  ship_with?: { properties: { shipping_option_code: string } };
  orders: { order_id: string; apply_shipping_rules?: boolean }[];
}

describe('a batch ships each order by its plan', () => {
  let rig: BatchRig | undefined;
  afterEach(async () => {
    await rig?.close();
    rig = undefined;
  });

  async function startRig() {
    const started = await startBatchRig({ orderCount: 4, simulator: { routingOrders: true } });
    rig = started;
    const [account] = await started.station.handlers['accounts.list']({});
    if (!account) throw new Error('no account');
    return { rig: started, accountId: account.id };
  }

  /** The station's rules for this account, with these fallbacks after a carrier's refusal. */
  async function useStationRules(r: BatchRig, accountId: string, fallbacks: string[]) {
    await r.station.handlers['routing.saveRules'](rules as never);
    await r.station.handlers['routing.saveAccount']({
      accountId,
      applyShippingRules: false,
      useStationRules: true,
      fallbacks,
    });
  }

  /** The open orders of these numbers, as the batch takes them. */
  async function refsOf(r: BatchRig, numbers: string[]) {
    const open = await r.open();
    return numbers.map((number) => {
      const row = open.find((candidate) => candidate.orderNumber === number);
      if (!row) throw new Error(`${number} is not open`);
      return row.orderRef;
    });
  }

  /** Each create-labels-async request, as the option asked and the order numbers it named. */
  function asked(r: BatchRig) {
    const numberOf = new Map(r.simulator.orders().map((o) => [o.order_id, o.order_number]));
    return r.simulator.requests
      .filter((request) => request.path === '/api/v3/orders/create-labels-async')
      .map((request) => request.body as AsyncBody)
      .map((body) => ({
        option: body.ship_with?.properties.shipping_option_code ?? null,
        orders: body.orders.map((order) => numberOf.get(order.order_id)),
        rules: body.orders.map((order) => order.apply_shipping_rules === true),
      }));
  }

  const madeWith = (r: BatchRig, number: string) =>
    r.simulator.labelsFor(number).map((label) => label.shippingOptionCode);

  const counts = (details: BatchDetails) => details.counts;

  it('labels orders to different countries with their rule’s option, one option a request', async () => {
    const { rig: r, accountId } = await startRig();
    await useStationRules(r, accountId, []);

    const done = await r.run(await refsOf(r, Object.keys(expected)), {
      field: 'country',
      direction: 'asc',
    });

    expect(counts(done)).toMatchObject({ total: 5, made: 5, printed: 5, failed: 0 });
    const requests = asked(r);
    for (const [number, option] of Object.entries(expected)) {
      expect(madeWith(r, number), number).toEqual([option]);
      const request = requests.find((candidate) => candidate.orders.includes(number));
      expect(request?.option, number).toBe(option);
    }
    // Each request holds the orders of one option only.
    for (const request of requests) {
      expect(request.orders.every((number) => expected[number ?? ''] === request.option)).toBe(
        true,
      );
    }
    expect(r.simulator.violations).toEqual([]);
  }, 60_000);

  it('sends an order the carrier refused again with the next fallback', async () => {
    const { rig: r, accountId } = await startRig();
    await useStationRules(r, accountId, ['dhl:parcel']);
    r.simulator.carrierRefuses('postnl');

    const done = await r.run(await refsOf(r, ['PD-90001', 'PD-90002']), {
      field: 'country',
      direction: 'asc',
    });

    expect(counts(done)).toMatchObject({ total: 2, made: 2, printed: 2, failed: 0 });
    expect(madeWith(r, 'PD-90001')).toEqual(['dhl:parcel']);
    expect(madeWith(r, 'PD-90002')).toEqual(['bpost:standard']);
    const forNl = asked(r).filter((request) => request.orders.includes('PD-90001'));
    expect(forNl.map((request) => request.option)).toEqual(['postnl:standard', 'dhl:parcel']);
    expect(r.simulator.violations).toEqual([]);
  }, 60_000);

  it('fails a refused order as before when no fallback is left', async () => {
    const { rig: r, accountId } = await startRig();
    await useStationRules(r, accountId, []);
    r.simulator.carrierRefuses('postnl');

    const done = await r.run(await refsOf(r, ['PD-90001', 'PD-90002']), {
      field: 'country',
      direction: 'asc',
    });

    expect(counts(done)).toMatchObject({ total: 2, made: 1, failed: 1 });
    expect(madeWith(r, 'PD-90001')).toEqual([]);
    expect(asked(r).filter((request) => request.orders.includes('PD-90001'))).toHaveLength(1);
  }, 60_000);

  it('asks Sendcloud’s shipping rules order by order where the account applies them', async () => {
    const { rig: r, accountId } = await startRig();
    await r.station.handlers['routing.saveAccount']({
      accountId,
      applyShippingRules: true,
      useStationRules: false,
      fallbacks: [],
    });

    const done = await r.run(await refsOf(r, ['PD-90001', 'PD-90003']), {
      field: 'country',
      direction: 'asc',
    });

    expect(counts(done)).toMatchObject({ total: 2, made: 2, failed: 0 });
    const requests = asked(r);
    expect(requests.every((request) => request.option === null)).toBe(true);
    expect(requests.flatMap((request) => request.rules)).toEqual([true, true]);
    // The orders' own option is DPD Home; the simulated panel's rule ships them with UPS.
    expect(madeWith(r, 'PD-90001')).toEqual(['ups:standard']);
    expect(madeWith(r, 'PD-90003')).toEqual(['ups:standard']);
    expect(r.simulator.violations).toEqual([]);
  }, 60_000);
});
