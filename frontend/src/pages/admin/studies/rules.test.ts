import { describe, expect, it } from 'vitest';
import { DAY_MS, type ParameterSpec } from '../../backtests/rules';
import { chosenOptions, combinationCount, parseGridValues, settingsDiff, sizeProblem, windowCount } from './rules';

const INT: ParameterSpec = { value: 2, type: 'int', min: 1, max: 3, min_exclusive: false, choices: null };
const RR: ParameterSpec = { value: 3, type: 'number', min: 2, max: 10, min_exclusive: true, choices: null };
const BOOL: ParameterSpec = { value: true, type: 'bool', min: null, max: null, min_exclusive: false, choices: null };
const LIST: ParameterSpec = { value: ['4h', '1h'], type: 'list', min: 1, max: 3, min_exclusive: false, choices: ['4h', '1h', '15m'] };

describe('parseGridValues', () => {
  it('reads numbers, booleans and lists of timeframes', () => {
    expect(parseGridValues('1, 2,3', INT)).toEqual({ values: [1, 2, 3], problem: null });
    expect(parseGridValues('2.5, 4', RR)).toEqual({ values: [2.5, 4], problem: null });
    expect(parseGridValues('true,false', BOOL)).toEqual({ values: [true, false], problem: null });
    expect(parseGridValues('4h,1h; 4h,1h,15m', LIST)).toEqual({
      values: [
        ['4h', '1h'],
        ['4h', '1h', '15m'],
      ],
      problem: null,
    });
  });

  it('names the wrong value', () => {
    expect(parseGridValues('', INT).problem).toBe('enter at least one value');
    expect(parseGridValues('2, 1.5', INT).problem).toBe('1.5: a whole number');
    expect(parseGridValues('2', RR).problem).toBe('2 must be greater than 2');
    expect(parseGridValues('11', { ...RR, max: 10 }).problem).toBe('11 must be at most 10');
    expect(parseGridValues('yes', BOOL).problem).toBe('yes: true or false');
    expect(parseGridValues('4h,2h', LIST).problem).toMatch(/^2h: not one of/);
    expect(parseGridValues('2, 2', INT).problem).toBe('a value is given twice');
    expect(parseGridValues('4h,1h; 1h,4h', LIST).problem).toBe('a value is given twice');
    expect(parseGridValues('1,2,3,4,5,6,7,8,9,10,11', { ...INT, max: 20 }).problem).toBe('at most 10 values');
  });
});

describe('counts', () => {
  it('multiplies the values of each tunable', () => {
    expect(combinationCount({})).toBe(0);
    expect(combinationCount({ a: [1, 2, 3] })).toBe(3);
    expect(combinationCount({ a: [1, 2, 3], b: [true, false], c: [1, 2, 3, 4] })).toBe(24);
  });

  it('counts the windows whose test ends by the end', () => {
    const start = Date.UTC(2026, 0, 1);
    expect(windowCount(start, start + 74 * DAY_MS, 60, 14)).toBe(1);
    expect(windowCount(start, start + 73 * DAY_MS, 60, 14)).toBe(0);
    expect(windowCount(start, start + 101 * DAY_MS, 60, 14)).toBe(2);
    expect(windowCount(start, start + 102 * DAY_MS, 60, 14)).toBe(3);
  });

  it('says what the server would refuse', () => {
    expect(sizeProblem(1, 2, 4)).toBeNull();
    expect(sizeProblem(0, 2, 4)).toMatch(/1 to 5 symbols/);
    expect(sizeProblem(6, 2, 4)).toMatch(/at most 5 symbols/);
    expect(sizeProblem(1, 2, 0)).toMatch(/vary at least one/);
    expect(sizeProblem(1, 2, 101)).toMatch(/at most 100/);
    expect(sizeProblem(1, 0, 4)).toMatch(/no window/);
    expect(sizeProblem(1, 13, 4)).toMatch(/at most 12/);
    expect(sizeProblem(5, 12, 40)).toMatch(/2400: at most 2000/);
  });
});

describe('chosenOptions', () => {
  it('groups alike choices, the most recent window first', () => {
    const options = chosenOptions([
      { chosen_values: { min_confluence: 2 }, test_end: 10 },
      { chosen_values: null, test_end: 20 },
      { chosen_values: { min_confluence: 3 }, test_end: 30 },
      { chosen_values: { min_confluence: 2 }, test_end: 20 },
    ]);
    expect(options).toEqual([
      { values: { min_confluence: 3 }, windows: 1, latest: 30 },
      { values: { min_confluence: 2 }, windows: 2, latest: 20 },
    ]);
    expect(chosenOptions([])).toEqual([]);
  });
});

describe('settingsDiff', () => {
  const live = { min_confluence: 2, confluence_timeframes: ['4h', '1h'], default_rr: 3, require_htf: true };

  it('lists only the values that change', () => {
    expect(settingsDiff(live, { default_rr: 3.0, require_htf: false, confluence_timeframes: ['1h', '4h'] })).toEqual([
      { key: 'require_htf', from: true, to: false },
    ]);
  });

  it('orders the timeframes so that min_confluence stays in range', () => {
    const more = settingsDiff(live, { min_confluence: 3, confluence_timeframes: ['4h', '1h', '15m'] });
    expect(more.map((change) => change.key)).toEqual(['confluence_timeframes', 'min_confluence']);
    const fewer = settingsDiff(
      { ...live, confluence_timeframes: ['4h', '1h', '15m'], min_confluence: 3 },
      { min_confluence: 1, confluence_timeframes: ['4h'] },
    );
    expect(fewer.map((change) => change.key)).toEqual(['min_confluence', 'confluence_timeframes']);
  });
});
