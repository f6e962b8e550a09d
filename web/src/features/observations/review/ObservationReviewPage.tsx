import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { projectObservation } from '../../../../../shared/src/observations/projections';
import { ApiError, type Observation, type Reflection, api } from '../../../api';
import { useLanguage, useT } from '../../../i18n';
import { Alert, ErrorAlert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { Loading, Section } from '../../../ui/Page';
import { focusSoon } from '../../../ui/focus';
import { formatDate, formatDateTime } from '../../../ui/format';
import { m as uiWords } from '../../../ui/messages';
import { WhoHasSeenLink } from '../../access-log/WhoHasSeenLink';
import { firstName } from '../../goals/goalWords';
import { usePartnership } from '../../partnerships/usePartnership';
import { ReflectionCard } from '../../reflections/ReflectionCard';
import { observationReflectionsKey } from '../../reflections/reflectionWords';
import { useSignedIn } from '../../session/session';
import { ShareForm } from '../../sharing/ShareForm';
import { FeedbackSection } from '../../feedback/FeedbackSection';
import { ObservationEvidence } from '../../artifacts/ArtifactList';
import { ChartFiles } from '../charts/ChartFiles';
import { ObservationChart } from '../charts/ObservationChart';
import { m } from './messages';
import { modeText, observationKey, recordHref, recordsKey, toolName } from './recordWords';

/**
 * Reviewing one observation: what it looked at, when, live or recorded, and each tool's graphic
 * with its data table (drawn from the event log by the shared projections, so it matches the
 * tablet and the PDF). Coachee first (issue 10, item 5): the coachee sees the data with nobody
 * else's words and is invited to write what they notice, quoting it (the reflection form opened
 * with `?observation=`); the partner who recorded it sees the data with a note that the coachee
 * looks first, and neither reads nor writes any reflection on it until the coachee has written
 * theirs (the server holds a partner's reflection until then too). Then the reflections on this
 * observation sit below the data, for members. Anyone the server does not let read it gets the
 * not-found page.
 */
export function ObservationReviewPage() {
  const t = useT(m);
  const ui = useT(uiWords);
  const { language } = useLanguage();
  const p = usePartnership();
  const me = useSignedIn();
  const client = useQueryClient();
  const { observationId = '' } = useParams();
  const q = useQuery({ queryKey: observationKey(observationId), queryFn: () => api.get<Observation>(`/api/observations/${observationId}`) });
  const end = useMutation({
    mutationFn: () => api.post<Observation>(`/api/observations/${observationId}/ending`, {}),
    onSuccess: (saved) => {
      client.setQueryData(observationKey(saved.id), saved);
      void client.invalidateQueries({ queryKey: recordsKey(saved.partnershipId) });
      focusSoon('observation-ended');
    },
  });
  const views = useMemo(() => (q.data ? projectObservation(q.data) : []), [q.data]);
  const [sharing, setSharing] = useState(false);
  // Nobody's words on this visit are fetched before the coachee's exist.
  const reflected = !!q.data?.coacheeReflectedAt;
  const onThis = useQuery({
    queryKey: observationReflectionsKey(p.id, observationId),
    queryFn: () => api.get<{ items: Reflection[] }>(`/api/partnerships/${p.id}/reflections?observationId=${encodeURIComponent(observationId)}`),
    enabled: p.abilities.readContent && reflected,
  });

  if (q.isPending) return <Loading what={t('loading')} />;
  if (q.error instanceof ApiError && q.error.status === 404) {
    return (
      <Section title={ui('notFoundHeading')} id="observation-review">
        <p>
          {ui('notFoundBody')} <Link to="/">{ui('notFoundHome')}</Link>.
        </p>
      </Section>
    );
  }
  if (!q.data) return <ErrorAlert error={q.error} />;

  const o = q.data;
  const mine = o.subjectId === me.personId;
  const subject = p.members.find((x) => x.personId === o.subjectId);
  const subjectFirst = subject ? firstName(subject.name) : '';
  const member = p.abilities.readContent;
  const reflectHref = `/partnerships/${p.id}/reflections?observation=${encodeURIComponent(o.id)}`;
  // Coachee first, in the order they wrote.
  const reflections = [...(onThis.data?.items ?? [])].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const wroteMine = reflections.some((r) => r.authorId === me.personId);

  return (
    <Section title={o.focus.trim() || t('untitled')} id="observation-review" className="observation-review">
      {member ? (
        <p className="no-print">
          <Link to={`/partnerships/${p.id}/observations`}>{t('backToList')}</Link>
        </p>
      ) : null}
      {o.status === 'recording' && o.abilities.record ? (
        <p className="no-print">
          <Link className="btn btn-primary record-go" to={recordHref(p.id, o.id)}>
            {t('goOnRecording')}
          </Link>
        </p>
      ) : null}
      <dl className="facts stacked review-facts">
        <div>
          <dt>{t('when')}</dt>
          <dd>
            {o.endedAt
              ? t('whenEnded', { start: formatDateTime(o.startedAt, language), end: formatDateTime(o.endedAt, language) })
              : t('whenRecording', { start: formatDateTime(o.startedAt, language) })}
          </dd>
        </div>
        <div>
          <dt>{t('how')}</dt>
          <dd>{modeText(t, o.mode)}</dd>
        </div>
        <div>
          <dt>{t('plan')}</dt>
          <dd>{o.planned ? t('planYes') : t('planNo')}</dd>
        </div>
        <div>
          <dt>{t('status')}</dt>
          <dd>
            <span className={`status record-status-${o.status}`}>{t(`status_${o.status}`)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('recordedBy')}</dt>
          <dd>{t('recordedByValue', { who: o.createdById === me.personId ? 'me' : 'other', name: o.createdBy })}</dd>
        </div>
      </dl>

      <div className="button-row review-actions no-print">
        <a className="btn btn-secondary" href={`/api/observations/${encodeURIComponent(o.id)}/report.pdf`} download>
          {t('savePdf')}
        </a>
        <Button variant="secondary" onClick={() => window.print()}>
          {t('print')}
        </Button>
        {o.abilities.share && !sharing ? (
          <Button variant="secondary" onClick={() => setSharing(true)}>
            {t('share')}
          </Button>
        ) : null}
        {o.abilities.share ? <WhoHasSeenLink itemType="observation" itemId={o.id} title={o.focus || t('untitled')} name={t('whoHasSeen')} /> : null}
      </div>
      {sharing ? <ShareForm partnershipId={p.id} target={{ itemType: 'observation', itemId: o.id }} exclude={p.members.map((x) => x.personId)} onDone={() => setSharing(false)} /> : null}

      {o.coacheeReflectedAt ? (
        <p className="muted">{t('reflectedAlready', { who: mine ? 'me' : 'other', name: subjectFirst, date: formatDate(o.coacheeReflectedAt, language) })}</p>
      ) : mine ? (
        <div className="first-look first-look-mine">
          <p>{t('firstLookMine')}</p>
          {p.abilities.reflect ? (
            <p>
              <Link className="btn btn-primary" to={reflectHref}>
                {t('firstLookReflect')}
              </Link>
            </p>
          ) : null}
        </div>
      ) : member ? (
        <p className="first-look first-look-partner">{t('firstLookCoach', { name: subjectFirst })}</p>
      ) : null}

      {o.abilities.end ? (
        <div className="review-end no-print">
          <p className="field-hint">{t('endHint')}</p>
          <Button variant="secondary" busy={end.isPending} onClick={() => end.mutate()}>
            {t('endObservation')}
          </Button>
        </div>
      ) : null}
      <div id="observation-ended" tabIndex={-1} role="status">
        {end.isSuccess ? <p className="success-text">{t('ended')}</p> : null}
      </div>
      <ErrorAlert error={end.error} />

      <h3>{t('toolsTitle')}</h3>
      {views.length === 0 ? <Alert>{t('noTools')}</Alert> : null}
      {views.map((view) => (
        <section key={view.tool} className="review-tool" aria-labelledby={`tool-${view.tool}`}>
          <h4 id={`tool-${view.tool}`}>{toolName(language, view.tool)}</h4>
          <ObservationChart view={view} language={language} />
          <ChartFiles observationId={o.id} tool={view.tool} toolLabel={toolName(language, view.tool)} />
        </section>
      ))}

      {member ? <ObservationEvidence partnershipId={p.id} observationId={o.id} /> : null}

      {member && o.coacheeReflectedAt ? (
        <section className="review-reflections" aria-labelledby="review-reflections-title">
          <h3 id="review-reflections-title">{t('reflectionsTitle')}</h3>
          {onThis.isPending ? <Loading what={t('reflectionsLoading')} /> : null}
          <ErrorAlert error={onThis.error} />
          {reflections.length ? (
            <ol className="plain-list reflection-list" aria-labelledby="review-reflections-title">
              {reflections.map((r) => (
                <li key={r.id}>
                  <ReflectionCard r={r} p={p} observationLink={false} />
                </li>
              ))}
            </ol>
          ) : onThis.isSuccess ? (
            <p>
              {t('reflectionsOnPlan')} <Link to={`/partnerships/${p.id}/reflections`}>{t('reflectionsOnPlanLink')}</Link>
            </p>
          ) : null}
          {!mine && p.abilities.reflect && onThis.isSuccess && !wroteMine ? (
            <p className="no-print">
              <Link className="btn btn-primary" to={reflectHref}>
                {t('addYours')}
              </Link>
            </p>
          ) : null}
        </section>
      ) : null}
      {member ? <FeedbackSection p={p} target={{ kind: 'observation', id: o.id, partnershipId: o.partnershipId, subjectId: o.subjectId, ended: !!o.endedAt, views }} /> : null}
    </Section>
  );
}
