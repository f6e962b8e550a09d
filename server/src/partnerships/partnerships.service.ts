/**
 * Partnerships (SPEC §2.2): three formats, a lifecycle with dates and reasons,
 * invitations each invitee accepts or declines, the getting-to-know-you profile
 * and the dual-role warning.
 */
import type { z } from 'zod';
import type { CreatePartnershipBody, ProfileBody } from '../../../shared/src/api';
import { FORMAT_SHAPE, type MemberRole, type PartnershipStatus, SUBJECT_ROLES, TRANSITIONS } from '../../../shared/src/domain';
import { createFirstDraft } from '../agreements/agreements.service';
import type { Actor } from '../platform/actor';
import type { Clock } from '../platform/clock';
import type { DB } from '../platform/db';
import { AppError, type ErrorText, unprocessable } from '../platform/errors';
import { newId } from '../platform/ids';
import { canAsPerson } from '../privacy/policy';
import { type PartnershipContext, loadPersonFacts } from '../privacy/relations';

type CreateInput = z.infer<typeof CreatePartnershipBody>;

export function checkShape(format: keyof typeof FORMAT_SHAPE, roles: MemberRole[]): ErrorText | null {
  for (const [role, min, max] of FORMAT_SHAPE[format]) {
    const n = roles.filter((r) => r === role).length;
    if (n < min || n > max) {
      return { key: 'partnershipShape', values: { format, exact: min === max ? 'yes' : 'no', min, max, role, count: n } };
    }
  }
  const allowed = new Set(FORMAT_SHAPE[format].map(([r]) => r));
  const stray = roles.find((r) => !allowed.has(r));
  return stray ? { key: 'partnershipStrayRole', values: { format, role: stray } } : null;
}

/** `also`: more writes that belong with the new partnership, in its transaction (a volunteer's request it answers, program/). */
export async function createPartnership(db: DB, clock: Clock, actor: Actor, input: CreateInput, also?: (trx: DB, partnershipId: string) => Promise<void>): Promise<string> {
  const ids = input.members.map((m) => m.personId);
  if (new Set(ids).size !== ids.length) throw unprocessable('memberTwice', 'members');
  const shapeProblem = checkShape(input.format, input.members.map((m) => m.role));
  if (shapeProblem) throw unprocessable(shapeProblem, 'members');
  const people = await db.selectFrom('people').select(['id', 'name', 'active']).where('org_id', '=', actor.orgId).where('id', 'in', ids).execute();
  if (people.length !== ids.length || people.some((p) => !p.active)) {
    throw unprocessable('membersActive', 'members');
  }
  // The same rule as the menu's "Start a partnership" (privacy/policy.ts), so the app never offers what this refuses.
  if (!canAsPerson(await loadPersonFacts(db, actor), 'startPartnership')) throw unprocessable('startNeedsRole', 'members');
  const isMember = ids.includes(actor.personId);
  if (!isMember && !actor.roles.has('leader')) {
    throw unprocessable('startOwnPartnership', 'members');
  }
  if (input.origin === 'assigned' && !actor.roles.has('leader')) {
    throw unprocessable('assignedByLeader', 'origin');
  }
  // Dual role: a supporting member (coach, peer, mentor) who supervises a coachee in it.
  const subjects = input.members.filter((m) => SUBJECT_ROLES.includes(m.role)).map((m) => m.personId);
  const supporters = input.members.filter((m) => m.role !== 'coachee' && m.role !== 'self').map((m) => m.personId);
  const links = await db
    .selectFrom('supervision_links')
    .select(['supervisor_id', 'supervisee_id'])
    .where('org_id', '=', actor.orgId)
    .where('supervisor_id', 'in', supporters) // never empty: checkShape guarantees a supporter and a subject
    .where('supervisee_id', 'in', subjects)
    .execute();
  const dualRole = links.length > 0;
  if (dualRole && !input.acknowledgeDualRole) {
    const names = (id: string) => people.find((p) => p.id === id)?.name ?? 'someone';
    const l = links[0];
    throw new AppError(
      'UNPROCESSABLE',
      { key: 'dualRole', values: { supervisor: names(l.supervisor_id), supervisee: names(l.supervisee_id) } },
      [{ path: 'body.acknowledgeDualRole', message: 'dualRoleField' }],
    );
  }
  const now = clock.now().toISOString();
  const id = newId();
  const allAccepted = input.members.every((m) => m.personId === actor.personId);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('partnerships')
      .values({
        id,
        org_id: actor.orgId,
        format: input.format,
        status: allAccepted ? 'building' : 'invited',
        origin: input.origin,
        created_by: actor.personId,
        created_at: now,
        status_changed_at: now,
        dual_role: dualRole ? 1 : 0,
        dual_role_acknowledged_at: dualRole ? now : null,
        meeting_cadence: null,
        coverage_needs: null,
        review_on: null,
        current_agreement_version: 0,
        agreement_signed_version: 0,
      })
      .execute();
    await trx
      .insertInto('partnership_members')
      .values(
        input.members.map((m) => ({
          partnership_id: id,
          person_id: m.personId,
          org_id: actor.orgId,
          role: m.role,
          state: m.personId === actor.personId ? 'accepted' : 'invited',
          responded_at: m.personId === actor.personId ? now : null,
          decline_reason: null,
        })),
      )
      .execute();
    await trx
      .insertInto('partnership_status_events')
      .values({ id: newId(), partnership_id: id, from_status: null, to_status: allAccepted ? 'building' : 'invited', reason: input.message?.trim() || null, by_person_id: actor.personId, at: now })
      .execute();
    await createFirstDraft(trx, clock, actor, id, input.format);
    await also?.(trx, id);
  });
  return id;
}

