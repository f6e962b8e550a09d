/**
 * Celebrations (SPEC §2.5): either partner records a risk taken, progress or a
 * success; the partnership sees them as a timeline. They are coaching content
 * of kind "celebration": the coachee can share one (or all) through the usual
 * share grants, and every read is logged.
 */
import { z } from 'zod';
import { Celebration, CreateCelebrationBody, IdParams, keysetQuery, pageOf } from '../../../shared/src/api';
import { decodeCursor, page } from '../platform/pagination';
import type { CelebrationKind } from '../../../shared/src/domain';
import type { Actor } from '../platform/actor';
import type { DB } from '../platform/db';
import { unprocessable } from '../platform/errors';
import { type App, type Services, actorOf } from '../platform/http';
import { newId } from '../platform/ids';
import type { Database } from '../platform/tables';
import { type ContentRef, readLinked, readMany, readOne } from '../privacy/content';
import { authorize, canOnItem } from '../privacy/policy';
import { chooseSubject, loadContext, type PartnershipContext } from '../privacy/relations';

/** The timeline comes 500 at a time (the first page is what it always showed). */
const CelebrationsQuery = keysetQuery(500);

type Row = Database['celebrations'] & { author_name: string; goal_title: string | null };

const ref = (r: Row): ContentRef => ({ kind: 'celebration', id: r.id, partnershipId: r.partnership_id, subjectId: r.subject_id });

function selectCelebrations(db: DB, actor: Actor) {
  return db
    .selectFrom('celebrations as c')
    .innerJoin('people as a', 'a.id', 'c.author_id')
    .leftJoin('goals as g', 'g.id', 'c.goal_id')
    .selectAll('c')
    .select(['a.name as author_name', 'g.title as goal_title'])
    .where('c.org_id', '=', actor.orgId);
}

/** `goalShown`: the linked goal's title is included only when the viewer may read that goal too. */
function present(r: Row, ctx: PartnershipContext | null, goalShown = true): z.infer<typeof Celebration> {
  return {
    id: r.id,
    partnershipId: r.partnership_id,
    subjectId: r.subject_id,
    kind: r.kind as CelebrationKind,
    text: r.text,
    happenedOn: r.happened_on,
    goalId: r.goal_id,
    goalTitle: goalShown ? r.goal_title : null,
    authorId: r.author_id,
    authorName: r.author_name,
    createdAt: r.created_at,
    abilities: { share: canOnItem(ctx, 'item.share', { subjectId: r.subject_id }) },
  };
}

export default async function celebrationRoutes(app: App, s: Services) {
  const { db, clock } = s;

  app.get('/api/partnerships/:id/celebrations', { config: { matrix: 'celebration.list' }, schema: { tags: ['celebrations'], summary: 'The timeline of celebrations, newest first (members only; each read is logged)', params: IdParams, querystring: CelebrationsQuery, response: { 200: pageOf(Celebration) } } }, async (request) => {
    const actor = actorOf(request);
    const ctx = await loadContext(db, actor, request.params.id);
    authorize(ctx, 'partnership.readContent');
    const { limit, cursor } = request.query;
    // The timeline's key is (day it happened, when it was written, id); the cursor carries the first two as one.
    const after = decodeCursor(cursor);
    const [day, written] = after ? after[0].split('|') : [];
    let q = selectCelebrations(db, actor).where('c.partnership_id', '=', ctx.partnership.id);
    if (after) {
      q = q.where((eb) =>
        eb.or([
          eb('c.happened_on', '<', day),
          eb.and([eb('c.happened_on', '=', day), eb('c.created_at', '<', written ?? '')]),
          eb.and([eb('c.happened_on', '=', day), eb('c.created_at', '=', written ?? ''), eb('c.id', '<', after[1])]),
        ]),
      );
    }
    const rows = await q.orderBy('c.happened_on', 'desc').orderBy('c.created_at', 'desc').orderBy('c.id', 'desc').limit(limit + 1).execute();
    const result = page(rows, limit, (r) => [`${r.happened_on}|${r.created_at}`, r.id]);
    const readable = await readMany(db, clock, actor, result.items, ref);
    return { items: readable.map((r) => present(r, ctx)), nextCursor: result.nextCursor };
  });

  app.post('/api/partnerships/:id/celebrations', { config: { matrix: 'celebration.create' }, schema: { tags: ['celebrations'], summary: 'Record a risk taken, progress or a success', params: IdParams, body: CreateCelebrationBody, response: { 201: Celebration } } }, async (request, reply) => {
    const actor = actorOf(request);
    const ctx = await loadContext(db, actor, request.params.id);
    authorize(ctx, 'celebration.create');
    const body = request.body;
    const subjectId = chooseSubject(ctx, body.subjectId);
    if (!subjectId) throw unprocessable('celebrationWhose', 'subjectId');
    const today = clock.now().toISOString().slice(0, 10);
    if (body.happenedOn && body.happenedOn > today) throw unprocessable('celebrateThePast', 'happenedOn');
    if (body.goalId) {
      const goal = await db.selectFrom('goals').select('subject_id').where('org_id', '=', actor.orgId).where('partnership_id', '=', ctx.partnership.id).where('id', '=', body.goalId).executeTakeFirst();
      if (!goal || goal.subject_id !== subjectId) throw unprocessable('goalOfCoachee', 'goalId');
    }
    const row = { id: newId(), org_id: actor.orgId, partnership_id: ctx.partnership.id, subject_id: subjectId, author_id: actor.personId, goal_id: body.goalId ?? null, kind: body.kind, text: body.text, happened_on: body.happenedOn ?? today, created_at: clock.now().toISOString() };
    await db.insertInto('celebrations').values(row).execute();
    const created = await selectCelebrations(db, actor).where('c.id', '=', row.id).executeTakeFirstOrThrow();
    return reply.status(201).send(present(created, ctx));
  });

  app.get('/api/celebrations/:id', { config: { matrix: 'celebration.read' }, schema: { tags: ['celebrations'], summary: 'One celebration: for members, or a person the coachee shared it with (logged)', params: IdParams, response: { 200: Celebration } } }, async (request) => {
    const actor = actorOf(request);
    const row = await selectCelebrations(db, actor).where('c.id', '=', request.params.id).executeTakeFirst();
    const decision = await readOne(db, clock, actor, row && ref(row));
    if (decision.basis === 'member') return present(row!, decision.ctx);
    const goalShown = await readLinked(db, clock, actor, row!.goal_id ? { kind: 'goal', id: row!.goal_id, partnershipId: row!.partnership_id, subjectId: row!.subject_id } : null);
    return present(row!, null, goalShown);
  });
}
