/** A 50 symbols x 6 timeframes matrix, to time the render at full size whatever the replay
 * market holds (served to the page in place of GET /matrix). */
import type { MatrixOut } from '../src/api/pending';

export const TIMEFRAMES = ['1m', '5m', '15m', '1h', '4h', '1d'];

export function bigMatrix(symbolCount = 50): MatrixOut {
  const now = Date.now();
  const types = ['fvg', 'order_block', 'liquidity_sweep'] as const;
  let id = 1_000_000;
  return {
    timeframes: TIMEFRAMES,
    rows: Array.from({ length: symbolCount }, (_, row) => ({
      symbol: `S${String(row).padStart(2, '0')}/USDT`,
      signal: row % 7 === 0 ? { id: 900_000 + row, direction: row % 2 ? 'short' : 'long', status: 'pending' } : null,
      cells: TIMEFRAMES.map((timeframe, col) => {
        const seed = (row * 31 + col * 17) % 10;
        id += 1;
        return {
          timeframe,
          bullish: seed % 3,
          bearish: (seed + 1) % 2,
          pattern:
            seed === 0
              ? null
              : {
                  id,
                  type: types[seed % 3] ?? 'fvg',
                  direction: seed % 2 ? 'bullish' : 'bearish',
                  strength: seed / 10,
                  zone_low: 100 + row,
                  zone_high: 101 + row,
                  formed_at: now - col * 60_000,
                },
        };
      }),
    })),
  };
}
