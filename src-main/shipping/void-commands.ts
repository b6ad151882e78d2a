// The Shipments screen's Void: Sendcloud's rules and the role checked, the void queued.
import type { CommandHandlers } from '../host/dispatch';
import type { Voids } from './void';

export function voidCommands(
  voids: Pick<Voids, 'request'>,
): Pick<CommandHandlers, 'shipments.void'> {
  return {
    'shipments.void': async ({ parcelId }) => voids.request(parcelId),
  };
}
