import { describe, expect, it } from 'vitest';
import {
  boolParam,
  briefValue,
  changedKeys,
  chartTop,
  compactNumber,
  coveragePct,
  coverageTone,
  daysUntil,
  formatDuration,
  formatMoney,
  formatRate,
  intParam,
  localInputToIso,
  niceMax,
  scale,
  settingText,
  settingValue,
  splitList,
  valueAxis,
} from './admin';

describe('filter parameters', () => {
  it('reads booleans and leaves anything else as any', () => {
    expect(boolParam('true')).toBe(true);
    expect(boolParam('false')).toBe(false);
    expect(boolParam('')).toBeUndefined();
    expect(boolParam('yes')).toBeUndefined();
  });

  it('reads positive integers only', () => {
    expect(intParam('42')).toBe(42);
    expect(intParam('0')).toBeUndefined();
    expect(intParam('-3')).toBeUndefined();
    expect(intParam('4.5')).toBeUndefined();
    expect(intParam('')).toBeUndefined();
  });
});

describe('formatters', () => {
  it('formats durations from milliseconds to hours', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(1234)).toBe('1.2 s');
    expect(formatDuration(42_000)).toBe('42 s');
    expect(formatDuration(185_000)).toBe('3 min 5 s');
    expect(formatDuration(120_000)).toBe('2 min');
    expect(formatDuration(7_440_000)).toBe('2 h 4 min');
    expect(formatDuration(3_600_000)).toBe('1 h');
  });

  it('formats rates without false precision at the ends', () => {
    expect(formatRate(null)).toBe('—');
    expect(formatRate(1)).toBe('100 %');
    expect(formatRate(0)).toBe('0 %');
    expect(formatRate(0.9534)).toBe('95.3 %');
  });

  it('formats decimal strings as dollars', () => {
    expect(formatMoney('1234.5')).toBe('$1,234.50');
    expect(formatMoney('0')).toBe('$0.00');
    expect(formatMoney('abc')).toBe('—');
    expect(formatMoney('12', 'EUR')).toBe('12.00 EUR');
  });

  it('shows audit values briefly', () => {
    expect(briefValue(null)).toBe('—');
    expect(briefValue('pro')).toBe('pro');
    expect(briefValue(true)).toBe('true');
    expect(briefValue(['1h', '4h'])).toBe('["1h","4h"]');
    expect(changedKeys({ a: 1, b: 2 }, { b: 3, c: 4 })).toEqual(['a', 'b', 'c']);
    expect(changedKeys(null, null)).toEqual([]);
  });

  it('counts days until a time', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(daysUntil('2026-01-31T00:00:00Z', now)).toBe(30);
    expect(daysUntil('2025-12-30T00:00:00Z', now)).toBe(-2);
    expect(daysUntil(null, now)).toBeNull();
  });
});

