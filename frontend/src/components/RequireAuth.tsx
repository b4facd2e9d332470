import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ApiError } from '../api/errors';
import { useMe } from '../api/queries';
import { ErrorState, PageSkeleton } from './States';

/** Signed-in pages: a 401 from /auth/me sends the user to sign in, then back here. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <PageSkeleton />;
  if (me.error instanceof ApiError && me.error.unauthorized) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  return <>{children}</>;
}
