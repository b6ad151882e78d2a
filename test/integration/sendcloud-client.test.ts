// The real Sendcloud client against the real simulator, over HTTP on 127.0.0.1.
import { inflateSync } from 'node:zlib';
import { ready } from 'zpl-renderer-js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSendcloudClient, type SendcloudClient } from '../../src-main/sendcloud/client';
import { SendcloudError } from '../../src-main/sendcloud/errors';
import { startSimulator, type Simulator } from '../../src-main/simulator/index';
import { caught } from '../helpers/sendcloud';

/** Decode an 8-bit greyscale, non-interlaced PNG into rows of pixel values. */
function greyscaleRows(png: Buffer): { width: number; height: number; rows: Uint8Array[] } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  expect([png[24], png[25], png[28]]).toEqual([8, 0, 0]);
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT')
      idat.push(png.subarray(at + 8, at + 8 + length));
    at += length + 12;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const rows: Uint8Array[] = [];
  let previous = new Uint8Array(width);
  for (let y = 0; y < height; y++) {
    const start = y * (width + 1);
    const filter = raw[start];
    const row = new Uint8Array(width);
    for (let x = 0; x < width; x++) {
      const value = raw[start + 1 + x] ?? 0;
      const left = x > 0 ? (row[x - 1] ?? 0) : 0;
      const up = previous[x] ?? 0;
      const upLeft = x > 0 ? (previous[x - 1] ?? 0) : 0;
      let predicted = 0;
      if (filter === 1) predicted = left;
      else if (filter === 2) predicted = up;
      else if (filter === 3) predicted = (left + up) >> 1;
      else if (filter === 4) {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        predicted = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      }
      row[x] = (value + predicted) & 0xff;
    }
    rows.push(row);
    previous = row;
  }
  return { width, height, rows };
}

