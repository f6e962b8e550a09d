/** The signed-in person, kept in the query cache under ["me"]; null when signed out. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, type Me, api, setCsrfToken } from '../../api';

export const ME_KEY = ['me'] as const;

/**
 * Whether this browser was signed in when it last asked: a hint (not a secret; the session cookie
 * is out of reach of scripts) so the first load fetches the sign-in page's file only where it is
 * likely to be needed. A wrong hint costs one round trip, never a wrong answer.
 */
const SIGNED_IN_HINT = 'tandem.signedIn';
export const probablySignedIn = () => {
  try {
    return window.localStorage.getItem(SIGNED_IN_HINT) === '1';
  } catch {
    return false;
  }
};
function rememberSignedIn(signedIn: boolean) {
  try {
    if (signedIn) window.localStorage.setItem(SIGNED_IN_HINT, '1');
    else window.localStorage.removeItem(SIGNED_IN_HINT);
  } catch {
    // Storage may be off (private browsing): the hint is only an optimisation.
  }
}

export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api.get<Me>('/api/me');
    setCsrfToken(me.csrfToken);
    rememberSignedIn(true);
    return me;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      rememberSignedIn(false);
      return null;
    }
    throw e;
  }
}

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 60_000, retry: false });
}

/** The signed-in person; only use below <RequireSession>, where it is always set. */
export function useSignedIn(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useSignedIn() used outside a signed-in page');
  return data;
}

/** After sign-in, invitation or reset: store the new session and forget everything cached for the old one (the "me" entry is replaced in place, so the header sees the change). */
export function useStartSession() {
  const client = useQueryClient();
  return (me: Me) => {
    setCsrfToken(me.csrfToken);
    rememberSignedIn(true);
    client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    client.setQueryData(ME_KEY, me);
  };
}

export function hasRole(me: Me, role: Me['roles'][number]) {
  return me.roles.includes(role);
}