async function recordStatus(trx: DB, ctx: PartnershipContext, clock: Clock, to: PartnershipStatus, reason: string | null) {
  const now = clock.now().toISOString();
  await trx.updateTable('partnerships').set({ status: to, status_changed_at: now }).where('id', '=', ctx.partnership.id).where('org_id', '=', ctx.actor.orgId).execute();
  await trx
    .insertInto('partnership_status_events')
    .values({ id: newId(), partnership_id: ctx.partnership.id, from_status: ctx.partnership.status, to_status: to, reason, by_person_id: ctx.actor.personId, at: now })
    .execute();
}

/** An invitee accepts or declines. When everyone has accepted, the partnership starts building. */
export async function respond(db: DB, clock: Clock, ctx: PartnershipContext, accept: boolean, reason?: string) {
  const now = clock.now().toISOString();
  const me = ctx.membership!;
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('partnership_members')
      .set({ state: accept ? 'accepted' : 'declined', responded_at: now, decline_reason: accept ? null : reason?.trim() || null })
      .where('partnership_id', '=', ctx.partnership.id)
      .where('person_id', '=', me.personId)
      .where('state', '=', 'invited')
      .execute();
    const remaining = ctx.members.map((m) => (m.personId === me.personId ? { ...m, state: accept ? 'accepted' : 'declined' } : m)).filter((m) => m.state !== 'declined');
    if (!accept && checkShape(ctx.partnership.format, remaining.map((m) => m.role))) {
      // Who declined is the event's author; the reason is theirs, in their words (the page says "declined" in the reader's language).
      await recordStatus(trx, ctx, clock, 'closed', reason?.trim() || null);
    } else if (remaining.every((m) => m.state === 'accepted')) {
      await recordStatus(trx, ctx, clock, 'building', null);
    }
  });
}

export async function changeStatus(db: DB, clock: Clock, ctx: PartnershipContext, to: PartnershipStatus, reason?: string) {
  const from = ctx.partnership.status;
  if (!TRANSITIONS[from].includes(to)) {
    throw new AppError('INVALID_TRANSITION', TRANSITIONS[from].length ? { key: 'partnershipTransition', values: { from, to, next: { list: TRANSITIONS[from], each: 'partnershipStatusItem' } } } : { key: 'partnershipClosedTransition', values: { from, to } });
  }
  if ((to === 'paused' || to === 'closed') && !reason?.trim()) {
    throw unprocessable({ key: 'reasonNeeded', values: { action: to === 'paused' ? 'pausing' : 'closing' } }, 'reason');
  }
  await db.transaction().execute((trx) => recordStatus(trx, ctx, clock, to, reason?.trim() || null));
}

export async function saveProfile(db: DB, clock: Clock, ctx: PartnershipContext, body: z.infer<typeof ProfileBody>) {
  const subjects = ctx.members.filter((m) => SUBJECT_ROLES.includes(m.role) && m.state !== 'declined');
  const subjectId = body.subjectId ?? (subjects.length === 1 ? subjects[0].personId : undefined);
  if (!subjectId || !subjects.some((m) => m.personId === subjectId)) {
    throw unprocessable('profileWhose', 'subjectId');
  }
  const now = clock.now().toISOString();
  const values = {
    strengths: body.strengths,
    learning_style: body.learningStyle,
    needs: body.needs,
    challenges: JSON.stringify(body.challenges),
    challenge_notes: body.challengeNotes,
    updated_at: now,
    updated_by: ctx.actor.personId,
  };
  await db
    .insertInto('partnership_profiles')
    .values({ partnership_id: ctx.partnership.id, subject_id: subjectId, org_id: ctx.actor.orgId, ...values })
    .onConflict((oc) => oc.columns(['partnership_id', 'subject_id']).doUpdateSet(values))
    .execute();
  return subjectId;
}
