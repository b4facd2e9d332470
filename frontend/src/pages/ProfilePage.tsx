import { useMe } from '../api/queries';
import { ErrorState, PageSkeleton } from '../components/States';
import { ThemeToggle } from '../components/ThemeToggle';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { AccountSection } from './profile/AccountSection';
import { NotificationsSection } from './profile/NotificationsSection';
import { SessionsSection } from './profile/SessionsSection';
import { TwoFactorSection } from './profile/TwoFactorSection';

export default function ProfilePage() {
  useDocumentTitle('Profile');
  const me = useMe();
  if (me.isPending) return <PageSkeleton />;
  if (me.isError) return <ErrorState error={me.error} />;
  return (
    <div className="page">
      <h1>Profile</h1>
      <AccountSection me={me.data} />
      <section className="panel" aria-labelledby="appearance-title">
        <h2 id="appearance-title">Appearance</h2>
        <ThemeToggle />
      </section>
      <NotificationsSection me={me.data} />
      <TwoFactorSection me={me.data} />
      <SessionsSection />
    </div>
  );
}
