/** Which new signals may show a browser notification: those the user's push preferences
 * (GET /notifications/preferences) would push, by the server's own filters
 * (backend notifications/eligibility.py): notifications enabled; the symbol in the chosen
 * symbols (none chosen: all); the anchor pattern type in the chosen types (none: all); the
 * direction wanted ("both" or the signal's); confluence at least the minimum; the symbol not
 * muted (until a time still ahead); not within quiet hours in the user's time zone.
 * The tier's symbols and types need no check: the stream only sends what the tier shows. The
 * daily limits count pushes sent, which a browser notification is not, so they do not apply. */
import type { Preferences } from '../api/types';

export interface NotifiableSignal {
  symbol: string;
  direction: string;
  anchor_type: string;
  confluence: number;
}

type PushPreferences = Pick<
  Preferences,
  'enabled' | 'directions' | 'min_confluence' | 'pattern_types' | 'symbols' | 'muted_symbols' | 'quiet_hours_start' | 'quiet_hours_end'
>;

/** The hour (0-23) of `now` in `timeZone`, UTC when the zone is unknown. */
export function hourIn(now: Date, timeZone: string): number {
  let hour: string | undefined;
  try {
    hour = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', hourCycle: 'h23', timeZone }).format(now);
  } catch {
    hour = String(now.getUTCHours());
  }
  return Number(hour) % 24;
}

/** start == end: none; start > end spans midnight (22 -> 7: 22:00 to 06:59). */
export function inQuietHours(start: number | null | undefined, end: number | null | undefined, hour: number): boolean {
  if (start == null || end == null || start === end) return false;
  return start < end ? start <= hour && hour < end : hour >= start || hour < end;
}

export function passesPushPreferences(signal: NotifiableSignal, prefs: PushPreferences, now: Date, timeZone: string): boolean {
  if (!prefs.enabled) return false;
  if (prefs.symbols && !prefs.symbols.includes(signal.symbol)) return false;
  if (prefs.pattern_types && !prefs.pattern_types.includes(signal.anchor_type)) return false;
  if (prefs.directions !== 'both' && prefs.directions !== signal.direction) return false;
  if (signal.confluence < prefs.min_confluence) return false;
  const mutedUntil = prefs.muted_symbols[signal.symbol];
  if (mutedUntil !== undefined && Date.parse(mutedUntil) > now.getTime()) return false;
  return !inQuietHours(prefs.quiet_hours_start, prefs.quiet_hours_end, hourIn(now, timeZone));
}
