import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  cupsServerUrl,
  defaultUserDataDir,
  readSettings,
  SENDCLOUD_ORIGIN,
  SettingsError,
} from './config';

const defaults = { dataDir: '/home/packer/.config/Packdesk' };

describe('station settings from the environment', () => {
  it('run in demo mode when no account is configured', () => {
    const settings = readSettings({}, defaults);
    expect(settings).toEqual({
      dataDir: path.resolve(defaults.dataDir),
      sendcloud: null,
      integrationId: null,
      printer: null,
      sendcloudTimeoutMs: 30_000,
    });
  });

  it('point at a Sendcloud-compatible origin with keys, a printer and a data folder', () => {
    const settings = readSettings(
      {
        PACKDESK_SENDCLOUD_URL: 'http://127.0.0.1:4010/ignored/path',
        PACKDESK_SENDCLOUD_PUBLIC_KEY: 'pub',
        PACKDESK_SENDCLOUD_SECRET_KEY: 'sec',
        PACKDESK_INTEGRATION_ID: '3017',
        PACKDESK_PRINTER: 'tcp://10.1.2.3:9100',
        PACKDESK_DATA_DIR: '/srv/packdesk',
      },
      defaults,
    );
    expect(settings).toEqual({
      dataDir: '/srv/packdesk',
      sendcloud: { url: 'http://127.0.0.1:4010', publicKey: 'pub', secretKey: 'sec' },
      sendcloudUrl: 'http://127.0.0.1:4010',
      integrationId: 3017,
      printer: { host: '10.1.2.3', port: 9100 },
      sendcloudTimeoutMs: 30_000,
    });
  });

  it('take a Sendcloud URL without keys: accounts are then set up on screen', () => {
    const settings = readSettings({ PACKDESK_SENDCLOUD_URL: 'http://127.0.0.1:4010/x' }, defaults);
    expect(settings.sendcloud).toBeNull();
    expect(settings.sendcloudUrl).toBe('http://127.0.0.1:4010');
  });

  it('probe an unreachable Sendcloud as often as PACKDESK_PROBE_INTERVAL_MS says', () => {
    expect(readSettings({ PACKDESK_PROBE_INTERVAL_MS: ' 250 ' }, defaults).probeIntervalMs).toBe(
      250,
    );
    // Unset: the station keeps its own default.
    expect(readSettings({}, defaults)).not.toHaveProperty('probeIntervalMs');
  });

  it('join the warehouse named by PACKDESK_WAREHOUSE_DB, and refuse one that is not a PostgreSQL URL without repeating its password', () => {
    const url = 'postgres://packdesk:s3cret-pw@db.warehouse.lan:5433/packdesk';
    expect(readSettings({ PACKDESK_WAREHOUSE_DB: ` ${url} ` }, defaults).warehouseDb).toBe(url);
    expect(readSettings({}, defaults)).not.toHaveProperty('warehouseDb');
    const bad = () => readSettings({ PACKDESK_WAREHOUSE_DB: 'mysql://u:s3cret-pw@h/db' }, defaults);
    expect(bad).toThrow(SettingsError);
    expect(bad).not.toThrow(/s3cret-pw/);
  });

  it('use the real Sendcloud when only keys are given', () => {
    const settings = readSettings(
      { PACKDESK_SENDCLOUD_PUBLIC_KEY: 'pub', PACKDESK_SENDCLOUD_SECRET_KEY: 'sec' },
      defaults,
    );
    expect(settings.sendcloud?.url).toBe(SENDCLOUD_ORIGIN);
  });

  it.each([
    [{ PACKDESK_SENDCLOUD_PUBLIC_KEY: 'pub' }, /both/],
    [{ PACKDESK_SENDCLOUD_URL: 'ftp://127.0.0.1:1' }, /http\(s\) origin/],
    [{ PACKDESK_PRINTER: '10.0.0.1:9100' }, /tcp:\/\/host:port/],
    [{ PACKDESK_PRINTER: 'tcp://printer:99999' }, /tcp:\/\/host:port|invalid port/],
    [{ PACKDESK_INTEGRATION_ID: 'abc' }, /whole number/],
    [{ PACKDESK_SENDCLOUD_TIMEOUT_MS: '5s' }, /milliseconds/],
    [{ PACKDESK_PROBE_INTERVAL_MS: '50' }, /100 or more/],
  ])('explain a bad setting: %o', (env, message) => {
    expect(() => readSettings(env, defaults)).toThrow(message);
  });

  it('default to the user-data folder Electron uses', () => {
    expect(defaultUserDataDir('linux', {}, '/home/p')).toBe('/home/p/.config/Packdesk');
    expect(defaultUserDataDir('darwin', {}, '/Users/p')).toBe(
      '/Users/p/Library/Application Support/Packdesk',
    );
    expect(
      defaultUserDataDir('win32', { APPDATA: 'C:\\Users\\p\\AppData\\Roaming' }, 'C:\\Users\\p'),
    ).toContain('Packdesk');
  });
});

describe('the CUPS scheduler printer discovery asks', () => {
  it('reads CUPS_SERVER as CUPS tools do: host:port, a host on 631, never a socket path', () => {
    expect(cupsServerUrl('127.0.0.1:40631')).toBe('http://127.0.0.1:40631');
    expect(cupsServerUrl('printserver')).toBe('http://printserver:631');
    expect(cupsServerUrl('/run/cups/cups.sock')).toBeUndefined();
    expect(cupsServerUrl(undefined)).toBeUndefined();
  });

  it('passes it to the station settings', () => {
    const settings = readSettings({ CUPS_SERVER: '127.0.0.1:40631' }, defaults);
    expect(settings.cupsUrl).toBe('http://127.0.0.1:40631');
  });
});
