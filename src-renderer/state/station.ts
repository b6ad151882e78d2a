// The renderer's one store: what the station is, how the host connection is, the last scans and
// the scan the big panel follows. Built around an injected API so nothing here reads globals.
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type {
  AppErrorData,
  Connectivity,
  DemoFaults,
  JobView,
  LabelPreview,
  OutboxSettings,
  PackdeskApi,
  ScanEntry,
  StationStatus,
} from '../../src-preload/contract';
import type { HostConnection, HostConnectionState } from '../../src-preload/web-bridge';
import { applyJobAnswer, newerConnectivity } from './outbox';
import { mergeScans, recentLimit, startedAtMs, type CurrentScan } from './scans';

/** `ipc` inside Electron (always there); the socket state in a browser on the loopback host. */
export type HostState = 'ipc' | HostConnectionState;

export type PreviewState =
  | { kind: 'loading'; trackingNumber: string }
  | { kind: 'ready'; preview: LabelPreview }
  | { kind: 'failed'; trackingNumber: string; error: AppErrorData };

/** A retry or cancel a packer asked for on one job: on its way, or turned down and why. */
export type JobAction =
  | { kind: 'pending'; action: 'retry' | 'cancel' }
  | { kind: 'failed'; action: 'retry' | 'cancel'; error: AppErrorData };

export type PrintHeldState =
  | { kind: 'pending' }
  | { kind: 'done'; released: number }
  | { kind: 'failed'; error: AppErrorData };

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
  /** Whether Sendcloud is reachable and how many jobs the outbox holds; null until known. */
  connectivity: Connectivity | null;
  /** The active outbox jobs, once loaded (`queue.list`) or pushed (`jobs.changed`). */
  jobs: JobView[] | null;
  jobsError: AppErrorData | null;
  /** Retries and cancels in progress or refused, by job id. */
  jobActions: Record<string, JobAction>;
  printHeld: PrintHeldState | null;
  outbox: OutboxSettings | null;
  outboxError: AppErrorData | null;
  queueOpen: boolean;
  /** Demo mode's injected Sendcloud faults, once loaded. */
  demoFaults: DemoFaults | null;
  demoFaultsError: AppErrorData | null;

  /** Load the status and recent scans, subscribe to events. Returns the teardown. */
  start(): () => void;
  submitScan(code: string): Promise<void>;
  syncOrders(): Promise<void>;
  showPreview(trackingNumber: string): Promise<void>;
  closePreview(): void;
  /** Open the queue panel and read the outbox and its settings fresh. */
  openQueue(): void;
  closeQueue(): void;
  loadJobs(): Promise<void>;
  retryJob(id: string): Promise<void>;
  cancelJob(id: string): Promise<void>;
  printHeldLabels(): Promise<void>;
  loadOutboxSettings(): Promise<void>;
  changeOutboxSettings(change: Partial<OutboxSettings>): Promise<boolean>;
  loadDemoFaults(): Promise<void>;
  applyDemoFaults(faults: DemoFaults): Promise<boolean>;
}

export type StationStore = StoreApi<StationState>;

