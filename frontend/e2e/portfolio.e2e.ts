/**
 * Portfolios and the trade journal end to end, in real headless Chromium against the real
 * backend (replay market): a free user is shown what pro unlocks (the portfolio pages and the
 * signal's "Journal this"); a pro user journals a signal from its page (a pending trade in a new
 * default portfolio, the signal beside it), opens it with a quantity (the form first refusing
 * it without one), tags it and writes a journal entry with a mood (the signal's own summary
 * already the first entry), closes it at a price, and sees the portfolio's balance and total
 * move by the trade's pnl, the statistics count it and the equity curve draw it; the filters (tag
 * too) ask the server; the CSV downloads with its header line; the trade form names a long stop
 * above the entry before sending; a planned trade is cancelled and deleted, each after a confirm. Screenshots at 1440 and 390 px:
 * test-results/portfolio-*.png, and no page scrolls sideways on the phone.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupDecimal, signedDecimal } from '../src/pages/portfolio/decimals';
import { apiCall, type Backend, python, REPO, RESULTS, startBackend } from './backend';
import { launchChromium } from './browser';
import { overflow, settle } from './pages';

let backend: Backend;
let browser: Browser;
let admin: BrowserContext;
let signalId = 0;
const pageErrors: string[] = [];

const stamp = Date.now();
const proEmail = `journal${stamp}@example.com`;
const freeEmail = `onlooker${stamp}@example.com`;
const password = 'Order-Block-Journal-51';
const DESKTOP = { width: 1440, height: 900 } as const;
/** The export's columns (portfolio.md, CSV export), in order. */
const CSV_HEADER =
  'id,symbol,direction,status,timeframe,pattern_type,signal_id,entry_time,entry_price,quantity,stop_loss,initial_stop_loss,' +
  'take_profit,exit_time,exit_price,fees,pnl,pnl_pct,r_multiple,tags,setup_notes,exit_notes,lessons';
const PHONE = { width: 390, height: 844 } as const;

interface Portfolio {
  id: number;
  name: string;
  balance: string;
  initial_balance: string;
  total_pnl: string;
  currency: string;
}

interface Trade {
  id: number;
  portfolio_id: number;
  status: string;
  entry_price: string;
  quantity: string | null;
  pnl: string | null;
  signal_id: number | null;
}

function report(line: string): void {
  console.log(`E2E ${line}`);
}

function call(context: BrowserContext, method: string, path: string, data?: unknown): Promise<{ data: unknown }> {
  return apiCall(backend.baseUrl, context, method, path, data);
}

async function userId(email: string): Promise<number> {
  const found = (await call(admin, 'GET', `/api/v1/admin/users?q=${encodeURIComponent(email)}`)) as { data: { id: number }[] };
  const id = found.data[0]?.id;
  if (!id) throw new Error(`the admin cannot find ${email}`);
  return id;
}

/** A registered user, verified by the admin, on `plan` for 30 days (free without a plan). */
async function seedUser(email: string, plan: 'pro' | null): Promise<void> {
  const context = await browser.newContext();
  try {
    await call(context, 'POST', '/api/v1/auth/register', { email, password, timezone: 'UTC' });
  } finally {
    await context.close();
  }
  const id = await userId(email);
  await call(admin, 'PATCH', `/api/v1/admin/users/${id}`, { is_verified: true });
  if (plan) await call(admin, 'POST', `/api/v1/admin/users/${id}/subscription/grant`, { plan, days: 30, lifetime: false });
}

/** A pending long FVG signal on BTC/USDT (the symbol every tier follows), at the newest 1m
 * close, with its anchor pattern: stored the way the scan's signal step stores one, without
 * publishing it (no Redis here). Returns its id. */
