import { describe, expect, it } from 'vitest';
import {
  avgRText,
  finalOutcomeR,
  openR,
  outcomeStats,
  rAtPrice,
  reachedR,
  realisedR,
  riskOf,
  type SignalResultInput,
  winRateText,
} from './outcomes';

// A long at 100 with the stop at 98 (R = 2): tp1 102, tp2 104, tp3 106 (default_rr 3).
function long(overrides: Partial<SignalResultInput> = {}): SignalResultInput {
  return {
    direction: 'long',
    entry: 100,
    stop_loss: 98,
    risk_reward: 3,
    move_stop_to_entry_after_tp1: true,
    status: 'pending',
    outcome_r: null,
    triggered_at: null,
    tp1_at: null,
    ...overrides,
  };
}

const T = 1_700_000_000_000;
const triggered = { status: 'triggered', triggered_at: T };
const atTp1 = { status: 'tp1', triggered_at: T, tp1_at: T + 60_000 };
const atTp2 = { ...atTp1, status: 'tp2' };

describe('R of a signal', () => {
  it('is |entry - stop| and signed by direction', () => {
    expect(riskOf(long())).toBe(2);
    expect(rAtPrice(long(), 103)).toBeCloseTo(1.5);
    const short = long({ direction: 'short', entry: 100, stop_loss: 102 });
    expect(rAtPrice(short, 97)).toBeCloseTo(1.5);
    expect(rAtPrice(short, 101)).toBeCloseTo(-0.5);
    expect(rAtPrice(long({ stop_loss: 100 }), 105)).toBeNull();
  });
});

describe('finalOutcomeR (spec: outcome_r)', () => {
  it('stopped before tp1 is -1', () => {
    expect(finalOutcomeR(long({ status: 'stopped', triggered_at: T }))).toBe(-1);
  });
  it('stopped after tp1 is 0 with the stop at the entry, -1 with the rule off', () => {
    expect(finalOutcomeR(long({ ...atTp1, status: 'stopped' }))).toBe(0);
    expect(finalOutcomeR(long({ ...atTp2, status: 'stopped' }))).toBe(0);
    expect(finalOutcomeR(long({ ...atTp1, status: 'stopped', move_stop_to_entry_after_tp1: false }))).toBe(-1);
  });
  it('tp3 is +default_rr', () => {
    expect(finalOutcomeR(long({ ...atTp1, status: 'tp3' }))).toBe(3);
    expect(finalOutcomeR(long({ ...atTp1, status: 'tp3', risk_reward: 2.5 }))).toBe(2.5);
  });
  it('closed is (close - entry) / R signed by direction', () => {
    expect(finalOutcomeR(long({ ...triggered, status: 'closed' }), 101)).toBeCloseTo(0.5);
    expect(finalOutcomeR(long({ direction: 'short', stop_loss: 102, status: 'closed', triggered_at: T }), 101)).toBeCloseTo(-0.5);
    expect(finalOutcomeR(long({ ...triggered, status: 'closed', outcome_r: -0.25 }))).toBe(-0.25);
  });
  it('is null for expired, cancelled and open signals', () => {
    for (const status of ['expired', 'cancelled', 'pending', 'triggered', 'tp1', 'tp2']) {
      expect(finalOutcomeR(long({ status }))).toBeNull();
    }
  });
});

describe('realised R of a signal still open', () => {
  it('triggered risks the whole R', () => {
    expect(realisedR(long(triggered))).toBe(-1);
  });
  it('tp1 and tp2 secure 0 R with the stop at the entry after tp1', () => {
    expect(realisedR(long(atTp1))).toBe(0);
    expect(realisedR(long(atTp2))).toBe(0);
    expect(reachedR(long(atTp1))).toBe(1);
    expect(reachedR(long(atTp2))).toBe(2);
  });
  it('tp1 and tp2 still risk -1 R when the signal keeps its stop', () => {
    expect(realisedR(long({ ...atTp1, move_stop_to_entry_after_tp1: false }))).toBe(-1);
    expect(realisedR(long({ ...atTp2, move_stop_to_entry_after_tp1: false }))).toBe(-1);
  });
  it('pending, expired and cancelled were never in the market', () => {
    expect(realisedR(long())).toBeNull();
    expect(realisedR(long({ status: 'expired' }))).toBeNull();
    expect(realisedR(long({ status: 'cancelled' }))).toBeNull();
    expect(reachedR(long(triggered))).toBeNull();
  });
  it('final signals show their outcome', () => {
    expect(realisedR(long({ ...atTp1, status: 'tp3' }))).toBe(3);
    expect(reachedR(long({ ...atTp1, status: 'tp3' }))).toBe(3);
  });
});

describe('open R from the current price', () => {
  it('is the price in R from the entry while in the market', () => {
    expect(openR(long(triggered), 99)).toBeCloseTo(-0.5);
    expect(openR(long(atTp2), 105)).toBeCloseTo(2.5);
  });
  it('is null before the trigger, after the end or without a price', () => {
    expect(openR(long(), 105)).toBeNull();
    expect(openR(long({ ...atTp1, status: 'tp3' }), 105)).toBeNull();
    expect(openR(long(triggered), null)).toBeNull();
  });
});

describe('outcomeStats (spec: setup statistics)', () => {
  const signals = [
    long(), // pending: counted, not triggered
    long({ status: 'expired' }), // never triggered
    long(triggered), // open, undecided
    long(atTp1), // open at tp1: a win, decided, not resolved
    long({ ...atTp2, status: 'stopped' }), // win, resolved at 0
    long({ status: 'stopped', triggered_at: T }), // loss, resolved at -1
    long({ ...atTp1, status: 'tp3' }), // win, resolved at +3
    long({ ...triggered, status: 'closed', outcome_r: -0.5 }), // decided, resolved at -0.5
  ];
  it('counts wins (tp1 whatever came after) over decided, and avg R over resolved', () => {
    const stats = outcomeStats(signals);
    expect(stats).toMatchObject({ count: 8, triggered: 6, wins: 3, decided: 5, resolved: 4 });
    expect(stats.win_rate).toBeCloseTo(3 / 5);
    expect(stats.avg_r).toBeCloseTo((0 - 1 + 3 - 0.5) / 4);
  });
  it('is null where the denominator is 0', () => {
    const stats = outcomeStats([long(), long(triggered)]);
    expect(stats.win_rate).toBeNull();
    expect(stats.avg_r).toBeNull();
  });
  it('labels each number with its definition and n', () => {
    expect(winRateText({ win_rate: 0.6, decided: 5 })).toBe('60 % win rate (tp1 reached / decided, n = 5)');
    expect(avgRText({ avg_r: -1, resolved: 3 })).toBe('avg −1.00 R per resolved signal (n = 3)');
    expect(winRateText({ win_rate: null, decided: 0 })).toContain('n = 0');
  });
});
