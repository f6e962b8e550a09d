import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { type Meeting, type PartnershipDetail, api, query } from '../../api';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Loading, Section } from '../../ui/Page';
import { usePartnership } from '../partnerships/usePartnership';
import { useSignedIn } from '../session/session';
import { SessionCard, sessionTitleId } from './SessionCard';
import { ScheduleForm } from './SessionForms';
import { isUpcoming, meetingsKey, sessionLabel } from './sessionWords';
import { useLanguage, useT } from '../../i18n';
import { m as words } from './messages';
import { CheckinsPanel } from '../supervision/CheckinsPanel';
import { CoveragePanel } from '../supervision/CoveragePanel';

/** Members, supervisors of a coachee and leaders see the schedule; someone still deciding on an invitation does not yet. */
export function seesSessions(p: PartnershipDetail, personId: string): boolean {
  const membership = p.members.find((m) => m.personId === personId);
  return !membership || membership.state === 'accepted';
}

/** Focuses an element once it has been rendered (it may arrive with the next list refresh). */
function useFocusWhenReady() {
  const want = useRef<string | null>(null);
  useEffect(() => {
    if (!want.current) return;
    const el = document.getElementById(want.current);
    if (el) {
      el.focus();
      want.current = null;
    }
  });
  return (id: string) => {
    want.current = id;
  };
}

/** The Sessions tab: what is coming up, what happened, and — for members — scheduling, changes and attendance. */
export function SessionsSection() {
  const p = usePartnership();
  const me = useSignedIn();
  const t = useT(words);
  const { language } = useLanguage();
  const allowed = seesSessions(p, me.personId);
  const meetings = useQuery({
    queryKey: meetingsKey(p.id),
    queryFn: () => api.get<{ items: Meeting[] }>(`/api/partnerships/${p.id}/meetings${query({ limit: 200 })}`),
    enabled: allowed,
  });
  const [scheduling, setScheduling] = useState(false);
  const [notice, setNotice] = useState('');
  const openId = useId();
  const focusLater = useFocusWhenReady();
  if (!allowed) return <p>{t('notYet')}</p>;

  const member = p.abilities.readContent;
  const canSchedule = p.abilities.scheduleSessions;
  const now = Date.now();
  const items = meetings.data?.items ?? [];
  const upcoming = items.filter((m) => isUpcoming(m, now));
  const past = items.filter((m) => !isUpcoming(m, now)).reverse();
  const done = (message: string, focusId: string) => {
    setNotice(message);
    focusLater(focusId);
  };

  return (
    <>
      {member ? (
        <p className="muted">{t('memberIntro')}</p>
      ) : (
        <Alert tone="info" title={t('datesOnlyTitle')}>
          <p>{t('datesOnlyBody')}</p>
        </Alert>
      )}
      <div className="session-notice" role="status">
        {notice ? <p className="success-text">{notice}</p> : null}
      </div>
      {canSchedule && !scheduling ? (
        <Button
          id={openId}
          onClick={() => {
            setNotice('');
            setScheduling(true);
          }}
        >
          {t('schedule')}
        </Button>
      ) : null}
      {scheduling ? (
        <ScheduleForm
          p={p}
          onSaved={(m) => {
            setScheduling(false);
            done(t('scheduled', { name: sessionLabel(t, language, m) }), sessionTitleId(m));
          }}
          onCancel={() => {
            setScheduling(false);
            focusLater(openId);
          }}
        />
      ) : null}
      {meetings.isPending ? <Loading what={t('loading')} /> : null}
      <ErrorAlert error={meetings.error} />
      {meetings.data ? (
        <>
          <Section title={t('comingUp')} id="sessions-upcoming">
            {upcoming.length === 0 ? <p>{canSchedule ? t('nothingScheduledAdd') : t('nothingScheduled')}</p> : null}
            <ul className="plain-list session-list" aria-label={t('upcomingLabel')}>
              {upcoming.map((m) => (
                <li key={m.id}>
                  <SessionCard meeting={m} p={p} onDone={done} />
                </li>
              ))}
            </ul>
          </Section>
          {p.abilities.seeSupervision ? (
            <>
              <CheckinsPanel partnershipId={p.id} />
              <CoveragePanel partnershipId={p.id} coverageNeeds={p.coverageNeeds} />
            </>
          ) : null}
          <Section title={t('pastTitle')} id="sessions-past">
            {past.length === 0 ? <p>{t('nothingHere')}</p> : null}
            <ul className="plain-list session-list" aria-label={t('pastLabel')}>
              {past.map((m) => (
                <li key={m.id}>
                  <SessionCard meeting={m} p={p} onDone={done} />
                </li>
              ))}
            </ul>
          </Section>
        </>
      ) : null}
    </>
  );
}
