/** Signal results in R and the win rate, exactly as ../shared/spec/signals.md defines them
 * (Lifecycle: outcome_r; Setup statistics: wins, decided, win_rate, resolved, avg_r). */

export interface SignalResultInput {
  direction: string;
  entry: number;
  stop_loss: number;
  /** default_rr at creation: tp3 is entry + risk_reward * R. */
  risk_reward: number;
  move_stop_to_entry_after_tp1: boolean;
  status: string;
  outcome_r: number | null;
  triggered_at: number | null;
  tp1_at: number | null;
}

/** In the market: triggered and not ended (pending has no position yet). */
export const IN_TRADE = new Set(['triggered', 'tp1', 'tp2']);

const FINAL_WITH_OUTCOME = new Set(['stopped', 'tp3', 'closed']);

/** R = |entry - stop_loss| (the stop at creation; the moved stop never changes R). */
export function riskOf(signal: Pick<SignalResultInput, 'entry' | 'stop_loss'>): number {
  return Math.abs(signal.entry - signal.stop_loss);
}

/** A price's distance from the entry in R, signed by direction (positive = in profit). */
export function rAtPrice(signal: Pick<SignalResultInput, 'direction' | 'entry' | 'stop_loss'>, price: number): number | null {
  const risk = riskOf(signal);
  if (!risk || !Number.isFinite(price)) return null;
  const sign = signal.direction === 'short' ? -1 : 1;
  return ((price - signal.entry) * sign) / risk;
}

/** The outcome when the stop is reached: -1 before tp1; after tp1 0 with the stop moved to the
 * entry (the rule the signal stores), -1 with the rule off. */
function stoppedR(signal: SignalResultInput): number {
  return signal.tp1_at != null && signal.move_stop_to_entry_after_tp1 ? 0 : -1;
}

/** outcome_r by the spec: stopped as above; tp3 = +default_rr; closed = (close - entry) / R
 * signed by direction (the server's value when no close price is given); null for expired,
 * cancelled and open signals. */
export function finalOutcomeR(signal: SignalResultInput, closePrice?: number | null): number | null {
  if (signal.status === 'stopped') return stoppedR(signal);
  if (signal.status === 'tp3') return signal.risk_reward;
  if (signal.status === 'closed') return closePrice == null ? signal.outcome_r : rAtPrice(signal, closePrice);
  return null;
}

/** Realised R so far: the outcome an open signal has secured, i.e. what it ends with if its
 * current stop is hit now (triggered: -1; tp1 / tp2: 0 with the stop at the entry, -1 with the
 * rule off). Final signals: their outcome. Pending, expired, cancelled: null (never in the market). */
export function realisedR(signal: SignalResultInput): number | null {
  if (signal.status === 'triggered') return -1;
  if (signal.status === 'tp1' || signal.status === 'tp2') return stoppedR(signal);
  return finalOutcomeR(signal);
}

/** The highest target reached, in R (tp1 = 1, tp2 = 2, tp3 = default_rr); null before tp1. */
export function reachedR(signal: Pick<SignalResultInput, 'status' | 'risk_reward'>): number | null {
  if (signal.status === 'tp1') return 1;
  if (signal.status === 'tp2') return 2;
  if (signal.status === 'tp3') return signal.risk_reward;
  return null;
}

/** Open R: where the current price stands in R from the entry, for a signal in the market. */
export function openR(signal: SignalResultInput, price: number | null | undefined): number | null {
  if (!IN_TRADE.has(signal.status) || price == null) return null;
  return rAtPrice(signal, price);
}

export interface OutcomeStats {
  count: number;
  triggered: number;
  /** Triggered signals that reached tp1, whatever came after. */
  wins: number;
  /** Triggered signals that reached tp1 or have a final outcome. */
  decided: number;
  /** wins / decided; null when nothing is decided. */
  win_rate: number | null;
  /** Signals with an outcome_r (stopped, tp3, closed). */
  resolved: number;
  /** Mean outcome_r of the resolved signals: the expectancy per trade in R. */
  avg_r: number | null;
}

/** The spec's setup statistics over a list of signals, every event as the signals show it. */
export function outcomeStats(signals: readonly SignalResultInput[]): OutcomeStats {
  let triggered = 0;
  let wins = 0;
  let decided = 0;
  let resolved = 0;
  let total = 0;
  for (const signal of signals) {
    const outcome = FINAL_WITH_OUTCOME.has(signal.status) ? finalOutcomeR(signal) : null;
    const won = signal.tp1_at != null;
    if (signal.triggered_at != null) {
      triggered += 1;
      if (won) wins += 1;
      if (won || outcome != null) decided += 1;
    }
    if (outcome != null) {
      resolved += 1;
      total += outcome;
    }
  }
  return {
    count: signals.length,
    triggered,
    wins,
    decided,
    win_rate: decided ? wins / decided : null,
    resolved,
    avg_r: resolved ? total / resolved : null,
  };
}

export const WIN_RATE_DEFINITION =
  'Win rate = wins / decided: triggered signals that reached tp1 (whatever came after), over triggered signals that reached tp1 or ended (stopped, tp3, closed).';
export const AVG_R_DEFINITION =
  'Average R = the mean outcome in R of the resolved signals (stopped, tp3, closed): the expectancy per trade. Open, expired and cancelled signals are not counted.';

function percent(rate: number): string {
  return `${Math.round(rate * 100)} %`;
}

function signedR(value: number): string {
  const sign = value > 0 ? '+' : value < 0 ? '−' : '';
  return `${sign}${Math.abs(value).toFixed(2)} R`;
}

/** "58 % win rate (tp1 reached / decided, n = 24)". */
export function winRateText(stats: Pick<OutcomeStats, 'win_rate' | 'decided'>): string {
  if (stats.win_rate == null) return 'No win rate yet (no decided signal, n = 0)';
  return `${percent(stats.win_rate)} win rate (tp1 reached / decided, n = ${stats.decided})`;
}

/** "avg −1.00 R per resolved signal (n = 3)". */
export function avgRText(stats: Pick<OutcomeStats, 'avg_r' | 'resolved'>): string {
  if (stats.avg_r == null) return 'No average R yet (no resolved signal, n = 0)';
  return `avg ${signedR(stats.avg_r)} per resolved signal (n = ${stats.resolved})`;
}
