/**
 * Session routes. The schedule is logistics: members, supervisors of a coachee
 * and leaders see when sessions happen. The agenda is coaching content (members
 * only, each read logged); attendance is visible to members, and to a
 * supervisor only for supervisor check-ins.
 */
import { z } from 'zod';
import { AttendanceBody, CancelMeetingBody, IdParams, Meeting, MeetingsQuery, RescheduleBody, ScheduleMeetingBody, pageOf } from '../../../shared/src/api';
import { decodeCursor, page } from '../platform/pagination';
import type { MeetingKind, MeetingStatus } from '../../../shared/src/domain';
import type { Actor } from '../platform/actor';
import type { DB } from '../platform/db';

import { type App, type Services, actorOf } from '../platform/http';
import type { Database } from '../platform/tables';
import { logMemberReads } from '../privacy/content';
import { logisticsOnly } from '../privacy/logistics';
import { authorize, can } from '../privacy/policy';
import { loadContext, type PartnershipContext } from '../privacy/relations';
import { cancelMeeting, recordAttendance, rescheduleMeeting, scheduleMeeting } from './meetings.service';

type Row = Database['meetings'] & { scheduled_by_name: string; cancelled_by_name: string | null };

function selectMeetings(db: DB, actor: Actor) {
  return db
    .selectFrom('meetings as m')
    .innerJoin('people as s', 's.id', 'm.scheduled_by')
    .leftJoin('people as c', 'c.id', 'm.cancelled_by')
    .selectAll('m')
    .select(['s.name as scheduled_by_name', 'c.name as cancelled_by_name'])
    .where('m.org_id', '=', actor.orgId);
}

