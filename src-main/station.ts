import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type {
  DemoFaults,
  EventMap,
  EventName,
  LabelPreview,
  StationStatus,
} from '../src-preload/contract';
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
import { describeFailure } from './shipping/failures';
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
  now?: () => Date;
  newId?: () => string;
  /** Electron passes the better-sqlite3 binary built for its ABI; Node uses the default. */
  sqliteBinding?: string;
  /** Keep orders fresh in the background; off in tests that drive sync themselves. */
  syncIntervalMs?: number;
  /** What varies in the Sendcloud client: its clock, rate limiter or fetch (benchmarks, tests). */
  sendcloudClient?: Pick<SendcloudClientOptions, 'clock' | 'limiter' | 'fetch' | 'timeoutMs'>;
}

const log = createLogger('station');
const DB_FILE = 'packdesk.sqlite';

/**
 * The composition root: builds every module from settings and hands them to each other.
 * Transports (IPC, the browser host) only ever see `handlers` and `subscribe`.
 */
export async function createStation(options: StationOptions): Promise<Station> {
  const { settings } = options;
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? randomUUID;

  fs.mkdirSync(settings.dataDir, { recursive: true });
  const db = openDatabase(
    path.join(settings.dataDir, DB_FILE),
    options.sqliteBinding ? { nativeBinding: options.sqliteBinding } : {},
  );

  const started: { close(): Promise<void> }[] = [];
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

    const status = (): StationStatus => ({
      mode: simulator ? 'demo' : 'live',
      sendcloudUrl: sendcloudSettings.url,
      integration: orderSync.integration(),
      printer: { name: printer.name, address: printer.address },
      ordersCached: countOrders(db),
      ordersSyncedAt: lastOrderSync(db),
      syncError: orderSync.lastError(),
    });

    const syncOrders = async (): Promise<StationStatus> => {
      await orderSync.run();
      const current = status();
      emit('station.status', current);
      return current;
    };

    const scans = createScanService({
      db,
      sendcloud: () => client,
      printer,
      integrationId: () => orderSync.integration()?.id ?? null,
      now,
      newId,
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

    const handlers: CommandHandlers = {
      'station.status': async () => status(),
      'scan.submit': async ({ code }) => scans.scan(code),
      'scan.recent': async ({ limit }) => recentScans(db, limit),
      'orders.sync': async () => syncOrders(),
      'label.preview': async ({ trackingNumber }) => preview(trackingNumber),
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

    // The first sync runs in the background: the screen comes up at once and says it is syncing.
    void syncOrders().catch((error) =>
      log.warn('order sync failed', { error: describeFailure(error) }),
    );
    const timer =
      options.syncIntervalMs && options.syncIntervalMs > 0
        ? setInterval(() => void syncOrders().catch(() => undefined), options.syncIntervalMs)
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
        if (timer) clearInterval(timer);
        listeners.clear();
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
