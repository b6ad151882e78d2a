// Sendcloud's per-account budget over HTTP: at most 15 writes in any second and 100 a minute,
// answered with the documented 429 body. Time runs on a scaled clock the test shares.
import { afterEach, describe, expect, it } from 'vitest';
import { scaledClock, type Clock } from '../../src-main/clock';
import { startSimulator, type Simulator } from '../../src-main/simulator/index';
import { rawApi } from '../helpers/raw-api';

const options = { from_country_code: 'NL', to_country_code: 'NL' };

/** The most unsafe requests the simulator accepted in any window of `ms` on its clock. */
function busiestWindow(sim: Simulator, ms: number): number {
  const writes = sim.requests
    .filter((r) => r.method !== 'GET' && r.status !== 429)
    .map((r) => r.at);
  return Math.max(
    0,
    ...writes.map((at) => writes.filter((other) => other >= at && other < at + ms).length),
  );
}

describe('simulator rate limits', () => {
  let sim: Simulator | undefined;
  afterEach(async () => {
    await sim?.close();
  });

  const start = async (clock: Clock) => {
    sim = await startSimulator({ clock, orderCount: 3 });
    return sim;
  };

  it('refuses the 16th concurrent write of a second with the documented 429', async () => {
    // Slow enough that 20 concurrent requests land within one simulated second.
    const s = await start(scaledClock(2));
    const api = rawApi(s);
    // The first request loads the spec documents; keep that out of the measured second.
    expect((await api.get('/api/v3/integrations')).status).toBe(200);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => api.post('/api/v3/shipping-options', options)),
    );
    const refused = answers.filter((a) => a.status === 429);
    expect(answers.filter((a) => a.status === 200)).toHaveLength(15);
    expect(refused).toHaveLength(5);
    expect(refused[0]?.json).toEqual({
      errors: [
        {
          code: 'hit_rate_limit',
          detail: 'Rate limit exceeded: 15 per 1 second',
          title: 'Rate limit exceeded',
          status: 429,
        },
      ],
    });
    expect(Number(refused[0]?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // Reads have their own budget.
    expect((await api.get('/api/v3/integrations')).status).toBe(200);
  });

  it('refuses the 101st write of a minute, paced under the burst limit', async () => {
    const clock = scaledClock(20);
    const s = await start(clock);
    const api = rawApi(s);
    const statuses: number[] = [];
    for (let i = 0; i < 101; i++) {
      statuses.push((await api.post('/api/v3/shipping-options', options)).status);
      await clock.sleep(200);
    }
    expect(statuses.slice(0, 100).every((status) => status === 200)).toBe(true);
    const last = await api.post('/api/v3/shipping-options', options);
    expect(statuses[100] === 429 || last.status === 429).toBe(true);
    expect(last.json).toMatchObject({
      errors: [{ code: 'hit_rate_limit', detail: 'Rate limit exceeded: 100 per 1 minute' }],
    });
    expect(busiestWindow(s, 60_000)).toBe(100);
    expect(busiestWindow(s, 1_000)).toBeLessThanOrEqual(15);
  });

  it('keeps the budget of each account apart', async () => {
    sim = await startSimulator({
      clock: scaledClock(20),
      orderCount: 1,
      rateLimits: { reads: 3, writes: 100, burst: 15 },
      accounts: [{}, {}],
    });
    const [a, b] = sim.accounts;
    if (!a || !b) throw new Error('two accounts expected');
    const statuses = async (keys: typeof a) =>
      Promise.all(
        Array.from({ length: 4 }, () => rawApi(sim as Simulator, keys).get('/api/v3/contracts')),
      ).then((answers) => answers.map((answer) => answer.status).sort());
    expect(await statuses(a)).toEqual([200, 200, 200, 429]);
    expect(await statuses(b)).toEqual([200, 200, 200, 429]);
  });
});
