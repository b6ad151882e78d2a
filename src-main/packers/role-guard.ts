// Who may run which command. A station with no packers set up lets everyone do everything, as
// before; with packers, only a supervisor changes settings, printers, accounts, merchants and
// packers, and nothing that acts on shipments or the queue runs with nobody signed in.
import { msg, type CommandName } from '../../src-shared';
import { AppError } from '../errors';
import type { CommandHandlers } from '../host/dispatch';
import type { Actor } from '../station/actor';

/** Only a supervisor: what changes how the station works. */
export const supervisorOnly = [
  'outbox.settings',
  'printers.discover',
  'printers.add',
  'printers.update',
  'printers.remove',
  'printers.route',
  'customs.setCopies',
  'accounts.verify',
  'accounts.add',
  'accounts.update',
  'accounts.reconnect',
  'accounts.remove',
  'merchants.save',
  'merchants.remove',
  'session.settings',
  'packers.list',
  'packers.add',
  'packers.update',
  'packers.remove',
  'packers.badges',
  'routing.saveRules',
  'routing.saveAccount',
  'servicePoints.setHomeDelivery',
  'warehouse.get',
  'warehouse.join',
  'warehouse.leave',
  'warehouse.rename',
] as const satisfies readonly CommandName[];

/** Anyone signed in: what acts on labels and the queue. (Scans are guarded in the scan path.) */
export const signedInOnly = [
  'queue.retry',
  'queue.cancel',
  'queue.printHeld',
  'shipments.reprint',
  'shipments.void',
  'returns.create',
  'returns.print',
  'day.handover',
  'scan.choosePoint',
] as const satisfies readonly CommandName[];

/** `outbox.settings` with nothing to change reads them: the queue panel shows them to everyone. */
const onlyReads = (name: CommandName, input: unknown): boolean =>
  name === 'outbox.settings' &&
  typeof input === 'object' &&
  input !== null &&
  Object.values(input).every((value) => value === undefined);

/** Refuse a command this actor may not run; the actor comes from the sessions. */
export function checkRole(name: CommandName, actor: Actor, input?: unknown): void {
  // No packers set up: no roles.
  if (actor.role === null || onlyReads(name, input)) return;
  const needsSupervisor = (supervisorOnly as readonly string[]).includes(name);
  const needsSomeone = needsSupervisor || (signedInOnly as readonly string[]).includes(name);
  if (needsSomeone && actor.packerId === null) {
    throw new AppError('sign-in-required', msg('packers.signInFirst'), {
      log: `${name} refused: nobody signed in`,
    });
  }
  if (needsSupervisor && actor.role !== 'supervisor') {
    throw new AppError('forbidden', msg('packers.supervisorOnly'), {
      log: `${name} refused: a packer is signed in`,
    });
  }
}

/** The handlers, each checking the role first where it must. */
export function guardRoles(handlers: CommandHandlers, actor: () => Actor): CommandHandlers {
  const guarded = { ...handlers } as Record<CommandName, (input: unknown) => Promise<unknown>>;
  for (const name of [...supervisorOnly, ...signedInOnly]) {
    const inner = guarded[name];
    guarded[name] = async (input) => {
      checkRole(name, actor(), input);
      return inner(input);
    };
  }
  return guarded as CommandHandlers;
}
