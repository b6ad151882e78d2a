import { describe, expect, it } from 'vitest';
import {
  buildApi,
  type AccountChoices,
  type AccountView,
  type CommandName,
  type EventMap,
  type EventName,
  type JobView,
  type PackdeskApi,
  type Result,
  type ScanEntry,
  type StationStatus,
} from '../../src-shared';
import type { HostConnection, HostConnectionState } from '../bridge/web-bridge';
import { resultView } from './scans';
import { createStationStore } from './station';

const status: StationStatus = {
  mode: 'demo',
  sendcloudUrl: 'http://127.0.0.1:4010',
  integration: { id: 1, name: 'Demo shop' },
  printer: { name: 'Virtual ZPL', address: '127.0.0.1:9100' },
  ordersCached: 12,
  ordersSyncedAt: null,
  syncError: null,
  connectivity: {
    online: true,
    since: '2025-11-21T09:00:00.000Z',
    queueLength: 0,
    lastError: null,
  },
  outbox: { drainMode: 'print', staleAfterMinutes: 60 },
  accounts: [],
  keychainError: null,
};

function entry(overrides: Partial<ScanEntry> = {}): ScanEntry {
  return {
    id: 'scan-1',
    code: 'ORD-1',
    state: 'working',
    step: 'creating label',
    orderNumber: 'ORD-1',
    trackingNumber: null,
    carrier: null,
    error: null,
    startedAt: new Date().toISOString(),
    finishedAt: null,
    reprint: false,
    jobId: null,
    waitingReason: null,
    warning: null,
    ...overrides,
  };
}

