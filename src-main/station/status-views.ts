// What the header and the queue panel show: the station's status, the connection, a job.
import type {
  Connectivity,
  JobView,
  OutboxSettings,
  StationStatus,
  WarehouseView,
} from '../../src-shared';
import type { Accounts } from '../accounts/accounts';
import type { Connectivity as ConnectivityTracker } from '../outbox/connectivity';
import type { PrinterRegistry } from '../printing/registry';
import type { OrderSyncs } from '../shipping/order-syncs';
import type { Db } from '../store/db';
import { countActiveJobs, type Job } from '../store/jobs';
import { countOrders, lastOrderSync } from '../store/orders';
import type { StartingPoint } from './starting-point';

export interface StatusViewDeps {
  db: Db;
  /** Demo mode or live, and the Sendcloud the station talks to. */
  start: Pick<StartingPoint, 'simulator' | 'sendcloudUrl'>;
  accounts: Accounts;
  syncs: OrderSyncs;
  printers: PrinterRegistry;
  connectivity: ConnectivityTracker;
  outboxSettings: () => OutboxSettings;
  /** The warehouse link as the header shows it. */
  warehouse: () => WarehouseView;
}

export function createStatusViews(deps: StatusViewDeps) {
  /** The printer labels go to now, or null when none is set up. */
  const labelPrinter = (): StationStatus['printer'] => {
    const entry = deps.printers.printerFor('zpl-label') ?? deps.printers.printerFor('pdf-label');
    return entry ? { name: entry.record.name, address: entry.record.address } : null;
  };

  const connectivity = (): Connectivity => {
    const state = deps.connectivity.current();
    return {
      online: state.online,
      since: new Date(state.since).toISOString(),
      queueLength: countActiveJobs(deps.db),
      lastError: state.lastError,
    };
  };

  const status = (): StationStatus => ({
    mode: deps.start.simulator ? 'demo' : 'live',
    sendcloudUrl: deps.start.sendcloudUrl,
    integration: deps.syncs.integration(),
    printer: labelPrinter(),
    ordersCached: countOrders(deps.db),
    ordersSyncedAt: lastOrderSync(deps.db),
    syncError: deps.syncs.lastError(),
    connectivity: connectivity(),
    outbox: deps.outboxSettings(),
    accounts: deps.accounts.list(),
    keychainError: deps.accounts.keychainError(),
    warehouse: deps.warehouse(),
  });

  return { status, connectivity, labelPrinter };
}

export type StatusViews = ReturnType<typeof createStatusViews>;

/** A job as the queue panel shows it. */
export function toJobView(job: Job): JobView {
  return {
    id: job.id,
    kind: job.kind,
    state: job.state,
    orderNumber: job.orderNumber,
    code: job.code,
    trackingNumber: null,
    attempts: job.attempts,
    nextAttemptAt: job.nextAttemptAt !== null ? new Date(job.nextAttemptAt).toISOString() : null,
    lastError: job.lastError,
    reason: job.reason,
    createdAt: new Date(job.createdAt).toISOString(),
    updatedAt: new Date(job.updatedAt).toISOString(),
  };
}
