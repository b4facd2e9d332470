import { useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { usePattern, useSignal, useSymbolMap } from '../api/queries';
import { signalLines } from '../chart/levels';
import { SymbolChart } from '../chart/SymbolChart';
import { DirectionBadge, Price, StatusBadge, TypeTag } from '../components/Display';
import { ErrorState } from '../components/States';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { type ChartState, readChartState, writeChartState } from '../lib/chartState';
import { formatPct, formatR, symbolFromUrl, symbolToUrl } from '../lib/format';
import { DEFAULT_TIMEFRAMES } from '../lib/matrix';
import { lifecycleEvents } from './backtests/chartSignal';
import { useBacktestSignal } from './backtests/queries';

function TimeframeSwitcher({ value, onChange }: { value: string; onChange: (timeframe: string) => void }) {
  return (
    <div className="segmented" role="group" aria-label="Timeframe">
      {DEFAULT_TIMEFRAMES.map((timeframe) => (
        <button
          key={timeframe}
          type="button"
          aria-pressed={timeframe === value}
          className={timeframe === value ? 'active' : ''}
          onClick={() => onChange(timeframe)}
        >
          {timeframe}
        </button>
      ))}
    </div>
  );
}

export default function ChartPage() {
  const { symbol: urlSymbol = 'BTC-USDT' } = useParams();
  const [params, setParams] = useSearchParams();
  // Timeframe and toggles live in the URL: reload, back and a shared link keep them.
  const state = readChartState(params, DEFAULT_TIMEFRAMES);
  const { timeframe } = state;
  const patternId = Number(params.get('pattern') ?? Number.NaN);
  const signalId = Number(params.get('signal') ?? Number.NaN);
  // /chart/BTC-USDT and /chart/BTC%2FUSDT alike; the API is asked in the dash form.
  const symbol = symbolFromUrl(urlSymbol);
  const apiSymbol = symbolToUrl(symbol);
  useDocumentTitle(`${symbol} ${timeframe}`);
  const info = useSymbolMap().get(symbol);
  const pattern = usePattern(patternId);
  // ?backtest=ID&signal=N: the signal is a backtest's result (its number there), not a live one.
  const backtestId = Number(params.get('backtest') ?? Number.NaN);
  const fromBacktest = Number.isFinite(backtestId);
  const signal = useSignal(fromBacktest ? Number.NaN : signalId);
  const backtestSignal = useBacktestSignal(fromBacktest ? backtestId : Number.NaN, signalId);
  const shown = fromBacktest ? backtestSignal.data : signal.data;
  const lines = useMemo(() => (shown ? signalLines(shown) : []), [shown]);
  const events = useMemo(() => (backtestSignal.data ? lifecycleEvents(backtestSignal.data) : undefined), [backtestSignal.data]);
  const focusTime = pattern.data?.formed_at ?? shown?.created_at ?? null;

  const update = (patch: Partial<ChartState>) => setParams((current) => writeChartState(current, patch));

  return (
    <div className="page page-wide">
      <div className="page-head chart-head">
        <h1>
          {symbol} <span className="muted">{timeframe}</span>
        </h1>
        {info ? (
          <div className="quote">
            <Price value={info.last_price} symbol={symbol} className="quote-price" />
            <span className={`num ${(info.change_24h_pct ?? 0) >= 0 ? 'up' : 'down'}`}>{formatPct(info.change_24h_pct)}</span>
            <span className={`fresh fresh-${info.freshness}`}>{info.freshness}</span>
          </div>
        ) : null}
        <TimeframeSwitcher value={timeframe} onChange={(next) => update({ timeframe: next })} />
      </div>
      <div className="cl-toolbar" role="group" aria-label="Chart layers">
        <label className="cl-toggle">
          <input
            type="checkbox"
            checked={state.higherZones}
            disabled={timeframe === DEFAULT_TIMEFRAMES.at(-1)}
            onChange={(event) => update({ higherZones: event.target.checked })}
          />
          Higher-timeframe zones
        </label>
        <label className="cl-toggle">
          <input type="checkbox" checked={state.volume} onChange={(event) => update({ volume: event.target.checked })} />
          Volume
        </label>
      </div>
      {pattern.data ? (
        <p className="context-line">
          Pattern <Link to={`/patterns/${pattern.data.id}`}>#{pattern.data.id}</Link>: <DirectionBadge direction={pattern.data.direction} />{' '}
          <TypeTag type={pattern.data.type} /> {pattern.data.timeframe} <Price value={pattern.data.zone_low} symbol={symbol} /> –{' '}
          <Price value={pattern.data.zone_high} symbol={symbol} /> <StatusBadge status={pattern.data.status} />
        </p>
      ) : null}
      {signal.data ? (
        <p className="context-line">
          Signal <Link to={`/signals/${signal.data.id}`}>#{signal.data.id}</Link>: <DirectionBadge direction={signal.data.direction} />{' '}
          entry <Price value={signal.data.entry} symbol={symbol} /> · SL <Price value={signal.data.stop_loss} symbol={symbol} />{' '}
          <StatusBadge status={signal.data.status} />
        </p>
      ) : null}
      {backtestSignal.data ? (
        <p className="context-line" data-testid="backtest-signal-context">
          Backtest <Link to={`/backtests/${backtestId}`}>#{backtestId}</Link> signal #{backtestSignal.data.id}:{' '}
          <DirectionBadge direction={backtestSignal.data.direction} /> entry <Price value={backtestSignal.data.entry} symbol={symbol} /> ·
          SL <Price value={backtestSignal.data.stop_loss} symbol={symbol} /> <StatusBadge status={backtestSignal.data.status} />{' '}
          {backtestSignal.data.outcome_r !== null ? formatR(backtestSignal.data.outcome_r) : null}
        </p>
      ) : backtestSignal.isError ? (
        <ErrorState error={backtestSignal.error} title="Could not load the backtest signal" />
      ) : null}
      <SymbolChart
        urlSymbol={apiSymbol}
        timeframe={timeframe}
        lines={lines}
        signal={shown ?? null}
        events={events}
        showHigher={state.higherZones}
        showVolume={state.volume}
        highlightId={Number.isFinite(patternId) ? patternId : null}
        focusTime={focusTime}
      />
      <div className="legend-row muted small" role="group" aria-label="Legend">
        <span className="swatch bull" /> bullish zone <span className="swatch bear" /> bearish zone · faded: filled, invalidated or expired
        · ▲▼ liquidity sweeps · labelled boxes: a higher timeframe's zones · Entry, TP and SL markers: where a signal's levels were hit ·
        outlined yellow: the selected pattern
      </div>
    </div>
  );
}
