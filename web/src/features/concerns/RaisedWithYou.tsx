import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { type Concern, api } from '../../api';
import { ErrorAlert } from '../../ui/Alert';
import { Section } from '../../ui/Page';
import { formatDate, formatDateTime } from '../../ui/format';
import { firstName } from '../goals/goalWords';
import { RAISED_WITH_ME_KEY } from './concernWords';

/**
 * For a supervisor's Home: concerns a coach raised with them, after talking
 * them over with the coachee. Shown only when there are some. Nothing here
 * links into the partnership: the supervisor sees this concern, not the coaching.
 */
export function RaisedWithYou({ showErrors }: { showErrors: boolean }) {
  const raised = useQuery({ queryKey: RAISED_WITH_ME_KEY, queryFn: () => api.get<{ items: Concern[] }>('/api/me/escalated-concerns') });
  const items = [...(raised.data?.items ?? [])].sort((a, b) => (b.escalation?.escalatedAt ?? '').localeCompare(a.escalation?.escalatedAt ?? ''));
  if (raised.error) return showErrors ? <ErrorAlert error={raised.error} /> : null;
  if (items.length === 0) return null;
  return (
    <Section title="Concerns raised with you" id="raised-with-you">
      <p className="muted">
        A coach raised {items.length === 1 ? 'this concern' : 'these concerns'} with you after talking {items.length === 1 ? 'it' : 'them'} over with the
        coachee, who knows you have been told and can read what is written here. The rest of the partnership’s coaching stays private.
      </p>
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
  const id = useId();
  const subject = firstName(c.subjectName);
  return (
    <article className={`card concern-card concern-${c.status}`} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>About {c.subjectName}</h3>
      <p className="meta">
        Raised by {c.authorName}
        {c.escalation ? ` on ${formatDateTime(c.escalation.escalatedAt)}` : ''}
        {c.resolvedAt ? ` · resolved on ${formatDate(c.resolvedAt)}` : ''}
      </p>
      <dl className="facts stacked concern-facts">
        <div>
          <dt>The concern</dt>
          <dd className="note-body">{c.description}</dd>
        </div>
        {c.discussion ? (
          <div>
            <dt>Talked over with {subject} on {formatDate(c.discussion.discussedOn)}</dt>
            <dd className="note-body">{c.discussion.summary}</dd>
          </div>
        ) : null}
        {c.discussion?.coacheeView ? (
          <div>
            <dt>{subject}’s view, in their words</dt>
            <dd className="note-body">{c.discussion.coacheeView}</dd>
          </div>
        ) : null}
        {c.escalation ? (
          <div>
            <dt>Why it was raised with you</dt>
            <dd className="note-body">{c.escalation.reason}</dd>
          </div>
        ) : null}
        {c.resolutionNote ? (
          <div>
            <dt>How it was resolved</dt>
            <dd className="note-body">{c.resolutionNote}</dd>
          </div>
        ) : null}
      </dl>
    </article>
  );
}
