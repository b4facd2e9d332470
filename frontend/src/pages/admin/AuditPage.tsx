import { Link } from 'react-router';
import { type AuditEntry, type AuditQuery, useAuditLog } from '../../api/admin';
import { FilterBar, SearchFilter } from '../../components/admin/filters';
import { ListView } from '../../components/admin/ListView';
import { Time } from '../../components/Display';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useFilters } from '../../hooks/useFilters';
import { briefValue, changedKeys, intParam } from '../../lib/admin';

const FILTERS = ['actor_id', 'action', 'target_type', 'target_id'] as const;

/** Where a target lives in the console, when it has a page. */
function targetLink(entry: AuditEntry): string | null {
  if (!entry.target_id) return null;
  if (entry.target_type === 'user' || entry.target_type === 'subscription') return `/admin/users/${entry.target_id}`;
  if (entry.target_type === 'error_group' || entry.target_type === 'error') return `/admin/errors/${entry.target_id}`;
  return null;
}

function Changes({ entry }: { entry: AuditEntry }) {
  const keys = changedKeys(entry.before, entry.after);
  if (!keys.length) return <span className="muted">—</span>;
  return (
    <ul className="changes">
      {keys.map((key) => (
        <li key={key}>
          <code>{key}</code>{' '}
          {entry.before === null || entry.after === null ? (
            // A creation (or a deletion) has one side only: show its values, not "— →".
            briefValue((entry.after ?? entry.before)?.[key])
          ) : (
            <>
              <span className="muted">{briefValue(entry.before[key])}</span> → {briefValue(entry.after[key])}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

export function AuditPage() {
  useDocumentTitle('Admin · Audit log');
  const { values, cursor, setFilter, setCursor, clear } = useFilters(FILTERS);
  const query: AuditQuery = { limit: 50 };
  const actor = intParam(values.actor_id);
  if (actor !== undefined) query.actor_id = actor;
  if (values.action) query.action = values.action;
  if (values.target_type) query.target_type = values.target_type;
  if (values.target_id) query.target_id = values.target_id;
  if (cursor) query.cursor = cursor;
  const entries = useAuditLog(query);
  return (
    <div className="page page-wide">
      <div className="page-head">
        <h1>Audit log</h1>
      </div>
      <FilterBar label="Filter the audit log" onReset={clear}>
        <SearchFilter
          label="Action"
          placeholder="user.update or user."
          value={values.action}
          onChange={(value) => setFilter('action', value)}
        />
        <SearchFilter
          label="Target type"
          placeholder="user"
          value={values.target_type}
          onChange={(value) => setFilter('target_type', value)}
        />
        <SearchFilter label="Target id" value={values.target_id} onChange={(value) => setFilter('target_id', value)} />
        <SearchFilter label="Actor id" type="number" value={values.actor_id} onChange={(value) => setFilter('actor_id', value)} />
      </FilterBar>
      <ListView query={entries} cursor={cursor} onCursor={setCursor} label="audit entries" emptyTitle="No audit entries match">
        {(rows) => (
          <table className="table dense" data-testid="audit-table">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Actor</th>
                <th scope="col">Action</th>
                <th scope="col">Target</th>
                <th scope="col">Changes</th>
                <th scope="col">IP</th>
                <th scope="col">Request</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((entry) => {
                const link = targetLink(entry);
                const target = `${entry.target_type}${entry.target_id ? ` ${entry.target_id}` : ''}`;
                return (
                  <tr key={entry.id}>
                    <td>
                      <Time ms={entry.created_at} seconds />
                    </td>
                    <td>{entry.actor_id ? <Link to={`/admin/users/${entry.actor_id}`}>{entry.actor_email}</Link> : entry.actor_email}</td>
                    <td>
                      <code>{entry.action}</code>
                    </td>
                    <td>{link ? <Link to={link}>{target}</Link> : target}</td>
                    <td className="wrap-cell">
                      <Changes entry={entry} />
                    </td>
                    <td className="num">{entry.ip ?? '—'}</td>
                    <td className="muted small">{entry.request_id ?? ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </ListView>
    </div>
  );
}
