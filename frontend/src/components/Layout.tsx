import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Suspense, useState } from 'react';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { api, unwrapData } from '../api/client';
import { useMe } from '../api/queries';
import { DataBanner } from './DataBanner';
import { ErrorBoundary } from './ErrorBoundary';
import { PageSkeleton } from './States';
import { SymbolJump } from './SymbolJump';

const NAV = [
  { to: '/', label: 'Dashboard', end: true },
  { to: '/matrix', label: 'Matrix', end: false },
  { to: '/patterns', label: 'Patterns', end: false },
  { to: '/signals', label: 'Signals', end: false },
  { to: '/chart/BTC-USDT', label: 'Chart', end: false },
  { to: '/developers', label: 'Developers', end: false },
];

export function Layout() {
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const [menuOpen, setMenuOpen] = useState(false);
  const logout = useMutation({
    mutationFn: () => unwrapData(api.POST('/api/v1/auth/logout')),
    onSettled: () => {
      queryClient.clear();
      void navigate('/login');
    },
  });
  const tier = me.data?.is_admin ? 'admin' : me.data?.tier;
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <NavLink to="/" className="brand" aria-label="CryptoLens home">
          <span className="brand-mark" aria-hidden="true">
            ◎
          </span>{' '}
          CryptoLens
        </NavLink>
        <button
          type="button"
          className="btn btn-ghost nav-toggle"
          aria-expanded={menuOpen}
          aria-controls="main-nav"
          onClick={() => setMenuOpen((open) => !open)}
        >
          Menu
        </button>
        <nav id="main-nav" className={menuOpen ? 'nav nav-open' : 'nav'} aria-label="Main">
          {NAV.map((item) => (
            <NavLink key={item.to} to={item.to} end={item.end} onClick={() => setMenuOpen(false)}>
              {item.label}
            </NavLink>
          ))}
          {me.data?.is_admin ? (
            <NavLink to="/admin" onClick={() => setMenuOpen(false)}>
              Admin
            </NavLink>
          ) : null}
        </nav>
        <SymbolJump />
        <div className="user">
          <NavLink to="/profile" className="user-link" title="Profile">
            <span className="user-email">{me.data?.email}</span>
            {tier ? <span className={`tier tier-${tier}`}>{tier}</span> : null}
          </NavLink>
          <NavLink to="/billing" className="user-billing">
            Billing
          </NavLink>
          <button type="button" className="btn btn-ghost" onClick={() => logout.mutate()} disabled={logout.isPending}>
            Sign out
          </button>
        </div>
      </header>
      <DataBanner />
      <main id="main" tabIndex={-1}>
        <ErrorBoundary resetKey={location.pathname}>
          <Suspense fallback={<PageSkeleton />}>
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </main>
    </div>
  );
}
