import { describe, expect, it } from 'vitest';
import {
  changeNote,
  checkoutTarget,
  cycleUnit,
  failureText,
  formatAmount,
  isCycle,
  isFinalPayment,
  isPaidPlan,
  monthlyEquivalentText,
  paymentOutcome,
  paymentTone,
  planChange,
  priceFor,
  priceLine,
  safeReturnPath,
  savingText,
  settledPlanNote,
  sortPlans,
  subscriptionState,
} from './billing';

const monthly = { cycle: 'monthly', amount: '19.00', currency: 'USD', days: 30, monthly_equivalent: '19.00', saving_pct: null };
const yearly = { cycle: 'yearly', amount: '190.00', currency: 'USD', days: 365, monthly_equivalent: '15.83', saving_pct: 17 };

describe('amounts', () => {
  it('formats the API decimal strings as dollars with grouping, without float noise', () => {
    expect(formatAmount('19.00')).toBe('$19.00');
    expect(formatAmount('1900')).toBe('$1,900.00');
    expect(formatAmount('1234567.5')).toBe('$1,234,567.50');
    expect(formatAmount('0.10')).toBe('$0.10');
    expect(formatAmount('007.1')).toBe('$7.10');
    expect(formatAmount(49)).toBe('$49.00');
    expect(formatAmount('-19.00')).toBe('-$19.00');
  });

  it('keeps the precision of a crypto amount and names other currencies', () => {
    expect(formatAmount('0.000315000000', 'btc')).toBe('0.000315 BTC');
    expect(formatAmount('190.00', 'EUR')).toBe('190.00 EUR');
  });

  it('shows a dash for nothing readable', () => {
    expect(formatAmount(null)).toBe('—');
    expect(formatAmount(undefined)).toBe('—');
    expect(formatAmount('abc')).toBe('—');
    expect(formatAmount(Number.NaN)).toBe('—');
  });
});

describe('prices', () => {
  it('reads one cycle as a unit and a price line', () => {
    expect(cycleUnit('monthly')).toBe('month');
    expect(cycleUnit('yearly')).toBe('year');
    expect(priceLine(monthly)).toBe('$19.00 / month');
    expect(priceLine(yearly)).toBe('$190.00 / year');
  });

  it('names the yearly saving and the monthly equivalent only for a yearly price', () => {
    expect(savingText(yearly)).toBe('Save 17 %');
    expect(savingText(monthly)).toBeNull();
    expect(savingText({ ...yearly, saving_pct: 0 })).toBeNull();
    expect(savingText({ ...yearly, saving_pct: null })).toBeNull();
    expect(monthlyEquivalentText(yearly)).toBe('$15.83 / month, billed yearly');
    expect(monthlyEquivalentText(monthly)).toBeNull();
  });

  it('finds the price of a cycle', () => {
    expect(priceFor([monthly, yearly], 'yearly')).toBe(yearly);
    expect(priceFor([monthly], 'yearly')).toBeNull();
  });
});

describe('plans', () => {
  it('orders plans free, pro, premium whatever the input order', () => {
    const sorted = sortPlans([{ plan: 'premium' }, { plan: 'free' }, { plan: 'pro' }]);
    expect(sorted.map((plan) => plan.plan)).toEqual(['free', 'pro', 'premium']);
  });

  it('accepts only paid plans and known cycles from the URL', () => {
    expect(isPaidPlan('pro')).toBe(true);
    expect(isPaidPlan('premium')).toBe(true);
    expect(isPaidPlan('free')).toBe(false);
    expect(isPaidPlan(null)).toBe(false);
    expect(isCycle('yearly')).toBe(true);
    expect(isCycle('weekly')).toBe(false);
  });

  it('says what buying a plan does from the current tier', () => {
    expect(planChange('free', 'pro')).toBe('start');
    expect(planChange(undefined, 'premium')).toBe('start');
    expect(planChange('pro', 'premium')).toBe('upgrade');
    expect(planChange('premium', 'pro')).toBe('downgrade');
    expect(planChange('pro', 'pro')).toBe('extend');
    expect(changeNote('downgrade')).toContain('ends');
    expect(changeNote('upgrade')).toContain('at once');
  });
});

