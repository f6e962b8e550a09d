/**
 * The focus conversation before an observation (SPEC §2.5). Partners talk
 * through the prompt bank (shared/src/prompts.ts) and write an observation
 * plan: what to look at, what success looks like, which data method, live or
 * recorded, when. The data form the coach will fill in is part of the plan, so
 * the coachee sees it before the visit, and only the coachee confirms the plan.
 * Any edit after confirmation puts it back to draft for the coachee to confirm
 * again. Coaching content of kind "observation_plan".
 */
import { z } from 'zod';
import { ConfirmPlanBody, CreateObservationPlanBody, DataForm, IdParams, ObservationPlan, UpdateObservationPlanBody, keysetQuery, pageOf } from '../../../shared/src/api';
import { decodeCursor, page } from '../platform/pagination';
import type { ObservationMode, PlanStatus } from '../../../shared/src/domain';
import type { Actor } from '../platform/actor';
import type { DB } from '../platform/db';
import { AppError, unprocessable } from '../platform/errors';
import { type App, type Services, actorOf } from '../platform/http';
import { newId } from '../platform/ids';
import type { Database } from '../platform/tables';
import { type ContentRef, logMemberReads, readLinked, readMany, readOne } from '../privacy/content';
import { authorize, authorizeItem, can, canOnItem } from '../privacy/policy';
import { chooseSubject, loadContext, type PartnershipContext } from '../privacy/relations';

/** Observation plans come 200 at a time, newest first (the first page is what the list always showed). */
const PlansQuery = keysetQuery(200);

type Row = Database['observation_plans'] & { created_by_name: string; meeting_starts_at: string | null; goal_title: string | null };
type PlanInput = z.infer<typeof CreateObservationPlanBody>;

const ref = (r: Row): ContentRef => ({ kind: 'observation_plan', id: r.id, partnershipId: r.partnership_id, subjectId: r.subject_id });

const selectPlans = (db: DB, actor: Actor) =>
  db
    .selectFrom('observation_plans as o')
    .innerJoin('people as c', 'c.id', 'o.created_by')
    .leftJoin('meetings as m', 'm.id', 'o.meeting_id')
    .leftJoin('goals as g', 'g.id', 'o.goal_id')
    .selectAll('o')
    .select(['c.name as created_by_name', 'm.starts_at as meeting_starts_at', 'g.title as goal_title'])
    .where('o.org_id', '=', actor.orgId);

/** `goalShown`: the linked goal's title is included only when the viewer may read that goal too. */
function present(r: Row, ctx: PartnershipContext | null, goalShown = true): z.infer<typeof ObservationPlan> {
  return {
    id: r.id,
    partnershipId: r.partnership_id,
    subjectId: r.subject_id,
    focus: r.focus,
    currentPicture: r.current_picture,
    successLooksLike: r.success_looks_like,
    lookFor: r.look_for,
    mode: r.mode as ObservationMode,
    when: r.when_text,
    dataForm: DataForm.parse(JSON.parse(r.data_form)),
    meetingId: r.meeting_id,
    meetingStartsAt: r.meeting_starts_at,
    goalId: r.goal_id,
    goalTitle: goalShown ? r.goal_title : null,
    status: r.status as PlanStatus,
    confirmedAt: r.confirmed_at,
    createdById: r.created_by,
    createdBy: r.created_by_name,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    abilities: {
      edit: can(ctx, 'plan.edit'),
      confirm: r.status === 'draft' && canOnItem(ctx, 'plan.confirm', { subjectId: r.subject_id }),
      share: canOnItem(ctx, 'item.share', { subjectId: r.subject_id }),
    },
  };
}

/** The plan's links must point inside the partnership: an observation visit, and a goal of the same coachee. */
async function checkLinks(db: DB, ctx: PartnershipContext, subjectId: string, body: PlanInput) {
  if (body.meetingId) {
    const m = await db.selectFrom('meetings').select(['kind', 'status']).where('org_id', '=', ctx.actor.orgId).where('partnership_id', '=', ctx.partnership.id).where('id', '=', body.meetingId).executeTakeFirst();
    if (!m || m.kind !== 'observation') throw unprocessable('planNeedsVisit', 'meetingId');
  }
  if (body.goalId) {
    const g = await db.selectFrom('goals').select('subject_id').where('org_id', '=', ctx.actor.orgId).where('partnership_id', '=', ctx.partnership.id).where('id', '=', body.goalId).executeTakeFirst();
    if (!g || g.subject_id !== subjectId) throw unprocessable('goalOfCoachee', 'goalId');
  }
  if (body.dataForm.method === 'time_sample' && !body.dataForm.intervalMinutes) throw unprocessable('timeSampleMinutes', 'dataForm.intervalMinutes');
}

const columns = (body: PlanInput) => ({
  meeting_id: body.meetingId,
  goal_id: body.goalId,
  focus: body.focus,
  current_picture: body.currentPicture,
  success_looks_like: body.successLooksLike,
  look_for: body.lookFor,
  mode: body.mode,
  when_text: body.when,
  data_form: JSON.stringify({ ...body.dataForm, intervalMinutes: body.dataForm.method === 'time_sample' ? body.dataForm.intervalMinutes : null }),
});

const conflict = () => new AppError('VERSION_CONFLICT', 'planChanged');

