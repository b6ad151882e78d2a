import { afterEach, describe, expect, it } from 'vitest';
import { msg, type AppErrorData, type JobKind } from '../../src-shared';
import { manualClock } from '../../test/helpers/clock';
import { openDatabase, type Db } from '../store/db';
import { getJob, newJob, type Job } from '../store/jobs';
import { createOutbox } from './outbox';

const offline: AppErrorData = { code: 'offline', ...msg('scan.waiting.offline') };
const refused: AppErrorData = { code: 'auth-failed', ...msg('scan.waiting.offline') };

let db: Db | null = null;
afterEach(() => {
  db?.close();
  db = null;
});

function outboxWithJobs(jobs: { id: string; kind: JobKind; lastError?: AppErrorData }[]) {
  db = openDatabase(':memory:');
  const clock = manualClock();
  const changes: Job[] = [];
  const outbox = createOutbox({
    db,
    clock,
    lanes: [],
    onChange: (job) => changes.push(job),
  });
  for (const { id, kind, lastError = offline } of jobs) {
    outbox.enqueue(
      newJob(kind, id, clock.now(), {
        state: 'waiting',
        lastError,
        nextAttemptAt: clock.now() + 60_000,
      }),
    );
  }
  changes.length = 0;
  const state = (id: string) => (db ? getJob(db, id)?.state : undefined);
  return { outbox, changes, state };
}

describe('waking waiting jobs', () => {
  it('wakes the waiting jobs of the kinds named, in scan order, and no others', () => {
    const { outbox, changes, state } = outboxWithJobs([
      { id: 'label-1', kind: 'create-label' },
      { id: 'print-1', kind: 'print' },
      { id: 'sync-1', kind: 'sync-orders' },
      { id: 'label-2', kind: 'create-label' },
    ]);

    expect(outbox.wake({ kinds: ['create-label', 'sync-orders'] })).toBe(3);

    expect(changes.map((job) => [job.id, job.state])).toEqual([
      ['label-1', 'queued'],
      ['sync-1', 'queued'],
      ['label-2', 'queued'],
    ]);
    expect(state('print-1')).toBe('waiting');
  });

  it('wakes only the jobs the filter accepts', () => {
    const { outbox, state } = outboxWithJobs([
      { id: 'offline', kind: 'create-label', lastError: offline },
      { id: 'refused', kind: 'create-label', lastError: refused },
    ]);

    const woken = outbox.wake({
      kinds: ['create-label'],
      only: (job) => job.lastError?.code === 'auth-failed',
    });

    expect(woken).toBe(1);
    expect(state('refused')).toBe('queued');
    expect(state('offline')).toBe('waiting');
  });

  it('leaves jobs that are not waiting as they are', () => {
    const { outbox, changes, state } = outboxWithJobs([{ id: 'label', kind: 'create-label' }]);
    outbox.wake({ kinds: ['create-label'] });
    changes.length = 0;

    expect(outbox.wake({ kinds: ['create-label'] })).toBe(0);
    expect(changes).toEqual([]);
    expect(state('label')).toBe('queued');
  });
});

describe('settling', () => {
  it('resolves once a job stops moving, not while it is queued', async () => {
    const { outbox } = outboxWithJobs([{ id: 'sync', kind: 'sync-orders' }]);
    let settled: Job | null = null;
    void outbox.settled('sync').then((job) => (settled = job));

    outbox.wake({ kinds: ['sync-orders'] });
    await Promise.resolve();
    expect(settled).toBeNull();

    const queued = db ? getJob(db, 'sync') : null;
    if (!queued) throw new Error('no job');
    outbox.apply(outbox.apply(queued, { type: 'start' }), { type: 'succeed' });
    await Promise.resolve();
    expect(settled).toMatchObject({ id: 'sync', state: 'done' });
  });
});
