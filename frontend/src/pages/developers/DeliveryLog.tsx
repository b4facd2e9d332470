import { useSearchParams } from 'react-router';
import { metaCursor } from '../../api/client';
import {
  type DeliveryQuery,
  useDeliveries,
  useDelivery,
  useRedeliver,
  type WebhookAttempt,
  type WebhookDelivery,
} from '../../api/developers';
import { Time } from '../../components/Display';
import { FilterSelect, toOptions } from '../../components/FilterSelect';
import { Pager } from '../../components/Pager';
import { EmptyState, ErrorState, FormError, Skeleton } from '../../components/States';
import { useFilters } from '../../hooks/useFilters';
import { headerLines, prettyBody } from './rules';
import { EVENT_TYPES } from './WebhookForm';

const DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const;
const DELIVERY_TYPES = [...EVENT_TYPES, 'webhook.test'] as const;
const FILTERS = ['status', 'type'] as const;
const STATUS_OPTIONS = toOptions(DELIVERY_STATUSES);
const TYPE_OPTIONS = toOptions(DELIVERY_TYPES);
const TONES: Record<string, string> = { pending: 'info', succeeded: 'bull', failed: 'bear' };

export function DeliveryStatus({ status }: { status: string }) {
  return <span className={`badge badge-${TONES[status] ?? 'muted'}`}>{status}</span>;
}

/** The last answer in a word: the HTTP status, or the error (timeout, connection, tls,
 * blocked_address, endpoint_disabled…). */
function outcome(code: number | null | undefined, error: string | null | undefined): string {
  if (code != null) return `HTTP ${code}`;
  return error ?? '—';
}

function Excerpt({ label, text }: { label: string; text: string }) {
  return (
    <div className="excerpt">
      <div className="excerpt-label">{label}</div>
      {text ? <pre className="code-block">{text}</pre> : <p className="muted small">none</p>}
    </div>
  );
}

function Attempt({ attempt, index }: { attempt: WebhookAttempt; index: number }) {
  return (
    <li className="attempt" data-testid="delivery-attempt">
      <div className="attempt-head">
        <strong>#{index + 1}</strong> <span className="badge badge-muted">{attempt.kind}</span> <Time ms={attempt.attempted_at} seconds />{' '}
        <span className={attempt.succeeded ? 'up' : 'down'}>{outcome(attempt.status_code, attempt.error)}</span>{' '}
        <span className="muted num">{attempt.duration_ms} ms</span>
      </div>
      <div className="grid-2">
        <Excerpt label="Request headers" text={headerLines(attempt.request_headers)} />
        <Excerpt label="Response headers" text={headerLines(attempt.response_headers)} />
      </div>
      <Excerpt label="Response body (first 2,048 bytes)" text={attempt.response_body ?? ''} />
    </li>
  );
}

function DeliveryDetail({ webhookId, deliveryId, onClose }: { webhookId: number; deliveryId: string; onClose: () => void }) {
  const delivery = useDelivery(webhookId, deliveryId);
  const redeliver = useRedeliver(webhookId);
  return (
    <section className="panel" aria-labelledby="delivery-title" data-testid="delivery-detail">
      <div className="panel-head">
        <h2 id="delivery-title">
          Delivery <code>{deliveryId}</code>
        </h2>
        <div className="form-actions">
          <button
            type="button"
            className="btn"
            onClick={() => redeliver.mutate(deliveryId)}
            disabled={redeliver.isPending || delivery.data?.status === 'pending'}
            title={delivery.data?.status === 'pending' ? 'Still being retried: wait for it to succeed or fail' : undefined}
          >
            {redeliver.isPending ? 'Redelivering…' : 'Redeliver'}
          </button>
          <button type="button" className="btn btn-ghost" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
      <FormError error={redeliver.error} />
      {redeliver.data ? (
        <p role="status" className="small">
          Redelivered: <DeliveryStatus status={redeliver.data.delivery.status} />{' '}
          {outcome(redeliver.data.attempt.status_code, redeliver.data.attempt.error)}
        </p>
      ) : null}
      {delivery.isPending ? (
        <Skeleton rows={5} label="Loading the delivery" />
      ) : delivery.isError ? (
        <ErrorState error={delivery.error} onRetry={() => void delivery.refetch()} />
      ) : (
        <>
          <dl className="facts">
            <dt>Type</dt>
            <dd>
              <code>{delivery.data.type}</code>
            </dd>
            <dt>Status</dt>
            <dd>
              <DeliveryStatus status={delivery.data.status} />
            </dd>
            <dt>Created</dt>
            <dd>
              <Time ms={delivery.data.created_at} seconds />
            </dd>
            <dt>Next attempt</dt>
            <dd>
              <Time ms={delivery.data.next_attempt_at} seconds />
            </dd>
          </dl>
          <Excerpt label="Body sent" text={prettyBody(delivery.data.body)} />
          <h3>Attempts</h3>
          {delivery.data.attempt_log.length ? (
            <ol className="attempts">
              {delivery.data.attempt_log.map((attempt, index) => (
                <Attempt key={`${attempt.attempted_at}-${attempt.kind}`} attempt={attempt} index={index} />
              ))}
            </ol>
          ) : (
            <p className="muted">No attempt yet.</p>
          )}
        </>
      )}
    </section>
  );
}

