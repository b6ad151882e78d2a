import { describe, expect, it } from 'vitest';
import type { ScanEntry } from '../../src-shared';
import { msg } from '../../src-shared/messages';
import { mergeScans, resultView } from './scans';

function scan(id: string, overrides: Partial<ScanEntry> = {}): ScanEntry {
  return {
    id,
    code: `ORD-${id}`,
    state: 'working',
    step: msg('scan.step.creatingLabel'),
    orderNumber: `ORD-${id}`,
    trackingNumber: null,
    carrier: null,
    shippingOption: null,
    error: null,
    startedAt: '2025-11-21T10:00:00.000Z',
    finishedAt: null,
    reprint: false,
    jobId: null,
    waitingReason: null,
    warning: null,
    ...overrides,
  };
}

const at = (second: number): string =>
  new Date(Date.UTC(2025, 10, 21, 10, 0, second)).toISOString();

describe('mergeScans', () => {
  it('replaces an entry with the same id and keeps newest first', () => {
    const list = [scan('b', { startedAt: at(2) }), scan('a', { startedAt: at(1) })];
    const merged = mergeScans(list, [
      scan('a', { startedAt: at(1), state: 'printed', trackingNumber: 'TT1' }),
      scan('c', { startedAt: at(3) }),
    ]);
    expect(merged.map((s) => s.id)).toEqual(['c', 'b', 'a']);
    expect(merged[2]?.state).toBe('printed');
  });

  it('keeps a finished entry when a late `working` update for it arrives', () => {
    const printed = scan('a', { state: 'printed', trackingNumber: 'TT1' });
    const merged = mergeScans([printed], [scan('a', { state: 'working' })]);
    expect(merged).toEqual([printed]);
  });

  it('keeps a queued entry when a late `working` update for it arrives', () => {
    const queued = scan('a', {
      state: 'queued',
      jobId: 'job-a',
      waitingReason: msg('scan.waiting.offline'),
    });
    expect(mergeScans([queued], [scan('a', { state: 'working' })])).toEqual([queued]);
  });

  it('lets a queued entry move on to printed', () => {
    const queued = scan('a', {
      state: 'queued',
      jobId: 'job-a',
      waitingReason: msg('scan.waiting.offline'),
    });
    const printed = scan('a', { state: 'printed', jobId: 'job-a', trackingNumber: 'TT1' });
    expect(mergeScans([queued], [printed])).toEqual([printed]);
  });

  it("keeps label + customs documents printed when the submit answer's earlier step arrives late", () => {
    const printing = scan('a', { state: 'printed', step: msg('customs.scan.documentsPrinting') });
    const both = scan('a', { state: 'printed', step: msg('customs.scan.printed') });
    expect(mergeScans([printing], [both])).toEqual([both]);
    expect(mergeScans([both], [printing])).toEqual([both]);
  });

  it('keeps at most the limit, dropping the oldest', () => {
    const updates = Array.from({ length: 25 }, (_, i) => scan(`s${i}`, { startedAt: at(i) }));
    const merged = mergeScans([], updates);
    expect(merged).toHaveLength(20);
    expect(merged[0]?.id).toBe('s24');
    expect(merged[19]?.id).toBe('s5');
  });
});

describe('resultView', () => {
  it('is idle before any scan', () => {
    expect(resultView(null, []).state).toBe('idle');
  });

  it('shows a pending scan as working, on its way to the station', () => {
    const view = resultView({ kind: 'pending', token: 1, code: 'ORD-1' }, []);
    expect(view).toMatchObject({ state: 'working', code: 'ORD-1', step: msg('ui.scan.sending') });
  });

  it('shows a rejected scan as failed with the error’s key and params as reason', () => {
    const view = resultView(
      {
        kind: 'rejected',
        token: 2,
        code: 'ORD-1',
        error: { code: 'invalid-input', ...msg('error.invalidInput', { detail: 'too long' }) },
      },
      [],
    );
    expect(view).toMatchObject({
      state: 'failed',
      reason: { key: 'error.invalidInput', params: { detail: 'too long' } },
      errorCode: 'invalid-input',
    });
  });

  it('follows the list entry for the current id, falling back to the stored entry', () => {
    const working = scan('a');
    const printed = scan('a', {
      state: 'printed',
      trackingNumber: 'TT1',
      carrier: 'postnl',
      shippingOption: { code: 'postnl:standard', name: 'PostNL Standard' },
    });
    const current = { kind: 'entry' as const, token: 1, id: 'a', entry: working };
    expect(resultView(current, [printed])).toMatchObject({
      key: 'scan-a',
      state: 'printed',
      trackingNumber: 'TT1',
      carrier: 'postnl',
      shippingOption: 'PostNL Standard',
    });
    expect(resultView(current, []).state).toBe('working');
  });

  it('shows a queued entry with why it waits as reason', () => {
    const queued = scan('a', {
      state: 'queued',
      step: msg('scan.step.queued'),
      jobId: 'job-a',
      waitingReason: msg('scan.waiting.offline'),
    });
    const view = resultView({ kind: 'entry', token: 1, id: 'a', entry: queued }, [queued]);
    expect(view).toMatchObject({
      state: 'queued',
      orderNumber: 'ORD-a',
      reason: { key: 'scan.waiting.offline', params: {} },
    });
  });

  it('gives a failed entry its error’s key and params as reason, without the code', () => {
    const failed = scan('a', {
      state: 'failed',
      error: { code: 'internal', ...msg('error.internal') },
    });
    const view = resultView({ kind: 'entry', token: 1, id: 'a', entry: failed }, [failed]);
    expect(view.reason).toEqual({ key: 'error.internal', params: {} });
    expect(view.errorCode).toBe('internal');
  });
});
