import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { FeedbackBlock } from '../../../../shared/src/api';
import type { ToolView } from '../../../../shared/src/observations/views';
import { ApiError, type Feedback, type FeedbackList, type PartnershipDetail, api } from '../../api';
import { useLanguage, useT } from '../../i18n';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Loading } from '../../ui/Page';
import { focusSaved } from '../../ui/focus';
import { formatDateTime } from '../../ui/format';
import { WhoHasSeenLink } from '../access-log/WhoHasSeenLink';
import { goalDomId } from '../goals/GoalCard';
import { firstName } from '../goals/goalWords';
import { ObservationChart } from '../observations/charts/ObservationChart';
import { toolName } from '../observations/review/recordWords';
import { useSignedIn } from '../session/session';
import { ShareForm } from '../sharing/ShareForm';
import { EvidenceBlock } from './EvidenceBlock';
import { FeedbackComposer } from './FeedbackComposer';
import { m } from './messages';

export const feedbackKey = (targetId: string) => ['feedback', targetId] as const;

/**
 * What written feedback is about: an observation (its tools' graphics and data lines can be
 * inserted; sent once the visit has ended) or a video or audio clip (its moments can be inserted).
 */
export type FeedbackTarget =
  | { kind: 'observation'; id: string; partnershipId: string; subjectId: string; ended: boolean; views: ToolView[] }
  | { kind: 'clip'; id: string; partnershipId: string; subjectId: string; ended: true; views: ToolView[]; durationMs: number | null; position: number; moments: Array<{ commentId: string; atMs: number; text: string }> };

export const feedbackUrl = (target: Pick<FeedbackTarget, 'kind' | 'id'>) => `/api/${target.kind === 'observation' ? 'observations' : 'artifacts'}/${encodeURIComponent(target.id)}/feedback`;

/**
 * Written feedback on one observation, below its data on the review page, or on one clip, below
 * its comments (issue 11, item 3). Whoever supports the coachee writes it here, framed by the
 * agreed focus and quoting the evidence; a draft is theirs alone until sent. The coachee reads sent
 * feedback once she has had the data first — written what she notices in the observation's data,
 * or watched her clip (the server holds it until then, and says only that it waits).
 */
export function FeedbackSection({ p, target }: { p: PartnershipDetail; target: FeedbackTarget }) {
  const t = useT(m);
  const { language } = useLanguage();
  const me = useSignedIn();
  const q = useQuery({ queryKey: feedbackKey(target.id), queryFn: () => api.get<FeedbackList>(feedbackUrl(target)) });
  const [composing, setComposing] = useState<Feedback | 'new' | null>(null);
  const [notice, setNotice] = useState('');
  const subject = p.members.find((x) => x.personId === target.subjectId);
  const subjectFirst = subject ? firstName(subject.name) : '';
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: feedbackKey(target.id) });

  if (q.isPending) return <Loading what={t('loading')} />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const list = q.data;
  const mine = target.subjectId === me.personId;

  return (
    <section className="feedback-section" aria-labelledby="feedback-title">
      <h3 id="feedback-title">{t('title')}</h3>
      <p className="field-hint">{t('lead')}</p>
      {list.heldUntilCoacheeReflects > 0 ? (
        <div className="first-look first-look-mine">
          <p>{t(target.kind === 'observation' ? 'heldForYou' : 'heldForYouClip', { name: new Intl.ListFormat(language, { type: 'conjunction' }).format(list.heldFrom.map(firstName)) })}</p>
          {target.kind === 'observation' ? (
            <p>
              <Link className="btn btn-primary" to={`/partnerships/${p.id}/reflections?observation=${encodeURIComponent(target.id)}`}>
                {t('writeYours')}
              </Link>
            </p>
          ) : (
            <p>{t('watchYours')}</p>
          )}
        </div>
      ) : null}
      <div role="status" className="goal-notice">
        {notice ? <p className="success-text" id="feedback-notice" tabIndex={-1}>{notice}</p> : null}
      </div>
      {list.items.length === 0 && list.heldUntilCoacheeReflects === 0 && !composing ? <p>{t('noneYet')}</p> : null}
      {list.items.length ? (
        <ol className="plain-list feedback-list" aria-label={t('title')}>
          {list.items.map((f) =>
            composing !== 'new' && composing?.id === f.id ? null : (
              <li key={f.id}>
                <FeedbackCard
                  f={f}
                  p={p}
                  views={target.views}
                  onEdit={() => {
                    setNotice('');
                    setComposing(f);
                  }}
                  onDiscarded={() => {
                    setNotice(t('discarded'));
                    void refresh();
                    focusSaved('feedback-notice');
                  }}
                />
              </li>
            ),
          )}
        </ol>
      ) : null}
      {composing ? (
        <FeedbackComposer
          key={composing === 'new' ? 'new' : `${composing.id}-${composing.version}`}
          target={target}
          focus={list.focus}
          draft={composing === 'new' ? null : composing}
          subjectFirst={subjectFirst}
          onDone={(message, saved) => {
            setComposing(null);
            setNotice(message);
            void refresh();
            focusSaved(saved ? `feedback-${saved.id}` : 'feedback-notice');
          }}
          onCancel={() => {
            setComposing(null);
            focusSaved('feedback-write');
          }}
        />
      ) : list.canWrite && !mine ? (
        <p className="no-print">
          <Button id="feedback-write" onClick={() => setComposing('new')}>
            {t('write')}
          </Button>
        </p>
      ) : null}
    </section>
  );
}

