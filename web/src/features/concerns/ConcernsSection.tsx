import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { type Concern, api } from '../../api';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Loading, Section } from '../../ui/Page';
import { firstName, subjectsOf } from '../goals/goalWords';
import { usePartnership } from '../partnerships/usePartnership';
import { useSignedIn } from '../session/session';
import { ConcernCard, concernTitleId } from './ConcernCard';
import { ConcernForm } from './ConcernForm';
import { canRecordConcerns, concernOrder, concernSubjects, concernsKey } from './concernWords';
import { focusSoon } from '../../ui/focus';

/**
 * Concerns: a coach or mentor coach records one, talks it over with the coachee
 * (and records that), and only then may raise it with the coachee's supervisor.
 * The coachee sees every concern about them and every step.
 */
export function ConcernsSection() {
  const p = usePartnership();
  const me = useSignedIn();
  const list = useQuery({
    queryKey: concernsKey(p.id),
    queryFn: () => api.get<{ items: Concern[] }>(`/api/partnerships/${p.id}/concerns`),
    enabled: p.abilities.readContent,
  });
  const [writing, setWriting] = useState(false);
  const [notice, setNotice] = useState('');
  if (!p.abilities.readContent) return <p>Concerns stay between the people in this partnership, and the coachee sees every one.</p>;

  const iAmSubject = subjectsOf(p).some((s) => s.personId === me.personId);
  const subjects = concernSubjects(p, me.personId);
  const canRecord = canRecordConcerns(p, me.personId);
  const items = [...(list.data?.items ?? [])].sort(concernOrder);
  const whom = subjects.length === 1 ? firstName(subjects[0].name) : iAmSubject ? 'your partner' : 'the coachee';

  return (
    <Section title="Concerns" id="concerns">
      {iAmSubject ? (
        <div className="concern-promise">
          <p className="lead">
            <strong>Nothing is raised about you without you.</strong> If someone supporting you has a concern, it is written down here, where you can read it.
            They talk it over with you first, and what you both said is recorded. Only after that can it be taken to your supervisor — and if it is, you
            see who was told, when and why.
          </p>
        </div>
      ) : null}
      {canRecord || !iAmSubject ? (
        <p className={iAmSubject ? undefined : 'lead'}>
          {iAmSubject ? 'When you have a concern about a partner, it goes' : 'A concern goes'} through three steps, always in this order: record it here,
          talk it over with {whom} and record what you both said, and only then — if it still needs help — raise it with{' '}
          {subjects.length === 1 ? `${whom}’s` : 'their'} supervisor. {subjects.length === 1 ? whom : 'The coachee'} can read every concern about them
          and every step.
        </p>
      ) : null}
      <div className="concern-notice" role="status">
        {notice ? <p className="success-text">{notice}</p> : null}
      </div>
      {canRecord && !writing ? (
        <Button
          id="record-concern"
          onClick={() => {
            setNotice('');
            setWriting(true);
          }}
        >
          Record a concern
        </Button>
      ) : null}
      {writing ? (
        <ConcernForm
          p={p}
          onSaved={(c) => {
            setWriting(false);
            setNotice(`The concern is recorded. ${firstName(c.subjectName)} can read it now. Next, talk it over with ${firstName(c.subjectName)}.`);
            focusSoon(concernTitleId(c.id));
          }}
          onCancel={() => {
            setWriting(false);
            focusSoon('record-concern');
          }}
        />
      ) : null}
      <h3 id="concern-list-title">{iAmSubject && !canRecord ? 'Concerns about you' : 'Concerns recorded'}</h3>
      {list.isPending ? <Loading what="concerns" /> : null}
      <ErrorAlert error={list.error} />
      {!list.isPending && !list.error && items.length === 0 ? <p>{iAmSubject ? 'There are none. If one is ever recorded about you, you will see it here first.' : 'None recorded.'}</p> : null}
      {items.length > 0 ? (
        <ul className="plain-list concern-list" aria-labelledby="concern-list-title">
          {items.map((c) => (
            <li key={c.id}>
              <ConcernCard c={c} p={p} />
            </li>
          ))}
        </ul>
      ) : null}
    </Section>
  );
}
