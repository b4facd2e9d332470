import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Suspense, useState } from 'react';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { api, unwrapData } from '../api/client';
import { useMe } from '../api/queries';
import { backtestsUnlocked } from '../lib/tiers';
import { LiveControls } from '../live/LiveControls';
import { LiveProvider } from '../live/LiveProvider';
import { CardTables } from './CardTables';
import { DataBanner } from './DataBanner';
import { ZoneChip } from './Display';
import { ErrorBoundary } from './ErrorBoundary';
import { PageSkeleton } from './States';
import { SymbolJump } from './SymbolJump';
import { ThemeCycleButton } from './ThemeToggle';
import { Toasts } from './Toast';

const NAV = [
  { to: '/', label: 'Dashboard', end: true },
  { to: '/matrix', label: 'Matrix', end: false },
  { to: '/patterns', label: 'Patterns', end: false },
  { to: '/signals', label: 'Signals', end: false },
  { to: '/performance', label: 'Performance', end: false },
  { to: '/chart/BTC-USDT', label: 'Chart', end: false },
  { to: '/watchlist', label: 'Watchlist', end: false },
  { to: '/portfolios', label: 'Portfolios', end: false },
  { to: '/developers', label: 'Developers', end: false },
];

export function Layout() {
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  // The phone menu is open on the page it was opened on: any navigation closes it.
  const [menuOpenAt, setMenuOpenAt] = useState<string | null>(null);
  const menuOpen = menuOpenAt === location.pathname;
  const setMenuOpen = (open: boolean) => setMenuOpenAt(open ? location.pathname : null);
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
      <header className="topbar" data-menu={menuOpen ? 'open' : 'closed'}>
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
          onClick={() => setMenuOpen(!menuOpen)}
        >
          Menu
        </button>
        <nav id="main-nav" className={menuOpen ? 'nav nav-open' : 'nav'} aria-label="Main">
          {NAV.map((item) => (
            <NavLink key={item.to} to={item.to} end={item.end} onClick={() => setMenuOpen(false)}>
              {item.label}
            </NavLink>
          ))}
          {me.data && backtestsUnlocked(me.data) ? (
            <NavLink to="/backtests" onClick={() => setMenuOpen(false)}>
              Backtests
            </NavLink>
          ) : null}
          {me.data?.is_admin ? (
            <NavLink to="/admin" onClick={() => setMenuOpen(false)}>
              Admin
            </NavLink>
          ) : null}
        </nav>
        <SymbolJump />
        <LiveControls />
        <div className="topbar-extra">
          <ZoneChip />
          <ThemeCycleButton />
        </div>
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
      <LiveProvider />
      <DataBanner />
      <main id="main" tabIndex={-1}>
        <ErrorBoundary resetKey={location.pathname}>
          <Suspense fallback={<PageSkeleton />}>
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </main>
      <CardTables />
      <Toasts />
    </div>
  );
}
