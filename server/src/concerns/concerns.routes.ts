/**
 * Concerns (SPEC §2.4). Someone supporting the coachee (coach, mentor coach,
 * peer) records a concern. The coachee sees it from the start: nothing is
 * raised about them without them. It can be raised with the coachee's
 * supervisor only after the conversation with the coachee is recorded; the
 * supervisor then reads that one concern (a basis decided in privacy/content.ts,
 * logged like every read), and the coachee sees the escalation and the read.
 */
import { z } from 'zod';
import { Concern, CreateConcernBody, DiscussionBody, EscalationBody, IdParams, ResolveConcernBody, keysetQuery, pageOf } from '../../../shared/src/api';
import { decodeCursor, page } from '../platform/pagination';
import type { ConcernStatus } from '../../../shared/src/domain';
import { DEFAULT_LANGUAGE } from '../../../shared/src/i18n';
import { format } from '../../../shared/src/i18n-format';
import type { Actor } from '../platform/actor';
import type { DB } from '../platform/db';
import { AppError, notFound, unprocessable } from '../platform/errors';
import { type App, type Services, actorOf } from '../platform/http';
import { newId } from '../platform/ids';
import { languagesOf } from '../platform/language';
import type { Database } from '../platform/tables';
import { type ContentRef, readMany, readOne } from '../privacy/content';
import { authorize, authorizeItem, can, canOnItem } from '../privacy/policy';
import { chooseSubject, loadContext, type PartnershipContext } from '../privacy/relations';
import { concernMail } from './messages';

/** Concerns come 200 at a time, newest first (the first page is what the list always showed). */
const ConcernsQuery = keysetQuery(200);

type Row = Database['concerns'] & { author_name: string; subject_name: string; subject_email: string; escalated_to_name: string | null };

const ref = (r: Row): ContentRef => ({ kind: 'concern', id: r.id, partnershipId: r.partnership_id, subjectId: r.subject_id });

const selectConcerns = (db: DB, actor: Actor) =>
  db
    .selectFrom('concerns as c')
    .innerJoin('people as a', 'a.id', 'c.author_id')
    .innerJoin('people as s', 's.id', 'c.subject_id')
    .leftJoin('people as e', 'e.id', 'c.escalated_to')
    .selectAll('c')
    .select(['a.name as author_name', 's.name as subject_name', 's.email as subject_email', 'e.name as escalated_to_name'])
    .where('c.org_id', '=', actor.orgId);

/** The supervisors of a coachee, by name. */
async function supervisorsOf(db: DB, actor: Actor, subjectId: string) {
  return db
    .selectFrom('supervision_links as l')
    .innerJoin('people as p', 'p.id', 'l.supervisor_id')
    .select(['p.id', 'p.name', 'p.email'])
    .where('l.org_id', '=', actor.orgId)
    .where('l.supervisee_id', '=', subjectId)
    .where('p.active', '=', 1)
    .orderBy('p.name')
    .execute();
}

function present(r: Row, actor: Actor, ctx: PartnershipContext | null, supervisors: Array<{ id: string; name: string }>): z.infer<typeof Concern> {
  const author = canOnItem(ctx, 'concern.followUp', { authorId: r.author_id });
  const open = !r.resolved_at;
  return {
    id: r.id,
    partnershipId: r.partnership_id,
    subjectId: r.subject_id,
    subjectName: r.subject_name,
    authorId: r.author_id,
    authorName: r.author_name,
    description: r.description,
    status: r.status as ConcernStatus,
    createdAt: r.created_at,
    discussion: r.discussion_recorded_at ? { summary: r.discussion_summary ?? '', coacheeView: r.coachee_view ?? '', discussedOn: r.discussed_on ?? '', recordedAt: r.discussion_recorded_at } : null,
    escalation: r.escalated_to && r.escalated_at ? { supervisorId: r.escalated_to, supervisorName: r.escalated_to_name ?? '', reason: r.escalation_reason ?? '', escalatedAt: r.escalated_at } : null,
    resolvedAt: r.resolved_at,
    resolutionNote: r.resolution_note,
    supervisors: author ? supervisors.map(({ id, name }) => ({ id, name })) : [],
    abilities: { discuss: author && open && !r.escalated_at, escalate: author && open && !!r.discussion_recorded_at && !r.escalated_at && supervisors.length > 0, resolve: author && open },
  };
}

