import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type MouseEvent, useEffect, useId, useRef, useState } from 'react';
import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import { type Me, api } from '../../api';
import { useT } from '../../i18n';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { m } from './messages';
import { hasRole, useMe, useStartSession } from './session';

/**
 * Site header: the product name, the main navigation, who is signed in, and signing out.
 * On a phone (under 640 px) the navigation and account sit behind a "Menu" button, so the
 * header is one row and the page starts near the top; on wider screens they are always shown
 * and the button is not there (CSS decides which, so nothing jumps while the page loads).
 */
export function AppHeader() {
  const { data: me } = useMe();
  return (
    <header className="site-header">
      <div className="header-inner">
        <Link to="/" className="brand">
          Tandem
        </Link>
        {me ? <HeaderMenu me={me} /> : null}
      </div>
    </header>
  );
}

/** The disclosure: closed after any navigation, on Escape, or when a link inside it is followed. */
function HeaderMenu({ me }: { me: Me }) {
  const t = useT(m);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const { pathname } = useLocation();

  /** Closes the menu; if focus was inside it (now hidden), it goes back to the button rather than to nowhere. */
  const close = () => {
    setOpen(false);
    requestAnimationFrame(() => {
      const active = document.activeElement;
      if (!active || active === document.body || panelRef.current?.contains(active)) {
        if (buttonRef.current && buttonRef.current.offsetParent !== null) buttonRef.current.focus();
      }
    });
  };

  // Back, forward or any link elsewhere on the page: the menu does not stay open over the new page.
  useEffect(() => setOpen(false), [pathname]);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);

  // Following a link, even to the page you are on, closes the menu.
  const onPanelClick = (e: MouseEvent<HTMLDivElement>) => {
    if (open && (e.target as Element).closest('a')) close();
  };

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="btn btn-secondary menu-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="menu-icon" aria-hidden="true" />
        {t('menu')}
      </button>
      <div id={panelId} ref={panelRef} className={['header-panel', open ? 'is-open' : ''].filter(Boolean).join(' ')} onClick={onPanelClick}>
        {!me.mustAcknowledgeRoles ? <MainNav me={me} /> : null}
        <Account me={me} />
      </div>
    </>
  );
}

/** "Start a partnership" and "Who saw my content" follow the abilities the server sent with "me" (privacy/policy.ts), not roles worked out here. */
function MainNav({ me }: { me: Me }) {
  const t = useT(m);
  const leader = hasRole(me, 'leader');
  return (
    <nav aria-label={t('mainNav')} className="main-nav">
      <ul>
        <li>
          <NavLink to="/" end>
            {t('nav_home')}
          </NavLink>
        </li>
        {me.abilities.startPartnership ? (
          <li>
            <NavLink to="/partnerships/new">{t('nav_start')}</NavLink>
          </li>
        ) : null}
        {leader ? (
          <>
            <li>
              <NavLink to="/people">{t('nav_people')}</NavLink>
            </li>
            <li>
              <NavLink to="/sites">{t('nav_sites')}</NavLink>
            </li>
            <li>
              <NavLink to="/practices">{t('nav_practices')}</NavLink>
            </li>
            <li>
              <NavLink to="/templates">{t('nav_templates')}</NavLink>
            </li>
            <li>
              <NavLink to="/organization">{t('nav_organization')}</NavLink>
            </li>
          </>
        ) : null}
        {me.abilities.adminMeetings ? (
          <li>
            <NavLink to="/meetings">{t('nav_meetings')}</NavLink>
          </li>
        ) : null}
        {me.abilities.readAccessLog ? (
          <li>
            <NavLink to="/access-log">{t('nav_accessLog')}</NavLink>
          </li>
        ) : null}
        {me.abilities.workLog ? (
          <li>
            <NavLink to="/work-log" end>
              {t('nav_workLog')}
            </NavLink>
          </li>
        ) : null}
        {me.abilities.coachesWorkLogs ? (
          <li>
            <NavLink to="/work-log/coaches">{t('nav_coachesWorkLogs')}</NavLink>
          </li>
        ) : null}
        <li>
          <NavLink to="/welcome">{t('nav_roles')}</NavLink>
        </li>
      </ul>
    </nav>
  );
}

function Account({ me }: { me: Me }) {
  const t = useT(m);
  const client = useQueryClient();
  const navigate = useNavigate();
  const startSession = useStartSession();
  const [error, setError] = useState<unknown>(null);
  /** Observation taps still on this device, not yet sent: asked about before signing out. */
  const [unsent, setUnsent] = useState<{ count: number; everywhere: boolean } | null>(null);
  const signOut = useMutation({
    mutationFn: async ({ everywhere, anyway }: { everywhere: boolean; anyway: boolean }) => {
      // The device's observation store is its own file, fetched only now (it is not on the first screens).
      const device = await import('../observations/record/device').catch(() => null);
      const count = device && !anyway ? await device.unsentOnDevice().catch(() => 0) : 0;
      if (count > 0) return { waiting: count, everywhere };
      await api.post(everywhere ? '/api/auth/logout-everywhere' : '/api/auth/logout');
      // What reached Tandem leaves this device with the person; what still waits stays, never lost.
      await device?.forgetOnSignOut().catch(() => undefined);
      return null;
    },
    onSuccess: (asked) => {
      if (asked) {
        setUnsent({ count: asked.waiting, everywhere: asked.everywhere });
        return;
      }
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
        <span className="visually-hidden">{t('signedInAs')} </span>
        {me.name}
        <span className="account-org"> · {me.organization}</span>
      </p>
      {me.organizations.length > 1 ? (
        <div className="field inline-field">
          <label htmlFor="org-switch">{t('organization')}</label>
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
          {t('settings')}
        </NavLink>
        <Button variant="quiet" busy={signOut.isPending && signOut.variables?.everywhere === false} onClick={() => signOut.mutate({ everywhere: false, anyway: false })}>
          {t('signOut')}
        </Button>
        <Button variant="quiet" busy={signOut.isPending && signOut.variables?.everywhere === true} onClick={() => signOut.mutate({ everywhere: true, anyway: false })}>
          {t('signOutEverywhere')}
        </Button>
      </div>
      {unsent ? (
        <div className="unsent-warning" role="alert">
          <p>{t('unsentTaps', { count: unsent.count })}</p>
          <div className="button-row">
            <Button variant="secondary" onClick={() => setUnsent(null)}>
              {t('unsentStay')}
            </Button>
            <Button variant="danger" busy={signOut.isPending} onClick={() => signOut.mutate({ everywhere: unsent.everywhere, anyway: true })}>
              {t('unsentSignOutAnyway')}
            </Button>
          </div>
        </div>
      ) : null}
      <ErrorAlert error={error} />
    </div>
  );
}
