/**
 * The meeting's future meetings (issue 12, item 5; protocol step 9): the rules the group agreed
 * for a cancelled meeting or an absence, who sends the invitations, the dates (each one calendar
 * event: a move or a cancellation sends the same event again with the next SEQUENCE, so calendar
 * apps update it instead of adding a second), and who came. Every participant reads the schedule;
 * whoever runs the meeting, the note-taker and the person named to send invitations keep it
 * (privacy/policy.ts, adminMeeting.schedule*). Dates can be kept after the meeting has ended: that
 * is when they happen.
 *
 * Each change is numbered like the meeting's own (admin-meetings.service.ts), so a live screen
 * showing step 9 sees a new date within a second.
 */
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { z } from 'zod';
import { DEFAULT_LANGUAGE, type Language } from '../../../shared/src/i18n';
import { format } from '../../../shared/src/i18n-format';
import { AdminMeetingAttendanceBody, CancelAdminMeetingDateBody, AdminMeetingRulesBody, AdminMeetingSchedule, CreateAdminMeetingDateBody, IdParams, UpdateAdminMeetingDateBody } from '../../../shared/src/api';
import type { Actor } from '../platform/actor';
import { DATE_LOCALE, knownTimeZone } from '../platform/dates';
import type { DB } from '../platform/db';
import { AppError, notFound, unprocessable } from '../platform/errors';
import { type App, type Services, actorOf } from '../platform/http';
import { newId } from '../platform/ids';
import { languagesOf } from '../platform/language';
import type { Database } from '../platform/tables';
import { type AdminMeetingScheduleAction, type AdminMeetingScheduleContext, authorizeOnSchedule, canOnSchedule } from '../privacy/policy';
import { meetingContext, type MeetingRow } from './admin-meetings.queries';
import type { meetingChanges } from './admin-meetings.service';
import { scheduleMail } from './schedule.messages';

type Change = ReturnType<typeof meetingChanges>['change'];
type DateRow = Database['admin_meeting_dates'];
type Change_ = 'scheduled' | 'moved' | 'cancelled';
/** The policy's facts, and the meeting row they were read from. */
type ScheduleContext = AdminMeetingScheduleContext & { meeting: MeetingRow };

const MINUTE = 60_000;
const endOf = (d: Pick<DateRow, 'starts_at' | 'minutes'>) => new Date(new Date(d.starts_at).getTime() + Number(d.minutes) * MINUTE);

/** The meeting, the actor's seat and who sends the invitations; null when the actor may not know it exists. */
export async function scheduleContext(db: DB, actor: Pick<Actor, 'orgId' | 'personId'>, meetingId: string): Promise<ScheduleContext | null> {
  const ctx = await meetingContext(db, actor, meetingId);
  if (!ctx) return null;
  const rules = await db.selectFrom('admin_meeting_rules').select('invitations_by').where('meeting_id', '=', meetingId).executeTakeFirst();
  return { ...ctx, invitationsBy: rules?.invitations_by ?? null };
}

