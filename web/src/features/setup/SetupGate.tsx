import { useQuery } from '@tanstack/react-query';
import { type ReactNode, lazy } from 'react';
import { useLocation } from 'react-router';
import { type SetupStatus, api } from '../../api';
import { Loading } from '../../ui/Page';
import { probablySignedIn, useMe } from '../session/session';

export const SETUP_KEY = ['setup'] as const;

// Its own file: only an empty install ever shows it.
const SetupPage = lazy(() => import('./SetupPage').then((m) => ({ default: m.SetupPage })));

/** Pages that show at once without asking the server anything (sign-in must appear fast on a slow tablet). */
const OPEN_PAGES = ['/sign-in', '/forgot-password', '/reset-password', '/invitation'];

/**
 * On an install with no organization yet, every page is the set-up page. The
 * question is asked alongside "who am I", so it adds no wait: a page that waits
 * for that answer anyway (Home, /setup, any signed-in page) waits for both, so
 * an empty install shows the set-up page first; the open pages never wait.
 */
export function SetupGate({ children }: { children: ReactNode }) {
  const me = useMe();
  const { pathname } = useLocation();
  // Someone signed in means the install is set up: asked only when nobody is. A browser that was
  // signed in last time waits for "who am I" first; any other asks both at once.
  const setup = useQuery({
    queryKey: SETUP_KEY,
    queryFn: () => api.get<SetupStatus>('/api/setup'),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
    enabled: !me.data && (!probablySignedIn() || me.isFetched),
  });
  if (setup.data?.needed) return <SetupPage />;
  if (setup.isPending && !me.data && !OPEN_PAGES.some((p) => pathname.startsWith(p))) return <Loading />;
  return <>{children}</>;
}
