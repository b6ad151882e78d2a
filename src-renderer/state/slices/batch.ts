// The Batch screen: the open orders to choose from (filtered, searched and sorted by main, from
// its cache), the selection made by hand or by scanning, the print order, starting a batch, and
// the batches themselves, kept live by `batch.changed` so the header can follow one anywhere.
import type {
  AppErrorData,
  BatchDetails,
  BatchLayout,
  BatchPdf,
  BatchSort,
  BatchSortField,
  BatchStarted,
  BatchView,
  OpenOrderRow,
  OpenOrders,
  OpenOrdersFilter,
  Result,
} from '../../../src-shared';
import { cleanFilter, putBatch, toggled, withAll, withRange } from '../batch';
import { failedOrNothing, keyedRequests, type Keyed, type Pending } from '../helpers';
import type { SliceContext } from './context';

export type BatchScanState =
  | { kind: 'pending'; code: string }
  | { kind: 'added'; code: string; row: OpenOrderRow }
  | { kind: 'failed'; code: string; error: AppErrorData };

export type BatchStartState = Pending | { kind: 'done'; started: BatchStarted };

export interface BatchPrintOrder {
  sort: BatchSort;
  chunkSize: number;
  /** For a PDF printer; null: the printer's paper decides (A4 four-up, else A6). */
  layout: BatchLayout | null;
}

/** What a person can do to a batch, or to one of its orders. */
export type BatchActionName =
  'pause' | 'resume' | 'cancel' | 'reprint' | 'pdf' | 'retryOrder' | 'leaveOut';

export const DEFAULT_CHUNK_SIZE = 50;

export interface BatchSlice {
  openOrders: OpenOrders | null;
  openOrdersLoading: boolean;
  openOrdersError: AppErrorData | null;
  batchFilter: OpenOrdersFilter;
  /** The list's sort, by a column header. */
  batchListSort: BatchSort;
  /** The chosen orders, by ref, in the order they were chosen. */
  batchSelection: string[];
  /** The row the keyboard is on. */
  batchCursor: string | null;
  /** Where a Shift range starts: the last row chosen one by one. */
  batchAnchor: string | null;
  /** The last scan on the Batch screen. */
  batchScan: BatchScanState | null;
  batchPrintOrder: BatchPrintOrder;
  batchStart: BatchStartState | null;
  /** Every batch of the station, newest first; null until read or pushed. */
  batches: BatchView[] | null;
  batchesError: AppErrorData | null;
  /** The batch whose orders the screen shows (progress, errors), read fresh as it moves. */
  batchOpen: { id: string; details: BatchDetails | null; error: AppErrorData | null } | null;
  /** Actions on their way or refused, by `action:batch` or `action:batch:order`. */
  batchActions: Keyed<Pending>;
  loadOpenOrders(): Promise<void>;
  changeBatchFilter(change: Partial<OpenOrdersFilter>): void;
  clearBatchFilter(): void;
  /** A column header: sort by it, or the other way round when it already sorts. */
  sortOpenOrders(field: BatchSortField): void;
  /** Put the keyboard on a row; `extend` (Shift) adds the rows from the anchor to it. */
  moveBatchCursor(ref: string, extend: boolean): void;
  toggleBatchOrder(ref: string): void;
  /** Shift+click: add the range from the anchor to this row. */
  selectBatchRange(ref: string): void;
  selectAllShown(): void;
  clearBatchSelection(): void;
  /** A scan on the Batch screen: the order joins the selection instead of printing. */
  scanIntoBatch(code: string): Promise<void>;
  changePrintOrder(change: Partial<BatchPrintOrder>): void;
  startBatch(): Promise<boolean>;
  loadBatches(): Promise<void>;
  openBatch(id: string): Promise<void>;
  closeBatch(): void;
  batchAction(
    action: Exclude<BatchActionName, 'pdf' | 'retryOrder' | 'leaveOut'>,
    id: string,
  ): Promise<boolean>;
  batchOrderAction(
    action: 'retryOrder' | 'leaveOut',
    id: string,
    orderRef: string,
  ): Promise<boolean>;
  /** The batch's labels as one PDF; the caller saves it. */
  batchPdf(id: string): Promise<BatchPdf | null>;
}

export const actionKey = (action: BatchActionName, id: string, orderRef?: string): string =>
  orderRef === undefined ? `${action}:${id}` : `${action}:${id}:${orderRef}`;

const shownRefs = (ctx: SliceContext): string[] =>
  ctx.get().openOrders?.rows.map((row) => row.orderRef) ?? [];

