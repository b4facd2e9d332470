import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useDeleteWebhook, useRotateSecret, useTestWebhook, useUpdateWebhook, useWebhook, type Webhook } from '../../api/developers';
import { Time } from '../../components/Display';
import { ErrorState, FormError, Skeleton } from '../../components/States';
import { ConfirmButton } from './ConfirmButton';
import { DeliveryLog, DeliveryStatus } from './DeliveryLog';
import { OneTimeSecret } from './OneTimeSecret';
import { WebhookForm } from './WebhookForm';
import { WebhookStatus } from './WebhookStatus';

function Actions({ endpoint, onEdit }: { endpoint: Webhook; onEdit: () => void }) {
  const navigate = useNavigate();
  const test = useTestWebhook(endpoint.id);
  const rotate = useRotateSecret(endpoint.id);
  const update = useUpdateWebhook(endpoint.id);
  const remove = useDeleteWebhook(endpoint.id, () => void navigate('/developers/webhooks'));
  const active = endpoint.status === 'active';
  return (
    <>
      <div className="form-actions">
        <button type="button" className="btn btn-primary" onClick={() => test.mutate()} disabled={test.isPending}>
          {test.isPending ? 'Sending…' : 'Send test event'}
        </button>
        <button type="button" className="btn" onClick={onEdit}>
          Edit
        </button>
        <button type="button" className="btn" onClick={() => update.mutate({ enabled: !active })} disabled={update.isPending}>
          {active ? 'Disable' : 'Enable'}
        </button>
        <ConfirmButton label="Rotate secret" confirm="Confirm: new secret" pending={rotate.isPending} onConfirm={() => rotate.mutate()} />
        <ConfirmButton label="Delete" confirm="Confirm delete" pending={remove.isPending} onConfirm={() => remove.mutate()} />
      </div>
      {test.data ? (
        <p className="small" role="status" data-testid="test-result">
          Test event <code>{test.data.delivery.id}</code>: <DeliveryStatus status={test.data.delivery.status} />{' '}
          {test.data.attempt.status_code != null ? `HTTP ${test.data.attempt.status_code}` : (test.data.attempt.error ?? '')}{' '}
          <span className="muted num">{test.data.attempt.duration_ms} ms</span>
        </p>
      ) : null}
      <FormError error={test.error ?? rotate.error ?? update.error ?? remove.error} />
      {rotate.data ? (
        <OneTimeSecret
          title="New signing secret"
          label="Signing secret"
          value={rotate.data.secret}
          onDismiss={() => rotate.reset()}
          testId="rotated-secret"
        >
          <p className="muted small">
            For the next 24 hours every delivery carries two signatures, the new one first, so you can switch your receiver over without
            missing events.
          </p>
        </OneTimeSecret>
      ) : null}
    </>
  );
}

function Summary({ endpoint }: { endpoint: Webhook }) {
  return (
    <dl className="facts">
      <dt>Status</dt>
      <dd>
        <WebhookStatus endpoint={endpoint} />
        {endpoint.status === 'auto_disabled' ? (
          <span className="small">
            {' '}
            {endpoint.disabled_reason} (<Time ms={endpoint.disabled_at} />) — fix the receiver, then Enable.
          </span>
        ) : null}
      </dd>
      {endpoint.description ? (
        <>
          <dt>Description</dt>
          <dd>{endpoint.description}</dd>
        </>
      ) : null}
      <dt>Events</dt>
      <dd>
        {endpoint.events.map((type) => (
          <code key={type} className="tag">
            {type}
          </code>
        ))}
      </dd>
      <dt>Symbols</dt>
      <dd>{endpoint.filters.symbols.length ? endpoint.filters.symbols.join(', ') : 'all'}</dd>
      <dt>Direction</dt>
      <dd>{endpoint.filters.direction}</dd>
      <dt>Min. confluence</dt>
      <dd className="num">{endpoint.filters.min_confluence}</dd>
      <dt>Failed in a row</dt>
      <dd className="num" title="Consecutive failed attempts (test events excluded); 10 over 24 hours disable the endpoint">
        {endpoint.failure_streak}
      </dd>
      {endpoint.previous_secret_until ? (
        <>
          <dt>Previous secret</dt>
          <dd>
            also signs until <Time ms={endpoint.previous_secret_until} />
          </dd>
        </>
      ) : null}
      <dt>Payload version</dt>
      <dd className="num">{endpoint.payload_version}</dd>
      <dt>Created</dt>
      <dd>
        <Time ms={endpoint.created_at} />
      </dd>
    </dl>
  );
}

function Editor({ endpoint, onDone }: { endpoint: Webhook; onDone: () => void }) {
  const update = useUpdateWebhook(endpoint.id);
  return (
    <WebhookForm
      endpoint={endpoint}
      pending={update.isPending}
      error={update.error}
      onSubmit={(body) => update.mutate(body, { onSuccess: onDone })}
      onCancel={onDone}
    />
  );
}

/** /developers/webhooks/:id: an endpoint's settings, test, rotate, enable, delete, and its log. */
export function WebhookPage() {
  const id = Number(useParams().id);
  const endpoint = useWebhook(id);
  const [editing, setEditing] = useState(false);
  return (
    <>
      <p className="small">
        <Link to="/developers/webhooks">← All endpoints</Link>
      </p>
      {endpoint.isPending ? (
        <Skeleton rows={6} label="Loading the endpoint" />
      ) : endpoint.isError ? (
        <ErrorState error={endpoint.error} onRetry={() => void endpoint.refetch()} />
      ) : (
        <>
          <section className="panel" aria-labelledby="endpoint-title" data-testid="webhook-endpoint">
            <h2 id="endpoint-title" className="endpoint-url">
              {endpoint.data.url}
            </h2>
            <Summary endpoint={endpoint.data} />
            <Actions endpoint={endpoint.data} onEdit={() => setEditing(true)} />
          </section>
          {editing ? <Editor endpoint={endpoint.data} onDone={() => setEditing(false)} /> : null}
          <DeliveryLog webhookId={id} />
        </>
      )}
    </>
  );
}
