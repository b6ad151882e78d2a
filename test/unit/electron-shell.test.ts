import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { commandNames, ipcChannels, type EventEnvelope } from '../../src-shared';
import type { CommandHandlers } from '../../src-main/host/dispatch';
import { bindIpc, type IpcMainLike } from '../../src-main/host/ipc';
import {
  CONTENT_SECURITY_POLICY,
  createMainWindow,
  hardenApp,
  isTrustedFrameUrl,
  rendererEntry,
  type BrowserWindowOptions,
  type ShellElectron,
  type ShellWebContents,
} from '../../src-main/shell/window';

/** A fake `electron` module: records what the shell asks of it. */
function fakeElectron() {
  const appListeners: Record<string, ((...args: never[]) => void)[]> = {};
  const windows: { options: BrowserWindowOptions; loaded: string[] }[] = [];
  let headersListener:
    | ((
        d: { responseHeaders?: Record<string, string[] | string> },
        cb: (r: { responseHeaders: Record<string, string[] | string> }) => void,
      ) => void)
    | undefined;
  let permissionHandler:
    ((c: unknown, p: string, cb: (granted: boolean) => void) => void) | undefined;
  const electron: ShellElectron = {
    app: {
      on: (event: string, listener: (...args: never[]) => void) => {
        (appListeners[event] ??= []).push(listener);
      },
    },
    BrowserWindow: class {
      webContents = { send: () => undefined, isDestroyed: () => false };
      constructor(options: BrowserWindowOptions) {
        windows.push({ options, loaded: [] });
      }
      loadFile(file: string) {
        windows.at(-1)?.loaded.push(file);
        return Promise.resolve();
      }
    },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: (listener) => (headersListener = listener) },
        setPermissionRequestHandler: (handler) => (permissionHandler = handler),
      },
    },
  };
  return {
    electron,
    windows,
    appListeners,
    headers: (responseHeaders: Record<string, string[]>) => {
      let out: Record<string, string[] | string> = {};
      headersListener?.({ responseHeaders }, (r) => (out = r.responseHeaders));
      return out;
    },
    permission: (name: string) => {
      let granted: boolean | undefined;
      permissionHandler?.(null, name, (g) => (granted = g));
      return granted;
    },
  };
}

function fakeWebContents() {
  const handlers: Record<string, (event: { preventDefault(): void }, url?: string) => void> = {};
  let openHandler: ((d: { url: string }) => { action: string }) | undefined;
  const contents: ShellWebContents = {
    on: (event: string, listener: (event: { preventDefault(): void }, url?: string) => void) => {
      handlers[event] = listener;
    },
    setWindowOpenHandler: (handler) => (openHandler = handler),
  } as ShellWebContents;
  const prevented = (event: string, url?: string) => {
    let stopped = false;
    handlers[event]?.({ preventDefault: () => (stopped = true) }, url);
    return stopped;
  };
  return { contents, prevented, open: (url: string) => openHandler?.({ url }) };
}

describe('the Electron shell', () => {
  it('opens the window sandboxed, isolated and without Node', () => {
    const fake = fakeElectron();
    createMainWindow(fake.electron, '/app/out');
    const prefs = fake.windows[0]?.options.webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      preload: path.join('/app/out', 'preload', 'index.cjs'),
    });
    expect(fake.windows[0]?.loaded).toEqual([path.join('/app/out', 'renderer', 'index.html')]);
  });

  it('denies navigation, new windows, webviews and permissions, and sets a CSP', () => {
    const fake = fakeElectron();
    hardenApp(fake.electron);
    const web = fakeWebContents();
    for (const listener of fake.appListeners['web-contents-created'] ?? []) {
      (listener as (e: unknown, c: ShellWebContents) => void)({}, web.contents);
    }
    expect(web.prevented('will-navigate', 'https://evil.example/')).toBe(true);
    expect(web.prevented('will-attach-webview')).toBe(true);
    expect(web.open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(fake.permission('media')).toBe(false);
    const headers = fake.headers({ 'content-type': ['text/html'] });
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe');
  });

  it('trusts only the packaged renderer page', () => {
    const entry = rendererEntry('/app/out');
    const url = pathToFileURL(entry).href;
    expect(isTrustedFrameUrl(url, entry)).toBe(true);
    expect(isTrustedFrameUrl(url + '#/scan', entry)).toBe(true);
    expect(isTrustedFrameUrl('https://evil.example/', entry)).toBe(false);
    expect(isTrustedFrameUrl(pathToFileURL('/app/out/renderer/other.html').href, entry)).toBe(
      false,
    );
    expect(isTrustedFrameUrl(url + '.evil', entry)).toBe(false);
  });
});

describe('the IPC transport', () => {
  function fakeIpcMain() {
    const handlers = new Map<
      string,
      (event: { senderFrame: { url: string } | null }, input: unknown) => Promise<unknown>
    >();
    const ipcMain: IpcMainLike = {
      handle: (channel, listener) => void handlers.set(channel, listener),
      removeHandler: (channel) => void handlers.delete(channel),
    };
    return { ipcMain, handlers };
  }
  const trusted = 'file:///app/out/renderer/index.html';
  const received: unknown[] = [];
  const handlers = {
    'scan.submit': async (input: unknown) => {
      received.push(input);
      return { done: true };
    },
  } as unknown as CommandHandlers;

  it('binds one channel per command and checks the sender frame', async () => {
    const { ipcMain, handlers: bound } = fakeIpcMain();
    const unbind = bindIpc(
      ipcMain,
      { handlers, subscribe: () => () => undefined },
      { isTrustedFrameUrl: (url) => url === trusted, target: () => null },
    );
    expect([...bound.keys()].sort()).toEqual(
      commandNames.map((n) => ipcChannels.command(n)).sort(),
    );

    const submit = bound.get(ipcChannels.command('scan.submit'));
    received.length = 0;
    expect(
      await submit?.({ senderFrame: { url: 'https://evil.example/' } }, { code: 'PD-1' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await submit?.({ senderFrame: null }, { code: 'PD-1' })).toMatchObject({ ok: false });
    expect(received).toEqual([]);

    expect(await submit?.({ senderFrame: { url: trusted } }, { code: 'PD-1' })).toEqual({
      ok: true,
      value: { done: true },
    });
    expect(await submit?.({ senderFrame: { url: trusted } }, { code: '' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(received).toEqual([{ code: 'PD-1' }]);

    unbind();
    expect(bound.size).toBe(0);
  });

  it('forwards station events to the window', () => {
    const { ipcMain } = fakeIpcMain();
    let push: ((event: 'scan.updated', payload: never) => void) | undefined;
    const sent: [string, EventEnvelope][] = [];
    bindIpc(
      ipcMain,
      {
        handlers,
        subscribe: (listener) => {
          push = listener as typeof push;
          return () => undefined;
        },
      },
      {
        isTrustedFrameUrl: () => true,
        target: () => ({
          send: (channel, envelope) => sent.push([channel, envelope]),
          isDestroyed: () => false,
        }),
      },
    );
    push?.('scan.updated', { id: 'x' } as never);
    expect(sent).toEqual([[ipcChannels.events, { event: 'scan.updated', payload: { id: 'x' } }]]);
  });
});
