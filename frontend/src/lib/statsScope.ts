/** What the dashboard's counts cover, in words (GET /stats `scope`: the caller's tier). */

export interface StatsScope {
  symbols: string[] | null;
  pattern_types: string[];
  pattern_history_hours: number | null;
}

const TYPE_NAMES: Record<string, string> = { fvg: 'FVG', order_block: 'order block', liquidity_sweep: 'liquidity sweep' };
const ALL_TYPES = 3;

function list(items: string[]): string {
  if (items.length <= 1) return items[0] ?? 'none';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "BTC/USDT · FVG patterns of the last 24 h" / "all symbols · all pattern types". */
export function scopeText(scope: StatsScope): string {
  const symbols = scope.symbols === null ? 'all symbols' : scope.symbols.length ? list(scope.symbols) : 'no symbols';
  const types =
    scope.pattern_types.length >= ALL_TYPES
      ? 'all pattern types'
      : `${list(scope.pattern_types.map((type) => TYPE_NAMES[type] ?? type))} patterns`;
  const age = scope.pattern_history_hours === null ? '' : ` of the last ${scope.pattern_history_hours} h`;
  return `${symbols} · ${types}${age}`;
}
