import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { type PartnershipDetail, type PracticeRatings, type StrengthsResponse, api } from '../../api';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Loading, Section } from '../../ui/Page';
import { usePractices } from '../agreements/useAgreement';
import { firstName } from '../goals/goalWords';
import { usePartnership } from '../partnerships/usePartnership';
import { useSignedIn } from '../session/session';
import { EntryList } from './EntryList';
import { RatingForm } from './RatingForm';
import { byCategory, growthText, levelLabel, shortDate, strengthsKey } from './strengthWords';
import { focusSoon } from '../../ui/focus';
import { useLanguage, useT } from '../../i18n';
import { m } from './messages';

/** Strengths and needs: the coachee's own view of their practice over the year, and the strengths and priorities partners note together. */
export function StrengthsSection() {
  const p = usePartnership();
  const me = useSignedIn();
  const t = useT(m);
  const strengths = useQuery({
    queryKey: strengthsKey(p.id),
    queryFn: () => api.get<StrengthsResponse>(`/api/partnerships/${p.id}/strengths`),
    enabled: p.abilities.readContent,
  });
  if (!p.abilities.readContent) return <p>{t('notMember')}</p>;
  const data = strengths.data;
  return (
    <Section title={t('title')} id="strengths">
      <p className="lead">{t('lead')}</p>
      {strengths.isPending ? <Loading what={t('loading')} /> : null}
      <ErrorAlert error={strengths.error} />
      {data ? (
        <>
          {[...data.bySubject].sort((a, b) => Number(b.subjectId === me.personId) - Number(a.subjectId === me.personId)).map((s) => (
            <SelfView key={s.subjectId} p={p} subject={s} canRate={data.abilities.rate} />
          ))}
          <EntryList p={p} type="strength" entries={data.entries.filter((e) => e.type === 'strength')} canAdd={data.abilities.add} />
          <EntryList p={p} type="priority" entries={data.entries.filter((e) => e.type === 'priority')} canAdd={data.abilities.add} />
        </>
      ) : null}
    </Section>
  );
}

/** One coachee's self-ratings: growth per practice, and for the coachee the form to add today's view. */
function SelfView({ p, subject, canRate }: { p: PartnershipDetail; subject: StrengthsResponse['bySubject'][number]; canRate: boolean }) {
  const me = useSignedIn();
  const t = useT(m);
  const practices = usePractices();
  const id = useId();
  const [rating, setRating] = useState(false);
  const [notice, setNotice] = useState('');
  const mine = subject.subjectId === me.personId;
  const first = firstName(subject.name);
  const rated = subject.ratings.filter((r) => r.history.length > 0);
  const openRate = canRate && mine;
  const focusOpen = () => focusSoon(`${id}-open`);

  return (
    <section className="section self-view" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{mine ? t('viewTitleMine') : t('viewTitleOther', { name: first })}</h3>
      <p className="muted">{mine ? t('viewIntroMine') : t('viewIntroOther', { name: first })}</p>
      <div role="status" className="strength-notice">
        {notice ? <p className="success-text">{notice}</p> : null}
      </div>
      {openRate && !rating ? (
        <Button
          id={`${id}-open`}
          onClick={() => {
            setNotice('');
            setRating(true);
          }}
        >
          {rated.length ? t('addToday') : t('describe')}
        </Button>
      ) : null}
      {rating ? (
        <RatingForm
          p={p}
          subjectId={subject.subjectId}
          practices={practices.data?.items ?? []}
          mine={subject.ratings}
          onSaved={(count) => {
            setRating(false);
            setNotice(t('savedCount', { count }));
            focusOpen();
          }}
          onCancel={() => {
            setRating(false);
            focusOpen();
          }}
        />
      ) : null}
      {practices.isPending && rating ? <Loading what={t('loadingPractices')} /> : null}
      <ErrorAlert error={rating ? practices.error : null} />
      {rated.length === 0 ? (
        <p>{mine ? t('emptyMine') : t('emptyOther', { name: first })}</p>
      ) : (
        <>
          <h4 id={`${id}-growth`}>{t('overTime')}</h4>
          {byCategory(rated).map((group) => (
            <div key={group.category} className="growth-group">
              <p className="group-title">{group.category}</p>
              <ul className="plain-list growth-list" aria-label={mine ? t('growthLabelMine', { category: group.category }) : t('growthLabelOther', { category: group.category, name: first })}>
                {group.items.map((r) => (
                  <li key={r.practiceId} className="growth-item">
                    <GrowthLine r={r} mine={mine} first={first} />
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </>
      )}
    </section>
  );
}

/** One practice: a small chart of the levels (decoration), the same history in words, and the latest comment. */
function GrowthLine({ r, mine, first }: { r: PracticeRatings; mine: boolean; first: string }) {
  const t = useT(m);
  const { language } = useLanguage();
  const last = r.history[r.history.length - 1];
  const commented = [...r.history].reverse().filter((h) => h.comment.trim());
  return (
    <>
      <p className="growth-name">{r.practiceName}</p>
      <div className="growth-row">
        <GrowthChart levels={r.history.map((h) => h.level)} />
        <p className="growth-text">
          <span className="visually-hidden">{t('history')} </span>
          {growthText(t, language, r)}
        </p>
      </div>
      <p className="meta">
        {t('now')} <strong>{levelLabel(t, last.level)}</strong>
      </p>
      {commented.length ? (
        <details className="growth-comments">
          <summary>
            {mine ? t('wordsMine', { count: commented.length }) : t('wordsOther', { name: first, count: commented.length })}
            <span className="visually-hidden"> — {r.practiceName}</span>
          </summary>
          <ul className="plain-list">
            {commented.map((h) => (
              <li key={h.id}>
                <span className="meta">
                  {t('commentHead', { date: shortDate(h.ratedAt, language), level: h.level })}
                </span>{' '}
                <span className="note-body">{h.comment}</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}

/** A sparkline of levels 1–4, oldest to newest. The words beside it say the same, so it is hidden from screen readers. */
function GrowthChart({ levels }: { levels: number[] }) {
  const w = 96;
  const h = 36;
  const step = levels.length > 1 ? (w - 12) / (levels.length - 1) : 0;
  const pts = levels.map((l, i) => [6 + i * step, h - 6 - ((Math.min(4, Math.max(1, l)) - 1) / 3) * (h - 12)] as const);
  return (
    <svg className="growth-chart" width={w} height={h} viewBox={`0 0 ${w} ${h}`} aria-hidden="true" focusable="false">
      {[1, 2, 3, 4].map((l) => {
        const y = h - 6 - ((l - 1) / 3) * (h - 12);
        return <line key={l} x1={0} x2={w} y1={y} y2={y} className="growth-grid" />;
      })}
      {pts.length > 1 ? <polyline points={pts.map(([x, y]) => `${x},${y}`).join(' ')} className="growth-path" /> : null}
      {pts.map(([x, y], i) => (
        <circle key={i} cx={x} cy={y} r={i === pts.length - 1 ? 4 : 3} className="growth-dot" />
      ))}
    </svg>
  );
}

