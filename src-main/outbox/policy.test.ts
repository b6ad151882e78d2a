import { describe, expect, it } from 'vitest';
import { msg, type AppErrorData, type JobState } from '../../src-shared';
import { AppError } from '../errors';
import { PrinterError } from '../printing/printer';
import { sendcloudError, type SendcloudErrorKind } from '../sendcloud/errors';
import type { Job } from '../store/jobs';
import {
  canApply,
  classifyFailure,
  InvalidTransition,
  printerBackoff,
  retryDelayMs,
  sendcloudBackoff,
  transition,
  waitingReason,
  type FailureClass,
  type JobEvent,
} from './policy';

const T0 = Date.parse('2026-05-04T08:00:00Z');
const NOW = T0 + 90_000;
const offline: AppErrorData = { code: 'offline', ...msg('sendcloud.unreachable') };
const offlineReason = msg('job.waiting.offline');
const lookAtIt = msg('job.labelMissing');

function job(state: JobState, fields: Partial<Job> = {}): Job {
  return {
    seq: 7,
    id: 'job-1',
    kind: 'create-label',
    state,
    parentId: null,
    orderRef: '7012401',
    orderNumber: 'PD-10001',
    code: 'PD-10001',
    parcelId: null,
    attempts: 0,
    nextAttemptAt: null,
    firstAttemptAt: null,
    lastError: null,
    reason: null,
    approvedAt: null,
    sentAt: null,
    accountId: null,
    packerId: null,
    stationId: null,
    printerId: null,
    detail: null,
    voidedAt: null,
    choices: null,
    createdAt: T0,
    updatedAt: T0,
    ...fields,
  };
}

const states: JobState[] = [
  'queued',
  'in-flight',
  'waiting',
  'held',
  'needs-attention',
  'done',
  'cancelled',
];

const events: Record<JobEvent['type'], JobEvent> = {
  start: { type: 'start' },
  succeed: { type: 'succeed' },
  defer: { type: 'defer', error: offline, reason: offlineReason, delayMs: 60_000 },
  block: { type: 'block', error: null, reason: lookAtIt },
  hold: { type: 'hold', reason: msg('job.held') },
  retry: { type: 'retry' },
  cancel: { type: 'cancel' },
  recover: { type: 'recover' },
  wake: { type: 'wake' },
  continue: { type: 'continue', delayMs: 0, reason: null },
};

/**
 * The state machine as the issue describes it, written out by hand: the state each event leads
 * to from each state it is allowed in. Every pair missing here must be refused.
 */
const machine: Record<JobEvent['type'], Partial<Record<JobState, JobState>>> = {
  // The worker takes a job that is due.
  start: { queued: 'in-flight', waiting: 'in-flight' },
  succeed: { 'in-flight': 'done' },
  // Offline, Sendcloud busy, printer down: it tries again by itself.
  defer: { 'in-flight': 'waiting' },
  // A packer must decide.
  block: { 'in-flight': 'needs-attention' },
  // A label kept for the batch print, as it is made or as it is queued.
  hold: { 'in-flight': 'held', queued: 'held', waiting: 'held' },
  retry: {
    waiting: 'queued',
    'needs-attention': 'queued',
    held: 'queued',
    queued: 'queued',
  },
  // Anything not running and not finished can be cancelled.
  cancel: {
    queued: 'cancelled',
    waiting: 'cancelled',
    held: 'cancelled',
    'needs-attention': 'cancelled',
  },
  // Found in flight at start-up.
  recover: { 'in-flight': 'queued' },
  // The connection is back.
  wake: { waiting: 'queued' },
  // A batch did one step and goes back in line for the next.
  continue: { 'in-flight': 'queued' },
};

const table = states.flatMap((state) =>
  Object.values(events).map((event) => ({
    state,
    event,
    to: machine[event.type][state] ?? null,
  })),
);

describe('the outbox state machine', () => {
  it.each(table.filter((row) => row.to !== null))(
    'a $state job on $event.type becomes $to',
    ({ state, event, to }) => {
      const before = job(state, { attempts: 1, firstAttemptAt: T0 });
      expect(canApply(before, event.type)).toBe(true);
      const after = transition(before, event, NOW);
      expect(after.state).toBe(to);
      expect(after.updatedAt).toBe(NOW);
      // Who the job is never changes with its state.
      expect(after).toMatchObject({
        id: before.id,
        seq: before.seq,
        kind: before.kind,
        orderRef: before.orderRef,
        code: before.code,
        createdAt: before.createdAt,
      });
    },
  );

  it.each(table.filter((row) => row.to === null))(
    'a $state job refuses $event.type',
    ({ state, event }) => {
      const before = job(state);
      expect(canApply(before, event.type)).toBe(false);
      expect(() => transition(before, event, NOW)).toThrow(InvalidTransition);
      expect(() => transition(before, event, NOW)).toThrow(`A ${state} job cannot ${event.type}.`);
    },
  );

  it('refuses with an AppError a host can send across the border', () => {
    const refused = (() => {
      try {
        transition(job('done'), { type: 'cancel' }, NOW);
      } catch (error) {
        return error;
      }
      return null;
    })();
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).toData()).toEqual({
      code: 'invalid-input',
      ...msg('job.invalidTransition', { state: 'done', event: 'cancel' }),
    });
  });

  it('covers every state and every event, so a new one cannot slip past this table', () => {
    expect(table).toHaveLength(states.length * Object.keys(events).length);
  });
});

