/** Sharing and the access log: the coachee's controls over their own coaching content. */
import { z } from 'zod';
import { AccessEvent, AccessLogQuery, CreateShareBody, IdParams, PageQuery, Share, SharedItem, pageOf } from '../../../shared/src/api';
import type { ContentKind } from '../../../shared/src/domain';
import { type App, type Services, actorOf } from '../platform/http';
import { decodeCursor, page } from '../platform/pagination';
import { listAccessFor } from './access-log';
import { type ContentRef, decideAccess, logReads } from './content';
import { createShare, listShares, revokeShare } from './shares';

export default async function privacyRoutes(app: App, s: Services) {
  const { db, clock } = s;

  app.get('/api/partnerships/:id/shares', { config: { matrix: 'share.list' }, schema: { tags: ['privacy'], summary: 'What you have shared from this partnership (coachee only)', params: IdParams, response: { 200: z.object({ items: z.array(Share) }) } } }, async (request) => {
    return { items: await listShares(db, clock, actorOf(request), request.params.id) };
  });

  app.post('/api/partnerships/:id/shares', { config: { matrix: 'share.create' }, schema: { tags: ['privacy'], summary: 'Share one item or a category of your coaching content with a named colleague', params: IdParams, body: CreateShareBody, response: { 201: Share } } }, async (request, reply) => {
    return reply.status(201).send(await createShare(db, clock, actorOf(request), request.params.id, request.body));
  });

  app.delete('/api/shares/:id', { config: { matrix: 'share.revoke' }, schema: { tags: ['privacy'], summary: 'Withdraw a share; it stops working on the next request', params: IdParams, response: { 200: Share } } }, async (request) => {
    return revokeShare(db, clock, actorOf(request), request.params.id);
  });

  app.get('/api/shared-with-me', { config: { matrix: 'share.read' }, schema: { tags: ['privacy'], summary: 'Coaching content colleagues have shared with you (each read is logged for them)', querystring: PageQuery, response: { 200: pageOf(SharedItem) } } }, async (request) => {
    const actor = actorOf(request);
    const now = clock.now().toISOString();
    const { limit, cursor } = request.query;
    const after = decodeCursor(cursor);
    // Candidates: notes covered by a live share naming me; decideAccess re-checks each one.
    let q = db
      .selectFrom('shares as s')
      .innerJoin('notes as n', (join) =>
        join
          .onRef('n.partnership_id', '=', 's.partnership_id')
          .onRef('n.subject_id', '=', 's.grantor_id')
          .on((eb) => eb.or([eb.and([eb('s.item_type', '=', 'note'), eb('s.item_id', '=', eb.ref('n.id'))]), eb('s.category', '=', 'notes')])),
      )
      .innerJoin('people as g', 'g.id', 's.grantor_id')
      .select(['s.id as share_id', 's.expires_at', 'n.id', 'n.partnership_id', 'n.subject_id', 'n.body', 'n.created_at', 'g.name as from_name'])
      .where('s.org_id', '=', actor.orgId)
      .where('n.org_id', '=', actor.orgId)
      .where('s.grantee_id', '=', actor.personId)
      .where('s.revoked_at', 'is', null)
      .where((eb) => eb.or([eb('s.expires_at', 'is', null), eb('s.expires_at', '>', now)]));
    if (after) q = q.where((eb) => eb.or([eb('n.created_at', '<', after[0]), eb.and([eb('n.created_at', '=', after[0]), eb('n.id', '<', after[1])])]));
    const rows = await q.orderBy('n.created_at', 'desc').orderBy('n.id', 'desc').limit(limit + 1).execute();
    // A note covered by two shares appears once.
    const unique = rows.filter((r, i) => rows.findIndex((o) => o.id === r.id) === i);
    const result = page(unique, limit, (r) => [r.created_at, r.id]);
    const refs: ContentRef[] = result.items.map((r) => ({ kind: 'note', id: r.id, partnershipId: r.partnership_id, subjectId: r.subject_id }));
    const decisions = await decideAccess(db, clock, actor, refs);
    await logReads(db, clock, actor, refs, decisions);
    return {
      items: result.items
        .filter((r) => decisions.has(r.id))
        .map((r) => ({ shareId: r.share_id, partnershipId: r.partnership_id, from: r.from_name, itemType: 'note' as ContentKind, itemId: r.id, body: r.body, createdAt: r.created_at, expiresAt: r.expires_at })),
      nextCursor: result.nextCursor,
    };
  });

  app.get('/api/access-log', { config: { matrix: 'accessLog.read' }, schema: { tags: ['privacy'], summary: 'Who read your coaching content, and when (yours only)', querystring: AccessLogQuery, response: { 200: pageOf(AccessEvent) } } }, async (request) => {
    const { limit, cursor, includeOwn } = request.query;
    return listAccessFor(db, actorOf(request), { limit, cursor, includeOwn });
  });
}
