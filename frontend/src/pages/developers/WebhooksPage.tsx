import { useState } from 'react';
import { Link } from 'react-router';
import { useCreateWebhook, useWebhooks, type Webhook, type WebhookCreated } from '../../api/developers';
import { Time } from '../../components/Display';
import { EmptyState, ErrorState, Skeleton } from '../../components/States';
import { OneTimeSecret } from './OneTimeSecret';
import { WebhookForm } from './WebhookForm';
import { WebhookStatus } from './WebhookStatus';

function EndpointsTable({ endpoints }: { endpoints: Webhook[] }) {
  return (
    <div className="table-scroll">
      <table className="table dense" data-testid="webhooks-table">
        <thead>
          <tr>
            <th scope="col">URL</th>
            <th scope="col">Events</th>
            <th scope="col">Filters</th>
            <th scope="col">Status</th>
            <th scope="col">Created</th>
          </tr>
        </thead>
        <tbody>
          {endpoints.map((endpoint) => (
            <tr key={endpoint.id}>
              <td className="ellipsis" title={endpoint.description || endpoint.url}>
                <Link to={`/developers/webhooks/${endpoint.id}`}>{endpoint.url}</Link>
              </td>
              <td className="small">{endpoint.events.join(', ')}</td>
              <td className="small">
                {endpoint.filters.symbols.length ? endpoint.filters.symbols.join(', ') : 'all symbols'} · {endpoint.filters.direction}
                {endpoint.filters.min_confluence > 1 ? ` · confluence ≥ ${endpoint.filters.min_confluence}` : ''}
              </td>
              <td>
                <WebhookStatus endpoint={endpoint} />
              </td>
              <td>
                <Time ms={endpoint.created_at} relative />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CreatedEndpoint({ created, onDismiss }: { created: WebhookCreated; onDismiss: () => void }) {
  return (
    <OneTimeSecret
      title="Signing secret of the new endpoint"
      label="Signing secret"
      value={created.secret}
      onDismiss={onDismiss}
      testId="new-webhook-secret"
    >
      <p className="muted small">
        Each delivery carries <code>webhook-id</code>, <code>webhook-timestamp</code> and <code>webhook-signature</code> headers (Standard
        Webhooks): verify the HMAC-SHA256 with this secret in constant time and refuse timestamps more than 5 minutes off.{' '}
        <Link to={`/developers/webhooks/${created.id}`}>Open the endpoint</Link> to send a test event.
      </p>
    </OneTimeSecret>
  );
}

/** The user's webhook endpoints: list and create (the signing secret shown once). */
export function WebhooksPage() {
  const endpoints = useWebhooks();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<WebhookCreated | null>(null);
  const create = useCreateWebhook((endpoint) => {
    setCreated(endpoint);
    setCreating(false);
  });
  const rows = endpoints.data ?? [];
  return (
    <>
      <section className="panel" aria-labelledby="webhooks-title">
        <div className="panel-head">
          <h2 id="webhooks-title">Webhook endpoints</h2>
          {!creating ? (
            <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
              New endpoint
            </button>
          ) : null}
        </div>
        <p className="muted small">
          Signals (and, if you ask, patterns) are POSTed to your endpoints as JSON as they happen, signed, and retried for about a day when
          your server fails to answer 2xx. Up to 10 endpoints.
        </p>
        {endpoints.isPending ? (
          <Skeleton rows={3} label="Loading endpoints" />
        ) : endpoints.isError ? (
          <ErrorState error={endpoints.error} onRetry={() => void endpoints.refetch()} />
        ) : rows.length === 0 ? (
          <EmptyState title="No endpoints yet">Add the URL of a server of yours to receive signals as they happen.</EmptyState>
        ) : (
          <EndpointsTable endpoints={rows} />
        )}
      </section>
      {created ? <CreatedEndpoint created={created} onDismiss={() => setCreated(null)} /> : null}
      {creating ? (
        <WebhookForm
          endpoint={null}
          pending={create.isPending}
          error={create.error}
          onSubmit={(body) => create.mutate(body)}
          onCancel={() => {
            setCreating(false);
            create.reset();
          }}
        />
      ) : null}
    </>
  );
}
