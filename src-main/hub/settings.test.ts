import { describe, expect, it } from 'vitest';
import { SettingsError } from '../config';
import {
  DEFAULT_BODY_LIMIT_BYTES,
  DEFAULT_REPLAY_WINDOW_MS,
  describeHubSettings,
  readHubSettings,
} from './settings';

const base = {
  PACKDESK_WAREHOUSE_DB: 'postgres://hub:pg-secret-pw@db.local:5433/warehouse',
  PACKDESK_WEBHOOK_SECRET: 'sign-me-secret',
};

describe('readHubSettings', () => {
  it('takes the warehouse and the secret, and defaults the rest to a loopback hub', () => {
    expect(readHubSettings(base)).toEqual({
      warehouseDb: base.PACKDESK_WAREHOUSE_DB,
      secrets: ['sign-me-secret'],
      port: 4020,
      host: '127.0.0.1',
      replayWindowMs: DEFAULT_REPLAY_WINDOW_MS,
      bodyLimitBytes: DEFAULT_BODY_LIMIT_BYTES,
    });
  });

  it('covers Sendcloud’s whole retry schedule with the default window', () => {
    // 10 retries: 5, 10, 20, 40 minutes, then an hour each.
    const schedule = [5, 10, 20, 40, 60, 60, 60, 60, 60, 60].reduce((a, b) => a + b) * 60_000;
    expect(DEFAULT_REPLAY_WINDOW_MS).toBeGreaterThan(schedule);
  });

  it('reads port, host, window, limit and several secrets', () => {
    const settings = readHubSettings({
      ...base,
      PACKDESK_WEBHOOK_SECRET: 'one, two',
      PACKDESK_HUB_PORT: '8080',
      PACKDESK_HUB_HOST: '0.0.0.0',
      PACKDESK_HUB_REPLAY_WINDOW_S: '600',
      PACKDESK_HUB_BODY_LIMIT: '4096',
    });
    expect(settings).toMatchObject({
      secrets: ['one', 'two'],
      port: 8080,
      host: '0.0.0.0',
      replayWindowMs: 600_000,
      bodyLimitBytes: 4096,
    });
  });

  it('refuses a missing database or secret, and numbers that are not', () => {
    expect(() => readHubSettings({ PACKDESK_WEBHOOK_SECRET: 'x' })).toThrow(SettingsError);
    expect(() => readHubSettings({ ...base, PACKDESK_WEBHOOK_SECRET: ' , ' })).toThrow(
      SettingsError,
    );
    expect(() => readHubSettings({ ...base, PACKDESK_HUB_PORT: '70000' })).toThrow(SettingsError);
    expect(() => readHubSettings({ ...base, PACKDESK_HUB_REPLAY_WINDOW_S: '5' })).toThrow(
      SettingsError,
    );
    expect(() => readHubSettings({ ...base, PACKDESK_HUB_BODY_LIMIT: 'lots' })).toThrow(
      SettingsError,
    );
  });

  it('describes itself without the secret or the password', () => {
    const said = JSON.stringify(describeHubSettings(readHubSettings(base)));
    expect(said).toContain('db.local:5433/warehouse');
    expect(said).not.toContain('sign-me-secret');
    expect(said).not.toContain('pg-secret-pw');
  });
});
