/** Opt-in browser notifications for new signals: asked for only on the user's click, kept per
 * browser (localStorage), and shown only for signals passing the push preferences
 * (lib/liveNotify.ts). */
import { useSyncExternalStore } from 'react';
import type { Preferences, Signal } from '../api/types';
import { formatPrice, patternTypeLabel } from '../lib/format';
import { passesPushPreferences } from '../lib/liveNotify';
import { createStore } from './store';

const OPT_IN_KEY = 'cryptolens.browser-notifications';

function supported(): boolean {
  return typeof window !== 'undefined' && 'Notification' in window;
}

function readOptIn(): boolean {
  try {
    return supported() && Notification.permission === 'granted' && localStorage.getItem(OPT_IN_KEY) === 'on';
  } catch {
    return false;
  }
}

const optedIn = createStore<boolean>(readOptIn());

export function useBrowserNotifications(): { supported: boolean; on: boolean; denied: boolean } {
  const on = useSyncExternalStore(optedIn.subscribe, optedIn.get);
  return { supported: supported(), on, denied: supported() && Notification.permission === 'denied' };
}

/** On click only: asks the browser's permission the first time, then turns them on or off. */
export async function toggleBrowserNotifications(): Promise<void> {
  if (!supported()) return;
  if (optedIn.get()) {
    localStorage.setItem(OPT_IN_KEY, 'off');
    optedIn.set(false);
    return;
  }
  const permission = Notification.permission === 'granted' ? 'granted' : await Notification.requestPermission();
  const on = permission === 'granted';
  localStorage.setItem(OPT_IN_KEY, on ? 'on' : 'off');
  optedIn.set(on);
}

export function notifySignal(signal: Signal, prefs: Preferences | undefined, timeZone: string, open: (path: string) => void): void {
  // No preferences loaded yet: nothing is known to pass them, so nothing is shown.
  if (!optedIn.get() || !prefs || !passesPushPreferences(signal, prefs, new Date(), timeZone)) return;
  const path = `/signals/${signal.id}`;
  const notification = new Notification(`${signal.direction.toUpperCase()} ${signal.symbol}`, {
    body: `Entry ${formatPrice(signal.entry)} · ${patternTypeLabel(signal.anchor_type)} ${signal.anchor_timeframe} · ${signal.confluence} TF`,
    tag: `signal-${signal.id}`,
  });
  notification.onclick = () => {
    window.focus();
    open(path);
    notification.close();
  };
}
