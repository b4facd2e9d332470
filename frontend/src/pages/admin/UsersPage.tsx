import { Link } from 'react-router';
import { type AdminUser, type UserQuery, useAdminUsers } from '../../api/admin';
import { isOneOf, type Tier } from '../../api/types';
import { BoolFilter, FilterBar, SearchFilter } from '../../components/admin/filters';
import { ListView } from '../../components/admin/ListView';
import { Time } from '../../components/Display';
import { FilterSelect, toOptions } from '../../components/FilterSelect';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useFilters } from '../../hooks/useFilters';
import { boolParam } from '../../lib/admin';
import { TIER_ORDER } from '../../lib/tiers';
import { NewUser } from './NewUser';

const FILTERS = ['q', 'tier', 'is_active', 'is_verified', 'is_admin', 'locked'] as const;

export function UserFlags({ user }: { user: AdminUser }) {
  return (
    <>
      {user.is_admin ? <span className="tier tier-admin">admin</span> : null}
      {user.is_active ? null : <span className="badge badge-bear">inactive</span>}
      {user.is_verified ? null : <span className="badge badge-warn">unverified</span>}
      {user.locked ? <span className="badge badge-bear">locked</span> : null}
    </>
  );
}

export function UsersPage() {
  useDocumentTitle('Admin · Users');
  const { values, cursor, setFilter, setCursor, clear } = useFilters(FILTERS);
  const query: UserQuery = { limit: 50 };
  if (values.q) query.q = values.q;
  if (isOneOf<Tier>(TIER_ORDER, values.tier)) query.tier = values.tier;
  const flags = { is_active: boolParam(values.is_active), is_verified: boolParam(values.is_verified) };
  if (flags.is_active !== undefined) query.is_active = flags.is_active;
  if (flags.is_verified !== undefined) query.is_verified = flags.is_verified;
  const isAdmin = boolParam(values.is_admin);
  if (isAdmin !== undefined) query.is_admin = isAdmin;
  const locked = boolParam(values.locked);
  if (locked !== undefined) query.locked = locked;
  if (cursor) query.cursor = cursor;
  const users = useAdminUsers(query);
  return (
    <div className="page page-wide">
      <div className="page-head">
        <h1>Users</h1>
      </div>
      <NewUser />
      <FilterBar label="Filter users" onReset={clear}>
        <SearchFilter label="Search" placeholder="email or name" value={values.q} onChange={(value) => setFilter('q', value)} />
        <FilterSelect label="Tier" value={values.tier} options={toOptions(TIER_ORDER)} onChange={(value) => setFilter('tier', value)} />
        <BoolFilter label="Active" value={values.is_active} onChange={(value) => setFilter('is_active', value)} />
        <BoolFilter label="Verified" value={values.is_verified} onChange={(value) => setFilter('is_verified', value)} />
        <BoolFilter label="Admin" value={values.is_admin} onChange={(value) => setFilter('is_admin', value)} />
        <BoolFilter label="Locked" value={values.locked} onChange={(value) => setFilter('locked', value)} />
      </FilterBar>
      <ListView query={users} cursor={cursor} onCursor={setCursor} label="users" emptyTitle="No users match">
        {(rows) => (
          <table className="table dense" data-testid="users-table">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Email</th>
                <th scope="col">Name</th>
                <th scope="col">Tier</th>
                <th scope="col">Flags</th>
                <th scope="col" className="right">
                  Failed sign-ins
                </th>
                <th scope="col">Last sign-in</th>
                <th scope="col">Joined</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((user) => (
                <tr key={user.id}>
                  <td className="num">{user.id}</td>
                  <td>
                    <Link to={`/admin/users/${user.id}`}>{user.email}</Link>
                  </td>
                  <td>{user.display_name ?? <span className="muted">—</span>}</td>
                  <td>
                    <span className={`tier tier-${user.tier}`}>{user.tier}</span>
                  </td>
                  <td>
                    <UserFlags user={user} />
                  </td>
                  <td className="right num">{user.failed_logins}</td>
                  <td>
                    <Time ms={user.last_login_at} relative />
                  </td>
                  <td>
                    <Time ms={user.created_at} />
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
