/** A signal's result in R for lists: the outcome once final, the R secured so far while open
 * (tp1 / tp2 with the stop at the entry), and the open R at the symbol's current price. */
import { useSymbolMap } from '../api/queries';
import type { Signal } from '../api/types';
import { formatR } from '../lib/format';
import { openR, reachedR, realisedR } from '../lib/outcomes';
import { Price } from './Display';

function tone(value: number | null): string {
  return value === null ? 'muted' : value > 0 ? 'up' : value < 0 ? 'down' : '';
}

/** "+3.00 R" when final; "0.00 R secured · tp2 +2 R" at tp1 / tp2; "−1.00 R at risk" when triggered. */
export function ResultR({ signal }: { signal: Signal }) {
  const realised = realisedR(signal);
  if (signal.outcome_r !== null || realised === null) {
    return <span className={`num ${tone(signal.outcome_r)}`}>{formatR(signal.outcome_r)}</span>;
  }
  const reached = reachedR(signal);
  const rule = signal.move_stop_to_entry_after_tp1 ? 'stop at the entry after tp1' : 'stop kept after tp1';
  if (reached === null) {
    return (
      <span className="num muted" title="Triggered: the stop is still at −1 R">
        {formatR(realised)} at risk
      </span>
    );
  }
  return (
    <span
      className={`num ${tone(realised)}`}
      title={`Reached ${signal.status} (${formatR(reached)}); ${rule}: ${formatR(realised)} secured`}
    >
      {formatR(realised)} secured
    </span>
  );
}

/** The symbol's current price (its newest 1m close). */
export function LastPrice({ symbol }: { symbol: string }) {
  return <Price value={useSymbolMap().get(symbol)?.last_price} symbol={symbol} />;
}

/** For a signal in the market: the current price in R from the entry. */
export function OpenR({ signal }: { signal: Signal }) {
  const r = openR(signal, useSymbolMap().get(signal.symbol)?.last_price);
  return (
    <span className={`num ${tone(r)}`} title={r === null ? 'Not in the market' : 'At the current price, in R from the entry'}>
      {formatR(r)}
    </span>
  );
}
