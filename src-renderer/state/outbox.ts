// Pure outbox logic for the renderer: which connectivity report is the newest, how a command's
// answer about one job folds into the pushed job list, and how the queue panel groups the jobs.
import type { Connectivity, JobKind, JobState, JobView } from '../../src-shared';
import { msg, type Message } from '../../src-shared/messages';

function timeMs(iso: string): number {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? 0 : ms;
}

/**
 * The connectivity to show after `incoming`. A status read that was sent before the station went
 * offline can answer after the `connectivity.changed` push; its older `since` must not turn the
 * banner back. Reports with the same `since` only update the queue length, so the later one wins.
 */
export function newerConnectivity(
  current: Connectivity | null,
  incoming: Connectivity,
): Connectivity {
  if (current && timeMs(incoming.since) < timeMs(current.since)) return current;
  return incoming;
}

/** Jobs the outbox still carries; `done` and `cancelled` leave the queue panel. */
export function isActiveJob(job: JobView): boolean {
  return job.state !== 'done' && job.state !== 'cancelled';
}

/**
 * Fold a retry or cancel answer into the list. `jobs.changed` is the truth and may already have
 * moved the job on (or dropped it as done), so an answer never adds a job back and never
 * replaces a view that is newer than itself.
 */
export function applyJobAnswer(jobs: readonly JobView[], answer: JobView): JobView[] {
  const known = jobs.find((job) => job.id === answer.id);
  if (!known || timeMs(known.updatedAt) > timeMs(answer.updatedAt)) return [...jobs];
  if (!isActiveJob(answer)) return jobs.filter((job) => job.id !== answer.id);
  return jobs.map((job) => (job.id === answer.id ? answer : job));
}

export type JobGroupKey = 'needs-attention' | 'in-flight' | 'waiting' | 'held';

export interface JobGroup {
  key: JobGroupKey;
  title: Message;
  jobs: JobView[];
}

const groupOf: Record<JobState, JobGroupKey | null> = {
  'needs-attention': 'needs-attention',
  'in-flight': 'in-flight',
  waiting: 'waiting',
  queued: 'waiting',
  held: 'held',
  done: null,
  cancelled: null,
};

const groupOrder: readonly JobGroupKey[] = ['needs-attention', 'in-flight', 'waiting', 'held'];

/**
 * The queue panel's sections: what a packer must decide first, then what is moving, then what
 * waits by itself, then the labels held for a batch. Within a section, scan order.
 */
export function groupJobs(jobs: readonly JobView[]): JobGroup[] {
  const byKey = new Map<JobGroupKey, JobView[]>();
  for (const job of jobs) {
    const key = groupOf[job.state];
    if (!key) continue;
    const list = byKey.get(key) ?? [];
    list.push(job);
    byKey.set(key, list);
  }
  return groupOrder.flatMap((key) => {
    const list = byKey.get(key);
    if (!list) return [];
    // A stable sort keeps the station's order for jobs created in the same millisecond.
    list.sort((a, b) => timeMs(a.createdAt) - timeMs(b.createdAt));
    return [{ key, title: msg(`ui.queue.group.${key}`), jobs: list }];
  });
}

export const jobKindLabel = (kind: JobKind): Message => msg(`ui.queue.kind.${kind}`);

export const jobStateLabel = (state: JobState): Message => msg(`ui.queue.state.${state}`);

/** A packer may ask for another try only when the outbox is not already trying by itself. */
export function canRetry(job: JobView): boolean {
  return job.state === 'waiting' || job.state === 'needs-attention';
}

/** A job on the wire cannot be called back; everything else still can. */
export function canCancel(job: JobView): boolean {
  // A batch is cancelled on its own screen, which says what becomes of each order.
  return job.kind !== 'batch' && job.state !== 'in-flight' && isActiveJob(job);
}

/** What cancelling costs, said before the packer confirms. */
export function cancelConsequence(job: JobView): Message {
  const order = job.orderNumber ?? job.code;
  switch (job.kind) {
    case 'create-label':
      return order ? msg('ui.queue.cancel.label', { order }) : msg('ui.queue.cancel.labelNoOrder');
    case 'print':
      return job.trackingNumber
        ? msg('ui.queue.cancel.print', { tracking: job.trackingNumber })
        : msg('ui.queue.cancel.printNoTracking');
    case 'sync-orders':
      return msg('ui.queue.cancel.sync');
    case 'void':
      return msg('ui.queue.cancel.void', { tracking: job.trackingNumber ?? job.code ?? '' });
    case 'batch':
      return msg('ui.queue.cancel.batch');
    case 'documents':
      return msg('ui.queue.cancel.documents', { tracking: job.trackingNumber ?? job.code ?? '' });
  }
}
