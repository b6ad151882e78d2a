// Pure scan-list logic: merging what `scan.submit`, `scan.recent` and `scan.updated` say about
// the same scans, and turning the current scan into what the big result panel shows.
import type { AppErrorData, ScanEntry, ServicePointView } from '../../src-shared';
import { msg, type Message } from '../../src-shared/messages';

export const recentLimit = 20;

export function startedAtMs(entry: ScanEntry): number {
  const ms = Date.parse(entry.startedAt);
  return Number.isNaN(ms) ? 0 : ms;
}

/**
 * How far a scan has come. A scan only moves forward: working, then queued in the outbox, then
 * printed or failed. (A queued scan the outbox is draining may be reported as working again;
 * showing it as queued until it prints is the safe side.)
 */
const progress: Record<ScanEntry['state'], number> = {
  working: 0,
  queued: 1,
  printed: 2,
  failed: 2,
};

const customsPrinted = (entry: ScanEntry) => entry.step.key === 'customs.scan.printed';

/**
 * Merge updates into the list by `id`, newest first, at most `limit` long. The submit answer and
 * the events race each other, so an update never moves a known entry back: a late `working` does
 * not overwrite `queued`, and nothing overwrites a finished scan with an unfinished one.
 */
export function mergeScans(
  list: readonly ScanEntry[],
  updates: readonly ScanEntry[],
  limit = recentLimit,
): ScanEntry[] {
  const byId = new Map(list.map((entry) => [entry.id, entry]));
  for (const update of updates) {
    const known = byId.get(update.id);
    if (known && progress[update.state] < progress[known.state]) continue;
    // Its customs documents printed too: a late "printing the documents" does not undo that.
    if (known && customsPrinted(known) && !customsPrinted(update)) continue;
    byId.set(update.id, update);
  }
  // A stable sort keeps the incoming order for scans that started in the same millisecond.
  return [...byId.values()].sort((a, b) => startedAtMs(b) - startedAtMs(a)).slice(0, limit);
}

/** Which scan the big panel follows. */
export type CurrentScan =
  /** Sent to the station; its id is not known yet. */
  | { kind: 'pending'; token: number; code: string }
  /** A scan the station recorded; its entry lives in the list (or in `entry` if it fell off). */
  | { kind: 'entry'; token: number; id: string; entry: ScanEntry }
  /** The station turned the scan away before recording it (bad input, host not answering). */
  | { kind: 'rejected'; token: number; code: string; error: AppErrorData };

export interface ResultView {
  /** Changes whenever the panel shows another scan, so sounds play once per outcome. */
  key: string;
  state: 'idle' | ScanEntry['state'];
  code: string | null;
  step: Message | null;
  orderNumber: string | null;
  /** The carrier's code; the panel shows its display name. */
  carrier: string | null;
  /** The shipping option's name, when the scan knows it. */
  shippingOption: string | null;
  /** Why that option: a routing rule, the packer's one-off choice, a fallback. */
  optionWhy: Message | null;
  trackingNumber: string | null;
  reprint: boolean;
  /** Why it failed (an error's key and params), or why a queued scan waits. */
  reason: Message | null;
  errorCode: string | null;
  /** The pick-up point the label goes to (service-point orders). */
  servicePoint: ServicePointView | null;
  /** A command barcode (`PD:BOXES:3`): it set what the next label takes, and printed nothing. */
  command?: boolean;
}

const idle: ResultView = {
  key: 'idle',
  state: 'idle',
  code: null,
  step: null,
  orderNumber: null,
  carrier: null,
  shippingOption: null,
  optionWhy: null,
  trackingNumber: null,
  reprint: false,
  reason: null,
  errorCode: null,
  servicePoint: null,
};

/** An error's words without its code, which the panel shows apart. */
function said(error: AppErrorData): Message {
  return { key: error.key, params: error.params };
}

function reasonOf(entry: ScanEntry): Message | null {
  switch (entry.state) {
    case 'failed':
      return entry.error ? said(entry.error) : entry.step;
    case 'queued':
      return entry.waitingReason ?? entry.step;
    case 'printed':
      // A printed label whose customs documents wait says why (scan-customs in main).
      return entry.waitingReason ?? null;
    case 'working':
      return null;
  }
}

export function resultView(current: CurrentScan | null, scans: readonly ScanEntry[]): ResultView {
  if (!current) return idle;
  switch (current.kind) {
    case 'pending':
      return {
        ...idle,
        key: `pending-${current.token}`,
        state: 'working',
        code: current.code,
        step: msg('ui.scan.sending'),
      };
    case 'rejected':
      return {
        ...idle,
        key: `rejected-${current.token}`,
        state: 'failed',
        code: current.code,
        reason: said(current.error),
        errorCode: current.error.code,
      };
    case 'entry': {
      const entry = scans.find((scan) => scan.id === current.id) ?? current.entry;
      return {
        key: `scan-${entry.id}`,
        state: entry.state,
        code: entry.code,
        step: entry.step,
        orderNumber: entry.orderNumber,
        carrier: entry.carrier,
        shippingOption: entry.shippingOption?.name ?? null,
        optionWhy: entry.shippingOption?.why ?? null,
        trackingNumber: entry.trackingNumber,
        reprint: entry.reprint,
        reason: reasonOf(entry),
        errorCode: entry.error?.code ?? null,
        servicePoint: entry.servicePoint ?? null,
        ...(entry.command ? { command: true } : {}),
      };
    }
  }
}
