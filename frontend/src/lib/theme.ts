/** The colour theme: "system" follows prefers-color-scheme; "light"/"dark" pin it. Kept in
 * localStorage (applied before the first paint) and, once the profile has a `theme` field,
 * on the user's profile too. */
export const THEMES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEMES)[number];

const STORAGE_KEY = 'cryptolens-theme';

export function parseTheme(value: unknown): ThemeChoice {
  return THEMES.includes(value as ThemeChoice) ? (value as ThemeChoice) : 'system';
}

export function nextTheme(current: ThemeChoice): ThemeChoice {
  return THEMES[(THEMES.indexOf(current) + 1) % THEMES.length] ?? 'system';
}

export function storedTheme(): ThemeChoice {
  try {
    return parseTheme(window.localStorage.getItem(STORAGE_KEY));
  } catch {
    return 'system'; // storage blocked (private mode): follow the system
  }
}

/** "system" resolved to what the browser prefers now. */
export function resolveTheme(choice: ThemeChoice, prefersLight: boolean): 'light' | 'dark' {
  if (choice === 'system') return prefersLight ? 'light' : 'dark';
  return choice;
}

const LIGHT_QUERY = '(prefers-color-scheme: light)';
let current: ThemeChoice = 'system';
let listening = false;
const subscribers = new Set<() => void>();

/** For useSyncExternalStore: every toggle on the page shows the same choice. */
export function subscribeTheme(callback: () => void): () => void {
  subscribers.add(callback);
  return () => subscribers.delete(callback);
}

export function currentTheme(): ThemeChoice {
  return current;
}

function paint(): void {
  const prefersLight = typeof window.matchMedia === 'function' && window.matchMedia(LIGHT_QUERY).matches;
  document.documentElement.dataset.theme = resolveTheme(current, prefersLight);
}

/** Sets `data-theme` (light or dark) on <html>, which theme.css reads, follows the system's
 * preference while the choice is "system", and remembers the choice. */
export function applyTheme(choice: ThemeChoice): void {
  const changed = current !== choice;
  current = choice;
  paint();
  if (changed) for (const callback of subscribers) callback();
  if (!listening && typeof window.matchMedia === 'function') {
    window.matchMedia(LIGHT_QUERY).addEventListener('change', paint);
    listening = true;
  }
  try {
    window.localStorage.setItem(STORAGE_KEY, choice);
  } catch {
    // The choice still holds for this page.
  }
}
