// The routing rules on a scan's hot path: what a label job adds before it asks Sendcloud. One
// in-memory match over the list (100 rules, the order matching only the last: the worst case),
// and the whole plan as the label job makes it, the order's facts read once from its cached
// body in a real SQLite file.
import { emptyRule, type RoutingRule } from '../src-shared';
import { setLogSink } from '../src-main/log';
import { planLabel } from '../src-main/shipping/label-plan';
import { createRouting } from '../src-main/shipping/routing';
import type { AccountRecord } from '../src-main/store/accounts';
import { openDatabase } from '../src-main/store/db';
import { upsertOrders, type CachedOrder } from '../src-main/store/orders';
import { tempDir } from '../test/helpers/tmp';
import { percentile, round, type BenchResult } from './stats';

const usResult = (name: string, samples: number[], goal: string): BenchResult => ({
  name,
  unit: 'µs',
  p50: round(percentile(samples, 50) * 1000, 1),
  p95: round(percentile(samples, 95) * 1000, 1),
  goal,
});

const RULES = 100;
const WARMUP = 200;
const SAMPLES = 2_000;

function time(run: () => unknown): number[] {
  for (let i = 0; i < WARMUP; i++) run();
  const samples: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return samples;
}

export async function benchRouting(): Promise<BenchResult[]> {
  setLogSink({ write: () => undefined }, 'error');
  const data = tempDir();
  const db = openDatabase(`${data.dir}/station.sqlite`);
  try {
    const account: AccountRecord = {
      id: 'bench',
      name: 'Bench',
      api: 'v3',
      integrationId: 1,
      senderAddressId: null,
      brandId: null,
      shippingOptionCode: null,
      testMode: false,
      createdAt: new Date().toISOString(),
    };
    // Every rule but the last wants a country the order is not going to, and tags.
    const rules: RoutingRule[] = Array.from({ length: RULES }, (_, i) => ({
      ...emptyRule(`r${i}`),
      name: `Rule ${i + 1}`,
      countries: i === RULES - 1 ? ['NL'] : ['BE', 'DE', 'FR'],
      tags: i === RULES - 1 ? [] : ['b2b'],
      weightUpToKg: 30,
      optionCode: 'postnl:standard',
    }));
    const routing = createRouting(db);
    routing.saveRules({ rules, defaultOptionCode: 'dpd:home' });
    routing.saveAccount(account.id, {
      applyShippingRules: false,
      useStationRules: true,
      fallbacks: [],
    });
    const order: CachedOrder = {
      id: 'o1',
      accountId: account.id,
      orderId: 'o1',
      orderNumber: 'PD-1',
      integrationId: 1,
      status: 'unshipped',
      countryCode: 'NL',
      shippingOptionCode: 'dhl:parcel',
      updatedAt: null,
    };
    const body = {
      shipping_address: { country_code: 'NL' },
      shipping_details: { measurement: { weight: { value: 2.4, unit: 'kg' } } },
      order_details: { tags: ['fragile'], order_items: [] },
    };
    upsertOrders(db, [{ ...order, body }], new Date().toISOString());
    const facts = routing.factsFor(order, null);
    if (!facts || routing.route(facts)?.ruleNumber !== RULES)
      throw new Error('bench rules do not match');

    const match = time(() => routing.route(facts));
    const plan = time(() =>
      planLabel(account, { ...order, facts: routing.factsFor(order, null) }, null, routing),
    );
    return [
      usResult(`routing: one match, ${RULES} rules (last matches)`, match, '< 50 µs'),
      usResult('routing: label plan, facts read from the cached body', plan, '< 500 µs'),
    ];
  } finally {
    db.close();
    data.cleanup();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await benchRouting())
    console.log(`${r.name}: p50 ${r.p50} ${r.unit}, p95 ${r.p95} ${r.unit}`);
}
