/**
 * Goal routes. Goals are coaching content of kind "goal": read by members, or
 * by someone the coachee shared the goal (or all their goals) with; every read
 * is logged for the coachee.
 */
import { z } from 'zod';
import { CreateGoalBody, Goal, GoalStatusBody, GoalStepParams, IdParams, StepStatusBody, UpdateGoalBody, keysetQuery, pageOf } from '../../../shared/src/api';
import { decodeCursor, page } from '../platform/pagination';
import type { GoalStatus, Responsible, StepStatus } from '../../../shared/src/domain';
import type { Actor } from '../platform/actor';
import type { Clock } from '../platform/clock';
import type { DB } from '../platform/db';
import { type App, type Services, actorOf } from '../platform/http';
import { type ContentRef, type Decision, readMany, readOne } from '../privacy/content';
import { authorize, authorizeItem, can, canOnItem } from '../privacy/policy';
import { loadContext, type PartnershipContext } from '../privacy/relations';
import type { Database } from '../platform/tables';
import { changeGoalStatus, changeStepStatus, createGoal, isOverdue, stepProgress, stepsOf, updateGoal } from './goals.service';

/** Goals come 200 at a time, newest first (the first page is what the list always showed). */
const GoalsQuery = keysetQuery(200);

type GoalRow = Database['goals'] & { proposed_by_name: string };
type StepRow = Database['goal_steps'];

const ref = (g: GoalRow): ContentRef => ({ kind: 'goal', id: g.id, partnershipId: g.partnership_id, subjectId: g.subject_id });

function selectGoals(db: DB, actor: Actor) {
  return db
    .selectFrom('goals as g')
    .innerJoin('people as p', 'p.id', 'g.proposed_by')
    .selectAll('g')
    .select('p.name as proposed_by_name')
    .where('g.org_id', '=', actor.orgId);
}

function present(g: GoalRow, steps: StepRow[], actor: Actor, ctx: PartnershipContext | null, today: string): z.infer<typeof Goal> {
  const presented = steps.map((s) => ({
    id: s.id,
    position: s.position,
    description: s.description,
    responsible: s.responsible as Responsible,
    resources: s.resources,
    dueOn: s.due_on,
    status: s.status as StepStatus,
    completedAt: s.completed_at,
    overdue: isOverdue(s, today),
  }));
  return {
    id: g.id,
    partnershipId: g.partnership_id,
    subjectId: g.subject_id,
    title: g.title,
    childOutcome: g.child_outcome,
    successLooksLike: g.success_looks_like,
    practiceIds: JSON.parse(g.practice_ids),
    status: g.status as GoalStatus,
    proposedBy: g.proposed_by,
    proposedByName: g.proposed_by_name,
    decisionNote: g.decision_note,
    decidedAt: g.decided_at,
    version: g.version,
    createdAt: g.created_at,
    updatedAt: g.updated_at,
    steps: presented,
    progress: stepProgress(steps, today),
    abilities: { edit: can(ctx, 'goal.edit'), decide: canOnItem(ctx, 'goal.decide', { subjectId: g.subject_id }), share: canOnItem(ctx, 'item.share', { subjectId: g.subject_id }) },
  };
}

