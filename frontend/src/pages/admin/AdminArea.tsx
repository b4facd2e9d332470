import { Navigate, NavLink, Route, Routes } from 'react-router';
import { NotFound } from '../NotFound';
import { AuditPage } from './AuditPage';
import { BroadcastsPage } from './BroadcastsPage';
import { ErrorPage } from './ErrorPage';
import { ErrorsPage } from './ErrorsPage';
import { JobsPage } from './JobsPage';
import { PaymentPage, PaymentsPage } from './PaymentsPage';
import { SettingsPage } from './SettingsPage';
import { StatsPage } from './StatsPage';
import { SubscriptionsPage } from './SubscriptionsPage';
import { SymbolsPage } from './SymbolsPage';
import { StudiesPage } from './studies/StudiesPage';
import { StudyPage } from './studies/StudyPage';
import { UserPage } from './UserPage';
import { UsersPage } from './UsersPage';
import './admin.css';

const SECTIONS = [
  { to: 'users', label: 'Users' },
  { to: 'subscriptions', label: 'Subscriptions' },
  { to: 'payments', label: 'Payments' },
  { to: 'errors', label: 'Errors' },
  { to: 'audit-log', label: 'Audit log' },
  { to: 'jobs', label: 'Jobs' },
  { to: 'settings', label: 'Settings' },
  { to: 'symbols', label: 'Symbols' },
  { to: 'broadcasts', label: 'Broadcasts' },
  { to: 'stats', label: 'Stats' },
  { to: 'studies', label: 'Studies' },
];

/** The admin console: a sub-navigation and one page per section (paths relative to /admin). */
export default function AdminArea() {
  return (
    <div className="admin">
      <nav className="admin-nav" aria-label="Admin">
        <span className="admin-title">Admin</span>
        {SECTIONS.map((section) => (
          <NavLink key={section.to} to={`/admin/${section.to}`}>
            {section.label}
          </NavLink>
        ))}
      </nav>
      <Routes>
        <Route index element={<Navigate to="users" replace />} />
        <Route path="users" element={<UsersPage />} />
        <Route path="users/:id" element={<UserPage />} />
        <Route path="subscriptions" element={<SubscriptionsPage />} />
        <Route path="payments" element={<PaymentsPage />} />
        <Route path="payments/:id" element={<PaymentPage />} />
        <Route path="errors" element={<ErrorsPage />} />
        <Route path="errors/:id" element={<ErrorPage />} />
        <Route path="audit-log" element={<AuditPage />} />
        <Route path="jobs" element={<JobsPage />} />
        <Route path="settings" element={<SettingsPage />} />
        <Route path="symbols" element={<SymbolsPage />} />
        <Route path="broadcasts" element={<BroadcastsPage />} />
        <Route path="stats" element={<StatsPage />} />
        <Route path="studies" element={<StudiesPage />} />
        <Route path="studies/:id" element={<StudyPage />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </div>
  );
}
