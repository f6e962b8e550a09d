/**
 * The supervisor's logistics in a partnership (issue 12, item 6): check-ins the supervisor of a
 * coachee schedules, moves and cancels, and coverage requests the partners send and the
 * supervisor answers. Neither carries words beyond a place: presenters build from the logistics
 * allow-list (LOGISTICS_FIELDS.checkin, .coverageRequest) for everyone, members included, so a
 * field added later reaches nobody until someone lists it.
 */
import type { z } from 'zod';
import type { Checkin, CoverageAnswerBody, CoverageRequest, CoverageRequestBody, ScheduleCheckinBody } from '../../../shared/src/api';
import type { Clock } from '../platform/clock';
import type { DB } from '../platform/db';
import { AppError, notFound, unprocessable } from '../platform/errors';
import { newId } from '../platform/ids';
import type { Database } from '../platform/tables';
import { logisticsOnly } from '../privacy/logistics';
import { can } from '../privacy/policy';
import { isSubjectRole, type PartnershipContext } from '../privacy/relations';

export type CheckinRow = Database['supervisor_checkins'] & { scheduled_by_name: string };
export type CoverageRow = Database['coverage_requests'] & { requested_by_name: string; cover_for_name: string; answered_by_name: string | null };

// ---------- check-ins ----------

export function selectCheckins(db: DB, orgId: string) {
  return db
    .selectFrom('supervisor_checkins as c')
    .innerJoin('people as s', 's.id', 'c.scheduled_by')
    .selectAll('c')
    .select('s.name as scheduled_by_name')
    .where('c.org_id', '=', orgId);
}

export function presentCheckin(ctx: PartnershipContext, r: CheckinRow): z.infer<typeof Checkin> {
  const full = {
    id: r.id,
    partnershipId: r.partnership_id,
    startsAt: r.starts_at,
    endsAt: new Date(new Date(r.starts_at).getTime() + r.minutes * 60_000).toISOString(),
    minutes: r.minutes,
    place: r.place,
    status: r.status as 'scheduled' | 'cancelled',
    scheduledBy: r.scheduled_by_name,
    rescheduleCount: r.reschedule_count,
    cancelledAt: r.cancelled_at,
    abilities: { change: can(ctx, 'checkin.schedule') && r.status === 'scheduled' },
  };
  return logisticsOnly('checkin', full);
}

function checkinStart(clock: Clock, startsAt: string): string {
  const start = new Date(startsAt);
  if (start <= clock.now()) throw unprocessable('checkinInFuture', 'startsAt');
  return start.toISOString();
}

export async function scheduleCheckin(db: DB, clock: Clock, ctx: PartnershipContext, body: z.infer<typeof ScheduleCheckinBody>): Promise<string> {
  const id = newId();
  const now = clock.now().toISOString();
  await db
    .insertInto('supervisor_checkins')
    .values({ id, org_id: ctx.actor.orgId, partnership_id: ctx.partnership.id, starts_at: checkinStart(clock, body.startsAt), minutes: body.minutes, place: body.place, status: 'scheduled', scheduled_by: ctx.actor.personId, reschedule_count: 0, created_at: now, updated_at: now, cancelled_at: null })
    .execute();
  return id;
}

/** Moves a check-in (time, length or place); a new time counts as a reschedule. */
export async function moveCheckin(db: DB, clock: Clock, ctx: PartnershipContext, row: CheckinRow, body: z.infer<typeof ScheduleCheckinBody>): Promise<void> {
  if (row.status !== 'scheduled') throw new AppError('CONFLICT', 'checkinCancelled');
  const startsAt = checkinStart(clock, body.startsAt);
  await db
    .updateTable('supervisor_checkins')
    .set({ starts_at: startsAt, minutes: body.minutes, place: body.place, reschedule_count: row.reschedule_count + (startsAt === row.starts_at ? 0 : 1), updated_at: clock.now().toISOString() })
    .where('id', '=', row.id)
    .where('org_id', '=', ctx.actor.orgId)
    .where('status', '=', 'scheduled')
    .execute();
}

export async function cancelCheckin(db: DB, clock: Clock, ctx: PartnershipContext, row: CheckinRow): Promise<void> {
  if (row.status !== 'scheduled') throw new AppError('CONFLICT', 'checkinCancelled');
  const now = clock.now().toISOString();
  await db.updateTable('supervisor_checkins').set({ status: 'cancelled', cancelled_at: now, updated_at: now }).where('id', '=', row.id).where('org_id', '=', ctx.actor.orgId).execute();
}

