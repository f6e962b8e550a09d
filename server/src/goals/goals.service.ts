/**
 * Goals and action plans (SPEC §2.5). The coachee owns a goal: a goal the
 * coachee writes starts active; one a partner proposes waits for the coachee to
 * take it on or set it aside. Plans are edited with a version check, so two
 * partners saving at once never silently overwrite each other.
 */
import type { z } from 'zod';
import type { CreateGoalBody, UpdateGoalBody } from '../../../shared/src/api';
import { GOAL_TRANSITIONS, type GoalStatus, type Responsible, type StepStatus } from '../../../shared/src/domain';
import type { Clock } from '../platform/clock';
import type { DB } from '../platform/db';
import type { Database } from '../platform/tables';
import { AppError, notFound, unprocessable } from '../platform/errors';
import { newId } from '../platform/ids';
import { authorizeItem } from '../privacy/policy';
import { chooseSubject, type PartnershipContext } from '../privacy/relations';

type StepInput = z.infer<typeof CreateGoalBody>['steps'][number];

/** Which parties can carry a step in this partnership's format. */
export function responsibleParties(ctx: PartnershipContext): Responsible[] {
  const active = ctx.members.filter((m) => m.state !== 'declined');
  const parties: Responsible[] = ['coachee', 'both'];
  if (active.some((m) => m.role === 'coach')) parties.push('coach');
  if (ctx.partnership.format === 'peer') parties.push('peer');
  if (active.some((m) => m.role === 'mentor')) parties.push('mentor');
  return parties;
}

function checkSteps(ctx: PartnershipContext, steps: StepInput[]) {
  const allowed = responsibleParties(ctx);
  steps.forEach((step, i) => {
    if (!allowed.includes(step.responsible)) {
      throw unprocessable({ key: 'stepResponsible', values: { n: i + 1, role: step.responsible, allowed: { list: allowed, each: 'responsibleItem' } } }, `steps.${i}.responsible`);
    }
  });
  const ids = steps.map((s) => s.id).filter(Boolean);
  if (new Set(ids).size !== ids.length) throw unprocessable('stepTwice', 'steps');
}

async function checkPractices(db: DB, ctx: PartnershipContext, practiceIds: string[]) {
  if (practiceIds.length === 0) return;
  const found = await db.selectFrom('practices').select('id').where('org_id', '=', ctx.actor.orgId).where('id', 'in', practiceIds).execute();
  if (found.length !== new Set(practiceIds).size) throw unprocessable('practicesFromFramework', 'practiceIds');
}

function stepRows(ctx: PartnershipContext, goalId: string, steps: StepInput[], now: string, previous: Map<string, { status: string; completed_at: string | null }>) {
  return steps.map((s, i) => {
    const before = s.id ? previous.get(s.id) : undefined;
    const completedAt = s.status === 'done' ? (before?.status === 'done' ? before.completed_at : now) : null;
    return { id: s.id ?? newId(), org_id: ctx.actor.orgId, goal_id: goalId, position: i + 1, description: s.description, responsible: s.responsible, resources: s.resources, due_on: s.dueOn, status: s.status, completed_at: completedAt };
  });
}

export async function createGoal(db: DB, clock: Clock, ctx: PartnershipContext, body: z.infer<typeof CreateGoalBody>): Promise<string> {
  const subjectId = chooseSubject(ctx, body.subjectId);
  if (!subjectId) throw unprocessable('goalWhose', 'subjectId');
  checkSteps(ctx, body.steps);
  await checkPractices(db, ctx, body.practiceIds);
  const now = clock.now().toISOString();
  const own = subjectId === ctx.actor.personId;
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('goals')
      .values({
        id,
        org_id: ctx.actor.orgId,
        partnership_id: ctx.partnership.id,
        subject_id: subjectId,
        title: body.title,
        child_outcome: body.childOutcome,
        success_looks_like: body.successLooksLike,
        practice_ids: JSON.stringify(body.practiceIds),
        status: own ? 'active' : 'proposed',
        proposed_by: ctx.actor.personId,
        decision_note: null,
        decided_at: own ? now : null,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const rows = stepRows(ctx, id, body.steps.map((s) => ({ ...s, id: undefined })), now, new Map());
    if (rows.length) await trx.insertInto('goal_steps').values(rows).execute();
  });
  return id;
}

/** Bumps the version only if it is still the one the editor started from. */
async function claimVersion(trx: DB, goalId: string, baseVersion: number, now: string, extra: Record<string, unknown> = {}) {
  const res = await trx
    .updateTable('goals')
    .set({ version: baseVersion + 1, updated_at: now, ...extra })
    .where('id', '=', goalId)
    .where('version', '=', baseVersion)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) {
    throw new AppError('VERSION_CONFLICT', 'goalChanged');
  }
}

