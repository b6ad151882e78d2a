// Joining a warehouse from the station's settings, against a real PostgreSQL that checks the
// password and the real OS keychain (the Secret Service `npm test` starts): a join is checked
// first and says why it fails, the password lives in the keychain only (never in SQLite nor in an
// answer), the link follows a join and a leave without a restart, a restart finds the password
// again, and PACKDESK_WAREHOUSE_DB wins over the screen.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Result, WarehouseSettings } from '../../src-shared';
import { createKeytarPasswords, type KeytarLike } from '../../src-main/accounts/keychain';
import { dispatch } from '../../src-main/host/dispatch';
import { createStation, type Station, type StationOptions } from '../../src-main/station';
import type { StationSettings } from '../../src-main/config';
import { latestWarehouseSchema } from '../../src-main/warehouse/migrations';
import { closedPort } from '../helpers/net';
import { freshDatabase } from '../helpers/pg';
import { passwordCluster, type PasswordCluster } from '../helpers/pg-password';
import { requireKeyring, uniqueService } from '../helpers/keyring';
import { tempDir } from '../helpers/tmp';

async function until(check: () => boolean | Promise<boolean>, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

// Each test starts a station or two and asks the keychain: generous bounds on a busy machine.
describe('joining a warehouse from the settings', { timeout: 90_000 }, () => {
  let server: PasswordCluster;
  let keytar: KeytarLike;
  const service = uniqueService();
  const passwords = createKeytarPasswords({ service });
  const opened: { station: Station; cleanup: () => void }[] = [];
  /** Every station id a test made, to take its keychain entry away afterwards. */
  const stationIds: string[] = [];

  beforeAll(async () => {
    server = await passwordCluster();
    const mod: unknown = await import('keytar');
    keytar = ((mod as { default?: KeytarLike }).default ?? mod) as KeytarLike;
  }, 60_000);
  beforeEach(requireKeyring, 30_000);
  afterAll(async () => {
    for (const { station, cleanup } of opened) {
      await station.close().catch(() => undefined);
      cleanup();
    }
    for (const id of stationIds) await keytar?.deletePassword(service, id).catch(() => false);
    server?.destroy();
  });

  /** A demo station with its own data folder; `dataDir` again restarts the same station. */
  async function station(
    more: Partial<StationSettings> = {},
    dataDir?: string,
  ): Promise<{ station: Station; dataDir: string; call: Call }> {
    const data = dataDir ? { dir: dataDir, cleanup: () => undefined } : tempDir();
    const options: StationOptions = {
      settings: {
        dataDir: data.dir,
        sendcloud: null,
        integrationId: null,
        printer: null,
        sendcloudTimeoutMs: 30_000,
        ...more,
      },
      warehousePasswords: passwords,
      warehouseHeartbeatMs: 200,
      syncIntervalMs: 0,
      trackingIntervalMs: 0,
      printerPollMs: 0,
    };
    const made = await createStation(options);
    opened.push({ station: made, cleanup: data.cleanup });
    const id = (
      made.db.prepare(`select value from settings where key = 'station.id'`).get() as {
        value: string;
      }
    ).value;
    stationIds.push(id);
    return { station: made, dataDir: data.dir, call: caller(made) };
  }

  type Call = (name: string, input?: unknown) => Promise<Result<WarehouseSettings>>;
  /** Through the one entry point the transports use: zod first, errors as data. */
  const caller =
    (made: Station): Call =>
    (name, input = {}) =>
      dispatch(made.handlers, name, input) as Promise<Result<WarehouseSettings>>;

  const stationId = (made: Station) =>
    (
      made.db.prepare(`select value from settings where key = 'station.id'`).get() as {
        value: string;
      }
    ).value;
  const linkOf = async (call: Call) => {
    const got = await call('warehouse.get');
    if (!got.ok) throw new Error(`warehouse.get failed: ${got.error.key}`);
    return got.value.link;
  };
  /** The SQLite file and its write-ahead log, as bytes. */
  const sqliteBytes = (dataDir: string) =>
    fs
      .readdirSync(dataDir)
      .filter((file) => /\.(db|sqlite)(-wal|-shm)?$/.test(file) || file.endsWith('-wal'))
      .map((file) => fs.readFileSync(path.join(dataDir, file)).toString('latin1'))
      .join('\n');
  const withPasswordInside = () =>
    server.url.replace(`${server.user}@`, `${server.user}:${encodeURIComponent(server.password)}@`);
  const stationsRow = async (id: string) => {
    const client = new pg.Client({ connectionString: server.adminUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string }>(
        'select name from stations where id = $1',
        [id],
      );
      return rows[0]?.name ?? null;
    } finally {
      await client.end();
    }
  };

  it('is a single station until it joins', async () => {
    const { call } = await station();
    const got = await call('warehouse.get');
    expect(got).toMatchObject({
      ok: true,
      value: { source: 'none', connection: null, hasPassword: false, link: { kind: 'single' } },
    });
  });

  it('joins with the password typed in the string: kept in the keychain, never in SQLite or an answer', async () => {
    const { station: made, dataDir, call } = await station();
    const joined = await call('warehouse.join', {
      connection: withPasswordInside(),
      stationName: 'Table 7',
    });
    expect(joined).toMatchObject({
      ok: true,
      value: {
        source: 'screen',
        connection: server.url,
        hasPassword: true,
        stationName: 'Table 7',
      },
    });
    expect(JSON.stringify(joined)).not.toContain(server.password);
    await until(async () => (await linkOf(call)).kind === 'connected');
    expect(JSON.stringify(await call('warehouse.get'))).not.toContain(server.password);
    const status = await made.handlers['station.status']({});
    expect(status.warehouse).toMatchObject({ kind: 'connected', stationName: 'Table 7' });

    const id = stationId(made);
    expect(await keytar.getPassword(service, id)).toBe(server.password);
    expect(await stationsRow(id)).toBe('Table 7');
    // Checkpoint the log into the file too, then read every byte of both.
    made.db.pragma('wal_checkpoint(PASSIVE)');
    const bytes = sqliteBytes(dataDir);
    expect(bytes).toContain(server.url);
    expect(bytes).not.toContain(server.password);
    expect(bytes).not.toContain(encodeURIComponent(server.password));
  });

  it('answers a wrong password with its own key, and keeps nothing', async () => {
    const { station: made, dataDir, call } = await station();
    const refused = await call('warehouse.join', {
      connection: server.url,
      password: 'not-the-password',
    });
    expect(refused).toEqual({
      ok: false,
      error: { code: 'warehouse-unusable', key: 'warehouse.join.wrongPassword', params: {} },
    });
    expect(await keytar.getPassword(service, stationId(made))).toBeNull();
    expect(await linkOf(call)).toEqual({ kind: 'single' });
    expect(sqliteBytes(dataDir)).not.toContain('not-the-password');
    expect(sqliteBytes(dataDir)).not.toContain(server.url);
  });

  it('says when the password is missing, the server does not answer, or the database is not there', async () => {
    const { call } = await station();
    expect(await call('warehouse.join', { connection: server.url })).toMatchObject({
      ok: false,
      error: { code: 'warehouse-unusable', key: 'warehouse.join.passwordNeeded' },
    });
    const port = await closedPort();
    expect(
      await call('warehouse.join', { connection: `postgres://someone@127.0.0.1:${port}/wh` }),
    ).toMatchObject({
      ok: false,
      error: {
        key: 'warehouse.join.unreachable',
        params: { target: `127.0.0.1:${port}/wh` },
      },
    });
    const missing = server.url.replace(/\/warehouse$/, '/no_such_db');
    expect(
      await call('warehouse.join', { connection: missing, password: server.password }),
    ).toMatchObject({ ok: false, error: { key: 'warehouse.join.noDatabase' } });
    expect(await call('warehouse.join', { connection: 'mysql://db/wh' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', key: 'rules.warehouse.notPostgres' },
    });
  });

  it('refuses a warehouse whose schema is newer than this station knows', async () => {
    const db = await freshDatabase(server.cluster);
    try {
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      await client.query(
        `create table warehouse_schema (version integer primary key, name text not null,
           applied_at timestamptz not null default now());
         insert into warehouse_schema (version, name) values (${latestWarehouseSchema + 5}, 'future')`,
      );
      await client.end();
      const { call } = await station();
      expect(await call('warehouse.join', { connection: db.url })).toEqual({
        ok: false,
        error: {
          code: 'warehouse-unusable',
          key: 'warehouse.join.schemaNewer',
          params: { found: latestWarehouseSchema + 5, known: latestWarehouseSchema },
        },
      });
    } finally {
      await db.drop();
    }
  });

  it('joins, leaves and joins again without a restart, the header told each time', async () => {
    const { station: made, call } = await station();
    const pushed: string[] = [];
    made.subscribe((event, payload) => {
      if (event !== 'station.status') return;
      const kind = (payload as { warehouse: { kind: string } }).warehouse.kind;
      if (pushed.at(-1) !== kind) pushed.push(kind);
    });
    const id = stationId(made);

    expect(
      await call('warehouse.join', { connection: server.url, password: server.password }),
    ).toMatchObject({ ok: true });
    await until(async () => (await linkOf(call)).kind === 'connected');

    const left = await call('warehouse.leave');
    expect(left).toMatchObject({
      ok: true,
      value: { source: 'none', connection: null, hasPassword: false, link: { kind: 'single' } },
    });
    expect(await keytar.getPassword(service, id)).toBeNull();
    expect(made.db.prepare(`select value from settings where key = 'warehouse.url'`).get()).toBe(
      undefined,
    );

    expect(
      await call('warehouse.join', { connection: server.url, password: server.password }),
    ).toMatchObject({ ok: true });
    await until(async () => (await linkOf(call)).kind === 'connected');
    expect(pushed).toContain('single');
    expect(pushed.at(-1)).toBe('connected');
    expect(pushed.filter((kind) => kind === 'connected').length).toBeGreaterThanOrEqual(2);
  });

  it('finds its warehouse again after a restart: the string from SQLite, the password from the keychain', async () => {
    const first = await station();
    expect(
      await first.call('warehouse.join', { connection: server.url, password: server.password }),
    ).toMatchObject({ ok: true });
    await first.station.close();
    const again = await station({}, first.dataDir);
    await until(async () => (await linkOf(again.call)).kind === 'connected');
    expect(await again.call('warehouse.get')).toMatchObject({
      ok: true,
      value: { source: 'screen', connection: server.url, hasPassword: true },
    });
  });

  it('renames the station: the warehouse hears the new name', async () => {
    const { station: made, call } = await station();
    await call('warehouse.join', { connection: server.url, password: server.password });
    await until(async () => (await linkOf(call)).kind === 'connected');
    expect(await call('warehouse.rename', { stationName: 'Packing table 3' })).toMatchObject({
      ok: true,
      value: { stationName: 'Packing table 3' },
    });
    await until(async () => (await stationsRow(stationId(made))) === 'Packing table 3');
    const status = await made.handlers['station.status']({});
    expect(status.warehouse).toMatchObject({ stationName: 'Packing table 3' });
  });

  it('lets PACKDESK_WAREHOUSE_DB win: shown without its password, read-only on screen', async () => {
    const first = await station();
    // A warehouse joined on screen earlier, then the environment names another.
    const other = await freshDatabase(server.cluster);
    try {
      expect(await first.call('warehouse.join', { connection: other.url })).toMatchObject({
        ok: true,
      });
      await first.station.close();
      const fromEnv = await station(
        { warehouseDb: withPasswordInside(), stationName: 'Headless 1' },
        first.dataDir,
      );
      await until(async () => (await linkOf(fromEnv.call)).kind === 'connected');
      const got = await fromEnv.call('warehouse.get');
      expect(got).toMatchObject({
        ok: true,
        value: {
          source: 'environment',
          connection: server.url,
          hasPassword: true,
          stationName: 'Headless 1',
          stationNameFixed: true,
          link: { kind: 'connected', target: `127.0.0.1:${server.cluster.port}/warehouse` },
        },
      });
      expect(JSON.stringify(got)).not.toContain(server.password);
      const refused = { ok: false, error: { code: 'forbidden', key: 'warehouse.fromEnvironment' } };
      expect(await fromEnv.call('warehouse.join', { connection: other.url })).toMatchObject(
        refused,
      );
      expect(await fromEnv.call('warehouse.leave')).toMatchObject(refused);
      expect(await fromEnv.call('warehouse.rename', { stationName: 'Other' })).toMatchObject({
        ok: false,
        error: { code: 'forbidden', key: 'warehouse.nameFromEnvironment' },
      });
    } finally {
      await other.drop();
    }
  });

  it('is for supervisors only once the station has packers', async () => {
    const { station: made, call } = await station();
    const sam = await made.handlers['packers.add']({
      name: 'Sam',
      role: 'supervisor',
      pin: '1234',
    });
    await made.handlers['session.signIn']({ packerId: sam[0]?.id ?? '', pin: '1234' });
    // The supervisor may: the screen reads its settings.
    expect(await call('warehouse.get')).toMatchObject({ ok: true });
    const all = await made.handlers['packers.add']({ name: 'Pat', role: 'packer', pin: '4321' });
    const pat = all.find((packer) => packer.name === 'Pat');
    await made.handlers['session.lock']({});
    await made.handlers['session.signIn']({ packerId: pat?.id ?? '', pin: '4321' });
    for (const [name, input] of [
      ['warehouse.get', {}],
      ['warehouse.join', { connection: server.url, password: server.password }],
      ['warehouse.leave', {}],
      ['warehouse.rename', { stationName: 'Mine now' }],
    ] as const) {
      expect(await call(name, input)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await linkOf(call).catch(() => 'refused')).toBe('refused');
  });
});
