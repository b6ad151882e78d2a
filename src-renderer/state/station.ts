// The renderer's one store, combined from one slice per screen (scan, queue, printers, accounts,
// shipments, demo), the station's connection, and the UI slice for which screen is open. Built
// around an injected API so nothing here reads globals. Each slice lives in `slices/`.
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PackdeskApi } from '../../src-shared';
import type { HostConnection } from '../bridge/web-bridge';
import { accountsSlice, onAccountsPushed, type AccountsSlice } from './slices/accounts';
import {
  connectionSlice,
  loadStatus,
  onConnectivityPushed,
  onStatusPushed,
  type ConnectionSlice,
} from './slices/connection';
import {
  batchSlice,
  createBatchPushes,
  onBatchChanged,
  type BatchPushes,
  type BatchSlice,
} from './slices/batch';
import { createSliceContext, type SliceContext } from './slices/context';
import { daySlice, onDayChanged, type DaySlice } from './slices/day';
import { demoSlice, type DemoSlice } from './slices/demo';
import { onSessionPushed, packersSlice, type PackersSlice } from './slices/packers';
import { onSettingsShared } from './slices/shared-settings';
import { onPrintersPushed, printersSlice, type PrintersSlice } from './slices/printers';
import { customsSlice, type CustomsSlice } from './slices/customs';
import { onJobsPushed, queueSlice, type QueueSlice } from './slices/queue';
import { routingSlice, type RoutingSlice } from './slices/routing';
import { nextLabelSlice, onNextScanPushed, type NextLabelSlice } from './slices/next-label';
import {
  createScanTokens,
  loadRecent,
  onScanUpdated,
  scanSlice,
  type ScanSlice,
  type ScanTokens,
} from './slices/scan';
import { onShipmentChanged, shipmentsSlice, type ShipmentsSlice } from './slices/shipments';
import { servicePointsSlice, type ServicePointsSlice } from './slices/service-points';
import { returnsSlice, type ReturnsSlice } from './slices/returns';
import { uiSlice, type UiSlice } from './slices/ui';
import { warehouseSlice, type WarehouseSlice } from './slices/warehouse';

export type {
  AccountAction,
  AccountActionName,
  BillingState,
  VerifyState,
} from './slices/accounts';
export type { HostState } from './slices/connection';
export type { BatchPrintOrder, BatchScanState, BatchStartState } from './slices/batch';
export type { DayExportState, HandoverState } from './slices/day';
export type { Pending } from './helpers';
export type {
  DemoPrinterFaultsState,
  DiscoveryState,
  PrinterAction,
  PrinterActionName,
  PrinterChanges,
  RouteAction,
} from './slices/printers';
export type { PackerEdit } from './slices/packers';
export type { JobAction, PrintHeldState } from './slices/queue';
export type { PreviewState } from './slices/scan';
export type {
  DetailsState,
  LoadedShipments,
  ShipmentAction,
  ShipmentLookUp,
  ShipmentPreviewState,
} from './slices/shipments';
export type { ScreenId } from './slices/ui';
export type { ReturnAction } from './slices/returns';
export type { WarehouseAction, WarehouseActionName } from './slices/warehouse';

export interface StationLifecycle {
  /** Load the status and recent scans, subscribe to events. Returns the teardown. */
  start(): () => void;
}

export type StationState = ConnectionSlice &
  ScanSlice &
  NextLabelSlice &
  QueueSlice &
  PrintersSlice &
  CustomsSlice &
  AccountsSlice &
  DemoSlice &
  PackersSlice &
  ShipmentsSlice &
  ReturnsSlice &
  DaySlice &
  BatchSlice &
  RoutingSlice &
  ServicePointsSlice &
  WarehouseSlice &
  UiSlice &
  StationLifecycle;

export type StationStore = StoreApi<StationState>;

