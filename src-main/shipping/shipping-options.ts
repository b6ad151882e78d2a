// Which shipping option an order's label is made with, by code and by name, for the scan screen.
// The code follows the label job's rule; Sendcloud's names are learnt from the options an
// account's keys give (onboarding, reconnect) and kept in SQLite, since no order or label names
// them. A name never learnt is the code.
import type { AccountChoices } from '../../src-shared';
import type { Accounts } from '../accounts/accounts';
import type { Clock } from '../clock';
import type { Db } from '../store/db';
import type { CachedOrder } from '../store/orders';
import { readShippingOptionNames, saveShippingOptionNames } from '../store/shipping-option-names';
import { TEST_OPTION } from './labels';

export type ShippingOption = { code: string; name: string };

export function createShippingOptions(deps: {
  db: Db;
  clock: Clock;
  accounts: Pick<Accounts, 'record'>;
}) {
  const { accounts } = deps;
  const names = new Map(readShippingOptionNames(deps.db).map((o) => [o.code, o.name]));

  return {
    /** Remember Sendcloud's names for the options an account offers. */
    learn(options: AccountChoices['shippingOptions']): void {
      const named = options.filter((option) => option.name && option.name !== option.code);
      for (const option of named) names.set(option.code, option.name);
      saveShippingOptionNames(deps.db, named, new Date(deps.clock.now()).toISOString());
    },
    /**
     * The option an order's label is made with: the free test letter in test mode, else the
     * account's default, else the order's own; null when Sendcloud's rules decide. A name not
     * learnt yet is the code, as the account choices show it.
     */
    forOrder(order: Pick<CachedOrder, 'accountId' | 'shippingOptionCode'>): ShippingOption | null {
      let account;
      try {
        account = accounts.record(order.accountId);
      } catch {
        account = null;
      }
      const code = account?.testMode
        ? TEST_OPTION
        : (account?.shippingOptionCode ?? order.shippingOptionCode);
      return code ? { code, name: names.get(code) ?? code } : null;
    },
  };
}

export type ShippingOptions = ReturnType<typeof createShippingOptions>;
