import { describe, expect, it, vi } from 'vitest';
import type { DaySummary, Result } from '../../../src-shared';
import { deferred, failure, fakeApi, settle } from '../../../test/helpers/station-store';
import { createStationStore } from '../station';

const summaryOf = (day: string, made: number): DaySummary => ({
  day,
  counts: { made, printed: made, reprinted: 0, voided: 0, failed: 0, waiting: 0 },
  returns: 0,
  perHour: Array.from({ length: 24 }, (_, hour) => ({ hour, labels: hour === 9 ? made : 0 })),
  byCarrier: [{ carrier: 'dhl', labels: made }],
  byAccount: [],
  byMerchant: [],
  byPacker: [],
  exceptions: [],
  tracking: { delivered: 0, inTransit: 0, exception: 0, checkedAt: null },
  trackingExceptions: [],
});

describe('station store: the Day screen', () => {
  it('reads the day when the screen opens, and again for another day', async () => {
    const { api, calls } = fakeApi({
      'day.summary': async () => ({ ok: true, value: summaryOf('2026-11-20', 12) }),
    });
    const store = createStationStore(api, null);
    store.getState().showScreen('day');
    await settle();
    expect(calls).toEqual([{ name: 'day.summary', input: { day: store.getState().dayPicked } }]);
    expect(store.getState().daySummary?.counts.made).toBe(12);
    store.getState().pickDay('2026-11-19');
    await settle();
    expect(calls.at(-1)).toEqual({ name: 'day.summary', input: { day: '2026-11-19' } });
  });

  it('keeps only the answer to the latest day asked', async () => {
    const slow = deferred<Result<DaySummary>>();
    let answers = 0;
    const { api } = fakeApi({
      'day.summary': () =>
        ++answers === 1 ? slow.promise : Promise.resolve({ ok: true, value: summaryOf('b', 2) }),
    });
    const store = createStationStore(api, null);
    store.getState().pickDay('2026-11-18');
    store.getState().pickDay('2026-11-19');
    await settle();
    slow.resolve({ ok: true, value: summaryOf('a', 1) });
    await settle();
    expect(store.getState().daySummary?.day).toBe('b');
  });

  it('says why the export or a hand-over list failed, per carrier', async () => {
    const { api, calls } = fakeApi({
      'day.export': async () => ({ ok: false, error: failure('internal', 'disk') }),
      'day.handover': async () => ({
        ok: true,
        value: {
          carrier: 'dhl',
          parcels: 3,
          fileName: 'h.pdf',
          pdfBase64: '',
          printedOn: 'Office',
        },
      }),
    });
    const store = createStationStore(api, null);
    expect(await store.getState().exportDay()).toBeNull();
    expect(store.getState().dayExport).toMatchObject({
      kind: 'failed',
      error: { code: 'internal' },
    });
    await store.getState().makeHandover('dhl', true, 'de');
    expect(calls.at(-1)).toMatchObject({
      name: 'day.handover',
      input: { carrier: 'dhl', print: true, language: 'de' },
    });
    expect(store.getState().handovers.dhl).toMatchObject({ kind: 'done', printedOn: 'Office' });
  });

  it('reads the figures again when a shipment changes while the screen is open', async () => {
    vi.useFakeTimers();
    try {
      const { api, emit, calls } = fakeApi({
        'day.summary': async () => ({ ok: true, value: summaryOf('2026-11-20', 1) }),
      });
      const store = createStationStore(api, null);
      store.getState().start();
      store.getState().showScreen('day');
      const before = calls.filter((c) => c.name === 'day.summary').length;
      emit('jobs.changed', []);
      emit('jobs.changed', []);
      await vi.advanceTimersByTimeAsync(1_000);
      expect(calls.filter((c) => c.name === 'day.summary').length).toBe(before + 1);
    } finally {
      vi.useRealTimers();
    }
  });
});
