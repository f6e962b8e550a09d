import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { type Celebration, type PartnershipDetail, api } from '../../api';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Loading, Section } from '../../ui/Page';
import { firstWords, formatDate } from '../../ui/format';
import { firstName, subjectsOf } from '../goals/goalWords';
import { usePartnership } from '../partnerships/usePartnership';
import { useSignedIn } from '../session/session';
import { WhoHasSeenLink } from '../access-log/WhoHasSeenLink';
import { ShareForm } from '../sharing/ShareForm';
import { CelebrationForm } from './CelebrationForm';
import { KIND_LABEL, byMonth, celebrationsKey, monthLabel } from './celebrationWords';

/** Celebrations: risks taken, progress and successes, recorded by either partner, as a timeline by month. */
export function CelebrationsSection() {
  const p = usePartnership();
  const me = useSignedIn();
  const list = useQuery({
    queryKey: celebrationsKey(p.id),
    queryFn: () => api.get<{ items: Celebration[] }>(`/api/partnerships/${p.id}/celebrations`),
    enabled: p.abilities.readContent,
  });
  const [notice, setNotice] = useState('');
  if (!p.abilities.readContent) return <p>Celebrations belong to the people in this partnership. The coachee can choose to share one with you.</p>;

  const subjects = subjectsOf(p);
  // Whether the viewer may add one is the server's decision; a form also needs a coachee to be about.
  const canRecord = p.abilities.celebrate && subjects.length > 0;
  const items = list.data?.items ?? [];

  return (
    <Section title="Celebrations" id="celebrations">
      <p className="lead">
        Trying something new takes courage, and it is worth noticing whatever the result. Record the risks taken, the progress made and the successes
        along the way — yours or your partner’s. Only members of this partnership see them, unless the coachee shares one.
      </p>
      <div className="celebration-notice" role="status">
        {notice ? <p className="success-text">{notice}</p> : null}
      </div>
      {canRecord ? (
        <CelebrationForm
          p={p}
          onSaved={(c) => {
            const subject = p.members.find((m) => m.personId === c.subjectId);
            const also = c.subjectId !== me.personId && subject ? ` ${firstName(subject.name)} will see it there too.` : '';
            setNotice(`Well noticed! ${KIND_LABEL[c.kind]} is on the timeline for ${formatDate(c.happenedOn)}.${also}`);
          }}
        />
      ) : p.status === 'closed' ? (
        <p className="muted">This partnership is closed, so nothing new can be added. The timeline stays here to look back on.</p>
      ) : null}

      <h3 id="celebration-timeline-title">Timeline</h3>
      {list.isPending ? <Loading what="celebrations" /> : null}
      <ErrorAlert error={list.error} />
      {!list.isPending && !list.error && items.length === 0 ? (
        <p>Nothing here yet. The first celebration can be small: a question you tried for the first time counts.</p>
      ) : null}
      {items.length > 0 ? (
        <ol className="celebration-months" aria-labelledby="celebration-timeline-title">
          {byMonth(items).map((group) => (
            <li key={group.month}>
              <h4 id={`month-${group.month}`}>{monthLabel(group.month)}</h4>
              <ol className="celebration-list" aria-labelledby={`month-${group.month}`}>
                {group.items.map((c) => (
                  <li key={c.id} className={`celebration celebration-${c.kind}`}>
                    <CelebrationEntry c={c} p={p} />
                  </li>
                ))}
              </ol>
            </li>
          ))}
        </ol>
      ) : null}
    </Section>
  );
}

/** One entry: what kind, when, what happened, the goal it belongs to, who recorded it; "Share…" for the coachee. */
function CelebrationEntry({ c, p }: { c: Celebration; p: PartnershipDetail }) {
  const me = useSignedIn();
  const id = useId();
  const [sharing, setSharing] = useState(false);
  const subject = p.members.find((m) => m.personId === c.subjectId);
  const author = c.authorId === me.personId ? 'you' : c.authorName;
  const showWhose = subjectsOf(p).length > 1;
  return (
    <article aria-labelledby={`${id}-kind ${id}-date`}>
      <p className="celebration-head">
        <span id={`${id}-kind`} className={`celebration-kind kind-${c.kind}`}>
          {KIND_LABEL[c.kind]}
        </span>{' '}
        <time id={`${id}-date`} dateTime={c.happenedOn} className="meta">
          {formatDate(c.happenedOn)}
        </time>
        {showWhose && subject ? <span className="meta"> · {c.subjectId === me.personId ? 'yours' : `${firstName(subject.name)}’s`}</span> : null}
      </p>
      <p className="celebration-text note-body">{c.text}</p>
      {c.goalTitle ? (
        <p className="celebration-goal">
          <span className="meta">Goal: </span>
          {c.goalTitle}
        </p>
      ) : null}
      <p className="meta">Recorded by {author}</p>
      {c.abilities.share ? (
        <div className="button-row">
          {!sharing ? (
            <Button variant="secondary" onClick={() => setSharing(true)}>
              Share…<span className="visually-hidden"> this celebration from {formatDate(c.happenedOn)}</span>
            </Button>
          ) : null}
          <WhoHasSeenLink itemType="celebration" itemId={c.id} title={firstWords(c.text)} name={`celebration from ${formatDate(c.happenedOn)}`} />
        </div>
      ) : null}
      {sharing ? <ShareForm partnershipId={p.id} target={{ itemType: 'celebration', itemId: c.id }} exclude={p.members.map((m) => m.personId)} onDone={() => setSharing(false)} /> : null}
    </article>
  );
}
