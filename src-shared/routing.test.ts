import { describe, expect, it } from 'vitest';
import { checkRoutingRules, emptyRule, routingRulesSchema } from './routing';

const good = { ...emptyRule('r1'), name: 'NL', countries: ['nl'], optionCode: 'postnl:standard' };

describe('the routing rules schema', () => {
  it('takes a good list, upper-casing countries', () => {
    const parsed = routingRulesSchema.parse({ rules: [good], defaultOptionCode: null });
    expect(parsed.rules[0]?.countries).toEqual(['NL']);
  });

  it('names each field’s problem by key', () => {
    const problems = checkRoutingRules({
      rules: [
        { ...good, name: ' ', countries: ['NLD'], optionCode: 'postnl standard' },
        { ...good, id: 'r2', weightOverKg: 20, weightUpToKg: 10, longestSideOverCm: -1 },
        { ...good, id: 'r3', weightOverKg: Number.NaN, tags: [''] },
      ],
      defaultOptionCode: 'nothing',
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        { field: 'rules.0.name', key: 'routing.problem.name' },
        { field: 'rules.0.countries.0', key: 'routing.problem.country' },
        { field: 'rules.0.optionCode', key: 'routing.problem.option' },
        { field: 'rules.1.weightUpToKg', key: 'routing.problem.weightRange' },
        { field: 'rules.1.longestSideOverCm', key: 'routing.problem.size' },
        { field: 'rules.2.weightOverKg', key: 'routing.problem.weight' },
        { field: 'rules.2.tags.0', key: 'routing.problem.tag' },
        { field: 'defaultOptionCode', key: 'routing.problem.option' },
      ]),
    );
  });

  it('holds at most 100 rules', () => {
    const rules = Array.from({ length: 101 }, (_, i) => ({ ...good, id: `r${i}` }));
    expect(checkRoutingRules({ rules, defaultOptionCode: null })).toEqual([
      { field: 'rules', key: 'routing.problem.tooMany' },
    ]);
  });
});
