import { describe, expect, it } from 'vitest';
import { caught } from '../../test/helpers/sendcloud';
import { createSendcloudClient } from './client';
import {
  SendcloudAuthError,
  SendcloudConflictError,
  SendcloudError,
  SendcloudNetworkError,
  SendcloudNotFoundError,
  SendcloudRateLimitError,
  SendcloudServerError,
  SendcloudTimeoutError,
  SendcloudValidationError,
} from './errors';
import { createRateLimiter } from './rate-limit';
import {
  fakeFetch,
  json,
  keys,
  readExample,
  testClient,
  virtualClock,
} from '../../test/helpers/sendcloud-fakes';

const examples = (name: string) => readExample(name) as Record<string, unknown>;

describe('errors by meaning, from the example bodies', () => {
  it('v3 401 is an auth error the app shows as auth-failed, with the request id', async () => {
    const { fetch } = fakeFetch(() =>
      json(401, readExample('v3-401-invalid-credentials.json'), { 'x-request-id': 'req-9' }),
    );
    const error = await caught(testClient(fetch).client.listOrders());
    expect(error).toBeInstanceOf(SendcloudAuthError);
    expect(error).toMatchObject({
      kind: 'auth',
      status: 401,
      uiCode: 'auth-failed',
      requestId: 'req-9',
    });
    expect(error.details[0]?.code).toBe('authentication_failed');
  });

  it('tells its owner when Sendcloud refuses the keys (401), and only then', async () => {
    let refused = 0;
    const answers = [
      json(403, { errors: [{ status: '403', code: 'forbidden', detail: 'No scope.' }] }),
      json(500, { errors: [{ status: '500', code: 'server_error', detail: 'Oops.' }] }),
      json(401, readExample('v3-401-invalid-credentials.json')),
    ];
    const { fetch } = fakeFetch((_, index) => answers[index] ?? json(500, {}));
    const { client } = testClient(fetch, {
      onKeysRefused: () => refused++,
      retry: { maxAttempts: 1 },
    });
    await caught(
      client.createLabelSync({
        integrationId: 1,
        order: { orderId: 'a' },
        format: 'zpl',
        dpi: 203,
      }),
    );
    await caught(
      client.createLabelSync({
        integrationId: 1,
        order: { orderId: 'a' },
        format: 'zpl',
        dpi: 203,
      }),
    );
    expect(refused).toBe(0);
    await caught(client.listOrders());
    expect(refused).toBe(1);
  });

  it('v2 401 is an auth error too, with the v2 message', async () => {
    const { fetch } = fakeFetch(() => json(401, readExample('v2-401-unauthorized-webador.json')));
    const error = await caught(testClient(fetch).client.v2.listIntegrations());
    expect(error).toBeInstanceOf(SendcloudAuthError);
    expect(error.details).toEqual([{ code: '401', detail: 'Invalid username/password.' }]);
    expect(error.message).toBe(
      'Sendcloud answered 401 to v2 GET /integrations: Invalid username/password.',
    );
  });

  it('a 404 of an order is order-not-found; of anything else a plain sendcloud-error', async () => {
    const { fetch } = fakeFetch(() => json(404, readExample('v3-404-not-found.json')));
    const { client } = testClient(fetch);
    const order = await caught(client.getOrder('1'));
    expect(order).toBeInstanceOf(SendcloudNotFoundError);
    expect(order.uiCode).toBe('order-not-found');
    const shipment = await caught(client.getShipment('abc'));
    expect(shipment).toBeInstanceOf(SendcloudNotFoundError);
    expect(shipment.uiCode).toBe('sendcloud-error');
  });

  it('v2 invalid cursor and missing document are not-found errors', async () => {
    const bodies = [
      readExample('v2-parcels-list-404-invalid-cursor.json'),
      readExample('v2-parcel-documents-404-not-found.json'),
      readExample('v2-shipping-method-get-404.json'),
    ];
    const { fetch } = fakeFetch((_s, i) => json(404, bodies[i]));
    const { client } = testClient(fetch);
    expect((await caught(client.v2.listParcels({ cursor: 'x' }))).details[0]?.detail).toBe(
      'Invalid cursor',
    );
    expect((await caught(client.v2.getParcel(1))).details[0]?.detail).toBe(
      'No Parcel matches the given query.',
    );
    const method = await caught(client.v2.getShippingMethod(0));
    expect(method).toBeInstanceOf(SendcloudNotFoundError);
    expect(method.details[0]?.detail).toBe('Not found.');
  });

  it('every 400 example of POST /orders is a validation error with field pointers', async () => {
    const bodies = examples('v3-orders-create-400-errors.json');
    for (const [name, body] of Object.entries(bodies)) {
      const { fetch } = fakeFetch(() => json(400, body));
      const error = await caught(testClient(fetch).client.listOrders());
      expect(error, name).toBeInstanceOf(SendcloudValidationError);
      expect(error.uiCode).toBe('sendcloud-error');
    }
    const { fetch } = fakeFetch(() => json(400, bodies.MultipleValidationErrors));
    const error = (await caught(testClient(fetch).client.listOrders())) as SendcloudValidationError;
    expect(error.fields.length).toBe(2);
    expect(error.fields.every((f) => f.pointer.startsWith('/data'))).toBe(true);
  });

  it('the shipping-options and document 400s are validation errors', async () => {
    const bodies = [
      ...Object.values(examples('v3-shipping-options-400-errors.json')),
      readExample('v3-parcel-documents-400-invalid-type.json'),
    ];
    for (const body of bodies) {
      const { fetch } = fakeFetch(() => json(400, body));
      const error = await caught(testClient(fetch).client.getShippingOptions({}));
      expect(error).toBeInstanceOf(SendcloudValidationError);
      expect(error.details[0]?.code).toBe('invalid');
    }
  });

  it('reads v2 field errors out of the message: the carrier error and the service-point errors', async () => {
    const { fetch } = fakeFetch(() =>
      json(400, readExample('v2-parcels-create-400-carrier-error.json')),
    );
    const error = (await caught(
      testClient(fetch).client.v2.createParcel({
        name: 'A',
        address: 'B',
        city: 'C',
        postal_code: '1',
        country: 'NL',
        request_label: true,
      }),
    )) as SendcloudValidationError;
    expect(error).toBeInstanceOf(SendcloudValidationError);
    expect(error.fields).toHaveLength(1);
    expect(error.fields[0]?.pointer).toBe('/');
    expect(error.fields[0]?.detail).toMatch(/^PostNL service error/);

    const required = examples('v2-service-points-400-errors.json').RequiredFieldMissing;
    const { fetch: f2 } = fakeFetch(() => json(400, required));
    const e2 = (await caught(
      testClient(f2).client.v2.listIntegrations(),
    )) as SendcloudValidationError;
    expect(e2.fields).toEqual([{ pointer: '/country', detail: 'This field is required.' }]);
  });

  it('reads a bare DRF field map and the tracking API’s FastAPI errors', async () => {
    const bodies = [
      { parcel: { house_number: ['This field may not be blank.'] } },
      {
        detail: [
          { loc: ['body', 'to_address', 'postal_code'], msg: 'Field required', type: 'missing' },
        ],
      },
    ];
    const { fetch } = fakeFetch((_s, i) => json(i === 0 ? 400 : 422, bodies[i]));
    const { client } = testClient(fetch);
    const drf = (await caught(client.v2.listIntegrations())) as SendcloudValidationError;
    expect(drf.fields).toEqual([
      { pointer: '/parcel/house_number', detail: 'This field may not be blank.' },
    ]);
    const fastApi = (await caught(client.getParcelTracking('X'))) as SendcloudValidationError;
    expect(fastApi.fields).toEqual([
      { pointer: '/to_address/postal_code', detail: 'Field required' },
    ]);
  });

  it('a cancel 409 is a conflict without an existing shipment', async () => {
    const { fetch } = fakeFetch(() => json(409, readExample('v3-shipments-cancel-409.json')));
    const error = await caught(testClient(fetch).client.cancelShipment('1'));
    expect(error).toBeInstanceOf(SendcloudConflictError);
    expect(error.details[0]?.detail).toBe('This shipment is already being cancelled.');
    expect((error as SendcloudConflictError).existingShipment).toBeUndefined();
    expect(error.uiCode).toBe('sendcloud-error');
  });

  it('a 5xx is a server error, a 429 a rate-limit error, and all are SendcloudErrors', async () => {
    const { fetch } = fakeFetch((s) =>
      s.url.pathname.endsWith('integrations')
        ? json(502, {})
        : json(429, readExample('v3-429-rate-limit.json')),
    );
    const { client } = testClient(fetch, { retry: { maxAttempts: 1 } });
    const server = await caught(client.listIntegrations());
    expect(server).toBeInstanceOf(SendcloudServerError);
    expect(server).toBeInstanceOf(SendcloudError);
    const limited = await caught(client.listOrders());
    expect(limited).toBeInstanceOf(SendcloudRateLimitError);
    expect(limited.uiCode).toBe('rate-limited');
    expect(limited.details[0]?.code).toBe('hit_rate_limit');
  });

  it('a timeout and a refused connection show as offline', async () => {
    const hang: typeof globalThis.fetch = (_i, init) =>
      new Promise((_r, reject) =>
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
      );
    const timeout = await caught(testClient(hang, { timeoutMs: 5 }).client.listOrders());
    expect(timeout).toBeInstanceOf(SendcloudTimeoutError);
    expect(timeout.uiCode).toBe('offline');
    const refuse: typeof globalThis.fetch = () => Promise.reject(new TypeError('fetch failed'));
    const network = await caught(testClient(refuse).client.listOrders());
    expect(network).toBeInstanceOf(SendcloudNetworkError);
    expect(network.uiCode).toBe('offline');
  });
});