/** One piece of feedback as it is read: words, graphics and quoted lines in the order written; for its author, what they may do with a draft. */
export function FeedbackCard({ f, p, views, onEdit, onDiscarded }: { f: Feedback; p: PartnershipDetail; views: ToolView[]; onEdit?: () => void; onDiscarded?: () => void }) {
  const t = useT(m);
  const { language } = useLanguage();
  const me = useSignedIn();
  const [sharing, setSharing] = useState(false);
  const discard = useMutation({
    mutationFn: () => api.delete(`/api/feedback/${encodeURIComponent(f.id)}?baseVersion=${f.version}`),
    onSuccess: () => onDiscarded?.(),
  });
  const mine = f.authorId === me.personId;
  const titleText = firstText(f.blocks) || t('title');
  return (
    <article className={`card feedback-card feedback-${f.status}`} aria-labelledby={`feedback-${f.id}`}>
      <h4 id={`feedback-${f.id}`} tabIndex={-1} className="feedback-meta">
        {f.status === 'draft'
          ? t('draftBy', { date: formatDateTime(f.updatedAt, language) })
          : t('sentBy', { who: mine ? 'me' : 'other', name: f.authorName, date: formatDateTime(f.sentAt ?? f.updatedAt, language) })}
      </h4>
      <FeedbackBlocks blocks={f.blocks} views={views} partnershipId={p.id} />
      {f.goal ? (
        <p className="meta feedback-link">
          {t('linkedTo', {
            what: f.goal.title === null ? t('linkedHidden') : f.step?.text ? `${f.goal.title} — ${t('linkedStep', { text: f.step.text })}` : f.goal.title,
          })}{' '}
          {f.goal.title !== null ? <Link to={`/partnerships/${encodeURIComponent(p.id)}/goals#${goalDomId(f.goal.id)}-title`}>{t('seeGoal')}</Link> : null}
        </p>
      ) : null}
      {f.abilities.edit || f.abilities.share ? (
        <div className="button-row no-print">
          {f.abilities.edit ? (
            <>
              <Button variant="secondary" onClick={onEdit}>
                {t('edit')}
              </Button>
              <Button variant="secondary" busy={discard.isPending} onClick={() => discard.mutate()}>
                {t('discard')}
              </Button>
            </>
          ) : null}
          {f.abilities.share && !sharing ? (
            <Button variant="secondary" onClick={() => setSharing(true)}>
              {t('share')}
              <span className="visually-hidden"> {t('shareHidden')}</span>
            </Button>
          ) : null}
          {f.abilities.share ? <WhoHasSeenLink itemType="feedback" itemId={f.id} title={titleText} name={t('whoHasSeen')} /> : null}
        </div>
      ) : null}
      {sharing ? <ShareForm partnershipId={p.id} target={{ itemType: 'feedback', itemId: f.id }} exclude={p.members.map((x) => x.personId)} onDone={() => setSharing(false)} /> : null}
      <ErrorAlert error={discard.error instanceof ApiError ? discard.error : null} />
    </article>
  );
}

const firstText = (blocks: FeedbackBlock[]) => blocks.flatMap((b) => (b.kind === 'text' || b.kind === 'data' || b.kind === 'moment' ? [b.text?.trim() ?? ''] : [])).find(Boolean)?.slice(0, 80) ?? '';

/** The blocks of a piece: paragraphs of the writer's words, each graphic drawn from the data, each quoted line linked to its tool's data on the page. */
export function FeedbackBlocks({ blocks, views, partnershipId }: { blocks: FeedbackBlock[]; views: ToolView[]; partnershipId: string }) {
  const t = useT(m);
  const { language } = useLanguage();
  return (
    <div className="feedback-blocks">
      {blocks.map((b, i) => {
        if (b.kind === 'text') {
          return b.text.split(/\n{2,}/).map((para, j) => (para.trim() ? <p key={`${i}-${j}`} className="feedback-text">{para}</p> : null));
        }
        if (b.kind === 'artifact' || b.kind === 'moment') return <EvidenceBlock key={i} block={b} partnershipId={partnershipId} />;
        const view = views.find((v) => v.tool === b.tool);
        if (b.kind === 'graphic') {
          return (
            <figure key={i} className="feedback-graphic">
              {view ? <ObservationChart view={view} language={language} svgOnly /> : null}
              <figcaption>
                {t('graphicPart', { tool: toolName(language, b.tool) })} · <a href={`#tool-${b.tool}`}>{t('seeInData')}</a>
              </figcaption>
            </figure>
          );
        }
        return (
          <figure key={i} className="feedback-quote">
            <blockquote>
              <p>{b.text}</p>
            </blockquote>
            <figcaption>
              {t('dataPart', { tool: toolName(language, b.tool) })} · <a href={`#tool-${b.tool}`}>{t('seeInData')}</a>
            </figcaption>
          </figure>
        );
      })}
    </div>
  );
}
