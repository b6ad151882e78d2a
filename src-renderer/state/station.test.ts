import { describe, expect, it } from 'vitest';
import {
  buildApi,
  type CommandName,
  type EventMap,
  type EventName,
  type JobView,
  type PackdeskApi,
  type Result,
  type ScanEntry,
  type StationStatus,
} from '../../src-preload/contract';
import type { HostConnection, HostConnectionState } from '../../src-preload/web-bridge';
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
