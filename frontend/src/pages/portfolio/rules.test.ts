import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors';
import {
  actionErrorText,
  canAddPortfolio,
  closeProblems,
  decimalProblem,
  entryLabel,
  entryProblem,
  hasProblems,
  isoFromLocalInput,
  journalUnlocked,
  levelProblems,
  NEW_PORTFOLIO,
  NEW_TRADE,
  normaliseSymbol,
  openProblems,
  portfolioProblems,
  type TradeForm,
  tagProblems,
  tradeProblems,
  tradeQueryOf,
} from './rules';

const NOW = Date.parse('2026-12-05T12:00:00Z');
const limits = (portfolios: number | null) => ({ portfolios }) as never;

describe('who keeps portfolios', () => {
  it('pro and premium do, free does not, admins always', () => {
    expect(journalUnlocked({ is_admin: false, limits: limits(0) })).toBe(false);
    expect(journalUnlocked({ is_admin: false, limits: limits(1) })).toBe(true);
    expect(journalUnlocked({ is_admin: false, limits: limits(null) })).toBe(true);
    expect(journalUnlocked({ is_admin: true, limits: limits(0) })).toBe(true);
  });

  it('counts against the tier limit', () => {
    expect(canAddPortfolio({ is_admin: false, limits: limits(1) }, 0)).toBe(true);
    expect(canAddPortfolio({ is_admin: false, limits: limits(1) }, 1)).toBe(false);
    expect(canAddPortfolio({ is_admin: false, limits: limits(null) }, 40)).toBe(true);
  });
});

describe('typed decimals', () => {
  it('refuses what is not a plain positive number, too many decimals, or out of bounds', () => {
    const price = { above: '0', atMost: '1000000000' };
    expect(decimalProblem('101.25', price)).toBeNull();
    expect(decimalProblem(' 101.25 ', price)).toBeNull();
    expect(decimalProblem('1,5', price)).toBe('a plain number, like 101.25');
    expect(decimalProblem('-1', price)).toBe('a plain number, like 101.25');
    expect(decimalProblem('1e3', price)).toBe('a plain number, like 101.25');
    expect(decimalProblem('0', price)).toBe('must be greater than 0');
    expect(decimalProblem('0.0000000000001', price)).toBe('at most 12 decimals');
    expect(decimalProblem('1000000000.000000000001', price)).toBe('must be at most 1,000,000,000');
    expect(decimalProblem('0', { atLeast: '0', atMost: '1' })).toBeNull();
  });
});

describe('portfolio form', () => {
  it('accepts the defaults with a name', () => {
    expect(hasProblems(portfolioProblems({ ...NEW_PORTFOLIO, name: ' Swing ' }))).toBe(false);
  });

  it('names each wrong field', () => {
    expect(portfolioProblems({ name: '   ', description: 'x'.repeat(501), currency: 'usdt', initialBalance: '0.001' })).toEqual({
      name: 'a name is required',
      description: 'at most 500 characters',
      currency: '2 to 10 capital letters or digits, like USDT',
      initialBalance: 'must be at least 0.01',
    });
    expect(portfolioProblems({ ...NEW_PORTFOLIO, name: 'x'.repeat(101) }).name).toBe('at most 100 characters');
  });
});

describe('trade form', () => {
  const long: TradeForm = { ...NEW_TRADE, symbol: 'btc-usdt', entryPrice: '100', quantity: '2', stopLoss: '95', takeProfit: '110' };

  it('accepts a long with stop < entry < target and a short the other way', () => {
    expect(hasProblems(tradeProblems(long, NOW))).toBe(false);
    const short = { ...long, direction: 'short' as const, stopLoss: '105', takeProfit: '90' };
    expect(hasProblems(tradeProblems(short, NOW))).toBe(false);
  });

  it("says which level is on the wrong side, in the server's words", () => {
    expect(levelProblems('long', '100', '100', '99')).toEqual({
      stopLoss: "a long trade's stop must be below the entry",
      takeProfit: "a long trade's target must be above the entry",
    });
    expect(levelProblems('short', '50', '49', '51')).toEqual({
      stopLoss: "a short trade's stop must be above the entry",
      takeProfit: "a short trade's target must be below the entry",
    });
    // Exact: a stop a trillionth under the entry is below it.
    expect(levelProblems('long', '100', '99.999999999999', '')).toEqual({});
  });

  it('needs a quantity to open now, not for a plan', () => {
    expect(tradeProblems({ ...long, quantity: '' }, NOW).quantity).toBe('required once the trade is open');
    expect(tradeProblems({ ...long, quantity: '', status: 'pending' }, NOW).quantity).toBeUndefined();
  });

  it('reports a malformed level as such rather than comparing it', () => {
    const problems = tradeProblems({ ...long, stopLoss: 'abc' }, NOW);
    expect(problems.stopLoss).toBe('a plain number, like 101.25');
  });

  it('refuses bad symbols, negative fees and entry times over a minute ahead', () => {
    const ahead = new Date(NOW + 5 * 60_000);
    const local = `${ahead.getFullYear()}-${String(ahead.getMonth() + 1).padStart(2, '0')}-${String(ahead.getDate()).padStart(2, '0')}T${String(ahead.getHours()).padStart(2, '0')}:${String(ahead.getMinutes()).padStart(2, '0')}`;
    const problems = tradeProblems({ ...long, symbol: 'BTCUSDT', fees: '-1', entryTime: local }, NOW);
    expect(problems.symbol).toBe('BASE/QUOTE, like BTC/USDT');
    expect(problems.fees).toBe('a plain number, like 101.25');
    expect(problems.entryTime).toBe('at most 1 minute ahead');
  });

  it('normalises symbols and local times', () => {
    expect(normaliseSymbol(' eth-usdt ')).toBe('ETH/USDT');
    expect(isoFromLocalInput('')).toBeNull();
    expect(isoFromLocalInput('nonsense')).toBeNull();
    expect(isoFromLocalInput('2026-01-02T03:04')).toBe(new Date('2026-01-02T03:04').toISOString());
  });
});

