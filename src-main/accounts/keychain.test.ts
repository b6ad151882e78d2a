import { describe, expect, it } from 'vitest';
import {
  classifyKeychainError,
  createKeytarStore,
  keychainMessage,
  parseKeysEntry,
  type KeytarLike,
} from './keychain';
import { msg } from '../../src-shared';
import { AppError } from '../errors';

const keychainName =
  process.platform === 'darwin'
    ? msg('account.keychain.mac')
    : process.platform === 'win32'
      ? msg('account.keychain.windows')
      : msg('account.keychain.os');

const keys = { publicKey: 'pk-0123456789', secretKey: 'sk-9876543210' };

/** An in-memory keychain that records every call; `locked` behaves as GNOME Keyring does. */
function fakeKeytar(options: { locked?: boolean } = {}) {
  const entries = new Map<string, string>();
  const calls: string[] = [];
  let running = 0;
  let mostAtOnce = 0;
  const track = async <T>(name: string, work: () => T): Promise<T> => {
    calls.push(name);
    running += 1;
    mostAtOnce = Math.max(mostAtOnce, running);
    await new Promise((resolve) => setImmediate(resolve));
    running -= 1;
    return work();
  };
  const keytar: KeytarLike = {
    getPassword: (service, account) =>
      track(`get ${service}/${account}`, () =>
        options.locked ? null : (entries.get(`${service}/${account}`) ?? null),
      ),
    setPassword: (service, account, password) =>
      track(`set ${service}/${account}`, () => {
        if (options.locked) throw new Error('Cannot create an item in a locked collection');
        entries.set(`${service}/${account}`, password);
      }),
    deletePassword: (service, account) =>
      track(`delete ${service}/${account}`, () =>
        options.locked ? false : entries.delete(`${service}/${account}`),
      ),
  };
  return { keytar, entries, calls, mostAtOnce: () => mostAtOnce };
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`Expected an AppError, got ${String(error)}`);
  return error;
}

describe('classifyKeychainError: what keytar said on a real machine, sorted by what to do', () => {
  it.each([
    ['Cannot create an item in a locked collection', 'locked'],
    ['User interaction is not allowed.', 'locked'],
    ['User canceled the operation.', 'locked'],
    ['Object does not exist at path “/org/freedesktop/secrets/collection/login”', 'no-keyring'],
    ['A default keychain could not be found.', 'no-keyring'],
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', 'no-service'],
    ['Could not connect: No such file or directory', 'no-service'],
    ['The name org.freedesktop.secrets was not provided by any .service files', 'no-service'],
    [
      'GDBus.Error:org.freedesktop.DBus.Error.ServiceUnknown: The name org.freedesktop.secrets was not provided by any .service files',
      'no-service',
    ],
    [
      'A specified logon session does not exist. It may already have been terminated.',
      'no-service',
    ],
    ['Timeout was reached', 'timeout'],
    ['Something else entirely', 'refused'],
  ] as const)('%s → %s', (raw, failure) => {
    expect(classifyKeychainError(raw)).toBe(failure);
  });
});

describe('keychainMessage', () => {
  it('tells a Linux user what to do', () => {
    const keychain = msg('account.keychain.os');
    expect(keychainMessage('locked', 'linux')).toEqual(
      msg('account.keychain.locked', { keychain }),
    );
    expect(keychainMessage('no-service', 'linux')).toEqual(msg('account.keychain.noService'));
    expect(keychainMessage('timeout', 'linux', '', 10_000)).toEqual(
      msg('account.keychain.noAnswer', { keychain, seconds: 10 }),
    );
    expect(keychainMessage('library-missing', 'linux')).toEqual(
      msg('account.keychain.noLibsecret'),
    );
  });

  it('names the macOS Keychain and Windows Credential Manager where they apply', () => {
    expect(keychainMessage('locked', 'darwin')).toEqual(msg('account.keychain.lockedMac'));
    expect(keychainMessage('no-keyring', 'darwin')).toEqual(msg('account.keychain.noDefaultMac'));
    expect(keychainMessage('no-service', 'win32')).toEqual(
      msg('account.keychain.noSessionWindows'),
    );
    expect(keychainMessage('refused', 'win32', 'The parameter is incorrect.')).toEqual(
      msg('account.keychain.refused.detail', {
        keychain: msg('account.keychain.windows'),
        detail: 'The parameter is incorrect.',
      }),
    );
    expect(keychainMessage('library-missing', 'darwin')).toEqual(
      msg('account.keychain.noModule', { keychain: msg('account.keychain.mac') }),
    );
  });
});

describe('parseKeysEntry', () => {
  it('reads back exactly the two keys', () => {
    expect(parseKeysEntry(JSON.stringify({ ...keys, extra: 1 }))).toEqual(keys);
  });

  it.each([
    'not json',
    'null',
    '"a string"',
    JSON.stringify({ publicKey: 'only-public' }),
    JSON.stringify({ publicKey: '', secretKey: 'sk' }),
    JSON.stringify({ publicKey: 1, secretKey: 'sk' }),
  ])('refuses %s', (entry) => {
    expect(parseKeysEntry(entry)).toBeNull();
  });
});

