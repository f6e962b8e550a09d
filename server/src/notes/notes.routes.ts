/**
 * Partnership notes — the first kind of coaching content. Reads go through
 * privacy/content (membership or a live share from the coachee) and every read
 * is logged for the coachee the note is about.
 */
import { CreateNoteBody, IdParams, Note, PageQuery, UpdateNoteBody, pageOf } from '../../../shared/src/api';
import type { Actor } from '../platform/actor';
import type { DB } from '../platform/db';
import { unprocessable } from '../platform/errors';
import { type App, type Services, actorOf } from '../platform/http';
import { newId } from '../platform/ids';
import { decodeCursor, page } from '../platform/pagination';
import { type ContentRef, readMany, readOne } from '../privacy/content';
import { authorize, authorizeItem, can, canOnItem } from '../privacy/policy';
import { chooseSubject, loadContext, type PartnershipContext } from '../privacy/relations';

type NoteRow = { id: string; partnership_id: string; subject_id: string; author_id: string; author_name: string; body: string; created_at: string; updated_at: string };

const ref = (r: NoteRow): ContentRef => ({ kind: 'note', id: r.id, partnershipId: r.partnership_id, subjectId: r.subject_id });

function selectNotes(db: DB, actor: Actor) {
  return db
    .selectFrom('notes as n')
    .innerJoin('people as a', 'a.id', 'n.author_id')
    .select(['n.id', 'n.partnership_id', 'n.subject_id', 'n.author_id', 'a.name as author_name', 'n.body', 'n.created_at', 'n.updated_at'])
    .where('n.org_id', '=', actor.orgId);
}

function present(r: NoteRow, ctx: PartnershipContext | null) {
  return {
    id: r.id,
    partnershipId: r.partnership_id,
    subjectId: r.subject_id,
    authorId: r.author_id,
    authorName: r.author_name,
    body: r.body,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    abilities: { edit: canOnItem(ctx, 'note.edit', { authorId: r.author_id }), share: canOnItem(ctx, 'item.share', { subjectId: r.subject_id }) },
  };
}

export default async function noteRoutes(app: App, s: Services) {
  const { db, clock } = s;

  app.get('/api/partnerships/:id/notes', { config: { matrix: 'note.list' }, schema: { tags: ['notes'], summary: 'Notes of a partnership, newest first (members only; each read is logged)', params: IdParams, querystring: PageQuery, response: { 200: pageOf(Note) } } }, async (request) => {
    const actor = actorOf(request);
    const ctx = await loadContext(db, actor, request.params.id);
    authorize(ctx, 'partnership.readContent');
    const { limit, cursor } = request.query;
    const after = decodeCursor(cursor);
    let q = selectNotes(db, actor).where('n.partnership_id', '=', ctx.partnership.id);
    if (after) q = q.where((eb) => eb.or([eb('n.created_at', '<', after[0]), eb.and([eb('n.created_at', '=', after[0]), eb('n.id', '<', after[1])])]));
    const rows = await q.orderBy('n.created_at', 'desc').orderBy('n.id', 'desc').limit(limit + 1).execute();
    const result = page(rows, limit, (r) => [r.created_at, r.id]);
    const readable = await readMany(db, clock, actor, result.items, ref);
    return { items: readable.map((r) => present(r, ctx)), nextCursor: result.nextCursor };
  });

  app.post('/api/partnerships/:id/notes', { config: { matrix: 'note.create' }, schema: { tags: ['notes'], summary: 'Write a note in a partnership', params: IdParams, body: CreateNoteBody, response: { 201: Note } } }, async (request, reply) => {
    const actor = actorOf(request);
    const ctx = await loadContext(db, actor, request.params.id);
    authorize(ctx, 'note.create');
    // In a peer partnership a note is about one peer; by default the writer's own practice.
    const subjectId = chooseSubject(ctx, request.body.subjectId);
    if (!subjectId) throw unprocessable('noteWhose', 'subjectId');
    const now = clock.now().toISOString();
    const row = { id: newId(), org_id: actor.orgId, partnership_id: ctx.partnership.id, subject_id: subjectId, author_id: actor.personId, body: request.body.body, created_at: now, updated_at: now };
    await db.insertInto('notes').values(row).execute();
    return reply.status(201).send(present({ ...row, author_name: actor.name }, ctx));
  });

  app.get('/api/notes/:id', { config: { matrix: 'note.read' }, schema: { tags: ['notes'], summary: 'One note: for members, or for a person the coachee shared it with (logged)', params: IdParams, response: { 200: Note } } }, async (request) => {
    const actor = actorOf(request);
    const row = await selectNotes(db, actor).where('n.id', '=', request.params.id).executeTakeFirst();
    const decision = await readOne(db, clock, actor, row && ref(row));
    return present(row!, decision.basis === 'member' ? decision.ctx : null);
  });

  app.patch('/api/notes/:id', { config: { matrix: 'note.edit' }, schema: { tags: ['notes'], summary: 'Edit your own note', params: IdParams, body: UpdateNoteBody, response: { 200: Note } } }, async (request) => {
    const actor = actorOf(request);
    const row = await selectNotes(db, actor).where('n.id', '=', request.params.id).executeTakeFirst();
    const ctx = row ? await loadContext(db, actor, row.partnership_id) : null;
    authorizeItem(ctx, 'note.edit', { authorId: row?.author_id });
    const now = clock.now().toISOString();
    await db.updateTable('notes').set({ body: request.body.body, updated_at: now }).where('id', '=', row!.id).where('org_id', '=', actor.orgId).execute();
    return present({ ...row!, body: request.body.body, updated_at: now }, ctx);
  });

}
