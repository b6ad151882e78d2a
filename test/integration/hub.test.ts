// The warehouse's webhook receiver over real HTTP on a real PostgreSQL: Sendcloud's signature on
// the raw bytes, replays outside the window dropped, each status stored once and the newest
// kept whatever the order of delivery, a body limit, a health check, and no secret in the log.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import { setLogSink } from '../../src-main/log';
import { WEBHOOK_PATH, type Hub } from '../../src-main/hub/server';
import { closedPort } from '../helpers/net';
import { manualClock } from '../helpers/clock';
import { freshDatabase } from '../helpers/pg';
import {
  deliver,
  exampleWith,
  sign,
  startTestHub,
  storedStatuses,
  webhookExample,
} from '../helpers/hub';

const example = webhookExample();
const EXAMPLE_AT = 1525271885993;
const WINDOW = 8 * 3_600_000;

describe('the hub takes Sendcloud webhooks', () => {
  let db: { url: string; drop(): Promise<void> };
  let hub: Hub | undefined;
  /** Time just after the real example's webhook was sent. */
  const clock = manualClock(EXAMPLE_AT + 60_000);

  beforeAll(async () => {
    db = await freshDatabase();
  });
  afterEach(async () => {
    await hub?.close();
    hub = undefined;
  });
  afterAll(async () => {
    await db.drop();
  });

  async function startFresh(options: { bodyLimitBytes?: number } = {}) {
    const own = await freshDatabase();
    const started = await startTestHub({
      warehouseDb: own.url,
      secrets: [example.secret],
      clock,
      ...options,
    });
    const close = started.close;
    hub = { ...started, close: () => close().finally(() => own.drop()) };
    return { hub, url: own.url };
  }

  it('stores the real example, signed as Sendcloud signed it', async () => {
    const { hub, url } = await startFresh();
    expect(exampleWith({ statusId: 0, message: 'Ready to send', timestamp: EXAMPLE_AT })).toBe(
      example.raw_body,
    );
    const answer = await deliver(hub, example.raw_body, example.signature);
    expect(answer).toEqual({ status: 200, body: { result: 'stored' } });
    const { statuses } = await storedStatuses(url);
    expect(statuses).toEqual([
      expect.objectContaining({
        parcel_id: '3',
        status: 'announced',
        status_id: 0,
        status_message: 'Ready to send',
        tracking_number: 'S0M3TR4Ck1NgNumB3r',
        changed_at: new Date(EXAMPLE_AT),
      }),
    ]);
  });

  it('refuses a bad or missing signature with 401 and stores nothing', async () => {
    const { hub, url } = await startFresh();
    const wrongSecret = sign(example.raw_body, `${example.secret}x`);
    expect((await deliver(hub, example.raw_body, wrongSecret)).status).toBe(401);
    // The signature of other bytes: the same JSON, re-serialised with spaces.
    const spaced = JSON.stringify(JSON.parse(example.raw_body), null, 1);
    expect((await deliver(hub, spaced, example.signature)).status).toBe(401);
    expect((await deliver(hub, example.raw_body, null)).status).toBe(401);
    expect((await deliver(hub, example.raw_body, '')).status).toBe(401);
    expect(await storedStatuses(url)).toEqual({ statuses: [], deliveries: 0 });
  });

  it('drops a replay whose timestamp is older than the window, and keeps one inside it', async () => {
    const { hub, url } = await startFresh();
    const old = exampleWith({
      statusId: 11,
      message: 'Delivered',
      timestamp: clock.now() - WINDOW - 1_000,
    });
    expect(await deliver(hub, old, sign(old, example.secret))).toEqual({
      status: 200,
      body: { result: 'too-old' },
    });
    expect(await storedStatuses(url)).toEqual({ statuses: [], deliveries: 0 });

    const late = exampleWith({
      statusId: 11,
      message: 'Delivered',
      timestamp: clock.now() - WINDOW + 60_000,
    });
    expect((await deliver(hub, late, sign(late, example.secret))).body).toEqual({
      result: 'stored',
    });
    expect((await storedStatuses(url)).statuses).toHaveLength(1);
  });

  it('stores the same webhook delivered 5 times once', async () => {
    const { hub, url } = await startFresh();
    const results = [];
    for (let i = 0; i < 5; i++) {
      results.push((await deliver(hub, example.raw_body, example.signature)).body.result);
    }
    expect(results).toEqual(['stored', 'duplicate', 'duplicate', 'duplicate', 'duplicate']);
    const stored = await storedStatuses(url);
    expect(stored.deliveries).toBe(1);
    expect(stored.statuses).toHaveLength(1);

    // Five at once: still one.
    const again = exampleWith({ statusId: 3, message: 'En route', timestamp: EXAMPLE_AT + 1 });
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => deliver(hub, again, sign(again, example.secret))),
    );
    expect(answers.map((a) => a.body.result).sort()).toEqual([
      'duplicate',
      'duplicate',
      'duplicate',
      'duplicate',
      'stored',
    ]);
    expect((await storedStatuses(url)).deliveries).toBe(2);
  });

  it('leaves the newest status when deliveries come out of order, one by one or all at once', async () => {
    const { hub, url } = await startFresh();
    const steps = [
      { statusId: 1000, message: 'Ready to send' },
      { statusId: 3, message: 'En route to sorting center' },
      { statusId: 5, message: 'Sorted' },
      { statusId: 92, message: 'Driver en route' },
      { statusId: 11, message: 'Delivered' },
    ].map((step, i) => exampleWith({ ...step, timestamp: EXAMPLE_AT + i * 60_000 }));

    // Parcel 3: the newest first, then the rest, newest to oldest.
    const results = [];
    for (const raw of [...steps].reverse()) {
      results.push((await deliver(hub, raw, sign(raw, example.secret))).body.result);
    }
    expect(results).toEqual(['stored', 'older', 'older', 'older', 'older']);

    // Parcel 4: all five at once, in a shuffled order.
    const other = [3, 0, 4, 1, 2].map((i) => {
      const raw = steps[i]!.replace('"parcel":{"id":3,', '"parcel":{"id":4,');
      return deliver(hub, raw, sign(raw, example.secret));
    });
    expect((await Promise.all(other)).every((a) => a.status === 200)).toBe(true);

    const { statuses } = await storedStatuses(url);
    expect(statuses.map((s) => [s.parcel_id, s.status_id, s.status, s.changed_at])).toEqual([
      ['3', 11, 'delivered', new Date(EXAMPLE_AT + 4 * 60_000)],
      ['4', 11, 'delivered', new Date(EXAMPLE_AT + 4 * 60_000)],
    ]);
  });

  it('refuses a body over the limit with 413, declared or streamed, and stores nothing', async () => {
    const { hub, url } = await startFresh({ bodyLimitBytes: 2_048 });
    const big = exampleWith({ statusId: 11, message: 'x'.repeat(4_000), timestamp: EXAMPLE_AT });
    expect((await deliver(hub, big, sign(big, example.secret))).status).toBe(413);

    // Chunked, with no length said up front.
    const streamed = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${hub.url}${WEBHOOK_PATH}`, {
        method: 'POST',
        headers: { 'Sendcloud-Signature': sign(big, example.secret) },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      for (let i = 0; i < big.length; i += 500) req.write(big.slice(i, i + 500));
      req.end();
    });
    expect(streamed).toBe(413);
    // Under the limit, the same hub takes it.
    expect((await deliver(hub, example.raw_body, example.signature)).status).toBe(200);
    expect((await storedStatuses(url)).deliveries).toBe(1);
  });

  it('says on its health endpoint whether the database is reachable', async () => {
    const { hub } = await startFresh();
    const health = await fetch(`${hub.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true, database: 'reachable' });

    const nowhere = await startTestHub({
      warehouseDb: `postgres://postgres@127.0.0.1:${await closedPort()}/packdesk`,
      secrets: [example.secret],
      clock,
    });
    try {
      const down = await fetch(`${nowhere.url}/health`);
      expect(down.status).toBe(503);
      expect(await down.json()).toEqual({ ok: false, database: 'unreachable' });
      // A webhook it cannot store gets 503: Sendcloud delivers it again later.
      expect((await deliver(nowhere, example.raw_body, example.signature)).status).toBe(503);
    } finally {
      await nowhere.close();
    }
  });

  it('never writes the signing secret or the database password to its log', async () => {
    const lines: string[] = [];
    setLogSink({ write: (line) => lines.push(line) }, 'debug');
    const secret = 'a-signing-secret-nobody-may-see';
    const password = 'pg-password-nobody-may-see';
    try {
      const own = new URL(db.url);
      own.password = password;
      // A wrong password on a trust cluster still connects: the log must not have it either way.
      const logged = await startTestHub({ warehouseDb: own.toString(), secrets: [secret], clock });
      try {
        const raw = exampleWith({ statusId: 11, message: 'Delivered', timestamp: EXAMPLE_AT });
        await deliver(logged, raw, sign(raw, secret));
        await deliver(logged, raw, sign(raw, secret));
        await deliver(logged, raw, sign(raw, 'other'));
        await deliver(logged, raw, null);
        await deliver(logged, '{"action":"parcel_status_changed"}', sign('{}', secret));
        const old = exampleWith({ statusId: 11, message: 'Delivered', timestamp: 0 });
        await deliver(logged, old, sign(old, secret));
      } finally {
        await logged.close();
      }
      const broken = await startTestHub({
        warehouseDb: `postgres://postgres:${password}@127.0.0.1:${await closedPort()}/x`,
        secrets: [secret],
        clock,
      });
      await deliver(broken, example.raw_body, sign(example.raw_body, secret));
      await broken.close();
    } finally {
      setLogSink({ write: (line) => process.stderr.write(line + '\n') }, 'info');
    }
    const log = lines.join('\n');
    expect(log).toContain('hub listening');
    expect(log).toContain('webhook refused: bad or missing signature');
    expect(log).toContain('webhook not stored');
    expect(log).not.toContain(secret);
    expect(log).not.toContain(password);
  });
});
