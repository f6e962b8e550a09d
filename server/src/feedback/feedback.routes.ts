/**
 * Written feedback on an observation (issue 11, item 3; SPEC §2.6): the coach's words and the
 * evidence they quote — a tool's graphic, a line of its data — framed by the visit's focus.
 * Coaching content of kind "feedback", read through the privacy module like every other kind.
 *
 * - A draft is its author's alone (nobody else finds it, not even by id).
 * - Sent, it is read by the partnership; its coachee reads it once she has written what she
 *   notices in the data (her reflection on the observation): the data first, then words about it.
 *   Until then she is told only that feedback waits for her.
 * - A quoted data line names a row of the tool's table; its words are written here from the data
 *   (shared/src/observations/quotes.ts), never taken from the client, so a quote is always what
 *   was recorded.
 */
import { z } from 'zod';
import { CreateFeedbackBody, Feedback, type FeedbackBlock, FeedbackList, GoalCarriedOver, IdParams, SendFeedbackBody, UpdateFeedbackBody } from '../../../shared/src/api';
import type { Language } from '../../../shared/src/i18n';
import { projectObservation } from '../../../shared/src/observations/projections';
import { quoteLines } from '../../../shared/src/observations/quotes';
import { DATA_METHOD_INFO } from '../../../shared/src/prompts';
import { clockText } from '../../../shared/src/observations/clock';
import type { Actor } from '../platform/actor';
import type { DB } from '../platform/db';
import { AppError, notFound, unprocessable } from '../platform/errors';
import { type App, type Services, actorOf } from '../platform/http';
import { newId } from '../platform/ids';
import type { Database } from '../platform/tables';
import { type ContentRef, logMemberReads, readLinked, readMany, readOne } from '../privacy/content';
import { type ItemFacts, authorize, canOnItem } from '../privacy/policy';
import { loadContext, type PartnershipContext } from '../privacy/relations';
import { firstCoacheeReflection } from '../reflections/reflections.queries';
import { present as presentObservation, ref as observationRef, selectObservations } from '../observations/records.routes';

type Row = Database['feedback'] & { author_name: string; goal_title: string | null; step_text: string | null };

const ref = (r: Row): ContentRef => ({ kind: 'feedback', id: r.id, partnershipId: r.partnership_id, subjectId: r.subject_id });

const selectFeedback = (db: DB, actor: Actor) =>
  db
    .selectFrom('feedback as f')
    .innerJoin('people as a', 'a.id', 'f.author_id')
    .leftJoin('goals as g', 'g.id', 'f.goal_id')
    .leftJoin('goal_steps as st', 'st.id', 'f.step_id')
    .selectAll('f')
    .select(['a.name as author_name', 'g.title as goal_title', 'st.description as step_text'])
    .where('f.org_id', '=', actor.orgId);

/** Video and audio have moments to point at; photos and documents do not. */
const isClip = (type: string) => type.startsWith('video/') || type.startsWith('audio/');

const facts = (r: Row, coacheeReflected: boolean): ItemFacts => ({ subjectId: r.subject_id, authorId: r.author_id, status: r.status, coacheeReflected });

/**
 * goalShown: whether the reader may read the linked goal in its own right (members may; someone
 * the coachee shared this feedback with only if she shared the goal too). Otherwise the link says
 * only that there is one, never the goal's title or the step's words.
 */
function present(r: Row, ctx: PartnershipContext | null, reflected: boolean, goalShown = ctx !== null): z.infer<typeof Feedback> {
  const edit = canOnItem(ctx, 'feedback.edit', facts(r, reflected));
  return {
    id: r.id,
    partnershipId: r.partnership_id,
    observationId: r.observation_id,
    artifactId: r.artifact_id,
    subjectId: r.subject_id,
    authorId: r.author_id,
    authorName: r.author_name,
    goal: r.goal_id ? { id: r.goal_id, title: goalShown ? r.goal_title : null } : null,
    // A step since taken out of the plan is no longer named.
    step: r.step_id && (!goalShown || r.step_text !== null) ? { id: r.step_id, text: goalShown ? r.step_text : null } : null,
    status: r.status as 'draft' | 'sent',
    blocks: JSON.parse(r.blocks) as FeedbackBlock[],
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    sentAt: r.sent_at,
    abilities: { edit, send: edit, share: r.status === 'sent' && canOnItem(ctx, 'item.share', { subjectId: r.subject_id }) },
  };
}

