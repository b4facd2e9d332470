import { describe, expect, it } from 'vitest';
import { PROVEN_SETUPS_RULE, provenSetupsNow } from './provenSetups';

describe('the proven setups switch wording', () => {
  it('states the rule', () => {
    expect(PROVEN_SETUPS_RULE).toContain('30 resolved signals');
    expect(PROVEN_SETUPS_RULE).toContain('90 days');
  });

  it('counts the setups passing now, warning when none does', () => {
    expect(provenSetupsNow(0)).toMatch(/nothing would be pushed/);
    expect(provenSetupsNow(1)).toBe('1 setup passes this rule right now.');
    expect(provenSetupsNow(12)).toBe('12 setups pass this rule right now.');
  });
});
