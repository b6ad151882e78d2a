// The rules editor's view logic, with no React and no store: a rule as its form holds it (text
// in every field, as typed), to and from the list the contract takes, its problems by field
// from the shared zod schema, moves, and the words of a rule's summary.
import {
  checkRoutingRules,
  emptyRule,
  type RoutingFieldProblem,
  type RoutingRule,
  type RoutingRules,
  type RoutingRulesInput,
} from '../../src-shared';

export interface RuleDraft {
  id: string;
  name: string;
  countries: string;
  outsideEu: boolean;
  weightOverKg: string;
  weightUpToKg: string;
  longestSideOverCm: string;
  servicePoint: RoutingRule['servicePoint'];
  merchantId: string;
  tags: string;
  optionCode: string;
}

export interface RulesDraft {
  rules: RuleDraft[];
  defaultOptionCode: string;
}

const numberText = (value: number | null) => (value === null ? '' : String(value));

export function draftOf(rule: RoutingRule): RuleDraft {
  return {
    id: rule.id,
    name: rule.name,
    countries: rule.countries.join(', '),
    outsideEu: rule.outsideEu,
    weightOverKg: numberText(rule.weightOverKg),
    weightUpToKg: numberText(rule.weightUpToKg),
    longestSideOverCm: numberText(rule.longestSideOverCm),
    servicePoint: rule.servicePoint,
    merchantId: rule.merchantId ?? '',
    tags: rule.tags.join(', '),
    optionCode: rule.optionCode,
  };
}

export function rulesDraftOf(rules: RoutingRules): RulesDraft {
  return { rules: rules.rules.map(draftOf), defaultOptionCode: rules.defaultOptionCode ?? '' };
}

export function newRuleDraft(id: string): RuleDraft {
  return draftOf(emptyRule(id));
}

const list = (text: string) =>
  text
    .split(/[,\s]+/)
    .map((part) => part.trim())
    .filter(Boolean);
const tagList = (text: string) =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
/** Empty: no condition. Anything else is the number typed, or NaN for the schema to refuse. */
const numberOf = (text: string): number | null => (text.trim() === '' ? null : Number(text));

/** The list as the contract takes it (the schema checks it; the editor shows its problems). */
export function rulesInputOf(draft: RulesDraft): RoutingRulesInput {
  return {
    rules: draft.rules.map((rule) => ({
      id: rule.id,
      name: rule.name,
      countries: list(rule.countries),
      outsideEu: rule.outsideEu,
      weightOverKg: numberOf(rule.weightOverKg),
      weightUpToKg: numberOf(rule.weightUpToKg),
      longestSideOverCm: numberOf(rule.longestSideOverCm),
      servicePoint: rule.servicePoint,
      merchantId: rule.merchantId || null,
      tags: tagList(rule.tags),
      optionCode: rule.optionCode.trim(),
    })),
    defaultOptionCode: draft.defaultOptionCode.trim() || null,
  };
}

/** Every problem, by field: `rules.2.optionCode` → its key. A country's index folds into its list. */
export function problemsOf(draft: RulesDraft): Map<string, RoutingFieldProblem['key']> {
  const problems = new Map<string, RoutingFieldProblem['key']>();
  for (const problem of checkRoutingRules(rulesInputOf(draft))) {
    const field = problem.field.replace(/^(rules\.\d+\.(?:countries|tags))\.\d+$/, '$1');
    if (!problems.has(field)) problems.set(field, problem.key);
  }
  return problems;
}

/** The rule at `index` moved by `by` (−1 up, +1 down); the list as it was at an edge. */
export function moved<T>(items: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (index < 0 || index >= items.length || to < 0 || to >= items.length) return [...items];
  const next = [...items];
  const [item] = next.splice(index, 1);
  next.splice(to, 0, item as T);
  return next;
}
