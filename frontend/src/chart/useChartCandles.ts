/** The candles of one chart: the newest page with the forming candle, its tail polled every few
 * seconds, and older pages fetched on demand (scrolling back), all merged into one store.
 * Mount it under a key of symbol and timeframe: the store starts empty for each. */
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, unwrapData } from '../api/client';
import { keys } from '../api/queries';
import { type ChartCandle, mergeCandles, olderPageEnd, reachedFirstCandle } from '../lib/chartCandles';
import { timeframeMs } from '../lib/format';

export const FIRST_PAGE = 500;
export const OLDER_PAGE = 500;
const TAIL_PAGE = 5;

/** Fast timeframes poll every 5 s, the others every 10 s. */
export function tailPollMs(timeframe: string): number {
  return timeframeMs(timeframe) <= 900_000 ? 5_000 : 10_000;
}

async function fetchCandles(
  urlSymbol: string,
  timeframe: string,
  page: { limit: number; end?: number; include_forming?: boolean },
): Promise<ChartCandle[]> {
  const query = { timeframe, ...page };
  const data = await unwrapData(api.GET('/api/v1/symbols/{symbol}/candles', { params: { path: { symbol: urlSymbol }, query } }));
  // Asked without `format=compact`: one object per candle.
  if (!Array.isArray(data)) throw new Error('candles arrived in the compact form');
  return data as ChartCandle[];
}

export interface ChartCandles {
  candles: ChartCandle[];
  isPending: boolean;
  error: Error | null;
  refetch: () => void;
  loadOlder: () => void;
  loadingOlder: boolean;
  reachedStart: boolean;
  olderError: Error | null;
}

export function useChartCandles(urlSymbol: string, timeframe: string): ChartCandles {
  const base = keys.candles(urlSymbol, timeframe);
  const first = useQuery({
    queryKey: [...base, 'chart-first'],
    queryFn: () => fetchCandles(urlSymbol, timeframe, { limit: FIRST_PAGE, include_forming: true }),
    staleTime: 60_000,
  });
  const tail = useQuery({
    queryKey: [...base, 'chart-tail'],
    queryFn: () => fetchCandles(urlSymbol, timeframe, { limit: TAIL_PAGE, include_forming: true }),
    enabled: first.isSuccess,
    refetchInterval: tailPollMs(timeframe),
  });
  const [candles, setCandles] = useState<ChartCandle[]>([]);
  const [reachedStart, setReachedStart] = useState(false);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [olderError, setOlderError] = useState<Error | null>(null);
  const candlesRef = useRef(candles);
  candlesRef.current = candles;
  const inFlight = useRef(false);

  useEffect(() => {
    if (!first.data) return;
    setCandles((current) => mergeCandles(current, first.data));
    if (first.data.length < FIRST_PAGE) setReachedStart(true);
  }, [first.data]);

  const refetchFirst = first.refetch;
  useEffect(() => {
    const page = tail.data;
    if (!page || page.length === 0) return;
    const last = candlesRef.current.at(-1);
    const oldest = page[0] as ChartCandle;
    // A tail that no longer touches the store (a hidden tab stopped polling): reload the first page.
    if (last && oldest.time > last.time + timeframeMs(timeframe)) void refetchFirst();
    setCandles((current) => mergeCandles(current, page));
  }, [tail.data, timeframe, refetchFirst]);

  const loadOlder = useCallback(() => {
    const end = olderPageEnd(candlesRef.current, timeframeMs(timeframe));
    if (inFlight.current || reachedStart || end === null) return;
    const firstLoaded = (candlesRef.current[0] as ChartCandle).time;
    inFlight.current = true;
    setLoadingOlder(true);
    fetchCandles(urlSymbol, timeframe, { limit: OLDER_PAGE, end })
      .then((page) => {
        setOlderError(null);
        setCandles((current) => mergeCandles(page, current));
        if (reachedFirstCandle(page, OLDER_PAGE, firstLoaded)) setReachedStart(true);
      })
      .catch((error: unknown) => setOlderError(error instanceof Error ? error : new Error(String(error))))
      .finally(() => {
        inFlight.current = false;
        setLoadingOlder(false);
      });
  }, [urlSymbol, timeframe, reachedStart]);

  return {
    candles,
    isPending: first.isPending || (first.isSuccess && candles.length === 0 && first.data.length > 0),
    // A failed refresh keeps the candles on screen; only a chart with none shows the error.
    error: candles.length > 0 ? null : first.error,
    refetch: () => void first.refetch(),
    loadOlder,
    loadingOlder,
    reachedStart,
    olderError,
  };
}
