import path from 'node:path';
import { parsePrinterUrl } from './printing/printer';

/** The real Sendcloud; PACKDESK_SENDCLOUD_URL points the station at a compatible server instead. */
export const SENDCLOUD_ORIGIN = 'https://panel.sendcloud.sc';

export interface StationSettings {
  dataDir: string;
  /**
   * Keys from the environment: a headless account, held in memory and never stored. Null: the
   * accounts set up on screen (keys in the OS keychain), or demo mode when there are none.
   */
  sendcloud: { url: string; publicKey: string; secretKey: string } | null;
  /** Where accounts set up on screen reach Sendcloud; set when PACKDESK_SENDCLOUD_URL is. */
  sendcloudUrl?: string;
  integrationId: number | null;
  /**
   * A network ZPL printer that takes labels whatever the Printers screen says (a headless
   * override). Null: the printers set up on screen, or the virtual ZPL printer on 127.0.0.1.
   */
  printer: { host: string; port: number; dpi?: 203 | 300 | 600 } | null;
  /** How often to ask printers how they are; unset means the station's default. */
  printerPollMs?: number;
  /** How long one Sendcloud call may take before it counts as unanswered. */
  sendcloudTimeoutMs: number;
  /** How often to try Sendcloud while it is unreachable; unset means the station's default. */
  probeIntervalMs?: number;
  /** The CUPS scheduler to list queues from (`CUPS_SERVER`, as CUPS's own tools read it). */
  cupsUrl?: string;
  /** The station's name for people (PACKDESK_STATION_NAME); unset: the computer's name. */
  stationName?: string;
  /**
   * The warehouse's PostgreSQL (PACKDESK_WAREHOUSE_DB, `postgres://user:password@host:port/db`),
   * held in memory like the keys from the environment. Unset: the warehouse joined on screen, if
   * any, else a single station.
   */
  warehouseDb?: string;
}

/**
 * `CUPS_SERVER` as CUPS's own tools read it (`host` or `host:port`) as a URL; undefined for a
 * local socket path or when unset, so the scheduler on 127.0.0.1:631 is asked.
 */
export function cupsServerUrl(value: string | undefined): string | undefined {
  const server = value?.trim();
  if (!server || server.startsWith('/')) return undefined;
  return /:\d+$/.test(server) ? `http://${server}` : `http://${server}:631`;
}

export class SettingsError extends Error {
  override name = 'SettingsError';
}

/**
 * Read the station's settings from the environment. Keys are only ever held in memory; they
 * are not written to the data folder, the database or the log.
 */
export function readSettings(
  env: NodeJS.ProcessEnv,
  defaults: { dataDir: string },
): StationSettings {
  const publicKey = env.PACKDESK_SENDCLOUD_PUBLIC_KEY?.trim();
  const secretKey = env.PACKDESK_SENDCLOUD_SECRET_KEY?.trim();
  const url = env.PACKDESK_SENDCLOUD_URL?.trim();
  if (Boolean(publicKey) !== Boolean(secretKey)) {
    throw new SettingsError(
      'Set both PACKDESK_SENDCLOUD_PUBLIC_KEY and PACKDESK_SENDCLOUD_SECRET_KEY, or neither for demo mode.',
    );
  }
  let origin = SENDCLOUD_ORIGIN;
  if (url) {
    try {
      const parsed = new URL(url);
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error();
      origin = parsed.origin;
    } catch {
      throw new SettingsError(`PACKDESK_SENDCLOUD_URL must be an http(s) origin, not "${url}".`);
    }
  }

  let integrationId: number | null = null;
  const rawIntegration = env.PACKDESK_INTEGRATION_ID?.trim();
  if (rawIntegration) {
    integrationId = Number(rawIntegration);
    if (!Number.isInteger(integrationId) || integrationId <= 0) {
      throw new SettingsError(
        `PACKDESK_INTEGRATION_ID must be a positive whole number, not "${rawIntegration}".`,
      );
    }
  }

  let printer: StationSettings['printer'] = null;
  const rawPrinter = env.PACKDESK_PRINTER?.trim();
  if (rawPrinter) {
    try {
      printer = parsePrinterUrl(rawPrinter);
    } catch (error) {
      throw new SettingsError((error as Error).message);
    }
    const rawDpi = env.PACKDESK_PRINTER_DPI?.trim();
    if (rawDpi) {
      const dpi = Number(rawDpi);
      if (dpi !== 203 && dpi !== 300 && dpi !== 600) {
        throw new SettingsError(`PACKDESK_PRINTER_DPI must be 203, 300 or 600, not "${rawDpi}".`);
      }
      printer = { ...printer, dpi };
    }
  }

  let sendcloudTimeoutMs = 30_000;
  const rawTimeout = env.PACKDESK_SENDCLOUD_TIMEOUT_MS?.trim();
  if (rawTimeout) {
    sendcloudTimeoutMs = Number(rawTimeout);
    if (!Number.isInteger(sendcloudTimeoutMs) || sendcloudTimeoutMs < 100) {
      throw new SettingsError(
        `PACKDESK_SENDCLOUD_TIMEOUT_MS must be a whole number of milliseconds (100 or more), not "${rawTimeout}".`,
      );
    }
  }

  let probeIntervalMs: number | undefined;
  const rawProbe = env.PACKDESK_PROBE_INTERVAL_MS?.trim();
  if (rawProbe) {
    probeIntervalMs = Number(rawProbe);
    if (!Number.isInteger(probeIntervalMs) || probeIntervalMs < 100) {
      throw new SettingsError(
        `PACKDESK_PROBE_INTERVAL_MS must be a whole number of milliseconds (100 or more), not "${rawProbe}".`,
      );
    }
  }

  const warehouseDb = env.PACKDESK_WAREHOUSE_DB?.trim();
  if (warehouseDb) {
    let valid: boolean;
    try {
      const parsed = new URL(warehouseDb);
      valid =
        (parsed.protocol === 'postgres:' || parsed.protocol === 'postgresql:') && !!parsed.hostname;
    } catch {
      valid = false;
    }
    // The value may hold a password: the message never repeats it.
    if (!valid) {
      throw new SettingsError(
        'PACKDESK_WAREHOUSE_DB must be a PostgreSQL connection string: postgres://user:password@host:port/database.',
      );
    }
  }

  return {
    dataDir: path.resolve(env.PACKDESK_DATA_DIR?.trim() || defaults.dataDir),
    ...(warehouseDb ? { warehouseDb } : {}),
    sendcloudTimeoutMs,
    ...(probeIntervalMs !== undefined ? { probeIntervalMs } : {}),
    ...(cupsServerUrl(env.CUPS_SERVER) ? { cupsUrl: cupsServerUrl(env.CUPS_SERVER) } : {}),
    ...(env.PACKDESK_STATION_NAME?.trim()
      ? { stationName: env.PACKDESK_STATION_NAME.trim().slice(0, 60) }
      : {}),
    sendcloud: publicKey && secretKey ? { url: origin, publicKey, secretKey } : null,
    ...(url ? { sendcloudUrl: origin } : {}),
    integrationId,
    printer,
  };
}

/**
 * Where Electron keeps the app's data (`app.getPath('userData')` for "Packdesk"), so the
 * desktop app and the browser host share one database on a machine.
 */
export function defaultUserDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = env.HOME ?? env.USERPROFILE ?? '.',
): string {
  switch (platform) {
    case 'win32':
      return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Packdesk');
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', 'Packdesk');
    default:
      return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Packdesk');
  }
}
