import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  carrierMix,
  PDF_ONLY_CARRIERS,
  startSimProcess,
  type SimProcess,
} from '../../bench/sim-process';
import { createSendcloudClient } from '../../src-main/sendcloud/client';
import { createRateLimiter } from '../../src-main/sendcloud/rate-limit';

describe('the simulator in a child process (benchmarks)', () => {
  let sim: SimProcess;
  beforeAll(async () => {
    sim = await startSimProcess({
      speed: 10,
      warp: { slow: 1 },
      accounts: [{ orderCount: 9, carriers: ['postnl', 'dhl', 'colissimo'] }, { orderCount: 2 }],
    });
  }, 20_000);
  afterAll(() => sim.close());

  it('seeds the carriers asked for, a PDF-only one among them', async () => {
    expect(PDF_ONLY_CARRIERS).toContain('colissimo');
    const orders = await sim.orders(0);
    expect(carrierMix(orders)).toEqual({ postnl: 3, dhl: 3, colissimo: 3 });
    expect(orders.filter((order) => !order.nativeZpl).map((order) => order.carrier)).toEqual([
      'colissimo',
      'colissimo',
      'colissimo',
    ]);
    expect(await sim.orders(1)).toHaveLength(2);
  });

  it('counts the labels per order in its ledger, and the requests, on the shared clock', async () => {
    const [order] = await sim.orders(0);
    if (!order) throw new Error('no order');
    const client = createSendcloudClient({
      baseUrl: sim.url,
      ...sim.keys,
      clock: sim.clock,
      limiter: createRateLimiter({ clock: sim.clock }),
    });
    const requestsBefore = await sim.requestCount();
    const before = sim.clock.now();
    await client.createLabelSync({
      integrationId: sim.integrationId,
      order: { orderId: order.orderId },
      format: 'zpl',
      dpi: 203,
    });
    const after = sim.clock.now();
    expect(await sim.labelsPerOrder()).toEqual({ [order.orderNumber]: 1 });
    const [entry] = await sim.ledger();
    expect(entry).toMatchObject({ orderNumber: order.orderNumber, format: 'zpl' });
    expect(entry?.bytes).toBeGreaterThan(0);
    const [request] = await sim.requests(requestsBefore);
    expect(request).toMatchObject({ method: 'POST', status: 201 });
    // The child stamped the request on its clock: between this process's before and after.
    expect(request?.at).toBeGreaterThanOrEqual(before);
    expect(request?.at).toBeLessThanOrEqual(after);
  });

  it('takes faults from this process', async () => {
    await sim.faults.set({ errorRates: { 503: 1 } });
    const response = await fetch(`${sim.url}/api/v3/orders`, {
      headers: {
        Authorization: `Basic ${Buffer.from(`${sim.keys.publicKey}:${sim.keys.secretKey}`).toString('base64')}`,
      },
    });
    expect(response.status).toBe(503);
    await sim.faults.reset();
  });
});
