/**
 * How an actor relates to a partnership. Every lookup starts with the tenant:
 * a partnership of another organization is simply not found.
 */
import { sql } from 'kysely';
import type { Format, MemberRole, PartnershipStatus } from '../../../shared/src/domain';
import { SUBJECT_ROLES } from '../../../shared/src/domain';
import type { Actor } from '../platform/actor';
import type { Clock } from '../platform/clock';
import type { DB } from '../platform/db';
import { sha256 } from '../platform/ids';
import { type SessionLookup, type SessionPolicy, type SessionRow, resolveSession, sessionJoined } from '../platform/sessions';
import { arg, prepared } from '../platform/prepared';
import type { Database } from '../platform/tables';
import type { PersonFacts } from './policy';

export type Relation = 'subject' | 'coach' | 'mentor' | 'supervisor' | 'leader';

export interface MemberRow {
  personId: string;
  name: string;
  role: MemberRole;
  state: 'invited' | 'accepted' | 'declined';
}

export interface PartnershipContext {
  actor: Actor;
  partnership: Database['partnerships'] & { format: Format; status: PartnershipStatus };
  members: MemberRow[];
  /** The actor's own member row, if any. */
  membership: MemberRow | null;
  /** Subjects (coachee, peers, self-coach) the actor supervises. */
  supervisedSubjects: string[];
  relations: Set<Relation>;
  /** The actor is an accepted member and has not signed the current agreement version. */
  mySignatureNeeded: boolean;
}

export const isSubjectRole = (role: MemberRole) => SUBJECT_ROLES.includes(role);

const withMembers = (db: DB, orgId: string) =>
  db
    .selectFrom('partnerships as pa')
    .innerJoin('partnership_members as m', 'm.partnership_id', 'pa.id')
    .innerJoin('people as pe', 'pe.id', 'm.person_id')
    .selectAll('pa')
    .select(['m.person_id', 'm.role as member_role', 'm.state as member_state', 'pe.name as member_name'])
    .where('pa.org_id', '=', orgId)
    .orderBy('m.role')
    .orderBy('pe.name');

type JoinedRow = Database['partnerships'] & { person_id: string; member_role: string; member_state: string; member_name: string };
// One partnership (every page of a partnership starts here): built once, see platform/prepared.ts.
const partnershipWithMembers = prepared<[string, string], JoinedRow>((db) => withMembers(db, arg(0)).where('pa.id', '=', arg(1)));
const partnershipsWithMembers = (db: DB, orgId: string, ids: string[]) => withMembers(db, orgId).where('pa.id', 'in', ids).execute();

/**
 * Loads partnerships of the actor's organization with their members and the
 * actor's relations, for a set of ids at once (one round of queries, any size).
 * Ids from other organizations come back absent.
 */
export async function loadContexts(db: DB, actor: Actor, ids: string[]): Promise<Map<string, PartnershipContext>> {
  if (ids.length === 1) {
    // Read in the same statement as the session at the start of this request (see loadSessionAndPartnership).
    const early = takePrefetched(actor, ids[0]);
    if (early) return new Map([[ids[0], early]]);
  }
  const out = new Map<string, PartnershipContext>();
  if (ids.length === 0) return out;
  // One round trip for the partnerships and their members (every partnership has at least its creator).
  const joined = ids.length === 1 ? await partnershipWithMembers(db, actor.orgId, ids[0]) : await partnershipsWithMembers(db, actor.orgId, ids);
  if (joined.length === 0) return out;
  const rows = [...new Map(joined.map(({ person_id, member_role, member_state, member_name, ...p }) => [p.id, p])).values()];
  const members = joined.map((j) => ({ partnership_id: j.id, person_id: j.person_id, role: j.member_role, state: j.member_state, name: j.member_name }));
  const subjectIds = [...new Set(members.filter((m) => isSubjectRole(m.role as MemberRole)).map((m) => m.person_id))];
  const supervised = new Set(
    subjectIds.length && actor.roles.has('supervisor')
      ? (
          await db
            .selectFrom('supervision_links')
            .select('supervisee_id')
            .where('org_id', '=', actor.orgId)
            .where('supervisor_id', '=', actor.personId)
            .where('supervisee_id', 'in', subjectIds)
            .execute()
        ).map((r) => r.supervisee_id)
      : [],
  );
  // Only partnerships still waiting for signatures can need mine; signed ones (the common case) cost nothing.
  const waiting = rows.filter(
    (r) => r.current_agreement_version > r.agreement_signed_version && members.some((m) => m.partnership_id === r.id && m.person_id === actor.personId && m.state === 'accepted'),
  );
  const signed = new Set(
    waiting.length
      ? (
          await db
            .selectFrom('agreement_signatures')
            .select(['partnership_id', 'version'])
            .where('person_id', '=', actor.personId)
            .where('partnership_id', 'in', waiting.map((r) => r.id))
            .execute()
        ).map((s) => `${s.partnership_id}:${s.version}`)
      : [],
  );
  for (const row of rows) {
    const list = members.filter((m) => m.partnership_id === row.id);
    out.set(row.id, buildContext(actor, row, list, supervised, waiting.includes(row) && !signed.has(`${row.id}:${row.current_agreement_version}`)));
  }
  return out;
}

