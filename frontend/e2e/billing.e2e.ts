/**
 * Billing end to end, in real headless Chromium against the real backend on the embedded default
 * (the fake payment provider): a free, verified user meets the upgrade prompt on the patterns page,
 * opens billing with pro selected, pays by card on the fake provider's page, the return page shows
 * success, and the page that prompted shows pro content without signing in again; cancel asks
 * first and keeps access. A failed fake payment shows its reason and the tier stays free. The
 * plans stack at 390 px. Screenshots: test-results/billing-*.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, type Backend, RESULTS, startBackend } from './backend';
import { launchChromium } from './browser';

let backend: Backend;
let browser: Browser;
let adminContext: BrowserContext;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

const stamp = Date.now();
const password = 'Order-Block-Buyer-4417';
const OPTIONS = { viewport: { width: 1280, height: 800 }, colorScheme: 'dark', timezoneId: 'UTC' } as const;

function report(line: string): void {
  console.log(`E2E ${line}`);
}

async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  const path = join(RESULTS, `billing-${name}.png`);
  await page.screenshot({ path, fullPage });
  report(`screenshot ${path}`);
}

/** An unsafe API call with a browser context's session and its CSRF cookie echoed. */
function call(context: BrowserContext, method: string, path: string, data?: unknown): Promise<{ data: unknown }> {
  return apiCall(backend.baseUrl, context, method, path, data);
}

