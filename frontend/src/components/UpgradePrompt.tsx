import { useQuery } from '@tanstack/react-query';
import { api, unwrapData } from '../api/client';
import { keys } from '../api/queries';
import { describeLimits } from '../lib/tiers';

/** Shown instead of an error when the API answers 403 tier_required. */
export function UpgradePrompt({ message, tier }: { message: string; tier: string | null }) {
  const plans = useQuery({
    queryKey: keys.plans,
    queryFn: () => unwrapData(api.GET('/api/v1/billing/plans')),
    staleTime: Infinity,
  });
  const wanted = tier ?? 'pro';
  const plan = plans.data?.find((candidate) => candidate.tier === wanted);
  const prices = plans.data?.filter((candidate) => candidate.tier === wanted) ?? [];
  return (
    <section className="state state-upgrade" aria-labelledby="upgrade-title" data-testid="upgrade-prompt">
      <h2 id="upgrade-title">{message}</h2>
      <p>
        Upgrade to <strong className={`tier tier-${wanted}`}>{wanted}</strong> to unlock:
      </p>
      {plan ? (
        <ul className="unlock-list">
          {describeLimits(plan.limits).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
      {prices.length ? (
        <p className="muted">
          {prices.map((price) => `$${price.price_usd}/${price.period === 'monthly' ? 'month' : 'year'}`).join(' or ')}
        </p>
      ) : null}
    </section>
  );
}
