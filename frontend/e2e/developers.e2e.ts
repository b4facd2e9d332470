/**
 * The developer pages end to end, in real headless Chromium against the real backend: free and
 * pro users see what premium unlocks; a premium user creates an API key in the SPA (shown once,
 * copied) and it works with curl; Swagger's "Authorize" with that key then "Try it out" on
 * GET /signals answers 200 with data (and POST /scan 202); a webhook endpoint created in the SPA receives the test
 * event (a loopback receiver started here checks the Standard Webhooks signature with the
 * secret the SPA showed once), the delivery log shows its request and response, a redelivery
 * arrives with the same webhook-id; a revoked key is refused. Screenshots: test-results/dev-*.png.
 */
import { spawnSync } from 'node:child_process';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, type Backend, RESULTS, startBackend } from './backend';
import { launchChromium } from './browser';

let backend: Backend;
let browser: Browser;
let adminContext: BrowserContext;
let premiumContext: BrowserContext;
let freeContext: BrowserContext;
let premium: Page;
let receiver: Receiver;
let apiKey = '';
let webhookSecret = '';
const pageErrors: string[] = [];

const stamp = Date.now();
const premiumEmail = `builder${stamp}@example.com`;
const freeEmail = `looker${stamp}@example.com`;
const password = 'Fair-Value-Gap-Trader-77';

function report(line: string): void {
  console.log(`E2E ${line}`);
}

async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  const path = join(RESULTS, `dev-${name}.png`);
  await page.screenshot({ path, fullPage });
  report(`screenshot ${path}`);
}

// A loopback webhook receiver: records every request, answers 200 with a small JSON body.
interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

interface Receiver {
  url: string;
  requests: Received[];
  server: Server;
}

async function startReceiver(): Promise<Receiver> {
  const requests: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      requests.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(200, { 'Content-Type': 'application/json', 'X-Receiver': 'e2e' });
      response.end(JSON.stringify({ received: requests.length }));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hooks/cryptolens`, requests, server };
}

/** Standard Webhooks 1.0, written here from the spec (never the backend's signing code). */
function signatureValid(secret: string, headers: IncomingHttpHeaders, body: string): boolean {
  const id = String(headers['webhook-id'] ?? '');
  const timestamp = String(headers['webhook-timestamp'] ?? '');
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest();
  const offered = String(headers['webhook-signature'] ?? '').split(' ');
  const fresh = Math.abs(Date.now() / 1000 - Number(timestamp)) < 300;
  return (
    fresh &&
    offered.some((signature) => {
      const [version, value = ''] = signature.split(',');
      const bytes = Buffer.from(value, 'base64');
      return version === 'v1' && bytes.length === expected.length && timingSafeEqual(bytes, expected);
    })
  );
}

/** An unsafe API call with a browser context's session and its CSRF cookie echoed. */
function call(context: BrowserContext, method: string, path: string, data?: unknown): Promise<{ data: unknown }> {
  return apiCall(backend.baseUrl, context, method, path, data);
}

async function signIn(page: Page, email: string, next = '/'): Promise<void> {
  await page.goto(`${backend.baseUrl}/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === next);
}

async function userId(email: string): Promise<number> {
  const found = (await call(adminContext, 'GET', `/api/v1/admin/users?q=${encodeURIComponent(email)}`)) as { data: { id: number }[] };
  const id = found.data[0]?.id;
  if (!id) throw new Error(`the admin cannot find ${email}`);
  return id;
}

/** A registered user, verified by the admin, on `plan` for 30 days (free without a plan). */
async function seedUser(email: string, plan: 'premium' | null): Promise<void> {
  const context = await browser.newContext();
  try {
    await call(context, 'POST', '/api/v1/auth/register', { email, password, timezone: 'UTC' });
  } finally {
    await context.close();
  }
  const id = await userId(email);
  await call(adminContext, 'PATCH', `/api/v1/admin/users/${id}`, { is_verified: true });
  if (plan) await call(adminContext, 'POST', `/api/v1/admin/users/${id}/subscription/grant`, { plan, days: 30, lifetime: false });
}

