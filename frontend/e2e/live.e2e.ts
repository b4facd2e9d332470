/**
 * The SPA lives on GET /api/v1/stream, in real headless Chromium against the real backend in
 * production's shape (API, arq worker, Redis): a signal the backend stores and publishes during
 * the test shows on the open dashboard within 2 s without a reload (row highlighted, toast),
 * and its anchor's matrix cell lights up in a second tab on the matrix.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Backend, python, RESULTS, startBackend } from './backend';
import { launchChromium } from './browser';
import { seedLiveSignal } from './seed';

const LIVE_BUDGET_MS = 2_000;
// Not database 0 (`make run`'s); the run's queues get their own prefix (backend.ts). The cache's
// keys are not prefixed per run, so an earlier run's are dropped first (a miss is harmless to
// anyone else sharing the database).
const REDIS_URL = process.env.CRYPTOLENS_E2E_REDIS_URL ?? 'redis://127.0.0.1:6379/15';

/** Whether Redis answers at REDIS_URL: without it (a laptop) the file is skipped, unless the
 * run requires its services (CI: CRYPTOLENS_TEST_REQUIRE_SERVICES=1), where that fails. */
function redisAnswers(): boolean {
  const code = 'import sys, redis\nredis.Redis.from_url(sys.argv[1], socket_timeout=3).ping()\n';
  return spawnSync(python(), ['-c', code, REDIS_URL], { encoding: 'utf8', timeout: 30_000 }).status === 0;
}

const REDIS_UP = redisAnswers();
if (!REDIS_UP && process.env.CRYPTOLENS_TEST_REQUIRE_SERVICES === '1') {
  throw new Error(`Redis does not answer at ${REDIS_URL}, and this run requires its services`);
}

function dropCachedReads(): void {
  const code =
    'import sys, redis\nclient = redis.Redis.from_url(sys.argv[1])\nfor key in client.scan_iter("cryptolens:cache:*"):\n    client.delete(key)\n';
  const result = spawnSync(python(), ['-c', code, REDIS_URL], { encoding: 'utf8', timeout: 30_000 });
  if (result.status !== 0) throw new Error(`could not clear the cache in ${REDIS_URL}: ${result.stderr}`);
}

let backend: Backend;
let browser: Browser;
let context: BrowserContext;
let dashboard: Page;
let matrix: Page;
const pageErrors: string[] = [];

function report(line: string): void {
  console.log(`E2E ${line}`);
}

interface Seen {
  name: string;
  /** The element's data-changed (until when it is highlighted), '' when not highlighted. */
  changed: string;
  at: number;
}

/** In the page: records when each element matching `selector` (named by the link it holds,
 * else its title) shows with a new data-changed value, so a later check knows when it did. */
function watch(selector: string): void {
  const seen: Seen[] = [];
  const known = new Set<string>();
  const scan = () => {
    for (const element of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
      const name = element.querySelector('a')?.getAttribute('href') ?? element.title;
      const changed = element.dataset.changed ?? '';
      if (!name || known.has(`${name} ${changed}`)) continue;
      known.add(`${name} ${changed}`);
      seen.push({ name, changed, at: Date.now() });
    }
  };
  scan();
  new MutationObserver(scan).observe(document.body, { subtree: true, childList: true, attributes: true });
  (window as unknown as { seen: Seen[] }).seen = seen;
}

/** The first record since `since` of an element named `name` (or starting with it). */
async function seenSince(page: Page, name: string, since: number, highlighted: boolean): Promise<Seen> {
  const seen = await page.evaluate(() => (window as unknown as { seen: Seen[] }).seen);
  const found = seen.find((entry) => entry.name.startsWith(name) && entry.at >= since && (!highlighted || entry.changed !== ''));
  if (!found)
    throw new Error(`${name} did not show${highlighted ? ' highlighted' : ''} since ${since}: ${JSON.stringify(seen.slice(-10))}`);
  return found;
}

async function waitForActivePattern(page: Page, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const response = await page.request.get(`${backend.baseUrl}/api/v1/patterns?limit=1&status=active`);
    if (response.ok() && ((await response.json()) as { data: unknown[] }).data.length > 0) return;
    await page.waitForTimeout(1_000);
  }
  throw new Error('no active pattern to anchor a signal on');
}

