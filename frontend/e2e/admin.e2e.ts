/**
 * The admin console end to end, in real headless Chromium against the real backend: a
 * non-admin typing /admin sees the not-found page (and the API answers 403); an admin finds that
 * user by email and grants pro for 30 days, and the user's next page shows pro features; an
 * admin marks a tracked error resolved; the user pays with the fake provider and the admin
 * marks that payment refunded, leaving the user free. Screenshots go to test-results/admin-*.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Backend, RESULTS, startBackend } from './backend';
import { launchChromium } from './browser';
import { seedErrorGroup } from './seed';

let backend: Backend;
let browser: Browser;
let adminContext: BrowserContext;
let userContext: BrowserContext;
let admin: Page;
let user: Page;
let seeded: { id: number; errorType: string };
const pageErrors: string[] = [];

const userEmail = `member${Date.now()}@example.com`;
const userPassword = 'Order-Block-Sweep-4412';
const SEEDED_MESSAGE = 'e2e: the replay feed answered garbage';

function report(line: string): void {
  console.log(`E2E ${line}`);
}

async function shot(page: Page, name: string): Promise<void> {
  const path = join(RESULTS, `admin-${name}.png`);
  await page.screenshot({ path, fullPage: true });
  report(`screenshot ${path}`);
}

/** An unsafe API call in a browser context: its session, its CSRF cookie echoed. */
async function call(context: BrowserContext, method: string, path: string, data?: unknown): Promise<{ data: unknown }> {
  const csrfOf = async () => (await context.cookies(backend.baseUrl)).find((cookie) => cookie.name === 'cl_csrf')?.value;
  if (!(await csrfOf())) await context.request.get(`${backend.baseUrl}/api/v1/auth/csrf`);
  const response = await context.request.fetch(`${backend.baseUrl}${path}`, {
    method,
    headers: { 'X-CSRF-Token': (await csrfOf()) ?? '', 'Content-Type': 'application/json' },
    data: data === undefined ? undefined : JSON.stringify(data),
  });
  if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as { data: unknown };
}

