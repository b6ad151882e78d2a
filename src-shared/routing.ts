// Local routing rules: an ordered list, each naming a shipping option for the orders it matches,
// the first match winning, with a default. One zod schema for the list, used by the rules editor
// (checked as the supervisor types, explained next to the field) and by main (checked again
// whatever sent the command). A problem is a message key, never English.
import { z } from 'zod';
import type { Message } from './messages';

/** Every key a rule's check may answer with: the catalogues must hold them all. */
export const routingProblemKeys = [
  'routing.problem.name',
  'routing.problem.option',
  'routing.problem.country',
  'routing.problem.weight',
  'routing.problem.weightRange',
  'routing.problem.size',
  'routing.problem.tag',
  'routing.problem.tooMany',
  'routing.problem.fallbacks',
  'routing.problem.invalid',
] as const;
export type RoutingProblemKey = (typeof routingProblemKeys)[number];

/** The most rules a list holds: a screenful to read through, and still one quick match. */
export const MAX_RULES = 100;

/** The destinations inside the EU: a rule for "outside the EU" matches every other country. */
export const EU_COUNTRIES: readonly string[] = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE',
  'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE',
]; // prettier-ignore

/** A shipping option code as Sendcloud writes it: `carrier:product`, with `/key=value` parts. */
export const shippingOptionCodePattern = /^[a-z0-9_-]+:[\w\-/=.,]+$/i;

const problem = (key: RoutingProblemKey) => key;

export const optionCodeSchema = z
  .string()
  .trim()
  .min(1, problem('routing.problem.option'))
  .max(100, problem('routing.problem.option'))
  .regex(shippingOptionCodePattern, problem('routing.problem.option'));

const kg = z
  .number(problem('routing.problem.weight'))
  .positive(problem('routing.problem.weight'))
  .max(1000, problem('routing.problem.weight'))
  .nullable();

export const routingRuleSchema = z
  .object({
    /** Stable across edits and reorders, so the editor keeps its place. */
    id: z.string().min(1).max(64),
    name: z
      .string()
      .trim()
      .min(1, problem('routing.problem.name'))
      .max(60, problem('routing.problem.name')),
    /** ISO 3166-1 alpha-2 destinations; empty: any. */
    countries: z
      .array(
        z
          .string()
          .trim()
          .toUpperCase()
          .regex(/^[A-Z]{2}$/, problem('routing.problem.country')),
      )
      .max(60, problem('routing.problem.country')),
    /** Only destinations outside the EU. */
    outsideEu: z.boolean(),
    /** The order weighs more than this (kg); null: any weight. */
    weightOverKg: kg,
    /** The order weighs at most this (kg); null: any weight. */
    weightUpToKg: kg,
    /** The parcel's longest side is more than this (cm); null: any size. */
    longestSideOverCm: z
      .number(problem('routing.problem.size'))
      .positive(problem('routing.problem.size'))
      .max(1000, problem('routing.problem.size'))
      .nullable(),
    /** `yes`: only orders for a service point; `no`: only home delivery. */
    servicePoint: z.enum(['any', 'yes', 'no']),
    /** Only orders of this merchant (by id); null: any. */
    merchantId: z.string().min(1).max(64).nullable(),
    /** The order carries every one of these tags (case does not matter); empty: any. */
    tags: z
      .array(
        z
          .string()
          .trim()
          .min(1, problem('routing.problem.tag'))
          .max(60, problem('routing.problem.tag')),
      )
      .max(20, problem('routing.problem.tag')),
    optionCode: optionCodeSchema,
  })
  .strict()
  .superRefine((rule, ctx) => {
    if (
      rule.weightOverKg !== null &&
      rule.weightUpToKg !== null &&
      rule.weightUpToKg <= rule.weightOverKg
    ) {
      ctx.addIssue({
        code: 'custom',
        message: problem('routing.problem.weightRange'),
        path: ['weightUpToKg'],
      });
    }
  });
export type RoutingRule = z.output<typeof routingRuleSchema>;

export const routingRulesSchema = z
  .object({
    rules: z.array(routingRuleSchema).max(MAX_RULES, problem('routing.problem.tooMany')),
    /** What an order no rule matches ships with; null: the account's default or the order's own. */
    defaultOptionCode: optionCodeSchema.nullable(),
  })
  .strict();
export type RoutingRules = z.output<typeof routingRulesSchema>;
export type RoutingRulesInput = z.input<typeof routingRulesSchema>;

/**
 * How one account's labels choose their option: Sendcloud's own shipping rules (set up in its
 * panel), the station's routing rules, and the options to fall back on after a carrier refusal.
 */
export const accountRoutingSchema = z
  .object({
    applyShippingRules: z.boolean(),
    useStationRules: z.boolean(),
    fallbacks: z.array(optionCodeSchema).max(5, problem('routing.problem.fallbacks')),
  })
  .strict();
export type AccountRouting = z.output<typeof accountRoutingSchema>;

export const defaultAccountRouting: AccountRouting = {
  applyShippingRules: false,
  useStationRules: false,
  fallbacks: [],
};

/** What the rules editor shows: the list, and each account's way of choosing. */
export interface RoutingSetup {
  rules: RoutingRules;
  accounts: { accountId: string; name: string; routing: AccountRouting }[];
  /** The options the station knows by name (learnt from the accounts), for pickers. */
  options: { code: string; name: string }[];
}

/** The tester's answer: "this order would ship with … (rule n)". */
export interface RoutingTest {
  orderNumber: string;
  accountName: string;
  /** Null: Sendcloud decides (its shipping rules, or the order's own). */
  option: { code: string; name: string } | null;
  why: Message;
  /** The rule that chose, 1-based; null when no rule did. */
  ruleNumber: number | null;
}

/** A new rule as the editor starts it. */
export function emptyRule(id: string): RoutingRule {
  return {
    id,
    name: '',
    countries: [],
    outsideEu: false,
    weightOverKg: null,
    weightUpToKg: null,
    longestSideOverCm: null,
    servicePoint: 'any',
    merchantId: null,
    tags: [],
    optionCode: '',
  };
}

export interface RoutingFieldProblem {
  /** `rules.2.optionCode`, `defaultOptionCode`: the field the editor shows the key next to. */
  field: string;
  key: RoutingProblemKey;
}

/** Every problem of a list, one per field, for the editor to show next to each. */
export function checkRoutingRules(input: unknown): RoutingFieldProblem[] {
  const parsed = routingRulesSchema.safeParse(input);
  if (parsed.success) return [];
  const seen = new Set<string>();
  const problems: RoutingFieldProblem[] = [];
  for (const issue of parsed.error.issues) {
    const field = issue.path.join('.');
    if (seen.has(field)) continue;
    seen.add(field);
    const key = (routingProblemKeys as readonly string[]).includes(issue.message)
      ? (issue.message as RoutingProblemKey)
      : 'routing.problem.invalid';
    problems.push({ field, key });
  }
  return problems;
}
