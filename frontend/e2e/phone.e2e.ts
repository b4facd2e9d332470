/**
 * Phone and comfort, in real headless Chromium against the real backend (replay market): every
 * page (e2e/pages.ts: App.tsx's routes and the admin and developers pages) fits 360x740, 390x844
 * and 1440x900 without sideways scrolling, with a screenshot of each in test-results/pages/, and
 * the dashboard, admin and billing pages in the light theme at 1440x900 too; the header folds
 * into its menu and its search shows its whole placeholder, wide tables become cards, the matrix
 * keeps its symbol column; the light theme when the browser prefers light, and the toggle kept
 * on the profile; a pro user picks ETH/USDT on the watchlist and opens its chart with zones;
 * unknown and unfollowed symbols get a page that says so; the ntfy topic as a QR code with its
 * links.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, type Backend, RESULTS, startBackend } from './backend';
import { launchChromium } from './browser';
import { appRoutes, clearPageShots, concreteRoute, darkBoxes, overflow, PUBLIC_ROUTES, pageShot, settle } from './pages';

const SIZES = [
  { width: 360, height: 740 },
  { width: 390, height: 844 },
] as const;
const DESKTOP = { width: 1440, height: 900 } as const;
/** Each page at each size, one folder per size in test-results/pages/. */
const PAGE_SIZES = [
  { name: 'phone-360', ...SIZES[0] },
  { name: 'phone-390', ...SIZES[1] },
  { name: 'desktop', ...DESKTOP },
] as const;
/** The pages also shot in the light theme (at 1440x900): those with their own styles. */
const LIGHT_PAGES = /^\/($|admin|billing)/;
const PASSWORD = 'Phone-Layout-Pass-4821';

let backend: Backend;
let browser: Browser;
let admin: BrowserContext;
const pageErrors: string[] = [];

function report(line: string): void {
  console.log(`E2E ${line}`);
}

function call(context: BrowserContext, method: string, path: string, data?: unknown): Promise<{ data: unknown }> {
  return apiCall(backend.baseUrl, context, method, path, data);
}

async function signIn(context: BrowserContext, email: string, password: string): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${backend.baseUrl}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  return page;
}

/** A registered, verified user on `plan` for 30 days. */
async function seedUser(email: string, plan: 'pro' | 'premium' | null): Promise<void> {
  const context = await browser.newContext();
  try {
    await call(context, 'POST', '/api/v1/auth/register', { email, password: PASSWORD, timezone: 'UTC' });
  } finally {
    await context.close();
  }
  const found = (await call(admin, 'GET', `/api/v1/admin/users?q=${encodeURIComponent(email)}`)) as { data: { id: number }[] };
  const id = found.data[0]?.id;
  if (!id) throw new Error(`no user ${email}`);
  await call(admin, 'PATCH', `/api/v1/admin/users/${id}`, { is_verified: true });
  if (plan) await call(admin, 'POST', `/api/v1/admin/users/${id}/subscription/grant`, { plan, days: 30, lifetime: false });
}

async function firstId(path: string): Promise<number> {
  const body = (await call(admin, 'GET', path)) as { data: { id: number }[] };
  return body.data[0]?.id ?? 1;
}

/** The value seen most often (the first of equals), undefined for none. */
function mostCommon(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: string | undefined;
  for (const [value, count] of counts) if (best === undefined || count > (counts.get(best) ?? 0)) best = value;
  return best;
}

async function shot(page: Page, name: string): Promise<void> {
  const path = join(RESULTS, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  report(`screenshot ${path}`);
}

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  backend = await startBackend();
  browser = await launchChromium();
  admin = await browser.newContext({ colorScheme: 'dark', timezoneId: 'UTC' });
  const page = await signIn(admin, backend.email, backend.password);
  await page.close();
}, 300_000);

afterAll(async () => {
  await admin?.close();
  await browser?.close();
  await backend?.stop();
});

