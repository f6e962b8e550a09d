import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { type Goal, api } from '../../api';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Loading, Section } from '../../ui/Page';
import { usePractices } from '../agreements/useAgreement';
import { usePartnership } from '../partnerships/usePartnership';
import { useSignedIn } from '../session/session';
import { GoalCard, goalDomId } from './GoalCard';
import { GoalForm } from './GoalForm';
import { GOAL_ORDER, firstName, goalsKey, subjectsOf } from './goalWords';
import { focusSaved, focusSoon } from '../../ui/focus';
import { useT } from '../../i18n';
import { m } from './messages';

/** The partnership's goals and action plans: write or propose one, decide, follow the plan step by step. */
export function GoalsSection() {
  const p = usePartnership();
  const me = useSignedIn();
  const t = useT(m);
  const goals = useQuery({
    queryKey: goalsKey(p.id),
    queryFn: () => api.get<{ items: Goal[] }>(`/api/partnerships/${p.id}/goals`),
    enabled: p.abilities.readContent,
  });
  const practices = usePractices();
  const [writing, setWriting] = useState(false);
  const [notice, setNotice] = useState('');
  const openId = useId();
  const backToOpen = () => focusSoon(openId);
  if (!p.abilities.readContent) return <p>{t('notMember')}</p>;

  const subjects = subjectsOf(p);
  const iAmSubject = subjects.some((s) => s.personId === me.personId);
  // Whether the viewer may write or propose one is the server's decision; a goal also needs a coachee to belong to.
  const canWrite = p.abilities.createGoals && subjects.length > 0;
  const items = [...(goals.data?.items ?? [])].sort((a, b) => GOAL_ORDER[a.status] - GOAL_ORDER[b.status]);
  const openLabel = iAmSubject ? t('write') : t('propose');
  const owner = subjects.length === 1 ? firstName(subjects[0].name) : '';

  return (
    <Section title={t('title')} id="goals">
      <p className="muted">
        {p.format === 'peer' || !owner ? t('introShared') : iAmSubject ? t('introMine') : t('introOwner', { owner })}
      </p>
      <div className="goal-notice" role="status">
        {notice ? <p className="success-text">{notice}</p> : null}
      </div>
      {canWrite && !writing ? (
        <Button
          id={openId}
          onClick={() => {
            setNotice('');
            setWriting(true);
          }}
        >
          {openLabel}
        </Button>
      ) : null}
      {writing ? (
        <GoalForm
          p={p}
          practices={practices.data?.items ?? []}
          onSaved={(g) => {
            setWriting(false);
            const subject = p.members.find((m) => m.personId === g.subjectId);
            setNotice(
              g.status === 'proposed'
                ? subject
                  ? t('proposalSent', { title: g.title, name: firstName(subject.name) })
                  : t('proposalSentCoachee', { title: g.title })
                : t('goalSaved', { title: g.title }),
            );
            focusSaved(`${goalDomId(g.id)}-title`);
          }}
          onCancel={() => {
            setWriting(false);
            backToOpen();
          }}
        />
      ) : null}
      {goals.isPending ? <Loading what={t('loading')} /> : null}
      <ErrorAlert error={goals.error} />
      {!goals.isPending && !goals.error && items.length === 0 ? <p>{t('empty')}</p> : null}
      <ul className="plain-list goal-list" aria-label={t('listLabel')}>
        {items.map((g) => (
          <li key={g.id}>
            <GoalCard goal={g} p={p} practices={practices.data?.items ?? []} />
          </li>
        ))}
      </ul>
    </Section>
  );
}
