// The Shipments screen: the loaded rows and the packer's query over them, asking Sendcloud when
// a search finds nothing here, one shipment's details and label preview, reprints and voids,
// and rows kept live by `shipment.changed`.
import type {
  AppErrorData,
  LabelPreview,
  LedgerScope,
  ReprintReason,
  ShipmentDetails,
  ShipmentRow,
} from '../../../src-shared';
import { failedOrNothing, type Keyed, type Pending } from '../helpers';
import {
  covers,
  emptyQuery,
  filterRows,
  indexRows,
  localDayOf,
  mergeRows,
  rangeFor,
  shouldLookUp,
  type IndexedRow,
  type ShipmentQuery,
} from '../shipments';
import { keyed, type SliceContext } from './context';

export interface LoadedShipments {
  rows: IndexedRow[];
  /** The local days asked of the station. */
  range: { from: string; to: string };
  truncated: boolean;
  /** False while only the newest page is here and the rest is on its way. */
  complete: boolean;
  /** Whose rows: this station's, the warehouse's, or this station's while the link is down. */
  scope?: LedgerScope | null;
}

export type ShipmentLookUp =
  | { kind: 'pending'; query: string }
  | { kind: 'done'; query: string; found: number }
  | { kind: 'failed'; query: string; error: AppErrorData };

export type DetailsState =
  | { kind: 'loading'; parcelId: number }
  | { kind: 'ready'; parcelId: number; details: ShipmentDetails }
  | { kind: 'failed'; parcelId: number; error: AppErrorData };

export type ShipmentPreviewState =
  | { kind: 'loading'; parcelId: number }
  | { kind: 'ready'; parcelId: number; preview: LabelPreview }
  | { kind: 'failed'; parcelId: number; error: AppErrorData };

/** A reprint or void on its way, refused and why, or (a reprint) done. */
export type ShipmentAction =
  Pending | { kind: 'done'; action: 'reprint' | 'void'; state: ShipmentRow['state'] };

export interface ShipmentsSlice {
  shipments: LoadedShipments | null;
  shipmentsLoading: boolean;
  shipmentsError: AppErrorData | null;
  shipmentQuery: ShipmentQuery;
  shipmentLookUp: ShipmentLookUp | null;
  /** The row the keyboard is on, by parcel id. */
  selectedShipment: number | null;
  /** The details panel, when open. */
  shipmentDetails: DetailsState | null;
  shipmentPreview: ShipmentPreviewState | null;
  reprints: Keyed<ShipmentAction>;
  voids: Keyed<ShipmentAction>;
  /** Read the rows the query's days need (the last 14 days by default). */
  loadShipments(): Promise<void>;
  /** Change the query; days outside the loaded range are read from the station. */
  changeShipmentQuery(change: Partial<ShipmentQuery>): void;
  /** Ask Sendcloud for the search text, when nothing here matched. */
  lookUpShipments(): Promise<void>;
  selectShipment(parcelId: number | null): void;
  openShipment(parcelId: number): Promise<void>;
  closeShipment(): void;
  reprintShipment(parcelId: number, printerId: string, reason: ReprintReason): Promise<boolean>;
  voidShipment(parcelId: number): Promise<boolean>;
}

const today = () => localDayOf(new Date().toISOString());
/** The rows a first paint needs, and a few screens more. */
export const FIRST_PAGE = 100;

function putRows(ctx: SliceContext, incoming: readonly ShipmentRow[]): void {
  const loaded = ctx.get().shipments;
  if (!loaded) return;
  ctx.set({ shipments: { ...loaded, rows: mergeRows(loaded.rows, incoming) } });
}

async function readDetails(ctx: SliceContext, parcelId: number): Promise<void> {
  const result = await ctx.api.shipments.details({ parcelId });
  // The packer may have moved on to another shipment while this one was on its way.
  if (ctx.get().shipmentDetails?.parcelId !== parcelId) return;
  if (result.ok) {
    putRows(ctx, [result.value.row]);
    ctx.set({ shipmentDetails: { kind: 'ready', parcelId, details: result.value } });
  } else if (ctx.get().shipmentDetails?.kind !== 'ready') {
    ctx.set({ shipmentDetails: { kind: 'failed', parcelId, error: result.error } });
  }
}

/** A row main pushed: put it in, and read the open details again if they are about it. */
export function onShipmentChanged(ctx: SliceContext, row: ShipmentRow): void {
  putRows(ctx, [row]);
  const open = ctx.get().shipmentDetails;
  if (open?.parcelId === row.parcelId) {
    if (open.kind === 'ready') {
      ctx.set({ shipmentDetails: { ...open, details: { ...open.details, row } } });
    }
    void readDetails(ctx, row.parcelId);
  }
}

