import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, NavLink, useNavigate } from 'react-router';
import { type Me, api } from '../../api';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { hasRole, useMe, useStartSession } from './session';

/** Site header: the product name, the main navigation, who is signed in, and signing out. */
export function AppHeader() {
  const { data: me } = useMe();
  return (
    <header className="site-header">
      <div className="header-inner">
        <Link to="/" className="brand">
          Tandem
        </Link>
        {me && !me.mustAcknowledgeRoles ? <MainNav me={me} /> : null}
        {me ? <Account me={me} /> : null}
      </div>
    </header>
  );
}

function MainNav({ me }: { me: Me }) {
  const leader = hasRole(me, 'leader');
  return (
    <nav aria-label="Main" className="main-nav">
      <ul>
        <li>
          <NavLink to="/" end>
            Home
          </NavLink>
        </li>
        <li>
          <NavLink to="/partnerships/new">Start a partnership</NavLink>
        </li>
        {leader ? (
          <>
            <li>
              <NavLink to="/people">People</NavLink>
            </li>
            <li>
              <NavLink to="/sites">Sites</NavLink>
            </li>
            <li>
              <NavLink to="/practices">Practices</NavLink>
            </li>
            <li>
              <NavLink to="/templates">Templates</NavLink>
            </li>
          </>
        ) : null}
        <li>
          <NavLink to="/access-log">Who saw my content</NavLink>
        </li>
        <li>
          <NavLink to="/welcome">Roles</NavLink>
        </li>
      </ul>
    </nav>
  );
}

function Account({ me }: { me: Me }) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const startSession = useStartSession();
  const [error, setError] = useState<unknown>(null);
  const signOut = useMutation({
    mutationFn: (everywhere: boolean) => api.post(everywhere ? '/api/auth/logout-everywhere' : '/api/auth/logout'),
    onSuccess: () => {
      // A full page load drops every cached piece of coaching content from memory.
      client.clear();
      window.location.assign('/sign-in?signedOut=1');
    },
    onError: setError,
  });
  const switchOrg = useMutation({
    mutationFn: (personId: string) => api.post<Me>('/api/me/organization', { personId }),
    onSuccess: (next) => {
      startSession(next);
      navigate(next.mustAcknowledgeRoles ? '/welcome' : '/');
    },
    onError: setError,
  });
  return (
    <div className="account">
      <p className="account-name">
        <span className="visually-hidden">Signed in as </span>
        {me.name}
        <span className="account-org"> · {me.organization}</span>
      </p>
      {me.organizations.length > 1 ? (
        <div className="field inline-field">
          <label htmlFor="org-switch">Organization</label>
          <select id="org-switch" value={me.personId} onChange={(e) => switchOrg.mutate(e.target.value)} disabled={switchOrg.isPending}>
            {me.organizations.map((o) => (
              <option key={o.personId} value={o.personId}>
                {o.organization}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="account-actions">
        <NavLink to="/settings" className="account-link">
          Settings
        </NavLink>
        <Button variant="quiet" busy={signOut.isPending && signOut.variables === false} onClick={() => signOut.mutate(false)}>
          Sign out
        </Button>
        <Button variant="quiet" busy={signOut.isPending && signOut.variables === true} onClick={() => signOut.mutate(true)}>
          Sign out everywhere
        </Button>
      </div>
      <ErrorAlert error={error} />
    </div>
  );
}
