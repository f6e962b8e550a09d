import './effect-timing';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ComponentType, type ReactNode, StrictMode, Suspense, lazy, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Link, Navigate, Route, Routes, useNavigate } from 'react-router';
import { ApiError, api, whenSignedOut } from './api';
import { LanguageProvider } from './language';
import { AppHeader } from './features/session/AppHeader';
import { RequireSession } from './features/session/RequireSession';
import { ME_KEY, fetchMe, probablySignedIn } from './features/session/session';
import { SetupGate } from './features/setup/SetupGate';
import { useT } from './i18n';
import { Layout, Loading, PageTitle } from './ui/Page';
import { m as uiWords } from './ui/messages';
import './styles.css';

/**
 * Pages and tabs load on first use, so the first screen downloads only what it shows: every
 * page, sign-in and Home included, is its own file, and the one a visit most likely starts on
 * is fetched alongside the first request (below). The first-load budget (100 KB of compressed JavaScript for sign-in and for
 * Home) is checked by test/api/static-assets.test.ts and measured by `npm run bench`.
 */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  let loaded: ComponentType | undefined;
  const fetchFile = () => load().then((m): ComponentType => (loaded = m[name]));
  const Lazy: ComponentType = lazy(() => fetchFile().then((component) => ({ default: component })));
  /**
   * Once its file is here (fetched ahead, as Home's is), the page renders at once instead of
   * suspending for a frame of "Loading…" (which React then keeps on screen for 300 ms). The
   * choice is made once per mount, so a page never switches component type and loses its state.
   */
  function Page() {
    const [Component] = useState<ComponentType>(() => loaded ?? Lazy);
    return <Component />;
  }
  return Object.assign(Page, { preload: () => fetchFile().catch(() => undefined) });
}
const HomePage = page(() => import('./features/home/HomePage'), 'HomePage');
const SignInPage = page(() => import('./features/session/SignInPage'), 'SignInPage');
const ForgotPasswordPage = page(() => import('./features/session/SignInPage'), 'ForgotPasswordPage');
const ResetPasswordPage = page(() => import('./features/session/SignInPage'), 'ResetPasswordPage');
const PartnershipPage = page(() => import('./features/partnerships/PartnershipPage'), 'PartnershipPage');
const OverviewSection = page(() => import('./features/partnerships/PartnershipPage'), 'OverviewSection');
const InvitationPage = page(() => import('./features/session/InvitationPage'), 'InvitationPage');
const WelcomePage = page(() => import('./features/session/WelcomePage'), 'WelcomePage');
const AccessLogPage = page(() => import('./features/access-log/AccessLogPage'), 'AccessLogPage');
const CelebrationsSection = page(() => import('./features/celebrations/CelebrationsSection'), 'CelebrationsSection');
const EvidenceSection = page(() => import('./features/artifacts/EvidenceSection'), 'EvidenceSection');
const ArtifactPage = page(() => import('./features/artifacts/ArtifactPage'), 'ArtifactPage');
const ConcernsSection = page(() => import('./features/concerns/ConcernsSection'), 'ConcernsSection');
const GoalsSection = page(() => import('./features/goals/GoalsSection'), 'GoalsSection');
const MessagesSection = page(() => import('./features/messages/MessagesSection'), 'MessagesSection');
const NotesSection = page(() => import('./features/notes/NotesSection'), 'NotesSection');
const ObservationsSection = page(() => import('./features/observations/ObservationsSection'), 'ObservationsSection');
const ObservationReviewPage = page(() => import('./features/observations/review/ObservationReviewPage'), 'ObservationReviewPage');
const LayoutEditorPage = page(() => import('./features/observations/layouts/LayoutEditorPage'), 'LayoutEditorPage');
const ObservationRecordPage = page(() => import('./features/observations/tools/ObservationRecordPage'), 'ObservationRecordPage');
const NewPartnershipPage = page(() => import('./features/partnerships/NewPartnershipPage'), 'NewPartnershipPage');
const ProfileSection = page(() => import('./features/partnerships/ProfileSection'), 'ProfileSection');
const PeoplePage = page(() => import('./features/people/PeoplePage'), 'PeoplePage');
const PracticesPage = page(() => import('./features/practices/PracticesPage'), 'PracticesPage');
const ReflectionsSection = page(() => import('./features/reflections/ReflectionsSection'), 'ReflectionsSection');
const SessionsSection = page(() => import('./features/sessions/SessionsSection'), 'SessionsSection');
const SettingsPage = page(() => import('./features/settings/SettingsPage'), 'SettingsPage');
const OrganizationPage = page(() => import('./features/organization/OrganizationPage'), 'OrganizationPage');
const SharingSection = page(() => import('./features/sharing/SharingSection'), 'SharingSection');
const SharedObservationPage = page(() => import('./features/sharing/SharedObservationPage'), 'SharedObservationPage');
const SitesPage = page(() => import('./features/sites/SitesPage'), 'SitesPage');
const StrengthsSection = page(() => import('./features/strengths/StrengthsSection'), 'StrengthsSection');
const TemplatesPage = page(() => import('./features/templates/TemplatesPage'), 'TemplatesPage');
const AgreementSection = page(() => import('./features/agreements/AgreementSection'), 'AgreementSection');
const AgreementVersionPage = page(() => import('./features/agreements/AgreementSection'), 'AgreementVersionPage');
const WorkLogPage = page(() => import('./features/work-log/WorkLogPage'), 'WorkLogPage');
const ProgramPage = page(() => import('./features/program/ProgramPage'), 'ProgramPage');
const CoachesWorkLogsPage = page(() => import('./features/work-log/CoachesWorkLogsPage'), 'CoachesWorkLogsPage');
const MeetingsPage = page(() => import('./features/admin-meetings/MeetingsPage'), 'MeetingsPage');
const MeetingPage = page(() => import('./features/admin-meetings/MeetingPage'), 'MeetingPage');

