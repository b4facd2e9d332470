/** The developer pages' pure rules: API key scopes, IP rule lists, per-day usage series,
 * webhook filters. The server checks everything again; these only help the form say early
 * which line is wrong. */

/** Every API key scope (auth-and-tiers.md); `all` grants every non-admin one. */
export const READ_SCOPES = ['read:symbols', 'read:candles', 'read:patterns', 'read:signals', 'read:matrix', 'read:stats'] as const;
export const WRITE_SCOPES = ['write:scan', 'write:fetch'] as const;
export const ADMIN_SCOPES = ['admin:scheduler'] as const;
export const ALL_SCOPE = 'all';
export type Scope = (typeof READ_SCOPES)[number] | (typeof WRITE_SCOPES)[number] | (typeof ADMIN_SCOPES)[number] | typeof ALL_SCOPE;

export const KEY_LIMIT_DEFAULTS = { limit_per_minute: 60, limit_per_hour: 1_000, limit_per_day: 10_000 } as const;

/** The scopes to send: `all` alone when it is chosen (admin scopes still need naming). */
export function scopesToSend(selected: Iterable<string>): Scope[] {
  const chosen = new Set(selected);
  if (chosen.has(ALL_SCOPE)) {
    return [ALL_SCOPE, ...ADMIN_SCOPES.filter((scope) => chosen.has(scope))];
  }
  const order: readonly Scope[] = [...READ_SCOPES, ...WRITE_SCOPES, ...ADMIN_SCOPES];
  return order.filter((scope) => chosen.has(scope));
}

/** One entry per line (or comma, or space), trimmed, empty ones and repeats dropped. */
export function splitEntries(text: string): string[] {
  const seen = new Set<string>();
  for (const raw of text.split(/[\s,]+/)) {
    const entry = raw.trim();
    if (entry) seen.add(entry);
  }
  return [...seen];
}

function isIpv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((part) => /^\d{1,3}$/.test(part) && Number(part) <= 255 && String(Number(part)) === part);
}

const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

function isIpv6(text: string): boolean {
  let rest = text;
  const tail = rest.slice(rest.lastIndexOf(':') + 1);
  if (tail.includes('.')) {
    // An embedded IPv4 tail (::ffff:10.0.0.1) takes the room of two groups.
    if (!rest.includes(':') || !isIpv4(tail)) return false;
    rest = `${rest.slice(0, rest.length - tail.length)}0:0`;
  }
  const halves = rest.split('::');
  if (halves.length > 2) return false;
  const groups = (half: string) => (half ? half.split(':') : []);
  if (halves.length === 2) {
    const all = [...groups(halves[0] ?? ''), ...groups(halves[1] ?? '')];
    return all.length <= 7 && all.every((group) => HEX_GROUP.test(group));
  }
  const all = rest.split(':');
  return all.length === 8 && all.every((group) => HEX_GROUP.test(group));
}

/** Why an IP rule entry (an IPv4 or IPv6 address, or a CIDR block) is not one; null when it is. */
export function ipRuleProblem(entry: string): string | null {
  const [address = '', prefix, extra] = entry.split('/');
  if (extra !== undefined) return `${entry}: one "/" at most`;
  const v4 = isIpv4(address);
  const v6 = !v4 && isIpv6(address);
  if (!v4 && !v6) return `${entry}: not an IPv4 or IPv6 address`;
  if (prefix === undefined) return null;
  const bits = v4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > bits) return `${entry}: the prefix length must be 0 to ${bits}`;
  return null;
}

/** The problems of a list of IP rules, one message per bad entry. */
export function ipRuleProblems(entries: readonly string[]): string[] {
  return entries.map(ipRuleProblem).filter((problem): problem is string => problem !== null);
}

export interface UsageDay {
  day: string;
  requests: number;
  refused: number;
}

/** `days` calendar days (UTC) ending with `today`, oldest first, missing days as zeros: the
 * server stores only days with traffic. */
export function fillUsageDays(rows: readonly UsageDay[], days: number, today: Date): UsageDay[] {
  const byDay = new Map(rows.map((row) => [row.day.slice(0, 10), row]));
  const end = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Array.from({ length: Math.max(0, days) }, (_, index) => {
    const day = new Date(end - (days - 1 - index) * 86_400_000).toISOString().slice(0, 10);
    const row = byDay.get(day);
    return { day, requests: row?.requests ?? 0, refused: row?.refused ?? 0 };
  });
}

/** A date input's value (YYYY-MM-DD, the end of that day in the browser's zone) as ISO UTC. */
export function expiryFromDateInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const end = new Date(`${value}T23:59:59`);
  return Number.isNaN(end.getTime()) ? null : end.toISOString();
}

/** The other way: an ISO time as the browser-local date a date input shows ('' for none). */
export function dateInputFromIso(iso: string | null | undefined): string {
  if (!iso) return '';
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return '';
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${when.getFullYear()}-${pad(when.getMonth() + 1)}-${pad(when.getDate())}`;
}

/** Webhook symbol filters are BASE/QUOTE; typed in any case, with a dash or slash. */
export function normaliseSymbols(entries: readonly string[]): string[] {
  return [...new Set(entries.map((entry) => entry.toUpperCase().replace('-', '/')))];
}

export function symbolProblems(symbols: readonly string[]): string[] {
  return symbols.filter((symbol) => !/^[A-Z0-9]{1,20}\/[A-Z0-9]{1,20}$/.test(symbol)).map((symbol) => `${symbol}: not BASE/QUOTE`);
}

/** What to show of a header map or a body excerpt: one `Name: value` per line. */
export function headerLines(headers: Record<string, string> | null | undefined): string {
  if (!headers) return '';
  return Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n');
}

/** A JSON body pretty-printed when it parses, as it came otherwise. */
export function prettyBody(body: string | null | undefined): string {
  if (!body) return '';
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}
