/**
 * Backtests and the parameter study end to end, in real headless Chromium against the real
 * backend (replay market, 16 days of stored 1m candles per symbol): a free user is shown what
 * premium unlocks; a premium user opens /backtests from the main navigation, sees the form start
 * from the live parameter values, is told the earliest start a too-early range allows (422
 * insufficient_history), runs a 1-day backtest ending at the latest full hour of stored data,
 * watches its progress bar move to 100 %, reads the results page (summary cards, by setup, equity
 * curve, outcome histogram, signals) and opens a result signal on the chart (levels and markers);
 * when that day made no signal the previous day is tried, and with none either the empty state is
 * asserted. An admin opens /admin/studies from the console's navigation and builds a grid: the
 * combination and window counts follow what is typed. Screenshots at 1440 and 390 px:
 * test-results/backtests-*.png, and no page scrolls sideways on the phone.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS, utcInputValue } from '../src/pages/backtests/rules';
import { apiCall, type Backend, RESULTS, startBackend } from './backend';
import { launchChromium } from './browser';
import { overflow, settle } from './pages';

let backend: Backend;
let browser: Browser;
let admin: BrowserContext;
const pageErrors: string[] = [];

const stamp = Date.now();
const premiumEmail = `replayer${stamp}@example.com`;
const freeEmail = `spectator${stamp}@example.com`;
const password = 'Replay-The-Range-73';
const DESKTOP = { width: 1440, height: 900 } as const;
const PHONE = { width: 390, height: 844 } as const;
/** The machine may be busy (other runs, a 15-day replay): generous waits. */
const WAIT = 90_000;
const REPLAY_WAIT = 900_000;
const TEST_TIMEOUT = 1_800_000;

function report(line: string): void {
  console.log(`E2E ${line}`);
}

function call(context: BrowserContext, method: string, path: string, data?: unknown): Promise<{ data: unknown }> {
  return apiCall(backend.baseUrl, context, method, path, data);
}

/** A registered user, verified by the admin, on `plan` for 30 days (free without a plan). */
async function seedUser(email: string, plan: 'premium' | null): Promise<void> {
  const context = await browser.newContext();
  try {
    await call(context, 'POST', '/api/v1/auth/register', { email, password, timezone: 'UTC' });
  } finally {
    await context.close();
  }
  const found = (await call(admin, 'GET', `/api/v1/admin/users?q=${encodeURIComponent(email)}`)) as { data: { id: number }[] };
  const id = found.data[0]?.id;
  if (!id) throw new Error(`the admin cannot find ${email}`);
  await call(admin, 'PATCH', `/api/v1/admin/users/${id}`, { is_verified: true });
  if (plan) await call(admin, 'POST', `/api/v1/admin/users/${id}/subscription/grant`, { plan, days: 30, lifetime: false });
}

async function newPage(context: BrowserContext): Promise<Page> {
  context.setDefaultTimeout(WAIT);
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${error.message} (${page.url()})`));
  return page;
}

async function signIn(context: BrowserContext, email: string, secret = password): Promise<Page> {
  const page = await newPage(context);
  await page.goto(`${backend.baseUrl}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(secret);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  return page;
}

/** The page at 1440 and at 390 px, each shot; on the phone nothing may scroll sideways. */
async function shootBoth(page: Page, name: string): Promise<void> {
  for (const [size, viewport] of [
    ['1440', DESKTOP],
    ['390', PHONE],
  ] as const) {
    await page.setViewportSize(viewport);
    await settle(page);
    const path = join(RESULTS, `backtests-${name}-${size}.png`);
    await page.screenshot({ path, fullPage: true });
    report(`screenshot ${path}`);
    expect(await overflow(page), `${name} at ${size} px scrolls sideways`).toBeLessThanOrEqual(0);
  }
  await page.setViewportSize(DESKTOP);
}

/** The open time of the newest stored 1m candle of BTC/USDT (ms). */
async function newestMinute(context: BrowserContext): Promise<number> {
  const body = (await call(context, 'GET', '/api/v1/symbols/BTC-USDT/candles?timeframe=1m&limit=1')) as { data: { time: number }[] };
  const time = body.data.at(-1)?.time;
  if (!time) throw new Error('no stored 1m candle for BTC/USDT');
  return time;
}

async function fillRange(page: Page, start: number, end: number): Promise<void> {
  const form = page.getByTestId('backtest-form');
  await form.getByLabel('Symbol').selectOption('BTC/USDT');
  await form.getByLabel('Start (UTC)').fill(utcInputValue(start));
  await form.getByLabel('End (UTC)').fill(utcInputValue(end));
}

/** Runs a backtest of [start, end) from the form and follows its progress bar to 100 %: the
 * values the bar showed, in order, and the results page's id. */
