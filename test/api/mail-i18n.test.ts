/**
 * What the server writes on its own — e-mails, the calendar feed, reminders,
 * role descriptions, the agreement PDF — in the language of the person who
 * reads it: their choice, else their organization's default. A Spanish-speaking
 * coachee and an English-speaking coach in one partnership each get their own.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_KINDS } from '../../shared/src/domain';
import { format } from '../../shared/src/i18n-format';
import { createReminders, emailReminders } from '../../server/src/calendar/reminders';
import { KINDS } from '../../server/src/privacy/kinds';
import { receiptMessages } from '../../server/src/privacy/messages';
import { type Client, type World, createWorld } from '../support/world';

let w: World;
let scene: Awaited<ReturnType<World['given']['expertPartnership']>>;
let c: Client;
let t: Client;
let sup: Client;
const ZONE = 'America/Chicago';

const emailOf = async (personId: string) => (await w.db.selectFrom('people').select('email').where('id', '=', personId).executeTakeFirstOrThrow()).email;
const mailsTo = (to: string) => w.mailer.sent.filter((m) => m.to === to);
/** Whole minutes from now. */
const at = (hours: number) => new Date(Math.ceil((w.clock.now().getTime() + hours * 3600_000) / 60_000) * 60_000).toISOString();
const inZone = (iso: string, locale: string, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, { ...options, timeZone: ZONE }).format(new Date(iso));

beforeAll(async () => {
  w = await createWorld();
  w.clock.set('2026-12-08T14:00:00.000Z');
  scene = await w.given.expertPartnership();
  await w.db.updateTable('organizations').set({ time_zone: ZONE }).where('id', '=', scene.org).execute();
  [c, t, sup] = await Promise.all([w.as(scene.coach), w.as(scene.coachee), w.as(scene.supervisor)]);
  const chosen = await t.put('/api/me/language', { language: 'es' });
  expect(chosen.statusCode, chosen.body).toBe(200);
});
afterAll(() => w?.close());

