// Several Sendcloud accounts in one simulator, as a marketplace station uses them: each its own
// shop, orders, integration, addresses and brands; keys that can be wrong, revoked or rotated;
// and a ledger that says which account and which settings made every label.
import { afterEach, describe, expect, it } from 'vitest';
import {
  startSimulator,
  type SimAccount,
  type Simulator,
  type SimulatorOptions,
} from '../../src-main/simulator/index';
import { manualClock } from '../helpers/clock';
import { readExampleJson } from '../helpers/examples';
import { basicAuth, rawApi, type RawResponse } from '../helpers/raw-api';

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function start(opts: SimulatorOptions = {}): Promise<Simulator> {
  sim = await startSimulator({ clock: manualClock(), orderCount: 5, accounts: [{}, {}], ...opts });
  return sim;
}

function pair(s: Simulator): [SimAccount, SimAccount] {
  const [first, second] = s.accounts;
  if (!first || !second) throw new Error('two accounts expected');
  return [first, second];
}

const data = (answer: RawResponse) => (answer.json as { data: unknown }).data;
const orderNumbers = (answer: RawResponse) =>
  (data(answer) as { order_number: string }[]).map((o) => o.order_number);

const letter = {
  type: 'shipping_option_code',
  properties: { shipping_option_code: 'sendcloud:letter' },
};

describe('simulator: several accounts', () => {
  it('gives each account its own shop: order numbers, order ids, integration, addresses, brands', async () => {
    const s = await start();
    const [first, second] = pair(s);
    expect(first.orders().map((o) => o.order_number)).toEqual([
      'PD-10001',
      'PD-10002',
      'PD-10003',
      'PD-10004',
      'PD-10005',
    ]);
    expect(second.orders().map((o) => o.order_number)).toEqual([
      'MK-20001',
      'MK-20002',
      'MK-20003',
      'MK-20004',
      'MK-20005',
    ]);
    expect([first.orderNumberPrefix, second.orderNumberPrefix]).toEqual(['PD-', 'MK-']);
    const ids = new Set([...first.orders(), ...second.orders()].map((o) => o.id));
    expect(ids.size).toBe(10);
    expect([first.integrationId, second.integrationId]).toEqual([3017, 3018]);
    expect(first.senderAddressIds.filter((id) => second.senderAddressIds.includes(id))).toEqual([]);
    expect([first.brandIds, second.brandIds]).toEqual([[4201, 4202], [4301]]);
    for (const order of second.orders()) {
      expect(order.order.order_details.integration.id).toBe(second.integrationId);
    }

    const integrations = await rawApi(s, second).get('/api/v3/integrations');
    expect(data(integrations)).toEqual([
      expect.objectContaining({ id: 3018, shop_name: 'Makers Kitchen' }),
    ]);
    const brands = await rawApi(s, second).get('/api/v2/brands');
    expect(brands.json).toMatchObject({
      next: null,
      previous: null,
      brands: [{ id: 4301, name: 'Makers Kitchen', domain: 'makers-kitchen' }],
    });
    // The first account is the demo shop every other test knows, unchanged.
    expect(data(await rawApi(s, first).get('/api/v3/integrations'))).toEqual([
      expect.objectContaining({
        id: 3017,
        shop_name: 'Packdesk Demo Shop',
        shop_url: 'https://demo-shop.packdesk.example/',
      }),
    ]);
    expect(first.senderAddressIds).toEqual([84213, 84214]);
  });

  it('takes an order number prefix per account, and refuses two accounts with the same one', async () => {
    const s = await start({ accounts: [{}, { orderNumberPrefix: 'ACME-' }] });
    expect(pair(s)[1].orders()[0]?.order_number).toBe('ACME-20001');
    await s.close();
    await expect(start({ accounts: [{}, { orderNumberPrefix: 'PD-' }] })).rejects.toThrow(
      /own order number prefix/,
    );
  });

  it('never shows one account’s orders to another’s keys: not listed, not found, not labelled', async () => {
    const s = await start();
    const [first, second] = pair(s);
    const theirs = rawApi(s, second);
    const mine = first.orders()[0];
    if (!mine) throw new Error('no order');

    expect(orderNumbers(await theirs.get('/api/v3/orders?sort=order_number'))).toEqual(
      second.orders().map((o) => o.order_number),
    );
    expect(data(await theirs.get(`/api/v3/orders?order_number=${mine.order_number}`))).toEqual([]);
    const byId = await theirs.get(`/api/v3/orders/${mine.id}`);
    expect(byId.status).toBe(404);
    expect(byId.json).toEqual({
      errors: [
        {
          status: '404',
          code: 'not_found',
          title: 'Not found',
          detail: 'The order could not be found with the search criteria given',
        },
      ],
    });
    const viaTheirIntegration = await theirs.post('/api/v3/orders/create-label-sync', {
      integration_id: second.integrationId,
      order: { order_number: mine.order_number },
      ship_with: letter,
    });
    expect(viaTheirIntegration.status).toBe(404);
    const viaMine = await theirs.post('/api/v3/orders/create-label-sync', {
      integration_id: first.integrationId,
      order: { order_number: mine.order_number },
      ship_with: letter,
    });
    expect(viaMine.status).toBe(400);
    expect(viaMine.json).toMatchObject({
      errors: [
        {
          code: 'invalid',
          detail: `Integration with id ${first.integrationId} does not exist`,
          source: { pointer: '/data/attributes/integration_id' },
        },
      ],
    });
    expect(s.ledger).toEqual([]);
  });

  it('answers keys that match no account with the spec’s 401 bodies, v3 and v2', async () => {
    const s = await start();
    const [first, second] = pair(s);
    // One account's public key with the other's secret is no account at all.
    const crossed = { Authorization: basicAuth(first.publicKey, second.secretKey) };
    const v3 = await fetch(`${s.url}/api/v3/orders`, { headers: crossed });
    expect(v3.status).toBe(401);
    expect(await v3.json()).toEqual(readExampleJson('v3-401-invalid-credentials.json'));
    const v2 = await fetch(`${s.url}/api/v2/brands`, { headers: crossed });
    expect(v2.status).toBe(401);
    expect(await v2.json()).toEqual({
      error: { code: 401, request: 'api/v2/brands', message: 'Invalid username/password.' },
    });
  });
});

