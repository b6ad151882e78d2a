// The station's routing rules and each account's way of choosing an option, kept in SQLite (the
// settings table, as JSON) and held in memory: a scan's label asks one in-memory match of the
// order's facts, read once from its cached body, and nothing else.
import {
  accountRoutingSchema,
  defaultAccountRouting,
  EU_COUNTRIES,
  msg,
  routingRulesSchema,
  type AccountRouting,
  type Message,
  type RoutingRule,
  type RoutingRules,
} from '../../src-shared';
import { createLogger } from '../log';
import type { Order } from '../sendcloud/schemas';
import type { Db } from '../store/db';
import { orderBody, type CachedOrder } from '../store/orders';
import { readSetting, writeSetting } from '../store/settings';

/** What a rule can match on, for one order. */
export interface OrderFacts {
  /** ISO 3166-1 alpha-2, upper case; null when the order names none. */
  country: string | null;
  weightKg: number | null;
  /** The longest side of the parcel (or of its largest item), in cm; null when not known. */
  longestSideCm: number | null;
  /** The order is for a service point (or locker), not the door. */
  servicePoint: boolean;
  merchantId: string | null;
  /** Lower case. */
  tags: string[];
}

/** The option a rule (or the default) chose, and which rule. */
export interface RouteChoice {
  code: string;
  why: Message;
  /** 1-based; null for the list's default. */
  ruleNumber: number | null;
}

const RULES_KEY = 'routing.rules';
/** The options Sendcloud listed as delivering to a service point (`last_mile`), as JSON. */
const POINT_OPTIONS_KEY = 'routing.pointOptions';
const accountKey = (accountId: string) => `routing.account:${accountId}`;
const EU = new Set(EU_COUNTRIES);
const emptyRules: RoutingRules = { rules: [], defaultOptionCode: null };

const log = createLogger('routing');

/** Does this rule take the order? Every condition it sets must hold; one it leaves open holds. */
export function ruleMatches(rule: RoutingRule, facts: OrderFacts): boolean {
  const country = facts.country;
  if (rule.countries.length > 0 && (country === null || !rule.countries.includes(country))) {
    return false;
  }
  if (rule.outsideEu && (country === null || EU.has(country))) return false;
  // A weight condition needs a known weight: an unknown one is never "over 20 kg".
  if (
    rule.weightOverKg !== null &&
    !(facts.weightKg !== null && facts.weightKg > rule.weightOverKg)
  )
    return false;
  if (
    rule.weightUpToKg !== null &&
    !(facts.weightKg !== null && facts.weightKg <= rule.weightUpToKg)
  )
    return false;
  if (
    rule.longestSideOverCm !== null &&
    !(facts.longestSideCm !== null && facts.longestSideCm > rule.longestSideOverCm)
  ) {
    return false;
  }
  if (rule.servicePoint === 'yes' && !facts.servicePoint) return false;
  if (rule.servicePoint === 'no' && facts.servicePoint) return false;
  if (rule.merchantId !== null && facts.merchantId !== rule.merchantId) return false;
  return rule.tags.every((tag) => facts.tags.includes(tag.toLowerCase()));
}

/** The first rule that takes the order, else the list's default; null when neither says. */
export function routeOrder(list: RoutingRules, facts: OrderFacts): RouteChoice | null {
  const index = list.rules.findIndex((rule) => ruleMatches(rule, facts));
  const rule = index >= 0 ? list.rules[index] : undefined;
  if (rule) {
    return {
      code: rule.optionCode,
      why: msg('routing.why.rule', { number: index + 1, name: rule.name }),
      ruleNumber: index + 1,
    };
  }
  if (list.defaultOptionCode) {
    return { code: list.defaultOptionCode, why: msg('routing.why.default'), ruleNumber: null };
  }
  return null;
}

const UNIT_KG: Record<string, number> = {
  kg: 1,
  g: 0.001,
  lbs: 0.453_592,
  lb: 0.453_592,
  oz: 0.028_35,
};
const UNIT_CM: Record<string, number> = { cm: 1, mm: 0.1, m: 100, in: 2.54 };

