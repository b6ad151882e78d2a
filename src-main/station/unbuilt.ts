// TEMPORARY (issue 11 in progress): the new commands' handlers until their modules land. Each
// capability's module replaces its part; this file goes once none is left.
import { msg } from '../../src-shared';
import { AppError } from '../errors';
import type { CommandHandlers } from '../host/dispatch';

const names = [
  'shipments.list',
  'shipments.lookUp',
  'shipments.details',
  'shipments.preview',
  'shipments.reprint',
  'shipments.void',
  'session.current',
  'session.signIn',
  'session.lock',
  'session.activity',
  'session.settings',
  'packers.list',
  'packers.add',
  'packers.update',
  'packers.remove',
  'packers.badges',
] as const;

type Unbuilt = (typeof names)[number];

export function unbuiltCommands(): Pick<CommandHandlers, Unbuilt> {
  const refuse = async (): Promise<never> => {
    throw new AppError('internal', msg('error.internal'), { log: 'not built yet' });
  };
  return Object.fromEntries(names.map((name) => [name, refuse])) as unknown as Pick<
    CommandHandlers,
    Unbuilt
  >;
}