/** Details of the open batch are read again when it moves; one read at a time, the last wins. */
function detailsReader(ctx: SliceContext) {
  let reading = false;
  let again = false;
  const read = async (): Promise<void> => {
    const open = ctx.get().batchOpen;
    if (!open) return;
    if (reading) {
      again = true;
      return;
    }
    reading = true;
    const result = await ctx.api.batch.details({ id: open.id });
    reading = false;
    const now = ctx.get().batchOpen;
    if (now?.id === open.id) {
      ctx.set({
        batchOpen: result.ok
          ? { id: open.id, details: result.value, error: null }
          : { ...now, error: result.error },
      });
    }
    if (again) {
      again = false;
      await read();
    }
  };
  return read;
}

export interface BatchPushes {
  readDetails: () => Promise<void>;
}

/** A batch moved: its view goes into the list; its orders are read again if it is open. */
export function onBatchChanged(ctx: SliceContext, pushes: BatchPushes, view: BatchView): void {
  const was = ctx.get().batches?.find((batch) => batch.id === view.id) ?? null;
  ctx.set({ batches: putBatch(ctx.get().batches, view) });
  const open = ctx.get().batchOpen;
  if (open?.id === view.id) {
    if (open.details && open.details.revision <= view.revision) {
      ctx.set({ batchOpen: { ...open, details: { ...open.details, ...view } } });
    }
    void pushes.readDetails();
  }
  // A batch that took orders, ended, or gave a refused one back changes what is open to choose.
  const moved =
    was === null ||
    was.state !== view.state ||
    was.counts.failed !== view.counts.failed ||
    was.counts.leftOut !== view.counts.leftOut;
  if (ctx.get().screen === 'batch' && moved) void ctx.get().loadOpenOrders();
}

export function createBatchPushes(ctx: SliceContext): BatchPushes {
  return { readDetails: detailsReader(ctx) };
}

