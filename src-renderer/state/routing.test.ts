import { describe, expect, it } from 'vitest';
import { emptyRule } from '../../src-shared';
import { moved, newRuleDraft, problemsOf, rulesDraftOf, rulesInputOf } from './routing';

describe('the rules editor’s drafts', () => {
  it('turns typed text into the list the contract takes, and back', () => {
    const draft = {
      rules: [
        {
          ...newRuleDraft('r1'),
          name: 'Heavy NL',
          countries: 'nl, BE',
          weightOverKg: '20',
          tags: 'fragile, b2b',
          optionCode: ' ups:standard ',
        },
      ],
      defaultOptionCode: '',
    };
    const input = rulesInputOf(draft);
    expect(input).toEqual({
      rules: [
        {
          ...emptyRule('r1'),
          name: 'Heavy NL',
          countries: ['nl', 'BE'],
          weightOverKg: 20,
          tags: ['fragile', 'b2b'],
          optionCode: 'ups:standard',
        },
      ],
      defaultOptionCode: null,
    });
    expect(problemsOf(draft).size).toBe(0);
    const back = rulesDraftOf({
      rules: [{ ...emptyRule('r1'), countries: ['NL'], weightOverKg: 20, optionCode: 'x:y' }],
      defaultOptionCode: 'dpd:home',
    });
    expect(back.rules[0]).toMatchObject({ countries: 'NL', weightOverKg: '20', weightUpToKg: '' });
    expect(back.defaultOptionCode).toBe('dpd:home');
  });

  it('names each field’s problem, a bad country folded into its list', () => {
    const draft = {
      rules: [{ ...newRuleDraft('r1'), countries: 'NL, Holland', weightOverKg: 'heavy' }],
      defaultOptionCode: 'none',
    };
    expect(Object.fromEntries(problemsOf(draft))).toEqual({
      'rules.0.name': 'routing.problem.name',
      'rules.0.countries': 'routing.problem.country',
      'rules.0.weightOverKg': 'routing.problem.weight',
      'rules.0.optionCode': 'routing.problem.option',
      defaultOptionCode: 'routing.problem.option',
    });
  });

  it('moves a rule up and down, and not past an edge', () => {
    expect(moved(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
  });
});
