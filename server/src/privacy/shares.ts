/**
 * Share grants. Only the coachee a piece of content is about can share it (or a
 * whole category of their content) with a named person of the same
 * organization; a share may expire and can be revoked, effective on the next
 * request. Grants are never deleted: revocation sets revoked_at.
 */
import type { ContentKind, ShareCategory } from '../../../shared/src/domain';
import type { Language } from '../../../shared/src/i18n';
import { format } from '../../../shared/src/i18n-format';
import type { Actor } from '../platform/actor';
import type { Clock } from '../platform/clock';
import { humanDateTime } from '../platform/dates';
import type { DB } from '../platform/db';
import { AppError, notFound, unprocessable } from '../platform/errors';
import { newId } from '../platform/ids';
import type { Mailer } from '../platform/mail';
import { recordAccess } from './access-log';
import { KINDS, isContentKind, titlesOf } from './kinds';
import { receiptMessages } from './messages';
import { authorize } from './policy';
import { loadContext, type PartnershipContext } from './relations';

export interface ShareInput {
  granteeId: string;
  itemType?: ContentKind;
  itemId?: string;
  category?: ShareCategory;
  note?: string;
  expiresAt?: string;
}

export function shareState(row: { revoked_at: string | null; expires_at: string | null }, now: Date): 'live' | 'expired' | 'revoked' {
  if (row.revoked_at) return 'revoked';
  if (row.expires_at && row.expires_at <= now.toISOString()) return 'expired';
  return 'live';
}

/** Finds the subject of one item that may be shared on its own, inside the partnership, or null. */
async function subjectOfItem(db: DB, ctx: PartnershipContext, kind: ContentKind, itemId: string): Promise<string | null> {
  const info = KINDS[kind];
  if (!info.share.item || !info.subject) return null;
  let q = db
    .selectFrom(info.table as 'notes')
    .select(`${info.subject} as subject_id` as 'subject_id')
    .where('org_id', '=', ctx.actor.orgId)
    .where('partnership_id', '=', ctx.partnership.id)
    .where(info.id as 'id', '=', itemId);
  // A draft is its author's: it cannot be shared (nor found) until it is sent.
  if (info.onlyWhen) q = q.where(info.onlyWhen.column as 'id', '=', info.onlyWhen.value);
  const row = (await q.executeTakeFirst()) as { subject_id: string } | undefined;
  return row?.subject_id ?? null;
}

/**
 * A receipt to the coachee for every share and withdrawal: who can read what,
 * until when, in the coachee's language. It names the kind of item, never its content.
 */
async function sendReceipt(mailer: Mailer | undefined, actor: Actor, share: { item_type: string | null; category: string | null }, granteeName: string, revoked: boolean, expiresAt: string | null) {
  if (!mailer) return;
  const language = actor.language;
  // English keeps the UTC timestamp it always had; other languages read a date in words (still UTC).
  const until = !expiresAt ? '' : language === 'en' ? `${expiresAt.slice(0, 16).replace('T', ' ')} UTC` : humanDateTime(expiresAt, 'UTC', language);
  const values = { name: granteeName, what: describeShare(share, language), expires: expiresAt ? 'yes' : 'no', until };
  await mailer.send({
    kind: 'share_receipt',
    to: actor.email,
    subject: format(language, receiptMessages, revoked ? 'withdrawnSubject' : 'sharedSubject', values),
    text: format(language, receiptMessages, revoked ? 'withdrawnText' : 'sharedText', values),
  });
}

/** "one of your notes", "all your goals from this partnership": what a share covers, in words. */
const describeShare = (row: { item_type: string | null; category: string | null }, language: Language) =>
  row.category
    ? format(language, receiptMessages, 'category', { category: row.category })
    : row.item_type && isContentKind(row.item_type)
      ? format(language, receiptMessages, `oneOf_${row.item_type}`)
      : format(language, receiptMessages, 'oneItem');

