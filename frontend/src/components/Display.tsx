/** Small display atoms: prices on the tick grid, times in the user's zone, direction badges. */
import { useSymbolMap } from '../api/queries';
import { useTimezone } from '../hooks/useTimezone';
import { formatAge, formatDateTime, formatPrice, patternTypeLabel, patternTypeName } from '../lib/format';
import { zoneOffsetLabel } from '../lib/zone';

export function Price({ value, symbol, className }: { value: number | null | undefined; symbol: string; className?: string }) {
  const spec = useSymbolMap().get(symbol);
  return <span className={`num ${className ?? ''}`}>{formatPrice(value, spec)}</span>;
}

export function Time({
  ms,
  seconds = false,
  relative = false,
}: {
  ms: number | string | null | undefined;
  seconds?: boolean;
  relative?: boolean;
}) {
  const zone = useTimezone();
  if (ms == null) return <span className="muted">—</span>;
  const absolute = formatDateTime(ms, zone, { seconds });
  const iso = new Date(typeof ms === 'number' ? ms : Date.parse(ms)).toISOString();
  return (
    <time dateTime={iso} title={`${absolute} (${zone})`} className="num">
      {relative ? formatAge(ms) : absolute}
    </time>
  );
}

/** The zone every time on the page is shown in, e.g. "UTC+1" (the name on hover). */
export function ZoneChip() {
  const zone = useTimezone();
  return (
    <span className="zone-chip" title={`Times in ${zone}`} data-testid="zone-chip">
      <span className="sr-only">Times in </span>
      {zoneOffsetLabel(zone)}
    </span>
  );
}

export function directionTone(direction: string): 'bull' | 'bear' {
  return direction === 'bullish' || direction === 'long' ? 'bull' : 'bear';
}

export function DirectionBadge({ direction }: { direction: string }) {
  const tone = directionTone(direction);
  const arrow = tone === 'bull' ? '▲' : '▼';
  return (
    <span className={`badge badge-${tone}`}>
      <span aria-hidden="true">{arrow}</span> {direction}
    </span>
  );
}

const STATUS_TONES: Record<string, string> = {
  active: 'info',
  pending: 'info',
  triggered: 'warn',
  tp1: 'bull',
  tp2: 'bull',
  tp3: 'bull',
  filled: 'muted',
  closed: 'muted',
  expired: 'muted',
  cancelled: 'muted',
  invalidated: 'bear',
  stopped: 'bear',
  sent: 'bull',
  queued: 'info',
  failed: 'bear',
  skipped: 'muted',
};

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge badge-${STATUS_TONES[status] ?? 'muted'}`}>{status}</span>;
}

export function TypeTag({ type }: { type: string }) {
  return (
    <abbr className="type-tag" title={patternTypeName(type)}>
      {patternTypeLabel(type)}
    </abbr>
  );
}

export function Strength({ value }: { value: number }) {
  const pct = Math.round(Math.max(0, Math.min(1, value)) * 100);
  return (
    <span className="strength" title={`Strength ${pct} %`}>
      <span className="strength-bar" aria-hidden="true">
        <span style={{ width: `${pct}%` }} />
      </span>
      <span className="num">{pct}</span>
    </span>
  );
}
