// The keychain store against a real Secret Service (GNOME Keyring over D-Bus), never a fake:
// the session the suite runs in for the everyday paths, a session of its own for each state that
// would disturb it (locked, frozen, none running).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { msg, type Message } from '../../src-shared';
import {
  createKeytarStore,
  keychainMessage,
  type AccountKeys,
  type KeytarLike,
} from '../../src-main/accounts/keychain';
import {
  keyringFolder,
  keyringItems,
  requireKeyring,
  runInOwnSession,
  uniqueService,
  type KeyringItem,
  type StepOutcome,
} from '../helpers/keyring';

const locked = keychainMessage('locked', 'linux');
const noService = keychainMessage('no-service', 'linux');
const noKeyring = keychainMessage('no-keyring', 'linux');

function keysFor(label: string): AccountKeys {
  return { publicKey: `pk-${label}-${randomUUID()}`, secretKey: `sk-${label}-${randomUUID()}` };
}

const failedWith = (said: Message) => ({ ok: false, code: 'keychain-unavailable', said });
const succeeded = (value: unknown) => ({ ok: true, value });

/** Every outcome fast: a state that answers at once must never wait for a timeout. */
function expectQuick(outcomes: StepOutcome[], withinMs = 2_000): void {
  for (const outcome of outcomes) expect(outcome.ms).toBeLessThan(withinMs);
}

const ofService = (items: KeyringItem[], service: string) =>
  items.filter((item) => item.attributes.service === service);

describe('keychain store in the session keyring', () => {
  const service = uniqueService();
  const store = createKeytarStore({ service });
  const accounts = [`acc-${randomUUID()}`, `acc-${randomUUID()}`] as const;
  const [one, two] = accounts;
  let keytar: KeytarLike;

  // Each test fails with how to get a keyring, rather than being skipped by a failed beforeAll.
  beforeEach(requireKeyring);
  beforeAll(async () => {
    const mod: unknown = await import('keytar');
    keytar = ((mod as { default?: KeytarLike }).default ?? mod) as KeytarLike;
  });

  afterAll(async () => {
    for (const account of [...accounts, 'corrupt-1', 'corrupt-2']) {
      await keytar?.deletePassword(service, account).catch(() => false);
    }
  });

  it('says the keychain can be used, and leaves nothing behind for asking', async () => {
    expect(await store.check()).toBeNull();
    const items = await keyringItems();
    expect(ofService(items, service)).toEqual([]);
    expect(ofService(items, `${service} (check)`)).toEqual([]);
  });

  it('stores, reads back, replaces and deletes an account’s keys', async () => {
    const first = keysFor('first');
    const second = keysFor('second');
    expect(await store.read(one)).toBeNull();
    await store.write(one, first);
    expect(await store.read(one)).toEqual(first);
    await store.write(one, second);
    expect(await store.read(one)).toEqual(second);
    expect(ofService(await keyringItems(), service)).toHaveLength(1);
    expect(await store.remove(one)).toBe(true);
    expect(await store.read(one)).toBeNull();
    expect(await store.remove(one)).toBe(false);
    expect(ofService(await keyringItems(), service)).toEqual([]);
  });

  it('keeps two accounts side by side, one entry each, under the service name only', async () => {
    const keysOne = keysFor('one');
    const keysTwo = keysFor('two');
    await store.write(one, keysOne);
    await store.write(two, keysTwo);
    expect(await store.read(one)).toEqual(keysOne);
    expect(await store.read(two)).toEqual(keysTwo);

    const items = await keyringItems();
    const ours = items.filter((item) => accounts.includes(item.attributes.account as never));
    const byAccount = (item: KeyringItem) => item.attributes.account ?? '';
    ours.sort((a, b) => byAccount(a).localeCompare(byAccount(b)));
    expect(ours.map((item) => item.attributes)).toEqual(
      [...accounts].sort().map((account) => ({
        service,
        account,
        'xdg:schema': 'org.freedesktop.Secret.Generic',
      })),
    );
    expect(ofService(items, service)).toHaveLength(2);
    expect(ofService(items, `${service} (check)`)).toEqual([]);
    // The keys are the secret, never a label or lookup attribute anyone can list.
    const visible = JSON.stringify(items);
    for (const key of [...Object.values(keysOne), ...Object.values(keysTwo)]) {
      expect(visible).not.toContain(key);
    }

    expect(await store.remove(one)).toBe(true);
    expect(await store.read(one)).toBeNull();
    expect(await store.read(two)).toEqual(keysTwo);
    expect(await store.remove(two)).toBe(true);
  });

  it('reports an entry that is not a pair of keys, never half of one', async () => {
    await keytar.setPassword(
      service,
      'corrupt-1',
      JSON.stringify({ publicKey: 'only-public-xyz' }),
    );
    await keytar.setPassword(service, 'corrupt-2', 'secret-but-not-json-xyz');
    for (const account of ['corrupt-1', 'corrupt-2']) {
      const error = await store.read(account).then(
        () => null,
        (e: unknown) => e as { code?: string; message: string; said: Message },
      );
      expect(error?.code).toBe('keychain-unavailable');
      expect(error?.said).toEqual(
        msg('account.keychain.unreadable', { keychain: msg('account.keychain.os'), account }),
      );
      expect(`${error?.message} ${JSON.stringify(error?.said)}`).not.toMatch(/xyz/);
    }
  });
});

