// One order sync per Sendcloud account, made as accounts appear, run by the outbox's
// `sync-orders` job on request and on a timer: the order cache stays fresh so a scan needs no
// look-up call.
import { msg } from '../../src-shared';
import { ENV_ACCOUNT_ID, type Accounts } from '../accounts/accounts';
import type { Clock } from '../clock';
import type { Connectivity } from '../outbox/connectivity';
import type { JobResult, Outbox } from '../outbox/outbox';
import { classifyFailure, retryDelayMs, sendcloudBackoff } from '../outbox/policy';
import { SendcloudError } from '../sendcloud/errors';
import type { Db } from '../store/db';
import { activeStates, jobsIn, newJob, type Job } from '../store/jobs';
import { createOrderSync, type OrderSource } from './orders';

export interface OrderSyncsDeps {
  db: Db;
  clock: Clock;
  newId: () => string;
  accounts: Accounts;
  connectivity: Connectivity;
  outbox: Outbox;
  /** PACKDESK_INTEGRATION_ID: the environment account's integration, or null for the first. */
  envIntegrationId: number | null;
  /** Keep orders fresh in the background; 0 or absent: only on request. */
  intervalMs?: number;
  /** After each run, good or bad: the status shows the cache and any sync error. */
  onRun: () => void;
  random?: () => number;
}

export function createOrderSyncs(deps: OrderSyncsDeps) {
  const { accounts, outbox } = deps;
  const syncs = new Map<string, ReturnType<typeof createOrderSync>>();
  let timer: NodeJS.Timeout | null = null;
  const configuredIntegration = (accountId: string) =>
    accountId === ENV_ACCOUNT_ID ? deps.envIntegrationId : accounts.record(accountId).integrationId;

  function forAccount(accountId: string) {
    let sync = syncs.get(accountId);
    if (!sync) {
      sync = createOrderSync({
        db: deps.db,
        accountId,
        sendcloud: () => accounts.client(accountId),
        configuredIntegrationId: configuredIntegration(accountId),
        now: () => new Date(deps.clock.now()),
      });
      syncs.set(accountId, sync);
    }
    return sync;
  }

  /** Sync every usable account; one whose keys are refused (now `reconnect`) does not stop the rest. */
  async function syncAll(): Promise<void> {
    let failure: unknown = null;
    for (const accountId of accounts.usableIds()) {
      const sync = forAccount(accountId);
      try {
        await sync.run();
        const found = sync.integration();
        if (found && accountId === ENV_ACCOUNT_ID) accounts.setIntegration(accountId, found.id);
      } catch (error) {
        if (!(error instanceof SendcloudError && error.kind === 'auth')) failure ??= error;
      }
    }
    if (failure) throw failure;
  }

  /** The outbox's `sync-orders` job: a failed sync is not a packer's problem, the next one tries again. */
  async function runJob(job: Job): Promise<JobResult> {
    try {
      await syncAll();
      deps.connectivity.reached();
      deps.onRun();
      return { type: 'done' };
    } catch (error) {
      const { kind, error: data } = classifyFailure(error);
      if (kind === 'offline') deps.connectivity.unreachable(data);
      deps.onRun();
      return {
        type: 'defer',
        event: {
          type: 'defer',
          error: data,
          reason: msg('job.waiting.syncFailed', {
            problem: { key: data.key, params: data.params },
          }),
          delayMs: retryDelayMs(job.attempts, {
            ...sendcloudBackoff,
            random: deps.random ?? Math.random,
          }),
        },
      };
    }
  }

  /** Queue an order sync unless one is already on its way; returns that job. */
  function request(): Job {
    const pending = jobsIn(deps.db, ['sync-orders'], activeStates)[0];
    if (pending) {
      outbox.wake({ kinds: ['sync-orders'] });
      return pending;
    }
    const job = outbox.enqueue(newJob('sync-orders', deps.newId(), deps.clock.now()));
    outbox.kick();
    return job;
  }

  return {
    runJob,
    request,
    /** Where an uncached code is looked up: every usable account, with its integration. */
    sources: (): OrderSource[] =>
      accounts.usableIds().map((accountId) => ({
        accountId,
        sendcloud: () => accounts.client(accountId),
        integrationId: forAccount(accountId).integration()?.id ?? configuredIntegration(accountId),
      })),
    /** The first account's integration, as the status shows it. */
    integration() {
      const first = accounts.ids()[0];
      return first ? forAccount(first).integration() : null;
    },
    /** Why the last sync of any account failed, or null. */
    lastError: () =>
      [...syncs.values()].map((sync) => sync.lastError()).find((e) => e !== null) ?? null,
    /** An account removed: its sync goes with it. */
    forget(accountId: string): void {
      syncs.delete(accountId);
    },
    /** The first sync runs in the background: the screen comes up at once and says it is syncing. */
    start(): void {
      request();
      if (deps.intervalMs && deps.intervalMs > 0) {
        timer = setInterval(request, deps.intervalMs);
        timer.unref();
      }
    },
    /** Stop the timer and wait for syncs in progress, so the database can be closed under them. */
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      for (const sync of syncs.values()) await sync.idle();
    },
  };
}

export type OrderSyncs = ReturnType<typeof createOrderSyncs>;
