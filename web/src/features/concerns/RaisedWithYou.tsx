import { useId } from 'react';
import type { Concern } from '../../api';
import { Section } from '../../ui/Page';
import { formatDate, formatDateTime } from '../../ui/format';
import { firstName } from '../goals/goalWords';
import { useLanguage, useT } from '../../i18n';
import { m } from './messages';

/**
 * For a supervisor's Home: concerns a coach raised with them, after talking
 * them over with the coachee. Nothing here links into the partnership: the
 * supervisor sees this concern, not the coaching. Home loads this file only
 * when there is one to show (see home/RaisedWithYouSlot.tsx).
 */
export function RaisedWithYou({ items: unsorted }: { items: Concern[] }) {
  const t = useT(m);
  const items = [...unsorted].sort((a, b) => (b.escalation?.escalatedAt ?? '').localeCompare(a.escalation?.escalatedAt ?? ''));
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
