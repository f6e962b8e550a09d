import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorAlert } from '../../ui/Alert';
import { Loading } from '../../ui/Page';
import { useMe } from './session';

/** Sends signed-out visitors to sign in, and first-timers to the role descriptions. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { data: me, isPending, error } = useMe();
  const location = useLocation();
  if (isPending) return <Loading />;
  if (error) return <ErrorAlert error={error} />;
  if (!me) {
    const next = location.pathname + location.search;
    return <Navigate to={`/sign-in${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`} replace />;
  }
  if (me.mustAcknowledgeRoles && location.pathname !== '/welcome') return <Navigate to="/welcome" replace />;
  return <>{children}</>;
}