/** A fake station: commands answer from `answers`, events are emitted by the test. */
function fakeApi(answers: Partial<Record<CommandName, () => Promise<Result<unknown>>>>) {
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  const calls: Array<{ name: CommandName; input: unknown }> = [];
  const api: PackdeskApi = buildApi(
    (name, input) => {
      calls.push({ name, input });
      const answer = answers[name];
      return answer
        ? answer()
        : Promise.resolve({
            ok: false,
            error: { code: 'unknown-command', message: `The fake does not answer ${name}.` },
          });
    },
    (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (payload: never) => void);
      return () => set.delete(listener as (payload: never) => void);
    },
  );
  const emit = <E extends EventName>(event: E, payload: EventMap[E]): void => {
    for (const listener of listeners.get(event) ?? [])
      (listener as (p: EventMap[E]) => void)(payload);
  };
  return { api, emit, calls };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('station store', () => {
  it('loads status and recent scans on start', async () => {
    const { api, calls } = fakeApi({
      'station.status': async () => ({ ok: true, value: status }),
      'scan.recent': async () => ({ ok: true, value: [entry({ state: 'printed' })] }),
    });
    const store = createStationStore(api, null);
    store.getState().start();
    await settle();
    // The printers too: their status is pushed only on a change, so a fresh screen reads it.
    expect(calls.map((c) => c.name).sort()).toEqual([
      'printers.list',
      'scan.recent',
      'station.status',
    ]);
    expect(calls.find((c) => c.name === 'scan.recent')?.input).toEqual({ limit: 20 });
    expect(store.getState().status).toEqual(status);
    expect(store.getState().scans).toHaveLength(1);
    expect(store.getState().host).toBe('ipc');
  });

  it('follows a scan from events that arrive before the submit answer', async () => {
    const answer = deferred<Result<unknown>>();
    const { api, emit } = fakeApi({ 'scan.submit': () => answer.promise });
    const store = createStationStore(api, null);
    store.getState().start();

    const submitted = store.getState().submitScan('  ORD-1 ');
    expect(resultView(store.getState().current, []).state).toBe('working');

    emit('scan.updated', entry({ step: 'printing' }));
    let { current, scans } = store.getState();
    expect(resultView(current, scans)).toMatchObject({ state: 'working', step: 'printing' });

    const printed = entry({ state: 'printed', trackingNumber: 'TT1', carrier: 'DHL' });
    emit('scan.updated', printed);
    // The submit answer is older than the last event: it must not turn the panel back.
    answer.resolve({ ok: true, value: entry({ step: 'creating label' }) });
    await submitted;
    ({ current, scans } = store.getState());
    expect(resultView(current, scans)).toMatchObject({ state: 'printed', trackingNumber: 'TT1' });
    expect(scans).toHaveLength(1);
  });

  it('shows a rejected submit as a failure with its reason', async () => {
    const { api } = fakeApi({
      'scan.submit': async () => ({
        ok: false,
        error: { code: 'offline', message: 'The station host is not answering.' },
      }),
    });
    const store = createStationStore(api, null);
    await store.getState().submitScan('ORD-9');
    expect(resultView(store.getState().current, [])).toMatchObject({
      state: 'failed',
      code: 'ORD-9',
      reason: 'The station host is not answering.',
    });
  });

  it('ignores an empty scan', async () => {
    const { api, calls } = fakeApi({});
    const store = createStationStore(api, null);
    await store.getState().submitScan('   ');
    expect(calls).toEqual([]);
    expect(store.getState().current).toBeNull();
  });

  it('reloads status and scans when the host connection comes back', async () => {
    const { api, calls } = fakeApi({
      'station.status': async () => ({ ok: true, value: status }),
      'scan.recent': async () => ({ ok: true, value: [] }),
    });
    const stateListeners = new Set<(state: HostConnectionState) => void>();
    let state: HostConnectionState = 'connected';
    const host: HostConnection = {
      get state() {
        return state;
      },
      subscribe(listener) {
        stateListeners.add(listener);
        return () => stateListeners.delete(listener);
      },
    };
    const change = (next: HostConnectionState) => {
      state = next;
      stateListeners.forEach((listener) => listener(next));
    };
    const store = createStationStore(api, host);
    store.getState().start();
    await settle();
    expect(calls).toHaveLength(3);

    change('disconnected');
    expect(store.getState().host).toBe('disconnected');
    change('connected');
    await settle();
    expect(store.getState().host).toBe('connected');
    // Status, recent scans and printers read again: events sent while the socket was down are lost.
    expect(calls).toHaveLength(6);
  });

  it('updates the status from a sync and keeps a sync error to show', async () => {
    let fail = false;
    const { api } = fakeApi({
      'orders.sync': async () =>
        fail
          ? { ok: false, error: { code: 'auth-failed', message: 'Sendcloud refused the key.' } }
          : { ok: true, value: { ...status, ordersCached: 40 } },
    });
    const store = createStationStore(api, null);
    await store.getState().syncOrders();
    expect(store.getState().status?.ordersCached).toBe(40);
    fail = true;
    await store.getState().syncOrders();
    expect(store.getState().syncError?.code).toBe('auth-failed');
    expect(store.getState().syncing).toBe(false);
  });

  it('follows a queued scan on the panel until it prints', async () => {
    const queued = entry({
      state: 'queued',
      step: 'queued',
      jobId: 'job-1',
      waitingReason: 'Sendcloud unreachable — will print when the connection is back',
    });
    const { api, emit } = fakeApi({ 'scan.submit': async () => ({ ok: true, value: queued }) });
    const store = createStationStore(api, null);
    store.getState().start();
    await store.getState().submitScan('ORD-1');
    let { current, scans } = store.getState();
    expect(resultView(current, scans)).toMatchObject({
      state: 'queued',
      reason: 'Sendcloud unreachable — will print when the connection is back',
    });

    emit('scan.updated', { ...queued, state: 'printed', trackingNumber: 'TT1' });
    ({ current, scans } = store.getState());
    expect(resultView(current, scans)).toMatchObject({ state: 'printed', trackingNumber: 'TT1' });
  });

  it('updates the list, not the panel, when an earlier queued scan prints', async () => {
    const { api, emit } = fakeApi({});
    const store = createStationStore(api, null);
    store.getState().start();
    const older = entry({
      id: 'scan-old',
      code: 'ORD-OLD',
      state: 'queued',
      startedAt: '2025-11-21T10:00:00.000Z',
    });
    emit('scan.updated', older);
    const submitted = store.getState().submitScan('ORD-2');
    emit(
      'scan.updated',
      entry({
        id: 'scan-2',
        code: 'ORD-2',
        state: 'printed',
        startedAt: '2025-11-21T10:05:00.000Z',
      }),
    );
    await submitted;

    emit('scan.updated', { ...older, state: 'printed', trackingNumber: 'TT-OLD' });
    const { current, scans } = store.getState();
    expect(resultView(current, scans).code).toBe('ORD-2');
    expect(scans.find((scan) => scan.id === 'scan-old')?.state).toBe('printed');
  });

  it('does not let an old scan the outbox drains take the panel', () => {
    const { api, emit } = fakeApi({});
    const store = createStationStore(api, null);
    store.getState().start();
    emit('scan.updated', entry({ id: 'new', state: 'printed', startedAt: '2025-11-21T10:05:00Z' }));
    const shown = store.getState().current;
    // Fell off the recent list long ago, now being drained.
    emit('scan.updated', entry({ id: 'ancient', startedAt: '2025-11-21T08:00:00Z' }));
    expect(store.getState().current).toBe(shown);
    // A scan started now in another window still does.
    emit('scan.updated', entry({ id: 'other', startedAt: '2025-11-21T10:06:00Z' }));
    expect(store.getState().current).toMatchObject({ kind: 'entry', id: 'other' });
  });
});

