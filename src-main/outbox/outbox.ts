// The durable outbox: every action that touches Sendcloud or a printer is a job in SQLite before
// it starts. One worker loop per lane takes the oldest job of its lane (scan order, head of line),
// sleeps on the clock until it is due or something changes, and never busy-loops.
import { msg, type AppErrorData, type JobKind, type Message } from '../../src-shared';
import type { Clock } from '../clock';
import { createLogger } from '../log';
import type { Db } from '../store/db';
import {
  firstJobIn,
  firstJobNotHeld,
  getJob,
  insertJob,
  jobsIn,
  saveJob,
  type Job,
  type NewJob,
} from '../store/jobs';
import {
  printerBackoff,
  retryDelayMs,
  sendcloudBackoff,
  transition,
  type FailureClass,
  type JobEvent,
} from './policy';

/** What running a job came to; the outbox turns it into the job's next state. */
export type JobResult =
  /** `note`: something a packer should know about how it was done (a worked-around mismatch). */
  | { type: 'done'; note?: Message | null }
  | { type: 'defer'; event: Extract<JobEvent, { type: 'defer' }> }
  | { type: 'block'; event: Extract<JobEvent, { type: 'block' }> }
  | { type: 'hold'; reason: Message }
  /** One step of a long job done; the rest goes back in line (see the `continue` event). */
  | { type: 'again'; delayMs: number; reason?: Message | null };

export type JobHandler = (job: Job) => Promise<JobResult>;

export interface Lane {
  name: string;
  kinds: JobKind[];
  /** Why the lane may not run now (e.g. offline): the worker waits for a kick instead. */
  paused?: () => boolean;
  /**
   * Jobs passed over for now (an account waiting for a reconnect): the lane's head is the first
   * job not held, so one account's trouble never stops another's labels.
   */
  held?: (job: Job) => boolean;
  /** Only print jobs bound to a printer of their own are this lane's (read no others). */
  forAPrinter?: boolean;
}

export type JobHandlers = Record<JobKind, JobHandler>;

/** Which waiting jobs to wake: of these kinds, and (if given) only those `only` accepts. */
export interface WakeFilter {
  kinds: readonly JobKind[];
  only?: (job: Job) => boolean;
}

export interface OutboxOptions {
  db: Db;
  clock: Clock;
  lanes: Lane[];
  /** After every change of a job, in the same tick (to update scans and the queue panel). */
  onChange: (job: Job) => void;
}

const log = createLogger('outbox');

/**
 * One lane per thing that makes jobs wait: Sendcloud (passing over the jobs of an account that
 * cannot be used now), the printer, and the order sync. Each keeps scan order on its own. A
 * print for a printer off the label routes (a reprint sent to the bench printer) has a lane of
 * its own, so a jammed bench printer never holds the packing table's labels.
 */
export function stationLanes(
  accountUsable: (accountId: string) => boolean,
  offRoute: (job: Job) => boolean = () => false,
  labelPrinting: (job: Job) => boolean = () => false,
): Lane[] {
  return [
    {
      name: 'sendcloud',
      kinds: ['create-label', 'void'],
      held: (job) => job.accountId !== null && !accountUsable(job.accountId),
    },
    { name: 'printer', kinds: ['print'], held: offRoute },
    {
      name: 'other-printers',
      kinds: ['print'],
      forAPrinter: true,
      held: (job) => !offRoute(job),
    },
    { name: 'sync', kinds: ['sync-orders'] },
    // Customs documents wait for the A4 printer (or its set-up) without holding any label, and
    // start once their label has printed, so the label comes out as fast as a plain one.
    { name: 'documents', kinds: ['documents'], held: labelPrinting },
    // A batch has a lane of its own: its steps never stand in front of a packer's scan.
    {
      name: 'batch',
      kinds: ['batch'],
      held: (job) => job.accountId !== null && !accountUsable(job.accountId),
    },
  ];
}

