// The simulator's webhooks against the real hub: shaped as Sendcloud's real example, signed with
// the account's secret key so the hub takes them, each parcel's statuses in PostgreSQL once and
// the newest kept through redeliveries and newest-first delivery, and retried after a failure.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WEBHOOK_PATH, type Hub } from '../../src-main/hub/server';
import { verifyWebhookSignature } from '../../src-main/sendcloud/webhook';
import { startSimulator, type Simulator } from '../../src-main/simulator/index';
import { manualClock } from '../helpers/clock';
import { closedPort } from '../helpers/net';
import { freshDatabase } from '../helpers/pg';
import { rawApi } from '../helpers/raw-api';
import { startTestHub, storedStatuses, webhookExample } from '../helpers/hub';

const HOUR = 3_600_000;

/** The keys of a JSON value, all the way down, in order: its shape without its values. */
function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.length > 0 ? [shapeOf(value[0])] : [];
  if (value && typeof value === 'object') {
    return Object.entries(value).map(([key, inner]) => [key, shapeOf(inner)]);
  }
  return typeof value;
}

async function label(sim: Simulator, orderNumber: string): Promise<number> {
  const response = await rawApi(sim).post('/api/v3/orders/create-label-sync', {
    integration_id: sim.integrationId,
    order: { order_number: orderNumber },
    label_details: { mime_type: 'application/zpl', dpi: 203 },
  });
  expect(response.status).toBe(201);
  return sim.labelsFor(orderNumber).at(-1)!.parcelId;
}

describe("the simulator's webhooks", () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function setUp() {
    const clock = manualClock();
    const db = await freshDatabase();
    cleanups.push(() => db.drop());
    const sim = await startSimulator({ clock, orderCount: 5 });
    cleanups.push(() => sim.close());
    const hub: Hub = await startTestHub({
      warehouseDb: db.url,
      secrets: [sim.keys.secretKey],
      clock,
      // The clock jumps two days at once here; Sendcloud itself sends each status as it happens.
      replayWindowMs: 48 * HOUR,
    });
    cleanups.push(() => hub.close());
    return { clock, db, sim, hub, hubUrl: `${hub.url}${WEBHOOK_PATH}` };
  }

  it('are shaped as the real example and signed with the account secret key', async () => {
    const { sim } = await setUp();
    const got: { raw: string; signature: string }[] = [];
    const catcher = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        got.push({
          raw: Buffer.concat(chunks).toString('utf8'),
          signature: String(req.headers['sendcloud-signature']),
        });
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => catcher.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => catcher.close(resolve)));
    const port = (catcher.address() as AddressInfo).port;

    sim.webhooks.set({ url: `http://127.0.0.1:${port}/hook`, intervalMs: 0 });
    const order = sim.orders()[0]!;
    const parcelId = await label(sim, order.order_number);
    await sim.webhooks.flush();

    expect(got).toHaveLength(1);
    const [first] = got;
    expect(verifyWebhookSignature(first!.raw, first!.signature, sim.keys.secretKey)).toBe(true);
    const body = JSON.parse(first!.raw) as Record<string, unknown>;
    const example = JSON.parse(webhookExample().raw_body) as unknown;
    expect(shapeOf(body)).toEqual(shapeOf(example));
    expect(body).toMatchObject({
      action: 'parcel_status_changed',
      parcel: {
        id: parcelId,
        order_number: order.order_number,
        tracking_number: sim.labelsFor(order.order_number)[0]?.trackingNumber,
        status: { id: 1000, message: 'Ready to send' },
      },
    });
  });

  it('verify against the hub, which keeps each status once and the newest', async () => {
    const { clock, db, sim, hubUrl } = await setUp();
    sim.webhooks.set({ url: hubUrl, intervalMs: 0 });
    const [one, two] = sim.orders();
    const first = await label(sim, one!.order_number);
    expect((await sim.webhooks.flush()).map((d) => [d.parcelId, d.httpStatus])).toEqual([
      [first, 200],
    ]);
    expect((await storedStatuses(db.url)).statuses).toEqual([
      expect.objectContaining({ parcel_id: String(first), status_id: 1000, status: 'announced' }),
    ]);

    // Every webhook five times, each round newest first.
    sim.webhooks.set({ url: hubUrl, intervalMs: 0, redeliveries: 4, outOfOrder: true });
    const second = await label(sim, two!.order_number);
    clock.advance(45 * HOUR);
    const sent = await sim.webhooks.flush();
    expect(sent.every((d) => d.httpStatus === 200)).toBe(true);
    // The first parcel: 4 carrier statuses; the second: ready to send and the same 4. Five each.
    expect(sent).toHaveLength((4 + 5) * 5);
    expect(sent[0]?.statusId).toBe(11);
    expect(sent.at(-1)?.statusId).toBe(1000);

    const stored = await storedStatuses(db.url);
    expect(stored.deliveries).toBe(1 + 4 + 5);
    expect(stored.statuses.map((s) => [Number(s.parcel_id), s.status_id, s.status])).toEqual(
      [
        [first, 11, 'delivered'],
        [second, 11, 'delivered'],
      ].sort((a, b) => Number(a[0]) - Number(b[0])),
    );
  });

  it('are delivered again on Sendcloud’s schedule when the hub could not take them', async () => {
    const { clock, db, sim, hubUrl } = await setUp();
    sim.webhooks.set({ url: `http://127.0.0.1:${await closedPort()}/hook`, intervalMs: 0 });
    const parcelId = await label(sim, sim.orders()[0]!.order_number);
    expect((await sim.webhooks.flush()).map((d) => d.httpStatus)).toEqual([null]);
    sim.webhooks.set({ url: hubUrl, intervalMs: 0 });
    // Not yet: the first retry is 5 minutes after.
    clock.advance(4 * 60_000);
    expect(await sim.webhooks.flush()).toEqual([]);
    clock.advance(60_000);
    expect(await sim.webhooks.flush()).toEqual([
      expect.objectContaining({ parcelId, statusId: 1000, attempt: 2, httpStatus: 200 }),
    ]);
    expect((await storedStatuses(db.url)).statuses).toHaveLength(1);
  });
});
