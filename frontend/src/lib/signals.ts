/** Signal helpers: status history from the status times, level rows with % and R. */

export interface SignalTimes {
  created_at: number;
  triggered_at: number | null;
  tp1_at: number | null;
  tp2_at: number | null;
  tp3_at: number | null;
  stopped_at: number | null;
  closed_at: number | null;
  expired_at: number | null;
  cancelled_at: number | null;
}

export interface HistoryEntry {
  status: string;
  at: number;
}

const ORDER: readonly [keyof SignalTimes, string][] = [
  ['created_at', 'pending'],
  ['triggered_at', 'triggered'],
  ['tp1_at', 'tp1'],
  ['tp2_at', 'tp2'],
  ['stopped_at', 'stopped'],
  ['tp3_at', 'tp3'],
  ['closed_at', 'closed'],
  ['expired_at', 'expired'],
  ['cancelled_at', 'cancelled'],
];

/** Every status the signal went through, oldest first (same-candle events keep rule order). */
export function statusHistory(signal: SignalTimes): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  for (const [field, status] of ORDER) {
    const at = signal[field];
    if (typeof at === 'number') entries.push({ status, at });
  }
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => a.entry.at - b.entry.at || a.index - b.index)
    .map(({ entry }) => entry);
}

export interface SignalLevels {
  direction: string;
  entry: number;
  stop_loss: number;
  take_profit_1: number;
  take_profit_2: number;
  take_profit_3: number;
}

export interface LevelRow {
  key: 'entry' | 'stop_loss' | 'take_profit_1' | 'take_profit_2' | 'take_profit_3';
  label: string;
  price: number;
  /** Signed % from the entry (negative below). */
  pct: number;
  /** Distance in R (risk = |entry - stop|), signed in the trade's favour. */
  r: number;
}

export function isLong(direction: string): boolean {
  return direction === 'long' || direction === 'bullish';
}

export function levelRows(signal: SignalLevels): LevelRow[] {
  const risk = Math.abs(signal.entry - signal.stop_loss);
  const sign = isLong(signal.direction) ? 1 : -1;
  const row = (key: LevelRow['key'], label: string): LevelRow => {
    const price = signal[key];
    return {
      key,
      label,
      price,
      pct: signal.entry ? ((price - signal.entry) / signal.entry) * 100 : 0,
      r: risk ? ((price - signal.entry) * sign) / risk : 0,
    };
  };
  return [
    row('take_profit_3', 'TP3'),
    row('take_profit_2', 'TP2'),
    row('take_profit_1', 'TP1'),
    row('entry', 'Entry'),
    row('stop_loss', 'Stop-loss'),
  ];
}

export const OPEN_STATUSES = new Set(['pending', 'triggered', 'tp1', 'tp2']);
