/** The parameter study pages' pure rules (../shared/spec/backtest.md "Walk-forward parameter
 * study"): a grid typed as text, its combinations and windows counted as the server counts them,
 * the values a study chose, and their difference from the live settings. */
import { DAY_MS, type ParameterSpec, sameValue } from '../../backtests/rules';

export const MAX_SYMBOLS = 5;
export const MAX_VALUES = 10;
export const MAX_COMBINATIONS = 100;
export const MAX_WINDOWS = 12;
export const MAX_REPLAY_UNITS = 2000;

export type Grid = Record<string, unknown[]>;

export interface ParsedValues {
  values: unknown[];
  problem: string | null;
}

function numberProblem(value: number, spec: ParameterSpec): string | null {
  if (spec.min !== null && (spec.min_exclusive ? value <= spec.min : value < spec.min)) {
    return `${value} must be ${spec.min_exclusive ? 'greater than' : 'at least'} ${spec.min}`;
  }
  if (spec.max !== null && value > spec.max) return `${value} must be at most ${spec.max}`;
  return null;
}

/** A tunable's values typed as text: numbers and booleans separated by commas ("2, 3"); lists
 * of timeframes separated by ";" with their items by commas ("4h,1h; 4h,1h,15m"). */
export function parseGridValues(text: string, spec: ParameterSpec): ParsedValues {
  const list = spec.type === 'list';
  const parts = text
    .split(list ? ';' : ',')
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length === 0) return { values: [], problem: 'enter at least one value' };
  if (parts.length > MAX_VALUES) return { values: [], problem: `at most ${MAX_VALUES} values` };
  const values: unknown[] = [];
  for (const part of parts) {
    if (spec.type === 'bool') {
      if (part !== 'true' && part !== 'false') return { values: [], problem: `${part}: true or false` };
      values.push(part === 'true');
    } else if (list) {
      const items = part
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);
      const unknown = items.filter((item) => !(spec.choices ?? []).includes(item));
      if (unknown.length) return { values: [], problem: `${unknown.join(', ')}: not one of ${(spec.choices ?? []).join(', ')}` };
      if (new Set(items).size !== items.length) return { values: [], problem: `${part}: names a timeframe twice` };
      values.push(items);
    } else {
      const pattern = spec.type === 'int' ? /^\d+$/ : /^\d+(\.\d+)?$/;
      if (!pattern.test(part)) return { values: [], problem: `${part}: ${spec.type === 'int' ? 'a whole number' : 'a number'}` };
      const value = Number(part);
      const problem = numberProblem(value, spec);
      if (problem) return { values: [], problem };
      values.push(value);
    }
  }
  const distinct = values.filter((value, index) => values.findIndex((other) => sameValue(other, value)) === index);
  if (distinct.length !== values.length) return { values: [], problem: 'a value is given twice' };
  return { values, problem: null };
}

/** The grid's Cartesian product size; 0 for an empty grid. */
export function combinationCount(grid: Grid): number {
  const sizes = Object.values(grid).map((values) => values.length);
  return sizes.length === 0 ? 0 : sizes.reduce((product, size) => product * size, 1);
}

/** Windows k = 0, 1, ...: train [start + k·test, + train), then test_days of test, while the
 * test ends by `end`. */
export function windowCount(start: number, end: number, trainDays: number, testDays: number): number {
  if (!(trainDays > 0 && testDays > 0) || end <= start) return 0;
  const fits = Math.floor((end - start - (trainDays + testDays) * DAY_MS) / (testDays * DAY_MS)) + 1;
  return Math.max(0, fits);
}

/** What is wrong with a study's size, as the server would say it; null when it may be sent. */
export function sizeProblem(symbols: number, windows: number, combinations: number): string | null {
  if (symbols < 1) return 'choose 1 to 5 symbols';
  if (symbols > MAX_SYMBOLS) return `at most ${MAX_SYMBOLS} symbols`;
  if (combinations < 1) return 'vary at least one tunable';
  if (combinations > MAX_COMBINATIONS) return `${combinations} combinations: at most ${MAX_COMBINATIONS}`;
  if (windows < 1) return 'the range holds no window: make it longer or the train and test days shorter';
  if (windows > MAX_WINDOWS) return `${windows} windows: at most ${MAX_WINDOWS}`;
  const units = symbols * windows * combinations;
  if (units > MAX_REPLAY_UNITS) return `symbols × windows × combinations is ${units}: at most ${MAX_REPLAY_UNITS}`;
  return null;
}

export interface ChosenOption {
  values: Record<string, unknown>;
  /** Windows that chose these values. */
  windows: number;
  /** The latest test end among them (ms). */
  latest: number;
}

/** The distinct values the windows chose, the most recent window's first (ties: more windows). */
export function chosenOptions(windows: readonly { chosen_values: Record<string, unknown> | null; test_end: number }[]): ChosenOption[] {
  const options: ChosenOption[] = [];
  for (const window of windows) {
    const values = window.chosen_values;
    if (!values) continue;
    const same = options.find((option) => sameValues(option.values, values));
    if (same) {
      same.windows += 1;
      same.latest = Math.max(same.latest, window.test_end);
    } else {
      options.push({ values, windows: 1, latest: window.test_end });
    }
  }
  return options.sort((left, right) => right.latest - left.latest || right.windows - left.windows);
}

function sameValues(left: Record<string, unknown>, right: Record<string, unknown>): boolean {
  const keys = Object.keys(left);
  return keys.length === Object.keys(right).length && keys.every((key) => key in right && sameValue(left[key], right[key]));
}

export interface SettingChange {
  key: string;
  from: unknown;
  to: unknown;
}

/** The chosen values that differ from the live settings, in a safe order: min_confluence is
 * bounded by the confluence timeframes, so the timeframes go first when the new minimum needs
 * more of them than are live, last otherwise. */
export function settingsDiff(live: Record<string, unknown>, chosen: Record<string, unknown>): SettingChange[] {
  const changes = Object.entries(chosen)
    .filter(([key, value]) => !sameValue(live[key], value))
    .map(([key, to]) => ({ key, from: live[key], to }));
  const confluence = chosen.min_confluence;
  const liveTimeframes = live.confluence_timeframes;
  const timeframesFirst = typeof confluence === 'number' && Array.isArray(liveTimeframes) && confluence > liveTimeframes.length;
  const rank = (key: string) => (key === 'confluence_timeframes' ? (timeframesFirst ? -1 : 1) : 0);
  return changes.sort((left, right) => rank(left.key) - rank(right.key));
}

/** A figure that may be missing, fixed to `digits`. */
export function fixed(value: unknown, digits = 2): string {
  return typeof value === 'number' && Number.isFinite(value) ? value.toFixed(digits) : '—';
}