export async function createShare(db: DB, clock: Clock, actor: Actor, partnershipId: string, input: ShareInput, mailer?: Mailer) {
  const ctx = await loadContext(db, actor, partnershipId);
  authorize(ctx, 'share.create');
  const now = clock.now();
  if (input.expiresAt && new Date(input.expiresAt) <= now) throw unprocessable('expiryInFuture', 'expiresAt');
  if (input.itemType && !KINDS[input.itemType].share.item) {
    throw unprocessable('kindNotShareable', 'itemType');
  }
  if (input.itemId && input.itemType) {
    const subject = await subjectOfItem(db, ctx, input.itemType, input.itemId);
    // Someone else's item, or an item that is not there: the same answer.
    if (subject !== actor.personId) throw notFound();
  }
  const grantee = await db
    .selectFrom('people')
    .select(['id', 'name', 'active'])
    .where('org_id', '=', actor.orgId)
    .where('id', '=', input.granteeId)
    .executeTakeFirst();
  if (!grantee || !grantee.active) throw unprocessable('shareWithColleague', 'granteeId');
  if (ctx.members.some((m) => m.personId === grantee.id && m.state === 'accepted')) {
    throw unprocessable({ key: 'alreadyInPartnership', values: { name: grantee.name } }, 'granteeId');
  }
  const row = {
    id: newId(),
    org_id: actor.orgId,
    partnership_id: partnershipId,
    grantor_id: actor.personId,
    grantee_id: grantee.id,
    item_type: input.itemId ? (input.itemType ?? null) : null,
    item_id: input.itemId ?? null,
    category: input.itemId ? null : (input.category ?? null),
    note: input.note?.trim() || null,
    created_at: now.toISOString(),
    expires_at: input.expiresAt ? new Date(input.expiresAt).toISOString() : null,
    revoked_at: null,
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('shares').values(row).execute();
    await recordAccess(trx, clock, actor, [
      { subjectId: actor.personId, partnershipId, itemType: row.item_type ?? row.category ?? 'notes', itemId: row.item_id, action: 'share', relation: 'coachee', basis: `share:${row.id}` },
    ]);
  });
  await sendReceipt(mailer, actor, row, grantee.name, false, row.expires_at);
  return { ...present({ ...row, grantee_name: grantee.name }, now), itemExcerpt: null };
}

export async function revokeShare(db: DB, clock: Clock, actor: Actor, shareId: string, mailer?: Mailer) {
  const row = await db
    .selectFrom('shares as s')
    .innerJoin('people as g', 'g.id', 's.grantee_id')
    .selectAll('s')
    .select('g.name as grantee_name')
    .where('s.org_id', '=', actor.orgId)
    .where('s.id', '=', shareId)
    .where('s.grantor_id', '=', actor.personId)
    .executeTakeFirst();
  if (!row) throw notFound();
  if (row.revoked_at) throw new AppError('CONFLICT', 'shareWithdrawn');
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('shares').set({ revoked_at: now.toISOString() }).where('id', '=', shareId).where('revoked_at', 'is', null).execute();
    await recordAccess(trx, clock, actor, [
      { subjectId: actor.personId, partnershipId: row.partnership_id, itemType: row.item_type ?? row.category ?? 'notes', itemId: row.item_id, action: 'revoke', relation: 'coachee', basis: `share:${row.id}` },
    ]);
  });
  await sendReceipt(mailer, actor, row, row.grantee_name, true, null);
  return { ...present({ ...row, revoked_at: now.toISOString() }, now), itemExcerpt: null };
}

export async function listShares(db: DB, clock: Clock, actor: Actor, partnershipId: string) {
  const ctx = await loadContext(db, actor, partnershipId);
  authorize(ctx, 'share.list');
  const rows = await db
    .selectFrom('shares as s')
    .innerJoin('people as g', 'g.id', 's.grantee_id')
    .selectAll('s')
    .select('g.name as grantee_name')
    .where('s.org_id', '=', actor.orgId)
    .where('s.partnership_id', '=', partnershipId)
    .where('s.grantor_id', '=', actor.personId)
    .orderBy('s.created_at', 'desc')
    .limit(500)
    .execute();
  // Titles let the coachee recognise what they shared: their own read, not logged.
  const titles = await titlesOf(db, actor.orgId, rows.map((r) => ({ kind: r.item_type ?? '', id: r.item_id })), actor.language);
  const excerpt = (r: { item_type: string | null; item_id: string | null }) => titles.get(`${r.item_type}:${r.item_id}`) ?? null;
  const now = clock.now();
  return rows.map((r) => ({ ...present(r, now), itemExcerpt: excerpt(r) }));
}

type ShareRow = {
  id: string;
  partnership_id: string;
  grantee_id: string;
  grantee_name: string;
  item_type: string | null;
  item_id: string | null;
  category: string | null;
  note: string | null;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
};

function present(r: ShareRow, now: Date) {
  return {
    id: r.id,
    partnershipId: r.partnership_id,
    granteeId: r.grantee_id,
    granteeName: r.grantee_name,
    itemType: r.item_type as ContentKind | null,
    itemId: r.item_id,
    category: r.category as ShareCategory | null,
    note: r.note,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    revokedAt: r.revoked_at,
    state: shareState(r, now),
  };
}
