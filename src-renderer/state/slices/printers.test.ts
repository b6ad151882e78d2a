import { describe, expect, it } from 'vitest';
import { msg, type PrinterSetup, type PrinterView, type Result } from '../../../src-shared';
import { deferred, failure, fakeApi, settle } from '../../../test/helpers/station-store';
import { createStationStore } from '../station';

function printerView(id: string, overrides: Partial<PrinterView> = {}): PrinterView {
  return {
    id,
    name: `Printer ${id}`,
    transport: 'tcp',
    address: '127.0.0.1:9100',
    language: 'zpl',
    dpi: 203,
    paper: 'A6',
    position: 0,
    fixed: false,
    status: {
      reachable: true,
      faults: [],
      pending: null,
      dpi: null,
      source: 'printer',
      message: msg('legacy.text', { text: 'Ready' }),
      checkedAt: '2026-12-01T10:00:00.000Z',
    },
    ...overrides,
  };
}

const setupOf = (...printers: PrinterView[]): PrinterSetup => ({
  printers,
  routes: { 'zpl-label': printers[0]?.id ?? null, 'pdf-label': null, 'a4-document': null },
});

describe('station store: printers', () => {
  it('drops a `printers.list` answer that a `printers.changed` push overtook', async () => {
    const answer = deferred<Result<unknown>>();
    const { api, emit } = fakeApi({ 'printers.list': () => answer.promise });
    const store = createStationStore(api, null);
    store.getState().start();
    const pushed = setupOf(printerView('a', { name: 'Pushed' }));
    emit('printers.changed', pushed);
    answer.resolve({ ok: true, value: setupOf(printerView('a', { name: 'Older answer' })) });
    await settle();
    expect(store.getState().printers).toEqual(pushed);
  });

  it('runs one test print per printer at a time, and keeps its outcome by id', async () => {
    const answer = deferred<Result<unknown>>();
    const { api, calls } = fakeApi({ 'printers.test': () => answer.promise });
    const store = createStationStore(api, null);
    const first = store.getState().testPrinter('a');
    await store.getState().testPrinter('a');
    expect(calls.filter((call) => call.name === 'printers.test')).toHaveLength(1);
    expect(store.getState().printerActions).toEqual({ a: { kind: 'pending', action: 'test' } });
    answer.resolve({ ok: false, error: failure('printer-offline', 'no answer') });
    await first;
    expect(store.getState().printerActions).toEqual({
      a: { kind: 'failed', action: 'test', error: failure('printer-offline', 'no answer') },
    });
  });

  it('forgets the action of a printer the set-up no longer has', async () => {
    const { api, emit } = fakeApi({
      'printers.test': async () => ({ ok: false, error: failure('printer-offline', 'gone') }),
    });
    const store = createStationStore(api, null);
    store.getState().start();
    await store.getState().testPrinter('b');
    emit('printers.changed', setupOf(printerView('a'), printerView('b')));
    expect(Object.keys(store.getState().printerActions)).toEqual(['b']);
    emit('printers.changed', setupOf(printerView('a')));
    expect(store.getState().printerActions).toEqual({});
  });

  it('lets only the newest staging of demo printer faults settle its state', async () => {
    const answers = [deferred<Result<unknown>>(), deferred<Result<unknown>>()];
    let call = 0;
    const { api } = fakeApi({ 'demo.printerFaults': () => answers[call++]!.promise });
    const store = createStationStore(api, null);
    const first = store.getState().setDemoPrinterFaults(['paper-out']);
    const second = store.getState().setDemoPrinterFaults([]);
    answers[1]!.resolve({ ok: true, value: setupOf(printerView('a')) });
    await second;
    expect(store.getState().demoPrinterFaults).toBeNull();
    answers[0]!.resolve({ ok: false, error: failure('internal', 'late') });
    await first;
    expect(store.getState().demoPrinterFaults).toBeNull();
  });
});
