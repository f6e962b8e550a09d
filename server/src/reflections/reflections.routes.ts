/**
 * Reflection (SPEC §2.5). Each partner answers prompts from their own bank
 * (shared/src/prompts.ts). When partners look at data from a session, a plan or
 * an observation, the coachee answers first: a partner's reflection on it waits
 * until the coachee's is written (reflections.queries.ts). A reflection on an
 * observation names it, so the review screen shows the words written about its
 * data. Next steps the coachee chooses are added to the plan of one of their
 * goals in the same action (one transaction). Coaching content of kind "reflection".
 */
import { z } from 'zod';
import { CreateReflectionBody, IdParams, Reflection, ReflectionsQuery, pageOf } from '../../../shared/src/api';
import { decodeCursor, page } from '../platform/pagination';
import { REFLECTION_PROMPTS_BY_LANGUAGE } from '../../../shared/src/prompts';
import type { Actor } from '../platform/actor';
import type { DB } from '../platform/db';
import { AppError, unprocessable } from '../platform/errors';
import { responsibleParties } from '../goals/goals.service';
import { type App, type Services, actorOf } from '../platform/http';
import { newId } from '../platform/ids';
import type { Database } from '../platform/tables';
import { type ContentRef, decideAccess, readLinked, readMany, readOne } from '../privacy/content';
import { authorize, canOnItem } from '../privacy/policy';
import { chooseSubject, loadContext, type PartnershipContext } from '../privacy/relations';
import { firstCoacheeReflection } from './reflections.queries';

type Row = Database['reflections'] & { author_name: string; goal_title: string | null };

const ref = (r: Row): ContentRef => ({ kind: 'reflection', id: r.id, partnershipId: r.partnership_id, subjectId: r.subject_id });

const selectReflections = (db: DB, actor: Actor) =>
  db
    .selectFrom('reflections as r')
    .innerJoin('people as a', 'a.id', 'r.author_id')
    .leftJoin('goals as g', 'g.id', 'r.goal_id')
    .selectAll('r')
    .select(['a.name as author_name', 'g.title as goal_title'])
    .where('r.org_id', '=', actor.orgId);

/** `goalShown`: the linked goal's title and the steps added to it are included only when the viewer may read that goal too. */
function present(r: Row, ctx: PartnershipContext | null, goalShown = true): z.infer<typeof Reflection> {
  return {
    id: r.id,
    partnershipId: r.partnership_id,
    subjectId: r.subject_id,
    authorId: r.author_id,
    authorName: r.author_name,
    voice: r.voice as 'coachee' | 'partner',
    answers: JSON.parse(r.answers),
    meetingId: r.meeting_id,
    planId: r.plan_id,
    observationId: r.observation_id,
    goalId: r.goal_id,
    goalTitle: goalShown ? r.goal_title : null,
    addedSteps: goalShown ? JSON.parse(r.added_steps) : [],
    createdAt: r.created_at,
    abilities: { share: canOnItem(ctx, 'item.share', { subjectId: r.subject_id }) },
  };
}

