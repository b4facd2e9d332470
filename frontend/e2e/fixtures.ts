/** A 50 symbols x 6 timeframes matrix (the generated GET /matrix type), to time the render at
 * full size whatever the replay market holds. */
import type { MatrixRow } from '../src/api/types';

export const TIMEFRAMES = ['1m', '5m', '15m', '1h', '4h', '1d'];

export function bigMatrix(symbolCount = 50): MatrixRow[] {
  const types = ['fvg', 'order_block', 'liquidity_sweep'] as const;
  let id = 1_000_000;
  return Array.from({ length: symbolCount }, (_, row) => ({
    symbol: `S${String(row).padStart(2, '0')}/USDT`,
    open_signal: null,
    cells: TIMEFRAMES.map((timeframe, col) => {
      const seed = (row * 31 + col * 17) % 10;
      id += 1;
      const empty = seed === 0;
      return {
        timeframe,
        pattern_id: empty ? null : id,
        type: empty ? null : (types[seed % 3] ?? 'fvg'),
        direction: empty ? null : seed % 2 ? 'bullish' : 'bearish',
        strength: empty ? null : seed / 10,
        zone_low: empty ? null : 100 + row,
        zone_high: empty ? null : 101 + row,
        bullish: seed % 3,
        bearish: (seed + 1) % 2,
      };
    }),
  }));
}
