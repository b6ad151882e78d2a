import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type {
  Connectivity,
  DemoFaults,
  EventMap,
  EventName,
  JobView,
  LabelPreview,
  StationStatus,
} from '../src-shared';
import { createAccounts, ENV_ACCOUNT_ID, type Accounts } from './accounts/accounts';
import { createKeytarStore, type KeyStore } from './accounts/keychain';
import { billingCsv } from './billing/export';
import { systemClock, type Clock } from './clock';
import { SENDCLOUD_ORIGIN } from './config';
import { createConnectivity } from './outbox/connectivity';
import { createOutbox, type JobResult, type Outbox } from './outbox/outbox';
import { canApply, classifyFailure, retryDelayMs, sendcloudBackoff } from './outbox/policy';
import { createLabelJobs } from './shipping/labels';
import {
  activeJobs,
  activeStates,
  countActiveJobs,
  getJob,
  jobsIn,
  newJob,
  type Job,
} from './store/jobs';
import { readOutboxSettings, writeOutboxSettings } from './store/settings';
import type { StationSettings } from './config';
import type { SendcloudClientOptions } from './sendcloud/client';
import { SendcloudError } from './sendcloud/errors';
import { type OrderSource } from './shipping/orders';
import { deleteMerchant, listAccounts, listMerchants, saveMerchant } from './store/accounts';
import { AppError } from './errors';
import type { CommandHandlers } from './host/dispatch';
import { createLogger } from './log';
import { discoverPrinters } from './printing/discovery';
import { previewLabel } from './printing/formats';
import { openPrinter } from './printing/open';
import { parseTcpAddress } from './printing/printer';
import { createPrinterRegistry, type PrinterRegistry } from './printing/registry';
import { printTestPage } from './printing/test-print';
import { createTcpPrinter } from './printing/tcp';
import { startVirtualPrinter, type VirtualPrinter } from './printing/virtual-printer';
import { createOrderSync } from './shipping/orders';
import { createScanService } from './shipping/scan';
import type { Faults } from './simulator/faults';
import { startSimulator, type Simulator } from './simulator/index';
import { recentScans } from './store/audit';
import { openDatabase, type Db } from './store/db';
import { countOrders, lastOrderSync } from './store/orders';
import { findShipmentByTracking } from './store/shipments';

export type EventListener = <E extends EventName>(event: E, payload: EventMap[E]) => void;

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
 * The composition root: builds every module from settings and hands them to each other.
 * Transports (IPC, the browser host) only ever see `handlers` and `subscribe`.
 */
