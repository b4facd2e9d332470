import { useMemo, useState } from 'react';
import {
  type ApiKey,
  type ApiKeyCreated,
  USAGE_DAYS,
  useApiKeys,
  useApiKeyUsage,
  useCreateApiKey,
  useRevokeApiKey,
  useUpdateApiKey,
} from '../../api/developers';
import type { Me } from '../../api/types';
import { StatusBadge, Time } from '../../components/Display';
import { EmptyState, ErrorState, FormError, Skeleton } from '../../components/States';
import { compactNumber } from '../../lib/admin';
import { ApiKeyForm } from './ApiKeyForm';
import { ConfirmButton } from './ConfirmButton';
import { OneTimeSecret } from './OneTimeSecret';
import { fillUsageDays } from './rules';
import { UsageChart } from './UsageChart';

function origin(): string {
  return typeof window === 'undefined' ? '' : window.location.origin;
}

function KeyUsage({ apiKey }: { apiKey: ApiKey }) {
  const usage = useApiKeyUsage(apiKey.id);
  const days = useMemo(() => fillUsageDays(usage.data?.days ?? [], USAGE_DAYS, new Date()), [usage.data]);
  return (
    <section className="panel" aria-labelledby="usage-title" data-testid="key-usage">
      <h2 id="usage-title">
        Usage of <span className="key-name">{apiKey.name}</span>
      </h2>
      {usage.isPending ? (
        <Skeleton rows={4} label="Loading usage" />
      ) : usage.isError ? (
        <ErrorState error={usage.error} onRetry={() => void usage.refetch()} />
      ) : (
        <>
          <UsageChart days={days} title={`Requests per day, last ${USAGE_DAYS} days (UTC)`} />
          <dl className="facts">
            <dt>Last {USAGE_DAYS} days</dt>
            <dd className="num">
              {usage.data.total_requests.toLocaleString()} requests, {usage.data.total_refused.toLocaleString()} refused
            </dd>
            <dt>All time</dt>
            <dd className="num">{usage.data.all_time_requests.toLocaleString()} requests</dd>
            <dt>Last used</dt>
            <dd>
              <Time ms={usage.data.last_used_at} />{' '}
              {usage.data.last_used_ip ? <span className="num muted">from {usage.data.last_used_ip}</span> : null}
            </dd>
          </dl>
          <p className="muted small">Counts are gathered every minute; refused requests (IP rules, scope, rate limits) count too.</p>
        </>
      )}
    </section>
  );
}

function RevokeButton({ apiKey }: { apiKey: ApiKey }) {
  const revoke = useRevokeApiKey();
  if (apiKey.status === 'revoked') return null;
  return (
    <>
      <ConfirmButton label="Revoke" confirm="Confirm revoke" pending={revoke.isPending} onConfirm={() => revoke.mutate(apiKey.id)} ghost />
      <FormError error={revoke.error} />
    </>
  );
}

function limitsText(key: ApiKey): string {
  return `${compactNumber(key.limit_per_minute)}/min · ${compactNumber(key.limit_per_hour)}/h · ${compactNumber(key.limit_per_day)}/day`;
}

function ipSummary(key: ApiKey): { short: string; full: string } {
  const full = [key.ip_allow.length ? `allow ${key.ip_allow.join(', ')}` : '', key.ip_deny.length ? `deny ${key.ip_deny.join(', ')}` : '']
    .filter(Boolean)
    .join('; ');
  const short = [key.ip_allow.length ? `${key.ip_allow.length} allow` : '', key.ip_deny.length ? `${key.ip_deny.length} deny` : '']
    .filter(Boolean)
    .join(', ');
  return { short: short || 'any', full: full || 'Any address' };
}

function EditKey({ apiKey, isAdmin, onDone }: { apiKey: ApiKey; isAdmin: boolean; onDone: () => void }) {
  const update = useUpdateApiKey(apiKey.id);
  return (
    <ApiKeyForm
      apiKey={apiKey}
      isAdmin={isAdmin}
      pending={update.isPending}
      error={update.error}
      onSubmit={(body) => update.mutate(body, { onSuccess: onDone })}
      onCancel={onDone}
    />
  );
}

