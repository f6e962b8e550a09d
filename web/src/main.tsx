import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Link, Route, Routes, useNavigate } from 'react-router';
import { ApiError, whenSignedOut } from './api';
import { AccessLogPage } from './features/access-log/AccessLogPage';
import { AgreementSection, AgreementVersionPage } from './features/agreements/AgreementSection';
import { CelebrationsSection } from './features/celebrations/CelebrationsSection';
import { ConcernsSection } from './features/concerns/ConcernsSection';
import { GoalsSection } from './features/goals/GoalsSection';
import { ATTENTION_KEY } from './features/home/AttentionSection';
import { HomePage } from './features/home/HomePage';
import { MessagesSection } from './features/messages/MessagesSection';
import { NotesSection } from './features/notes/NotesSection';
import { ObservationsSection } from './features/observations/ObservationsSection';
import { NewPartnershipPage } from './features/partnerships/NewPartnershipPage';
import { OverviewSection, PartnershipPage } from './features/partnerships/PartnershipPage';
import { ProfileSection } from './features/partnerships/ProfileSection';
import { PeoplePage } from './features/people/PeoplePage';
import { PracticesPage } from './features/practices/PracticesPage';
import { ReflectionsSection } from './features/reflections/ReflectionsSection';
import { AppHeader } from './features/session/AppHeader';
import { InvitationPage } from './features/session/InvitationPage';
import { RequireSession } from './features/session/RequireSession';
import { ME_KEY } from './features/session/session';
import { ForgotPasswordPage, ResetPasswordPage, SignInPage } from './features/session/SignInPage';
import { WelcomePage } from './features/session/WelcomePage';
import { SessionsSection } from './features/sessions/SessionsSection';
import { SettingsPage } from './features/settings/SettingsPage';
import { SharingSection } from './features/sharing/SharingSection';
import { SitesPage } from './features/sites/SitesPage';
import { StrengthsSection } from './features/strengths/StrengthsSection';
import { TemplatesPage } from './features/templates/TemplatesPage';
import { Layout, PageTitle } from './ui/Page';
import './styles.css';

const client = new QueryClient({
  defaultOptions: {
    queries: {
      // Never retry "not found or no access" or a signed-out answer; retry network hiccups once.
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 1,
      refetchOnWindowFocus: false,
    },
  },
  queryCache: new QueryCache(),
  // Whatever was just done (accepted, signed, decided, scheduled…) may change what Home asks of you.
  mutationCache: new MutationCache({ onSuccess: () => client.invalidateQueries({ queryKey: ATTENTION_KEY }) }),
});

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
  return (
    <div>
      <PageTitle title="Not found">We could not find that page</PageTitle>
      <p>
        It may have moved, or you may not have access to it. <Link to="/">Go to your home page</Link>.
      </p>
    </div>
  );
}

const signedIn = (page: ReactNode) => <RequireSession>{page}</RequireSession>;

function App() {
  return (
    <Layout header={<AppHeader />}>
      <SignedOutWatcher />
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
        <Route path="/settings" element={signedIn(<SettingsPage />)} />
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
          <Route path="reflections" element={<ReflectionsSection />} />
          <Route path="notes" element={<NotesSection />} />
          <Route path="messages" element={<MessagesSection />} />
          <Route path="concerns" element={<ConcernsSection />} />
          <Route path="profile" element={<ProfileSection />} />
          <Route path="sharing" element={<SharingSection />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Layout>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={client}>
      <BrowserRouter>
        <App />
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
