/**
 * The supervisor's part of a coaching agreement (issue 12, item 6; SPEC §2.3): the supervisor of
 * a coachee signs the supervisor's commitments with their own signature. The signature is kept
 * by the SHA-256 of those commitments, so a new agreement version that leaves them word for word
 * unchanged keeps it, and one that changes them asks the supervisor to sign again. The members'
 * signatures (agreements.service.ts) are untouched by this.
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { AgreementContent, SupervisorPart } from '../../../shared/src/api';
import { SUBJECT_ROLES } from '../../../shared/src/domain';
import { canonical } from '../agreements/agreements.service';
import type { Actor } from '../platform/actor';
import type { Clock } from '../platform/clock';
import type { DB } from '../platform/db';
import { AppError } from '../platform/errors';
import { newId } from '../platform/ids';
import { can } from '../privacy/policy';
import { isSubjectRole, loadContexts, type PartnershipContext } from '../privacy/relations';

export const supervisorCommitmentsHash = (commitments: string[]) => createHash('sha256').update(canonical(commitments)).digest('hex');

/** The supervisors of this partnership's accepted coachees (peers, self-coach): the people asked to sign. */
export async function supervisorsOf(db: DB, ctx: PartnershipContext): Promise<Array<{ personId: string; name: string }>> {
  const subjects = ctx.members.filter((m) => isSubjectRole(m.role) && m.state === 'accepted').map((m) => m.personId);
  if (!subjects.length) return [];
  const rows = await db
    .selectFrom('supervision_links as s')
    .innerJoin('people as p', 'p.id', 's.supervisor_id')
    .select(['p.id', 'p.name'])
    .distinct()
    .where('s.org_id', '=', ctx.actor.orgId)
    .where('s.supervisee_id', 'in', subjects)
    .where('p.active', '=', 1)
    .orderBy('p.name')
    .execute();
  return rows.map((r) => ({ personId: r.id, name: r.name }));
}

/** The supervisor's part of one version, or null when it asks nothing of the supervisor. */
export async function presentSupervisorPart(db: DB, ctx: PartnershipContext, content: AgreementContent): Promise<z.infer<typeof SupervisorPart> | null> {
  const commitments = content.commitments.supervisor ?? [];
  if (!commitments.length) return null;
  const hash = supervisorCommitmentsHash(commitments);
  const signatures = await db
    .selectFrom('supervisor_signatures')
    .select(['person_id', 'name', 'signed_at', 'version'])
    .where('org_id', '=', ctx.actor.orgId)
    .where('partnership_id', '=', ctx.partnership.id)
    .where('commitments_hash', '=', hash)
    .orderBy('signed_at')
    .execute();
  const signed = new Set(signatures.map((s) => s.person_id));
  return {
    commitmentsHash: hash,
    signatures: signatures.map((s) => ({ personId: s.person_id, name: s.name, signedAt: s.signed_at, version: s.version })),
    waitingFor: (await supervisorsOf(db, ctx)).filter((s) => !signed.has(s.personId)),
  };
}

/** Whether the actor still has to sign the supervisor's part shown (the policy decided they may). */
export const mySupervisorSignatureNeeded = (ctx: PartnershipContext, part: z.infer<typeof SupervisorPart> | null | undefined) =>
  !!part && !part.signatures.some((s) => s.personId === ctx.actor.personId);

/** Signs the supervisor's commitments of the current version, by the hash the supervisor was shown. */
export async function signAsSupervisor(db: DB, clock: Clock, ctx: PartnershipContext, version: number, hash: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    // Re-read inside the transaction: a partner saving a new version meanwhile must not be signed unread.
    const p = await trx.selectFrom('partnerships').select('current_agreement_version').where('id', '=', ctx.partnership.id).where('org_id', '=', ctx.actor.orgId).executeTakeFirstOrThrow();
    const row = await trx
      .selectFrom('agreement_versions')
      .select('content')
      .where('org_id', '=', ctx.actor.orgId)
      .where('partnership_id', '=', ctx.partnership.id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (!row || p.current_agreement_version !== version) throw new AppError('AGREEMENT_CHANGED', 'agreementChanged');
    const commitments: string[] = (JSON.parse(row.content) as AgreementContent).commitments?.supervisor ?? [];
    if (!commitments.length) throw new AppError('UNPROCESSABLE', 'supervisorNoCommitments');
    if (supervisorCommitmentsHash(commitments) !== hash) throw new AppError('AGREEMENT_CHANGED', 'supervisorCommitmentsChanged');
    const existing = await trx
      .selectFrom('supervisor_signatures')
      .select('id')
      .where('partnership_id', '=', ctx.partnership.id)
      .where('person_id', '=', ctx.actor.personId)
      .where('commitments_hash', '=', hash)
      .executeTakeFirst();
    if (existing) throw new AppError('AGREEMENT_ALREADY_SIGNED', 'supervisorAlreadySigned');
    const me = await trx.selectFrom('people').select('name').where('id', '=', ctx.actor.personId).where('org_id', '=', ctx.actor.orgId).executeTakeFirstOrThrow();
    await trx
      .insertInto('supervisor_signatures')
      .values({ id: newId(), org_id: ctx.actor.orgId, partnership_id: ctx.partnership.id, person_id: ctx.actor.personId, name: me.name, version, commitments_hash: hash, signed_at: clock.now().toISOString() })
      .execute();
  });
}

/**
 * Partnerships whose current supervisor's commitments wait for this supervisor's signature (their
 * Home asks for it): scoped in the query to partnerships of people they supervise, then decided
 * by the policy per partnership.
 */
export async function supervisorSignaturesWaiting(db: DB, actor: Actor): Promise<Array<{ partnershipId: string; partners: string[] }>> {
  const linked = await db
    .selectFrom('partnership_members as m')
    .innerJoin('supervision_links as l', 'l.supervisee_id', 'm.person_id')
    .select('m.partnership_id')
    .distinct()
    .where('m.org_id', '=', actor.orgId)
    .where('l.org_id', '=', actor.orgId)
    .where('l.supervisor_id', '=', actor.personId)
    .where('m.role', 'in', [...SUBJECT_ROLES])
    .where('m.state', '=', 'accepted')
    .limit(500)
    .execute();
  const contexts = [...(await loadContexts(db, actor, linked.map((r) => r.partnership_id))).values()].filter((ctx) => can(ctx, 'agreement.signAsSupervisor') && ctx.partnership.current_agreement_version > 0);
  if (!contexts.length) return [];
  const ids = contexts.map((ctx) => ctx.partnership.id);
  const versions = await db.selectFrom('agreement_versions').select(['partnership_id', 'version', 'content']).where('org_id', '=', actor.orgId).where('partnership_id', 'in', ids).execute();
  const mine = await db.selectFrom('supervisor_signatures').select(['partnership_id', 'commitments_hash']).where('org_id', '=', actor.orgId).where('person_id', '=', actor.personId).where('partnership_id', 'in', ids).execute();
  const signed = new Set(mine.map((s) => `${s.partnership_id}:${s.commitments_hash}`));
  return contexts.flatMap((ctx) => {
    const row = versions.find((v) => v.partnership_id === ctx.partnership.id && v.version === ctx.partnership.current_agreement_version);
    const commitments: string[] = row ? ((JSON.parse(row.content) as AgreementContent).commitments?.supervisor ?? []) : [];
    if (!commitments.length || signed.has(`${ctx.partnership.id}:${supervisorCommitmentsHash(commitments)}`)) return [];
    return [{ partnershipId: ctx.partnership.id, partners: ctx.members.filter((m) => m.state === 'accepted').map((m) => m.name) }];
  });
}
