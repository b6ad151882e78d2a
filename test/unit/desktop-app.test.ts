import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ipcChannels } from '../../src-shared';
import type { IpcMainLike } from '../../src-main/host/ipc';
import { electronSqliteBinding, runDesktop, type DesktopElectron } from '../../src-main/shell/app';
import type { BrowserWindowOptions } from '../../src-main/shell/window';
import { tempDir } from '../helpers/tmp';

const require = createRequire(import.meta.url);

/** A fake `electron` module with just what the desktop shell touches. */
function fakeDesktop(appPath: string, userData: string) {
  const listeners = new Map<string, ((...args: never[]) => void)[]>();
  const channels = new Map<string, Parameters<IpcMainLike['handle']>[1]>();
  const windows: BrowserWindowOptions[] = [];
  const errors: string[] = [];
  let quit = false;
  const electron: DesktopElectron = {
    app: {
      on: (event: string, listener: (...args: never[]) => void) => {
        listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      },
      whenReady: () => Promise.resolve(),
      getPath: () => userData,
      getAppPath: () => appPath,
      quit: () => {
        quit = true;
      },
    } as DesktopElectron['app'],
    BrowserWindow: class {
      webContents = { send: () => undefined, isDestroyed: () => false };
      constructor(options: BrowserWindowOptions) {
        windows.push(options);
      }
      loadFile() {
        return Promise.resolve();
      }
    },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: () => undefined },
        setPermissionRequestHandler: () => undefined,
      },
    },
    ipcMain: {
      handle: (channel, listener) => void channels.set(channel, listener),
      removeHandler: (channel) => void channels.delete(channel),
    },
    dialog: { showErrorBox: (_title, content) => void errors.push(content) },
  };
  return {
    electron,
    channels,
    windows,
    errors,
    quitCalled: () => quit,
    closeAll: () => listeners.get('window-all-closed')?.forEach((l) => l()),
  };
}

describe('the desktop app on a fake electron', () => {
  const tmp = tempDir();
  afterEach(() => fs.rmSync(tmp.dir, { recursive: true, force: true }));

  it('says how to get the Electron database driver when it is missing, and quits', async () => {
    const fake = fakeDesktop(path.join(tmp.dir, 'app'), path.join(tmp.dir, 'data'));
    await runDesktop(fake.electron, '/app/out', {});
    expect(fake.errors[0]).toMatch(/npm run electron:native/);
    expect(fake.quitCalled()).toBe(true);
    expect(fake.windows).toHaveLength(0);
  });

  it('starts the demo station, binds every command and answers the trusted window only', async () => {
    const appPath = path.join(tmp.dir, 'app');
    const binding = electronSqliteBinding(appPath, process.versions.electron ?? 'unknown');
    fs.mkdirSync(path.dirname(binding), { recursive: true });
    // Under Node the Node build stands in for the Electron one: the path logic is what is tested.
    const nodeBuild = path.join(
      path.dirname(require.resolve('better-sqlite3/package.json')),
      'build/Release/better_sqlite3.node',
    );
    fs.copyFileSync(nodeBuild, binding);
    const fake = fakeDesktop(appPath, path.join(tmp.dir, 'data'));

    await runDesktop(fake.electron, '/app/out', {});
    expect(fake.errors).toEqual([]);
    expect(fake.windows).toHaveLength(1);
    const status = fake.channels.get(ipcChannels.command('station.status'));
    const trusted = { senderFrame: { url: pathToFileURL('/app/out/renderer/index.html').href } };
    expect(await status?.(trusted, {})).toMatchObject({ ok: true, value: { mode: 'demo' } });
    expect(await status?.({ senderFrame: { url: 'https://evil.example/' } }, {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(fs.existsSync(path.join(tmp.dir, 'data', 'packdesk.sqlite'))).toBe(true);

    fake.closeAll();
    await expect.poll(() => fake.quitCalled()).toBe(true);
    expect(fake.channels.size).toBe(0);
  });
});
