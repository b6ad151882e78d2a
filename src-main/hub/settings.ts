// The hub's settings, from the environment only. The signing secret is held in memory: it is not
// written to the database or the log, and `describeHubSettings` leaves it out.
import { SettingsError } from '../config';
import { warehouseTarget } from '../warehouse/link';

export interface HubSettings {
  /** The warehouse's PostgreSQL (PACKDESK_WAREHOUSE_DB). */
  warehouseDb: string;
  /**
   * The integration's secret key(s) Sendcloud signs with (PACKDESK_WEBHOOK_SECRET, several
   * separated by commas for a warehouse on several accounts).
   */
  secrets: string[];
  /** PACKDESK_HUB_PORT, default 4020. */
  port: number;
  /** PACKDESK_HUB_HOST, default 127.0.0.1: the warehouse's reverse proxy is what Sendcloud reaches. */
  host: string;
  /** PACKDESK_HUB_REPLAY_WINDOW_S: a webhook whose timestamp is older than this is dropped. */
  replayWindowMs: number;
  /** PACKDESK_HUB_BODY_LIMIT (bytes): a larger body gets 413 unread. */
  bodyLimitBytes: number;
}

/**
 * Sendcloud retries a failed delivery 10 times, 5 minutes after the first and doubling up to an
 * hour between tries: 5+10+20+40+6×60 minutes, about 7¼ hours. A redelivery keeps its first
 * timestamp, so a window shorter than that would drop the retries that follow an outage of the
 * hub. Eight hours covers them.
 */
export const DEFAULT_REPLAY_WINDOW_MS = 8 * 3_600_000;
/** The real example is 1.4 kB; a parcel with many items stays far under this. */
export const DEFAULT_BODY_LIMIT_BYTES = 256 * 1024;
export const DEFAULT_HUB_PORT = 4020;

function wholeNumber(env: NodeJS.ProcessEnv, name: string, min: number): number | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new SettingsError(`${name} must be a whole number of at least ${min}, not "${raw}".`);
  }
  return value;
}

export function readHubSettings(env: NodeJS.ProcessEnv): HubSettings {
  const warehouseDb = env.PACKDESK_WAREHOUSE_DB?.trim();
  if (!warehouseDb || !/^postgres(ql)?:\/\//.test(warehouseDb)) {
    throw new SettingsError(
      'PACKDESK_WAREHOUSE_DB must be a PostgreSQL connection string: postgres://user:password@host:port/database.',
    );
  }
  const secrets = (env.PACKDESK_WEBHOOK_SECRET ?? '')
    .split(',')
    .map((secret) => secret.trim())
    .filter((secret) => secret.length > 0);
  if (secrets.length === 0) {
    throw new SettingsError(
      "PACKDESK_WEBHOOK_SECRET must be set: the integration's secret key Sendcloud signs webhooks with.",
    );
  }
  const port = wholeNumber(env, 'PACKDESK_HUB_PORT', 0) ?? DEFAULT_HUB_PORT;
  if (port > 65_535) throw new SettingsError(`PACKDESK_HUB_PORT must be a port, not ${port}.`);
  const windowS = wholeNumber(env, 'PACKDESK_HUB_REPLAY_WINDOW_S', 60);
  return {
    warehouseDb,
    secrets,
    port,
    host: env.PACKDESK_HUB_HOST?.trim() || '127.0.0.1',
    replayWindowMs: windowS !== undefined ? windowS * 1000 : DEFAULT_REPLAY_WINDOW_MS,
    bodyLimitBytes: wholeNumber(env, 'PACKDESK_HUB_BODY_LIMIT', 1024) ?? DEFAULT_BODY_LIMIT_BYTES,
  };
}

/** What the hub may say about its settings: no secret, no password. */
export function describeHubSettings(settings: HubSettings): Record<string, unknown> {
  return {
    warehouse: warehouseTarget(settings.warehouseDb),
    host: settings.host,
    port: settings.port,
    replayWindowS: settings.replayWindowMs / 1000,
    bodyLimitBytes: settings.bodyLimitBytes,
    signingKeys: settings.secrets.length,
  };
}