describe('phone layout', () => {
  it('fits every page at 360, 390 and 1440 px without sideways scrolling, with a screenshot of each', async () => {
    // Data for the detail routes: wait for the replay market's first patterns and signals.
    const deadline = Date.now() + 120_000;
    let patternId = 0;
    while (Date.now() < deadline && !patternId) {
      patternId = await firstId('/api/v1/patterns?limit=1');
      if (!patternId) await new Promise((wait) => setTimeout(wait, 1_000));
    }
    const ids = {
      pattern: patternId || 1,
      signal: await firstId('/api/v1/signals?limit=1'),
      user: await firstId(`/api/v1/admin/users?q=${encodeURIComponent(backend.email)}`),
    };
    const routes = appRoutes().map((route) => concreteRoute(route, ids));
    report(`pages from App.tsx and the nested routers: ${routes.join(' ')}`);
    expect(routes).toContain('/watchlist');
    expect(routes).toContain('/admin/settings');
    const signedOut = await browser.newContext({ colorScheme: 'dark' });
    const light = await browser.newContext({ colorScheme: 'light', timezoneId: 'UTC' });
    await (await signIn(light, backend.email, backend.password)).close();
    const failures: string[] = [];
    clearPageShots();
    /** Opens every route on the signed-in or the signed-out tab, checks its width, shoots it. */
    const visit = async (signedIn: BrowserContext, size: { name: string; width: number; height: number }, pages: string[]) => {
      const page = await signedIn.newPage();
      const outside = await signedOut.newPage();
      page.on('pageerror', (error) => pageErrors.push(`${error.message} (${page.url()})`));
      for (const tab of [page, outside]) await tab.setViewportSize(size);
      for (const route of pages) {
        const tab = PUBLIC_ROUTES.has(route) ? outside : page;
        await tab.goto(`${backend.baseUrl}${route}`);
        await settle(tab);
        const extra = await overflow(tab);
        if (extra > 0) failures.push(`${route} at ${size.width} px (${size.name}): ${extra} px too wide`);
        // On a desktop the admin's header (its longest: the Admin link, the email) is one row.
        const header = tab === page && size.width >= DESKTOP.width ? await tab.locator('header.topbar').boundingBox() : null;
        if (header && header.height > 60)
          failures.push(`${route} at ${size.width} px (${size.name}): the header wraps (${header.height} px)`);
        if (size.name.endsWith('-light')) {
          const theme = await tab.evaluate(() => document.documentElement.dataset.theme);
          if (theme !== 'light') failures.push(`${route} (${size.name}): theme ${theme}`);
          const dark = await darkBoxes(tab);
          if (dark.length) failures.push(`${route} (${size.name}): dark boxes ${dark.join(', ')}`);
        }
        report(`screenshot ${await pageShot(tab, size.name, route)}`);
      }
      await page.close();
      await outside.close();
    };
    try {
      for (const size of PAGE_SIZES) await visit(admin, size, routes);
      const lightPages = routes.filter((route) => LIGHT_PAGES.test(route));
      expect(lightPages).toEqual(expect.arrayContaining(['/', '/admin/users', '/billing']));
      await visit(light, { name: 'desktop-light', ...DESKTOP }, lightPages);
    } finally {
      await signedOut.close();
      await light.close();
    }
    expect(failures).toEqual([]);
  }, 900_000);

  it('folds the header into the menu, which opens and closes on navigation', async () => {
    const page = await admin.newPage();
    try {
      await page.setViewportSize(SIZES[0]);
      await page.goto(`${backend.baseUrl}/`);
      await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
      const menu = page.getByRole('button', { name: 'Menu' });
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      expect(await page.getByRole('link', { name: 'Watchlist' }).isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(false);
      // The header is one row when folded.
      const folded = await page.locator('header.topbar').boundingBox();
      expect(folded?.height ?? 999).toBeLessThan(60);
      // The search shows its whole placeholder: the same text as a value does not scroll.
      const search = page.getByRole('search').getByRole('combobox');
      const placeholder = await search.evaluate((input: HTMLInputElement) => {
        input.value = input.placeholder;
        const fit = { text: input.value, scroll: input.scrollWidth, width: input.clientWidth };
        input.value = '';
        return fit;
      });
      expect(placeholder.text).not.toBe('');
      expect(placeholder.scroll, `the placeholder "${placeholder.text}" is cut`).toBeLessThanOrEqual(placeholder.width);
      await menu.click();
      expect(await menu.getAttribute('aria-expanded')).toBe('true');
      await page.getByRole('button', { name: 'Sign out' }).waitFor();
      await page.getByTestId('zone-chip').waitFor();
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      await shot(page, 'phone-360-menu-open');
      await page.locator('#main-nav').getByRole('link', { name: 'Signals' }).click();
      await page.waitForURL(/\/signals$/);
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
    } finally {
      await page.close();
    }
  });

  it('shows wide tables as labelled cards and keeps the matrix symbol column in place', async () => {
    const page = await admin.newPage();
    try {
      await page.setViewportSize(SIZES[1]);
      await page.goto(`${backend.baseUrl}/patterns`);
      const table = page.getByTestId('patterns-table');
      await expect.poll(() => table.locator('tbody tr').count(), { timeout: 30_000 }).toBeGreaterThan(0);
      await expect.poll(() => table.getAttribute('data-cards')).toBe('');
      // The header row is there for screen readers only (1 px and its border, clipped).
      expect((await table.locator('thead').boundingBox())?.height ?? 0).toBeLessThanOrEqual(2);
      const labels = await table
        .locator('tbody tr')
        .first()
        .locator('td')
        .evaluateAll((cells) => cells.map((cell) => cell.dataset.label));
      expect(labels.length).toBeGreaterThan(3);
      expect(labels.every((label) => label !== undefined)).toBe(true);
      // A card is as wide as the page, not a row wider than the screen.
      const row = await table.locator('tbody tr').first().boundingBox();
      expect(row?.width ?? 999).toBeLessThanOrEqual(SIZES[1].width);
      await shot(page, 'phone-390-patterns-cards');

      await page.goto(`${backend.baseUrl}/matrix`);
      const scroller = page.locator('.matrix-scroll');
      await page.getByTestId('matrix').waitFor();
      const box = await scroller.boundingBox();
      const lastColumn = page.locator('.matrix thead th').last();
      const lastBefore = await lastColumn.boundingBox();
      await scroller.evaluate((element) => {
        element.scrollLeft = 400;
      });
      await page.waitForTimeout(100);
      expect(await scroller.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
      // The timeframes moved left; the symbol column stayed at the box's left edge (sticky).
      const lastAfter = await lastColumn.boundingBox();
      expect((lastBefore?.x ?? 0) - (lastAfter?.x ?? 0)).toBeGreaterThan(20);
      const symbolCell = await page.locator('th.matrix-symbol').first().boundingBox();
      expect(symbolCell?.x ?? -1).toBeGreaterThanOrEqual((box?.x ?? 0) - 0.5);
      expect(symbolCell?.x ?? 999).toBeLessThan((box?.x ?? 0) + 4);
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      await shot(page, 'phone-390-matrix-scrolled');
    } finally {
      await page.close();
    }
  });
});

describe('comfort', () => {
  it('is light when the browser prefers light, and the toggle is kept on the profile', async () => {
    const email = `light${Date.now()}@example.com`;
    await seedUser(email, null);
    const context = await browser.newContext({ colorScheme: 'light', viewport: SIZES[1] });
    try {
      const page = await signIn(context, email, PASSWORD);
      const background = () =>
        page.evaluate(() => {
          const [r = 0, g = 0, b = 0] = (getComputedStyle(document.body).backgroundColor.match(/\d+/g) ?? []).map(Number);
          return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
        });
      await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
      await settle(page);
      expect(await background()).toBeGreaterThan(0.8);
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
      await shot(page, 'phone-390-light-dashboard');

      await page.goto(`${backend.baseUrl}/profile`);
      await page.getByRole('radio', { name: 'Dark' }).check();
      await expect.poll(background).toBeLessThan(0.2);
      await expect
        .poll(async () => ((await call(context, 'GET', '/api/v1/auth/me')) as { data: { theme: string } }).data.theme)
        .toBe('dark');
      // Another browser that prefers light follows the profile's dark once signed in.
      const other = await browser.newContext({ colorScheme: 'light' });
      try {
        const again = await signIn(other, email, PASSWORD);
        await expect.poll(() => again.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      } finally {
        await other.close();
      }
    } finally {
      await context.close();
    }
  });

  it('lets a pro user pick ETH/USDT on the watchlist and open its chart with zones', async () => {
    const email = `pro${Date.now()}@example.com`;
    await seedUser(email, 'pro');
    const context = await browser.newContext({ colorScheme: 'dark', viewport: SIZES[1], timezoneId: 'UTC' });
    try {
      const page = await signIn(context, email, PASSWORD);
      await page.getByRole('button', { name: 'Menu' }).click();
      await page.getByRole('link', { name: 'Watchlist' }).click();
      await page.getByRole('heading', { name: 'Watchlist' }).waitFor();
      await page.getByLabel('Search symbols').fill('eth');
      await page.getByRole('button', { name: 'Add ETH/USDT' }).click();
      const picks = page.getByTestId('watch-picks');
      await picks.getByRole('link', { name: 'ETH/USDT' }).waitFor();
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      await shot(page, 'phone-390-watchlist-pro');
      const saved = (await call(context, 'GET', '/api/v1/auth/me/watchlist')) as { data: { symbols: string[] } };
      expect(saved.data.symbols).toEqual(['ETH/USDT']);

      // The chart of a timeframe with ETH/USDT patterns shows their zones: finished ones too
      // (a replay market can have filled or expired every zone it found, none left active).
      const deadline = Date.now() + 120_000;
      let timeframe: string | undefined;
      while (!timeframe && Date.now() < deadline) {
        const patterns = (await call(context, 'GET', '/api/v1/patterns?symbol=ETH-USDT&limit=50')) as {
          data: { timeframe: string }[];
        };
        timeframe = mostCommon(patterns.data.map((pattern) => pattern.timeframe));
        if (!timeframe) await page.waitForTimeout(1_000);
      }
      expect(timeframe, 'the replay market produced no ETH/USDT pattern').toBeDefined();
      await picks.getByRole('link', { name: 'ETH/USDT' }).click();
      await page.waitForURL(/\/chart\/ETH-USDT/);
      await page.getByRole('button', { name: timeframe ?? '1h', exact: true }).click();
      const chart = page.getByTestId('chart');
      await chart.waitFor();
      await expect.poll(async () => Number(await chart.getAttribute('data-zones')), { timeout: 20_000 }).toBeGreaterThan(0);
      expect(await page.getByTestId('upgrade-prompt').count()).toBe(0);
      await shot(page, 'phone-390-watchlist-eth-chart');

      // A symbol not on the list: a page that says so, with the way to add it.
      await page.goto(`${backend.baseUrl}/chart/SOL-USDT`);
      await page.getByTestId('symbol-not-followed').waitFor();
      await page.getByRole('link', { name: 'Open your watchlist' }).waitFor();
      // A symbol that does not exist: no validation error, a page that says so.
      await page.goto(`${backend.baseUrl}/chart/DOGE`);
      const unknown = page.getByTestId('symbol-unknown');
      await unknown.waitFor();
      expect(await unknown.textContent()).not.toContain('Validation error');
      await shot(page, 'phone-390-unknown-symbol');
    } finally {
      await context.close();
    }
  }, 240_000);

  it('shows the premium and free watchlists, and the ntfy topic as a QR code with its links', async () => {
    const page = await admin.newPage();
    try {
      await page.setViewportSize(SIZES[1]);
      await page.goto(`${backend.baseUrl}/watchlist`);
      await page.getByTestId('watch-all').getByText('You follow all symbols').waitFor();
      await page.goto(`${backend.baseUrl}/profile`);
      const qr = page.getByTestId('ntfy-qr');
      await qr.waitFor();
      const topic = (await page.getByTestId('ntfy-topic').textContent()) ?? '';
      const app = await page.getByTestId('ntfy-open-app').getAttribute('href');
      expect(app).toMatch(new RegExp(`^ntfy://[^/]+/${topic}$`));
      expect(await qr.getByRole('link', { name: new RegExp(`^https?://.+/${topic}$`) }).count()).toBe(1);
      expect(await qr.locator('svg path').getAttribute('d')).toMatch(/^M\d+ \d+h1v1h-1z/);
      await qr.scrollIntoViewIfNeeded();
      await shot(page, 'phone-390-profile-qr');
    } finally {
      await page.close();
    }

    const email = `free${Date.now()}@example.com`;
    await seedUser(email, null);
    const context = await browser.newContext({ viewport: SIZES[0] });
    try {
      const free = await signIn(context, email, PASSWORD);
      await free.goto(`${backend.baseUrl}/watchlist`);
      await free.getByTestId('watch-fixed').getByRole('link', { name: 'BTC/USDT' }).waitFor();
      const prompt = free.getByTestId('upgrade-prompt');
      await prompt.waitFor();
      expect(await prompt.getByRole('link', { name: 'Upgrade to pro' }).getAttribute('href')).toMatch(/^\/billing\?plan=pro/);
      await shot(free, 'phone-360-watchlist-free');
    } finally {
      await context.close();
    }
  });

  it('raised no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
