import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { type Meeting, type ObservationPlan, type PartnershipDetail, type Reflection, api, query } from '../../api';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Loading, Section } from '../../ui/Page';
import { formatDateTime, useLabels } from '../../ui/format';
import { firstName, subjectsOf } from '../goals/goalWords';
import { plansKey } from '../observations/observationWords';
import { usePartnership } from '../partnerships/usePartnership';
import { useSignedIn } from '../session/session';
import { meetingsKey } from '../sessions/sessionWords';
import { WhoHasSeenLink } from '../access-log/WhoHasSeenLink';
import { ShareForm } from '../sharing/ShareForm';
import { ReflectionForm } from './ReflectionForm';
import { newestFirst, onSession, reflectionsKey } from './reflectionWords';
import { focusSoon } from '../../ui/focus';
import { useLanguage, useT } from '../../i18n';
import { m } from './messages';

/** Reflection: the coachee interprets first, the partner adds what they heard and saw, and the coachee's next steps flow into the plan. */
export function ReflectionsSection() {
  const t = useT(m);
  const p = usePartnership();
  const list = useQuery({
    queryKey: reflectionsKey(p.id),
    queryFn: () => api.get<{ items: Reflection[] }>(`/api/partnerships/${p.id}/reflections`),
    enabled: p.abilities.readContent,
  });
  const meetings = useQuery({
    queryKey: meetingsKey(p.id),
    queryFn: () => api.get<{ items: Meeting[] }>(`/api/partnerships/${p.id}/meetings${query({ limit: 200 })}`),
    enabled: p.abilities.readContent,
  });
  const plans = useQuery({
    queryKey: plansKey(p.id),
    queryFn: () => api.get<{ items: ObservationPlan[] }>(`/api/partnerships/${p.id}/observation-plans`),
    enabled: p.abilities.readContent,
  });
  const [saved, setSaved] = useState<Reflection | null>(null);
  // Opened from an observation's review screen: the form starts on that observation's plan.
  const [search] = useSearchParams();
  const noticeId = useId();
  if (!p.abilities.readContent) return <p>{t('membersOnly')}</p>;

  const subjects = subjectsOf(p);
  // Whether the viewer may reflect is the server's decision; a reflection also needs a coachee to be about.
  const canReflect = p.abilities.reflect && subjects.length > 0;
  const items = [...(list.data?.items ?? [])].sort(newestFirst);

  return (
    <Section title={t('title')} id="reflections">
      <p className="lead">{t('lead')}</p>
      <div id={noticeId} className="reflection-notice" role="status" tabIndex={-1}>
        {saved ? <SavedNotice r={saved} /> : null}
      </div>
      {canReflect ? (
        <ReflectionForm
          p={p}
          reflections={items}
          initialPlanId={search.get('plan') ?? ''}
          onSaved={(r) => {
            setSaved(r);
            focusSoon(noticeId);
          }}
        />
      ) : p.status === 'closed' ? (
        <p className="muted">{t('closed')}</p>
      ) : null}

      <h3 id="reflection-list-title">{t('listTitle')}</h3>
      {list.isPending ? <Loading what={t('loading')} /> : null}
      <ErrorAlert error={list.error} />
      {!list.isPending && !list.error && items.length === 0 ? <p>{t('empty')}</p> : null}
      {items.length ? (
        <ol className="plain-list reflection-list" aria-labelledby="reflection-list-title">
          {items.map((r) => (
            <li key={r.id}>
              <ReflectionCard r={r} p={p} meetings={meetings.data?.items ?? []} plans={plans.data?.items ?? []} />
            </li>
          ))}
        </ol>
      ) : null}
    </Section>
  );
}

/** Stands for the link in a sentence, so the link's words can sit anywhere a language puts them. */
const LINK = '\u0001';

function SavedNotice({ r }: { r: Reflection }) {
  const t = useT(m);
  if (r.addedSteps.length) {
    const [before, after] = t('savedWithSteps', { count: r.addedSteps.length, goal: r.goalTitle ?? t('yourGoal'), link: LINK }).split(LINK);
    return (
      <p className="success-text">
        {before}
        <Link to="../goals">{t('savedLink')}</Link>
        {after}
      </p>
    );
  }
  return <p className="success-text">{t('saved')}</p>;
}

/** One reflection: whose voice, on what, the answers under their prompts, and any next steps it added. */
function ReflectionCard({ r, p, meetings, plans }: { r: Reflection; p: PartnershipDetail; meetings: Meeting[]; plans: ObservationPlan[] }) {
  const t = useT(m);
  const { language } = useLanguage();
  const labels = useLabels();
  const me = useSignedIn();
  const id = useId();
  const [sharing, setSharing] = useState(false);
  const author = p.members.find((m) => m.personId === r.authorId);
  const subject = p.members.find((m) => m.personId === r.subjectId);
  const mine = r.authorId === me.personId;
  const meeting = r.meetingId ? meetings.find((m) => m.id === r.meetingId) : undefined;
  const plan = r.planId ? plans.find((x) => x.id === r.planId) : undefined;
  const role = author ? labels.memberRole(author.role).toLowerCase() : r.voice === 'coachee' ? t('roleCoachee') : t('rolePartner');
  const title = mine ? t('titleMine') : t('titleOther', { name: r.authorName });
  const when = formatDateTime(r.createdAt, language);
  const several = subjectsOf(p).length > 1;
  return (
    <article className={`card reflection reflection-${r.voice}`} aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`} className="reflection-title">
        {title}
      </h4>
      <p className="reflection-meta">
        <span className={`voice voice-${r.voice}`}>
          {r.voice === 'coachee' ? (mine ? t('ownWordsMine') : t('ownWordsOther', { name: firstName(r.authorName) })) : t('asRole', { role })}
        </span>
        <span className="meta"> · {when}</span>
        {several && r.voice === 'partner' && subject ? (
          <span className="meta"> · {subject.personId === me.personId ? t('onYourRound') : t('onRoundOf', { name: firstName(subject.name) })}</span>
        ) : null}
      </p>
      {meeting || plan ? (
        <p className="meta">
          {meeting ? onSession(t, language, meeting) : null}
          {meeting && plan ? ' · ' : null}
          {plan ? t('onPlan', { focus: plan.focus }) : null}
        </p>
      ) : null}
      <dl className="answers">
        {r.answers.map((a) => (
          <div key={a.key}>
            <dt>{a.prompt}</dt>
            <dd className="note-body">{a.answer}</dd>
          </div>
        ))}
      </dl>
      {r.addedSteps.length ? (
        <div className="added-steps">
          <p className="group-title">
            {t('stepsAdded', { count: r.addedSteps.length, goal: r.goalTitle ?? t('aGoal') })}
          </p>
          <ul>
            {r.addedSteps.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ul>
          <p className="meta">
            <Link to="../goals">{t('openGoals')}</Link>
          </p>
        </div>
      ) : null}
      {r.abilities.share ? (
        <div className="button-row">
          {!sharing ? (
            <Button variant="secondary" onClick={() => setSharing(true)}>
              {t('share')}<span className="visually-hidden"> {t('shareHidden', { date: when })}</span>
            </Button>
          ) : null}
          <WhoHasSeenLink itemType="reflection" itemId={r.id} title={t('whoHasSeenTitle', { title, date: when })} name={t('whoHasSeenName', { date: when })} />
        </div>
      ) : null}
      {sharing ? <ShareForm partnershipId={p.id} target={{ itemType: 'reflection', itemId: r.id }} exclude={p.members.map((m) => m.personId)} onDone={() => setSharing(false)} /> : null}
    </article>
  );
}
