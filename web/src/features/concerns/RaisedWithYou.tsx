import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { type Concern, api } from '../../api';
import { ErrorAlert } from '../../ui/Alert';
import { Section } from '../../ui/Page';
import { formatDate, formatDateTime } from '../../ui/format';
import { firstName } from '../goals/goalWords';
import { RAISED_WITH_ME_KEY } from './concernWords';
import { useLanguage, useT } from '../../i18n';
import { m } from './messages';

/**
 * For a supervisor's Home: concerns a coach raised with them, after talking
 * them over with the coachee. Shown only when there are some. Nothing here
 * links into the partnership: the supervisor sees this concern, not the coaching.
 */
export function RaisedWithYou({ showErrors }: { showErrors: boolean }) {
  const t = useT(m);
  const raised = useQuery({ queryKey: RAISED_WITH_ME_KEY, queryFn: () => api.get<{ items: Concern[] }>('/api/me/escalated-concerns') });
  const items = [...(raised.data?.items ?? [])].sort((a, b) => (b.escalation?.escalatedAt ?? '').localeCompare(a.escalation?.escalatedAt ?? ''));
  if (raised.error) return showErrors ? <ErrorAlert error={raised.error} /> : null;
  if (items.length === 0) return null;
  return (
    <Section title={t('raisedTitle')} id="raised-with-you">
      <p className="muted">{t('raisedIntro', { count: items.length })}</p>
      <ul className="plain-list concern-list">
        {items.map((c) => (
          <li key={c.id}>
            <RaisedConcern c={c} />
          </li>
        ))}
      </ul>
    </Section>
  );
}

function RaisedConcern({ c }: { c: Concern }) {
  const t = useT(m);
  const { language } = useLanguage();
  const id = useId();
  const subject = firstName(c.subjectName);
  return (
    <article className={`card concern-card concern-${c.status}`} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('aboutName', { name: c.subjectName })}</h3>
      <p className="meta">
        {c.escalation ? t('raisedByOn', { name: c.authorName, date: formatDateTime(c.escalation.escalatedAt, language) }) : t('raisedBy', { name: c.authorName })}
        {c.resolvedAt ? ` · ${t('resolvedOnLower', { date: formatDate(c.resolvedAt, language) })}` : ''}
      </p>
      <dl className="facts stacked concern-facts">
        <div>
          <dt>{t('theConcern')}</dt>
          <dd className="note-body">{c.description}</dd>
        </div>
        {c.discussion ? (
          <div>
            <dt>{t('talkedOverWith', { name: subject, date: formatDate(c.discussion.discussedOn, language) })}</dt>
            <dd className="note-body">{c.discussion.summary}</dd>
          </div>
        ) : null}
        {c.discussion?.coacheeView ? (
          <div>
            <dt>{t('viewOf', { name: subject })}</dt>
            <dd className="note-body">{c.discussion.coacheeView}</dd>
          </div>
        ) : null}
        {c.escalation ? (
          <div>
            <dt>{t('whyRaisedWithYou')}</dt>
            <dd className="note-body">{c.escalation.reason}</dd>
          </div>
        ) : null}
        {c.resolutionNote ? (
          <div>
            <dt>{t('howResolved')}</dt>
            <dd className="note-body">{c.resolutionNote}</dd>
          </div>
        ) : null}
      </dl>
    </article>
  );
}
