import { describe, expect, it } from 'vitest';
import {
  DAY_MS,
  earliestStartOf,
  equitySeries,
  exitTime,
  formatRate,
  formatRatio,
  formFromLive,
  histogram,
  MINUTE_MS,
  msFromUtcInput,
  overrides,
  type ParameterSpec,
  parameterProblems,
  progressText,
  rangeProblems,
  setupLabel,
  totalMinutes,
  utcInputValue,
} from './rules';

const T = Date.UTC(2026, 0, 15, 9, 30);

describe('UTC inputs', () => {
  it('writes and reads a datetime-local value in UTC, whatever the browser zone', () => {
    expect(utcInputValue(T)).toBe('2026-01-15T09:30');
    expect(msFromUtcInput('2026-01-15T09:30')).toBe(T);
    expect(msFromUtcInput(utcInputValue(T + 59 * MINUTE_MS))).toBe(T + 59 * MINUTE_MS);
  });

  it('refuses what is not a time', () => {
    expect(msFromUtcInput('')).toBeNull();
    expect(msFromUtcInput('2026-02-30T10:00')).toBeNull();
    expect(msFromUtcInput('15.01.2026 09:30')).toBeNull();
  });
});

describe('rangeProblems', () => {
  const now = T + 10 * DAY_MS;
  it('accepts 1 to 90 days ending by the last closed minute', () => {
    expect(rangeProblems(T, T + DAY_MS, now)).toEqual({});
    expect(rangeProblems(now - 90 * DAY_MS, now, now + 30_000)).toEqual({});
  });

  it('names the field and the rule', () => {
    expect(rangeProblems(T, T + DAY_MS - MINUTE_MS, now).end).toMatch(/at least 1 day/);
    expect(rangeProblems(T - 81 * DAY_MS, T + 10 * DAY_MS, now).end).toMatch(/at most 90 days/);
    expect(rangeProblems(T, now + MINUTE_MS, now).end).toMatch(/last closed minute/);
    expect(rangeProblems(T + 1_000, T + 2 * DAY_MS, now).start).toBe('a whole minute');
    expect(rangeProblems(null, null, now)).toEqual({
      start: expect.stringMatching(/required/),
      end: expect.stringMatching(/required/),
    });
  });
});

describe('earliestStartOf', () => {
  it("reads the earliest start from the server's insufficient_history message", () => {
    expect(earliestStartOf('body.start: the stored 1m history allows a start from 1767225600000 (2026-01-01T00:00:00+00:00) on')).toBe(
      1767225600000,
    );
    expect(earliestStartOf('body.start: no stored 1m candles for this symbol')).toBeNull();
  });
});

describe('progress', () => {
  it('counts the 14-day warm-up among the minutes replayed', () => {
    expect(totalMinutes(T, T + DAY_MS)).toBe(15 * 24 * 60);
    expect(progressText({ start: T, end: T + DAY_MS, minutes_replayed: 10_800 })).toBe('10,800 of 21,600 minutes replayed');
    expect(progressText({ start: T, end: T + DAY_MS, minutes_replayed: null })).toBe('0 of 21,600 minutes replayed');
  });
});

describe('figures', () => {
  it('formats rates, ratios and setups', () => {
    expect(formatRate(0.5416)).toBe('54.2 %');
    expect(formatRate(null)).toBe('—');
    expect(formatRatio(1.849)).toBe('1.85');
    expect(formatRatio(null)).toBe('—');
    expect(setupLabel('fvg', '15m')).toBe('FVG 15m');
    expect(setupLabel('liquidity_sweep', '1h')).toBe('liquidity sweep 1h');
  });
});

