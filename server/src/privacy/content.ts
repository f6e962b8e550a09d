/**
 * Reading coaching content. Every kind of content is read through
 * decideAccess(), which allows exactly three bases: accepted membership of the
 * partnership; a live share from the coachee the content is about; or, for a
 * concern only, being the supervisor it was raised with after the coach
 * recorded talking it over with the coachee (the coachee sees that escalation
 * and every read of it). Every allowed read is logged.
 */
import type { AccessAction, ContentKind, ShareCategory } from '../../../shared/src/domain';
import type { Actor } from '../platform/actor';
import type { Clock } from '../platform/clock';
import type { DB } from '../platform/db';
import { notFound } from '../platform/errors';
import { recordAccess } from './access-log';
import { relationLabel } from './policy';
import { loadContexts, type PartnershipContext } from './relations';

export interface ContentRef {
  kind: ContentKind;
  id: string;
  partnershipId: string;
  /** The coachee whose content this is. */
  subjectId: string;
}

/** The category each content kind falls under when a coachee shares a whole category. */
export const CATEGORY_OF: Partial<Record<ContentKind, ShareCategory>> = {
  note: 'notes',
  goal: 'goals',
  celebration: 'celebrations',
  strength: 'strengths',
  observation_plan: 'observation_plans',
  reflection: 'reflections',
};

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
        ((s.item_type === ref.kind && s.item_id === ref.id) || (s.category !== null && s.category === CATEGORY_OF[ref.kind])),
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
