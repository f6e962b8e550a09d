/**
 * What administrators and coaches agreed in a partnership meeting, for the other parts of Tandem
 * that must honour it (issue 12, items 5 and 7): "what we agreed about names" beside coaching data,
 * and which administrators see a coach's work-log totals. Read only from fully signed agreements
 * (every participant signed the latest version), and from the frozen version they signed, never
 * from answers changed since.
 */
import type { MeetingAgreementContent } from '../../../shared/src/admin-meetings';
import type { DB } from '../platform/db';

export interface AgreedTerms {
  meetingId: string;
  title: string;
  schoolYear: string;
  signedAt: string;
  /** From the signed answer to the question about naming teachers; false when it was not answered yes. */
  namesMayBeUsed: boolean;
  /** The confidentiality agreements (key `item:<id>`) and the answers of the confidentiality topics (key: the topic key), as signed. */
  confidentiality: { key: string; text: string }[];
}

const ADMIN_ROLES = ['principal', 'assistant_principal'] as const;

/** The signed content's terms. */
export function termsOf(content: MeetingAgreementContent): Pick<AgreedTerms, 'namesMayBeUsed' | 'confidentiality'> {
  const names = content.topics.find((t) => t.key === 'naming_teachers');
  const confidentialityTopics = new Set(['naming_teachers', 'declining_a_question', 'attention_needed']);
  return {
    namesMayBeUsed: names?.status === 'agreed' && names.namesMayBeUsed === true,
    confidentiality: [
      ...content.confidentiality.map((c) => ({ key: `item:${c.id}`, text: c.text })),
      ...content.topics.filter((t) => t.status === 'agreed' && confidentialityTopics.has(t.key)).map((t) => ({ key: t.key as string, text: t.text })),
    ],
  };
}

/** Fully signed agreements of the organization's meetings in which every given person took part, newest first. */
async function signedWith(db: DB, orgId: string, people: string[]) {
  let q = db
    .selectFrom('admin_meeting_agreements as a')
    .innerJoin('admin_meetings as m', 'm.id', 'a.meeting_id')
    .innerJoin('admin_meeting_agreement_versions as v', (j) => j.onRef('v.meeting_id', '=', 'a.meeting_id').onRef('v.version', '=', 'a.signed_version'))
    .select(['m.id', 'm.title', 'm.school_year', 'a.signed_at', 'v.content'])
    .where('a.org_id', '=', orgId)
    .where('m.org_id', '=', orgId)
    .where('a.signed_version', 'is not', null)
    .whereRef('a.signed_version', '=', 'a.current_version');
  for (const person of people) {
    q = q.where((eb) => eb.exists(eb.selectFrom('admin_meeting_participants as p').select('p.person_id').whereRef('p.meeting_id', '=', 'm.id').where('p.person_id', '=', person)));
  }
  return q.orderBy('a.signed_at', 'desc').limit(200).execute();
}

/** Fully signed agreements of meetings in which both people took part, newest first. */
export async function agreementsBetween(db: DB, orgId: string, personA: string, personB: string): Promise<AgreedTerms[]> {
  const rows = await signedWith(db, orgId, [personA, personB]);
  return rows.map((r) => ({ meetingId: r.id, title: r.title, schoolYear: r.school_year, signedAt: r.signed_at!, ...termsOf(JSON.parse(r.content) as MeetingAgreementContent) }));
}

type Counterpart = { personId: string; name: string; namesMayBeUsed: boolean; meetingId: string };

/** The other participants with one of `roles` in the person's fully signed meetings (the person's own seat in `mySeat`), each once, from the newest agreement. */
async function counterparts(db: DB, orgId: string, personId: string, mySeat: readonly string[] | null, roles: readonly string[]): Promise<Counterpart[]> {
  const agreements = await signedWith(db, orgId, [personId]);
  if (agreements.length === 0) return [];
  const seats = await db
    .selectFrom('admin_meeting_participants as p')
    .innerJoin('people as u', 'u.id', 'p.person_id')
    .select(['p.meeting_id', 'p.person_id', 'p.role', 'u.name'])
    .where('p.org_id', '=', orgId)
    .where(
      'p.meeting_id',
      'in',
      agreements.map((a) => a.id),
    )
    .execute();
  const out = new Map<string, Counterpart>();
  for (const a of agreements) {
    const here = seats.filter((s) => s.meeting_id === a.id);
    if (mySeat && !here.some((s) => s.person_id === personId && mySeat.includes(s.role))) continue;
    const { namesMayBeUsed } = termsOf(JSON.parse(a.content) as MeetingAgreementContent);
    for (const s of here) {
      if (s.person_id === personId || !roles.includes(s.role) || out.has(s.person_id)) continue;
      out.set(s.person_id, { personId: s.person_id, name: s.name, namesMayBeUsed, meetingId: a.id });
    }
  }
  return [...out.values()];
}

/**
 * The administrators (participants whose meeting role is principal or assistant_principal) who
 * took part with this coach in a meeting whose agreement is fully signed, each with
 * namesMayBeUsed from the newest such agreement.
 */
export function administratorsAgreedWith(db: DB, orgId: string, coachId: string): Promise<Counterpart[]> {
  return counterparts(db, orgId, coachId, null, ADMIN_ROLES);
}

/** The reverse: the coaches (meeting role coach) an administrator (seated as principal or assistant principal) agreed with, same shape. */
export function coachesAgreedWith(db: DB, orgId: string, adminId: string): Promise<Counterpart[]> {
  return counterparts(db, orgId, adminId, ADMIN_ROLES, ['coach']);
}

/** Every fully signed agreement of a meeting the person took part in, newest first (their own "what we agreed"). */
export async function agreementsOf(db: DB, orgId: string, personId: string): Promise<AgreedTerms[]> {
  const rows = await signedWith(db, orgId, [personId]);
  return rows.map((r) => ({ meetingId: r.id, title: r.title, schoolYear: r.school_year, signedAt: r.signed_at!, ...termsOf(JSON.parse(r.content) as MeetingAgreementContent) }));
}