/** curl, as a developer would call the API with the key. */
function curl(key: string, path: string): { status: number; body: string } {
  const result = spawnSync('curl', ['-sS', '-H', `X-API-Key: ${key}`, '-w', '\n%{http_code}', `${backend.baseUrl}${path}`], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (result.status !== 0) throw new Error(`curl failed: ${result.stderr}`);
  const lines = result.stdout.trimEnd().split('\n');
  const status = Number(lines.pop());
  return { status, body: lines.join('\n') };
}

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  const started = Date.now();
  [backend, receiver] = await Promise.all([startBackend(), startReceiver()]);
  report(`backend up at ${backend.baseUrl} in ${((Date.now() - started) / 1000).toFixed(1)} s (log ${backend.logFile})`);
  browser = await launchChromium();
  adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await adminPage.goto(`${backend.baseUrl}/login`);
  await adminPage.getByLabel('Email').fill(backend.email);
  await adminPage.getByLabel('Password').fill(backend.password);
  await adminPage.getByRole('button', { name: 'Sign in' }).click();
  await adminPage.waitForURL((url) => url.pathname === '/');
  await seedUser(premiumEmail, 'premium');
  await seedUser(freeEmail, null);
  const options = { viewport: { width: 1440, height: 900 }, colorScheme: 'dark', timezoneId: 'UTC' } as const;
  premiumContext = await browser.newContext(options);
  await premiumContext.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: backend.baseUrl });
  freeContext = await browser.newContext(options);
  premium = await premiumContext.newPage();
  premium.on('pageerror', (error) => pageErrors.push(error.message));
}, 300_000);

afterAll(async () => {
  await adminContext?.close();
  await premiumContext?.close();
  await freeContext?.close();
  await browser?.close();
  await backend?.stop();
  receiver?.server.close();
  if (pageErrors.length) report(`page errors:\n  ${pageErrors.join('\n  ')}`);
});

