import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { errorMessage } from '../../api/errors';
import { type NotificationPreferences, regenerateTopic, savePreferences, sendTestPush } from '../../api/pending';
import { keys, usePreferences, useSymbols } from '../../api/queries';
import { PATTERN_TYPES, type Me } from '../../api/types';
import { ErrorState, FormError, Skeleton } from '../../components/States';
import { patternTypeName } from '../../lib/format';

const DEFAULT_NTFY = 'https://ntfy.sh';
const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

function toggle(list: string[] | null, all: readonly string[], value: string, on: boolean): string[] | null {
  const current = list ?? [...all];
  const next = on ? [...new Set([...current, value])] : current.filter((item) => item !== value);
  // Every item ticked means "all" (null), so new symbols and types are included later.
  return next.length === all.length && all.every((item) => next.includes(item)) ? null : next;
}

function PreferencesForm({ initial, me }: { initial: NotificationPreferences; me: Me }) {
  const queryClient = useQueryClient();
  const symbols = useSymbols();
  const [prefs, setPrefs] = useState(initial);
  useEffect(() => setPrefs(initial), [initial]);
  const save = useMutation({
    mutationFn: () => savePreferences(prefs),
    onSuccess: (result) => queryClient.setQueryData(keys.preferences, result.data),
  });
  const ids = { enabled: useId(), directions: useId(), confluence: useId(), priority: useId(), start: useId(), end: useId(), limit: useId() };
  const set = <K extends keyof NotificationPreferences>(key: K, value: NotificationPreferences[K]) =>
    setPrefs((current) => ({ ...current, [key]: value }));
  const allowedTypes = me.limits.pattern_types.length ? me.limits.pattern_types : [...PATTERN_TYPES];
  const symbolNames = (symbols.data ?? []).map((symbol) => symbol.symbol);
  const quietOn = prefs.quiet_start !== null && prefs.quiet_end !== null && prefs.quiet_start !== prefs.quiet_end;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form className="form prefs" onSubmit={submit} aria-label="Notification preferences" data-testid="prefs-form">
      <label className="check" htmlFor={ids.enabled}>
        <input id={ids.enabled} type="checkbox" checked={prefs.enabled} onChange={(event) => set('enabled', event.target.checked)} />
        Push notifications on
      </label>
      <div className="form-row">
        <div className="field">
          <label htmlFor={ids.directions}>Directions</label>
          <select id={ids.directions} value={prefs.directions} onChange={(event) => set('directions', event.target.value as NotificationPreferences['directions'])}>
            <option value="both">Long and short</option>
            <option value="long">Long only</option>
            <option value="short">Short only</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.confluence}>Minimum confluence (timeframes)</label>
          <input
            id={ids.confluence}
            type="number"
            min={2}
            max={6}
            value={prefs.min_confluence}
            onChange={(event) => set('min_confluence', Number(event.target.value))}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.priority}>Priority (1–5)</label>
          <input id={ids.priority} type="number" min={1} max={5} value={prefs.priority} onChange={(event) => set('priority', Number(event.target.value))} />
        </div>
        <div className="field">
          <label htmlFor={ids.limit}>Daily limit</label>
          <input
            id={ids.limit}
            type="number"
            min={0}
            max={me.limits.pushes_per_day ?? undefined}
            placeholder={me.limits.pushes_per_day === null ? 'no limit' : String(me.limits.pushes_per_day)}
            value={prefs.daily_limit ?? ''}
            onChange={(event) => set('daily_limit', event.target.value === '' ? null : Number(event.target.value))}
          />
        </div>
      </div>
      <fieldset>
        <legend>Pattern types</legend>
        {allowedTypes.map((type) => (
          <label key={type} className="check">
            <input
              type="checkbox"
              checked={prefs.pattern_types === null || prefs.pattern_types.includes(type)}
              onChange={(event) => set('pattern_types', toggle(prefs.pattern_types, allowedTypes, type, event.target.checked))}
            />
            {patternTypeName(type)}
          </label>
        ))}
      </fieldset>
      {symbolNames.length ? (
        <fieldset>
          <legend>Symbols</legend>
          <div className="check-grid">
            {symbolNames.map((symbol) => (
              <label key={symbol} className="check">
                <input
                  type="checkbox"
                  checked={prefs.symbols === null || prefs.symbols.includes(symbol)}
                  onChange={(event) => set('symbols', toggle(prefs.symbols, symbolNames, symbol, event.target.checked))}
                />
                {symbol}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      <fieldset>
        <legend>Quiet hours ({me.timezone})</legend>
        <div className="form-row">
          <div className="field">
            <label htmlFor={ids.start}>From</label>
            <select id={ids.start} value={prefs.quiet_start ?? ''} onChange={(event) => set('quiet_start', event.target.value === '' ? null : Number(event.target.value))}>
              <option value="">None</option>
              {HOURS.map((hour) => (
                <option key={hour} value={hour}>
                  {hourLabel(hour)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.end}>Until</label>
            <select id={ids.end} value={prefs.quiet_end ?? ''} onChange={(event) => set('quiet_end', event.target.value === '' ? null : Number(event.target.value))}>
              <option value="">None</option>
              {HOURS.map((hour) => (
                <option key={hour} value={hour}>
                  {hourLabel(hour)}
                </option>
              ))}
            </select>
          </div>
          <p className="muted small">
            {quietOn ? `No pushes from ${hourLabel(prefs.quiet_start ?? 0)} to ${hourLabel(prefs.quiet_end ?? 0)}.` : 'No quiet hours.'}
          </p>
        </div>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          Save preferences
        </button>
        {save.isSuccess && !save.isPending ? (
          <span role="status" className="ok" data-testid="prefs-saved">
            Preferences saved
          </span>
        ) : null}
      </div>
      <FormError error={save.error} />
    </form>
  );
}

function Topic({ me }: { me: Me }) {
  const queryClient = useQueryClient();
  const [server, setServer] = useState(DEFAULT_NTFY);
  const regenerate = useMutation({
    mutationFn: regenerateTopic,
    onSuccess: (result) => {
      if (result.data.ntfy_url) setServer(result.data.ntfy_url);
      void queryClient.invalidateQueries({ queryKey: keys.me });
    },
  });
  const test = useMutation({ mutationFn: sendTestPush });
  const topic = regenerate.data?.data.ntfy_topic ?? regenerate.data?.data.topic ?? me.ntfy_topic;
  const url = `${server.replace(/\/$/, '')}/${topic}`;
  return (
    <div className="topic">
      <h3>Your NTFY topic</h3>
      <p>
        <code className="secret" data-testid="ntfy-topic">
          {topic}
        </code>
      </p>
      <ol className="steps">
        <li>Install the ntfy app (Android, iOS) or open the web app.</li>
        <li>
          Subscribe to the topic <code>{topic}</code> on <code>{server}</code>, or open <code>{url}</code>.
        </li>
        <li>Keep the topic secret: anyone who knows it can read your alerts. Regenerate it if it leaks.</li>
      </ol>
      {!me.is_verified ? <p className="form-error">Verify your email to receive notifications.</p> : null}
      <div className="form-actions">
        <button type="button" className="btn" onClick={() => test.mutate()} disabled={test.isPending}>
          Send a test push
        </button>
        <button type="button" className="btn btn-ghost" onClick={() => regenerate.mutate()} disabled={regenerate.isPending}>
          Regenerate topic
        </button>
        {test.isSuccess ? <span role="status" className="ok">Test push sent</span> : null}
      </div>
      {test.error ? <p className="form-error" role="alert">{errorMessage(test.error)}</p> : null}
      <FormError error={regenerate.error} />
    </div>
  );
}

export function NotificationsSection({ me }: { me: Me }) {
  const prefs = usePreferences();
  return (
    <section className="panel" aria-labelledby="notif-title">
      <h2 id="notif-title">Notifications</h2>
      {prefs.isPending ? (
        <Skeleton rows={5} label="Loading preferences" />
      ) : prefs.isError ? (
        <ErrorState error={prefs.error} title="Preferences unavailable" onRetry={() => void prefs.refetch()} />
      ) : (
        <PreferencesForm initial={prefs.data} me={me} />
      )}
      <Topic me={me} />
    </section>
  );
}
