import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { type Meeting, type ObservationPlan, type Reflection, api, query } from '../../api';
import { ErrorAlert } from '../../ui/Alert';
import { Loading, Section } from '../../ui/Page';
import { subjectsOf } from '../goals/goalWords';
import { plansKey } from '../observations/observationWords';
import { reviewHref } from '../observations/review/recordWords';
import { usePartnership } from '../partnerships/usePartnership';
import { meetingsKey } from '../sessions/sessionWords';
import { ReflectionCard } from './ReflectionCard';
import { ReflectionForm } from './ReflectionForm';
import { newestFirst, reflectionsKey } from './reflectionWords';
import { focusSoon } from '../../ui/focus';
import { useT } from '../../i18n';
import { m } from './messages';

/**
 * Reflection: the coachee interprets first, the partner adds what they heard and saw, and the
 * coachee's next steps flow into the plan. Opened from an observation (`?observation=`), the
 * form starts on that observation's data and nothing else is shown: the coachee looks at the
 * graphics with no one else's words beside them (issue 10, item 5).
 */
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
  // Opened from an observation's review screen: the form starts on that observation (or, from an older link, its plan).
  const [search] = useSearchParams();
  const observationId = search.get('observation') ?? '';
  const noticeId = useId();
  if (!p.abilities.readContent) return <p>{t('membersOnly')}</p>;

  const subjects = subjectsOf(p);
  // Whether the viewer may reflect is the server's decision; a reflection also needs a coachee to be about.
  const canReflect = p.abilities.reflect && subjects.length > 0;
  const items = [...(list.data?.items ?? [])].sort(newestFirst);

  return (
    <Section title={t('title')} id="reflections">
      {observationId ? (
        <p className="no-print">
          <Link to={reviewHref(p.id, observationId)}>{t('backToObservation')}</Link>
        </p>
      ) : (
        <p className="lead">{t('lead')}</p>
      )}
      <div id={noticeId} className="reflection-notice" role="status" tabIndex={-1}>
        {saved ? <SavedNotice r={saved} partnershipId={p.id} /> : null}
      </div>
      {canReflect ? (
        <ReflectionForm
          key={observationId}
          p={p}
          reflections={items}
          initialPlanId={search.get('plan') ?? ''}
          observationId={observationId}
          onSaved={(r) => {
            setSaved(r);
            focusSoon(noticeId);
          }}
        />
      ) : p.status === 'closed' ? (
        <p className="muted">{t('closed')}</p>
      ) : null}

      {observationId ? (
        // The other reflections wait on their own page, so nobody's words sit beside the data.
        <p>
          <Link to={`/partnerships/${p.id}/reflections`}>{t('allReflections')}</Link>
        </p>
      ) : (
        <>
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
        </>
      )}
    </Section>
  );
}

/** Stands for the link in a sentence, so the link's words can sit anywhere a language puts them. */
const LINK = '\u0001';

function SavedNotice({ r, partnershipId }: { r: Reflection; partnershipId: string }) {
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
  if (r.observationId) {
    const [before, after] = t('savedOnObservation', { link: LINK }).split(LINK);
    return (
      <p className="success-text">
        {before}
        <Link to={reviewHref(partnershipId, r.observationId)}>{t('savedOnObservationLink')}</Link>
        {after}
      </p>
    );
  }
  return <p className="success-text">{t('saved')}</p>;
}
