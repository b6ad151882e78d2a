// The Accounts screen's commands: verify keys, add, change, reconnect and remove an account. An
// account added or reconnected syncs its orders at once.
import type { AccountChoices } from '../../src-shared';
import type { CommandHandlers } from '../host/dispatch';
import type { Accounts } from './accounts';

type AccountCommands = Pick<
  CommandHandlers,
  | 'accounts.list'
  | 'accounts.verify'
  | 'accounts.add'
  | 'accounts.update'
  | 'accounts.reconnect'
  | 'accounts.remove'
>;

export function accountCommands(deps: {
  accounts: Accounts;
  /** Queue an order sync of every usable account. */
  requestSync: () => void;
  /** An account is removed: what the station keeps for it goes too. */
  onRemove: (accountId: string) => void;
  /** What a pair of keys gives access to, each time keys are verified. */
  onChoices?: (choices: AccountChoices) => void;
}): AccountCommands {
  const { accounts } = deps;
  return {
    'accounts.list': async () => accounts.list(),
    'accounts.verify': async (keys) => {
      const choices = await accounts.verify(keys);
      deps.onChoices?.(choices);
      return choices;
    },
    'accounts.add': async (input) => {
      const added = await accounts.add(input);
      deps.requestSync();
      return added;
    },
    'accounts.update': async ({ id, ...changes }) =>
      accounts.update(
        id,
        Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
      ),
    'accounts.reconnect': async ({ id, publicKey, secretKey }) => {
      const view = await accounts.reconnect(id, { publicKey, secretKey });
      deps.requestSync();
      return view;
    },
    'accounts.remove': async ({ id }) => {
      deps.onRemove(id);
      return accounts.remove(id);
    },
  };
}