describe('histogram', () => {
  it('buckets outcomes 0.5 R wide, edges counting in the bucket they start', () => {
    expect(histogram([-1, -1, 0, 0.4, 0.5, 3])).toEqual([
      { from: -1, to: -0.5, count: 2 },
      { from: -0.5, to: 0, count: 0 },
      { from: 0, to: 0.5, count: 2 },
      { from: 0.5, to: 1, count: 1 },
      { from: 1, to: 1.5, count: 0 },
      { from: 1.5, to: 2, count: 0 },
      { from: 2, to: 2.5, count: 0 },
      { from: 2.5, to: 3, count: 0 },
      { from: 3, to: 3.5, count: 1 },
    ]);
  });

  it('is empty without outcomes and tolerates float edges', () => {
    expect(histogram([])).toEqual([]);
    expect(histogram([0.3], 0.1)).toEqual([{ from: 0.3, to: 0.4, count: 1 }]);
    expect(histogram([Number.NaN, -0.25])).toEqual([{ from: -0.5, to: 0, count: 1 }]);
  });
});

describe('equitySeries', () => {
  it('keeps one point per second, the last cumulative value', () => {
    const points = [
      { time: 1_000_000, cumulative_r: 0 },
      { time: 2_000_000, cumulative_r: 3 },
      { time: 2_000_400, cumulative_r: 2 },
      { time: 3_000_000, cumulative_r: 1 },
    ];
    expect(equitySeries(points)).toEqual([
      { time: 1000, value: 0 },
      { time: 2000, value: 2 },
      { time: 3000, value: 1 },
    ]);
  });
});

describe('exitTime', () => {
  const none = { stopped_at: null, tp3_at: null, closed_at: null, expired_at: null, cancelled_at: null };
  it('is the final status time', () => {
    expect(exitTime({ ...none, stopped_at: 5 })).toBe(5);
    expect(exitTime({ ...none, closed_at: 7 })).toBe(7);
    expect(exitTime(none)).toBeNull();
  });
});

const SPECS: Record<string, ParameterSpec> = {
  min_confluence: { value: 2, type: 'int', min: 1, max: 3, min_exclusive: false, choices: null },
  require_htf: { value: true, type: 'bool', min: null, max: null, min_exclusive: false, choices: null },
  confluence_timeframes: {
    value: ['4h', '1h', '15m'],
    type: 'list',
    min: 1,
    max: 5,
    min_exclusive: false,
    choices: ['1d', '4h', '1h', '15m', '5m'],
  },
  default_rr: { value: 3, type: 'number', min: 2, max: 10, min_exclusive: true, choices: null },
};

describe('parameters', () => {
  it('start from the live values and send only the changed ones', () => {
    const form = formFromLive(SPECS);
    expect(form).toEqual({ min_confluence: '2', require_htf: true, confluence_timeframes: ['4h', '1h', '15m'], default_rr: '3' });
    expect(overrides(form, SPECS)).toEqual({});
    const changed = { ...form, default_rr: '3.0', confluence_timeframes: ['15m', '1h', '4h'], require_htf: false, min_confluence: '1' };
    expect(overrides(changed, SPECS)).toEqual({ require_htf: false, min_confluence: 1 });
  });

  it('names out-of-range values, min_confluence against the timeframes chosen', () => {
    const form = formFromLive(SPECS);
    expect(parameterProblems(form, SPECS)).toEqual({});
    expect(parameterProblems({ ...form, default_rr: '2' }, SPECS).default_rr).toBe('must be greater than 2');
    expect(parameterProblems({ ...form, default_rr: 'x' }, SPECS).default_rr).toMatch(/a number/);
    expect(parameterProblems({ ...form, min_confluence: '1.5' }, SPECS).min_confluence).toBe('a whole number');
    expect(parameterProblems({ ...form, confluence_timeframes: [] }, SPECS).confluence_timeframes).toBe('choose at least one');
    // More timeframes than live make a larger minimum possible.
    expect(parameterProblems({ ...form, min_confluence: '4', confluence_timeframes: ['1d', '4h', '1h', '15m'] }, SPECS)).toEqual({});
    expect(parameterProblems({ ...form, min_confluence: '3', confluence_timeframes: ['4h', '1h'] }, SPECS).min_confluence).toMatch(
      /at most the 2 confluence timeframes/,
    );
  });
});