describe('retries', () => {
  it('retries a 429 without Retry-After with growing, jittered backoff', async () => {
    const { fetch, seen } = fakeFetch((_s, i) => (i < 2 ? json(429, {}) : json(200, { data: [] })));
    const { client, clock } = testClient(fetch, { retry: { baseMs: 1_000, capMs: 60_000 } });
    await expect(client.listIntegrations()).resolves.toEqual([]);
    expect(seen).toHaveLength(3);
    // random() = 0.5: three quarters of 1 s, then of 2 s.
    expect(clock.sleeps).toEqual([750, 1_500]);
  });

  it('retries a 429 of a write, honouring Retry-After, and holds the account meanwhile', async () => {
    const { fetch, seen } = fakeFetch((_s, i) =>
      i === 0 ? json(429, {}, { 'retry-after': '7' }) : json(200, { data: [], message: null }),
    );
    const { client, clock } = testClient(fetch);
    const started = clock.now();
    await client.getShippingOptions({});
    expect(seen.map((s) => s.method)).toEqual(['POST', 'POST']);
    expect(clock.now() - started).toBeGreaterThanOrEqual(7_000);
  });

  it('retries a 5xx and a timeout of a GET', async () => {
    let calls = 0;
    const flaky: typeof globalThis.fetch = (_i, init) => {
      calls++;
      if (calls === 1) return Promise.resolve(json(503, {}));
      if (calls === 2) {
        return new Promise((_r, reject) =>
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
        );
      }
      return Promise.resolve(json(200, { data: [] }));
    };
    const { client } = testClient(flaky, { timeoutMs: 10 });
    await expect(client.listIntegrations()).resolves.toEqual([]);
    expect(calls).toBe(3);
  });

  it('never repeats a POST that failed with a 5xx, a timeout or a dropped connection', async () => {
    for (const answer of [
      () => Promise.resolve(json(500, {})),
      () => Promise.reject(new TypeError('fetch failed')),
    ]) {
      let calls = 0;
      const fetch: typeof globalThis.fetch = () => {
        calls++;
        return answer();
      };
      const error = await caught(
        testClient(fetch).client.createLabelSync({
          integrationId: 1,
          order: { orderNumber: 'A' },
          format: 'zpl',
          dpi: 203,
        }),
      );
      expect(['server', 'network']).toContain(error.kind);
      expect(calls).toBe(1);
    }
  });

  it('a refused connection spends no rate budget; a dropped one does (it may have arrived)', async () => {
    const clock = virtualClock(0);
    const limiter = createRateLimiter({
      clock,
      budgets: { read: [], write: [{ limit: 1, windowMs: 60_000 }] },
    });
    const failure = (code: string) =>
      Promise.reject(
        new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code }) }),
      );
    const answers = [
      () => failure('ECONNREFUSED'),
      () => Promise.resolve(json(200, { data: [], message: null })),
      () => failure('ECONNRESET'),
      () => Promise.resolve(json(200, { data: [], message: null })),
    ];
    const sentAt: number[] = [];
    const fetch: typeof globalThis.fetch = () => {
      sentAt.push(clock.now());
      return answers[sentAt.length - 1]?.() ?? failure('EUNEXPECTED');
    };
    const client = createSendcloudClient({
      baseUrl: 'http://sim.test',
      ...keys,
      fetch,
      clock,
      limiter,
    });
    for (let i = 0; i < answers.length; i++) {
      await client.getShippingOptions({}).catch(() => undefined);
    }
    // One write a minute: the refused one left its slot free; the dropped one held it.
    expect(sentAt).toEqual([0, 0, 60_000, 120_000]);
  });

  it('gives up after maxAttempts and throws the last error', async () => {
    const { fetch, seen } = fakeFetch(() => json(500, { errors: [{ detail: 'boom' }] }));
    const error = await caught(
      testClient(fetch, { retry: { maxAttempts: 4 } }).client.listOrders(),
    );
    expect(seen).toHaveLength(4);
    expect(error.details[0]?.detail).toBe('boom');
  });
});

