import { describe, expect, it } from 'vitest';
import {
  msg,
  type BatchDetails,
  type BatchView,
  type OpenOrderRow,
  type OpenOrders,
  type Result,
} from '../../../src-shared';
import { deferred, failure, fakeApi, settle } from '../../../test/helpers/station-store';
import { liveBatch, printedOf } from '../batch';
import { createStationStore } from '../station';

const row = (n: number, overrides: Partial<OpenOrderRow> = {}): OpenOrderRow => ({
  orderRef: `ref-${n}`,
  orderNumber: `PD-${10_000 + n}`,
  accountId: 'a1',
  accountName: 'Shop',
  merchantName: null,
  name: `Name ${n}`,
  country: 'NL',
  orderedAt: '2026-11-20T09:00:00.000Z',
  shippingOptionCode: 'postnl:standard',
  shippingOptionName: 'PostNL Standard',
  carrier: 'postnl',
  servicePoint: false,
  firstSku: `SKU-${n}`,
  ...overrides,
});

const openOf = (rows: OpenOrderRow[]): OpenOrders => ({
  rows,
  total: rows.length,
  choices: { accounts: [], merchants: [], carriers: [], shippingOptions: [], countries: [] },
});

const view = (id: string, overrides: Partial<BatchView> = {}): BatchView => ({
  id,
  state: 'running',
  counts: { total: 10, made: 4, printed: 2, failed: 1, toDo: 5, leftOut: 0, cancelled: 0 },
  sort: { field: 'order-number', direction: 'asc' },
  layout: 'a6',
  chunkSize: 50,
  printer: { id: 'p1', name: 'Zebra' },
  startedBy: null,
  stationName: 'Desk 1',
  createdAt: '2026-11-20T16:00:00.000Z',
  finishedAt: null,
  elapsedMs: 1_000,
  etaMs: 30_000,
  reason: null,
  reprints: 0,
  reprinting: null,
  revision: 1,
  ...overrides,
});

const details = (id: string, overrides: Partial<BatchView> = {}): BatchDetails => ({
  ...view(id, overrides),
  orders: [
    {
      position: 0,
      orderRef: 'ref-1',
      orderNumber: 'PD-10001',
      state: 'failed',
      parcelId: null,
      trackingNumber: null,
      error: { code: 'invalid-input', ...msg('batch.order.houseNumber') },
    },
  ],
});

const ok = <T>(value: T) => Promise.resolve({ ok: true as const, value });
const refs = (store: ReturnType<typeof createStationStore>) => store.getState().batchSelection;