export async function readSchedule(db: DB, ctx: ScheduleContext): Promise<z.infer<typeof AdminMeetingSchedule>> {
  const id = ctx.meeting.id;
  const [org, rules, dates, participants, attendance] = await Promise.all([
    db.selectFrom('organizations').select('time_zone').where('id', '=', ctx.meeting.org_id).executeTakeFirstOrThrow(),
    db
      .selectFrom('admin_meeting_rules as r')
      .leftJoin('people as p', 'p.id', 'r.invitations_by')
      .selectAll('r')
      .select('p.name as invitations_by_name')
      .where('r.meeting_id', '=', id)
      .executeTakeFirst(),
    db.selectFrom('admin_meeting_dates').selectAll().where('meeting_id', '=', id).orderBy('starts_at').orderBy('id').limit(200).execute(),
    db.selectFrom('admin_meeting_participants as p').innerJoin('people as u', 'u.id', 'p.person_id').select(['p.person_id', 'u.name']).where('p.meeting_id', '=', id).orderBy('p.created_at').orderBy('u.name').execute(),
    db
      .selectFrom('admin_meeting_attendance as a')
      .innerJoin('admin_meeting_dates as d', 'd.id', 'a.date_id')
      .select(['a.date_id', 'a.person_id', 'a.status'])
      .where('d.meeting_id', '=', id)
      .execute(),
  ]);
  const recorded = new Map(attendance.map((a) => [`${a.date_id}:${a.person_id}`, a.status]));
  return {
    meetingId: id,
    timeZone: org.time_zone,
    rules: {
      cancellationRule: rules?.cancellation_rule ?? '',
      absenceRule: rules?.absence_rule ?? '',
      invitationsBy: rules?.invitations_by ?? null,
      invitationsByName: rules?.invitations_by_name ?? null,
      version: rules ? Number(rules.version) : 0,
      updatedAt: rules?.updated_at ?? null,
    },
    dates: dates.map((d) => ({
      id: d.id,
      startsAt: d.starts_at,
      endsAt: endOf(d).toISOString(),
      minutes: Number(d.minutes),
      place: d.place,
      status: d.status as 'scheduled' | 'cancelled',
      version: Number(d.version),
      cancelledAt: d.cancelled_at,
      attendance: participants.map((p) => ({ personId: p.person_id, name: p.name, status: (recorded.get(`${d.id}:${p.person_id}`) ?? null) as 'present' | 'absent_notice' | 'absent' | null })),
    })),
    abilities: {
      editRules: canOnSchedule(ctx, 'adminMeeting.scheduleRules'),
      schedule: canOnSchedule(ctx, 'adminMeeting.schedule'),
      recordAttendance: canOnSchedule(ctx, 'adminMeeting.attendance'),
    },
  };
}

