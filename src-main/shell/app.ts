import fs from 'node:fs';
import path from 'node:path';
import { readSettings } from '../config';
import { bindIpc, type IpcMainLike } from '../host/ipc';
import { createLogger } from '../log';
import { rasterPool } from '../printing/raster-pool';
import { createStation } from '../station';
import {
  createMainWindow,
  hardenApp,
  isTrustedFrameUrl,
  rendererEntry,
  type ShellElectron,
  type ShellWindow,
} from './window';

export interface DesktopElectron extends ShellElectron {
  app: ShellElectron['app'] & {
    whenReady(): Promise<void>;
    getPath(name: 'userData'): string;
    getAppPath(): string;
    quit(): void;
    on(event: 'window-all-closed', listener: () => void): void;
    on(event: 'web-contents-created', listener: Parameters<ShellElectron['app']['on']>[1]): void;
  };
  ipcMain: IpcMainLike;
  dialog: { showErrorBox(title: string, content: string): void };
}

const log = createLogger('shell');

/** The better-sqlite3 binary built for Electron's ABI by `npm run electron:native`. */
export function electronSqliteBinding(appPath: string, electronVersion: string): string {
  return path.join(appPath, '.native', `electron-${electronVersion}`, 'better_sqlite3.node');
}

/** Start the desktop station: settings, the Station, a hardened window, and IPC. */
export async function runDesktop(
  electron: DesktopElectron,
  outDir: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const { app } = electron;
  hardenApp(electron);
  await app.whenReady();
  try {
    const binding = electronSqliteBinding(app.getAppPath(), process.versions.electron ?? 'unknown');
    if (!fs.existsSync(binding)) {
      throw new Error(
        `The database driver for Electron is missing (${binding}). Run "npm run electron:native" once with internet, or start with "npm start".`,
      );
    }
    const settings = readSettings(env, { dataDir: app.getPath('userData') });
    const station = await createStation({
      settings,
      sqliteBinding: binding,
      syncIntervalMs: 5 * 60_000,
    });
    let window: ShellWindow | null = null;
    const entry = rendererEntry(outDir);
    const unbind = bindIpc(electron.ipcMain, station, {
      isTrustedFrameUrl: (url) => isTrustedFrameUrl(url, entry),
      target: () => window?.webContents ?? null,
    });
    window = createMainWindow(electron, outDir);
    app.on('window-all-closed', () => {
      unbind();
      void station
        .close()
        .then(() => rasterPool.close())
        .finally(() => app.quit());
    });
  } catch (error) {
    log.error('the station could not start', { error });
    electron.dialog.showErrorBox('Packdesk could not start', (error as Error).message);
    app.quit();
  }
}
