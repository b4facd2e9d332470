/** Formatting for a trading UI: prices on the symbol's tick grid, times in the user's zone. */

export interface PriceSpec {
  tick_size?: number | null;
  price_precision?: number | null;
}

/** Decimals implied by a tick size: 0.01 -> 2, 0.00001 -> 5, 1e-8 -> 8, 0.5 -> 1, 5 -> 0. */
export function decimalsForTick(tick: number): number {
  if (!Number.isFinite(tick) || tick <= 0) return 2;
  let decimals = 0;
  let scaled = tick;
  while (decimals < 12 && Math.abs(Math.round(scaled) - scaled) > 1e-9 * Math.max(1, scaled)) {
    scaled *= 10;
    decimals += 1;
  }
  return decimals;
}

/** Decimals for a price: the exchange's precision, else the tick's, else by magnitude. */
export function priceDecimals(value: number, spec?: PriceSpec | null): number {
  if (spec?.price_precision != null && spec.price_precision >= 0) return spec.price_precision;
  if (spec?.tick_size != null && spec.tick_size > 0) return decimalsForTick(spec.tick_size);
  const magnitude = Math.abs(value);
  if (magnitude === 0) return 2;
  if (magnitude >= 1000) return 2;
  if (magnitude >= 1) return 4;
  // Small prices: four significant digits.
  return Math.min(12, Math.max(4, 3 - Math.floor(Math.log10(magnitude))));
}

/** Rounds to the nearest tick. The quotient is cut to 12 significant digits first so binary
 * noise (0.52345 / 0.0001 = 5234.4999...) does not flip a half tick. */
export function roundToTick(value: number, tick: number): number {
  if (!Number.isFinite(tick) || tick <= 0) return value;
  return Math.round(Number((value / tick).toPrecision(12))) * tick;
}

const numberFormats = new Map<number, Intl.NumberFormat>();

function fixedFormat(decimals: number): Intl.NumberFormat {
  let format = numberFormats.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat('en-US', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      useGrouping: true,
    });
    numberFormats.set(decimals, format);
  }
  return format;
}

/** "68,123.45" for BTC (tick 0.01); "0.5234" for XRP (tick 0.0001); "—" for no value. */
export function formatPrice(value: number | null | undefined, spec?: PriceSpec | null): string {
  if (value == null || !Number.isFinite(value)) return '—';
  const decimals = priceDecimals(value, spec);
  const rounded = spec?.tick_size ? roundToTick(value, spec.tick_size) : value;
  return fixedFormat(decimals).format(rounded);
}

/** "+1.84 %" / "−0.52 %". */
export function formatPct(value: number | null | undefined, decimals = 2, signed = true): string {
  if (value == null || !Number.isFinite(value)) return '—';
  const body = fixedFormat(decimals).format(Math.abs(value));
  const sign = value > 0 && signed ? '+' : value < 0 ? '−' : '';
  return `${sign}${body} %`;
}

/** "+1.5 R" / "−1.0 R". */
export function formatR(value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value)) return '—';
  const sign = value > 0 ? '+' : value < 0 ? '−' : '';
  return `${sign}${fixedFormat(2).format(Math.abs(value))} R`;
}

