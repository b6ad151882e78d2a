import { describe, expect, it } from 'vitest';
import { msg, type Result } from '../../../src-shared';
import { failure, entry, fakeApi, deferred } from '../../../test/helpers/station-store';
import { createStationStore } from '../station';

describe('station store: scans', () => {
  it('follows a scan from events that arrive before the submit answer', async () => {
    const answer = deferred<Result<unknown>>();
    const { api, emit } = fakeApi({ 'scan.submit': () => answer.promise });
    const store = createStationStore(api, null);
    store.getState().start();

    const submitted = store.getState().submitScan('  ORD-1 ');
    expect(store.getState().current).toMatchObject({ kind: 'pending', code: 'ORD-1' });

    emit('scan.updated', entry({ step: msg('scan.step.printing', { printer: 'Zebra' }) }));
    expect(store.getState().current).toMatchObject({
      kind: 'entry',
      entry: { state: 'working', step: msg('scan.step.printing', { printer: 'Zebra' }) },
    });

    const printed = entry({ state: 'printed', trackingNumber: 'TT1', carrier: 'DHL' });
    emit('scan.updated', printed);
    // The submit answer is older than the last event: it must not turn the panel back.
    answer.resolve({ ok: true, value: entry({ step: msg('scan.step.creatingLabel') }) });
    await submitted;
    const { current, scans } = store.getState();
    expect(current).toMatchObject({ kind: 'entry', id: 'scan-1' });
    expect(scans).toHaveLength(1);
    expect(scans[0]).toMatchObject({ state: 'printed', trackingNumber: 'TT1' });
  });

  it('shows a rejected submit as a failure with its reason', async () => {
    const { api } = fakeApi({
      'scan.submit': async () => ({
        ok: false,
        error: failure('offline', 'The station host is not answering.'),
      }),
    });
    const store = createStationStore(api, null);
    await store.getState().submitScan('ORD-9');
    expect(store.getState().current).toMatchObject({
      kind: 'rejected',
      code: 'ORD-9',
      error: failure('offline', 'The station host is not answering.'),
    });
  });

  it('ignores an empty scan', async () => {
    const { api, calls } = fakeApi({});
    const store = createStationStore(api, null);
    await store.getState().submitScan('   ');
    expect(calls).toEqual([]);
    expect(store.getState().current).toBeNull();
  });

  it('follows a queued scan on the panel until it prints', async () => {
    const queued = entry({
      state: 'queued',
      step: msg('scan.step.queued'),
      jobId: 'job-1',
      waitingReason: msg('scan.waiting.offline'),
    });
    const { api, emit } = fakeApi({ 'scan.submit': async () => ({ ok: true, value: queued }) });
    const store = createStationStore(api, null);
    store.getState().start();
    await store.getState().submitScan('ORD-1');
    expect(store.getState().current).toMatchObject({
      kind: 'entry',
      entry: { state: 'queued', waitingReason: msg('scan.waiting.offline') },
    });

    emit('scan.updated', { ...queued, state: 'printed', trackingNumber: 'TT1' });
    expect(store.getState().current).toMatchObject({
      kind: 'entry',
      entry: { state: 'printed', trackingNumber: 'TT1' },
    });
  });

  it('updates the list, not the panel, when an earlier queued scan prints', async () => {
    const { api, emit } = fakeApi({
      'scan.submit': async () => ({
        ok: true,
        value: entry({ id: 'scan-2', code: 'ORD-2', startedAt: '2025-11-21T10:05:00.000Z' }),
      }),
    });
    const store = createStationStore(api, null);
    store.getState().start();
    const older = entry({
      id: 'scan-old',
      code: 'ORD-OLD',
      state: 'queued',
      startedAt: '2025-11-21T10:00:00.000Z',
    });
    emit('scan.updated', older);
    const submitted = store.getState().submitScan('ORD-2');
    emit(
      'scan.updated',
      entry({
        id: 'scan-2',
        code: 'ORD-2',
        state: 'printed',
        startedAt: '2025-11-21T10:05:00.000Z',
      }),
    );
    await submitted;

    emit('scan.updated', { ...older, state: 'printed', trackingNumber: 'TT-OLD' });
    const { current, scans } = store.getState();
    expect(current).toMatchObject({ kind: 'entry', id: 'scan-2' });
    expect(scans.find((scan) => scan.id === 'scan-old')?.state).toBe('printed');
  });

  it('does not let an old scan the outbox drains take the panel', () => {
    const { api, emit } = fakeApi({});
    const store = createStationStore(api, null);
    store.getState().start();
    emit('scan.updated', entry({ id: 'new', state: 'printed', startedAt: '2025-11-21T10:05:00Z' }));
    const shown = store.getState().current;
    // Fell off the recent list long ago, now being drained.
    emit('scan.updated', entry({ id: 'ancient', startedAt: '2025-11-21T08:00:00Z' }));
    expect(store.getState().current).toBe(shown);
    // A scan started now in another window still does.
    emit('scan.updated', entry({ id: 'other', startedAt: '2025-11-21T10:06:00Z' }));
    expect(store.getState().current).toMatchObject({ kind: 'entry', id: 'other' });
  });
});
