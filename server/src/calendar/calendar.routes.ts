/**
 * A private calendar feed per person (iCalendar), behind a secret address the
 * person can replace or turn off at any time; only its SHA-256 is stored. The
 * feed carries logistics only, with neutral titles, so a calendar app, a
 * shared screen or a phone's lock screen never shows coaching content.
 * Also: reminder settings, the reminders list and dismissing one.
 */
import ical, { ICalEventStatus } from 'ical-generator';
import { z } from 'zod';
import { CalendarFeedStatus, IdParams, Reminder, ReminderSettings } from '../../../shared/src/api';
import type { ReminderKind } from '../../../shared/src/domain';
import { format } from '../../../shared/src/i18n-format';
import { notFound } from '../platform/errors';
import { type App, type Services, actorOf } from '../platform/http';
import { newToken, sha256 } from '../platform/ids';
import { languageOf } from '../platform/language';
import { createReminders } from './reminders';
import { calendarMessages } from './messages';
import { scheduleFor, titleOf } from './schedule';

const DAY = 86400_000;
const FeedParams = z.object({ file: z.string().regex(/^[A-Za-z0-9_-]{20,100}\.ics$/, 'Not a calendar address.') });

export default async function calendarRoutes(app: App, s: Services) {
  const { db, clock, config } = s;

  const status = async (personId: string): Promise<z.infer<typeof CalendarFeedStatus>> => {
    const feed = await db.selectFrom('calendar_feeds').select('created_at').where('person_id', '=', personId).where('revoked_at', 'is', null).orderBy('created_at', 'desc').executeTakeFirst();
    return { active: !!feed, createdAt: feed?.created_at ?? null };
  };
  const revokeAll = (personId: string, now: string) => db.updateTable('calendar_feeds').set({ revoked_at: now }).where('person_id', '=', personId).where('revoked_at', 'is', null).execute();

  app.get('/api/me/calendar', { config: { matrix: 'self' }, schema: { tags: ['calendar'], summary: 'Whether my private calendar feed is on', response: { 200: CalendarFeedStatus } } }, async (request) => status(actorOf(request).personId));

  app.post('/api/me/calendar', { config: { matrix: 'self' }, schema: { tags: ['calendar'], summary: 'Create my private calendar address (shown once); any earlier address stops working', response: { 201: CalendarFeedStatus } } }, async (request, reply) => {
    const actor = actorOf(request);
    const token = newToken();
    const now = clock.now().toISOString();
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('calendar_feeds').set({ revoked_at: now }).where('person_id', '=', actor.personId).where('revoked_at', 'is', null).execute();
      await trx.insertInto('calendar_feeds').values({ token_hash: sha256(token), org_id: actor.orgId, person_id: actor.personId, created_at: now, revoked_at: null }).execute();
    });
    return reply.status(201).send({ active: true, createdAt: now, url: `${config.baseUrl}/calendar/${token}.ics` });
  });

  app.delete('/api/me/calendar', { config: { matrix: 'self' }, schema: { tags: ['calendar'], summary: 'Turn off my calendar feed: its address stops working at once', response: { 200: CalendarFeedStatus } } }, async (request) => {
    const actor = actorOf(request);
    await revokeAll(actor.personId, clock.now().toISOString());
    return status(actor.personId);
  });

  app.get('/calendar/:file', { config: { public: true }, schema: { tags: ['calendar'], summary: 'The iCalendar feed behind a secret address (logistics only, neutral titles)', params: FeedParams } }, async (request, reply) => {
    const token = request.params.file.slice(0, -'.ics'.length);
    const feed = await db
      .selectFrom('calendar_feeds as f')
      .innerJoin('people as p', 'p.id', 'f.person_id')
      .select(['f.person_id', 'p.active'])
      .where('f.token_hash', '=', sha256(token))
      .where('f.revoked_at', 'is', null)
      .executeTakeFirst();
    if (!feed || !feed.active) throw notFound();
    const now = clock.now();
    const items = await scheduleFor(db, { from: new Date(now.getTime() - 60 * DAY), to: new Date(now.getTime() + 365 * DAY), personId: feed.person_id, includeCancelled: true });
    // In the feed owner's language: the feed is fetched by a calendar app, with no session to ask.
    const language = await languageOf(db, feed.person_id);
    const cal = ical({ name: format(language, calendarMessages, 'feedName'), prodId: { company: 'Tandem', product: 'coaching-calendar', language: language.toUpperCase() }, ttl: 3600 });
    for (const item of items) {
      cal.createEvent({
        id: `${item.key}@tandem`,
        summary: titleOf(item, language),
        start: item.start,
        end: item.end ?? undefined,
        allDay: item.allDay,
        location: item.location || null,
        url: `${config.baseUrl}/partnerships/${item.partnershipId}`,
        status: item.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
        stamp: now,
      });
    }
    // The partnership meetings of coaches and administrators the person takes part in (issue 12, item 5): the same
    // event as their invitation (uid and sequence), so a calendar that has both shows it once.
    const adminDates = await db
      .selectFrom('admin_meeting_dates as d')
      .innerJoin('admin_meeting_participants as p', (j) => j.onRef('p.meeting_id', '=', 'd.meeting_id').on('p.person_id', '=', feed.person_id))
      .select(['d.id', 'd.meeting_id', 'd.starts_at', 'd.minutes', 'd.place', 'd.status', 'd.sequence'])
      .where('d.starts_at', '>=', new Date(now.getTime() - 60 * DAY).toISOString())
      .where('d.starts_at', '<', new Date(now.getTime() + 365 * DAY).toISOString())
      .orderBy('d.starts_at')
      .limit(500)
      .execute();
    for (const d of adminDates) {
      const start = new Date(d.starts_at);
      cal.createEvent({
        id: `${d.id}@tandem`,
        sequence: Number(d.sequence),
        summary: format(language, calendarMessages, 'adminMeeting'),
        start,
        end: new Date(start.getTime() + Number(d.minutes) * 60_000),
        location: d.place || null,
        url: `${config.baseUrl}/meetings/${d.meeting_id}`,
        status: d.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
        stamp: now,
      });
    }
    return reply.header('content-type', 'text/calendar; charset=utf-8').header('cache-control', 'private, no-store').send(cal.toString());
  });

  app.get('/api/me/reminder-settings', { config: { matrix: 'self' }, schema: { tags: ['calendar'], summary: 'Whether reminders also come by e-mail', response: { 200: ReminderSettings } } }, async (request) => {
    const pref = await db.selectFrom('reminder_preferences').select('email').where('person_id', '=', actorOf(request).personId).executeTakeFirst();
    return { email: pref ? pref.email === 1 : true };
  });

  app.put('/api/me/reminder-settings', { config: { matrix: 'self' }, schema: { tags: ['calendar'], summary: 'Choose whether reminders also come by e-mail (they always appear in Tandem)', body: ReminderSettings, response: { 200: ReminderSettings } } }, async (request) => {
    const personId = actorOf(request).personId;
    const email = request.body.email ? 1 : 0;
    await db.insertInto('reminder_preferences').values({ person_id: personId, email }).onConflict((oc) => oc.column('person_id').doUpdateSet({ email })).execute();
    return { email: email === 1 };
  });

  app.get('/api/me/reminders', { config: { matrix: 'self' }, schema: { tags: ['calendar'], summary: 'My reminders not yet dismissed', response: { 200: z.object({ items: z.array(Reminder) }) } } }, async (request) => {
    const actor = actorOf(request);
    return { items: await remindersOf(s, actor.personId) };
  });

  app.post('/api/me/reminders/:id/dismissal', { config: { matrix: 'self' }, schema: { tags: ['calendar'], summary: 'Dismiss one of my reminders', params: IdParams } }, async (request, reply) => {
    const actor = actorOf(request);
    const res = await db.updateTable('reminders').set({ dismissed_at: clock.now().toISOString() }).where('id', '=', request.params.id).where('person_id', '=', actor.personId).executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw notFound();
    return reply.status(204).send();
  });
}

/** My open reminders, brought up to date first (the background job also e-mails them). */
export async function remindersOf(s: Pick<Services, 'db' | 'clock'>, personId: string): Promise<Array<z.infer<typeof Reminder>>> {
  await createReminders(s.db, s.clock, personId);
  const rows = await s.db
    .selectFrom('reminders')
    .select(['id', 'kind', 'partnership_id', 'text', 'due_at', 'created_at'])
    .where('person_id', '=', personId)
    .where('dismissed_at', 'is', null)
    .where('due_at', '>=', new Date(s.clock.now().getTime() - DAY).toISOString())
    .orderBy('due_at')
    .limit(50)
    .execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind as ReminderKind, partnershipId: r.partnership_id, text: r.text, dueAt: r.due_at, createdAt: r.created_at }));
}
