import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { type Meeting, type PartnershipDetail, api, query } from '../../api';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Loading, Section } from '../../ui/Page';
import { usePartnership } from '../partnerships/usePartnership';
import { useSignedIn } from '../session/session';
import { SessionCard, sessionTitleId } from './SessionCard';
import { ScheduleForm } from './SessionForms';
import { KIND_LABEL, formatWhen, isUpcoming, meetingsKey, nextMeetingKey, sessionName } from './sessionWords';

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
  if (!allowed) return <p>Once you accept the invitation, you will see your sessions here and can plan them together.</p>;

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
        <p className="muted">
          Sessions and visits you plan together. Supervisors can see when they happen, so they can protect the time; what you plan and how each
          session went stay between the people in this partnership.
        </p>
      ) : (
        <Alert tone="info" title="You see dates only">
          <p>
            You can see when sessions happen, what kind they are and whether they went ahead, so you can help protect the time. What they plan and how
            each session went stay within the partnership.
          </p>
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
          Schedule a session
        </Button>
      ) : null}
      {scheduling ? (
        <ScheduleForm
          p={p}
          onSaved={(m) => {
            setScheduling(false);
            done(`Your ${sessionName(m)} is on the calendar. Everyone in the partnership can see it.`, sessionTitleId(m));
          }}
          onCancel={() => {
            setScheduling(false);
            focusLater(openId);
          }}
        />
      ) : null}
      {meetings.isPending ? <Loading what="sessions" /> : null}
      <ErrorAlert error={meetings.error} />
      {meetings.data ? (
        <>
          <Section title="Coming up" id="sessions-upcoming">
            {upcoming.length === 0 ? <p>Nothing scheduled yet.{canSchedule ? ' When you know your next time together, add it here.' : ''}</p> : null}
            <ul className="plain-list session-list" aria-label="Sessions coming up">
              {upcoming.map((m) => (
                <li key={m.id}>
                  <SessionCard meeting={m} p={p} onDone={done} />
                </li>
              ))}
            </ul>
          </Section>
          <Section title="Past and cancelled" id="sessions-past">
            {past.length === 0 ? <p>Nothing here yet.</p> : null}
            <ul className="plain-list session-list" aria-label="Past and cancelled sessions">
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

/** For the Overview tab: the next scheduled session, at a glance. */
export function NextSession({ p }: { p: PartnershipDetail }) {
  const [from] = useState(() => new Date().toISOString());
  // A few, not one: the soonest may have been cancelled, and the next one that is still on is what matters.
  const next = useQuery({
    queryKey: nextMeetingKey(p.id),
    queryFn: () => api.get<{ items: Meeting[] }>(`/api/partnerships/${p.id}/meetings${query({ from, limit: 10 })}`),
  });
  const m = next.data?.items.find((x) => x.status === 'scheduled');
  return (
    <Section title="Next session" id="next-session">
      {next.isPending ? <Loading what="the next session" /> : null}
      <ErrorAlert error={next.error} />
      {next.data ? (
        m ? (
          <p className="next-session">
            <strong>{KIND_LABEL[m.kind]}</strong> — {formatWhen(m)}
            {m.location ? ` · ${m.location}` : ''}
          </p>
        ) : (
          <p>Nothing scheduled yet.</p>
        )
      ) : null}
      <p>
        <Link to="sessions">{p.abilities.scheduleSessions ? 'See all sessions, or schedule one' : 'See all sessions'}</Link>
      </p>
    </Section>
  );
}
