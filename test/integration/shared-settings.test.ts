// Issue 14: packers and their badges work at any station; account settings and routing rules are
// shared across the warehouse; keys stay in each station's keychain. Two real stations (their own
// SQLite files and printers) on one simulator and one real PostgreSQL.
import { afterEach, describe, expect, it, vi } from 'vitest';
import pg from 'pg';
import type { EventMap, PackerView, RoutingRulesInput, ScanEntry } from '../../src-shared';
import { createKeytarStore, type KeytarLike } from '../../src-main/accounts/keychain';
import { listPackers } from '../../src-main/store/packers';
import { startVirtualPrinter } from '../../src-main/printing/virtual-printer';
import { startSimulator, type Simulator } from '../../src-main/simulator/index';
import { createStation, type Station } from '../../src-main/station';
import { freshDatabase, ownCluster } from '../helpers/pg';
import { tempDir } from '../helpers/tmp';

/** A keychain of one station's own: what is in it never leaves that station. */
function memoryKeychain() {
  const entries = new Map<string, string>();
  const keytar: KeytarLike = {
    getPassword: async (service, account) => entries.get(`${service}\n${account}`) ?? null,
    setPassword: async (service, account, password) => {
      entries.set(`${service}\n${account}`, password);
    },
    deletePassword: async (service, account) => entries.delete(`${service}\n${account}`),
  };
  return { store: createKeytarStore({ service: 'Packdesk test', keytar }), entries };
}