export function createStationStore(api: PackdeskApi, host: HostConnection | null): StationStore {
  let token = 0;
  // Counts `jobs.changed` pushes, so a `queue.list` answer older than a push is dropped.
  let jobsPushes = 0;

  return createStore<StationState>()((set, get) => {
    function applyStatus(status: StationStatus): void {
      set({
        status,
        statusError: null,
        connectivity: newerConnectivity(get().connectivity, status.connectivity),
        outbox: status.outbox,
      });
    }

    async function loadStatus(): Promise<void> {
      const result = await api.station.status({});
      if (result.ok) applyStatus(result.value);
      else set({ statusError: result.error });
    }

    function setJobs(jobs: JobView[]): void {
      const { connectivity } = get();
      set({
        jobs,
        jobsError: null,
        // The pushed list is every job not done: the queue length, without waiting for a report.
        ...(connectivity ? { connectivity: { ...connectivity, queueLength: jobs.length } } : {}),
      });
    }

    function onJobsChanged(jobs: JobView[]): void {
      jobsPushes += 1;
      setJobs(jobs);
    }

    function setJobAction(id: string, action: JobAction | null): void {
      const jobActions = { ...get().jobActions };
      if (action) jobActions[id] = action;
      else delete jobActions[id];
      set({ jobActions });
    }

    async function actOnJob(id: string, action: 'retry' | 'cancel'): Promise<void> {
      if (get().jobActions[id]?.kind === 'pending') return;
      setJobAction(id, { kind: 'pending', action });
      const result =
        action === 'retry' ? await api.queue.retry({ id }) : await api.queue.cancel({ id });
      if (result.ok) {
        const { jobs } = get();
        if (jobs) set({ jobs: applyJobAnswer(jobs, result.value) });
        setJobAction(id, null);
      } else {
        setJobAction(id, { kind: 'failed', action, error: result.error });
      }
    }

    async function loadRecent(): Promise<void> {
      const result = await api.scan.recent({ limit: recentLimit });
      if (result.ok) set({ scans: mergeScans(get().scans, result.value), recentError: null });
      else set({ recentError: result.error });
    }

    function onScanUpdated(entry: ScanEntry): void {
      const { scans, current } = get();
      const known = scans.some((scan) => scan.id === entry.id);
      const newest = scans[0];
      let next = current;
      if (current?.kind === 'entry' && current.id === entry.id) {
        next = { ...current, entry };
      } else if (!known && current?.kind === 'pending' && entry.code === current.code) {
        // The host reported progress before our submit call returned: follow it now.
        next = { kind: 'entry', token: current.token, id: entry.id, entry };
      } else if (
        !known &&
        current?.kind !== 'pending' &&
        entry.state === 'working' &&
        (!newest || startedAtMs(entry) >= startedAtMs(newest))
      ) {
        // A scan that started elsewhere (another window on this station) takes the panel; an old
        // queued scan the outbox is draining does not.
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
      connectivity: null,
      jobs: null,
      jobsError: null,
      jobActions: {},
      printHeld: null,
      outbox: null,
      outboxError: null,
      queueOpen: false,
      demoFaults: null,
      demoFaultsError: null,

      start() {
        const stops = [
          api.on('scan.updated', onScanUpdated),
          api.on('station.status', applyStatus),
          api.on('connectivity.changed', (incoming) =>
            set({ connectivity: newerConnectivity(get().connectivity, incoming) }),
          ),
          api.on('jobs.changed', onJobsChanged),
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
                if (get().queueOpen) void get().loadJobs();
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
        if (result.ok) {
          set({ syncing: false });
          applyStatus(result.value);
        } else {
          set({ syncing: false, syncError: result.error });
        }
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

      openQueue() {
        if (get().queueOpen) return;
        set({ queueOpen: true, printHeld: null });
        void get().loadJobs();
        void get().loadOutboxSettings();
      },

      closeQueue() {
        set({ queueOpen: false });
      },

      async loadJobs() {
        const pushesBefore = jobsPushes;
        const result = await api.queue.list({});
        if (!result.ok) {
          set({ jobsError: result.error });
          return;
        }
        // A push that arrived while the list was on its way is newer than the list.
        if (jobsPushes !== pushesBefore) return;
        setJobs(result.value);
      },

      retryJob(id) {
        return actOnJob(id, 'retry');
      },

      cancelJob(id) {
        return actOnJob(id, 'cancel');
      },

      async printHeldLabels() {
        if (get().printHeld?.kind === 'pending') return;
        set({ printHeld: { kind: 'pending' } });
        const result = await api.queue.printHeld({});
        set({
          printHeld: result.ok
            ? { kind: 'done', released: result.value.released }
            : { kind: 'failed', error: result.error },
        });
      },

      async loadOutboxSettings() {
        const result = await api.outbox.settings({});
        if (result.ok) set({ outbox: result.value, outboxError: null });
        else set({ outboxError: result.error });
      },

      async changeOutboxSettings(change) {
        const result = await api.outbox.settings(change);
        if (result.ok) set({ outbox: result.value, outboxError: null });
        else set({ outboxError: result.error });
        return result.ok;
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
