/** The "Only proven setups" switch's wording (docs/rules/signals.md "Only proven setups"): the rule in one
 * line and how many setups pass it now. */
export const PROVEN_SETUPS_RULE = 'Push only setups with at least 30 resolved signals in the last 90 days and an average above 0 R.';

export function provenSetupsNow(count: number): string {
  if (count === 0) return 'No setup passes this rule right now, so nothing would be pushed.';
  return count === 1 ? '1 setup passes this rule right now.' : `${count} setups pass this rule right now.`;
}
