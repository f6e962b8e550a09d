/**
 * Sessions and visits (SPEC §2.5): scheduled, rescheduled or cancelled with a
 * reason and who did it, the agreement's notice period applied to
 * cancellations, and attendance, punctuality and preparation recorded for every
 * participant — follow-through is reciprocal and visible to both partners.
 */
import type { z } from 'zod';
import { AgreementContent, type AttendanceBody, type ScheduleMeetingBody } from '../../../shared/src/api';
import type { Clock } from '../platform/clock';
import type { DB } from '../platform/db';
import { AppError, notFound, unprocessable } from '../platform/errors';
import { newId } from '../platform/ids';
import type { PartnershipContext } from '../privacy/relations';

const MAX_HOURS = 12;

function checkTimes(clock: Clock, startsAt: string, endsAt: string) {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  if (end <= start) throw unprocessable('endAfterStart', 'endsAt');
  if (end.getTime() - start.getTime() > MAX_HOURS * 3600_000) throw unprocessable({ key: 'sessionTooLong', values: { hours: MAX_HOURS } }, 'endsAt');
  if (start <= clock.now()) throw unprocessable('startInFuture', 'startsAt');
  return { starts_at: start.toISOString(), ends_at: end.toISOString() };
}

export async function scheduleMeeting(db: DB, clock: Clock, ctx: PartnershipContext, body: z.infer<typeof ScheduleMeetingBody>): Promise<string> {
  const times = checkTimes(clock, body.startsAt, body.endsAt);
  if (body.kind === 'mentor_checkin' && !ctx.members.some((m) => m.role === 'mentor' && m.state === 'accepted')) {
    throw unprocessable('noMentor', 'kind');
  }
  const id = newId();
  await db
    .insertInto('meetings')
    .values({
      id,
      org_id: ctx.actor.orgId,
      partnership_id: ctx.partnership.id,
      kind: body.kind,
      ...times,
      location: body.location,
      agenda: body.agenda,
      status: 'scheduled',
      scheduled_by: ctx.actor.personId,
      cancelled_by: null,
      cancel_reason: null,
      cancelled_at: null,
      late_cancellation: 0,
      reschedule_count: 0,
      last_reschedule_reason: null,
      created_at: clock.now().toISOString(),
    })
    .execute();
  return id;
}

async function scheduled(db: DB, ctx: PartnershipContext, meetingId: string) {
  const row = await db.selectFrom('meetings').selectAll().where('org_id', '=', ctx.actor.orgId).where('partnership_id', '=', ctx.partnership.id).where('id', '=', meetingId).executeTakeFirst();
  if (!row) throw notFound();
  if (row.status !== 'scheduled') throw new AppError('CONFLICT', { key: 'sessionSettled', values: { status: row.status } });
  return row;
}

export async function rescheduleMeeting(db: DB, clock: Clock, ctx: PartnershipContext, meetingId: string, startsAt: string, endsAt: string, reason: string) {
  const row = await scheduled(db, ctx, meetingId);
  const times = checkTimes(clock, startsAt, endsAt);
  await db
    .updateTable('meetings')
    .set({ ...times, reschedule_count: row.reschedule_count + 1, last_reschedule_reason: reason })
    .where('id', '=', row.id)
    .where('status', '=', 'scheduled')
    .execute();
}

/** Notice period from the partnership's current agreement (24 h when it says nothing). */
async function noticeHours(db: DB, ctx: PartnershipContext): Promise<number> {
  const v = await db
    .selectFrom('agreement_versions')
    .select('content')
    .where('partnership_id', '=', ctx.partnership.id)
    .where('version', '=', ctx.partnership.current_agreement_version)
    .executeTakeFirst();
  return v ? AgreementContent.parse(JSON.parse(v.content)).cancellationNoticeHours : 24;
}

export async function cancelMeeting(db: DB, clock: Clock, ctx: PartnershipContext, meetingId: string, reason: string) {
  const row = await scheduled(db, ctx, meetingId);
  const now = clock.now();
  const late = new Date(row.starts_at).getTime() - now.getTime() < (await noticeHours(db, ctx)) * 3600_000;
  await db
    .updateTable('meetings')
    .set({ status: 'cancelled', cancelled_by: ctx.actor.personId, cancel_reason: reason, cancelled_at: now.toISOString(), late_cancellation: late ? 1 : 0 })
    .where('id', '=', row.id)
    .where('status', '=', 'scheduled')
    .execute();
}

export async function recordAttendance(db: DB, clock: Clock, ctx: PartnershipContext, meetingId: string, body: z.infer<typeof AttendanceBody>) {
  const row = await db.selectFrom('meetings').selectAll().where('org_id', '=', ctx.actor.orgId).where('partnership_id', '=', ctx.partnership.id).where('id', '=', meetingId).executeTakeFirst();
  if (!row) throw notFound();
  if (row.status === 'cancelled') throw new AppError('CONFLICT', 'sessionCancelled');
  const now = clock.now();
  if (new Date(row.starts_at) > now) throw unprocessable('attendanceAfterStart', 'entries');
  const participants = new Set(ctx.members.filter((m) => m.state === 'accepted').map((m) => m.personId));
  const ids = body.entries.map((e) => e.personId);
  if (new Set(ids).size !== ids.length) throw unprocessable('attendanceOnce', 'entries');
  const stranger = body.entries.findIndex((e) => !participants.has(e.personId));
  if (stranger >= 0) throw unprocessable('attendanceMembers', `entries.${stranger}.personId`);
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    for (const e of body.entries) {
      const values = { present: e.present ? 1 : 0, on_time: e.onTime ? 1 : 0, prepared: e.prepared ? 1 : 0, note: e.note, recorded_by: ctx.actor.personId, recorded_at: at };
      await trx
        .insertInto('meeting_attendance')
        .values({ meeting_id: row.id, person_id: e.personId, org_id: ctx.actor.orgId, ...values })
        .onConflict((oc) => oc.columns(['meeting_id', 'person_id']).doUpdateSet(values))
        .execute();
    }
    await trx.updateTable('meetings').set({ status: 'held' }).where('id', '=', row.id).execute();
  });
}
