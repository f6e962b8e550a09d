/**
 * Starting for real, without the demo: the one-time set-up of an empty install
 * from the browser's API, the operator command that adds organizations, and the
 * organization settings a program leader changes.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMATS } from '../../shared/src/domain';
import { buildApp } from '../../server/src/app';
import { createReminders } from '../../server/src/calendar/reminders';
import { loadConfig } from '../../server/src/config';
import { TestClock } from '../../server/src/platform/clock';
import { type DB, openDatabase } from '../../server/src/platform/db';
import { sha256 } from '../../server/src/platform/ids';
import { MemoryMailer } from '../../server/src/platform/mail';
import { DEFAULT_PRACTICES } from '../../server/src/practices/defaults';
import { openSetup, setupTokenState } from '../../server/src/setup/setup.service';
import { openTestDatabase } from '../support/db';
import { NOT_FOUND_BODY, type World, createWorld } from '../support/world';

const ROOT = path.resolve(import.meta.dirname, '../..');
const LEADER = { name: 'Dana Reyes', email: 'Dana@Lakeside.example', password: 'a good long password' };
const ORG = { name: 'Lakeside Early Learning', timeZone: 'America/Chicago', schoolYearStart: '2026-08-15', schoolYearEnd: '2027-06-10' };

async function counts(db: DB) {
  const count = async (table: 'organizations' | 'users' | 'people' | 'person_roles' | 'practices' | 'agreement_templates' | 'invitations') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return {
    organizations: await count('organizations'),
    users: await count('users'),
    people: await count('people'),
    roles: await count('person_roles'),
    practices: await count('practices'),
    templates: await count('agreement_templates'),
    invitations: await count('invitations'),
  };
}
const NOTHING = { organizations: 0, users: 0, people: 0, roles: 0, practices: 0, templates: 0, invitations: 0 };

const cookieOf = (res: { cookies: Array<{ name: string; value: string }> }) => res.cookies.find((c) => c.name === 'tandem_session')?.value;

describe('first set-up of an empty install', () => {
  let w: World;
  let token: string;
  beforeAll(async () => {
    w = await createWorld();
    token = (await openSetup(w.db, w.clock))!;
  });
  afterAll(() => w?.close());
  const setUp = (body: object) => w.anonymous.post('/api/setup', body);

  it('says that set-up is needed, and nothing else', async () => {
    const res = await w.anonymous.get('/api/setup');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ needed: true });
  });

  it('keeps only the hash of the token', async () => {
    const row = await w.db.selectFrom('install_setup').selectAll().executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(sha256(token));
    expect(JSON.stringify(row)).not.toContain(token);
  });

  it('refuses a wrong token with a clear message, and creates nothing', async () => {
    const res = await setUp({ token: 'not-the-token', organization: ORG, leader: LEADER });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('INVALID_CREDENTIALS');
    expect(res.json().message).toMatch(/not the set-up token.*console/);
    expect(res.json().details).toEqual([{ path: 'body.token', message: 'This is not the token Tandem printed.' }]);
    expect(await counts(w.db)).toEqual(NOTHING);
  });

  it('explains an unknown time zone, a year that ends before it starts, half a year and a weak password per field, and creates nothing', async () => {
    const problems = async (organization: object, leader: object = LEADER) => {
      const res = await setUp({ token, organization: { ...ORG, ...organization }, leader: { ...LEADER, ...leader } });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
      return res.json().details;
    };
    expect(await problems({ timeZone: 'Mars/Olympus_Mons' })).toEqual([{ path: 'body.organization.timeZone', message: 'Choose a time zone from the list, e.g. America/Chicago.' }]);
    expect(await problems({ schoolYearEnd: '2026-06-10' })).toEqual([{ path: 'body.organization.schoolYearEnd', message: 'The school year must end after it starts.' }]);
    expect(await problems({ schoolYearEnd: null })).toEqual([{ path: 'body.organization.schoolYearEnd', message: 'Enter the day the school year ends too, or leave both days empty.' }]);
    expect(await problems({ schoolYearStart: '2026-15-01' })).toEqual([{ path: 'body.organization.schoolYearStart', message: 'Enter a date like 2026-08-15.' }]);
    expect(await problems({}, { password: 'short' })).toEqual([{ path: 'body.leader.password', message: 'Use at least 10 characters.' }]);
    expect(await problems({ name: ' ' }, { email: 'not an address' })).toEqual([
      { path: 'body.organization.name', message: 'This cannot be empty.' },
      { path: 'body.leader.email', message: 'Enter a valid e-mail address.' },
    ]);
    expect(await counts(w.db)).toEqual(NOTHING);
    expect(await setupTokenState(w.db, token)).toBe('open');
  });

  it('creates exactly one organization with its leader, practices and agreement templates, and signs the leader in', async () => {
    const res = await setUp({ token: ` ${token} `, organization: ORG, leader: LEADER });
    expect(res.statusCode, res.body).toBe(201);
    const me = res.json();
    expect(me).toMatchObject({ organization: ORG.name, name: LEADER.name, email: 'dana@lakeside.example', roles: ['leader'], mustAcknowledgeRoles: true });
    expect(await counts(w.db)).toEqual({ organizations: 1, users: 1, people: 1, roles: 1, practices: DEFAULT_PRACTICES.en.length, templates: FORMATS.length, invitations: 0 });
    const org = await w.db.selectFrom('organizations').selectAll().executeTakeFirstOrThrow();
    expect(org).toMatchObject({ id: me.organizationId, name: ORG.name, time_zone: 'America/Chicago', school_year_start: '2026-08-15', school_year_end: '2027-06-10', default_language: 'en' });
    // Signed in: the cookie is a session of the new leader, who can run the program straight away.
    const cookie = cookieOf(res);
    expect(cookie).toBeTruthy();
    const headers = { cookie: `tandem_session=${cookie}`, 'x-csrf-token': me.csrfToken, 'content-type': 'application/json' };
    expect((await w.app.inject({ method: 'GET', url: '/api/me', headers })).json().personId).toBe(me.personId);
    const templates = (await w.app.inject({ method: 'GET', url: '/api/agreement-templates', headers })).json().items;
    expect(templates.map((t: { format: string }) => t.format)).toEqual([...FORMATS]);
    expect(templates.every((t: { updatedAt: string }) => t.updatedAt !== '')).toBe(true);
    const site = await w.app.inject({ method: 'POST', url: '/api/sites', headers, payload: JSON.stringify({ name: 'Lakeside Center' }) });
    expect(site.statusCode).toBe(201);
    // And with the password chosen on the set-up page.
    expect((await w.anonymous.post('/api/auth/login', { email: LEADER.email, password: LEADER.password })).statusCode).toBe(200);
    expect((await w.anonymous.get('/api/setup')).json()).toEqual({ needed: false });
  });

  it('refuses the same token a second time: Tandem is already set up', async () => {
    const res = await setUp({ token, organization: { ...ORG, name: 'Another' }, leader: { ...LEADER, email: 'other@lakeside.example' } });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({ code: 'ALREADY_SET_UP', message: 'Tandem is already set up; sign in instead.' });
    expect((await counts(w.db)).organizations).toBe(1);
    // A restart does not reopen it: there is an organization.
    expect(await openSetup(w.db, w.clock)).toBeNull();
  });
});

describe('two set-ups at the same moment', () => {
  let w: World;
  afterAll(() => w?.close());

  it('lets exactly one win, and the other creates nothing', async () => {
    w = await createWorld();
    const token = (await openSetup(w.db, w.clock))!;
    const [a, b] = await Promise.all([
      w.anonymous.post('/api/setup', { token, organization: { ...ORG, name: 'First' }, leader: { ...LEADER, email: 'first@lakeside.example' } }),
      w.anonymous.post('/api/setup', { token, organization: { ...ORG, name: 'Second' }, leader: { ...LEADER, email: 'second@lakeside.example' } }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().code).toBe('ALREADY_SET_UP');
    expect(loser.cookies.some((c) => c.name === 'tandem_session')).toBe(false);
    const c = await counts(w.db);
    expect(c).toEqual({ organizations: 1, users: 1, people: 1, roles: 1, practices: DEFAULT_PRACTICES.en.length, templates: FORMATS.length, invitations: 0 });
  });
});

describe('set-up attempts', () => {
  let w: World;
  afterAll(() => w?.close());

  it('count against the sign-in attempt limit of the address', async () => {
    w = await createWorld({ loginRateLimit: 3 });
    const token = (await openSetup(w.db, w.clock))!;
    for (let i = 0; i < 3; i++) expect((await w.anonymous.post('/api/setup', { token: `guess-${i}`, organization: ORG, leader: LEADER })).statusCode).toBe(401);
    const limited = await w.anonymous.post('/api/setup', { token, organization: ORG, leader: LEADER });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    w.clock.advance(61_000);
    expect((await w.anonymous.post('/api/setup', { token, organization: ORG, leader: LEADER })).statusCode).toBe(201);
  });
});

/** A port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe('start-up without the demo', () => {
  let child: ChildProcess | undefined;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-setup-'));
  afterAll(() => {
    child?.kill('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints the set-up token and address on the console once, and never writes the token to the log', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, SEED_DEMO: 'false', DATA_DIR: dataDir, DATABASE_URL: '', PORT: String(port), HOST: '127.0.0.1', BASE_URL: base, LOG_LEVEL: 'info', WORKERS: '1', NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (out += d));
    await expect.poll(() => out, { timeout: 60_000 }).toMatch(/set-up token:\s+(\S+)/);
    expect(out).toContain(`Open ${base}/setup`);
    const token = /set-up token:\s+(\S+)/.exec(out)![1];
    expect(token).toMatch(/^[\w-]{40,}$/);

    expect(await (await fetch(`${base}/api/setup`)).json()).toEqual({ needed: true });
    const post = (body: object) => fetch(`${base}/api/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post({ token: 'wrong', organization: ORG, leader: LEADER })).status).toBe(401);
    const done = await post({ token, organization: ORG, leader: LEADER });
    expect(done.status).toBe(201);
    expect((await post({ token, organization: ORG, leader: LEADER })).status).toBe(409);

    // Once on the console; the structured log (pino's JSON lines) never holds it.
    await new Promise((r) => setTimeout(r, 200));
    expect(out.split(token).length - 1).toBe(1);
    const logLines = out.split('\n').filter((l) => l.startsWith('{'));
    expect(logLines.some((l) => l.includes('setup_completed'))).toBe(true);
    expect(logLines.filter((l) => l.includes(token))).toEqual([]);
  });
});

describe('the operator command', () => {
  const targets = ['sqlite', ...(process.env.TEST_DATABASE_URL ? ['postgres'] : [])] as const;

  describe.each(targets)('on %s', (kind) => {
    let db: DB;
    let env: NodeJS.ProcessEnv;
    let cleanup: () => Promise<void>;
    beforeAll(async () => {
      if (kind === 'postgres') {
        const t = await openTestDatabase();
        db = t.db;
        env = { DATABASE_URL: t.url! };
        cleanup = t.cleanup;
      } else {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-cli-'));
        env = { DATABASE_URL: '', DATA_DIR: dir };
        // Opened after the first command has created and migrated the file.
        cleanup = async () => {
          await db?.destroy();
          fs.rmSync(dir, { recursive: true, force: true });
        };
      }
    });
    afterAll(() => cleanup?.());

    const tandem = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'server/src/cli.ts', ...args], { cwd: ROOT, env: { ...process.env, BASE_URL: 'http://tandem.test', ...env }, encoding: 'utf8', timeout: 60_000 });
    const linkIn = (stdout: string) => /(http:\/\/tandem\.test\/invitation\?token=[\w-]+)/.exec(stdout)?.[1];

    it('creates the first organization of an empty install and prints an invitation link for its leader', async () => {
      if (kind === 'postgres') await openSetup(db, new TestClock()); // a browser set-up waiting: the command closes it
      const run = tandem('org:create', '--name', 'Lakeside Early Learning', '--time-zone', 'America/Chicago', '--leader-name', 'Dana Reyes', '--leader-email', 'dana@lakeside.example');
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain('Created Lakeside Early Learning (time zone America/Chicago).');
      expect(linkIn(run.stdout)).toBeTruthy();
      db ??= openDatabase({ databaseUrl: null, dataDir: env.DATA_DIR });
      expect(await counts(db)).toEqual({ organizations: 1, users: 0, people: 1, roles: 1, practices: DEFAULT_PRACTICES.en.length, templates: FORMATS.length, invitations: 1 });
      if (kind === 'postgres') expect(await setupTokenState(db, 'any')).toBe('done');
    });

    it('adds a second organization, whose leader joins with the link and chooses a password', async () => {
      const run = tandem('org:create', '--name', 'Hillside Home Visiting', '--time-zone', 'utc', '--leader-name', 'Ana Ruiz', '--leader-email', 'Ana@Hillside.example', '--school-year-start', '2026-08-15', '--school-year-end', '2027-06-10', '--language', 'es');
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain('Created Hillside Home Visiting (time zone UTC, school year 2026-08-15 to 2027-06-10).');
      const link = linkIn(run.stdout)!;
      const org = await db.selectFrom('organizations').selectAll().where('name', '=', 'Hillside Home Visiting').executeTakeFirstOrThrow();
      expect(org).toMatchObject({ time_zone: 'UTC', school_year_start: '2026-08-15', school_year_end: '2027-06-10', default_language: 'es' });
      expect((await counts(db)).organizations).toBe(2);

      const app = await buildApp({ db, clock: new TestClock(), config: loadConfig({}, { seedDemo: false, baseUrl: 'http://tandem.test' }), mailer: new MemoryMailer() });
      try {
        const invitation = new URL(link).searchParams.get('token')!;
        const preview = await app.inject({ method: 'GET', url: `/api/invitations/${invitation}` });
        expect(preview.json()).toEqual({ organization: 'Hillside Home Visiting', name: 'Ana Ruiz', email: 'ana@hillside.example' });
        const joined = await app.inject({ method: 'POST', url: '/api/invitations/accept', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ token: invitation, password: 'her own password' }) });
        expect(joined.statusCode, joined.body).toBe(200);
        expect(joined.json()).toMatchObject({ organization: 'Hillside Home Visiting', roles: ['leader'] });
      } finally {
        await app.close();
      }
    });

    it('exits non-zero with what to fix, and creates nothing', async () => {
      const bad = tandem('org:create', '--name', 'Third', '--time-zone', 'Mars/Olympus', '--leader-name', 'X', '--leader-email', 'not-an-address', '--school-year-start', '2027-06-10', '--school-year-end', '2026-08-15');
      expect(bad.status).toBe(1);
      expect(bad.stderr).toContain('Nothing was created');
      expect(bad.stderr).toContain('--time-zone: Not a time zone this server knows');
      expect(bad.stderr).toContain('--leader-email: Enter a valid e-mail address.');
      expect(bad.stderr).toContain('--school-year-end: The school year must end after it starts.');
      const twice = tandem('org:create', '--name', 'lakeside early learning', '--time-zone', 'America/Chicago', '--leader-name', 'Dana Reyes', '--leader-email', 'dana@lakeside.example');
      expect(twice.status).toBe(1);
      expect(twice.stderr).toContain('There is already an organization called');
      const unknown = tandem('org:delete');
      expect(unknown.status).toBe(1);
      expect(unknown.stderr).toContain('Unknown command "org:delete"');
      expect((await counts(db)).organizations).toBe(2);
    });
  });
});

describe('organization settings', () => {
  let w: World;
  let org: string;
  let leader: string;
  let coach: string;
  let coachee: string;
  let partnership: string;
  beforeAll(async () => {
    w = await createWorld();
    ({ org, coach, coachee, partnership } = await w.given.expertPartnership());
    leader = await w.given.person(org, ['leader']);
  });
  afterAll(() => w?.close());

  it('shows everyone in the organization its name and time zone; only leaders may change them', async () => {
    const t = await w.as(coachee);
    const read = await t.get('/api/organization');
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ id: org, timeZone: 'UTC', schoolYearStart: null, schoolYearEnd: null, defaultLanguage: 'en', abilities: { update: false } });
    const l = await w.as(leader);
    expect((await l.get('/api/organization')).json().abilities).toEqual({ update: true });
  });

  it('hides the change from anyone who is not a program leader (404)', async () => {
    for (const who of [coachee, coach]) {
      const res = await (await w.as(who)).patch('/api/organization', { name: 'Taken over' });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual(NOT_FOUND_BODY);
    }
    expect((await w.db.selectFrom('organizations').select('name').where('id', '=', org).executeTakeFirstOrThrow()).name).not.toBe('Taken over');
  });

  it('lets the leader change the name, school year and default language, and checks them', async () => {
    const l = await w.as(leader);
    const res = await l.patch('/api/organization', { name: 'Riverside Cooperative', schoolYearStart: '2026-08-15', schoolYearEnd: '2027-06-10', defaultLanguage: 'es' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Riverside Cooperative', schoolYearStart: '2026-08-15', schoolYearEnd: '2027-06-10', defaultLanguage: 'es' });
    expect((await l.get('/api/me')).json().organization).toBe('Riverside Cooperative');
    const bad = async (body: object, status: number) => {
      const r = await l.patch('/api/organization', body);
      expect(r.statusCode, r.body).toBe(status);
      return r.json().details;
    };
    // The leader has no language of their own, so from now on the organization's Spanish answers them, errors included.
    expect(await bad({ timeZone: 'Nowhere/Special' }, 400)).toEqual([{ path: 'body.timeZone', message: 'Elige una zona horaria de la lista, por ejemplo America/Mexico_City.' }]);
    expect(await bad({ defaultLanguage: 'fr' }, 400)).toHaveLength(1);
    // Checked against the stored start: an end before it is refused.
    expect(await bad({ schoolYearEnd: '2026-01-01' }, 422)).toEqual([{ path: 'body.schoolYearEnd', message: 'El año escolar tiene que terminar después de empezar.' }]);
    expect(await bad({ schoolYearStart: null }, 422)).toEqual([{ path: 'body.schoolYearStart', message: 'Escribe también el día en que empieza el año escolar, o deja los dos días vacíos.' }]);
    // Nothing changed by the refused requests; both days cleared together is fine (a program that runs all year).
    const cleared = await l.patch('/api/organization', { schoolYearStart: null, schoolYearEnd: null });
    expect(cleared.json()).toMatchObject({ name: 'Riverside Cooperative', timeZone: 'UTC', schoolYearStart: null, schoolYearEnd: null, defaultLanguage: 'es' });
  });

  it('writes reminders in the time zone the leader chose', async () => {
    const l = await w.as(leader);
    const changed = await l.patch('/api/organization', { timeZone: 'Asia/Tokyo' });
    expect(changed.json().timeZone).toBe('Asia/Tokyo');
    const c = await w.as(coach);
    const startsAt = new Date(Math.ceil((w.clock.now().getTime() + 10 * 3600_000) / 3600_000) * 3600_000);
    const meeting = await c.post(`/api/partnerships/${partnership}/meetings`, { kind: 'coaching_meeting', startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3600_000).toISOString() });
    expect(meeting.statusCode, meeting.body).toBe(201);
    await createReminders(w.db, w.clock);
    const reminder = await w.db.selectFrom('reminders').select('text').where('person_id', '=', coachee).where('kind', '=', 'session').executeTakeFirstOrThrow();
    const tokyo = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Tokyo' }).format(startsAt);
    const utc = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }).format(startsAt);
    // In whichever language the organization speaks, the time is Tokyo's.
    expect(tokyo).not.toBe(utc);
    expect(reminder.text).toContain(tokyo);
    expect(reminder.text).not.toContain(utc);
  });
});