// ---------- coverage requests ----------

export function selectCoverage(db: DB, orgId: string) {
  return db
    .selectFrom('coverage_requests as r')
    .innerJoin('people as q', 'q.id', 'r.requested_by')
    .innerJoin('people as f', 'f.id', 'r.cover_for')
    .leftJoin('people as a', 'a.id', 'r.answered_by')
    .selectAll('r')
    .select(['q.name as requested_by_name', 'f.name as cover_for_name', 'a.name as answered_by_name'])
    .where('r.org_id', '=', orgId);
}

export function presentCoverage(ctx: PartnershipContext, r: CoverageRow): z.infer<typeof CoverageRequest> {
  const full = {
    id: r.id,
    partnershipId: r.partnership_id,
    date: r.on_date,
    from: r.from_time,
    to: r.to_time,
    purpose: r.purpose as z.infer<typeof CoverageRequest>['purpose'],
    coverFor: { personId: r.cover_for, name: r.cover_for_name },
    requestedBy: { personId: r.requested_by, name: r.requested_by_name },
    status: r.status as z.infer<typeof CoverageRequest>['status'],
    declineReason: r.decline_reason as z.infer<typeof CoverageRequest>['declineReason'],
    answeredBy: r.answered_by_name,
    answeredAt: r.answered_at,
    createdAt: r.created_at,
    abilities: { answer: can(ctx, 'coverage.answer') && r.status === 'pending' },
  };
  return logisticsOnly('coverageRequest', full);
}

/** The partners who may need cover, coachees first (it is usually their class): accepted members other than a mentor coach, who is not in a classroom. */
export const coverablePartners = (ctx: PartnershipContext) =>
  ctx.members
    .filter((m) => m.state === 'accepted' && (isSubjectRole(m.role) || m.role === 'coach'))
    .sort((a, b) => Number(isSubjectRole(b.role)) - Number(isSubjectRole(a.role)))
    .map((m) => ({ personId: m.personId, name: m.name }));

/** A date in the organization's time zone, as YYYY-MM-DD. */
async function todayIn(db: DB, clock: Clock, orgId: string): Promise<string> {
  const org = await db.selectFrom('organizations').select('time_zone').where('id', '=', orgId).executeTakeFirst();
  return new Intl.DateTimeFormat('en-CA', { timeZone: org?.time_zone || 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' }).format(clock.now());
}

export async function requestCoverage(db: DB, clock: Clock, ctx: PartnershipContext, body: z.infer<typeof CoverageRequestBody>): Promise<string> {
  if (body.to <= body.from) throw unprocessable('coverageTimeOrder', 'to');
  if (!coverablePartners(ctx).some((p) => p.personId === body.coverFor)) throw unprocessable('coverageForPartner', 'coverFor');
  if (body.date < (await todayIn(db, clock, ctx.actor.orgId))) throw unprocessable('coverageDatePast', 'date');
  const id = newId();
  await db
    .insertInto('coverage_requests')
    .values({ id, org_id: ctx.actor.orgId, partnership_id: ctx.partnership.id, requested_by: ctx.actor.personId, cover_for: body.coverFor, on_date: body.date, from_time: body.from, to_time: body.to, purpose: body.purpose, status: 'pending', decline_reason: null, answered_by: null, answered_at: null, created_at: clock.now().toISOString() })
    .execute();
  return id;
}

/** The supervisor confirms or declines a pending request; only one answer wins. */
export async function answerCoverage(db: DB, clock: Clock, ctx: PartnershipContext, requestId: string, body: z.infer<typeof CoverageAnswerBody>): Promise<void> {
  if (body.decision === 'confirmed' && body.reason) throw unprocessable('coverageReasonOnlyDecline', 'reason');
  const result = await db
    .updateTable('coverage_requests')
    .set({ status: body.decision, decline_reason: body.decision === 'declined' ? body.reason : null, answered_by: ctx.actor.personId, answered_at: clock.now().toISOString() })
    .where('id', '=', requestId)
    .where('org_id', '=', ctx.actor.orgId)
    .where('partnership_id', '=', ctx.partnership.id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) {
    const exists = await db.selectFrom('coverage_requests').select('id').where('id', '=', requestId).where('org_id', '=', ctx.actor.orgId).executeTakeFirst();
    if (!exists) throw notFound();
    throw new AppError('CONFLICT', 'coverageAnswered');
  }
}
