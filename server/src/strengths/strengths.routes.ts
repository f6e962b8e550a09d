/**
 * Strengths and needs (SPEC §2.5). The coachee rates their own use of chosen
 * practices from the organization's framework — their view of themselves,
 * never a score given by anyone else — and every rating is kept, so growth
 * over the year shows. Either partner adds strengths and priorities they see
 * together. All of it is coaching content of kind "strength" (category
 * "strengths"): members read it, the coachee may share it, every read is logged.
 */
import { z } from 'zod';
import { AddStrengthBody, IdParams, RateBody, StrengthEntry, StrengthsResponse, UpdateStrengthBody } from '../../../shared/src/api';
import type { StrengthType } from '../../../shared/src/domain';
import type { Actor } from '../platform/actor';
import type { DB } from '../platform/db';
import { unprocessable } from '../platform/errors';
import { type App, type Services, actorOf } from '../platform/http';
import { newId } from '../platform/ids';
import type { Database } from '../platform/tables';
import { type ContentRef, logMemberReads, readMany, readOne } from '../privacy/content';
import { authorize, can, canOnItem } from '../privacy/policy';
import { chooseSubject, isSubjectRole, loadContext, type PartnershipContext } from '../privacy/relations';

type EntryRow = Database['strength_entries'] & { author_name: string; practice_name: string | null };

const ref = (r: { id: string; partnership_id: string; subject_id: string }): ContentRef => ({ kind: 'strength', id: r.id, partnershipId: r.partnership_id, subjectId: r.subject_id });

const selectEntries = (db: DB, actor: Actor) =>
  db
    .selectFrom('strength_entries as e')
    .innerJoin('people as a', 'a.id', 'e.author_id')
    .leftJoin('practices as p', 'p.id', 'e.practice_id')
    .selectAll('e')
    .select(['a.name as author_name', 'p.name as practice_name'])
    .where('e.org_id', '=', actor.orgId);

function presentEntry(r: EntryRow, actor: Actor, ctx: PartnershipContext | null): z.infer<typeof StrengthEntry> {
  return {
    id: r.id,
    partnershipId: r.partnership_id,
    subjectId: r.subject_id,
    type: r.type as StrengthType,
    text: r.text,
    practiceId: r.practice_id,
    practiceName: r.practice_name,
    authorId: r.author_id,
    authorName: r.author_name,
    createdAt: r.created_at,
    retiredAt: r.retired_at,
    abilities: { share: canOnItem(ctx, 'item.share', { subjectId: r.subject_id }), retire: can(ctx, 'strengths.add') },
  };
}

async function checkPractices(db: DB, actor: Actor, ids: string[]) {
  const unique = [...new Set(ids)];
  if (!unique.length) return;
  const found = await db.selectFrom('practices').select('id').where('org_id', '=', actor.orgId).where('id', 'in', unique).execute();
  if (found.length !== unique.length) throw unprocessable('practicesFromFramework', 'practiceId');
}

