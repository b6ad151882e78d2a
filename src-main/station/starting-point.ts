// What a station starts from: its database file, and which Sendcloud and fixed printers it uses:
// the environment's, or, in demo mode, the embedded simulator and the virtual printer.
import fs from 'node:fs';
import path from 'node:path';
import type { AccountsOptions } from '../accounts/accounts';
import type { Clock } from '../clock';
import { SENDCLOUD_ORIGIN, type StationSettings } from '../config';
import { createLogger } from '../log';
import type { createPrinterRegistry } from '../printing/registry';
import { createTcpPrinter } from '../printing/tcp';
import { startVirtualPrinter, type VirtualPrinter } from '../printing/virtual-printer';
import { startSimulator, type Simulator } from '../simulator/index';
import { listAccounts } from '../store/accounts';
import { openDatabase, type Db } from '../store/db';

export type FixedPrinters = NonNullable<Parameters<typeof createPrinterRegistry>[0]['fixed']>;

export interface StartingPoint {
  /** The embedded Sendcloud, in demo mode. */
  simulator: Simulator | null;
  /** The built-in printer, in demo mode without a printer in the environment. */
  virtualPrinter: VirtualPrinter | null;
  /** The account PACKDESK_SENDCLOUD_* (or demo mode) gives, or null. */
  fixedAccount: AccountsOptions['fixed'];
  /** The Sendcloud the station talks to, as the status shows it. */
  sendcloudUrl: string;
  /** Where accounts added on screen talk to. */
  onScreenUrl: string;
  fixedPrinters: FixedPrinters;
}

const log = createLogger('station');
const DB_FILE = 'packdesk.sqlite';

/** The station's database in its data folder; `sqliteBinding`: Electron's better-sqlite3 build. */
export function openStationDatabase(dataDir: string, sqliteBinding?: string): Db {
  fs.mkdirSync(dataDir, { recursive: true });
  return openDatabase(
    path.join(dataDir, DB_FILE),
    sqliteBinding ? { nativeBinding: sqliteBinding } : {},
  );
}

/**
 * Demo mode: no keys in the environment, no account set up on screen, no Sendcloud URL. What it
 * starts goes into `started` as it starts, so the caller can close it if a later step fails.
 */
export async function chooseStartingPoint(
  settings: StationSettings,
  db: Db,
  clock: Clock,
  started: { close(): Promise<void> }[],
): Promise<StartingPoint> {
  let simulator: Simulator | null = null;
  let envAccount = settings.sendcloud;
  const onScreenUrl = settings.sendcloudUrl ?? settings.sendcloud?.url ?? SENDCLOUD_ORIGIN;
  if (!envAccount && listAccounts(db).length === 0 && !settings.sendcloudUrl) {
    simulator = await startSimulator();
    started.push(simulator);
    envAccount = { url: simulator.url, ...simulator.keys };
    log.info('demo mode: embedded Sendcloud simulator started', { url: simulator.url });
  }

  // The environment's printer overrides the screen's choice of label printer. In demo mode
  // without one, the virtual printer takes labels until a packer routes them elsewhere; a live
  // station without one prints where the Printers screen says (and labels wait until it does).
  let virtualPrinter: VirtualPrinter | null = null;
  const createdAt = new Date(clock.now()).toISOString();
  const fixedPrinters: FixedPrinters = [];
  if (settings.printer) {
    const { host, port } = settings.printer;
    const name = `ZPL printer at ${host}:${port}`;
    fixedPrinters.push({
      record: {
        id: 'env',
        name,
        transport: 'tcp',
        address: `tcp://${host}:${port}`,
        language: 'zpl',
        dpi: settings.printer.dpi ?? 203,
        paper: 'A6',
        position: 0,
        createdAt,
      },
      printer: createTcpPrinter({ host, port, name }),
      routes: ['zpl-label'],
    });
  } else if (simulator) {
    virtualPrinter = await startVirtualPrinter();
    started.push(virtualPrinter);
    const name = 'Virtual ZPL printer';
    fixedPrinters.push({
      record: {
        id: 'virtual',
        name,
        transport: 'tcp',
        address: virtualPrinter.address,
        language: 'zpl',
        dpi: 203,
        paper: 'A6',
        position: 0,
        createdAt,
      },
      printer: createTcpPrinter({ host: virtualPrinter.host, port: virtualPrinter.port, name }),
      fallback: ['zpl-label'],
    });
  }

  return {
    simulator,
    virtualPrinter,
    fixedAccount: envAccount
      ? {
          name: simulator ? 'Demo account' : 'Sendcloud (environment)',
          keys: { publicKey: envAccount.publicKey, secretKey: envAccount.secretKey },
          integrationId: settings.integrationId,
          url: envAccount.url,
        }
      : null,
    sendcloudUrl: envAccount?.url ?? onScreenUrl,
    onScreenUrl,
    fixedPrinters,
  };
}
