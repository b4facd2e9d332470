/** Seeds rows the UI cannot create on demand, with the backend's own code in one Python process
 * beside the running server (same database, through its environment). */
import { spawn, spawnSync } from 'node:child_process';
import { type Backend, python, REPO } from './backend';

/** The same, without blocking: the browser's page can be watched while the script runs. */
function runPythonAsync(backend: Backend, code: string): Promise<string> {
  return new Promise((resolveOutput, reject) => {
    const child = spawn(python(), ['-c', code], { cwd: REPO, env: backend.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (status) => {
      if (status === 0) resolveOutput(stdout.trim());
      else reject(new Error(`seeding failed (${status}):\n${stderr}\n${stdout}`));
    });
  });
}

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

/** Which pattern a seeded signal anchors on: one of `symbols` (any when absent), of `type`. */
export interface LiveSignalAnchor {
  symbols?: string[];
  type?: 'fvg' | 'order_block' | 'liquidity_sweep';
}

/** A new signal on an active pattern (one no signal anchors yet, else a stored twin of one: a
 * pattern anchors one signal), stored and published on the live stream the way the scan's signal
 * step does (jobs/minute.py: the matrix row forgotten and the statistics' generation renewed after the commit, then signals/tasks.py
 * `publish_changes`, the event carrying the object), for a backend started with Redis. Returns
 * its id, symbol, anchor timeframe and when its publishing began (epoch ms: the object is read,
 * then sent). */
export async function seedLiveSignal(
  backend: Backend,
  anchor: LiveSignalAnchor = {},
): Promise<{ id: number; symbol: string; timeframe: string; publishedAt: number }> {
  const code = `
import asyncio
import json
import time

from sqlalchemy import func, select

from cryptolens.core.cache import RedisCache
from cryptolens.core.events import RedisEventBus
from cryptolens.db import create_engine, create_session_factory, unit_of_work
from cryptolens.market.models import Symbol
from cryptolens.patterns.models import Pattern
from cryptolens.resources import create_api_redis
from cryptolens.settings import get_settings
from cryptolens.signals.models import Signal, SignalPattern
from cryptolens.signals.reads import forget_matrix, renew_stats_generation
from cryptolens.signals.tasks import publish_changes

SYMBOLS = json.loads(${JSON.stringify(JSON.stringify(anchor.symbols ?? null))})
TYPE = json.loads(${JSON.stringify(JSON.stringify(anchor.type ?? null))})


async def main():
    settings = get_settings()
    engine = create_engine(settings.resolved_database_url, settings)
    factory = create_session_factory(engine)
    redis = create_api_redis(settings.redis_url, settings)
    now = int(time.time() * 1000)
    try:
        async with unit_of_work(factory) as session:
            anchored = select(Signal.anchor_pattern_id)
            query = (
                select(Pattern, Symbol)
                .join(Symbol, Symbol.id == Pattern.symbol_id)
                .where(Pattern.status == "active")
                .order_by(Pattern.id.in_(anchored), Pattern.confirmed_at.desc())
                .limit(1)
            )
            if SYMBOLS is not None:
                query = query.where(Symbol.symbol.in_(SYMBOLS))
            if TYPE is not None:
                query = query.where(Pattern.type == TYPE)
            pattern, symbol = (await session.execute(query)).one()
            taken = await session.scalar(select(Signal.id).where(Signal.anchor_pattern_id == pattern.id))
            if taken is not None:
                # One signal per pattern: every active pattern here is anchored (an earlier
                # seeding took it), so anchor on its twin, a millisecond earlier.
                pattern = Pattern(
                    symbol_id=pattern.symbol_id, timeframe=pattern.timeframe, type=pattern.type,
                    direction=pattern.direction, zone_low=pattern.zone_low, zone_high=pattern.zone_high,
                    formed_at=await session.scalar(
                        select(func.min(Pattern.formed_at) - 1).where(
                            Pattern.symbol_id == pattern.symbol_id, Pattern.timeframe == pattern.timeframe,
                            Pattern.type == pattern.type, Pattern.direction == pattern.direction,
                        )
                    ),
                    confirmed_at=pattern.confirmed_at, expires_at=pattern.expires_at,
                    strength=pattern.strength, status="active", fill_pct=0.0,
                )
                session.add(pattern)
                await session.flush()
            long = pattern.direction == "bullish"
            entry = pattern.zone_high if long else pattern.zone_low
            risk = max(abs(pattern.zone_high - pattern.zone_low), entry * 0.002)
            side = 1 if long else -1
            signal = Signal(
                symbol_id=symbol.id, direction="long" if long else "short", entry=entry,
                stop_loss=entry - side * risk, take_profit_1=entry + side * risk,
                take_profit_2=entry + side * 2 * risk, take_profit_3=entry + side * 3 * risk,
                risk_reward=3.0, move_stop_to_entry_after_tp1=True, risk=risk, atr=None, buffer=0.0,
                confluence=2, timeframes=pattern.timeframe, anchor_pattern_id=pattern.id,
                anchor_type=pattern.type, anchor_timeframe=pattern.timeframe,
                anchor_expires_at=pattern.expires_at, strength=pattern.strength, status="pending",
                outcome_r=None, exit_price=None, created_at=now, setup_stats=[],
            )
            session.add(signal)
            await session.flush()
            session.add(SignalPattern(signal_id=signal.id, pattern_id=pattern.id, position=0))
        await forget_matrix(RedisCache(redis), symbol.id)
        await renew_stats_generation(RedisCache(redis))
        publishing = int(time.time() * 1000)
        await publish_changes(RedisEventBus(redis), factory, symbol.symbol, [("signal.created", signal.id)])
    finally:
        await redis.aclose()
        await engine.dispose()
    print(signal.id, symbol.symbol, pattern.timeframe, publishing)


asyncio.run(main())
`;
  const [id, symbol, timeframe, publishedAt] = (await runPythonAsync(backend, code)).split(/\s+/).slice(-4);
  return { id: Number(id), symbol: symbol ?? '', timeframe: timeframe ?? '', publishedAt: Number(publishedAt) };
}
