// Returns on the Shipments screen: the returns of the last days with their status, and a return
// made for one shipment (its label printed, or its portal link), one request per shipment.
import type { AppErrorData, ReturnDelivery, ReturnMade, ReturnRow } from '../../../src-shared';
import { keyedRequests, type Keyed } from '../helpers';
import type { SliceContext } from './context';

/** A return being made (or printed) for a shipment, by its parcel id: on its way, made, refused. */
export type ReturnAction =
  | { kind: 'pending' }
  | { kind: 'done'; made: ReturnMade }
  | { kind: 'failed'; error: AppErrorData };

export interface ReturnsSlice {
  /** Null until read. */
  returns: ReturnRow[] | null;
  returnsLoading: boolean;
  returnsError: AppErrorData | null;
  returnActions: Keyed<ReturnAction>;
  /** Read the returns of the last 14 days; `refresh` asks Sendcloud for their status first. */
  loadReturns(refresh?: boolean): Promise<void>;
  /** Make the return of a shipment (a second ask shows the one made). Null while one is on its way. */
  createReturn(parcelId: number, delivery: ReturnDelivery): Promise<ReturnMade | null>;
  printReturn(parcelId: number, returnId: number): Promise<void>;
}

/** The return of a shipment among the loaded ones, newest first. */
export function returnOfParcel(rows: readonly ReturnRow[] | null, parcelId: number) {
  return rows?.find((row) => row.parcelId === parcelId) ?? null;
}

/** Rows with this one in its place (or first, when new). */
export function withReturn(rows: readonly ReturnRow[] | null, row: ReturnRow): ReturnRow[] {
  const rest = (rows ?? []).filter((other) => other.returnId !== row.returnId);
  return rows?.some((other) => other.returnId === row.returnId)
    ? (rows ?? []).map((other) => (other.returnId === row.returnId ? row : other))
    : [row, ...rest];
}

export function returnsSlice(ctx: SliceContext): ReturnsSlice {
  const actions = keyedRequests<ReturnAction>(
    () => ctx.get().returnActions,
    (next) => ctx.set({ returnActions: next }),
  );
  const settle = (result: { ok: true; value: ReturnMade } | { ok: false; error: AppErrorData }) =>
    result.ok
      ? ({ kind: 'done', made: result.value } as const)
      : ({ kind: 'failed', error: result.error } as const);
  const keep = (made: ReturnMade) => ctx.set({ returns: withReturn(ctx.get().returns, made.row) });

  return {
    returns: null,
    returnsLoading: false,
    returnsError: null,
    returnActions: {},

    async loadReturns(refresh) {
      ctx.set({ returnsLoading: true });
      const result = await ctx.api.returns.list(refresh ? { refresh: true } : {});
      ctx.set(
        result.ok
          ? { returns: result.value, returnsLoading: false, returnsError: null }
          : { returnsLoading: false, returnsError: result.error },
      );
    },

    async createReturn(parcelId, delivery) {
      const result = await actions.run(
        String(parcelId),
        { kind: 'pending' },
        () => ctx.api.returns.create({ parcelId, delivery }),
        settle,
      );
      if (!result?.ok) return null;
      keep(result.value);
      return result.value;
    },

    async printReturn(parcelId, returnId) {
      const result = await actions.run(
        String(parcelId),
        { kind: 'pending' },
        () => ctx.api.returns.print({ returnId }),
        settle,
      );
      if (result?.ok) keep(result.value);
    },
  };
}
