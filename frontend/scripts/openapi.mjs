// Regenerates src/api/schema.d.ts from the backend's OpenAPI document, built in-process by the
// Python app (no server needed). `--check` regenerates in memory and fails when the committed
// file differs, so a backend schema change without `make openapi` fails `npm test`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const here = dirname(fileURLToPath(import.meta.url));
const frontend = resolve(here, '..');
const repo = resolve(frontend, '..');
const target = join(frontend, 'src', 'api', 'schema.d.ts');
const check = process.argv.includes('--check');

function python() {
  const candidates = [process.env.CRYPTOLENS_PYTHON, join(repo, '.venv', 'bin', 'python')];
  const found = candidates.find((path) => path && existsSync(path));
  if (!found) {
    console.error('openapi: no backend virtualenv at .venv; run `make install` first');
    process.exit(2);
  }
  return found;
}

function openapiDocument() {
  const varDir = mkdtempSync(join(tmpdir(), 'cryptolens-openapi-'));
  try {
    const code =
      'import json, sys\n' +
      'from cryptolens.app import create_app\n' +
      'sys.stdout.write(json.dumps(create_app().openapi(), sort_keys=True))\n';
    const result = spawnSync(python(), ['-c', code], {
      cwd: repo,
      env: { ...process.env, CRYPTOLENS_VAR_DIR: varDir, CRYPTOLENS_LOG_LEVEL: 'WARNING' },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (result.status !== 0) {
      console.error(result.stderr);
      console.error('openapi: the backend could not build its OpenAPI document');
      process.exit(2);
    }
    return JSON.parse(result.stdout);
  } finally {
    rmSync(varDir, { recursive: true, force: true });
  }
}

const HEADER =
  '/**\n' +
  ' * Generated from the backend OpenAPI document by scripts/openapi.mjs (`make openapi`).\n' +
  ' * Do not edit by hand: `npm test` fails when this file is stale.\n' +
  ' */\n\n';

const ast = await openapiTS(openapiDocument(), { alphabetize: true });
const generated = HEADER + astToString(ast);

if (check) {
  const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
  if (current !== generated) {
    console.error(
      'openapi: src/api/schema.d.ts is stale: the backend API changed. Run `make openapi` ' +
        '(or `npm run openapi` in frontend/) and commit the result.',
    );
    process.exit(1);
  }
  console.log('openapi: src/api/schema.d.ts is up to date');
} else {
  writeFileSync(target, generated);
  console.log(`openapi: wrote ${target}`);
}
