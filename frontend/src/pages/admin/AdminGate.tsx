import { lazy } from 'react';
import { useMe } from '../../api/queries';
import { PageSkeleton } from '../../components/States';
import { NotFound } from '../NotFound';

// The console's code loads only for admins; nobody else learns it exists.
const AdminArea = lazy(() => import('./AdminArea'));

/** /admin/*: the console for admins (is_admin from /auth/me); the not-found page for anyone else. */
export function AdminGate() {
  const me = useMe();
  if (me.isPending) return <PageSkeleton />;
  if (!me.data?.is_admin) return <NotFound />;
  return <AdminArea />;
}
