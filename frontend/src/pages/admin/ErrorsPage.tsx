import { Link } from 'react-router';
import { ERROR_SOURCES, ERROR_STATUSES, type ErrorQuery, type ErrorStatus, useErrorGroups, useErrorStats } from '../../api/admin';
import { isOneOf } from '../../api/types';
import { ColumnChart } from '../../components/admin/ColumnChart';
import { FilterBar, SearchFilter } from '../../components/admin/filters';
import { ListView } from '../../components/admin/ListView';
import { Time } from '../../components/Display';
import { FilterSelect, toOptions } from '../../components/FilterSelect';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useFilters } from '../../hooks/useFilters';

const FILTERS = ['status', 'source', 'q'] as const;

const TONES: Record<ErrorStatus, string> = { new: 'bear', acknowledged: 'warn', resolved: 'bull', ignored: 'muted' };

export function ErrorStatusBadge({ status }: { status: ErrorStatus }) {
  return (
    <span className={`badge badge-${TONES[status]}`} data-testid="error-status">
      {status}
    </span>
  );
}

function ErrorSummary() {
  const stats = useErrorStats(14);
  if (!stats.data) return null;
  const { by_status: counts, daily } = stats.data;
  return (
    <div className="admin-summary">
      <div className="stats">
        {ERROR_STATUSES.map((status) => (
          <div key={status} className="stat">
            <div className="stat-label">{status}</div>
            <div className="stat-value num">{counts[status]}</div>
          </div>
        ))}
      </div>
      <ColumnChart
        title="Occurrences and new groups, last 14 days (UTC)"
        labels={daily.map((day) => day.day.slice(5))}
        series={[
          { name: 'occurrences', values: daily.map((day) => day.occurrences), color: 'var(--bear)' },
          { name: 'new groups', values: daily.map((day) => day.new_groups), color: 'var(--warn)' },
        ]}
        labelEvery={2}
      />
    </div>
  );
}

export function ErrorsPage() {
  useDocumentTitle('Admin · Errors');
  const { values, cursor, setFilter, setCursor, clear } = useFilters(FILTERS);
  const query: ErrorQuery = { limit: 50 };
  if (isOneOf(ERROR_STATUSES, values.status)) query.status = values.status;
  if (isOneOf(ERROR_SOURCES, values.source)) query.source = values.source;
  if (values.q) query.q = values.q;
  if (cursor) query.cursor = cursor;
  const errors = useErrorGroups(query);
  return (
    <div className="page page-wide">
      <div className="page-head">
        <h1>Errors</h1>
      </div>
      <ErrorSummary />
      <FilterBar label="Filter errors" onReset={clear}>
        <FilterSelect
          label="Status"
          value={values.status}
          options={toOptions(ERROR_STATUSES)}
          onChange={(value) => setFilter('status', value)}
        />
        <FilterSelect
          label="Source"
          value={values.source}
          options={toOptions(ERROR_SOURCES)}
          onChange={(value) => setFilter('source', value)}
        />
        <SearchFilter label="Search" placeholder="type or message" value={values.q} onChange={(value) => setFilter('q', value)} />
      </FilterBar>
      <ListView query={errors} cursor={cursor} onCursor={setCursor} label="errors" emptyTitle="No errors match">
        {(rows) => (
          <table className="table dense" data-testid="errors-table">
            <thead>
              <tr>
                <th scope="col">Status</th>
                <th scope="col">Error</th>
                <th scope="col">Where</th>
                <th scope="col">Message</th>
                <th scope="col" className="right">
                  Count
                </th>
                <th scope="col">Last seen</th>
                <th scope="col">First seen</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((group) => (
                <tr key={group.id} className={group.status === 'new' ? 'row-alert' : undefined}>
                  <td>
                    <ErrorStatusBadge status={group.status} />
                    {group.regressed_at ? <span className="badge badge-warn">regressed</span> : null}
                  </td>
                  <td>
                    <Link to={`/admin/errors/${group.id}`}>{group.error_type}</Link>
                  </td>
                  <td>
                    <code>{group.location}</code>
                  </td>
                  <td className="ellipsis" title={group.message}>
                    {group.message}
                  </td>
                  <td className="right num">{group.occurrence_count}</td>
                  <td>
                    <Time ms={group.last_seen} relative />
                  </td>
                  <td>
                    <Time ms={group.first_seen} />
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