export default async function observationRoutes(app: App, s: Services) {
  const { db, clock } = s;

  /** For changes: a plan of an open partnership the actor is an accepted member of. */
  async function planForChange(actor: Actor, id: string) {
    const row = await selectPlans(db, actor).where('o.id', '=', id).executeTakeFirst();
    const ctx = row ? await loadContext(db, actor, row.partnership_id) : null;
    authorize(ctx, 'plan.edit');
    return { row: row!, ctx };
  }

  async function presentOne(actor: Actor, id: string, ctx: PartnershipContext) {
    const row = await selectPlans(db, actor).where('o.id', '=', id).executeTakeFirstOrThrow();
    // The answer to a change is a read of the whole plan (a partner's words included).
    await logMemberReads(db, clock, ctx, [{ kind: 'observation_plan', id: row.id, subjectId: row.subject_id }]);
    return present(row, ctx);
  }

  app.get('/api/partnerships/:id/observation-plans', { config: { matrix: 'plan.list' }, schema: { tags: ['observations'], summary: 'Observation plans of a partnership, newest first (members only; each read is logged)', params: IdParams, querystring: PlansQuery, response: { 200: pageOf(ObservationPlan) } } }, async (request) => {
    const actor = actorOf(request);
    const ctx = await loadContext(db, actor, request.params.id);
    authorize(ctx, 'partnership.readContent');
    const { limit, cursor } = request.query;
    const after = decodeCursor(cursor);
    let q = selectPlans(db, actor).where('o.partnership_id', '=', ctx.partnership.id);
    if (after) q = q.where((eb) => eb.or([eb('o.created_at', '<', after[0]), eb.and([eb('o.created_at', '=', after[0]), eb('o.id', '<', after[1])])]));
    const result = page(await q.orderBy('o.created_at', 'desc').orderBy('o.id', 'desc').limit(limit + 1).execute(), limit, (r) => [r.created_at, r.id]);
    const readable = await readMany(db, clock, actor, result.items, ref);
    return { items: readable.map((r) => present(r, ctx)), nextCursor: result.nextCursor };
  });

  app.post('/api/partnerships/:id/observation-plans', { config: { matrix: 'plan.create' }, schema: { tags: ['observations'], summary: 'Write the plan from a focus conversation (a draft until the coachee confirms it)', params: IdParams, body: CreateObservationPlanBody, response: { 201: ObservationPlan } } }, async (request, reply) => {
    const actor = actorOf(request);
    const ctx = await loadContext(db, actor, request.params.id);
    authorize(ctx, 'plan.create');
    const body = request.body;
    const subjectId = chooseSubject(ctx, body.subjectId);
    if (!subjectId) throw unprocessable('planWhose', 'subjectId');
    await checkLinks(db, ctx, subjectId, body);
    const now = clock.now().toISOString();
    const id = newId();
    // A coachee who writes their own plan has confirmed it by writing it.
    const own = subjectId === actor.personId;
    await db
      .insertInto('observation_plans')
      .values({ id, org_id: actor.orgId, partnership_id: ctx.partnership.id, subject_id: subjectId, ...columns(body), status: own ? 'confirmed' : 'draft', confirmed_at: own ? now : null, created_by: actor.personId, version: 1, created_at: now, updated_at: now })
      .execute();
    return reply.status(201).send(await presentOne(actor, id, ctx));
  });

  app.get('/api/observation-plans/:id', { config: { matrix: 'plan.read' }, schema: { tags: ['observations'], summary: 'One observation plan with its data form: for members, or a person the coachee shared it with (logged)', params: IdParams, response: { 200: ObservationPlan } } }, async (request) => {
    const actor = actorOf(request);
    const row = await selectPlans(db, actor).where('o.id', '=', request.params.id).executeTakeFirst();
    const decision = await readOne(db, clock, actor, row && ref(row));
    if (decision.basis === 'member') return present(row!, decision.ctx);
    const goalShown = await readLinked(db, clock, actor, row!.goal_id ? { kind: 'goal', id: row!.goal_id, partnershipId: row!.partnership_id, subjectId: row!.subject_id } : null);
    return present(row!, null, goalShown);
  });

  app.put('/api/observation-plans/:id', { config: { matrix: 'plan.edit' }, schema: { tags: ['observations'], summary: 'Change the plan (version-checked); a change by anyone but the coachee needs their confirmation again', params: IdParams, body: UpdateObservationPlanBody, response: { 200: ObservationPlan } } }, async (request) => {
    const actor = actorOf(request);
    const { row, ctx } = await planForChange(actor, request.params.id);
    const body = request.body;
    await checkLinks(db, ctx, row.subject_id, body);
    const now = clock.now().toISOString();
    const own = row.subject_id === actor.personId;
    const res = await db
      .updateTable('observation_plans')
      .set({ ...columns(body), status: own ? 'confirmed' : 'draft', confirmed_at: own ? now : null, version: body.baseVersion + 1, updated_at: now })
      .where('id', '=', row.id)
      .where('version', '=', body.baseVersion)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw conflict();
    return presentOne(actor, row.id, ctx);
  });

  app.post('/api/observation-plans/:id/confirmation', { config: { matrix: 'plan.confirm' }, schema: { tags: ['observations'], summary: 'The coachee confirms the plan and the data form as they stand', params: IdParams, body: ConfirmPlanBody, response: { 200: ObservationPlan } } }, async (request) => {
    const actor = actorOf(request);
    const { row, ctx } = await planForChange(actor, request.params.id);
    // Only the coachee whose classroom is observed confirms; to anyone else the action does not exist.
    authorizeItem(ctx, 'plan.confirm', { subjectId: row.subject_id });
    const now = clock.now().toISOString();
    const res = await db
      .updateTable('observation_plans')
      .set({ status: 'confirmed', confirmed_at: now, version: request.body.baseVersion + 1, updated_at: now })
      .where('id', '=', row.id)
      .where('version', '=', request.body.baseVersion)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw conflict();
    return presentOne(actor, row.id, ctx);
  });
}
