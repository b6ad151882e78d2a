// The station store's test kit: a fake API whose commands answer what a test says and whose
// events the test emits, and the views the slices' tests share.
import {
  buildApi,
  legacyText,
  msg,
  type AccountChoices,
  type AccountView,
  type AppErrorData,
  type CommandName,
  type ErrorCode,
  type EventMap,
  type EventName,
  type JobView,
  type PackdeskApi,
  type Result,
  type ScanEntry,
  type StationStatus,
} from '../../src-shared';
import type { HostConnection, HostConnectionState } from '../../src-renderer/bridge/web-bridge';

/** An error as main sends it; its words are a parameter, so a test can tell two apart. */
export function failure(code: ErrorCode, text: string): AppErrorData {
  const { key, params } = legacyText(text);
  return { code, key, params };
}

export const status: StationStatus = {
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
  warehouse: { kind: 'single' },
};

export function entry(overrides: Partial<ScanEntry> = {}): ScanEntry {
  return {
    id: 'scan-1',
    code: 'ORD-1',
    state: 'working',
    step: msg('scan.step.creatingLabel'),
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
    shippingOption: null,
    ...overrides,
  };
}

/** A fake station: commands answer from `answers`, events are emitted by the test. */
export function fakeApi(answers: Partial<Record<CommandName, () => Promise<Result<unknown>>>>) {
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
            error: failure('unknown-command', `The fake does not answer ${name}.`),
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

export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

export const settle = () => new Promise((resolve) => setImmediate(resolve));
export function jobView(id: string, overrides: Partial<JobView> = {}): JobView {
  return {
    id,
    kind: 'create-label',
    state: 'waiting',
    orderNumber: `ORD-${id}`,
    code: `ORD-${id}`,
    trackingNumber: null,
    attempts: 1,
    nextAttemptAt: '2025-11-21T10:01:00.000Z',
    lastError: failure('offline', 'Sendcloud did not answer.'),
    reason: msg('scan.waiting.offline'),
    createdAt: '2025-11-21T10:00:00.000Z',
    updatedAt: '2025-11-21T10:00:30.000Z',
    ...overrides,
  };
}

export const offline = {
  online: false,
  since: '2025-11-21T10:00:00.000Z',
  queueLength: 2,
  lastError: failure('offline', 'Sendcloud did not answer.'),
};

export function accountView(id: string, overrides: Partial<AccountView> = {}): AccountView {
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

export const choices: AccountChoices = {
  integrations: [{ id: 31, name: 'Webshop NL' }],
  senderAddresses: [{ id: 5, label: 'Warehouse' }],
  brands: [],
  shippingOptions: [],
};

export const secret = 'sk_live_do-not-keep-me';
export const keys = { publicKey: 'pk_live_1', secretKey: secret };
export const refused = failure('auth-failed', 'Sendcloud answered 401.');

/** Whether a key is anywhere in the store's state, however deep. */
export const holdsKey = (state: object) => JSON.stringify(state).includes(secret);

/** A browser host link the test turns on and off. */
export function fakeHost(initial: HostConnectionState = 'connected') {
  const listeners = new Set<(state: HostConnectionState) => void>();
  let state = initial;
  const host: HostConnection = {
    get state() {
      return state;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const change = (next: HostConnectionState) => {
    state = next;
    listeners.forEach((listener) => listener(next));
  };
  return { host, change };
}
