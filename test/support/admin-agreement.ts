/**
 * A partnership meeting whose written agreement every participant signed, written straight into
 * the database: for tests of the parts that honour such an agreement (the work log's totals,
 * issue 12, item 7) without running the meeting itself (test/api/admin-meetings*.test.ts do that).
 * The rows are the ones the meeting routes leave behind: the meeting, its participants, the
 * frozen version (its content with the answer about naming teachers) and the signatures on it.
 */
import { createHash } from 'node:crypto';
import type { MeetingAgreementContent } from '../../shared/src/admin-meetings';
import { newId } from '../../server/src/platform/ids';
import type { DB } from '../../server/src/platform/db';

export interface SignedAgreement {
  orgId: string;
  /** The coaches (seated as coach) and the administrators (principal or assistant principal). */
  coaches: string[];
  administrators: Array<{ personId: string; role?: 'principal' | 'assistant_principal' }>;
  /** The signed answer to "may teachers be named?": true yes, false no, null not answered. */
  namesMayBeUsed: boolean | null;
  /** Leave the agreement with a signature missing (not in force). */
  unsigned?: boolean;
}

/** Returns the meeting's id. */
export async function givenSignedAgreement(db: DB, clock: { now(): Date }, a: SignedAgreement): Promise<string> {
  const now = clock.now().toISOString();
  const id = newId();
  const seats = [...a.coaches.map((personId) => ({ personId, role: 'coach' as const })), ...a.administrators.map((x) => ({ personId: x.personId, role: x.role ?? ('principal' as const) }))];
  const people = await db.selectFrom('people').select(['id', 'name']).where('id', 'in', seats.map((s) => s.personId)).execute();
  const nameOf = (personId: string) => people.find((p) => p.id === personId)!.name;
  await db
    .insertInto('admin_meetings')
    .values({ id, org_id: a.orgId, site_id: null, title: 'Partnership meeting', school_year: '2026–2027', scheduled_for: null, status: 'ended', current_step: 9, note_taker_id: null, created_by: seats[0].personId, version: 1, last_event: 0, created_at: now, updated_at: now, started_at: now, ended_at: now })
    .execute();
  await db.insertInto('admin_meeting_participants').values(seats.map((s) => ({ meeting_id: id, person_id: s.personId, org_id: a.orgId, role: s.role, created_at: now }))).execute();
  const content: MeetingAgreementContent = {
    meetingId: id,
    title: 'Partnership meeting',
    schoolYear: '2026–2027',
    introduction: null,
    participants: seats.map((s) => ({ personId: s.personId, name: nameOf(s.personId), role: s.role })),
    roleSets: [],
    challenges: [],
    strengths: [],
    confidentiality: [],
    topics: a.namesMayBeUsed === null ? [] : [{ key: 'naming_teachers', status: 'agreed', text: a.namesMayBeUsed ? 'Names may be used.' : 'No names.', namesMayBeUsed: a.namesMayBeUsed }],
    norms: [],
  };
  const json = JSON.stringify(content);
  const hash = createHash('sha256').update(json).digest('hex');
  await db.insertInto('admin_meeting_agreement_versions').values({ meeting_id: id, version: 1, org_id: a.orgId, content: json, content_hash: hash, created_by: seats[0].personId, created_at: now }).execute();
  const signers = a.unsigned ? seats.slice(1) : seats;
  await db.insertInto('admin_meeting_signatures').values(signers.map((s) => ({ meeting_id: id, version: 1, person_id: s.personId, org_id: a.orgId, name: nameOf(s.personId), content_hash: hash, signed_at: now }))).execute();
  await db
    .insertInto('admin_meeting_agreements')
    .values({ meeting_id: id, org_id: a.orgId, drafter_id: seats[0].personId, due_on: null, version: 1, current_version: 1, signed_version: a.unsigned ? null : 1, signed_at: a.unsigned ? null : now, updated_at: now })
    .execute();
  return id;
}
