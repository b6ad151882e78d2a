// One order sync per Sendcloud account, made as accounts appear, and the outbox's `sync-orders`
// job that runs them all: the order cache stays fresh so a scan needs no look-up call.
import { msg } from '../../src-shared';
import type { Clock } from '../clock';
import { ENV_ACCOUNT_ID, type Accounts } from '../accounts/accounts';
import type { Connectivity } from '../outbox/connectivity';
import type { JobResult, Outbox } from '../outbox/outbox';
import { classifyFailure, retryDelayMs, sendcloudBackoff } from '../outbox/policy';
import { SendcloudError } from '../sendcloud/errors';
import type { Db } from '../store/db';
import { activeStates, jobsIn, newJob, type Job } from '../store/jobs';
import { createOrderSync, type OrderSource } from './orders';

export interface OrderSyncsDeps {
  db: Db;
  accounts: Accounts;
  /** PACKDESK_INTEGRATION_ID: the environment account's integration, or null for the first. */
  envIntegrationId: number | null;
  now: () => Date;
}

export function createOrderSyncs(deps: OrderSyncsDeps) {
  const { accounts } = deps;
  const syncs = new Map<string, ReturnType<typeof createOrderSync>>();
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
        now: deps.now,
      });
      syncs.set(accountId, sync);
    }
    return sync;
  }

  return {
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
    /** Sync every usable account; one whose keys are refused (now `reconnect`) does not stop the rest. */
    async syncAll(): Promise<void> {
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
    },
    /** An account removed: its sync goes with it. */
    forget(accountId: string): void {
      syncs.delete(accountId);
    },
    /** Wait for syncs in progress to end, so the database can be closed under them. */
    async idle(): Promise<void> {
      for (const sync of syncs.values()) await sync.idle();
    },
  };
}

export type OrderSyncs = ReturnType<typeof createOrderSyncs>;

/** The outbox's `sync-orders` job: a failed sync is not a packer's problem, the next one tries again. */
export function orderSyncJob(deps: {
  syncs: OrderSyncs;
  connectivity: Connectivity;
  /** After each run, good or bad: the status shows the cache and any sync error. */
  onRun: () => void;
  random?: () => number;
}) {
  return async (job: Job): Promise<JobResult> => {
    try {
      await deps.syncs.syncAll();
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
          reason: msg('station.sync.failed', { error: { key: data.key, params: data.params } }),
          delayMs: retryDelayMs(job.attempts, {
            ...sendcloudBackoff,
            random: deps.random ?? Math.random,
          }),
        },
      };
    }
  };
}

/** Queue an order sync unless one is already on its way; returns that job. */
export function requestOrderSync(deps: {
  db: Db;
  outbox: Outbox;
  clock: Clock;
  newId: () => string;
}): Job {
  const pending = jobsIn(deps.db, ['sync-orders'], activeStates)[0];
  if (pending) {
    deps.outbox.wake({ kinds: ['sync-orders'] });
    return pending;
  }
  const job = deps.outbox.enqueue(newJob('sync-orders', deps.newId(), deps.clock.now()));
  deps.outbox.kick();
  return job;
}
