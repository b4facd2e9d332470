import { useEffect, useRef } from 'react';
import type { BillingPlan, CheckoutIn } from '../../api/billing';
import {
  CYCLES,
  type Cycle,
  changeNote,
  isPaidPlan,
  monthlyEquivalentText,
  type PaidPlan,
  planChange,
  priceFor,
  priceLine,
  savingText,
  sortPlans,
} from '../../lib/billing';
import { TierBadge } from './PaymentBits';

type Method = CheckoutIn['method'];

const METHODS: { method: Method; label: string }[] = [
  { method: 'card', label: 'Pay by card' },
  { method: 'crypto', label: 'Pay with crypto' },
];

export function CycleSwitch({ cycle, onChange }: { cycle: Cycle; onChange: (cycle: Cycle) => void }) {
  return (
    <div className="segmented cycle-switch" role="group" aria-label="Billing cycle">
      {CYCLES.map((option) => (
        <button
          key={option}
          type="button"
          className={option === cycle ? 'active' : ''}
          aria-pressed={option === cycle}
          onClick={() => onChange(option)}
        >
          {option === 'monthly' ? 'Monthly' : 'Yearly'}
        </button>
      ))}
    </div>
  );
}

function PlanCard({
  plan,
  cycle,
  currentTier,
  selected,
  canPay,
  settled,
  paying,
  onPay,
}: {
  plan: BillingPlan;
  cycle: Cycle;
  currentTier: string;
  selected: boolean;
  canPay: boolean;
  settled: string | null;
  paying: Method | null;
  onPay: (plan: PaidPlan, method: Method) => void;
}) {
  const card = useRef<HTMLElement>(null);
  useEffect(() => {
    // Opened from an upgrade prompt: bring the wanted plan into view and focus it.
    if (selected) {
      card.current?.scrollIntoView({ block: 'center' });
      card.current?.focus({ preventScroll: true });
    }
  }, [selected]);
  const price = priceFor(plan.prices, cycle);
  const current = plan.plan === currentTier;
  const titleId = `plan-${plan.plan}-title`;
  const saving = price ? savingText(price) : null;
  const equivalent = price ? monthlyEquivalentText(price) : null;
  const name = plan.plan;
  return (
    <section
      ref={card}
      tabIndex={-1}
      className={`plan-card${selected ? ' plan-selected' : ''}${current ? ' plan-current' : ''}`}
      aria-labelledby={titleId}
      data-testid={`plan-${name}`}
    >
      <h2 id={titleId}>
        <TierBadge tier={name} />
        {current ? <span className="badge badge-bull">current</span> : null}
        {selected && !current ? <span className="badge badge-warn">selected</span> : null}
      </h2>
      <p className="plan-price">
        {price ? <span className="num strong">{priceLine(price)}</span> : <span className="num strong">$0</span>}
        {saving ? <span className="badge badge-bull">{saving}</span> : null}
      </p>
      {equivalent ? <p className="muted small">{equivalent}</p> : <p className="muted small">{price ? 'Billed monthly' : 'For ever'}</p>}
      <ul className="unlock-list plan-features">
        {plan.features.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {isPaidPlan(name) && price && settled ? (
        <p className="muted small plan-settled">{settled}</p>
      ) : isPaidPlan(name) && price ? (
        <div className="plan-actions">
          <p className="muted small">{changeNote(planChange(currentTier, name))}</p>
          {METHODS.map(({ method, label }) => (
            <button
              key={method}
              type="button"
              className={method === 'card' ? 'btn btn-primary' : 'btn'}
              disabled={!canPay}
              aria-describedby={titleId}
              onClick={() => onPay(name, method)}
            >
              {paying === method ? 'Opening checkout…' : label}
            </button>
          ))}
        </div>
      ) : null}
    </section>
  );
}

/** Free, pro and premium side by side (stacked on a phone). */
export function PlanCards({
  plans,
  cycle,
  currentTier,
  selected,
  canPay,
  settled = null,
  paying,
  onPay,
}: {
  plans: BillingPlan[];
  cycle: Cycle;
  currentTier: string;
  selected: PaidPlan | null;
  canPay: boolean;
  /** Why no plan can be bought (an admin's included plan, a lifetime plan); null to sell. */
  settled?: string | null;
  paying: { plan: PaidPlan; method: Method } | null;
  onPay: (plan: PaidPlan, method: Method) => void;
}) {
  return (
    <div className="plan-grid">
      {sortPlans(plans).map((plan) => (
        <PlanCard
          key={plan.plan}
          plan={plan}
          cycle={cycle}
          currentTier={currentTier}
          selected={plan.plan === selected}
          canPay={canPay && paying === null}
          settled={settled}
          paying={paying && paying.plan === plan.plan ? paying.method : null}
          onPay={onPay}
        />
      ))}
    </div>
  );
}