describe('what a transition records', () => {
  it('counts each start and remembers when the first one went out', () => {
    const first = transition(job('queued', { nextAttemptAt: T0 }), { type: 'start' }, T0 + 1_000);
    expect(first).toMatchObject({ attempts: 1, firstAttemptAt: T0 + 1_000, nextAttemptAt: null });

    const waited = transition(first, events.defer, T0 + 2_000);
    const second = transition(waited, { type: 'start' }, T0 + 70_000);
    // Reconciliation searches from the first try, however many tries came after it.
    expect(second).toMatchObject({ attempts: 2, firstAttemptAt: T0 + 1_000 });
  });

  it('a deferred job keeps its error and reason and is due after the delay', () => {
    const deferred = transition(job('in-flight', { attempts: 1 }), events.defer, NOW);
    expect(deferred).toMatchObject({
      state: 'waiting',
      lastError: offline,
      reason: offlineReason,
      nextAttemptAt: NOW + 60_000,
    });
  });

  it('a success clears the reason and the due time but keeps the last error for the record', () => {
    const done = transition(
      job('in-flight', { attempts: 2, lastError: offline, reason: offlineReason }),
      { type: 'succeed' },
      NOW,
    );
    expect(done).toMatchObject({
      state: 'done',
      reason: null,
      nextAttemptAt: null,
      lastError: offline,
    });
  });

  it('a block keeps the earlier error when it brings none of its own', () => {
    const blocked = transition(
      job('in-flight', { lastError: offline, nextAttemptAt: NOW }),
      { type: 'block', error: null, reason: lookAtIt },
      NOW,
    );
    expect(blocked).toMatchObject({
      lastError: offline,
      reason: lookAtIt,
      nextAttemptAt: null,
    });
    const stale: AppErrorData = { code: 'label-stale', ...msg('job.error.stale', { minutes: 90 }) };
    expect(
      transition(
        job('in-flight', { lastError: offline }),
        { type: 'block', error: stale, reason: msg('job.stale', { order: 'PD-1', minutes: 90 }) },
        NOW,
      ).lastError,
    ).toEqual(stale);
  });

  it('a packer’s retry of a job needing attention or held is an approval; a plain retry is not', () => {
    for (const state of ['needs-attention', 'held'] as const) {
      const retried = transition(job(state, { reason: lookAtIt }), { type: 'retry' }, NOW);
      expect(retried, state).toMatchObject({
        state: 'queued',
        approvedAt: NOW,
        nextAttemptAt: NOW,
        reason: null,
      });
    }
    for (const state of ['waiting', 'queued'] as const) {
      const retried = transition(job(state, { approvedAt: T0 }), { type: 'retry' }, NOW);
      expect(retried.approvedAt, state).toBe(T0);
      expect(transition(job(state), { type: 'retry' }, NOW).approvedAt, state).toBeNull();
    }
  });

  it('recovery puts the job back in line now, saying it checks Sendcloud first, attempts kept', () => {
    const recovered = transition(
      job('in-flight', { attempts: 1, firstAttemptAt: T0 }),
      { type: 'recover' },
      NOW,
    );
    expect(recovered).toMatchObject({
      state: 'queued',
      attempts: 1,
      firstAttemptAt: T0,
      nextAttemptAt: NOW,
    });
    expect(recovered.reason).toEqual(msg('job.recovered'));
  });

  it('waking makes a waiting job due now; cancelling and holding leave nothing due', () => {
    const waiting = job('waiting', { nextAttemptAt: NOW + 60_000, reason: offlineReason });
    expect(transition(waiting, { type: 'wake' }, NOW)).toMatchObject({
      state: 'queued',
      nextAttemptAt: NOW,
    });
    expect(transition(waiting, { type: 'cancel' }, NOW)).toMatchObject({
      state: 'cancelled',
      nextAttemptAt: null,
      reason: msg('job.cancelled'),
    });
    expect(transition(job('queued', { nextAttemptAt: NOW }), events.hold, NOW)).toMatchObject({
      state: 'held',
      nextAttemptAt: null,
      reason: msg('job.held'),
    });
  });

  it('never changes the job it was given', () => {
    const before = job('queued');
    const copy = structuredClone(before);
    transition(before, { type: 'start' }, NOW);
    expect(before).toEqual(copy);
  });
});

