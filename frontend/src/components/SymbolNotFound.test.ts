import { describe, expect, it } from 'vitest';
import { symbolVerdict } from './SymbolNotFound';

describe('symbol page verdict', () => {
  const active = ['BTC/USDT', 'ETH/USDT', 'SOL/USDT'];

  it('shows what the tier lists', () => {
    expect(symbolVerdict('BTC/USDT', ['BTC/USDT'], null, 'fixed')).toBe('shown');
  });

  it('calls a malformed or inactive symbol unknown, whatever the tier', () => {
    expect(symbolVerdict('DOGE', ['BTC/USDT'], active, 'fixed')).toBe('unknown');
    expect(symbolVerdict('DOGE/USDT', ['BTC/USDT', 'ETH/USDT'], active, 'watchlist')).toBe('unknown');
    expect(symbolVerdict('DOGE/USDT', active, null, 'all')).toBe('unknown');
  });

  it('calls an active symbol the tier does not show not followed', () => {
    expect(symbolVerdict('ETH/USDT', ['BTC/USDT'], active, 'fixed')).toBe('not-followed');
    expect(symbolVerdict('SOL/USDT', ['ETH/USDT'], active, 'watchlist')).toBe('not-followed');
  });
});