export default async function strengthRoutes(app: App, s: Services) {
  const { db, clock } = s;

  /** The whole picture for one partnership: every self-rating (history) and every strength and priority. Each item read is logged. */
  async function picture(actor: Actor, ctx: PartnershipContext): Promise<z.infer<typeof StrengthsResponse>> {
    const ratings = await db
      .selectFrom('self_ratings as r')
      .innerJoin('practices as p', 'p.id', 'r.practice_id')
      .select(['r.id', 'r.partnership_id', 'r.subject_id', 'r.practice_id', 'r.level', 'r.comment', 'r.rated_at', 'p.name as practice_name', 'p.category', 'p.position'])
      .where('r.org_id', '=', actor.orgId)
      .where('r.partnership_id', '=', ctx.partnership.id)
      .orderBy('p.position')
      .orderBy('r.rated_at')
      .limit(2000)
      .execute();
    const entries = await selectEntries(db, actor).where('e.partnership_id', '=', ctx.partnership.id).orderBy('e.created_at', 'desc').limit(500).execute();
    const readable = new Set((await readMany(db, clock, actor, [...ratings, ...entries], ref)).map((r) => r.id));
    const subjects = ctx.members.filter((m) => isSubjectRole(m.role) && m.state === 'accepted');
    return {
      bySubject: subjects.map((m) => {
        const byPractice = new Map<string, z.infer<typeof StrengthsResponse>['bySubject'][number]['ratings'][number]>();
        for (const r of ratings.filter((x) => x.subject_id === m.personId && readable.has(x.id))) {
          const entry = byPractice.get(r.practice_id) ?? { practiceId: r.practice_id, practiceName: r.practice_name, category: r.category, history: [] };
          entry.history.push({ id: r.id, level: r.level, comment: r.comment, ratedAt: r.rated_at });
          byPractice.set(r.practice_id, entry);
        }
        return { subjectId: m.personId, name: m.name, ratings: [...byPractice.values()] };
      }),
      entries: entries.filter((e) => readable.has(e.id)).map((e) => presentEntry(e, actor, ctx)),
      abilities: { rate: can(ctx, 'strengths.rate'), add: can(ctx, 'strengths.add') },
    };
  }

  app.get('/api/partnerships/:id/strengths', { config: { matrix: 'strengths.list' }, schema: { tags: ['strengths'], summary: 'Self-ratings with their history, strengths and priorities (members only; each read is logged)', params: IdParams, response: { 200: StrengthsResponse } } }, async (request) => {
    const actor = actorOf(request);
    const ctx = await loadContext(db, actor, request.params.id);
    authorize(ctx, 'partnership.readContent');
    return picture(actor, ctx);
  });

  app.post('/api/partnerships/:id/strengths/ratings', { config: { matrix: 'strengths.rate' }, schema: { tags: ['strengths'], summary: 'The coachee rates their own use of practices (kept as history, never overwritten)', params: IdParams, body: RateBody, response: { 201: StrengthsResponse } } }, async (request, reply) => {
    const actor = actorOf(request);
    const ctx = await loadContext(db, actor, request.params.id);
    authorize(ctx, 'strengths.rate');
    const { ratings } = request.body;
    if (new Set(ratings.map((r) => r.practiceId)).size !== ratings.length) throw unprocessable('rateOnce', 'ratings');
    await checkPractices(db, actor, ratings.map((r) => r.practiceId));
    const now = clock.now().toISOString();
    await db
      .insertInto('self_ratings')
      .values(ratings.map((r) => ({ id: newId(), org_id: actor.orgId, partnership_id: ctx.partnership.id, subject_id: actor.personId, practice_id: r.practiceId, level: r.level, comment: r.comment, rated_at: now })))
      .execute();
    return reply.status(201).send(await picture(actor, ctx));
  });

  app.post('/api/partnerships/:id/strengths', { config: { matrix: 'strengths.add' }, schema: { tags: ['strengths'], summary: 'Add a strength or a priority seen together', params: IdParams, body: AddStrengthBody, response: { 201: StrengthEntry } } }, async (request, reply) => {
    const actor = actorOf(request);
    const ctx = await loadContext(db, actor, request.params.id);
    authorize(ctx, 'strengths.add');
    const body = request.body;
    const subjectId = chooseSubject(ctx, body.subjectId);
    if (!subjectId) throw unprocessable('strengthWhose', 'subjectId');
    if (body.practiceId) await checkPractices(db, actor, [body.practiceId]);
    const id = newId();
    await db
      .insertInto('strength_entries')
      .values({ id, org_id: actor.orgId, partnership_id: ctx.partnership.id, subject_id: subjectId, type: body.type, text: body.text, practice_id: body.practiceId, author_id: actor.personId, created_at: clock.now().toISOString(), retired_at: null })
      .execute();
    const row = await selectEntries(db, actor).where('e.id', '=', id).executeTakeFirstOrThrow();
    return reply.status(201).send(presentEntry(row, actor, ctx));
  });

  app.get('/api/strengths/:id', { config: { matrix: 'strengths.read' }, schema: { tags: ['strengths'], summary: 'One strength or priority: for members, or a person the coachee shared it with (logged)', params: IdParams, response: { 200: StrengthEntry } } }, async (request) => {
    const actor = actorOf(request);
    const row = await selectEntries(db, actor).where('e.id', '=', request.params.id).executeTakeFirst();
    const decision = await readOne(db, clock, actor, row && ref(row));
    return presentEntry(row!, actor, decision.basis === 'member' ? decision.ctx : null);
  });

  app.patch('/api/strengths/:id', { config: { matrix: 'strengths.add' }, schema: { tags: ['strengths'], summary: 'Retire a strength or priority (it stays in the history), or bring it back', params: IdParams, body: UpdateStrengthBody, response: { 200: StrengthEntry } } }, async (request) => {
    const actor = actorOf(request);
    const row = await selectEntries(db, actor).where('e.id', '=', request.params.id).executeTakeFirst();
    const ctx = row ? await loadContext(db, actor, row.partnership_id) : null;
    authorize(ctx, 'strengths.add');
    const retiredAt = request.body.retired ? (row!.retired_at ?? clock.now().toISOString()) : null;
    await db.updateTable('strength_entries').set({ retired_at: retiredAt }).where('id', '=', row!.id).execute();
    // The answer carries the whole text: it is a read like any other (even when nothing changed).
    await logMemberReads(db, clock, ctx, [{ kind: 'strength', id: row!.id, subjectId: row!.subject_id }]);
    return presentEntry({ ...row!, retired_at: retiredAt }, actor, ctx);
  });
}
