// The shapes main sends the renderer: scans, jobs, status, accounts, printers.
import type { AppErrorData } from './errors';
import type { Message } from './messages';
import type { PrinterFault } from './printer-faults';
import type { ServicePointView } from './views-service-points';
export { printerFaults, type PrinterFault } from './printer-faults';

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
  step: Message;
  orderNumber: string | null;
  trackingNumber: string | null;
  /** The carrier's code (`dhl`); the screen shows its display name. */
  carrier: string | null;
  /**
   * The shipping option the label was made with, by code and by Sendcloud's name for it, and why
   * (a routing rule, the packer's one-off choice, a fallback after a carrier's refusal).
   */
  shippingOption: { code: string; name: string; why?: Message | null } | null;
  error: AppErrorData | null;
  /** ISO 8601 times. */
  startedAt: string;
  finishedAt: string | null;
  /** True when the scan was a tracking number and the stored label was printed again. */
  reprint: boolean;
  /** The outbox job carrying this scan, once there is one. */
  jobId: string | null;
  /** Why a queued scan waits, in a packer's words. */
  waitingReason: Message | null;
  /** Something a packer should know about a printed label, e.g. a dpi mismatch worked around. */
  warning: Message | null;
  /** Who scanned it: the packer signed in; null (or absent) at a station without packers. */
  packer?: { id: string; name: string } | null;
  /** True when the code was a packer's badge: it signed them in and named no order. */
  signIn?: boolean;
  /** True when the code was a command barcode (`PD:BOXES:3`): it changed the next scan. */
  command?: boolean;
  /** The pick-up point the label goes to (service-point orders), once the label is made. */
  servicePoint?: ServicePointView | null;
}

/**
 * What the next order's label takes, set by a key or a command barcode until a label uses it
 * or it is cleared: boxes (null: one), a one-off shipping option (null: as the rules say).
 */
export interface NextScan {
  boxes: number | null;
  optionCode: string | null;
}

/** What a change of the next label did: `applied` says so when it went to a waiting order. */
export interface NextScanSet extends NextScan {
  /** The boxes went to the last scan's order, whose label had not been asked yet. */
  applied: Message | null;
}

/**
 * `batch`: one batch of labels, made and printed in its order (see views-batch). `documents`: a
 * label's customs documents, printed on the A4 route.
 */
export type JobKind = 'create-label' | 'print' | 'sync-orders' | 'void' | 'batch' | 'documents';

/**
 * What a packer chose for one label, kept on its job so a retry or a restart makes the same
 * label: boxes (multicollo), a one-off shipping option, a replacement service point or home
 * delivery instead of a point.
 */
export interface JobChoices {
  boxes?: number;
  optionCode?: string;
  servicePointId?: number;
  homeDelivery?: boolean;
}
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
  reason: Message | null;
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
  /** The link to the warehouse's shared database, when the station is one of several. */
  warehouse: WarehouseView;
}

/**
 * `single`: no warehouse database is set; the station works as a one-table shop. `connected`:
 * shipments, claims and the write budget are shared with `stations` stations (this one
 * included). `alone`: a warehouse is set but cannot be used now, for `reason`; the station goes on
 * scanning and catches up when the link is back. `labelledTwice`: orders this station labelled
 * alone that another station had labelled meanwhile, found on reconnecting (newest first, at most
 * five), for a supervisor to void one of the two. One goes from the list once the label made
 * here is voided.
 */
export type WarehouseView =
  | { kind: 'single' }
  | {
      kind: 'connected';
      target: string;
      stationName: string;
      stations: number;
      labelledTwice: Message[];
    }
  | {
      kind: 'alone';
      target: string;
      stationName: string;
      reason: Message;
      since: string;
      labelledTwice: Message[];
    };

/** What stations of one warehouse share, each refreshed on its screen when another changes it. */
export type SharedSettingsArea = 'packers' | 'accounts' | 'routing';

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
  stateReason: Message | null;
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
  message: Message;
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
  /** What it is, in a few facts (model, serial, queue); joined by the screen. */
  detail: Message[];
  /** Why it cannot be used as it is (permissions, another driver holds it), or null. */
  problem: Message | null;
  /** Already set up here. */
  added: boolean;
}

export interface PrinterDiscovery {
  printers: DiscoveredPrinter[];
  /** What could not be searched and why, e.g. "No OS print service is running." */
  notes: Message[];
}

export interface TestPrint {
  printerId: string;
  status: PrinterStatusView;
  warning: Message | null;
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

/**
 * Copies of the customs documents (declaration, air waybill) each carrier needs, by carrier code;
 * a carrier not named prints 1. `carriers`: the carriers this station has labels of, to set.
 */
export interface CustomsCopies {
  copies: Record<string, number>;
  carriers: string[];
}
