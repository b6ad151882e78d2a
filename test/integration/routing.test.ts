// The right carrier, end to end against the simulator with its spec checks on: the station's
// routing rules choose each order's option, Sendcloud's shipping rules are asked for when an
// account says so, a carrier's refusal falls back to the account's next option, and a packer's
// one-off option is used once.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RoutingRulesInput, ScanEntry } from '../../src-shared';
import type { Simulator } from '../../src-main/simulator/index';
import { startStationRig, type StationRig } from '../helpers/station';

type RoutingRig = StationRig & { accountId: string };

async function startRoutingRig(): Promise<RoutingRig> {
  const rig = await startStationRig({
    simulator: {
      validateResponses: true,
      routingOrders: true,
      // The spec's schema shape of a sync label (the published example's array breaks the schema).
      labelResponse: 'schema',
    },
  });
  const [account] = await rig.station.handlers['accounts.list']({});
  if (!account) throw new Error('no account');
  // A scan answers within 2 s; on a loaded machine a PDF label's print can take longer: follow
  // the scan's updates to its outcome.
  const submit = rig.scan;
  const scan = async (code: string): Promise<ScanEntry> => {
    const first = await submit(code);
    return vi.waitFor(
      () => {
        const last = rig.events.filter((e) => e.id === first.id).at(-1) ?? first;
        if (last.state !== 'printed' && last.state !== 'failed') throw new Error(last.state);
        return last;
      },
      { timeout: 20_000, interval: 50 },
    );
  };
  return { ...rig, accountId: account.id, scan };
}

const rule = (id: string, name: string, optionCode: string, match: Partial<RoutingRulesInput['rules'][number]>) => ({
  id,
  name,
  countries: [],
  outsideEu: false,
  weightOverKg: null,
  weightUpToKg: null,
  longestSideOverCm: null,
  servicePoint: 'any' as const,
  merchantId: null,
  tags: [],
  optionCode,
  ...match,
}); // prettier-ignore

/** The tests' rules: heavy first, then outside the EU, then by country; the rest by DPD. */
const testRules: RoutingRulesInput = {
  rules: [
    rule('heavy', 'Over 20 kg', 'ups:standard', { weightOverKg: 20 }),
    rule('world', 'Outside the EU', 'dhl:parcel', { outsideEu: true }),
    rule('nl', 'Netherlands', 'postnl:standard', { countries: ['NL'] }),
    rule('be', 'Belgium', 'bpost:standard', { countries: ['BE'] }),
    rule('de', 'Germany', 'dhl:parcel', { countries: ['DE'] }),
  ],
  defaultOptionCode: 'colissimo:home',
};

/** The create-label-sync requests the simulator received for one order, oldest first. */
function labelRequests(simulator: Simulator, orderId: string) {
  return simulator.requests
    .filter((r) => r.path === '/api/v3/orders/create-label-sync')
    .map((r) => r.body as { order: Record<string, unknown>; ship_with?: { properties: { shipping_option_code: string } } })
    .filter((body) => body.order.order_id === orderId);
} // prettier-ignore

function orderOf(simulator: Simulator, orderNumber: string) {
  const order = simulator.orders().find((o) => o.order_number === orderNumber);
  if (!order) throw new Error(`no order ${orderNumber}`);
  return order;
}

async function useStationRules(rig: RoutingRig, fallbacks: string[] = []): Promise<void> {
  await rig.station.handlers['routing.saveRules'](testRules as never);
  await rig.station.handlers['routing.saveAccount']({
    accountId: rig.accountId,
    applyShippingRules: false,
    useStationRules: true,
    fallbacks,
  });
}