describe('createKeytarStore with a fake keytar', () => {
  it('keeps one entry per account: the JSON of both keys and nothing else', async () => {
    const fake = fakeKeytar();
    const store = createKeytarStore({ service: 'S', keytar: fake.keytar });
    await store.write('acc-1', { ...keys, extra: 'dropped' } as typeof keys);
    expect(Object.fromEntries(fake.entries)).toEqual({ 'S/acc-1': JSON.stringify(keys) });
    expect(await store.read('acc-1')).toEqual(keys);
  });

  it('believes "no entry" only after proving the keychain takes writes, and cleans up', async () => {
    const fake = fakeKeytar();
    const store = createKeytarStore({ service: 'S', keytar: fake.keytar });
    expect(await store.read('acc-1')).toBeNull();
    expect(await store.remove('acc-1')).toBe(false);
    expect(fake.calls).toEqual([
      'get S/acc-1',
      'set S (check)/probe',
      'delete S (check)/probe',
      'delete S/acc-1',
      'set S (check)/probe',
      'delete S (check)/probe',
    ]);
    expect(fake.entries.size).toBe(0);
  });

  it('a locked keyring that answers "nothing there": read, remove and check say locked', async () => {
    const store = createKeytarStore({ service: 'S', keytar: fakeKeytar({ locked: true }).keytar });
    const locked = keychainMessage('locked', process.platform);
    for (const call of [store.read('acc-1'), store.remove('acc-1'), store.write('acc-1', keys)]) {
      const error = await rejection(call);
      expect(error.toData()).toEqual({ code: 'keychain-unavailable', ...locked });
    }
    expect(await store.check()).toEqual({ code: 'keychain-unavailable', ...locked });
  });

  it('a corrupt entry is keychain-unavailable, never half keys, and does not quote it', async () => {
    const fake = fakeKeytar();
    fake.entries.set('S/acc-1', JSON.stringify({ publicKey: 'pk-leak-me' }));
    fake.entries.set('S/acc-2', 'pk-leak-me{');
    const store = createKeytarStore({ service: 'S', keytar: fake.keytar });
    for (const account of ['acc-1', 'acc-2']) {
      const error = await rejection(store.read(account));
      expect(error.code).toBe('keychain-unavailable');
      expect(error.toData()).toEqual({
        code: 'keychain-unavailable',
        ...msg('account.keychain.unreadable', { keychain: keychainName, account }),
      });
      const shown = `${error.message} ${String(error.cause)} ${JSON.stringify(error.toData())}`;
      expect(shown).not.toContain('leak-me');
    }
  });

  it('never repeats a key the OS put in its error message', async () => {
    const keytar: KeytarLike = {
      ...fakeKeytar().keytar,
      setPassword: async (_service, _account, password) => {
        throw new Error(`odd failure storing ${password}`);
      },
    };
    const store = createKeytarStore({ service: 'S', keytar });
    const error = await rejection(store.write('acc-1', keys));
    const shown = `${error.message} ${String((error.cause as Error).message)} ${JSON.stringify(error.toData())}`;
    expect(error.code).toBe('keychain-unavailable');
    expect(shown).not.toContain(keys.publicKey);
    expect(shown).not.toContain(keys.secretKey);
  });

  it('refuses an empty account id or key before touching the keychain', async () => {
    const fake = fakeKeytar();
    const store = createKeytarStore({ service: 'S', keytar: fake.keytar });
    expect((await rejection(store.read(''))).code).toBe('invalid-input');
    expect((await rejection(store.write('acc-1', { ...keys, secretKey: '' }))).code).toBe(
      'invalid-input',
    );
    expect(fake.calls).toEqual([]);
  });

  it('runs one keychain call at a time, however many are asked for at once', async () => {
    const fake = fakeKeytar();
    const store = createKeytarStore({ service: 'S', keytar: fake.keytar });
    await Promise.all([
      store.write('a', keys),
      store.write('b', keys),
      store.read('a'),
      store.read('c'),
      store.check(),
    ]);
    expect(fake.mostAtOnce()).toBe(1);
  });

  it('a call that never answers: locked after the timeout, later calls fail at once, then recover', async () => {
    const fake = fakeKeytar();
    let answer: (value: string | null) => void = () => undefined;
    let hang = true;
    const keytar: KeytarLike = {
      ...fake.keytar,
      getPassword: (service, account) =>
        hang
          ? new Promise((resolve) => (answer = resolve))
          : fake.keytar.getPassword(service, account),
    };
    fake.entries.set('S/acc-1', JSON.stringify(keys));
    const store = createKeytarStore({ service: 'S', keytar, timeoutMs: 20 });
    const timedOut = keychainMessage('timeout', process.platform, '', 20);

    expect((await rejection(store.read('acc-1'))).said).toEqual(timedOut);
    const callsBefore = fake.calls.length;
    expect(await store.check()).toEqual({ code: 'keychain-unavailable', ...timedOut });
    expect(fake.calls.length).toBe(callsBefore);

    hang = false;
    answer(null);
    await new Promise((resolve) => setImmediate(resolve));
    expect(await store.check()).toBeNull();
    expect(await store.read('acc-1')).toEqual(keys);
  });
});
