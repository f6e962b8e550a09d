import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { z } from 'zod';
import type { ArtifactComment, ArtifactCommentList } from '../../../../shared/src/api';
import type { Artifact } from '../artifacts/artifactWords';
import { type Practice, api } from '../../api';
import { useLanguage, useT } from '../../i18n';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { TextArea } from '../../ui/Field';
import { Loading } from '../../ui/Page';
import { focusSaved, useFocusFirstError } from '../../ui/focus';
import { artifactKey } from '../feedback/EvidenceBlock';
import { feedbackKey } from '../feedback/FeedbackSection';
import { GoalStepSelect, linkBody, linkOf } from '../goals/GoalStepSelect';
import { goalDomId } from '../goals/GoalCard';
import { firstName } from '../goals/goalWords';
import { clockText } from '../observations/tools/useRecording';
import { usePartnership } from '../partnerships/usePartnership';
import { useSignedIn } from '../session/session';
import { ClipFeedback } from './ClipFeedback';
import { m } from './messages';
import './clips.css';

type ArtifactData = Artifact;
type Comment = z.infer<typeof ArtifactComment>;
type CommentList = z.infer<typeof ArtifactCommentList>;

export const commentsKey = (artifactId: string) => ['artifact-comments', artifactId] as const;
export const isClip = (type: string) => type.startsWith('video/') || type.startsWith('audio/');

/**
 * A video or audio clip on its evidence page (issue 11, item 2), below its note: the player
 * (range requests let it seek), then the comments made at its moments in timeline order — each
 * moment's time moves the player there, and `?at=` (from a comment's link or a moment quoted in
 * feedback) opens it at that moment — the way to observe it with a tool, and written feedback on
 * it. The coachee sees her own clip first: others' comments wait, unnamed in words, until she
 * says she has watched it or comments herself (the server holds them). Everything shown is read,
 * and logged, through the privacy module.
 */