function numberOf(value: unknown): number | null {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kgOf(weight: unknown): number | null {
  if (!isRecord(weight)) return null;
  const value = numberOf(weight.value);
  const factor = UNIT_KG[String(weight.unit ?? 'kg').toLowerCase()];
  return value === null || factor === undefined ? null : value * factor;
}

function longestSideOf(dimension: unknown): number | null {
  if (!isRecord(dimension)) return null;
  const factor = UNIT_CM[String(dimension.unit ?? 'cm').toLowerCase()];
  const sides = [dimension.length, dimension.width, dimension.height].map(numberOf);
  if (factor === undefined || sides.some((side) => side === null)) return null;
  return Math.max(...(sides as number[])) * factor;
}

/** The facts of an order, from its cached Sendcloud body and the merchant its number names. */
export function orderFactsOf(
  order: Pick<CachedOrder, 'countryCode'>,
  body: Order | null,
  merchantId: string | null,
): OrderFacts {
  const shipping = body?.shipping_details;
  const measurement: unknown = shipping?.measurement;
  const items = body?.order_details.order_items ?? [];
  const sides = [
    isRecord(measurement) ? longestSideOf(measurement.dimension) : null,
    ...items.map((item) => {
      const m: unknown = item.measurement;
      return isRecord(m) ? longestSideOf(m.dimension) : null;
    }),
  ].filter((side): side is number => side !== null);
  const country = body?.shipping_address?.country_code ?? order.countryCode;
  return {
    country: country ? country.toUpperCase() : null,
    weightKg: kgOf(shipping?.measurement?.weight),
    longestSideCm: sides.length > 0 ? Math.max(...sides) : null,
    servicePoint:
      isRecord((body as Record<string, unknown> | null)?.service_point_details) ||
      shipping?.delivery_indicator === 'service_point',
    merchantId,
    tags: (body?.order_details.tags ?? []).map((tag) => tag.toLowerCase()),
  };
}

function codesOf(value: unknown): string[] {
  if (!Array.isArray(value) || !value.every((code) => typeof code === 'string')) {
    throw new TypeError('not a list of option codes');
  }
  return value as string[];
}

/** Sendcloud's `functionalities.last_mile` of an option: home_delivery, service_point, … */
function lastMileOf(functionalities: unknown): unknown {
  return isRecord(functionalities) ? functionalities.last_mile : undefined;
}

function readJson<T>(db: Db, key: string, parse: (value: unknown) => T, fallback: T): T {
  const text = readSetting(db, key);
  if (text === null) return fallback;
  try {
    return parse(JSON.parse(text));
  } catch (error) {
    // Written by this code through the same schema: a row that no longer reads is logged, and
    // the station routes as if it were not there rather than refusing every label.
    log.error('a routing setting does not read', { key, error });
    return fallback;
  }
}

export function createRouting(db: Db) {
  let list = readJson(db, RULES_KEY, (value) => routingRulesSchema.parse(value), emptyRules);
  const accounts = new Map<string, AccountRouting>();
  // Bumped by every save: what was worked out under the old rules is worked out again.
  let version = 0;
  let knowsOptions = readSetting(db, POINT_OPTIONS_KEY) !== null;
  let pointOptions = new Set(readJson(db, POINT_OPTIONS_KEY, codesOf, []));

  function settingsOf(accountId: string): AccountRouting {
    let settings = accounts.get(accountId);
    if (!settings) {
      settings = readJson(
        db,
        accountKey(accountId),
        (value) => accountRoutingSchema.parse(value),
        defaultAccountRouting,
      );
      accounts.set(accountId, settings);
    }
    return settings;
  }

  return {
    rules: (): RoutingRules => list,
    saveRules(next: RoutingRules): RoutingRules {
      const parsed = routingRulesSchema.parse(next);
      writeSetting(db, RULES_KEY, JSON.stringify(parsed));
      list = parsed;
      version += 1;
      log.info('routing rules saved', { rules: parsed.rules.length });
      return list;
    },
    settingsOf,
    version: () => version,
    saveAccount(accountId: string, next: AccountRouting): AccountRouting {
      const parsed = accountRoutingSchema.parse(next);
      writeSetting(db, accountKey(accountId), JSON.stringify(parsed));
      accounts.set(accountId, parsed);
      version += 1;
      return parsed;
    },
    /** Does this option deliver to a service point? False for one Sendcloud never listed. */
    deliversToPoint: (code: string): boolean => pointOptions.has(code),
    /** Have options been learnt since the station keeps which deliver to a point? */
    knowsOptions: (): boolean => knowsOptions,
    /** Learn which options deliver to a point from a list of Sendcloud's options. */
    learnOptions(options: readonly { code: string; functionalities?: unknown }[]): void {
      const points = options
        .filter((option) => lastMileOf(option.functionalities) === 'service_point')
        .map((option) => option.code);
      const others = new Set(options.map((option) => option.code));
      pointOptions = new Set([...[...pointOptions].filter((code) => !others.has(code)), ...points]);
      writeSetting(db, POINT_OPTIONS_KEY, JSON.stringify([...pointOptions].sort()));
      knowsOptions = true;
      version += 1;
    },
    /** The one in-memory match a label asks. */
    route: (facts: OrderFacts): RouteChoice | null => routeOrder(list, facts),
    /**
     * The facts of an order, read once from its cached body, only for an account whose labels
     * the station's rules choose; null otherwise (nothing read).
     */
    factsFor(order: CachedOrder, merchantId: string | null): OrderFacts | null {
      if (!settingsOf(order.accountId).useStationRules) return null;
      return orderFactsOf(order, orderBody<Order>(db, order.id), merchantId);
    },
  };
}

export type Routing = ReturnType<typeof createRouting>;