describe('e-mail in the recipient\'s language', () => {
  it('sends the Spanish-speaking coachee share receipts and withdrawals in Spanish', async () => {
    const to = await emailOf(scene.coachee);
    const note = (await t.post(`/api/partnerships/${scene.partnership}/notes`, { body: 'Una nota mía' })).json();
    const share = await t.post(`/api/partnerships/${scene.partnership}/shares`, { granteeId: scene.supervisor, itemType: 'note', itemId: note.id });
    expect(share.statusCode, share.body).toBe(201);
    const shared = mailsTo(to).at(-1)!;
    expect(shared.subject).toMatch(/^Compartiste una de tus notas con /);
    expect(shared.text).toMatch(/^Te confirmamos que .+ ya puede leer una de tus notas\. Puedes dejar de compartir cuando quieras, y cada lectura aparece en "Quién ha visto mi contenido de coaching"\.$/);

    await t.post(`/api/partnerships/${scene.partnership}/shares`, { granteeId: scene.supervisor, category: 'observation_plans', expiresAt: '2026-12-20T17:30:00.000Z' });
    const category = mailsTo(to).at(-1)!;
    expect(category.subject).toMatch(/^Compartiste todos tus planes de observación de este acompañamiento con /);
    expect(category.text).toContain('ya puede leer todos tus planes de observación de este acompañamiento hasta el 20 de diciembre de 2026, 17:30 (UTC).');

    expect((await t.delete(`/api/shares/${share.json().id}`)).statusCode).toBe(200);
    const withdrawn = mailsTo(to).at(-1)!;
    expect(withdrawn.subject).toMatch(/^Dejaste de compartir con /);
    expect(withdrawn.text).toContain('ya no puede leer una de tus notas que habías compartido');
  });

  it('names every kind of item in English exactly as the content-kind registry does', () => {
    for (const kind of CONTENT_KINDS) expect(format('en', receiptMessages, `oneOf_${kind}`)).toBe(KINDS[kind].oneOf);
  });

  it('tells the coachee in Spanish and the supervisor in English that a concern was raised', async () => {
    const concern = (await c.post(`/api/partnerships/${scene.partnership}/concerns`, { description: 'Private words' })).json();
    await c.post(`/api/concerns/${concern.id}/discussion`, { summary: 'Talked', discussedOn: w.clock.now().toISOString().slice(0, 10), coacheeView: 'Fine' });
    const raised = await c.post(`/api/concerns/${concern.id}/escalation`, { supervisorId: scene.supervisor, reason: 'Needs help' });
    expect(raised.statusCode, raised.body).toBe(200);
    const toCoachee = mailsTo(await emailOf(scene.coachee)).at(-1)!;
    expect(toCoachee.subject).toMatch(/ le planteó una preocupación a /);
    expect(toCoachee.text).toContain('tu supervisor/a, la preocupación que conversaron');
    const toSupervisor = mailsTo(await emailOf(scene.supervisor)).at(-1)!;
    expect(toSupervisor.subject).toMatch(/ raised a concern with you$/);
    expect(toSupervisor.text).toMatch(/^.+ has raised a concern with you about .+, after talking it over with them\./);
  });

  it('reminds the coachee in Spanish and the coach in English, at the organization\'s local time', async () => {
    const startsAt = at(10);
    const meeting = await c.post(`/api/partnerships/${scene.partnership}/meetings`, { kind: 'coaching_meeting', startsAt, endsAt: at(11) });
    expect(meeting.statusCode, meeting.body).toBe(201);
    await t.post(`/api/partnerships/${scene.partnership}/goals`, { title: 'Una meta', steps: [{ description: 'Un paso', responsible: 'coachee', dueOn: at(30).slice(0, 10) }] });
    expect(await createReminders(w.db, w.clock)).toBeGreaterThan(0);

    const day = { es: `${inZone(startsAt, 'es', { weekday: 'long' })} ${inZone(startsAt, 'es', { day: 'numeric', month: 'long' })}`, en: inZone(startsAt, 'en-GB', { weekday: 'short', day: 'numeric', month: 'short' }) };
    const time = inZone(startsAt, 'en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const spanish = `Sesión de coaching el ${day.es} a las ${time}`;
    // In the app, too: Home lists the reminder in the coachee's words.
    const home = (await t.get('/api/attention')).json().reminders as Array<{ kind: string; text: string }>;
    expect(home.map((r) => r.text)).toContain(spanish);
    expect(home.find((r) => r.kind === 'step_due')?.text).toMatch(/^Vence un paso de tu plan de coaching el [a-záéíóúñ]+ \d+ de [a-z]+$/);

    const before = w.mailer.sent.length;
    await emailReminders(w.db, w.clock, w.mailer);
    const sent = w.mailer.sent.slice(before);
    const [coacheeEmail, coachEmail] = [await emailOf(scene.coachee), await emailOf(scene.coach)];
    // Everything the coachee is reminded of comes in Spanish; the coach's in English.
    expect(sent.filter((m) => m.to === coacheeEmail).map((m) => m.subject.split(':')[0])).toEqual(['Recordatorio', 'Recordatorio']);
    expect(sent.filter((m) => m.to === coachEmail).map((m) => m.subject.split(':')[0])).toEqual(['Reminder']);
    const toCoachee = sent.find((m) => m.to === coacheeEmail && m.subject === `Recordatorio: ${spanish}`)!;
    expect(toCoachee.text).toMatch(new RegExp(`^Hola, .+:\\n\\nUn recordatorio de Tandem: ${spanish}\\.\\n\\nLos detalles están en Tandem\\. .+ Configuración\\.$`));
    const toCoach = sent.find((m) => m.to === coachEmail)!;
    expect(toCoach.subject).toBe(`Reminder: Coaching meeting on ${day.en} at ${time}`);
    expect(toCoach.text).toMatch(/^Hello .+,\n\nA reminder from Tandem: Coaching meeting on /);
  });

  it('sends a password reset in the person\'s language, and an invitation in the organization\'s default', async () => {
    const to = await emailOf(scene.coachee);
    expect((await w.anonymous.post('/api/auth/password-reset', { email: to })).statusCode).toBe(202);
    await expect.poll(() => mailsTo(to).at(-1)?.subject).toBe('Restablece tu contraseña de Tandem');
    expect(mailsTo(to).at(-1)!.text).toMatch(/^Alguien pidió restablecer la contraseña de esta cuenta de Tandem\. Si fuiste tú, abre este enlace en los próximos 60 minutos:\nhttp:\/\/tandem\.test\/reset-password\?token=[\w-]+\nSi no fuiste tú/);
    const coachEmail = await emailOf(scene.coach);
    expect((await w.anonymous.post('/api/auth/password-reset', { email: coachEmail })).statusCode).toBe(202);
    await expect.poll(() => mailsTo(coachEmail).at(-1)?.subject).toBe('Reset your Tandem password');

    const org = await w.given.organization();
    await w.db.updateTable('organizations').set({ default_language: 'es' }).where('id', '=', org).execute();
    const leader = await w.as(await w.given.person(org, ['leader']));
    const person = (await leader.post('/api/people', { name: 'Lucía', email: 'lucia@escuela.example', roles: ['coachee'] })).json();
    expect((await leader.post(`/api/people/${person.id}/invitations`)).statusCode).toBe(201);
    const invitation = mailsTo('lucia@escuela.example').at(-1)!;
    expect(invitation.subject).toMatch(/ te invitó a Tandem$/);
    expect(invitation.text).toMatch(/^Hola, Lucía:\n\n.+ te invitó a sumarte al programa de coaching de tu organización en Tandem\. Abre este enlace en los próximos 14 días para crear tu cuenta:\nhttp:\/\/tandem\.test\/invitation\?token=/);
  });
});

describe('the calendar feed in its owner\'s language', () => {
  const events = (ics: string) => new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
  const feedOf = async (client: Client) => (await w.anonymous.get(new URL((await client.post('/api/me/calendar')).json().url).pathname)).body;

  it('gives the Spanish speaker Spanish titles and the English speaker English ones', async () => {
    const meeting = (await c.post(`/api/partnerships/${scene.partnership}/meetings`, { kind: 'observation', startsAt: at(48), endsAt: at(49) })).json();
    const spanish = await feedOf(t);
    expect(new ICAL.Component(ICAL.parse(spanish)).getFirstPropertyValue('x-wr-calname')).toBe('Coaching en Tandem');
    const mine = events(spanish);
    expect(mine.find((e) => e.uid.startsWith(`session:${meeting.id}`))?.summary).toBe('Observación en el aula');
    expect(mine.filter((e) => e.uid.startsWith('step:')).map((e) => e.summary)).toContain('Vence un paso de tu plan de coaching');
    expect(mine.some((e) => e.summary === 'Sesión de coaching')).toBe(true);

    const english = events(await feedOf(c));
    expect(english.find((e) => e.uid.startsWith(`session:${meeting.id}`))?.summary).toBe('Classroom observation');
  });
});

describe('role descriptions in the reader\'s language', () => {
  it('answers the Spanish speaker in Spanish, the same version as in English', async () => {
    const es = (await t.get('/api/role-descriptions')).json();
    const en = (await c.get('/api/role-descriptions')).json();
    expect(es.version).toBe(en.version);
    expect(es.descriptions.map((d: { title: string }) => d.title)).toEqual(['Persona acompañada', 'Coach', 'Coach mentor/a', 'Supervisor/a', 'Dirección del programa']);
    expect(en.descriptions.map((d: { title: string }) => d.title)).toEqual(['Coachee', 'Coach', 'Mentor coach', 'Supervisor', 'Program leader']);
    const coachee = es.descriptions.find((d: { party: string }) => d.party === 'coachee');
    expect(coachee.isYou).toBe(true);
    expect(coachee.youDo[0]).toMatch(/^Tú llevas la iniciativa\./);
    expect(coachee.youSee).toContain('Solo tú puedes compartir tu contenido de coaching con alguien fuera del acompañamiento, y puedes dejar de compartirlo cuando quieras.');
    // Each line has its translation: the same number of lines per role in both languages.
    expect(es.descriptions.map((d: { youDo: string[]; youSee: string[] }) => [d.youDo.length, d.youSee.length])).toEqual(en.descriptions.map((d: { youDo: string[]; youSee: string[] }) => [d.youDo.length, d.youSee.length]));
  });
});

describe('the agreement PDF in the reader\'s language', () => {
  const missing = ['pdftotext'].filter((tool) => spawnSync(tool, ['-v']).error);
  let tmp: string;
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-agreement-es-'));
  });
  afterAll(() => tmp && fs.rmSync(tmp, { recursive: true, force: true }));

  it('prints Spanish headings, labels and dates for a Spanish speaker, and the partners\' words as written', async ({ skip }) => {
    if (missing.length) {
      const note = 'pdftotext not found: install Debian\'s poppler-utils to run the agreement PDF checks';
      if (process.env.CI) throw new Error(note);
      skip(note);
    }
    w.clock.set('2026-12-08T20:04:00.000Z'); // 14:04 in Chicago
    [c, t] = await Promise.all([w.as(scene.coach), w.as(scene.coachee)]); // fresh sessions after the jump in time
    const url = `/api/partnerships/${scene.partnership}/agreement`;
    const before = (await c.get(url)).json().current;
    const saved = await c.put(url, {
      baseVersion: before.version,
      content: { ...before.content, commitments: { ...before.content.commitments, coach: ['Preguntar: ¿qué necesitas hoy?', 'Come on time'] }, meetingCadence: 'Los martes', coverageNeeds: '', reviewOn: '2027-01-15' },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const current = saved.json().current;
    w.clock.set('2026-12-08T20:05:00.000Z');
    expect((await c.post(`${url}/signatures`, { version: current.version, contentHash: current.contentHash })).statusCode).toBe(200);

    const text = async (client: Client, name: string) => {
      const res = await client.get(`${url}.pdf`);
      expect(res.statusCode).toBe(200);
      const file = path.join(tmp, name);
      fs.writeFileSync(file, res.rawPayload);
      return { res, text: execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ') };
    };
    const es = await text(t, 'es.pdf');
    expect(es.res.headers['content-disposition']).toBe(`attachment; filename="acuerdo-de-coaching-v${current.version}.pdf"`);
    expect(es.text).toContain(`Acuerdo de coaching Coaching individual — versión ${current.version}, 8 de diciembre de 2026, 14:04 (America/Chicago)`);
    expect(es.text).toMatch(/Participantes: .+ \(coach\) y .+ \(persona acompañada\)/);
    expect(es.text).toContain('El/la coach se compromete a');
    expect(es.text).toContain('La persona acompañada se compromete a');
    expect(es.text).toContain('Preguntar: ¿qué necesitas hoy?');
    expect(es.text).toContain('Come on time'); // commitments stay as the partners wrote them
    expect(es.text).toContain('Lo que decidimos juntos');
    expect(es.text).toContain('Nos reunimos: Los martes');
    expect(es.text).toContain('Cobertura del aula: —');
    expect(es.text).toContain('Fecha para revisar cómo va el coaching: 15 de enero de 2027');
    expect(es.text).toContain('Firmas');
    expect(es.text).toMatch(/— firmó el 8 de diciembre de 2026, 14:05 \(America\/Chicago\)/);
    expect(es.text).toMatch(/— todavía no ha firmado/);
    expect(es.text).not.toMatch(/agrees to|Signatures|Logistics|December/);

    // The coach, in English, gets the same agreement in English.
    const en = await text(c, 'en.pdf');
    expect(en.res.headers['content-disposition']).toBe(`attachment; filename="coaching-agreement-v${current.version}.pdf"`);
    expect(en.text).toContain(`Coaching agreement expert partnership — version ${current.version}, 8 December 2026, 14:04 (America/Chicago)`);
    expect(en.text).toContain('The coach agrees to');
    expect(en.text).toContain('We review how coaching is going on: 15 January 2027');
  });
});