beforeAll(async () => {
  if (!REDIS_UP) return;
  mkdirSync(RESULTS, { recursive: true });
  dropCachedReads();
  backend = await startBackend({ redisUrl: REDIS_URL });
  report(`backend (with worker and Redis) up at ${backend.baseUrl} (log ${backend.logFile})`);
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: 'dark', timezoneId: 'UTC' });
  dashboard = await context.newPage();
  dashboard.on('pageerror', (error) => pageErrors.push(error.message));
}, 300_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await backend?.stop();
});

describe.skipIf(!REDIS_UP)('live updates (needs Redis)', () => {
  it('signs in and shows the stream as live on the dashboard and the matrix', async () => {
    await dashboard.goto(`${backend.baseUrl}/login`);
    await dashboard.getByLabel('Email').fill(backend.email);
    await dashboard.getByLabel('Password').fill(backend.password);
    await dashboard.getByRole('button', { name: 'Sign in' }).click();
    await dashboard.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await waitForActivePattern(dashboard, 120_000);
    matrix = await context.newPage();
    matrix.on('pageerror', (error) => pageErrors.push(error.message));
    await matrix.goto(`${backend.baseUrl}/matrix`);
    await matrix.getByTestId('matrix').waitFor();
    for (const page of [dashboard, matrix]) {
      await page
        .getByTestId('live-status')
        .filter({ hasText: /^live$/ })
        .waitFor({ timeout: 15_000 });
    }
  }, 180_000);

  it.each([
    ['desktop', 1440, 900],
    ['phone', 390, 844],
  ])(
    'shows a signal the backend creates within 2 s on the %s, without a reload, and highlights it',
    async (size, width, height) => {
      for (const page of [dashboard, matrix]) await page.setViewportSize({ width, height });
      const navigations: string[] = [];
      const navigated = (frame: Frame) => navigations.push(frame.url());
      dashboard.on('framenavigated', navigated);
      // Times taken in the pages as things show: the seeding process's return (after its
      // shutdown) is no measure of when its event arrived.
      await dashboard.evaluate(watch, 'section[aria-labelledby="latest-signals"] li');
      await matrix.evaluate(watch, '[data-testid="matrix"] td');
      const seeded = await seedLiveSignal(backend);
      report(`seeded signal ${seeded.id} on ${seeded.symbol} ${seeded.timeframe}`);

      await dashboard
        .locator(`section[aria-labelledby="latest-signals"] li:has(a[href="/signals/${seeded.id}"])`)
        .waitFor({ timeout: 10_000 });
      const row = await seenSince(dashboard, `/signals/${seeded.id}`, seeded.publishedAt, false);
      report(`signal ${seeded.id} on the dashboard ${row.at - seeded.publishedAt} ms after its publishing began`);
      expect(row.at - seeded.publishedAt).toBeLessThanOrEqual(LIVE_BUDGET_MS);
      expect(row.changed, 'the new row shows highlighted').not.toBe('');
      await dashboard
        .getByTestId('signal-toast')
        .filter({ hasText: `Open signal #${seeded.id}` })
        .waitFor({ timeout: 2_000 });

      const cellTitle = `${seeded.symbol} ${seeded.timeframe}:`;
      const cell = await seenSince(matrix, cellTitle, seeded.publishedAt, true);
      report(`matrix cell ${cellTitle} highlighted ${cell.at - seeded.publishedAt} ms after`);
      expect(cell.at - seeded.publishedAt).toBeLessThanOrEqual(LIVE_BUDGET_MS);
      const shots = [join(RESULTS, `live-dashboard-${size}.png`), join(RESULTS, `live-matrix-${size}.png`)];
      await dashboard.screenshot({ path: shots[0] });
      await matrix.screenshot({ path: shots[1] });
      report(`screenshots ${shots.join(', ')}`);

      dashboard.off('framenavigated', navigated);
      expect(navigations, 'no reload').toEqual([]);
      expect(pageErrors).toEqual([]);
    },
    // The seeding process starts the backend's code (slow on a busy machine).
    120_000,
  );
});
