// The marketplace's merchants: which orders are whose (by order number prefix) and how each ships.
import { msg } from '../../src-shared';
import type { Clock } from '../clock';
import { AppError } from '../errors';
import type { CommandHandlers } from '../host/dispatch';
import { deleteMerchant, listMerchants, saveMerchant } from '../store/accounts';
import type { Db } from '../store/db';

type MerchantCommands = Pick<
  CommandHandlers,
  'merchants.list' | 'merchants.save' | 'merchants.remove'
>;

export function merchantCommands(deps: {
  db: Db;
  clock: Clock;
  newId: () => string;
  /** Every account's id: a merchant's own account must be one of them. */
  accountIds: () => string[];
}): MerchantCommands {
  const { db } = deps;
  return {
    'merchants.list': async () => listMerchants(db),
    'merchants.save': async (input) => {
      if (input.mode === 'decentralised' && !input.accountId) {
        throw new AppError('invalid-input', msg('station.merchant.needsAccount'));
      }
      if (input.accountId && !deps.accountIds().includes(input.accountId)) {
        throw new AppError('invalid-input', msg('account.unknown', { id: input.accountId }));
      }
      const existing = input.id ? listMerchants(db).find((m) => m.id === input.id) : null;
      try {
        saveMerchant(db, {
          id: existing?.id ?? deps.newId(),
          name: input.name,
          orderPrefix: input.orderPrefix,
          mode: input.mode,
          accountId: input.accountId,
          createdAt: existing?.createdAt ?? new Date(deps.clock.now()).toISOString(),
        });
      } catch (error) {
        if (/UNIQUE/.test((error as Error).message)) {
          throw new AppError('invalid-input', msg('station.merchant.taken'), { cause: error });
        }
        throw error;
      }
      return listMerchants(db);
    },
    'merchants.remove': async ({ id }) => {
      deleteMerchant(db, id);
      return listMerchants(db);
    },
  };
}