interface TestStation {
  station: Station;
  keychain: ReturnType<typeof memoryKeychain>;
  events: { event: string; payload: unknown }[];
  scans: ScanEntry[];
  /** The scan's last state, once it is printed or failed. */
  scan(code: string): Promise<ScanEntry>;
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function warehouse(
  simulatorOptions: Parameters<typeof startSimulator>[0] = {},
  cluster?: { url: string },
) {
  const db = await freshDatabase(cluster);
  cleanups.push(() => db.drop());
  const simulator = await startSimulator({ accounts: [{}, {}], ...simulatorOptions });
  cleanups.push(() => simulator.close());
  const pool = new pg.Pool({ connectionString: db.url });
  cleanups.push(() => pool.end());
  return { url: db.url, simulator, pool };
}

async function stationOn(
  place: { url: string; simulator: Simulator },
  name: string,
): Promise<TestStation> {
  const data = tempDir();
  const printer = await startVirtualPrinter();
  const keychain = memoryKeychain();
  const station = await createStation({
    keys: keychain.store,
    printerPollMs: 0,
    trackingIntervalMs: 0,
    warehouseHeartbeatMs: 500,
    sharedSettingsMs: 100,
    settings: {
      dataDir: data.dir,
      sendcloud: { url: place.simulator.url, ...place.simulator.keys },
      integrationId: null,
      sendcloudTimeoutMs: 30_000,
      printer: { host: printer.host, port: printer.port },
      warehouseDb: place.url,
      stationName: name,
    },
  });
  cleanups.push(async () => {
    await station.close();
    await printer.close();
    data.cleanup();
  });
  const events: TestStation['events'] = [];
  const scans: ScanEntry[] = [];
  station.subscribe((event, payload) => {
    events.push({ event, payload });
    if (event === 'scan.updated') scans.push(payload as ScanEntry);
  });
  await station.handlers['orders.sync']({});
  return {
    station,
    keychain,
    events,
    scans,
    async scan(code) {
      const first = await station.handlers['scan.submit']({ code });
      return vi.waitFor(
        () => {
          const last = scans.filter((e) => e.id === first.id).at(-1) ?? first;
          if (last.state !== 'printed' && last.state !== 'failed') throw new Error(last.state);
          return last;
        },
        { timeout: 20_000, interval: 50 },
      );
    },
  };
}

/** The packers who may sign in at a station, by name, as its SQLite has them. */
const namesAt = (station: Station) => listPackers(station.db).map((p) => p.name);

const sharedPushes = (s: TestStation) =>
  s.events
    .filter((e) => e.event === 'settings.shared')
    .flatMap((e) => (e.payload as EventMap['settings.shared']).areas);

/** Every value of every table in the warehouse database, as text. */
async function everythingIn(pool: pg.Pool): Promise<string> {
  const { rows: tables } = await pool.query<{ table_name: string }>(
    `select table_name from information_schema.tables
     where table_schema = 'public' and table_type = 'BASE TABLE'`,
  );
  let text = '';
  for (const { table_name } of tables) {
    const { rows } = await pool.query(`select row_to_json(t)::text as row from "${table_name}" t`);
    text += rows.map((r: { row: string }) => r.row).join('\n') + '\n';
  }
  return text;
}

const rule = (id: string, name: string, optionCode: string, match: Partial<RoutingRulesInput['rules'][number]>) => ({
  id, name, countries: [], outsideEu: false, weightOverKg: null, weightUpToKg: null,
  longestSideOverCm: null, servicePoint: 'any' as const, merchantId: null, tags: [], optionCode,
  ...match,
}); // prettier-ignore

describe('settings shared across the warehouse', () => {
  it('a packer added on A signs in at B with their badge and with their PIN', async () => {
    const place = await warehouse();
    const a = await stationOn(place, 'Table A');
    const b = await stationOn(place, 'Table B');
    const h = a.station.handlers;
    await h['packers.add']({ name: 'Sam', role: 'supervisor', pin: '1357' });
    const list = await h['packers.add']({ name: 'Pat', role: 'packer', pin: '2468' });
    const pat = list.find((p) => p.name === 'Pat') as PackerView;

    await vi.waitFor(() => expect(namesAt(b.station)).toEqual(['Pat', 'Sam']), {
      timeout: 10_000,
      interval: 50,
    });
    expect(sharedPushes(b)).toContain('packers');
    // B now has packers: it asks for a sign-in, and Pat's badge gives it.
    expect((await b.station.handlers['session.current']({})).required).toBe(true);
    const badge = await b.station.handlers['scan.submit']({ code: pat.badge });
    expect(badge).toMatchObject({ signIn: true, packer: { id: pat.id, name: 'Pat' } });
    await b.station.handlers['session.lock']({});
    const byPin = await b.station.handlers['session.signIn']({ packerId: pat.id, pin: '2468' });
    expect(byPin.packer).toMatchObject({ id: pat.id, name: 'Pat' });

    // A new PIN and a removal made at B reach A the same way.
    await b.station.handlers['session.lock']({});
    const sam = list.find((p) => p.name === 'Sam') as PackerView;
    await b.station.handlers['session.signIn']({ packerId: sam.id, pin: '1357' });
    await b.station.handlers['packers.update']({ id: pat.id, pin: '9753' });
    await vi.waitFor(
      async () => {
        await h['session.lock']({});
        const signed = await h['session.signIn']({ packerId: pat.id, pin: '9753' }).catch(
          () => null,
        );
        expect(signed?.packer?.id).toBe(pat.id);
      },
      { timeout: 10_000, interval: 200 },
    );
    await b.station.handlers['packers.remove']({ id: pat.id });
    await vi.waitFor(() => expect(namesAt(a.station)).toEqual(['Sam']), {
      timeout: 10_000,
      interval: 50,
    });

    // Neither PIN is in the warehouse, only the salted hashes.
    const everything = await everythingIn(place.pool);
    expect(everything).toContain('scrypt$');
    for (const pin of ['1357', '2468', '9753']) expect(everything).not.toContain(pin);
  });

  it('a rule edited on A routes the next scan at B', async () => {
    const place = await warehouse({ routingOrders: true });
    const a = await stationOn(place, 'Table A');
    const b = await stationOn(place, 'Table B');
    // Each station's own environment account chooses by the station's rules.
    for (const s of [a, b]) {
      await s.station.handlers['routing.saveAccount']({
        accountId: 'env',
        applyShippingRules: false,
        useStationRules: true,
        fallbacks: [],
      });
    }
    await a.station.handlers['routing.saveRules']({
      rules: [rule('nl', 'Netherlands', 'postnl:standard', { countries: ['NL'] })],
      defaultOptionCode: null,
    } as never);
    await vi.waitFor(
      async () => {
        const setup = await b.station.handlers['routing.rules']({});
        expect(setup.rules.rules.map((r) => r.optionCode)).toEqual(['postnl:standard']);
      },
      { timeout: 10_000, interval: 50 },
    );
    expect(sharedPushes(b)).toContain('routing');

    // A edits the rule: NL now ships with DHL, and B's next NL order goes with DHL.
    await a.station.handlers['routing.saveRules']({
      rules: [rule('nl', 'Netherlands', 'dhl:parcel', { countries: ['NL'] })],
      defaultOptionCode: null,
    } as never);
    await vi.waitFor(
      async () => {
        const setup = await b.station.handlers['routing.rules']({});
        expect(setup.rules.rules[0]?.optionCode).toBe('dhl:parcel');
      },
      { timeout: 10_000, interval: 50 },
    );
    const entry = await b.scan('PD-90001');
    expect(entry.state).toBe('printed');
    const labelled = place.simulator.requests
      .filter((r) => r.path === '/api/v3/orders/create-label-sync')
      .map((r) => r.body as { ship_with?: { properties: { shipping_option_code: string } } });
    expect(labelled.at(-1)?.ship_with?.properties.shipping_option_code).toBe('dhl:parcel');
  });

  it('an account set up on A shows on B with its settings, waiting for keys B never gets', async () => {
    const place = await warehouse();
    const a = await stationOn(place, 'Table A');
    const b = await stationOn(place, 'Table B');
    const second = place.simulator.accounts[1];
    if (!second) throw new Error('two simulator accounts');
    const keys = { publicKey: second.publicKey, secretKey: second.secretKey };
    const choices = await a.station.handlers['accounts.verify'](keys);
    const integration = choices.integrations[0];
    if (!integration) throw new Error('no integration');
    const added = await a.station.handlers['accounts.add']({
      ...keys,
      name: 'Second shop',
      api: 'v3',
      integrationId: integration.id,
      senderAddressId: choices.senderAddresses[0]?.id ?? null,
      brandId: null,
      shippingOptionCode: null,
      testMode: false,
    });

    const onB = async () =>
      (await b.station.handlers['accounts.list']({})).find((x) => x.name === 'Second shop');
    await vi.waitFor(async () => expect(await onB()).toBeDefined(), {
      timeout: 10_000,
      interval: 50,
    });
    expect(await onB()).toMatchObject({
      state: 'reconnect',
      stateReason: { key: 'account.state.keysElsewhere' },
      integrationId: integration.id,
      testMode: false,
      fixed: false,
    });
    expect(sharedPushes(b)).toContain('accounts');

    // A changes the account's settings: B shows them.
    await a.station.handlers['accounts.update']({
      id: added.id,
      testMode: true,
      shippingOptionCode: 'postnl:standard',
    });
    await vi.waitFor(
      async () =>
        expect(await onB()).toMatchObject({
          testMode: true,
          shippingOptionCode: 'postnl:standard',
        }),
      { timeout: 10_000, interval: 50 },
    );

    // B's keychain never got the account's keys; the warehouse never had them.
    const inB = [...b.keychain.entries.values()].join('\n');
    expect(inB).not.toContain(second.secretKey);
    expect(inB).not.toContain(second.publicKey);
    expect([...a.keychain.entries.values()].join('\n')).toContain(second.secretKey);
    const everything = await everythingIn(place.pool);
    expect(everything).toContain('Second shop');
    for (const secret of [
      second.secretKey,
      second.publicKey,
      place.simulator.keys.secretKey,
      place.simulator.keys.publicKey,
    ]) {
      expect(everything).not.toContain(secret);
    }
    expect(everything).not.toMatch(/password/i);

    // B is given the keys for it at its own keychain: it ships with the account there too.
    const reconnected = await b.station.handlers['accounts.reconnect']({
      id: (await onB())!.id,
      ...keys,
    });
    expect(reconnected.state).toBe('connected');
    expect([...b.keychain.entries.values()].join('\n')).toContain(second.secretKey);

    // A removes the account: it goes at B too, its keys from B's keychain with it.
    await a.station.handlers['accounts.remove']({ id: added.id });
    await vi.waitFor(async () => expect(await onB()).toBeUndefined(), {
      timeout: 10_000,
      interval: 50,
    });
    expect([...b.keychain.entries.values()].join('\n')).not.toContain(second.secretKey);

    // Set up again at A, it is back at B, waiting for its keys again.
    await a.station.handlers['accounts.add']({
      ...keys,
      name: 'Second shop',
      api: 'v3',
      integrationId: integration.id,
      senderAddressId: null,
      brandId: null,
      shippingOptionCode: null,
      testMode: false,
    });
    await vi.waitFor(async () => expect((await onB())?.state).toBe('reconnect'), {
      timeout: 10_000,
      interval: 50,
    });
  });

  it('a station that joins with packers and rules of its own pushes what the warehouse lacks', async () => {
    const place = await warehouse({ routingOrders: true });
    const a = await stationOn(place, 'Table A');
    await a.station.handlers['routing.saveRules']({
      rules: [rule('de', 'Germany', 'dhl:parcel', { countries: ['DE'] })],
      defaultOptionCode: null,
    } as never);
    await a.station.handlers['packers.add']({ name: 'Sam', role: 'supervisor', pin: '1357' });

    // B was a single station with its own packer and rules until now.
    const data = tempDir();
    cleanups.push(() => data.cleanup());
    const printer = await startVirtualPrinter();
    cleanups.push(() => printer.close());
    const settings = {
      dataDir: data.dir,
      sendcloud: { url: place.simulator.url, ...place.simulator.keys },
      integrationId: null,
      sendcloudTimeoutMs: 30_000,
      printer: { host: printer.host, port: printer.port },
      stationName: 'Table B',
    };
    const single = await createStation({ printerPollMs: 0, trackingIntervalMs: 0, settings });
    await single.handlers['packers.add']({ name: 'Kim', role: 'supervisor', pin: '8642' });
    await single.handlers['routing.saveRules']({
      rules: [rule('be', 'Belgium', 'bpost:standard', { countries: ['BE'] })],
      defaultOptionCode: null,
    } as never);
    await single.close();

    const joined = await createStation({
      printerPollMs: 0,
      trackingIntervalMs: 0,
      sharedSettingsMs: 100,
      settings: { ...settings, warehouseDb: place.url },
    });
    cleanups.push(() => joined.close());
    await vi.waitFor(async () => expect(namesAt(joined)).toEqual(['Kim', 'Sam']), {
      timeout: 10_000,
      interval: 50,
    });
    await vi.waitFor(async () => expect(namesAt(a.station)).toEqual(['Kim', 'Sam']), {
      timeout: 10_000,
      interval: 50,
    });
    // The rules: the warehouse's (A's) win over what B had before it shared.
    const rulesOf = async (station: Station) =>
      (await station.handlers['routing.rules']({})).rules.rules.map((r) => r.id);
    await vi.waitFor(async () => expect(await rulesOf(joined)).toEqual(['de']), {
      timeout: 10_000,
      interval: 50,
    });
    expect(await rulesOf(a.station)).toEqual(['de']);
  });

  it('changes made while the warehouse is down reach the others when it is back, the newest winning', async () => {
    const cluster = await ownCluster();
    cleanups.push(() => cluster.destroy());
    const place = await warehouse({}, cluster);
    const a = await stationOn(place, 'Table A');
    const b = await stationOn(place, 'Table B');
    const linkOf = async (s: TestStation) =>
      (await s.station.handlers['station.status']({})).warehouse.kind;

    cluster.stop();
    for (const s of [a, b]) {
      await vi.waitFor(async () => expect(await linkOf(s)).toBe('alone'), {
        timeout: 20_000,
        interval: 100,
      });
    }
    // Both keep working alone: B sets up a packer, and both edit the rules, A last.
    await b.station.handlers['packers.add']({ name: 'Kim', role: 'supervisor', pin: '8642' });
    await b.station.handlers['routing.saveRules']({
      rules: [rule('be', 'Belgium', 'bpost:standard', { countries: ['BE'] })],
      defaultOptionCode: null,
    } as never);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await a.station.handlers['routing.saveRules']({
      rules: [rule('de', 'Germany', 'dhl:parcel', { countries: ['DE'] })],
      defaultOptionCode: null,
    } as never);
    expect(namesAt(a.station)).toEqual([]);

    cluster.start();
    await vi.waitFor(() => expect(namesAt(a.station)).toEqual(['Kim']), {
      timeout: 30_000,
      interval: 100,
    });
    const rulesOf = async (station: Station) =>
      (await station.handlers['routing.rules']({})).rules.rules.map((r) => r.id);
    for (const s of [a, b]) {
      await vi.waitFor(async () => expect(await rulesOf(s.station)).toEqual(['de']), {
        timeout: 30_000,
        interval: 100,
      });
    }
  });
});
