import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useMemo, useState } from 'react';
import { api, unwrapData } from '../../api/client';
import { keys } from '../../api/queries';
import type { Me } from '../../api/types';
import { FormError } from '../../components/States';
import { formatDateTime } from '../../lib/format';

function timeZones(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set(['UTC', current, ...zones])];
}

export function AccountSection({ me }: { me: Me }) {
  const queryClient = useQueryClient();
  const [displayName, setDisplayName] = useState(me.display_name ?? '');
  const [timezone, setTimezone] = useState(me.timezone);
  const zones = useMemo(() => timeZones(me.timezone), [me.timezone]);
  const nameId = useId();
  const zoneId = useId();
  const save = useMutation({
    mutationFn: () => unwrapData(api.PATCH('/api/v1/auth/me', { body: { display_name: displayName || null, timezone } })),
    onSuccess: (updated) => queryClient.setQueryData(keys.me, updated),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <section className="panel" aria-labelledby="account-title">
      <h2 id="account-title">Account</h2>
      <dl className="facts">
        <dt>Email</dt>
        <dd>
          {me.email}{' '}
          {me.is_verified ? <span className="badge badge-bull">verified</span> : <span className="badge badge-warn">not verified</span>}
        </dd>
        <dt>Tier</dt>
        <dd>
          <span className={`tier tier-${me.tier}`}>{me.tier}</span>
          {me.is_admin ? <span className="tier tier-admin">admin</span> : null}
          {me.subscription?.expires_at ? (
            <span className="muted small"> until {formatDateTime(me.subscription.expires_at, me.timezone)}</span>
          ) : null}
        </dd>
      </dl>
      <form className="form form-inline" onSubmit={submit} aria-label="Profile">
        <div className="field">
          <label htmlFor={nameId}>Display name</label>
          <input id={nameId} value={displayName} maxLength={60} onChange={(event) => setDisplayName(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={zoneId}>Timezone</label>
          <select id={zoneId} value={timezone} onChange={(event) => setTimezone(event.target.value)}>
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          Save
        </button>
        {save.isSuccess ? (
          <span role="status" className="ok">
            Saved
          </span>
        ) : null}
        <FormError error={save.error} />
      </form>
    </section>
  );
}
