/** Pure helpers of the admin console: formatting, filter parsing, chart scaling, settings input. */

/** '' -> undefined (any), 'true' / 'false' -> the boolean; anything else counts as any. */
export function boolParam(value: string): boolean | undefined {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

/** A positive integer from a URL parameter, else undefined. */
export function intParam(value: string): number | undefined {
  if (!/^\d{1,15}$/.test(value)) return undefined;
  const number = Number(value);
  return number > 0 ? number : undefined;
}

/** "850 ms", "1.2 s", "3 min 5 s", "2 h 4 min"; "—" for no value. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms == null || !Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds < 10 ? seconds.toFixed(1) : Math.round(seconds)} s`;
  const whole = Math.round(seconds);
  if (whole < 3600) {
    const rest = whole % 60;
    return rest ? `${Math.floor(whole / 60)} min ${rest} s` : `${whole / 60} min`;
  }
  const minutes = Math.round(whole / 60);
  const rest = minutes % 60;
  return rest ? `${Math.floor(minutes / 60)} h ${rest} min` : `${minutes / 60} h`;
}

/** A share 0..1 as "95.3 %" ("100 %" and "0 %" without decimals); "—" when null. */
export function formatRate(rate: number | null | undefined): string {
  if (rate == null || !Number.isFinite(rate)) return '—';
  const pct = rate * 100;
  if (pct >= 100) return '100 %';
  if (pct <= 0) return '0 %';
  return `${pct.toFixed(1)} %`;
}

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** A decimal string from the API ("1234.50") as "$1,234.50"; "—" when not a number. */
export function formatMoney(amount: string | number | null | undefined, currency = 'USD'): string {
  const value = typeof amount === 'string' ? Number(amount) : amount;
  if (value == null || !Number.isFinite(value)) return '—';
  if (currency === 'USD') return usd.format(value);
  return `${value.toFixed(2)} ${currency}`;
}

/** The smallest 1, 2 or 5 x 10^n at or above `value` (1 for nothing to show). */
export function niceMax(value: number): number {
  if (!Number.isFinite(value) || value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) {
    const candidate = step * power;
    // Tolerate binary noise: 0.30000000000000004 is 0.3.
    if (candidate >= value * (1 - 1e-12)) return Number(candidate.toPrecision(12));
  }
  return 10 * power;
}

export interface Axis {
  max: number;
  ticks: number[];
}

/** A value axis from 0 over `top` in about `count` round steps (1, 2 or 5 x 10^n); counts
 * (`integer`) never get a fractional step, so 3 events read 0, 1, 2, 3 and not 0, 0.8, 1.5. */
export function valueAxis(top: number, count = 4, integer = true): Axis {
  const steps = Math.max(1, Math.floor(count));
  const safeTop = Number.isFinite(top) && top > 0 ? top : 0;
  // Dividing by one step more keeps the top close: 480 reads 0..500 by 100, not 0..600 by 200.
  let step = niceMax(safeTop / (steps + 1));
  if (integer) step = Math.max(1, Math.round(step));
  const max = Math.max(step, Math.ceil(Number((safeTop / step).toPrecision(12))) * step);
  const length = Math.round(max / step);
  const ticks = Array.from({ length: length + 1 }, (_, index) => Number((index * step).toPrecision(12)));
  return { max: Number(max.toPrecision(12)), ticks };
}

export interface Series {
  name: string;
  values: readonly number[];
}

/** The largest bar of a chart (stacked: the largest column sum); 0 when there is none. */
export function chartTop(series: readonly Series[], stacked: boolean): number {
  const length = Math.max(0, ...series.map((one) => one.values.length));
  let top = 0;
  for (let index = 0; index < length; index += 1) {
    const values = series.map((one) => Math.max(0, one.values[index] ?? 0));
    top = Math.max(top, stacked ? values.reduce((sum, value) => sum + value, 0) : Math.max(0, ...values));
  }
  return top;
}

/** A value's height in pixels on an axis of `max` drawn `height` px tall (never negative). */
export function scale(value: number, max: number, height: number): number {
  if (!Number.isFinite(value) || value <= 0 || max <= 0) return 0;
  return Math.min(height, (value / max) * height);
}

/** Compact axis labels: 950, 1.2k, 35k, 1.5M. */
export function compactNumber(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1_000_000) return `${trim(value / 1_000_000)}M`;
  if (abs >= 1_000) return `${trim(value / 1_000)}k`;
  return trim(value);
}

function trim(value: number): string {
  return Number(value.toFixed(1)).toString();
}

/** Coverage 0..1 as a whole percentage clamped to 0..100 (null: not computed yet). */
export function coveragePct(coverage: number | null | undefined): number | null {
  if (coverage == null || !Number.isFinite(coverage)) return null;
  return Math.round(Math.max(0, Math.min(1, coverage)) * 100);
}

export type Tone = 'bull' | 'warn' | 'bear' | 'muted';

/** Green from 99 %, amber from 90 %, red below; muted when unknown. */
export function coverageTone(pct: number | null): Tone {
  if (pct === null) return 'muted';
  if (pct >= 99) return 'bull';
  if (pct >= 90) return 'warn';
  return 'bear';
}

/** The keys of an audit row's before and after, in first-seen order. */
export function changedKeys(before: Record<string, unknown> | null, after: Record<string, unknown> | null): string[] {
  return [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
}

/** A JSON value in one short line: strings bare, null as "—". */
export function briefValue(value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

export type SettingType = 'int' | 'number' | 'bool' | 'list' | 'choice';

/** The text an input shows for a setting's value. */
export function settingText(type: SettingType, value: unknown): string {
  if (type === 'list') return Array.isArray(value) ? value.join(', ') : '';
  if (value === null || value === undefined) return '';
  return String(value);
}

/** What a settings input sends: numbers as JSON numbers when the text is one, else the text as
 * typed (so the API names the problem: the form never hides its validation message). */
export function settingValue(type: SettingType, text: string): unknown {
  const trimmed = text.trim();
  if (type === 'int' || type === 'number') {
    return trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed;
  }
  if (type === 'bool') return trimmed === 'true';
  if (type === 'list') return splitList(trimmed);
  return trimmed;
}

/** "a, b,,c " -> ["a", "b", "c"]. */
export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

/** A datetime-local input's value (the browser's wall clock) as ISO-8601 in UTC; null if empty or invalid. */
export function localInputToIso(value: string): string | null {
  if (!value) return null;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** Whole days from `now` until an ISO time (negative when past); null without a time. */
export function daysUntil(iso: string | null | undefined, now: number = Date.now()): number | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  return Math.round((ms - now) / 86_400_000);
}
