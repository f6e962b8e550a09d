/**
 * Messages and resource requests inside a partnership (SPEC §2.5). A resource
 * request names the member asked (often the mentor coach) and stays open until
 * that person, or the one who asked, marks it fulfilled; how long it waited is
 * shown to both. Messages are coaching content of kind "message": members only,
 * never shared, every read logged for the coachee.
 */
import { z } from 'zod';
import { CreateMessageBody, FulfilBody, IdParams, Message, MessagesQuery, pageOf } from '../../../shared/src/api';
import type { MessageKind } from '../../../shared/src/domain';
import type { Actor } from '../platform/actor';
import type { DB } from '../platform/db';
import { AppError, notFound, unprocessable } from '../platform/errors';
import { type App, type Services, actorOf } from '../platform/http';
import { newId } from '../platform/ids';
import { decodeCursor, page } from '../platform/pagination';
import type { Database } from '../platform/tables';
import { type ContentRef, readMany, readOne } from '../privacy/content';
import { authorize, authorizeItem, can, canOnItem } from '../privacy/policy';
import { chooseSubject, isSubjectRole, loadContext, type PartnershipContext } from '../privacy/relations';

type Row = Database['messages'] & { author_name: string; requested_from_name: string | null; fulfilled_by_name: string | null };

const HOUR = 3600_000;
const ref = (r: Row): ContentRef => ({ kind: 'message', id: r.id, partnershipId: r.partnership_id, subjectId: r.subject_id });

const selectMessages = (db: DB, actor: Actor) =>
  db
    .selectFrom('messages as m')
    .innerJoin('people as a', 'a.id', 'm.author_id')
    .leftJoin('people as r', 'r.id', 'm.requested_from')
    .leftJoin('people as f', 'f.id', 'm.fulfilled_by')
    .selectAll('m')
    .select(['a.name as author_name', 'r.name as requested_from_name', 'f.name as fulfilled_by_name'])
    .where('m.org_id', '=', actor.orgId);

/** Hours a request waited: until fulfilled, or until now. One decimal. */
export const waitedHours = (createdAt: string, until: string | Date) => Math.round(((new Date(until).getTime() - new Date(createdAt).getTime()) / HOUR) * 10) / 10;

function present(r: Row, actor: Actor, ctx: PartnershipContext, now: Date): z.infer<typeof Message> {
  const isRequest = r.kind === 'resource_request';
  return {
    id: r.id,
    partnershipId: r.partnership_id,
    kind: r.kind as MessageKind,
    body: r.body,
    authorId: r.author_id,
    authorName: r.author_name,
    createdAt: r.created_at,
    requestedFrom: r.requested_from,
    requestedFromName: r.requested_from_name,
    fulfilledAt: r.fulfilled_at,
    fulfilledBy: r.fulfilled_by,
    fulfilledByName: r.fulfilled_by_name,
    fulfilmentNote: r.fulfilment_note,
    waitedHours: isRequest ? waitedHours(r.created_at, r.fulfilled_at ?? now) : null,
    abilities: { fulfil: isRequest && !r.fulfilled_at && canOnItem(ctx, 'message.fulfil', { requestedFrom: r.requested_from, authorId: r.author_id }) },
  };
}

