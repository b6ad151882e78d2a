// The outbox's rules as pure functions: which state a job may move to, and what a failure means
// for it. The worker applies them; tests check them without a database or a clock.
import { msg, type AppErrorData, type JobState, type Message } from '../../src-shared';
import { backoffDelayMs, type Backoff } from '../../src-shared/backoff';
import { AppError } from '../errors';
import { PrinterError } from '../printing/printer';
import { SendcloudError } from '../sendcloud/errors';
import { describeFailure } from '../describe-error';
import type { Job } from '../store/jobs';

export type JobEvent =
  /** The worker takes the job. */
  | { type: 'start' }
  /** `note` stays on the done job as its reason, e.g. a dpi mismatch worked around. */
  | { type: 'succeed'; note?: Message | null }
  /** Will work later by itself: offline, Sendcloud busy, printer down. */
  | { type: 'defer'; error: AppErrorData; reason: Message; delayMs: number }
  /** Cannot work without a packer: retry or cancel. */
  | { type: 'block'; error: AppErrorData | null; reason: Message }
  /** A label kept for a batch print. */
  | { type: 'hold'; reason: Message }
  /** A packer said go: retry now (and, for a stale label, print it anyway). */
  | { type: 'retry' }
  | { type: 'cancel' }
  /** Found in flight at start-up: the station stopped mid-job. */
  | { type: 'recover' }
  /** The connection is back: try a deferred job now. */
  | { type: 'wake' }
  /**
   * A long job (a batch) did one step of its work and goes back in line for the next, at
   * `delayMs` from now: no failure, so its tries count from zero again.
   */
  | { type: 'continue'; delayMs: number; reason: Message | null };

const allowed: Record<JobEvent['type'], readonly JobState[]> = {
  start: ['queued', 'waiting'],
  succeed: ['in-flight'],
  defer: ['in-flight'],
  block: ['in-flight'],
  hold: ['in-flight', 'queued', 'waiting'],
  retry: ['waiting', 'needs-attention', 'held', 'queued'],
  cancel: ['queued', 'waiting', 'held', 'needs-attention'],
  recover: ['in-flight'],
  wake: ['waiting'],
  continue: ['in-flight'],
};

export class InvalidTransition extends AppError {
  constructor(job: Job, event: JobEvent['type']) {
    super('invalid-input', msg('job.invalidTransition', { state: job.state, event }), {
      log: `A ${job.state} job cannot ${event}.`,
    });
  }
}

export function canApply(job: Job, event: JobEvent['type']): boolean {
  return allowed[event].includes(job.state);
}

/** The job after an event, at clock time `now`. Throws on a move the state machine forbids. */
export function transition(job: Job, event: JobEvent, now: number): Job {
  if (!canApply(job, event.type)) throw new InvalidTransition(job, event.type);
  const next: Job = { ...job, updatedAt: now };
  switch (event.type) {
    case 'start':
      return {
        ...next,
        state: 'in-flight',
        attempts: job.attempts + 1,
        firstAttemptAt: job.firstAttemptAt ?? now,
        nextAttemptAt: null,
      };
    case 'succeed':
      return { ...next, state: 'done', reason: event.note ?? null, nextAttemptAt: null };
    case 'defer':
      return {
        ...next,
        state: 'waiting',
        lastError: event.error,
        reason: event.reason,
        nextAttemptAt: now + event.delayMs,
      };
    case 'block':
      return {
        ...next,
        state: 'needs-attention',
        lastError: event.error ?? job.lastError,
        reason: event.reason,
        nextAttemptAt: null,
      };
    case 'hold':
      return { ...next, state: 'held', reason: event.reason, nextAttemptAt: null };
    case 'retry':
      return {
        ...next,
        state: 'queued',
        reason: null,
        nextAttemptAt: now,
        approvedAt: job.state === 'needs-attention' || job.state === 'held' ? now : job.approvedAt,
      };
    case 'cancel':
      return { ...next, state: 'cancelled', nextAttemptAt: null, reason: msg('job.cancelled') };
    case 'recover':
      return {
        ...next,
        state: 'queued',
        reason: msg('job.recovered'),
        nextAttemptAt: now,
      };
    case 'wake':
      return { ...next, state: 'queued', nextAttemptAt: now };
    case 'continue':
      return {
        ...next,
        state: 'queued',
        attempts: 0,
        lastError: null,
        reason: event.reason,
        nextAttemptAt: now + event.delayMs,
      };
  }
}

/** How a failure should be treated: wait for it to pass, or ask a packer. */
export type FailureClass =
  /** The network or Sendcloud is unreachable: the station is offline. */
  | 'offline'
  /** Sendcloud is busy or erring: try again later. */
  | 'transient'
  /** The printer is unreachable or faulted: try again when it is back. */
  | 'printer'
  /** Sendcloud refused the request as it is, or the data is wrong: a packer must look. */
  | 'terminal';

export function classifyFailure(error: unknown): { kind: FailureClass; error: AppErrorData } {
  const data = describeFailure(error);
  if (error instanceof SendcloudError) {
    switch (error.kind) {
      case 'network':
      case 'timeout':
        return { kind: 'offline', error: data };
      // Keys changed or revoked (auth): queued work waits for a reconnect instead of failing.
      case 'auth':
      case 'rate-limited':
      case 'server':
        return { kind: 'transient', error: data };
      default:
        return { kind: 'terminal', error: data };
    }
  }
  if (error instanceof PrinterError) return { kind: 'printer', error: data };
  return { kind: 'terminal', error: data };
}

export type BackoffOptions = Backoff & { random: () => number };

export const sendcloudBackoff: Omit<BackoffOptions, 'random'> = {
  baseMs: 2_000,
  capMs: 5 * 60_000,
};
export const printerBackoff: Omit<BackoffOptions, 'random'> = { baseMs: 1_000, capMs: 30_000 };

/** Capped exponential delay before try `attempts + 1`, half of it jittered. */
export function retryDelayMs(attempts: number, options: BackoffOptions): number {
  return backoffDelayMs(attempts, options);
}

/** What the packer reads for a job waiting on this failure. */
export function waitingReason(kind: FailureClass, error: AppErrorData): Message {
  const said: Message = { key: error.key, params: error.params };
  switch (kind) {
    case 'offline':
      return msg('job.waiting.offline');
    case 'printer':
      return msg('job.waiting.printer', { problem: said });
    case 'transient':
      if (error.code === 'auth-failed') return msg('job.waiting.keysRefused');
      return error.code === 'rate-limited'
        ? msg('job.waiting.slowDown')
        : msg('job.waiting.sendcloudTrouble');
    case 'terminal':
      return said;
  }
}
