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
} from '../src-preload/contract';
import { systemClock, type Clock } from './clock';
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
import { AppError } from './errors';
import type { CommandHandlers } from './host/dispatch';
import { createLogger } from './log';
import type { LabelPrinter } from './printing/printer';
import { renderZplToPng } from './printing/render';
import { createTcpPrinter } from './printing/tcp';
import { startVirtualPrinter, type VirtualPrinter } from './printing/virtual-printer';
import {
  createSendcloudClient,
  type SendcloudClient,
  type SendcloudClientOptions,
} from './sendcloud/client';
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
}

const log = createLogger('station');
const DB_FILE = 'packdesk.sqlite';
const PROBE_INTERVAL_MS = 5_000;

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
    let simulator: Simulator | null = null;
    let sendcloudSettings = settings.sendcloud;
    if (!sendcloudSettings) {
      simulator = await startSimulator();
      started.push(simulator);
      sendcloudSettings = { url: simulator.url, ...simulator.keys };
      log.info('demo mode: embedded Sendcloud simulator started', { url: simulator.url });
    }

    let printer: LabelPrinter;
    let virtualPrinter: VirtualPrinter | null = null;
    if (settings.printer) {
      printer = createTcpPrinter(settings.printer);
    } else {
      virtualPrinter = await startVirtualPrinter();
      started.push(virtualPrinter);
      printer = createTcpPrinter({
        host: virtualPrinter.host,
        port: virtualPrinter.port,
        name: 'Virtual ZPL printer',
      });
    }

    const client: SendcloudClient = createSendcloudClient({
      clock,
      timeoutMs: settings.sendcloudTimeoutMs,
      ...options.sendcloudClient,
      baseUrl: sendcloudSettings.url,
      publicKey: sendcloudSettings.publicKey,
      secretKey: sendcloudSettings.secretKey,
    });

    const listeners = new Set<EventListener>();
    const emit: EventListener = (event, payload) => {
      for (const listener of listeners) listener(event, payload);
    };

    const orderSync = createOrderSync({
      db,
      sendcloud: () => client,
      configuredIntegrationId: settings.integrationId,
      now,
    });

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
      sendcloudUrl: sendcloudSettings.url,
      integration: orderSync.integration(),
      printer: { name: printer.name, address: printer.address },
      ordersCached: countOrders(db),
      ordersSyncedAt: lastOrderSync(db),
      syncError: orderSync.lastError(),
      connectivity: connectivityView(),
      outbox: outboxSettings,
    });

    const connectivity = createConnectivity({
      clock,
      probeIntervalMs: options.probeIntervalMs ?? settings.probeIntervalMs ?? PROBE_INTERVAL_MS,
      probe: async () => {
        await client.listIntegrations();
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
        { name: 'sendcloud', kinds: ['create-label'] },
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
      sendcloud: () => client,
      printer,
      connectivity,
      settings: () => outboxSettings,
      integrationId: () => orderSync.integration()?.id ?? null,
      outbox: () => outbox,
    });

    async function syncJob(job: Job): Promise<JobResult> {
      try {
        await orderSync.run();
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
      sendcloud: () => client,
      printer,
      connectivity,
      outbox: () => outbox,
      integrationId: () => orderSync.integration()?.id ?? null,
      onUpdate: (entry) => emit('scan.updated', entry),
    });

    const preview = async (trackingNumber: string): Promise<LabelPreview> => {
      const shipment = findShipmentByTracking(db, trackingNumber);
      if (!shipment) {
        throw new AppError('order-not-found', `No label with tracking number ${trackingNumber}.`);
      }
      if (shipment.labelFormat !== 'zpl') {
        throw new AppError('label-invalid', 'Only ZPL labels can be previewed in this version.');
      }
      const png = await renderZplToPng(shipment.label, shipment.labelDpi);
      return { trackingNumber, format: shipment.labelFormat, pngBase64: png.toString('base64') };
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
        await orderSync.idle();
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