/** A partnership's context from its row, its members, which of them the actor supervises, and whether the actor's signature is needed. */
function buildContext(actor: Actor, row: Database['partnerships'], members: Array<{ person_id: string; role: string; state: string; name: string }>, supervised: ReadonlySet<string>, mySignatureNeeded: boolean): PartnershipContext {
  const list: MemberRow[] = members.map((m) => ({ personId: m.person_id, name: m.name, role: m.role as MemberRole, state: m.state as MemberRow['state'] }));
  const membership = list.find((m) => m.personId === actor.personId) ?? null;
  const supervisedSubjects = actor.roles.has('supervisor') ? list.filter((m) => isSubjectRole(m.role) && supervised.has(m.personId)).map((m) => m.personId) : [];
  const relations = new Set<Relation>();
  if (membership && membership.state !== 'declined') {
    if (isSubjectRole(membership.role)) relations.add('subject');
    if (membership.role === 'coach' || membership.role === 'peer') relations.add('coach');
    if (membership.role === 'mentor') relations.add('mentor');
  }
  if (supervisedSubjects.length) relations.add('supervisor');
  if (actor.roles.has('leader')) relations.add('leader');
  return { actor, partnership: row as PartnershipContext['partnership'], members: list, membership, supervisedSubjects, relations, mySignatureNeeded };
}

// ---------- the hot read: session and partnership in one statement (issue 13, item 1) ----------

/**
 * Contexts read with the session at the start of a request, kept for the request's first
 * loadContext of that partnership and then dropped: a route that changes the partnership and
 * reads it again gets a fresh read. Keyed by the actor, which lives as long as its request.
 */
const prefetched = new WeakMap<Actor, { id: string; ctx: PartnershipContext | null }>();
function takePrefetched(actor: Actor, id: string): PartnershipContext | null | undefined {
  const hit = prefetched.get(actor);
  if (!hit || hit.id !== id) return undefined;
  prefetched.delete(actor);
  // null: read and not found (another organization's, or no such id) — loadContext answers null too.
  return hit.ctx ?? undefined;
}

const PARTNERSHIP_COLUMNS = ['id', 'org_id', 'format', 'status', 'origin', 'created_by', 'created_at', 'status_changed_at', 'dual_role', 'dual_role_acknowledged_at', 'meeting_cadence', 'coverage_needs', 'review_on', 'current_agreement_version', 'agreement_signed_version'] as const satisfies ReadonlyArray<keyof Database['partnerships']>;
type HotRow = SessionRow & { [K in (typeof PARTNERSHIP_COLUMNS)[number] as `pa_${K}`]: Database['partnerships'][K] | null } & {
  m_person_id: string | null;
  m_role: string | null;
  m_state: string | null;
  m_name: string | null;
  /** 1 when the actor supervises this member. */
  m_supervised: number | null;
  /** 1 when the actor signed the current agreement version. */
  my_signature: number | null;
};

/**
 * The session, its person and roles, one partnership of the person's organization, its members
 * with their names, which of them the person supervises and whether the person signed the
 * current agreement: one statement, built once, one row per member (one row with empty
 * partnership columns when the partnership is not found).
 */
const sessionAndPartnership = prepared<[string, string], HotRow>((db) =>
  sessionJoined(db)
    // By its primary key, then checked against the reader's organization. Written as an expression so
    // PostgreSQL's generic plan cannot walk the organization's list index (org_id, created_at, id)
    // instead: that read every partnership of the organization, 60 µs at 1,000 and growing.
    .leftJoin('partnerships as pa', (j) => j.on('pa.id', '=', arg(1)).on(sql<string>`pa.org_id || ''`, '=', sql.ref('p.org_id')))
    .leftJoin('partnership_members as m', 'm.partnership_id', 'pa.id')
    .leftJoin('people as mp', 'mp.id', 'm.person_id')
    .select(PARTNERSHIP_COLUMNS.map((c) => `pa.${c} as pa_${c}` as const))
    .select(['m.person_id as m_person_id', 'm.role as m_role', 'm.state as m_state', 'mp.name as m_name'])
    .select((eb) =>
      eb
        .selectFrom('supervision_links as sl')
        .select(eb.lit(1).as('one'))
        .whereRef('sl.org_id', '=', 'p.org_id')
        .whereRef('sl.supervisor_id', '=', 's.person_id')
        .whereRef('sl.supervisee_id', '=', 'm.person_id')
        .limit(1)
        .as('m_supervised'),
    )
    .select((eb) =>
      eb
        .selectFrom('agreement_signatures as sg')
        .select(eb.lit(1).as('one'))
        .whereRef('sg.partnership_id', '=', 'pa.id')
        .whereRef('sg.person_id', '=', 's.person_id')
        .whereRef('sg.version', '=', 'pa.current_agreement_version')
        .limit(1)
        .as('my_signature'),
    )
    .where('s.token_hash', '=', arg(0))
    .orderBy('m.role')
    .orderBy('mp.name'),
);

