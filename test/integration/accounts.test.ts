// Issue #6 through the whole station: accounts onboarded with keys kept in the real OS keychain,
// a scan finds its order in any account and is labelled with that account's keys and settings,
// a 401 turns one account to "reconnect" while the others carry on, and marketplace merchants
// are labelled centrally (and billed) or handed over to their own account.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { msg, type AccountView, type ScanEntry } from '../../src-shared';
import { createKeytarStore, type KeyStore } from '../../src-main/accounts/keychain';
import { startVirtualPrinter, type VirtualPrinter } from '../../src-main/printing/virtual-printer';
import { startSimulator, type Simulator, type SimAccount } from '../../src-main/simulator/index';
import { createStation, type Station } from '../../src-main/station';
import { nextEvent } from '../helpers/outbox';
import { rawApi } from '../helpers/raw-api';
import { tempDir } from '../helpers/tmp';

interface Rig {
  station: Station;
  simulator: Simulator;
  printer: VirtualPrinter;
  keys: KeyStore;
  service: string;
  dataDir: string;
  scans: ScanEntry[];
  restart(): Promise<void>;
  account(index: number): SimAccount;
  onboard(
    index: number,
    settings?: { name?: string; testMode?: boolean; api?: 'v3' | 'v2' },
  ): Promise<AccountView>;
  scan(code: string): Promise<ScanEntry>;
  settled(id: string, state: ScanEntry['state']): Promise<ScanEntry>;
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The station live against the simulator's Sendcloud (two accounts), no keys in the environment. */
async function startRig(): Promise<Rig> {
  const data = tempDir();
  const simulator = await startSimulator({ accounts: [{}, {}], orderVisibilityDelayMs: 0 });
  const printer = await startVirtualPrinter();
  // A keychain service of its own: parallel tests never see each other's entries.
  const service = `Packdesk test ${randomUUID()}`;
  const keys = createKeytarStore({ service });
  const scans: ScanEntry[] = [];
  const start = async () => {
    const station = await createStation({
      keys,
      printerPollMs: 0,
      settings: {
        dataDir: data.dir,
        sendcloud: null,
        sendcloudUrl: simulator.url,
        integrationId: null,
        sendcloudTimeoutMs: 30_000,
        printer: { host: printer.host, port: printer.port },
      },
    });
    station.subscribe((event, payload) => {
      if (event === 'scan.updated') scans.push(payload as ScanEntry);
    });
    return station;
  };
  let station = await start();
  cleanups.push(async () => {
    await station.close();
    for (const account of (await station.handlers['accounts.list']({})).filter((a) => !a.fixed)) {
      await keys.remove(account.id);
    }
    await printer.close();
    await simulator.close();
    data.cleanup();
  });
  const rig: Rig = {
    get station() {
      return station;
    },
    simulator,
    printer,
    keys,
    service,
    dataDir: data.dir,
    scans,
    async restart() {
      await station.close();
      station = await start();
    },
    account(index) {
      const account = simulator.accounts[index];
      if (!account) throw new Error(`no simulator account ${index}`);
      return account;
    },
    async onboard(index, settings = {}) {
      const account = rig.account(index);
      const keyPair = { publicKey: account.publicKey, secretKey: account.secretKey };
      const choices = await station.handlers['accounts.verify'](keyPair);
      const integration = choices.integrations[0];
      if (!integration) throw new Error('no integration');
      const added = await station.handlers['accounts.add']({
        ...keyPair,
        name: settings.name ?? integration.name,
        api: settings.api ?? 'v3',
        integrationId: integration.id,
        senderAddressId: choices.senderAddresses[0]?.id ?? null,
        brandId: null,
        shippingOptionCode: null,
        testMode: settings.testMode ?? false,
      });
      await station.handlers['orders.sync']({});
      return added;
    },
    scan: (code) => station.handlers['scan.submit']({ code }),
    settled(id, state) {
      const seen = scans.find((entry) => entry.id === id && entry.state === state);
      if (seen) return Promise.resolve(seen);
      return nextEvent(station, 'scan.updated', (e) => e.id === id && e.state === state, state);
    },
  };
  return rig;
}

/** Put an order into an account of the simulator, as a shop would. */
async function placeOrder(
  simulator: Simulator,
  account: SimAccount,
  orderNumber: string,
  weight: { value: number; unit: 'kg' | 'g' } = { value: 0.4, unit: 'kg' },
) {
  const saved = await rawApi(simulator, {
    publicKey: account.publicKey,
    secretKey: account.secretKey,
  }).post('/api/v3/orders', [
    {
      order_id: orderNumber.toLowerCase(),
      order_number: orderNumber,
      order_details: {
        integration: { id: account.integrationId },
        status: { code: 'unshipped', message: 'Unshipped' },
        order_created_at: new Date().toISOString(),
        order_items: [
          {
            name: 'Mug',
            quantity: 1,
            total_price: { value: 25, currency: 'EUR' },
            measurement: { weight: { value: 0.4, unit: 'kg' } },
          },
        ],
      },
      payment_details: {
        total_price: { value: 25, currency: 'EUR' },
        status: { code: 'paid', message: 'Paid' },
      },
      shipping_details: {
        is_local_pickup: false,
        measurement: { weight },
        ship_with: {
          type: 'shipping_option_code',
          properties: { shipping_option_code: 'postnl:standard', contract_id: 517 },
        },
      },
      shipping_address: {
        name: 'Emma Peeters',
        address_line_1: 'Keizersgracht',
        house_number: '1',
        postal_code: '1015 CJ',
        city: 'Amsterdam',
        country_code: 'NL',
      },
    },
  ]);
  if (saved.status !== 201) {
    throw new Error(
      `placing ${orderNumber} answered ${saved.status}: ${JSON.stringify(saved.json)}`,
    );
  }
}

describe('accounts', () => {
  it('refuses wrong keys clearly, stores right ones only in the keychain, and says who made each label', async () => {
    const rig = await startRig();
    expect((await rig.station.handlers['station.status']({})).mode).toBe('live');
    const first = rig.account(0);
    await expect(
      rig.station.handlers['accounts.verify']({
        publicKey: first.publicKey,
        secretKey: 'not-the-secret',
      }),
    ).rejects.toMatchObject({ code: 'auth-failed', said: msg('account.keysNotAccepted') });

    const one = await rig.onboard(0, { name: 'Marketplace' });
    const two = await rig.onboard(1, { name: 'Makers Kitchen' });
    expect(await rig.keys.read(one.id)).toEqual({
      publicKey: first.publicKey,
      secretKey: first.secretKey,
    });

    const orderOne = rig.account(0).orders()[0]!.order_number;
    const orderTwo = rig.account(1).orders()[0]!.order_number;
    for (const code of [orderOne, orderTwo]) {
      const entry = await rig.scan(code);
      expect(entry).toMatchObject({ state: 'printed' });
    }
    const [labelOne] = rig.simulator.labelsFor(orderOne);
    const [labelTwo] = rig.simulator.labelsFor(orderTwo);
    expect(labelOne?.publicKey).toBe(rig.account(0).publicKey);
    expect(labelTwo?.publicKey).toBe(rig.account(1).publicKey);
    expect(two.state).toBe('connected');

    // After a restart the keys come back from the keychain.
    await rig.restart();
    const accounts = await rig.station.handlers['accounts.list']({});
    expect(accounts.map((a) => [a.name, a.state])).toEqual([
      ['Marketplace', 'connected'],
      ['Makers Kitchen', 'connected'],
    ]);

    // Removing an account removes its keychain entry.
    await rig.station.handlers['accounts.remove']({ id: two.id });
    expect(await rig.keys.read(two.id)).toBeNull();
  });

  it('turns an account whose keys Sendcloud refuses to "reconnect"; its labels wait, others go on', async () => {
    const rig = await startRig();
    const one = await rig.onboard(0, { name: 'Marketplace' });
    const two = await rig.onboard(1, { name: 'Makers Kitchen' });
    rig.simulator.revokeKeys(rig.account(1).publicKey);

    const reconnect = nextEvent(
      rig.station,
      'accounts.changed',
      (list) => list.some((a) => a.id === two.id && a.state === 'reconnect'),
      'account two to reconnect',
    );
    const waiting = await rig.scan(rig.account(1).orders()[1]!.order_number);
    await reconnect;
    const queued = waiting.state === 'queued' ? waiting : await rig.settled(waiting.id, 'queued');
    expect(queued.waitingReason).toMatchObject({
      key: expect.stringMatching(/^(job\.waiting\.accountKeys|scan\.waiting\.accountUnusable)$/),
      params: { account: 'Makers Kitchen' },
    });
    const status = await rig.station.handlers['station.status']({});
    expect(status.accounts.find((a) => a.id === two.id)?.state).toBe('reconnect');

    // Account one is not held up behind it.
    const other = await rig.scan(rig.account(0).orders()[1]!.order_number);
    expect(other.state).toBe('printed');
    expect(one.state).toBe('connected');

    const fresh = rig.simulator.rotateKeys(rig.account(1).publicKey);
    const printed = rig.settled(waiting.id, 'printed');
    await rig.station.handlers['accounts.reconnect']({ id: two.id, ...fresh });
    await printed;
    expect(rig.simulator.labelsFor(queued.orderNumber ?? '')).toHaveLength(1);
    expect(await rig.keys.read(two.id)).toEqual(fresh);
  });

  it('ships with the free unstamped letter in test mode', async () => {
    const rig = await startRig();
    await rig.onboard(0, { name: 'Training', testMode: true });
    const code = rig.account(0).orders()[2]!.order_number;
    expect((await rig.scan(code)).state).toBe('printed');
    expect(rig.simulator.labelsFor(code)[0]?.shippingOptionCode).toBe('sendcloud:letter');
  });
});

describe('marketplace', () => {
  it('labels a centralised merchant with the marketplace account and bills it per day', async () => {
    const rig = await startRig();
    const market = await rig.onboard(0, { name: 'Marketplace' });
    await rig.station.handlers['merchants.save']({
      name: 'Acme',
      orderPrefix: 'ACME-',
      mode: 'centralised',
      accountId: null,
    });
    // The same 400 g parcel, once weighed in kg and once in grams: both are priced alike.
    await placeOrder(rig.simulator, rig.account(0), 'ACME-1');
    await placeOrder(rig.simulator, rig.account(0), 'ACME-2', { value: 400, unit: 'g' });
    await rig.station.handlers['orders.sync']({});
    for (const n of ['ACME-1', 'ACME-2']) {
      const scanned = await rig.scan(n);
      expect(scanned.error).toBeNull();
      expect(scanned.state).toBe('printed');
      expect(rig.simulator.labelsFor(n)[0]?.publicKey).toBe(rig.account(0).publicKey);
    }
    const today = new Date().toISOString().slice(0, 10);
    const billing = await rig.station.handlers['billing.export']({ from: today, to: today });
    expect(billing.rows).toBe(1);
    const [header, row] = billing.csv.trim().split('\r\n');
    expect(header).toBe('date,merchant,order_prefix,labels,cost,currency,unpriced');
    const fields = row?.split(',') ?? [];
    expect(fields.slice(0, 4)).toEqual([today, 'Acme', 'ACME-', '2']);
    expect(Number(fields[4])).toBeGreaterThan(0);
    expect(fields[5]).toBe('EUR');
    expect(fields[6]).toBe('0');
    expect(market.state).toBe('connected');
  });

  it('hands a decentralised merchant’s order to its own account, without a label', async () => {
    const rig = await startRig();
    await rig.onboard(0, { name: 'Marketplace' });
    const own = await rig.onboard(1, { name: 'Bolt' });
    await rig.station.handlers['merchants.save']({
      name: 'Bolt',
      orderPrefix: 'BOLT-',
      mode: 'decentralised',
      accountId: own.id,
    });
    await placeOrder(rig.simulator, rig.account(0), 'BOLT-7');
    await rig.station.handlers['orders.sync']({});
    const entry = await rig.scan('BOLT-7');
    const done = entry.state === 'printed' ? entry : await rig.settled(entry.id, 'printed');
    expect(done.step).toEqual(
      msg('account.merchant.handedOver', { merchant: 'Bolt', account: 'Bolt' }),
    );
    expect(rig.simulator.labelsFor('BOLT-7')).toHaveLength(0);
    expect(rig.printer.jobs).toHaveLength(0);
    const handed = rig
      .account(1)
      .orders()
      .find((o) => o.order_number === 'BOLT-7');
    expect(handed).toBeDefined();
  });

  it('waits on a merchant account that refuses its keys, without holding up the marketplace', async () => {
    const rig = await startRig();
    await rig.onboard(0, { name: 'Marketplace' });
    const own = await rig.onboard(1, { name: 'Bolt' });
    await rig.station.handlers['merchants.save']({
      name: 'Bolt',
      orderPrefix: 'BOLT-',
      mode: 'decentralised',
      accountId: own.id,
    });
    await placeOrder(rig.simulator, rig.account(0), 'BOLT-8');
    await rig.station.handlers['orders.sync']({});
    rig.simulator.revokeKeys(rig.account(1).publicKey);
    const entry = await rig.scan('BOLT-8');
    const queued = entry.state === 'queued' ? entry : await rig.settled(entry.id, 'queued');
    expect(queued.waitingReason).toMatchObject({ params: { account: 'Bolt' } });
    // The marketplace's own labels go on at once.
    const next = await rig.scan(rig.account(0).orders()[4]!.order_number);
    expect(next.state).toBe('printed');

    const fresh = rig.simulator.rotateKeys(rig.account(1).publicKey);
    const handed = rig.settled(entry.id, 'printed');
    await rig.station.handlers['accounts.reconnect']({ id: own.id, ...fresh });
    expect((await handed).step).toEqual(
      msg('account.merchant.handedOver', { merchant: 'Bolt', account: 'Bolt' }),
    );
  });

  it('hands over to a v2 merchant account as a parcel without a label, once', async () => {
    const rig = await startRig();
    await rig.onboard(0, { name: 'Marketplace' });
    const own = await rig.onboard(1, { name: 'Old Shop', api: 'v2' });
    await rig.station.handlers['merchants.save']({
      name: 'Old Shop',
      orderPrefix: 'OLD-',
      mode: 'decentralised',
      accountId: own.id,
    });
    await placeOrder(rig.simulator, rig.account(0), 'OLD-1');
    await rig.station.handlers['orders.sync']({});
    const entry = await rig.scan('OLD-1');
    const done = entry.state === 'printed' ? entry : await rig.settled(entry.id, 'printed');
    expect(done.step).toEqual(
      msg('account.merchant.handedOver', { merchant: 'Old Shop', account: 'Old Shop' }),
    );
    const account = rig.account(1);
    const parcels = await rawApi(rig.simulator, {
      publicKey: account.publicKey,
      secretKey: account.secretKey,
    }).get('/api/v2/parcels?order_number=OLD-1');
    const list = (parcels.json as { parcels: { order_number: string; tracking_number: string }[] })
      .parcels;
    expect(list).toHaveLength(1);
    expect(list[0]?.tracking_number ?? '').toBe('');
    expect(rig.simulator.labelsFor('OLD-1')).toHaveLength(0);
  });

  it('will not hand a merchant over without an account of its own', async () => {
    const rig = await startRig();
    await expect(
      rig.station.handlers['merchants.save']({
        name: 'Nobody',
        orderPrefix: 'NB-',
        mode: 'decentralised',
        accountId: null,
      }),
    ).rejects.toMatchObject({
      code: 'invalid-input',
      said: { key: 'station.merchant.needsAccount' },
    });
  });
});

describe('the keychain', () => {
  it('starts with a locked keychain: accounts wait as "locked", nothing falls back', async () => {
    const rig = await startRig();
    const added = await rig.onboard(0, { name: 'Marketplace' });
    await rig.station.close();
    const locked = {
      code: 'keychain-unavailable' as const,
      ...msg('account.keychain.locked', { keychain: msg('account.keychain.os') }),
    };
    const data = rig.dataDir;
    const station = await createStation({
      keys: {
        read: () => Promise.reject(new Error('must not be read while locked')),
        write: () => Promise.reject(new Error('must not be written while locked')),
        remove: () => Promise.reject(new Error('must not be removed while locked')),
        check: () => Promise.resolve(locked),
      },
      printerPollMs: 0,
      settings: {
        dataDir: data,
        sendcloud: null,
        sendcloudUrl: rig.simulator.url,
        integrationId: null,
        sendcloudTimeoutMs: 30_000,
        printer: { host: rig.printer.host, port: rig.printer.port },
      },
    });
    try {
      const status = await station.handlers['station.status']({});
      expect(status.mode).toBe('live');
      expect(status.keychainError).toEqual(locked);
      expect(status.accounts).toMatchObject([
        { id: added.id, state: 'locked', stateReason: { key: locked.key, params: locked.params } },
      ]);
      // A scan waits for the keychain instead of failing or using anything else.
      const entry = await station.handlers['scan.submit']({
        code: rig.account(0).orders()[3]!.order_number,
      });
      expect(entry.state).toBe('queued');
      expect(entry.waitingReason).toMatchObject({
        key: 'scan.waiting.accountUnusable',
        params: { account: 'Marketplace', reason: { key: 'account.keychain.locked' } },
      });
      expect(rig.simulator.labelsFor(entry.orderNumber ?? '')).toHaveLength(0);
    } finally {
      await station.close();
      await rig.restart();
    }
  });

  it('never stores the environment’s headless keys', async () => {
    const data = tempDir();
    const simulator = await startSimulator();
    const service = `Packdesk test ${randomUUID()}`;
    const keys = createKeytarStore({ service });
    const station = await createStation({
      keys,
      printerPollMs: 0,
      settings: {
        dataDir: data.dir,
        sendcloud: { url: simulator.url, ...simulator.keys },
        integrationId: null,
        sendcloudTimeoutMs: 30_000,
        printer: { host: '127.0.0.1', port: 9 },
      },
    });
    try {
      await station.handlers['orders.sync']({});
      const [env] = await station.handlers['accounts.list']({});
      expect(env).toMatchObject({ fixed: true, state: 'connected' });
      await expect(station.handlers['accounts.remove']({ id: env!.id })).rejects.toMatchObject({
        code: 'forbidden',
      });
      expect(await keys.read(env!.id)).toBeNull();
      expect(station.db.prepare('SELECT count(*) AS n FROM accounts').get()).toEqual({ n: 0 });
    } finally {
      await station.close();
      await simulator.close();
      data.cleanup();
    }
  });
});