export function ClipReview({ a }: { a: ArtifactData }) {
  const t = useT(m);
  const p = usePartnership();
  const [params] = useSearchParams();
  const player = useRef<HTMLVideoElement & HTMLAudioElement>(null);
  const [position, setPosition] = useState(0);
  const name = a.note.trim() || a.fileName;
  const file = `/api/artifacts/${encodeURIComponent(a.id)}/file?view=1`;
  const at = Number(params.get('at'));

  /** Moves the player to a moment; focus stays on the time the reader chose. */
  const jump = (ms: number) => {
    const el = player.current;
    if (!el) return;
    el.currentTime = ms / 1000;
    setPosition(ms);
  };
  useEffect(() => {
    const el = player.current;
    if (!el || !Number.isFinite(at) || at <= 0) return;
    const seek = () => jump(at);
    if (el.readyState >= 1) seek();
    else el.addEventListener('loadedmetadata', seek, { once: true });
    return () => el.removeEventListener('loadedmetadata', seek);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [at, a.id]);

  const report = () => setPosition(Math.round((player.current?.currentTime ?? 0) * 1000));
  const common = { ref: player, src: file, controls: true, preload: 'metadata' as const, onTimeUpdate: report, onSeeked: report, className: 'clip-player' };
  return (
    <div className="clip-review">
      <figure className="clip-figure">
        {a.contentType.startsWith('audio/') ? (
          <audio {...common} aria-label={t('player', { name })} />
        ) : (
          <video {...common} playsInline aria-label={t('player', { name })} poster={a.hasThumbnail ? `/api/artifacts/${encodeURIComponent(a.id)}/thumbnail` : undefined} />
        )}
        {a.media?.durationMs ? <figcaption className="meta">{t('length', { time: clockText(a.media.durationMs) })}</figcaption> : null}
      </figure>
      {a.media?.note ? <Alert>{a.media.note}</Alert> : null}
      <Comments a={a} position={position} onJump={jump} />
      {a.abilities.comment ? (
        <p className="no-print">
          <Link className="btn btn-secondary" to={`/partnerships/${encodeURIComponent(p.id)}/observations?clip=${encodeURIComponent(a.id)}${a.media?.durationMs || !player.current?.duration || !Number.isFinite(player.current.duration) ? '' : `&length=${Math.round(player.current.duration * 1000)}`}`}>
            {t('observeClip')}
          </Link>
        </p>
      ) : null}
      <ClipFeedback a={a} position={position} />
    </div>
  );
}

/** The comments at moments of a clip, with the form to add one at the moment on screen. */
function Comments({ a, position, onJump }: { a: ArtifactData; position: number; onJump: (ms: number) => void }) {
  const t = useT(m);
  const { language } = useLanguage();
  const p = usePartnership();
  const me = useSignedIn();
  const client = useQueryClient();
  const q = useQuery({ queryKey: commentsKey(a.id), queryFn: () => api.get<CommentList>(`/api/artifacts/${encodeURIComponent(a.id)}/comments`) });
  // Her first look (or first comment) also releases the feedback that waited for it.
  const refresh = () => Promise.all([client.invalidateQueries({ queryKey: commentsKey(a.id) }), client.invalidateQueries({ queryKey: artifactKey(a.id) }), client.invalidateQueries({ queryKey: feedbackKey(a.id) })]);
  const watched = useMutation({
    mutationFn: () => api.post(`/api/artifacts/${encodeURIComponent(a.id)}/watched`, {}),
    onSuccess: async () => {
      await refresh();
      focusSaved('clip-comments-title');
    },
  });
  if (q.isPending) return <Loading what={t('loadingComments')} />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const list = q.data;
  const names = new Intl.ListFormat(language, { type: 'conjunction' }).format(list.heldFrom.map(firstName));
  return (
    <section className="clip-comments" aria-labelledby="clip-comments-title">
      <h3 id="clip-comments-title" tabIndex={-1}>
        {t('commentsTitle')}
      </h3>
      {list.held > 0 ? (
        <div className="first-look first-look-mine">
          <p>{t('heldForYou', { count: list.held, names })}</p>
          {a.abilities.watched ? (
            <p>
              <Button busy={watched.isPending} onClick={() => watched.mutate()}>
                {t('iWatched')}
              </Button>
            </p>
          ) : null}
          <ErrorAlert error={watched.error} />
        </div>
      ) : a.subjectId !== me.personId && !list.watchedAt && a.uploadedBy !== a.subjectId ? (
        <p className="field-hint">{t('coacheeFirst', { name: firstName(p.members.find((x) => x.personId === a.subjectId)?.name ?? '') })}</p>
      ) : null}
      {list.items.length === 0 ? <p>{t('noComments')}</p> : null}
      <ol className="plain-list clip-timeline" aria-label={t('timeline')}>
        {list.items.map((c) => (
          <li key={c.id}>
            <CommentCard c={c} a={a} onJump={onJump} onChanged={refresh} />
          </li>
        ))}
      </ol>
      {list.canComment ? <CommentForm a={a} position={position} onSaved={refresh} /> : null}
    </section>
  );
}

function CommentCard({ c, a, onJump, onChanged }: { c: Comment; a: ArtifactData; onJump: (ms: number) => void; onChanged: () => Promise<unknown> }) {
  const t = useT(m);
  const p = usePartnership();
  const [editing, setEditing] = useState(false);
  const remove = useMutation({ mutationFn: () => api.delete(`/api/artifact-comments/${encodeURIComponent(c.id)}`), onSuccess: () => onChanged() });
  if (editing) return <CommentForm a={a} position={c.atMs} comment={c} onSaved={async () => { setEditing(false); await onChanged(); focusSaved(`comment-${c.id}`); }} onCancel={() => setEditing(false)} />;
  return (
    <article className="card clip-comment" aria-labelledby={`comment-${c.id}`}>
      <h4 id={`comment-${c.id}`} tabIndex={-1} className="clip-comment-head">
        <button type="button" className="btn btn-secondary clip-moment" onClick={() => onJump(c.atMs)} aria-label={t('jumpTo', { time: clockText(c.atMs) })}>
          {clockText(c.atMs)}
        </button>{' '}
        <span className="meta">{c.authorName}</span>
      </h4>
      {c.body ? <p>{c.body}</p> : null}
      {c.tags.length ? (
        <ul className="chip-row plain-list" aria-label={t('tagsLabel')}>
          {c.tags.map((tag) => (
            <li key={tag.id} className="chip chip-static">
              {tag.name}
            </li>
          ))}
        </ul>
      ) : null}
      {c.goal ? (
        <p className="meta">
          {c.goal.title === null ? (
            t('linkedHidden')
          ) : (
            <Link to={`/partnerships/${encodeURIComponent(p.id)}/goals#${goalDomId(c.goal.id)}-title`}>{c.step?.text ? t('linkedStep', { goal: c.goal.title, step: c.step.text }) : t('linkedGoal', { goal: c.goal.title })}</Link>
          )}
        </p>
      ) : null}
      {c.abilities.edit || c.abilities.delete ? (
        <div className="button-row">
          {c.abilities.edit ? (
            <Button variant="secondary" onClick={() => setEditing(true)}>
              {t('edit')}
              <span className="visually-hidden"> {t('commentAt', { time: clockText(c.atMs) })}</span>
            </Button>
          ) : null}
          {c.abilities.delete ? (
            <Button variant="secondary" busy={remove.isPending} onClick={() => remove.mutate()}>
              {t('remove')}
              <span className="visually-hidden"> {t('commentAt', { time: clockText(c.atMs) })}</span>
            </Button>
          ) : null}
        </div>
      ) : null}
      <ErrorAlert error={remove.error} />
    </article>
  );
}

/**
 * A comment at a moment: the moment is where the player is when the reader starts writing (and can
 * be taken again from the player), with practice tags from the framework and, in the same save, a
 * link to a goal or a step of the coachee's plan.
 */
function CommentForm({ a, position, comment, onSaved, onCancel }: { a: ArtifactData; position: number; comment?: Comment; onSaved: () => Promise<unknown>; onCancel?: () => void }) {
  const t = useT(m);
  const [atMs, setAtMs] = useState<number | null>(comment ? comment.atMs : null);
  const [body, setBody] = useState(comment?.body ?? '');
  const [tags, setTags] = useState<string[]>(comment?.tags.map((x) => x.id) ?? []);
  const [link, setLink] = useState(linkOf(comment));
  const ref = useRef<HTMLFormElement>(null);
  const practices = useQuery({ queryKey: ['practices'], queryFn: () => api.get<{ items: Practice[] }>('/api/practices'), staleTime: 5 * 60_000 });
  const moment = atMs ?? position;
  const save = useMutation({
    mutationFn: () => {
      const payload = { atMs: moment, body, tags, ...linkBody(link) };
      return comment ? api.patch<Comment>(`/api/artifact-comments/${encodeURIComponent(comment.id)}`, payload) : api.post<Comment>(`/api/artifacts/${encodeURIComponent(a.id)}/comments`, payload);
    },
    onSuccess: async (saved) => {
      if (!comment) {
        setBody('');
        setTags([]);
        setLink('');
        setAtMs(null);
      }
      await onSaved();
      if (!comment) focusSaved(`comment-${saved.id}`);
    },
  });
  useFocusFirstError(ref, save.error);
  const open = (practices.data?.items ?? []).filter((x) => !x.archived || tags.includes(x.id));
  return (
    <form
      ref={ref}
      className="card clip-comment-form"
      aria-labelledby={comment ? undefined : 'clip-comment-form-title'}
      aria-label={comment ? t('editCommentAt', { time: clockText(moment) }) : undefined}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      {comment ? null : <h4 id="clip-comment-form-title">{t('addComment')}</h4>}
      <p className="clip-comment-moment">
        <strong>{t('atMoment', { time: clockText(moment) })}</strong>{' '}
        <Button variant="secondary" onClick={() => setAtMs(position)}>
          {t('takeMoment', { time: clockText(position) })}
        </Button>
      </p>
      <TextArea label={t('commentLabel')} hint={t('commentHint')} rows={3} maxLength={4000} value={body} onFocus={() => atMs === null && setAtMs(position)} onChange={(e) => setBody(e.target.value)} />
      {open.length ? (
        <fieldset className="clip-tags">
          <legend>{t('tagsLegend')}</legend>
          <div className="chip-row">
            {open.map((x) => (
              <label key={x.id} className="chip chip-check">
                <input type="checkbox" checked={tags.includes(x.id)} onChange={(e) => setTags((ts) => (e.target.checked ? [...ts, x.id] : ts.filter((id) => id !== x.id)))} /> {x.name}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      <GoalStepSelect partnershipId={a.partnershipId} subjectId={a.subjectId} value={link} onChange={setLink} />
      <ErrorAlert error={save.error} />
      <div className="button-row">
        <Button type="submit" busy={save.isPending}>
          {comment ? t('saveComment') : t('addCommentButton', { time: clockText(moment) })}
        </Button>
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel}>
            {t('cancel')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
