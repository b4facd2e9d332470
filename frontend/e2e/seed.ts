/** Seeds rows the UI cannot create on demand, with the backend's own code in one Python process
 * beside the running server (same database, through its environment). */
import { spawnSync } from 'node:child_process';
import { type Backend, python, REPO } from './backend';

function runPython(backend: Backend, code: string): string {
  const result = spawnSync(python(), ['-c', code], { cwd: REPO, env: backend.env, encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) throw new Error(`seeding failed (${result.status}):\n${result.stderr}\n${result.stdout}`);
  return result.stdout.trim();
}

/** One tracked error group (a failed job run, captured as the job runner does), status `new`.
 * Returns the group's id and error type. */
export function seedErrorGroup(backend: Backend, message: string): { id: number; errorType: string } {
  const code = `
import asyncio
from cryptolens.core.clock import SystemClock
from cryptolens.db import create_engine, create_session_factory
from cryptolens.settings import get_settings
from cryptolens.system.errors.capture import failure_of_job, store_failure


class ReplayFeedError(RuntimeError):
    pass


def fail():
    raise ReplayFeedError(${JSON.stringify(message)})


async def main():
    settings = get_settings()
    engine = create_engine(settings.resolved_database_url, settings)
    try:
        try:
            fail()
        except ReplayFeedError as error:
            failure = failure_of_job("refresh_stats", "e2e-seeded-run", error)
        group_id = await store_failure(create_session_factory(engine), SystemClock(), failure)
    finally:
        await engine.dispose()
    print(group_id, failure.signature.error_type)


asyncio.run(main())
`;
  const [id, errorType] = runPython(backend, code).split(/\s+/).slice(-2);
  return { id: Number(id), errorType: errorType ?? '' };
}
