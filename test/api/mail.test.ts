/**
 * Real e-mail: a real SMTP server (smtp-server) in the test, the app sending to
 * it through SmtpMailer, and every message parsed back with mailparser. Every
 * kind of mail Tandem sends is triggered; links in them must work when
 * followed, and no message may carry coaching content (marker strings are
 * planted in every free-text field of the scenario). Without SMTP, nothing
 * that could open an account (a token, a link) may reach the log.
 */
import { Writable } from 'node:stream';
import { type ParsedMail, simpleParser } from 'mailparser';
import pino from 'pino';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReminders, emailReminders } from '../../server/src/calendar/reminders';
import { ConfigError, loadConfig } from '../../server/src/config';
import { DisabledMailer, type Mailer, type OutgoingMail, SmtpMailer, createMailer } from '../../server/src/platform/mail';
import { type Client, type World, createWorld } from '../support/world';

interface Received {
  rcpt: string[];
  user: string | undefined;
  mail: ParsedMail;
}

/** An SMTP server on a free local port that keeps what it receives, parsed. */
async function startSmtp(opts: { rejectRcpt?: (address: string) => boolean } = {}) {
  const received: Received[] = [];
  const server = new SMTPServer({
    logger: false,
    // Plain SMTP on localhost; the AUTH from SMTP_URL is still exercised.
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: true,
    onAuth(auth, _session, cb) {
      if (auth.username === 'tandem' && auth.password === 'mail pass') return cb(null, { user: auth.username });
      return cb(new Error('Invalid username or password'));
    },
    onRcptTo(address, _session, cb) {
      if (opts.rejectRcpt?.(address.address)) {
        const err = Object.assign(new Error('No such mailbox'), { responseCode: 550 });
        return cb(err);
      }
      return cb();
    },
    onData(stream, session, cb) {
      simpleParser(stream).then(
        (mail) => {
          received.push({ rcpt: session.envelope.rcptTo.map((r) => r.address), user: session.user as string | undefined, mail });
          cb();
        },
        (err) => cb(err),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return { server, port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const s = await startSmtp();
  await s.close();
  return s.port;
}

/** Captures every line a logger writes, at every level. */
function captureLog() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, stream, logger: pino({ level: 'trace' }, stream), text: () => lines.join('') };
}

const addressOf = (m: ParsedMail) => (Array.isArray(m.to) ? m.to[0] : m.to)?.value[0]?.address;
const everything = (m: ParsedMail) => [m.subject ?? '', m.text ?? '', typeof m.html === 'string' ? m.html : '', m.textAsHtml ?? ''].join('\n');
const emailOf = async (w: World<Mailer>, personId: string) => (await w.db.selectFrom('people').select('email').where('id', '=', personId).executeTakeFirstOrThrow()).email;
const firstUrl = (text: string) => text.match(/https?:\/\/\S+/)?.[0];

describe('e-mail over SMTP', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let mailer: SmtpMailer;
  let w: World<SmtpMailer>;
  const log = captureLog();
  /** Unique strings planted in every free-text field; none may appear in any e-mail. */
  const markers: string[] = [];
  const mark = (field: string) => {
    const m = `zqx${markers.length}-${field}-qzx`;
    markers.push(m);
    return m;
  };
  /** The next message to `to` whose subject matches, waiting for it to arrive. */
  async function mailTo(to: string, subject: RegExp): Promise<ParsedMail> {
    let found: Received | undefined;
    await expect.poll(() => (found = smtp.received.find((r) => r.rcpt.includes(to) && subject.test(r.mail.subject ?? '')))).toBeTruthy();
    smtp.received.splice(smtp.received.indexOf(found!), 1);
    checked.push(found!);
    return found!.mail;
  }
  const checked: Received[] = [];

  beforeAll(async () => {
    smtp = await startSmtp();
    const config = loadConfig({ SMTP_URL: `smtp://tandem:mail%20pass@127.0.0.1:${smtp.port}`, BASE_URL: 'http://tandem.test' });
    expect(config.mailFrom).toBe('Tandem <no-reply@tandem.test>');
    mailer = createMailer(config, log.logger) as SmtpMailer;
    expect(mailer).toBeInstanceOf(SmtpMailer);
    w = await createWorld({ smtpUrl: config.smtpUrl, mailFrom: config.mailFrom }, { mailer });
  });
  afterAll(async () => {
    await mailer?.close();
    await smtp?.close();
    await w?.close();
  });

  it('sends a password reset whose link resets the password, signed in with the SMTP_URL credentials', async () => {
    const { coach } = await w.given.expertPartnership();
    const email = await emailOf(w, coach);
    expect((await w.anonymous.post('/api/auth/password-reset', { email })).statusCode).toBe(202);
    const mail = await mailTo(email, /^Reset your Tandem password$/);
    expect(addressOf(mail)).toBe(email);
    expect(mail.from?.value[0]).toEqual({ name: 'Tandem', address: 'no-reply@tandem.test' });
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    expect(checked.at(-1)!.user).toBe('tandem');
    const link = new URL(firstUrl(mail.text!)!);
    expect(`${link.origin}${link.pathname}`).toBe('http://tandem.test/reset-password');
    const token = link.searchParams.get('token')!;
    const done = await w.anonymous.post('/api/auth/password-reset/complete', { token, password: 'a brand new password' });
    expect(done.statusCode).toBe(200);
    expect((await w.anonymous.post('/api/auth/login', { email, password: 'a brand new password' })).statusCode).toBe(200);
    // Nothing about the mail's content, nor the token, went to the log.
    expect(log.text()).not.toContain(token);
  });

  it('sends an invitation whose link opens and is accepted', async () => {
    const org = await w.given.organization();
    const leader = await w.as(await w.given.person(org, ['leader']));
    const person = (await leader.post('/api/people', { name: 'Nia Invitee', email: 'nia@school.example', roles: ['coachee'], title: mark('person-title') })).json();
    const link = await leader.post(`/api/people/${person.id}/invitations`);
    expect(link.statusCode).toBe(201);
    const mail = await mailTo('nia@school.example', /invited you to Tandem$/);
    expect(addressOf(mail)).toBe('nia@school.example');
    const url = firstUrl(mail.text!)!;
    expect(url).toBe(link.json().url);
    const token = new URL(url).searchParams.get('token')!;
    expect((await w.anonymous.get(`/api/invitations/${token}`)).json()).toMatchObject({ email: 'nia@school.example' });
    expect((await w.anonymous.post('/api/invitations/accept', { token, password: 'nia likes coaching' })).statusCode).toBe(200);
  });

  it('sends share receipts, concern notices and reminders, none carrying coaching content', async () => {
    const { coach, coachee, supervisor, partnership } = await w.given.expertPartnership();
    const [c, t]: Client[] = await Promise.all([w.as(coach), w.as(coachee)]);
    const [coacheeEmail, supervisorEmail] = await Promise.all([emailOf(w, coachee), emailOf(w, supervisor)]);
    const at = (hours: number) => new Date(Math.ceil((w.clock.now().getTime() + hours * 3600_000) / 60_000) * 60_000).toISOString();
    const ok = async (res: Promise<{ statusCode: number; json(): any; body: string }>, status = 201) => {
      const r = await res;
      expect(r.statusCode, r.body).toBe(status);
      return r.json();
    };

    // Coaching content in every free-text field.
    const note = await ok(t.post(`/api/partnerships/${partnership}/notes`, { body: mark('note-body') }));
    await ok(c.post(`/api/partnerships/${partnership}/notes`, { body: mark('coach-note-body') }));
    const goal = await ok(
      t.post(`/api/partnerships/${partnership}/goals`, {
        title: mark('goal-title'),
        childOutcome: mark('child-outcome'),
        successLooksLike: mark('success'),
        steps: [{ description: mark('step-text'), resources: mark('step-resources'), responsible: 'coachee', dueOn: at(30).slice(0, 10) }],
      }),
    );
    expect(goal.status).toBe('active');
    const proposal = await ok(c.post(`/api/partnerships/${partnership}/goals`, { title: mark('proposed-goal'), steps: [{ description: mark('proposed-step'), responsible: 'coach' }] }));
    await ok(t.post(`/api/goals/${proposal.id}/status`, { to: 'active', note: mark('goal-decision'), baseVersion: proposal.version }), 200);
    await ok(t.post(`/api/partnerships/${partnership}/celebrations`, { kind: 'risk_taken', text: mark('celebration') }));
    const meeting = await ok(c.post(`/api/partnerships/${partnership}/meetings`, { kind: 'coaching_meeting', startsAt: at(10), endsAt: at(11), location: mark('location'), agenda: mark('agenda') }));
    await ok(c.patch(`/api/meetings/${meeting.id}`, { startsAt: at(12), endsAt: at(13), reason: mark('reschedule-reason') }), 200);
    const other = await ok(c.post(`/api/partnerships/${partnership}/meetings`, { kind: 'observation', startsAt: at(14), endsAt: at(15), location: mark('location-2'), agenda: mark('agenda-2') }));
    await ok(c.post(`/api/meetings/${other.id}/cancellation`, { reason: mark('cancel-reason') }), 200);

    // Share receipts: one item and one category, then a withdrawal.
    const share = await ok(t.post(`/api/partnerships/${partnership}/shares`, { granteeId: supervisor, itemType: 'note', itemId: note.id, note: mark('share-note') }));
    const shared = await mailTo(coacheeEmail, /^You shared one of your notes with /);
    expect(shared.text).toContain('can now read one of your notes');
    await ok(t.post(`/api/partnerships/${partnership}/shares`, { granteeId: supervisor, category: 'goals', note: mark('share-note-2') }));
    await mailTo(coacheeEmail, /^You shared all your goals from this partnership with /);
    await ok(t.delete(`/api/shares/${share.id}`), 200);
    const withdrawn = await mailTo(coacheeEmail, /^You withdrew a share from /);
    expect(withdrawn.text).toContain('can no longer read one of your notes');

    // A concern, talked over with the coachee, then raised: both hear of it, without its words.
    const concern = await ok(c.post(`/api/partnerships/${partnership}/concerns`, { description: mark('concern') }));
    const today = w.clock.now().toISOString().slice(0, 10);
    await ok(c.post(`/api/concerns/${concern.id}/discussion`, { summary: mark('concern-summary'), discussedOn: today, coacheeView: mark('coachee-view') }), 200);
    await ok(c.post(`/api/concerns/${concern.id}/escalation`, { supervisorId: supervisor, reason: mark('escalation-reason') }), 200);
    await mailTo(coacheeEmail, /raised a concern with /);
    const toSupervisor = await mailTo(supervisorEmail, /raised a concern with you$/);
    expect(addressOf(toSupervisor)).toBe(supervisorEmail);
    await ok(c.post(`/api/concerns/${concern.id}/resolution`, { note: mark('resolution') }), 200);

    // The agreement, in its free-text parts, with a review date that comes with a reminder.
    const agreement = (await ok(c.get(`/api/partnerships/${partnership}/agreement`), 200)).current;
    const content = { ...agreement.content, meetingCadence: mark('cadence'), coverageNeeds: mark('coverage'), guidelines: { ...agreement.content.guidelines, observation: mark('observation'), sharing: mark('sharing'), supports: mark('supports'), concerns: mark('agreement-concerns') }, reviewOn: at(24 * 5).slice(0, 10) };
    await ok(c.put(`/api/partnerships/${partnership}/agreement`, { content, baseVersion: agreement.version }), 200);

    // Reminders: the session, the agreement review and the step due, each once.
    expect(await createReminders(w.db, w.clock)).toBeGreaterThan(0);
    const sent = await emailReminders(w.db, w.clock, w.mailer);
    expect(sent).toBeGreaterThanOrEqual(4);
    const session = await mailTo(coacheeEmail, /^Reminder: Coaching meeting on /);
    expect(session.text).toMatch(/^Hello .+,\n\nA reminder from Tandem: Coaching meeting on \w{3} \d+ \w+ at \d\d:\d\d\./);
    await mailTo(coacheeEmail, /^Reminder: Coaching agreement review on /);
    await mailTo(coacheeEmail, /^Reminder: A step in your coaching plan is due on /);
    await mailTo(await emailOf(w, coach), /^Reminder: Coaching meeting on /);
    expect(await emailReminders(w.db, w.clock, w.mailer)).toBe(0);

    // No e-mail, of any kind in this file, carries a word of coaching content.
    expect(markers.length).toBeGreaterThan(20);
    const all = [...checked, ...smtp.received];
    expect(all.length).toBeGreaterThanOrEqual(12);
    for (const r of all) {
      const text = everything(r.mail);
      for (const m of markers) expect(text, `${r.mail.subject} carries ${m}`).not.toContain(m);
    }
    expect(log.text()).not.toMatch(/zqx\d+-/);
  });

  it('keeps a request answering when the mail server is down, and retries reminders it could not send', async () => {
    const errors = captureLog();
    const down = new SmtpMailer(`smtp://127.0.0.1:${await closedPort()}`, 'Tandem <no-reply@tandem.test>', errors.logger);
    const wd = await createWorld({}, { mailer: down });
    try {
      const { coach, coachee, partnership } = await wd.given.expertPartnership();
      const org = (await wd.db.selectFrom('people').select('org_id').where('id', '=', coach).executeTakeFirstOrThrow()).org_id;
      const leader = await wd.as(await wd.given.person(org, ['leader']));
      const person = (await leader.post('/api/people', { name: 'Omar', email: 'omar@school.example', roles: ['coach'] })).json();
      // The invitation is saved and its link returned to the leader, who can pass it on.
      const link = await leader.post(`/api/people/${person.id}/invitations`);
      expect(link.statusCode).toBe(201);
      const token = new URL(link.json().url).searchParams.get('token')!;
      expect((await wd.anonymous.get(`/api/invitations/${token}`)).statusCode).toBe(200);
      expect(await down.send({ kind: 'invitation', to: 'omar@school.example', subject: 's', text: `secret ${token}` })).toBe('failed');
      // Reminders that could not go out stay unsent, and go out once the server is back.
      const c = await wd.as(coach);
      const startsAt = new Date(Math.ceil((wd.clock.now().getTime() + 5 * 3600_000) / 60_000) * 60_000).toISOString();
      await c.post(`/api/partnerships/${partnership}/meetings`, { kind: 'coaching_meeting', startsAt, endsAt: new Date(Date.parse(startsAt) + 3600_000).toISOString() });
      expect(await createReminders(wd.db, wd.clock)).toBeGreaterThan(0);
      expect(await emailReminders(wd.db, wd.clock, down)).toBe(0);
      const unsent = await wd.db.selectFrom('reminders').select('id').where('emailed_at', 'is', null).execute();
      expect(unsent.length).toBeGreaterThanOrEqual(2);
      const back = await startSmtp();
      const up = new SmtpMailer(`smtp://127.0.0.1:${back.port}`, 'Tandem <no-reply@tandem.test>', errors.logger);
      try {
        expect(await emailReminders(wd.db, wd.clock, up)).toBe(unsent.length);
        expect(back.received.map((r) => r.rcpt[0])).toContain(await emailOf(wd, coachee));
      } finally {
        await up.close();
        await back.close();
      }
      // The failures were logged as the kind of mail and the recipient's domain, nothing more.
      const failures = errors.lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'e-mail could not be sent');
      expect(failures.length).toBeGreaterThanOrEqual(2);
      expect(failures[0]).toMatchObject({ level: 40, mail: 'invitation', toDomain: 'school.example', code: expect.any(String) });
      expect(errors.text()).not.toContain(token);
      expect(errors.text()).not.toContain('omar@');
    } finally {
      await down.close();
      await wd.close();
    }
  });

  it('does not retry a reminder the mail server refused for good', async () => {
    const refusing = await startSmtp({ rejectRcpt: () => true });
    const quiet = captureLog();
    const m = new SmtpMailer(`smtp://127.0.0.1:${refusing.port}`, 'Tandem <no-reply@tandem.test>', quiet.logger);
    const wr = await createWorld({}, { mailer: m });
    try {
      const { coach, partnership } = await wr.given.expertPartnership();
      const c = await wr.as(coach);
      const startsAt = new Date(Math.ceil((wr.clock.now().getTime() + 5 * 3600_000) / 60_000) * 60_000).toISOString();
      await c.post(`/api/partnerships/${partnership}/meetings`, { kind: 'coaching_meeting', startsAt, endsAt: new Date(Date.parse(startsAt) + 3600_000).toISOString() });
      await createReminders(wr.db, wr.clock);
      expect(await emailReminders(wr.db, wr.clock, m)).toBe(0);
      expect(await wr.db.selectFrom('reminders').select('id').where('emailed_at', 'is', null).execute()).toEqual([]);
      expect(refusing.received).toEqual([]);
      expect(quiet.text()).toContain('"responseCode":550');
    } finally {
      await m.close();
      await refusing.close();
      await wr.close();
    }
  });
});

describe('e-mail off (no SMTP_URL) in production', () => {
  it('logs no token, link or body at any level while a reset and an invitation are asked for and followed', async () => {
    const log = captureLog();
    const config = loadConfig({ NODE_ENV: 'production', BASE_URL: 'https://tandem.example' });
    expect(config.smtpUrl).toBeNull();
    const off = createMailer(config, log.logger);
    expect(off).toBeInstanceOf(DisabledMailer);
    // What the app handed to the mailer, to know which secrets to look for in the log.
    const handed: OutgoingMail[] = [];
    const spy: Mailer = { send: (mail) => (handed.push(mail), off.send(mail)) };
    const w = await createWorld({ production: true, baseUrl: 'https://tandem.example' }, { mailer: spy, logger: { level: 'trace', stream: log.stream } });
    try {
      const { coach } = await w.given.expertPartnership();
      const email = await emailOf(w, coach);
      expect((await w.anonymous.post('/api/auth/password-reset', { email })).statusCode).toBe(202);
      const org = (await w.db.selectFrom('people').select('org_id').where('id', '=', coach).executeTakeFirstOrThrow()).org_id;
      const leader = await w.as(await w.given.person(org, ['leader']));
      const person = (await leader.post('/api/people', { name: 'Lee', email: 'lee@school.example', roles: ['coach'] })).json();
      const link = (await leader.post(`/api/people/${person.id}/invitations`)).json().url as string;
      const invitation = new URL(link).searchParams.get('token')!;
      expect((await w.anonymous.get(`/api/invitations/${invitation}`)).statusCode).toBe(200);
      expect(handed.map((m) => m.kind)).toEqual(['password_reset', 'invitation']);
      const reset = new URL(firstUrl(handed[0].text)!).searchParams.get('token')!;
      expect((await w.anonymous.post('/api/auth/password-reset/complete', { token: reset, password: 'a brand new password' })).statusCode).toBe(200);
      expect((await w.anonymous.post('/api/auth/password-reset/complete', { token: reset, password: 'a brand new password' })).statusCode).toBe(410);

      const text = log.text();
      // The log did get the mailer's lines (so this is not vacuous)...
      const notSent = log.lines.map((l) => JSON.parse(l)).filter((l) => l.msg?.startsWith('e-mail is off'));
      expect(notSent.map((l) => l.mail)).toEqual(['password_reset', 'invitation']);
      expect(notSent[1]).toMatchObject({ toDomain: 'school.example' });
      // ...and nothing that opens an account, nor any body.
      for (const secret of [reset, invitation, '/reset-password', '/invitation?', 'tandem.example/', handed[0].text, handed[1].text]) expect(text).not.toContain(secret);
      expect(text).not.toContain(email);
    } finally {
      await w.close();
    }
  });
});

describe('mail configuration', () => {
  const problems = (env: NodeJS.ProcessEnv) => {
    try {
      loadConfig(env);
      return [];
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      return (e as ConfigError).problems;
    }
  };

  it('accepts smtp:// and smtps:// and defaults MAIL_FROM to no-reply at the BASE_URL host', () => {
    expect(loadConfig({ SMTP_URL: 'smtps://u:p@mail.example:465', BASE_URL: 'https://coach.school.example' })).toMatchObject({ smtpUrl: 'smtps://u:p@mail.example:465', mailFrom: 'Tandem <no-reply@coach.school.example>' });
    expect(loadConfig({ SMTP_URL: 'smtp://mail.example:587', MAIL_FROM: 'Coaching <coaching@school.example>' }).mailFrom).toBe('Coaching <coaching@school.example>');
    expect(loadConfig({}).smtpUrl).toBeNull();
  });

  it('refuses a bad SMTP_URL or MAIL_FROM at start-up, without repeating the password', () => {
    for (const bad of ['http://user:hunter2secret@mail.example', 'user:hunter2secret@mail.example', 'smtp://user:hunter2secret@', 'not a url hunter2secret', 'smtp://user:hunter2secret@mail.example?debug=true&logger=true']) {
      const found = problems({ SMTP_URL: bad });
      expect(found, bad).toHaveLength(1);
      expect(found[0]).toMatch(/^SMTP_URL /);
      expect(found[0]).not.toContain('hunter2secret');
    }
    expect(problems({ MAIL_FROM: 'nobody' })).toEqual(['MAIL_FROM must be an e-mail address, optionally with a name: Tandem <no-reply@example.org>.']);
    expect(problems({ MAIL_FROM: 'Tandem\r\nBcc: x@y.example <no-reply@x.example>' })).toHaveLength(1);
  });
});
