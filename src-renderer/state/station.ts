// The renderer's one store: what the station is, how the host connection is, the last scans and
// the scan the big panel follows. Built around an injected API so nothing here reads globals.
// Sendcloud keys pass through the account actions as arguments and are never kept in the store.
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type {
  AccountChoices,
  AccountView,
  AppErrorData,
  BillingExport,
  CommandInput,
  Connectivity,
  DemoFaults,
  JobView,
  LabelPreview,
  MerchantView,
  OutboxSettings,
  PackdeskApi,
  PrinterDiscovery,
  PrinterDocument,
  PrinterFault,
  PrinterSetup,
  Result,
  ScanEntry,
  StationStatus,
  TestPrint,
} from '../../src-shared';
import type { HostConnection, HostConnectionState } from '../bridge/web-bridge';
import {
  applyAccountAnswer,
  needsOnboarding,
  type AccountChanges,
  type AddAccountInput,
  type DateRange,
  type KeysDraft,
  type SaveMerchantInput,
} from './accounts';
import { applyJobAnswer, newerConnectivity } from './outbox';
import type { AddPrinterInput } from './printers';
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

export type PrinterActionName = 'test' | 'remove' | 'update';

/** A test print, removal or edit a packer asked for on one printer; a test print's outcome. */
export type PrinterAction =
  | { kind: 'pending'; action: PrinterActionName }
  | { kind: 'failed'; action: PrinterActionName; error: AppErrorData }
  | { kind: 'tested'; result: TestPrint };

/** Adding a printer or asking every printer now: on its way, or refused and why. */
export type Pending = { kind: 'pending' } | { kind: 'failed'; error: AppErrorData };

/** A document's new printer (null: none), on its way or refused, so "Try again" can resend it. */
export type RouteAction =
  | { kind: 'pending'; printerId: string | null }
  | { kind: 'failed'; printerId: string | null; error: AppErrorData };

/** Faults being staged on demo mode's virtual printer, or why staging them was refused. */
export type DemoPrinterFaultsState =
  { kind: 'pending'; faults: PrinterFault[] } | { kind: 'failed'; error: AppErrorData };

export type DiscoveryState =
  | { kind: 'running' }
  | { kind: 'done'; result: PrinterDiscovery }
  | { kind: 'failed'; error: AppErrorData };

export type PrinterChanges = Omit<CommandInput<'printers.update'>, 'id'>;

/** Checking keys typed for a new account: on its way, refused, or what they give access to. */
export type VerifyState =
  | { kind: 'pending' }
  | { kind: 'failed'; error: AppErrorData }
  | { kind: 'done'; choices: AccountChoices };

export type AccountActionName = 'update' | 'remove' | 'reconnect';

/** An edit, removal or reconnect a packer asked for on one account. */
export type AccountAction =
  | { kind: 'pending'; action: AccountActionName }
  | { kind: 'failed'; action: AccountActionName; error: AppErrorData };