export function createOutbox(options: OutboxOptions) {
  const { db, clock } = options;
  let stopping = false;
  const wakers = new Set<() => void>();
  const loops: Promise<void>[] = [];
  const settledWaiters = new Map<string, Set<(job: Job) => void>>();
  // Given at start: the jobs' handlers are built on the outbox, so they come after it.
  let handlers: JobHandlers | null = null;

  const kick = () => {
    for (const wake of [...wakers]) wake();
  };

  /** Sleep until `until` on the clock, or until kicked or stopped; whichever comes first. */
  const nap = (until: number | null) =>
    new Promise<void>((resolve) => {
      const controller = new AbortController();
      const done = () => {
        wakers.delete(done);
        controller.abort();
        resolve();
      };
      wakers.add(done);
      if (until !== null) {
        clock
          .sleep(Math.max(0, until - clock.now()), controller.signal)
          .then(done, () => undefined);
      }
    });

  /** Move a job by an event and store it; returns the stored job. */
  function apply(job: Job, event: JobEvent): Job {
    const next = transition(job, event, clock.now());
    saveJob(db, next);
    changed(next);
    return next;
  }

  function changed(job: Job): void {
    options.onChange(job);
    if (job.state === 'in-flight' || job.state === 'queued') return;
    for (const resolve of settledWaiters.get(job.id) ?? []) resolve(job);
    settledWaiters.delete(job.id);
    // A settled job may free one another lane holds (a label printed frees its documents).
    kick();
  }

  /**
   * What it waited for is back (the connection, a printer, an account's keys): the waiting jobs
   * the filter names try again now, in scan order. Returns how many woke.
   */
  function wake(filter: WakeFilter): number {
    const woken = jobsIn(db, filter.kinds, ['waiting']).filter((job) => filter.only?.(job) ?? true);
    for (const job of woken) apply(job, { type: 'wake' });
    kick();
    return woken.length;
  }

  /** A lane runs until stopped; a job still in flight then is finished by the next start. */
  async function runLane(lane: Lane): Promise<void> {
    try {
      await laneLoop(lane);
    } catch (error) {
      // After stop() the database may close under a job still in flight; it stays in flight in
      // the file and is recovered at the next start. Before stop() this is a bug to see.
      if (!stopping) log.error('outbox lane stopped', { lane: lane.name, error });
    }
  }

  async function laneLoop(lane: Lane): Promise<void> {
    while (!stopping) {
      const held = lane.held;
      const head = held
        ? firstJobNotHeld(db, lane.kinds, ['queued', 'waiting'], held, {
            forAPrinter: lane.forAPrinter ?? false,
          })
        : firstJobIn(db, lane.kinds, ['queued', 'waiting']);
      if (!head || lane.paused?.()) {
        await nap(null);
        continue;
      }
      if (head.nextAttemptAt !== null && head.nextAttemptAt > clock.now()) {
        await nap(head.nextAttemptAt);
        continue;
      }
      const started = apply(head, { type: 'start' });
      let result: JobResult;
      try {
        if (!handlers) throw new Error('the outbox runs only once started');
        result = await handlers[started.kind](started);
      } catch (error) {
        if (stopping) return;
        // Handlers classify their own failures; anything else is a bug to look at, not a loop.
        log.error('job handler threw', { job: started.id, kind: started.kind, error });
        result = {
          type: 'block',
          event: {
            type: 'block',
            error: { code: 'internal', ...msg('job.error.internal') },
            reason: msg('job.internal'),
          },
        };
      }
      // The handler may have finished the job itself (e.g. inside a transaction).
      const current = getJob(db, started.id);
      if (!current || current.state !== 'in-flight') continue;
      switch (result.type) {
        case 'done':
          apply(current, { type: 'succeed', note: result.note ?? null });
          break;
        case 'defer':
          apply(current, result.event);
          break;
        case 'block':
          apply(current, result.event);
          break;
        case 'hold':
          apply(current, { type: 'hold', reason: result.reason });
          break;
        case 'again':
          apply(current, {
            type: 'continue',
            delayMs: result.delayMs,
            reason: result.reason ?? null,
          });
          break;
      }
    }
  }

  return {
    /**
     * After a restart: jobs in flight when the station stopped go back in line (they reconcile
     * first). A start presumes Sendcloud reachable, so no "connection is back" will come for jobs
     * the last run deferred while offline: they try now. If still offline, the first fails and
     * the probe takes over; left alone, the head job would hold its lane until the offline
     * fallback. Returns how many were in flight.
     */
    recover(): number {
      const stuck = jobsIn(
        db,
        ['create-label', 'print', 'sync-orders', 'void', 'batch', 'documents'],
        ['in-flight'],
      );
      for (const job of stuck) apply(job, { type: 'recover' });
      wake({
        kinds: ['create-label', 'sync-orders', 'void', 'batch', 'documents'],
        only: (job) => job.lastError?.code === 'offline',
      });
      if (stuck.length > 0) {
        log.info('resumed jobs the last run left in flight', { count: stuck.length });
      }
      return stuck.length;
    },
    start(jobHandlers: JobHandlers): void {
      handlers = jobHandlers;
      for (const lane of options.lanes) loops.push(runLane(lane));
    },
    /** Write a job; call inside the caller's transaction when it goes with other writes. */
    enqueue(job: NewJob): Job {
      const stored = insertJob(db, job);
      changed(stored);
      return stored;
    },
    apply,
    kick,
    wake,
    /** Resolves with the job once it stops moving: waiting, held, done, cancelled or stuck. */
    settled(id: string): Promise<Job> {
      return new Promise<Job>((resolve) => {
        const set = settledWaiters.get(id) ?? new Set();
        set.add(resolve);
        settledWaiters.set(id, set);
      });
    },
    /**
     * Stop taking jobs. A job in flight gets `graceMs` to finish; past that it is left in flight
     * (as after a crash) so a shutdown never hangs on a slow Sendcloud call or a backoff.
     */
    async stop(graceMs = 3_000): Promise<void> {
      stopping = true;
      kick();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled(loops),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, graceMs);
        }),
      ]);
      clearTimeout(timer);
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;

/** While offline the connectivity probe wakes waiting jobs; this is only the fallback. */
export const OFFLINE_RETRY_MS = 60_000;

/**
 * What a classified failure makes of a job: a Sendcloud or printer trouble waits (backing off by
 * its attempts), offline waits for the connection, anything else asks a packer.
 */
export function resultOfFailure(
  job: Pick<Job, 'attempts'>,
  kind: FailureClass,
  error: AppErrorData,
  reason: Message,
  random: () => number,
): JobResult {
  const defer = (delayMs: number): JobResult => ({
    type: 'defer',
    event: { type: 'defer', error, reason, delayMs },
  });
  switch (kind) {
    case 'terminal':
      return { type: 'block', event: { type: 'block', error, reason } };
    case 'offline':
      return defer(OFFLINE_RETRY_MS);
    case 'transient': {
      const wait = error.code === 'rate-limited' ? 1_000 : 0;
      return defer(Math.max(wait, retryDelayMs(job.attempts, { ...sendcloudBackoff, random })));
    }
    case 'printer':
      return defer(retryDelayMs(job.attempts, { ...printerBackoff, random }));
  }
}
