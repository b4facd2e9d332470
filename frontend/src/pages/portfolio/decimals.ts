/** Decimal strings as the portfolio API sends them ("101.25", "-3", "0.00012345"): compared and
 * shown exactly, never through a float, so "0.1" + formatting never turns into 0.10000000000000001. */

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

interface Parts {
  negative: boolean;
  whole: string;
  fraction: string;
}

function partsOf(value: string): Parts | null {
  const match = DECIMAL.exec(value.trim());
  if (!match) return null;
  const whole = (match[2] ?? '0').replace(/^0+(?=\d)/, '');
  const fraction = (match[3] ?? '').replace(/0+$/, '');
  const zero = /^0*$/.test(whole) && fraction === '';
  return { negative: match[1] === '-' && !zero, whole, fraction };
}

/** A plain decimal (optional minus, digits, optional fraction); no exponent, no grouping. */
export function isDecimal(value: string): boolean {
  return partsOf(value) !== null;
}

/** Digits after the point, trailing zeros ignored ("1.500" has 1). */
export function fractionDigits(value: string): number {
  return partsOf(value)?.fraction.length ?? 0;
}

/** -1, 0 or 1; 0 for what is not a decimal. */
export function decimalSign(value: string | null | undefined): -1 | 0 | 1 {
  const parts = value == null ? null : partsOf(value);
  if (!parts) return 0;
  if (parts.negative) return -1;
  return /^0*$/.test(parts.whole) && parts.fraction === '' ? 0 : 1;
}

function compareMagnitude(a: Parts, b: Parts): number {
  if (a.whole.length !== b.whole.length) return a.whole.length < b.whole.length ? -1 : 1;
  if (a.whole !== b.whole) return a.whole < b.whole ? -1 : 1;
  const width = Math.max(a.fraction.length, b.fraction.length);
  const fa = a.fraction.padEnd(width, '0');
  const fb = b.fraction.padEnd(width, '0');
  return fa === fb ? 0 : fa < fb ? -1 : 1;
}

/** a < b: -1, equal: 0, a > b: 1 (exact). Throws on what is not a decimal. */
export function compareDecimals(a: string, b: string): -1 | 0 | 1 {
  const pa = partsOf(a);
  const pb = partsOf(b);
  if (!pa || !pb) throw new Error(`not a decimal: ${pa ? b : a}`);
  if (pa.negative !== pb.negative) return pa.negative ? -1 : 1;
  const magnitude = compareMagnitude(pa, pb);
  const signed = pa.negative ? -magnitude : magnitude;
  return signed < 0 ? -1 : signed > 0 ? 1 : 0;
}

/** "10019.5" -> "10,019.5" (the digits as sent, grouped); "—" for none. */
export function groupDecimal(value: string | null | undefined): string {
  if (value == null || value === '') return '—';
  const parts = partsOf(value);
  if (!parts) return value;
  const grouped = parts.whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${parts.negative ? '−' : ''}${grouped}${parts.fraction ? `.${parts.fraction}` : ''}`;
}

/** A result with its sign: "+19", "−3", "0"; "—" for none. */
export function signedDecimal(value: string | null | undefined): string {
  if (value == null || value === '') return '—';
  const grouped = groupDecimal(value);
  return decimalSign(value) > 0 ? `+${grouped}` : grouped;
}

/** "+9.5 %" / "−31.8182 %". */
export function formatDecimalPct(value: string | null | undefined): string {
  return value == null || value === '' ? '—' : `${signedDecimal(value)} %`;
}

/** "+1.9 R" / "−1.5 R". */
export function formatDecimalR(value: string | null | undefined): string {
  return value == null || value === '' ? '—' : `${signedDecimal(value)} R`;
}

/** The class that colours a result: up, down, or none for zero and missing. */
export function toneOf(value: string | null | undefined): 'up' | 'down' | '' {
  const sign = decimalSign(value);
  return sign > 0 ? 'up' : sign < 0 ? 'down' : '';
}

/** A ratio as a percentage, exactly: the point moved two places ("0.6667" -> "66.67",
 * "1" -> "100", "0.05" -> "5"). null stays null. */
export function ratioToPercent(value: string | null | undefined): string | null {
  if (value == null) return null;
  const parts = partsOf(value);
  if (!parts) return null;
  const fraction = parts.fraction.padEnd(2, '0');
  const whole = `${parts.whole}${fraction.slice(0, 2)}`.replace(/^0+(?=\d)/, '');
  const rest = fraction.slice(2).replace(/0+$/, '');
  const body = rest ? `${whole}.${rest}` : whole;
  return parts.negative ? `-${body}` : body;
}
