import { describe, expect, it } from 'vitest';
import type { Connectivity, JobView } from '../../src-shared';
import { msg } from '../../src-shared/messages';
import {
  applyJobAnswer,
  canCancel,
  canRetry,
  cancelConsequence,
  groupJobs,
  jobKindLabel,
  jobStateLabel,
  newerConnectivity,
} from './outbox';

const at = (minute: number): string =>
  new Date(Date.UTC(2025, 10, 21, 10, minute, 0)).toISOString();

function job(id: string, overrides: Partial<JobView> = {}): JobView {
  return {
    id,
    kind: 'create-label',
    state: 'queued',
    orderNumber: `ORD-${id}`,
    code: `ORD-${id}`,
    trackingNumber: null,
    attempts: 0,
    nextAttemptAt: null,
    lastError: null,
    reason: msg('scan.waiting.offline'),
    createdAt: at(0),
    updatedAt: at(0),
    ...overrides,
  };
}

function connectivity(overrides: Partial<Connectivity> = {}): Connectivity {
  return { online: true, since: at(0), queueLength: 0, lastError: null, ...overrides };
}

describe('newerConnectivity', () => {
  it('takes the first report', () => {
    const offline = connectivity({ online: false, since: at(5), queueLength: 2 });
    expect(newerConnectivity(null, offline)).toBe(offline);
  });

  it('keeps an offline report when an older online report arrives late', () => {
    const offline = connectivity({ online: false, since: at(5), queueLength: 2 });
    const stale = connectivity({ online: true, since: at(1) });
    expect(newerConnectivity(offline, stale)).toBe(offline);
  });

  it('takes a newer change and a same-`since` queue length update', () => {
    const offline = connectivity({ online: false, since: at(5), queueLength: 2 });
    const longer = { ...offline, queueLength: 3 };
    expect(newerConnectivity(offline, longer)).toBe(longer);
    const back = connectivity({ online: true, since: at(9), queueLength: 3 });
    expect(newerConnectivity(longer, back)).toBe(back);
  });
});

describe('applyJobAnswer', () => {
  it('replaces the job the answer is about', () => {
    const list = [job('a', { state: 'waiting' }), job('b')];
    const retried = job('a', { state: 'queued', updatedAt: at(2) });
    expect(applyJobAnswer(list, retried)).toEqual([retried, job('b')]);
  });

  it('drops a job the answer says is cancelled', () => {
    const list = [job('a'), job('b')];
    const cancelled = job('a', { state: 'cancelled', updatedAt: at(2) });
    expect(applyJobAnswer(list, cancelled).map((j) => j.id)).toEqual(['b']);
  });

  it('does not bring back a job a push already removed', () => {
    expect(applyJobAnswer([job('b')], job('a', { updatedAt: at(2) })).map((j) => j.id)).toEqual([
      'b',
    ]);
  });

  it('does not replace a view newer than the answer', () => {
    const inFlight = job('a', { state: 'in-flight', updatedAt: at(3) });
    const answer = job('a', { state: 'queued', updatedAt: at(2) });
    expect(applyJobAnswer([inFlight], answer)).toEqual([inFlight]);
  });
});

describe('groupJobs', () => {
  it('puts needs-attention first, then in-flight, waiting (with queued), held; scan order within', () => {
    const jobs = [
      job('held', { state: 'held', createdAt: at(0) }),
      job('q2', { state: 'queued', createdAt: at(4) }),
      job('w1', { state: 'waiting', createdAt: at(2) }),
      job('fly', { state: 'in-flight', createdAt: at(3) }),
      job('att', { state: 'needs-attention', createdAt: at(5) }),
      job('gone', { state: 'done', createdAt: at(1) }),
    ];
    const groups = groupJobs(jobs);
    expect(groups.map((g) => [g.key, g.jobs.map((j) => j.id)])).toEqual([
      ['needs-attention', ['att']],
      ['in-flight', ['fly']],
      ['waiting', ['w1', 'q2']],
      ['held', ['held']],
    ]);
    expect(groups.map((g) => g.title.key)).toEqual([
      'ui.queue.group.needs-attention',
      'ui.queue.group.in-flight',
      'ui.queue.group.waiting',
      'ui.queue.group.held',
    ]);
  });

  it('has no groups for an empty outbox', () => {
    expect(groupJobs([])).toEqual([]);
  });
});

describe('what the queue says about a job', () => {
  it('names kinds and states by key', () => {
    expect(jobKindLabel('sync-orders')).toEqual({ key: 'ui.queue.kind.sync-orders', params: {} });
    expect(jobStateLabel('needs-attention').key).toBe('ui.queue.state.needs-attention');
  });

  it('says what cancelling costs, with the order or tracking number it is about', () => {
    expect(cancelConsequence(job('a'))).toEqual({
      key: 'ui.queue.cancel.label',
      params: { order: 'ORD-a' },
    });
    expect(cancelConsequence(job('a', { orderNumber: null, code: null }))).toEqual(
      msg('ui.queue.cancel.labelNoOrder'),
    );
    expect(cancelConsequence(job('p', { kind: 'print', trackingNumber: 'TT1' }))).toEqual({
      key: 'ui.queue.cancel.print',
      params: { tracking: 'TT1' },
    });
    expect(cancelConsequence(job('p', { kind: 'print' })).key).toBe(
      'ui.queue.cancel.printNoTracking',
    );
    expect(cancelConsequence(job('s', { kind: 'sync-orders' })).key).toBe('ui.queue.cancel.sync');
  });
});

describe('job actions', () => {
  it('offers retry only for waiting and needs-attention, cancel for all but in-flight', () => {
    const states = ['queued', 'in-flight', 'waiting', 'held', 'needs-attention'] as const;
    expect(states.filter((state) => canRetry(job('a', { state })))).toEqual([
      'waiting',
      'needs-attention',
    ]);
    expect(states.filter((state) => canCancel(job('a', { state })))).toEqual([
      'queued',
      'waiting',
      'held',
      'needs-attention',
    ]);
  });

  it('offers no cancel for a batch: its own screen cancels what is left of it', () => {
    const states = ['queued', 'waiting', 'held', 'needs-attention'] as const;
    expect(states.filter((state) => canCancel(job('a', { state, kind: 'batch' })))).toEqual([]);
  });
});
