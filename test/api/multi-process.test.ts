/**
 * Several server processes on one PostgreSQL (issue 13, item 4): two real servers on different
 * ports, as two hosts behind a load balancer would run. A session made on one is valid on the
 * other (and signing out on one ends it on both); both run the reminder job every second at the
 * same time, and each reminder is still e-mailed exactly once. Shared sign-in limits across two
 * processes through Redis are tested in signin-protection.test.ts. Runs with TEST_DATABASE_URL
 * (CI's PostgreSQL run): the embedded SQLite database is for one process.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, openTestDatabase } from '../support/db';

const ROOT = path.resolve(__dirname, '../..');
const postgres = !!process.env.TEST_DATABASE_URL;

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });

interface Server {
  port: number;
  process: ChildProcess;
}

let database: TestDatabase;
let smtp: SMTPServer;
let smtpPort = 0;
const mail: Array<{ to: string; subject: string }> = [];
const servers: Server[] = [];

async function startServer(seed: boolean): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', BASE_URL: `http://127.0.0.1:${port}`, DATABASE_URL: database.url!, SEED_DEMO: seed ? 'true' : 'false', LOG_LEVEL: 'error', LOGIN_RATE_LIMIT: '1000', WORKERS: '1', REMINDER_INTERVAL_SECONDS: '1', SMTP_URL: `smtp://127.0.0.1:${smtpPort}` },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += d));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`a server exited (${child.exitCode}): ${stderr}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return { port, process: child };
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`a server did not start: ${stderr}`);
}

/** Calls as one signed-in session (cookie and CSRF token), to whichever server is named. */
function as(cookie: string, csrf: string) {
  return async (server: Server, method: string, url: string, body?: unknown) => {
    const res = await fetch(`http://127.0.0.1:${server.port}${url}`, { method, headers: { cookie, 'x-csrf-token': csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : null };
  };
}

beforeAll(async () => {
  if (!postgres) return;
  database = await openTestDatabase();
  smtp = new SMTPServer({
    logger: false,
    disabledCommands: ['STARTTLS', 'AUTH'],
    onData(stream, session, cb) {
      simpleParser(stream).then((parsed) => {
        for (const to of session.envelope.rcptTo) mail.push({ to: to.address, subject: parsed.subject ?? '' });
        cb();
      }, cb);
    },
  });
  smtpPort = await freePort();
  await new Promise<void>((resolve) => smtp.listen(smtpPort, '127.0.0.1', resolve));
  // The first one migrates and seeds the demo; the second starts on the same database, as a second host would.
  servers.push(await startServer(true));
  servers.push(await startServer(false));
}, 150_000);
afterAll(async () => {
  for (const s of servers) s.process.kill('SIGTERM');
  await Promise.all(servers.map((s) => (s.process.exitCode === null ? new Promise((r) => s.process.once('exit', r)) : null)));
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  await database?.cleanup();
});

describe.skipIf(!postgres)('two server processes on one PostgreSQL', () => {
  let call: ReturnType<typeof as>;

  it('accept a session made on the other, and sign it out everywhere', async () => {
    const [a, b] = servers;
    const login = await fetch(`http://127.0.0.1:${a.port}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'carmen@riverside.example', password: 'coaching-together' }) });
    expect(login.status).toBe(200);
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    call = as(cookie, ((await login.json()) as { csrfToken: string }).csrfToken);
    expect((await call(b, 'GET', '/api/me')).json).toMatchObject({ name: 'Carmen Diaz' });
    // A write on B with the session from A.
    const p = ((await call(b, 'GET', '/api/partnerships?limit=50')).json.items as Array<{ id: string; format: string; members: Array<{ name: string }> }>).find((x) => x.format === 'expert' && x.members.some((m) => m.name === 'Taylor Nguyen'))!;
    const note = await call(b, 'POST', `/api/partnerships/${p.id}/notes`, { body: 'Written through the second server.' });
    expect(note.status).toBe(201);
    expect((await call(a, 'GET', `/api/notes/${note.json.id}`)).json.body).toBe('Written through the second server.');
  });

  it('e-mail each reminder once, though both look for reminders every second', async () => {
    const [a, b] = servers;
    expect((await call(a, 'PUT', '/api/me/reminder-settings', { email: true })).status).toBe(200);
    const p = ((await call(a, 'GET', '/api/partnerships?limit=50')).json.items as Array<{ id: string; format: string; members: Array<{ name: string }> }>).find((x) => x.format === 'expert' && x.members.some((m) => m.name === 'Taylor Nguyen'))!;
    const startsAt = new Date(Date.now() + 3 * 3600_000);
    startsAt.setUTCSeconds(0, 0);
    const m = await call(b, 'POST', `/api/partnerships/${p.id}/meetings`, { kind: 'coaching_meeting', startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3600_000).toISOString() });
    expect(m.status, JSON.stringify(m.json)).toBe(201);
    const mine = () => mail.filter((x) => x.to === 'carmen@riverside.example');
    const deadline = Date.now() + 20_000;
    while (mine().length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    expect(mine().length).toBeGreaterThan(0);
    // Both processes keep looking every second: still one e-mail per reminder a few rounds later.
    await new Promise((r) => setTimeout(r, 4_000));
    const subjects = mine().map((x) => x.subject);
    expect(subjects.length).toBe(new Set(subjects).size);
    const reminders = (await call(a, 'GET', '/api/me/reminders')).json.items as Array<{ id: string }>;
    expect(reminders.length).toBeGreaterThanOrEqual(1);
    expect(new Set(reminders.map((r) => r.id)).size).toBe(reminders.length);
    // Signing out on B ends the session on A too.
    expect((await call(b, 'POST', '/api/auth/logout', {})).status).toBeLessThan(300);
    expect((await call(a, 'GET', '/api/me')).status).toBe(401);
  });
});
