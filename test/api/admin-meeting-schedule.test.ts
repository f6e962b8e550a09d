/**
 * The meeting's future meetings (issue 12, item 5): the rules agreed for a cancelled meeting and an
 * absence, who sends the invitations, dates that reach every participant's calendar as an
 * iCalendar invitation through a real SMTP server (moved and cancelled as the same event), the
 * schedule as a file, attendance once a date has begun. Only participants find any of it.
 */
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SmtpMailer } from '../../server/src/platform/mail';
import { type Client, NOT_FOUND_BODY, type World, createWorld } from '../support/world';

interface Received {
  to: string;
  parsed: ParsedMail;
}
let smtp: SMTPServer;
const inbox: Received[] = [];
let w: World<SmtpMailer>;
let org: string;
const people: Record<'leader' | 'principal' | 'ap' | 'coach' | 'coach2' | 'otherSupervisor' | 'coachee', string> = {} as never;
const as: Record<keyof typeof people, Client> = {} as never;
let meetingId: string;

/** Waits until `n` messages arrived after `from` (SMTP is asynchronous only at the server's end). */
async function mailsSince(from: number, n: number): Promise<Received[]> {
  for (let i = 0; i < 200 && inbox.length < from + n; i++) await new Promise((r) => setTimeout(r, 10));
  return inbox.slice(from);
}
const icsOf = (m: Received) => {
  const part = m.parsed.attachments.find((a) => a.contentType.startsWith('text/calendar'));
  return part ? part.content.toString('utf8') : '';
};