export function batchSlice(ctx: SliceContext, pushes: BatchPushes): BatchSlice {
  let asked = 0;
  const actions = keyedRequests(
    () => ctx.get().batchActions,
    (next) => ctx.set({ batchActions: next }),
  );
  const run = async <T>(key: string, call: () => Promise<Result<T>>) =>
    actions.run(key, { kind: 'pending' }, call, failedOrNothing);

  return {
    openOrders: null,
    openOrdersLoading: false,
    openOrdersError: null,
    batchFilter: {},
    batchListSort: { field: 'order-number', direction: 'asc' },
    batchSelection: [],
    batchCursor: null,
    batchAnchor: null,
    batchScan: null,
    batchPrintOrder: {
      sort: { field: 'order-number', direction: 'asc' },
      chunkSize: DEFAULT_CHUNK_SIZE,
      layout: null,
    },
    batchStart: null,
    batches: null,
    batchesError: null,
    batchOpen: null,
    batchActions: {},

    async loadOpenOrders() {
      const mine = ++asked;
      const { batchFilter, batchListSort } = ctx.get();
      ctx.set({ openOrdersLoading: true });
      const result = await ctx.api.batch.openOrders({
        filter: cleanFilter(batchFilter),
        sort: batchListSort,
      });
      // Typing in the search asks on every key: only the answer to the last question counts.
      if (mine !== asked) return;
      if (!result.ok) {
        ctx.set({ openOrdersLoading: false, openOrdersError: result.error });
        return;
      }
      const rows = result.value.rows.map((row) => row.orderRef);
      const cursor = ctx.get().batchCursor;
      ctx.set({
        openOrders: result.value,
        openOrdersLoading: false,
        openOrdersError: null,
        batchCursor: cursor !== null && rows.includes(cursor) ? cursor : (rows[0] ?? null),
      });
    },

    changeBatchFilter(change) {
      ctx.set({ batchFilter: { ...ctx.get().batchFilter, ...change } });
      void ctx.get().loadOpenOrders();
    },

    clearBatchFilter() {
      const { search } = ctx.get().batchFilter;
      ctx.set({ batchFilter: search ? { search } : {} });
      void ctx.get().loadOpenOrders();
    },

    sortOpenOrders(field) {
      const sort = ctx.get().batchListSort;
      const direction = sort.field === field && sort.direction === 'asc' ? 'desc' : 'asc';
      ctx.set({ batchListSort: { field, direction } });
      void ctx.get().loadOpenOrders();
    },

    moveBatchCursor(ref, extend) {
      const { batchSelection, batchAnchor, batchCursor } = ctx.get();
      if (!extend) {
        ctx.set({ batchCursor: ref });
        return;
      }
      const anchor = batchAnchor ?? batchCursor;
      ctx.set({
        batchCursor: ref,
        batchAnchor: anchor,
        batchSelection: withRange(batchSelection, shownRefs(ctx), anchor, ref),
      });
    },

    toggleBatchOrder(ref) {
      ctx.set({
        batchSelection: toggled(ctx.get().batchSelection, ref),
        batchCursor: ref,
        batchAnchor: ref,
      });
    },

    selectBatchRange(ref) {
      const { batchSelection, batchAnchor, batchCursor } = ctx.get();
      const anchor = batchAnchor ?? batchCursor;
      ctx.set({
        batchSelection: withRange(batchSelection, shownRefs(ctx), anchor, ref),
        batchCursor: ref,
        batchAnchor: anchor ?? ref,
      });
    },

    selectAllShown() {
      ctx.set({ batchSelection: withAll(ctx.get().batchSelection, shownRefs(ctx)) });
    },

    clearBatchSelection() {
      ctx.set({ batchSelection: [], batchAnchor: null });
    },

    async scanIntoBatch(code) {
      ctx.set({ batchScan: { kind: 'pending', code } });
      const result = await ctx.api.batch.scan({ code });
      if (ctx.get().batchScan?.code !== code) return;
      if (!result.ok) {
        ctx.set({ batchScan: { kind: 'failed', code, error: result.error } });
        return;
      }
      const row = result.value;
      const selection = ctx.get().batchSelection;
      ctx.set({
        batchScan: { kind: 'added', code, row },
        batchSelection: selection.includes(row.orderRef) ? selection : [...selection, row.orderRef],
        batchCursor: row.orderRef,
        batchAnchor: row.orderRef,
      });
    },

    changePrintOrder(change) {
      ctx.set({ batchPrintOrder: { ...ctx.get().batchPrintOrder, ...change } });
    },

    async startBatch() {
      const { batchSelection, batchPrintOrder, batchStart } = ctx.get();
      if (batchSelection.length === 0 || batchStart?.kind === 'pending') return false;
      ctx.set({ batchStart: { kind: 'pending' } });
      const result = await ctx.api.batch.start({
        orderRefs: batchSelection,
        sort: batchPrintOrder.sort,
        chunkSize: batchPrintOrder.chunkSize,
        ...(batchPrintOrder.layout ? { layout: batchPrintOrder.layout } : {}),
      });
      if (!result.ok) {
        ctx.set({ batchStart: { kind: 'failed', error: result.error } });
        return false;
      }
      const { batch } = result.value;
      ctx.set({
        batchStart: { kind: 'done', started: result.value },
        batches: putBatch(ctx.get().batches, batch),
        batchSelection: [],
        batchAnchor: null,
        batchScan: null,
      });
      void ctx.get().openBatch(batch.id);
      void ctx.get().loadOpenOrders();
      return true;
    },

    async loadBatches() {
      const result = await ctx.api.batch.list({});
      if (!result.ok) {
        ctx.set({ batchesError: result.error });
        return;
      }
      // A push that came while the list was on its way may be newer than the list's copy.
      let batches = result.value;
      for (const pushed of ctx.get().batches ?? []) batches = putBatch(batches, pushed);
      ctx.set({ batches, batchesError: null });
    },

    async openBatch(id) {
      if (ctx.get().batchOpen?.id !== id) {
        ctx.set({ batchOpen: { id, details: null, error: null } });
      }
      await pushes.readDetails();
    },

    closeBatch() {
      ctx.set({ batchOpen: null });
    },

    async batchAction(action, id) {
      const result = await run(actionKey(action, id), () => ctx.api.batch[action]({ id }));
      if (!result?.ok) return false;
      ctx.set({ batches: putBatch(ctx.get().batches, result.value) });
      if (ctx.get().batchOpen?.id === id) void pushes.readDetails();
      return true;
    },

    async batchOrderAction(action, id, orderRef) {
      const result = await run(actionKey(action, id, orderRef), () =>
        ctx.api.batch[action]({ id, orderRef }),
      );
      if (!result?.ok) return false;
      ctx.set({ batches: putBatch(ctx.get().batches, result.value) });
      const shown = ctx.get().batchOpen;
      if (shown?.id === id && (shown.details?.revision ?? 0) <= result.value.revision) {
        ctx.set({ batchOpen: { id, details: result.value, error: null } });
      }
      return true;
    },

    async batchPdf(id) {
      const result = await run(actionKey('pdf', id), () => ctx.api.batch.pdf({ id }));
      return result?.ok ? result.value : null;
    },
  };
}
