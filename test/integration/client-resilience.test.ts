// The Sendcloud client against the simulator over real HTTP when things go wrong: every error
// class from a real answer, pagination, the per-account rate limit measured on the simulator's
// clock, and retries by status and method. Client and simulator share one scaled clock.
import { afterEach, describe, expect, it } from 'vitest';
import { scaledClock } from '../../src-main/clock';
import {
  createSendcloudClient,
  type LabelDpi,
  type SendcloudClient,
  type SendcloudClientOptions,
} from '../../src-main/sendcloud/client';
import {
  SendcloudAuthError,
  SendcloudConflictError,
  SendcloudNetworkError,
  SendcloudNotFoundError,
  SendcloudRateLimitError,
  SendcloudServerError,
  SendcloudTimeoutError,
  SendcloudValidationError,
} from '../../src-main/sendcloud/errors';
import {
  startSimulator,
  type Faults,
  type RequestRecord,
  type SimOrder,
  type Simulator,
  type SimulatorOptions,
} from '../../src-main/simulator/index';
import { caught } from '../helpers/sendcloud';

// Twenty times real time: a simulated minute passes in three real seconds, while a millisecond
// of loopback jitter stays twenty simulated ones.
const SPEED = 20;

const running: Simulator[] = [];
let nextSeed = 100;

async function start(options: SimulatorOptions = {}): Promise<Simulator> {
  // Its own seed gives each simulator's account its own keys, so no test inherits the shared
  // limiter of another (keyed by URL and public key) when a port is handed out again.
  const sim = await startSimulator({
    clock: scaledClock(SPEED),
    orderCount: 5,
    seed: nextSeed++,
    ...options,
  });
  running.push(sim);
  return sim;
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((sim) => sim.close()));
});

/** A client on the simulator's clock with the process-wide limiter of the simulator's account. */
function clientFor(sim: Simulator, options: Partial<SendcloudClientOptions> = {}): SendcloudClient {
  return createSendcloudClient({
    baseUrl: sim.url,
    ...sim.keys,
    clock: sim.clock,
    timeoutMs: 5_000,
    ...options,
  });
}

function labelFor(sim: Simulator, order: SimOrder | undefined, dpi: LabelDpi = 203) {
  if (!order) throw new Error('no seeded order');
  return {
    integrationId: sim.integrationId,
    order: { orderNumber: order.order_number },
    format: 'zpl',
    dpi,
  } as const;
}

/** Real fetch that clears the simulator's faults once `failures` requests have failed. */
function healingFetch(sim: Simulator, failures: number): typeof fetch {
  let failed = 0;
  const failedOnce = () => {
    failed++;
    if (failed === failures) sim.faults.reset();
  };
  return async (input, init) => {
    try {
      const response = await fetch(input, init);
      if (!response.ok) failedOnce();
      return response;
    } catch (error) {
      failedOnce();
      throw error;
    }
  };
}

/** Sendcloud documents no Retry-After; the simulator adds one. This takes it off again. */
function withoutRetryAfter(inner: typeof fetch): typeof fetch {
  return async (input, init) => {
    const response = await inner(input, init);
    const headers = new Headers(response.headers);
    headers.delete('retry-after');
    return new Response(response.body, { status: response.status, headers });
  };
}

/** Requests to one API path, in order of arrival. */
function arrivals(sim: Simulator, method: string, path: string): RequestRecord[] {
  return sim.requests
    .filter((r) => r.method === method && r.path === path)
    .sort((a, b) => a.at - b.at);
}

function gaps(records: RequestRecord[]): number[] {
  return records.slice(1).map((record, i) => record.at - (records[i]?.at ?? record.at));
}

