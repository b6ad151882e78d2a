// What a scan shows while its outbox job is in each state: its step, why it waits, how it ended.
import {
  msg,
  type AppErrorData,
  type JobKind,
  type Message,
  type ScanEntry,
  type ScanState,
} from '../../src-shared';
import type { Accounts } from '../accounts/accounts';
import type { Connectivity } from '../outbox/connectivity';
import type { ScanRecord } from '../store/audit';
import type { Db } from '../store/db';
import { firstJobIn, type Job } from '../store/jobs';

export interface ScanView {
  state: ScanState;
  step: Message;
  reason: Message | null;
  error: AppErrorData | null;
  warning?: Message | null;
}

export interface ScanViewDeps {
  db: Db;
  connectivity: Connectivity;
  /** The printer labels go to now, for "Printing on …"; null when it has no name to give. */
  printerName: () => string | null;
  /** Why a job of an account that cannot be used now (reconnect, keychain) waits, or null. */
  heldReason?: (job: Job) => Message | null;
}

const laneKinds: Record<JobKind, JobKind[]> = {
  'create-label': ['create-label'],
  print: ['print'],
  'sync-orders': ['sync-orders'],
  void: ['void'],
  batch: ['batch'],
  documents: ['documents'],
};

/** A label job of an account that cannot reach Sendcloud now waits for it, and says so. */
export function heldByAccount(accounts: Accounts) {
  return (job: Job): Message | null => {
    if (job.kind !== 'create-label' || !job.accountId || accounts.usable(job.accountId)) {
      return null;
    }
    const account = accounts.list().find((a) => a.id === job.accountId);
    return msg('scan.waiting.accountUnusable', {
      account: account?.name ?? msg('scan.waiting.accountUnnamed'),
      reason: account?.stateReason ?? msg('scan.waiting.reconnectIt'),
    });
  };
}

export function createScanView(deps: ScanViewDeps) {
  const printing = (): Message =>
    msg('scan.step.printing', { printer: deps.printerName() ?? msg('scan.printer.unnamed') });
  const creating = msg('scan.step.creatingLabel');
  const queued = msg('scan.step.queued');

  /** Why a job that has not started waits: the job ahead of it in its lane, or the connection. */
  function queuedBehind(job: Job): Message | null {
    const held = deps.heldReason?.(job) ?? null;
    if (held) return held;
    const head = firstJobIn(deps.db, laneKinds[job.kind], ['queued', 'waiting', 'in-flight']);
    // A head job of another account (waiting for its reconnect) is passed over by the lane.
    const sameAccount =
      head?.accountId === null || job.accountId === null || head?.accountId === job.accountId;
    if (head && head.id !== job.id && head.state === 'waiting' && sameAccount) return head.reason;
    if (job.kind === 'create-label' && !deps.connectivity.current().online) {
      return msg('scan.waiting.offline');
    }
    return null;
  }

  /** What a scan shows while its job is in this state. */
  return function scanView(job: Job): ScanView {
    const isPrint = job.kind === 'print';
    const working = (step: Message): ScanView => ({
      state: 'working',
      step,
      reason: null,
      error: null,
    });
    switch (job.state) {
      case 'queued': {
        const behind = queuedBehind(job);
        if (behind) return { state: 'queued', step: queued, reason: behind, error: null };
        return working(isPrint ? printing() : creating);
      }
      case 'in-flight':
        return working(
          isPrint ? printing() : job.attempts > 1 ? msg('scan.step.checkingEarlierTry') : creating,
        );
      case 'waiting':
      case 'held':
        return { state: 'queued', step: queued, reason: job.reason, error: null };
      case 'needs-attention':
        // A stale label is not a failure: it waits for a packer's go-ahead.
        return job.lastError?.code === 'label-stale'
          ? {
              state: 'queued',
              step: msg('scan.step.waitingGoAhead'),
              reason: job.reason,
              error: null,
            }
          : {
              state: 'failed',
              step: msg('scan.step.failed'),
              reason: job.reason,
              error: job.lastError,
            };
      case 'done':
        // A decentralised merchant's order is handed over, not labelled: the job says so.
        if (!isPrint && job.reason !== null) {
          return { state: 'printed', step: job.reason, reason: null, error: null };
        }
        return isPrint
          ? {
              state: 'printed',
              step: msg('scan.step.printed'),
              reason: null,
              error: null,
              warning: job.reason,
            }
          : working(printing());
      case 'cancelled':
        return {
          state: 'failed',
          step: msg('scan.step.cancelled'),
          reason: null,
          error: { code: 'cancelled', ...msg('scan.error.cancelled') },
        };
    }
  };
}

/** The scan screen's entry for a scan the audit keeps. */
export function scanEntryOf(record: ScanRecord): ScanEntry {
  const {
    shippingOptionCode: code,
    shippingOptionName: name,
    shippingOptionWhy: why,
    packerId,
    packerName,
    ...withStation
  } = record;
  // Which station is the audit's, not the screen's.
  const rest = { ...withStation };
  delete rest.stationId;
  return {
    ...rest,
    shippingOption: code !== null ? { code, name: name ?? code, ...(why ? { why } : {}) } : null,
    ...(packerId !== undefined
      ? { packer: packerId !== null ? { id: packerId, name: packerName ?? '' } : null }
      : {}),
  };
}

/** What the audit keeps of a scan the screen shows. */
export function scanRecordOf(entry: ScanEntry): ScanRecord {
  const { shippingOption, packer, ...withSignIn } = entry;
  // A badge's sign-in is never kept in the audit; the flag has no column.
  const rest = { ...withSignIn };
  delete rest.signIn;
  return {
    ...rest,
    shippingOptionCode: shippingOption?.code ?? null,
    shippingOptionName: shippingOption?.name ?? null,
    shippingOptionWhy: shippingOption?.why ?? null,
    ...(packer !== undefined
      ? { packerId: packer?.id ?? null, packerName: packer?.name ?? null }
      : {}),
  };
}
