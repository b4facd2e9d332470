/** Every page of the SPA, for the e2e runs that visit them all: the route paths App.tsx declares
 * and those of the admin console's and the developers' nested routers (read from the source, so
 * a route added later is visited too), made concrete with ids, and one screenshot per page and
 * size under test-results/pages/<size>/<page>.png (git-ignored). */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { FRONTEND, RESULTS } from './backend';

export const PAGE_SHOTS = join(RESULTS, 'pages');

/** The signed-out pages (the rest need a session). */
export const PUBLIC_ROUTES = new Set(['/login', '/login/2fa', '/register', '/verify-email', '/forgot-password', '/reset-password']);

/** Routers nested under an App.tsx wildcard route: their pages replace the wildcard. */
const NESTED: Record<string, string> = {
  '/admin/*': 'src/pages/admin/AdminArea.tsx',
  '/developers/*': 'src/pages/developers/DevelopersPage.tsx',
};

/** A router's paths; its index route as '' (the dashboard's '/' in App.tsx). */
function routePaths(file: string): string[] {
  const source = readFileSync(join(FRONTEND, file), 'utf8');
  return [...source.matchAll(/<Route\s+(?:index\b|path="([^"]+)")/g)].map((match) => match[1] ?? '');
}

/** Route patterns, e.g. '/patterns/:id' and '/admin/users/:id'; a nested router's own
 * not-found route is left out (the app's '*' shows the same page). */
export function appRoutes(): string[] {
  const routes = routePaths('src/App.tsx').flatMap((path) => {
    const nested = NESTED[path];
    if (!nested) return [path || '/'];
    // A nested index route only redirects to one of its pages.
    const base = path.replace(/\/\*$/, '');
    return routePaths(nested)
      .filter((child) => child !== '*' && child !== '')
      .map((child) => `${base}/${child}`);
  });
  return [...new Set(routes)];
}

/** Ids the concrete pages use; one that does not exist shows that page's not-found state. */
export interface RouteIds {
  pattern: number;
  signal: number;
  user: number;
}

/** The page to open for a route pattern: each `:param` filled, '*' as an unknown path. */
export function concreteRoute(route: string, ids: RouteIds): string {
  if (route === '*') return '/no-such-page';
  const fixed: Record<string, string> = {
    '/patterns/:id': `/patterns/${ids.pattern}`,
    '/signals/:id': `/signals/${ids.signal}`,
    '/admin/users/:id': `/admin/users/${ids.user}`,
    '/chart/:symbol': '/chart/BTC-USDT',
  };
  return fixed[route] ?? route.replace(/:[a-z]+/gi, '1');
}

/** Waits until the page has content: no loading skeleton left (or 8 s). */
export async function settle(page: Page): Promise<void> {
  await page
    .waitForFunction(() => !document.querySelector('.skeleton, .skeleton-title') && document.querySelector('h1, h2'), null, {
      timeout: 8_000,
    })
    .catch(() => undefined);
  await page.waitForTimeout(250);
}

/** How many pixels the page is wider than the window (> 0: it scrolls sideways). */
export async function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

export function slug(path: string): string {
  return (
    path
      .replace(/^\//, '')
      .replace(/[^a-z0-9]+/gi, '-')
      .replace(/-$/, '') || 'dashboard'
  );
}

/** Empties test-results/pages/, so it holds this run's pages only. */
export function clearPageShots(): void {
  rmSync(PAGE_SHOTS, { recursive: true, force: true });
}

/** test-results/pages/<size>/<page>.png, the visible window (what a person sees first). */
export async function pageShot(page: Page, size: string, path: string): Promise<string> {
  const folder = join(PAGE_SHOTS, size);
  mkdirSync(folder, { recursive: true });
  const file = join(folder, `${slug(path)}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/** Boxes a person reads text in (panels, cards, inputs, table cells) whose own background is
 * dark: in the light theme each should be light (a colour written out for the dark theme shows
 * up here). Returns "selector: rgb" for each, at most `limit`. */
export async function darkBoxes(page: Page, limit = 5): Promise<string[]> {
  return page.evaluate((max) => {
    const found: string[] = [];
    const selector =
      '.panel, .plan-card, .setting, .chart-box, .billing-dialog, .code-block, .audience, .stat, .table td, .table th, input, select, textarea';
    for (const element of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
      const colour = getComputedStyle(element).backgroundColor;
      const [r = 0, g = 0, b = 0, alpha = 1] = (colour.match(/[\d.]+/g) ?? []).map(Number);
      const luminance = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
      if (alpha > 0.5 && luminance < 0.5 && element.getClientRects().length > 0) {
        found.push(`${element.tagName.toLowerCase()}.${Array.from(element.classList).join('.')}: ${colour}`);
        if (found.length >= max) break;
      }
    }
    return found;
  }, limit);
}
