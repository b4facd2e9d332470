import { useState } from 'react';
import { useCancelSubscription, useSubscription } from '../../api/billing';
import { Time } from '../../components/Display';
import { ErrorState, Skeleton } from '../../components/States';
import { subscriptionState } from '../../lib/billing';
import { CancelDialog } from './CancelDialog';
import { TierBadge } from './PaymentBits';

/** The plan in effect, when it renews or ends, a downgrade waiting, and cancel. */
export function CurrentPlan() {
  const subscription = useSubscription();
  const cancel = useCancelSubscription();
  const [confirming, setConfirming] = useState(false);
  if (subscription.isPending) return <Skeleton rows={3} label="Loading your plan" />;
  if (subscription.isError) return <ErrorState error={subscription.error} onRetry={() => void subscription.refetch()} />;
  const current = subscription.data;
  const state = subscriptionState(current);
  return (
    <section className="panel" aria-labelledby="current-plan-title" data-testid="current-plan">
      <h2 id="current-plan-title">Your plan</h2>
      <p className="current-plan-line">
        <TierBadge tier={current.tier} />
        {current.cycle && state.kind !== 'free' ? <span className="muted">{current.cycle}</span> : null}
        {state.kind === 'renews' ? (
          <span>
            Renews on <Time ms={state.at} />
          </span>
        ) : state.kind === 'ends' ? (
          <span>
            {current.status === 'cancelled' ? 'Cancelled: access' : 'Paid'} until <Time ms={state.at} />
          </span>
        ) : state.kind === 'lifetime' ? (
          <span>Lifetime access</span>
        ) : state.kind === 'included' ? (
          <span>Included with your account: no subscription to manage.</span>
        ) : state.kind === 'suspended' ? (
          <span className="down">Suspended</span>
        ) : (
          <span className="muted">Free plan: pick a plan below to unlock more.</span>
        )}
      </p>
      {current.scheduled ? (
        <p data-testid="scheduled-change">
          Changes to <TierBadge tier={current.scheduled.plan} /> {current.scheduled.cycle} on <Time ms={current.scheduled.starts_at} />.
        </p>
      ) : null}
      {current.can_cancel ? (
        <div className="form-actions">
          <button
            type="button"
            className="btn btn-ghost"
            onClick={() => {
              cancel.reset();
              setConfirming(true);
            }}
          >
            Cancel subscription
          </button>
        </div>
      ) : null}
      <CancelDialog
        open={confirming}
        accessUntil={current.expires_at}
        pending={cancel.isPending}
        error={cancel.error}
        onClose={() => setConfirming(false)}
        onConfirm={() => cancel.mutate(undefined, { onSuccess: () => setConfirming(false) })}
      />
    </section>
  );
}