/** A billing export: on its way, refused, or what it wrote (the CSV itself is not kept). */
export type BillingState =
  | { kind: 'pending' }
  | { kind: 'done'; filename: string; rows: number }
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
  /** The printers, their routes and live status, once read (`printers.list`) or pushed. */
  printers: PrinterSetup | null;
  printersError: AppErrorData | null;
  printersOpen: boolean;
  /** `printers.refresh` asks every printer now; this says it is on its way or failed. */
  printersRefresh: Pending | null;
  /** By printer id. */
  printerActions: Record<string, PrinterAction>;
  routeActions: Partial<Record<PrinterDocument, RouteAction>>;
  /** By where the add came from: `network` for the form, the address for a found printer. */
  printerAdds: Record<string, Pending>;
  discovery: DiscoveryState | null;
  /** Demo mode: faults being staged on the virtual printer, or why that was refused. */
  demoPrinterFaults: DemoPrinterFaultsState | null;
  /** The Sendcloud accounts, from the status, `accounts.list` or `accounts.changed`. */
  accounts: AccountView[] | null;
  accountsError: AppErrorData | null;
  accountsOpen: boolean;
  /** The account whose reconnect form the panel opens at (from the banner), if any. */
  reconnectTarget: string | null;
  /** The onboarding key check; its choices stay until the account is added or the form closed. */
  accountVerify: VerifyState | null;
  accountAdd: Pending | null;
  /** By account id. */
  accountActions: Record<string, AccountAction>;
  merchants: MerchantView[] | null;
  merchantsError: AppErrorData | null;
  /** By merchant id, or `new` for the add form. */
  merchantSaves: Record<string, Pending>;
  merchantRemoves: Record<string, Pending>;
  billing: BillingState | null;

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
  /** Open the Printers panel and read the set-up fresh. */
  openPrinters(): void;
  closePrinters(): void;
  loadPrinters(): Promise<void>;
  /** Ask every printer how it is now, instead of waiting for the next poll. */
  refreshPrinters(): Promise<void>;
  discoverPrinters(): Promise<void>;
  /** Add a printer; `key` names where the request came from, for its pending/failed state. */
  addPrinter(input: AddPrinterInput, key: string): Promise<boolean>;
  updatePrinter(id: string, changes: PrinterChanges): Promise<void>;
  removePrinter(id: string): Promise<void>;
  testPrinter(id: string): Promise<void>;
  routeDocument(document: PrinterDocument, printerId: string | null): Promise<void>;
  setDemoPrinterFaults(faults: PrinterFault[]): Promise<void>;
  /** Open the Accounts panel (at an account's reconnect form) and read accounts and merchants. */
  openAccounts(reconnect?: string): void;
  closeAccounts(): void;
  /** Open one account's reconnect form in the panel, or close it (null). */
  showReconnect(id: string | null): void;
  loadAccounts(): Promise<void>;
  /** Check typed keys with Sendcloud; true when they work and their choices are in `accountVerify`. */
  verifyKeys(keys: KeysDraft): Promise<boolean>;
  /** Forget the key check and its choices (the form was closed or its keys edited). */
  resetOnboarding(): void;
  addAccount(input: AddAccountInput): Promise<AccountView | null>;
  updateAccount(id: string, changes: AccountChanges): Promise<boolean>;
  reconnectAccount(id: string, keys: KeysDraft): Promise<boolean>;
  removeAccount(id: string): Promise<void>;
  loadMerchants(): Promise<void>;
  saveMerchant(input: SaveMerchantInput): Promise<boolean>;
  removeMerchant(id: string): Promise<void>;
  /** Ask for the billing CSV; the caller saves it, the store keeps only its name and rows. */
  exportBilling(range: DateRange): Promise<BillingExport | null>;
}

export type StationStore = StoreApi<StationState>;

