import { type FormEvent, useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { type GrantIn, PLANS } from '../../api/admin';
import { api, unwrapData } from '../../api/client';
import { FormError } from '../../components/States';
import { useAdminAction } from './useAdminAction';

/** Create an account (the password policy and a taken email are the API's to refuse), optionally
 * with a plan; then open its page. */
export function NewUser() {
  const navigate = useNavigate();
  const ids = { email: useId(), password: useId(), name: useId(), plan: useId(), days: useId() };
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [name, setName] = useState('');
  const [verified, setVerified] = useState(true);
  const [isAdmin, setIsAdmin] = useState(false);
  const [plan, setPlan] = useState('');
  const [days, setDays] = useState('30');
  const create = useAdminAction(
    () => {
      const grant: GrantIn | null = plan ? { plan: plan as GrantIn['plan'], days: Number(days), lifetime: false } : null;
      return unwrapData(
        api.POST('/api/v1/admin/users', {
          body: { email: email.trim(), password, display_name: name.trim() || null, is_verified: verified, is_admin: isAdmin, grant },
        }),
      );
    },
    (user) => void navigate(`/admin/users/${user.id}`),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <details className="panel">
      <summary>
        <strong>New user</strong>
      </summary>
      <form className="form" onSubmit={submit} aria-label="New user">
        <div className="form-row">
          <div className="field">
            <label htmlFor={ids.email}>Email</label>
            <input
              id={ids.email}
              type="email"
              autoComplete="off"
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              required
            />
          </div>
          <div className="field">
            <label htmlFor={ids.password}>Password</label>
            <input
              id={ids.password}
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              required
            />
          </div>
          <div className="field">
            <label htmlFor={ids.name}>Display name</label>
            <input id={ids.name} maxLength={60} value={name} onChange={(event) => setName(event.target.value)} />
          </div>
        </div>
        <div className="form-row">
          <label className="check">
            <input type="checkbox" checked={verified} onChange={(event) => setVerified(event.target.checked)} />
            Verified (unticked: a verification mail goes out)
          </label>
          <label className="check">
            <input type="checkbox" checked={isAdmin} onChange={(event) => setIsAdmin(event.target.checked)} />
            Admin
          </label>
          <div className="field">
            <label htmlFor={ids.plan}>Plan</label>
            <select id={ids.plan} value={plan} onChange={(event) => setPlan(event.target.value)}>
              <option value="">None (free)</option>
              {PLANS.map((value) => (
                <option key={value} value={value}>
                  {value}
                </option>
              ))}
            </select>
          </div>
          {plan ? (
            <div className="field">
              <label htmlFor={ids.days}>Days</label>
              <input id={ids.days} type="number" min={1} max={3650} value={days} onChange={(event) => setDays(event.target.value)} />
            </div>
          ) : null}
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={create.isPending}>
            Create user
          </button>
          <FormError error={create.error} />
        </div>
      </form>
    </details>
  );
}
