// Which shipping option an order's label is made with, by code and by name, for the scan screen.
// The code follows the label job's rule; Sendcloud's names are learnt from the options an
// account's keys give (onboarding, reconnect) and kept in SQLite, since no order or label names
// them. A station that learnt none this week (the demo, keys from the environment, a station never
// reconnected) asks Sendcloud once at start. A name never learnt is the code.
import type { AccountChoices, Message } from '../../src-shared';
import type { Accounts } from '../accounts/accounts';
import type { Clock } from '../clock';
import type { Db } from '../store/db';
import { orderBody, type CachedOrder } from '../store/orders';
import { createLogger } from '../log';
import {
  newestShippingOptionName,
  readShippingOptionNames,
  saveShippingOptionNames,
} from '../store/shipping-option-names';
import { merchantForOrder } from '../store/accounts';
import { chooseOption } from './label-plan';
import type { OrderFacts, Routing } from './routing';
import { orderPointId } from './service-points';

/** `why`: a routing rule, the packer's one-off choice, a fallback; absent for the account's. */
export type ShippingOption = { code: string; name: string; why?: Message | null };

/** How long learnt names do before the station asks Sendcloud for them again at start. */
export const NAMES_FRESH_MS = 7 * 24 * 60 * 60 * 1000;

const log = createLogger('shipping-options');

export function createShippingOptions(deps: {
  db: Db;
  clock: Clock;
  accounts: Pick<Accounts, 'record'>;
  /** The station's routing rules: the scan screen shows the option they choose, and why. */
  routing?: Pick<
    Routing,
    'settingsOf' | 'route' | 'factsFor' | 'deliversToPoint' | 'learnOptions' | 'knowsOptions'
  >;
}) {
  const { accounts } = deps;
  const names = new Map(readShippingOptionNames(deps.db).map((o) => [o.code, o.name]));
  let stopped = false;

  /** Remember Sendcloud's names for the options an account offers. */
  function learn(options: readonly { code: string; name: string | null }[]): void {
    const named = options.flatMap((option) =>
      option.name && option.name !== option.code ? [{ code: option.code, name: option.name }] : [],
    );
    for (const option of named) names.set(option.code, option.name);
    saveShippingOptionNames(deps.db, named, new Date(deps.clock.now()).toISOString());
  }

  function accountOf(accountId: string) {
    try {
      return accounts.record(accountId);
    } catch {
      return null;
    }
  }

  function optionOf(
    order: Pick<CachedOrder, 'accountId' | 'shippingOptionCode'>,
    facts: OrderFacts | null,
    routing: Pick<Routing, 'settingsOf' | 'route' | 'deliversToPoint'> | null,
    servicePoint = false,
  ): ShippingOption | null {
    const account = accountOf(order.accountId);
    const { code, why } = chooseOption(account, { ...order, facts, servicePoint }, null, routing);
    return code ? { code, name: names.get(code) ?? code, ...(why ? { why } : {}) } : null;
  }

  return {
    learn: (options: AccountChoices['shippingOptions']) => learn(options),
    /**
     * At start: when no name was learnt in the last week, ask each account's Sendcloud for its
     * options once (POST /shipping-options, one write each). A failure leaves the codes showing
     * and is only logged; the next start asks again.
     */
    async refresh(
      accountIds: readonly string[],
      ask: (
        accountId: string,
      ) => Promise<readonly { code: string; name?: string | null; functionalities?: unknown }[]>,
    ): Promise<void> {
      const newest = newestShippingOptionName(deps.db);
      const fresh = newest !== null && deps.clock.now() - Date.parse(newest) < NAMES_FRESH_MS;
      // Which options deliver to a point is learnt from the same list (kept since names were).
      if (fresh && (deps.routing?.knowsOptions() ?? true)) return;
      for (const id of accountIds) {
        try {
          const options = await ask(id);
          if (stopped) return;
          learn(options.map((option) => ({ code: option.code, name: option.name ?? null })));
          deps.routing?.learnOptions(options);
        } catch (error) {
          log.warn('could not learn the names of shipping options', {
            account: id,
            error: error instanceof Error ? error.message : String(error),
          });
        }
      }
    },
    /** The station closes: an answer still on its way is not saved. */
    stop(): void {
      stopped = true;
    },
    /**
     * The option an order's label is made with: the free test letter in test mode, else the
     * account's default, else the order's own; null when Sendcloud's rules decide. A name not
     * learnt yet is the code, as the account choices show it.
     */
    forOrder(
      order: Pick<CachedOrder, 'accountId' | 'shippingOptionCode'> & { servicePoint?: boolean },
    ): ShippingOption | null {
      // The open-orders list reads no order bodies: the account's option, or a service-point
      // order's own (the batch itself asks each order's full plan).
      return optionOf(order, null, null, order.servicePoint ?? false);
    },
    /**
     * The same for a scanned order, with the station's routing rules where its account uses
     * them (its facts read once from the cached body) and why: what the label job will ask.
     */
    forScan(order: CachedOrder): ShippingOption | null {
      const routing = deps.routing ?? null;
      // The facts (and the merchant) are read only for an account the station's rules serve.
      const facts =
        routing && routing.settingsOf(order.accountId).useStationRules
          ? routing.factsFor(order, merchantForOrder(deps.db, order.orderNumber)?.id ?? null)
          : null;
      const servicePoint = orderPointId(orderBody(deps.db, order.id)) !== null;
      return optionOf(order, facts, routing, servicePoint);
    },
    /** An option by its code, with Sendcloud's name for it once learnt. */
    named: (code: string): ShippingOption => ({ code, name: names.get(code) ?? code }),
  };
}

export type ShippingOptions = ReturnType<typeof createShippingOptions>;
