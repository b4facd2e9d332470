import { describe, expect, it } from 'vitest';
import { scopeText } from './statsScope';

describe('scopeText', () => {
  it('names a free user’s symbol, types and age', () => {
    expect(scopeText({ symbols: ['BTC/USDT'], pattern_types: ['fvg'], pattern_history_hours: 24 })).toBe(
      'BTC/USDT · FVG patterns of the last 24 h',
    );
  });
  it('lists a watchlist and says "all" for premium', () => {
    expect(
      scopeText({
        symbols: ['ETH/USDT', 'SOL/USDT'],
        pattern_types: ['fvg', 'order_block', 'liquidity_sweep'],
        pattern_history_hours: null,
      }),
    ).toBe('ETH/USDT and SOL/USDT · all pattern types');
    expect(scopeText({ symbols: null, pattern_types: ['fvg', 'order_block', 'liquidity_sweep'], pattern_history_hours: null })).toBe(
      'all symbols · all pattern types',
    );
  });
});
