import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReminders, emailReminders } from '../../server/src/calendar/reminders';
import { type Client, type World, createWorld } from '../support/world';

let w: World;
let coach: string;
let coachee: string;
let partnership: string;
let c: Client;
let t: Client;

beforeAll(async () => {
  w = await createWorld();
  ({ coach, coachee, partnership } = await w.given.expertPartnership());
  [c, t] = await Promise.all([w.as(coach), w.as(coachee)]);
});
afterAll(() => w?.close());

/** Whole minutes from now (calendar times have no milliseconds). */
const at = (hoursFromNow: number) => new Date(Math.ceil((w.clock.now().getTime() + hoursFromNow * 3600_000) / 60_000) * 60_000).toISOString();
const events = (ics: string) => new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));

describe('calendar feed', () => {
  it('is a valid iCalendar with neutral titles, behind a secret address that can be replaced or turned off', async () => {
    const meeting = (await c.post(`/api/partnerships/${partnership}/meetings`, { kind: 'coaching_meeting', startsAt: at(20), endsAt: at(21), location: 'Room 12', agenda: 'Talk about Jamie\'s tantrums' })).json();
    const cancelled = (await c.post(`/api/partnerships/${partnership}/meetings`, { kind: 'observation', startsAt: at(48), endsAt: at(49) })).json();
    await c.post(`/api/meetings/${cancelled.id}/cancellation`, { reason: 'Field trip' });
    await t.post(`/api/partnerships/${partnership}/goals`, { title: 'Secret goal title', steps: [{ description: 'Secret step text', responsible: 'coachee', dueOn: at(72).slice(0, 10) }] });
    expect((await t.get('/api/me/calendar')).json()).toEqual({ active: false, createdAt: null });
    const feed = await t.post('/api/me/calendar');
    expect(feed.statusCode).toBe(201);
    const url = new URL(feed.json().url);
    expect(url.origin).toBe('http://tandem.test');
    const res = await w.anonymous.get(url.pathname);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    for (const secret of ['Jamie', 'Secret goal title', 'Secret step text', 'Field trip']) expect(res.body).not.toContain(secret);
    const parsed = events(res.body);
    const session = parsed.find((e) => e.uid.startsWith(`session:${meeting.id}`))!;
    expect(session.summary).toBe('Coaching meeting');
    expect(session.location).toBe('Room 12');
    expect(session.startDate.toJSDate().toISOString()).toBe(meeting.startsAt);
    expect(session.endDate.toJSDate().toISOString()).toBe(meeting.endsAt);
    const off = parsed.find((e) => e.uid.startsWith(`session:${cancelled.id}`))!;
    expect(off.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    const step = parsed.find((e) => e.uid.startsWith('step:'))!;
    expect(step.summary).toBe('A step in your coaching plan is due');
    expect(step.startDate.isDate).toBe(true);
    expect(step.startDate.toString()).toBe(at(72).slice(0, 10));
    // The coach does not carry the coachee's step, so it is not in the coach's feed.
    const coachFeed = (await c.post('/api/me/calendar')).json().url;
    expect(events((await w.anonymous.get(new URL(coachFeed).pathname)).body).some((e) => e.uid.startsWith('step:'))).toBe(false);
    // A new address ends the old one; turning it off ends the new one.
    const second = new URL((await t.post('/api/me/calendar')).json().url);
    expect((await w.anonymous.get(url.pathname)).statusCode).toBe(404);
    expect((await w.anonymous.get(second.pathname)).statusCode).toBe(200);
    expect((await t.delete('/api/me/calendar')).json().active).toBe(false);
    expect((await w.anonymous.get(second.pathname)).statusCode).toBe(404);
    expect((await w.anonymous.get('/calendar/not-a-token.ics')).statusCode).toBe(400);
  });
});

describe('reminders', () => {
  it('come once per session and step, in the app and by e-mail unless turned off, without coaching content', async () => {
    const meeting = (await c.post(`/api/partnerships/${partnership}/meetings`, { kind: 'support_visit', startsAt: at(10), endsAt: at(11), agenda: 'Private agenda words' })).json();
    await t.post(`/api/partnerships/${partnership}/goals`, { title: 'Secret goal', steps: [{ description: 'Secret step', responsible: 'both', dueOn: at(30).slice(0, 10) }] });
    const home = (await t.get('/api/attention')).json().reminders;
    const mine = home.find((r: { kind: string; dueAt: string }) => r.kind === 'session' && r.dueAt === meeting.startsAt);
    expect(mine.text).toMatch(/^Support visit on \w{3} \d+ \w+ at \d\d:\d\d$/);
    // The step due in about a day is reminded; the one due in three days is not yet (two days ahead).
    expect(home.filter((r: { kind: string }) => r.kind === 'step_due')).toHaveLength(1);
    expect(await createReminders(w.db, w.clock)).toBeGreaterThan(0); // the coach's
    expect(await createReminders(w.db, w.clock)).toBe(0); // nothing twice
    await c.put('/api/me/reminder-settings', { email: false });
    expect((await c.get('/api/me/reminder-settings')).json()).toEqual({ email: false });
    const before = w.mailer.sent.length;
    const sent = await emailReminders(w.db, w.clock, w.mailer);
    const mails = w.mailer.sent.slice(before);
    expect(sent).toBe(mails.length);
    expect(mails.length).toBeGreaterThan(0);
    const coachEmail = (await w.db.selectFrom('people').select('email').where('id', '=', coach).executeTakeFirstOrThrow()).email;
    expect(mails.some((m) => m.to === coachEmail)).toBe(false);
    expect(mails.every((m) => !m.text.includes('Private agenda words') && !m.text.includes('Secret'))).toBe(true);
    expect(await emailReminders(w.db, w.clock, w.mailer)).toBe(0);
    // Dismissed reminders leave Home; someone else's reminder cannot be dismissed.
    expect((await c.post(`/api/me/reminders/${mine.id}/dismissal`)).statusCode).toBe(404);
    expect((await t.post(`/api/me/reminders/${mine.id}/dismissal`)).statusCode).toBe(204);
    expect((await t.get('/api/me/reminders')).json().items.some((r: { id: string }) => r.id === mine.id)).toBe(false);
    // A rescheduled session reminds again for its new time.
    expect((await c.patch(`/api/meetings/${meeting.id}`, { startsAt: at(12), endsAt: at(13), reason: 'Assembly' })).statusCode).toBe(200);
    expect((await t.get('/api/me/reminders')).json().items.some((r: { kind: string; dueAt: string }) => r.kind === 'session' && r.dueAt === at(12))).toBe(true);
  });
});
