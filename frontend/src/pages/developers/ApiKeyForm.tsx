import { type FormEvent, useId, useState } from 'react';
import type { ApiKey, ApiKeyIn } from '../../api/developers';
import { FormError } from '../../components/States';
import {
  ADMIN_SCOPES,
  ALL_SCOPE,
  dateInputFromIso,
  expiryFromDateInput,
  ipRuleProblems,
  KEY_LIMIT_DEFAULTS,
  READ_SCOPES,
  scopesToSend,
  splitEntries,
  WRITE_SCOPES,
} from './rules';

const SCOPE_HELP: Record<string, string> = {
  'read:symbols': 'symbols, prices, freshness',
  'read:candles': 'candles',
  'read:patterns': 'patterns',
  'read:signals': 'signals',
  'read:matrix': 'the pattern matrix',
  'read:stats': 'statistics and hit rates',
  'write:scan': 'POST /scan',
  'write:fetch': 'POST /fetch',
  'admin:scheduler': 'the admin jobs routes',
};

const EMPTY = {
  name: '',
  perMinute: String(KEY_LIMIT_DEFAULTS.limit_per_minute),
  perHour: String(KEY_LIMIT_DEFAULTS.limit_per_hour),
  perDay: String(KEY_LIMIT_DEFAULTS.limit_per_day),
  allow: '',
  deny: '',
  expires: '',
};
const DEFAULT_SCOPES = ['read:symbols', 'read:patterns', 'read:signals'];

function formOf(key: ApiKey | null): typeof EMPTY {
  if (!key) return EMPTY;
  return {
    name: key.name,
    perMinute: String(key.limit_per_minute),
    perHour: String(key.limit_per_hour),
    perDay: String(key.limit_per_day),
    allow: key.ip_allow.join('\n'),
    deny: key.ip_deny.join('\n'),
    expires: dateInputFromIso(key.expires_at),
  };
}

function ScopeBox({
  scope,
  checked,
  disabled,
  onChange,
}: {
  scope: string;
  checked: boolean;
  disabled?: boolean;
  onChange: (on: boolean) => void;
}) {
  return (
    <label className="check" title={SCOPE_HELP[scope]}>
      <input type="checkbox" checked={checked} disabled={disabled} onChange={(event) => onChange(event.target.checked)} />
      <code>{scope}</code>
    </label>
  );
}

/** A key's name, scopes, three rate limits, IP allow and deny lists and optional expiry: empty
 * for a new key, or an existing key's values to change. */
export function ApiKeyForm({
  apiKey = null,
  isAdmin,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  apiKey?: ApiKey | null;
  isAdmin: boolean;
  pending: boolean;
  error: unknown;
  onSubmit: (body: ApiKeyIn) => void;
  onCancel: () => void;
}) {
  const ids = { name: useId(), minute: useId(), hour: useId(), day: useId(), allow: useId(), deny: useId(), expires: useId() };
  const [form, setForm] = useState(() => formOf(apiKey));
  const [scopes, setScopes] = useState<Set<string>>(() => new Set(apiKey ? apiKey.scopes : DEFAULT_SCOPES));
  const title = apiKey ? `Edit key "${apiKey.name}"` : 'New API key';
  const [problems, setProblems] = useState<string[]>([]);
  const set = (key: keyof typeof EMPTY, value: string) => setForm((current) => ({ ...current, [key]: value }));
  const toggle = (scope: string, on: boolean) =>
    setScopes((current) => {
      const next = new Set(current);
      if (on) next.add(scope);
      else next.delete(scope);
      return next;
    });
  const all = scopes.has(ALL_SCOPE);
  const today = new Date().toISOString().slice(0, 10);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const allow = splitEntries(form.allow);
    const deny = splitEntries(form.deny);
    const chosen = scopesToSend(scopes);
    const found = [
      ...(chosen.length ? [] : ['Choose at least one scope']),
      ...ipRuleProblems(allow).map((problem) => `Allow: ${problem}`),
      ...ipRuleProblems(deny).map((problem) => `Deny: ${problem}`),
    ];
    setProblems(found);
    if (found.length) return;
    onSubmit({
      name: form.name.trim(),
      scopes: chosen,
      limit_per_minute: Number(form.perMinute),
      limit_per_hour: Number(form.perHour),
      limit_per_day: Number(form.perDay),
      ip_allow: allow,
      ip_deny: deny,
      expires_at: expiryFromDateInput(form.expires),
    });
  };

  return (
    <form className="form panel" aria-label={apiKey ? 'Edit API key' : 'New API key'} onSubmit={submit}>
      <h2>{title}</h2>
      <div className="form-row">
        <div className="field grow">
          <label htmlFor={ids.name}>Name</label>
          <input
            id={ids.name}
            value={form.name}
            maxLength={100}
            required
            placeholder="e.g. trading bot"
            onChange={(event) => set('name', event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.expires}>Expires (optional)</label>
          <input id={ids.expires} type="date" min={today} value={form.expires} onChange={(event) => set('expires', event.target.value)} />
        </div>
      </div>
      <fieldset>
        <legend>Scopes</legend>
        <label className="check">
          <input type="checkbox" checked={all} onChange={(event) => toggle(ALL_SCOPE, event.target.checked)} />
          <span>
            <code>all</code> <span className="muted small">every read and write scope</span>
          </span>
        </label>
        <div className="check-grid scope-grid">
          {[...READ_SCOPES, ...WRITE_SCOPES].map((scope) => (
            <ScopeBox key={scope} scope={scope} checked={all || scopes.has(scope)} disabled={all} onChange={(on) => toggle(scope, on)} />
          ))}
          {isAdmin
            ? ADMIN_SCOPES.map((scope) => (
                <ScopeBox key={scope} scope={scope} checked={scopes.has(scope)} onChange={(on) => toggle(scope, on)} />
              ))
            : null}
        </div>
      </fieldset>
      <fieldset>
        <legend>Rate limits (requests)</legend>
        <div className="form-row">
          <div className="field">
            <label htmlFor={ids.minute}>Per minute</label>
            <input
              id={ids.minute}
              type="number"
              min={1}
              required
              value={form.perMinute}
              onChange={(event) => set('perMinute', event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.hour}>Per hour</label>
            <input
              id={ids.hour}
              type="number"
              min={1}
              required
              value={form.perHour}
              onChange={(event) => set('perHour', event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.day}>Per day</label>
            <input
              id={ids.day}
              type="number"
              min={1}
              required
              value={form.perDay}
              onChange={(event) => set('perDay', event.target.value)}
            />
          </div>
        </div>
      </fieldset>
      <fieldset>
        <legend>IP rules (optional)</legend>
        <p className="muted small">
          IPv4 or IPv6 addresses or CIDR blocks, one a line. Deny wins; a non-empty allow list admits only its members.
        </p>
        <div className="grid-2">
          <div className="field">
            <label htmlFor={ids.allow}>Allow</label>
            <textarea
              id={ids.allow}
              rows={3}
              spellCheck={false}
              placeholder={'203.0.113.7\n2001:db8::/32'}
              value={form.allow}
              onChange={(event) => set('allow', event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.deny}>Deny</label>
            <textarea
              id={ids.deny}
              rows={3}
              spellCheck={false}
              placeholder="198.51.100.0/24"
              value={form.deny}
              onChange={(event) => set('deny', event.target.value)}
            />
          </div>
        </div>
      </fieldset>
      {problems.length ? (
        <ul className="form-error" role="alert">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}
      <FormError error={error} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {apiKey ? 'Save' : 'Create key'}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