describe('simulator: keys revoked and rotated mid-run', () => {
  it('answers 401 to revoked keys from then on, for that account only', async () => {
    const s = await start();
    const [first, second] = pair(s);
    const api = rawApi(s, first);
    expect((await api.get('/api/v3/orders')).status).toBe(200);

    s.revokeKeys(first.publicKey);
    const refused = await api.get('/api/v3/orders');
    expect(refused.status).toBe(401);
    expect(refused.json).toEqual(readExampleJson('v3-401-invalid-credentials.json'));
    const label = await api.post('/api/v3/orders/create-label-sync', {
      integration_id: first.integrationId,
      order: { order_number: 'PD-10001' },
      ship_with: letter,
    });
    expect(label.status).toBe(401);
    expect((await api.get('/api/v2/parcels')).status).toBe(401);
    expect((await rawApi(s, second).get('/api/v3/orders')).status).toBe(200);
    expect(s.ledger).toEqual([]);
    expect(s.requests.map((r) => [r.status, r.publicKey])).toEqual([
      [200, first.publicKey],
      [401, null],
      [401, null],
      [401, null],
      [200, second.publicKey],
    ]);
    expect(() => s.revokeKeys('no-such-key')).toThrow(RangeError);
  });

  it('accepts new keys after a rotation and never the old ones; the account keeps its data', async () => {
    const s = await start();
    const [first, second] = pair(s);
    const old = { publicKey: first.publicKey, secretKey: first.secretKey };
    const before = await rawApi(s, old).post('/api/v3/orders/create-label-sync', {
      integration_id: first.integrationId,
      order: { order_number: 'PD-10001' },
      ship_with: letter,
    });
    expect(before.status).toBe(201);

    s.revokeKeys(old.publicKey);
    const fresh = s.rotateKeys(old.publicKey);
    expect(fresh.publicKey).toMatch(/^[0-9a-f]{32}$/);
    expect(fresh.publicKey).not.toBe(old.publicKey);
    expect([first.publicKey, first.secretKey]).toEqual([fresh.publicKey, fresh.secretKey]);
    expect(s.keys).toEqual(fresh);

    expect((await rawApi(s, old).get('/api/v3/orders')).status).toBe(401);
    const now = rawApi(s, fresh);
    expect(orderNumbers(await now.get('/api/v3/orders?sort=order_number'))).toEqual(
      first.orders().map((o) => o.order_number),
    );
    expect(data(await now.get('/api/v3/integrations'))).toEqual([
      expect.objectContaining({ id: first.integrationId }),
    ]);
    const shipments = data(await now.get('/api/v3/shipments')) as { order_number: string }[];
    expect(shipments.map((shipment) => shipment.order_number)).toEqual(['PD-10001']);
    const after = await now.post('/api/v3/orders/create-label-sync', {
      integration_id: first.integrationId,
      order: { order_number: 'PD-10002' },
      ship_with: letter,
    });
    expect(after.status).toBe(201);
    // The ledger tells which keys made which label.
    expect(s.ledger.map((e) => [e.orderNumber, e.publicKey])).toEqual([
      ['PD-10001', old.publicKey],
      ['PD-10002', fresh.publicKey],
    ]);

    const chosen = { publicKey: 'chosen-public', secretKey: 'chosen-secret' };
    expect(s.rotateKeys(fresh.publicKey, chosen)).toEqual(chosen);
    expect((await rawApi(s, chosen).get('/api/v3/orders')).status).toBe(200);
    expect(() =>
      s.rotateKeys(chosen.publicKey, { ...chosen, publicKey: second.publicKey }),
    ).toThrow(/own public key/);
  });

  it('keeps counting an account’s rate budget across a key rotation', async () => {
    const s = await start({ rateLimits: { reads: 3, writes: 100, burst: 15 } });
    const [first] = pair(s);
    const old = { publicKey: first.publicKey, secretKey: first.secretKey };
    for (let i = 0; i < 2; i++) {
      expect((await rawApi(s, old).get('/api/v3/contracts')).status).toBe(200);
    }
    const fresh = s.rotateKeys(old.publicKey);
    const statuses: number[] = [];
    for (let i = 0; i < 2; i++)
      statuses.push((await rawApi(s, fresh).get('/api/v3/contracts')).status);
    expect(statuses).toEqual([200, 429]);
  });
});