async function signIn(page: Page, email: string, userPassword: string, next = '/'): Promise<void> {
  await page.goto(`${backend.baseUrl}/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(userPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => `${url.pathname}${url.search}` === next);
}

/** A registered user whose email the admin marked verified (paying needs it); free. */
async function freeVerifiedUser(name: string): Promise<{ email: string; page: Page; context: BrowserContext }> {
  const email = `${name}${stamp}@example.com`;
  const context = await browser.newContext(OPTIONS);
  contexts.push(context);
  await call(context, 'POST', '/api/v1/auth/register', { email, password, timezone: 'UTC' });
  const found = (await call(adminContext, 'GET', `/api/v1/admin/users?q=${encodeURIComponent(email)}`)) as { data: { id: number }[] };
  const id = found.data[0]?.id;
  if (!id) throw new Error(`the admin cannot find ${email}`);
  await call(adminContext, 'PATCH', `/api/v1/admin/users/${id}`, { is_verified: true });
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { email, page, context };
}

async function tierOf(context: BrowserContext): Promise<string> {
  const response = await context.request.get(`${backend.baseUrl}/api/v1/auth/me`);
  return ((await response.json()) as { data: { tier: string } }).data.tier;
}

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  const started = Date.now();
  backend = await startBackend();
  report(`backend up at ${backend.baseUrl} in ${((Date.now() - started) / 1000).toFixed(1)} s (log ${backend.logFile})`);
  browser = await launchChromium();
  adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await signIn(adminPage, backend.email, backend.password);
  await adminPage.close();
}, 300_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await adminContext?.close();
  await browser?.close();
  await backend?.stop();
  if (pageErrors.length) report(`page errors:\n  ${pageErrors.join('\n  ')}`);
});

describe('billing', () => {
  it('upgrades a free user through the prompt, the fake card checkout and the return page, then shows pro content', async () => {
    const { email, page, context } = await freeVerifiedUser('buyer');
    const prompted = '/patterns?type=order_block';
    await signIn(page, email, password, prompted);

    // Order blocks are a pro feature: the page offers the upgrade instead.
    const prompt = page.getByTestId('upgrade-prompt');
    await prompt.waitFor();
    await expect.poll(() => page.locator('.user-link .tier').textContent()).toBe('free');
    await prompt.getByRole('link', { name: 'Upgrade to pro' }).click();

    // Billing opens with pro selected, in view and focused.
    await page.waitForURL((url) => url.pathname === '/billing' && url.searchParams.get('plan') === 'pro');
    const pro = page.getByTestId('plan-pro');
    await pro.waitFor();
    expect(await pro.getAttribute('class')).toContain('plan-selected');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('plan-pro');
    expect(await pro.textContent()).toContain('$19.00 / month');
    await page.getByRole('group', { name: 'Billing cycle' }).getByRole('button', { name: 'Yearly' }).click();
    await expect.poll(() => pro.textContent()).toContain('Save 17 %');
    await page.getByRole('group', { name: 'Billing cycle' }).getByRole('button', { name: 'Monthly' }).click();
    await shot(page, 'plans');

    // Pay by card: the fake provider's page, clearly a test.
    await pro.getByRole('button', { name: 'Pay by card' }).click();
    await page.waitForURL(/\/billing\/fake-checkout\/\d+$/);
    await page.getByText('Test payment - no money moves').waitFor();
    expect(await page.getByRole('main').textContent()).toContain('$19.00');
    await shot(page, 'fake-checkout');
    await page.getByRole('button', { name: 'Pay', exact: true }).click();

    // The return page polls until final, then shows the new tier: the header too, no new sign-in.
    await page.waitForURL(/\/billing\/return\/\d+$/);
    const success = page.getByTestId('payment-success');
    await success.waitFor({ timeout: 20_000 });
    await expect.poll(() => page.getByTestId('new-tier').textContent()).toContain('pro');
    await expect.poll(() => page.locator('.user-link .tier').textContent()).toBe('pro');
    await shot(page, 'return-success');

    // Back where the prompt was: pro content, not the prompt.
    await success.getByRole('link', { name: 'Continue where you were' }).click();
    await page.waitForURL((url) => `${url.pathname}${url.search}` === prompted);
    await page.getByRole('heading', { name: 'Patterns' }).waitFor();
    await expect
      .poll(async () => (await page.getByTestId('patterns-table').count()) + (await page.getByText('No patterns match').count()), {
        timeout: 20_000,
      })
      .toBeGreaterThan(0);
    expect(await page.getByTestId('upgrade-prompt').count()).toBe(0);
    expect(await tierOf(context)).toBe('pro');

    // Billing: the plan with its end date, the payment in the history with a receipt.
    await page.getByRole('banner').getByRole('link', { name: 'Billing' }).click();
    await page.waitForURL((url) => url.pathname === '/billing');
    const current = page.getByTestId('current-plan');
    await expect.poll(() => current.textContent()).toMatch(/pro.*until \d{4}-\d{2}-\d{2}/);
    const rows = page.getByTestId('payments-table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('completed');
    await rows
      .first()
      .getByRole('link', { name: /Receipt/ })
      .click();
    await page.waitForURL(/\/billing\/payments\/\d+$/);
    const receipt = page.getByTestId('receipt');
    await receipt.waitFor();
    expect(await receipt.textContent()).toContain('$19.00');
    expect(await receipt.textContent()).toContain('Test provider');
    await shot(page, 'receipt');

    // Cancel asks first; keeping the plan changes nothing; confirming keeps access to the end.
    await page.getByRole('link', { name: '← Billing' }).click();
    await current.getByRole('button', { name: 'Cancel subscription' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cancel your subscription?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Keep my plan' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await current.textContent()).not.toContain('Cancelled');
    await current.getByRole('button', { name: 'Cancel subscription' }).click();
    await dialog.getByRole('button', { name: 'Yes, cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => current.textContent()).toContain('Cancelled: access until');
    expect(await current.getByRole('button', { name: 'Cancel subscription' }).count()).toBe(0);
    expect(await tierOf(context)).toBe('pro');
  }, 120_000);

  it('shows the reason of a failed fake payment and the tier stays free', async () => {
    const { email, page, context } = await freeVerifiedUser('decliner');
    await signIn(page, email, password, '/billing?plan=premium');
    const premium = page.getByTestId('plan-premium');
    await premium.waitFor();
    await premium.getByRole('button', { name: 'Pay with crypto' }).click();
    await page.waitForURL(/\/billing\/fake-checkout\/\d+$/);
    await page.getByText('Test payment - no money moves').waitFor();
    await page.getByRole('button', { name: 'Fail', exact: true }).click();

    await page.waitForURL(/\/billing\/return\/\d+$/);
    const failure = page.getByTestId('payment-failure');
    await failure.waitFor({ timeout: 20_000 });
    const reason = (await page.getByTestId('failure-reason').textContent()) ?? '';
    report(`failed fake payment reason: "${reason}"`);
    expect(reason.trim().length).toBeGreaterThan(0);
    expect(await failure.getByRole('link', { name: 'Try again' }).getAttribute('href')).toBe('/billing?plan=premium&cycle=monthly');
    await shot(page, 'return-failure');
    await expect.poll(() => page.locator('.user-link .tier').textContent()).toBe('free');
    expect(await tierOf(context)).toBe('free');

    await page.getByRole('banner').getByRole('link', { name: 'Billing' }).click();
    const rows = page.getByTestId('payments-table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('failed');
  }, 120_000);

  it('stacks the plans on a 390 px phone without horizontal scrolling, buttons reachable by keyboard', async () => {
    const { email, page } = await freeVerifiedUser('phone');
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, email, password, '/billing');
    const free = page.getByTestId('plan-free');
    const pro = page.getByTestId('plan-pro');
    const premium = page.getByTestId('plan-premium');
    await premium.waitFor();
    const [a, b, c] = await Promise.all([free.boundingBox(), pro.boundingBox(), premium.boundingBox()]);
    if (!a || !b || !c) throw new Error('a plan card is not laid out');
    // One column: same left edge, each card below the one before.
    expect(b.x).toBe(a.x);
    expect(c.x).toBe(b.x);
    expect(b.y).toBeGreaterThanOrEqual(a.y + a.height);
    expect(c.y).toBeGreaterThanOrEqual(b.y + b.height);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    // Keyboard: Tab reaches the cycle switch and the pay buttons; Enter on a switch works.
    const yearly = page.getByRole('group', { name: 'Billing cycle' }).getByRole('button', { name: 'Yearly' });
    await yearly.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => yearly.getAttribute('aria-pressed')).toBe('true');
    let reached = false;
    for (let step = 0; step < 40 && !reached; step += 1) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.textContent === 'Pay by card');
    }
    expect(reached, 'Tab reaches a "Pay by card" button').toBe(true);
    await shot(page, 'phone', true);
  }, 120_000);

  it('offers an admin nothing to buy: the plan comes with the account', async () => {
    const page = await adminContext.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${backend.baseUrl}/billing`);
    await page.getByTestId('current-plan').getByText('Included with your account').waitFor();
    for (const plan of ['pro', 'premium']) {
      const card = page.getByTestId(`plan-${plan}`);
      await card.waitFor();
      await expect.poll(() => card.textContent()).toContain('Included with your account: nothing to buy.');
      expect(await card.textContent()).not.toContain('Takes effect when your current paid period ends');
      expect(await card.getByRole('button', { name: 'Pay by card' }).count()).toBe(0);
    }
    await page.close();
  }, 60_000);

  it('raised no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
