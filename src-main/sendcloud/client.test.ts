import { describe, expect, it } from 'vitest';
import { createSendcloudClient, carrierOf } from './client';
import { caught } from '../../test/helpers/sendcloud';
import { fakeFetch, json, keys, testClient } from '../../test/helpers/sendcloud-fakes';

function order(id: string | number, n: number) {
  return {
    id,
    order_id: `shop-${n}`,
    order_number: `PD-${n}`,
    order_details: { integration: { id: 3017 }, status: { code: 'unshipped' }, order_items: [] },
    payment_details: { total_price: { value: 10, currency: 'EUR' }, status: { code: 'paid' } },
  };
}

describe('createSendcloudClient', () => {
  it('sends Basic auth and maps list filters to the documented query parameters', async () => {
    const { fetch, seen } = fakeFetch(() => json(200, { data: [order(5, 1)] }));
    const client = createSendcloudClient({ baseUrl: 'http://sim.test/', ...keys, fetch });
    const page = await client.listOrders({
      integrationIds: [3017, 42],
      orderNumber: 'PD-1',
      status: 'unshipped',
      updatedAtMin: '2026-03-01',
      pageSize: 25,
    });
    expect(page).toEqual({ orders: [expect.objectContaining({ id: '5' })], nextCursor: null });
    const request = seen[0];
    expect(request?.url.pathname).toBe('/api/v3/orders');
    expect(Object.fromEntries(request?.url.searchParams ?? [])).toEqual({
      integration: '3017,42',
      order_number: 'PD-1',
      status: 'unshipped',
      order_updated_at_min: '2026-03-01',
      page_size: '25',
    });
    expect(request?.headers.get('authorization')).toBe(
      `Basic ${Buffer.from('pub-key-123:sec-key-456').toString('base64')}`,
    );
    expect(request?.headers.get('accept')).toBe('application/json');
  });

  it('follows rel="next" cursors until the last page', async () => {
    const pages: Record<string, { orders: unknown[]; next?: string }> = {
      '': { orders: [order('1', 1), order('2', 2)], next: 'bz0y' },
      bz0y: { orders: [order('3', 3)], next: 'bz0z' },
      bz0z: { orders: [order('4', 4)] },
    };
    const { fetch, seen } = fakeFetch(({ url }) => {
      const page = pages[url.searchParams.get('cursor') ?? ''];
      if (!page)
        return json(404, {
          errors: [{ status: '404', code: 'not_found', detail: 'Invalid cursor' }],
        });
      const link: Record<string, string> = page.next
        ? { link: `<${url.origin}/api/v3/orders?cursor=${page.next}>; rel="next"` }
        : {};
      return json(200, { data: page.orders }, link);
    });
    const client = createSendcloudClient({ baseUrl: 'http://sim.test', ...keys, fetch });
    const all = await client.listAllOrders({ pageSize: 2 });
    expect(all.map((o) => o.order_number)).toEqual(['PD-1', 'PD-2', 'PD-3', 'PD-4']);
    expect(seen.map((s) => s.url.searchParams.get('cursor'))).toEqual([null, 'bz0y', 'bz0z']);
  });

  it('refuses a cursor loop instead of paging forever', async () => {
    const { fetch } = fakeFetch(({ url }) =>
      json(200, { data: [] }, { link: `<${url.origin}/api/v3/orders?cursor=same>; rel="next"` }),
    );
    const client = createSendcloudClient({ baseUrl: 'http://sim.test', ...keys, fetch });
    const error = await caught(client.listAllOrders());
    expect(error.kind).toBe('server');
    expect(error.message).toMatch(/same order page cursor twice/);
  });

  it('builds the create-label-sync body and reads the example-shaped answer', async () => {
    const zpl = '^XA^FDhello^FS^XZ';
    const { fetch, seen } = fakeFetch(() =>
      json(201, {
        data: [
          {
            parcel_id: 77,
            shipment_id: '88',
            order_id: 'shop-1',
            order_number: 'PD-1',
            ship_with: {
              type: 'shipping_option_code',
              properties: { shipping_option_code: 'dhl:parcel', contract_id: 5 },
            },
            tracking_number: 'JJD000123',
            tracking_url: 'https://track.test/JJD000123',
            label: {
              file: Buffer.from(zpl).toString('base64'),
              mime_type: 'application/zpl',
              dpi: 203,
            },
          },
        ],
      }),
    );
    const client = createSendcloudClient({ baseUrl: 'http://sim.test', ...keys, fetch });
    const label = await client.createLabelSync({
      integrationId: 3017,
      order: { orderNumber: 'PD-1' },
      format: 'zpl',
      dpi: 203,
      senderAddressId: 9,
    });
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(seen[0]?.body ?? '')).toEqual({
      integration_id: 3017,
      order: { order_number: 'PD-1' },
      label_details: { mime_type: 'application/zpl', dpi: 203 },
      sender_address_id: 9,
    });
    expect(label).toEqual({
      parcelId: 77,
      shipmentId: '88',
      orderId: 'shop-1',
      orderNumber: 'PD-1',
      trackingNumber: 'JJD000123',
      trackingUrl: 'https://track.test/JJD000123',
      carrier: 'dhl',
      shippingOptionCode: 'dhl:parcel',
      label: { bytes: Buffer.from(zpl), mimeType: 'application/zpl', dpi: 203 },
    });
  });

  it('reads the schema-shaped answer (object, `label_details`) and the asked shipping option', async () => {
    const { fetch, seen } = fakeFetch(() =>
      json(201, {
        data: {
          parcel_id: '12',
          shipment_id: 13,
          order_id: 'shop-9',
          order_number: 'PD-9',
          tracking_number: '1Z999',
          label_details: { file: 'JVBERi0=', mime_type: 'application/pdf' },
        },
      }),
    );
    const client = createSendcloudClient({ baseUrl: 'http://sim.test', ...keys, fetch });
    const label = await client.createLabelSync({
      integrationId: 1,
      order: { orderId: 'shop-9' },
      format: 'pdf',
      dpi: 72,
      shippingOptionCode: 'ups:standard',
    });
    expect(JSON.parse(seen[0]?.body ?? '')).toMatchObject({
      order: { order_id: 'shop-9' },
      ship_with: {
        type: 'shipping_option_code',
        properties: { shipping_option_code: 'ups:standard' },
      },
    });
    expect(label.parcelId).toBe(12);
    expect(label.shipmentId).toBe('13');
    expect(label.carrier).toBe('ups');
    expect(label.trackingUrl).toBeNull();
    expect(label.label).toEqual({
      bytes: Buffer.from('%PDF-'),
      mimeType: 'application/pdf',
      dpi: 72,
    });
  });

  it('refuses a label file that is not base64, as in the documentation placeholder', async () => {
    const { fetch } = fakeFetch(() =>
      json(201, {
        data: [
          {
            parcel_id: 1,
            shipment_id: '1',
            order_id: 'a',
            order_number: 'b',
            tracking_number: 'c',
            label: { file: '<base64-encoded-pdf-data>', mime_type: 'application/pdf', dpi: 72 },
          },
        ],
      }),
    );
    const client = createSendcloudClient({ baseUrl: 'http://sim.test', ...keys, fetch });
    const error = await caught(
      client.createLabelSync({
        integrationId: 1,
        order: { orderNumber: 'b' },
        format: 'pdf',
        dpi: 72,
      }),
    );
    expect(error.kind).toBe('server');
    expect(error.message).toMatch(/not base64/);
  });

  it('turns a v3 error body into a classified error with details and request id', async () => {
    const { fetch } = fakeFetch(() =>
      json(
        400,
        {
          errors: [
            {
              status: '400',
              code: 'invalid',
              detail: 'Input should be a valid string.',
              source: { pointer: '/data/attributes/order/order_id' },
            },
          ],
        },
        { 'x-request-id': 'req-1' },
      ),
    );
    const client = createSendcloudClient({ baseUrl: 'http://sim.test', ...keys, fetch });
    const error = await caught(client.getOrder('1'));
    expect(error.kind).toBe('validation');
    expect(error.status).toBe(400);
    expect(error.requestId).toBe('req-1');
    expect(error.details).toEqual([
      {
        code: 'invalid',
        detail: 'Input should be a valid string.',
        pointer: '/data/attributes/order/order_id',
      },
    ]);
    expect(error.message).toBe(
      'Sendcloud answered 400 to GET /orders/1: Input should be a valid string.',
    );
  });

  it('waits out Retry-After of a 429, then gives up with it, never putting the keys in the message', async () => {
    const { fetch, seen } = fakeFetch(
      () => new Response('', { status: 429, headers: { 'retry-after': '3' } }),
    );
    const { client, clock } = testClient(fetch);
    const error = await caught(client.listIntegrations());
    expect(error.kind).toBe('rate-limited');
    expect(error.retryAfterMs).toBe(3000);
    expect(error.details).toEqual([]);
    expect(seen).toHaveLength(3);
    expect(clock.sleeps.filter((ms) => ms === 3000).length).toBeGreaterThanOrEqual(2);
    expect(`${error.message} ${JSON.stringify(error)}`).not.toMatch(/pub-key-123|sec-key-456/);
  });

  it('calls a body that does not match the schema a server error', async () => {
    const { fetch } = fakeFetch(() => json(200, { data: [{ id: 1, order_id: 'x' }] }));
    const client = createSendcloudClient({ baseUrl: 'http://sim.test', ...keys, fetch });
    const error = await caught(client.listOrders());
    expect(error.kind).toBe('server');
    expect(error.message).toMatch(
      /^Sendcloud answered GET \/orders in a shape Packdesk does not understand: data\.0\.order_number/,
    );
  });

  it('calls a body that is not JSON a server error', async () => {
    const { fetch } = fakeFetch(() => new Response('<html>maintenance</html>', { status: 200 }));
    const client = createSendcloudClient({ baseUrl: 'http://sim.test', ...keys, fetch });
    expect((await caught(client.listIntegrations())).kind).toBe('server');
  });

  it('times out through the abort signal', async () => {
    const fetch: typeof globalThis.fetch = (_input, init) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      });
    const { client } = testClient(fetch, { timeoutMs: 20, retry: { maxAttempts: 1 } });
    const error = await caught(client.listIntegrations());
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe('Sendcloud did not answer GET /integrations within 20 ms.');
  });

  it('calls a failed connection a network error and names the reason', async () => {
    const fetch: typeof globalThis.fetch = () =>
      Promise.reject(
        new TypeError('fetch failed', {
          cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }),
        }),
      );
    const { client } = testClient(fetch);
    const error = await caught(client.listIntegrations());
    expect(error.kind).toBe('network');
    expect(error.message).toBe('Could not reach Sendcloud for GET /integrations (ECONNREFUSED).');
  });

  it('asks for a parcel document by Accept header and returns its bytes', async () => {
    const { fetch, seen } = fakeFetch(
      () => new Response('^XA^XZ', { status: 200, headers: { 'content-type': 'application/zpl' } }),
    );
    const client = createSendcloudClient({ baseUrl: 'http://sim.test', ...keys, fetch });
    const bytes = await client.getParcelDocument(42, 'label', { format: 'zpl', paperSize: 'A6' });
    expect(bytes.toString()).toBe('^XA^XZ');
    expect(seen[0]?.url.pathname).toBe('/api/v3/parcels/42/documents/label');
    expect(seen[0]?.url.searchParams.get('paper_size')).toBe('A6');
    expect(seen[0]?.headers.get('accept')).toBe('application/zpl');
  });
});

describe('carrierOf', () => {
  it('takes the carrier code before the colon', () => {
    expect(carrierOf('postnl:standard/insured=3000')).toBe('postnl');
    expect(carrierOf('colissimo:home')).toBe('colissimo');
    expect(carrierOf(null)).toBe('unknown');
  });
});
