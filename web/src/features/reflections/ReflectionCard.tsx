import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { Meeting, ObservationPlan, PartnershipDetail, Reflection } from '../../api';
import { useLanguage, useT } from '../../i18n';
import { Button } from '../../ui/Button';
import { formatDateTime, useLabels } from '../../ui/format';
import { WhoHasSeenLink } from '../access-log/WhoHasSeenLink';
import { firstName, subjectsOf } from '../goals/goalWords';
import { reviewHref } from '../observations/review/recordWords';
import { useSignedIn } from '../session/session';
import { ShareForm } from '../sharing/ShareForm';
import { m } from './messages';
import { onSession } from './reflectionWords';

/**
 * One reflection: whose voice, on what (a session, a plan, an observation — linked back to its
 * data), the answers under their prompts (quoted data lines among them), and any next steps it
 * added. Shown in the Reflection tab and, for one observation, on its review screen.
 * `observationLink`: false where the card already sits beside that observation's data.
 */
export function ReflectionCard({ r, p, meetings = [], plans = [], observationLink = true }: { r: Reflection; p: PartnershipDetail; meetings?: Meeting[]; plans?: ObservationPlan[]; observationLink?: boolean }) {
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
      {r.observationId && observationLink ? (
        <p className="meta reflection-observation">
          <Link to={reviewHref(p.id, r.observationId)}>{t('onObservation')}</Link>
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
            <Link to={`/partnerships/${p.id}/goals`}>{t('openGoals')}</Link>
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