describe('classifyFailure', () => {
  it.each<[SendcloudErrorKind, FailureClass, AppErrorData['code']]>([
    ['network', 'offline', 'offline'],
    ['timeout', 'offline', 'offline'],
    // Keys revoked: queued work waits for a reconnect instead of failing.
    ['auth', 'transient', 'auth-failed'],
    ['rate-limited', 'transient', 'rate-limited'],
    ['server', 'transient', 'sendcloud-error'],
    ['validation', 'terminal', 'sendcloud-error'],
    ['not-found', 'terminal', 'sendcloud-error'],
    ['conflict', 'terminal', 'sendcloud-error'],
  ])('a Sendcloud %s error is %s (%s)', (kind, expected, code) => {
    const { kind: got, error } = classifyFailure(sendcloudError(kind, 'raw', { status: 500 }));
    expect(got).toBe(expected);
    expect(error.code).toBe(code);
    expect(error.key).toMatch(/^sendcloud\./);
    expect(JSON.stringify(error.params)).not.toContain('raw');
  });

  it('a printer that is off or faulted is a printer failure, whatever its code', () => {
    for (const code of ['printer-offline', 'printer-error'] as const) {
      const said = msg('printer.net.noAnswer', { address: 'tcp://10.0.0.7:9100' });
      expect(classifyFailure(new PrinterError(code, said))).toEqual({
        kind: 'printer',
        error: { code, ...said },
      });
    }
  });

  it('an app error is for a packer to look at, with its own code and message', () => {
    expect(classifyFailure(new AppError('label-invalid', msg('printer.label.notZpl')))).toEqual({
      kind: 'terminal',
      error: { code: 'label-invalid', ...msg('printer.label.notZpl') },
    });
  });

  it('anything else is terminal and hides its text', () => {
    const { kind, error } = classifyFailure(new TypeError('secret stack detail'));
    expect(kind).toBe('terminal');
    expect(error.code).toBe('internal');
    expect(error).toEqual({ code: 'internal', ...msg('error.internal') });
    expect(classifyFailure('a string').kind).toBe('terminal');
  });
});

describe('retryDelayMs', () => {
  const options = { baseMs: 1_000, capMs: 8_000 };

  it('doubles per attempt, half fixed and half jittered', () => {
    const low = [1, 2, 3, 4].map((a) => retryDelayMs(a, { ...options, random: () => 0 }));
    const high = [1, 2, 3, 4].map((a) => retryDelayMs(a, { ...options, random: () => 1 }));
    expect(low).toEqual([500, 1_000, 2_000, 4_000]);
    expect(high).toEqual([1_000, 2_000, 4_000, 8_000]);
  });

  it('never waits longer than the cap, however many attempts', () => {
    for (const attempts of [5, 10, 60, 1_000]) {
      expect(retryDelayMs(attempts, { ...options, random: () => 1 })).toBe(8_000);
      expect(retryDelayMs(attempts, { ...options, random: () => 0 })).toBe(4_000);
    }
  });

  it('treats a job not yet tried like its first attempt', () => {
    expect(retryDelayMs(0, { ...options, random: () => 0 })).toBe(500);
  });

  it('stays inside [step/2, step] for any draw', () => {
    for (let i = 0; i <= 100; i++) {
      const random = () => i / 100;
      for (const attempts of [1, 3, 9]) {
        const step = Math.min(options.capMs, options.baseMs * 2 ** (attempts - 1));
        const delay = retryDelayMs(attempts, { ...options, random });
        expect(delay).toBeGreaterThanOrEqual(step / 2);
        expect(delay).toBeLessThanOrEqual(step);
      }
    }
  });

  it('waits seconds to minutes for Sendcloud and at most half a minute for the printer', () => {
    const max = (o: typeof sendcloudBackoff, attempts: number) =>
      retryDelayMs(attempts, { ...o, random: () => 1 });
    expect(max(sendcloudBackoff, 1)).toBe(2_000);
    expect(max(sendcloudBackoff, 50)).toBe(5 * 60_000);
    expect(max(printerBackoff, 1)).toBe(1_000);
    expect(max(printerBackoff, 50)).toBe(30_000);
  });
});

describe('waitingReason', () => {
  it('tells a packer what the job waits for, in their words', () => {
    expect(waitingReason('offline', offline)).toEqual(msg('job.waiting.offline'));
    // The printer's own words say what to fix: paper out, lid open, unreachable.
    const unreachable = msg('printer.net.noAnswer', { address: 'tcp://10.0.0.7:9100' });
    expect(waitingReason('printer', { code: 'printer-offline', ...unreachable })).toEqual(
      msg('job.waiting.printer', { problem: unreachable }),
    );
    // Only a packer can fix a terminal failure, so it reads as the failure itself.
    expect(
      waitingReason('terminal', { code: 'label-invalid', ...msg('printer.label.notZpl') }),
    ).toEqual(msg('printer.label.notZpl'));
  });

  it('tells revoked keys apart from a busy Sendcloud', () => {
    const keys = waitingReason('transient', {
      code: 'auth-failed',
      ...msg('sendcloud.keysRefused'),
    });
    const busy = waitingReason('transient', {
      code: 'sendcloud-error',
      ...msg('sendcloud.serverError', { status: 503 }),
    });
    const slow = waitingReason('transient', {
      code: 'rate-limited',
      ...msg('sendcloud.rateLimited'),
    });
    expect(keys).toEqual(msg('job.waiting.keysRefused'));
    expect(busy).toEqual(msg('job.waiting.sendcloudTrouble'));
    expect(slow).toEqual(msg('job.waiting.slowDown'));
  });
});