describe('open and close forms', () => {
  it('needs a quantity by the time a plan opens', () => {
    expect(openProblems({ entryPrice: '', quantity: '', fees: '' }, false)).toEqual({ quantity: 'required once the trade is open' });
    expect(openProblems({ entryPrice: '', quantity: '', fees: '' }, true)).toEqual({});
    expect(openProblems({ entryPrice: '0', quantity: '2', fees: '-1' }, false)).toEqual({
      entryPrice: 'must be greater than 0',
      fees: 'a plain number, like 101.25',
    });
  });

  it('needs a price unless closing at market', () => {
    expect(closeProblems({ atMarket: false, exitPrice: '', fees: '' })).toEqual({ exitPrice: 'a plain number, like 101.25' });
    expect(closeProblems({ atMarket: true, exitPrice: '', fees: '' })).toEqual({});
  });
});

describe('trade filters', () => {
  it('sends known values only', () => {
    expect(tradeQueryOf({ status: 'open', symbol: 'btc-usdt', direction: 'short' })).toEqual({
      status: 'open',
      symbol: 'BTC/USDT',
      direction: 'short',
    });
    expect(tradeQueryOf({ status: 'won', symbol: '', direction: 'up' })).toEqual({});
    expect(tradeQueryOf({ status: '', symbol: '', direction: '', tag: '7' })).toEqual({ tag: 7 });
    expect(tradeQueryOf({ status: '', symbol: '', direction: '', tag: 'x' })).toEqual({});
  });
});

describe('refusals in words', () => {
  const refusal = (message: string, code: string, status = 409) => new ApiError(message, status, code, null);

  it('explains a state conflict and what the state allows', () => {
    expect(actionErrorText(refusal('Conflict: cannot close a pending trade', 'invalid_transition'))).toBe(
      "Not possible in this trade's state (cannot close a pending trade). A pending trade can be opened or cancelled, an open one closed; closed and cancelled trades are final.",
    );
  });

  it('suggests a price when the market price is stale', () => {
    expect(actionErrorText(refusal('Conflict: the newest 1m candle closed over 5 minutes ago', 'price_unavailable'))).toBe(
      'No recent market price to close at (the newest 1m candle closed over 5 minutes ago). Close at a price instead.',
    );
  });

  it('keeps any other message as the server wrote it', () => {
    expect(actionErrorText(refusal('Validation error: body.symbol: XYZ/USDT is not a stored symbol', 'unknown_symbol', 422))).toBe(
      'Validation error: body.symbol: XYZ/USDT is not a stored symbol',
    );
    expect(actionErrorText(new Error('boom'))).toBe('boom');
  });
});

describe('tags and journal entries', () => {
  it('refuses tag names the server refuses, and colours that are not #RRGGBB', () => {
    expect(tagProblems({ name: ' breakout ', color: '#6366F1', description: '' })).toEqual({});
    expect(tagProblems({ name: '', color: 'red', description: 'x'.repeat(201) })).toEqual({
      name: 'a name is required',
      color: 'a colour like #6366f1',
      description: 'at most 200 characters',
    });
    expect(tagProblems({ name: 'a;b', color: '#000000', description: '' }).name).toBe('no ";" (it separates tags in the CSV export)');
    expect(tagProblems({ name: 'tab\there', color: '#000000', description: '' }).name).toBe('no control characters');
    expect(tagProblems({ name: 'x'.repeat(51), color: '#000000', description: '' }).name).toBe('at most 50 characters');
  });

  it('wants some text in an entry, at most 10,000 characters', () => {
    expect(entryProblem('   ')).toBe('write something first');
    expect(entryProblem('x'.repeat(10_001))).toBe('at most 10,000 characters');
    expect(entryProblem('<b>kept as text</b>')).toBeNull();
  });

  it('names entry types and moods for people', () => {
    expect(entryLabel('pre_trade')).toBe('Pre-trade');
    expect(entryLabel('post_trade')).toBe('Post-trade');
    expect(entryLabel('lesson')).toBe('Lesson');
    expect(entryLabel('fomo')).toBe('FOMO');
  });
});