describe('Sendcloud client against the simulator', () => {
  let sim: Simulator;
  let client: SendcloudClient;
  let requested: URL[];

  beforeEach(async () => {
    sim = await startSimulator({ orderCount: 23, seed: 7 });
    requested = [];
    client = createSendcloudClient({
      baseUrl: sim.url,
      ...sim.keys,
      timeoutMs: 5_000,
      fetch: (input, init) => {
        requested.push(new URL(String(input)));
        return fetch(input, init);
      },
    });
  });

  afterEach(async () => {
    await sim.close();
  });

  it('lists the demo integration', async () => {
    const integrations = await client.listIntegrations();
    expect(integrations).toEqual([
      expect.objectContaining({ id: sim.integrationId, shop_name: 'Packdesk Demo Shop' }),
    ]);
  });

  it('walks every page of orders with a small page size', async () => {
    const orders = await client.listAllOrders({ integrationIds: [sim.integrationId], pageSize: 5 });
    expect(orders).toHaveLength(23);
    expect(new Set(orders.map((o) => o.order_number))).toEqual(
      new Set(sim.orders().map((o) => o.order_number)),
    );
    // 5 + 5 + 5 + 5 + 3: five requests, each after the first with a new cursor.
    expect(requested).toHaveLength(5);
    const cursors = requested.map((url) => url.searchParams.get('cursor'));
    expect(cursors[0]).toBeNull();
    expect(new Set(cursors.slice(1)).size).toBe(4);
    expect(requested.every((url) => url.searchParams.get('page_size') === '5')).toBe(true);
  });

  it('reports the next cursor of one page and null on the last', async () => {
    const first = await client.listOrders({ pageSize: 20 });
    expect(first.orders).toHaveLength(20);
    expect(first.nextCursor).toEqual(expect.any(String));
    const last = await client.listOrders({ pageSize: 20, cursor: first.nextCursor ?? '' });
    expect(last.orders).toHaveLength(3);
    expect(last.nextCursor).toBeNull();
  });

  it('finds an order by number, ignoring case, and by Sendcloud id', async () => {
    const wanted = sim.orders()[4];
    if (!wanted) throw new Error('no seeded order');
    const page = await client.listOrders({ orderNumber: wanted.order_number.toLowerCase() });
    expect(page.orders.map((o) => o.order_id)).toEqual([wanted.order_id]);
    const order = await client.getOrder(wanted.id);
    expect(order.order_number).toBe(wanted.order_number);
    expect(order.shipping_address?.country_code).toBe(wanted.country);
  });

  it('creates a ZPL label whose bytes are the ledger bytes, with a Code 128 of the tracking number', async () => {
    const order = sim.orders()[0];
    if (!order) throw new Error('no seeded order');
    const label = await client.createLabelSync({
      integrationId: sim.integrationId,
      order: { orderNumber: order.order_number },
      format: 'zpl',
      dpi: 203,
    });
    expect(sim.ledger).toHaveLength(1);
    const entry = sim.ledger[0];
    expect(entry).toMatchObject({
      orderId: order.order_id,
      orderNumber: order.order_number,
      parcelId: label.parcelId,
      shipmentId: label.shipmentId,
      trackingNumber: label.trackingNumber,
      carrier: order.shipping_option_code.split(':')[0],
      format: 'zpl',
      publicKey: sim.keys.publicKey,
    });
    expect(label.label.bytes.equals(entry?.bytes ?? Buffer.alloc(0))).toBe(true);
    expect(label.label).toMatchObject({ mimeType: 'application/zpl', dpi: 203 });
    expect(label.carrier).toBe(entry?.carrier);
    expect(label.shippingOptionCode).toBe(order.shipping_option_code);
    expect(label.trackingUrl).toContain(label.trackingNumber);

    const zpl = label.label.bytes.toString('utf8');
    expect(zpl.startsWith('^XA')).toBe(true);
    expect(zpl.trimEnd().endsWith('^XZ')).toBe(true);
    expect(zpl).toContain('^PW812');
    expect(zpl).toContain('^LL1218');
    expect(zpl).toMatch(new RegExp(`\\^BC[^\\n]*\\^FD${label.trackingNumber}\\^FS`));
    expect(zpl).toContain(order.order.shipping_address.name);

    const document = await client.getParcelDocument(label.parcelId, 'label', { format: 'zpl' });
    expect(document.equals(label.label.bytes)).toBe(true);
  });

  it('creates a PDF label and the document endpoint returns the identical bytes', async () => {
    const order = sim.orders()[1];
    if (!order) throw new Error('no seeded order');
    const label = await client.createLabelSync({
      integrationId: sim.integrationId,
      order: { orderId: order.order_id },
      format: 'pdf',
      dpi: 72,
    });
    expect(label.label.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(label.label).toMatchObject({ mimeType: 'application/pdf', dpi: 72 });
    expect(sim.ledger[0]?.bytes.equals(label.label.bytes)).toBe(true);
    const document = await client.getParcelDocument(label.parcelId, 'label', { format: 'pdf' });
    expect(document.equals(label.label.bytes)).toBe(true);
  });

  it('keeps serving a native ZPL label as ZPL, as Sendcloud does', async () => {
    const order = sim.orders()[2];
    if (!order) throw new Error('no seeded order');
    const label = await client.createLabelSync({
      integrationId: sim.integrationId,
      order: { orderId: order.order_id },
      format: 'zpl',
      dpi: 203,
    });
    const asPdf = await client.getParcelDocument(label.parcelId, 'label', { format: 'pdf' });
    expect(asPdf.equals(label.label.bytes)).toBe(true);
  });

  it('labels the same order twice, because ship-an-order has no duplicate protection', async () => {
    const order = sim.orders()[3];
    if (!order) throw new Error('no seeded order');
    const request = {
      integrationId: sim.integrationId,
      order: { orderNumber: order.order_number },
      format: 'zpl',
      dpi: 203,
    } as const;
    const first = await client.createLabelSync(request);
    const second = await client.createLabelSync(request);
    expect(second.parcelId).not.toBe(first.parcelId);
    expect(second.trackingNumber).not.toBe(first.trackingNumber);
    expect(sim.ledger.map((e) => e.orderNumber)).toEqual([order.order_number, order.order_number]);
  });

  it('reads the spec-schema shape of the label answer as well', async () => {
    const schemaSim = await startSimulator({ orderCount: 3, labelResponse: 'schema' });
    try {
      const schemaClient = createSendcloudClient({ baseUrl: schemaSim.url, ...schemaSim.keys });
      const order = schemaSim.orders()[0];
      if (!order) throw new Error('no seeded order');
      const label = await schemaClient.createLabelSync({
        integrationId: schemaSim.integrationId,
        order: { orderNumber: order.order_number },
        format: 'zpl',
        dpi: 203,
      });
      expect(label.label.bytes.equals(schemaSim.ledger[0]?.bytes ?? Buffer.alloc(0))).toBe(true);
    } finally {
      await schemaSim.close();
    }
  });

  it('answers wrong keys with 401, classified as auth', async () => {
    const stranger = createSendcloudClient({
      baseUrl: sim.url,
      publicKey: 'nope',
      secretKey: 'wrong',
    });
    const error = await caught(stranger.listOrders());
    expect(error.kind).toBe('auth');
    expect(error.status).toBe(401);
    expect(error.details[0]).toMatchObject({ code: 'authentication_failed' });
    expect(error.requestId).toEqual(expect.any(String));
    expect(error.message).not.toContain('wrong');
  });

  it('answers missing credentials with the documented "No credentials" body', async () => {
    const response = await fetch(`${sim.url}/api/v3/orders`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      errors: [
        {
          status: '401',
          code: 'authentication_failed',
          title: 'No credentials',
          detail: 'Authentication credentials were not provided.',
        },
      ],
    });
  });

  it('answers an unknown order with not-found, on read and on label creation', async () => {
    expect((await caught(client.getOrder('999999999'))).kind).toBe('not-found');
    const error = await caught(
      client.createLabelSync({
        integrationId: sim.integrationId,
        order: { orderNumber: 'PD-00000' },
        format: 'zpl',
        dpi: 203,
      }),
    );
    expect(error.kind).toBe('not-found');
    expect(error.details[0]?.detail).toBe(
      'The order could not be found with the search criteria given',
    );
    expect(sim.ledger).toHaveLength(0);
  });

  it('validates a label request as the spec does, with pointers', async () => {
    const auth = `Basic ${Buffer.from(`${sim.keys.publicKey}:${sim.keys.secretKey}`).toString('base64')}`;
    const response = await fetch(`${sim.url}/api/v3/orders/create-label-sync`, {
      method: 'POST',
      headers: { Authorization: auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        integration_id: '3017',
        order: { order_id: 12 },
        label_details: { mime_type: 'text/plain', dpi: 204 },
      }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { source?: { pointer?: string } }[] };
    expect(body.errors.map((e) => e.source?.pointer)).toEqual([
      '/data/attributes/integration_id',
      '/data/attributes/order/order_id',
      '/data/attributes/label_details/mime_type',
      '/data/attributes/label_details/dpi',
    ]);
  });

  it('answers a bad page size with a validation error naming the parameter', async () => {
    const error = await caught(client.listOrders({ pageSize: 201 }));
    expect(error.kind).toBe('validation');
    expect(error.details).toEqual([
      {
        code: 'invalid',
        detail: 'Ensure this value is less than or equal to 200.',
        parameter: 'page_size',
      },
    ]);
  });

  it('answers an invalid cursor with the documented 404', async () => {
    const error = await caught(client.listOrders({ cursor: 'bm9wZQ==' }));
    expect(error.kind).toBe('not-found');
    expect(error.details).toEqual([{ code: 'not_found', detail: 'Invalid cursor' }]);
  });

  it('answers an unknown document type with the documented 400', async () => {
    const response = await fetch(`${sim.url}/api/v3/parcels/1/documents/invoice`, {
      headers: {
        Authorization: `Basic ${Buffer.from(`${sim.keys.publicKey}:${sim.keys.secretKey}`).toString('base64')}`,
      },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [{ code: 'invalid', status: '400', detail: 'Invalid document type.' }],
    });
    expect((await caught(client.getParcelDocument(1, 'label', { format: 'pdf' }))).kind).toBe(
      'not-found',
    );
  });

  it('turns an injected 500 into a server error', async () => {
    sim.faults.set({ failStatus: 500 });
    const error = await caught(client.listIntegrations());
    expect(error.kind).toBe('server');
    expect(error.status).toBe(500);
    sim.faults.reset();
    await expect(client.listIntegrations()).resolves.toHaveLength(1);
  });

  it('turns an injected 429 into rate-limited, with the documented body', async () => {
    sim.faults.set({ failStatus: 429, failRate: 1 });
    const error = await caught(
      client.createLabelSync({
        integrationId: sim.integrationId,
        order: { orderNumber: sim.orders()[0]?.order_number ?? '' },
        format: 'zpl',
        dpi: 203,
      }),
    );
    expect(error.kind).toBe('rate-limited');
    expect(error.details[0]).toMatchObject({ code: 'hit_rate_limit' });
    expect(error.retryAfterMs).toBe(1000);
    expect(sim.ledger).toHaveLength(0);
  });

  it('fails only some requests at a partial fail rate', async () => {
    sim.faults.set({ failStatus: 503, failRate: 0.5 });
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, () =>
        client.listIntegrations().then(
          () => 'ok',
          (error: unknown) => (error instanceof SendcloudError ? error.kind : 'other'),
        ),
      ),
    );
    expect(outcomes.filter((o) => o === 'server').length).toBeGreaterThan(5);
    expect(outcomes.filter((o) => o === 'ok').length).toBeGreaterThan(5);
    expect(outcomes.every((o) => o === 'ok' || o === 'server')).toBe(true);
  });

  it('times out when the simulator is slower than the client allows', async () => {
    sim.faults.set({ latencyMs: 2_000 });
    const impatient = createSendcloudClient({ baseUrl: sim.url, ...sim.keys, timeoutMs: 100 });
    const started = Date.now();
    const error = await caught(impatient.listIntegrations());
    expect(error.kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('reports a network error once the simulator is gone', async () => {
    await client.listIntegrations();
    await sim.close();
    const error = await caught(client.listIntegrations());
    expect(error.kind).toBe('network');
    expect(error.message).toMatch(/ECONNREFUSED/);
  });

  it('makes a ZPL label that renders to a 4×6 inch, 203 dpi image with a barcode', async () => {
    const order = sim.orders()[5];
    if (!order) throw new Error('no seeded order');
    const label = await client.createLabelSync({
      integrationId: sim.integrationId,
      order: { orderNumber: order.order_number },
      format: 'zpl',
      dpi: 203,
    });
    const { api } = await ready;
    // The renderer sizes the image from millimetres at 8 dots/mm and rounds up: 101.6 × 152.4 mm
    // would give 813 × 1220, so ask for exactly 812 × 1218 dots (4 × 6 inches at 203 dpi).
    const base64 = await api.zplToBase64Async(
      label.label.bytes.toString('utf8'),
      812 / 8,
      1218 / 8,
      8,
    );
    const png = Buffer.from(base64, 'base64');
    const { width, height, rows } = greyscaleRows(png);
    expect([width, height]).toEqual([812, 1218]);

    const dark = (row: Uint8Array | undefined) => [...(row ?? [])].filter((v) => v < 128).length;
    // The barcode band alternates bar and space many times; the blank band above it does not.
    const barcodeRow = rows[900];
    let edges = 0;
    for (let x = 1; x < width; x++) {
      if ((barcodeRow?.[x] ?? 255) < 128 !== (barcodeRow?.[x - 1] ?? 255) < 128) edges++;
    }
    expect(edges).toBeGreaterThan(40);
    expect(dark(rows[600])).toBe(0);
    // The recipient's name is printed in the address block.
    expect(rows.slice(300, 350).reduce((sum, row) => sum + dark(row), 0)).toBeGreaterThan(500);
  });
});