export function createStationStore(api: PackdeskApi, host: HostConnection | null): StationStore {
  let token = 0;
  // Counts `jobs.changed` pushes, so a `queue.list` answer older than a push is dropped.
  let jobsPushes = 0;
  // The same for `printers.changed`: every printer command pushes its outcome too, so an answer
  // overtaken by a push is never needed, and applying it could undo a newer status.
  let printersPushes = 0;
  let demoFaultsToken = 0;
  // Counts account lists that arrived as pushes (`accounts.changed`, the pushed status), so an
  // answer sent before one of them cannot put back an account state the push replaced.
  let accountsPushes = 0;
  // Each key check owns `accountVerify` until a newer one (or a reset) starts.
  let verifyToken = 0;

  return createStore<StationState>()((set, get) => {
    /** `withAccounts`: the status's account list is newer than the one held. */
    function applyStatus(status: StationStatus, withAccounts: boolean): void {
      set({
        status,
        statusError: null,
        connectivity: newerConnectivity(get().connectivity, status.connectivity),
        outbox: status.outbox,
      });
      if (withAccounts) setAccounts(status.accounts);
    }

    function onStatusPushed(status: StationStatus): void {
      accountsPushes += 1;
      applyStatus(status, true);
    }

    /** A status read by a command: its accounts count unless a push overtook it. */
    async function statusCommand(call: () => Promise<Result<StationStatus>>) {
      const pushesBefore = accountsPushes;
      const result = await call();
      if (result.ok) applyStatus(result.value, accountsPushes === pushesBefore);
      return result;
    }

    async function loadStatus(): Promise<void> {
      const result = await statusCommand(() => api.station.status({}));
      if (!result.ok) set({ statusError: result.error });
    }

    function setAccounts(accounts: AccountView[]): void {
      // A removed account's pending or failed action has nothing left to show against.
      const known = new Set(accounts.map((account) => account.id));
      const actions = get().accountActions;
      const kept = Object.fromEntries(Object.entries(actions).filter(([id]) => known.has(id)));
      const { reconnectTarget } = get();
      set({
        accounts,
        accountsError: null,
        ...(Object.keys(kept).length !== Object.keys(actions).length
          ? { accountActions: kept }
          : {}),
        ...(reconnectTarget !== null && !known.has(reconnectTarget)
          ? { reconnectTarget: null }
          : {}),
      });
    }

    function onAccountsChanged(accounts: AccountView[]): void {
      accountsPushes += 1;
      setAccounts(accounts);
    }

    /** Apply one account a command answered with, unless a push already said newer. */
    function applyAccount(account: AccountView, pushesBefore: number): void {
      if (accountsPushes !== pushesBefore) return;
      setAccounts(applyAccountAnswer(get().accounts ?? get().status?.accounts ?? [], account));
    }

    function setAccountAction(id: string, action: AccountAction | null): void {
      const accountActions = { ...get().accountActions };
      if (action) accountActions[id] = action;
      else delete accountActions[id];
      set({ accountActions });
    }

    /** Run a command on one account, keeping its pending and failed state by id. */
    async function actOnAccount<T>(
      id: string,
      action: AccountActionName,
      call: () => Promise<Result<T>>,
      apply: (value: T, pushesBefore: number) => void,
    ): Promise<boolean> {
      if (get().accountActions[id]?.kind === 'pending') return false;
      setAccountAction(id, { kind: 'pending', action });
      const pushesBefore = accountsPushes;
      const result = await call();
      if (result.ok) {
        apply(result.value, pushesBefore);
        setAccountAction(id, null);
        if (action === 'reconnect' && get().reconnectTarget === id) set({ reconnectTarget: null });
      } else {
        setAccountAction(id, { kind: 'failed', action, error: result.error });
      }
      return result.ok;
    }

    function setKeyed(
      key: 'merchantSaves' | 'merchantRemoves',
      id: string,
      value: Pending | null,
    ): void {
      const next = { ...get()[key] };
      if (value) next[id] = value;
      else delete next[id];
      set({ [key]: next });
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

    function onPrintersChanged(setup: PrinterSetup): void {
      printersPushes += 1;
      setPrinters(setup);
    }

    function setPrinters(setup: PrinterSetup): void {
      // A removed printer's test result or error has nothing left to show against.
      const known = new Set(setup.printers.map((printer) => printer.id));
      const actions = get().printerActions;
      const kept = Object.fromEntries(Object.entries(actions).filter(([id]) => known.has(id)));
      set({
        printers: setup,
        printersError: null,
        ...(Object.keys(kept).length !== Object.keys(actions).length
          ? { printerActions: kept }
          : {}),
      });
    }

    /** Run a printer command; its set-up answer applies unless a push overtook it. */
    async function printerCommand(
      call: () => Promise<Result<PrinterSetup>>,
    ): Promise<Result<PrinterSetup>> {
      const pushesBefore = printersPushes;
      const result = await call();
      if (result.ok && printersPushes === pushesBefore) setPrinters(result.value);
      return result;
    }

    function setPrinterAction(id: string, action: PrinterAction | null): void {
      const printerActions = { ...get().printerActions };
      if (action) printerActions[id] = action;
      else delete printerActions[id];
      set({ printerActions });
    }

    function setRouteAction(document: PrinterDocument, action: RouteAction | null): void {
      const routeActions = { ...get().routeActions };
      if (action) routeActions[document] = action;
      else delete routeActions[document];
      set({ routeActions });
    }

    function setPrinterAdd(key: string, action: Pending | null): void {
      const printerAdds = { ...get().printerAdds };
      if (action) printerAdds[key] = action;
      else delete printerAdds[key];
      set({ printerAdds });
    }

    async function actOnPrinter(
      id: string,
      action: Exclude<PrinterActionName, 'test'>,
      call: () => Promise<Result<PrinterSetup>>,
    ): Promise<void> {
      if (get().printerActions[id]?.kind === 'pending') return;
      setPrinterAction(id, { kind: 'pending', action });
      const result = await printerCommand(call);
      setPrinterAction(id, result.ok ? null : { kind: 'failed', action, error: result.error });
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
      printers: null,
      printersError: null,
      printersOpen: false,
      printersRefresh: null,
      printerActions: {},
      routeActions: {},
      printerAdds: {},
      discovery: null,
      demoPrinterFaults: null,
      accounts: null,
      accountsError: null,
      accountsOpen: false,
      reconnectTarget: null,
      accountVerify: null,
      accountAdd: null,
      accountActions: {},
      merchants: null,
      merchantsError: null,
      merchantSaves: {},
      merchantRemoves: {},
      billing: null,

      start() {
        const stops = [
          api.on('scan.updated', onScanUpdated),
          api.on('station.status', onStatusPushed),
          api.on('accounts.changed', onAccountsChanged),
          api.on('connectivity.changed', (incoming) =>
            set({ connectivity: newerConnectivity(get().connectivity, incoming) }),
          ),
          api.on('jobs.changed', onJobsChanged),
          api.on('printers.changed', onPrintersChanged),
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
                void loadStatus();
                void loadRecent();
                if (get().queueOpen) void get().loadJobs();
                // The header shows the label printer on every screen, so always read it again.
                void get().loadPrinters();
                if (get().accountsOpen) void get().loadMerchants();
              }
            }),
          );
        }
        void loadStatus();
        void loadRecent();
        void get().loadPrinters();
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
        const result = await statusCommand(() => api.orders.sync({}));
        if (result.ok) {
          set({ syncing: false });
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

      openPrinters() {
        if (get().printersOpen) return;
        // One set-up panel at a time beside the scan screen, so the result stays readable.
        if (get().accountsOpen) get().closeAccounts();
        set({ printersOpen: true, printersRefresh: null });
        void get().loadPrinters();
      },

      closePrinters() {
        set({ printersOpen: false });
      },

      async loadPrinters() {
        const pushesBefore = printersPushes;
        const result = await api.printers.list({});
        if (!result.ok) set({ printersError: result.error });
        else if (printersPushes === pushesBefore) setPrinters(result.value);
      },

      async refreshPrinters() {
        if (get().printersRefresh?.kind === 'pending') return;
        set({ printersRefresh: { kind: 'pending' } });
        const result = await printerCommand(() => api.printers.refresh({}));
        set({ printersRefresh: result.ok ? null : { kind: 'failed', error: result.error } });
      },

      async discoverPrinters() {
        if (get().discovery?.kind === 'running') return;
        set({ discovery: { kind: 'running' } });
        const result = await api.printers.discover({});
        set({
          discovery: result.ok
            ? { kind: 'done', result: result.value }
            : { kind: 'failed', error: result.error },
        });
      },

      async addPrinter(input, key) {
        if (get().printerAdds[key]?.kind === 'pending') return false;
        setPrinterAdd(key, { kind: 'pending' });
        const result = await printerCommand(() => api.printers.add(input));
        setPrinterAdd(key, result.ok ? null : { kind: 'failed', error: result.error });
        const { discovery } = get();
        if (result.ok && discovery?.kind === 'done') {
          // The found list was read before the add: mark this one as set up now.
          const printers = discovery.result.printers.map((found) =>
            found.address === input.address ? { ...found, added: true } : found,
          );
          set({ discovery: { kind: 'done', result: { ...discovery.result, printers } } });
        }
        return result.ok;
      },

      updatePrinter(id, changes) {
        return actOnPrinter(id, 'update', () => api.printers.update({ id, ...changes }));
      },

      removePrinter(id) {
        return actOnPrinter(id, 'remove', () => api.printers.remove({ id }));
      },

      async testPrinter(id) {
        if (get().printerActions[id]?.kind === 'pending') return;
        setPrinterAction(id, { kind: 'pending', action: 'test' });
        const result = await api.printers.test({ id });
        setPrinterAction(
          id,
          result.ok
            ? { kind: 'tested', result: result.value }
            : { kind: 'failed', action: 'test', error: result.error },
        );
      },

      async routeDocument(document, printerId) {
        if (get().routeActions[document]?.kind === 'pending') return;
        setRouteAction(document, { kind: 'pending', printerId });
        const result = await printerCommand(() => api.printers.route({ document, printerId }));
        setRouteAction(
          document,
          result.ok ? null : { kind: 'failed', printerId, error: result.error },
        );
      },

      async setDemoPrinterFaults(faults) {
        demoFaultsToken += 1;
        const mine = demoFaultsToken;
        set({ demoPrinterFaults: { kind: 'pending', faults } });
        const result = await printerCommand(() => api.demo.printerFaults({ faults }));
        // A later toggle owns the state now; its own answer settles it.
        if (mine !== demoFaultsToken) return;
        set({ demoPrinterFaults: result.ok ? null : { kind: 'failed', error: result.error } });
      },

      openAccounts(reconnect) {
        set({ reconnectTarget: reconnect ?? null, printersOpen: false });
        if (get().accountsOpen) return;
        set({ accountsOpen: true, billing: null });
        void get().loadAccounts();
        void get().loadMerchants();
      },

      closeAccounts() {
        set({ accountsOpen: false, reconnectTarget: null });
        // Choices read with the typed keys belong to the panel's add form: closing it forgets
        // them. While onboarding is the screen, the add form is there, not in the panel.
        if (!needsOnboarding(get().status, get().accounts)) get().resetOnboarding();
      },

      showReconnect(id) {
        set({ reconnectTarget: id });
      },

      async loadAccounts() {
        const pushesBefore = accountsPushes;
        const result = await api.accounts.list({});
        if (!result.ok) set({ accountsError: result.error });
        else if (accountsPushes === pushesBefore) setAccounts(result.value);
      },

      async verifyKeys(keys) {
        verifyToken += 1;
        const mine = verifyToken;
        set({ accountVerify: { kind: 'pending' }, accountAdd: null });
        const result = await api.accounts.verify({
          publicKey: keys.publicKey,
          secretKey: keys.secretKey,
        });
        // The form was closed or its keys edited meanwhile: this answer is for keys gone.
        if (mine !== verifyToken) return false;
        set({
          accountVerify: result.ok
            ? { kind: 'done', choices: result.value }
            : { kind: 'failed', error: result.error },
        });
        return result.ok;
      },

      resetOnboarding() {
        verifyToken += 1;
        set({ accountVerify: null, accountAdd: null });
      },

      async addAccount(input) {
        if (get().accountAdd?.kind === 'pending') return null;
        set({ accountAdd: { kind: 'pending' } });
        const pushesBefore = accountsPushes;
        const result = await api.accounts.add(input);
        if (!result.ok) {
          set({ accountAdd: { kind: 'failed', error: result.error } });
          return null;
        }
        applyAccount(result.value, pushesBefore);
        verifyToken += 1;
        set({ accountAdd: null, accountVerify: null });
        return result.value;
      },

      updateAccount(id, changes) {
        return actOnAccount(
          id,
          'update',
          () => api.accounts.update({ id, ...changes }),
          applyAccount,
        );
      },

      reconnectAccount(id, keys) {
        return actOnAccount(
          id,
          'reconnect',
          () =>
            api.accounts.reconnect({ id, publicKey: keys.publicKey, secretKey: keys.secretKey }),
          applyAccount,
        );
      },

      async removeAccount(id) {
        await actOnAccount(
          id,
          'remove',
          () => api.accounts.remove({ id }),
          (accounts, pushesBefore) => {
            if (accountsPushes === pushesBefore) setAccounts(accounts);
          },
        );
      },

      async loadMerchants() {
        const result = await api.merchants.list({});
        if (result.ok) set({ merchants: result.value, merchantsError: null });
        else set({ merchantsError: result.error });
      },

      async saveMerchant(input) {
        const key = input.id ?? 'new';
        if (get().merchantSaves[key]?.kind === 'pending') return false;
        setKeyed('merchantSaves', key, { kind: 'pending' });
        const result = await api.merchants.save(input);
        if (result.ok) set({ merchants: result.value, merchantsError: null });
        setKeyed('merchantSaves', key, result.ok ? null : { kind: 'failed', error: result.error });
        return result.ok;
      },

      async removeMerchant(id) {
        if (get().merchantRemoves[id]?.kind === 'pending') return;
        setKeyed('merchantRemoves', id, { kind: 'pending' });
        const result = await api.merchants.remove({ id });
        if (result.ok) set({ merchants: result.value, merchantsError: null });
        setKeyed('merchantRemoves', id, result.ok ? null : { kind: 'failed', error: result.error });
      },

      async exportBilling(range) {
        if (get().billing?.kind === 'pending') return null;
        set({ billing: { kind: 'pending' } });
        const result = await api.billing.export(range);
        set({
          billing: result.ok
            ? { kind: 'done', filename: result.value.filename, rows: result.value.rows }
            : { kind: 'failed', error: result.error },
        });
        return result.ok ? result.value : null;
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
