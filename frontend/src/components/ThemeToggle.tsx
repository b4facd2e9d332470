import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useSyncExternalStore } from 'react';
import { api, unwrapData } from '../api/client';
import { keys, useMe } from '../api/queries';
import type { Me } from '../api/types';
import { applyTheme, currentTheme, nextTheme, parseTheme, subscribeTheme, THEMES, type ThemeChoice } from '../lib/theme';

const LABELS: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };
const ICONS: Record<ThemeChoice, string> = { system: '◐', light: '☀', dark: '☾' };

/** The profile's stored theme (null until the profile has loaded). */
function profileTheme(me: Me | undefined): ThemeChoice | null {
  return me ? parseTheme(me.theme) : null;
}

/** The theme choice, shared by every toggle: the profile's once it has loaded (this browser's
 * remembered choice paints the page until then). */
function useTheme(): [ThemeChoice, (choice: ThemeChoice) => void] {
  const me = useMe();
  const queryClient = useQueryClient();
  const choice = useSyncExternalStore(subscribeTheme, currentTheme);
  const stored = profileTheme(me.data);
  useEffect(() => {
    if (stored !== null) applyTheme(stored);
  }, [stored]);
  const save = useMutation({
    mutationFn: (theme: ThemeChoice) => unwrapData(api.PATCH('/api/v1/auth/me', { body: { theme } })),
    onSuccess: (updated) => queryClient.setQueryData(keys.me, updated),
  });
  const choose = (next: ThemeChoice) => {
    applyTheme(next);
    if (stored !== null && next !== stored) save.mutate(next);
  };
  return [choice, choose];
}

/** The header's button: one click moves system -> light -> dark. */
export function ThemeCycleButton() {
  const [choice, choose] = useTheme();
  const next = nextTheme(choice);
  return (
    <button
      type="button"
      className="btn btn-ghost theme-cycle"
      onClick={() => choose(next)}
      aria-label={`Theme: ${LABELS[choice]} (switch to ${LABELS[next]})`}
      title={`Theme: ${LABELS[choice]}`}
      data-testid="theme-cycle"
    >
      <span aria-hidden="true">{ICONS[choice]}</span>
    </button>
  );
}

/** The profile's three-way choice. */
export function ThemeToggle() {
  const [choice, choose] = useTheme();
  const name = useId();
  return (
    <fieldset className="theme-fieldset">
      <legend>Theme</legend>
      <div className="theme-choice" role="radiogroup" aria-label="Theme">
        {THEMES.map((theme) => (
          <label key={theme}>
            <input type="radio" name={name} value={theme} checked={choice === theme} onChange={() => choose(theme)} />
            {LABELS[theme]}
          </label>
        ))}
      </div>
      <p className="muted small">System follows your device's light or dark setting.</p>
    </fieldset>
  );
}