function jobView(id: string, overrides: Partial<JobView> = {}): JobView {
  return {
    id,
    kind: 'create-label',
    state: 'waiting',
    orderNumber: `ORD-${id}`,
    code: `ORD-${id}`,
    trackingNumber: null,
    attempts: 1,
    nextAttemptAt: '2025-11-21T10:01:00.000Z',
    lastError: { code: 'offline', message: 'Sendcloud did not answer.' },
    reason: 'Sendcloud unreachable',
    createdAt: '2025-11-21T10:00:00.000Z',
    updatedAt: '2025-11-21T10:00:30.000Z',
    ...overrides,
  };
}

const offline = {
  online: false,
  since: '2025-11-21T10:00:00.000Z',
  queueLength: 2,
  lastError: { code: 'offline' as const, message: 'Sendcloud did not answer.' },
};

describe('station store: outbox and connectivity', () => {
  it('takes connectivity and outbox settings from the status', async () => {
    const { api } = fakeApi({ 'station.status': async () => ({ ok: true, value: status }) });
    const store = createStationStore(api, null);
    store.getState().start();
    await settle();
    expect(store.getState().connectivity).toEqual(status.connectivity);
    expect(store.getState().outbox).toEqual({ drainMode: 'print', staleAfterMinutes: 60 });
  });

  it('goes offline on `connectivity.changed`, and a late older status does not undo it', async () => {
    const answer = deferred<Result<unknown>>();
    const { api, emit } = fakeApi({ 'station.status': () => answer.promise });
    const store = createStationStore(api, null);
    store.getState().start();
    emit('connectivity.changed', offline);
    expect(store.getState().connectivity).toEqual(offline);

    // The status read was sent before the station went offline.
    answer.resolve({ ok: true, value: status });
    await settle();
    expect(store.getState().status).toEqual(status);
    expect(store.getState().connectivity).toEqual(offline);

    const back = { ...offline, online: true, since: '2025-11-21T10:10:00.000Z', queueLength: 0 };
    emit('connectivity.changed', back);
    expect(store.getState().connectivity).toEqual(back);
  });

  it('replaces the job list on `jobs.changed` and keeps the queue length with it', async () => {
    const { api, emit } = fakeApi({});
    const store = createStationStore(api, null);
    store.getState().start();
    emit('connectivity.changed', offline);
    emit('jobs.changed', [jobView('a'), jobView('b'), jobView('c')]);
    expect(store.getState().jobs?.map((j) => j.id)).toEqual(['a', 'b', 'c']);
    expect(store.getState().connectivity?.queueLength).toBe(3);

    emit('jobs.changed', [jobView('c', { state: 'in-flight' })]);
    expect(store.getState().jobs).toEqual([jobView('c', { state: 'in-flight' })]);
    expect(store.getState().connectivity).toMatchObject({ online: false, queueLength: 1 });
  });

  it('lists the queue and reads the settings when the panel opens', async () => {
    const { api, calls } = fakeApi({
      'queue.list': async () => ({ ok: true, value: [jobView('a')] }),
      'outbox.settings': async () => ({
        ok: true,
        value: { drainMode: 'hold', staleAfterMinutes: 30 },
      }),
    });
    const store = createStationStore(api, null);
    store.getState().openQueue();
    await settle();
    expect(store.getState().queueOpen).toBe(true);
    expect(calls).toEqual([
      { name: 'queue.list', input: {} },
      { name: 'outbox.settings', input: {} },
    ]);
    expect(store.getState().jobs).toEqual([jobView('a')]);
    expect(store.getState().outbox).toEqual({ drainMode: 'hold', staleAfterMinutes: 30 });
    store.getState().closeQueue();
    expect(store.getState().queueOpen).toBe(false);
  });

  it('drops a `queue.list` answer that a push overtook', async () => {
    const answer = deferred<Result<unknown>>();
    const { api, emit } = fakeApi({ 'queue.list': () => answer.promise });
    const store = createStationStore(api, null);
    store.getState().start();
    const loading = store.getState().loadJobs();
    emit('jobs.changed', [jobView('b', { state: 'in-flight' })]);
    answer.resolve({ ok: true, value: [jobView('a'), jobView('b')] });
    await loading;
    expect(store.getState().jobs?.map((j) => j.id)).toEqual(['b']);
  });

  it('retries a job by id and shows the answer', async () => {
    const retried = jobView('a', { state: 'queued', updatedAt: '2025-11-21T10:02:00.000Z' });
    const { api, emit, calls } = fakeApi({
      'queue.retry': async () => ({ ok: true, value: retried }),
    });
    const store = createStationStore(api, null);
    store.getState().start();
    emit('jobs.changed', [jobView('a'), jobView('b')]);
    const retrying = store.getState().retryJob('a');
    expect(store.getState().jobActions['a']).toEqual({ kind: 'pending', action: 'retry' });
    await retrying;
    expect(calls.filter((c) => c.name === 'queue.retry')).toEqual([
      { name: 'queue.retry', input: { id: 'a' } },
    ]);
    expect(store.getState().jobs?.[0]).toEqual(retried);
    expect(store.getState().jobActions).toEqual({});
  });

  it('keeps a refused retry or cancel on its job, to show inline', async () => {
    const { api, emit, calls } = fakeApi({
      'queue.cancel': async () => ({
        ok: false,
        error: { code: 'invalid-input', message: 'The job is already in flight.' },
      }),
    });
    const store = createStationStore(api, null);
    store.getState().start();
    emit('jobs.changed', [jobView('a')]);
    await store.getState().cancelJob('a');
    expect(calls.filter((c) => c.name === 'queue.cancel')).toEqual([
      { name: 'queue.cancel', input: { id: 'a' } },
    ]);
    expect(store.getState().jobActions['a']).toEqual({
      kind: 'failed',
      action: 'cancel',
      error: { code: 'invalid-input', message: 'The job is already in flight.' },
    });
    expect(store.getState().jobs).toEqual([jobView('a')]);
  });

  it('removes a cancelled job from the list', async () => {
    const { api, emit } = fakeApi({
      'queue.cancel': async () => ({
        ok: true,
        value: jobView('a', { state: 'cancelled', updatedAt: '2025-11-21T10:03:00.000Z' }),
      }),
    });
    const store = createStationStore(api, null);
    store.getState().start();
    emit('jobs.changed', [jobView('a'), jobView('b')]);
    await store.getState().cancelJob('a');
    expect(store.getState().jobs?.map((j) => j.id)).toEqual(['b']);
  });

  it('releases the held labels and says how many', async () => {
    const { api, calls } = fakeApi({
      'queue.printHeld': async () => ({ ok: true, value: { released: 4 } }),
    });
    const store = createStationStore(api, null);
    await store.getState().printHeldLabels();
    expect(calls).toEqual([{ name: 'queue.printHeld', input: {} }]);
    expect(store.getState().printHeld).toEqual({ kind: 'done', released: 4 });
  });

  it('changes one outbox setting at a time and keeps what the station answered', async () => {
    const { api, calls } = fakeApi({
      'outbox.settings': async () => ({
        ok: true,
        value: { drainMode: 'hold', staleAfterMinutes: 60 },
      }),
    });
    const store = createStationStore(api, null);
    expect(await store.getState().changeOutboxSettings({ drainMode: 'hold' })).toBe(true);
    expect(calls).toEqual([{ name: 'outbox.settings', input: { drainMode: 'hold' } }]);
    expect(store.getState().outbox?.drainMode).toBe('hold');
  });

  it('shows a refused settings change', async () => {
    const { api } = fakeApi({
      'outbox.settings': async () => ({
        ok: false,
        error: { code: 'invalid-input', message: 'staleAfterMinutes: too big' },
      }),
    });
    const store = createStationStore(api, null);
    expect(await store.getState().changeOutboxSettings({ staleAfterMinutes: 99999 })).toBe(false);
    expect(store.getState().outboxError?.message).toBe('staleAfterMinutes: too big');
  });
});

