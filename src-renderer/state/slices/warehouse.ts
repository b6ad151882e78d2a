// Settings → Warehouse: what the station is joined to, and the join, leave and rename on it. The
// link's live state comes with the station's status (pushed); this holds the settings.
import type { AppErrorData, CommandInput, Result, WarehouseSettings } from '../../../src-shared';
import type { SliceContext } from './context';

export type WarehouseActionName = 'join' | 'leave' | 'rename';

/** The last action on the screen: running, done, or refused with why. */
export type WarehouseAction =
  | { name: WarehouseActionName; kind: 'pending' }
  | { name: WarehouseActionName; kind: 'done' }
  | { name: WarehouseActionName; kind: 'failed'; error: AppErrorData };

export interface WarehouseSlice {
  warehouse: WarehouseSettings | null;
  warehouseError: AppErrorData | null;
  warehouseAction: WarehouseAction | null;
  loadWarehouse(): Promise<void>;
  joinWarehouse(input: CommandInput<'warehouse.join'>): Promise<boolean>;
  leaveWarehouse(): Promise<boolean>;
  renameStation(stationName: string): Promise<boolean>;
}

export function warehouseSlice(ctx: SliceContext): WarehouseSlice {
  const act = async (
    name: WarehouseActionName,
    call: () => Promise<Result<WarehouseSettings>>,
  ): Promise<boolean> => {
    ctx.set({ warehouseAction: { name, kind: 'pending' } });
    const result = await call();
    if (result.ok) {
      ctx.set({
        warehouse: result.value,
        warehouseError: null,
        warehouseAction: { name, kind: 'done' },
      });
    } else ctx.set({ warehouseAction: { name, kind: 'failed', error: result.error } });
    return result.ok;
  };
  return {
    warehouse: null,
    warehouseError: null,
    warehouseAction: null,

    async loadWarehouse() {
      const result = await ctx.api.warehouse.get({});
      if (result.ok) ctx.set({ warehouse: result.value, warehouseError: null });
      else ctx.set({ warehouseError: result.error });
    },

    joinWarehouse: (input) => act('join', () => ctx.api.warehouse.join(input)),
    leaveWarehouse: () => act('leave', () => ctx.api.warehouse.leave({})),
    renameStation: (stationName) => act('rename', () => ctx.api.warehouse.rename({ stationName })),
  };
}