async function runFromForm(page: Page, start: number, end: number): Promise<{ id: number; seen: number[] }> {
  await page.goto(`${backend.baseUrl}/backtests`);
  await page.getByTestId('backtest-form').waitFor();
  await fillRange(page, start, end);
  await page.getByRole('button', { name: 'Run backtest' }).click();
  await page.waitForURL((url) => /^\/backtests\/\d+$/.test(url.pathname));
  const id = Number(new URL(page.url()).pathname.split('/').pop());
  const bar = page.getByRole('progressbar', { name: `Backtest #${id} progress` }).first();
  const seen: number[] = [];
  const deadline = Date.now() + REPLAY_WAIT;
  while (Date.now() < deadline) {
    const value = Number((await bar.getAttribute('aria-valuenow', { timeout: WAIT })) ?? '0');
    if (seen.at(-1) !== value) seen.push(value);
    if (value >= 100 && (await page.getByTestId('backtest-summary').count()) > 0) break;
    const failed = await page.getByText('The replay failed').count();
    if (failed) throw new Error(`backtest #${id} failed: ${await page.locator('.state-error').textContent()}`);
    await page.waitForTimeout(1_000);
  }
  report(`backtest #${id} [${utcInputValue(start)}, ${utcInputValue(end)}) progress seen: ${seen.join(' → ')} %`);
  return { id, seen };
}

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  const started = Date.now();
  backend = await startBackend();
  report(`backend up at ${backend.baseUrl} in ${((Date.now() - started) / 1000).toFixed(1)} s (log ${backend.logFile})`);
  browser = await launchChromium();
  admin = await browser.newContext({ viewport: DESKTOP, colorScheme: 'dark', timezoneId: 'UTC' });
  const adminPage = await signIn(admin, backend.email, backend.password);
  await adminPage.close();
  await seedUser(premiumEmail, 'premium');
  await seedUser(freeEmail, null);
}, 300_000);

afterAll(async () => {
  await admin?.close();
  await browser?.close();
  await backend?.stop();
  if (pageErrors.length) report(`page errors:\n  ${pageErrors.join('\n  ')}`);
});

const contextOptions = { viewport: DESKTOP, colorScheme: 'dark', timezoneId: 'UTC' } as const;

