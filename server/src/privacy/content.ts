/**
 * Reading coaching content. Every kind of content is read through
 * decideAccess(), which allows exactly three bases: accepted membership of the
 * partnership; a live share from the coachee the content is about; or, for a
 * concern only, being the supervisor it was raised with after the coach
 * recorded talking it over with the coachee (the coachee sees that escalation
 * and every read of it). Every allowed read is logged.
 */
import type { AccessAction, ContentKind } from '../../../shared/src/domain';
import type { Actor } from '../platform/actor';
import type { Clock } from '../platform/clock';
import type { DB } from '../platform/db';
import { notFound } from '../platform/errors';
import { recordAccess } from './access-log';
import { categoryOf } from './kinds';
import { relationLabel } from './policy';
import { isSubjectRole, loadContexts, type PartnershipContext } from './relations';

export interface ContentRef {
  kind: ContentKind;
  id: string;
  partnershipId: string;
  /** The coachee whose content this is. */
  subjectId: string;
}

export interface Decision {
  basis: string;
  relation: string;
  ctx: PartnershipContext | null;
}

/**
 * Decides, for a set of content items, which the actor may read and why.
 * Items absent from the result are denied (callers answer 404).
 */
export async function decideAccess(db: DB, clock: Clock, actor: Actor, refs: ContentRef[]): Promise<Map<string, Decision>> {
  const out = new Map<string, Decision>();
  if (refs.length === 0) return out;
  const contexts = await loadContexts(db, actor, [...new Set(refs.map((r) => r.partnershipId))]);
  const pending: ContentRef[] = [];
  for (const ref of refs) {
    const ctx = contexts.get(ref.partnershipId);
    if (!ctx) continue; // other organization or missing
    if (ctx.membership?.state === 'accepted') out.set(ref.id, { basis: 'member', relation: relationLabel(ctx), ctx });
    else pending.push(ref);
  }
  if (pending.length === 0) return out;
  const concerns = pending.filter((r) => r.kind === 'concern');
  if (concerns.length) {
    const raised = await db
      .selectFrom('concerns')
      .select('id')
      .where('org_id', '=', actor.orgId)
      .where('id', 'in', concerns.map((r) => r.id))
      .where('escalated_to', '=', actor.personId)
      .where('discussion_recorded_at', 'is not', null)
      .execute();
    for (const r of raised) out.set(r.id, { basis: `escalation:${r.id}`, relation: 'supervisor (concern raised with you)', ctx: null });
  }
  const shares = await liveSharesFor(db, clock, actor, pending);
  for (const ref of pending) {
    if (out.has(ref.id)) continue;
    const share = shares.find(
      (s) =>
        s.grantor_id === ref.subjectId &&
        s.partnership_id === ref.partnershipId &&
        ((s.item_type === ref.kind && s.item_id === ref.id) || (s.category !== null && s.category === categoryOf(ref.kind))),
    );
    if (share) out.set(ref.id, { basis: `share:${share.id}`, relation: contexts.get(ref.partnershipId)!.relations.has('supervisor') ? 'supervisor (shared with you)' : 'shared with you', ctx: contexts.get(ref.partnershipId) ?? null });
  }
  return out;
}

/** Live (not revoked, not expired) shares naming the actor that cover any of the refs. */
async function liveSharesFor(db: DB, clock: Clock, actor: Actor, refs: ContentRef[]) {
  const now = clock.now().toISOString();
  return db
    .selectFrom('shares')
    .select(['id', 'grantor_id', 'partnership_id', 'item_type', 'item_id', 'category'])
    .where('org_id', '=', actor.orgId)
    .where('grantee_id', '=', actor.personId)
    .where('partnership_id', 'in', [...new Set(refs.map((r) => r.partnershipId))])
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .execute();
}

/** Appends one access-log row per item read. */
export async function logReads(
  db: DB,
  clock: Clock,
  actor: Actor,
  refs: ContentRef[],
  decisions: Map<string, Decision>,
  action: AccessAction = 'view',
): Promise<void> {
  await recordAccess(
    db,
    clock,
    actor,
    refs
      .filter((r) => decisions.has(r.id))
      .map((r) => {
        const d = decisions.get(r.id)!;
        return { subjectId: r.subjectId, partnershipId: r.partnershipId, itemType: r.kind, itemId: r.id, action, relation: d.relation, basis: d.basis };
      }),
  );
}