export default async function goalRoutes(app: App, s: Services) {
  const { db, clock } = s;
  const today = (c: Clock) => c.now().toISOString().slice(0, 10);

  /** Loads one goal the actor may read, logs the read, and returns it with its context. */
  async function readGoal(actor: Actor, goalId: string): Promise<{ goal: GoalRow; decision: Decision }> {
    const goal = await selectGoals(db, actor).where('g.id', '=', goalId).executeTakeFirst();
    const decision = await readOne(db, clock, actor, goal && ref(goal));
    return { goal: goal!, decision };
  }

  /** For changes: the goal must be readable as a member of an open partnership. */
  async function goalForChange(actor: Actor, goalId: string) {
    const goal = await selectGoals(db, actor).where('g.id', '=', goalId).executeTakeFirst();
    const ctx = goal ? await loadContext(db, actor, goal.partnership_id) : null;
    authorize(ctx, 'goal.edit');
    return { goal: goal!, ctx };
  }

  async function presentOne(actor: Actor, goalId: string) {
    const { goal, decision } = await readGoal(actor, goalId);
    return present(goal, (await stepsOf(db, [goal.id])).get(goal.id) ?? [], actor, decision.ctx?.membership?.state === 'accepted' ? decision.ctx : null, today(clock));
  }

  app.get('/api/partnerships/:id/goals', { config: { matrix: 'goal.list' }, schema: { tags: ['goals'], summary: 'Goals and action plans of a partnership (members only; each read is logged)', params: IdParams, querystring: GoalsQuery, response: { 200: pageOf(Goal) } } }, async (request) => {
    const actor = actorOf(request);
    const ctx = await loadContext(db, actor, request.params.id);
    authorize(ctx, 'partnership.readContent');
    const { limit, cursor } = request.query;
    const after = decodeCursor(cursor);
    let q = selectGoals(db, actor).where('g.partnership_id', '=', ctx.partnership.id);
    if (after) q = q.where((eb) => eb.or([eb('g.created_at', '<', after[0]), eb.and([eb('g.created_at', '=', after[0]), eb('g.id', '<', after[1])])]));
    const result = page(await q.orderBy('g.created_at', 'desc').orderBy('g.id', 'desc').limit(limit + 1).execute(), limit, (r) => [r.created_at, r.id]);
    const readable = await readMany(db, clock, actor, result.items, ref);
    const steps = await stepsOf(db, result.items.map((r) => r.id));
    return { items: readable.map((r) => present(r, steps.get(r.id) ?? [], actor, ctx, today(clock))), nextCursor: result.nextCursor };
  });

  app.post('/api/partnerships/:id/goals', { config: { matrix: 'goal.create' }, schema: { tags: ['goals'], summary: 'Write a goal (yours: active at once) or propose one to the coachee', params: IdParams, body: CreateGoalBody, response: { 201: Goal } } }, async (request, reply) => {
    const actor = actorOf(request);
    const ctx = await loadContext(db, actor, request.params.id);
    authorize(ctx, 'goal.create');
    const id = await createGoal(db, clock, ctx, request.body);
    return reply.status(201).send(await presentOne(actor, id));
  });

  app.get('/api/goals/:id', { config: { matrix: 'goal.read' }, schema: { tags: ['goals'], summary: 'One goal with its plan: for members, or a person the coachee shared it with (logged)', params: IdParams, response: { 200: Goal } } }, async (request) => {
    return presentOne(actorOf(request), request.params.id);
  });

  app.put('/api/goals/:id', { config: { matrix: 'goal.edit' }, schema: { tags: ['goals'], summary: 'Save the goal and its whole plan (version-checked: 409 when someone saved first)', params: IdParams, body: UpdateGoalBody, response: { 200: Goal } } }, async (request) => {
    const actor = actorOf(request);
    const { goal, ctx } = await goalForChange(actor, request.params.id);
    await updateGoal(db, clock, ctx, goal.id, request.body);
    return presentOne(actor, goal.id);
  });

  app.post('/api/goals/:id/status', { config: { matrix: 'goal.decide' }, schema: { tags: ['goals'], summary: 'The coachee takes on, sets aside, completes or reopens their goal', params: IdParams, body: GoalStatusBody, response: { 200: Goal } } }, async (request) => {
    const actor = actorOf(request);
    const { goal, ctx } = await goalForChange(actor, request.params.id);
    authorizeItem(ctx, 'goal.decide', { subjectId: goal.subject_id });
    await changeGoalStatus(db, clock, ctx, goal, request.body.to, request.body.baseVersion, request.body.note);
    return presentOne(actor, goal.id);
  });

  app.patch('/api/goals/:id/steps/:stepId', { config: { matrix: 'goal.edit' }, schema: { tags: ['goals'], summary: 'Mark one step of the plan (version-checked)', params: GoalStepParams, body: StepStatusBody, response: { 200: Goal } } }, async (request) => {
    const actor = actorOf(request);
    const { goal } = await goalForChange(actor, request.params.id);
    await changeStepStatus(db, clock, goal.id, request.params.stepId, request.body.status, request.body.baseVersion);
    return presentOne(actor, goal.id);
  });
}