export default async function scheduleRoutes(app: App, s: Services, change: Change) {
  const { db, clock, config, mailer } = s;

  async function load(actor: Actor, meetingId: string, action: AdminMeetingScheduleAction) {
    const ctx = await scheduleContext(db, actor, meetingId);
    // Not a participant: the same 404 as a missing meeting, before anything else is said.
    authorizeOnSchedule(ctx, 'adminMeeting.scheduleRead');
    if (action !== 'adminMeeting.scheduleRead') authorizeOnSchedule(ctx, action);
    return ctx as ScheduleContext;
  }

  /** A date of a meeting in the actor's organization, and the meeting's context (404 for all else). */
  async function loadDate(actor: Actor, dateId: string, action: AdminMeetingScheduleAction) {
    const date = await db.selectFrom('admin_meeting_dates').selectAll().where('org_id', '=', actor.orgId).where('id', '=', dateId).executeTakeFirst();
    if (!date) throw notFound();
    return { date, ctx: await load(actor, date.meeting_id, action) };
  }

  const checkDateVersion = (d: DateRow, baseVersion: number) => {
    if (Number(d.version) !== baseVersion) throw new AppError('VERSION_CONFLICT', 'adminMeetingDateChanged');
  };
  const notPast = (startsAt: string) => {
    if (new Date(startsAt).getTime() < clock.now().getTime()) throw unprocessable('adminMeetingDatePast', 'startsAt');
  };

  /**
   * Sends each participant the calendar invitation for one date (or its update or cancellation),
   * in their language and the organization's time zone, with the rules they agreed. After the
   * commit; a mail that fails is logged by the mailer and does not undo the date.
   */
  async function invite(ctx: ScheduleContext, date: DateRow, what: Change_, by: Actor) {
    const m = ctx.meeting;
    const [people, org, rules] = await Promise.all([
      db
        .selectFrom('admin_meeting_participants as p')
        .innerJoin('people as u', 'u.id', 'p.person_id')
        .select(['u.id', 'u.name', 'u.email'])
        .where('p.meeting_id', '=', m.id)
        .where('u.active', '=', 1)
        .execute(),
      db.selectFrom('organizations').select('time_zone').where('id', '=', m.org_id).executeTakeFirstOrThrow(),
      db.selectFrom('admin_meeting_rules').selectAll().where('meeting_id', '=', m.id).executeTakeFirst(),
    ]);
    const languages = await languagesOf(db, people.map((p) => p.id));
    const zone = knownTimeZone(org.time_zone);
    const start = new Date(date.starts_at);
    const method = what === 'cancelled' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST;
    const link = `${config.baseUrl}/meetings/${m.id}`;
    await Promise.all(
      people
        .filter((p) => p.email)
        .map((p) => {
          const language: Language = languages.get(p.id) ?? DEFAULT_LANGUAGE;
          const when = new Intl.DateTimeFormat(DATE_LOCALE[language], { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone }).format(start);
          const cal = ical({ prodId: { company: 'Tandem', product: 'partnership-meetings', language: language.toUpperCase() }, method });
          cal.createEvent({
            id: `${date.id}@tandem`,
            sequence: Number(date.sequence),
            summary: m.title,
            start,
            end: endOf(date),
            location: date.place || null,
            url: link,
            status: what === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
            stamp: clock.now(),
            organizer: { name: by.name, email: by.email },
            attendees: people.filter((q) => q.email).map((q) => ({ name: q.name, email: q.email, role: ICalAttendeeRole.REQ, status: ICalAttendeeStatus.NEEDSACTION, rsvp: false })),
          });
          const values = {
            change: what,
            name: p.name,
            inviter: by.name,
            title: m.title,
            when,
            minutes: Number(date.minutes),
            place: date.place ? format(language, scheduleMail, 'place', { place: date.place }) : '',
            cancellationRule: rules?.cancellation_rule || format(language, scheduleMail, 'notAgreed'),
            absenceRule: rules?.absence_rule || format(language, scheduleMail, 'notAgreed'),
            link,
          };
          return mailer.send({
            kind: 'meeting_invitation',
            to: p.email,
            subject: format(language, scheduleMail, 'subject', values),
            text: format(language, scheduleMail, 'text', values),
            calendar: { method: method === ICalCalendarMethod.CANCEL ? 'CANCEL' : 'REQUEST', content: cal.toString() },
          });
        }),
    );
  }

  app.get(
    '/api/admin-meetings/:id/schedule',
    { config: { matrix: 'adminMeeting.scheduleRead' }, schema: { tags: ['admin meetings'], summary: 'The future meetings: the rules agreed for a cancellation or an absence, who sends the invitations, each date with who came (participants only)', params: IdParams, response: { 200: AdminMeetingSchedule } } },
    async (request) => {
      const actor = actorOf(request);
      return readSchedule(db, await load(actor, request.params.id, 'adminMeeting.scheduleRead'));
    },
  );

  app.get(
    '/api/admin-meetings/:id/schedule.ics',
    { config: { matrix: 'adminMeeting.scheduleRead' }, schema: { tags: ['admin meetings'], summary: 'The dates still scheduled as one iCalendar file, to add to any calendar (participants only)', params: IdParams } },
    async (request, reply) => {
      const actor = actorOf(request);
      const ctx = await load(actor, request.params.id, 'adminMeeting.scheduleRead');
      const dates = await db.selectFrom('admin_meeting_dates').selectAll().where('meeting_id', '=', ctx.meeting.id).where('status', '=', 'scheduled').orderBy('starts_at').limit(200).execute();
      const cal = ical({ name: format(actor.language, scheduleMail, 'calendarName'), prodId: { company: 'Tandem', product: 'partnership-meetings', language: actor.language.toUpperCase() } });
      for (const d of dates) {
        cal.createEvent({ id: `${d.id}@tandem`, sequence: Number(d.sequence), summary: ctx.meeting.title, start: new Date(d.starts_at), end: endOf(d), location: d.place || null, url: `${config.baseUrl}/meetings/${ctx.meeting.id}`, stamp: clock.now() });
      }
      return reply.header('content-type', 'text/calendar; charset=utf-8').header('content-disposition', 'attachment; filename="partnership-meetings.ics"').header('cache-control', 'private, no-store').send(cal.toString());
    },
  );

  app.put(
    '/api/admin-meetings/:id/schedule-rules',
    { config: { matrix: 'adminMeeting.scheduleRules' }, schema: { tags: ['admin meetings'], summary: 'Write down what the group agreed for a cancelled meeting and an absence, and who sends the invitations (whoever runs the meeting or the note-taker; 409 on a stale version)', params: IdParams, body: AdminMeetingRulesBody, response: { 200: AdminMeetingSchedule } } },
    async (request) => {
      const actor = actorOf(request);
      const ctx = await load(actor, request.params.id, 'adminMeeting.scheduleRules');
      const { cancellationRule, absenceRule, invitationsBy, baseVersion } = request.body;
      if (invitationsBy) {
        const seat = await db.selectFrom('admin_meeting_participants').select('person_id').where('meeting_id', '=', ctx.meeting.id).where('person_id', '=', invitationsBy).executeTakeFirst();
        if (!seat) throw unprocessable('adminMeetingInviter', 'invitationsBy');
      }
      await change(ctx.meeting.id, ctx.meeting.org_id, 'schedule_rules', async (trx, now) => {
        const values = { cancellation_rule: cancellationRule, absence_rule: absenceRule, invitations_by: invitationsBy, updated_by: actor.personId, updated_at: now };
        if (baseVersion === 0) {
          const existing = await trx.selectFrom('admin_meeting_rules').select('version').where('meeting_id', '=', ctx.meeting.id).executeTakeFirst();
          if (existing) throw new AppError('VERSION_CONFLICT', 'adminMeetingRulesChanged');
          await trx.insertInto('admin_meeting_rules').values({ meeting_id: ctx.meeting.id, org_id: ctx.meeting.org_id, version: 1, ...values }).execute();
          return;
        }
        const res = await trx.updateTable('admin_meeting_rules').set({ ...values, version: baseVersion + 1 }).where('meeting_id', '=', ctx.meeting.id).where('version', '=', baseVersion).executeTakeFirst();
        if (Number(res.numUpdatedRows) === 0) throw new AppError('VERSION_CONFLICT', 'adminMeetingRulesChanged');
      });
      return readSchedule(db, (await scheduleContext(db, actor, ctx.meeting.id))!);
    },
  );

  app.post(
    '/api/admin-meetings/:id/dates',
    { config: { matrix: 'adminMeeting.schedule' }, schema: { tags: ['admin meetings'], summary: 'Schedule a future meeting: every participant receives a calendar invitation with the agreed rules (whoever runs the meeting, the note-taker or the person named to send invitations)', params: IdParams, body: CreateAdminMeetingDateBody, response: { 201: AdminMeetingSchedule } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const ctx = await load(actor, request.params.id, 'adminMeeting.schedule');
      const body = request.body;
      notPast(body.startsAt);
      const id = newId();
      const row = await change(ctx.meeting.id, ctx.meeting.org_id, 'date_scheduled', async (trx, now) => {
        const values: DateRow = { id, meeting_id: ctx.meeting.id, org_id: ctx.meeting.org_id, starts_at: new Date(body.startsAt).toISOString(), minutes: body.minutes, place: body.place, status: 'scheduled', sequence: 0, version: 1, created_by: actor.personId, created_at: now, updated_at: now, cancelled_at: null };
        await trx.insertInto('admin_meeting_dates').values(values).execute();
        return values;
      });
      await invite(ctx, row, 'scheduled', actor);
      return reply.status(201).send(await readSchedule(db, ctx));
    },
  );

  app.patch(
    '/api/admin-meeting-dates/:id',
    { config: { matrix: 'adminMeeting.schedule' }, schema: { tags: ['admin meetings'], summary: 'Move a future meeting or change its place: the same calendar event is sent again, updated (409 on a stale version)', params: IdParams, body: UpdateAdminMeetingDateBody, response: { 200: AdminMeetingSchedule } } },
    async (request) => {
      const actor = actorOf(request);
      const { date, ctx } = await loadDate(actor, request.params.id, 'adminMeeting.schedule');
      if (date.status === 'cancelled') throw new AppError('INVALID_TRANSITION', 'adminMeetingDateCancelled');
      const { baseVersion, ...body } = request.body;
      checkDateVersion(date, baseVersion);
      if (body.startsAt !== undefined) notPast(body.startsAt);
      const row = await change(ctx.meeting.id, ctx.meeting.org_id, 'date_moved', async (trx, now) => {
        const set = {
          ...(body.startsAt !== undefined ? { starts_at: new Date(body.startsAt).toISOString() } : {}),
          ...(body.minutes !== undefined ? { minutes: body.minutes } : {}),
          ...(body.place !== undefined ? { place: body.place } : {}),
          sequence: Number(date.sequence) + 1,
          version: baseVersion + 1,
          updated_at: now,
        };
        const res = await trx.updateTable('admin_meeting_dates').set(set).where('id', '=', date.id).where('version', '=', baseVersion).executeTakeFirst();
        if (Number(res.numUpdatedRows) === 0) throw new AppError('VERSION_CONFLICT', 'adminMeetingDateChanged');
        return { ...date, ...set };
      });
      await invite(ctx, row, 'moved', actor);
      return readSchedule(db, ctx);
    },
  );

  app.post(
    '/api/admin-meeting-dates/:id/cancellation',
    { config: { matrix: 'adminMeeting.schedule' }, schema: { tags: ['admin meetings'], summary: 'Cancel a future meeting: participants receive the cancellation for their calendars, with what the group agreed happens when a meeting is cancelled', params: IdParams, body: CancelAdminMeetingDateBody, response: { 200: AdminMeetingSchedule } } },
    async (request) => {
      const actor = actorOf(request);
      const { date, ctx } = await loadDate(actor, request.params.id, 'adminMeeting.schedule');
      if (date.status === 'cancelled') throw new AppError('INVALID_TRANSITION', 'adminMeetingDateCancelled');
      checkDateVersion(date, request.body.baseVersion);
      const row = await change(ctx.meeting.id, ctx.meeting.org_id, 'date_cancelled', async (trx, now) => {
        const set = { status: 'cancelled', cancelled_at: now, sequence: Number(date.sequence) + 1, version: Number(date.version) + 1, updated_at: now };
        const res = await trx.updateTable('admin_meeting_dates').set(set).where('id', '=', date.id).where('version', '=', request.body.baseVersion).executeTakeFirst();
        if (Number(res.numUpdatedRows) === 0) throw new AppError('VERSION_CONFLICT', 'adminMeetingDateChanged');
        return { ...date, ...set };
      });
      await invite(ctx, row, 'cancelled', actor);
      return readSchedule(db, ctx);
    },
  );

  app.put(
    '/api/admin-meeting-dates/:id/attendance',
    { config: { matrix: 'adminMeeting.attendance' }, schema: { tags: ['admin meetings'], summary: 'Record who came to a meeting once it has begun: present, absent after letting the group know, or absent (a later record for a person replaces the earlier one)', params: IdParams, body: AdminMeetingAttendanceBody, response: { 200: AdminMeetingSchedule } } },
    async (request) => {
      const actor = actorOf(request);
      const { date, ctx } = await loadDate(actor, request.params.id, 'adminMeeting.attendance');
      if (date.status === 'cancelled') throw new AppError('INVALID_TRANSITION', 'adminMeetingDateCancelled');
      if (new Date(date.starts_at).getTime() > clock.now().getTime()) throw unprocessable('adminMeetingAttendanceEarly', 'records');
      const ids = request.body.records.map((r) => r.personId);
      const seats = await db.selectFrom('admin_meeting_participants').select('person_id').where('meeting_id', '=', ctx.meeting.id).where('person_id', 'in', ids).execute();
      if (new Set(ids).size !== ids.length || seats.length !== ids.length) throw unprocessable('adminMeetingAttendancePerson', 'records');
      await change(ctx.meeting.id, ctx.meeting.org_id, 'attendance', async (trx, now) => {
        for (const r of request.body.records) {
          await trx
            .insertInto('admin_meeting_attendance')
            .values({ date_id: date.id, person_id: r.personId, org_id: date.org_id, status: r.status, recorded_by: actor.personId, recorded_at: now })
            .onConflict((oc) => oc.columns(['date_id', 'person_id']).doUpdateSet({ status: r.status, recorded_by: actor.personId, recorded_at: now }))
            .execute();
        }
      });
      return readSchedule(db, ctx);
    },
  );
}
