import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { type CheckoutIn, usePlans, useStartCheckout, useSubscription } from '../../api/billing';
import { useMe } from '../../api/queries';
import { ErrorState, FormError, PageSkeleton, Skeleton } from '../../components/States';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { type Cycle, checkoutTarget, isCycle, isPaidPlan, type PaidPlan, settledPlanNote, subscriptionState } from '../../lib/billing';
import { CurrentPlan } from './CurrentPlan';
import { PaymentHistory } from './PaymentHistory';
import { CycleSwitch, PlanCards } from './PlanCards';
import { rememberReturnPath } from './returnPath';
import './billing.css';

type Method = CheckoutIn['method'];

/** /billing?plan=pro&cycle=yearly&from=/patterns: the current plan, the plans side by side with
 * checkout by card or crypto, and the payment history. `plan` preselects (upgrade prompts). */
export default function BillingPage() {
  useDocumentTitle('Billing');
  const me = useMe();
  const plans = usePlans();
  const subscription = useSubscription();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const wanted = params.get('plan');
  const selected: PaidPlan | null = isPaidPlan(wanted) ? wanted : null;
  const initialCycle = params.get('cycle');
  const [cycle, setCycle] = useState<Cycle>(isCycle(initialCycle) ? initialCycle : 'monthly');
  const checkout = useStartCheckout();
  const [paying, setPaying] = useState<{ plan: PaidPlan; method: Method } | null>(null);

  if (me.isPending) return <PageSkeleton />;
  if (me.isError) return <ErrorState error={me.error} />;

  const pay = (plan: PaidPlan, method: Method) => {
    setPaying({ plan, method });
    checkout.mutate(
      { plan, cycle, method },
      {
        onSuccess: (started) => {
          rememberReturnPath(params.get('from'));
          const target = checkoutTarget(started.checkout_url, window.location.origin);
          if (target.kind === 'spa') void navigate(target.path);
          else window.location.assign(target.url);
        },
        onError: () => setPaying(null),
      },
    );
  };

  return (
    <div className="page billing">
      <div className="page-head">
        <h1>Billing</h1>
      </div>
      <CurrentPlan />
      {!me.data.is_verified ? (
        <p className="state state-error" role="alert" data-testid="verify-to-pay">
          Verify your email address before paying: follow the link we mailed to {me.data.email}.
        </p>
      ) : null}
      <section className="billing-plans" aria-labelledby="plans-title">
        <div className="panel-head plans-head">
          <h2 id="plans-title">Plans</h2>
          <CycleSwitch cycle={cycle} onChange={setCycle} />
        </div>
        {plans.isPending ? (
          <Skeleton rows={6} label="Loading plans" />
        ) : plans.isError ? (
          <ErrorState error={plans.error} onRetry={() => void plans.refetch()} />
        ) : (
          <PlanCards
            plans={plans.data}
            cycle={cycle}
            currentTier={me.data.tier}
            selected={selected}
            canPay={me.data.is_verified}
            settled={subscription.data ? settledPlanNote(subscriptionState(subscription.data)) : null}
            paying={checkout.isPending || checkout.isSuccess ? paying : null}
            onPay={pay}
          />
        )}
        <FormError error={checkout.error} />
        <p className="muted small">
          Card payments renew each period until you cancel; a crypto payment buys one period. Card details are entered on the payment
          provider's page, never here.
        </p>
      </section>
      <PaymentHistory />
    </div>
  );
}