/** The most requests that arrived inside any window of `ms` on the simulator's clock. */
function busiest(records: RequestRecord[], ms: number): number {
  const times = records.map((r) => r.at).sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while ((times[j] ?? Infinity) <= (times[i] ?? 0) - ms) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

const isWrite = (r: RequestRecord) => r.method !== 'GET';

describe('each error class, from a real simulator answer', () => {
  it('wrong keys: SendcloudAuthError carrying the simulator request id', async () => {
    const sim = await start();
    const requestIds: (string | null)[] = [];
    const stranger = clientFor(sim, {
      publicKey: 'not-a-key',
      secretKey: 'not-a-secret',
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        requestIds.push(response.headers.get('x-request-id'));
        return response;
      },
    });
    const error = await caught(stranger.listOrders());
    expect(error).toBeInstanceOf(SendcloudAuthError);
    expect(error).toMatchObject({ status: 401, uiCode: 'auth-failed' });
    expect(requestIds).toHaveLength(1);
    expect(error.requestId).toEqual(expect.any(String));
    expect(error.requestId).toBe(requestIds[0]);
    expect(error.message).not.toContain('not-a-secret');
  });

  it('a query the spec refuses: SendcloudValidationError naming the parameter', async () => {
    const sim = await start();
    const error = await caught(clientFor(sim).listOrders({ pageSize: 0 }));
    expect(error).toBeInstanceOf(SendcloudValidationError);
    expect(error).toMatchObject({ status: 400, uiCode: 'sendcloud-error' });
    expect(error.details).toEqual([
      expect.objectContaining({
        parameter: 'page_size',
        detail: 'Ensure this value is greater than or equal to 1.',
      }),
    ]);
    expect(error.requestId).toEqual(expect.any(String));
    expect(sim.requests.map((r) => r.status)).toEqual([400]);
  });

  it('a body the spec refuses: SendcloudValidationError with fields pointing into the body', async () => {
    const sim = await start();
    const error = await caught(
      clientFor(sim).createLabelSync(labelFor(sim, sim.orders()[0], 204 as LabelDpi)),
    );
    expect(error).toBeInstanceOf(SendcloudValidationError);
    const fields = error instanceof SendcloudValidationError ? error.fields : [];
    expect(fields).toEqual([
      expect.objectContaining({ pointer: '/data/attributes/label_details/dpi' }),
    ]);
    expect(sim.ledger).toHaveLength(0);
  });

  it('an unknown order: SendcloudNotFoundError shown as order-not-found', async () => {
    const sim = await start();
    const error = await caught(clientFor(sim).getOrder('999999999'));
    expect(error).toBeInstanceOf(SendcloudNotFoundError);
    expect(error).toMatchObject({ status: 404, uiCode: 'order-not-found' });
    expect(error.requestId).toEqual(expect.any(String));
  });

  it('cancelling twice: SendcloudConflictError', async () => {
    const sim = await start();
    const client = clientFor(sim);
    const label = await client.createLabelSync(labelFor(sim, sim.orders()[0]));
    await client.cancelShipment(label.shipmentId);
    const error = await caught(client.cancelShipment(label.shipmentId));
    expect(error).toBeInstanceOf(SendcloudConflictError);
    expect(error).toMatchObject({ status: 409, uiCode: 'sendcloud-error' });
    expect(error.details[0]?.detail).toBe('This shipment is already being cancelled.');
    expect(error.requestId).toEqual(expect.any(String));
  });

  it('429 until retries run out: SendcloudRateLimitError with the Retry-After, no label made', async () => {
    const sim = await start();
    sim.faults.set({ errorRates: { 429: 1 } });
    const error = await caught(
      clientFor(sim, { retry: { maxAttempts: 2 } }).createLabelSync(labelFor(sim, sim.orders()[0])),
    );
    expect(error).toBeInstanceOf(SendcloudRateLimitError);
    expect(error).toMatchObject({ status: 429, uiCode: 'rate-limited', retryAfterMs: 1_000 });
    expect(error.requestId).toEqual(expect.any(String));
    expect(sim.requests.map((r) => r.status)).toEqual([429, 429]);
    expect(sim.ledger).toHaveLength(0);
  });

  it('5xx until retries run out: SendcloudServerError', async () => {
    const sim = await start();
    sim.faults.set({ errorRates: { 503: 1 } });
    const error = await caught(clientFor(sim).listIntegrations());
    expect(error).toBeInstanceOf(SendcloudServerError);
    expect(error).toMatchObject({ status: 503, uiCode: 'sendcloud-error' });
    expect(error.requestId).toEqual(expect.any(String));
    expect(sim.requests.map((r) => r.status)).toEqual([503, 503, 503]);
  });

  it('a reset connection: SendcloudNetworkError, and nothing applied', async () => {
    const sim = await start();
    sim.faults.set({ resetRate: 1 });
    const error = await caught(clientFor(sim).createLabelSync(labelFor(sim, sim.orders()[0])));
    expect(error).toBeInstanceOf(SendcloudNetworkError);
    expect(error).toMatchObject({ uiCode: 'offline', requestId: undefined });
    expect(sim.requests.map((r) => [r.method, r.status])).toEqual([['POST', 0]]);
    expect(sim.ledger).toHaveLength(0);
  });

  it('no answer within timeoutMs: SendcloudTimeoutError', async () => {
    const sim = await start();
    sim.faults.set({ timeoutRate: 1 });
    const started = performance.now();
    const error = await caught(
      clientFor(sim, { timeoutMs: 100 }).createLabelSync(labelFor(sim, sim.orders()[0])),
    );
    expect(error).toBeInstanceOf(SendcloudTimeoutError);
    expect(error).toMatchObject({ uiCode: 'offline', requestId: undefined });
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(sim.ledger).toHaveLength(0);
  });

  it('a label applied but its answer lost: SendcloudNetworkError, one POST, the label exists', async () => {
    const sim = await start();
    sim.faults.set({
      lostResponseRate: 1,
      only: { method: 'POST', pathPrefix: '/api/v3/orders/create-label-sync' },
    });
    const order = sim.orders()[2];
    const error = await caught(clientFor(sim).createLabelSync(labelFor(sim, order)));
    expect(error).toBeInstanceOf(SendcloudNetworkError);
    expect(error.uiCode).toBe('offline');
    // Sendcloud made the label; the client must not make a second one blindly.
    expect(sim.labelsFor(order?.order_number ?? '')).toHaveLength(1);
    expect(sim.requests.map((r) => [r.method, r.status])).toEqual([['POST', 0]]);
  });
});

