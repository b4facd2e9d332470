/** Starts the real backend on loopback with the replay market and the built SPA. Paths are
 * relative to this repository, so CI can clone it anywhere. */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext } from 'playwright-core';

export const FRONTEND = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const REPO = resolve(FRONTEND, '..');
export const RESULTS = join(FRONTEND, 'test-results');

export interface Backend {
  baseUrl: string;
  email: string;
  password: string;
  logFile: string;
  /** The backend's environment (its database), for seeding scripts run beside it. */
  env: NodeJS.ProcessEnv;
  stop: () => Promise<void>;
}

export function python(): string {
  const path = process.env.CRYPTOLENS_PYTHON ?? join(REPO, '.venv', 'bin', 'python');
  if (!existsSync(path)) throw new Error(`No backend virtualenv (${path}); run \`make install\` first`);
  return path;
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/** Runs cryptolens commands in one Python process (start-up is the slow part). */
function cli(commands: string[][], env: NodeJS.ProcessEnv, input?: string): void {
  const code =
    'import json, sys\n' +
    'from cryptolens.cli import main\n' +
    'for args in json.loads(sys.argv[1]):\n' +
    '    status = main(args)\n' +
    '    if status:\n' +
    '        sys.exit(status)\n';
  const result = spawnSync(python(), ['-c', code, JSON.stringify(commands)], {
    cwd: REPO,
    env,
    input,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (result.status !== 0) {
    const names = commands.map((args) => args[0]).join(', ');
    throw new Error(`cryptolens ${names} failed (${result.status}):\n${result.stderr}\n${result.stdout}`);
  }
}

async function waitForHealth(baseUrl: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the backend exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      const body = (await response.json()) as { data?: { freshness?: Record<string, number> | null } };
      const live = body.data?.freshness?.live ?? 0;
      last = JSON.stringify(body.data);
      if (response.ok && live > 0) return;
    } catch (error) {
      last = String(error);
    }
    await new Promise((wait) => setTimeout(wait, 500));
  }
  throw new Error(`the backend did not become healthy in ${timeoutMs} ms: ${last}`);
}

/** A process beside the backend (the server, a worker), its output in the backend's log. */
function spawnLogged(args: string[], env: NodeJS.ProcessEnv, log: NodeJS.WritableStream): ChildProcess {
  const child = spawn(python(), ['-m', 'cryptolens.cli', ...args], { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  return child;
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await new Promise<void>((done) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      done();
    }, 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
  });
}

/** `redisUrl`: production's shape, Redis and an arq worker beside the API (which then runs no
 * jobs itself), so a script can publish live events the API streams. */
export async function startBackend(options: { symbols?: string[]; redisUrl?: string } = {}): Promise<Backend> {
  const varDir = mkdtempSync(join(tmpdir(), 'cryptolens-e2e-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CRYPTOLENS_VAR_DIR: varDir,
    CRYPTOLENS_ENV: 'development', // the inline job schedule (scans) runs only outside test
    CRYPTOLENS_DATA_SOURCE: 'replay',
    CRYPTOLENS_PORT: String(port),
    CRYPTOLENS_HOST: '127.0.0.1',
    CRYPTOLENS_PUBLIC_URL: `http://127.0.0.1:${port}`,
    CRYPTOLENS_FRONTEND_DIST: join(FRONTEND, 'dist'),
    CRYPTOLENS_LOG_LEVEL: 'INFO',
    // The pages under test, not the 14-day warm-up of five symbols in the first minute (its CPU
    // and writes slow the first admin writes of a fresh embedded server; an open point of #20).
    CRYPTOLENS_SIGNAL_WARM_UP_MINUTES: '240',
  };
  delete env.CRYPTOLENS_DATABASE_URL;
  delete env.CRYPTOLENS_REDIS_URL;
  if (options.symbols) env.CRYPTOLENS_DEFAULT_SYMBOLS = JSON.stringify(options.symbols);
  if (options.redisUrl) {
    env.CRYPTOLENS_REDIS_URL = options.redisUrl;
    // Its own queues and locks in a Redis that other runs may share.
    env.CRYPTOLENS_JOB_KEY_PREFIX = `cryptolens-e2e-${port}`;
  }
  const email = 'e2e@example.com';
  const password = 'Lens-Trader-Pass-2024';
  cli([['migrate'], ['create-admin', '--email', email, '--password-stdin']], env, `${password}\n`);
  const logFile = join(varDir, 'serve.log');
  const log = createWriteStream(logFile);
  const child = spawnLogged(['serve', '--host', '127.0.0.1', '--port', String(port)], env, log);
  const worker = options.redisUrl ? spawnLogged(['worker', '--metrics-port', '0'], env, log) : null;
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await Promise.all([stopProcess(child), worker ? stopProcess(worker) : Promise.resolve()]);
    log.end();
    if (!process.env.E2E_KEEP) rmSync(varDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(baseUrl, child, 180_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, email, password, logFile, env, stop };
}

/** An API call with a browser context's session, the CSRF cookie echoed (fetched first when the
 * context has none); throws on an error status. */
export async function apiCall(
  baseUrl: string,
  context: BrowserContext,
  method: string,
  path: string,
  data?: unknown,
): Promise<{ data: unknown }> {
  const csrfOf = async () => (await context.cookies(baseUrl)).find((cookie) => cookie.name === 'cl_csrf')?.value;
  let csrf = await csrfOf();
  if (!csrf) {
    await context.request.get(`${baseUrl}/api/v1/auth/csrf`);
    csrf = await csrfOf();
  }
  const response = await context.request.fetch(`${baseUrl}${path}`, {
    method,
    headers: { 'X-CSRF-Token': csrf ?? '', 'Content-Type': 'application/json' },
    data: data === undefined ? undefined : JSON.stringify(data),
  });
  if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as { data: unknown };
}