export async function createStation(options: StationOptions): Promise<Station> {
  const { settings } = options;
  const clock = options.clock ?? systemClock;
  const now = () => new Date(clock.now());
  const newId = options.newId ?? randomUUID;

  fs.mkdirSync(settings.dataDir, { recursive: true });
  const db = openDatabase(
    path.join(settings.dataDir, DB_FILE),
    options.sqliteBinding ? { nativeBinding: options.sqliteBinding } : {},
  );

  const started: { close(): Promise<void> }[] = [];
  let closed = false;
  try {
    // Demo mode: no keys in the environment, no account set up on screen, no Sendcloud URL.
    let simulator: Simulator | null = null;
    let envAccount = settings.sendcloud;
    const onScreenUrl = settings.sendcloudUrl ?? settings.sendcloud?.url ?? SENDCLOUD_ORIGIN;
    if (!envAccount && listAccounts(db).length === 0 && !settings.sendcloudUrl) {
      simulator = await startSimulator();
      started.push(simulator);
      envAccount = { url: simulator.url, ...simulator.keys };
      log.info('demo mode: embedded Sendcloud simulator started', { url: simulator.url });
    }
    const sendcloudUrl = envAccount?.url ?? onScreenUrl;

    // The environment's printer overrides the screen's choice of label printer. In demo mode
    // without one, the virtual printer takes labels until a packer routes them elsewhere; a live
    // station without one prints where the Printers screen says (and labels wait until it does).
    let virtualPrinter: VirtualPrinter | null = null;
    const createdAt = new Date(clock.now()).toISOString();
    const fixedPrinters: NonNullable<Parameters<typeof createPrinterRegistry>[0]['fixed']> = [];
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

    const listeners = new Set<EventListener>();
    const emit: EventListener = (event, payload) => {
      for (const listener of listeners) listener(event, payload);
    };

    const accounts: Accounts = createAccounts({
      db,
      clock,
      newId,
      keys: options.keys ?? createKeytarStore(),
      baseUrl: onScreenUrl,
      fixed: envAccount
        ? {
            name: simulator ? 'Demo account' : 'Sendcloud (environment)',
            keys: { publicKey: envAccount.publicKey, secretKey: envAccount.secretKey },
            integrationId: settings.integrationId,
            url: envAccount.url,
          }
        : null,
      client: { clock, timeoutMs: settings.sendcloudTimeoutMs, ...options.sendcloudClient },
      onChange: (list) => {
        emit('accounts.changed', list);
        emit('station.status', status());
        // An account usable again (reconnected): its waiting jobs go now, in scan order.
        for (const job of jobsIn(db, ['create-label'], ['waiting'])) {
          if (
            job.accountId &&
            accounts.usable(job.accountId) &&
            job.lastError?.code === 'auth-failed'
          ) {
            outbox.apply(job, { type: 'wake' });
          }
        }
        outbox.kick();
      },
    });

    // One order sync per account, created as accounts appear.
    const orderSyncs = new Map<string, ReturnType<typeof createOrderSync>>();
    const orderSyncFor = (accountId: string) => {
      let sync = orderSyncs.get(accountId);
      if (!sync) {
        const record = accounts.record(accountId);
        sync = createOrderSync({
          db,
          accountId,
          sendcloud: () => accounts.client(accountId),
          configuredIntegrationId:
            accountId === ENV_ACCOUNT_ID ? settings.integrationId : record.integrationId,
          now,
        });
        orderSyncs.set(accountId, sync);
      }
      return sync;
    };
    const sources = (): OrderSource[] =>
      accounts.usableIds().map((accountId) => ({
        accountId,
        sendcloud: () => accounts.client(accountId),
        integrationId:
          orderSyncFor(accountId).integration()?.id ??
          (accountId === ENV_ACCOUNT_ID
            ? settings.integrationId
            : accounts.record(accountId).integrationId),
      }));
    const firstSync = () => {
      const first = accounts.ids()[0];
      return first ? orderSyncFor(first) : null;
    };

    let outboxSettings = readOutboxSettings(db);
    const connectivityView = (): Connectivity => {
      const state = connectivity.current();
      return {
        online: state.online,
        since: new Date(state.since).toISOString(),
        queueLength: countActiveJobs(db),
        lastError: state.lastError,
      };
    };
    const status = (): StationStatus => ({
      mode: simulator ? 'demo' : 'live',
      sendcloudUrl,
      integration: firstSync()?.integration() ?? null,
      printer: labelPrinterView(),
      ordersCached: countOrders(db),
      ordersSyncedAt: lastOrderSync(db),
      syncError:
        [...orderSyncs.values()].map((sync) => sync.lastError()).find((e) => e !== null) ?? null,
      connectivity: connectivityView(),
      outbox: outboxSettings,
      accounts: accounts.list(),
      keychainError: accounts.keychainError(),
    });

    const printers: PrinterRegistry = createPrinterRegistry({
      db,
      clock,
      newId,
      open: openPrinter,
      fixed: fixedPrinters,
      pollMs: options.printerPollMs ?? settings.printerPollMs ?? PRINTER_POLL_MS,
      onChange: (setup) => {
        emit('printers.changed', setup);
        emit('station.status', status());
      },
      onReady: () => {
        // The printer is fixed (or back): labels waiting for it go now, in scan order.
        for (const job of jobsIn(db, ['print'], ['waiting'])) outbox.apply(job, { type: 'wake' });
        outbox.kick();
      },
    });
    const labelPrinterView = () => {
      const entry = printers.printerFor('zpl-label') ?? printers.printerFor('pdf-label');
      return entry ? { name: entry.record.name, address: entry.record.address } : null;
    };

    const connectivity = createConnectivity({
      clock,
      probeIntervalMs: options.probeIntervalMs ?? settings.probeIntervalMs ?? PROBE_INTERVAL_MS,
      probe: async () => {
        const first = accounts.usableIds()[0];
        if (first) await accounts.client(first).listIntegrations();
      },
      onChange: (state) => {
        if (state.online) {
          // Back online: every job deferred for the connection tries again now, in scan order.
          for (const job of jobsIn(db, ['create-label', 'sync-orders'], ['waiting'])) {
            outbox.apply(job, { type: 'wake' });
          }
          outbox.kick();
        }
        emit('connectivity.changed', connectivityView());
      },
    });

    const jobWaiters = new Map<string, Set<(job: Job) => void>>();
    const waitForJob = (id: string) =>
      new Promise<Job>((resolve) => {
        const set = jobWaiters.get(id) ?? new Set();
        set.add(resolve);
        jobWaiters.set(id, set);
      });

    let scans: ReturnType<typeof createScanService> | null = null;
    let jobsTick: NodeJS.Immediate | null = null;
    const outbox: Outbox = createOutbox({
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
      handlers: {
        'create-label': (job) => labels.createLabel(job),
        print: (job) => labels.print(job),
        'sync-orders': (job) => syncJob(job),
      },
      onChange: (job) => {
        scans?.onJobChanged(job);
        if (job.state !== 'in-flight' && job.state !== 'queued') {
          for (const resolve of jobWaiters.get(job.id) ?? []) resolve(job);
          jobWaiters.delete(job.id);
        }
        // Many changes in one tick (a drain) become one push of the queue.
        jobsTick ??= setImmediate(() => {
          jobsTick = null;
          if (closed) return;
          emit('jobs.changed', activeJobs(db).map(toJobView));
          emit('connectivity.changed', connectivityView());
        });
      },
    });

    const labels = createLabelJobs({
      db,
      clock,
      newId,
      accounts,
      sources,
      printers,
      connectivity,
      settings: () => outboxSettings,
      outbox: () => outbox,
    });

    /** Sync every usable account; one whose keys are refused (now `reconnect`) does not stop the rest. */
    async function syncAll(): Promise<void> {
      let failure: unknown = null;
      for (const accountId of accounts.usableIds()) {
        const sync = orderSyncFor(accountId);
        try {
          await sync.run();
          const found = sync.integration();
          if (found && accountId === ENV_ACCOUNT_ID) accounts.setIntegration(accountId, found.id);
        } catch (error) {
          if (!(error instanceof SendcloudError && error.kind === 'auth')) failure ??= error;
        }
      }
      if (failure) throw failure;
    }

    async function syncJob(job: Job): Promise<JobResult> {
      try {
        await syncAll();
        connectivity.reached();
        emit('station.status', status());
        return { type: 'done' };
      } catch (error) {
        const { kind, error: data } = classifyFailure(error);
        if (kind === 'offline') connectivity.unreachable(data);
        emit('station.status', status());
        // A failed sync is not a packer's problem: the next one tries again.
        return {
          type: 'defer',
          event: {
            type: 'defer',
            error: data,
            reason: `Order sync failed: ${data.message}`,
            delayMs: retryDelayMs(job.attempts, { ...sendcloudBackoff, random: Math.random }),
          },
        };
      }
    }

    /** Queue an order sync unless one is already waiting; returns that job. */
    const requestSync = (): Job => {
      const pending = jobsIn(db, ['sync-orders'], activeStates)[0];
      if (pending) {
        if (pending.state === 'waiting') outbox.apply(pending, { type: 'wake' });
        outbox.kick();
        return pending;
      }
      const job = outbox.enqueue(newJob('sync-orders', newId(), clock.now()));
      outbox.kick();
      return job;
    };

    scans = createScanService({
      db,
      clock,
      newId,
      accountIds: () => accounts.ids(),
      sources,
      heldReason: (job) => {
        if (job.kind !== 'create-label' || !job.accountId || accounts.usable(job.accountId)) {
          return null;
        }
        const account = accounts.list().find((a) => a.id === job.accountId);
        return `${account?.name ?? 'Its account'} cannot reach Sendcloud: ${account?.stateReason ?? 'reconnect it'} The label waits.`;
      },
      printerName: () => labelPrinterView()?.name ?? 'the label printer',
      connectivity,
      outbox: () => outbox,
      onUpdate: (entry) => emit('scan.updated', entry),
    });

    const preview = async (trackingNumber: string): Promise<LabelPreview> => {
      const shipment = findShipmentByTracking(db, trackingNumber);
      if (!shipment) {
        throw new AppError('order-not-found', `No label with tracking number ${trackingNumber}.`);
      }
      const format = shipment.labelFormat === 'pdf' ? 'pdf' : 'zpl';
      const png = await previewLabel({ bytes: shipment.label, format, dpi: shipment.labelDpi });
      return { trackingNumber, format, pngBase64: png.toString('base64') };
    };

    const demoSimulator = (): Simulator => {
      if (!simulator) {
        throw new AppError('forbidden', 'Fault injection exists only in demo mode.');
      }
      return simulator;
    };
    const demoFaults = (): DemoFaults => toDemoFaults(demoSimulator().faults.current());

    const jobById = (id: string): Job => {
      const job = getJob(db, id);
      if (!job) throw new AppError('invalid-input', `There is no job ${id}.`);
      return job;
    };
    const act = (id: string, event: 'retry' | 'cancel'): JobView => {
      const job = jobById(id);
      if (!canApply(job, event)) {
        throw new AppError(
          'invalid-input',
          event === 'retry'
            ? `This job is ${job.state}: there is nothing to retry.`
            : `This job is ${job.state}: it can no longer be cancelled.`,
        );
      }
      const next = outbox.apply(job, { type: event });
      outbox.kick();
      log.info(`job ${event === 'retry' ? 'retried' : 'cancelled'} by a packer`, { job: id });
      return toJobView(next);
    };

    const handlers: CommandHandlers = {
      'station.status': async () => status(),
      'scan.submit': async ({ code }) => scans.scan(code),
      'scan.recent': async ({ limit }) => recentScans(db, limit),
      'orders.sync': async () => {
        const job = requestSync();
        await waitForJob(job.id);
        return status();
      },
      'label.preview': async ({ trackingNumber }) => preview(trackingNumber),
      'queue.list': async () => activeJobs(db).map(toJobView),
      'queue.retry': async ({ id }) => act(id, 'retry'),
      'queue.cancel': async ({ id }) => act(id, 'cancel'),
      'queue.printHeld': async () => {
        const held = jobsIn(db, ['print'], ['held']);
        db.transaction(() => {
          for (const job of held) outbox.apply(job, { type: 'retry' });
        })();
        outbox.kick();
        return { released: held.length };
      },
      'outbox.settings': async (changes) => {
        outboxSettings = { ...outboxSettings, ...changes };
        writeOutboxSettings(db, outboxSettings);
        emit('station.status', status());
        return outboxSettings;
      },
      'printers.list': async () => printers.setup(),
      'printers.discover': async () => {
        const found = await discoverPrinters();
        const known = new Set(printers.entries().map((entry) => entry.record.address));
        return {
          ...found,
          printers: found.printers.map((printer) => ({
            ...printer,
            added: known.has(printer.address),
          })),
        };
      },
      'printers.add': async (input) => {
        let address = input.address;
        if (input.transport === 'tcp') {
          try {
            const { host, port } = parseTcpAddress(address);
            address = `tcp://${host.includes(':') ? `[${host}]` : host}:${port}`;
          } catch (error) {
            throw new AppError('invalid-input', (error as Error).message);
          }
        }
        return printers.add({
          name: input.name,
          transport: input.transport,
          address,
          language: input.language,
          dpi: input.dpi,
          paper: input.paper,
          position: input.position as 0 | 1 | 2 | 3,
        });
      },
      'printers.update': async ({ id, name, dpi, paper, position }) =>
        printers.update(id, {
          ...(name !== undefined ? { name } : {}),
          ...(dpi !== undefined ? { dpi } : {}),
          ...(paper !== undefined ? { paper } : {}),
          ...(position !== undefined ? { position: position as 0 | 1 | 2 | 3 } : {}),
        }),
      'printers.remove': async ({ id }) => printers.remove(id),
      'printers.route': async ({ document, printerId }) => printers.route(document, printerId),
      'printers.test': async ({ id }) => printTestPage(printers, id),
      'printers.refresh': async () => printers.refreshAll(),
      'demo.printerFaults': async ({ faults }) => {
        if (!virtualPrinter) {
          throw new AppError(
            'forbidden',
            'Printer faults can be staged only on the virtual printer.',
          );
        }
        virtualPrinter.setFaults(faults);
        log.info('demo printer faults changed', { faults });
        await printers.refresh('virtual');
        return printers.setup();
      },
      'accounts.list': async () => accounts.list(),
      'accounts.verify': async (keys) => accounts.verify(keys),
      'accounts.add': async (input) => {
        const added = await accounts.add(input);
        requestSync();
        return added;
      },
      'accounts.update': async ({ id, ...changes }) =>
        accounts.update(
          id,
          Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
        ),
      'accounts.reconnect': async ({ id, publicKey, secretKey }) => {
        const view = await accounts.reconnect(id, { publicKey, secretKey });
        requestSync();
        return view;
      },
      'accounts.remove': async ({ id }) => {
        orderSyncs.delete(id);
        return accounts.remove(id);
      },
      'merchants.list': async () => listMerchants(db),
      'merchants.save': async (input) => {
        if (input.mode === 'decentralised' && !input.accountId) {
          throw new AppError(
            'invalid-input',
            'A decentralised merchant needs its own Sendcloud account: add it under Accounts first.',
          );
        }
        if (input.accountId && !accounts.ids().includes(input.accountId)) {
          throw new AppError('invalid-input', `There is no account ${input.accountId}.`);
        }
        const existing = input.id ? listMerchants(db).find((m) => m.id === input.id) : null;
        try {
          saveMerchant(db, {
            id: existing?.id ?? newId(),
            name: input.name,
            orderPrefix: input.orderPrefix,
            mode: input.mode,
            accountId: input.accountId,
            createdAt: existing?.createdAt ?? new Date(clock.now()).toISOString(),
          });
        } catch (error) {
          if (/UNIQUE/.test((error as Error).message)) {
            throw new AppError(
              'invalid-input',
              'Another merchant already has this name or order number prefix.',
            );
          }
          throw error;
        }
        return listMerchants(db);
      },
      'merchants.remove': async ({ id }) => {
        deleteMerchant(db, id);
        return listMerchants(db);
      },
      'billing.export': async ({ from, to }) => {
        if (from > to) throw new AppError('invalid-input', 'The first day is after the last.');
        return billingCsv(db, from, to);
      },
      'demo.faults': async () => demoFaults(),
      'demo.setFaults': async (faults) => {
        demoSimulator().faults.set({
          latencyMs: faults.latencyMs,
          errorRates: faults.errorRate > 0 ? { [faults.errorStatus]: faults.errorRate } : {},
          failStatus: null,
          timeoutRate: faults.timeoutRate,
          lostResponseRate: faults.lostResponseRate,
          only: null,
        });
        log.info('demo faults changed', { ...faults });
        return demoFaults();
      },
    };

    // Keys come from the keychain before any job runs; a locked keychain leaves accounts waiting.
    await accounts.load();

    // Jobs in flight when the station last stopped go back in line; they reconcile first.
    const recovered = outbox.recover();
    if (recovered > 0) log.info('resumed jobs the last run left in flight', { count: recovered });
    // A start presumes Sendcloud reachable, so no "connection is back" will come for jobs the
    // last run deferred while offline: try them now. If still offline, the first fails and the
    // probe takes over; left alone, the head job would hold its lane until the offline fallback.
    for (const job of jobsIn(db, ['create-label', 'sync-orders'], ['waiting'])) {
      if (job.lastError?.code === 'offline') outbox.apply(job, { type: 'wake' });
    }
    outbox.start();
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
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      simulator,
      virtualPrinter,
      db,
      async close() {
        closed = true;
        if (timer) clearInterval(timer);
        if (jobsTick) clearImmediate(jobsTick);
        listeners.clear();
        connectivity.stop();
        await outbox.stop();
        await printers.close();
        for (const sync of orderSyncs.values()) await sync.idle();
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

/** A job as the queue panel shows it. */
export function toJobView(job: Job): JobView {
  return {
    id: job.id,
    kind: job.kind,
    state: job.state,
    orderNumber: job.orderNumber,
    code: job.code,
    trackingNumber: null,
    attempts: job.attempts,
    nextAttemptAt: job.nextAttemptAt !== null ? new Date(job.nextAttemptAt).toISOString() : null,
    lastError: job.lastError,
    reason: job.reason,
    createdAt: new Date(job.createdAt).toISOString(),
    updatedAt: new Date(job.updatedAt).toISOString(),
  };
}

/** The simulator's faults as the demo settings show them: one error status at one rate. */
function toDemoFaults(faults: Faults): DemoFaults {
  const [status, rate] = Object.entries(faults.errorRates).find(([, r]) => r > 0) ?? ['500', 0];
  const latency = faults.latencyMs;
  return {
    latencyMs: typeof latency === 'number' ? latency : latency.maxMs,
    errorRate: rate,
    errorStatus: status === '429' ? 429 : status === '503' ? 503 : 500,
    timeoutRate: faults.timeoutRate,
    lostResponseRate: faults.lostResponseRate,
  };
}