describe('developer pages', () => {
  it('shows free and pro users what premium unlocks instead of the pages', async () => {
    const page = await freeContext.newPage();
    await signIn(page, freeEmail);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Developers' }).click();
    await page.waitForURL(/\/developers/);
    const prompt = page.getByTestId('upgrade-prompt');
    await prompt.waitFor();
    expect(await prompt.textContent()).toContain('premium');
    await page.getByRole('heading', { name: 'Build on CryptoLens' }).waitFor();
    expect(await page.getByRole('button', { name: 'New key' }).count()).toBe(0);
    // The API agrees: 403 tier_required, the code the SPA turns into the prompt.
    const response = await page.request.get(`${backend.baseUrl}/api/v1/api-keys`);
    expect(response.status()).toBe(403);
    expect(((await response.json()) as { meta: { code?: string } }).meta.code).toBe('tier_required');
    await shot(page, 'upsell');

    // Pro does not unlock them either.
    await call(adminContext, 'POST', `/api/v1/admin/users/${await userId(freeEmail)}/subscription/grant`, {
      plan: 'pro',
      days: 30,
      lifetime: false,
    });
    await page.goto(`${backend.baseUrl}/developers/webhooks`);
    await expect.poll(() => page.locator('.user-link .tier').textContent()).toBe('pro');
    expect(await page.getByTestId('upgrade-prompt').textContent()).toContain('premium');
    expect(await page.getByRole('button', { name: 'New endpoint' }).count()).toBe(0);
    expect((await page.request.get(`${backend.baseUrl}/api/v1/webhooks`)).status()).toBe(403);
    await page.close();
  });

  it('creates an API key in the SPA, shown once with a copy button, and it works with curl', async () => {
    await signIn(premium, premiumEmail);
    await premium.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Developers' }).click();
    await premium.waitForURL(/\/developers\/api-keys$/);
    await premium.getByText('No API keys yet').waitFor();
    await premium.getByRole('button', { name: 'New key' }).click();
    const form = premium.getByRole('form', { name: 'New API key' });
    await form.getByLabel('Name').fill('e2e bot');
    await form.getByLabel('Per minute').fill('120');
    // A bad IP rule is caught before sending, naming the entry.
    await form.getByLabel('Deny').fill('10.0.0.0/99');
    await form.getByRole('button', { name: 'Create key' }).click();
    expect(await form.getByRole('alert').first().textContent()).toContain('10.0.0.0/99');
    await form.getByLabel('Deny').fill('198.51.100.0/24\n2001:db8::/32');
    await form.getByRole('button', { name: 'Create key' }).click();

    const field = premium.getByTestId('new-api-key-value');
    await field.waitFor();
    apiKey = await field.inputValue();
    expect(apiKey).toMatch(/^clk_[A-Za-z0-9_-]{40}$/);
    await premium.getByTestId('new-api-key').getByRole('button', { name: 'Copy' }).click();
    const copyStatus = premium.getByTestId('new-api-key').getByRole('status');
    await expect.poll(() => copyStatus.textContent()).not.toBe(''); // the clipboard answers asynchronously
    const copyState = (await copyStatus.textContent()) ?? '';
    if (copyState.includes('Copied')) {
      expect(await premium.evaluate(() => navigator.clipboard.readText())).toBe(apiKey);
    } else {
      // No clipboard: the key is selected for the copy keys instead.
      expect(copyState).toContain('selected');
      expect(await premium.evaluate(() => window.getSelection()?.toString() || (document.activeElement as HTMLInputElement).value)).toBe(
        apiKey,
      );
    }
    report(`copy: ${copyState}`);
    await shot(premium, 'key-created');

    const row = premium.getByTestId('api-keys-table').locator('tbody tr', { hasText: 'e2e bot' });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain(apiKey.slice(0, 12));
    expect(await row.textContent()).toContain('120/min');

    const answer = curl(apiKey, '/api/v1/signals?limit=5');
    expect(answer.status, answer.body).toBe(200);
    expect((JSON.parse(answer.body) as { success: boolean }).success).toBe(true);
    expect(curl(`${apiKey.slice(0, -1)}x`, '/api/v1/signals').status).toBe(401);

    // Edit: the limits and IP rules change, the key stays the same.
    await row.getByRole('button', { name: 'Edit' }).click();
    const edit = premium.getByRole('form', { name: 'Edit API key' });
    expect(await edit.getByLabel('Deny').inputValue()).toBe('198.51.100.0/24\n2001:db8::/32');
    await edit.getByLabel('Per minute').fill('90');
    await edit.getByRole('checkbox', { name: 'write:scan' }).check();
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => row.textContent()).toContain('90/min');
    expect(curl(apiKey, '/api/v1/symbols').status).toBe(200);
    const unscoped = curl(apiKey, '/api/v1/matrix'); // read:matrix was not granted
    expect(unscoped.status).toBe(403);
    expect((JSON.parse(unscoped.body) as { meta: { code?: string } }).meta.code).toBe('scope_required');

    // Shown once: after dismissing (or reloading) the key is nowhere on the page.
    await premium.getByRole('button', { name: 'I have stored it' }).click();
    await premium.reload();
    await premium.getByTestId('api-keys-table').waitFor();
    expect(await premium.content()).not.toContain(apiKey);
  });

  it('authorizes Swagger with the key, and "Try it out" on GET /signals answers 200 with data, on POST /scan 202', async () => {
    // Signals come from the replay market's scans: wait until the API has some.
    const deadline = Date.now() + 120_000;
    let count = 0;
    while (Date.now() < deadline) {
      const answer = curl(apiKey, '/api/v1/signals?limit=5');
      count = answer.status === 200 ? (JSON.parse(answer.body) as { data: unknown[] }).data.length : 0;
      if (count > 0) break;
      await new Promise((wait) => setTimeout(wait, 2_000));
    }
    expect(count, 'the replay market produced no signals').toBeGreaterThan(0);

    // A context without a session: the key alone authenticates.
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const docs = await context.newPage();
    docs.on('pageerror', (error) => pageErrors.push(`docs: ${error.message}`));
    await docs.goto(`${backend.baseUrl}/api/docs`);
    await docs.locator('.swagger-ui .btn.authorize').first().click();
    const scheme = docs.locator('.auth-container', { hasText: 'X-API-Key' }).first();
    await scheme.locator('input').first().fill(apiKey);
    await scheme.locator('button.authorize').click();
    await docs.locator('.btn-done').first().click();

    const operation = docs.locator('.opblock-get', { has: docs.locator('.opblock-summary-path[data-path="/api/v1/signals"]') }).first();
    await operation.locator('.opblock-summary').first().click();
    await operation.locator('.try-out__btn').click();
    await operation.locator('.execute').click();
    const status = operation.locator('.live-responses-table tr.response .response-col_status').first();
    await status.waitFor({ timeout: 30_000 }).catch(() => shot(docs, 'swagger-failed', false));
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toContain('200');
    const body =
      (await operation.locator('.live-responses-table .response-col_description .highlight-code pre').first().textContent()) ?? '';
    const parsed = JSON.parse(body) as { success: boolean; data: unknown[] };
    expect(parsed.success).toBe(true);
    expect(parsed.data.length).toBeGreaterThan(0);
    const curlText = (await operation.locator('.curl-command').first().textContent()) ?? '';
    expect(curlText).toContain('X-API-Key');
    report(`swagger GET /signals: ${parsed.data.length} signals`);

    // A write with the same authorization: POST /scan (write:scan was added to the key above).
    const scan = docs.locator('.opblock-post', { has: docs.locator('.opblock-summary-path[data-path="/api/v1/scan"]') }).first();
    await scan.locator('.opblock-summary').first().click();
    await scan.locator('.try-out__btn').click();
    await scan.locator('.execute').click();
    const scanStatus = scan.locator('.live-responses-table tr.response .response-col_status').first();
    await expect.poll(() => scanStatus.textContent(), { timeout: 30_000 }).toContain('202');
    const queued = JSON.parse((await scan.locator('.live-responses-table .highlight-code pre').first().textContent()) ?? '{}') as {
      data?: { id?: string; status?: string };
    };
    report(`swagger POST /scan: job request ${queued.data?.id} ${queued.data?.status}`);
    await scan.locator('.live-responses-table').first().scrollIntoViewIfNeeded();
    await shot(docs, 'swagger', false);
    await context.close();
  }, 240_000);

  it('shows the key’s usage per day', async () => {
    await premium.goto(`${backend.baseUrl}/developers/api-keys`);
    const row = premium.getByTestId('api-keys-table').locator('tbody tr', { hasText: 'e2e bot' });
    await row.getByRole('button', { name: 'Usage' }).click();
    const usage = premium.getByTestId('key-usage');
    await usage.getByTestId('usage-chart').waitFor();
    expect(await usage.locator('svg rect.bar-served').count()).toBe(30);
    // The counters reach the database with the minute's flush job.
    await expect
      .poll(
        async () =>
          Number(((await usage.getByTestId('usage-chart').locator('figcaption .num').first().textContent()) ?? '0').replace(/\D/g, '')),
        {
          timeout: 150_000,
          interval: 5_000,
        },
      )
      .toBeGreaterThan(0);
    await shot(premium, 'usage');
  }, 180_000);

  it('creates a webhook endpoint in the SPA that receives the signed test event, logged and redelivered', async () => {
    await premium.getByRole('navigation', { name: 'Developers' }).getByRole('link', { name: 'Webhooks' }).click();
    await premium.waitForURL(/\/developers\/webhooks$/);
    await premium.getByRole('button', { name: 'New endpoint' }).click();
    const form = premium.getByRole('form', { name: 'New webhook endpoint' });
    await form.getByLabel('URL').fill(receiver.url);
    await form.getByLabel('Description (optional)').fill('e2e receiver');
    await form.getByLabel('Symbols (empty: all)').fill('btc-usdt');
    await form.getByRole('button', { name: 'Create endpoint' }).click();

    const secretField = premium.getByTestId('new-webhook-secret-value');
    await secretField.waitFor();
    webhookSecret = await secretField.inputValue();
    expect(webhookSecret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    // Without a Clipboard API (plain http, old browsers) Copy selects the secret instead.
    await premium.evaluate(() => Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true }));
    await premium.getByTestId('new-webhook-secret').getByRole('button', { name: 'Copy' }).click();
    await expect.poll(() => premium.getByTestId('new-webhook-secret').getByRole('status').textContent()).toContain('selected');
    const selected = await premium.evaluate(() => {
      const input = document.activeElement as HTMLInputElement;
      return input.value.slice(input.selectionStart ?? 0, input.selectionEnd ?? 0);
    });
    expect(selected).toBe(webhookSecret);
    const row = premium.getByTestId('webhooks-table').locator('tbody tr', { hasText: receiver.url });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('BTC/USDT');
    await premium.getByTestId('new-webhook-secret').getByRole('link', { name: 'Open the endpoint' }).click();
    await premium.waitForURL(/\/developers\/webhooks\/\d+$/);
    await premium.getByTestId('webhook-endpoint').waitFor();
    expect(await premium.content()).not.toContain(webhookSecret);

    await premium.getByRole('button', { name: 'Send test event' }).click();
    await expect.poll(() => premium.getByTestId('test-result').textContent(), { timeout: 20_000 }).toContain('succeeded');
    expect(receiver.requests.length).toBe(1);
    const [first] = receiver.requests;
    if (!first) throw new Error('the receiver got nothing');
    expect(JSON.parse(first.body)).toMatchObject({ type: 'webhook.test', version: 1 });
    expect(first.headers['webhook-id']).toMatch(/^msg_/);
    expect(first.headers['user-agent']).toBe('CryptoLens-Webhooks/1');
    expect(signatureValid(webhookSecret, first.headers, first.body), 'the Standard Webhooks signature checks out').toBe(true);

    // The log: the test delivery with its request and response excerpts.
    const deliveries = premium.getByTestId('deliveries-table').locator('tbody tr');
    await expect.poll(() => deliveries.count(), { timeout: 15_000 }).toBe(1);
    expect(await deliveries.first().textContent()).toContain('webhook.test');
    await deliveries.first().getByRole('button').first().click();
    const detail = premium.getByTestId('delivery-detail');
    await detail.getByTestId('delivery-attempt').first().waitFor();
    const attempt = (await detail.getByTestId('delivery-attempt').first().textContent()) ?? '';
    expect(attempt).toContain('HTTP 200');
    expect(attempt.toLowerCase()).toContain('webhook-signature');
    expect(attempt).toContain('"received":1');
    await shot(premium, 'delivery');

    await detail.getByRole('button', { name: 'Redeliver' }).click();
    await expect.poll(() => receiver.requests.length, { timeout: 20_000 }).toBe(2);
    const second = receiver.requests[1];
    expect(second?.headers['webhook-id']).toBe(first.headers['webhook-id']);
    expect(second?.body).toBe(first.body);
    expect(second && signatureValid(webhookSecret, second.headers, second.body)).toBe(true);
    await expect.poll(() => detail.getByTestId('delivery-attempt').count(), { timeout: 15_000 }).toBe(2);

    // Rotation: the new secret shown once; for 24 h both sign, the new one first.
    await premium.getByRole('button', { name: 'Rotate secret' }).click();
    await premium.getByRole('button', { name: 'Confirm: new secret' }).click();
    const rotated = premium.getByTestId('rotated-secret-value');
    await rotated.waitFor();
    const newSecret = await rotated.inputValue();
    expect(newSecret).toMatch(/^whsec_/);
    expect(newSecret).not.toBe(webhookSecret);
    await premium.getByRole('button', { name: 'Send test event' }).click();
    await expect.poll(() => receiver.requests.length, { timeout: 20_000 }).toBe(3);
    const third = receiver.requests[2];
    if (!third) throw new Error('no third request');
    expect(String(third.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(signatureValid(newSecret, third.headers, third.body)).toBe(true);
    expect(signatureValid(webhookSecret, third.headers, third.body)).toBe(true);
    await expect.poll(() => deliveries.count(), { timeout: 15_000 }).toBe(2);
  });

  it('revokes the key, and curl is refused', async () => {
    await premium.goto(`${backend.baseUrl}/developers/api-keys`);
    const row = premium.getByTestId('api-keys-table').locator('tbody tr', { hasText: 'e2e bot' });
    await row.getByRole('button', { name: 'Revoke' }).click();
    await row.getByRole('button', { name: 'Confirm revoke' }).click();
    await expect.poll(() => row.textContent()).toContain('revoked');
    await expect.poll(() => curl(apiKey, '/api/v1/signals').status, { timeout: 30_000, interval: 1_000 }).toBe(401);

    // On a phone the pages fit the width (wide tables scroll inside their box).
    await premium.setViewportSize({ width: 360, height: 800 });
    for (const path of ['/developers/api-keys', '/developers/webhooks']) {
      await premium.goto(`${backend.baseUrl}${path}`);
      await premium.getByRole('heading', { name: 'Developers' }).waitFor();
      await premium.locator('table').first().waitFor();
      expect(await premium.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), path).toBeLessThanOrEqual(0);
    }
    await shot(premium, 'narrow');
    expect(pageErrors).toEqual([]);
  });
});