describe('keychain store in a session of its own', () => {
  const folders: (() => void)[] = [];
  const folder = () => {
    const made = keyringFolder();
    folders.push(made.cleanup);
    return made.dir;
  };
  afterAll(() => folders.forEach((cleanup) => cleanup()));

  it('works in a fresh keyring under the service named by PACKDESK_KEYCHAIN_SERVICE', async () => {
    const envService = uniqueService();
    const keys = keysFor('env');
    const outcomes = await runInOwnSession(folder(), {
      kind: 'secret-service',
      envService,
      steps: [
        { op: 'check' },
        { op: 'write', account: 'acc-env', keys },
        { op: 'read', account: 'acc-env' },
        { op: 'items' },
      ],
    });
    expect(outcomes).toMatchObject([
      succeeded(null),
      succeeded(null),
      succeeded(keys),
      succeeded([{ label: `${envService}/acc-env`, attributes: { service: envService } }]),
    ]);
  });

  it('a locked keyring: every call says locked, nothing is written, nothing is lost', async () => {
    const dir = folder();
    const before = keysFor('before');
    const after = keysFor('after');
    const service = uniqueService();
    const outcomes = await runInOwnSession(dir, {
      kind: 'secret-service',
      service,
      steps: [
        { op: 'write', account: 'acc-1', keys: before },
        { op: 'lock' },
        { op: 'check' },
        // A locked GNOME keyring answers "no such entry" here; the store must not believe it.
        { op: 'read', account: 'acc-1' },
        { op: 'read', account: 'acc-2' },
        { op: 'write', account: 'acc-1', keys: after },
        { op: 'write', account: 'acc-2', keys: after },
        { op: 'remove', account: 'acc-1' },
        { op: 'items' },
      ],
    });
    expect(outcomes).toMatchObject([
      succeeded(null),
      succeeded(null),
      succeeded({ code: 'keychain-unavailable', ...locked }),
      failedWith(locked),
      failedWith(locked),
      failedWith(locked),
      failedWith(locked),
      failedWith(locked),
      succeeded([{ label: `${service}/acc-1`, attributes: { service, account: 'acc-1' } }]),
    ]);
    expectQuick(outcomes);
    for (const outcome of outcomes) {
      if (!outcome.ok) expect(JSON.stringify(outcome)).not.toContain(after.secretKey);
    }

    // Unlocked again (same folder, same password): the first keys are still there, untouched.
    const reopened = await runInOwnSession(dir, {
      kind: 'secret-service',
      service,
      steps: [{ op: 'read', account: 'acc-1' }, { op: 'read', account: 'acc-2' }, { op: 'items' }],
    });
    expect(reopened).toMatchObject([
      succeeded(before),
      succeeded(null),
      succeeded([{ label: `${service}/acc-1` }]),
    ]);
    expect((reopened[2] as { value: unknown[] }).value).toHaveLength(1);
  });

  it('a keyring that does not answer (an unlock prompt nobody answers): locked after the timeout, one stuck call at most', async () => {
    const keys = keysFor('frozen');
    const outcomes = await runInOwnSession(folder(), {
      kind: 'secret-service',
      service: uniqueService(),
      timeoutMs: 500,
      steps: [
        { op: 'write', account: 'acc-1', keys },
        { op: 'freeze' },
        { op: 'read', account: 'acc-1' },
        // The first call still waits: the next one fails at once instead of piling up.
        { op: 'check' },
        { op: 'thaw' },
        { op: 'check-until-usable', withinMs: 5_000 },
        { op: 'read', account: 'acc-1' },
      ],
    });
    const timedOut = keychainMessage('timeout', 'linux', '', 500);
    expect(timedOut).toEqual(
      msg('account.keychain.noAnswer', { keychain: msg('account.keychain.os'), seconds: 1 }),
    );
    expect(outcomes).toMatchObject([
      succeeded(null),
      succeeded(null),
      failedWith(timedOut),
      succeeded({ code: 'keychain-unavailable', ...timedOut }),
      succeeded(null),
      succeeded(null),
      succeeded(keys),
    ]);
    const [, , read, check] = outcomes;
    expect(read?.ms).toBeGreaterThanOrEqual(450);
    expect(read?.ms).toBeLessThan(1_500);
    expect(check?.ms).toBeLessThan(100);
  });

  it('a Secret Service started by D-Bus with no keyring: says there is no keyring', async () => {
    const outcomes = await runInOwnSession(folder(), {
      kind: 'not-started',
      service: uniqueService(),
      steps: [
        { op: 'check' },
        { op: 'read', account: 'acc-1' },
        { op: 'write', account: 'acc-1', keys: keysFor('none') },
        { op: 'remove', account: 'acc-1' },
      ],
    });
    expect(outcomes).toMatchObject([
      succeeded({ code: 'keychain-unavailable', ...noKeyring }),
      failedWith(noKeyring),
      failedWith(noKeyring),
      failedWith(noKeyring),
    ]);
    expectQuick(outcomes);
  });

  it.each(['no-secret-service', 'no-bus'] as const)(
    '%s: says no OS keychain is running',
    async (kind) => {
      const outcomes = await runInOwnSession(folder(), {
        kind,
        service: uniqueService(),
        steps: [
          { op: 'check' },
          { op: 'read', account: 'acc-1' },
          { op: 'write', account: 'acc-1', keys: keysFor('none') },
          { op: 'remove', account: 'acc-1' },
        ],
      });
      expect(outcomes).toMatchObject([
        succeeded({ code: 'keychain-unavailable', ...noService }),
        failedWith(noService),
        failedWith(noService),
        failedWith(noService),
      ]);
      expectQuick(outcomes);
    },
  );
});
