import { BROADCAST_STATUSES, type BroadcastQuery, useBroadcasts } from '../../api/admin';
import { api, unwrapData } from '../../api/client';
import { isOneOf } from '../../api/types';
import { FilterBar } from '../../components/admin/filters';
import { ListView } from '../../components/admin/ListView';
import { Time } from '../../components/Display';
import { FilterSelect, toOptions } from '../../components/FilterSelect';
import { FormError } from '../../components/States';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useFilters } from '../../hooks/useFilters';
import { BroadcastCompose } from './BroadcastCompose';
import { BroadcastTemplates } from './BroadcastTemplates';
import { useAdminAction } from './useAdminAction';

const FILTERS = ['status'] as const;

const TONES: Record<string, string> = { scheduled: 'info', sending: 'warn', completed: 'bull', cancelled: 'muted' };

export function BroadcastsPage() {
  useDocumentTitle('Admin · Broadcasts');
  const { values, cursor, setFilter, setCursor, clear } = useFilters(FILTERS);
  const query: BroadcastQuery = { limit: 50 };
  if (isOneOf(BROADCAST_STATUSES, values.status)) query.status = values.status;
  if (cursor) query.cursor = cursor;
  const broadcasts = useBroadcasts(query);
  const cancel = useAdminAction((id: number) =>
    unwrapData(api.POST('/api/v1/admin/broadcasts/{broadcast_id}/cancel', { params: { path: { broadcast_id: id } } })),
  );
  return (
    <div className="page page-wide">
      <div className="page-head">
        <h1>Broadcasts</h1>
      </div>
      <BroadcastCompose />
      <BroadcastTemplates />
      <h2>Sent and scheduled</h2>
      <FilterBar label="Filter broadcasts" onReset={clear}>
        <FilterSelect
          label="Status"
          value={values.status}
          options={toOptions(BROADCAST_STATUSES)}
          onChange={(value) => setFilter('status', value)}
        />
      </FilterBar>
      <FormError error={cancel.error} />
      <ListView query={broadcasts} cursor={cursor} onCursor={setCursor} label="broadcasts" emptyTitle="No broadcasts yet">
        {(rows) => (
          <table className="table dense" data-testid="broadcasts-table">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Status</th>
                <th scope="col">Title</th>
                <th scope="col">Tiers</th>
                <th scope="col">When</th>
                <th scope="col" className="right">
                  Recipients
                </th>
                <th scope="col" className="right">
                  Sent / failed / skipped / queued
                </th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {rows.map((broadcast) => (
                <tr key={broadcast.id} className={broadcast.failed ? 'row-alert' : undefined}>
                  <td className="num">{broadcast.id}</td>
                  <td>
                    <span className={`badge badge-${TONES[broadcast.status] ?? 'muted'}`}>{broadcast.status}</span>
                  </td>
                  <td className="ellipsis" title={broadcast.message}>
                    {broadcast.title}
                  </td>
                  <td>{broadcast.tiers.join(', ') || 'all'}</td>
                  <td>
                    <Time ms={broadcast.scheduled_for ?? broadcast.started_at ?? broadcast.created_at} />
                  </td>
                  <td className="right num">{broadcast.recipients}</td>
                  <td
                    className="right num"
                    title={broadcast.failure_reasons.map((item) => `user ${item.user_id}: ${item.reason ?? '?'}`).join('\n')}
                  >
                    {broadcast.sent} / <span className={broadcast.failed ? 'down' : undefined}>{broadcast.failed}</span> /{' '}
                    {broadcast.skipped} / {broadcast.queued}
                  </td>
                  <td>
                    {broadcast.status === 'scheduled' ? (
                      <button
                        type="button"
                        className="btn btn-ghost"
                        disabled={cancel.isPending}
                        onClick={() => cancel.mutate(broadcast.id)}
                      >
                        Cancel
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ListView>
    </div>
  );
}
