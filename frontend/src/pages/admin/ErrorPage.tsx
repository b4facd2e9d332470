import { useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ERROR_STATUSES, type ErrorGroupDetail, type ErrorStatus, useErrorGroup } from '../../api/admin';
import { api, unwrapData } from '../../api/client';
import { ColumnChart } from '../../components/admin/ColumnChart';
import { Time } from '../../components/Display';
import { ErrorState, FormError, PageSkeleton } from '../../components/States';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { NotFound } from '../NotFound';
import { ErrorStatusBadge } from './ErrorsPage';
import { useAdminAction } from './useAdminAction';

const ACTION_LABELS: Record<ErrorStatus, string> = {
  new: 'Reopen',
  acknowledged: 'Acknowledge',
  resolved: 'Mark resolved',
  ignored: 'Ignore',
};

function StatusActions({ group }: { group: ErrorGroupDetail }) {
  const noteId = useId();
  const [note, setNote] = useState('');
  const change = useAdminAction(
    (status: ErrorStatus) =>
      unwrapData(
        api.POST('/api/v1/admin/errors/{error_id}/status', {
          params: { path: { error_id: group.id } },
          body: note.trim() ? { status, note: note.trim() } : { status },
        }),
      ),
    () => setNote(''),
  );
  return (
    <section className="panel" aria-labelledby="status-title">
      <h2 id="status-title">Status</h2>
      <p>
        <ErrorStatusBadge status={group.status} />
        {group.status_changed_at ? (
          <span className="muted small">
            {' '}
            since <Time ms={group.status_changed_at} />
            {group.status_changed_by ? (
              <>
                {' '}
                by <Link to={`/admin/users/${group.status_changed_by}`}>user {group.status_changed_by}</Link>
              </>
            ) : null}
          </span>
        ) : null}
      </p>
      <div className="field">
        <label htmlFor={noteId}>Note (optional, appended)</label>
        <textarea id={noteId} rows={2} maxLength={2000} value={note} onChange={(event) => setNote(event.target.value)} />
      </div>
      <div className="toolbar">
        {ERROR_STATUSES.filter((status) => status !== group.status).map((status) => (
          <button
            key={status}
            type="button"
            className={status === 'resolved' ? 'btn btn-primary' : 'btn'}
            disabled={change.isPending}
            onClick={() => change.mutate(status)}
          >
            {ACTION_LABELS[status]}
          </button>
        ))}
      </div>
      <FormError error={change.error} />
      {group.notes ? <pre className="code-block notes">{group.notes}</pre> : null}
    </section>
  );
}

function Occurrences({ group }: { group: ErrorGroupDetail }) {
  return (
    <section className="panel" aria-labelledby="occurrences-title">
      <h2 id="occurrences-title">Latest occurrences ({group.occurrences.length})</h2>
      <ul className="occurrences" data-testid="occurrences">
        {group.occurrences.map((occurrence) => (
          <li key={occurrence.id}>
            <details>
              <summary>
                <Time ms={occurrence.occurred_at} seconds />{' '}
                {occurrence.method ? (
                  <code>
                    {occurrence.method} {occurrence.path}
                  </code>
                ) : null}
                {occurrence.job_id ? <code>job {occurrence.job_id}</code> : null}
                {occurrence.user_id ? (
                  <>
                    {' '}
                    <Link to={`/admin/users/${occurrence.user_id}`}>user {occurrence.user_id}</Link>
                  </>
                ) : null}
                {occurrence.request_id ? <span className="muted small"> request {occurrence.request_id}</span> : null}
              </summary>
              <dl className="facts">
                <dt>Query</dt>
                <dd>
                  <pre className="code-block">{occurrence.query ? JSON.stringify(occurrence.query, null, 2) : '—'}</pre>
                </dd>
                <dt>Headers</dt>
                <dd>
                  <pre className="code-block">{occurrence.headers ? JSON.stringify(occurrence.headers, null, 2) : '—'}</pre>
                </dd>
                <dt>Body</dt>
                <dd>
                  <pre className="code-block">{occurrence.body ?? '—'}</pre>
                </dd>
              </dl>
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ErrorPage() {
  const id = Number(useParams().id);
  const group = useErrorGroup(id);
  useDocumentTitle(group.data ? `Admin · ${group.data.error_type}` : 'Admin · Error');
  if (!Number.isInteger(id) || id <= 0) return <NotFound />;
  if (group.isPending) return <PageSkeleton />;
  if (group.isError) return <ErrorState error={group.error} onRetry={() => void group.refetch()} />;
  const data = group.data;
  return (
    <div className="page page-wide">
      <div className="page-head">
        <h1>
          <code>{data.error_type}</code> <ErrorStatusBadge status={data.status} />
        </h1>
        <Link to="/admin/errors">All errors</Link>
      </div>
      <p className="error-message">{data.message}</p>
      <div className="grid-2">
        <section className="panel" aria-labelledby="facts-title">
          <h2 id="facts-title">Group</h2>
          <dl className="facts">
            <dt>Source</dt>
            <dd>{data.source}</dd>
            <dt>Where</dt>
            <dd>
              <code>{data.location}</code>
            </dd>
            <dt>Frames</dt>
            <dd>
              <code className="wrap">{data.frames || '—'}</code>
            </dd>
            <dt>Occurrences</dt>
            <dd className="num">{data.occurrence_count}</dd>
            <dt>First seen</dt>
            <dd>
              <Time ms={data.first_seen} />
            </dd>
            <dt>Last seen</dt>
            <dd>
              <Time ms={data.last_seen} />
            </dd>
            {data.regressed_at ? (
              <>
                <dt>Regressed</dt>
                <dd>
                  <Time ms={data.regressed_at} />
                </dd>
              </>
            ) : null}
          </dl>
          {data.daily_counts.length ? (
            <ColumnChart
              title="Occurrences per day (UTC)"
              labels={data.daily_counts.map((day) => day.day.slice(5))}
              series={[{ name: 'occurrences', values: data.daily_counts.map((day) => day.occurrences), color: 'var(--bear)' }]}
            />
          ) : null}
        </section>
        <StatusActions group={data} />
      </div>
      <section className="panel" aria-labelledby="traceback-title">
        <h2 id="traceback-title">Traceback (latest)</h2>
        <pre className="code-block traceback" data-testid="traceback">
          {data.traceback}
        </pre>
      </section>
      <Occurrences group={data} />
    </div>
  );
}
