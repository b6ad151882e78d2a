// What the station is and how it is reached: its status, the host link, Sendcloud's
// connectivity, and the order sync.
import type { AppErrorData, Connectivity, Result, StationStatus } from '../../../src-shared';
import type { HostConnectionState } from '../../bridge/web-bridge';
import { newerConnectivity } from '../outbox';
import { setAccounts } from './accounts';
import type { SliceContext } from './context';

/** `ipc` inside Electron (always there); the socket state in a browser on the loopback host. */
export type HostState = 'ipc' | HostConnectionState;

export interface ConnectionSlice {
  status: StationStatus | null;
  statusError: AppErrorData | null;
  host: HostState;
  syncing: boolean;
  syncError: AppErrorData | null;
  /** Whether Sendcloud is reachable and how many jobs the outbox holds; null until known. */
  connectivity: Connectivity | null;
  syncOrders(): Promise<void>;
}

/** `withAccounts`: the status's account list is newer than the one held. */
function applyStatus(ctx: SliceContext, status: StationStatus, withAccounts: boolean): void {
  ctx.set({
    status,
    statusError: null,
    connectivity: newerConnectivity(ctx.get().connectivity, status.connectivity),
    outbox: status.outbox,
  });
  if (withAccounts) setAccounts(ctx, status.accounts);
}

export function onStatusPushed(ctx: SliceContext, status: StationStatus): void {
  ctx.pushes.accounts.overtake();
  applyStatus(ctx, status, true);
}

export function onConnectivityPushed(ctx: SliceContext, incoming: Connectivity): void {
  ctx.set({ connectivity: newerConnectivity(ctx.get().connectivity, incoming) });
}

/** A status read by a command: its accounts count unless a push overtook it. */
async function statusCommand(
  ctx: SliceContext,
  call: () => Promise<Result<StationStatus>>,
): Promise<Result<StationStatus>> {
  const fresh = ctx.pushes.accounts.since();
  const result = await call();
  if (result.ok) applyStatus(ctx, result.value, fresh());
  return result;
}

export async function loadStatus(ctx: SliceContext): Promise<void> {
  const result = await statusCommand(ctx, () => ctx.api.station.status({}));
  if (!result.ok) ctx.set({ statusError: result.error });
}

export function connectionSlice(ctx: SliceContext): ConnectionSlice {
  return {
    status: null,
    statusError: null,
    host: ctx.host ? ctx.host.state : 'ipc',
    syncing: false,
    syncError: null,
    connectivity: null,

    async syncOrders() {
      if (ctx.get().syncing) return;
      ctx.set({ syncing: true, syncError: null });
      const result = await statusCommand(ctx, () => ctx.api.orders.sync({}));
      ctx.set({ syncing: false, syncError: result.ok ? null : result.error });
    },
  };
}
