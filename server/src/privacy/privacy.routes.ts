/** Sharing and the access log: the coachee's controls over their own coaching content. */
import { z } from 'zod';
import { AccessEvent, AccessLogQuery, CreateShareBody, IdParams, PageQuery, Share, SharedItem, SharedItemParams, SharedItemText, pageOf } from '../../../shared/src/api';
import type { ContentKind, ShareCategory } from '../../../shared/src/domain';
import { format } from '../../../shared/src/i18n-format';
import type { Actor } from '../platform/actor';
import type { Clock } from '../platform/clock';
import type { DB } from '../platform/db';
import { notFound } from '../platform/errors';
import { type App, type Services, actorOf } from '../platform/http';
import { decodeCursor, page } from '../platform/pagination';
import { listAccessFor } from './access-log';
import { readOne } from './content';
import { ITEM_SHAREABLE, KINDS, kindsIn, titlesOf } from './kinds';
import { createShare, listShares, revokeShare } from './shares';
import { receiptMessages } from './messages';

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

  app.get('/api/shared-with-me', { config: { matrix: 'share.read' }, schema: { tags: ['privacy'], summary: 'Titles of the coaching content colleagues have shared with you; nothing is read until you open an item', querystring: PageQuery, response: { 200: pageOf(SharedItem) } } }, async (request) => {
    const actor = actorOf(request);
    const { limit, cursor } = request.query;
    const after = decodeCursor(cursor);
    const candidates = await sharedCandidates(db, clock, actor);
    const ordered = candidates
      .sort((a, b) => (a.createdAt === b.createdAt ? (a.itemId < b.itemId ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1))
      .filter((c) => !after || c.createdAt < after[0] || (c.createdAt === after[0] && c.itemId < after[1]));
    const result = page(ordered, limit, (c) => [c.createdAt, c.itemId]);
    const titles = await titlesOf(db, actor.orgId, result.items.map((c) => ({ kind: c.itemType, id: c.itemId })), actor.language);
    return {
      items: result.items.map((c) => ({ shareId: c.shareId, partnershipId: c.partnershipId, from: c.from, itemType: c.itemType, itemId: c.itemId, title: titles.get(`${c.itemType}:${c.itemId}`) ?? format(actor.language, receiptMessages, `oneOf_${c.itemType}`), createdAt: c.createdAt, expiresAt: c.expiresAt })),
      nextCursor: result.nextCursor,
    };
  });

  app.get('/api/shared-with-me/:shareId/:itemId', { config: { matrix: 'share.read' }, schema: { tags: ['privacy'], summary: 'Open one item shared with you: its whole text (the read is logged for the coachee)', params: SharedItemParams, response: { 200: SharedItemText } } }, async (request) => {
    const actor = actorOf(request);
    const share = await db
      .selectFrom('shares as s')
      .innerJoin('people as g', 'g.id', 's.grantor_id')
      .select(['s.id', 's.partnership_id', 's.grantor_id', 's.item_type', 's.item_id', 's.category', 's.expires_at', 'g.name as from_name'])
      .where('s.org_id', '=', actor.orgId)
      .where('s.id', '=', request.params.shareId)
      .where('s.grantee_id', '=', actor.personId)
      .executeTakeFirst();
    const kind = share?.category ? kindsIn(share.category as ShareCategory)[0] : (share?.item_type as ContentKind | undefined);
    if (!share || !kind || (share.item_id && share.item_id !== request.params.itemId)) throw notFound();
    const item = await KINDS[kind].text?.(db, actor.orgId, share.partnership_id, request.params.itemId, actor.language);
    // decideAccess re-checks the share (live, from this coachee, covering this item) before anything is returned.
    await readOne(db, clock, actor, item ? { kind, id: request.params.itemId, partnershipId: share.partnership_id, subjectId: item.subjectId } : undefined);
    return { shareId: share.id, partnershipId: share.partnership_id, from: share.from_name, itemType: kind, itemId: request.params.itemId, title: item!.title, body: item!.body, createdAt: item!.createdAt, expiresAt: share.expires_at };
  });

  app.get('/api/access-log', { config: { matrix: 'accessLog.read' }, schema: { tags: ['privacy'], summary: 'Who read your coaching content, and when (yours only)', querystring: AccessLogQuery, response: { 200: pageOf(AccessEvent) } } }, async (request) => {
    return listAccessFor(db, actorOf(request), request.query);
  });
}

interface Candidate {
  shareId: string;
  expiresAt: string | null;
  from: string;
  itemType: ContentKind;
  itemId: string;
  partnershipId: string;
  createdAt: string;
}

/**
 * Everything live shares name the actor for: single items and whole
 * categories, at most 1,000 of each kind, newest first. Ids and dates only:
 * the list shows titles, and an item is read when it is opened.
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
  const out: Candidate[] = [];
  for (const kind of ITEM_SHAREABLE) {
    const info = KINDS[kind];
    const items = shares.filter((s) => s.item_type === kind && s.item_id);
    const categories = shares.filter((s) => s.category !== null && s.category === info.share.category);
    if (!items.length && !categories.length || !info.subject) continue;
    // Items named by a share, or everything of the category about the coachee who shared it.
    const rows = (await db
      .selectFrom(info.table as 'notes')
      .select([`${info.id} as id`, 'partnership_id', `${info.subject} as subject_id`, `${info.created} as created_at`] as never[])
      .where('org_id', '=', actor.orgId)
      .where((eb) =>
        eb.or([
          ...items.map((s) => eb.and([eb(info.id as 'id', '=', s.item_id!), eb('partnership_id', '=', s.partnership_id), eb(info.subject as 'subject_id', '=', s.grantor_id)])),
          ...categories.map((c) => eb.and([eb('partnership_id', '=', c.partnership_id), eb(info.subject as 'subject_id', '=', c.grantor_id)])),
        ]),
      )
      .orderBy(info.created as 'created_at', 'desc')
      .limit(1000)
      .execute()) as unknown as Array<{ id: string; partnership_id: string; subject_id: string; created_at: string }>;
    for (const r of rows) {
      const share = shares.find((s) => s.partnership_id === r.partnership_id && s.grantor_id === r.subject_id && ((s.item_type === kind && s.item_id === r.id) || (s.category !== null && s.category === info.share.category)));
      if (share) out.push({ shareId: share.id, expiresAt: share.expires_at, from: share.from_name, itemType: kind, itemId: r.id, partnershipId: r.partnership_id, createdAt: r.created_at });
    }
  }
  return out;
}
