import { describe, expect, it } from 'vitest';
import {
  buildApi,
  type CommandName,
  type EventMap,
  type EventName,
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
    expect(calls.map((c) => c.name).sort()).toEqual(['scan.recent', 'station.status']);
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
    expect(calls).toHaveLength(2);

    change('disconnected');
    expect(store.getState().host).toBe('disconnected');
    change('connected');
    await settle();
    expect(store.getState().host).toBe('connected');
    expect(calls).toHaveLength(4);
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
});
