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
import { useT } from '../../i18n';
import { m } from './messages';

/**
 * Concerns: a coach or mentor coach records one, talks it over with the coachee
 * (and records that), and only then may raise it with the coachee's supervisor.
 * The coachee sees every concern about them and every step.
 */
export function ConcernsSection() {
  const t = useT(m);
  const p = usePartnership();
  const me = useSignedIn();
  const list = useQuery({
    queryKey: concernsKey(p.id),
    queryFn: () => api.get<{ items: Concern[] }>(`/api/partnerships/${p.id}/concerns`),
    enabled: p.abilities.readContent,
  });
  const [writing, setWriting] = useState(false);
  const [notice, setNotice] = useState('');
  if (!p.abilities.readContent) return <p>{t('membersOnly')}</p>;

  const iAmSubject = subjectsOf(p).some((s) => s.personId === me.personId);
  const subjects = concernSubjects(p, me.personId);
  const canRecord = canRecordConcerns(p, me.personId);
  const items = [...(list.data?.items ?? [])].sort(concernOrder);
  const whom = subjects.length === 1 ? 'one' : iAmSubject ? 'partner' : 'coachee';
  const name = subjects.length === 1 ? firstName(subjects[0].name) : '';

  return (
    <Section title={t('title')} id="concerns">
      {iAmSubject ? (
        <div className="concern-promise">
          <p className="lead">
            <strong>{t('promise')}</strong> {t('promiseBody')}
          </p>
        </div>
      ) : null}
      {canRecord || !iAmSubject ? <p className={iAmSubject ? undefined : 'lead'}>{t('threeSteps', { opener: iAmSubject ? 'partner' : 'any', whom, name })}</p> : null}
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
          {t('recordConcern')}
        </Button>
      ) : null}
      {writing ? (
        <ConcernForm
          p={p}
          onSaved={(c) => {
            setWriting(false);
            setNotice(t('recordedNotice', { name: firstName(c.subjectName) }));
            focusSoon(concernTitleId(c.id));
          }}
          onCancel={() => {
            setWriting(false);
            focusSoon('record-concern');
          }}
        />
      ) : null}
      <h3 id="concern-list-title">{iAmSubject && !canRecord ? t('aboutYouTitle') : t('recordedTitle')}</h3>
      {list.isPending ? <Loading what={t('loading')} /> : null}
      <ErrorAlert error={list.error} />
      {!list.isPending && !list.error && items.length === 0 ? <p>{iAmSubject ? t('noneAboutYou') : t('noneRecorded')}</p> : null}
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
