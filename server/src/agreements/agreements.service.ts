/**
 * Coaching agreements (SPEC §2.3): versioned content; every party signs the
 * exact version by its SHA-256 content hash; any change makes a new version
 * that needs new signatures.
 */
import { DEFAULT_LANGUAGE, type Language, isLanguage } from '../../../shared/src/i18n';
import { createHash } from 'node:crypto';
import type { AgreementContent } from '../../../shared/src/api';
import type { Format } from '../../../shared/src/domain';
import type { Actor } from '../platform/actor';
import type { Clock } from '../platform/clock';
import type { DB } from '../platform/db';
import { AppError } from '../platform/errors';
import type { PartnershipContext } from '../privacy/relations';
import { DEFAULT_COMMITMENTS, firstDraft } from './defaults';

/** Canonical JSON (sorted keys) so the same content always hashes the same. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** SHA-256 of any JSON content in canonical form: what a signature names (coaching and meeting agreements alike). */
export const hashContent = (content: unknown) => createHash('sha256').update(canonical(content)).digest('hex');
export const contentHash = (content: AgreementContent) => hashContent(content);

export async function templateFor(db: DB, orgId: string, format: Format): Promise<AgreementContent['commitments']> {
  const row = await db.selectFrom('agreement_templates').select('commitments').where('org_id', '=', orgId).where('format', '=', format).executeTakeFirst();
  return row ? JSON.parse(row.commitments) : DEFAULT_COMMITMENTS[await programLanguage(db, orgId)][format];
}

/** The organization's default language: the words a new agreement starts in. */
async function programLanguage(db: DB, orgId: string): Promise<Language> {
  const org = await db.selectFrom('organizations').select('default_language').where('id', '=', orgId).executeTakeFirst();
  return isLanguage(org?.default_language) ? org.default_language : DEFAULT_LANGUAGE;
}

/** Writes a new version and copies its logistics onto the partnership. Call inside a transaction. */
export async function writeVersion(trx: DB, clock: Clock, actor: Actor, partnershipId: string, version: number, content: AgreementContent) {
  const now = clock.now().toISOString();
  await trx
    .insertInto('agreement_versions')
    .values({ partnership_id: partnershipId, version, org_id: actor.orgId, content: JSON.stringify(content), content_hash: contentHash(content), created_by: actor.personId, created_at: now })
    .execute();
  await trx
    .updateTable('partnerships')
    .set({ current_agreement_version: version, meeting_cadence: content.meetingCadence || null, coverage_needs: content.coverageNeeds || null, review_on: content.reviewOn })
    .where('id', '=', partnershipId)
    .where('org_id', '=', actor.orgId)
    .execute();
}

export async function createFirstDraft(trx: DB, clock: Clock, actor: Actor, partnershipId: string, format: Format) {
  await writeVersion(trx, clock, actor, partnershipId, 1, firstDraft(await templateFor(trx, actor.orgId, format), await programLanguage(trx, actor.orgId)));
}

/** People who must sign: every accepted member, mentor included. */
export function signersOf(ctx: PartnershipContext) {
  return ctx.members.filter((m) => m.state === 'accepted');
}

export async function saveVersion(db: DB, clock: Clock, ctx: PartnershipContext, content: AgreementContent, baseVersion: number) {
  await db.transaction().execute(async (trx) => {
    // Re-read inside the transaction: two partners saving at once must not both win.
    const current = await trx.selectFrom('partnerships').select('current_agreement_version').where('id', '=', ctx.partnership.id).executeTakeFirstOrThrow();
    if (current.current_agreement_version !== baseVersion) {
      throw new AppError('VERSION_CONFLICT', { key: 'agreementNewerVersion', values: { version: String(current.current_agreement_version) } });
    }
    await writeVersion(trx, clock, ctx.actor, ctx.partnership.id, baseVersion + 1, content);
  });
}

export async function sign(db: DB, clock: Clock, ctx: PartnershipContext, version: number, hash: string) {
  const me = ctx.membership!;
  await db.transaction().execute(async (trx) => {
    const p = await trx.selectFrom('partnerships').select('current_agreement_version').where('id', '=', ctx.partnership.id).executeTakeFirstOrThrow();
    const row = await trx
      .selectFrom('agreement_versions')
      .select(['content_hash'])
      .where('partnership_id', '=', ctx.partnership.id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (!row || p.current_agreement_version !== version) {
      throw new AppError('AGREEMENT_CHANGED', 'agreementChanged');
    }
    if (row.content_hash !== hash) throw new AppError('AGREEMENT_CHANGED', 'agreementTextChanged');
    const existing = await trx
      .selectFrom('agreement_signatures')
      .select('person_id')
      .where('partnership_id', '=', ctx.partnership.id)
      .where('version', '=', version)
      .where('person_id', '=', me.personId)
      .executeTakeFirst();
    if (existing) throw new AppError('AGREEMENT_ALREADY_SIGNED', 'agreementAlreadySigned');
    await trx
      .insertInto('agreement_signatures')
      .values({ partnership_id: ctx.partnership.id, version, person_id: me.personId, name: me.name, content_hash: hash, signed_at: clock.now().toISOString() })
      .execute();
    const signed = await trx.selectFrom('agreement_signatures').select('person_id').where('partnership_id', '=', ctx.partnership.id).where('version', '=', version).execute();
    const signedIds = new Set(signed.map((s) => s.person_id));
    if (signersOf(ctx).every((m) => signedIds.has(m.personId))) {
      await trx.updateTable('partnerships').set({ agreement_signed_version: version }).where('id', '=', ctx.partnership.id).execute();
    }
  });
}