/** `/api/partnerships/<id>` and everything under it: the partnership a request is about, if any. */
const PARTNERSHIP_URL = /^\/api\/partnerships\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:[/?]|$)/;
export const partnershipOfUrl = (url: string): string | null => PARTNERSHIP_URL.exec(url)?.[1] ?? null;

/**
 * A request about one partnership resolves its session and reads the partnership in the same
 * round trip; the route's loadContext then finds it read. Same answers as lookupSession followed
 * by loadContext, one statement instead of two to four.
 */
export async function loadSessionAndPartnership(db: DB, clock: Clock, policy: SessionPolicy, token: string, partnershipId: string): Promise<SessionLookup> {
  const hash = sha256(token);
  const rows = await sessionAndPartnership(db, hash, partnershipId);
  const found = await resolveSession(db, clock, policy, hash, rows[0]);
  if (!found || !('actor' in found)) return found;
  const actor = found.actor;
  const first = rows[0]!;
  if (first.pa_id === null) {
    prefetched.set(actor, { id: partnershipId, ctx: null });
    return found;
  }
  const row = Object.fromEntries(PARTNERSHIP_COLUMNS.map((c) => [c, first[`pa_${c}`]])) as Database['partnerships'];
  const members = rows.filter((r) => r.m_person_id !== null).map((r) => ({ person_id: r.m_person_id!, role: r.m_role!, state: r.m_state!, name: r.m_name! }));
  const supervised = new Set(rows.filter((r) => r.m_supervised !== null && Number(r.m_supervised) === 1).map((r) => r.m_person_id!));
  const accepted = members.some((m) => m.person_id === actor.personId && m.state === 'accepted');
  const mySignatureNeeded = Number(row.current_agreement_version) > Number(row.agreement_signed_version) && accepted && !(first.my_signature !== null && Number(first.my_signature) === 1);
  prefetched.set(actor, { id: partnershipId, ctx: buildContext(actor, row, members, supervised, mySignatureNeeded) });
  return found;
}

export async function loadContext(db: DB, actor: Actor, id: string): Promise<PartnershipContext | null> {
  return (await loadContexts(db, actor, [id])).get(id) ?? null;
}

/**
 * The scoped reader for partnership lists: partnerships of the actor's
 * organization that the actor is a member of, supervises a coachee in, or —
 * for program leaders — all of them (existence and logistics only; content
 * access is decided per item by the policy).
 */
export function partnershipsVisibleTo(db: DB, actor: Actor) {
  const inOrganization = db.selectFrom('partnerships as p').selectAll('p').where('p.org_id', '=', actor.orgId);
  if (actor.roles.has('leader')) return inOrganization;
  return inOrganization.where((eb) => {
      const visible = [
        eb.exists(
          eb
            .selectFrom('partnership_members as m')
            .select('m.person_id')
            .whereRef('m.partnership_id', '=', 'p.id')
            .where('m.person_id', '=', actor.personId)
            .where('m.state', '!=', 'declined'),
        ),
      ];
      if (actor.roles.has('supervisor')) {
        visible.push(
          eb.exists(
            eb
              .selectFrom('partnership_members as m')
              .innerJoin('supervision_links as s', 's.supervisee_id', 'm.person_id')
              .select('m.person_id')
              .whereRef('m.partnership_id', '=', 'p.id')
              .where('m.role', 'in', [...SUBJECT_ROLES])
              .where('s.supervisor_id', '=', actor.personId),
          ),
        );
      }
      return eb.or(visible);
    });
}

/**
 * Whose content a new item is: the coachee asked for, or by default the only
 * coachee, or the actor in a peer partnership. Null when that is not an accepted
 * coachee (peer, self-coach) of this partnership.
 */
export function chooseSubject(ctx: PartnershipContext, requested?: string): string | null {
  const subjects = ctx.members.filter((m) => isSubjectRole(m.role) && m.state === 'accepted');
  const id = requested ?? (subjects.length === 1 ? subjects[0].personId : subjects.find((m) => m.personId === ctx.actor.personId)?.personId);
  return id && subjects.some((m) => m.personId === id) ? id : null;
}

/** The actor's partnership seats in their organization, any partnership and any state: the facts person-level rules read (policy.ts). */
export async function loadPersonFacts(db: DB, actor: Pick<Actor, 'orgId' | 'personId' | 'roles'>): Promise<PersonFacts> {
  const rows = await db
    .selectFrom('partnership_members')
    .select(['role', 'state'])
    .distinct()
    .where('org_id', '=', actor.orgId)
    .where('person_id', '=', actor.personId)
    .execute();
  return { roles: actor.roles, memberships: rows.map((r) => ({ role: r.role as MemberRole, state: r.state as MemberRow['state'] })) };
}