describe('pagination', () => {
  it('walks every page of a small page size: the seeded orders, in order, once each', async () => {
    const sim = await start({ orderCount: 13 });
    const orders = await clientFor(sim).listAllOrders({
      integrationIds: [sim.integrationId],
      pageSize: 4,
    });
    // Sendcloud's default order is `-pk`: newest first.
    const seeded = sim
      .orders()
      .sort((a, b) => Number(b.id) - Number(a.id))
      .map((o) => o.id);
    expect(orders.map((o) => o.id)).toEqual(seeded);
    expect(new Set(orders.map((o) => o.id)).size).toBe(13);
    // 4 + 4 + 4 + 1.
    expect(arrivals(sim, 'GET', '/api/v3/orders').map((r) => r.status)).toEqual([
      200, 200, 200, 200,
    ]);
    expect(sim.requests).toHaveLength(4);
  });
});

describe('rate limits, measured on the simulator clock', () => {
  it('keeps 130 label writes from two clients of one account within 100 a minute and 15 a second', async () => {
    const sim = await start({ orderCount: 130 });
    // Two clients for one account, as the station and a background sync would be.
    const station = clientFor(sim);
    const sync = clientFor(sim);
    const orders = sim.orders();
    expect(orders).toHaveLength(130);

    const began = sim.clock.now();
    const labels = Promise.all(
      orders.map((order, i) => (i % 2 ? station : sync).createLabelSync(labelFor(sim, order))),
    );
    // Reads have their own budget: one goes out at once while the writes queue for minutes.
    await sync.listIntegrations();
    const readDone = sim.clock.now();
    expect((await labels).map((l) => l.orderNumber).sort()).toEqual(
      orders.map((o) => o.order_number).sort(),
    );

    expect(sim.requests.filter((r) => r.status === 429)).toEqual([]);
    const writes = sim.requests.filter(isWrite);
    expect(writes).toHaveLength(130);
    expect(busiest(writes, 60_000)).toBe(100);
    expect(busiest(writes, 1_000)).toBeLessThanOrEqual(15);
    // The last 30 waited for the first minute to pass.
    expect(Math.max(...writes.map((w) => w.at)) - began).toBeGreaterThanOrEqual(60_000);
    // Queued behind the writes, it would have waited for the first minute to pass.
    expect(readDone - began).toBeLessThan(60_000);
    expect(new Set(sim.ledger.map((e) => e.orderNumber)).size).toBe(130);
  });

  it('keeps 1,050 reads within 1,000 a minute, twenty callers at a time', async () => {
    const sim = await start({ orderCount: 3 });
    const clients = [clientFor(sim), clientFor(sim)];
    const began = sim.clock.now();
    let left = 1_050;
    // Twenty callers in turn rather than 1,050 sockets at once.
    await Promise.all(
      Array.from({ length: 20 }, async (_, caller) => {
        while (left > 0) {
          left--;
          await clients[caller % 2]?.listIntegrations();
        }
      }),
    );
    const reads = sim.requests.filter((r) => r.method === 'GET');
    expect(reads.filter((r) => r.status !== 200)).toEqual([]);
    expect(reads).toHaveLength(1_050);
    expect(busiest(reads, 60_000)).toBe(1_000);
    expect(Math.max(...reads.map((r) => r.at)) - began).toBeGreaterThanOrEqual(60_000);
  });
});