export default async function feedbackRoutes(app: App, s: Services) {
  const { db, clock } = s;

  /** Whether the observation's coachee has written her reflection on it (only that it exists). */
  async function coacheeReflected(actor: Actor, o: { id: string; partnership_id: string; subject_id: string; plan_id: string | null; meeting_id: string | null }) {
    const first = await firstCoacheeReflection(db, { orgId: actor.orgId, partnershipId: o.partnership_id, subjectId: o.subject_id }, { observation: { id: o.id, planId: o.plan_id, meetingId: o.meeting_id } });
    return !!first;
  }

  /** Whether the clip's coachee has had it first: she said she watched it, or commented on it herself. */
  async function coacheeWatched(a: { id: string; subject_id: string; coachee_watched_at: string | null }) {
    if (a.coachee_watched_at) return true;
    return !!(await db.selectFrom('artifact_comments').select('id').where('artifact_id', '=', a.id).where('author_id', '=', a.subject_id).limit(1).executeTakeFirst());
  }

  const clipOf = (actor: Actor, id: string) =>
    db.selectFrom('artifacts').select(['id', 'org_id', 'partnership_id', 'subject_id', 'content_type', 'duration_ms', 'observation_id', 'coachee_watched_at', 'note', 'file_name']).where('org_id', '=', actor.orgId).where('id', '=', id).executeTakeFirst();

  /**
   * What a piece of feedback is written on: an observation (the coachee has the data first once she
   * has reflected on it) or a clip (once she has watched it), with the coachee it is about.
   */
  type Target =
    | { kind: 'observation'; row: Parameters<typeof presentObservation>[1]; partnership_id: string; subject_id: string }
    | { kind: 'clip'; row: NonNullable<Awaited<ReturnType<typeof clipOf>>>; partnership_id: string; subject_id: string };

  async function targetOf(actor: Actor, ids: { observation_id: string | null; artifact_id: string | null }): Promise<Target | null> {
    if (ids.observation_id) {
      const row = await selectObservations(db, actor).where('o.id', '=', ids.observation_id).executeTakeFirst();
      return row ? { kind: 'observation', row, partnership_id: row.partnership_id, subject_id: row.subject_id } : null;
    }
    const row = ids.artifact_id ? await clipOf(actor, ids.artifact_id) : undefined;
    return row && isClip(row.content_type) ? { kind: 'clip', row, partnership_id: row.partnership_id, subject_id: row.subject_id } : null;
  }

  const hadDataFirst = (actor: Actor, target: Target) => (target.kind === 'observation' ? coacheeReflected(actor, target.row) : coacheeWatched(target.row));

  /** What the feedback is written on, read by a member who may write feedback on it (logged as a read like any other). */
  async function targetToWriteOn(actor: Actor, ids: { observation_id: string | null; artifact_id: string | null }) {
    const target = await targetOf(actor, ids);
    const ctx = target ? await loadContext(db, actor, target.partnership_id) : null;
    if (!target || !ctx || !canOnItem(ctx, 'feedback.create', { subjectId: target.subject_id })) throw notFound();
    await readOne(db, clock, actor, target.kind === 'observation' ? observationRef(target.row) : { kind: 'artifact', id: target.row.id, partnershipId: target.partnership_id, subjectId: target.subject_id });
    return { target, ctx };
  }

  /**
   * The blocks as stored: the writer's words as typed, each graphic of a tool the visit recorded
   * with, each data line re-written from the data in the writer's language, each file or clip
   * moment one of this coachee's in this partnership (a moment inside the clip, a quoted comment's
   * words taken from the comment itself).
   */
  async function checkedBlocks(actor: Actor, blocks: FeedbackBlock[], target: Target, ctx: PartnershipContext, language: Language): Promise<FeedbackBlock[]> {
    const views = target.kind === 'observation' ? projectObservation(await presentObservation(db, target.row, ctx), clock.now()) : [];
    const lines = new Map<string, string>();
    for (const view of views) for (const line of quoteLines(view, language)) lines.set(line.id, line.text);
    // Parts of words left empty are dropped; something must remain.
    if (!blocks.some((b) => b.kind !== 'text' || b.text.trim())) throw unprocessable('feedbackEmpty', 'blocks');
    const files = await evidenceFiles(actor, blocks, target);
    const commentIds = blocks.flatMap((b) => (b.kind === 'moment' && b.commentId ? [b.commentId] : []));
    const comments = new Map(
      commentIds.length ? (await db.selectFrom('artifact_comments').select(['id', 'artifact_id', 'body', 'at_ms']).where('org_id', '=', actor.orgId).where('id', 'in', commentIds).execute()).map((c) => [c.id, c]) : [],
    );
    return blocks.flatMap((b, i): FeedbackBlock[] => {
      if (b.kind === 'text') return b.text.trim() ? [b] : [];
      if (b.kind === 'artifact' || b.kind === 'moment') {
        const file = files.get(b.artifactId);
        if (!file) throw unprocessable('feedbackNoArtifact', `blocks.${i}.artifactId`);
        if (b.kind === 'artifact') return [{ kind: 'artifact', artifactId: b.artifactId }];
        if (!isClip(file.content_type)) throw unprocessable('feedbackMomentNotClip', `blocks.${i}.artifactId`);
        if (file.duration_ms !== null && b.atMs > Number(file.duration_ms)) throw unprocessable({ key: 'feedbackMomentAfterEnd', values: { length: clockText(Number(file.duration_ms)) } }, `blocks.${i}.atMs`);
        if (!b.commentId) return [{ kind: 'moment', artifactId: b.artifactId, atMs: b.atMs }];
        const comment = comments.get(b.commentId);
        if (!comment || comment.artifact_id !== b.artifactId) throw unprocessable('feedbackNoComment', `blocks.${i}.commentId`);
        return [{ kind: 'moment', artifactId: b.artifactId, atMs: Number(comment.at_ms), commentId: comment.id, text: comment.body }];
      }
      if (!views.some((v) => v.tool === b.tool)) throw unprocessable({ key: target.kind === 'clip' ? 'feedbackClipNoTool' : 'feedbackNoTool', values: { tool: DATA_METHOD_INFO[language][b.tool].label } }, `blocks.${i}.tool`);
      if (b.kind === 'graphic') return [{ kind: 'graphic', tool: b.tool }];
      const text = lines.get(b.lineId);
      if (!text || !b.lineId.startsWith(`${b.tool}:`)) throw unprocessable('feedbackNoLine', `blocks.${i}.lineId`);
      return [{ kind: 'data', tool: b.tool, lineId: b.lineId, text }];
    });
  }

  /** The files the blocks insert, found only among this coachee's artifacts in this partnership. */
  async function evidenceFiles(actor: Actor, blocks: FeedbackBlock[], target: { partnership_id: string; subject_id: string }) {
    const ids = [...new Set(blocks.flatMap((b) => (b.kind === 'artifact' || b.kind === 'moment' ? [b.artifactId] : [])))];
    if (ids.length === 0) return new Map<string, { id: string; content_type: string; duration_ms: number | null }>();
    const rows = await db
      .selectFrom('artifacts')
      .select(['id', 'content_type', 'duration_ms'])
      .where('org_id', '=', actor.orgId)
      .where('partnership_id', '=', target.partnership_id)
      .where('subject_id', '=', target.subject_id)
      .where('id', 'in', ids)
      .execute();
    return new Map(rows.map((r) => [r.id, r]));
  }

  /**
   * The goal or step the feedback carries over to: a goal of the same coachee in this partnership,
   * and a step of that goal (a step alone names its goal).
   */
  async function checkedLink(actor: Actor, body: { goalId: string | null; stepId: string | null }, target: { partnership_id: string; subject_id: string }) {
    let goalId = body.goalId;
    if (body.stepId) {
      const step = await db.selectFrom('goal_steps').select(['goal_id']).where('org_id', '=', actor.orgId).where('id', '=', body.stepId).executeTakeFirst();
      if (!step || (goalId && step.goal_id !== goalId)) throw unprocessable('feedbackStep', 'stepId');
      goalId = step.goal_id;
    }
    if (goalId) {
      const goal = await db.selectFrom('goals').select(['subject_id']).where('org_id', '=', actor.orgId).where('partnership_id', '=', target.partnership_id).where('id', '=', goalId).executeTakeFirst();
      if (!goal || goal.subject_id !== target.subject_id) throw unprocessable('feedbackGoal', body.stepId && !body.goalId ? 'stepId' : 'goalId');
    }
    return { goal_id: goalId, step_id: body.stepId };
  }

  /** One piece of feedback its author may still change (a draft), or 404 for anyone else. */
  async function ownDraft(actor: Actor, id: string, baseVersion: number) {
    const row = await selectFeedback(db, actor).where('f.id', '=', id).executeTakeFirst();
    const ctx = row ? await loadContext(db, actor, row.partnership_id) : null;
    // Sent feedback stays readable to its author, but is no longer theirs to change.
    if (row && ctx && row.author_id === actor.personId && row.status === 'sent' && canOnItem(ctx, 'feedback.read', facts(row, false))) throw new AppError('CONFLICT', 'feedbackAlreadySent');
    if (!row || !ctx || !canOnItem(ctx, 'feedback.edit', facts(row, false))) throw notFound();
    if (row.version !== baseVersion) throw new AppError('VERSION_CONFLICT', 'feedbackChanged');
    return { row, ctx };
  }

  /** Bumps the version only if it is still the one the writer started from. */
  async function claim(id: string, baseVersion: number, set: Partial<Database['feedback']>) {
    const res = await db
      .updateTable('feedback')
      .set({ ...set, version: baseVersion + 1, updated_at: clock.now().toISOString() })
      .where('id', '=', id)
      .where('version', '=', baseVersion)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw new AppError('VERSION_CONFLICT', 'feedbackChanged');
  }

  const reread = async (actor: Actor, id: string) => selectFeedback(db, actor).where('f.id', '=', id).executeTakeFirstOrThrow();

  /** The feedback on one observation or clip that this viewer may read; the coachee's sent pieces wait until she has had the data first. */
  async function listOn(actor: Actor, target: Target | null) {
    const ctx = target ? await loadContext(db, actor, target.partnership_id) : null;
    authorize(ctx, 'partnership.readContent');
    const on = target!;
    const reflected = await hadDataFirst(actor, on);
    const rows = await selectFeedback(db, actor)
      .where(on.kind === 'observation' ? 'f.observation_id' : 'f.artifact_id', '=', on.row.id)
      .orderBy('f.created_at')
      .limit(200)
      .execute();
    // Decided before the read is logged: a draft or held feedback is not read by this person at all.
    const visible = rows.filter((r) => canOnItem(ctx, 'feedback.read', facts(r, reflected)));
    const held = rows.filter((r) => r.status === 'sent' && r.subject_id === actor.personId && !visible.includes(r));
    const readable = await readMany(db, clock, actor, visible, ref);
    const focus = on.kind === 'observation' ? on.row.focus : on.row.observation_id ? ((await db.selectFrom('observations').select('focus').where('id', '=', on.row.observation_id).executeTakeFirst())?.focus ?? null) : null;
    return {
      items: readable.map((r) => present(r, ctx, reflected)),
      focus,
      heldUntilCoacheeReflects: held.length,
      heldFrom: [...new Set(held.map((r) => r.author_name))],
      canWrite: canOnItem(ctx, 'feedback.create', { subjectId: on.subject_id }),
    };
  }

  /** Starts a draft on an observation or a clip. */
  async function create(actor: Actor, ids: { observation_id: string | null; artifact_id: string | null }, body: z.infer<typeof CreateFeedbackBody>) {
    const { target, ctx } = await targetToWriteOn(actor, ids);
    const blocks = await checkedBlocks(actor, body.blocks, target, ctx, body.language);
    const link = await checkedLink(actor, body, target);
    const now = clock.now().toISOString();
    const id = newId();
    await db
      .insertInto('feedback')
      .values({ id, org_id: actor.orgId, partnership_id: target.partnership_id, observation_id: ids.observation_id, artifact_id: ids.artifact_id, subject_id: target.subject_id, author_id: actor.personId, status: 'draft', blocks: JSON.stringify(blocks), ...link, version: 1, created_at: now, updated_at: now, sent_at: null })
      .execute();
    return present(await reread(actor, id), ctx, false);
  }

  app.get('/api/observations/:id/feedback', { config: { matrix: 'feedback.list' }, schema: { tags: ['feedback'], summary: "Written feedback on an observation: the viewer's own drafts and the sent pieces they may read (the coachee's once she has reflected on the data); each read is logged", params: IdParams, response: { 200: FeedbackList } } }, async (request) => {
    const actor = actorOf(request);
    return listOn(actor, await targetOf(actor, { observation_id: request.params.id, artifact_id: null }));
  });

  app.get('/api/artifacts/:id/feedback', { config: { matrix: 'clip.feedbackList' }, schema: { tags: ['feedback'], summary: "Written feedback on a video or audio clip: the viewer's own drafts and the sent pieces they may read (the coachee's once she has watched it or commented on it); each read is logged", params: IdParams, response: { 200: FeedbackList } } }, async (request) => {
    const actor = actorOf(request);
    return listOn(actor, await targetOf(actor, { observation_id: null, artifact_id: request.params.id }));
  });

  app.post('/api/observations/:id/feedback', { config: { matrix: 'feedback.write' }, schema: { tags: ['feedback'], summary: 'Start written feedback on an observation, saved as a draft only its author sees (someone supporting the coachee)', params: IdParams, body: CreateFeedbackBody, response: { 201: Feedback } } }, async (request, reply) => {
    return reply.status(201).send(await create(actorOf(request), { observation_id: request.params.id, artifact_id: null }, request.body));
  });

  app.post('/api/artifacts/:id/feedback', { config: { matrix: 'clip.feedbackWrite' }, schema: { tags: ['feedback'], summary: 'Start written feedback on a video or audio clip, saved as a draft only its author sees (someone supporting the coachee)', params: IdParams, body: CreateFeedbackBody, response: { 201: Feedback } } }, async (request, reply) => {
    return reply.status(201).send(await create(actorOf(request), { observation_id: null, artifact_id: request.params.id }, request.body));
  });

  app.put('/api/feedback/:id', { config: { matrix: 'feedback.write' }, schema: { tags: ['feedback'], summary: 'Change a draft (its author; 409 when it changed elsewhere or was sent)', params: IdParams, body: UpdateFeedbackBody, response: { 200: Feedback } } }, async (request) => {
    const actor = actorOf(request);
    const { row, ctx } = await ownDraft(actor, request.params.id, request.body.baseVersion);
    const { target } = await targetToWriteOn(actor, row);
    const blocks = await checkedBlocks(actor, request.body.blocks, target, ctx, request.body.language);
    const link = await checkedLink(actor, request.body, target);
    await claim(row.id, request.body.baseVersion, { blocks: JSON.stringify(blocks), ...link });
    return present(await reread(actor, row.id), ctx, false);
  });

  app.post('/api/feedback/:id/sending', { config: { matrix: 'feedback.write' }, schema: { tags: ['feedback'], summary: 'Send a draft: the partnership reads it, the coachee once she has had the data first (its author; on an observation, after the visit ended)', params: IdParams, body: SendFeedbackBody, response: { 200: Feedback } } }, async (request) => {
    const actor = actorOf(request);
    const { row, ctx } = await ownDraft(actor, request.params.id, request.body.baseVersion);
    if (row.observation_id) {
      const o = await db.selectFrom('observations').select(['status', 'ended_at']).where('id', '=', row.observation_id).executeTakeFirstOrThrow();
      if (!o.ended_at) throw new AppError('CONFLICT', 'feedbackNotEnded');
    }
    const now = clock.now().toISOString();
    await claim(row.id, request.body.baseVersion, { status: 'sent', sent_at: now });
    return present(await reread(actor, row.id), ctx, false);
  });

  app.delete('/api/feedback/:id', { config: { matrix: 'feedback.write' }, schema: { tags: ['feedback'], summary: 'Discard a draft (its author); sent feedback stays', params: IdParams, querystring: z.object({ baseVersion: z.coerce.number().int().min(1) }) } }, async (request, reply) => {
    const actor = actorOf(request);
    const { row } = await ownDraft(actor, request.params.id, request.query.baseVersion);
    const res = await db.deleteFrom('feedback').where('id', '=', row.id).where('version', '=', row.version).where('status', '=', 'draft').executeTakeFirst();
    if (Number(res.numDeletedRows) === 0) throw new AppError('VERSION_CONFLICT', 'feedbackChanged');
    return reply.status(204).send();
  });

  app.get('/api/goals/:id/carried-over', { config: { matrix: 'goal.carriedOver' }, schema: { tags: ['goals'], summary: 'Feedback and comments at moments of clips carried over to a goal or its steps, that the reader may read (members; the coachee once she has had the data first); each is logged as read', params: IdParams, response: { 200: GoalCarriedOver } } }, async (request) => {
    const actor = actorOf(request);
    const goal = await db.selectFrom('goals').select(['id', 'partnership_id', 'subject_id']).where('org_id', '=', actor.orgId).where('id', '=', request.params.id).executeTakeFirst();
    const ctx = goal ? await loadContext(db, actor, goal.partnership_id) : null;
    authorize(ctx, 'partnership.readContent');
    const pieces = await selectFeedback(db, actor).where('f.goal_id', '=', goal!.id).orderBy('f.created_at').limit(200).execute();
    const readableFeedback: Row[] = [];
    for (const r of pieces) {
      const target = await targetOf(actor, r);
      if (target && canOnItem(ctx, 'feedback.read', facts(r, await hadDataFirst(actor, target)))) readableFeedback.push(r);
    }
    const comments = await db
      .selectFrom('artifact_comments as c')
      .innerJoin('artifacts as a', 'a.id', 'c.artifact_id')
      .innerJoin('people as u', 'u.id', 'c.author_id')
      .select(['c.id', 'c.artifact_id', 'c.step_id', 'c.at_ms', 'c.body', 'c.author_id', 'c.subject_id', 'c.created_at', 'a.coachee_watched_at', 'u.name as author_name'])
      .where('c.org_id', '=', actor.orgId)
      .where('c.goal_id', '=', goal!.id)
      .orderBy('c.created_at')
      .limit(200)
      .execute();
    const readableComments = comments.filter((c) => canOnItem(ctx, 'artifact.commentRead', { authorId: c.author_id, subjectId: c.subject_id, coacheeWatched: c.coachee_watched_at !== null }));
    // Their first words are read here: each piece of feedback, and each clip whose comments are shown, logged.
    const feedbackRead = await readMany(db, clock, actor, readableFeedback, ref);
    await logMemberReads(db, clock, ctx!, [...new Set(readableComments.map((c) => c.artifact_id))].map((id) => ({ kind: 'artifact' as const, id, subjectId: goal!.subject_id })));
    const excerpt = (text: string) => (text.length > 140 ? `${text.slice(0, 139).trimEnd()}…` : text);
    const firstWords = (blocks: FeedbackBlock[]) => blocks.flatMap((b) => (b.kind === 'text' || b.kind === 'data' || b.kind === 'moment' ? [b.text?.trim() ?? ''] : [])).find(Boolean) ?? '';
    return {
      items: [
        ...feedbackRead.map((r) => ({ kind: 'feedback' as const, id: r.id, observationId: r.observation_id, artifactId: r.artifact_id, stepId: r.step_id, authorName: r.author_name, at: r.sent_at ?? r.updated_at, atMs: null, excerpt: excerpt(firstWords(JSON.parse(r.blocks) as FeedbackBlock[])) })),
        ...readableComments.map((c) => ({ kind: 'comment' as const, id: c.id, observationId: null, artifactId: c.artifact_id, stepId: c.step_id, authorName: c.author_name, at: c.created_at, atMs: Number(c.at_ms), excerpt: excerpt(c.body) })),
      ].sort((x, y) => x.at.localeCompare(y.at)),
    };
  });

  app.get('/api/feedback/:id', { config: { matrix: 'feedback.read' }, schema: { tags: ['feedback'], summary: 'One piece of written feedback: its author, the partnership once sent (the coachee after she has had the data first), or a person the coachee shared it with (logged)', params: IdParams, response: { 200: Feedback } } }, async (request) => {
    const actor = actorOf(request);
    const row = await selectFeedback(db, actor).where('f.id', '=', request.params.id).executeTakeFirst();
    const ctx = row ? await loadContext(db, actor, row.partnership_id) : null;
    const target = row ? await targetOf(actor, row) : null;
    const reflected = !!target && (await hadDataFirst(actor, target));
    // A draft or held feedback does not exist for this reader: the same 404 as a missing id, and no read logged.
    if (!row || !canOnItem(ctx, 'feedback.read', facts(row, reflected))) throw notFound();
    const decision = await readOne(db, clock, actor, ref(row));
    if (decision.basis === 'member') return present(row, decision.ctx, reflected);
    // Someone the coachee shared this feedback with sees the linked goal's title only if she shared the goal too.
    const goalShown = await readLinked(db, clock, actor, row.goal_id ? { kind: 'goal', id: row.goal_id, partnershipId: row.partnership_id, subjectId: row.subject_id } : null);
    return present(row, null, reflected, goalShown);
  });
}
