import { randomUUID } from 'node:crypto';
import { createAccounts } from './accounts/accounts';
import { createKeytarPasswords, createKeytarStore } from './accounts/keychain';
import { createBatchRunner } from './batch/batch-runner';
import { createBatches } from './batch/batches';
import { systemClock } from './clock';
import type { CommandHandlers } from './host/dispatch';
import { createConnectivity } from './outbox/connectivity';
import { createOutbox, stationLanes } from './outbox/outbox';
import { createOutboxSettings } from './outbox/outbox-settings';
import { openPrinter } from './printing/open';
import { rasterPool } from './printing/raster-pool';
import { createSessions } from './packers/sessions';
import { createPrinterRegistry } from './printing/registry';
import type { VirtualPrinter } from './printing/virtual-printer';
import { createLabelJobs } from './shipping/labels';
import { createCustomsDocuments } from './shipping/customs-documents';
import { createOrderSyncs } from './shipping/order-syncs';
import { createScanService } from './shipping/scan';
import { createNextScan } from './shipping/command-codes';
import { withBoxesAfterScan } from './shipping/boxes-after-scan';
import { heldByAccount } from './shipping/scan-view';
import { createShippingOptions } from './shipping/shipping-options';
import { createRouting } from './shipping/routing';
import { createTracking } from './shipping/tracking';
import { createVoids } from './shipping/void';
import { voidRulesFor } from './shipping/void-rules';
import { shipmentRowOf } from './shipping/shipment-rows';
import type { Simulator } from './simulator/index';
import { stationCommands } from './station/commands';
import { chooseStartingPoint, openStationDatabase } from './station/starting-point';
import { createEventBus, type EventListener } from './station/event-bus';
import { wireReactions } from './station/reactions';
import type { CurrentActor } from './station/actor';
import { stationIdentity } from './station/identity';
import { createStatusViews } from './station/status-views';
import type { StationOptions } from './station/options';
import type { Db } from './store/db';
import { shipmentRecord } from './store/shipment-list';
import { labelPrinting } from './store/jobs';
import { openClaimConflicts } from './store/warehouse-claims';
import { warehouseView } from './warehouse/link';
import { createWarehouseMembership } from './warehouse/membership';
import { createClaims } from './warehouse/claims';
import { createWriteBudget } from './warehouse/write-budget';
import { ledgerScreens } from './warehouse/ledger-screens';
import { createReplicator } from './warehouse/replication';
import { createWarehouseTracking } from './warehouse/tracking-statuses';
import { createSharedSettings } from './warehouse/shared-settings';