describe('retries', () => {
  it('waits out Retry-After on a 429, on the shared clock, then succeeds', async () => {
    const sim = await start();
    sim.faults.set({ errorRates: { 429: 1 } });
    const client = clientFor(sim, { fetch: healingFetch(sim, 2) });
    const label = await client.createLabelSync(labelFor(sim, sim.orders()[0]));
    const posts = arrivals(sim, 'POST', '/api/v3/orders/create-label-sync');
    expect(posts.map((r) => r.status)).toEqual([429, 429, 201]);
    // `Retry-After: 1`, whatever the backoff would have been.
    for (const gap of gaps(posts)) expect(gap).toBeGreaterThanOrEqual(1_000);
    expect(sim.labelsFor(label.orderNumber)).toHaveLength(1);
  });

  it('backs off on a 429 without Retry-After: doubling, then capped', async () => {
    const sim = await start();
    sim.faults.set({ errorRates: { 429: 1 } });
    const client = clientFor(sim, {
      fetch: withoutRetryAfter(healingFetch(sim, 4)),
      retry: { maxAttempts: 5, baseMs: 4_000, capMs: 10_000 },
      // No jitter: each wait is its whole step.
      random: () => 1,
    });
    await expect(client.listIntegrations()).resolves.toHaveLength(1);
    const gets = arrivals(sim, 'GET', '/api/v3/integrations');
    expect(gets.map((r) => r.status)).toEqual([429, 429, 429, 429, 200]);
    const [first, second, third, fourth] = gaps(gets);
    // 4 s, then 8 s, then the 10 s cap where doubling would have made 16 s and 32 s.
    expect(first).toBeGreaterThanOrEqual(4_000);
    expect(first).toBeLessThan(8_000);
    expect(second).toBeGreaterThanOrEqual(8_000);
    expect(third).toBeGreaterThanOrEqual(10_000);
    expect(third).toBeLessThan(16_000);
    expect(fourth).toBeGreaterThanOrEqual(10_000);
    expect(fourth).toBeLessThan(16_000);
  });

  it('retries a 503 on a GET until it succeeds', async () => {
    const sim = await start();
    sim.faults.set({ errorRates: { 503: 1 } });
    const client = clientFor(sim, { fetch: healingFetch(sim, 2) });
    await expect(client.listIntegrations()).resolves.toHaveLength(1);
    expect(arrivals(sim, 'GET', '/api/v3/integrations').map((r) => r.status)).toEqual([
      503, 503, 200,
    ]);
  });

  it('does not retry a 503 on a POST: the label may have been made', async () => {
    const sim = await start();
    sim.faults.set({ errorRates: { 503: 1 } });
    const error = await caught(clientFor(sim).createLabelSync(labelFor(sim, sim.orders()[0])));
    expect(error).toBeInstanceOf(SendcloudServerError);
    expect(sim.requests.map((r) => [r.method, r.status])).toEqual([['POST', 503]]);
  });

  it('retries a GET that timed out once', async () => {
    const sim = await start();
    sim.faults.set({ timeoutRate: 1 });
    const client = clientFor(sim, { timeoutMs: 150, fetch: healingFetch(sim, 1) });
    await expect(client.listIntegrations()).resolves.toHaveLength(1);
    expect(arrivals(sim, 'GET', '/api/v3/integrations').map((r) => r.status)).toEqual([0, 200]);
  });

  it('never sends more than retry.maxAttempts, whatever goes wrong with a GET', async () => {
    const sim = await start();
    let sent = 0;
    const client = clientFor(sim, {
      timeoutMs: 150,
      retry: { maxAttempts: 4, baseMs: 100 },
      fetch: (input, init) => {
        sent++;
        return fetch(input, init);
      },
    });
    const cases: { faults: Partial<Faults>; error: typeof SendcloudServerError }[] = [
      { faults: { errorRates: { 503: 1 } }, error: SendcloudServerError },
      { faults: { errorRates: { 429: 1 } }, error: SendcloudRateLimitError },
      { faults: { resetRate: 1 }, error: SendcloudNetworkError },
      { faults: { timeoutRate: 1 }, error: SendcloudTimeoutError },
    ];
    for (const { faults, error } of cases) {
      sim.faults.reset();
      sim.faults.set(faults);
      sent = 0;
      expect(await caught(client.listIntegrations())).toBeInstanceOf(error);
      // Counted as sent: the simulator logs a request that timed out only once its socket closes.
      expect(sent, JSON.stringify(faults)).toBe(4);
    }
    expect(sim.requests.filter((r) => r.status === 200)).toHaveLength(0);
  });
});
