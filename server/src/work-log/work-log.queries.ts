/**
 * Scoped reads of the work log (issue 12, item 7): always inside the actor's organization. The
 * context the policy decides on (privacy/policy.ts, workLog.*) is read here: the coach, and the
 * administrators who signed a partnership meeting agreement with them (admin-meetings/terms.ts).
 */
import { SUBJECT_ROLES } from '../../../shared/src/domain';
import { WORK_LOG_ACTIVITIES, type WorkLogActivity, shiftDay, weekStartOf } from '../../../shared/src/work-log';
import { administratorsAgreedWith } from '../admin-meetings/terms';
import type { Actor } from '../platform/actor';
import { dayIn } from '../platform/dates';
import type { DB } from '../platform/db';
import type { Database } from '../platform/tables';
import type { WorkLogContext } from '../privacy/policy';

export type EntryRow = Database['work_log_entries'];

/** The roles in which a person coaches in a partnership: an entry may be for such a partnership only. */
export const COACHING_SEATS = ['coach', 'mentor', 'peer'] as const;

/** The coach's log as the policy sees it, or null when no such person is in the actor's organization. */
export async function workLogContext(db: DB, actor: Pick<Actor, 'orgId' | 'personId'>, coachId: string): Promise<(WorkLogContext & { coachName: string; administrators: Awaited<ReturnType<typeof administratorsAgreedWith>> }) | null> {
  const coach = await db.selectFrom('people').select(['id', 'org_id', 'name']).where('org_id', '=', actor.orgId).where('id', '=', coachId).executeTakeFirst();
  if (!coach) return null;
  const administrators = await administratorsAgreedWith(db, actor.orgId, coach.id);
  return {
    actor: { personId: actor.personId, orgId: actor.orgId },
    coach: { personId: coach.id, orgId: coach.org_id },
    coachName: coach.name,
    agreedAdministrators: administrators.map((a) => ({ personId: a.personId, namesMayBeUsed: a.namesMayBeUsed })),
    administrators,
  };
}

/** Today in the organization's time zone (YYYY-MM-DD). */
export async function todayFor(db: DB, orgId: string, now: Date): Promise<string> {
  const org = await db.selectFrom('organizations').select('time_zone').where('id', '=', orgId).executeTakeFirstOrThrow();
  return dayIn(now, org.time_zone).day;
}

/**
 * The partnerships in which the person coaches (accepted as coach, mentor coach or peer coach),
 * each labelled with the names of the other people in it, as the coach's own log shows them.
 */
export async function coachingPartnerships(db: DB, actor: Pick<Actor, 'orgId' | 'personId'>): Promise<{ id: string; label: string; status: string }[]> {
  const mine = await db
    .selectFrom('partnership_members as m')
    .innerJoin('partnerships as p', 'p.id', 'm.partnership_id')
    .select(['p.id', 'p.status', 'p.created_at'])
    .where('m.org_id', '=', actor.orgId)
    .where('p.org_id', '=', actor.orgId)
    .where('m.person_id', '=', actor.personId)
    .where('m.state', '=', 'accepted')
    .where('m.role', 'in', [...COACHING_SEATS])
    .orderBy('p.created_at', 'desc')
    .limit(500)
    .execute();
  if (mine.length === 0) return [];
  const others = await db
    .selectFrom('partnership_members as m')
    .innerJoin('people as u', 'u.id', 'm.person_id')
    .select(['m.partnership_id', 'u.name'])
    .where('m.org_id', '=', actor.orgId)
    .where(
      'm.partnership_id',
      'in',
      mine.map((p) => p.id),
    )
    .where('m.person_id', '!=', actor.personId)
    .where('m.state', '!=', 'declined')
    .orderBy('u.name')
    .execute();
  return mine.map((p) => ({
    id: p.id,
    status: p.status,
    label: others
      .filter((o) => o.partnership_id === p.id)
      .map((o) => o.name)
      .join(' · '),
  }));
}

/** The coach's own entries between two days (inclusive), oldest first. */
export function entriesBetween(db: DB, orgId: string, coachId: string, from: string, to: string) {
  return db
    .selectFrom('work_log_entries')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('coach_id', '=', coachId)
    .where('worked_on', '>=', from)
    .where('worked_on', '<=', to)
    .orderBy('worked_on')
    .orderBy('starts_at')
    .orderBy('created_at')
    .limit(2000)
    .execute();
}

/** Minutes per activity, every activity listed (zero included), in the fixed order. */
export function byActivity(rows: ReadonlyArray<{ activity: string; minutes: number }>): { activity: WorkLogActivity; minutes: number }[] {
  return WORK_LOG_ACTIVITIES.map((activity) => ({ activity, minutes: rows.filter((r) => r.activity === activity).reduce((sum, r) => sum + Number(r.minutes), 0) }));
}

/**
 * Totals of a coach's work over `weeks` weeks ending with the week of `today`: by week and
 * activity, and by teacher (only when `withTeachers`). Reads only day, activity and minutes (and
 * the partnership, to find its coachees' names, only when names may be shown): never the notes.
 */
export async function totalsOf(db: DB, orgId: string, coachId: string, today: string, weeks: number, withTeachers: boolean) {
  const lastWeek = weekStartOf(today);
  const firstWeek = shiftDay(lastWeek, -7 * (weeks - 1));
  const rows = await db
    .selectFrom('work_log_entries')
    .select(['worked_on', 'activity', 'minutes', 'partnership_id'])
    .where('org_id', '=', orgId)
    .where('coach_id', '=', coachId)
    .where('worked_on', '>=', firstWeek)
    .where('worked_on', '<=', shiftDay(lastWeek, 6))
    .limit(20_000)
    .execute();
  const weekList = Array.from({ length: weeks }, (_, i) => shiftDay(firstWeek, 7 * i));
  const perWeek = weekList.map((weekStart) => {
    const inWeek = rows.filter((r) => weekStartOf(r.worked_on) === weekStart);
    const activities = byActivity(inWeek);
    return { weekStart, total: activities.reduce((s, a) => s + a.minutes, 0), byActivity: activities };
  });
  const activities = byActivity(rows);
  let teachers: { name: string; minutes: number }[] | null = null;
  if (withTeachers) {
    const partnershipIds = [...new Set(rows.map((r) => r.partnership_id).filter((p): p is string => !!p))];
    const coachees = partnershipIds.length
      ? await db
          .selectFrom('partnership_members as m')
          .innerJoin('people as u', 'u.id', 'm.person_id')
          .select(['m.partnership_id', 'm.person_id', 'u.name'])
          .where('m.org_id', '=', orgId)
          .where('m.partnership_id', 'in', partnershipIds)
          .where('m.role', 'in', [...SUBJECT_ROLES])
          .where('m.state', '=', 'accepted')
          .where('m.person_id', '!=', coachId)
          .execute()
      : [];
    const minutes = new Map<string, { name: string; minutes: number }>();
    for (const r of rows) {
      if (!r.partnership_id) continue;
      for (const c of coachees.filter((x) => x.partnership_id === r.partnership_id)) {
        const t = minutes.get(c.person_id) ?? { name: c.name, minutes: 0 };
        t.minutes += Number(r.minutes);
        minutes.set(c.person_id, t);
      }
    }
    teachers = [...minutes.values()].sort((a, b) => b.minutes - a.minutes || a.name.localeCompare(b.name));
  }
  return { weeks: perWeek, byActivity: activities, total: activities.reduce((s, a) => s + a.minutes, 0), teachers };
}