describe('station store: the Batch screen', () => {
  const rows = [1, 2, 3, 4, 5].map((n) => row(n));

  it('reads the open orders and the batches when the screen opens, with the filter and sort', async () => {
    const { api, calls } = fakeApi({
      'batch.openOrders': () => ok(openOf(rows)),
      'batch.list': () => ok([]),
    });
    const store = createStationStore(api, null);
    store.getState().showScreen('batch');
    await settle();
    expect(calls.map((c) => c.name).sort()).toEqual(['batch.list', 'batch.openOrders']);
    expect(store.getState().openOrders?.rows).toHaveLength(5);
    // The keyboard starts on the first row.
    expect(store.getState().batchCursor).toBe('ref-1');

    store.getState().changeBatchFilter({ country: 'DE', search: '' });
    store.getState().sortOpenOrders('country');
    await settle();
    expect(calls.at(-1)).toEqual({
      name: 'batch.openOrders',
      input: { filter: { country: 'DE' }, sort: { field: 'country', direction: 'asc' } },
    });
    // The same column again sorts the other way.
    store.getState().sortOpenOrders('country');
    expect(store.getState().batchListSort).toEqual({ field: 'country', direction: 'desc' });
  });

  it('keeps only the answer to the latest search', async () => {
    const slow = deferred<Result<OpenOrders>>();
    let answers = 0;
    const { api } = fakeApi({
      'batch.openOrders': () => (++answers === 1 ? slow.promise : ok(openOf([row(9)]))),
    });
    const store = createStationStore(api, null);
    store.getState().changeBatchFilter({ search: 'P' });
    store.getState().changeBatchFilter({ search: 'PD-10009' });
    await settle();
    slow.resolve({ ok: true, value: openOf(rows) });
    await settle();
    expect(store.getState().openOrders?.rows.map((r) => r.orderRef)).toEqual(['ref-9']);
  });

  it('chooses one by one, a range from the anchor, and every row shown', async () => {
    const { api } = fakeApi({ 'batch.openOrders': () => ok(openOf(rows)) });
    const store = createStationStore(api, null);
    await store.getState().loadOpenOrders();
    const s = store.getState;
    s().toggleBatchOrder('ref-2');
    expect(refs(store)).toEqual(['ref-2']);
    // Shift+arrow down twice from the anchor: the rows between join.
    s().moveBatchCursor('ref-3', true);
    s().moveBatchCursor('ref-4', true);
    expect(refs(store)).toEqual(['ref-2', 'ref-3', 'ref-4']);
    // A plain arrow moves without choosing; Space takes one out again.
    s().moveBatchCursor('ref-5', false);
    expect(refs(store)).toHaveLength(3);
    s().toggleBatchOrder('ref-3');
    expect(refs(store)).toEqual(['ref-2', 'ref-4']);
    // Shift+click from the last one chosen one by one (ref-3) back to the first.
    s().selectBatchRange('ref-1');
    expect([...refs(store)].sort()).toEqual(['ref-1', 'ref-2', 'ref-3', 'ref-4']);
    s().selectAllShown();
    expect(refs(store)).toHaveLength(5);
    s().clearBatchSelection();
    expect(refs(store)).toEqual([]);
  });

  it('adds a scanned order to the selection, and says why one cannot join', async () => {
    let refuse = false;
    const { api } = fakeApi({
      'batch.scan': () =>
        refuse
          ? Promise.resolve({
              ok: false as const,
              error: { code: 'in-batch' as const, ...msg('batch.scan.inBatch', { order: 'PD-7' }) },
            })
          : ok(row(7)),
    });
    const store = createStationStore(api, null);
    await store.getState().scanIntoBatch('PD-10007');
    expect(refs(store)).toEqual(['ref-7']);
    expect(store.getState().batchCursor).toBe('ref-7');
    expect(store.getState().batchScan).toMatchObject({ kind: 'added', code: 'PD-10007' });
    // Scanned twice: still once in the batch.
    await store.getState().scanIntoBatch('PD-10007');
    expect(refs(store)).toEqual(['ref-7']);
    refuse = true;
    await store.getState().scanIntoBatch('PD-7');
    expect(store.getState().batchScan).toMatchObject({
      kind: 'failed',
      error: { code: 'in-batch', key: 'batch.scan.inBatch' },
    });
    expect(refs(store)).toEqual(['ref-7']);
  });

  it('starts the chosen orders in the print order, then follows the batch it made', async () => {
    const started = view('b1', { state: 'running' });
    const { api, calls } = fakeApi({
      'batch.openOrders': () => ok(openOf(rows)),
      'batch.start': () =>
        ok({
          batch: started,
          skipped: [
            {
              orderRef: 'ref-3',
              orderNumber: 'PD-10003',
              reason: msg('batch.start.skipped.labelled'),
            },
          ],
        }),
      'batch.details': () => ok(details('b1')),
    });
    const store = createStationStore(api, null);
    await store.getState().loadOpenOrders();
    expect(await store.getState().startBatch()).toBe(false);
    expect(calls.some((c) => c.name === 'batch.start')).toBe(false);
    store.getState().toggleBatchOrder('ref-2');
    store.getState().toggleBatchOrder('ref-3');
    store.getState().changePrintOrder({
      sort: { field: 'first-sku', direction: 'desc' },
      chunkSize: 20,
      layout: 'a4-four-up',
    });
    expect(await store.getState().startBatch()).toBe(true);
    await settle();
    expect(calls.find((c) => c.name === 'batch.start')?.input).toEqual({
      orderRefs: ['ref-2', 'ref-3'],
      sort: { field: 'first-sku', direction: 'desc' },
      chunkSize: 20,
      layout: 'a4-four-up',
    });
    const state = store.getState();
    expect(state.batchSelection).toEqual([]);
    expect(state.batchStart).toMatchObject({
      kind: 'done',
      started: { skipped: [{ orderRef: 'ref-3' }] },
    });
    expect(state.batchOpen?.details?.orders[0]?.error?.key).toBe('batch.order.houseNumber');
    expect(liveBatch(state.batches)?.id).toBe('b1');
  });

  it('keeps the refusal when the start is refused', async () => {
    const { api } = fakeApi({
      'batch.start': () =>
        Promise.resolve({ ok: false as const, error: failure('printer-offline', 'No printer.') }),
    });
    const store = createStationStore(api, null);
    store.setState({ batchSelection: ['ref-1'] });
    expect(await store.getState().startBatch()).toBe(false);
    expect(store.getState().batchStart).toMatchObject({
      kind: 'failed',
      error: { code: 'printer-offline' },
    });
    expect(store.getState().batchSelection).toEqual(['ref-1']);
  });

  it('follows batch.changed into the list (the header reads it) and reads the open batch again', async () => {
    let reads = 0;
    const { api, emit } = fakeApi({
      'batch.details': () => {
        reads += 1;
        return ok(details('b1', { counts: { ...view('b1').counts, printed: 5 } }));
      },
    });
    const store = createStationStore(api, null);
    store.getState().start();
    emit('batch.changed', view('b0', { state: 'done', createdAt: '2026-11-20T10:00:00.000Z' }));
    emit('batch.changed', view('b1'));
    expect(store.getState().batches?.map((b) => b.id)).toEqual(['b1', 'b0']);
    expect(liveBatch(store.getState().batches)?.id).toBe('b1');
    await store.getState().openBatch('b1');
    const before = reads;
    emit('batch.changed', view('b1', { counts: { ...view('b1').counts, printed: 5 } }));
    await settle();
    expect(reads).toBe(before + 1);
    const live = liveBatch(store.getState().batches);
    expect(live && printedOf(live)).toEqual({ printed: 5, total: 10 });
    emit('batch.changed', view('b1', { state: 'done' }));
    expect(liveBatch(store.getState().batches)).toBeNull();
  });

  it('keeps the reprint done when its answer, made before, arrives after the pushes', async () => {
    let answer: (value: unknown) => void = () => undefined;
    const { api, emit } = fakeApi({
      'batch.reprint': () => new Promise((resolve) => (answer = resolve)) as never,
    });
    const store = createStationStore(api, null);
    store.getState().start();
    emit('batch.changed', view('b1', { state: 'done', revision: 10 }));
    const asked = store.getState().batchAction('reprint', 'b1');
    // The whole reprint ran and was pushed before the command's answer came back.
    emit('batch.changed', view('b1', { state: 'running', reprints: 1, revision: 11 }));
    emit('batch.changed', view('b1', { state: 'done', reprints: 1, revision: 13 }));
    answer(ok(view('b1', { state: 'running', reprints: 1, revision: 12 })));
    expect(await asked).toBe(true);
    expect(store.getState().batches?.find((b) => b.id === 'b1')).toMatchObject({
      state: 'done',
      revision: 13,
    });
    // A newer view still wins, whichever way it comes.
    emit('batch.changed', view('b1', { state: 'running', reprints: 2, revision: 14 }));
    expect(store.getState().batches?.find((b) => b.id === 'b1')?.state).toBe('running');
  });

  it('retries or leaves out a refused order, and reprints a finished batch', async () => {
    const { api, calls } = fakeApi({
      'batch.details': () => ok(details('b1')),
      'batch.leaveOut': () =>
        ok({
          ...details('b1'),
          orders: [],
          counts: { ...view('b1').counts, failed: 0, leftOut: 1 },
        }),
      'batch.reprint': () => ok(view('b1', { reprints: 1, reprinting: { printed: 0, total: 2 } })),
      'batch.pause': () =>
        Promise.resolve({ ok: false as const, error: failure('invalid-input', 'finished') }),
    });
    const store = createStationStore(api, null);
    await store.getState().openBatch('b1');
    expect(await store.getState().batchOrderAction('leaveOut', 'b1', 'ref-1')).toBe(true);
    expect(calls.find((c) => c.name === 'batch.leaveOut')?.input).toEqual({
      id: 'b1',
      orderRef: 'ref-1',
    });
    expect(store.getState().batchOpen?.details?.orders).toEqual([]);
    expect(store.getState().batches?.[0]?.counts.leftOut).toBe(1);

    expect(await store.getState().batchAction('reprint', 'b1')).toBe(true);
    expect(store.getState().batches?.[0]?.reprints).toBe(1);
    const reprinting = store.getState().batches?.[0];
    expect(reprinting && printedOf(reprinting)).toEqual({ printed: 0, total: 2 });

    expect(await store.getState().batchAction('pause', 'b1')).toBe(false);
    expect(store.getState().batchActions['pause:b1']).toMatchObject({ kind: 'failed' });
  });
});
