import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { type Goal, api } from '../../api';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Loading, Section } from '../../ui/Page';
import { usePractices } from '../agreements/useAgreement';
import { usePartnership } from '../partnerships/usePartnership';
import { useSignedIn } from '../session/session';
import { GoalCard } from './GoalCard';
import { GoalForm } from './GoalForm';
import { GOAL_ORDER, firstName, goalsKey, subjectsOf } from './goalWords';
import { focusSoon } from '../../ui/focus';

/** The partnership's goals and action plans: write or propose one, decide, follow the plan step by step. */
export function GoalsSection() {
  const p = usePartnership();
  const me = useSignedIn();
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
  if (!p.abilities.readContent) return <p>Goals belong to the people in this partnership. The coachee can choose to share one with you.</p>;

  const subjects = subjectsOf(p);
  const iAmSubject = subjects.some((s) => s.personId === me.personId);
  // Whether the viewer may write or propose one is the server's decision; a goal also needs a coachee to belong to.
  const canWrite = p.abilities.createGoals && subjects.length > 0;
  const items = [...(goals.data?.items ?? [])].sort((a, b) => GOAL_ORDER[a.status] - GOAL_ORDER[b.status]);
  const openLabel = iAmSubject ? 'Write a goal' : 'Propose a goal';
  const owner = subjects.length === 1 ? firstName(subjects[0].name) : '';

  return (
    <Section title="Goals and action plans" id="goals">
      <p className="muted">
        {p.format === 'peer' || !owner
          ? 'Each goal belongs to the person it is about: anyone in the partnership can propose one, and that person decides whether to take it on. Only members of this partnership see goals, unless the person a goal is about shares it.'
          : iAmSubject
            ? 'Your goals are yours: anyone in the partnership can propose one, and you decide whether to take it on. Only members of this partnership see them, unless you share one.'
            : `Goals belong to ${owner}: you can propose one, and ${owner} decides whether to take it on. Only members of this partnership see them, unless ${owner} shares one.`}
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
                ? `Your proposal “${g.title}” is on its way. ${subject ? firstName(subject.name) : 'The coachee'} decides whether to take it on.`
                : `Your goal “${g.title}” is saved.`,
            );
            backToOpen();
          }}
          onCancel={() => {
            setWriting(false);
            backToOpen();
          }}
        />
      ) : null}
      {goals.isPending ? <Loading what="goals" /> : null}
      <ErrorAlert error={goals.error} />
      {!goals.isPending && !goals.error && items.length === 0 ? <p>No goals yet. A good first goal is one thing you would love to see children doing more of.</p> : null}
      <ul className="plain-list goal-list" aria-label="Goals">
        {items.map((g) => (
          <li key={g.id}>
            <GoalCard goal={g} p={p} practices={practices.data?.items ?? []} />
          </li>
        ))}
      </ul>
    </Section>
  );
}
