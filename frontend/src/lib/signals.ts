/** Signal helpers: level rows with % from entry and R. */

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
