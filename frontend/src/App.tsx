import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { Layout } from './components/Layout';
import { RequireAuth } from './components/RequireAuth';
import { PageSkeleton } from './components/States';
import { SymbolGate } from './components/SymbolNotFound';
import { AdminGate } from './pages/admin/AdminGate';
import { ForgotPasswordPage, LoginPage, RegisterPage, ResetPasswordPage, TotpPage, VerifyEmailPage } from './pages/auth';
import { Dashboard } from './pages/Dashboard';
import { MatrixPage } from './pages/MatrixPage';
import { NotFound } from './pages/NotFound';
import { PatternsPage } from './pages/PatternsPage';
import { SignalsPage } from './pages/SignalsPage';

// Heavier pages (the chart library, the profile's forms) load on demand.
const ChartPage = lazy(() => import('./pages/ChartPage'));
const SignalDetailPage = lazy(() => import('./pages/SignalDetailPage'));
const PatternDetailPage = lazy(() => import('./pages/PatternDetailPage'));
const ProfilePage = lazy(() => import('./pages/ProfilePage'));
const PerformancePage = lazy(() => import('./pages/PerformancePage'));
const WatchlistPage = lazy(() => import('./pages/WatchlistPage'));
const DevelopersPage = lazy(() => import('./pages/developers/DevelopersPage'));
const BillingPage = lazy(() => import('./pages/billing/BillingPage'));
const FakeCheckoutPage = lazy(() => import('./pages/billing/FakeCheckoutPage'));
const ReturnPage = lazy(() => import('./pages/billing/ReturnPage'));
const ReceiptPage = lazy(() => import('./pages/billing/ReceiptPage'));
const PortfoliosPage = lazy(() => import('./pages/portfolio/PortfoliosPage'));
const PortfolioPage = lazy(() => import('./pages/portfolio/PortfolioPage'));
const TradePage = lazy(() => import('./pages/portfolio/TradePage'));
const BacktestsPage = lazy(() => import('./pages/backtests/BacktestsPage'));
const BacktestPage = lazy(() => import('./pages/backtests/BacktestPage'));

export function App() {
  return (
    <Suspense fallback={<PageSkeleton />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/login/2fa" element={<TotpPage />} />
        <Route path="/register" element={<RegisterPage />} />
        <Route path="/verify-email" element={<VerifyEmailPage />} />
        <Route path="/forgot-password" element={<ForgotPasswordPage />} />
        <Route path="/reset-password" element={<ResetPasswordPage />} />
        <Route
          element={
            <RequireAuth>
              <Layout />
            </RequireAuth>
          }
        >
          <Route index element={<Dashboard />} />
          <Route path="/dashboard" element={<Navigate to="/" replace />} />
          <Route path="/matrix" element={<MatrixPage />} />
          <Route path="/patterns" element={<PatternsPage />} />
          <Route path="/patterns/:id" element={<PatternDetailPage />} />
          <Route path="/signals" element={<SignalsPage />} />
          <Route path="/signals/:id" element={<SignalDetailPage />} />
          <Route path="/performance" element={<PerformancePage />} />
          <Route
            path="/chart/:symbol"
            element={
              <SymbolGate>
                <ChartPage />
              </SymbolGate>
            }
          />
          <Route path="/chart" element={<Navigate to="/chart/BTC-USDT" replace />} />
          <Route path="/profile" element={<ProfilePage />} />
          <Route path="/watchlist" element={<WatchlistPage />} />
          <Route path="/portfolios" element={<PortfoliosPage />} />
          <Route path="/portfolios/:id" element={<PortfolioPage />} />
          <Route path="/trades/:id" element={<TradePage />} />
          <Route path="/backtests" element={<BacktestsPage />} />
          <Route path="/backtests/:id" element={<BacktestPage />} />
          <Route path="/developers/*" element={<DevelopersPage />} />
          <Route path="/billing" element={<BillingPage />} />
          <Route path="/billing/fake-checkout/:id" element={<FakeCheckoutPage />} />
          {/* The return_url given to providers: {public_url}/billing/return/{payment_id}. */}
          <Route path="/billing/return/:id" element={<ReturnPage />} />
          <Route path="/billing/payments/:id" element={<ReceiptPage />} />
          <Route path="/admin/*" element={<AdminGate />} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
