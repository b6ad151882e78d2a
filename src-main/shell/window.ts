import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The renderer's Content Security Policy: our own scripts only, no inline code, no remote. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

/** What the shell uses of Electron. The real module fits it; tests pass a fake. */
export interface ShellElectron {
  app: {
    on(
      event: 'web-contents-created',
      listener: (event: unknown, contents: ShellWebContents) => void,
    ): void;
  };
  BrowserWindow: new (options: BrowserWindowOptions) => ShellWindow;
  session: {
    defaultSession: {
      webRequest: {
        onHeadersReceived(
          listener: (
            details: { responseHeaders?: Record<string, string[] | string> },
            callback: (response: { responseHeaders: Record<string, string[] | string> }) => void,
          ) => void,
        ): void;
      };
      setPermissionRequestHandler(
        handler: (
          contents: unknown,
          permission: string,
          callback: (granted: boolean) => void,
        ) => void,
      ): void;
    };
  };
}

export interface ShellWebContents {
  on(
    event: 'will-navigate',
    listener: (event: { preventDefault(): void }, url: string) => void,
  ): void;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): void;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface ShellWindow {
  loadFile(file: string): Promise<void>;
  webContents: { send(channel: string, ...args: unknown[]): void; isDestroyed(): boolean };
}

export interface BrowserWindowOptions {
  width: number;
  height: number;
  title: string;
  backgroundColor: string;
  webPreferences: {
    preload: string;
    contextIsolation: true;
    sandbox: true;
    nodeIntegration: false;
    nodeIntegrationInWorker: false;
    webSecurity: true;
    allowRunningInsecureContent: false;
    webviewTag: false;
  };
}

/** The renderer's entry page inside the built app. */
export function rendererEntry(outDir: string): string {
  return path.join(outDir, 'renderer', 'index.html');
}

/** A frame is ours only if it shows the packaged renderer page itself. */
export function isTrustedFrameUrl(url: string, entryFile: string): boolean {
  const expected = pathToFileURL(entryFile).href;
  return url === expected || url.startsWith(expected + '#') || url.startsWith(expected + '?');
}

/**
 * Locks the app down before any window exists: no navigation away from the renderer, no new
 * windows, no webviews, no permission prompts, and a CSP on every response.
 */
export function hardenApp(electron: ShellElectron): void {
  electron.app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  electron.session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  );
  electron.session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    });
  });
}

export function createMainWindow(electron: ShellElectron, outDir: string): ShellWindow {
  const window = new electron.BrowserWindow({
    width: 1280,
    height: 860,
    title: 'Packdesk',
    backgroundColor: '#111827',
    webPreferences: {
      preload: path.join(outDir, 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    },
  });
  void window.loadFile(rendererEntry(outDir));
  return window;
}
