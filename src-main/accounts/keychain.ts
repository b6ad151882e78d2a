// Sendcloud account keys live in the OS keychain only (Secret Service on Linux, macOS Keychain,
// Windows Credential Manager), one entry per account under one service name. When the keychain
// cannot be used there is no fallback: every call says why, in words a warehouse admin can act on.
import { AppError } from '../errors';
import { msg, type AppErrorData, type Message } from '../../src-shared';

export interface AccountKeys {
  publicKey: string;
  secretKey: string;
}

export const KEYCHAIN_SERVICE = 'Packdesk Sendcloud';

export interface KeyStore {
  /** The keys stored for an account, or null when there is no entry. Throws AppError('keychain-unavailable') when the keychain cannot be used. */
  read(accountId: string): Promise<AccountKeys | null>;
  /** Store or replace. Throws AppError('keychain-unavailable'). */
  write(accountId: string, keys: AccountKeys): Promise<void>;
  /** Delete the entry; true when there was one. Throws AppError('keychain-unavailable'). */
  remove(accountId: string): Promise<boolean>;
  /** null when the keychain can be used right now, else why not (code 'keychain-unavailable'), never throws. */
  check(): Promise<AppErrorData | null>;
}

/**
 * The part of keytar the store uses. Not `findCredentials`: with a locked GNOME keyring it
 * crashes the whole process (libsecret hands it a null secret).
 */
export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

/**
 * How long one keychain call may take. A locked keyring on a desktop shows an unlock prompt and
 * keytar waits for it without limit; past this the station reports the keychain as locked.
 */
export const KEYCHAIN_TIMEOUT_MS = 10_000;

export interface KeytarStoreOptions {
  /** Default: PACKDESK_KEYCHAIN_SERVICE, else KEYCHAIN_SERVICE. */
  service?: string;
  /** Default: the real keytar, loaded on first use. */
  keytar?: KeytarLike;
  /** Default: KEYCHAIN_TIMEOUT_MS. */
  timeoutMs?: number;
}

export type KeychainFailure =
  'locked' | 'timeout' | 'no-service' | 'no-keyring' | 'library-missing' | 'refused';

/** Sort a keychain error message (libsecret/GDBus, macOS Security, Windows) by what to do. */
export function classifyKeychainError(raw: string): KeychainFailure {
  if (/timeout was reached|timed out/i.test(raw)) return 'timeout';
  // libsecret: "Cannot create an item in a locked collection"; macOS: a locked keychain with no
  // UI allowed, or its unlock prompt cancelled or answered wrongly.
  if (
    /\block(ed)?\b|dismissed|user interaction is (not allowed|required)|user canceled|passphrase you entered is not correct/i.test(
      raw,
    )
  ) {
    return 'locked';
  }
  // gnome-keyring with no login keyring: the default alias points at a collection not there.
  if (
    /object does not exist at path .*\/collection\/|default keychain could not be found|specified keychain could not be found|no keychain is available/i.test(
      raw,
    )
  ) {
    return 'no-keyring';
  }
  if (
    /autolaunch|could not connect|not provided by any \.service files|ServiceUnknown|NameHasNoOwner|org\.freedesktop\.DBus\.Error|dbus-launch|D-Bus|logon session does not exist/i.test(
      raw,
    )
  ) {
    return 'no-service';
  }
  return 'refused';
}

function keychainName(platform: NodeJS.Platform): Message {
  if (platform === 'darwin') return msg('account.keychain.mac');
  if (platform === 'win32') return msg('account.keychain.windows');
  return msg('account.keychain.os');
}

/** What a warehouse user or admin reads; `detail` is the OS's own words, already scrubbed. */
export function keychainMessage(
  failure: KeychainFailure,
  platform: NodeJS.Platform,
  detail = '',
  timeoutMs = KEYCHAIN_TIMEOUT_MS,
): Message {
  const keychain = keychainName(platform);
  const seconds = Math.max(1, Math.round(timeoutMs / 1000));
  switch (failure) {
    case 'locked':
      if (platform === 'darwin') return msg('account.keychain.lockedMac');
      return msg('account.keychain.locked', { keychain });
    case 'timeout':
      return msg('account.keychain.noAnswer', { keychain, seconds });
    case 'no-service':
      if (platform === 'win32') return msg('account.keychain.noSessionWindows');
      if (platform === 'darwin') return msg('account.keychain.noSessionMac');
      return msg('account.keychain.noService');
    case 'no-keyring':
      if (platform === 'darwin') return msg('account.keychain.noDefaultMac');
      return msg('account.keychain.noKeyring', { keychain });
    case 'library-missing':
      if (platform === 'linux') return msg('account.keychain.noLibsecret');
      return msg('account.keychain.noModule', { keychain });
    case 'refused':
      return detail
        ? msg('account.keychain.refused.detail', { keychain, detail })
        : msg('account.keychain.refused', { keychain });
  }
}

