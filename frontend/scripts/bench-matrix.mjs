// Times the matrix page in real Chromium against a running backend (bench/bench_spa.py starts
// and seeds it): for each load of /matrix, from the last byte of the GET /api/v1/matrix response
// (Resource Timing) until every grid cell is in the DOM (MutationObserver), and until the next
// frame after that. Prints one JSON line: {"loads": [{"domMs", "frameMs", "requests"}, ...]}.
//
// Usage: node scripts/bench-matrix.mjs --base-url URL --cookie 'a=1; b=2' --cells 300 [--loads 5]
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const { values } = parseArgs({
  options: {
    'base-url': { type: 'string' },
    cookie: { type: 'string' },
    cells: { type: 'string' },
    loads: { type: 'string', default: '5' },
  },
});
const baseUrl = values['base-url'];
const cells = Number(values.cells);
const loads = Number(values.loads);
if (!baseUrl || !values.cookie || !(cells > 0) || !(loads > 0)) {
  console.error('usage: bench-matrix.mjs --base-url URL --cookie HEADER --cells N [--loads N]');
  process.exit(2);
}

// The same browser and flags as the e2e run (e2e/browser.ts): the Debian package's Chromium.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  console.error(`${executablePath} is missing: apt-get install -y chromium chromium-driver`);
  process.exit(2);
}
const flags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Runs in the page before its scripts: marks when `cells` grid cells exist, then the next frame. */
function installProbe(/** @type {number} */ expected) {
  /** @type {{cellsAt: number | null, frameAt: number | null}} */
  const marks = { cellsAt: null, frameAt: null };
  Object.assign(window, { __matrixBench: marks });
  const observer = new MutationObserver(() => {
    if (document.querySelectorAll('td[role="gridcell"]').length < expected) return;
    marks.cellsAt = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => {
      setTimeout(() => {
        marks.frameAt = performance.now();
      }, 0);
    });
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** In the page, after the probe fired: the timings from the matrix response's last byte. */
function readMarks() {
  const marks = /** @type {{cellsAt: number, frameAt: number}} */ (Reflect.get(window, '__matrixBench'));
  const requests = performance.getEntriesByType('resource').filter((entry) => new URL(entry.name).pathname === '/api/v1/matrix');
  // The first response is the one the grid was built from; a later poll cannot precede it.
  const arrived = Math.min(...requests.map((entry) => /** @type {PerformanceResourceTiming} */ (entry).responseEnd));
  return { domMs: marks.cellsAt - arrived, frameMs: marks.frameAt - arrived, requests: requests.length };
}

const browser = await chromium.launch({ executablePath, headless: true, args: flags });
try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addCookies(
    values.cookie.split(';').map((pair) => {
      const [name = '', ...rest] = pair.trim().split('=');
      return { name, value: rest.join('='), url: baseUrl };
    }),
  );
  await context.addInitScript(installProbe, cells);
  const page = await context.newPage();
  const results = [];
  for (let load = 0; load < loads; load += 1) {
    const response = page.waitForResponse((candidate) => new URL(candidate.url()).pathname === '/api/v1/matrix');
    await page.goto(`${baseUrl}/matrix`);
    const matrix = await response;
    if (matrix.status() !== 200) throw new Error(`GET /api/v1/matrix answered ${matrix.status()}`);
    await page.waitForFunction(() => Reflect.get(window, '__matrixBench')?.frameAt != null, null, { timeout: 30_000 });
    results.push(await page.evaluate(readMarks));
  }
  console.log(JSON.stringify({ loads: results }));
} finally {
  await browser.close();
}
