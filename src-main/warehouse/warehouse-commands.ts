// Settings → Warehouse's commands: what the station is joined to, join (checked first), leave,
// and the station's name. Supervisors only (packers/role-guard.ts).
import type { CommandHandlers } from '../host/dispatch';
import type { WarehouseMembership } from './membership';

type WarehouseCommands = Pick<
  CommandHandlers,
  'warehouse.get' | 'warehouse.join' | 'warehouse.leave' | 'warehouse.rename'
>;

export function warehouseCommands(deps: {
  membership: WarehouseMembership;
  /** The header shows the station's name and the link: push it after a change. */
  pushStatus: () => void;
}): WarehouseCommands {
  const { membership } = deps;
  const pushed = <T>(value: T): T => {
    deps.pushStatus();
    return value;
  };
  return {
    'warehouse.get': async () => membership.settings(),
    'warehouse.join': async (input) => pushed(await membership.join(input)),
    'warehouse.leave': async () => pushed(await membership.leave()),
    'warehouse.rename': async ({ stationName }) => pushed(await membership.rename(stationName)),
  };
}