export function shipmentsSlice(ctx: SliceContext): ShipmentsSlice {
  let loadGeneration = 0;

  return {
    shipments: null,
    shipmentsLoading: false,
    shipmentsError: null,
    shipmentQuery: emptyQuery,
    shipmentLookUp: null,
    selectedShipment: null,
    shipmentDetails: null,
    shipmentPreview: null,
    reprints: {},
    voids: {},

    async loadShipments() {
      const generation = ++loadGeneration;
      const range = rangeFor(ctx.get().shipmentQuery, today());
      const shown = ctx.get().shipments?.range;
      ctx.set({ shipmentsLoading: true });
      // Nothing shown for these days yet: the newest page first, so the table is there at once
      // while the rest (10,000 rows and more) is read.
      if (shown?.from !== range.from || shown.to !== range.to) {
        const first = await ctx.api.shipments.list({ ...range, limit: FIRST_PAGE });
        if (generation !== loadGeneration) return;
        if (first.ok) {
          const complete = !first.value.truncated;
          ctx.set({
            shipmentsError: null,
            shipmentsLoading: !complete,
            shipments: {
              rows: indexRows(first.value.rows),
              range,
              truncated: false,
              complete,
              scope: first.value.scope ?? null,
            },
          });
          if (complete) return;
        }
      }
      const result = await ctx.api.shipments.list(range);
      // A newer query's days overtook this answer.
      if (generation !== loadGeneration) return;
      if (!result.ok) {
        ctx.set({ shipmentsLoading: false, shipmentsError: result.error });
        return;
      }
      const { rows, truncated, scope } = result.value;
      ctx.set({
        shipmentsLoading: false,
        shipmentsError: null,
        shipments: {
          rows: indexRows(rows),
          range,
          truncated,
          complete: true,
          scope: scope ?? null,
        },
      });
    },

    changeShipmentQuery(change) {
      const query = { ...ctx.get().shipmentQuery, ...change };
      ctx.set({ shipmentQuery: query });
      const loaded = ctx.get().shipments;
      if (loaded && !covers(loaded.range, query, today())) void ctx.get().loadShipments();
    },

    async lookUpShipments() {
      const { shipmentQuery, shipments, shipmentLookUp } = ctx.get();
      // Not found in the first page is not "not found here".
      if (!shipments?.complete) return;
      const text = shipmentQuery.text.trim();
      const matches = filterRows(shipments.rows, shipmentQuery).length;
      const lastAsked = shipmentLookUp?.kind === 'failed' ? null : (shipmentLookUp?.query ?? null);
      if (!shouldLookUp(text, matches, lastAsked)) return;
      ctx.set({ shipmentLookUp: { kind: 'pending', query: text } });
      const result = await ctx.api.shipments.lookUp({ query: text });
      if (ctx.get().shipmentLookUp?.query !== text) return;
      if (!result.ok) {
        ctx.set({ shipmentLookUp: { kind: 'failed', query: text, error: result.error } });
        return;
      }
      putRows(ctx, result.value);
      ctx.set({
        shipmentLookUp: { kind: 'done', query: text, found: result.value.length },
        // A row found is what the packer was looking for: the keyboard lands on it.
        ...(result.value[0] ? { selectedShipment: result.value[0].parcelId } : {}),
      });
    },

    selectShipment(parcelId) {
      ctx.set({ selectedShipment: parcelId });
    },

    async openShipment(parcelId) {
      ctx.set({
        selectedShipment: parcelId,
        shipmentDetails: { kind: 'loading', parcelId },
        shipmentPreview: { kind: 'loading', parcelId },
      });
      const preview = ctx.api.shipments.preview({ parcelId }).then((result) => {
        if (ctx.get().shipmentPreview?.parcelId !== parcelId) return;
        ctx.set({
          shipmentPreview: result.ok
            ? { kind: 'ready', parcelId, preview: result.value }
            : { kind: 'failed', parcelId, error: result.error },
        });
      });
      await Promise.all([readDetails(ctx, parcelId), preview]);
    },

    closeShipment() {
      ctx.set({ shipmentDetails: null, shipmentPreview: null });
    },

    async reprintShipment(parcelId, printerId, reason) {
      const result = await keyed(ctx, 'reprints').run(
        String(parcelId),
        { kind: 'pending' },
        () => ctx.api.shipments.reprint({ parcelId, printerId, reason }),
        (done) =>
          done.ok
            ? { kind: 'done', action: 'reprint', state: done.value.state }
            : failedOrNothing(done),
      );
      if (!result?.ok) return false;
      onShipmentChanged(ctx, result.value);
      return true;
    },

    async voidShipment(parcelId) {
      const result = await keyed(ctx, 'voids').run(
        String(parcelId),
        { kind: 'pending' },
        () => ctx.api.shipments.void({ parcelId }),
        (done) =>
          done.ok
            ? { kind: 'done', action: 'void', state: done.value.state }
            : failedOrNothing(done),
      );
      if (!result?.ok) return false;
      onShipmentChanged(ctx, result.value);
      return true;
    },
  };
}