describe('simulator: the ledger names the account and settings of every label', () => {
  it('records key, integration, shipping option, sender address, brand and price per label', async () => {
    const s = await start();
    const [first, second] = pair(s);
    const firstOrder = first.orders()[0];
    const secondOrder = second.orders()[0];
    if (!firstOrder || !secondOrder) throw new Error('orders expected');
    const returns = first.senderAddressIds[1];

    const made = await rawApi(s, first).post('/api/v3/orders/create-label-sync', {
      integration_id: first.integrationId,
      sender_address_id: returns,
      brand_id: 4202,
      order: { order_id: firstOrder.order_id },
      ship_with: letter,
      label_details: { mime_type: 'application/zpl', dpi: 203 },
    });
    expect(made.status).toBe(201);
    const theirs = await rawApi(s, second).post('/api/v3/orders/create-label-sync', {
      integration_id: second.integrationId,
      brand_id: 4301,
      order: { order_number: secondOrder.order_number },
    });
    expect(theirs.status).toBe(201);
    const v2 = await rawApi(s, second).post('/api/v2/parcels', {
      parcel: {
        name: 'Emma Peeters',
        address: 'Meir 1',
        city: 'Antwerpen',
        postal_code: '2000',
        country: 'BE',
        weight: '0.300',
        order_number: 'MK-V2-1',
        shipment: { id: 8 },
        request_label: true,
      },
    });
    expect(v2.status).toBe(200);
    expect((v2.json as { parcel: { carrier: unknown; type: string } }).parcel).toMatchObject({
      carrier: { code: 'sendcloud' },
      shipment: { id: 8, name: 'Unstamped letter' },
      type: 'letter',
    });

    expect(
      s.ledger.map((e) => ({
        orderNumber: e.orderNumber,
        publicKey: e.publicKey,
        integrationId: e.integrationId,
        shippingOptionCode: e.shippingOptionCode,
        senderAddressId: e.senderAddressId,
        brandId: e.brandId,
        carrier: e.carrier,
        format: e.format,
        via: e.via,
      })),
    ).toEqual([
      {
        orderNumber: firstOrder.order_number,
        publicKey: first.publicKey,
        integrationId: first.integrationId,
        shippingOptionCode: 'sendcloud:letter',
        senderAddressId: returns,
        brandId: 4202,
        carrier: 'sendcloud',
        format: 'zpl',
        via: 'create-label-sync',
      },
      {
        orderNumber: secondOrder.order_number,
        publicKey: second.publicKey,
        integrationId: second.integrationId,
        shippingOptionCode: secondOrder.shipping_option_code,
        senderAddressId: second.senderAddressId,
        brandId: 4301,
        carrier: secondOrder.shipping_option_code.split(':')[0],
        format: 'pdf',
        via: 'create-label-sync',
      },
      {
        orderNumber: 'MK-V2-1',
        publicKey: second.publicKey,
        integrationId: null,
        shippingOptionCode: 'sendcloud:letter',
        senderAddressId: second.senderAddressId,
        brandId: null,
        carrier: 'sendcloud',
        format: 'pdf',
        via: 'v2 parcels',
      },
    ]);
    const [letterEntry, paidEntry, v2Entry] = s.ledger;
    expect(letterEntry?.price).toEqual({ value: 0, currency: 'EUR' });
    expect(v2Entry?.price).toEqual({ value: 0, currency: 'EUR' });
    expect(paidEntry?.price?.value).toBeGreaterThan(0);
    expect(letterEntry?.bytes.toString('utf8')).toContain('^FDUNSTAMPED LETTER - TEST LABEL^FS');
  });

  it('refuses an unknown brand on a shipment announce with a 400 naming brand_id', async () => {
    const s = await start();
    const [first] = pair(s);
    const announce = await rawApi(s, first).post('/api/v3/shipments/announce', {
      from_address: { sender_address_id: first.senderAddressId },
      to_address: {
        name: 'Lukas Müller',
        address_line_1: 'Hauptstraße',
        house_number: '5',
        postal_code: '10115',
        city: 'Berlin',
        country_code: 'DE',
      },
      ship_with: letter,
      brand_id: 4301,
      parcels: [{ weight: { value: '0.500', unit: 'kg' } }],
    });
    expect(announce.status).toBe(400);
    expect(announce.json).toMatchObject({
      errors: [{ code: 'invalid', source: { pointer: '/brand_id' } }],
    });
    const ok = await rawApi(s, first).post('/api/v3/shipments/announce', {
      from_address: { sender_address_id: first.senderAddressId },
      to_address: {
        name: 'Lukas Müller',
        address_line_1: 'Hauptstraße',
        house_number: '5',
        postal_code: '10115',
        city: 'Berlin',
        country_code: 'DE',
      },
      ship_with: letter,
      brand_id: 4201,
      parcels: [{ weight: { value: '0.500', unit: 'kg' } }],
    });
    expect(ok.status).toBe(201);
    expect(s.ledger.map((e) => [e.via, e.brandId, e.senderAddressId])).toEqual([
      ['shipments/announce', 4201, first.senderAddressId],
    ]);
  });
});