export async function updateGoal(db: DB, clock: Clock, ctx: PartnershipContext, goalId: string, body: z.infer<typeof UpdateGoalBody>) {
  checkSteps(ctx, body.steps);
  await checkPractices(db, ctx, body.practiceIds);
  const now = clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    await claimVersion(trx, goalId, body.baseVersion, now, {
      title: body.title,
      child_outcome: body.childOutcome,
      success_looks_like: body.successLooksLike,
      practice_ids: JSON.stringify(body.practiceIds),
    });
    const existing = await trx.selectFrom('goal_steps').select(['id', 'status', 'completed_at']).where('goal_id', '=', goalId).execute();
    const previous = new Map(existing.map((s) => [s.id, s]));
    const unknown = body.steps.find((s) => s.id && !previous.has(s.id));
    if (unknown) throw unprocessable('stepGone', 'steps');
    await trx.deleteFrom('goal_steps').where('goal_id', '=', goalId).execute();
    const rows = stepRows(ctx, goalId, body.steps, now, previous);
    if (rows.length) await trx.insertInto('goal_steps').values(rows).execute();
  });
}

export async function changeGoalStatus(db: DB, clock: Clock, ctx: PartnershipContext, goal: { id: string; subject_id: string; status: string }, to: GoalStatus, baseVersion: number, note?: string) {
  // The coachee decides about their own goals (privacy/policy.ts 'goal.decide'); to anyone else the action does not exist.
  authorizeItem(ctx, 'goal.decide', { subjectId: goal.subject_id });
  const from = goal.status as GoalStatus;
  if (!GOAL_TRANSITIONS[from].includes(to)) {
    throw new AppError('INVALID_TRANSITION', { key: 'goalTransition', values: { from, to } });
  }
  const now = clock.now().toISOString();
  await db.transaction().execute((trx) =>
    claimVersion(trx, goal.id, baseVersion, now, { status: to, decided_at: now, decision_note: note?.trim() || null }),
  );
}

export async function changeStepStatus(db: DB, clock: Clock, goalId: string, stepId: string, status: StepStatus, baseVersion: number) {
  const now = clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    const step = await trx.selectFrom('goal_steps').select(['status', 'completed_at']).where('goal_id', '=', goalId).where('id', '=', stepId).executeTakeFirst();
    if (!step) throw notFound();
    await claimVersion(trx, goalId, baseVersion, now);
    await trx
      .updateTable('goal_steps')
      .set({ status, completed_at: status === 'done' ? (step.status === 'done' ? step.completed_at : now) : null })
      .where('id', '=', stepId)
      .execute();
  });
}

/** Whether a step with this responsible party is carried by this member of the partnership. */
export function carriedBy(me: { personId: string; role: string }, responsible: Responsible, subjectId: string): boolean {
  if (responsible === 'both') return true;
  if (responsible === 'coachee') return subjectId === me.personId;
  if (responsible === 'coach') return me.role === 'coach';
  if (responsible === 'mentor') return me.role === 'mentor';
  return me.role === 'peer' && subjectId !== me.personId; // "peer": the partner of the goal's owner
}

/** A step past its due date (YYYY-MM-DD, compared with today's) that is neither done nor dropped. */
export function isOverdue(step: { due_on: string | null; status: string }, today: string): boolean {
  return !!step.due_on && step.due_on < today && step.status !== 'done' && step.status !== 'dropped';
}

/** How far a plan has come: its steps (dropped ones do not count), those done, those overdue. */
export function stepProgress(steps: ReadonlyArray<{ due_on: string | null; status: string }>, today: string) {
  return {
    total: steps.filter((s) => s.status !== 'dropped').length,
    done: steps.filter((s) => s.status === 'done').length,
    overdue: steps.filter((s) => isOverdue(s, today)).length,
  };
}

/** The steps of these goals (already read under their organization), in plan order, by goal. */
export async function stepsOf(db: DB, goalIds: string[]): Promise<Map<string, Database['goal_steps'][]>> {
  const map = new Map<string, Database['goal_steps'][]>();
  if (!goalIds.length) return map;
  const rows = await db.selectFrom('goal_steps').selectAll().where('goal_id', 'in', goalIds).orderBy('goal_id').orderBy('position').execute();
  for (const r of rows) map.set(r.goal_id, [...(map.get(r.goal_id) ?? []), r]);
  return map;
}
