import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { api, unwrapData } from '../../api/client';
import { keys, useDeliveries, usePreferences, useSymbols } from '../../api/queries';
import { type Me, PATTERN_TYPES, type Preferences, type PreferencesIn } from '../../api/types';
import { StatusBadge, Time } from '../../components/Display';
import { NtfyQr } from '../../components/NtfyQr';
import { EmptyState, ErrorState, FormError, Skeleton } from '../../components/States';
import { patternTypeName } from '../../lib/format';
import { PROVEN_SETUPS_RULE, provenSetupsNow } from './provenSetups';

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

/** Ticking every item means "all" (null), so symbols and types added later are included. */
export function toggleItem(list: string[] | null | undefined, all: readonly string[], value: string, on: boolean): string[] | null {
  const current = list ?? [...all];
  const next = on ? [...new Set([...current, value])] : current.filter((item) => item !== value);
  return all.every((item) => next.includes(item)) ? null : next;
}

function formOf(prefs: Preferences): PreferencesIn {
  return {
    enabled: prefs.enabled,
    directions: prefs.directions,
    min_confluence: prefs.min_confluence,
    pattern_types: prefs.pattern_types ?? null,
    symbols: prefs.symbols ?? null,
    priority: prefs.priority,
    quiet_hours_start: prefs.quiet_hours_start ?? null,
    quiet_hours_end: prefs.quiet_hours_end ?? null,
    daily_limit: prefs.daily_limit ?? null,
    only_proven_setups: prefs.only_proven_setups ?? false,
  };
}

function PreferencesForm({ prefs, me }: { prefs: Preferences; me: Me }) {
  const queryClient = useQueryClient();
  const symbols = useSymbols();
  const [form, setForm] = useState<PreferencesIn>(() => formOf(prefs));
  useEffect(() => setForm(formOf(prefs)), [prefs]);
  const save = useMutation({
    mutationFn: () => unwrapData(api.PUT('/api/v1/notifications/preferences', { body: form })),
    onSuccess: (saved) => queryClient.setQueryData(keys.preferences, saved),
  });
  const ids = {
    enabled: useId(),
    directions: useId(),
    confluence: useId(),
    priority: useId(),
    start: useId(),
    end: useId(),
    limit: useId(),
    proven: useId(),
  };
  const set = <K extends keyof PreferencesIn>(key: K, value: PreferencesIn[K]) => setForm((current) => ({ ...current, [key]: value }));
  const allowedTypes = me.limits.pattern_types.length ? me.limits.pattern_types : [...PATTERN_TYPES];
  const symbolNames = (symbols.data ?? []).map((symbol) => symbol.symbol);
  const start = form.quiet_hours_start ?? null;
  const end = form.quiet_hours_end ?? null;
  const quietOn = start !== null && end !== null && start !== end;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form className="form prefs" onSubmit={submit} aria-label="Notification preferences" data-testid="prefs-form">
      <label className="check" htmlFor={ids.enabled}>
        <input id={ids.enabled} type="checkbox" checked={form.enabled ?? true} onChange={(event) => set('enabled', event.target.checked)} />
        Push notifications on
      </label>
      <label className="check" htmlFor={ids.proven}>
        <input
          id={ids.proven}
          type="checkbox"
          role="switch"
          aria-checked={form.only_proven_setups ?? false}
          aria-describedby={`${ids.proven}-help`}
          checked={form.only_proven_setups ?? false}
          onChange={(event) => set('only_proven_setups', event.target.checked)}
          data-testid="prefs-proven"
        />
        Only proven setups
      </label>
      <p id={`${ids.proven}-help`} className="muted small">
        {PROVEN_SETUPS_RULE} {provenSetupsNow(prefs.proven_setups_now)}
      </p>
      <div className="form-row">
        <div className="field">
          <label htmlFor={ids.directions}>Directions</label>
          <select
            id={ids.directions}
            value={form.directions ?? 'both'}
            onChange={(event) => set('directions', event.target.value as PreferencesIn['directions'])}
          >
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
            min={1}
            max={6}
            value={form.min_confluence ?? 2}
            onChange={(event) => set('min_confluence', Number(event.target.value))}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.priority}>Priority (1–5)</label>
          <input
            id={ids.priority}
            type="number"
            min={1}
            max={5}
            value={form.priority ?? 3}
            onChange={(event) => set('priority', Number(event.target.value))}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.limit}>Daily limit</label>
          <input
            id={ids.limit}
            type="number"
            min={1}
            max={prefs.tier_daily_cap ?? undefined}
            placeholder={prefs.tier_daily_cap === null ? 'no limit' : `tier cap ${prefs.tier_daily_cap}`}
            value={form.daily_limit ?? ''}
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
              checked={!form.pattern_types || form.pattern_types.includes(type)}
              onChange={(event) => set('pattern_types', toggleItem(form.pattern_types, allowedTypes, type, event.target.checked))}
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
                  checked={!form.symbols || form.symbols.includes(symbol)}
                  onChange={(event) => set('symbols', toggleItem(form.symbols, symbolNames, symbol, event.target.checked))}
                />
                {symbol}
                {prefs.muted_symbols[symbol] ? <span className="muted small"> (muted)</span> : null}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      <fieldset>
        <legend>Quiet hours ({prefs.timezone})</legend>
        <div className="form-row">
          <div className="field">
            <label htmlFor={ids.start}>From</label>
            <select
              id={ids.start}
              value={start ?? ''}
              onChange={(event) => set('quiet_hours_start', event.target.value === '' ? null : Number(event.target.value))}
            >
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
            <select
              id={ids.end}
              value={end ?? ''}
              onChange={(event) => set('quiet_hours_end', event.target.value === '' ? null : Number(event.target.value))}
            >
              <option value="">None</option>
              {HOURS.map((hour) => (
                <option key={hour} value={hour}>
                  {hourLabel(hour)}
                </option>
              ))}
            </select>
          </div>
          <p className="muted small">{quietOn ? `No pushes from ${hourLabel(start)} to ${hourLabel(end)}.` : 'No quiet hours.'}</p>
        </div>
      </fieldset>
      {prefs.tier_delay_minutes ? (
        <p className="muted small">Your tier's pushes arrive {prefs.tier_delay_minutes} minutes after the signal.</p>
      ) : null}
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