describe('chart scaling', () => {
  it('rounds the axis up to 1, 2 or 5 times a power of ten', () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(-4)).toBe(1);
    expect(niceMax(1)).toBe(1);
    expect(niceMax(7)).toBe(10);
    expect(niceMax(13)).toBe(20);
    expect(niceMax(20)).toBe(20);
    expect(niceMax(21)).toBe(50);
    expect(niceMax(480)).toBe(500);
    expect(niceMax(0.3)).toBe(0.5);
    expect(niceMax(0.1 + 0.2)).toBe(0.5);
    expect(niceMax(0.2)).toBe(0.2);
  });

  it('builds a value axis of round steps, whole ones for counts', () => {
    expect(valueAxis(20, 4)).toEqual({ max: 20, ticks: [0, 5, 10, 15, 20] });
    expect(valueAxis(1, 4)).toEqual({ max: 1, ticks: [0, 1] });
    expect(valueAxis(3, 4)).toEqual({ max: 3, ticks: [0, 1, 2, 3] });
    expect(valueAxis(7, 4)).toEqual({ max: 8, ticks: [0, 2, 4, 6, 8] });
    expect(valueAxis(480, 4)).toEqual({ max: 500, ticks: [0, 100, 200, 300, 400, 500] });
    expect(valueAxis(0, 4)).toEqual({ max: 1, ticks: [0, 1] });
    expect(valueAxis(Number.NaN, 4)).toEqual({ max: 1, ticks: [0, 1] });
  });

  it('allows fractional steps for amounts', () => {
    expect(valueAxis(0.3, 3, false)).toEqual({ max: 0.3, ticks: [0, 0.1, 0.2, 0.3] });
    expect(valueAxis(38, 4, false)).toEqual({ max: 40, ticks: [0, 10, 20, 30, 40] });
  });

  it('tops a grouped chart at its largest bar and a stacked one at its largest column', () => {
    const series = [
      { name: 'sent', values: [3, 8, 1] },
      { name: 'failed', values: [4, 3] },
    ];
    expect(chartTop(series, false)).toBe(8);
    expect(chartTop(series, true)).toBe(11);
    expect(chartTop([], true)).toBe(0);
    expect(chartTop([{ name: 'x', values: [-5] }], false)).toBe(0);
  });

  it('scales values to pixels, never negative or past the top', () => {
    expect(scale(5, 10, 100)).toBe(50);
    expect(scale(-1, 10, 100)).toBe(0);
    expect(scale(12, 10, 100)).toBe(100);
    expect(scale(3, 0, 100)).toBe(0);
  });

  it('labels axes compactly', () => {
    expect(compactNumber(950)).toBe('950');
    expect(compactNumber(1200)).toBe('1.2k');
    expect(compactNumber(35_000)).toBe('35k');
    expect(compactNumber(1_500_000)).toBe('1.5M');
    expect(compactNumber(0.25)).toBe('0.3');
  });
});

describe('coverage', () => {
  it('clamps to a whole percentage and picks a tone', () => {
    expect(coveragePct(0.996)).toBe(100);
    expect(coveragePct(1.3)).toBe(100);
    expect(coveragePct(0.5)).toBe(50);
    expect(coveragePct(null)).toBeNull();
    expect(coverageTone(100)).toBe('bull');
    expect(coverageTone(95)).toBe('warn');
    expect(coverageTone(50)).toBe('bear');
    expect(coverageTone(null)).toBe('muted');
  });
});

describe('settings input', () => {
  it('shows values as text', () => {
    expect(settingText('list', ['1h', '4h'])).toBe('1h, 4h');
    expect(settingText('int', 2)).toBe('2');
    expect(settingText('bool', false)).toBe('false');
    expect(settingText('number', null)).toBe('');
  });

  it('sends numbers as numbers and anything else as typed, so the API names the problem', () => {
    expect(settingValue('int', ' 3 ')).toBe(3);
    expect(settingValue('number', '0.5')).toBe(0.5);
    expect(settingValue('number', 'abc')).toBe('abc');
    expect(settingValue('int', '')).toBe('');
    expect(settingValue('bool', 'true')).toBe(true);
    expect(settingValue('bool', 'false')).toBe(false);
    expect(settingValue('list', '1h, 4h,,')).toEqual(['1h', '4h']);
    expect(settingValue('choice', 'DEBUG')).toBe('DEBUG');
  });
});

describe('broadcast input', () => {
  it('splits tag lists', () => {
    expect(splitList(' news, launch,,x ')).toEqual(['news', 'launch', 'x']);
    expect(splitList('')).toEqual([]);
  });

  it('turns a local date-time input into an ISO time with an offset', () => {
    expect(localInputToIso('')).toBeNull();
    expect(localInputToIso('not a date')).toBeNull();
    const iso = localInputToIso('2026-03-01T10:30');
    expect(iso).toMatch(/^2026-03-0[12]T\d{2}:30:00\.000Z$/);
    expect(Date.parse(iso ?? '')).toBe(new Date('2026-03-01T10:30').getTime());
  });
});