export default async function reflectionRoutes(app: App, s: Services) {
  const { db, clock } = s;

  app.get('/api/partnerships/:id/reflections', { config: { matrix: 'reflection.list' }, schema: { tags: ['reflections'], summary: 'Reflections of a partnership, newest first, or only those on one observation (members only; each read is logged)', params: IdParams, querystring: ReflectionsQuery, response: { 200: pageOf(Reflection) } } }, async (request) => {
    const actor = actorOf(request);
    const ctx = await loadContext(db, actor, request.params.id);
    authorize(ctx, 'partnership.readContent');
    const { limit, cursor, observationId } = request.query;
    const after = decodeCursor(cursor);
    let q = selectReflections(db, actor).where('r.partnership_id', '=', ctx.partnership.id);
    if (observationId) q = q.where('r.observation_id', '=', observationId);
    if (after) q = q.where((eb) => eb.or([eb('r.created_at', '<', after[0]), eb.and([eb('r.created_at', '=', after[0]), eb('r.id', '<', after[1])])]));
    const result = page(await q.orderBy('r.created_at', 'desc').orderBy('r.id', 'desc').limit(limit + 1).execute(), limit, (r) => [r.created_at, r.id]);
    const readable = await readMany(db, clock, actor, result.items, ref);
    return { items: readable.map((r) => present(r, ctx)), nextCursor: result.nextCursor };
  });

  app.post('/api/partnerships/:id/reflections', { config: { matrix: 'reflection.create' }, schema: { tags: ['reflections'], summary: 'Reflect, on a session, plan or observation if you like; the coachee answers first on each, and their next steps join a goal\'s plan in the same action', params: IdParams, body: CreateReflectionBody, response: { 201: Reflection } } }, async (request, reply) => {
    const actor = actorOf(request);
    const ctx = await loadContext(db, actor, request.params.id);
    authorize(ctx, 'reflection.create');
    const body = request.body;
    const observation = body.observationId
      ? await db.selectFrom('observations').select(['id', 'partnership_id', 'subject_id', 'plan_id', 'meeting_id']).where('org_id', '=', actor.orgId).where('partnership_id', '=', ctx.partnership.id).where('id', '=', body.observationId).executeTakeFirst()
      : undefined;
    // On an observation, the round is its coachee's unless the writer says otherwise.
    const subjectId = chooseSubject(ctx, body.subjectId ?? observation?.subject_id ?? (ctx.membership && ['coachee', 'self', 'peer'].includes(ctx.membership.role) ? actor.personId : undefined));
    if (!subjectId) throw unprocessable('reflectionWhose', 'subjectId');
    const voice = subjectId === actor.personId ? 'coachee' : 'partner';
    // The prompts as the author saw them, stored with the answers.
    const bank = REFLECTION_PROMPTS_BY_LANGUAGE[body.language][voice];
    const answers = body.answers.filter((a) => a.answer.trim());
    if (!answers.length) throw unprocessable('answerAtLeastOne', 'answers');
    const unknown = answers.find((a) => !bank.some((p) => p.key === a.key));
    if (unknown) throw unprocessable({ key: 'promptUnknown', values: { key: unknown.key, prompts: { list: bank.map((p) => p.key) } } }, 'answers');

    if (body.meetingId) {
      const m = await db.selectFrom('meetings').select(['status', 'starts_at']).where('org_id', '=', actor.orgId).where('partnership_id', '=', ctx.partnership.id).where('id', '=', body.meetingId).executeTakeFirst();
      if (!m || m.status === 'cancelled') throw unprocessable('sessionTookPlace', 'meetingId');
      if (m.starts_at > clock.now().toISOString()) throw unprocessable('sessionNotYet', 'meetingId');
    }
    if (body.planId) {
      const p = await db.selectFrom('observation_plans').select('subject_id').where('org_id', '=', actor.orgId).where('partnership_id', '=', ctx.partnership.id).where('id', '=', body.planId).executeTakeFirst();
      if (!p || p.subject_id !== subjectId) throw unprocessable('planOfCoachee', 'planId');
    }
    if (body.observationId) {
      // An observation of this coachee, in this partnership, that the writer may read (decided by the privacy module, like any read).
      const readable = observation && (await decideAccess(db, clock, actor, [{ kind: 'observation', id: observation.id, partnershipId: observation.partnership_id, subjectId: observation.subject_id }])).has(observation.id);
      if (!observation || !readable || observation.subject_id !== subjectId) throw unprocessable('observationOfCoachee', 'observationId');
      if (body.planId && body.planId !== observation.plan_id) throw unprocessable('observationOtherPlan', 'planId');
    }
    // A reflection on an observation is also on the plan it carried out.
    const planId = body.planId ?? observation?.plan_id ?? null;
    if (voice === 'partner' && (body.meetingId || body.planId || body.observationId)) {
      // Looking at data together, the coachee speaks first: on each session, plan and observation.
      const on = { meetingId: body.meetingId, planId: body.planId, observation: observation && { id: observation.id, planId: observation.plan_id, meetingId: observation.meeting_id } };
      if (!(await firstCoacheeReflection(db, { orgId: actor.orgId, partnershipId: ctx.partnership.id, subjectId }, on))) {
        const name = ctx.members.find((m) => m.personId === subjectId)?.name;
        throw new AppError('COACHEE_FIRST', name ? { key: 'coacheeFirst', values: { name } } : 'coacheeFirstUnnamed');
      }
    }
    if (body.nextSteps.length) {
      if (voice !== 'coachee') throw unprocessable('nextStepsCoachee', 'nextSteps');
      if (!body.goalId) throw unprocessable('nextStepsGoal', 'goalId');
      const allowed = responsibleParties(ctx);
      body.nextSteps.forEach((step, i) => {
        if (!allowed.includes(step.responsible)) throw unprocessable({ key: 'nextStepResponsible', values: { n: i + 1, role: step.responsible, allowed: { list: allowed, each: 'responsibleItem' } } }, `nextSteps.${i}.responsible`);
      });
    }
    let goal: { id: string; status: string } | undefined;
    if (body.goalId) {
      goal = await db.selectFrom('goals').select(['id', 'status', 'subject_id']).where('org_id', '=', actor.orgId).where('partnership_id', '=', ctx.partnership.id).where('id', '=', body.goalId).where('subject_id', '=', subjectId).executeTakeFirst();
      if (!goal) throw unprocessable('goalOfCoachee', 'goalId');
      if (body.nextSteps.length && (goal.status === 'set_aside' || goal.status === 'achieved')) throw unprocessable('goalClosed', 'goalId');
    }

    const now = clock.now().toISOString();
    const id = newId();
    await db.transaction().execute(async (trx) => {
      if (goal && body.nextSteps.length) {
        const last = await trx.selectFrom('goal_steps').select((eb) => eb.fn.max('position').as('max')).where('goal_id', '=', goal.id).executeTakeFirst();
        const start = Number(last?.max ?? 0);
        await trx
          .insertInto('goal_steps')
          .values(body.nextSteps.map((st, i) => ({ id: newId(), org_id: actor.orgId, goal_id: goal.id, position: start + i + 1, description: st.description, responsible: st.responsible, resources: '', due_on: st.dueOn, status: 'not_started', completed_at: null })))
          .execute();
        // A partner editing the plan from an older version now gets a conflict instead of dropping these steps.
        await trx.updateTable('goals').set((eb) => ({ version: eb('version', '+', 1), updated_at: now })).where('id', '=', goal.id).execute();
      }
      await trx
        .insertInto('reflections')
        .values({
          id,
          org_id: actor.orgId,
          partnership_id: ctx.partnership.id,
          subject_id: subjectId,
          author_id: actor.personId,
          voice,
          answers: JSON.stringify(answers.map((a) => ({ key: a.key, prompt: bank.find((p) => p.key === a.key)!.prompt, answer: a.answer }))),
          meeting_id: body.meetingId,
          plan_id: planId,
          observation_id: observation?.id ?? null,
          goal_id: goal?.id ?? null,
          added_steps: JSON.stringify(body.nextSteps.map((st) => st.description)),
          created_at: now,
        })
        .execute();
    });
    const row = await selectReflections(db, actor).where('r.id', '=', id).executeTakeFirstOrThrow();
    return reply.status(201).send(present(row, ctx));
  });

  app.get('/api/reflections/:id', { config: { matrix: 'reflection.read' }, schema: { tags: ['reflections'], summary: 'One reflection: for members, or a person the coachee shared it with (logged)', params: IdParams, response: { 200: Reflection } } }, async (request) => {
    const actor = actorOf(request);
    const row = await selectReflections(db, actor).where('r.id', '=', request.params.id).executeTakeFirst();
    const decision = await readOne(db, clock, actor, row && ref(row));
    if (decision.basis === 'member') return present(row!, decision.ctx);
    const goalShown = await readLinked(db, clock, actor, row!.goal_id ? { kind: 'goal', id: row!.goal_id, partnershipId: row!.partnership_id, subjectId: row!.subject_id } : null);
    return present(row!, null, goalShown);
  });
}
