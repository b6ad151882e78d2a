import { describe, expect, it } from 'vitest';
import { type Result } from '../../../src-shared';
import {
  failure,
  fakeApi,
  deferred,
  settle,
  jobView,
  offline,
} from '../../../test/helpers/station-store';
import { createStationStore } from '../station';

describe('station store: the queue', () => {
  it('replaces the job list on `jobs.changed` and keeps the queue length with it', async () => {
    const { api, emit } = fakeApi({});
    const store = createStationStore(api, null);
    store.getState().start();
    emit('connectivity.changed', offline);
    emit('jobs.changed', [jobView('a'), jobView('b'), jobView('c')]);
    expect(store.getState().jobs?.map((j) => j.id)).toEqual(['a', 'b', 'c']);
    expect(store.getState().connectivity?.queueLength).toBe(3);

    emit('jobs.changed', [jobView('c', { state: 'in-flight' })]);
    expect(store.getState().jobs).toEqual([jobView('c', { state: 'in-flight' })]);
    expect(store.getState().connectivity).toMatchObject({ online: false, queueLength: 1 });
  });

  it('lists the queue and reads the settings when the panel opens', async () => {
    const { api, calls } = fakeApi({
      'queue.list': async () => ({ ok: true, value: [jobView('a')] }),
      'outbox.settings': async () => ({
        ok: true,
        value: { drainMode: 'hold', staleAfterMinutes: 30 },
      }),
    });
    const store = createStationStore(api, null);
    store.getState().openQueue();
    await settle();
    expect(store.getState().queueOpen).toBe(true);
    expect(calls).toEqual([
      { name: 'queue.list', input: {} },
      { name: 'outbox.settings', input: {} },
    ]);
    expect(store.getState().jobs).toEqual([jobView('a')]);
    expect(store.getState().outbox).toEqual({ drainMode: 'hold', staleAfterMinutes: 30 });
    store.getState().closeQueue();
    expect(store.getState().queueOpen).toBe(false);
  });

  it('drops a `queue.list` answer that a push overtook', async () => {
    const answer = deferred<Result<unknown>>();
    const { api, emit } = fakeApi({ 'queue.list': () => answer.promise });
    const store = createStationStore(api, null);
    store.getState().start();
    const loading = store.getState().loadJobs();
    emit('jobs.changed', [jobView('b', { state: 'in-flight' })]);
    answer.resolve({ ok: true, value: [jobView('a'), jobView('b')] });
    await loading;
    expect(store.getState().jobs?.map((j) => j.id)).toEqual(['b']);
  });

  it('retries a job by id and shows the answer', async () => {
    const retried = jobView('a', { state: 'queued', updatedAt: '2025-11-21T10:02:00.000Z' });
    const { api, emit, calls } = fakeApi({
      'queue.retry': async () => ({ ok: true, value: retried }),
    });
    const store = createStationStore(api, null);
    store.getState().start();
    emit('jobs.changed', [jobView('a'), jobView('b')]);
    const retrying = store.getState().retryJob('a');
    expect(store.getState().jobActions['a']).toEqual({ kind: 'pending', action: 'retry' });
    await retrying;
    expect(calls.filter((c) => c.name === 'queue.retry')).toEqual([
      { name: 'queue.retry', input: { id: 'a' } },
    ]);
    expect(store.getState().jobs?.[0]).toEqual(retried);
    expect(store.getState().jobActions).toEqual({});
  });

  it('keeps a refused retry or cancel on its job, to show inline', async () => {
    const { api, emit, calls } = fakeApi({
      'queue.cancel': async () => ({
        ok: false,
        error: failure('invalid-input', 'The job is already in flight.'),
      }),
    });
    const store = createStationStore(api, null);
    store.getState().start();
    emit('jobs.changed', [jobView('a')]);
    await store.getState().cancelJob('a');
    expect(calls.filter((c) => c.name === 'queue.cancel')).toEqual([
      { name: 'queue.cancel', input: { id: 'a' } },
    ]);
    expect(store.getState().jobActions['a']).toEqual({
      kind: 'failed',
      action: 'cancel',
      error: failure('invalid-input', 'The job is already in flight.'),
    });
    expect(store.getState().jobs).toEqual([jobView('a')]);
  });

  it('removes a cancelled job from the list', async () => {
    const { api, emit } = fakeApi({
      'queue.cancel': async () => ({
        ok: true,
        value: jobView('a', { state: 'cancelled', updatedAt: '2025-11-21T10:03:00.000Z' }),
      }),
    });
    const store = createStationStore(api, null);
    store.getState().start();
    emit('jobs.changed', [jobView('a'), jobView('b')]);
    await store.getState().cancelJob('a');
    expect(store.getState().jobs?.map((j) => j.id)).toEqual(['b']);
  });

  it('releases the held labels and says how many', async () => {
    const { api, calls } = fakeApi({
      'queue.printHeld': async () => ({ ok: true, value: { released: 4 } }),
    });
    const store = createStationStore(api, null);
    await store.getState().printHeldLabels();
    expect(calls).toEqual([{ name: 'queue.printHeld', input: {} }]);
    expect(store.getState().printHeld).toEqual({ kind: 'done', released: 4 });
  });

  it('changes one outbox setting at a time and keeps what the station answered', async () => {
    const { api, calls } = fakeApi({
      'outbox.settings': async () => ({
        ok: true,
        value: { drainMode: 'hold', staleAfterMinutes: 60 },
      }),
    });
    const store = createStationStore(api, null);
    expect(await store.getState().changeOutboxSettings({ drainMode: 'hold' })).toBe(true);
    expect(calls).toEqual([{ name: 'outbox.settings', input: { drainMode: 'hold' } }]);
    expect(store.getState().outbox?.drainMode).toBe('hold');
  });

  it('shows a refused settings change', async () => {
    const { api } = fakeApi({
      'outbox.settings': async () => ({
        ok: false,
        error: failure('invalid-input', 'staleAfterMinutes: too big'),
      }),
    });
    const store = createStationStore(api, null);
    expect(await store.getState().changeOutboxSettings({ staleAfterMinutes: 99999 })).toBe(false);
    expect(store.getState().outboxError).toEqual(
      failure('invalid-input', 'staleAfterMinutes: too big'),
    );
  });
});
