import { type UseQueryResult, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { type Attention, type Meeting, type PartnershipDetail, type PartnershipOverview, api, query } from '../../api';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { TextArea } from '../../ui/Field';
import { Loading, Section } from '../../ui/Page';
import { useLanguage, useT } from '../../i18n';
import { AgreedTermsNote } from '../agreed-terms/AgreedTermsNote';
import { seesSessions } from '../sessions/SessionsSection';
import { meetingsKey } from '../sessions/sessionWords';
import { useSignedIn } from '../session/session';
import { m } from './messages';
import { partnershipKey, usePartnership } from './usePartnership';

/**
 * Home's key for /api/attention (home/AttentionSection's ATTENTION_KEY): one shared answer, refreshed after every
 * change. Spelled out here because importing it would download Home's code with every partnership page.
 */
const ATTENTION_KEY = ['attention'] as const;

/**
 * The first view of a partnership: where it stands. For its members: what is
 * waiting and for whom, the next session, the goals with their steps done and
 * the last reflection (its date and author only; its words are read under
 * Reflection). For supervisors and program leaders: logistics only. Settings
 * and pausing or closing live under About us.
 *
 * Privacy: the overview answer carries counts and dates, and the goal titles it
 * shows (logged as read, like opening Goals); plans and reflections are not read here.
 */
export function OverviewSection() {
  const t = useT(m);
  const p = usePartnership();
  const me = useSignedIn();
  const member = p.abilities.readContent;
  const sessions = useRecentSessions(p, seesSessions(p, me.personId));
  const overview = useQuery({
    // Under the partnership's key: every change that refreshes the partnership refreshes this too.
    queryKey: [...partnershipKey(p.id), 'overview'],
    queryFn: () => api.get<PartnershipOverview>(`/api/partnerships/${p.id}/overview`),
    enabled: member,
  });
  return (
    <>
      {p.abilities.respond ? <RespondPanel p={p} /> : null}
      {member ? <Waiting p={p} overview={overview} /> : null}
      {!member && !p.abilities.respond ? <LogisticsOnly /> : null}
      {seesSessions(p, me.personId) ? <NextSession p={p} sessions={sessions} /> : null}
      {member ? (
        <>
          <Goals p={p} overview={overview} />
          <LastReflection p={p} overview={overview} />
        </>
      ) : (
        <Section title={t('agreedTitle')} id="logistics">
          <Logistics p={p} />
        </Section>
      )}
      <DualRoleNote p={p} />
      {p.abilities.readAgreedTerms ? <AgreedTermsNote partnershipId={p.id} teacher={p.viewerRelation === 'coachee'} /> : null}
    </>
  );
}

type OverviewQuery = UseQueryResult<PartnershipOverview>;

/** The next sessions, from now on: the overview shows the first one still on. */
function useRecentSessions(p: PartnershipDetail, enabled: boolean) {
  const [from] = useState(() => new Date(Date.now() - 86_400_000).toISOString());
  return useQuery({
    // Under the sessions' key, so scheduling, moving or cancelling one refreshes this too.
    queryKey: [...meetingsKey(p.id), 'overview'],
    queryFn: () => api.get<{ items: Meeting[] }>(`/api/partnerships/${p.id}/meetings${query({ from, limit: 20 })}`),
    enabled,
  });
}

const nameOf = (p: PartnershipDetail, personId: string) => p.members.find((x) => x.personId === personId)?.name ?? '';

/** What is waiting, and for whom: signatures, confirmations, decisions, a reflection, requests. */
function Waiting({ p, overview }: { p: PartnershipDetail; overview: OverviewQuery }) {
  const t = useT(m);
  const me = useSignedIn();
  // Open requests are on Home's list already (asked of me, or asked by me); a short wait avoids asking again right after Home.
  const attention = useQuery({ queryKey: ATTENTION_KEY, queryFn: () => api.get<Attention>('/api/attention'), staleTime: 30_000, enabled: p.status !== 'closed' });

  if (p.status === 'closed') {
    return (
      <Section title={t('waitingTitle')} id="waiting">
        <p>{t('closedNothingWaits')}</p>
      </Section>
    );
  }

  const items: Array<{ key: string; text: string; link: ReactNode; mine: boolean }> = [];
  const to = (section: string, label: string) => <Link to={`/partnerships/${p.id}/${section}`}>{label}</Link>;

  if (p.mySignatureNeeded) items.push({ key: 'sign', text: t('waitSignMine'), link: to('agreement', t('readAndSign')), mine: true });
  else if (p.signatureStatus === 'waiting') items.push({ key: 'sign', text: t('waitSignOthers'), link: to('agreement', t('seeAgreement')), mine: false });
  else if (p.signatureStatus === 'none') items.push({ key: 'sign', text: t('waitNoAgreement'), link: to('agreement', p.abilities.editAgreement ? t('writeAgreement') : t('seeAgreement')), mine: false });

  // Per coachee: a plan to confirm, a goal to decide (only they can).
  for (const { subjectId, count } of overview.data?.draftPlans ?? []) {
    const mine = subjectId === me.personId;
    items.push({ key: `plans-${subjectId}`, text: mine ? t('waitPlansMine', { count }) : t('waitPlansOther', { count, name: nameOf(p, subjectId) }), link: to('observations', t('openPlans')), mine });
  }
  for (const { subjectId, count } of overview.data?.proposedGoals ?? []) {
    const mine = subjectId === me.personId;
    items.push({ key: `goals-${subjectId}`, text: mine ? t('waitGoalsMine', { count }) : t('waitGoalsOther', { count, name: nameOf(p, subjectId) }), link: to('goals', t('openGoals')), mine });
  }

  // The coachee reflects first on a session that took place: say whose turn it is.
  const due = overview.data?.reflectionDue;
  if (due) {
    const mine = due.subjectId === me.personId;
    const values = { kind: due.kind, when: new Date(due.startsAt) };
    items.push({ key: 'reflection', text: mine ? t('waitReflectionMine', values) : t('waitReflectionOther', { ...values, name: due.subjectName }), link: to('reflections', t('openReflection')), mine });
  }

  for (const r of (attention.data?.openRequests ?? []).filter((x) => x.partnershipId === p.id)) {
    const since = new Date(r.since);
    items.push({
      key: `request-${r.messageId}`,
      text: r.mine ? t('waitRequestForMe', { name: r.askedBy, since }) : t('waitRequestFromMe', { name: r.askedOf, since }),
      link: to('messages', t('openMessages')),
      mine: r.mine,
    });
  }

  return (
    <Section title={t('waitingTitle')} id="waiting">
      <ErrorAlert error={overview.error} />
      {items.length ? (
        <ul className="waiting-list">
          {items.map((x) => (
            <li key={x.key} className={x.mine ? 'waits-for-you' : undefined}>
              <span className="waiting-text">{x.text}</span> {x.link}
            </li>
          ))}
        </ul>
      ) : overview.isPending ? null : (
        <p className="all-clear">{t('nothingWaiting')}</p>
      )}
    </Section>
  );
}

/** The next session that is still on; a supervisor sees this too (logistics: when and what kind, never where or what for). */
function NextSession({ p, sessions }: { p: PartnershipDetail; sessions: ReturnType<typeof useRecentSessions> }) {
  const t = useT(m);
  const [now] = useState(() => Date.now());
  const next = sessions.data?.items.filter((s) => s.status === 'scheduled' && new Date(s.endsAt).getTime() >= now).sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];
  return (
    <Section title={t('nextTitle')} id="next-session">
      {sessions.isPending ? <Loading what={t('loadingNext')} /> : null}
      <ErrorAlert error={sessions.error} />
      {sessions.data ? (
        next ? (
          <p className="next-session">
            <strong>{t('meetingKind', { kind: next.kind })}</strong> — {t('nextWhen', { when: new Date(next.startsAt) })}
            {next.location ? ` · ${next.location}` : ''}
          </p>
        ) : (
          <p>{t('nothingScheduled')}</p>
        )
      ) : null}
      <p>
        <Link to={`/partnerships/${p.id}/sessions`}>{p.abilities.scheduleSessions ? t('seeOrSchedule') : t('seeSessions')}</Link>
      </p>
    </Section>
  );
}