/** Strength 0..1 as a percentage "64 %". */
export function formatStrength(value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value)) return '—';
  return `${Math.round(value * 100)} %`;
}

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(zone: string, seconds: boolean): Intl.DateTimeFormat {
  const safeZone = isValidTimeZone(zone) ? zone : 'UTC';
  const key = `${safeZone}|${seconds}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone: safeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: seconds ? '2-digit' : undefined,
      hourCycle: 'h23',
    });
    dateFormats.set(key, format);
  }
  return format;
}

export type TimeInput = number | string | Date | null | undefined;

function toMs(value: TimeInput): number | null {
  if (value == null) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const ms = value instanceof Date ? value.getTime() : Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

interface DateParts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
}

function partsOf(ms: number, zone: string, seconds: boolean): DateParts {
  const parts: DateParts = { year: '', month: '', day: '', hour: '', minute: '', second: '' };
  for (const part of dateFormat(zone, seconds).formatToParts(ms)) {
    if (part.type in parts) parts[part.type as keyof DateParts] = part.value;
  }
  return parts;
}

/** "2024-03-09 16:00" in the given IANA zone (UTC when the zone is unknown). */
export function formatDateTime(value: TimeInput, zone: string, options: { seconds?: boolean } = {}): string {
  const ms = toMs(value);
  if (ms === null) return '—';
  const seconds = options.seconds ?? false;
  const p = partsOf(ms, zone, seconds);
  const time = seconds ? `${p.hour}:${p.minute}:${p.second}` : `${p.hour}:${p.minute}`;
  return `${p.year}-${p.month}-${p.day} ${time}`;
}

/** "16:00" (or "03-09 16:00" when not today in that zone, relative to `now`). */
export function formatShortTime(value: TimeInput, zone: string, now: number = Date.now()): string {
  const ms = toMs(value);
  if (ms === null) return '—';
  const p = partsOf(ms, zone, false);
  const today = partsOf(now, zone, false);
  const sameDay = p.year === today.year && p.month === today.month && p.day === today.day;
  return sameDay ? `${p.hour}:${p.minute}` : `${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** "just now", "3 min ago", "5 h ago", "2 d ago"; future times read "in 3 min". */
export function formatAge(value: TimeInput, now: number = Date.now()): string {
  const ms = toMs(value);
  if (ms === null) return '—';
  const delta = now - ms;
  const future = delta < 0;
  const seconds = Math.abs(delta) / 1000;
  let text: string;
  if (seconds < 45) return 'just now';
  if (seconds < 3600) text = `${Math.round(seconds / 60)} min`;
  else if (seconds < 86_400) text = `${Math.round(seconds / 3600)} h`;
  else text = `${Math.round(seconds / 86_400)} d`;
  return future ? `in ${text}` : `${text} ago`;
}

/** Offsets a UTC epoch (ms) so a UTC-rendering chart shows wall-clock time of `zone`. */
export function zoneOffsetMs(ms: number, zone: string): number {
  const p = partsOf(ms, zone, true);
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour) % 24, Number(p.minute), Number(p.second));
  return asUtc - Math.floor(ms / 1000) * 1000;
}

const TIMEFRAME_MS: Record<string, number> = {
  '1m': 60_000,
  '5m': 300_000,
  '15m': 900_000,
  '30m': 1_800_000,
  '1h': 3_600_000,
  '2h': 7_200_000,
  '4h': 14_400_000,
  '1d': 86_400_000,
};

export function timeframeMs(timeframe: string): number {
  return TIMEFRAME_MS[timeframe] ?? 60_000;
}

/** Canonical order of timeframes (shortest first); unknown ones last, by name. */
export function sortTimeframes(timeframes: Iterable<string>): string[] {
  return [...new Set(timeframes)].sort((a, b) => {
    const ra = TIMEFRAME_MS[a] ?? Number.MAX_SAFE_INTEGER;
    const rb = TIMEFRAME_MS[b] ?? Number.MAX_SAFE_INTEGER;
    return ra - rb || a.localeCompare(b);
  });
}

const TYPE_LABELS: Record<string, string> = {
  fvg: 'FVG',
  order_block: 'OB',
  liquidity_sweep: 'Sweep',
};

const TYPE_NAMES: Record<string, string> = {
  fvg: 'Fair value gap',
  order_block: 'Order block',
  liquidity_sweep: 'Liquidity sweep',
};

export function patternTypeLabel(type: string): string {
  return TYPE_LABELS[type] ?? type;
}

export function patternTypeName(type: string): string {
  return TYPE_NAMES[type] ?? type;
}

/** "BTC/USDT" <-> "BTC-USDT" (URLs use the dash form). */
export function symbolToUrl(symbol: string): string {
  return symbol.replace('/', '-');
}

/** A route's symbol: "BTC-USDT", or "BTC/USDT" from a link with BTC%2FUSDT (the push's "Open
 * chart"; the router decodes %2F in a parameter), any case -> "BTC/USDT". */
export function symbolFromUrl(urlSymbol: string): string {
  const name = urlSymbol.replace(/%2F/gi, '/').toUpperCase();
  return name.includes('/') ? name : name.replace('-', '/');
}
