/** The zones of one chart: its own timeframe's patterns and, when asked, the higher
 * timeframes' (labelled "4h FVG"), fetched only within what the tier shows (types and history,
 * from /auth/me `limits`) so a free user's BTC/USDT chart shows its FVGs rather than a 403. */
import { keepPreviousData, useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api, metaCursor, type Page, unwrap } from '../api/client';
import { keys, POLL, useMe } from '../api/queries';
import { PATTERN_TYPES, type Pattern, type PatternQuery, type PatternType } from '../api/types';
import { type ChartTierLimits, higherTimeframes, type LabelledZone, labelZones, patternsSince, patternTypeFilter } from '../lib/chartZones';
import { patternTypeLabel, timeframeMs } from '../lib/format';
import { sweepMarkers, toChartZones, type ZoneMarker } from '../lib/zones';

const MINUTE = 60_000;

async function fetchPatterns(urlSymbol: string, timeframe: string, since: number, type: string | null): Promise<Pattern[]> {
  const patterns: Pattern[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 4; page += 1) {
    const query: PatternQuery = { symbol: urlSymbol, timeframe, limit: 500, since: String(since) };
    if (type) query.type = type as PatternType;
    if (cursor) query.cursor = cursor;
    const result: Page<Pattern[]> = await unwrap(api.GET('/api/v1/patterns', { params: { query } }));
    patterns.push(...result.data);
    cursor = metaCursor(result.meta);
    if (!cursor) break;
  }
  return patterns;
}

/** Stable (module-level) so TanStack keeps the combined result while the data is unchanged. */
function combinePatterns(results: readonly { data?: Pattern[] | undefined; error: Error | null }[]) {
  return {
    datas: results.map((result) => result.data),
    error: results.find((result) => result.error)?.error ?? null,
  };
}

export interface ChartZones {
  zones: LabelledZone[];
  sweeps: ZoneMarker[];
  error: Error | null;
  /** The pattern types the tier shows (the caption names them when not all). */
  types: readonly string[];
  higher: readonly string[];
}

export function useChartZones({
  urlSymbol,
  timeframe,
  timeframes,
  candleTimes,
  showHigher,
  now,
}: {
  urlSymbol: string;
  timeframe: string;
  timeframes: readonly string[];
  candleTimes: readonly number[];
  showHigher: boolean;
  now: number;
}): ChartZones {
  const me = useMe();
  // Wait for the tier (or its failure): asking without its limits may reach past its history.
  const settled = me.isSuccess || me.isError;
  const limits: ChartTierLimits | null = me.data?.limits ?? null;
  const type = patternTypeFilter(limits, PATTERN_TYPES);
  const higher = showHigher ? higherTimeframes(timeframe, timeframes) : [];
  const wanted = [timeframe, ...higher];
  const first = candleTimes[0] ?? null;
  // Whole minutes, so the query key (and the fetch) changes at most once a minute.
  const nowMinute = Math.floor(now / MINUTE) * MINUTE;
  const { datas, error } = useQueries({
    queries: wanted.map((patternTimeframe) => {
      const since = first === null ? null : Math.ceil(patternsSince(first, patternTimeframe, nowMinute, limits) / MINUTE) * MINUTE;
      return {
        queryKey: [...keys.chartPatterns(urlSymbol, patternTimeframe), since, type],
        queryFn: () => fetchPatterns(urlSymbol, patternTimeframe, since ?? 0, type),
        enabled: settled && since !== null,
        refetchInterval: POLL.normal,
        placeholderData: keepPreviousData,
      };
    }),
    combine: combinePatterns,
  });

  const chartMs = timeframeMs(timeframe);
  const wantedKey = wanted.join(',');
  const zones = useMemo(() => {
    const groups = wantedKey.split(',').map((patternTimeframe, index) => {
      const zonesOf = toChartZones(datas[index] ?? [], candleTimes, chartMs, now);
      const own = patternTimeframe === timeframe;
      return labelZones(zonesOf, own ? null : (zone) => `${patternTimeframe} ${patternTypeLabel(zone.type)}`);
    });
    // Higher timeframes first: the chart's own zones are drawn over them.
    return [...groups.slice(1).flat(), ...(groups[0] ?? [])];
  }, [datas, wantedKey, candleTimes, chartMs, now, timeframe]);
  const ownData = datas[0];
  const sweeps = useMemo(() => sweepMarkers(ownData ?? [], candleTimes), [ownData, candleTimes]);
  return { zones, sweeps, error, types: limits?.pattern_types ?? PATTERN_TYPES, higher };
}
