/** What changed a moment ago (matrix cells, list rows), by key, highlighted for a few seconds. */
import { useSyncExternalStore } from 'react';
import { createStore } from './store';

export const HIGHLIGHT_MS = 3_000;

const marked = createStore<ReadonlyMap<string, number>>(new Map());

export function markChanged(keys: string[], ms: number = HIGHLIGHT_MS): void {
  if (keys.length === 0) return;
  const until = Date.now() + ms;
  const next = new Map(marked.get());
  for (const key of keys) next.set(key, until);
  marked.set(next);
  setTimeout(() => {
    const now = Date.now();
    const kept = new Map([...marked.get()].filter(([, end]) => end > now));
    if (kept.size !== marked.get().size) marked.set(kept);
  }, ms + 50);
}

/** Until when (epoch ms) `key` shows as changed, 0 when it does not (re-renders when that
 * flips, and when it is marked again meanwhile). */
export function useChangedUntil(key: string): number {
  return useSyncExternalStore(marked.subscribe, () => {
    const until = marked.get().get(key) ?? 0;
    return until > Date.now() ? until : 0;
  });
}

/** The class and attribute a changed row or cell gets (live.css; a steady outline under
 * prefers-reduced-motion); the attribute's value changes with each new mark. */
export function changedProps(until: number): { className: string; 'data-changed'?: number } {
  return until ? { className: ' live-changed', 'data-changed': until } : { className: '' };
}
