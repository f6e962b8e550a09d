/**
 * Comments at moments of a clip (issue 11, items 2 and 5): either partner says what happened at
 * 2:14, tags it with practices of the organization's framework, and may link it to a goal or one
 * step of its action plan in the same request. A comment is content of its clip (kind
 * "artifact"): reading the comments is a logged read of the clip through content.ts, and nobody
 * the clip is not readable by learns they exist (404).
 *
 * The coachee sees her own clip first (policy.ts 'artifact.commentRead'): on a clip about her,
 * others' comments wait until she says she has watched it (POST …/watched) or comments herself;
 * until then she is told how many wait and from whom, never their words. The coach sees every
 * comment. A person she shared the clip with reads its comments only once she has watched it.
 */
import type { Selectable } from 'kysely';
import { z } from 'zod';
import { ArtifactComment, ArtifactCommentList, CreateArtifactCommentBody, IdParams, UpdateArtifactCommentBody } from '../../../shared/src/api';
import type { Actor } from '../platform/actor';
import { unprocessable } from '../platform/errors';
import { type App, type Services, actorOf } from '../platform/http';
import { newId } from '../platform/ids';
import type { Database } from '../platform/tables';
import { logMemberReads, readLinked, readOne } from '../privacy/content';
import { authorizeItem, canOnItem } from '../privacy/policy';
import { loadContext, type PartnershipContext } from '../privacy/relations';
import { isClip, ref, selectArtifacts } from './artifacts.service';

type Clip = Selectable<Database['artifacts']> & { uploader_name: string };
type CommentRow = Selectable<Database['artifact_comments']> & { author_name: string };

