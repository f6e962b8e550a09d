import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { type Celebration, type PartnershipDetail, api } from '../../api';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Loading, Section } from '../../ui/Page';
import { focusSaved } from '../../ui/focus';
import { firstWords, formatDate } from '../../ui/format';
import { firstName, subjectsOf } from '../goals/goalWords';
import { usePartnership } from '../partnerships/usePartnership';
import { useSignedIn } from '../session/session';
import { WhoHasSeenLink } from '../access-log/WhoHasSeenLink';
import { ShareForm } from '../sharing/ShareForm';
import { CelebrationForm } from './CelebrationForm';
import { byMonth, celebrationsKey, monthLabel } from './celebrationWords';
import { useLanguage, useT } from '../../i18n';
import { m } from './messages';

/** Celebrations: risks taken, progress and successes, recorded by either partner, as a timeline by month. */
export function CelebrationsSection() {
  const p = usePartnership();
  const me = useSignedIn();
  const t = useT(m);
  const { language } = useLanguage();
  const list = useQuery({
    queryKey: celebrationsKey(p.id),
    queryFn: () => api.get<{ items: Celebration[] }>(`/api/partnerships/${p.id}/celebrations`),
    enabled: p.abilities.readContent,
  });
  const [notice, setNotice] = useState('');
  if (!p.abilities.readContent) return <p>{t('notMember')}</p>;

  const subjects = subjectsOf(p);
  // Whether the viewer may add one is the server's decision; a form also needs a coachee to be about.
  const canRecord = p.abilities.celebrate && subjects.length > 0;
  const items = list.data?.items ?? [];

  return (
    <Section title={t('title')} id="celebrations">
      <p className="lead">{t('lead')}</p>
      <div className="celebration-notice" role="status">
        {notice ? <p className="success-text">{notice}</p> : null}
      </div>
      {canRecord ? (
        <CelebrationForm
          p={p}
          onSaved={(c) => {
            const subject = p.members.find((x) => x.personId === c.subjectId);
            const date = formatDate(c.happenedOn, language);
            setNotice(
              c.subjectId !== me.personId && subject
                ? t('savedNoticeShared', { kind: c.kind, date, name: firstName(subject.name) })
                : t('savedNotice', { kind: c.kind, date }),
            );
            focusSaved(celebrationDomId(c.id));
          }}
        />
      ) : p.status === 'closed' ? (
        <p className="muted">{t('closed')}</p>
      ) : null}

      <h3 id="celebration-timeline-title">{t('timeline')}</h3>
      {list.isPending ? <Loading what={t('loading')} /> : null}
      <ErrorAlert error={list.error} />
      {!list.isPending && !list.error && items.length === 0 ? (
        <p>{t('empty')}</p>
      ) : null}
      {items.length > 0 ? (
        <ol className="celebration-months" aria-labelledby="celebration-timeline-title">
          {byMonth(items).map((group) => (
            <li key={group.month}>
              <h4 id={`month-${group.month}`}>{monthLabel(group.month, language)}</h4>
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

/** The element id of one celebration in the timeline, where focus goes after it is saved. */
export const celebrationDomId = (id: string) => `celebration-${id}`;

/** One entry: what kind, when, what happened, the goal it belongs to, who recorded it; "Share…" for the coachee. */
function CelebrationEntry({ c, p }: { c: Celebration; p: PartnershipDetail }) {
  const me = useSignedIn();
  const t = useT(m);
  const { language } = useLanguage();
  const id = useId();
  const [sharing, setSharing] = useState(false);
  const subject = p.members.find((x) => x.personId === c.subjectId);
  const showWhose = subjectsOf(p).length > 1;
  return (
    <article id={celebrationDomId(c.id)} aria-labelledby={`${id}-kind ${id}-date`}>
      <p className="celebration-head">
        <span id={`${id}-kind`} className={`celebration-kind kind-${c.kind}`}>
          {t('kind', { kind: c.kind })}
        </span>{' '}
        <time id={`${id}-date`} dateTime={c.happenedOn} className="meta">
          {formatDate(c.happenedOn, language)}
        </time>
        {showWhose && subject ? <span className="meta"> · {c.subjectId === me.personId ? t('yours') : t('whose', { name: firstName(subject.name) })}</span> : null}
      </p>
      <p className="celebration-text note-body">{c.text}</p>
      {c.goalTitle ? (
        <p className="celebration-goal">
          <span className="meta">{t('goalLabel')} </span>
          {c.goalTitle}
        </p>
      ) : null}
      <p className="meta">{c.authorId === me.personId ? t('recordedByYou') : t('recordedBy', { name: c.authorName })}</p>
      {c.abilities.share ? (
        <div className="button-row">
          {!sharing ? (
            <Button variant="secondary" onClick={() => setSharing(true)}>
              {t('share')}
              <span className="visually-hidden"> {t('shareHidden', { date: formatDate(c.happenedOn, language) })}</span>
            </Button>
          ) : null}
          <WhoHasSeenLink itemType="celebration" itemId={c.id} title={firstWords(c.text)} name={t('whoHasSeenName', { date: formatDate(c.happenedOn, language) })} />
        </div>
      ) : null}
      {sharing ? <ShareForm partnershipId={p.id} target={{ itemType: 'celebration', itemId: c.id }} exclude={p.members.map((m) => m.personId)} onDone={() => setSharing(false)} /> : null}
    </article>
  );
}
