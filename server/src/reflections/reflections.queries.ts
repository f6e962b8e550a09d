/**
 * "The coachee speaks first" (SPEC §2.5, issue 10 item 5), read in one place: whether the
 * coachee has written their reflection on a session, a plan or an observation. The reflection
 * route holds a partner's reflection until this exists; an observation's answer says when it
 * did (coacheeReflectedAt). Only that it exists, and when, is read — never its words.
 */
import type { DB } from '../platform/db';

/** What a reflection looks back on. An observation brings its plan and session, for reflections written before one could be named. */
export interface ReflectedOn {
  meetingId?: string | null;
  planId?: string | null;
  observation?: { id: string; planId: string | null; meetingId: string | null } | null;
}

/**
 * The coachee's first reflection on all of `on` (each one given narrows it), in their
 * partnership. On an observation: one naming it, or one written before reflections could name
 * an observation (none named) on its plan — or, without a plan, its session.
 */
export function firstCoacheeReflection(db: DB, scope: { orgId: string; partnershipId: string; subjectId: string }, on: ReflectedOn) {
  let q = db
    .selectFrom('reflections')
    .select(['id', 'created_at'])
    .where('org_id', '=', scope.orgId)
    .where('partnership_id', '=', scope.partnershipId)
    .where('subject_id', '=', scope.subjectId)
    .where('voice', '=', 'coachee');
  if (on.meetingId) q = q.where('meeting_id', '=', on.meetingId);
  if (on.planId) q = q.where('plan_id', '=', on.planId);
  const o = on.observation;
  if (o) {
    q = q.where((eb) => {
      const before = o.planId ? eb('plan_id', '=', o.planId) : o.meetingId ? eb('meeting_id', '=', o.meetingId) : null;
      return before ? eb.or([eb('observation_id', '=', o.id), eb.and([eb('observation_id', 'is', null), before])]) : eb('observation_id', '=', o.id);
    });
  }
  return q.orderBy('created_at').executeTakeFirst();
}
