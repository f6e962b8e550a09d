/**
 * The access log: one row for every read or export of coaching content, and
 * for every share and revocation. Append-only — this module only inserts, and
 * the database rejects UPDATE and DELETE on the table (see the migration).
 */
import type { AccessAction } from '../../../shared/src/domain';
import type { Actor } from '../platform/actor';
import type { Clock } from '../platform/clock';
import type { DB } from '../platform/db';
import { newId } from '../platform/ids';
import { decodeCursor, page } from '../platform/pagination';
import { arg, prepared } from '../platform/prepared';

export interface AccessEntry {
  subjectId: string;
  partnershipId: string;
  itemType: string;
  itemId: string | null;
  action: AccessAction;
  relation: string;
  /** Why access was allowed: "member", "share:<id>". */
  basis: string;
}

type S = string;
const insertOne = prepared<[S, S, S, S, S, S, S, S, S | null, S, S], never>((db) =>
  db.insertInto('access_log').values({
    id: arg<S>(0), org_id: arg<S>(1), at: arg<S>(2), actor_id: arg<S>(3), relation: arg<S>(4), subject_id: arg<S>(5),
    partnership_id: arg<S>(6), item_type: arg<S>(7), item_id: arg<S | null>(8), action: arg<S>(9), basis: arg<S>(10),
  }),
);

export async function recordAccess(db: DB, clock: Clock, actor: Actor, entries: AccessEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const at = clock.now().toISOString();
  if (entries.length === 1) {
    // The common case (one item read) takes the build-once path.
    const e = entries[0];
    await insertOne(db, newId(), actor.orgId, at, actor.personId, e.relation, e.subjectId, e.partnershipId, e.itemType, e.itemId, e.action, e.basis);
    return;
  }
  await db
    .insertInto('access_log')
    .values(
      entries.map((e) => ({
        id: newId(),
        org_id: actor.orgId,
        at,
        actor_id: actor.personId,
        relation: e.relation,
        subject_id: e.subjectId,
        partnership_id: e.partnershipId,
        item_type: e.itemType,
        item_id: e.itemId,
        action: e.action,
        basis: e.basis,
      })),
    )
    .execute();
}

/** The subject's own log: "who saw what, when". Only ever the actor's own. */
export async function listAccessFor(
  db: DB,
  actor: Actor,
  opts: { limit: number; cursor?: string; includeOwn: boolean },
) {
  const after = decodeCursor(opts.cursor);
  let q = db
    .selectFrom('access_log as l')
    .innerJoin('people as p', 'p.id', 'l.actor_id')
    .select(['l.id', 'l.at', 'l.actor_id', 'p.name as actor_name', 'l.relation', 'l.action', 'l.item_type', 'l.item_id', 'l.partnership_id', 'l.basis'])
    .where('l.org_id', '=', actor.orgId)
    .where('l.subject_id', '=', actor.personId);
  if (!opts.includeOwn) {
    q = q.where((eb) => eb.or([eb('l.actor_id', '!=', actor.personId), eb('l.action', 'in', ['share', 'revoke'])]));
  }
  if (after) q = q.where((eb) => eb.or([eb('l.at', '<', after[0]), eb.and([eb('l.at', '=', after[0]), eb('l.id', '<', after[1])])]));
  const rows = await q.orderBy('l.at', 'desc').orderBy('l.id', 'desc').limit(opts.limit + 1).execute();
  const result = page(rows, opts.limit, (r) => [r.at, r.id]);
  return {
    nextCursor: result.nextCursor,
    items: result.items.map((r) => ({
      id: r.id,
      at: r.at,
      actorId: r.actor_id,
      actorName: r.actor_id === actor.personId ? `${r.actor_name} (you)` : r.actor_name,
      relation: r.relation,
      action: r.action as AccessAction,
      itemType: r.item_type,
      itemId: r.item_id,
      partnershipId: r.partnership_id,
      basis: r.basis.startsWith('share:') ? 'you shared it' : r.basis === 'member' ? 'member of the partnership' : r.basis,
    })),
  };
}