describe('the right carrier', () => {
  let rig: RoutingRig | undefined;
  afterEach(async () => {
    await rig?.close();
    rig = undefined;
  });

  it('labels NL, BE, DE and a heavy order with the option their rule names, and says which rule', async () => {
    rig = await startRoutingRig();
    await useStationRules(rig);
    const cases = [
      { order: 'PD-90001', option: 'postnl:standard', carrier: 'postnl', rule: 3 },
      { order: 'PD-90002', option: 'bpost:standard', carrier: 'bpost', rule: 4 },
      { order: 'PD-90003', option: 'dhl:parcel', carrier: 'dhl', rule: 5 },
      { order: 'PD-90004', option: 'ups:standard', carrier: 'ups', rule: 1 },
      { order: 'PD-90006', option: 'colissimo:home', carrier: 'colissimo', rule: null },
    ];
    for (const expected of cases) {
      const entry = await rig.scan(expected.order);
      expect(entry.state, expected.order).toBe('printed');
      expect(entry.shippingOption?.code).toBe(expected.option);
      expect(entry.shippingOption?.why?.key).toBe(
        expected.rule === null ? 'routing.why.default' : 'routing.why.rule',
      );
      if (expected.rule !== null) {
        expect(entry.shippingOption?.why?.params.number).toBe(expected.rule);
      }
      const [label] = rig.simulator.labelsFor(expected.order);
      expect(label?.carrier).toBe(expected.carrier);
      const [asked] = labelRequests(rig.simulator, orderOf(rig.simulator, expected.order).order_id);
      expect(asked?.ship_with?.properties.shipping_option_code).toBe(expected.option);
    }
    // The audit keeps why: the scans read back (as after a restart) still say which rule.
    const kept = await rig.station.handlers['scan.recent']({ limit: cases.length });
    expect(
      kept.map((scan) => [scan.orderNumber, scan.shippingOption?.why?.params.number ?? null]),
    ).toEqual(cases.reverse().map((c) => [c.order, c.rule]));
    expect(rig.simulator.violations).toEqual([]);
  });

  it('makes an order in two boxes with the option its rule names, as one box would be', async () => {
    rig = await startRoutingRig();
    await useStationRules(rig);
    await rig.station.handlers['scan.setNext']({ boxes: 2 });
    const entry = await rig.scan('PD-90002');
    expect(entry.state).toBe('printed');
    expect(entry.step).toMatchObject({ key: 'boxes.step.printed', params: { labels: 2 } });
    const { order_id: orderId } = orderOf(rig.simulator, 'PD-90002');
    const asked = rig.simulator.requests
      .filter((r) => r.path === '/api/v3/orders/create-labels-async')
      .map(
        (r) =>
          r.body as {
            orders: { order_id: string }[];
            ship_with?: { properties: { shipping_option_code: string } };
          },
      )
      .filter((body) => body.orders.some((o) => o.order_id === orderId));
    expect(asked).toHaveLength(1);
    // Rule 4 (Belgium), not the account's option.
    expect(asked[0]?.ship_with?.properties.shipping_option_code).toBe('bpost:standard');
    expect(rig.simulator.labelsFor('PD-90002').map((l) => l.carrier)).toEqual(['bpost', 'bpost']);
    expect(rig.simulator.violations).toEqual([]);
  });

  it('tells from the tester which rule a GB order would ship by, without asking Sendcloud', async () => {
    rig = await startRoutingRig();
    await useStationRules(rig);
    const before = rig.simulator.requests.length;

    const tested = await rig.station.handlers['routing.test']({ code: 'PD-90005' });

    expect(tested).toMatchObject({
      orderNumber: 'PD-90005',
      option: { code: 'dhl:parcel' },
      why: { key: 'routing.why.rule', params: { number: 2, name: 'Outside the EU' } },
      ruleNumber: 2,
    });
    expect(rig.simulator.requests.length).toBe(before);
    // A heavy NL order is the first rule's, though it is Dutch too: the first match wins.
    const heavy = await rig.station.handlers['routing.test']({ code: 'PD-90004' });
    expect(heavy.ruleNumber).toBe(1);
    await expect(rig.station.handlers['routing.test']({ code: 'PD-404404' })).rejects.toMatchObject(
      {
        code: 'order-not-found',
      },
    );
  });

  it('asks Sendcloud to apply its shipping rules when the account says so, and ships by them', async () => {
    rig = await startRoutingRig();
    await rig.station.handlers['routing.saveAccount']({
      accountId: rig.accountId,
      applyShippingRules: true,
      useStationRules: false,
      fallbacks: [],
    });

    const entry = await rig.scan('PD-90001');

    expect(entry.state).toBe('printed');
    const [asked] = labelRequests(rig.simulator, orderOf(rig.simulator, 'PD-90001').order_id);
    expect(asked?.order.apply_shipping_rules).toBe(true);
    expect(asked?.ship_with).toBeUndefined();
    // The order's own option is DPD Home; the simulated panel's rule ships it with UPS.
    expect(rig.simulator.labelsFor('PD-90001')[0]?.carrier).toBe('ups');
    expect(rig.simulator.violations).toEqual([]);
  });

  it('falls back to the next option when the carrier refuses, and says why', async () => {
    rig = await startRoutingRig();
    await useStationRules(rig, ['dhl:parcel', 'ups:standard']);
    rig.simulator.carrierRefuses('postnl');

    const entry = await rig.scan('PD-90001');

    expect(entry.state).toBe('printed');
    expect(entry.shippingOption?.code).toBe('dhl:parcel');
    expect(entry.shippingOption?.why).toMatchObject({
      key: 'routing.why.fallback',
      params: { refused: 'postnl:standard', option: 'dhl:parcel', number: 1 },
    });
    const asked = labelRequests(rig.simulator, orderOf(rig.simulator, 'PD-90001').order_id);
    expect(asked.map((body) => body.ship_with?.properties.shipping_option_code)).toEqual([
      'postnl:standard',
      'dhl:parcel',
    ]);
    const labels = rig.simulator.labelsFor('PD-90001');
    expect(labels.map((label) => label.carrier)).toEqual(['dhl']);
    expect(rig.simulator.violations).toEqual([]);
  });

  it('shows the refusal as before without fallbacks, makes no label, and ships by a changed rule', async () => {
    rig = await startRoutingRig();
    await useStationRules(rig);
    rig.simulator.carrierRefuses('postnl');

    const entry = await rig.scan('PD-90001');

    expect(entry.state).toBe('failed');
    expect(entry.error?.code).toBe('sendcloud-error');
    expect(rig.simulator.labelsFor('PD-90001')).toHaveLength(0);
    expect(labelRequests(rig.simulator, orderOf(rig.simulator, 'PD-90001').order_id)).toHaveLength(
      1,
    );

    // The rule now names a carrier that takes it: the scan ships, and shows, by the new rule.
    const dutch = testRules.rules.map((r) =>
      r.id === 'nl' ? { ...r, optionCode: 'dhl:parcel' } : r,
    );
    await rig.station.handlers['routing.saveRules']({ ...testRules, rules: dutch } as never);
    const again = await rig.scan('PD-90001');
    expect(again.state).toBe('printed');
    expect(again.shippingOption).toMatchObject({
      code: 'dhl:parcel',
      why: { key: 'routing.why.rule' },
    });
    expect(rig.simulator.labelsFor('PD-90001').map((label) => label.carrier)).toEqual(['dhl']);
  });

  it('uses a one-off option for the next scan only, then goes back to the rules', async () => {
    rig = await startRoutingRig();
    await useStationRules(rig);
    await rig.station.handlers['scan.setNext']({ optionCode: 'dpd:home' });

    const overridden = await rig.scan('PD-90001');
    const next = await rig.scan('PD-90004');

    expect(overridden.state).toBe('printed');
    expect(overridden.shippingOption).toMatchObject({
      code: 'dpd:home',
      why: { key: 'routing.why.override' },
    });
    expect(rig.simulator.labelsFor('PD-90001')[0]?.carrier).toBe('dpd');
    expect(await rig.station.handlers['scan.next']({})).toEqual({ boxes: null, optionCode: null });
    expect(next.shippingOption).toMatchObject({
      code: 'ups:standard',
      why: { key: 'routing.why.rule' },
    });
    expect(rig.simulator.labelsFor('PD-90004')[0]?.carrier).toBe('ups');
  });

  it('refuses a rule list that does not pass the schema, with the key of the field', async () => {
    rig = await startRoutingRig();
    const { dispatch } = await import('../../src-main/host/dispatch');
    const bad = { ...testRules, rules: [{ ...testRules.rules[0], optionCode: 'not an option' }] };

    const result = await dispatch(rig.station.handlers, 'routing.saveRules', bad);

    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-input',
        key: 'routing.problem.option',
        params: { field: 'rules.0.optionCode' },
      },
    });
    expect((await rig.station.handlers['routing.rules']({})).rules.rules).toEqual([]);
  });
});
