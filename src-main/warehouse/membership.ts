// Whether this station is one of a warehouse's, and which: joined on the Warehouse screen (the
// connection string without its password in SQLite, the password in the OS keychain), or set by
// PACKDESK_WAREHOUSE_DB, which wins and cannot be changed on screen. The link follows every join,
// leave and rename at once, without a restart.
import type { WarehouseSettings } from '../../src-shared';
import { msg, splitConnectionString } from '../../src-shared';
import type { PasswordStore } from '../accounts/keychain';
import type { Clock } from '../clock';
import { AppError } from '../errors';
import { createLogger } from '../log';
import type { StationIdentity } from '../station/identity';
import type { Db } from '../store/db';
import { deleteSetting, readSetting, writeSetting } from '../store/settings';
import { checkWarehouse } from './check';
import { createWarehouseLink, warehouseView, type SwitchableWarehouseLink } from './link';

const log = createLogger('warehouse');

/** The station's SQLite setting: the connection string, never with a password. */
const URL_SETTING = 'warehouse.url';
/** How many stations the link saw when it was last up (for the budget's share when alone). */
const SEEN_SETTING = 'warehouse.stationsSeen';

export interface WarehouseMembershipDeps {
  db: Db;
  clock: Clock;
  /** The station's id and name; a rename changes the name here for everyone who holds it. */
  identity: StationIdentity;
  /** PACKDESK_WAREHOUSE_DB and PACKDESK_STATION_NAME: set, they win over the screen. */
  settings: { warehouseDb?: string | undefined; stationName?: string | undefined };
  /** Where the password lives, by station id. */
  passwords: PasswordStore;
  heartbeatMs?: number;
  /** Checks a connection before it is kept; default a real connection (checkWarehouse). */
  check?: (url: string, password: string | null) => Promise<void>;
}

export interface JoinInput {
  connection: string;
  password?: string | undefined;
  stationName?: string | undefined;
}

export interface WarehouseMembership {
  /** The one link the station's helpers hold, whatever is joined. */
  readonly link: SwitchableWarehouseLink;
  settings(): WarehouseSettings;
  /** Read the password from the keychain and start the link; never throws. */
  start(): Promise<void>;
  join(input: JoinInput): Promise<WarehouseSettings>;
  leave(): Promise<WarehouseSettings>;
  rename(stationName: string): Promise<WarehouseSettings>;
  stop(): Promise<void>;
}

export function createWarehouseMembership(deps: WarehouseMembershipDeps): WarehouseMembership {
  const { db, identity, passwords } = deps;
  const check = deps.check ?? ((url, password) => checkWarehouse(url, password));
  const fromEnvironment = deps.settings.warehouseDb ?? null;
  // What the link uses now; the password only ever in memory here and in the keychain.
  let current: { url: string | null; password: string | null; hasPassword: boolean } =
    fromEnvironment
      ? {
          url: fromEnvironment,
          password: null,
          hasPassword: (() => {
            const split = splitConnectionString(fromEnvironment);
            return split.ok && split.password !== null;
          })(),
        }
      : { url: readSetting(db, URL_SETTING), password: null, hasPassword: false };

  const link = createWarehouseLink({
    url: current.url,
    stationId: identity.id,
    stationName: identity.name,
    clock: deps.clock,
    ...(deps.heartbeatMs !== undefined ? { heartbeatMs: deps.heartbeatMs } : {}),
    lastSeen: {
      read: () => {
        const stations = Number(readSetting(db, SEEN_SETTING));
        return Number.isInteger(stations) && stations >= 1 ? stations : null;
      },
      write: (stations) => writeSetting(db, SEEN_SETTING, String(stations)),
    },
  });

  const refuseFromEnvironment = () => {
    if (!fromEnvironment) return;
    throw new AppError('forbidden', msg('warehouse.fromEnvironment'), {
      log: 'The warehouse is set by PACKDESK_WAREHOUSE_DB; the screen cannot change it.',
    });
  };

  const settings = (): WarehouseSettings => {
    const shown = current.url ? splitConnectionString(current.url) : null;
    return {
      source: fromEnvironment ? 'environment' : current.url ? 'screen' : 'none',
      connection: shown?.ok ? shown.url : null,
      hasPassword: current.hasPassword,
      stationName: identity.name,
      stationNameFixed: Boolean(deps.settings.stationName),
      link: warehouseView(link, identity.name),
    };
  };

  const follow = () =>
    link.reconfigure({
      url: current.url,
      password: current.password,
      stationName: identity.name,
    });

  const rename = (stationName: string) => {
    if (deps.settings.stationName) {
      throw new AppError('forbidden', msg('warehouse.nameFromEnvironment'), {
        log: 'PACKDESK_STATION_NAME names the station; the screen cannot rename it.',
      });
    }
    const name = stationName.trim();
    if (!name || name === identity.name) return false;
    writeSetting(db, 'station.name', name);
    identity.name = name;
    return true;
  };

  return {
    link,
    settings,

    async start() {
      if (!fromEnvironment && current.url) {
        try {
          const password = await passwords.read(identity.id);
          current = { ...current, password, hasPassword: password !== null };
          await follow();
        } catch (error) {
          // No fallback: without its password the link cannot work, and the screen says why.
          const reason =
            error instanceof AppError ? error.said : msg('warehouse.alone.unreachable');
          log.warn('the warehouse password cannot be read', { error });
          await link.reconfigure({
            url: current.url,
            stationName: identity.name,
            unusable: msg('warehouse.alone.keychain', { reason }),
          });
        }
      }
      await link.start();
    },

    async join(input) {
      refuseFromEnvironment();
      const split = splitConnectionString(input.connection);
      if (!split.ok) {
        throw new AppError('invalid-input', {
          key: split.problem.key,
          params: split.problem.params,
        });
      }
      const password = input.password ? input.password : split.password;
      await check(split.url, password);
      // The keychain first: when it refuses, nothing is kept and the station is as it was.
      if (password) await passwords.write(identity.id, password);
      else await passwords.remove(identity.id);
      writeSetting(db, URL_SETTING, split.url);
      if (input.stationName !== undefined && !deps.settings.stationName) rename(input.stationName);
      current = { url: split.url, password, hasPassword: password !== null };
      log.info('joined the warehouse', { url: split.url });
      await follow();
      return settings();
    },

    async leave() {
      refuseFromEnvironment();
      await passwords.remove(identity.id);
      deleteSetting(db, URL_SETTING);
      deleteSetting(db, SEEN_SETTING);
      current = { url: null, password: null, hasPassword: false };
      log.info('left the warehouse');
      await follow();
      return settings();
    },

    async rename(stationName) {
      // The warehouse's stations table says the new name at the link's next start.
      if (rename(stationName) && current.url) await follow();
      return settings();
    },

    stop: () => link.stop(),
  };
}
