// Prints the gzip size of the JS the browser loads first (the entry chunk and its static
// imports, from Vite's manifest), and fails above the budget (300 kB gzip).
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 300;
const dist = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const manifestPath = join(dist, '.vite', 'manifest.json');
/** @type {Record<string, {file: string, isEntry?: boolean, imports?: string[], css?: string[]}>} */
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));

/** @type {Set<string>} */
const seen = new Set();
/** @param {string} key */
function collect(key) {
  if (seen.has(key)) return;
  seen.add(key);
  for (const child of manifest[key]?.imports ?? []) collect(child);
}
for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) collect(key);

let total = 0;
const rows = [];
for (const key of seen) {
  const file = manifest[key]?.file;
  if (!file?.endsWith('.js')) continue;
  const gzip = gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
  total += gzip;
  rows.push(`  ${file}  ${(gzip / 1024).toFixed(1)} kB gzip`);
}
// The manifest is a build artefact for this check only: do not serve it.
rmSync(join(dist, '.vite'), { recursive: true, force: true });

console.log('Initial JS (entry + static imports):');
for (const row of rows) console.log(row);
const totalKb = total / 1024;
console.log(`BUNDLE initial JS: ${totalKb.toFixed(1)} kB gzip (budget ${BUDGET_KB} kB)`);
if (totalKb > BUDGET_KB) {
  console.error(`bundle-size: initial JS is over the ${BUDGET_KB} kB gzip budget`);
  process.exit(1);
}
