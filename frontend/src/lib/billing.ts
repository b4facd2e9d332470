/** Billing rules the pages need in words: prices, savings, plan order, payment outcomes and where a
 * checkout URL leads. Pure: the shapes are the few fields read from the generated API types. */
import { tierRank } from './tiers';

export const PAID_PLANS = ['pro', 'premium'] as const;
export type PaidPlan = (typeof PAID_PLANS)[number];
export const CYCLES = ['monthly', 'yearly'] as const;
export type Cycle = (typeof CYCLES)[number];

export interface PriceLike {
  cycle: string;
  amount: string;
  currency: string;
  monthly_equivalent?: string | null;
  saving_pct?: number | null;
}

/** "1,900.00" from the API's decimal string "1900.00", without going through a float. */
function groupedDecimal(amount: string): string | null {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount.trim());
  if (!match) return null;
  const [, sign = '', whole = '0', fraction = ''] = match;
  const cents = `${fraction}00`.slice(0, Math.max(2, fraction.replace(/0+$/, '').length));
  const grouped = whole.replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}.${cents}`;
}

/** "$19.00" for USD, "190.00 EUR" for another currency, "—" for nothing readable. */
export function formatAmount(amount: string | number | null | undefined, currency = 'USD'): string {
  if (amount == null) return '—';
  const text = groupedDecimal(typeof amount === 'number' ? amount.toFixed(2) : amount);
  if (text === null) return '—';
  if (currency.toUpperCase() === 'USD') return text.startsWith('-') ? `-$${text.slice(1)}` : `$${text}`;
  return `${text} ${currency.toUpperCase()}`;
}

/** "month" / "year": what one cycle buys. */
export function cycleUnit(cycle: string): string {
  return cycle === 'yearly' ? 'year' : 'month';
}

/** "$19.00 / month", "$190.00 / year". */
export function priceLine(price: PriceLike): string {
  return `${formatAmount(price.amount, price.currency)} / ${cycleUnit(price.cycle)}`;
}

/** "Save 17 %" for a yearly price that costs less than twelve months; null otherwise. */
export function savingText(price: PriceLike): string | null {
  if (price.cycle !== 'yearly' || price.saving_pct == null || price.saving_pct <= 0) return null;
  return `Save ${price.saving_pct} %`;
}

/** "$15.83 / month, billed yearly" for a yearly price; null for a monthly one. */
export function monthlyEquivalentText(price: PriceLike): string | null {
  if (price.cycle !== 'yearly' || !price.monthly_equivalent) return null;
  return `${formatAmount(price.monthly_equivalent, price.currency)} / month, billed yearly`;
}

export function priceFor<P extends PriceLike>(prices: readonly P[], cycle: string): P | null {
  return prices.find((price) => price.cycle === cycle) ?? null;
}

/** Plans cheapest tier first (free, pro, premium), whatever order the API sent. */
export function sortPlans<P extends { plan: string }>(plans: readonly P[]): P[] {
  return [...plans].sort((a, b) => tierRank(a.plan) - tierRank(b.plan));
}

export function isPaidPlan(value: string | null | undefined): value is PaidPlan {
  return value === 'pro' || value === 'premium';
}

export function isCycle(value: string | null | undefined): value is Cycle {
  return value === 'monthly' || value === 'yearly';
}

/** What buying `target` means for someone on `current` (their effective tier now). */
export type PlanChange = 'extend' | 'upgrade' | 'downgrade' | 'start';

export function planChange(current: string | null | undefined, target: string): PlanChange {
  const from = tierRank(current);
  const to = tierRank(target);
  if (from === 0) return 'start';
  if (to > from) return 'upgrade';
  if (to < from) return 'downgrade';
  return 'extend';
}

/** One sentence on what paying does, per the billing rules (upgrade at once with the unused days
 * converted, downgrade at the end of the paid period, extension from the current end). */
export function changeNote(change: PlanChange): string {
  switch (change) {
    case 'upgrade':
      return 'Starts at once; the unused days of your current plan are converted at the price ratio.';
    case 'downgrade':
      return 'Takes effect when your current paid period ends.';
    case 'extend':
      return 'Adds one period after your current end date.';
    default:
      return 'Starts at once.';
  }
}

export const FINAL_STATUSES = ['completed', 'failed', 'expired', 'refunded'] as const;

/** A payment the provider will not change any more (the server's `final` when it sent one). */
export function isFinalPayment(payment: { status: string; final?: boolean | null }): boolean {
  if (typeof payment.final === 'boolean') return payment.final;
  return (FINAL_STATUSES as readonly string[]).includes(payment.status);
}

export type PaymentOutcome = 'waiting' | 'succeeded' | 'failed' | 'refunded';

export function paymentOutcome(payment: { status: string; final?: boolean | null }): PaymentOutcome {
  if (!isFinalPayment(payment)) return 'waiting';
  if (payment.status === 'completed') return 'succeeded';
  if (payment.status === 'refunded') return 'refunded';
  return 'failed';
}

/** Why a payment did not go through, in words, when the server gave no reason. */
export function failureText(payment: { status: string; failure_reason?: string | null }): string {
  if (payment.failure_reason) return payment.failure_reason;
  if (payment.status === 'expired') return 'The checkout expired before it was paid.';
  return 'The payment did not go through.';
}

/** Status as a badge tone. */
export function paymentTone(status: string): 'bull' | 'bear' | 'info' | 'muted' | 'warn' {
  switch (status) {
    case 'completed':
      return 'bull';
    case 'failed':
      return 'bear';
    case 'pending':
      return 'info';
    case 'refunded':
      return 'warn';
    default:
      return 'muted';
  }
}

/** Where a checkout URL leads: our own pages (the fake provider's page, relative or on this
 * origin) open inside the SPA; a provider's hosted page is a full navigation. */
export type CheckoutTarget = { kind: 'spa'; path: string } | { kind: 'external'; url: string };

export function checkoutTarget(checkoutUrl: string, origin: string): CheckoutTarget {
  const url = new URL(checkoutUrl, origin);
  if (url.origin === origin) return { kind: 'spa', path: `${url.pathname}${url.search}${url.hash}` };
  return { kind: 'external', url: url.href };
}

/** A path on this site to come back to after paying; anything else (other hosts, protocol-relative
 * URLs, the billing pages themselves) is dropped. */
export function safeReturnPath(value: string | null | undefined): string | null {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  if (value === '/billing' || value.startsWith('/billing/') || value.startsWith('/billing?')) return null;
  return value;
}

/** The subscription's end in words: renews, ends, or lifetime. */
export type SubscriptionState =
  | { kind: 'free' }
  | { kind: 'included' }
  | { kind: 'lifetime' }
  | { kind: 'renews'; at: string }
  | { kind: 'ends'; at: string }
  | { kind: 'suspended' };

export function subscriptionState(subscription: {
  tier: string;
  status: string | null;
  expires_at: string | null;
  renews: boolean;
}): SubscriptionState {
  if (subscription.status === 'suspended') return { kind: 'suspended' };
  if (subscription.tier === 'free') return { kind: 'free' };
  // A paid tier with no subscription in effect: it comes with the account (an admin's role).
  if (subscription.status === null || subscription.status === 'expired') return { kind: 'included' };
  if (subscription.expires_at === null) return { kind: 'lifetime' };
  if (subscription.renews && subscription.status === 'active') return { kind: 'renews', at: subscription.expires_at };
  return { kind: 'ends', at: subscription.expires_at };
}

/** Why the plan cards sell nothing to this account, or null when they do: an admin's plan comes
 * with the role (no paid period to change), and a lifetime plan only an administrator changes
 * (the server refuses either checkout). */
export function settledPlanNote(state: SubscriptionState): string | null {
  if (state.kind === 'included') return 'Included with your account: nothing to buy.';
  if (state.kind === 'lifetime') return 'You have lifetime access: an administrator changes this plan.';
  return null;
}