export default async function concernRoutes(app: App, s: Services) {
  const { db, clock, mailer } = s;

  /** For follow-up: the concern's author, still a supporting member. Anyone else: not found. */
  async function concernForFollowUp(actor: Actor, id: string) {
    const row = await selectConcerns(db, actor).where('c.id', '=', id).executeTakeFirst();
    const ctx = row ? await loadContext(db, actor, row.partnership_id) : null;
    authorizeItem(ctx, 'concern.followUp', { authorId: row?.author_id });
    if (row!.resolved_at) throw new AppError('CONFLICT', 'concernResolved');
    return { row: row!, ctx };
  }

  async function presentOne(actor: Actor, id: string, ctx: PartnershipContext | null) {
    const row = await selectConcerns(db, actor).where('c.id', '=', id).executeTakeFirstOrThrow();
    return present(row, actor, ctx, await supervisorsOf(db, actor, row.subject_id));
  }

  app.get('/api/partnerships/:id/concerns', { config: { matrix: 'concern.list' }, schema: { tags: ['concerns'], summary: 'Concerns in a partnership, with their discussion and any escalation (members only, the coachee included; each read is logged)', params: IdParams, querystring: ConcernsQuery, response: { 200: pageOf(Concern) } } }, async (request) => {
    const actor = actorOf(request);
    const ctx = await loadContext(db, actor, request.params.id);
    authorize(ctx, 'partnership.readContent');
    const { limit, cursor } = request.query;
    const after = decodeCursor(cursor);
    let q = selectConcerns(db, actor).where('c.partnership_id', '=', ctx.partnership.id);
    if (after) q = q.where((eb) => eb.or([eb('c.created_at', '<', after[0]), eb.and([eb('c.created_at', '=', after[0]), eb('c.id', '<', after[1])])]));
    const result = page(await q.orderBy('c.created_at', 'desc').orderBy('c.id', 'desc').limit(limit + 1).execute(), limit, (r) => [r.created_at, r.id]);
    const rows = result.items;
    const readable = await readMany(db, clock, actor, rows, ref);
    const supervisors = new Map<string, Array<{ id: string; name: string }>>();
    for (const id of new Set(rows.map((r) => r.subject_id))) supervisors.set(id, await supervisorsOf(db, actor, id));
    return { items: readable.map((r) => present(r, actor, ctx, supervisors.get(r.subject_id) ?? [])), nextCursor: result.nextCursor };
  });

  app.post('/api/partnerships/:id/concerns', { config: { matrix: 'concern.create' }, schema: { tags: ['concerns'], summary: 'Record a concern (coach, mentor coach or peer); the coachee sees it', params: IdParams, body: CreateConcernBody, response: { 201: Concern } } }, async (request, reply) => {
    const actor = actorOf(request);
    const ctx = await loadContext(db, actor, request.params.id);
    authorize(ctx, 'concern.create');
    const subjectId = chooseSubject(ctx, request.body.subjectId ?? ctx.members.find((m) => m.personId !== actor.personId && ['coachee', 'peer', 'self'].includes(m.role) && m.state === 'accepted')?.personId);
    if (!subjectId || subjectId === actor.personId) throw unprocessable('concernWhose', 'subjectId');
    const id = newId();
    await db
      .insertInto('concerns')
      .values({ id, org_id: actor.orgId, partnership_id: ctx.partnership.id, subject_id: subjectId, author_id: actor.personId, description: request.body.description, status: 'recorded', created_at: clock.now().toISOString(), discussion_summary: null, coachee_view: null, discussed_on: null, discussion_recorded_at: null, escalated_to: null, escalation_reason: null, escalated_at: null, resolved_at: null, resolution_note: null })
      .execute();
    return reply.status(201).send(await presentOne(actor, id, ctx));
  });

  app.get('/api/concerns/:id', { config: { matrix: 'concern.read' }, schema: { tags: ['concerns'], summary: 'One concern: for members, or the supervisor it was raised with (logged)', params: IdParams, response: { 200: Concern } } }, async (request) => {
    const actor = actorOf(request);
    const row = await selectConcerns(db, actor).where('c.id', '=', request.params.id).executeTakeFirst();
    const decision = await readOne(db, clock, actor, row && ref(row));
    return present(row!, actor, decision.basis === 'member' ? decision.ctx : null, decision.basis === 'member' ? await supervisorsOf(db, actor, row!.subject_id) : []);
  });

  app.get('/api/me/escalated-concerns', { config: { matrix: 'concern.inbox' }, schema: { tags: ['concerns'], summary: 'Concerns coaches raised with me as a supervisor, after talking them over with the coachee (each read is logged)', response: { 200: z.object({ items: z.array(Concern) }) } } }, async (request) => {
    const actor = actorOf(request);
    const rows = await selectConcerns(db, actor).where('c.escalated_to', '=', actor.personId).orderBy('c.escalated_at', 'desc').limit(200).execute();
    const readable = await readMany(db, clock, actor, rows, ref);
    return { items: readable.map((r) => present(r, actor, null, [])) };
  });

  app.post('/api/concerns/:id/discussion', { config: { matrix: 'concern.followUp' }, schema: { tags: ['concerns'], summary: 'Record the conversation with the coachee about the concern (the step before any escalation)', params: IdParams, body: DiscussionBody, response: { 200: Concern } } }, async (request) => {
    const actor = actorOf(request);
    const { row, ctx } = await concernForFollowUp(actor, request.params.id);
    if (row.escalated_at) throw new AppError('CONFLICT', 'concernRaisedLocked');
    const today = clock.now().toISOString().slice(0, 10);
    if (request.body.discussedOn > today) throw unprocessable('conversationHappened', 'discussedOn');
    if (request.body.discussedOn < row.created_at.slice(0, 10)) throw unprocessable('conversationAfterConcern', 'discussedOn');
    await db
      .updateTable('concerns')
      .set({ discussion_summary: request.body.summary, coachee_view: request.body.coacheeView, discussed_on: request.body.discussedOn, discussion_recorded_at: clock.now().toISOString(), status: 'discussed' })
      .where('id', '=', row.id)
      .execute();
    return presentOne(actor, row.id, ctx);
  });

  app.post('/api/concerns/:id/escalation', { config: { matrix: 'concern.followUp' }, schema: { tags: ['concerns'], summary: 'Raise the concern with the coachee\'s supervisor — only after the discussion with the coachee is recorded', params: IdParams, body: EscalationBody, response: { 200: Concern } } }, async (request) => {
    const actor = actorOf(request);
    const { row, ctx } = await concernForFollowUp(actor, request.params.id);
    if (!row.discussion_recorded_at) {
      throw new AppError('DISCUSS_FIRST', { key: 'discussFirst', values: { name: row.subject_name } });
    }
    if (row.escalated_at) throw new AppError('CONFLICT', { key: 'concernAlreadyRaised', values: { name: row.escalated_to_name ?? '' } });
    const supervisors = await supervisorsOf(db, actor, row.subject_id);
    const supervisor = supervisors.find((p) => p.id === request.body.supervisorId);
    if (!supervisor) throw unprocessable(supervisors.length ? { key: 'chooseSupervisor', values: { name: row.subject_name, supervisors: { list: supervisors.map((p) => p.name) } } } : { key: 'noSupervisor', values: { name: row.subject_name } }, 'supervisorId');
    const now = clock.now().toISOString();
    await db.updateTable('concerns').set({ escalated_to: supervisor.id, escalation_reason: request.body.reason, escalated_at: now, status: 'escalated' }).where('id', '=', row.id).where('escalated_at', 'is', null).execute();
    // Both hear of it at once, without the content: the coachee sees the details in Tandem.
    const languages = await languagesOf(db, [row.subject_id, supervisor.id]);
    const notice = (to: string, personId: string, key: 'toCoachee' | 'toSupervisor') => {
      const language = languages.get(personId) ?? DEFAULT_LANGUAGE;
      const values = { author: actor.name, supervisor: supervisor.name, coachee: row.subject_name };
      return mailer.send({ kind: 'concern_raised', to, subject: format(language, concernMail, `${key}Subject`, values), text: format(language, concernMail, `${key}Text`, values) });
    };
    await notice(row.subject_email, row.subject_id, 'toCoachee');
    await notice(supervisor.email, supervisor.id, 'toSupervisor');
    return presentOne(actor, row.id, ctx);
  });

  app.post('/api/concerns/:id/resolution', { config: { matrix: 'concern.followUp' }, schema: { tags: ['concerns'], summary: 'Mark the concern resolved, with a note', params: IdParams, body: ResolveConcernBody, response: { 200: Concern } } }, async (request) => {
    const actor = actorOf(request);
    const { row, ctx } = await concernForFollowUp(actor, request.params.id);
    await db.updateTable('concerns').set({ resolved_at: clock.now().toISOString(), resolution_note: request.body.note || null, status: 'resolved' }).where('id', '=', row.id).execute();
    return presentOne(actor, row.id, ctx);
  });
}