export type { EventListener } from './station/event-bus';
export type { StationOptions } from './station/options';

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

  const db = openStationDatabase(settings.dataDir, options.sqliteBinding);
  const started: { close(): Promise<void> }[] = [];
  try {
    const start = await chooseStartingPoint(settings, db, clock, started);
    const identity = stationIdentity(db, newId, settings.stationName);
    const bus = createEventBus();
    // The warehouse's shared database, when this station is one of several; else nothing runs.
    // Joined on screen or set by PACKDESK_WAREHOUSE_DB; the link follows a join or leave.
    const membership = createWarehouseMembership({
      db,
      clock,
      identity,
      settings,
      passwords: options.warehousePasswords ?? createKeytarPasswords(),
      ...(options.warehouseHeartbeatMs !== undefined
        ? { heartbeatMs: options.warehouseHeartbeatMs }
        : {}),
    });
    const warehouse = membership.link;
    started.push({ close: () => membership.stop() });
    const claims = createClaims({
      db,
      clock,
      link: warehouse,
      identity,
      ...(options.claimTimeoutMs !== undefined ? { timeoutMs: options.claimTimeoutMs } : {}),
      // An order found labelled at two stations goes to the header at once.
      onConflict: () => bus.emit('station.status', views.status()),
    });
    started.push({ close: () => claims.stop() });
    // Every station on an account takes its writes from one bucket in the warehouse.
    const writeBudget = createWriteBudget({
      warehouse,
      clock: options.sendcloudClient?.clock ?? clock,
    });
    // This station's changes into the warehouse ledger, beside everything else (stopped first).
    const ledger = createReplicator({ db, link: warehouse, clock });
    started.push({ close: () => ledger.stop() });
    const sessions = createSessions({
      db,
      clock,
      identity,
      onChange: (view) => bus.emit('session.changed', view),
    });
    started.push({ close: async () => sessions.stop() });
    const shipmentChanged = (parcelId: number) => {
      const record = shipmentRecord(db, parcelId);
      if (record) bus.emit('shipment.changed', shipmentRowOf(record, identity));
    };

    const accounts = createAccounts({
      db,
      clock,
      newId,
      keys: options.keys ?? createKeytarStore(),
      baseUrl: start.onScreenUrl,
      fixed: start.fixedAccount,
      client: { clock, timeoutMs: settings.sendcloudTimeoutMs, ...options.sendcloudClient },
      limiterFor: writeBudget.limiterFor,
      onChange: (list) => bus.emit('accounts.changed', list),
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
      lanes: stationLanes(
        accounts.usable,
        (job) => {
          if (job.printerId === null) return false;
          const routes = printers.routes();
          return job.printerId !== routes['zpl-label'] && job.printerId !== routes['pdf-label'];
        },
        (job) => labelPrinting(db, job),
      ),
      onChange: (job) => bus.signal('job.changed', job),
    });
    const syncs = createOrderSyncs({
      db,
      clock,
      newId,
      accounts,
      connectivity,
      outbox,
      envIntegrationId: settings.integrationId,
      intervalMs: options.syncIntervalMs,
      onRun: () => bus.signal('orders.synced', undefined),
    });
    const outboxSettings = createOutboxSettings(db);
    const views = createStatusViews({
      db,
      start,
      accounts,
      syncs,
      printers,
      connectivity,
      outboxSettings: outboxSettings.current,
      warehouse: () =>
        warehouseView(
          warehouse,
          identity.name,
          openClaimConflicts(db, 5).map((conflict) => conflict.detail),
        ),
    });
    const routing = createRouting(db);
    const labels = createLabelJobs({
      routing,
      db,
      clock,
      newId,
      accounts,
      sources: syncs.sources,
      printers,
      connectivity,
      settings: outboxSettings.current,
      outbox: () => outbox,
      stationId: identity.id,
      onShipmentChanged: shipmentChanged,
      claims,
    });
    const customsDocuments = createCustomsDocuments({
      db,
      clock,
      accounts,
      printers,
      connectivity,
      onShipmentChanged: shipmentChanged,
    });
    const shippingOptions = createShippingOptions({ db, clock, accounts, routing });
    const next = withBoxesAfterScan(
      createNextScan((value) => bus.emit('scan.next', value)),
      { db, now: clock.now },
    );
    const scans = createScanService({
      db,
      clock,
      newId,
      accountIds: () => accounts.ids(),
      sources: syncs.sources,
      connectivity,
      outbox,
      printerName: () => views.labelPrinter()?.name ?? null,
      heldReason: heldByAccount(accounts),
      shippingOption: shippingOptions.forScan,
      optionNamed: shippingOptions.named,
      optionsVersion: routing.version,
      session: sessions,
      stationId: identity.id,
      next,
      onUpdate: (entry) => bus.emit('scan.updated', entry),
    });
    // Who acts: the packer signed in (a test may stand in for the sessions with its own actor).
    const actor: CurrentActor = options.actor ?? sessions.actor;
    const voids = createVoids({
      db,
      clock,
      newId,
      accounts,
      connectivity,
      outbox: () => outbox,
      actor,
      identity,
      onChanged: (row) => bus.emit('shipment.changed', row),
      claims,
    });
    const tracking = createTracking({
      db,
      clock,
      accounts,
      connectivity,
      identity,
      onChanged: (row) => bus.emit('shipment.changed', row),
      onCancelled: (parcelId) => voids.settleVoided(parcelId),
      ...(options.trackingIntervalMs !== undefined
        ? { intervalMs: options.trackingIntervalMs }
        : {}),
      // In a warehouse, statuses come from the hub's webhooks while a hub is alive.
      ...(warehouse.configured ? { warehouse: createWarehouseTracking(warehouse) } : {}),
      ...(options.hubReadMs !== undefined ? { hubReadMs: options.hubReadMs } : {}),
    });
    const batches = createBatches({
      db,
      clock,
      newId,
      accounts,
      printers,
      outbox: () => outbox,
      shippingOptions,
      identity,
      actor,
      onChanged: (view) => bus.emit('batch.changed', view),
    });
    const batchRunner = createBatchRunner({
      db,
      clock,
      accounts,
      printers,
      connectivity,
      stationId: identity.id,
      routing,
      claims,
      onBatchChanged: (id) => batches.changed(id),
      onShipmentChanged: shipmentChanged,
    });
    // Packers, account settings and rules, the same at every station of the warehouse.
    const shared = createSharedSettings({
      db,
      clock,
      link: warehouse,
      accounts,
      removeAccount: async (id) => {
        syncs.forget(id);
        await accounts.remove(id);
      },
      routing,
      sessions,
      ...(options.sharedSettingsMs !== undefined ? { intervalMs: options.sharedSettingsMs } : {}),
      onApplied: (areas) => bus.emit('settings.shared', { areas }),
    });
    started.push({ close: () => shared.stop() });
    const reactions = wireReactions({ bus, db, outbox, accounts, scans, views });
    bus.on('job.changed', (job) => voids.jobChanged(job));
    // The runner tells after each step, while its job is still in flight; the job's own end
    // (done, held, waiting) comes after that, and the screens must hear it too.
    bus.on('job.changed', (job) => {
      if (job.kind === 'batch' && job.code) batches.changed(job.code);
    });

    const own = stationCommands({
      routing,
      cupsUrl: settings.cupsUrl,
      next,
      db,
      clock,
      newId,
      accounts,
      syncs,
      printers,
      outbox,
      outboxSettings,
      scans,
      sessions,
      shippingOptions,
      views,
      identity,
      voids,
      batches,
      actor,
      voidRules: (record, who) => voidRulesFor(record, who, clock.now()),
      pushStatus: () => bus.emit('station.status', views.status()),
      start,
      membership,
    });
    // In a warehouse the Shipments and Day screens show every station's, from the ledger.
    const handlers: CommandHandlers = shared.watch({
      ...own,
      ...ledgerScreens({
        db,
        clock,
        link: warehouse,
        identity,
        local: own,
        accountNames: () => new Map(accounts.list().map((account) => [account.id, account.name])),
      }),
    });

    // Keys come from the keychain before any job runs; a locked keychain leaves accounts waiting.
    await accounts.load();
    // Claims and the shared budget need the warehouse before the first label; a warehouse that
    // cannot be reached leaves the link 'alone' and the station working on its own.
    warehouse.onChange(() => bus.emit('station.status', views.status()));
    await membership.start();
    claims.start();
    ledger.start();
    for (const topic of ['shipment.changed', 'scan.updated', 'batch.changed'] as const) {
      bus.on(topic, () => ledger.kick());
    }
    await shared.start();
    // What the last run left in flight or deferred while offline goes back in line.
    outbox.recover();
    outbox.start({
      'create-label': (job) => labels.createLabel(job),
      print: (job) => labels.print(job),
      'sync-orders': (job) => syncs.runJob(job),
      void: (job) => voids.runJob(job),
      batch: (job) => batchRunner.run(job),
      documents: (job) => customsDocuments.run(job),
    });
    printers.start();
    // A ZPL printer gets PDF labels drawn as pictures: have the drawing thread ready for the first.
    // It outlives this station (a restart, the next test's station reuses it); the hosts stop it.
    if (printers.printerFor('zpl-label')) rasterPool.warm();
    syncs.start();
    if (options.trackingIntervalMs !== 0) tracking.start();
    void shippingOptions.refresh(accounts.usableIds(), async (id) => {
      const { options } = await accounts.client(id).getShippingOptions({});
      return options;
    });

    return {
      handlers,
      subscribe: bus.subscribe,
      simulator: start.simulator,
      virtualPrinter: start.virtualPrinter,
      db,
      async close() {
        reactions.stop();
        shippingOptions.stop();
        await tracking.stop();
        bus.unsubscribeAll();
        connectivity.stop();
        await outbox.stop();
        await printers.close();
        await syncs.stop();
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
