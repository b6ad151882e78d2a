// The rules editor's commands: the station's routing rules, each account's way of choosing an
// option (Sendcloud's shipping rules, the station's rules, fallbacks), and the tester that says
// which option an order would ship with, by the very plan its label would be made with.
import { msg, type RoutingSetup } from '../../src-shared';
import type { Accounts } from '../accounts/accounts';
import { AppError } from '../errors';
import type { CommandHandlers } from '../host/dispatch';
import { merchantForOrder } from '../store/accounts';
import type { Db } from '../store/db';
import { findOrderByCode } from '../store/orders';
import { readShippingOptionNames } from '../store/shipping-option-names';
import { chooseOption } from './label-plan';
import type { Routing } from './routing';
import type { ShippingOptions } from './shipping-options';

type RoutingCommands = Pick<
  CommandHandlers,
  'routing.rules' | 'routing.saveRules' | 'routing.saveAccount' | 'routing.test'
>;

export function routingCommands(deps: {
  db: Db;
  accounts: Pick<Accounts, 'list' | 'record' | 'ids'>;
  routing: Routing;
  shippingOptions: Pick<ShippingOptions, 'named'>;
}): RoutingCommands {
  const { db, accounts, routing } = deps;
  const setup = (): RoutingSetup => ({
    rules: routing.rules(),
    accounts: accounts.list().map((account) => ({
      accountId: account.id,
      name: account.name,
      routing: routing.settingsOf(account.id),
    })),
    options: readShippingOptionNames(db)
      .map((option) => ({ code: option.code, name: option.name }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  });
  return {
    'routing.rules': async () => setup(),
    'routing.saveRules': async (input) => {
      routing.saveRules(input);
      return setup();
    },
    'routing.saveAccount': async ({ accountId, ...settings }) => {
      if (!accounts.ids().includes(accountId)) {
        throw new AppError('invalid-input', msg('account.unknown', { id: accountId }));
      }
      routing.saveAccount(accountId, settings);
      return setup();
    },
    'routing.test': async ({ code }) => {
      const order = findOrderByCode(db, code, accounts.ids());
      if (!order) {
        throw new AppError('order-not-found', msg('routing.test.notCached', { order: code }), {
          log: `routing test: ${code} is not a cached order`,
        });
      }
      const account = accounts.record(order.accountId);
      const facts = routing.factsFor(order, merchantForOrder(db, order.orderNumber)?.id ?? null);
      const chosen = chooseOption(account, { ...order, facts }, null, routing);
      const why =
        chosen.why ??
        (chosen.by === 'test'
          ? msg('routing.why.testMode')
          : account.shippingOptionCode
            ? msg('routing.why.account')
            : msg('routing.why.ordersOwn'));
      return {
        orderNumber: order.orderNumber,
        accountName: account.name,
        option: chosen.code ? deps.shippingOptions.named(chosen.code) : null,
        why,
        ruleNumber: chosen.ruleNumber,
      };
    },
  };
}