function DeliveriesTable({ rows, selected, onSelect }: { rows: WebhookDelivery[]; selected: string; onSelect: (id: string) => void }) {
  return (
    <table className="table dense" data-testid="deliveries-table">
      <thead>
        <tr>
          <th scope="col">Delivery</th>
          <th scope="col">Type</th>
          <th scope="col">Created</th>
          <th scope="col">Status</th>
          <th scope="col" className="right">
            Attempts
          </th>
          <th scope="col">Last answer</th>
          <th scope="col">Next attempt</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} className={row.id === selected ? 'row-selected' : undefined}>
            <td>
              <button type="button" className="link-button" onClick={() => onSelect(row.id)} aria-pressed={row.id === selected}>
                <code>{row.id}</code>
              </button>
            </td>
            <td>
              <code>{row.type}</code>
            </td>
            <td>
              <Time ms={row.created_at} seconds />
            </td>
            <td>
              <DeliveryStatus status={row.status} />
            </td>
            <td className="num right">{row.attempts}</td>
            <td className="small">{outcome(row.last_status_code, row.last_error ?? row.reason)}</td>
            <td>{row.status === 'pending' ? <Time ms={row.next_attempt_at} relative /> : <span className="muted">—</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** An endpoint's delivery log, newest first, filtered and paged in the URL; a delivery opens
 * with its body and every attempt's request and response excerpts, and can be redelivered. */
export function DeliveryLog({ webhookId }: { webhookId: number }) {
  const { values, cursor, setFilter, setCursor } = useFilters(FILTERS);
  const [params, setParams] = useSearchParams();
  const selected = params.get('delivery') ?? '';
  // The open delivery is in the URL too (shareable), without resetting the page like a filter.
  const select = (id: string) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (id) next.set('delivery', id);
      else next.delete('delivery');
      return next;
    });
  const query: DeliveryQuery = {
    ...(values.status ? { status: values.status as DeliveryQuery['status'] } : {}),
    ...(values.type ? { type: values.type as DeliveryQuery['type'] } : {}),
    ...(cursor ? { cursor } : {}),
    limit: 25,
  };
  const deliveries = useDeliveries(webhookId, query);
  const rows = deliveries.data?.data ?? [];
  return (
    <>
      <section className="panel" aria-labelledby="log-title">
        <div className="panel-head">
          <h2 id="log-title">Delivery log</h2>
          <div className="filters">
            <FilterSelect label="Status" value={values.status} options={STATUS_OPTIONS} onChange={(value) => setFilter('status', value)} />
            <FilterSelect label="Type" value={values.type} options={TYPE_OPTIONS} onChange={(value) => setFilter('type', value)} />
          </div>
        </div>
        {deliveries.isPending ? (
          <Skeleton rows={5} label="Loading deliveries" />
        ) : deliveries.isError ? (
          <ErrorState error={deliveries.error} onRetry={() => void deliveries.refetch()} />
        ) : rows.length === 0 ? (
          <EmptyState title="No deliveries">
            Send a test event, or wait for a signal that passes the filters. Logs are kept 30 days.
          </EmptyState>
        ) : (
          <>
            <div className={deliveries.isPlaceholderData ? 'table-scroll loading' : 'table-scroll'}>
              <DeliveriesTable rows={rows} selected={selected} onSelect={(id) => select(id === selected ? '' : id)} />
            </div>
            <Pager
              cursor={cursor}
              nextCursor={metaCursor(deliveries.data.meta)}
              count={rows.length}
              onFirst={() => setCursor(null)}
              onNext={setCursor}
            />
          </>
        )}
      </section>
      {selected ? <DeliveryDetail webhookId={webhookId} deliveryId={selected} onClose={() => select('')} /> : null}
    </>
  );
}