const client = new QueryClient({
  defaultOptions: {
    queries: {
      // Never retry "not found or no access" or a signed-out answer; retry network hiccups once.
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 1,
      refetchOnWindowFocus: false,
    },
  },
  // Classroom layouts the app loads (the start form's list) are kept on the device, so a visit can
  // record on them offline; the device store is loaded on demand, never in the first download.
  queryCache: new QueryCache({
    onSuccess: (data, query) => {
      if (query.queryKey[0] !== 'classroom-layouts') return;
      const items = (data as { items?: unknown[] } | undefined)?.items;
      if (!Array.isArray(items) || items.length === 0) return;
      void import('./features/observations/record/layouts').then(
        ({ keepLayouts }) => keepLayouts(items as Parameters<typeof keepLayouts>[0], typeof query.queryKey[1] === 'string' ? query.queryKey[1] : null),
        () => undefined,
      );
    },
  }),
  // Whatever was just done (accepted, signed, decided, scheduled…) may change what Home asks of you.
  // The key comes from Home's own file, loaded on demand (a static import would put Home in the
  // first download); after sign-in this also fetches Home's file while the answer is handled.
  mutationCache: new MutationCache({
    onSuccess: () =>
      import('./features/home/AttentionSection').then(
        ({ ATTENTION_KEY }) => client.invalidateQueries({ queryKey: ATTENTION_KEY }),
        () => undefined,
      ),
  }),
});

// Start the first requests now rather than after the first render: who is signed in and, where
// most visits start, Home's file or the sign-in page's (fetched while the session is checked, not
// after). A browser that was signed in last time fetches Home; any other fetches sign-in.
void client.prefetchQuery({ queryKey: ME_KEY, queryFn: fetchMe, retry: false });
const SIGNED_OUT_PAGES = ['/sign-in', '/forgot-password', '/reset-password'];
if (SIGNED_OUT_PAGES.includes(window.location.pathname) || !probablySignedIn()) void SignInPage.preload();
if (window.location.pathname === '/' && probablySignedIn()) {
  void HomePage.preload();
  // Home's first answer too ("what needs my attention", under Home's key in home/AttentionSection), so it
  // arrives with the session check instead of after Home's file. A stale hint gets a 401, which the
  // session check handles.
  void client.prefetchQuery({ queryKey: ['attention'], queryFn: () => api.get('/api/attention'), retry: false });
}

