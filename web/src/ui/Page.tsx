import { type ReactNode, useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { useT } from '../i18n';
import { m } from './messages';

/** Sub-pages of one thing (a partnership's tabs) count as the same page for focus. */
function pageKey(pathname: string): string {
  return pathname.split('/').slice(0, 3).join('/');
}

/**
 * The frame of every screen: a skip link, the site header (with the nav
 * landmark passed in), and one <main>. After each navigation focus moves to
 * the new page's heading so screen-reader users hear where they are.
 */
export function Layout({ header, children }: { header: ReactNode; children: ReactNode }) {
  const t = useT(m);
  const location = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const h1 = document.querySelector<HTMLElement>('main h1');
    if (h1) {
      h1.setAttribute('tabindex', '-1');
      h1.focus();
    }
  }, [pageKey(location.pathname)]);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('skipToMain')}
      </a>
      {header}
      <main id="main" tabIndex={-1} className="main">
        {children}
      </main>
      <footer className="site-footer">
        <p>{t('footer')}</p>
      </footer>
    </>
  );
}

/** The page's one <h1>, which also sets the browser tab's title. */
export function PageTitle({ children, title }: { children: ReactNode; title: string }) {
  useEffect(() => {
    document.title = `${title} · Tandem`;
  }, [title]);
  return <h1>{children}</h1>;
}

/** "Loading your partnerships…": `what` is the caller's own words for what is coming, in the reader's language. */
export function Loading({ what }: { what?: string }) {
  const t = useT(m);
  return (
    <p className="loading" role="status">
      {what ? t('loading', { what }) : t('loadingPage')}
    </p>
  );
}

export function Section({ title, children, level = 2, id, className }: { title: ReactNode; children: ReactNode; level?: 2 | 3; id?: string; className?: string }) {
  const H = level === 2 ? 'h2' : 'h3';
  return (
    <section className={['section', className].filter(Boolean).join(' ')} aria-labelledby={id ? `${id}-title` : undefined}>
      <H id={id ? `${id}-title` : undefined}>{title}</H>
      {children}
    </section>
  );
}