function accountView(id: string, overrides: Partial<AccountView> = {}): AccountView {
  return {
    id,
    name: `Shop ${id}`,
    state: 'connected',
    stateReason: null,
    api: 'v3',
    integrationId: 100,
    senderAddressId: 7,
    brandId: null,
    shippingOptionCode: null,
    testMode: false,
    fixed: false,
    createdAt: '2026-05-01T10:00:00.000Z',
    ...overrides,
  };
}

const choices: AccountChoices = {
  integrations: [{ id: 31, name: 'Webshop NL' }],
  senderAddresses: [{ id: 5, label: 'Warehouse' }],
  brands: [],
  shippingOptions: [],
};

const secret = 'sk_live_do-not-keep-me';
const keys = { publicKey: 'pk_live_1', secretKey: secret };
const refused = { code: 'auth-failed' as const, message: 'Sendcloud answered 401.' };

/** Whether a key is anywhere in the store's state, however deep. */
const holdsKey = (state: object) => JSON.stringify(state).includes(secret);

describe('station store: accounts', () => {
  it('takes the accounts from the status, and `accounts.changed` replaces them', async () => {
    const live = { ...status, mode: 'live' as const, accounts: [accountView('a')] };
    const { api, emit } = fakeApi({ 'station.status': async () => ({ ok: true, value: live }) });
    const store = createStationStore(api, null);
    store.getState().start();
    await settle();
    expect(store.getState().accounts).toEqual([accountView('a')]);

    emit('accounts.changed', [accountView('a', { state: 'reconnect' }), accountView('b')]);
    expect(store.getState().accounts?.map((a) => [a.id, a.state])).toEqual([
      ['a', 'reconnect'],
      ['b', 'connected'],
    ]);
  });

  it('keeps a pushed account state over a status answer sent before the push', async () => {
    const answer = deferred<Result<unknown>>();
    const { api, emit } = fakeApi({ 'station.status': () => answer.promise });
    const store = createStationStore(api, null);
    store.getState().start();
    emit('accounts.changed', [accountView('a', { state: 'reconnect' })]);
    answer.resolve({ ok: true, value: { ...status, accounts: [accountView('a')] } });
    await settle();
    // The rest of the status applies; its older account list does not.
    expect(store.getState().status?.ordersCached).toBe(12);
    expect(store.getState().accounts?.[0]?.state).toBe('reconnect');

    // A pushed status is as new as any push: it applies whole.
    emit('station.status', { ...status, accounts: [accountView('a')] });
    expect(store.getState().accounts?.[0]?.state).toBe('connected');
  });

  it('drops an `accounts.list` answer that a push overtook', async () => {
    const answer = deferred<Result<unknown>>();
    const { api, emit } = fakeApi({
      'accounts.list': () => answer.promise,
      'merchants.list': async () => ({ ok: true, value: [] }),
    });
    const store = createStationStore(api, null);
    store.getState().start();
    store.getState().openAccounts();
    emit('accounts.changed', [accountView('a', { state: 'locked' })]);
    answer.resolve({ ok: true, value: [accountView('a')] });
    await settle();
    expect(store.getState().accounts?.[0]?.state).toBe('locked');
  });

  it('opens the panel reading accounts and merchants, at an account’s reconnect form from the banner', async () => {
    const { api, calls } = fakeApi({
      'accounts.list': async () => ({ ok: true, value: [accountView('a')] }),
      'merchants.list': async () => ({ ok: true, value: [] }),
    });
    const store = createStationStore(api, null);
    store.getState().openPrinters();
    store.getState().openAccounts('a');
    await settle();
    expect(calls.map((c) => c.name)).toEqual(['printers.list', 'accounts.list', 'merchants.list']);
    expect(store.getState()).toMatchObject({
      accountsOpen: true,
      printersOpen: false,
      reconnectTarget: 'a',
      merchants: [],
    });
    // One set-up panel at a time: the printers close the accounts.
    store.getState().openPrinters();
    expect(store.getState()).toMatchObject({ accountsOpen: false, reconnectTarget: null });
  });

  it('checks keys without keeping them, then adds the account and forgets the choices', async () => {
    const added = accountView('new', { name: 'Webshop NL' });
    const { api, calls } = fakeApi({
      'accounts.verify': async () => ({ ok: true, value: choices }),
      'accounts.add': async () => ({ ok: true, value: added }),
    });
    const store = createStationStore(api, null);
    const verifying = store.getState().verifyKeys(keys);
    expect(store.getState().accountVerify).toEqual({ kind: 'pending' });
    expect(holdsKey(store.getState())).toBe(false);
    expect(await verifying).toBe(true);
    expect(store.getState().accountVerify).toEqual({ kind: 'done', choices });
    expect(holdsKey(store.getState())).toBe(false);

    const input = {
      ...keys,
      name: 'Webshop NL',
      api: 'v3' as const,
      integrationId: 31,
      senderAddressId: 5,
      brandId: null,
      shippingOptionCode: null,
      testMode: true,
    };
    expect(await store.getState().addAccount(input)).toEqual(added);
    expect(calls.map((c) => c.name)).toEqual(['accounts.verify', 'accounts.add']);
    expect(calls[0]?.input).toEqual(keys);
    expect(store.getState()).toMatchObject({
      accounts: [added],
      accountVerify: null,
      accountAdd: null,
    });
    expect(holdsKey(store.getState())).toBe(false);
  });

  it('keeps a refused key check or add to show, without the keys', async () => {
    const { api } = fakeApi({
      'accounts.verify': async () => ({ ok: false, error: refused }),
      'accounts.add': async () => ({
        ok: false,
        error: { code: 'keychain-unavailable', message: 'The OS keychain is locked.' },
      }),
    });
    const store = createStationStore(api, null);
    expect(await store.getState().verifyKeys(keys)).toBe(false);
    expect(store.getState().accountVerify).toEqual({ kind: 'failed', error: refused });
    const add = { ...keys, name: 'Shop', integrationId: 31 };
    expect(await store.getState().addAccount(add)).toBeNull();
    expect(store.getState().accountAdd).toMatchObject({
      kind: 'failed',
      error: { code: 'keychain-unavailable' },
    });
    expect(store.getState().accounts).toBeNull();
    expect(holdsKey(store.getState())).toBe(false);
  });

  it('keeps the onboarding screen’s key check when the Accounts panel closes', async () => {
    const live = { ...status, mode: 'live' as const };
    const { api } = fakeApi({
      'station.status': async () => ({ ok: true, value: live }),
      'accounts.verify': async () => ({ ok: true, value: choices }),
      'accounts.list': async () => ({ ok: true, value: [] }),
      'merchants.list': async () => ({ ok: true, value: [] }),
    });
    const store = createStationStore(api, null);
    store.getState().start();
    await settle();
    await store.getState().verifyKeys(keys);
    store.getState().openAccounts();
    await settle();
    store.getState().closeAccounts();
    expect(store.getState().accountVerify).toEqual({ kind: 'done', choices });
  });

  it('drops a key check answered after its form was closed', async () => {
    const answer = deferred<Result<unknown>>();
    const { api } = fakeApi({ 'accounts.verify': () => answer.promise });
    const store = createStationStore(api, null);
    const verifying = store.getState().verifyKeys(keys);
    store.getState().closeAccounts();
    answer.resolve({ ok: true, value: choices });
    expect(await verifying).toBe(false);
    expect(store.getState().accountVerify).toBeNull();
  });

  it('reconnects an account with new keys, closes its form and keeps no key', async () => {
    const { api, emit, calls } = fakeApi({
      'accounts.reconnect': async () => ({ ok: true, value: accountView('a') }),
      'accounts.list': async () => ({
        ok: true,
        value: [accountView('a', { state: 'reconnect' }), accountView('b')],
      }),
      'merchants.list': async () => ({ ok: true, value: [] }),
    });
    const store = createStationStore(api, null);
    store.getState().start();
    emit('accounts.changed', [accountView('a', { state: 'reconnect' }), accountView('b')]);
    store.getState().openAccounts('a');
    await settle();
    const reconnecting = store.getState().reconnectAccount('a', keys);
    expect(store.getState().accountActions['a']).toEqual({
      kind: 'pending',
      action: 'reconnect',
    });
    expect(await reconnecting).toBe(true);
    expect(calls.find((c) => c.name === 'accounts.reconnect')?.input).toEqual({ id: 'a', ...keys });
    expect(store.getState().accounts?.map((a) => a.state)).toEqual(['connected', 'connected']);
    expect(store.getState().reconnectTarget).toBeNull();
    expect(store.getState().accountActions).toEqual({});
    expect(holdsKey(store.getState())).toBe(false);
  });

  it('keeps a refused reconnect on its account and its form open', async () => {
    const { api, emit } = fakeApi({
      'accounts.reconnect': async () => ({ ok: false, error: refused }),
    });
    const store = createStationStore(api, null);
    store.getState().start();
    emit('accounts.changed', [accountView('a', { state: 'reconnect' })]);
    store.getState().showReconnect('a');
    expect(await store.getState().reconnectAccount('a', keys)).toBe(false);
    expect(store.getState().accountActions['a']).toEqual({
      kind: 'failed',
      action: 'reconnect',
      error: refused,
    });
    expect(store.getState().reconnectTarget).toBe('a');
    expect(store.getState().accounts?.[0]?.state).toBe('reconnect');
    expect(holdsKey(store.getState())).toBe(false);
  });

  it('lets a push newer than an update answer win', async () => {
    const answer = deferred<Result<unknown>>();
    const { api, emit } = fakeApi({ 'accounts.update': () => answer.promise });
    const store = createStationStore(api, null);
    store.getState().start();
    emit('accounts.changed', [accountView('a')]);
    const updating = store.getState().updateAccount('a', { testMode: true });
    // Sendcloud refused the keys while the edit was on its way.
    emit('accounts.changed', [accountView('a', { testMode: true, state: 'reconnect' })]);
    answer.resolve({ ok: true, value: accountView('a', { testMode: true }) });
    expect(await updating).toBe(true);
    expect(store.getState().accounts?.[0]).toMatchObject({ testMode: true, state: 'reconnect' });
  });

  it('removes an account and forgets its failed action', async () => {
    let fail = true;
    const { api, emit } = fakeApi({
      'accounts.remove': async () =>
        fail
          ? { ok: false, error: { code: 'internal', message: 'The keychain said no.' } }
          : { ok: true, value: [accountView('b')] },
    });
    const store = createStationStore(api, null);
    store.getState().start();
    emit('accounts.changed', [accountView('a'), accountView('b')]);
    await store.getState().removeAccount('a');
    expect(store.getState().accountActions['a']).toMatchObject({
      kind: 'failed',
      action: 'remove',
    });
    fail = false;
    await store.getState().removeAccount('a');
    expect(store.getState().accounts?.map((a) => a.id)).toEqual(['b']);
    expect(store.getState().accountActions).toEqual({});
  });

  it('saves and removes merchants by key, keeping a refusal on its form', async () => {
    const acme = {
      id: 'm1',
      name: 'Acme',
      orderPrefix: 'ACME-',
      mode: 'centralised' as const,
      accountId: null,
      createdAt: '2026-05-01T10:00:00.000Z',
    };
    let refuse = false;
    const { api, calls } = fakeApi({
      'merchants.save': async () =>
        refuse
          ? { ok: false, error: { code: 'invalid-input', message: 'orderPrefix: taken' } }
          : { ok: true, value: [acme] },
      'merchants.remove': async () => ({ ok: true, value: [] }),
    });
    const store = createStationStore(api, null);
    const input = { name: 'Acme', orderPrefix: 'ACME-', mode: 'centralised' as const };
    expect(await store.getState().saveMerchant(input)).toBe(true);
    expect(store.getState().merchants).toEqual([acme]);
    expect(store.getState().merchantSaves).toEqual({});
    refuse = true;
    expect(await store.getState().saveMerchant({ ...input, id: 'm1' })).toBe(false);
    expect(store.getState().merchantSaves['m1']).toMatchObject({ kind: 'failed' });
    expect(store.getState().merchantSaves['new']).toBeUndefined();
    await store.getState().removeMerchant('m1');
    expect(store.getState().merchants).toEqual([]);
    expect(calls.map((c) => c.name)).toEqual([
      'merchants.save',
      'merchants.save',
      'merchants.remove',
    ]);
  });

  it('hands the billing CSV to the caller and keeps only its name and row count', async () => {
    const csv = 'date,merchant,labels\n2026-11-21,Acme,3\n';
    const { api, calls } = fakeApi({
      'billing.export': async () => ({
        ok: true,
        value: { filename: 'billing-2026-11-21.csv', csv, rows: 1 },
      }),
    });
    const store = createStationStore(api, null);
    const range = { from: '2026-11-21', to: '2026-11-21' };
    expect(await store.getState().exportBilling(range)).toMatchObject({ csv, rows: 1 });
    expect(calls).toEqual([{ name: 'billing.export', input: range }]);
    expect(store.getState().billing).toEqual({
      kind: 'done',
      filename: 'billing-2026-11-21.csv',
      rows: 1,
    });
  });

  it('reads the accounts again with the status when the host connection comes back', async () => {
    let accounts = [accountView('a')];
    const { api, calls } = fakeApi({
      'station.status': async () => ({ ok: true, value: { ...status, accounts } }),
      'scan.recent': async () => ({ ok: true, value: [] }),
      'accounts.list': async () => ({ ok: true, value: accounts }),
      'merchants.list': async () => ({ ok: true, value: [] }),
    });
    const listeners = new Set<(state: HostConnectionState) => void>();
    const host: HostConnection = {
      state: 'connected',
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
    const store = createStationStore(api, host);
    store.getState().start();
    store.getState().openAccounts();
    await settle();
    // Revoked while the socket was down: its `accounts.changed` never arrived.
    accounts = [accountView('a', { state: 'reconnect' })];
    listeners.forEach((listener) => listener('disconnected'));
    calls.length = 0;
    listeners.forEach((listener) => listener('connected'));
    await settle();
    expect(store.getState().accounts?.[0]?.state).toBe('reconnect');
    expect(calls.map((c) => c.name)).toContain('merchants.list');
  });
});
