/** The backtest pages' pure rules (../shared/spec/backtest.md "User backtests"): the range a form
 * may send (whole UTC minutes, 1 to 90 days, the 14-day warm-up), the parameters it overrides,
 * how figures and progress read, and the outcome histogram's buckets. The server checks it all
 * again; these only name the problem before sending. */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
/** The replay's warm-up before its start: stored 1m candles must cover it. */
export const WARM_UP_DAYS = 14;
export const MIN_DAYS = 1;
export const MAX_DAYS = 90;

export type BacktestStatus = 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';

/** Queued or running: still moving, polled, cancellable. */
export function isActive(status: string): boolean {
  return status === 'queued' || status === 'running';
}

const pad = (value: number) => String(value).padStart(2, '0');

/** ms as a datetime-local value read in UTC ("2026-01-15T09:30"). */
export function utcInputValue(ms: number): string {
  const when = new Date(ms);
  return `${when.getUTCFullYear()}-${pad(when.getUTCMonth() + 1)}-${pad(when.getUTCDate())}T${pad(when.getUTCHours())}:${pad(when.getUTCMinutes())}`;
}

/** A datetime-local value read as UTC, as ms; null when empty or not a time. */
export function msFromUtcInput(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const back = new Date(ms);
  // 2026-02-30 rolls over into March: not a date.
  if (back.getUTCDate() !== day || back.getUTCMonth() !== month - 1) return null;
  return ms;
}

/** The start of the hour `ms` is in. */
export function hourFloor(ms: number): number {
  return Math.floor(ms / HOUR_MS) * HOUR_MS;
}

export interface RangeProblems {
  start?: string;
  end?: string;
}

/** What is wrong with [start, end) as a backtest's range, by field; `now` bounds the end at
 * the last closed minute. */
export function rangeProblems(start: number | null, end: number | null, now: number): RangeProblems {
  const problems: RangeProblems = {};
  if (start === null) problems.start = 'a start date and time (UTC) is required';
  else if (start % MINUTE_MS !== 0) problems.start = 'a whole minute';
  if (end === null) problems.end = 'an end date and time (UTC) is required';
  else if (end % MINUTE_MS !== 0) problems.end = 'a whole minute';
  else if (end > Math.floor(now / MINUTE_MS) * MINUTE_MS) problems.end = 'at most the last closed minute (not in the future)';
  if (start !== null && end !== null && !problems.start && !problems.end) {
    const span = end - start;
    if (span < MIN_DAYS * DAY_MS) problems.end = `at least ${MIN_DAYS} day after the start`;
    else if (span > MAX_DAYS * DAY_MS) problems.end = `at most ${MAX_DAYS} days after the start`;
  }
  return problems;
}

/** The earliest start named by a 422 `insufficient_history` ("allows a start from 1768… on"). */
export function earliestStartOf(message: string): number | null {
  const match = /allows a start from (\d+)/.exec(message);
  return match ? Number(match[1]) : null;
}

/** The minutes a replay runs: its warm-up and its range, [start - 14 d, end). */
export function totalMinutes(start: number, end: number): number {
  return Math.max(0, Math.round((end - start + WARM_UP_DAYS * DAY_MS) / MINUTE_MS));
}

/** "12,345 of 21,600 minutes replayed". */
export function progressText(backtest: { start: number; end: number; minutes_replayed: number | null }): string {
  const total = totalMinutes(backtest.start, backtest.end);
  const done = Math.min(backtest.minutes_replayed ?? 0, total);
  return `${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} minutes replayed`;
}

/** A share 0..1 as "54.2 %"; "—" when unknown. */
export function formatRate(value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value)) return '—';
  return `${(value * 100).toFixed(1)} %`;
}

/** A ratio such as the profit factor: "1.85"; "—" when unknown (no losses). */
export function formatRatio(value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value)) return '—';
  return value.toFixed(2);
}

/** "fvg:15m" -> "FVG 15m". */
export function setupLabel(anchorType: string, anchorTimeframe: string): string {
  const type = anchorType === 'ob' ? 'OB' : anchorType === 'fvg' ? 'FVG' : anchorType.replaceAll('_', ' ');
  return `${type} ${anchorTimeframe}`;
}

/** "1 day", "14 days", "1.5 days". */
export function daysText(ms: number): string {
  const days = Math.round((ms / DAY_MS) * 100) / 100;
  return `${days} day${days === 1 ? '' : 's'}`;
}

export interface Bucket {
  /** Inclusive lower edge, in R. */
  from: number;
  /** Exclusive upper edge, in R. */
  to: number;
  count: number;
}

/** The outcomes in R as contiguous buckets `width` wide, from the lowest to the highest outcome
 * (empty buckets between included, so the bars keep their scale); a value on an edge counts in
 * the bucket it starts. */
export function histogram(values: readonly number[], width = 0.5): Bucket[] {
  const finite = values.filter((value) => Number.isFinite(value));
  if (finite.length === 0 || !(width > 0)) return [];
  // A small tolerance: -1.0 / 0.5 is exactly -2, 0.3 / 0.1 is 2.9999999999999996.
  const index = (value: number) => Math.floor(value / width + 1e-9);
  const counts = new Map<number, number>();
  for (const value of finite) counts.set(index(value), (counts.get(index(value)) ?? 0) + 1);
  const low = Math.min(...counts.keys());
  const high = Math.max(...counts.keys());
  const buckets: Bucket[] = [];
  for (let at = low; at <= high; at += 1) {
    buckets.push({ from: round(at * width), to: round((at + 1) * width), count: counts.get(at) ?? 0 });
  }
  return buckets;
}