/** The store's own message for an entry that is not a pair of keys Packdesk wrote. */
export function corruptEntryMessage(accountId: string, platform: NodeJS.Platform): Message {
  return msg('account.keychain.unreadable', {
    keychain: keychainName(platform),
    account: accountId,
  });
}

/** Parse an entry read back; null unless it is exactly a non-empty public and secret key. */
export function parseKeysEntry(entry: string): AccountKeys | null {
  let value: unknown;
  try {
    value = JSON.parse(entry);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { publicKey, secretKey } = value as Record<string, unknown>;
  if (typeof publicKey !== 'string' || typeof secretKey !== 'string') return null;
  if (!publicKey || !secretKey) return null;
  return { publicKey, secretKey };
}

/** The OS's message without any secret in it, short enough for a banner. */
function scrub(raw: string, secrets: readonly string[]): string {
  let text = raw;
  for (const secret of secrets) {
    if (secret) text = text.split(secret).join('[redacted]');
  }
  text = text.replace(/\s+/g, ' ').trim();
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

async function loadKeytar(): Promise<KeytarLike> {
  // keytar is CommonJS: Node's ESM import exposes all of it only as `default`.
  const mod: unknown = await import('keytar');
  return ((mod as { default?: KeytarLike }).default ?? mod) as KeytarLike;
}

const timedOut = Symbol('timed out');

/** One keytar call at a time, bounded in time, its errors turned into messages (see below). */
interface KeytarCalls {
  service: string;
  platform: NodeJS.Platform;
  call<T>(run: (kt: KeytarLike) => Promise<T>, secrets?: readonly string[]): Promise<T>;
  serial<T>(operation: () => Promise<T>): Promise<T>;
  /** Prove the keychain takes writes (a locked one answers lookups with "nothing there"). */
  probe(): Promise<void>;
  unavailable(failure: KeychainFailure, detail?: string, cause?: unknown): AppError;
}

/**
 * The OS keychain through keytar. One call runs at a time: a call stuck behind an unlock prompt
 * holds one libuv worker thread, and parallel stuck calls would starve fs and crypto of theirs.
 */
function keytarCalls(options: KeytarStoreOptions, service: string): KeytarCalls {
  // A throwaway entry that proves the keychain takes writes: a locked GNOME keyring answers a
  // lookup with "nothing there" and a delete with "was not there", indistinguishable otherwise.
  const probeService = `${service} (check)`;
  const timeoutMs = options.timeoutMs ?? KEYCHAIN_TIMEOUT_MS;
  const platform = process.platform;
  let keytar: Promise<KeytarLike> | null = options.keytar ? Promise.resolve(options.keytar) : null;
  let queue: Promise<unknown> = Promise.resolve();
  // A call that outlived its timeout and still holds a worker thread: later calls fail at once
  // rather than pile up. A write stuck this way may still land once the keyring is unlocked.
  let stuck: Promise<unknown> | null = null;

  const unavailable = (failure: KeychainFailure, detail = '', cause?: unknown) =>
    new AppError('keychain-unavailable', keychainMessage(failure, platform, detail, timeoutMs), {
      log: `keychain unavailable: ${failure}${detail ? ` (${detail})` : ''}`,
      ...(cause === undefined ? {} : { cause }),
    });

  async function loadedKeytar(): Promise<KeytarLike> {
    keytar ??= loadKeytar();
    try {
      return await keytar;
    } catch (error) {
      // Try again next time: the library may be installed while the station runs.
      keytar = null;
      const raw = error instanceof Error ? error.message : String(error);
      throw unavailable('library-missing', '', new Error(scrub(raw, [])));
    }
  }

  /** One keytar call, bounded in time, its error turned into a message; never shows a secret. */
  async function call<T>(
    run: (kt: KeytarLike) => Promise<T>,
    secrets: readonly string[] = [],
  ): Promise<T> {
    const kt = await loadedKeytar();
    if (stuck) throw unavailable('timeout');
    const pending = Promise.resolve().then(() => run(kt));
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<typeof timedOut>((resolve) => {
      timer = setTimeout(() => resolve(timedOut), timeoutMs);
    });
    try {
      const outcome = await Promise.race([pending, deadline]);
      if (outcome === timedOut) {
        const settled = pending.then(
          () => undefined,
          () => undefined,
        );
        stuck = settled;
        void settled.then(() => {
          if (stuck === settled) stuck = null;
        });
        throw unavailable('timeout');
      }
      return outcome;
    } catch (error) {
      if (error instanceof AppError) throw error;
      const raw = scrub(error instanceof Error ? error.message : String(error), secrets);
      // keytar's own messages never carry the password; scrubbed anyway before they travel.
      throw unavailable(classifyKeychainError(raw), raw, new Error(raw));
    } finally {
      clearTimeout(timer);
    }
  }

  /** Run an operation after the previous one finished, whatever its outcome. */
  function serial<T>(operation: () => Promise<T>): Promise<T> {
    const result = queue.then(operation, operation);
    queue = result.catch(() => undefined);
    return result;
  }

  async function probe(): Promise<void> {
    await call((kt) => kt.setPassword(probeService, 'probe', 'Packdesk can write here'));
    await call((kt) => kt.deletePassword(probeService, 'probe'));
  }

  return { service, platform, call, serial, probe, unavailable };
}

function checkWith(calls: KeytarCalls): Promise<AppErrorData | null> {
  return calls.serial(async () => {
    try {
      await calls.probe();
      return null;
    } catch (error) {
      if (error instanceof AppError) return error.toData();
      return calls.unavailable('refused').toData();
    }
  });
}

/** Sendcloud keys in the OS keychain, one entry per account. */
export function createKeytarStore(options: KeytarStoreOptions = {}): KeyStore {
  const service = options.service || process.env.PACKDESK_KEYCHAIN_SERVICE || KEYCHAIN_SERVICE;
  const keychain = keytarCalls(options, service);
  const { call, serial, probe, platform } = keychain;

  function requireAccountId(accountId: string): void {
    if (typeof accountId !== 'string' || accountId.length === 0) {
      throw new AppError('invalid-input', msg('account.keychain.noAccountId'), {
        log: 'An account id is needed to reach its keys.',
      });
    }
  }

  return {
    read(accountId) {
      return serial(async () => {
        requireAccountId(accountId);
        const entry = await call((kt) => kt.getPassword(service, accountId));
        if (entry === null) {
          // "No entry" is only believable from a keychain that takes writes.
          await probe();
          return null;
        }
        const keys = parseKeysEntry(entry);
        // No cause: a JSON error quotes the text, and the text may hold a key.
        if (!keys) {
          throw new AppError('keychain-unavailable', corruptEntryMessage(accountId, platform), {
            log: `The keychain entry of account ${accountId} is unreadable.`,
          });
        }
        return keys;
      });
    },

    write(accountId, keys) {
      return serial(async () => {
        requireAccountId(accountId);
        const { publicKey, secretKey } = keys;
        if (
          typeof publicKey !== 'string' ||
          typeof secretKey !== 'string' ||
          !publicKey ||
          !secretKey
        ) {
          throw new AppError('invalid-input', msg('account.keysNeeded'), {
            log: 'Both the public key and the secret key are needed.',
          });
        }
        const entry = JSON.stringify({ publicKey, secretKey });
        await call(
          (kt) => kt.setPassword(service, accountId, entry),
          [publicKey, secretKey, entry],
        );
      });
    },

    remove(accountId) {
      return serial(async () => {
        requireAccountId(accountId);
        const removed = await call((kt) => kt.deletePassword(service, accountId));
        // A locked GNOME keyring answers "was not there" even when it was.
        if (!removed) await probe();
        return removed;
      });
    },

    check: () => checkWith(keychain),
  };
}

/** One password per name in the OS keychain (the warehouse database's, by station id). */
export interface PasswordStore {
  /** The password stored under `name`, or null. Throws AppError('keychain-unavailable'). */
  read(name: string): Promise<string | null>;
  /** Store or replace. Throws AppError('keychain-unavailable'). */
  write(name: string, password: string): Promise<void>;
  /** Delete the entry; true when there was one. Throws AppError('keychain-unavailable'). */
  remove(name: string): Promise<boolean>;
  /** null when the keychain can be used right now, else why not; never throws. */
  check(): Promise<AppErrorData | null>;
}

export const WAREHOUSE_KEYCHAIN_SERVICE = 'Packdesk warehouse';

/**
 * Passwords in the OS keychain under a service of their own, with the same bounds and messages
 * as the account keys. Default service: WAREHOUSE_KEYCHAIN_SERVICE, or PACKDESK_KEYCHAIN_SERVICE
 * with " (warehouse)" after it, so a test's own service keeps its passwords apart too.
 */
export function createKeytarPasswords(options: KeytarStoreOptions = {}): PasswordStore {
  const envService = process.env.PACKDESK_KEYCHAIN_SERVICE;
  const service =
    options.service || (envService ? `${envService} (warehouse)` : WAREHOUSE_KEYCHAIN_SERVICE);
  const keychain = keytarCalls(options, service);
  const { call, serial, probe } = keychain;
  const requireName = (name: string) => {
    if (typeof name !== 'string' || name.length === 0) {
      throw new AppError('invalid-input', msg('account.keychain.noAccountId'), {
        log: 'A name is needed to reach a password.',
      });
    }
  };
  return {
    read(name) {
      return serial(async () => {
        requireName(name);
        const entry = await call((kt) => kt.getPassword(service, name));
        // "No entry" is only believable from a keychain that takes writes.
        if (entry === null) await probe();
        return entry;
      });
    },
    write(name, password) {
      return serial(async () => {
        requireName(name);
        await call((kt) => kt.setPassword(service, name, password), [password]);
      });
    },
    remove(name) {
      return serial(async () => {
        requireName(name);
        const removed = await call((kt) => kt.deletePassword(service, name));
        if (!removed) await probe();
        return removed;
      });
    },
    check: () => checkWith(keychain),
  };
}