function KeysTable({
  keys,
  selected,
  onSelect,
  onEdit,
}: {
  keys: ApiKey[];
  selected: number | null;
  onSelect: (id: number) => void;
  onEdit: (id: number) => void;
}) {
  return (
    <div className="table-scroll">
      <table className="table dense" data-testid="api-keys-table">
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">Scopes</th>
            <th scope="col">Limits</th>
            <th scope="col">IP rules</th>
            <th scope="col">Status</th>
            <th scope="col">Last used</th>
            <th scope="col" className="right">
              Requests
            </th>
            <th scope="col">Expires</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => {
            const ips = ipSummary(key);
            return (
              <tr key={key.id} className={key.id === selected ? 'row-selected' : undefined}>
                <td className="key-cell">
                  <span className="key-name ellipsis" title={key.name}>
                    {key.name}
                  </span>
                  <code className="muted small">{key.prefix}…</code>
                </td>
                <td className="ellipsis scopes" title={key.scopes.join(' ')}>
                  {key.scopes.join(' ')}
                </td>
                <td className="num small">{limitsText(key)}</td>
                <td className="small" title={ips.full}>
                  {ips.short}
                </td>
                <td>
                  <StatusBadge status={key.status} />
                </td>
                <td title={key.last_used_ip ? `from ${key.last_used_ip}` : undefined}>
                  <Time ms={key.last_used_at} relative />
                </td>
                <td className="num right">{key.total_requests.toLocaleString()}</td>
                <td>{key.expires_at ? <Time ms={key.expires_at} /> : <span className="muted">never</span>}</td>
                <td>
                  <div className="row-actions">
                    <button type="button" className="btn btn-ghost" aria-pressed={key.id === selected} onClick={() => onSelect(key.id)}>
                      Usage
                    </button>
                    {key.status === 'revoked' ? null : (
                      <button type="button" className="btn btn-ghost" onClick={() => onEdit(key.id)}>
                        Edit
                      </button>
                    )}
                    <RevokeButton apiKey={key} />
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function CreatedKey({ created, onDismiss }: { created: ApiKeyCreated; onDismiss: () => void }) {
  const example = `curl -H "X-API-Key: ${created.key}" ${origin()}/api/v1/signals?limit=5`;
  return (
    <OneTimeSecret title={`Your new key "${created.name}"`} label="API key" value={created.key} onDismiss={onDismiss} testId="new-api-key">
      <p className="muted small">
        Send it in the <code>X-API-Key</code> header (or <code>Authorization: Bearer …</code>). For example:
      </p>
      <pre className="code-block">{example}</pre>
    </OneTimeSecret>
  );
}

/** The user's API keys: create (the key shown once), list, per-day usage, revoke. */
export function ApiKeysPage({ me }: { me: Me }) {
  const keys = useApiKeys();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<ApiKeyCreated | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const create = useCreateApiKey((key) => {
    setCreated(key);
    setCreating(false);
    setSelected(key.id);
  });
  const rows = keys.data ?? [];
  const chosen = rows.find((key) => key.id === selected) ?? null;
  const edited = rows.find((key) => key.id === editing) ?? null;
  return (
    <>
      <section className="panel" aria-labelledby="keys-title">
        <div className="panel-head">
          <h2 id="keys-title">API keys</h2>
          {!creating ? (
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => {
                setEditing(null);
                setCreating(true);
              }}
            >
              New key
            </button>
          ) : null}
        </div>
        <p className="muted small">
          Keys call the REST API from your code: send one in the <code>X-API-Key</code> header. A key can do what its scopes allow, within
          your tier, from the addresses its IP rules admit. Try them in the <a href="/api/docs">API docs</a> (Authorize).
        </p>
        {keys.isPending ? (
          <Skeleton rows={3} label="Loading API keys" />
        ) : keys.isError ? (
          <ErrorState error={keys.error} onRetry={() => void keys.refetch()} />
        ) : rows.length === 0 ? (
          <EmptyState title="No API keys yet">Create one to call the API from your own code.</EmptyState>
        ) : (
          <KeysTable
            keys={rows}
            selected={selected}
            onSelect={(id) => setSelected((current) => (current === id ? null : id))}
            onEdit={(id) => {
              setCreating(false);
              setEditing(id);
            }}
          />
        )}
      </section>
      {created ? <CreatedKey created={created} onDismiss={() => setCreated(null)} /> : null}
      {creating ? (
        <ApiKeyForm
          isAdmin={me.is_admin}
          pending={create.isPending}
          error={create.error}
          onSubmit={(body) => create.mutate(body)}
          onCancel={() => {
            setCreating(false);
            create.reset();
          }}
        />
      ) : null}
      {edited ? <EditKey key={edited.id} apiKey={edited} isAdmin={me.is_admin} onDone={() => setEditing(null)} /> : null}
      {chosen ? <KeyUsage apiKey={chosen} /> : null}
    </>
  );
}
