/** Sharing and the access log: the coachee's controls over their own coaching content. */
import { z } from 'zod';
import { AccessEvent, AccessLogQuery, CreateShareBody, IdParams, PageQuery, Share, SharedItem, pageOf } from '../../../shared/src/api';
import type { ContentKind } from '../../../shared/src/domain';
import type { Actor } from '../platform/actor';
import type { Clock } from '../platform/clock';
import type { ExpressionBuilder } from 'kysely';
import type { DB } from '../platform/db';
import type { Database } from '../platform/tables';
import { type App, type Services, actorOf } from '../platform/http';
import { decodeCursor, page } from '../platform/pagination';
import { listAccessFor } from './access-log';
import { CATEGORY_OF, type ContentRef, decideAccess, logReads } from './content';
import { createShare, listShares, revokeShare } from './shares';

export default async function privacyRoutes(app: App, s: Services) {
  const { db, clock } = s;

  app.get('/api/partnerships/:id/shares', { config: { matrix: 'share.list' }, schema: { tags: ['privacy'], summary: 'What you have shared from this partnership (coachee only)', params: IdParams, response: { 200: z.object({ items: z.array(Share) }) } } }, async (request) => {
    return { items: await listShares(db, clock, actorOf(request), request.params.id) };
  });

  app.post('/api/partnerships/:id/shares', { config: { matrix: 'share.create' }, schema: { tags: ['privacy'], summary: 'Share one item or a category of your coaching content with a named colleague', params: IdParams, body: CreateShareBody, response: { 201: Share } } }, async (request, reply) => {
    return reply.status(201).send(await createShare(db, clock, actorOf(request), request.params.id, request.body, s.mailer));
  });

  app.delete('/api/shares/:id', { config: { matrix: 'share.revoke' }, schema: { tags: ['privacy'], summary: 'Withdraw a share; it stops working on the next request', params: IdParams, response: { 200: Share } } }, async (request) => {
    return revokeShare(db, clock, actorOf(request), request.params.id, s.mailer);
  });

  app.get('/api/shared-with-me', { config: { matrix: 'share.read' }, schema: { tags: ['privacy'], summary: 'Coaching content colleagues have shared with you (each read is logged for them)', querystring: PageQuery, response: { 200: pageOf(SharedItem) } } }, async (request) => {
    const actor = actorOf(request);
    const { limit, cursor } = request.query;
    const after = decodeCursor(cursor);
    const candidates = await sharedCandidates(db, clock, actor);
    const ordered = candidates
      .sort((a, b) => (a.createdAt === b.createdAt ? (a.itemId < b.itemId ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1))
      .filter((c) => !after || c.createdAt < after[0] || (c.createdAt === after[0] && c.itemId < after[1]));
    const result = page(ordered, limit, (c) => [c.createdAt, c.itemId]);
    // decideAccess re-checks every item against membership and live shares before anything is returned.
    const refs: ContentRef[] = result.items.map((c) => ({ kind: c.itemType, id: c.itemId, partnershipId: c.partnershipId, subjectId: c.subjectId }));
    const decisions = await decideAccess(db, clock, actor, refs);
    await logReads(db, clock, actor, refs, decisions);
    return {
      items: result.items
        .filter((c) => decisions.has(c.itemId))
        .map((c) => ({ shareId: c.shareId, partnershipId: c.partnershipId, from: c.from, itemType: c.itemType, itemId: c.itemId, body: c.body, createdAt: c.createdAt, expiresAt: c.expiresAt })),
      nextCursor: result.nextCursor,
    };
  });

  app.get('/api/access-log', { config: { matrix: 'accessLog.read' }, schema: { tags: ['privacy'], summary: 'Who read your coaching content, and when (yours only)', querystring: AccessLogQuery, response: { 200: pageOf(AccessEvent) } } }, async (request) => {
    const { limit, cursor, includeOwn } = request.query;
    return listAccessFor(db, actorOf(request), { limit, cursor, includeOwn });
  });
}

interface Candidate {
  shareId: string;
  expiresAt: string | null;
  from: string;
  itemType: ContentKind;
  itemId: string;
  partnershipId: string;
  subjectId: string;
  body: string;
  createdAt: string;
}

/**
 * Everything live shares name the actor for: single items and whole categories
 * (notes, goals, celebrations), at most 1,000 of each kind, newest first.
 */
async function sharedCandidates(db: DB, clock: Clock, actor: Actor): Promise<Candidate[]> {
  const now = clock.now().toISOString();
  const shares = await db
    .selectFrom('shares as s')
    .innerJoin('people as g', 'g.id', 's.grantor_id')
    .select(['s.id', 's.partnership_id', 's.grantor_id', 's.item_type', 's.item_id', 's.category', 's.expires_at', 'g.name as from_name'])
    .where('s.org_id', '=', actor.orgId)
    .where('s.grantee_id', '=', actor.personId)
    .where('s.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('s.expires_at', 'is', null), eb('s.expires_at', '>', now)]))
    .limit(1000)
    .execute();
  if (shares.length === 0) return [];
  const coveredBy = (kind: ContentKind, row: { id: string; partnership_id: string; subject_id: string }) =>
    shares.find(
      (s) => s.partnership_id === row.partnership_id && s.grantor_id === row.subject_id && ((s.item_type === kind && s.item_id === row.id) || s.category === CATEGORY_OF[kind]),
    );
  const out: Candidate[] = [];
  for (const kind of Object.keys(SHARED_LOADERS) as Array<keyof typeof SHARED_LOADERS>) {
    const items = shares.filter((s) => s.item_type === kind && s.item_id).map((s) => s.item_id!);
    const categories = shares.filter((s) => s.category === CATEGORY_OF[kind]);
    if (!items.length && !categories.length) continue;
    // Items named by a share, or everything of the category about the coachee who shared it.
    const covered = (eb: ExpressionBuilder<Database, SharedTable>) =>
      eb.or([
        ...(items.length ? [eb('id', 'in', items)] : []),
        ...categories.map((c) => eb.and([eb('partnership_id', '=', c.partnership_id), eb('subject_id', '=', c.grantor_id)])),
      ]);
    for (const r of await SHARED_LOADERS[kind](db, actor.orgId, covered)) {
      const share = coveredBy(kind, r);
      if (share) out.push({ shareId: share.id, expiresAt: share.expires_at, from: share.from_name, itemType: kind, itemId: r.id, partnershipId: r.partnership_id, subjectId: r.subject_id, body: r.body, createdAt: r.created_at });
    }
  }
  return out;
}

type Loaded = { id: string; partnership_id: string; subject_id: string; body: string; created_at: string };
type SharedTable = 'notes' | 'goals' | 'celebrations' | 'strength_entries' | 'observation_plans' | 'reflections';
type Covered = (eb: ExpressionBuilder<Database, SharedTable>) => ReturnType<ExpressionBuilder<Database, 'notes'>['or']>;

/**
 * A loader for one shareable kind: the rows the shares cover, at most 1,000,
 * newest first, with the columns `body` needs to turn a row into display text.
 */
function loader<T extends SharedTable, C extends keyof Database[T] & string>(table: T, columns: C[], body: (row: Pick<Database[T], C>) => string) {
  return async (db: DB, orgId: string, covered: Covered): Promise<Loaded[]> => {
    const rows = (await db
      .selectFrom(table as SharedTable)
      .select(['id', 'partnership_id', 'subject_id', 'created_at', ...(columns as never[])])
      .where('org_id', '=', orgId)
      .where(covered as never)
      .orderBy('created_at', 'desc')
      .limit(1000)
      .execute()) as unknown as Array<Omit<Loaded, 'body'> & Pick<Database[T], C>>;
    return rows.map((r) => ({ id: r.id, partnership_id: r.partnership_id, subject_id: r.subject_id, created_at: r.created_at, body: body(r) }));
  };
}

/** How each shareable kind reads as display text in "shared with me". */
const SHARED_LOADERS: Record<'note' | 'goal' | 'celebration' | 'strength' | 'observation_plan' | 'reflection', (db: DB, orgId: string, covered: Covered) => Promise<Loaded[]>> = {
  note: loader('notes', ['body'], (r) => r.body),
  goal: loader('goals', ['title', 'success_looks_like', 'status'], (r) => `Goal: ${r.title}${r.success_looks_like ? `\nWhat success looks like: ${r.success_looks_like}` : ''}\nStatus: ${r.status.replace('_', ' ')}`),
  celebration: loader('celebrations', ['kind', 'text', 'happened_on'], (r) => `Celebration (${r.kind.replace('_', ' ')}, ${r.happened_on}): ${r.text}`),
  strength: loader('strength_entries', ['type', 'text'], (r) => `${r.type === 'strength' ? 'Strength' : 'Priority'}: ${r.text}`),
  observation_plan: loader('observation_plans', ['focus', 'look_for', 'data_form'], (r) => `Observation plan: ${r.focus}${r.look_for ? `\nWhat to look for: ${r.look_for}` : ''}\nData: ${(JSON.parse(r.data_form) as { fields: string[] }).fields.join(', ')}`),
  reflection: loader('reflections', ['answers'], (r) => (JSON.parse(r.answers) as Array<{ prompt: string; answer: string }>).map((a) => `${a.prompt}\n${a.answer}`).join('\n\n')),
};
