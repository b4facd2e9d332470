import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { type AdminUserDetail, type UserPatchIn, unwrapNoContent, useAdminUser } from '../../api/admin';
import { api, unwrapData } from '../../api/client';
import { Toggle } from '../../components/admin/Toggle';
import { StatusBadge, Time } from '../../components/Display';
import { ErrorState, FormError, PageSkeleton } from '../../components/States';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { NotFound } from '../NotFound';
import { UserPayments } from './UserPayments';
import { UserSubscription } from './UserSubscription';
import { UserFlags } from './UsersPage';
import { useAdminAction } from './useAdminAction';

function Account({ user }: { user: AdminUserDetail }) {
  const [notice, setNotice] = useState('');
  const patch = useAdminAction(
    (body: UserPatchIn) => unwrapData(api.PATCH('/api/v1/admin/users/{user_id}', { params: { path: { user_id: user.id } }, body })),
    () => setNotice('Saved'),
  );
  const unlock = useAdminAction(
    () => unwrapNoContent(api.POST('/api/v1/admin/users/{user_id}/unlock', { params: { path: { user_id: user.id } } })),
    () => setNotice('Unlocked'),
  );
  const endSessions = useAdminAction(
    () => unwrapData(api.POST('/api/v1/admin/users/{user_id}/end-sessions', { params: { path: { user_id: user.id } } })),
    (result) => setNotice(`${result.ended} session${result.ended === 1 ? '' : 's'} ended`),
  );
  const busy = patch.isPending || unlock.isPending || endSessions.isPending;
  const run = (action: () => void) => {
    setNotice('');
    for (const mutation of [patch, unlock, endSessions]) mutation.reset();
    action();
  };
  return (
    <section className="panel" aria-labelledby="account-title">
      <h2 id="account-title">Account</h2>
      <dl className="facts">
        <dt>Tier</dt>
        <dd>
          <span className={`tier tier-${user.tier}`} data-testid="user-tier">
            {user.tier}
          </span>
        </dd>
        <dt>Joined</dt>
        <dd>
          <Time ms={user.created_at} />
        </dd>
        <dt>Last sign-in</dt>
        <dd>
          <Time ms={user.last_login_at} />
        </dd>
        <dt>Timezone</dt>
        <dd>{user.timezone}</dd>
        <dt>Two-factor</dt>
        <dd>{user.two_factor ? 'on' : 'off'}</dd>
        <dt>Failed sign-ins</dt>
        <dd className="num">
          {user.failed_logins}
          {user.locked ? (
            <>
              {' '}
              <span className="badge badge-bear">locked</span> until <Time ms={user.locked_until} />
            </>
          ) : null}
        </dd>
      </dl>
      <div className="toolbar">
        <Toggle
          label="Active"
          checked={user.is_active}
          disabled={busy}
          onChange={(value) => run(() => patch.mutate({ is_active: value }))}
        />
        <Toggle
          label="Verified"
          checked={user.is_verified}
          disabled={busy}
          onChange={(value) => run(() => patch.mutate({ is_verified: value }))}
        />
        <Toggle label="Admin" checked={user.is_admin} disabled={busy} onChange={(value) => run(() => patch.mutate({ is_admin: value }))} />
      </div>
      <div className="toolbar">
        <button
          type="button"
          className="btn"
          disabled={busy || (!user.locked && user.failed_logins === 0)}
          onClick={() => run(() => unlock.mutate())}
        >
          Unlock
        </button>
        <button type="button" className="btn btn-danger" disabled={busy} onClick={() => run(() => endSessions.mutate())}>
          End sessions
        </button>
        {notice ? (
          <span role="status" className="ok">
            {notice}
          </span>
        ) : null}
      </div>
      <FormError error={patch.error ?? unlock.error ?? endSessions.error} />
    </section>
  );
}

function Sessions({ user }: { user: AdminUserDetail }) {
  return (
    <section className="panel" aria-labelledby="sessions-title">
      <h2 id="sessions-title">Open sessions ({user.sessions.length})</h2>
      {user.sessions.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <div className="table-scroll">
          <table className="table dense">
            <thead>
              <tr>
                <th scope="col">Started</th>
                <th scope="col">Last seen</th>
                <th scope="col">Expires</th>
                <th scope="col">IP</th>
                <th scope="col">Browser</th>
              </tr>
            </thead>
            <tbody>
              {user.sessions.map((session) => (
                <tr key={session.id}>
                  <td>
                    <Time ms={session.created_at} />
                  </td>
                  <td>
                    <Time ms={session.last_seen_at} relative />
                  </td>
                  <td>
                    <Time ms={session.expires_at} />
                  </td>
                  <td className="num">{session.ip ?? '—'}</td>
                  <td className="ellipsis" title={session.user_agent ?? ''}>
                    {session.user_agent ?? '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Deliveries({ user }: { user: AdminUserDetail }) {
  return (
    <section className="panel" aria-labelledby="deliveries-title">
      <h2 id="deliveries-title">Latest notifications</h2>
      {user.deliveries.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <div className="table-scroll">
          <table className="table dense">
            <thead>
              <tr>
                <th scope="col">Created</th>
                <th scope="col">Title</th>
                <th scope="col">Status</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {user.deliveries.map((delivery) => (
                <tr key={delivery.id}>
                  <td>
                    <Time ms={delivery.created_at} />
                  </td>
                  <td className="ellipsis">
                    {delivery.signal_id ? <Link to={`/signals/${delivery.signal_id}`}>{delivery.title}</Link> : delivery.title}
                  </td>
                  <td>
                    <StatusBadge status={delivery.status} />
                  </td>
                  <td className="muted">{delivery.reason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function UserPage() {
  const id = Number(useParams().id);
  const user = useAdminUser(id);
  useDocumentTitle(user.data ? `Admin · ${user.data.email}` : 'Admin · User');
  if (!Number.isInteger(id) || id <= 0) return <NotFound />;
  if (user.isPending) return <PageSkeleton />;
  if (user.isError) return <ErrorState error={user.error} onRetry={() => void user.refetch()} />;
  const data = user.data;
  return (
    <div className="page page-wide">
      <div className="page-head">
        <h1>
          {data.email} <UserFlags user={data} />
        </h1>
        <Link to="/admin/users">All users</Link>
      </div>
      {data.display_name ? <p className="muted">{data.display_name}</p> : null}
      <div className="grid-2">
        <Account user={data} />
        <UserSubscription user={data} />
      </div>
      <UserPayments user={data} />
      <Sessions user={data} />
      <Deliveries user={data} />
      <p>
        <Link to={`/admin/audit-log?target_type=user&target_id=${data.id}`}>Audit log of this user</Link>
      </p>
    </div>
  );
}