beforeAll(async () => {
  smtp = new SMTPServer({
    logger: false,
    disabledCommands: ['STARTTLS', 'AUTH'],
    onData(stream, session, cb) {
      simpleParser(stream).then((parsed) => {
        for (const to of session.envelope.rcptTo) inbox.push({ to: to.address, parsed });
        cb();
      }, cb);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const url = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  const quiet = { info: () => undefined, warn: () => undefined };
  w = await createWorld({ smtpUrl: url, mailFrom: 'Tandem <no-reply@tandem.test>' }, { mailer: new SmtpMailer(url, 'Tandem <no-reply@tandem.test>', quiet) });
  org = await w.given.organization();
  people.leader = await w.given.person(org, ['leader'], 'Lena Leader');
  people.principal = await w.given.person(org, ['supervisor'], 'Pat Principal');
  people.ap = await w.given.person(org, ['supervisor'], 'Alex Assistant');
  people.coach = await w.given.person(org, ['coach'], 'Carmen Coach');
  people.coach2 = await w.given.person(org, ['coach'], 'Chris Coach');
  people.otherSupervisor = await w.given.person(org, ['supervisor'], 'Sasha Supervisor');
  people.coachee = await w.given.person(org, ['coachee'], 'Taylor Teacher');
  for (const k of Object.keys(people) as Array<keyof typeof people>) as[k] = await w.as(people[k]);
  const res = await as.coach.post('/api/admin-meetings', {
    title: 'Maple Street: coaching this year',
    schoolYear: '2026–2027',
    participants: [
      { personId: people.principal, role: 'principal' },
      { personId: people.ap, role: 'assistant_principal' },
      { personId: people.coach, role: 'coach' },
      { personId: people.coach2, role: 'coach' },
    ],
  });
  expect(res.statusCode).toBe(201);
  meetingId = res.json().id;
});
afterAll(async () => {
  await w?.close();
  await w?.mailer.close();
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
});

const rules = { cancellationRule: 'Whoever cancels proposes a new date within a week.', absenceRule: 'Tell the group a day ahead; the note-taker sends the notes.', invitationsBy: null as string | null, baseVersion: 0 };

describe('the rules for future meetings', () => {
  it('are written down by whoever runs the meeting, and read by every participant', async () => {
    const res = await as.coach.put(`/api/admin-meetings/${meetingId}/schedule-rules`, { ...rules, invitationsBy: people.ap });
    expect(res.statusCode).toBe(200);
    expect(res.json().rules).toMatchObject({ cancellationRule: rules.cancellationRule, absenceRule: rules.absenceRule, invitationsBy: people.ap, invitationsByName: 'Alex Assistant', version: 1 });
    const read = await as.principal.get(`/api/admin-meetings/${meetingId}/schedule`);
    expect(read.statusCode).toBe(200);
    expect(read.json().rules.absenceRule).toBe(rules.absenceRule);
    expect(read.json().abilities).toEqual({ editRules: false, schedule: false, recordAttendance: false });
    // The person named to send invitations keeps the dates, not the rules.
    expect((await as.ap.get(`/api/admin-meetings/${meetingId}/schedule`)).json().abilities).toEqual({ editRules: false, schedule: true, recordAttendance: true });
  });

  it('are hidden from a supervisor and a teacher who do not take part (404)', async () => {
    for (const c of [as.otherSupervisor, as.coachee, as.leader]) {
      const res = await c.get(`/api/admin-meetings/${meetingId}/schedule`);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual(NOT_FOUND_BODY);
    }
  });

  it('refuse a stale version and a person outside the meeting, and a participant who does not run it', async () => {
    const stale = await as.coach.put(`/api/admin-meetings/${meetingId}/schedule-rules`, { ...rules, baseVersion: 0 });
    expect(stale.statusCode).toBe(409);
    const outsider = await as.coach.put(`/api/admin-meetings/${meetingId}/schedule-rules`, { ...rules, invitationsBy: people.otherSupervisor, baseVersion: 1 });
    expect(outsider.statusCode).toBe(422);
    expect(outsider.json()).toMatchObject({ code: 'UNPROCESSABLE', message: 'Choose who sends the invitations among the participants.' });
    expect((await as.principal.put(`/api/admin-meetings/${meetingId}/schedule-rules`, { ...rules, baseVersion: 1 })).statusCode).toBe(404);
    // Nothing changed.
    expect((await as.coach.get(`/api/admin-meetings/${meetingId}/schedule`)).json().rules).toMatchObject({ version: 1, invitationsBy: people.ap });
  });
});

describe('future meetings in every calendar', () => {
  let dateId: string;
  const startsAt = '2026-10-05T14:00:00.000Z';

  it('sends each participant an invitation with the rules, through SMTP, as an iCalendar REQUEST', async () => {
    const before = inbox.length;
    const lastEvent = (await as.coach.get(`/api/admin-meetings/${meetingId}`)).json().lastEvent;
    const res = await as.ap.post(`/api/admin-meetings/${meetingId}/dates`, { startsAt, minutes: 60, place: 'Library' });
    expect(res.statusCode).toBe(201);
    dateId = res.json().dates[0].id;
    expect(res.json().dates[0]).toMatchObject({ startsAt, endsAt: '2026-10-05T15:00:00.000Z', minutes: 60, place: 'Library', status: 'scheduled', version: 1 });
    // A live screen hears about it.
    expect((await as.coach.get(`/api/admin-meetings/${meetingId}`)).json().lastEvent).toBe(lastEvent + 1);
    const mails = await mailsSince(before, 4);
    expect(mails.map((m) => m.to).sort()).toHaveLength(4);
    for (const m of mails) {
      expect(m.parsed.subject).toMatch(/^Invitation: Maple Street: coaching this year, /);
      expect(m.parsed.text).toContain(rules.cancellationRule);
      expect(m.parsed.text).toContain(rules.absenceRule);
      expect(m.parsed.text).toContain('Alex Assistant scheduled');
      const ics = icsOf(m);
      expect(ics).toContain('METHOD:REQUEST');
      expect(ics).toContain(`UID:${dateId}@tandem`);
      expect(ics).toContain('SEQUENCE:0');
      expect(ics).toContain('DTSTART:20261005T140000Z');
      expect(ics).toContain('LOCATION:Library');
    }
  });

  it('moves a date as the same calendar event, with the next sequence', async () => {
    const before = inbox.length;
    const res = await as.ap.patch(`/api/admin-meeting-dates/${dateId}`, { startsAt: '2026-10-06T14:00:00.000Z', baseVersion: 1 });
    expect(res.statusCode).toBe(200);
    expect(res.json().dates[0]).toMatchObject({ startsAt: '2026-10-06T14:00:00.000Z', version: 2, place: 'Library' });
    const mails = await mailsSince(before, 4);
    expect(mails[0].parsed.subject).toMatch(/^Moved: /);
    expect(icsOf(mails[0])).toContain(`UID:${dateId}@tandem`);
    expect(icsOf(mails[0])).toContain('SEQUENCE:1');
    expect((await as.ap.patch(`/api/admin-meeting-dates/${dateId}`, { minutes: 45, baseVersion: 1 })).statusCode).toBe(409);
  });

  it('refuses a date in the past, a meeting too short, and scheduling by a participant who does not keep the dates', async () => {
    const past = await as.ap.post(`/api/admin-meetings/${meetingId}/dates`, { startsAt: '2026-01-05T14:00:00.000Z', minutes: 60 });
    expect(past.statusCode).toBe(422);
    const short = await as.ap.post(`/api/admin-meetings/${meetingId}/dates`, { startsAt, minutes: 5 });
    expect(short.statusCode).toBe(400);
    expect(short.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'body.minutes', message: 'A meeting lasts at least 10 minutes.' }] });
    expect((await as.principal.post(`/api/admin-meetings/${meetingId}/dates`, { startsAt, minutes: 60 })).statusCode).toBe(404);
    expect((await as.otherSupervisor.post(`/api/admin-meetings/${meetingId}/dates`, { startsAt, minutes: 60 })).statusCode).toBe(404);
    expect((await as.otherSupervisor.patch(`/api/admin-meeting-dates/${dateId}`, { minutes: 30, baseVersion: 2 })).statusCode).toBe(404);
    expect((await as.coach.get(`/api/admin-meetings/${meetingId}/schedule`)).json().dates).toHaveLength(1);
  });

  it('gives participants the schedule as a calendar file, and nobody else', async () => {
    const res = await as.principal.get(`/api/admin-meetings/${meetingId}/schedule.ics`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    expect(res.body).toContain(`UID:${dateId}@tandem`);
    expect(res.body).toContain('SUMMARY:Maple Street: coaching this year');
    expect((await as.otherSupervisor.get(`/api/admin-meetings/${meetingId}/schedule.ics`)).statusCode).toBe(404);
  });

  it('records attendance once the date has begun, only for participants', async () => {
    const early = await as.coach.put(`/api/admin-meeting-dates/${dateId}/attendance`, { records: [{ personId: people.principal, status: 'present' }] });
    expect(early.statusCode).toBe(422);
    w.clock.set('2026-10-06T14:30:00.000Z');
    // A month later: everyone signs in again.
    for (const k of Object.keys(people) as Array<keyof typeof people>) as[k] = await w.as(people[k]);
    const res = await as.coach.put(`/api/admin-meeting-dates/${dateId}/attendance`, {
      records: [
        { personId: people.principal, status: 'present' },
        { personId: people.ap, status: 'absent_notice' },
        { personId: people.coach, status: 'present' },
      ],
    });
    expect(res.statusCode).toBe(200);
    const byName = Object.fromEntries(res.json().dates[0].attendance.map((a: { name: string; status: string | null }) => [a.name, a.status]));
    expect(byName).toEqual({ 'Pat Principal': 'present', 'Alex Assistant': 'absent_notice', 'Carmen Coach': 'present', 'Chris Coach': null });
    const outsider = await as.coach.put(`/api/admin-meeting-dates/${dateId}/attendance`, { records: [{ personId: people.otherSupervisor, status: 'present' }] });
    expect(outsider.statusCode).toBe(422);
    expect((await as.principal.put(`/api/admin-meeting-dates/${dateId}/attendance`, { records: [{ personId: people.principal, status: 'absent' }] })).statusCode).toBe(404);
    // A second record for a person replaces the first.
    const again = await as.ap.put(`/api/admin-meeting-dates/${dateId}/attendance`, { records: [{ personId: people.coach2, status: 'absent' }] });
    expect(again.json().dates[0].attendance.find((a: { name: string }) => a.name === 'Chris Coach').status).toBe('absent');
  });

  it('cancels a date for every calendar, with what the group agreed happens then', async () => {
    w.clock.set('2026-10-01T12:00:00.000Z');
    for (const k of Object.keys(people) as Array<keyof typeof people>) as[k] = await w.as(people[k]);
    const next = await as.ap.post(`/api/admin-meetings/${meetingId}/dates`, { startsAt: '2026-11-02T15:00:00.000Z', minutes: 45 });
    const nextId = next.json().dates.find((d: { startsAt: string }) => d.startsAt === '2026-11-02T15:00:00.000Z').id;
    const before = inbox.length;
    const res = await as.ap.post(`/api/admin-meeting-dates/${nextId}/cancellation`, { baseVersion: 1 });
    expect(res.statusCode).toBe(200);
    expect(res.json().dates.find((d: { id: string }) => d.id === nextId)).toMatchObject({ status: 'cancelled', version: 2 });
    const mails = await mailsSince(before, 4);
    expect(mails[0].parsed.subject).toMatch(/^Cancelled: /);
    expect(mails[0].parsed.text).toContain(rules.cancellationRule);
    expect(icsOf(mails[0])).toContain('METHOD:CANCEL');
    expect(icsOf(mails[0])).toContain('STATUS:CANCELLED');
    expect(icsOf(mails[0])).toContain('SEQUENCE:1');
    expect((await as.ap.post(`/api/admin-meeting-dates/${nextId}/cancellation`, { baseVersion: 2 })).statusCode).toBe(409);
    // The calendar file no longer carries it.
    expect((await as.principal.get(`/api/admin-meetings/${meetingId}/schedule.ics`)).body).not.toContain(`UID:${nextId}@tandem`);
  });

  it('puts the dates in each participant’s private calendar feed as the same events, and in nobody else’s', async () => {
    const feedOf = async (c: Client) => {
      const url = new URL((await c.post('/api/me/calendar')).json().url as string);
      return (await w.app.inject({ method: 'GET', url: url.pathname })).body;
    };
    const principal = await feedOf(as.principal);
    expect(principal).toContain('SUMMARY:Partnership meeting of coaches and administrators');
    expect(principal).toMatch(/STATUS:CANCELLED/);
    expect(principal).not.toContain('Maple Street');
    expect(await feedOf(as.otherSupervisor)).not.toContain('Partnership meeting of coaches');
  });

  it('writes each invitation in its reader’s language', async () => {
    await w.db.updateTable('people').set({ language: 'es' }).where('id', '=', people.principal).execute();
    const before = inbox.length;
    await as.ap.post(`/api/admin-meetings/${meetingId}/dates`, { startsAt: '2026-12-07T15:00:00.000Z', minutes: 60 });
    const mails = await mailsSince(before, 4);
    const principalEmail = (await w.db.selectFrom('people').select('email').where('id', '=', people.principal).executeTakeFirstOrThrow()).email;
    const spanish = mails.find((m) => m.to === principalEmail)!;
    expect(spanish.parsed.subject).toMatch(/^Invitación: /);
    expect(spanish.parsed.text).toContain('Lo que acordamos si se cancela una reunión');
  });
});
