import { Suspense, useEffect, useRef } from 'react';
import { Outlet, useLocation, useParams } from 'react-router';
import { ErrorAlert } from '../../ui/Alert';
import { Loading, PageTitle } from '../../ui/Page';
import { useLanguage, useT } from '../../i18n';
import { useSignedIn } from '../session/session';
import { m } from './messages';
import { SectionNav } from './SectionNav';
import { sectionAt, visibleGroups } from './sections';
import { StatusSection } from './StatusSection';
import { usePartnershipQuery } from './usePartnership';
import { viewerTitle } from './viewerTitle';

export { OverviewSection } from './OverviewSection';

/**
 * One partnership, named from the viewer's side ("Coaching with Carmen Diaz"),
 * with its sections in groups (SectionNav) and the chosen one below. The first
 * view is the overview: progress, not settings.
 */
export function PartnershipPage() {
  const t = useT(m);
  const { language } = useLanguage();
  const { id = '' } = useParams();
  const me = useSignedIn();
  const location = useLocation();
  const q = usePartnershipQuery(id);
  const section = sectionAt(location.pathname, location.search);
  useFocusSectionOnChange(`${location.pathname}${location.search}`, !!q.data);

  if (q.isPending) return <Loading what={t('loading')} />;
  if (q.error || !q.data) {
    return (
      <div>
        <PageTitle title={t('fallbackTitle')}>{t('fallbackTitle')}</PageTitle>
        <ErrorAlert error={q.error} />
      </div>
    );
  }
  const p = q.data;
  const title = viewerTitle(t, language, p, me.personId);
  const groups = visibleGroups(p, me.personId);
  return (
    <div className="partnership-page">
      <PageTitle title={title}>{title}</PageTitle>
      <p className="status-line">
        <span className={`status status-${p.status}`}>{t('status', { status: p.status })}</span>
      </p>
      <div className="partnership-body">
        <SectionNav partnershipId={p.id} groups={groups} current={section} />
        <div id="partnership-section" className="partnership-section">
          {section.titled ? null : <h2>{t(`section_${section.key}`)}</h2>}
          <Suspense fallback={<Loading />}>{section.key === 'status' ? <StatusSection p={p} /> : <Outlet context={p} />}</Suspense>
        </div>
      </div>
    </div>
  );
}

/**
 * After moving to another section (from the nav or a link inside one), focus
 * goes to the new section's first heading, so keyboard and screen-reader users
 * land where the content starts. The section may still be loading, so this
 * waits a little for the heading; it never takes focus from something the
 * person has moved to in the meantime.
 */
function useFocusSectionOnChange(where: string, ready: boolean) {
  const last = useRef<string | null>(null);
  useEffect(() => {
    if (!ready) return;
    const before = last.current;
    last.current = where;
    if (before === null || before === where) return;
    let frames = 90;
    let handle = 0;
    const tryFocus = () => {
      const active = document.activeElement;
      const free = !active || active === document.body || !!active.closest('.section-nav');
      if (!free) return;
      const heading = document.querySelector<HTMLElement>('#partnership-section h2');
      if (heading) {
        heading.setAttribute('tabindex', '-1');
        heading.focus();
      } else if (frames-- > 0) handle = requestAnimationFrame(tryFocus);
    };
    handle = requestAnimationFrame(tryFocus);
    return () => cancelAnimationFrame(handle);
  }, [where, ready]);
}