/** A moment as people read it on a player: 1:05, or 1:02:05 past an hour. */
export function momentInWords(ms: number): string {
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const sec = String(total % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

export default async function commentRoutes(app: App, s: Services) {
  const { db, clock } = s;

  const selectComments = (actor: Actor) =>
    db.selectFrom('artifact_comments as c').innerJoin('people as u', 'u.id', 'c.author_id').selectAll('c').select('u.name as author_name').where('c.org_id', '=', actor.orgId);

  const clipById = (actor: Actor, id: string) => selectArtifacts(db, actor).where('a.id', '=', id).executeTakeFirst();

  /** What the read rule needs about one comment of this clip. */
  const facts = (c: CommentRow, clip: Clip) => ({ authorId: c.author_id, subjectId: c.subject_id, coacheeWatched: clip.coachee_watched_at !== null });

  /**
   * The comments as their reader sees them: practice names for the tags; a linked goal's title and
   * step's words only when the reader may read that goal in its own right (each such goal read once,
   * logged by readLinked).
   */
  async function present(actor: Actor, ctx: PartnershipContext | null, rows: CommentRow[]): Promise<Array<z.infer<typeof ArtifactComment>>> {
    const tagIds = [...new Set(rows.flatMap((r) => JSON.parse(r.tags) as string[]))];
    const practices = tagIds.length ? await db.selectFrom('practices').select(['id', 'name']).where('org_id', '=', actor.orgId).where('id', 'in', tagIds).execute() : [];
    const names = new Map(practices.map((p) => [p.id, p.name]));
    const goalIds = [...new Set(rows.map((r) => r.goal_id).filter((g): g is string => !!g))];
    const goals = goalIds.length ? await db.selectFrom('goals').select(['id', 'title', 'partnership_id', 'subject_id']).where('org_id', '=', actor.orgId).where('id', 'in', goalIds).execute() : [];
    const readable = new Set<string>();
    for (const g of goals) {
      if (await readLinked(db, clock, actor, { kind: 'goal', id: g.id, partnershipId: g.partnership_id, subjectId: g.subject_id })) readable.add(g.id);
    }
    const stepIds = [...new Set(rows.map((r) => r.step_id).filter((st): st is string => !!st))];
    const steps = stepIds.length ? await db.selectFrom('goal_steps').select(['id', 'goal_id', 'description']).where('org_id', '=', actor.orgId).where('id', 'in', stepIds).execute() : [];
    const stepOf = new Map(steps.map((st) => [st.id, st]));
    const titleOf = new Map(goals.map((g) => [g.id, g.title]));
    return rows.map((r) => {
      const step = r.step_id ? stepOf.get(r.step_id) : undefined;
      return {
        id: r.id,
        artifactId: r.artifact_id,
        authorId: r.author_id,
        authorName: r.author_name,
        atMs: Number(r.at_ms),
        body: r.body,
        tags: (JSON.parse(r.tags) as string[]).filter((t) => names.has(t)).map((t) => ({ id: t, name: names.get(t)! })),
        goal: r.goal_id && titleOf.has(r.goal_id) ? { id: r.goal_id, title: readable.has(r.goal_id) ? titleOf.get(r.goal_id)! : null } : null,
        // A step taken out of the plan since is no longer shown.
        step: step && step.goal_id === r.goal_id ? { id: step.id, text: readable.has(step.goal_id) ? step.description : null } : null,
        createdAt: r.created_at,
        updatedAt: r.updated_at,
        abilities: { edit: canOnItem(ctx, 'artifact.commentEdit', { authorId: r.author_id }), delete: canOnItem(ctx, 'artifact.commentDelete', { authorId: r.author_id }) },
      };
    });
  }

  /** The list a reader of the clip sees; the caller has read the clip through content.ts (logged). */
  async function listFor(actor: Actor, ctx: PartnershipContext | null, clip: Clip): Promise<z.infer<typeof ArtifactCommentList>> {
    const rows = isClip(clip.content_type) ? await selectComments(actor).where('c.artifact_id', '=', clip.id).orderBy('c.at_ms').orderBy('c.created_at').orderBy('c.id').limit(2000).execute() : [];
    const visible = rows.filter((r) => canOnItem(ctx, 'artifact.commentRead', facts(r, clip)));
    // Only the coachee the clip is about is told what waits for her (how many, and from whom).
    const held = rows.filter((r) => r.subject_id === actor.personId && !visible.includes(r));
    return {
      items: await present(actor, ctx, visible),
      held: held.length,
      heldFrom: [...new Set(held.map((r) => r.author_name))],
      watchedAt: clip.coachee_watched_at,
      canComment: isClip(clip.content_type) && canOnItem(ctx, 'artifact.comment', { subjectId: clip.subject_id }),
    };
  }

  /** The goal and step a comment links to, checked: the clip's coachee's goal in its partnership, and a step of that goal. */
  async function linkOf(clip: Clip, goalId: string | null, stepId: string | null): Promise<{ goal_id: string | null; step_id: string | null }> {
    let goal = goalId;
    if (stepId) {
      const step = await db.selectFrom('goal_steps').select('goal_id').where('org_id', '=', clip.org_id).where('id', '=', stepId).executeTakeFirst();
      if (!step || (goalId && goalId !== step.goal_id)) throw unprocessable('commentStep', 'stepId');
      goal = step.goal_id;
    }
    if (goal) {
      const g = await db.selectFrom('goals').select('subject_id').where('org_id', '=', clip.org_id).where('partnership_id', '=', clip.partnership_id).where('id', '=', goal).executeTakeFirst();
      if (!g || g.subject_id !== clip.subject_id) throw unprocessable(stepId ? 'commentStep' : 'commentGoal', stepId ? 'stepId' : 'goalId');
    }
    return { goal_id: goal, step_id: stepId };
  }

  /** A comment's moment, words and tags, checked against the clip and the organization's framework. */
  async function checked(actor: Actor, clip: Clip, c: { atMs: number; body: string; tags: string[] }) {
    if (!c.body.trim() && c.tags.length === 0) throw unprocessable('commentEmpty', 'body');
    if (clip.duration_ms !== null && c.atMs > Number(clip.duration_ms)) throw unprocessable({ key: 'commentPastEnd', values: { length: momentInWords(Number(clip.duration_ms)) } }, 'atMs');
    const tags = [...new Set(c.tags)];
    if (tags.length) {
      const known = await db.selectFrom('practices').select('id').where('org_id', '=', actor.orgId).where('id', 'in', tags).execute();
      if (known.length !== tags.length) throw unprocessable('commentTag', 'tags');
    }
    return { at_ms: c.atMs, body: c.body.trim(), tags: JSON.stringify(tags) };
  }

  /** The answer to a write: the comment, read by its writer (the clip's read logged like any other). */
  async function answer(ctx: PartnershipContext, actor: Actor, clip: Clip, id: string) {
    const row = await selectComments(actor).where('c.id', '=', id).executeTakeFirstOrThrow();
    await logMemberReads(db, clock, ctx, [{ kind: 'artifact', id: clip.id, subjectId: clip.subject_id }]);
    return (await present(actor, ctx, [row]))[0]!;
  }

  /** A comment and its clip, for its author (anyone else: 404). */
  async function ownComment(actor: Actor, id: string, action: 'artifact.commentEdit' | 'artifact.commentDelete') {
    const row = await selectComments(actor).where('c.id', '=', id).executeTakeFirst();
    const clip = row ? await clipById(actor, row.artifact_id) : undefined;
    const ctx = clip ? await loadContext(db, actor, clip.partnership_id) : null;
    authorizeItem(ctx, action, { authorId: row?.author_id, subjectId: row?.subject_id });
    return { row: row!, clip: clip!, ctx };
  }

  app.get('/api/artifacts/:id/comments', { config: { matrix: 'clip.comments' }, schema: { tags: ['artifacts'], summary: "A clip's comments at moments, in the order of its timeline, with their practice tags and the goal or step they link to: for members and a person the coachee shared the clip with; reading them is a logged read of the clip. The coachee reads others' comments once she has watched her clip (until then `held` and `heldFrom` say how many wait and from whom); a person she shared it with, once she has watched it.", params: IdParams, response: { 200: ArtifactCommentList } } }, async (request) => {
    const actor = actorOf(request);
    const clip = await clipById(actor, request.params.id);
    const decision = await readOne(db, clock, actor, clip && ref(clip));
    return listFor(actor, decision.ctx, clip!);
  });

  app.post('/api/artifacts/:id/comments', { config: { matrix: 'clip.comment' }, schema: { tags: ['artifacts'], summary: 'Comment on a moment of a clip (atMs, within the clip when its length is known), with practice tags and optionally a goal or a step of its action plan (either partner, while the partnership is open). The coachee commenting on her own clip counts as having watched it.', params: IdParams, body: CreateArtifactCommentBody, response: { 201: ArtifactComment } } }, async (request, reply) => {
    const actor = actorOf(request);
    const clip = await clipById(actor, request.params.id);
    const ctx = clip ? await loadContext(db, actor, clip.partnership_id) : null;
    authorizeItem(ctx, 'artifact.comment', { subjectId: clip?.subject_id });
    if (!isClip(clip!.content_type)) throw unprocessable('commentsOnClips');
    const body = request.body;
    const values = await checked(actor, clip!, body);
    const link = await linkOf(clip!, body.goalId, body.stepId);
    const id = newId();
    const now = clock.now().toISOString();
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('artifact_comments').values({ id, org_id: actor.orgId, artifact_id: clip!.id, partnership_id: clip!.partnership_id, subject_id: clip!.subject_id, author_id: actor.personId, ...values, ...link, created_at: now, updated_at: now }).execute();
      // She says something about her own clip: she has watched it, and others' comments are hers to read now.
      if (clip!.subject_id === actor.personId) await trx.updateTable('artifacts').set({ coachee_watched_at: now }).where('id', '=', clip!.id).where('coachee_watched_at', 'is', null).execute();
    });
    return reply.status(201).send(await answer(ctx, actor, clip!, id));
  });

  app.patch('/api/artifact-comments/:id', { config: { matrix: 'clip.comment' }, schema: { tags: ['artifacts'], summary: 'Change a comment: its moment, words or tags, and link it to a goal or a step of the action plan in the same request (goalId and/or stepId given replace the link; null removes it). Its author, while the partnership is open.', params: IdParams, body: UpdateArtifactCommentBody, response: { 200: ArtifactComment } } }, async (request) => {
    const actor = actorOf(request);
    const { row, clip, ctx } = await ownComment(actor, request.params.id, 'artifact.commentEdit');
    const body = request.body;
    const values = await checked(actor, clip, { atMs: body.atMs ?? Number(row.at_ms), body: body.body ?? row.body, tags: body.tags ?? (JSON.parse(row.tags) as string[]) });
    const relink = body.goalId !== undefined || body.stepId !== undefined;
    const link = relink ? await linkOf(clip, body.goalId ?? null, body.stepId ?? null) : {};
    await db.updateTable('artifact_comments').set({ ...values, ...link, updated_at: clock.now().toISOString() }).where('id', '=', row.id).where('org_id', '=', actor.orgId).execute();
    return answer(ctx, actor, clip, row.id);
  });

  app.delete('/api/artifact-comments/:id', { config: { matrix: 'clip.comment' }, schema: { tags: ['artifacts'], summary: 'Remove a comment (its author)', params: IdParams } }, async (request, reply) => {
    const actor = actorOf(request);
    const { row } = await ownComment(actor, request.params.id, 'artifact.commentDelete');
    await db.deleteFrom('artifact_comments').where('id', '=', row.id).where('org_id', '=', actor.orgId).execute();
    return reply.status(204).send();
  });

  app.post('/api/artifacts/:id/watched', { config: { matrix: 'clip.watched' }, schema: { tags: ['artifacts'], summary: 'The coachee a clip is about says she has watched it: the comments of others that waited for her are hers to read (and readable by the people she shared the clip with). Only her; saying it again changes nothing. Answers the comments, a logged read of the clip.', params: IdParams, response: { 200: ArtifactCommentList } } }, async (request) => {
    const actor = actorOf(request);
    const clip = await clipById(actor, request.params.id);
    const ctx = clip ? await loadContext(db, actor, clip.partnership_id) : null;
    authorizeItem(ctx, 'artifact.watched', { subjectId: clip?.subject_id });
    if (!isClip(clip!.content_type)) throw unprocessable('commentsOnClips');
    const now = clock.now().toISOString();
    await db.updateTable('artifacts').set({ coachee_watched_at: now }).where('id', '=', clip!.id).where('org_id', '=', actor.orgId).where('coachee_watched_at', 'is', null).execute();
    const fresh = (await clipById(actor, clip!.id))!;
    await logMemberReads(db, clock, ctx, [{ kind: 'artifact', id: fresh.id, subjectId: fresh.subject_id }]);
    return listFor(actor, ctx, fresh);
  });
}
