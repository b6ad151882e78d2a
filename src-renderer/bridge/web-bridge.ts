// `window.packdesk` for a normal browser talking to the loopback browser host: the same contract
// as the Electron preload, carried over HTTP (commands) and one WebSocket (events). The host sets
// an HttpOnly same-origin cookie when it serves the page; both channels ride on that cookie.
import {
  buildApi,
  errorCodes,
  eventNames,
  type AppErrorData,
  type CommandName,
  type ErrorCode,
  type EventMap,
  type EventName,
  type PackdeskApi,
  type Result,
} from '../../src-shared';
import { backoffDelayMs, type Backoff } from '../../src-shared/backoff';
import { legacyText, msg, type MessageKey, type MessageParams } from '../../src-shared/messages';
import { catalogues } from '../../src-shared/messages/catalogues';

export type HostConnectionState = 'connecting' | 'connected' | 'disconnected';

/** Whether the event socket to the station host is up, for the "host disconnected" banner. */
export interface HostConnection {
  readonly state: HostConnectionState;
  subscribe(listener: (state: HostConnectionState) => void): () => void;
}

export interface WebBridgeDeps {
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  openSocket: (url: string) => WebSocket;
  location: { protocol: string; host: string };
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
  random: () => number;
}

export interface WebBridge {
  api: PackdeskApi;
  connection: HostConnection;
  /** Close the socket and stop reconnecting. */
  close(): void;
}

const offline: AppErrorData = { code: 'offline', ...msg('ui.common.hostOffline') };
const refused: AppErrorData = { code: 'internal', ...msg('ui.common.hostRefused') };
const unreadable: AppErrorData = { code: 'internal', ...msg('ui.common.hostUnreadable') };

const reconnectBackoff: Backoff = { baseMs: 500, capMs: 10_000 };

/**
 * The wait before reconnect `attempt + 1` (0 first), the station's one backoff with jitter, so
 * several tabs do not hammer a restarting host in step.
 */
export function reconnectDelayMs(attempt: number, random: () => number): number {
  return backoffDelayMs(attempt + 1, { ...reconnectBackoff, random });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (errorCodes as readonly string[]).includes(value);
}

/** Accept only a well-formed `Result`; anything else becomes `internal` rather than a crash. */
function toResult(body: unknown): Result<unknown> {
  if (!isObject(body)) return { ok: false, error: unreadable };
  if (body.ok === true && 'value' in body) return { ok: true, value: body.value };
  // An error is a code with a message key and its params; the renderer checks the key exists.
  if (
    body.ok === false &&
    isObject(body.error) &&
    typeof body.error.key === 'string' &&
    isObject(body.error.params)
  ) {
    const code = isErrorCode(body.error.code) ? body.error.code : 'internal';
    const known = body.error.key in catalogues.en || `${body.error.key}_other` in catalogues.en;
    if (!known) return { ok: false, error: { code, ...legacyText(body.error.key) } };
    return {
      ok: false,
      error: {
        code,
        key: body.error.key as MessageKey,
        params: body.error.params as MessageParams,
      },
    };
  }
  return { ok: false, error: unreadable };
}

function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (eventNames as readonly string[]).includes(value);
}

export function createWebBridge(deps: WebBridgeDeps): WebBridge {
  async function call(name: CommandName, input: unknown): Promise<Result<unknown>> {
    let response: Response;
    try {
      response = await deps.fetch(`/api/commands/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input),
        credentials: 'same-origin',
      });
    } catch {
      return { ok: false, error: offline };
    }
    if (response.status === 401 || response.status === 403) return { ok: false, error: refused };
    if (response.status !== 200) return { ok: false, error: offline };
    try {
      return toResult(await response.json());
    } catch {
      return { ok: false, error: unreadable };
    }
  }

  // Events ------------------------------------------------------------------------------------
  type AnyListener = (payload: EventMap[EventName]) => void;
  const listeners = new Map<EventName, Set<AnyListener>>();

  const on: PackdeskApi['on'] = (event, listener) => {
    const set = listeners.get(event) ?? new Set<AnyListener>();
    listeners.set(event, set);
    const stored = listener as AnyListener;
    set.add(stored);
    return () => {
      set.delete(stored);
    };
  };

  function dispatch(raw: unknown): void {
    if (typeof raw !== 'string') return;
    let message: unknown;
    try {
      message = JSON.parse(raw);
    } catch {
      return;
    }
    if (!isObject(message) || !isEventName(message.event)) return;
    for (const listener of [...(listeners.get(message.event) ?? [])]) {
      try {
        listener(message.payload as EventMap[EventName]);
      } catch (error) {
        // One broken listener must not starve the others; the browser still reports it.
        reportError(error);
      }
    }
  }

  // Connection --------------------------------------------------------------------------------
  let state: HostConnectionState = 'connecting';
  const stateListeners = new Set<(state: HostConnectionState) => void>();
  const setState = (next: HostConnectionState): void => {
    if (next === state) return;
    state = next;
    for (const listener of [...stateListeners]) listener(next);
  };

  const scheme = deps.location.protocol === 'https:' ? 'wss' : 'ws';
  const eventsUrl = `${scheme}://${deps.location.host}/api/events`;
  let socket: WebSocket | null = null;
  let retryTimer: unknown = null;
  let attempt = 0;
  let closed = false;

  function connect(): void {
    retryTimer = null;
    let current: WebSocket;
    try {
      current = deps.openSocket(eventsUrl);
    } catch {
      scheduleReconnect();
      return;
    }
    socket = current;
    current.onopen = () => {
      attempt = 0;
      setState('connected');
    };
    current.onmessage = (message) => dispatch(message.data);
    // A failed handshake fires `error` then `close`; only `close` schedules the retry.
    current.onclose = () => {
      if (socket !== current) return;
      socket = null;
      setState('disconnected');
      scheduleReconnect();
    };
  }

  function scheduleReconnect(): void {
    if (closed || retryTimer !== null) return;
    const delay = reconnectDelayMs(attempt, deps.random);
    attempt += 1;
    retryTimer = deps.setTimeout(connect, delay);
  }

  connect();

  return {
    api: buildApi(call, on),
    connection: {
      get state() {
        return state;
      },
      subscribe(listener) {
        stateListeners.add(listener);
        return () => {
          stateListeners.delete(listener);
        };
      },
    },
    close() {
      closed = true;
      if (retryTimer !== null) deps.clearTimeout(retryTimer);
      retryTimer = null;
      const current = socket;
      socket = null;
      current?.close();
      setState('disconnected');
    },
  };
}

/** Install `window.packdesk` over the browser host's HTTP + WebSocket transport. */
export function installWebBridge(): HostConnection {
  const bridge = createWebBridge({
    fetch: (url, init) => window.fetch(url, init),
    openSocket: (url) => new WebSocket(url),
    location: window.location,
    setTimeout: (fn, ms) => window.setTimeout(fn, ms),
    clearTimeout: (handle) => window.clearTimeout(handle as number),
    random: Math.random,
  });
  window.packdesk = bridge.api;
  return bridge.connection;
}
