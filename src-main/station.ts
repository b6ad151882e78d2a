import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { accountCommands } from './accounts/account-commands';
import { createAccounts } from './accounts/accounts';
import { createKeytarStore, type KeyStore } from './accounts/keychain';
import { merchantCommands } from './accounts/merchant-commands';
import { billingCommands } from './billing/billing-commands';
import { systemClock, type Clock } from './clock';
import type { StationSettings } from './config';
import { demoCommands } from './demo/demo-commands';
import type { CommandHandlers } from './host/dispatch';
import { createLogger } from './log';
import { createConnectivity } from './outbox/connectivity';
import { createOutbox } from './outbox/outbox';
import { createOutboxSettings } from './outbox/outbox-settings';
import { queueCommands } from './outbox/queue-commands';
import { openPrinter } from './printing/open';
import { printerCommands } from './printing/printer-commands';
import { createPrinterRegistry } from './printing/registry';
import type { VirtualPrinter } from './printing/virtual-printer';
import type { SendcloudClientOptions } from './sendcloud/client';
import { createLabelJobs } from './shipping/labels';
import { createOrderSyncs, orderSyncJob, requestOrderSync } from './shipping/order-syncs';
import { createScanService } from './shipping/scan';
import { scanCommands } from './shipping/scan-commands';
import { createScanView, heldByAccount } from './shipping/scan-view';
import { createShippingOptions } from './shipping/shipping-options';
import type { Simulator } from './simulator/index';
import { chooseStartingPoint } from './station/demo-mode';
import { createEventBus, type EventListener } from './station/event-bus';
import { wireReactions } from './station/reactions';
import { createStatusViews } from './station/status-views';
import { openDatabase, type Db } from './store/db';

export type { EventListener } from './station/event-bus';

export interface Station {
  readonly handlers: CommandHandlers;
  /** Listen to every event the station pushes; returns the unsubscribe function. */
  subscribe(listener: EventListener): () => void;
  /** The embedded Sendcloud, in demo mode. */
  readonly simulator: Simulator | null;
  /** The built-in printer, when no real printer is configured. */
  readonly virtualPrinter: VirtualPrinter | null;
  readonly db: Db;
  close(): Promise<void>;
}

export interface StationOptions {
  settings: StationSettings;
  /** Time for the outbox, retries, staleness and the Sendcloud client. */
  clock?: Clock;
  newId?: () => string;
  /** Electron passes the better-sqlite3 binary built for its ABI; Node uses the default. */
  sqliteBinding?: string;
  /** Keep orders fresh in the background; off in tests that drive sync themselves. */
  syncIntervalMs?: number;
  /** What varies in the Sendcloud client: its clock, rate limiter or fetch (benchmarks, tests). */
  sendcloudClient?: Pick<SendcloudClientOptions, 'clock' | 'limiter' | 'fetch' | 'timeoutMs'>;
  /** How often to try Sendcloud while offline. Default 5 s. */
  probeIntervalMs?: number;
  /** How often to ask every printer how it is. Default 3 s; 0 turns polling off. */
  printerPollMs?: number;
  /** Where account keys live; default the OS keychain (keytar). */
  keys?: KeyStore;
}

const log = createLogger('station');
const DB_FILE = 'packdesk.sqlite';
const PROBE_INTERVAL_MS = 5_000;
const PRINTER_POLL_MS = 3_000;

/**
 * The composition root: builds every module from settings and hands them to each other, in the
 * order they need each other. What a module reports goes on the bus; the station's reactions to
 * it are wired once all exist. Transports only ever see `handlers` and `subscribe`.
 */