function seedSignal(): number {
  const code = `
import asyncio
import time

from sqlalchemy import select

from cryptolens.db import create_engine, create_session_factory, unit_of_work
from cryptolens.market.models import Candle, Symbol
from cryptolens.patterns.models import Pattern
from cryptolens.settings import get_settings
from cryptolens.signals.models import Signal, SignalPattern


async def main():
    settings = get_settings()
    engine = create_engine(settings.resolved_database_url, settings)
    now = int(time.time() * 1000)
    try:
        async with unit_of_work(create_session_factory(engine)) as session:
            symbol = (await session.execute(select(Symbol).where(Symbol.symbol == "BTC/USDT"))).scalar_one()
            close = await session.scalar(
                select(Candle.close)
                .where(Candle.symbol_id == symbol.id, Candle.timeframe == "1m")
                .order_by(Candle.open_time.desc())
                .limit(1)
            )
            entry = round(close or 50000.0, 2)
            risk = round(entry * 0.01, 2)
            pattern = Pattern(
                symbol_id=symbol.id, timeframe="1h", type="fvg", direction="bullish",
                zone_low=entry - risk / 2, zone_high=entry, formed_at=now - 7_200_000 + now % 997,
                confirmed_at=now - 3_600_000, expires_at=now + 86_400_000, strength=0.7,
                status="active", fill_pct=0.0,
            )
            session.add(pattern)
            await session.flush()
            signal = Signal(
                symbol_id=symbol.id, direction="long", entry=entry, stop_loss=round(entry - risk, 2),
                take_profit_1=round(entry + risk, 2), take_profit_2=round(entry + 2 * risk, 2),
                take_profit_3=round(entry + 3 * risk, 2), risk_reward=3.0,
                move_stop_to_entry_after_tp1=True, risk=risk, atr=None, buffer=0.0, confluence=2,
                timeframes="1h,4h", anchor_pattern_id=pattern.id, anchor_type="fvg",
                anchor_timeframe="1h", anchor_expires_at=pattern.expires_at, strength=0.7,
                status="pending", outcome_r=None, exit_price=None, created_at=now, setup_stats=[],
            )
            session.add(signal)
            await session.flush()
            session.add(SignalPattern(signal_id=signal.id, pattern_id=pattern.id, position=0))
    finally:
        await engine.dispose()
    print(signal.id)


asyncio.run(main())
`;
  const result = spawnSync(python(), ['-c', code], { cwd: REPO, env: backend.env, encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) throw new Error(`seeding the signal failed (${result.status}):\n${result.stderr}\n${result.stdout}`);
  return Number(result.stdout.trim().split(/\s+/).pop());
}

/** The machine may be busy (password hashing at full strength, other runs): generous waits. */
const WAIT = 90_000;
const TEST_TIMEOUT = 300_000;

async function newPage(context: BrowserContext): Promise<Page> {
  context.setDefaultTimeout(WAIT);
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${error.message} (${page.url()})`));
  return page;
}

async function signIn(context: BrowserContext, email: string): Promise<Page> {
  const page = await newPage(context);
  await page.goto(`${backend.baseUrl}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
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
    const path = join(RESULTS, `portfolio-${name}-${size}.png`);
    await page.screenshot({ path, fullPage: true });
    report(`screenshot ${path}`);
    expect(await overflow(page), `${name} at ${size} px scrolls sideways`).toBeLessThanOrEqual(0);
  }
  await page.setViewportSize(DESKTOP);
}

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  const started = Date.now();
  backend = await startBackend();
  report(`backend up at ${backend.baseUrl} in ${((Date.now() - started) / 1000).toFixed(1)} s (log ${backend.logFile})`);
  browser = await launchChromium();
  admin = await browser.newContext();
  const adminPage = await newPage(admin);
  await adminPage.goto(`${backend.baseUrl}/login`);
  await adminPage.getByLabel('Email').fill(backend.email);
  await adminPage.getByLabel('Password').fill(backend.password);
  await adminPage.getByRole('button', { name: 'Sign in' }).click();
  await adminPage.waitForURL((url) => url.pathname === '/');
  await adminPage.close();
  await seedUser(proEmail, 'pro');
  await seedUser(freeEmail, null);
  signalId = seedSignal();
  report(`seeded signal #${signalId} on BTC/USDT`);
}, 300_000);

afterAll(async () => {
  await admin?.close();
  await browser?.close();
  await backend?.stop();
  if (pageErrors.length) report(`page errors:\n  ${pageErrors.join('\n  ')}`);
});

const contextOptions = { viewport: DESKTOP, colorScheme: 'dark', timezoneId: 'UTC' } as const;