function start(ctx: SliceContext, tokens: ScanTokens, batchPushes: BatchPushes): () => void {
  const { api, host, get, set } = ctx;
  const dayTimers: { reload: ReturnType<typeof setTimeout> | null } = { reload: null };
  const stops = [
    api.on('scan.updated', (entry) => onScanUpdated(ctx, tokens, entry)),
    api.on('scan.next', (next) => onNextScanPushed(ctx, next)),
    api.on('station.status', (status) => onStatusPushed(ctx, status)),
    api.on('accounts.changed', (accounts) => onAccountsPushed(ctx, accounts)),
    api.on('connectivity.changed', (connectivity) => onConnectivityPushed(ctx, connectivity)),
    api.on('jobs.changed', (jobs) => onJobsPushed(ctx, jobs)),
    api.on('printers.changed', (setup) => onPrintersPushed(ctx, setup)),
    api.on('session.changed', (session) => onSessionPushed(ctx, session)),
    api.on('shipment.changed', (row) => onShipmentChanged(ctx, row)),
    // The Day screen's figures move with every shipment and job: read them again while open.
    api.on('shipment.changed', () => onDayChanged(ctx, dayTimers)),
    api.on('jobs.changed', () => onDayChanged(ctx, dayTimers)),
    api.on('batch.changed', (view) => onBatchChanged(ctx, batchPushes, view)),
    api.on('settings.shared', ({ areas }) => onSettingsShared(ctx, areas)),
  ];
  if (host) {
    set({ host: host.state });
    stops.push(
      host.subscribe((state) => {
        const was = get().host;
        set({ host: state });
        // Events sent while the socket was down are lost: read the truth again.
        if (state === 'connected' && was === 'disconnected') {
          // The status carries the accounts, so the reconnect banner is read again too.
          void loadStatus(ctx);
          void loadRecent(ctx);
          void get().loadNextScan();
          void get().loadSession();
          if (get().queueOpen) void get().loadJobs();
          // The header shows the label printer on every screen, so always read it again.
          void get().loadPrinters();
          if (get().screen === 'accounts') void get().loadMerchants();
          if (get().screen === 'shipments') void get().loadShipments();
          if (get().screen === 'day') void get().loadDay();
          if (get().screen === 'warehouse') void get().loadWarehouse();
          // The header follows a running batch on every screen.
          void get().loadBatches();
          if (get().screen === 'batch') void get().loadOpenOrders();
        }
      }),
    );
  }
  void loadStatus(ctx);
  void loadRecent(ctx);
  void get().loadNextScan();
  void get().loadPrinters();
  void get().loadSession();
  // A batch resumed after a restart runs before anyone opens its screen: the header shows it.
  void get().loadBatches();
  return () => {
    if (dayTimers.reload !== null) clearTimeout(dayTimers.reload);
    stops.forEach((stop) => stop());
  };
}

export function createStationStore(api: PackdeskApi, host: HostConnection | null): StationStore {
  return createStore<StationState>()((set, get) => {
    const ctx = createSliceContext(api, host, set, get);
    const tokens = createScanTokens();
    const batchPushes = createBatchPushes(ctx);
    return {
      ...connectionSlice(ctx),
      ...scanSlice(ctx, tokens),
      ...nextLabelSlice(ctx),
      ...queueSlice(ctx),
      ...printersSlice(ctx),
      ...customsSlice(ctx),
      ...accountsSlice(ctx),
      ...demoSlice(ctx),
      ...packersSlice(ctx),
      ...shipmentsSlice(ctx),
      ...returnsSlice(ctx),
      ...daySlice(ctx),
      ...batchSlice(ctx, batchPushes),
      ...routingSlice(ctx),
      ...servicePointsSlice(ctx),
      ...warehouseSlice(ctx),
      ...uiSlice(ctx),
      start: () => start(ctx, tokens, batchPushes),
    };
  });
}

export const StationStoreContext = createContext<StationStore | null>(null);

export function useStation<T>(selector: (state: StationState) => T): T {
  const store = useContext(StationStoreContext);
  if (!store) throw new Error('useStation needs a StationStoreContext provider.');
  return useStore(store, selector);
}