/** The goals in hand, each with how many of its steps are done. */
function Goals({ p, overview }: { p: PartnershipDetail; overview: OverviewQuery }) {
  const t = useT(m);
  const me = useSignedIn();
  const inHand = overview.data?.goals ?? [];
  const achieved = overview.data?.achievedGoals ?? 0;
  return (
    <Section title={t('goalsTitle')} id="overview-goals">
      {overview.isPending ? <Loading what={t('loadingGoals')} /> : null}
      <ErrorAlert error={overview.error} />
      {overview.data && inHand.length === 0 ? <p>{t('noGoals')}</p> : null}
      {inHand.length ? (
        <ul className="overview-goals">
          {inHand.map((g) => (
            <li key={g.id}>
              <p className="overview-goal-title">{g.title}</p>
              {g.status === 'proposed' ? (
                <p className="meta">{g.subjectId === me.personId ? t('goalProposedMine') : t('goalProposedOther', { name: nameOf(p, g.subjectId) })}</p>
              ) : (
                <GoalProgress id={g.id} progress={g.progress} />
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {achieved ? <p>{t('goalsAchieved', { count: achieved })}</p> : null}
      {overview.data ? (
        <p>
          <Link to={`/partnerships/${p.id}/goals`}>{inHand.length === 0 && achieved === 0 && p.abilities.createGoals ? t('setGoal') : t('goalsLink')}</Link>
        </p>
      ) : null}
    </Section>
  );
}

function GoalProgress({ id: goalId, progress }: { id: string; progress: PartnershipOverview['goals'][number]['progress'] }) {
  const t = useT(m);
  const { total, done, overdue } = progress;
  const id = `overview-goal-${goalId}`;
  if (total === 0) return <p className="meta">{t('goalNoSteps')}</p>;
  return (
    <div className="overview-progress">
      <p id={id} className="progress-text">
        {t('goalSteps', { done, total })}
        {overdue ? <span className="overdue-tag">{t('goalOverdue', { overdue })}</span> : null}
      </p>
      <progress max={total} value={done} aria-labelledby={id} />
    </div>
  );
}

/** When the last reflection was written and by whom; its words are read under Reflection (a logged read). */
function LastReflection({ p, overview }: { p: PartnershipDetail; overview: OverviewQuery }) {
  const t = useT(m);
  const me = useSignedIn();
  const last = overview.data?.lastReflection;
  return (
    <Section title={t('lastReflectionTitle')} id="last-reflection">
      {overview.isPending ? <Loading what={t('loadingReflections')} /> : null}
      {overview.data ? (
        last ? (
          <p>
            {last.authorId === me.personId ? t('lastReflectionMine', { when: new Date(last.createdAt) }) : t('lastReflectionOther', { name: last.authorName, when: new Date(last.createdAt) })}{' '}
            <Link to={`/partnerships/${p.id}/reflections`}>{t('readReflection')}</Link>
          </p>
        ) : (
          <p>{t('noReflections')}</p>
        )
      ) : null}
    </Section>
  );
}

/** For supervisors and leaders: what they see here, and what they never see. */
function LogisticsOnly() {
  const t = useT(m);
  return (
    <Alert tone="info" title={t('logisticsTitle')}>
      <p>{t('logisticsBody')}</p>
    </Alert>
  );
}

/** What was agreed about meeting, cover and review, and where the agreement stands: logistics everyone in view may see. */
export function Logistics({ p }: { p: PartnershipDetail }) {
  const t = useT(m);
  const { language } = useLanguage();
  const state = p.mySignatureNeeded ? 'mine' : p.signatureStatus;
  return (
    <dl className="facts">
      <div>
        <dt>{t('meets')}</dt>
        <dd>{p.meetingCadence || t('notAgreed')}</dd>
      </div>
      <div>
        <dt>{t('cover')}</dt>
        <dd>{p.coverageNeeds || t('noCover')}</dd>
      </div>
      <div>
        <dt>{t('review')}</dt>
        <dd>{p.reviewOn ? new Date(`${p.reviewOn}T12:00:00`).toLocaleDateString(language, { dateStyle: 'medium' }) : t('notSet')}</dd>
      </div>
      <div>
        <dt>{t('agreement')}</dt>
        <dd className={p.mySignatureNeeded ? 'needs-you' : undefined}>
          {t('agreementState', { state })}
          {p.mySignatureNeeded ? (
            <>
              {' '}
              — <Link to={`/partnerships/${p.id}/agreement`}>{t('readAndSign')}</Link>
            </>
          ) : null}
        </dd>
      </div>
    </dl>
  );
}

/** When a supporter also supervises a coachee here, everyone sees it, with when they agreed to go ahead. */
export function DualRoleNote({ p }: { p: PartnershipDetail }) {
  const t = useT(m);
  if (!p.dualRole) return null;
  return (
    <Alert tone="warning" title={t('dualTitle')}>
      <p>
        {t('dualBody')}
        {p.dualRoleAcknowledgedAt ? ` ${t('dualAcknowledged', { when: new Date(p.dualRoleAcknowledgedAt) })}` : ''}
      </p>
    </Alert>
  );
}

function RespondPanel({ p }: { p: PartnershipDetail }) {
  const t = useT(m);
  const client = useQueryClient();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const respond = useMutation({
    mutationFn: (accept: boolean) => api.post<PartnershipDetail>(`/api/partnerships/${p.id}/response`, accept ? { accept } : { accept, reason: reason.trim() || undefined }),
    onSuccess: (next) => {
      client.setQueryData(partnershipKey(p.id), next);
      client.invalidateQueries({ queryKey: ['partnerships'] });
    },
  });
  const invitedBy = p.statusHistory[0];
  return (
    <Section title={t('invitedTitle')} id="respond" className="attention">
      <p>
        {invitedBy ? t('invitedBy', { name: invitedBy.by }) : t('invitedAnon')} {t('invitedChoice')}
      </p>
      {invitedBy?.reason ? <blockquote className="quote">{invitedBy.reason}</blockquote> : null}
      <ErrorAlert error={respond.error} />
      {!declining ? (
        <div className="button-row">
          <Button busy={respond.isPending && respond.variables === true} onClick={() => respond.mutate(true)}>
            {t('accept')}
          </Button>
          <Button variant="secondary" onClick={() => setDeclining(true)}>
            {t('decline')}
          </Button>
        </div>
      ) : (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            respond.mutate(false);
          }}
        >
          <TextArea label={t('declineReason')} hint={t('declineHint')} value={reason} onChange={(e) => setReason(e.target.value)} rows={3} />
          <div className="button-row">
            <Button type="submit" variant="danger" busy={respond.isPending}>
              {t('declineConfirm')}
            </Button>
            <Button variant="secondary" onClick={() => setDeclining(false)}>
              {t('keepOpen')}
            </Button>
          </div>
        </form>
      )}
    </Section>
  );
}