describe('payments', () => {
  it('is final when the server says so, else by status', () => {
    expect(isFinalPayment({ status: 'pending', final: false })).toBe(false);
    expect(isFinalPayment({ status: 'completed', final: true })).toBe(true);
    expect(isFinalPayment({ status: 'pending' })).toBe(false);
    for (const status of ['completed', 'failed', 'expired', 'refunded']) expect(isFinalPayment({ status })).toBe(true);
  });

  it('turns a payment into an outcome for the return page', () => {
    expect(paymentOutcome({ status: 'pending', final: false })).toBe('waiting');
    expect(paymentOutcome({ status: 'completed', final: true })).toBe('succeeded');
    expect(paymentOutcome({ status: 'failed', final: true })).toBe('failed');
    expect(paymentOutcome({ status: 'expired', final: true })).toBe('failed');
    expect(paymentOutcome({ status: 'refunded', final: true })).toBe('refunded');
  });

  it('explains a failure with the server reason first', () => {
    expect(failureText({ status: 'failed', failure_reason: 'amount 10.00 USD does not match the price 19.00 USD' })).toBe(
      'amount 10.00 USD does not match the price 19.00 USD',
    );
    expect(failureText({ status: 'expired', failure_reason: null })).toContain('expired');
    expect(failureText({ status: 'failed' })).toBe('The payment did not go through.');
  });

  it('gives each status a tone', () => {
    expect(paymentTone('completed')).toBe('bull');
    expect(paymentTone('failed')).toBe('bear');
    expect(paymentTone('pending')).toBe('info');
    expect(paymentTone('refunded')).toBe('warn');
    expect(paymentTone('expired')).toBe('muted');
  });
});

describe('checkout target', () => {
  const origin = 'http://127.0.0.1:8000';

  it('opens our own fake checkout page inside the SPA, relative or absolute', () => {
    expect(checkoutTarget('/billing/fake-checkout/7', origin)).toEqual({ kind: 'spa', path: '/billing/fake-checkout/7' });
    expect(checkoutTarget(`${origin}/billing/fake-checkout/7?x=1`, origin)).toEqual({ kind: 'spa', path: '/billing/fake-checkout/7?x=1' });
  });

  it('leaves the site for a provider-hosted checkout', () => {
    expect(checkoutTarget('https://shop.lemonsqueezy.com/checkout/abc', origin)).toEqual({
      kind: 'external',
      url: 'https://shop.lemonsqueezy.com/checkout/abc',
    });
    expect(checkoutTarget('//evil.example/x', origin)).toEqual({ kind: 'external', url: 'http://evil.example/x' });
  });
});

describe('return path', () => {
  it('keeps a path on this site', () => {
    expect(safeReturnPath('/patterns?type=order_block')).toBe('/patterns?type=order_block');
    expect(safeReturnPath('/')).toBe('/');
  });

  it('drops other hosts, protocol-relative URLs and the billing pages', () => {
    expect(safeReturnPath('https://evil.example/')).toBeNull();
    expect(safeReturnPath('//evil.example/')).toBeNull();
    expect(safeReturnPath('/\\evil.example')).toBeNull();
    expect(safeReturnPath('/billing?plan=pro')).toBeNull();
    expect(safeReturnPath('/billing/return/3')).toBeNull();
    expect(safeReturnPath('/billing')).toBeNull();
    expect(safeReturnPath('/billingsomething')).toBe('/billingsomething');
    expect(safeReturnPath(null)).toBeNull();
    expect(safeReturnPath('')).toBeNull();
  });
});

describe('subscription state', () => {
  const base = { tier: 'pro', status: 'active', expires_at: '2027-01-04T10:00:00.000Z', renews: false };

  it('renews only an active provider subscription', () => {
    expect(subscriptionState({ ...base, renews: true })).toEqual({ kind: 'renews', at: base.expires_at });
    expect(subscriptionState(base)).toEqual({ kind: 'ends', at: base.expires_at });
    expect(subscriptionState({ ...base, status: 'cancelled', renews: true })).toEqual({ kind: 'ends', at: base.expires_at });
  });

  it('knows lifetime, suspended and free', () => {
    expect(subscriptionState({ ...base, expires_at: null })).toEqual({ kind: 'lifetime' });
    expect(subscriptionState({ ...base, status: 'suspended' })).toEqual({ kind: 'suspended' });
    expect(subscriptionState({ ...base, tier: 'free', status: null, expires_at: null })).toEqual({ kind: 'free' });
    expect(subscriptionState({ ...base, tier: 'free', status: 'expired' })).toEqual({ kind: 'free' });
    expect(subscriptionState({ ...base, status: 'expired' })).toEqual({ kind: 'included' });
    expect(subscriptionState({ ...base, status: null, expires_at: null })).toEqual({ kind: 'included' });
  });

  it('sells nothing to an included or lifetime plan, and sells to the rest', () => {
    expect(settledPlanNote({ kind: 'included' })).toMatch(/Included with your account/);
    expect(settledPlanNote({ kind: 'lifetime' })).toMatch(/administrator/);
    expect(settledPlanNote({ kind: 'free' })).toBeNull();
    expect(settledPlanNote({ kind: 'renews', at: base.expires_at })).toBeNull();
    expect(settledPlanNote({ kind: 'suspended' })).toBeNull();
  });
});