export default async function messageRoutes(app: App, s: Services) {
  const { db, clock } = s;

  app.get('/api/partnerships/:id/messages', { config: { matrix: 'message.list' }, schema: { tags: ['messages'], summary: 'Messages and resource requests, newest first (members only; each read is logged)', params: IdParams, querystring: MessagesQuery, response: { 200: pageOf(Message) } } }, async (request) => {
    const actor = actorOf(request);
    const ctx = await loadContext(db, actor, request.params.id);
    authorize(ctx, 'partnership.readContent');
    const { limit, cursor } = request.query;
    const after = decodeCursor(cursor);
    let q = selectMessages(db, actor).where('m.partnership_id', '=', ctx.partnership.id);
    if (after) q = q.where((eb) => eb.or([eb('m.created_at', '<', after[0]), eb.and([eb('m.created_at', '=', after[0]), eb('m.id', '<', after[1])])]));
    const rows = await q.orderBy('m.created_at', 'desc').orderBy('m.id', 'desc').limit(limit + 1).execute();
    const result = page(rows, limit, (r) => [r.created_at, r.id]);
    const readable = await readMany(db, clock, actor, result.items, ref);
    const now = clock.now();
    return { items: readable.map((r) => present(r, actor, ctx, now)), nextCursor: result.nextCursor };
  });

  app.post('/api/partnerships/:id/messages', { config: { matrix: 'message.create' }, schema: { tags: ['messages'], summary: 'Send a message, or ask a member (often the mentor coach) for a resource', params: IdParams, body: CreateMessageBody, response: { 201: Message } } }, async (request, reply) => {
    const actor = actorOf(request);
    const ctx = await loadContext(db, actor, request.params.id);
    authorize(ctx, 'message.create');
    const body = request.body;
    let requestedFrom: string | null = null;
    if (body.kind === 'resource_request') {
      const others = ctx.members.filter((m) => m.state === 'accepted' && m.personId !== actor.personId);
      requestedFrom = body.requestedFrom ?? others.find((m) => m.role === 'mentor')?.personId ?? (others.length === 1 ? others[0].personId : null);
      if (!requestedFrom || !others.some((m) => m.personId === requestedFrom)) throw unprocessable('requestFromWhom', 'requestedFrom');
    } else if (body.requestedFrom) {
      throw unprocessable('onlyRequestsAddressed', 'requestedFrom');
    }
    // Whose content the message is, for the access log: the writer if they are a coachee, else the coachee asked, else the first coachee.
    const subjects = ctx.members.filter((m) => isSubjectRole(m.role) && m.state === 'accepted');
    const subjectId = chooseSubject(ctx) ?? subjects.find((m) => m.personId === requestedFrom)?.personId ?? subjects[0]?.personId;
    if (!subjectId) throw new AppError('CONFLICT', 'messagesNeedCoachee');
    const now = clock.now().toISOString();
    const id = newId();
    await db
      .insertInto('messages')
      .values({ id, org_id: actor.orgId, partnership_id: ctx.partnership.id, subject_id: subjectId, kind: body.kind, body: body.body, author_id: actor.personId, requested_from: requestedFrom, fulfilled_at: null, fulfilled_by: null, fulfilment_note: null, created_at: now })
      .execute();
    const row = await selectMessages(db, actor).where('m.id', '=', id).executeTakeFirstOrThrow();
    return reply.status(201).send(present(row, actor, ctx, clock.now()));
  });

  app.post('/api/messages/:id/fulfilment', { config: { matrix: 'message.fulfil' }, schema: { tags: ['messages'], summary: 'Mark a resource request fulfilled (the person asked, or the person who asked)', params: IdParams, body: FulfilBody, response: { 200: Message } } }, async (request) => {
    const actor = actorOf(request);
    const row = await selectMessages(db, actor).where('m.id', '=', request.params.id).executeTakeFirst();
    const ctx = row ? await loadContext(db, actor, row.partnership_id) : null;
    authorizeItem(ctx, 'message.fulfil', { requestedFrom: row?.requested_from, authorId: row?.author_id });
    if (row!.kind !== 'resource_request') throw notFound();
    if (row!.fulfilled_at) throw new AppError('CONFLICT', row!.fulfilled_by_name ? { key: 'requestFulfilled', values: { name: row!.fulfilled_by_name } } : 'requestFulfilledUnnamed');
    const now = clock.now().toISOString();
    await db.updateTable('messages').set({ fulfilled_at: now, fulfilled_by: actor.personId, fulfilment_note: request.body.note || null }).where('id', '=', row!.id).where('fulfilled_at', 'is', null).execute();
    const updated = await selectMessages(db, actor).where('m.id', '=', row!.id).executeTakeFirstOrThrow();
    await readOne(db, clock, actor, ref(updated));
    return present(updated, actor, ctx, clock.now());
  });
}
