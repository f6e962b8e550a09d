/**
 * Scoped reads of the meeting's roles, topics and written agreement (issue 12, items 2–4), always
 * for one meeting already loaded inside the actor's organization and allowed by the policy.
 */
import type { Actor } from '../platform/actor';
import type { DB } from '../platform/db';
import type { AdminMeetingAgreementContext } from '../privacy/policy';
import { meetingContext, type MeetingRow } from './admin-meetings.queries';

export type AgreementContext = AdminMeetingAgreementContext & { meeting: MeetingRow };

/** The meeting, the actor's seat and who drafts the agreement; null when it is not in the actor's organization. */
export async function agreementContext(db: DB, actor: Pick<Actor, 'orgId' | 'personId'>, meetingId: string): Promise<AgreementContext | null> {
  const ctx = await meetingContext(db, actor, meetingId);
  if (!ctx) return null;
  const plan = await db.selectFrom('admin_meeting_agreements').select('drafter_id').where('meeting_id', '=', meetingId).executeTakeFirst();
  return { ...ctx, drafterId: plan?.drafter_id ?? null };
}

/** One written version with who wrote it, or undefined. */
export function agreementVersion(db: DB, meetingId: string, version: number) {
  return db
    .selectFrom('admin_meeting_agreement_versions as v')
    .innerJoin('people as u', 'u.id', 'v.created_by')
    .selectAll('v')
    .select('u.name as created_by_name')
    .where('v.meeting_id', '=', meetingId)
    .where('v.version', '=', version)
    .executeTakeFirst();
}
export type VersionRow = NonNullable<Awaited<ReturnType<typeof agreementVersion>>>;

export function signaturesOf(db: DB, meetingId: string, version: number) {
  return db.selectFrom('admin_meeting_signatures').selectAll().where('meeting_id', '=', meetingId).where('version', '=', version).orderBy('signed_at').orderBy('person_id').execute();
}

/** Everything of steps 5–7 a participant's screen shows. */
export async function agreementParts(db: DB, meeting: Pick<MeetingRow, 'id'>) {
  const id = meeting.id;
  const [picks, sets, items, concerns, answers, plan, versions] = await Promise.all([
    db.selectFrom('admin_meeting_role_picks').select(['person_id', 'role_key']).where('meeting_id', '=', id).orderBy('created_at').execute(),
    db.selectFrom('admin_meeting_role_sets').selectAll().where('meeting_id', '=', id).orderBy('created_at').orderBy('scope').execute(),
    db
      .selectFrom('admin_meeting_items as i')
      .innerJoin('people as u', 'u.id', 'i.author_id')
      .selectAll('i')
      .select('u.name as author_name')
      .where('i.meeting_id', '=', id)
      .orderBy('i.created_at')
      .orderBy('i.id')
      .execute(),
    db.selectFrom('admin_meeting_concerns').select(['topic_key', 'person_id']).where('meeting_id', '=', id).orderBy('created_at').execute(),
    db
      .selectFrom('admin_meeting_answers as a')
      .innerJoin('people as u', 'u.id', 'a.answered_by')
      .selectAll('a')
      .select('u.name as answered_by_name')
      .where('a.meeting_id', '=', id)
      .execute(),
    db
      .selectFrom('admin_meeting_agreements as a')
      .leftJoin('people as u', 'u.id', 'a.drafter_id')
      .selectAll('a')
      .select('u.name as drafter_name')
      .where('a.meeting_id', '=', id)
      .executeTakeFirst(),
    db.selectFrom('admin_meeting_agreement_versions').select(['version', 'created_at']).where('meeting_id', '=', id).orderBy('version', 'desc').limit(100).execute(),
  ]);
  const current = plan ? Number(plan.current_version) : 0;
  const latest = current > 0 ? await agreementVersion(db, id, current) : undefined;
  const signatures = latest ? await signaturesOf(db, id, current) : [];
  return { picks, sets, items, concerns, answers, plan, versions, latest, signatures };
}
export type AgreementParts = Awaited<ReturnType<typeof agreementParts>>;
