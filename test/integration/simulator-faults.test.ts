// Injected faults over real sockets: latency on the simulator's clock, error statuses, answers
// that never come, connections reset, and writes whose answer is lost after they were applied.
import { afterEach, describe, expect, it } from 'vitest';
import { scaledClock } from '../../src-main/clock';
import { startSimulator, type Simulator } from '../../src-main/simulator/index';
import { rawApi } from '../helpers/raw-api';

describe('simulator faults', () => {
  const started: Simulator[] = [];
  const start = async (options: Parameters<typeof startSimulator>[0] = {}) => {
    const sim = await startSimulator({ orderCount: 5, ...options });
    started.push(sim);
    return sim;
  };
  afterEach(async () => {
    await Promise.all(started.splice(0).map((sim) => sim.close()));
  });

  const labelFor = (sim: Simulator, index = 0) => ({
    integration_id: sim.integrationId,
    order: { order_number: sim.orders()[index]?.order_number ?? '' },
    label_details: { mime_type: 'application/zpl', dpi: 203 },
  });

  it('adds latency measured on the simulator clock, fixed or drawn from a range', async () => {
    const clock = scaledClock(200);
    const sim = await start({ clock });
    const api = rawApi(sim);
    sim.faults.set({ latencyMs: 4_000 });
    let before = clock.now();
    expect((await api.get('/api/v3/integrations')).status).toBe(200);
    expect(clock.now() - before).toBeGreaterThanOrEqual(4_000);
    sim.faults.set({ latencyMs: { minMs: 1_000, maxMs: 2_000 } });
    before = clock.now();
    expect((await api.get('/api/v3/integrations')).status).toBe(200);
    expect(clock.now() - before).toBeGreaterThanOrEqual(1_000);
  });

  it('answers injected error statuses with the documented body of the version asked', async () => {
    const sim = await start();
    const api = rawApi(sim);
    sim.faults.set({ errorRates: { 503: 1 } });
    const v3 = await api.get('/api/v3/orders');
    expect(v3.status).toBe(503);
    expect(v3.json).toMatchObject({ errors: [{ status: '503', code: 'server_error' }] });
    const v2 = await api.get('/api/v2/parcels');
    expect(v2.status).toBe(503);
    expect(v2.json).toEqual({
      error: { code: 503, request: 'api/v2/parcels', message: 'A server error occurred.' },
    });
    sim.faults.set({ errorRates: { 429: 1 } });
    const limited = await api.post('/api/v3/orders/create-label-sync', labelFor(sim));
    expect(limited.status).toBe(429);
    expect(limited.json).toMatchObject({ errors: [{ code: 'hit_rate_limit', status: 429 }] });
    expect(sim.ledger).toHaveLength(0);
  });

  it('holds the socket without an answer until the client gives up', async () => {
    const sim = await start();
    sim.faults.set({ timeoutRate: 1 });
    const giveUp = new AbortController();
    const pending = rawApi(sim).request('GET', '/api/v3/orders', { signal: giveUp.signal });
    const failure = pending.then(
      () => 'answered',
      (error: unknown) => (error as Error).name,
    );
    giveUp.abort();
    expect(await failure).toBe('AbortError');
    sim.faults.reset();
    expect((await rawApi(sim).get('/api/v3/orders')).status).toBe(200);
  });

  it('resets the connection before anything is applied', async () => {
    const sim = await start();
    sim.faults.set({ resetRate: 1 });
    await expect(
      rawApi(sim).post('/api/v3/orders/create-label-sync', labelFor(sim)),
    ).rejects.toThrow(/fetch failed/);
    expect(sim.ledger).toHaveLength(0);
    expect(sim.requests.at(-1)).toMatchObject({
      path: '/api/v3/orders/create-label-sync',
      status: 0,
    });
  });

  it('applies a write and then loses the answer: the client fails, the ledger has the label', async () => {
    const sim = await start();
    const api = rawApi(sim);
    sim.faults.set({
      lostResponseRate: 1,
      only: { method: 'POST', pathPrefix: '/api/v3/orders/' },
    });
    await expect(api.post('/api/v3/orders/create-label-sync', labelFor(sim))).rejects.toThrow(
      /fetch failed/,
    );
    const order = sim.orders()[0];
    expect(sim.labelsFor(order?.order_number ?? '')).toHaveLength(1);
    // Reads are outside the scope: the client can look the label up.
    const shipments = await api.get(`/api/v3/shipments?order_number=${order?.order_number}`);
    expect(shipments.status).toBe(200);
    expect((shipments.json as { data: unknown[] }).data).toHaveLength(1);
  });

  it('fails the same requests for the same seed', async () => {
    const outcomes = async (seed: number) => {
      const sim = await start({ seed });
      sim.faults.set({ errorRates: { 500: 0.5 } });
      const api = rawApi(sim);
      const statuses: number[] = [];
      for (let i = 0; i < 24; i++) statuses.push((await api.get('/api/v3/integrations')).status);
      return statuses;
    };
    const first = await outcomes(5);
    expect(new Set(first)).toEqual(new Set([200, 500]));
    expect(await outcomes(5)).toEqual(first);
    expect(await outcomes(6)).not.toEqual(first);
  });
});