async function signIn(page: Page, email: string, password: string, next = '/'): Promise<void> {
  await page.goto(`${backend.baseUrl}/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === next);
}

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  const started = Date.now();
  backend = await startBackend();
  report(`backend up at ${backend.baseUrl} in ${((Date.now() - started) / 1000).toFixed(1)} s (log ${backend.logFile})`);
  seeded = seedErrorGroup(backend, SEEDED_MESSAGE);
  report(`seeded error group ${seeded.id} (${seeded.errorType})`);
  browser = await launchChromium();
  adminContext = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: 'dark', timezoneId: 'UTC' });
  userContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'dark', timezoneId: 'UTC' });
  admin = await adminContext.newPage();
  user = await userContext.newPage();
  for (const page of [admin, user]) page.on('pageerror', (error) => pageErrors.push(error.message));
}, 300_000);

afterAll(async () => {
  await adminContext?.close();
  await userContext?.close();
  await browser?.close();
  await backend?.stop();
});

describe('admin console', () => {
  it('shows a non-admin the not-found page at /admin, and the admin API answers 403', async () => {
    await user.goto(`${backend.baseUrl}/register`);
    await user.getByLabel('Email').fill(userEmail);
    await user.getByLabel('Password').fill(userPassword);
    await user.getByRole('button', { name: 'Create account' }).click();
    await user.getByRole('heading', { name: 'Check your inbox' }).waitFor();
    await signIn(user, userEmail, userPassword);
    await user.getByRole('heading', { name: 'Dashboard' }).waitFor();
    expect(await user.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).count()).toBe(0);

    await user.goto(`${backend.baseUrl}/admin`);
    await user.getByRole('heading', { name: 'Page not found' }).waitFor();
    await user.goto(`${backend.baseUrl}/admin/users`);
    await user.getByRole('heading', { name: 'Page not found' }).waitFor();
    expect(await user.getByRole('navigation', { name: 'Admin' }).count()).toBe(0);

    const response = await user.request.get(`${backend.baseUrl}/api/v1/admin/users`);
    expect(response.status()).toBe(403);
    const body = (await response.json()) as { success: boolean; meta: { code?: string } };
    expect(body.success).toBe(false);
    expect(body.meta.code).toBe('admin_required');
  });

  it('finds a user by email, grants pro for 30 days, and the user’s next page shows pro features', async () => {
    // Free: order blocks are a pro feature, so the patterns page offers the upgrade instead.
    await user.goto(`${backend.baseUrl}/patterns?type=order_block`);
    await user.getByTestId('upgrade-prompt').waitFor();

    await signIn(admin, backend.email, backend.password);
    await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
    await admin.waitForURL(/\/admin\/users$/);
    await admin.getByTestId('users-table').waitFor();
    const search = admin.getByRole('searchbox', { name: 'Search' });
    await search.fill(userEmail.toUpperCase()); // any case
    await search.press('Enter');
    await admin.waitForURL(/[?&]q=/);
    const rows = admin.getByTestId('users-table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    await shot(admin, 'users');
    await rows.first().getByRole('link', { name: userEmail }).click();
    await admin.waitForURL(/\/admin\/users\/\d+$/);
    await admin.getByRole('heading', { name: userEmail }).waitFor();
    expect(await admin.getByTestId('user-tier').textContent()).toBe('free');

    const grant = admin.getByRole('form', { name: 'Grant a plan' });
    await grant.getByLabel('Plan').selectOption('pro');
    await grant.getByLabel('Days').fill('30');
    await grant.getByRole('button', { name: 'Grant' }).click();
    await expect.poll(() => admin.getByTestId('subscription-notice').textContent()).toContain('tier now pro');
    await expect.poll(() => admin.getByTestId('user-tier').textContent()).toBe('pro');
    const expires = admin.getByTestId('user-subscription');
    await expect.poll(() => expires.textContent()).toMatch(/in 30 d/);
    await shot(admin, 'user');

    // The user's next page: pro, and order blocks are listed instead of the upgrade prompt.
    await user.goto(`${backend.baseUrl}/patterns?type=order_block`);
    await user.getByRole('heading', { name: 'Patterns' }).waitFor();
    await expect
      .poll(async () => (await user.getByTestId('patterns-table').count()) + (await user.getByText('No patterns match').count()), {
        timeout: 20_000,
      })
      .toBeGreaterThan(0);
    expect(await user.getByTestId('upgrade-prompt').count()).toBe(0);
    expect(await user.locator('.user-link .tier').textContent()).toBe('pro');

    // The grant is in the audit log.
    await admin.goto(`${backend.baseUrl}/admin/audit-log?action=subscription.`);
    await admin.getByTestId('audit-table').waitFor();
    expect(await admin.getByTestId('audit-table').locator('tbody tr').first().textContent()).toContain('subscription.grant');
  });

  it('marks a tracked error resolved', async () => {
    await admin.goto(`${backend.baseUrl}/admin/errors`);
    const table = admin.getByTestId('errors-table');
    await table.waitFor();
    const row = table.locator('tbody tr', { hasText: SEEDED_MESSAGE });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getByTestId('error-status').textContent()).toBe('new');
    await shot(admin, 'errors');
    await row.getByRole('link').first().click();
    await admin.waitForURL(new RegExp(`/admin/errors/${seeded.id}$`));
    await admin.getByTestId('traceback').waitFor();
    expect(await admin.getByTestId('traceback').textContent()).toContain('ReplayFeedError');
    expect(await admin.getByTestId('occurrences').locator('li').count()).toBe(1);

    await admin.getByLabel('Note (optional, appended)').fill('fixed by the e2e run');
    await admin.getByRole('button', { name: 'Mark resolved' }).click();
    await expect.poll(() => admin.getByRole('heading', { level: 1 }).getByTestId('error-status').textContent()).toBe('resolved');
    await admin.getByText('fixed by the e2e run').waitFor();
    expect(await admin.getByRole('button', { name: 'Mark resolved' }).count()).toBe(0);
    await shot(admin, 'error');

    // The list agrees, and the API too.
    await admin.goto(`${backend.baseUrl}/admin/errors?status=resolved`);
    await expect.poll(() => admin.getByTestId('errors-table').locator('tbody tr', { hasText: SEEDED_MESSAGE }).count()).toBe(1);
    const response = await admin.request.get(`${backend.baseUrl}/api/v1/admin/errors/${seeded.id}`);
    expect(response.status()).toBe(200);
    expect(((await response.json()) as { data: { status: string } }).data.status).toBe('resolved');
  });

  it('shows the API’s validation message in the settings form, saves a valid value and restores the default', async () => {
    await admin.goto(`${backend.baseUrl}/admin/settings`);
    const form = admin.getByTestId('setting-min_confluence');
    await form.waitFor();
    const input = form.getByLabel('min_confluence');
    await input.fill('99');
    await form.getByRole('button', { name: 'Save' }).click();
    const alert = form.getByRole('alert');
    await alert.waitFor();
    const message = (await alert.textContent()) ?? '';
    report(`settings validation message: ${message}`);
    expect(message).toContain('min_confluence must be');
    await input.fill('3');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByRole('status').waitFor();
    expect(await form.getByRole('alert').count()).toBe(0);
    await expect.poll(() => form.textContent()).toContain('changed');
    await form.getByRole('button', { name: 'Restore default' }).click();
    await expect.poll(() => input.inputValue()).toBe('2');
    await expect.poll(() => form.textContent()).toContain('(in force)');
  });

  it('shows the audience count before sending a broadcast, then sends it', async () => {
    await admin.goto(`${backend.baseUrl}/admin/broadcasts`);
    // A template first, then the composer starts from it.
    await admin.getByText('Templates', { exact: true }).click();
    const templateForm = admin.getByRole('form', { name: 'New template' });
    await templateForm.getByLabel('Name').fill('maintenance');
    await templateForm.getByLabel('Title').fill('Maintenance tonight');
    await templateForm.getByLabel('Message').fill('Hello {name}, CryptoLens restarts at 22:00 UTC.');
    await templateForm.getByLabel('Tags').fill('wrench');
    await templateForm.getByRole('button', { name: 'Save template' }).click();
    await admin.getByTestId('templates-table').locator('tbody tr', { hasText: 'maintenance' }).waitFor();

    const form = admin.getByRole('form', { name: 'New broadcast' });
    await form.getByLabel('Template').selectOption({ label: 'maintenance' });
    expect(await form.getByLabel('Title').inputValue()).toBe('Maintenance tonight');
    expect(await form.getByLabel('Tags').inputValue()).toBe('wrench');
    await form.getByLabel('pro', { exact: true }).check();
    // The registered user is pro but unverified, with no topic: nobody is reached, and it says so.
    await expect.poll(() => form.getByTestId('audience-count').textContent()).toBe('0');
    expect(await form.getByTestId('audience').textContent()).toContain('1 unverified');
    await form.getByRole('button', { name: 'Send…' }).click();
    await form.getByRole('button', { name: 'Confirm and send' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toMatch(/Broadcast \d+ sending/);
    const row = admin.getByTestId('broadcasts-table').locator('tbody tr', { hasText: 'Maintenance tonight' });
    await expect.poll(() => row.count()).toBe(1);
    report(`broadcast row: ${await row.textContent()}`);
  });

  it('switches a job off and on, runs one now, and its coverage shows on the symbols page', async () => {
    await admin.goto(`${backend.baseUrl}/admin/jobs`);
    const toggle = admin.getByRole('switch', { name: 'db_health enabled' });
    await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('true');
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('false');
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('true');

    const row = admin.getByTestId('jobs-table').locator('tbody tr', { hasText: 'refresh_stats' });
    await row.getByRole('button', { name: 'Run now' }).click();
    await expect.poll(() => admin.getByTestId('jobs-notice').textContent()).toMatch(/refresh_stats (queued|is already queued)/);

    await admin.goto(`${backend.baseUrl}/admin/symbols`);
    await admin.getByTestId('symbols-table').waitFor();
    await expect
      .poll(
        async () => {
          await admin.reload();
          await admin.getByTestId('symbols-table').waitFor();
          return admin.locator('.coverage li').count();
        },
        { timeout: 60_000, interval: 2_000 },
      )
      .toBeGreaterThan(0);
    report(`coverage of BTC/USDT: ${await admin.getByRole('list', { name: 'BTC/USDT coverage' }).textContent()}`);
  }, 90_000);

  it('opens every console page without an error', async () => {
    for (const [path, heading] of [
      ['subscriptions', 'Subscriptions'],
      ['payments', 'Payments'],
      ['audit-log', 'Audit log'],
      ['jobs', 'Jobs'],
      ['settings', 'Runtime settings'],
      ['symbols', 'Symbols'],
      ['broadcasts', 'Broadcasts'],
      ['stats', 'Stats'],
    ] as const) {
      await admin.goto(`${backend.baseUrl}/admin/${path}`);
      await admin.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await admin.waitForLoadState('networkidle');
      if (path === 'broadcasts') {
        // The audience is counted before anything is sent: the admin account itself has no topic.
        await admin.getByTestId('audience-count').waitFor();
        report(`broadcast audience: ${await admin.getByTestId('audience').textContent()}`);
      }
      expect(await admin.getByRole('alert').count(), `${path} shows no error`).toBe(0);
      await shot(admin, path);
    }
  }, 120_000);

  it('marks the user’s payment refunded behind a confirmation, and the user is free at once', async () => {
    // Last of the user's steps (the broadcast test wants them pro and unverified): verified by
    // the admin (paying needs it), the user buys premium through the fake provider.
    const found = (await call(adminContext, 'GET', `/api/v1/admin/users?q=${encodeURIComponent(userEmail)}`)) as { data: { id: number }[] };
    const userId = found.data[0]?.id;
    if (!userId) throw new Error(`the admin cannot find ${userEmail}`);
    await call(adminContext, 'PATCH', `/api/v1/admin/users/${userId}`, { is_verified: true });
    const checkout = (await call(userContext, 'POST', '/api/v1/billing/checkout', {
      plan: 'premium',
      cycle: 'monthly',
      method: 'card',
    })) as {
      data: { payment_id: number };
    };
    const paymentId = checkout.data.payment_id;
    await call(userContext, 'POST', `/api/v1/billing/fake-checkout/${paymentId}`, { outcome: 'paid' });

    await admin.goto(`${backend.baseUrl}/admin/users/${userId}`);
    await admin.getByRole('heading', { name: userEmail }).waitFor();
    await expect.poll(() => admin.getByTestId('user-tier').textContent()).toBe('premium');
    const payments = admin.getByTestId('user-payments');
    const row = payments.locator('tbody tr', { has: admin.getByRole('link', { name: `#${paymentId}` }) });
    await expect.poll(() => row.textContent()).toContain('completed');
    await row.getByRole('button', { name: 'Mark refunded…' }).click();
    const form = row.getByRole('form', { name: `Refund payment ${paymentId}` });
    // Nothing is sent without a reason.
    await form.getByRole('button', { name: /Confirm refund of \$49\.00/ }).click();
    await form.getByRole('alert').waitFor();
    await form.getByLabel('Reason').fill('e2e: refunded in the provider dashboard');
    await form.getByRole('button', { name: /Confirm refund/ }).click();
    await expect.poll(() => row.textContent()).toContain('by admin');
    expect(await row.getByText('refunded', { exact: true }).count()).toBe(1);
    await expect.poll(() => admin.getByTestId('user-tier').textContent()).toBe('free');
    await shot(admin, 'user-refunded');

    await admin.goto(`${backend.baseUrl}/admin/payments/${paymentId}`);
    await admin.getByRole('heading', { name: `Payment #${paymentId}`, level: 1 }).waitFor();
    await expect.poll(() => admin.getByTestId('payment-events').textContent()).toContain('applied');
    await shot(admin, 'payment');
    await admin.goto(`${backend.baseUrl}/admin/audit-log?action=payment.`);
    await admin.getByTestId('audit-table').waitFor();
    expect(await admin.getByTestId('audit-table').locator('tbody tr').first().textContent()).toContain('payment.refund');
  }, 90_000);

  it('fits a 360 px phone without horizontal scrolling (tables scroll in their box)', async () => {
    await admin.setViewportSize({ width: 360, height: 740 });
    for (const path of ['users', `errors/${seeded.id}`, 'settings', 'stats', 'broadcasts']) {
      await admin.goto(`${backend.baseUrl}/admin/${path}`);
      await admin.locator('h1').first().waitFor();
      await admin.waitForLoadState('networkidle');
      const overflow = await admin.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `/admin/${path} overflows by ${overflow} px`).toBeLessThanOrEqual(0);
    }
    await shot(admin, 'phone-stats');
    await admin.setViewportSize({ width: 1440, height: 900 });
  });

  it('raised no uncaught errors in the pages', () => {
    expect(pageErrors).toEqual([]);
  });
});