const round = (value: number) => Math.round(value * 1e6) / 1e6;

// Tunable parameters -----------------------------------------------------------------------

export type ParameterType = 'int' | 'number' | 'bool' | 'list' | string;

export interface ParameterSpec {
  value: unknown;
  type: ParameterType;
  min: number | null;
  max: number | null;
  min_exclusive: boolean;
  choices: string[] | null;
}

/** A form's parameters as typed: numbers stay text until sent, lists are the chosen items. */
export type ParameterForm = Record<string, string | boolean | string[]>;

/** The form's starting values: the live ones. */
export function formFromLive(specs: Record<string, ParameterSpec>): ParameterForm {
  const form: ParameterForm = {};
  for (const [name, spec] of Object.entries(specs)) {
    if (spec.type === 'bool') form[name] = Boolean(spec.value);
    else if (spec.type === 'list') form[name] = Array.isArray(spec.value) ? spec.value.map(String) : [];
    else form[name] = String(spec.value ?? '');
  }
  return form;
}

function numberProblem(text: string, spec: ParameterSpec): string | null {
  const trimmed = text.trim();
  const pattern = spec.type === 'int' ? /^\d+$/ : /^\d+(\.\d+)?$/;
  if (!pattern.test(trimmed)) return spec.type === 'int' ? 'a whole number' : 'a number, like 2.5';
  const value = Number(trimmed);
  if (spec.min !== null && (spec.min_exclusive ? value <= spec.min : value < spec.min)) {
    return spec.min_exclusive ? `must be greater than ${spec.min}` : `must be at least ${spec.min}`;
  }
  if (spec.max !== null && value > spec.max) return `must be at most ${spec.max}`;
  return null;
}

/** What is wrong with each typed parameter; min_confluence is bounded by the confluence
 * timeframes chosen, as the server checks it. */
export function parameterProblems(form: ParameterForm, specs: Record<string, ParameterSpec>): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const value = form[name];
    if (spec.type === 'list') {
      if (!Array.isArray(value) || value.length === 0) problems[name] = 'choose at least one';
    } else if (spec.type === 'int' || spec.type === 'number') {
      const problem = numberProblem(typeof value === 'string' ? value : '', { ...spec, max: name === 'min_confluence' ? null : spec.max });
      if (problem) problems[name] = problem;
    }
  }
  const timeframes = form.confluence_timeframes;
  const confluence = form.min_confluence;
  if (!problems.min_confluence && Array.isArray(timeframes) && typeof confluence === 'string' && timeframes.length > 0) {
    if (Number(confluence) > timeframes.length) {
      problems.min_confluence = `at most the ${timeframes.length} confluence timeframe${timeframes.length === 1 ? '' : 's'} chosen`;
    }
  }
  return problems;
}

/** The value a form field sends, in the API's JSON type. */
export function parameterValue(value: string | boolean | string[], type: ParameterType): unknown {
  if (type === 'bool') return Boolean(value);
  if (type === 'list') return Array.isArray(value) ? value : [];
  return Number(value);
}

/** Two parameter values alike (lists as sets, numbers by value). */
export function sameValue(left: unknown, right: unknown): boolean {
  if (Array.isArray(left) && Array.isArray(right)) {
    return left.length === right.length && left.every((item) => right.includes(item));
  }
  if (typeof left === 'number' || typeof right === 'number') return Number(left) === Number(right);
  return left === right;
}

/** Only the parameters changed from their live value: the others are left out, and take it. */
export function overrides(form: ParameterForm, specs: Record<string, ParameterSpec>): Record<string, unknown> {
  const changed: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const field = form[name];
    if (field === undefined) continue;
    const value = parameterValue(field, spec.type);
    if (!sameValue(value, spec.value)) changed[name] = value;
  }
  return changed;
}

/** A recorded value as text: lists joined, booleans as yes/no. */
export function valueText(value: unknown): string {
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (value === null || value === undefined) return '—';
  return String(value);
}

/** Equity points as a line the chart accepts: times in seconds strictly ascending, so points
 * resolved in the same second keep only the last (the cumulative value after all of them). */
export function equitySeries(points: readonly { time: number; cumulative_r: number }[]): { time: number; value: number }[] {
  const line: { time: number; value: number }[] = [];
  for (const point of points) {
    const time = Math.floor(point.time / 1000);
    const last = line.at(-1);
    if (last && time <= last.time) last.value = point.cumulative_r;
    else line.push({ time, value: point.cumulative_r });
  }
  return line;
}

/** When a result signal ended: its final status time, if it has one. */
export function exitTime(signal: {
  stopped_at: number | null;
  tp3_at: number | null;
  closed_at: number | null;
  expired_at: number | null;
  cancelled_at: number | null;
}): number | null {
  return signal.stopped_at ?? signal.tp3_at ?? signal.closed_at ?? signal.expired_at ?? signal.cancelled_at ?? null;
}
