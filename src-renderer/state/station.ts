// The renderer's one store: what the station is, how the host connection is, the last scans and
// the scan the big panel follows. Built around an injected API so nothing here reads globals.
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type {
  AppErrorData,
  DemoFaults,
  LabelPreview,
  PackdeskApi,
  ScanEntry,
  StationStatus,
} from '../../src-preload/contract';
import type { HostConnection, HostConnectionState } from '../../src-preload/web-bridge';
import { mergeScans, recentLimit, type CurrentScan } from './scans';

/** `ipc` inside Electron (always there); the socket state in a browser on the loopback host. */
export type HostState = 'ipc' | HostConnectionState;

export type PreviewState =
  | { kind: 'loading'; trackingNumber: string }
  | { kind: 'ready'; preview: LabelPreview }
  | { kind: 'failed'; trackingNumber: string; error: AppErrorData };

export interface StationState {
  status: StationStatus | null;
  statusError: AppErrorData | null;
  host: HostState;
  syncing: boolean;
  syncError: AppErrorData | null;
  scans: ScanEntry[];
  recentError: AppErrorData | null;
  current: CurrentScan | null;
  preview: PreviewState | null;
  /** Demo mode's injected Sendcloud faults, once loaded. */
  demoFaults: DemoFaults | null;
  demoFaultsError: AppErrorData | null;

  /** Load the status and recent scans, subscribe to events. Returns the teardown. */
  start(): () => void;
  submitScan(code: string): Promise<void>;
  syncOrders(): Promise<void>;
  showPreview(trackingNumber: string): Promise<void>;
  closePreview(): void;
  loadDemoFaults(): Promise<void>;
  applyDemoFaults(faults: DemoFaults): Promise<boolean>;
}

export type StationStore = StoreApi<StationState>;

export function createStationStore(api: PackdeskApi, host: HostConnection | null): StationStore {
  let token = 0;

  return createStore<StationState>()((set, get) => {
    async function loadStatus(): Promise<void> {
      const result = await api.station.status({});
      if (result.ok) set({ status: result.value, statusError: null });
      else set({ statusError: result.error });
    }

    async function loadRecent(): Promise<void> {
      const result = await api.scan.recent({ limit: recentLimit });
      if (result.ok) set({ scans: mergeScans(get().scans, result.value), recentError: null });
      else set({ recentError: result.error });
    }

    function onScanUpdated(entry: ScanEntry): void {
      const { scans, current } = get();
      const known = scans.some((scan) => scan.id === entry.id);
      let next = current;
      if (current?.kind === 'entry' && current.id === entry.id) {
        next = { ...current, entry };
      } else if (!known && current?.kind === 'pending' && entry.code === current.code) {
        // The host reported progress before our submit call returned: follow it now.
        next = { kind: 'entry', token: current.token, id: entry.id, entry };
      } else if (!known && current?.kind !== 'pending' && entry.state === 'working') {
        // A scan that started elsewhere (another window on this station) takes the panel.
        token += 1;
        next = { kind: 'entry', token, id: entry.id, entry };
      }
      set({ scans: mergeScans(scans, [entry]), current: next });
    }

    return {
      status: null,
      statusError: null,
      host: host ? host.state : 'ipc',
      syncing: false,
      syncError: null,
      scans: [],
      recentError: null,
      current: null,
      preview: null,
      demoFaults: null,
      demoFaultsError: null,

      start() {
        const stops = [
          api.on('scan.updated', onScanUpdated),
          api.on('station.status', (status) => set({ status, statusError: null })),
        ];
        if (host) {
          set({ host: host.state });
          stops.push(
            host.subscribe((state) => {
              const was = get().host;
              set({ host: state });
              // Events sent while the socket was down are lost: read the truth again.
              if (state === 'connected' && was === 'disconnected') {
                void loadStatus();
                void loadRecent();
              }
            }),
          );
        }
        void loadStatus();
        void loadRecent();
        return () => stops.forEach((stop) => stop());
      },

      async submitScan(raw) {
        const code = raw.trim();
        if (!code) return;
        token += 1;
        const mine = token;
        set({ current: { kind: 'pending', token: mine, code } });
        const result = await api.scan.submit({ code });
        const { current, scans } = get();
        const stillMine = current !== null && current.token === mine;
        if (result.ok) {
          const entry = result.value;
          set({
            scans: mergeScans(scans, [entry]),
            ...(stillMine ? { current: { kind: 'entry', token: mine, id: entry.id, entry } } : {}),
          });
        } else if (stillMine) {
          set({ current: { kind: 'rejected', token: mine, code, error: result.error } });
        }
      },

      async syncOrders() {
        if (get().syncing) return;
        set({ syncing: true, syncError: null });
        const result = await api.orders.sync({});
        if (result.ok) set({ syncing: false, status: result.value });
        else set({ syncing: false, syncError: result.error });
      },

      async showPreview(trackingNumber) {
        set({ preview: { kind: 'loading', trackingNumber } });
        const result = await api.label.preview({ trackingNumber });
        const shown = get().preview;
        // The packer may have closed it or opened another label meanwhile.
        if (shown?.kind !== 'loading' || shown.trackingNumber !== trackingNumber) return;
        set({
          preview: result.ok
            ? { kind: 'ready', preview: result.value }
            : { kind: 'failed', trackingNumber, error: result.error },
        });
      },

      closePreview() {
        set({ preview: null });
      },

      async loadDemoFaults() {
        const result = await api.demo.faults({});
        if (result.ok) set({ demoFaults: result.value, demoFaultsError: null });
        else set({ demoFaultsError: result.error });
      },

      async applyDemoFaults(faults) {
        const result = await api.demo.setFaults(faults);
        if (result.ok) set({ demoFaults: result.value, demoFaultsError: null });
        else set({ demoFaultsError: result.error });
        return result.ok;
      },
    };
  });
}

export const StationStoreContext = createContext<StationStore | null>(null);

export function useStation<T>(selector: (state: StationState) => T): T {
  const store = useContext(StationStoreContext);
  if (!store) throw new Error('useStation needs a StationStoreContext provider.');
  return useStore(store, selector);
}
