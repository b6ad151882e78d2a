// What every slice is built with: the API, the host link, the whole store's get and set (a slice
// may read or write another's fields, as the status carries accounts), and the push clocks that
// more than one slice advances.
import type { StoreApi } from 'zustand/vanilla';
import type { PackdeskApi } from '../../../src-shared';
import type { HostConnection } from '../../bridge/web-bridge';
import {
  createOvertaking,
  type Keyed,
  type KeyedRequests,
  keyedRequests,
  type Overtaking,
  type Pending,
} from '../helpers';
import type { StationState } from '../station';
import type { AccountAction } from './accounts';
import type { PrinterAction, RouteAction } from './printers';
import type { JobAction } from './queue';
import type { ShipmentAction } from './shipments';

export interface SliceContext {
  api: PackdeskApi;
  host: HostConnection | null;
  set: StoreApi<StationState>['setState'];
  get: StoreApi<StationState>['getState'];
  pushes: {
    /** Account lists that arrived as pushes: `accounts.changed` and the pushed status. */
    accounts: Overtaking;
    /** `jobs.changed`. */
    jobs: Overtaking;
    /** `printers.changed`: every printer command pushes its outcome too. */
    printers: Overtaking;
  };
}

export function createSliceContext(
  api: PackdeskApi,
  host: HostConnection | null,
  set: SliceContext['set'],
  get: SliceContext['get'],
): SliceContext {
  return {
    api,
    host,
    set,
    get,
    pushes: {
      accounts: createOvertaking(),
      jobs: createOvertaking(),
      printers: createOvertaking(),
    },
  };
}

/** The store's fields that hold one request's state per key, and what each holds. */
export interface KeyedFields {
  jobActions: JobAction;
  printerActions: PrinterAction;
  routeActions: RouteAction;
  printerAdds: Pending;
  accountActions: AccountAction;
  merchantSaves: Pending;
  merchantRemoves: Pending;
  reprints: ShipmentAction;
  voids: ShipmentAction;
}

/** One request per key in flight, over a keyed field of the store. */
export function keyed<F extends keyof KeyedFields>(
  ctx: SliceContext,
  field: F,
): KeyedRequests<KeyedFields[F]> {
  return keyedRequests(
    () => ctx.get()[field] as Keyed<KeyedFields[F]>,
    (next) => ctx.set({ [field]: next }),
  );
}
