import type { SignalLevels } from '../lib/signals';
import type { PriceLineSpec } from './CandleChart';

/** Entry, stop and targets as chart lines. */
export function signalLines(signal: SignalLevels): PriceLineSpec[] {
  return [
    { price: signal.entry, title: 'Entry', kind: 'entry' },
    { price: signal.stop_loss, title: 'SL', kind: 'stop' },
    { price: signal.take_profit_1, title: 'TP1', kind: 'target' },
    { price: signal.take_profit_2, title: 'TP2', kind: 'target' },
    { price: signal.take_profit_3, title: 'TP3', kind: 'target' },
  ];
}
