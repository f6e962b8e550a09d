import { useQuery } from '@tanstack/react-query';
import { type ReactNode, lazy } from 'react';
import { type SetupStatus, api } from '../../api';
import { Loading } from '../../ui/Page';
import { useMe } from '../session/session';

export const SETUP_KEY = ['setup'] as const;

// Its own file: only an empty install ever shows it.
const SetupPage = lazy(() => import('./SetupPage').then((m) => ({ default: m.SetupPage })));

/**
 * On an install with no organization yet, every page is the set-up page. Asked
 * alongside "who am I", so it costs no extra wait; a signed-out visitor waits
 * for the answer, so an empty install never flashes the sign-in page first.
 */
export function SetupGate({ children }: { children: ReactNode }) {
  const me = useMe();
  const setup = useQuery({ queryKey: SETUP_KEY, queryFn: () => api.get<SetupStatus>('/api/setup'), staleTime: Number.POSITIVE_INFINITY, retry: false });
  if (setup.data?.needed) return <SetupPage />;
  if (setup.isPending && !me.data) return <Loading />;
  return <>{children}</>;
}