describe('backtests', () => {
  it(
    'shows a free user what premium unlocks, without a nav link',
    async () => {
      const context = await browser.newContext(contextOptions);
      try {
        const page = await signIn(context, freeEmail);
        expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Backtests' }).count()).toBe(0);
        await page.goto(`${backend.baseUrl}/backtests`);
        const prompt = page.getByTestId('upgrade-prompt');
        await prompt.waitFor();
        expect(await prompt.getByRole('heading').textContent()).toBe('Backtests are part of the premium tier');
        expect(await prompt.getByRole('link', { name: 'Upgrade to premium' }).getAttribute('href')).toContain('/billing?plan=premium');
        await shootBoth(page, 'free');
      } finally {
        await context.close();
      }
    },
    TEST_TIMEOUT,
  );

  it(
    'runs a 1-day backtest to 100 %, reads its results and opens a result signal on the chart',
    async () => {
      const context = await browser.newContext(contextOptions);
      try {
        const page = await signIn(context, premiumEmail);
        await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Backtests' }).click();
        await page.waitForURL((url) => url.pathname === '/backtests');
        const form = page.getByTestId('backtest-form');
        await form.waitFor();

        // The form starts from the live values the API gives.
        const live = (await call(context, 'GET', '/api/v1/backtests/parameters')) as { data: Record<string, { value: unknown }> };
        expect(await form.getByLabel('Minimum confluence').inputValue()).toBe(String(live.data.min_confluence?.value));
        expect(await form.getByLabel('Cooldown (hours)').inputValue()).toBe(String(live.data.signal_cooldown_hours?.value));
        expect(await page.getByTestId('changed-parameters').textContent()).toBe('All parameters at their live values.');
        expect(await page.getByText('must reach 14 days before it').count()).toBe(1);
        await shootBoth(page, 'form');

        // The end at the latest full hour of stored data: the last stored minute closes at +1 min.
        const end = Math.floor((await newestMinute(context)) / HOUR_MS) * HOUR_MS;
        report(`newest full hour of stored 1m data: ${utcInputValue(end)} UTC`);

        // Too early: the stored history cannot cover 14 days before a start 10 days back.
        await fillRange(page, end - 10 * DAY_MS, end);
        await page.getByRole('button', { name: 'Run backtest' }).click();
        const history = page.getByTestId('insufficient-history');
        await history.waitFor();
        const message = (await history.textContent()) ?? '';
        report(`insufficient_history said: ${message}`);
        expect(message).toMatch(/allows a start from \d+/);
        await history.getByRole('button', { name: /^Start at / }).click();
        const earliest = await form.getByLabel('Start (UTC)').inputValue();
        expect(earliest > utcInputValue(end - 10 * DAY_MS)).toBe(true);

        // The latest day, then the day before when the latest made no signal.
        let outcome: { id: number; seen: number[]; signals: number } | null = null;
        for (let daysBack = 0; daysBack < 2; daysBack += 1) {
          const dayEnd = end - daysBack * DAY_MS;
          const { id, seen } = await runFromForm(page, dayEnd - DAY_MS, dayEnd);
          expect(seen.at(-1)).toBe(100);
          await page.getByTestId('backtest-summary').waitFor();
          await page.getByTestId('backtest-setups').or(page.getByText('No signals in the range')).first().waitFor();
          const count = Number(await page.getByTestId('bt-count').locator('.stat-value').textContent());
          report(`backtest #${id}: ${count} signal(s)`);
          outcome = { id, seen, signals: count };
          if (count > 0) break;
          await page.getByText('No signals in this range').waitFor();
        }
        if (!outcome) throw new Error('no backtest ran');
        const progress = page.getByRole('progressbar', { name: `Backtest #${outcome.id} progress` });
        expect(await progress.getAttribute('aria-valuenow')).toBe('100');
        expect(
          await page
            .getByText(/[\d,]+ of [\d,]+ minutes replayed/)
            .first()
            .textContent(),
        ).toMatch(/^100 % · ([\d,]+) of \1 minutes replayed/);
        await page.getByTestId('backtest-equity').waitFor();
        await page.getByTestId('backtest-histogram').waitFor();
        await shootBoth(page, 'results');

        // The list shows it completed, linked.
        await page.goto(`${backend.baseUrl}/backtests`);
        const row = page.getByTestId(`backtest-row-${outcome.id}`);
        await row.waitFor();
        expect(await row.textContent()).toContain('completed');
        await shootBoth(page, 'list');

        if (outcome.signals === 0) {
          report('EMPTY: neither of the two latest days made a signal; the empty state was asserted');
          return;
        }
        await row.getByRole('link', { name: `#${outcome.id}` }).click();
        const table = page.getByTestId('backtest-signals');
        await table.waitFor();
        const rows = await table.locator('tbody tr').count();
        expect(rows).toBe(outcome.signals);
        const first = table.locator('tbody tr').first();
        const signalId = Number(await first.locator('td').first().textContent());
        await first.getByRole('link', { name: `Chart of signal ${signalId}` }).click();
        await page.waitForURL((url) => url.pathname === '/chart/BTC-USDT' && url.searchParams.get('backtest') === String(outcome?.id));
        const context_ = page.getByTestId('backtest-signal-context');
        await context_.waitFor();
        expect(await context_.textContent()).toContain(`signal #${signalId}`);
        const wrap = page.getByTestId('chart-wrap');
        await wrap.waitFor();
        await expect.poll(() => wrap.getAttribute('data-signal-markers'), { timeout: WAIT }).toContain('Created');
        report(`signal #${signalId} on the chart, markers: ${await wrap.getAttribute('data-signal-markers')}`);
        await shootBoth(page, 'signal-chart');
      } finally {
        await context.close();
      }
    },
    TEST_TIMEOUT,
  );

  it(
    'shows an admin the study builder with its counts and the warning',
    async () => {
      const page = await newPage(admin);
      try {
        // From a section's page: the console's links are the sections' own paths.
        await page.goto(`${backend.baseUrl}/admin/settings`);
        await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Studies' }).click();
        await page.waitForURL((url) => url.pathname === '/admin/studies');
        const builder = page.getByTestId('study-builder');
        await builder.waitFor();
        expect(await page.getByRole('note').first().textContent()).toMatch(/^Train results overstate performance/);
        expect(await page.getByTestId('combination-count').textContent()).toBe('0 combinations');
        await builder.getByTestId('grid-min_confluence').getByRole('checkbox').check();
        await builder.getByLabel('Values of min_confluence').fill('1, 2');
        await builder.getByTestId('grid-default_rr').getByRole('checkbox').check();
        await builder.getByLabel('Values of default_rr').fill('2.5, 3, 4');
        expect(await page.getByTestId('combination-count').textContent()).toBe('6 combinations');
        // 90 days with 60 train and 14 test days: windows at 0 and 14 days.
        expect(await page.getByTestId('study-counts').textContent()).toContain('2 windows');
        await builder.getByLabel('Values of default_rr').fill('2');
        expect(await builder.getByText('2 must be greater than 2').count()).toBe(1);
        await shootBoth(page, 'admin-studies');
      } finally {
        await page.close();
      }
    },
    TEST_TIMEOUT,
  );
});