/**
 * Reads one item of coaching content: the decision if the actor may read it
 * (the read is logged), otherwise the same "not found" as a missing id.
 */
export async function readOne(db: DB, clock: Clock, actor: Actor, ref: ContentRef | undefined, action: AccessAction = 'view'): Promise<Decision> {
  if (!ref) throw notFound();
  const decisions = await decideAccess(db, clock, actor, [ref]);
  const decision = decisions.get(ref.id);
  if (!decision) throw notFound();
  await logReads(db, clock, actor, [ref], decisions, action);
  return decision;
}

/**
 * Reads many items of coaching content: keeps the rows the actor may read, in
 * order, and logs one read for each. Rows they may not read are left out.
 */
export async function readMany<R>(db: DB, clock: Clock, actor: Actor, rows: R[], toRef: (row: R) => ContentRef): Promise<R[]> {
  const refs = rows.map(toRef);
  const decisions = await decideAccess(db, clock, actor, refs);
  await logReads(db, clock, actor, refs, decisions);
  return rows.filter((_, i) => decisions.has(refs[i].id));
}

/**
 * Reads a linked item (the goal a celebration, plan or reflection is tied to)
 * only if the actor may read it in its own right; that read is logged. Members
 * of the partnership always may; a person the coachee shared the celebration
 * with sees the goal's title only if the goal was shared with them too.
 */
export async function readLinked(db: DB, clock: Clock, actor: Actor, ref: ContentRef | null): Promise<boolean> {
  if (!ref) return false;
  const decisions = await decideAccess(db, clock, actor, [ref]);
  if (!decisions.has(ref.id)) return false;
  await logReads(db, clock, actor, [ref], decisions);
  return true;
}

/** One item read inside a partnership context that is already loaded. subjectId null: it concerns every coachee of the partnership. */
export interface MemberRead {
  kind: ContentKind;
  id: string;
  subjectId: string | null;
}

/**
 * The read path for content shown inside a partnership the actor belongs to
 * (session agendas, the agreement, the profile, Home, the answer to a write):
 * no second load of the context, one row per item and coachee it concerns.
 * Nothing is logged, and nothing may be shown, unless the actor is an accepted member.
 */
export async function logMemberReads(db: DB, clock: Clock, ctx: PartnershipContext, items: MemberRead[], action: AccessAction = 'view'): Promise<boolean> {
  if (ctx.membership?.state !== 'accepted' || ctx.partnership.org_id !== ctx.actor.orgId) return false;
  const subjects = ctx.members.filter((m) => isSubjectRole(m.role) && m.state !== 'declined').map((m) => m.personId);
  const relation = relationLabel(ctx);
  await recordAccess(
    db,
    clock,
    ctx.actor,
    items.flatMap((item) =>
      (item.subjectId ? [item.subjectId] : subjects).map((subjectId) => ({ subjectId, partnershipId: ctx.partnership.id, itemType: item.kind, itemId: item.id, action, relation, basis: 'member' })),
    ),
  );
  return true;
}

/**
 * The supervisor of a coachee reading the supervisor's commitments of an agreement version (the
 * part they sign, issue 12): logged for every coachee they supervise here, so she sees it in her
 * access log like any other read of the agreement. Nothing is logged for anyone else (members
 * are logged by logMemberReads; a program leader is shown no commitments).
 */
export async function logSupervisorCommitmentsRead(db: DB, clock: Clock, ctx: PartnershipContext, version: number): Promise<boolean> {
  if (ctx.membership?.state === 'accepted' || !ctx.relations.has('supervisor') || ctx.partnership.org_id !== ctx.actor.orgId) return false;
  await recordAccess(
    db,
    clock,
    ctx.actor,
    ctx.supervisedSubjects.map((subjectId) => ({ subjectId, partnershipId: ctx.partnership.id, itemType: 'agreement', itemId: String(version), action: 'view', relation: 'supervisor', basis: 'supervisor-commitments' })),
  );
  return true;
}