function Topic({ prefs, me }: { prefs: Preferences; me: Me }) {
  const queryClient = useQueryClient();
  const regenerate = useMutation({
    mutationFn: () => unwrapData(api.POST('/api/v1/notifications/topic')),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keys.preferences });
      void queryClient.invalidateQueries({ queryKey: keys.me });
    },
  });
  const test = useMutation({
    mutationFn: () => unwrapData(api.POST('/api/v1/notifications/test')),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: keys.deliveries }),
  });
  const topic = regenerate.data?.topic ?? prefs.topic;
  const server = prefs.server.replace(/\/$/, '');
  const url = `${server}/${topic}`;
  return (
    <div className="topic">
      <h3>Your NTFY topic</h3>
      <p>
        <code className="secret" data-testid="ntfy-topic">
          {topic}
        </code>
      </p>
      <ol className="steps">
        <li>Install the ntfy app (Android, iOS) or open the ntfy web app.</li>
        <li>
          Subscribe to the topic <code>{topic}</code> on the server <code>{server}</code> (in the app: “Subscribe to topic”, then “Use
          another server” if it is not ntfy.sh), or open <code>{url}</code>.
        </li>
        <li>Keep the topic secret: anyone who knows it can read your alerts. Regenerate it if it leaks.</li>
      </ol>
      <p className="muted small">On your phone: scan the code with the camera, or tap “Open in ntfy” where the app is installed.</p>
      <NtfyQr server={server} topic={topic} />
      {!me.is_verified ? <p className="form-error">Verify your email to receive notifications.</p> : null}
      <div className="form-actions">
        <button type="button" className="btn" onClick={() => test.mutate()} disabled={test.isPending}>
          Send a test push
        </button>
        <button type="button" className="btn btn-ghost" onClick={() => regenerate.mutate()} disabled={regenerate.isPending}>
          Regenerate topic
        </button>
        {test.data ? (
          <span role="status" className={test.data.status === 'sent' ? 'ok' : 'form-error'}>
            Test push: {test.data.status}
            {test.data.http_status ? ` (HTTP ${test.data.http_status})` : ''}
          </span>
        ) : null}
      </div>
      <FormError error={test.error ?? regenerate.error} />
    </div>
  );
}

function Deliveries() {
  const deliveries = useDeliveries();
  if (deliveries.isPending) return <Skeleton rows={3} />;
  if (deliveries.isError) return <ErrorState error={deliveries.error} />;
  if (!deliveries.data.length) return <EmptyState title="No pushes yet" />;
  return (
    <div className="table-scroll">
      <table className="table dense">
        <thead>
          <tr>
            <th scope="col">Push</th>
            <th scope="col">Status</th>
            <th scope="col">When</th>
          </tr>
        </thead>
        <tbody>
          {deliveries.data.map((delivery) => (
            <tr key={delivery.id}>
              <td className="ellipsis">{delivery.title}</td>
              <td>
                <StatusBadge status={delivery.status} /> {delivery.reason ? <span className="muted small">{delivery.reason}</span> : null}
              </td>
              <td>
                <Time ms={delivery.sent_at ?? delivery.created_at} relative />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
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
        <>
          <PreferencesForm prefs={prefs.data} me={me} />
          <Topic prefs={prefs.data} me={me} />
        </>
      )}
      <h3>Recent pushes</h3>
      <Deliveries />
    </section>
  );
}
