import { Link, useLocation } from 'react-router';
import { usePlans } from '../api/billing';
import { isPaidPlan, monthlyEquivalentText, priceLine } from '../lib/billing';

/** Shown instead of an error when the API answers 403 tier_required. Its button opens the
 * billing page with the needed plan selected, remembering this page to come back to. */
export function UpgradePrompt({ message, tier }: { message: string; tier: string | null }) {
  const plans = usePlans();
  const location = useLocation();
  const wanted = isPaidPlan(tier) ? tier : 'pro';
  const plan = plans.data?.find((candidate) => candidate.plan === wanted);
  const from = `${location.pathname}${location.search}`;
  const billing = `/billing?plan=${wanted}&from=${encodeURIComponent(from)}`;
  return (
    <section className="state state-upgrade" aria-labelledby="upgrade-title" data-testid="upgrade-prompt">
      <h2 id="upgrade-title">{message}</h2>
      <p>
        Upgrade to <strong className={`tier tier-${wanted}`}>{wanted}</strong> to unlock:
      </p>
      {plan ? (
        <ul className="unlock-list">
          {plan.features.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
      {plan?.prices.length ? (
        <p className="muted">{plan.prices.map((price) => monthlyEquivalentText(price) ?? priceLine(price)).join(' or ')}</p>
      ) : null}
      <Link className="btn btn-primary" to={billing}>
        Upgrade to {wanted}
      </Link>
    </section>
  );
}