export async function createStation(options: StationOptions): Promise<Station> {
  const { settings } = options;
  const clock = options.clock ?? systemClock;
  const newId = options.newId ?? randomUUID;

  fs.mkdirSync(settings.dataDir, { recursive: true });
  const db = openDatabase(
    path.join(settings.dataDir, DB_FILE),
    options.sqliteBinding ? { nativeBinding: options.sqliteBinding } : {},
  );
  const started: { close(): Promise<void> }[] = [];
  try {
    const start = await chooseStartingPoint(settings, db, clock, started);
    const { simulator, virtualPrinter, envAccount } = start;
    const bus = createEventBus();

    const accounts = createAccounts({
      db,
      clock,
      newId,
      keys: options.keys ?? createKeytarStore(),
      baseUrl: start.onScreenUrl,
      fixed: envAccount
        ? {
            name: simulator ? 'Demo account' : 'Sendcloud (environment)',
            keys: { publicKey: envAccount.publicKey, secretKey: envAccount.secretKey },
            integrationId: settings.integrationId,
            url: envAccount.url,
          }
        : null,
      client: { clock, timeoutMs: settings.sendcloudTimeoutMs, ...options.sendcloudClient },
      onChange: (list) => bus.emit('accounts.changed', list),
    });
    const syncs = createOrderSyncs({
      db,
      accounts,
      envIntegrationId: settings.integrationId,
      now: () => new Date(clock.now()),
    });
    const printers = createPrinterRegistry({
      db,
      clock,
      newId,
      open: openPrinter,
      fixed: start.fixedPrinters,
      pollMs: options.printerPollMs ?? settings.printerPollMs ?? PRINTER_POLL_MS,
      onChange: (setup) => bus.emit('printers.changed', setup),
      onReady: (id) => bus.signal('printer.ready', id),
    });
    const connectivity = createConnectivity({
      clock,
      probeIntervalMs: options.probeIntervalMs ?? settings.probeIntervalMs ?? PROBE_INTERVAL_MS,
      probe: async () => {
        const first = accounts.usableIds()[0];
        if (first) await accounts.client(first).listIntegrations();
      },
      onChange: (state) => bus.signal('sendcloud.reachability', state),
    });
    const outbox = createOutbox({
      db,
      clock,
      lanes: [
        {
          name: 'sendcloud',
          kinds: ['create-label'],
          held: (job) => job.accountId !== null && !accounts.usable(job.accountId),
        },
        { name: 'printer', kinds: ['print'] },
        { name: 'sync', kinds: ['sync-orders'] },
      ],
      onChange: (job) => bus.signal('job.changed', job),
    });
    const outboxSettings = createOutboxSettings(db);
    const views = createStatusViews({
      db,
      mode: simulator ? 'demo' : 'live',
      sendcloudUrl: start.sendcloudUrl,
      accounts,
      syncs,
      printers,
      connectivity,
      outboxSettings: outboxSettings.current,
    });
    const pushStatus = () => bus.emit('station.status', views.status());
    const requestSync = () => requestOrderSync({ db, outbox, clock, newId });
    const labels = createLabelJobs({
      db,
      clock,
      newId,
      accounts,
      sources: syncs.sources,
      printers,
      connectivity,
      settings: outboxSettings.current,
      outbox: () => outbox,
    });
    const shippingOptions = createShippingOptions(accounts);
    const scans = createScanService({
      db,
      clock,
      newId,
      accountIds: () => accounts.ids(),
      sources: syncs.sources,
      connectivity,
      outbox,
      view: createScanView({
        db,
        connectivity,
        printerName: () => views.labelPrinter()?.name ?? null,
        heldReason: heldByAccount(accounts),
      }),
      shippingOption: shippingOptions.forOrder,
      onUpdate: (entry) => bus.emit('scan.updated', entry),
    });
    const reactions = wireReactions({ bus, db, outbox, accounts, scans, views });

    const handlers = {
      'station.status': async () => views.status(),
      ...scanCommands({ db, scans, outbox, requestSync, status: views.status }),
      ...queueCommands({ db, outbox, settings: outboxSettings, onSettingsChanged: pushStatus }),
      ...printerCommands(printers),
      ...accountCommands({
        accounts,
        requestSync,
        onRemove: syncs.forget,
        onChoices: (choices) => shippingOptions.learn(choices.shippingOptions),
      }),
      ...merchantCommands({ db, clock, newId, accountIds: () => accounts.ids() }),
      ...billingCommands(db),
      ...demoCommands({ simulator, virtualPrinter, printers }),
    } satisfies CommandHandlers;

    // Keys come from the keychain before any job runs; a locked keychain leaves accounts waiting.
    await accounts.load();
    // Jobs in flight when the station last stopped go back in line; they reconcile first.
    const recovered = outbox.recover();
    if (recovered > 0) log.info('resumed jobs the last run left in flight', { count: recovered });
    // A start presumes Sendcloud reachable, so no "connection is back" will come for jobs the
    // last run deferred while offline: try them now. If still offline, the first fails and the
    // probe takes over; left alone, the head job would hold its lane until the offline fallback.
    outbox.wake({
      kinds: ['create-label', 'sync-orders'],
      only: (job) => job.lastError?.code === 'offline',
    });
    outbox.start({
      'create-label': (job) => labels.createLabel(job),
      print: (job) => labels.print(job),
      'sync-orders': orderSyncJob({ syncs, connectivity, onRun: pushStatus }),
    });
    printers.start();
    // The first sync runs in the background: the screen comes up at once and says it is syncing.
    requestSync();
    const timer =
      options.syncIntervalMs && options.syncIntervalMs > 0
        ? setInterval(() => requestSync(), options.syncIntervalMs)
        : null;
    timer?.unref();

    return {
      handlers,
      subscribe: bus.subscribe,
      simulator,
      virtualPrinter,
      db,
      async close() {
        if (timer) clearInterval(timer);
        reactions.stop();
        bus.unsubscribeAll();
        connectivity.stop();
        await outbox.stop();
        await printers.close();
        await syncs.idle();
        for (const part of started.reverse()) await part.close();
        db.close();
      },
    };
  } catch (error) {
    for (const part of started.reverse()) await part.close().catch(() => undefined);
    db.close();
    throw error;
  }
}
