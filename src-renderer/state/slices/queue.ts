// The outbox: its jobs live, a packer's retries and cancels, held labels, and its settings.
import type { AppErrorData, JobView, OutboxSettings } from '../../../src-shared';
import { type Keyed } from '../helpers';
import { applyJobAnswer } from '../outbox';
import { keyed, type SliceContext } from './context';

/** A retry or cancel a packer asked for on one job: on its way, or turned down and why. */
export type JobAction =
  | { kind: 'pending'; action: 'retry' | 'cancel' }
  | { kind: 'failed'; action: 'retry' | 'cancel'; error: AppErrorData };

export type PrintHeldState =
  | { kind: 'pending' }
  | { kind: 'done'; released: number }
  | { kind: 'failed'; error: AppErrorData };

export interface QueueSlice {
  /** The active outbox jobs, once loaded (`queue.list`) or pushed (`jobs.changed`). */
  jobs: JobView[] | null;
  jobsError: AppErrorData | null;
  /** Retries and cancels in progress or refused, by job id. */
  jobActions: Keyed<JobAction>;
  printHeld: PrintHeldState | null;
  outbox: OutboxSettings | null;
  outboxError: AppErrorData | null;
  loadJobs(): Promise<void>;
  retryJob(id: string): Promise<void>;
  cancelJob(id: string): Promise<void>;
  printHeldLabels(): Promise<void>;
  loadOutboxSettings(): Promise<void>;
  changeOutboxSettings(change: Partial<OutboxSettings>): Promise<boolean>;
}

function setJobs(ctx: SliceContext, jobs: JobView[]): void {
  const { connectivity } = ctx.get();
  ctx.set({
    jobs,
    jobsError: null,
    // The pushed list is every job not done: the queue length, without waiting for a report.
    ...(connectivity ? { connectivity: { ...connectivity, queueLength: jobs.length } } : {}),
  });
}

export function onJobsPushed(ctx: SliceContext, jobs: JobView[]): void {
  ctx.pushes.jobs.overtake();
  setJobs(ctx, jobs);
}

async function actOnJob(ctx: SliceContext, id: string, action: 'retry' | 'cancel'): Promise<void> {
  const call = () =>
    action === 'retry' ? ctx.api.queue.retry({ id }) : ctx.api.queue.cancel({ id });
  const result = await keyed(ctx, 'jobActions').run(
    id,
    { kind: 'pending', action },
    call,
    (done) => (done.ok ? null : { kind: 'failed', action, error: done.error }),
  );
  const { jobs } = ctx.get();
  if (result?.ok && jobs) ctx.set({ jobs: applyJobAnswer(jobs, result.value) });
}

export function queueSlice(ctx: SliceContext): QueueSlice {
  const outboxAnswer = (result: Awaited<ReturnType<typeof ctx.api.outbox.settings>>): boolean => {
    if (result.ok) ctx.set({ outbox: result.value, outboxError: null });
    else ctx.set({ outboxError: result.error });
    return result.ok;
  };

  return {
    jobs: null,
    jobsError: null,
    jobActions: {},
    printHeld: null,
    outbox: null,
    outboxError: null,

    async loadJobs() {
      const fresh = ctx.pushes.jobs.since();
      const result = await ctx.api.queue.list({});
      if (!result.ok) ctx.set({ jobsError: result.error });
      // A push that arrived while the list was on its way is newer than the list.
      else if (fresh()) setJobs(ctx, result.value);
    },

    retryJob(id) {
      return actOnJob(ctx, id, 'retry');
    },

    cancelJob(id) {
      return actOnJob(ctx, id, 'cancel');
    },

    async printHeldLabels() {
      if (ctx.get().printHeld?.kind === 'pending') return;
      ctx.set({ printHeld: { kind: 'pending' } });
      const result = await ctx.api.queue.printHeld({});
      ctx.set({
        printHeld: result.ok
          ? { kind: 'done', released: result.value.released }
          : { kind: 'failed', error: result.error },
      });
    },

    async loadOutboxSettings() {
      outboxAnswer(await ctx.api.outbox.settings({}));
    },

    async changeOutboxSettings(change) {
      return outboxAnswer(await ctx.api.outbox.settings(change));
    },
  };
}
