/**
 * Scoped reads of partnership meetings: always inside the actor's organization, and with what the
 * actor is in the meeting, so the policy (privacy/policy.ts, adminMeeting.*) decides on facts
 * read in the same query.
 */
import type { Actor } from '../platform/actor';
import type { DB } from '../platform/db';
import type { Database } from '../platform/tables';
import type { AdminMeetingContext } from '../privacy/policy';
import { agreementParts } from './agreement.queries';

export type MeetingRow = Database['admin_meetings'];

/** The meeting and the actor's seat in it (null: not a participant), or null when it is not in the actor's organization. */
export async function meetingContext(db: DB, actor: Pick<Actor, 'orgId' | 'personId'>, id: string): Promise<(AdminMeetingContext & { meeting: MeetingRow }) | null> {
  const row = await db
    .selectFrom('admin_meetings as m')
    .leftJoin('admin_meeting_participants as p', (j) => j.onRef('p.meeting_id', '=', 'm.id').on('p.person_id', '=', actor.personId))
    .selectAll('m')
    .select('p.role as my_role')
    .where('m.org_id', '=', actor.orgId)
    .where('m.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const { my_role, ...meeting } = row;
  return { actor, meeting, participant: my_role ? { role: my_role } : null };
}

/** Everything a participant's screen shows, read for one meeting (after the policy allowed the read). */
export async function meetingDetails(db: DB, meeting: MeetingRow) {
  const [participants, steps, norms, notes, site, agreement] = await Promise.all([
    db
      .selectFrom('admin_meeting_participants as p')
      .innerJoin('people as u', 'u.id', 'p.person_id')
      .select(['p.person_id', 'p.role', 'u.name'])
      .where('p.meeting_id', '=', meeting.id)
      .orderBy('p.created_at')
      .orderBy('u.name')
      .execute(),
    db.selectFrom('admin_meeting_steps').select(['step', 'started_at', 'ended_at']).where('meeting_id', '=', meeting.id).orderBy('started_at').execute(),
    db
      .selectFrom('admin_meeting_norms as n')
      .innerJoin('people as u', 'u.id', 'n.author_id')
      .selectAll('n')
      .select('u.name as author_name')
      .where('n.meeting_id', '=', meeting.id)
      .orderBy('n.created_at')
      .execute(),
    db
      .selectFrom('admin_meeting_notes as n')
      .innerJoin('people as u', 'u.id', 'n.author_id')
      .selectAll('n')
      .select('u.name as author_name')
      .where('n.meeting_id', '=', meeting.id)
      .orderBy('n.created_at')
      .execute(),
    meeting.site_id ? db.selectFrom('sites').select('name').where('id', '=', meeting.site_id).executeTakeFirst() : Promise.resolve(undefined),
    // Steps 5–7: roles, topics, the written agreement (agreement.queries.ts).
    agreementParts(db, meeting),
  ]);
  return { participants, steps, norms, notes, siteName: site?.name ?? null, agreement };
}
export type MeetingDetails = Awaited<ReturnType<typeof meetingDetails>>;

/** The meetings the actor takes part in, newest first. */
export function myMeetings(db: DB, actor: Pick<Actor, 'orgId' | 'personId'>) {
  return db
    .selectFrom('admin_meetings as m')
    .innerJoin('admin_meeting_participants as p', (j) => j.onRef('p.meeting_id', '=', 'm.id').on('p.person_id', '=', actor.personId))
    .select(['m.id', 'm.title', 'm.school_year', 'm.scheduled_for', 'm.status', 'm.current_step', 'm.created_at', 'p.role as my_role'])
    .select((eb) => eb.selectFrom('admin_meeting_participants as q').select((e) => e.fn.countAll<number>().as('n')).whereRef('q.meeting_id', '=', 'm.id').as('participant_count'))
    .where('m.org_id', '=', actor.orgId)
    .orderBy('m.created_at', 'desc')
    .limit(200)
    .execute();
}

/** The numbered changes after `after`, for a screen catching up. */
export function eventsAfter(db: DB, meetingId: string, after: number) {
  return db.selectFrom('admin_meeting_events').select(['seq', 'kind', 'created_at']).where('meeting_id', '=', meetingId).where('seq', '>', after).orderBy('seq').limit(1000).execute();
}
