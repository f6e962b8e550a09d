/**
 * How an actor relates to a partnership. Every lookup starts with the tenant:
 * a partnership of another organization is simply not found.
 */
import type { Format, MemberRole, PartnershipStatus } from '../../../shared/src/domain';
import { SUBJECT_ROLES } from '../../../shared/src/domain';
import type { Actor } from '../platform/actor';
import type { DB } from '../platform/db';
import type { Database } from '../platform/tables';

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

/**
 * Loads partnerships of the actor's organization with their members and the
 * actor's relations, for a set of ids at once (one round of queries, any size).
 * Ids from other organizations come back absent.
 */
export async function loadContexts(db: DB, actor: Actor, ids: string[]): Promise<Map<string, PartnershipContext>> {
  const out = new Map<string, PartnershipContext>();
  if (ids.length === 0) return out;
  const rows = await db.selectFrom('partnerships').selectAll().where('org_id', '=', actor.orgId).where('id', 'in', ids).execute();
  if (rows.length === 0) return out;
  const found = rows.map((r) => r.id);
  const members = await db
    .selectFrom('partnership_members as m')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .select(['m.partnership_id', 'm.person_id', 'm.role', 'm.state', 'p.name'])
    .where('m.org_id', '=', actor.orgId)
    .where('m.partnership_id', 'in', found)
    .orderBy('m.role')
    .orderBy('p.name')
    .execute();
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
    const list: MemberRow[] = members
      .filter((m) => m.partnership_id === row.id)
      .map((m) => ({ personId: m.person_id, name: m.name, role: m.role as MemberRole, state: m.state as MemberRow['state'] }));
    const membership = list.find((m) => m.personId === actor.personId) ?? null;
    const supervisedSubjects = list.filter((m) => isSubjectRole(m.role) && supervised.has(m.personId)).map((m) => m.personId);
    const relations = new Set<Relation>();
    if (membership && membership.state !== 'declined') {
      if (isSubjectRole(membership.role)) relations.add('subject');
      if (membership.role === 'coach' || membership.role === 'peer') relations.add('coach');
      if (membership.role === 'mentor') relations.add('mentor');
    }
    if (supervisedSubjects.length) relations.add('supervisor');
    if (actor.roles.has('leader')) relations.add('leader');
    out.set(row.id, {
      actor,
      partnership: row as PartnershipContext['partnership'],
      members: list,
      membership,
      supervisedSubjects,
      relations,
      mySignatureNeeded: waiting.includes(row) && !signed.has(`${row.id}:${row.current_agreement_version}`),
    });
  }
  return out;
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
