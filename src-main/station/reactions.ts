// How the station reacts to what its modules report: waiting jobs wake when what they waited
// for is back, scans follow their jobs, and the screens hear the status, the queue and the
// connection. Wired once every module exists.
import type { Accounts } from '../accounts/accounts';
import type { Outbox } from '../outbox/outbox';
import type { ScanService } from '../shipping/scan';
import type { Db } from '../store/db';
import { activeJobs } from '../store/jobs';
import type { EventBus } from './event-bus';
import { toJobView, type StatusViews } from './status-views';

export function wireReactions(deps: {
  bus: EventBus;
  db: Db;
  outbox: Outbox;
  accounts: Accounts;
  scans: ScanService;
  views: StatusViews;
}) {
  const { bus, outbox, accounts, views } = deps;
  let stopped = false;
  let queueTick: NodeJS.Immediate | null = null;

  bus.on('accounts.changed', () => {
    bus.emit('station.status', views.status());
    // An account usable again (reconnected): its waiting jobs go now, in scan order.
    outbox.wake({
      kinds: ['create-label', 'void', 'batch'],
      only: (job) =>
        job.accountId !== null &&
        accounts.usable(job.accountId) &&
        job.lastError?.code === 'auth-failed',
    });
  });
  bus.on('printers.changed', () => {
    bus.emit('station.status', views.status());
    // An A4 printer set up (or re-routed): customs documents waiting for one go now.
    outbox.wake({ kinds: ['documents'] });
  });
  bus.on('orders.synced', () => bus.emit('station.status', views.status()));
  // The printer is fixed (or back): labels waiting for it go now, in scan order.
  bus.on('printer.ready', () => outbox.wake({ kinds: ['print', 'batch', 'documents'] }));
  bus.on('sendcloud.reachability', (state) => {
    // Back online: every job deferred for the connection tries again now, in scan order.
    if (state.online) {
      outbox.wake({ kinds: ['create-label', 'sync-orders', 'void', 'batch', 'documents'] });
    }
    bus.emit('connectivity.changed', views.connectivity());
  });
  bus.on('job.changed', (job) => {
    deps.scans.onJobChanged(job);
    // A label voided may end an order's double label the header shows (in a warehouse).
    if (job.kind === 'void' && job.state === 'done') bus.emit('station.status', views.status());
    // Many changes in one tick (a drain) become one push of the queue.
    queueTick ??= setImmediate(() => {
      queueTick = null;
      if (stopped) return;
      bus.emit('jobs.changed', activeJobs(deps.db).map(toJobView));
      bus.emit('connectivity.changed', views.connectivity());
    });
  });

  return {
    stop(): void {
      stopped = true;
      if (queueTick) clearImmediate(queueTick);
    },
  };
}