describe('portfolios and the trade journal', () => {
  it(
    'shows a free user what pro unlocks, on the portfolio pages and on a signal',
    async () => {
      const context = await browser.newContext(contextOptions);
      try {
        const page = await signIn(context, freeEmail);
        await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Portfolios' }).click();
        await page.waitForURL((url) => url.pathname === '/portfolios');
        const prompt = page.getByTestId('upgrade-prompt');
        await prompt.waitFor();
        expect(await prompt.getByRole('heading').textContent()).toBe('Portfolios and the trade journal are part of the pro tier');
        expect(await prompt.getByRole('link', { name: 'Upgrade to pro' }).getAttribute('href')).toContain('/billing?plan=pro');
        await shootBoth(page, 'free');

        await page.goto(`${backend.baseUrl}/signals/${signalId}`);
        await page.getByRole('button', { name: 'Journal this' }).click();
        const journalPrompt = page.getByTestId('journal-signal').getByTestId('upgrade-prompt');
        await journalPrompt.waitFor();
        expect(await journalPrompt.getByRole('heading').textContent()).toBe('Journalling signals as trades is part of the pro tier');
        expect(await page.locator('.form-error').count()).toBe(0);
      } finally {
        await context.close();
      }
    },
    TEST_TIMEOUT,
  );

  it(
    'journals a signal, opens it with a quantity, closes it at a price: balance, statistics, equity curve and CSV follow',
    async () => {
      const context = await browser.newContext(contextOptions);
      try {
        const page = await signIn(context, proEmail);

        // A tag first, on the portfolios page (tags are the user's, across portfolios).
        await page.goto(`${backend.baseUrl}/portfolios`);
        await page.getByText('No portfolios yet').waitFor();
        const tagForm = page.getByRole('form', { name: 'New tag' });
        await tagForm.getByLabel('Tag name').fill('breakout');
        await tagForm.getByRole('button', { name: 'Add tag' }).click();
        await page.getByTestId('tags-panel').locator('.tag-row').getByText('breakout').waitFor();

        await page.goto(`${backend.baseUrl}/signals/${signalId}`);
        await page.getByRole('button', { name: 'Journal this' }).waitFor();
        await shootBoth(page, 'signal');

        // One click: a pending trade in a new default portfolio, then its page.
        await page.getByRole('button', { name: 'Journal this' }).click();
        await page.waitForURL((url) => /^\/trades\/\d+$/.test(url.pathname));
        const tradeId = Number(new URL(page.url()).pathname.split('/').pop());
        const journaled = (await call(context, 'GET', `/api/v1/trades/${tradeId}`)).data as Trade;
        expect(journaled.signal_id).toBe(signalId);
        expect(journaled.status).toBe('pending');
        expect(await page.getByTestId('trade-status').textContent()).toBe('pending');
        const beside = page.getByTestId('trade-signal');
        expect(await beside.getByRole('link', { name: `signal #${signalId}` }).getAttribute('href')).toBe(`/signals/${signalId}`);
        await beside.getByTestId('signal-outcome').waitFor();
        // The signal in words is the journal's first entry.
        const entries = page.getByTestId('journal-entry');
        await entries.first().waitFor();
        expect(await entries.first().locator('.journal-text').textContent()).toMatch(new RegExp(`^Signal ${signalId}: LONG BTC/USDT`));
        report(`journaled signal #${signalId} as trade #${tradeId} at ${journaled.entry_price}`);

        // Opening needs a quantity: the form says so before sending.
        const openForm = page.getByRole('form', { name: 'Open the trade' });
        await openForm.getByRole('button', { name: 'Open trade' }).click();
        expect(await openForm.getByRole('alert').first().textContent()).toBe('required once the trade is open');
        await openForm.getByLabel('Quantity').fill('0.5');
        await openForm.getByRole('button', { name: 'Open trade' }).click();
        await page.getByTestId('trade-status').getByText('open').waitFor();
        await page.getByRole('form', { name: 'Close the trade' }).waitFor();
        expect(await page.getByRole('form', { name: 'Open the trade' }).count()).toBe(0);

        // A tag picked and a note with its mood.
        const tagsPanel = page.getByTestId('trade-tags');
        await tagsPanel.getByRole('button', { name: 'Choose tags' }).click();
        await tagsPanel.getByLabel('breakout').check();
        await tagsPanel.locator('.tag-line').getByText('breakout').waitFor();
        const entryForm = page.getByRole('form', { name: 'New journal entry' });
        await entryForm.getByLabel('Mood').selectOption('confident');
        await entryForm.getByLabel('Note').fill('Filled on the retest <b>as planned</b>.');
        await entryForm.getByRole('button', { name: 'Add entry' }).click();
        await entries.nth(1).waitFor();
        expect(await entries.nth(1).locator('.journal-text').textContent()).toBe('Filled on the retest <b>as planned</b>.');
        expect(await entries.nth(1).locator('.mood').textContent()).toBe('Confident');
        // Corrected: the mood cleared, a line added.
        await entries.nth(1).getByRole('button', { name: 'Edit' }).click();
        const editForm = entries.nth(1).getByRole('form', { name: 'Edit journal entry' });
        await editForm.getByLabel('Mood').selectOption('');
        await editForm.getByLabel('Note').fill('Filled on the retest <b>as planned</b>.\nStop under the gap.');
        await editForm.getByRole('button', { name: 'Save entry' }).click();
        await editForm.waitFor({ state: 'detached' });
        await entries.nth(1).locator('.journal-text', { hasText: 'Stop under the gap.' }).waitFor();
        expect(await entries.nth(1).locator('.journal-text').textContent()).toBe(
          'Filled on the retest <b>as planned</b>.\nStop under the gap.',
        );
        expect(await entries.nth(1).locator('.mood').count()).toBe(0);
        await shootBoth(page, 'trade-open');

        // The portfolio before the close: nothing closed, a curve of one point (no line yet).
        await page.getByRole('link', { name: 'Portfolio', exact: true }).click();
        await page.waitForURL((url) => /^\/portfolios\/\d+$/.test(url.pathname));
        const stats = page.getByTestId('portfolio-stats');
        await stats.getByTestId('stat-closed').waitFor();
        expect(await stats.getByTestId('stat-closed').locator('.stat-value').textContent()).toBe('0');
        expect(await stats.getByTestId('stat-win-rate').locator('.stat-value').textContent()).toBe('—');
        await page.getByTestId('equity-curve').getByText('No closed trades yet').waitFor();
        await page.getByRole('link', { name: /BTC\/USDT #/ }).click();
        await page.waitForURL((url) => url.pathname === `/trades/${tradeId}`);

        // Close at a price 2 % above the entry (a whole number: typed as a trader would).
        const exit = String(Math.round(Number(journaled.entry_price) * 1.02));
        const closeForm = page.getByRole('form', { name: 'Close the trade' });
        await closeForm.getByLabel('Exit price').fill(exit);
        await closeForm.getByRole('button', { name: 'Close trade' }).click();
        await page.getByTestId('trade-status').getByText('closed').waitFor();
        const closed = (await call(context, 'GET', `/api/v1/trades/${tradeId}`)).data as Trade;
        expect(closed.status).toBe('closed');
        expect(closed.pnl).not.toBeNull();
        await page.getByTestId('trade-pnl').getByText(signedDecimal(closed.pnl)).waitFor();
        expect(await page.getByRole('form', { name: 'Close the trade' }).count()).toBe(0);
        report(`closed trade #${tradeId} at ${exit}: pnl ${closed.pnl}`);
        await shootBoth(page, 'trade-closed');

        // The portfolio: balance = initial balance + the pnl, as the API derives it.
        await page.getByRole('link', { name: 'Portfolio', exact: true }).click();
        await page.waitForURL((url) => url.pathname === `/portfolios/${closed.portfolio_id}`);
        const portfolio = (await call(context, 'GET', `/api/v1/portfolios/${closed.portfolio_id}`)).data as Portfolio;
        expect(portfolio.name).toBe('Default portfolio');
        expect(portfolio.total_pnl).toBe(closed.pnl);
        expect(portfolio.balance).not.toBe(portfolio.initial_balance);
        const balance = page.getByTestId('portfolio-balance');
        await balance.getByText(groupDecimal(portfolio.balance)).waitFor();
        expect(await balance.textContent()).toBe(`${groupDecimal(portfolio.balance)} ${portfolio.currency}`);
        expect(await page.getByTestId('portfolio-pnl').textContent()).toBe(signedDecimal(portfolio.total_pnl));
        const rows = page.getByTestId('trades-table').locator('tbody tr');
        expect(await rows.count()).toBe(1);

        // Statistics and the equity curve moved with the close.
        await stats.getByTestId('stat-closed').locator('.stat-value').getByText('1', { exact: true }).waitFor();
        expect(await stats.getByTestId('stat-win-rate').locator('.stat-value').textContent()).toBe('100 %');
        const curve = page.getByTestId('equity-curve');
        await curve.locator('canvas').first().waitFor();
        expect(await curve.getByTestId('equity-points').textContent()).toBe(`1 closed trade, last balance ${portfolio.balance}`);
        await shootBoth(page, 'portfolio');

        // The filters ask the server: no cancelled trade, one closed, one with the tag.
        await page.getByLabel('Status').selectOption('cancelled');
        await page.getByText('No trades match these filters').waitFor();
        await page.getByLabel('Status').selectOption('closed');
        await page.getByTestId('trades-table').waitFor();
        expect(await rows.count()).toBe(1);
        await page.getByRole('button', { name: 'Clear filters' }).click();
        await page.getByLabel('Tag').selectOption({ label: 'breakout' });
        await page.waitForURL((url) => url.searchParams.has('tag'));
        await page.getByTestId('trades-table').waitFor();
        expect(await rows.count()).toBe(1);
        await page.getByRole('button', { name: 'Clear filters' }).click();

        // The CSV: a file named for the portfolio and the UTC day, its header line first.
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
        const day = new Date().toISOString().slice(0, 10).replaceAll('-', '');
        expect(download.suggestedFilename()).toBe(`portfolio-${portfolio.id}-${day}.csv`);
        const file = join(RESULTS, `portfolio-export-${portfolio.id}.csv`);
        await download.saveAs(file);
        const text = readFileSync(file, 'utf8');
        expect(text.startsWith('\ufeff')).toBe(true);
        const [header, firstRow] = text.slice(1).split('\r\n');
        expect(header).toBe(CSV_HEADER);
        expect(firstRow?.startsWith(`${tradeId},BTC/USDT,long,closed,`)).toBe(true);
        report(`downloaded ${download.suggestedFilename()}: ${text.length} characters`);

        // The list: one portfolio, pro's limit, so no "New portfolio".
        await page.goto(`${backend.baseUrl}/portfolios`);
        await page.getByTestId('portfolios-table').waitFor();
        expect(await page.getByRole('button', { name: 'New portfolio' }).count()).toBe(0);
        await page.getByText('Your pro plan keeps 1 portfolio').waitFor();
        await shootBoth(page, 'list');
      } finally {
        await context.close();
      }
    },
    TEST_TIMEOUT,
  );

  it(
    'names a wrong level before sending, then plans, cancels and deletes a trade after confirms',
    async () => {
      const context = await browser.newContext(contextOptions);
      try {
        const page = await signIn(context, proEmail);
        const portfolios = (await call(context, 'GET', '/api/v1/portfolios')).data as Portfolio[];
        const portfolioId = portfolios[0]?.id ?? 0;
        await page.goto(`${backend.baseUrl}/portfolios/${portfolioId}`);
        await page.getByRole('button', { name: 'New trade' }).click();
        const form = page.getByRole('form', { name: 'New trade' });
        await form.getByLabel('Symbol').fill('BTC/USDT');
        await form.getByLabel('Status').selectOption('pending');
        await form.getByLabel('Entry price').fill('100');
        await form.getByLabel('Stop loss').fill('105');
        await form.getByRole('button', { name: 'Add trade' }).click();
        expect(await form.getByRole('alert').first().textContent()).toBe("a long trade's stop must be below the entry");
        const before = (await call(context, 'GET', `/api/v1/portfolios/${portfolioId}/trades`)).data as Trade[];
        expect(before).toHaveLength(1); // nothing was sent
        await shootBoth(page, 'trade-form');

        await form.getByLabel('Stop loss').fill('95');
        await form.getByRole('button', { name: 'Add trade' }).click();
        await page.waitForURL((url) => /^\/trades\/\d+$/.test(url.pathname));
        await page.getByTestId('trade-status').getByText('pending').waitFor();

        await page.getByRole('button', { name: 'Cancel the plan' }).click();
        await page.getByRole('button', { name: 'Cancel it for good?' }).click();
        await page.getByTestId('trade-status').getByText('cancelled').waitFor();

        await page.getByRole('button', { name: 'Delete trade' }).click();
        await page.getByRole('button', { name: 'Delete it for good?' }).click();
        await page.waitForURL((url) => url.pathname === `/portfolios/${portfolioId}`);
        const after = (await call(context, 'GET', `/api/v1/portfolios/${portfolioId}/trades`)).data as Trade[];
        expect(after.map((trade) => trade.status)).toEqual(['closed']);
        expect(pageErrors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    TEST_TIMEOUT,
  );
});