export default async function meetingRoutes(app: App, s: Services) {
  const { db, clock } = s;

  /**
   * Presents meetings for this viewer. Members get everything but the agenda,
   * which comes only with one session (`withAgenda`), and that read is logged:
   * listing the schedule reads no agenda. Anyone else gets the logistics
   * allow-list: when, what kind, whether it was cancelled, by whom, never why.
   */
  async function present(ctx: PartnershipContext, rows: Row[], withAgenda = false): Promise<Array<z.infer<typeof Meeting>>> {
    const member = can(ctx, 'partnership.readContent');
    const ids = rows.map((r) => r.id);
    const attendance = ids.length
      ? await db
          .selectFrom('meeting_attendance as a')
          .innerJoin('people as p', 'p.id', 'a.person_id')
          .innerJoin('people as r', 'r.id', 'a.recorded_by')
          .select(['a.meeting_id', 'a.person_id', 'p.name', 'a.present', 'a.on_time', 'a.prepared', 'a.note', 'r.name as recorded_by', 'a.recorded_at'])
          .where('a.org_id', '=', ctx.actor.orgId)
          .where('a.meeting_id', 'in', ids)
          .execute()
      : [];
    if (member && withAgenda) await logMemberReads(db, clock, ctx, rows.filter((r) => r.agenda).map((r) => ({ kind: 'meeting' as const, id: r.id, subjectId: null })));
    return rows.map((r) => {
      const full = {
        id: r.id,
        partnershipId: r.partnership_id,
        kind: r.kind as MeetingKind,
        startsAt: r.starts_at,
        endsAt: r.ends_at,
        location: r.location,
        status: r.status as MeetingStatus,
        scheduledBy: r.scheduled_by_name,
        cancelledBy: r.cancelled_by_name,
        cancelReason: r.cancel_reason,
        cancelledAt: r.cancelled_at,
        lateCancellation: r.late_cancellation === 1,
        rescheduleCount: r.reschedule_count,
        lastRescheduleReason: r.last_reschedule_reason,
        hasAgenda: r.agenda.trim() !== '',
        ...(withAgenda ? { agenda: r.agenda } : {}),
        attendance: attendance
          .filter((a) => a.meeting_id === r.id)
          .map((a) => ({ personId: a.person_id, name: a.name, present: a.present === 1, onTime: a.on_time === 1, prepared: a.prepared === 1, note: a.note, recordedBy: a.recorded_by, recordedAt: a.recorded_at })),
        abilities: { change: can(ctx, 'meeting.change') && r.status === 'scheduled', recordAttendance: can(ctx, 'meeting.change') && r.status !== 'cancelled' },
      };
      if (member) return full;
      const { attendance: present, ...rest } = full;
      return {
        ...logisticsOnly('meeting', rest),
        // A supervisor sees who came to their own check-ins; nobody outside sees attendance of coaching.
        ...(can(ctx, 'meeting.viewAttendance') && r.kind === 'supervisor_checkin' ? { attendance: present.map((a) => logisticsOnly('attendance', a)) } : {}),
      };
    });
  }

  async function one(actor: Actor, meetingId: string, action: 'meeting.view' | 'meeting.change') {
    const row = await selectMeetings(db, actor).where('m.id', '=', meetingId).executeTakeFirst();
    const ctx = row ? await loadContext(db, actor, row.partnership_id) : null;
    authorize(ctx, action);
    return { row: row!, ctx };
  }

  /** One session with its agenda (for members; the read is logged, including in the answer to a change). */
  const reload = async (actor: Actor, meetingId: string) => {
    const { row, ctx } = await one(actor, meetingId, 'meeting.view');
    return (await present(ctx, [row], can(ctx, 'partnership.readContent')))[0];
  };

  app.get('/api/partnerships/:id/meetings', { config: { matrix: 'meeting.view' }, schema: { tags: ['sessions'], summary: 'Sessions and visits of a partnership, soonest first, without agendas (supervisors and leaders: logistics only)', params: IdParams, querystring: MeetingsQuery, response: { 200: pageOf(Meeting) } } }, async (request) => {
    const actor = actorOf(request);
    const ctx = await loadContext(db, actor, request.params.id);
    authorize(ctx, 'meeting.view');
    const { limit, cursor, from } = request.query;
    const after = decodeCursor(cursor);
    let q = selectMeetings(db, actor).where('m.partnership_id', '=', ctx.partnership.id);
    if (from) q = q.where('m.starts_at', '>=', new Date(from).toISOString());
    if (after) q = q.where((eb) => eb.or([eb('m.starts_at', '>', after[0]), eb.and([eb('m.starts_at', '=', after[0]), eb('m.id', '>', after[1])])]));
    const rows = await q.orderBy('m.starts_at').orderBy('m.id').limit(limit + 1).execute();
    const result = page(rows, limit, (r) => [r.starts_at, r.id]);
    return { items: await present(ctx, result.items), nextCursor: result.nextCursor };
  });

  app.post('/api/partnerships/:id/meetings', { config: { matrix: 'meeting.schedule' }, schema: { tags: ['sessions'], summary: 'Schedule a session or visit', params: IdParams, body: ScheduleMeetingBody, response: { 201: Meeting } } }, async (request, reply) => {
    const actor = actorOf(request);
    const ctx = await loadContext(db, actor, request.params.id);
    authorize(ctx, 'meeting.schedule');
    const id = await scheduleMeeting(db, clock, ctx, request.body);
    return reply.status(201).send(await reload(actor, id));
  });

  app.get('/api/meetings/:id', { config: { matrix: 'meeting.view' }, schema: { tags: ['sessions'], summary: 'One session; members get its agenda (the read is logged), supervisors and leaders logistics only', params: IdParams, response: { 200: Meeting } } }, async (request) => {
    return reload(actorOf(request), request.params.id);
  });

  app.patch('/api/meetings/:id', { config: { matrix: 'meeting.change' }, schema: { tags: ['sessions'], summary: 'Reschedule a session (into the future, with a reason every partner sees)', params: IdParams, body: RescheduleBody, response: { 200: Meeting } } }, async (request) => {
    const actor = actorOf(request);
    const { row, ctx } = await one(actor, request.params.id, 'meeting.change');
    await rescheduleMeeting(db, clock, ctx, row.id, request.body.startsAt, request.body.endsAt, request.body.reason);
    return reload(actor, row.id);
  });

  app.post('/api/meetings/:id/cancellation', { config: { matrix: 'meeting.change' }, schema: { tags: ['sessions'], summary: 'Cancel a session with a reason; short notice is recorded as a late cancellation', params: IdParams, body: CancelMeetingBody, response: { 200: Meeting } } }, async (request) => {
    const actor = actorOf(request);
    const { row, ctx } = await one(actor, request.params.id, 'meeting.change');
    await cancelMeeting(db, clock, ctx, row.id, request.body.reason);
    return reload(actor, row.id);
  });

  app.put('/api/meetings/:id/attendance', { config: { matrix: 'meeting.change' }, schema: { tags: ['sessions'], summary: 'Record attendance, punctuality and preparation for each participant (both sides)', params: IdParams, body: AttendanceBody, response: { 200: Meeting } } }, async (request) => {
    const actor = actorOf(request);
    const { row, ctx } = await one(actor, request.params.id, 'meeting.change');
    await recordAttendance(db, clock, ctx, row.id, request.body);
    return reload(actor, row.id);
  });

}