/** When any request learns the session ended, forget it and go to sign-in. */
function SignedOutWatcher() {
  const navigate = useNavigate();
  useEffect(() => {
    whenSignedOut(() => {
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
      client.setQueryData(ME_KEY, null);
      const here = window.location.pathname + window.location.search;
      if (!window.location.pathname.startsWith('/sign-in')) navigate(`/sign-in?next=${encodeURIComponent(here)}`, { replace: true });
    });
  }, [navigate]);
  return null;
}

function NotFoundPage() {
  const t = useT(uiWords);
  return (
    <div>
      <PageTitle title={t('notFoundTitle')}>{t('notFoundHeading')}</PageTitle>
      <p>
        {t('notFoundBody')} <Link to="/">{t('notFoundHome')}</Link>.
      </p>
    </div>
  );
}

const signedIn = (page: ReactNode) => <RequireSession>{page}</RequireSession>;

function App() {
  return (
    <Layout header={<AppHeader />}>
      <SignedOutWatcher />
      <Suspense fallback={<Loading />}>
      <SetupGate>
      <Routes>
        <Route path="/sign-in" element={<SignInPage />} />
        <Route path="/forgot-password" element={<ForgotPasswordPage />} />
        <Route path="/reset-password" element={<ResetPasswordPage />} />
        <Route path="/invitation" element={<InvitationPage />} />
        <Route path="/welcome" element={signedIn(<WelcomePage />)} />
        <Route path="/" element={signedIn(<HomePage />)} />
        <Route path="/people" element={signedIn(<PeoplePage />)} />
        <Route path="/sites" element={signedIn(<SitesPage />)} />
        <Route path="/practices" element={signedIn(<PracticesPage />)} />
        <Route path="/templates" element={signedIn(<TemplatesPage />)} />
        <Route path="/access-log" element={signedIn(<AccessLogPage />)} />
        <Route path="/work-log" element={signedIn(<WorkLogPage />)} />
        <Route path="/program" element={signedIn(<ProgramPage />)} />
        <Route path="/work-log/coaches" element={signedIn(<CoachesWorkLogsPage />)} />
        <Route path="/settings" element={signedIn(<SettingsPage />)} />
        <Route path="/organization" element={signedIn(<OrganizationPage />)} />
        <Route path="/shared/observations/:observationId" element={signedIn(<SharedObservationPage />)} />
        <Route path="/meetings" element={signedIn(<MeetingsPage />)} />
        <Route path="/meetings/:id" element={signedIn(<MeetingPage />)} />
        {/* The address printed at start-up; once set up, it is just the way in. */}
        <Route path="/setup" element={<Navigate to="/" replace />} />
        {/* Full screen, and not behind the session gate: reloaded out of reach of the server, it records from the device's copy (it checks the session itself). */}
        <Route path="/partnerships/:id/observations/:observationId/record" element={<ObservationRecordPage />} />
        <Route path="/partnerships/new" element={signedIn(<NewPartnershipPage />)} />
        <Route path="/partnerships/:id" element={signedIn(<PartnershipPage />)}>
          <Route index element={<OverviewSection />} />
          <Route path="agreement" element={<AgreementSection />} />
          <Route path="agreement/versions/:version" element={<AgreementVersionPage />} />
          <Route path="sessions" element={<SessionsSection />} />
          <Route path="goals" element={<GoalsSection />} />
          <Route path="celebrations" element={<CelebrationsSection />} />
          <Route path="strengths" element={<StrengthsSection />} />
          <Route path="observations" element={<ObservationsSection />} />
          <Route path="observations/:observationId" element={<ObservationReviewPage />} />
          <Route path="observations/layouts/new" element={<LayoutEditorPage />} />
          <Route path="observations/layouts/:layoutId" element={<LayoutEditorPage />} />
          <Route path="reflections" element={<ReflectionsSection />} />
          <Route path="notes" element={<NotesSection />} />
          <Route path="evidence" element={<EvidenceSection />} />
          <Route path="evidence/:artifactId" element={<ArtifactPage />} />
          <Route path="messages" element={<MessagesSection />} />
          <Route path="concerns" element={<ConcernsSection />} />
          <Route path="profile" element={<ProfileSection />} />
          <Route path="sharing" element={<SharingSection />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
      </SetupGate>
      </Suspense>
    </Layout>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={client}>
      <LanguageProvider>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </LanguageProvider>
    </QueryClientProvider>
  </StrictMode>,
);
