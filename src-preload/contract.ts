// The one border between the renderer and the main process.
// Every command the renderer may call is listed here with a zod schema for its input and
// the type of its output; every event main pushes is listed with its payload type.
// Both transports (Electron IPC and the loopback browser host) are built from this file.
import { z } from 'zod';

/** The closed set of error codes that may cross the border. */
export const errorCodes = [
  'invalid-input',
  'unknown-command',
  'forbidden',
  'order-not-found',
  'already-labelled',
  'offline',
  'auth-failed',
  'rate-limited',
  'sendcloud-error',
  'label-invalid',
  'label-stale',
  'cancelled',
  'printer-offline',
  'printer-error',
  'printer-fault',
  'keychain-unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface AppErrorData {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}

// ---------------------------------------------------------------------------------------------
// Shared payload types

/**
 * `queued`: the scan is safe in the outbox and will finish by itself (offline, Sendcloud busy,
 * printer down, held for a batch) or is waiting for a packer's go-ahead; `waitingReason` says which.
 */
export type ScanState = 'working' | 'queued' | 'printed' | 'failed';

/** One scan as the station saw it, from the moment it arrived to its outcome. */
export interface ScanEntry {
  id: string;
  code: string;
  state: ScanState;
  /** What the station is doing right now, or what it did, in a few words. */
  step: string;
  orderNumber: string | null;
  trackingNumber: string | null;
  carrier: string | null;
  error: AppErrorData | null;
  /** ISO 8601 times. */
  startedAt: string;
  finishedAt: string | null;
  /** True when the scan was a tracking number and the stored label was printed again. */
  reprint: boolean;
  /** The outbox job carrying this scan, once there is one. */
  jobId: string | null;
  /** Why a queued scan waits, in a packer's words. */
  waitingReason: string | null;
  /** Something a packer should know about a printed label, e.g. a dpi mismatch worked around. */
  warning: string | null;
}

export type JobKind = 'create-label' | 'print' | 'sync-orders';
/**
 * queued → in-flight → done; or → waiting (retries by itself at `nextAttemptAt`), → held (a
 * label kept for a batch print), → needs-attention (a packer decides: retry or cancel).
 */
export type JobState =
  'queued' | 'in-flight' | 'waiting' | 'held' | 'needs-attention' | 'done' | 'cancelled';

/** One job of the durable outbox, as the queue panel shows it. */
export interface JobView {
  id: string;
  kind: JobKind;
  state: JobState;
  orderNumber: string | null;
  /** The scanned code that started it, if a scan did. */
  code: string | null;
  trackingNumber: string | null;
  attempts: number;
  /** ISO time of the next try, for waiting jobs. */
  nextAttemptAt: string | null;
  lastError: AppErrorData | null;
  /** Why the job waits or needs attention, in a packer's words. */
  reason: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Connectivity {
  online: boolean;
  /** ISO time of the last change. */
  since: string;
  /** Jobs not yet done: queued, in flight, waiting, held or needing attention. */
  queueLength: number;
  lastError: AppErrorData | null;
}

export interface OutboxSettings {
  /** When queued labels come back from Sendcloud: print as they come, or hold for a batch print. */
  drainMode: 'print' | 'hold';
  /** A label queued longer than this asks before printing. */
  staleAfterMinutes: number;
}

export interface StationStatus {
  mode: 'demo' | 'live';
  sendcloudUrl: string;
  integration: { id: number; name: string } | null;
  /** The printer labels go to, or null when none is set up. */
  printer: { name: string; address: string } | null;
  ordersCached: number;
  /** When the order cache was last synced from Sendcloud, or null if never. */
  ordersSyncedAt: string | null;
  /** Why the last order sync failed, if it did. */
  syncError: AppErrorData | null;
  connectivity: Connectivity;
  outbox: OutboxSettings;
  /** Every Sendcloud account and its state, so a reconnect shows on every screen. */
  accounts: AccountView[];
  /** Why keys cannot be read or stored (keychain locked or missing), or null. */
  keychainError: AppErrorData | null;
}

/**
 * `connected`: keys work. `reconnect`: Sendcloud answered 401 (keys changed or revoked); its
 * queued jobs wait until new keys are given. `locked`: the OS keychain would not give the keys.
 */
export type AccountState = 'connected' | 'reconnect' | 'locked';

/** A Sendcloud account the station ships with. Never carries a key. */
export interface AccountView {
  id: string;
  name: string;
  state: AccountState;
  /** Why it is not connected, in a packer's words. */
  stateReason: string | null;
  /** Sendcloud API generation the account uses for imports: v2 accounts predate 13 April 2026. */
  api: 'v3' | 'v2';
  integrationId: number;
  senderAddressId: number | null;
  brandId: number | null;
  /** The default shipping option code; null: the order's own or the account's rules. */
  shippingOptionCode: string | null;
  /** Labels use Sendcloud's free unstamped letter (`sendcloud:letter`): training, nothing paid. */
  testMode: boolean;
  /** Set by PACKDESK_SENDCLOUD_* (headless): cannot be edited or removed here. */
  fixed: boolean;
  createdAt: string;
}

/** What an account's keys give access to, for the onboarding choices. */
export interface AccountChoices {
  integrations: { id: number; name: string }[];
  senderAddresses: { id: number; label: string }[];
  brands: { id: number; name: string }[];
  shippingOptions: { code: string; name: string; carrier: string }[];
}

/**
 * How a merchant of a marketplace ships. `centralised`: the marketplace account makes its labels
 * (billed per merchant). `decentralised`: its orders go into the merchant's own Sendcloud account,
 * without a label, for the merchant to process there.
 */
export type MerchantMode = 'centralised' | 'decentralised';

export interface MerchantView {
  id: string;
  name: string;
  /** Orders whose number starts with this belong to the merchant, e.g. `ACME-`. */
  orderPrefix: string;
  mode: MerchantMode;
  /** The merchant's own account (decentralised), or null. */
  accountId: string | null;
  createdAt: string;
}

/** One CSV of labels made per merchant per day, for billing. */
export interface BillingExport {
  filename: string;
  csv: string;
  rows: number;
}

export interface LabelPreview {
  trackingNumber: string;
  format: 'zpl' | 'pdf';
  /** The label rendered to PNG, base64. */
  pngBase64: string;
}

export { describeFaults, faultText, printerFaults, type PrinterFault } from './printer-faults';
import type { PrinterFault } from './printer-faults';
import { printerFaults } from './printer-faults';

export type PrinterTransportName = 'tcp' | 'usb' | 'cups' | 'windows';
export type PrinterDocument = 'zpl-label' | 'pdf-label' | 'a4-document';
export const printerDocuments = ['zpl-label', 'pdf-label', 'a4-document'] as const;

/** A printer's live state, as the last status query found it. */
export interface PrinterStatusView {
  reachable: boolean;
  faults: PrinterFault[];
  /** Jobs the printer holds but has not printed, when it says. */
  pending: number | null;
  /** The resolution the printer reports, when it does. */
  dpi: number | null;
  source: 'printer' | 'spooler' | 'none';
  message: string;
  /** ISO time of the query; null before the first. */
  checkedAt: string | null;
}

export interface PrinterView {
  id: string;
  name: string;
  transport: PrinterTransportName;
  address: string;
  language: 'zpl' | 'pdf';
  /** The resolution set up for it (a printer that reports its own wins; see `status.dpi`). */
  dpi: 203 | 300 | 600;
  /** PDF printers: A6 label paper, or A4 sheets with the label in one quarter. */
  paper: 'A6' | 'A4';
  /** On A4: 0 top left, 1 top right, 2 bottom left, 3 bottom right. */
  position: 0 | 1 | 2 | 3;
  /** Set up by the environment or demo mode: it cannot be edited or removed here. */
  fixed: boolean;
  status: PrinterStatusView;
}

export interface PrinterSetup {
  printers: PrinterView[];
  /** Which printer takes which document, by printer id. */
  routes: Record<PrinterDocument, string | null>;
}

/** A printer found on USB or in the OS print queues. */
export interface DiscoveredPrinter {
  transport: 'usb' | 'cups' | 'windows';
  address: string;
  name: string;
  language: 'zpl' | 'pdf';
  /** e.g. "Zebra ZD421, serial D4J1234", "Local Raw Printer". */
  detail: string;
  /** Why it cannot be used as it is (permissions, another driver holds it), or null. */
  problem: string | null;
  /** Already set up here. */
  added: boolean;
}

export interface PrinterDiscovery {
  printers: DiscoveredPrinter[];
  /** What could not be searched and why, e.g. "No OS print service is running." */
  notes: string[];
}

export interface TestPrint {
  printerId: string;
  status: PrinterStatusView;
  warning: string | null;
}

/** Faults the embedded Sendcloud simulator injects, so a demo can show how the station copes. */
export interface DemoFaults {
  /** Added to every Sendcloud call. */
  latencyMs: number;
  /** 0..1 of calls answered with `errorStatus`. */
  errorRate: number;
  errorStatus: 429 | 500 | 503;
  /** 0..1 of calls never answered. */
  timeoutRate: number;
  /** 0..1 of writes applied by Sendcloud whose answer is lost on the way. */
  lostResponseRate: number;
}

// ---------------------------------------------------------------------------------------------
// Input schemas

const scanCode = z
  .string()
  .trim()
  .min(1, 'The scan is empty.')
  .max(100, 'The scan is longer than any order number or tracking number.')
  // Barcodes and order numbers are printable ASCII; control characters mean a scanner misread.
  .regex(/^[\x20-\x7E]+$/, 'The scan contains characters no barcode holds.');

export const commands = {
  'station.status': { input: z.object({}).strict(), output: {} as StationStatus },
  'scan.submit': { input: z.object({ code: scanCode }).strict(), output: {} as ScanEntry },
  'scan.recent': {
    input: z.object({ limit: z.number().int().min(1).max(100).default(20) }).strict(),
    output: [] as ScanEntry[],
  },
  'orders.sync': { input: z.object({}).strict(), output: {} as StationStatus },
  'label.preview': {
    input: z.object({ trackingNumber: z.string().trim().min(1).max(100) }).strict(),
    output: {} as LabelPreview,
  },
  'queue.list': { input: z.object({}).strict(), output: [] as JobView[] },
  'queue.retry': {
    input: z.object({ id: z.string().min(1).max(64) }).strict(),
    output: {} as JobView,
  },
  'queue.cancel': {
    input: z.object({ id: z.string().min(1).max(64) }).strict(),
    output: {} as JobView,
  },
  'queue.printHeld': { input: z.object({}).strict(), output: {} as { released: number } },
  'outbox.settings': {
    input: z
      .object({
        drainMode: z.enum(['print', 'hold']).optional(),
        staleAfterMinutes: z
          .number()
          .int()
          .min(1)
          .max(7 * 24 * 60)
          .optional(),
      })
      .strict(),
    output: {} as OutboxSettings,
  },
  'printers.list': { input: z.object({}).strict(), output: {} as PrinterSetup },
  'printers.discover': { input: z.object({}).strict(), output: {} as PrinterDiscovery },
  'printers.add': {
    input: z
      .object({
        name: z.string().trim().min(1, 'Give the printer a name.').max(80),
        transport: z.enum(['tcp', 'usb', 'cups', 'windows']),
        address: z.string().trim().min(1, 'Give the printer an address.').max(300),
        language: z.enum(['zpl', 'pdf']),
        dpi: z.union([z.literal(203), z.literal(300), z.literal(600)]).default(203),
        paper: z.enum(['A6', 'A4']).default('A6'),
        position: z.number().int().min(0).max(3).default(0),
      })
      .strict(),
    output: {} as PrinterSetup,
  },
  'printers.update': {
    input: z
      .object({
        id: z.string().min(1).max(64),
        name: z.string().trim().min(1).max(80).optional(),
        dpi: z.union([z.literal(203), z.literal(300), z.literal(600)]).optional(),
        paper: z.enum(['A6', 'A4']).optional(),
        position: z.number().int().min(0).max(3).optional(),
      })
      .strict(),
    output: {} as PrinterSetup,
  },
  'printers.remove': {
    input: z.object({ id: z.string().min(1).max(64) }).strict(),
    output: {} as PrinterSetup,
  },
  'printers.route': {
    input: z
      .object({
        document: z.enum(printerDocuments),
        printerId: z.string().min(1).max(64).nullable(),
      })
      .strict(),
    output: {} as PrinterSetup,
  },
  'printers.test': {
    input: z.object({ id: z.string().min(1).max(64) }).strict(),
    output: {} as TestPrint,
  },
  'printers.refresh': { input: z.object({}).strict(), output: {} as PrinterSetup },
  'accounts.list': { input: z.object({}).strict(), output: [] as AccountView[] },
  'accounts.verify': {
    input: z
      .object({
        publicKey: z.string().trim().min(1, 'Enter the public key.').max(200),
        secretKey: z.string().trim().min(1, 'Enter the secret key.').max(200),
      })
      .strict(),
    output: {} as AccountChoices,
  },
  'accounts.add': {
    input: z
      .object({
        publicKey: z.string().trim().min(1, 'Enter the public key.').max(200),
        secretKey: z.string().trim().min(1, 'Enter the secret key.').max(200),
      })
      .extend({
        name: z.string().trim().min(1, 'Give the account a name.').max(80),
        api: z.enum(['v3', 'v2']).default('v3'),
        integrationId: z.number().int().positive(),
        senderAddressId: z.number().int().positive().nullable().default(null),
        brandId: z.number().int().positive().nullable().default(null),
        shippingOptionCode: z.string().trim().min(1).max(100).nullable().default(null),
        testMode: z.boolean().default(false),
      })
      .strict(),
    output: {} as AccountView,
  },
  'accounts.update': {
    input: z
      .object({
        id: z.string().min(1).max(64),
        name: z.string().trim().min(1).max(80).optional(),
        integrationId: z.number().int().positive().optional(),
        senderAddressId: z.number().int().positive().nullable().optional(),
        brandId: z.number().int().positive().nullable().optional(),
        shippingOptionCode: z.string().trim().min(1).max(100).nullable().optional(),
        testMode: z.boolean().optional(),
      })
      .strict(),
    output: {} as AccountView,
  },
  /** New keys for an account Sendcloud refused (401): checked, stored, its jobs woken. */
  'accounts.reconnect': {
    input: z
      .object({
        publicKey: z.string().trim().min(1, 'Enter the public key.').max(200),
        secretKey: z.string().trim().min(1, 'Enter the secret key.').max(200),
      })
      .extend({ id: z.string().min(1).max(64) })
      .strict(),
    output: {} as AccountView,
  },
  'accounts.remove': {
    input: z.object({ id: z.string().min(1).max(64) }).strict(),
    output: [] as AccountView[],
  },
  'merchants.list': { input: z.object({}).strict(), output: [] as MerchantView[] },
  'merchants.save': {
    input: z
      .object({
        id: z.string().min(1).max(64).optional(),
        name: z.string().trim().min(1, 'Give the merchant a name.').max(80),
        orderPrefix: z
          .string()
          .trim()
          .min(1, 'Give the order number prefix of this merchant.')
          .max(40)
          .regex(/^[\x20-\x7E]+$/, 'An order number prefix is printable ASCII.'),
        mode: z.enum(['centralised', 'decentralised']),
        accountId: z.string().min(1).max(64).nullable().default(null),
      })
      .strict(),
    output: [] as MerchantView[],
  },
  'merchants.remove': {
    input: z.object({ id: z.string().min(1).max(64) }).strict(),
    output: [] as MerchantView[],
  },
  'billing.export': {
    input: z
      .object({
        from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A date like 2026-11-21.'),
        to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A date like 2026-11-21.'),
      })
      .strict(),
    output: {} as BillingExport,
  },
  'demo.faults': { input: z.object({}).strict(), output: {} as DemoFaults },
  'demo.printerFaults': {
    input: z.object({ faults: z.array(z.enum(printerFaults)).max(7) }).strict(),
    output: {} as PrinterSetup,
  },
  'demo.setFaults': {
    input: z
      .object({
        latencyMs: z.number().int().min(0).max(60_000),
        errorRate: z.number().min(0).max(1),
        errorStatus: z.union([z.literal(429), z.literal(500), z.literal(503)]),
        timeoutRate: z.number().min(0).max(1),
        lostResponseRate: z.number().min(0).max(1),
      })
      .strict(),
    output: {} as DemoFaults,
  },
} as const;

export type CommandName = keyof typeof commands;
export type CommandInput<C extends CommandName> = z.input<(typeof commands)[C]['input']>;
export type ParsedInput<C extends CommandName> = z.output<(typeof commands)[C]['input']>;
export type CommandOutput<C extends CommandName> = (typeof commands)[C]['output'];
export const commandNames = Object.keys(commands) as CommandName[];

export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(commands, name);
}

/** Electron IPC channel names, derived from the contract so no channel is typed by hand. */
export const ipcChannels = {
  command: (name: CommandName) => `packdesk:command:${name}`,
  events: 'packdesk:events',
} as const;

/** How an event travels on a transport: one envelope per push. */
export interface EventEnvelope<E extends EventName = EventName> {
  event: E;
  payload: EventMap[E];
}

export interface EventMap {
  'scan.updated': ScanEntry;
  'station.status': StationStatus;
  /** The active outbox (every job not done or cancelled), after any change. */
  'jobs.changed': JobView[];
  'connectivity.changed': Connectivity;
  /** Printers, their routes and live status, after any change. */
  'printers.changed': PrinterSetup;
  /** Every account and its state, after any change (a 401 turns one to `reconnect`). */
  'accounts.changed': AccountView[];
}
export type EventName = keyof EventMap;
export const eventNames: readonly EventName[] = [
  'scan.updated',
  'station.status',
  'jobs.changed',
  'connectivity.changed',
  'printers.changed',
  'accounts.changed',
];

/** Parse a command's raw input, turning zod issues into one `invalid-input` error. */
export function parseInput<C extends CommandName>(name: C, raw: unknown): Result<ParsedInput<C>> {
  const parsed = commands[name].input.safeParse(raw ?? {});
  if (parsed.success) return { ok: true, value: parsed.data as ParsedInput<C> };
  const message = parsed.error.issues
    .map((issue) =>
      issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
    )
    .join('; ');
  return { ok: false, error: { code: 'invalid-input', message } };
}

// ---------------------------------------------------------------------------------------------
// What the renderer sees as `window.packdesk`: one named function per command.

export interface PackdeskApi {
  station: {
    status(input?: CommandInput<'station.status'>): Promise<Result<StationStatus>>;
  };
  scan: {
    submit(input: CommandInput<'scan.submit'>): Promise<Result<ScanEntry>>;
    recent(input?: CommandInput<'scan.recent'>): Promise<Result<ScanEntry[]>>;
  };
  orders: {
    sync(input?: CommandInput<'orders.sync'>): Promise<Result<StationStatus>>;
  };
  label: {
    preview(input: CommandInput<'label.preview'>): Promise<Result<LabelPreview>>;
  };
  queue: {
    list(input?: CommandInput<'queue.list'>): Promise<Result<JobView[]>>;
    retry(input: CommandInput<'queue.retry'>): Promise<Result<JobView>>;
    cancel(input: CommandInput<'queue.cancel'>): Promise<Result<JobView>>;
    printHeld(input?: CommandInput<'queue.printHeld'>): Promise<Result<{ released: number }>>;
  };
  outbox: {
    /** Read the settings, or change some of them. */
    settings(input?: CommandInput<'outbox.settings'>): Promise<Result<OutboxSettings>>;
  };
  printers: {
    list(input?: CommandInput<'printers.list'>): Promise<Result<PrinterSetup>>;
    discover(input?: CommandInput<'printers.discover'>): Promise<Result<PrinterDiscovery>>;
    add(input: CommandInput<'printers.add'>): Promise<Result<PrinterSetup>>;
    update(input: CommandInput<'printers.update'>): Promise<Result<PrinterSetup>>;
    remove(input: CommandInput<'printers.remove'>): Promise<Result<PrinterSetup>>;
    route(input: CommandInput<'printers.route'>): Promise<Result<PrinterSetup>>;
    test(input: CommandInput<'printers.test'>): Promise<Result<TestPrint>>;
    refresh(input?: CommandInput<'printers.refresh'>): Promise<Result<PrinterSetup>>;
  };
  accounts: {
    list(input?: CommandInput<'accounts.list'>): Promise<Result<AccountView[]>>;
    verify(input: CommandInput<'accounts.verify'>): Promise<Result<AccountChoices>>;
    add(input: CommandInput<'accounts.add'>): Promise<Result<AccountView>>;
    update(input: CommandInput<'accounts.update'>): Promise<Result<AccountView>>;
    reconnect(input: CommandInput<'accounts.reconnect'>): Promise<Result<AccountView>>;
    remove(input: CommandInput<'accounts.remove'>): Promise<Result<AccountView[]>>;
  };
  merchants: {
    list(input?: CommandInput<'merchants.list'>): Promise<Result<MerchantView[]>>;
    save(input: CommandInput<'merchants.save'>): Promise<Result<MerchantView[]>>;
    remove(input: CommandInput<'merchants.remove'>): Promise<Result<MerchantView[]>>;
  };
  billing: {
    export(input: CommandInput<'billing.export'>): Promise<Result<BillingExport>>;
  };
  /** Demo mode only: what the embedded Sendcloud and the virtual printer get wrong on purpose. */
  demo: {
    faults(input?: CommandInput<'demo.faults'>): Promise<Result<DemoFaults>>;
    setFaults(input: CommandInput<'demo.setFaults'>): Promise<Result<DemoFaults>>;
    printerFaults(input: CommandInput<'demo.printerFaults'>): Promise<Result<PrinterSetup>>;
  };
  /** Subscribe to an event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void;
}

/**
 * Build the named API from one transport function. Each command gets its own function so a
 * call site names the command it uses; the transport only moves `{ name, input }`.
 */
export function buildApi(
  call: (name: CommandName, input: unknown) => Promise<Result<unknown>>,
  on: PackdeskApi['on'],
): PackdeskApi {
  const typed =
    <C extends CommandName>(name: C) =>
    (input?: CommandInput<C>) =>
      call(name, input ?? {}) as Promise<Result<CommandOutput<C>>>;
  return {
    station: { status: typed('station.status') },
    scan: { submit: typed('scan.submit'), recent: typed('scan.recent') },
    orders: { sync: typed('orders.sync') },
    label: { preview: typed('label.preview') },
    queue: {
      list: typed('queue.list'),
      retry: typed('queue.retry'),
      cancel: typed('queue.cancel'),
      printHeld: typed('queue.printHeld'),
    },
    outbox: { settings: typed('outbox.settings') },
    printers: {
      list: typed('printers.list'),
      discover: typed('printers.discover'),
      add: typed('printers.add'),
      update: typed('printers.update'),
      remove: typed('printers.remove'),
      route: typed('printers.route'),
      test: typed('printers.test'),
      refresh: typed('printers.refresh'),
    },
    accounts: {
      list: typed('accounts.list'),
      verify: typed('accounts.verify'),
      add: typed('accounts.add'),
      update: typed('accounts.update'),
      reconnect: typed('accounts.reconnect'),
      remove: typed('accounts.remove'),
    },
    merchants: {
      list: typed('merchants.list'),
      save: typed('merchants.save'),
      remove: typed('merchants.remove'),
    },
    billing: { export: typed('billing.export') },
    demo: {
      faults: typed('demo.faults'),
      setFaults: typed('demo.setFaults'),
      printerFaults: typed('demo.printerFaults'),
    },
    on,
  };
}

declare global {
  interface Window {
    packdesk: PackdeskApi;
  }
}
