import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { type Meeting, type ObservationPlan, type PartnershipDetail, type Reflection, api, query } from '../../api';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Loading, Section } from '../../ui/Page';
import { MEMBER_ROLE_LABEL, formatDateTime } from '../../ui/format';
import { firstName, subjectsOf } from '../goals/goalWords';
import { plansKey } from '../observations/observationWords';
import { usePartnership } from '../partnerships/usePartnership';
import { useSignedIn } from '../session/session';
import { meetingsKey, sessionName } from '../sessions/sessionWords';
import { WhoHasSeenLink } from '../access-log/WhoHasSeenLink';
import { ShareForm } from '../sharing/ShareForm';
import { ReflectionForm } from './ReflectionForm';
import { newestFirst, reflectionsKey, stepsCount } from './reflectionWords';
import { focusSoon } from '../../ui/focus';

/** Reflection: the coachee interprets first, the partner adds what they heard and saw, and the coachee's next steps flow into the plan. */
export function ReflectionsSection() {
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
  const noticeId = useId();
  if (!p.abilities.readContent) return <p>Reflections belong to the people in this partnership. The coachee can choose to share one with you.</p>;

  const subjects = subjectsOf(p);
  // Whether the viewer may reflect is the server's decision; a reflection also needs a coachee to be about.
  const canReflect = p.abilities.reflect && subjects.length > 0;
  const items = [...(list.data?.items ?? [])].sort(newestFirst);

  return (
    <Section title="Reflection" id="reflections">
      <p className="lead">
        After a session or an observation, the coachee looks at what happened first and says what they notice; then the partner adds what they heard
        and saw, without judging. The next steps the coachee chooses go straight into their action plan. Only members of this partnership read these,
        unless the coachee shares one.
      </p>
      <div id={noticeId} className="reflection-notice" role="status" tabIndex={-1}>
        {saved ? <SavedNotice r={saved} /> : null}
      </div>
      {canReflect ? (
        <ReflectionForm
          p={p}
          reflections={items}
          onSaved={(r) => {
            setSaved(r);
            focusSoon(noticeId);
          }}
        />
      ) : p.status === 'closed' ? (
        <p className="muted">This partnership is closed, so nothing new can be added. The reflections stay here to look back on.</p>
      ) : null}

      <h3 id="reflection-list-title">Reflections so far</h3>
      {list.isPending ? <Loading what="reflections" /> : null}
      <ErrorAlert error={list.error} />
      {!list.isPending && !list.error && items.length === 0 ? <p>No reflections yet.</p> : null}
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

function SavedNotice({ r }: { r: Reflection }) {
  if (r.addedSteps.length) {
    return (
      <p className="success-text">
        Your reflection is saved. {stepsCount(r.addedSteps.length)} added to “{r.goalTitle ?? 'your goal'}” — <Link to="../goals">see them on the Goals tab</Link>.
      </p>
    );
  }
  return <p className="success-text">Your reflection is saved.</p>;
}

/** One reflection: whose voice, on what, the answers under their prompts, and any next steps it added. */
function ReflectionCard({ r, p, meetings, plans }: { r: Reflection; p: PartnershipDetail; meetings: Meeting[]; plans: ObservationPlan[] }) {
  const me = useSignedIn();
  const id = useId();
  const [sharing, setSharing] = useState(false);
  const author = p.members.find((m) => m.personId === r.authorId);
  const subject = p.members.find((m) => m.personId === r.subjectId);
  const mine = r.authorId === me.personId;
  const meeting = r.meetingId ? meetings.find((m) => m.id === r.meetingId) : undefined;
  const plan = r.planId ? plans.find((x) => x.id === r.planId) : undefined;
  const role = author ? MEMBER_ROLE_LABEL[author.role].toLowerCase() : r.voice === 'coachee' ? 'coachee' : 'partner';
  const title = `${mine ? 'Your reflection' : `${r.authorName}’s reflection`}`;
  const several = subjectsOf(p).length > 1;
  return (
    <article className={`card reflection reflection-${r.voice}`} aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`} className="reflection-title">
        {title}
      </h4>
      <p className="reflection-meta">
        <span className={`voice voice-${r.voice}`}>{r.voice === 'coachee' ? (mine ? 'In your own words' : `In ${firstName(r.authorName)}’s own words`) : `As the ${role}`}</span>
        <span className="meta"> · {formatDateTime(r.createdAt)}</span>
        {several && r.voice === 'partner' && subject ? <span className="meta"> · on {subject.personId === me.personId ? 'your' : `${firstName(subject.name)}’s`} round</span> : null}
      </p>
      {meeting || plan ? (
        <p className="meta">
          {meeting ? `On the ${sessionName(meeting)}` : null}
          {meeting && plan ? ' · ' : null}
          {plan ? `Observation plan: “${plan.focus}”` : null}
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
            {stepsCount(r.addedSteps.length).replace(/^./, (c) => c.toUpperCase())} added to “{r.goalTitle ?? 'a goal'}”
          </p>
          <ul>
            {r.addedSteps.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ul>
          <p className="meta">
            <Link to="../goals">Open the Goals tab</Link>
          </p>
        </div>
      ) : null}
      {r.abilities.share ? (
        <div className="button-row">
          {!sharing ? (
            <Button variant="secondary" onClick={() => setSharing(true)}>
              Share…<span className="visually-hidden"> this reflection from {formatDateTime(r.createdAt)}</span>
            </Button>
          ) : null}
          <WhoHasSeenLink itemType="reflection" itemId={r.id} title={`${title}, ${formatDateTime(r.createdAt)}`} name={`reflection from ${formatDateTime(r.createdAt)}`} />
        </div>
      ) : null}
      {sharing ? <ShareForm partnershipId={p.id} target={{ itemType: 'reflection', itemId: r.id }} exclude={p.members.map((m) => m.personId)} onDone={() => setSharing(false)} /> : null}
    </article>
  );
}
