import { Link, useLocation } from 'react-router';
import { usePlans } from '../api/billing';
import { useMe } from '../api/queries';
import { isPaidPlan, monthlyEquivalentText, priceLine } from '../lib/billing';

/** Shown instead of an error when the API answers 403 tier_required. Its button opens the
 * billing page with the needed plan selected, remembering this page to come back to. */
export function UpgradePrompt({ message, tier }: { message: string; tier: string | null }) {
  const plans = usePlans();
  const location = useLocation();
  const wanted = isPaidPlan(tier) ? tier : 'pro';
  const plan = plans.data?.find((candidate) => candidate.plan === wanted);
  const currentTier = useMe().data?.tier ?? 'free';
  const current = plans.data?.find((candidate) => candidate.plan === currentTier);
  // What the plan adds: its lines the current plan does not have (all of them if none differ).
  const fresh = plan?.features.filter((line) => !current?.features.includes(line)) ?? [];
  const lines = fresh.length ? fresh : (plan?.features ?? []);
  const from = `${location.pathname}${location.search}`;
  const billing = `/billing?plan=${wanted}&from=${encodeURIComponent(from)}`;
  return (
    <section className="state state-upgrade" aria-labelledby="upgrade-title" data-testid="upgrade-prompt">
      <h2 id="upgrade-title">{message}</h2>
      <p>
        What <strong className={`tier tier-${wanted}`}>{wanted}</strong> adds{current ? ` to your ${current.plan} plan` : ''}:
      </p>
      {lines.length ? (
        <ul className="unlock-list">
          {lines.map((line) => (
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
