/** Toasts for new signals: at most a few on screen, each gone after a while or when closed. */
import { useSyncExternalStore } from 'react';
import type { Signal } from '../api/types';
import { createStore } from './store';

export interface SignalToast {
  key: number;
  signal: Signal;
}

const TOAST_MS = 10_000;
const MOST_SHOWN = 3;
let nextKey = 1;

const toasts = createStore<readonly SignalToast[]>([]);

export function dismissToast(key: number): void {
  toasts.set(toasts.get().filter((toast) => toast.key !== key));
}

export function toastSignal(signal: Signal): void {
  const key = nextKey++;
  toasts.set([...toasts.get(), { key, signal }].slice(-MOST_SHOWN));
  setTimeout(() => dismissToast(key), TOAST_MS);
}

export function useToasts(): readonly SignalToast[] {
  return useSyncExternalStore(toasts.subscribe, toasts.get);
}