describe('the shared limiter', () => {
  it('is shared by two clients of one account, and not by another account', async () => {
    const clock = virtualClock(0);
    const baseUrl = `http://limits-${Math.random().toString(36).slice(2)}.test`;
    const sentAt: number[] = [];
    const { fetch } = fakeFetch(() => {
      sentAt.push(clock.now());
      return json(200, { data: [], message: null });
    });
    const a = createSendcloudClient({ baseUrl, ...keys, fetch, clock });
    const b = createSendcloudClient({ baseUrl: `${baseUrl}/`, ...keys, fetch, clock });
    const other = createSendcloudClient({
      baseUrl,
      publicKey: 'other',
      secretKey: 's',
      fetch,
      clock,
    });
    // 20 writes from two clients of one account: 15 in the first second, 5 in the next.
    await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).getShippingOptions({})));
    expect(sentAt.filter((t) => t < 1_000)).toHaveLength(15);
    expect(sentAt.filter((t) => t >= 1_000)).toHaveLength(5);
    // Another account is not held back by this one.
    const before = clock.now();
    await Promise.all(Array.from({ length: 15 }, () => other.getShippingOptions({})));
    expect(clock.now()).toBe(before);
  });

  it('an injected limiter replaces the shared one', async () => {
    const clock = virtualClock(0);
    const limiter = createRateLimiter({
      clock,
      budgets: { read: [{ limit: 1, windowMs: 10_000 }], write: [] },
    });
    const { fetch } = fakeFetch(() => json(200, { data: [] }));
    const client = createSendcloudClient({
      baseUrl: 'http://x.test',
      ...keys,
      fetch,
      clock,
      limiter,
    });
    await client.listIntegrations();
    await client.listIntegrations();
    expect(clock.now()).toBe(10_000);
  });
});
