/**
 * Nothing acknowledged is lost (issue 13, item 5). The real server runs as a child process on the
 * database under test (a SQLite file, or its own PostgreSQL database); four writers stream notes,
 * goals with their plans (several rows in one transaction) and session attendance at it; the
 * process is killed with SIGKILL mid-stream, started again on the same data, and every write
 * that was answered 2xx is read back whole — and no goal exists without its whole plan.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, openTestDatabase } from '../support/db';

const ROOT = path.resolve(__dirname, '../..');
let database: TestDatabase | null = null;
let dataDir = '';
let port = 0;
let child: ChildProcess | null = null;

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });

/** Starts the server (migrate, seed the demo on an empty database, listen) and waits until it answers. */
async function startServer(): Promise<void> {
  child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', BASE_URL: `http://127.0.0.1:${port}`, DATA_DIR: dataDir, DATABASE_URL: database?.url ?? '', SEED_DEMO: 'true', LOG_LEVEL: 'error', LOGIN_RATE_LIMIT: '1000', WORKERS: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += d));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}): ${stderr}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the server did not start: ${stderr}`);
}

async function kill(): Promise<void> {
  const c = child;
  if (!c || c.exitCode !== null) return;
  const exited = new Promise((r) => c.once('exit', r));
  c.kill('SIGKILL');
  await exited;
}

/** A signed-in session of a demo account over HTTP. */
async function session(email: string) {
  const base = `http://127.0.0.1:${port}`;
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'coaching-together' }) });
  expect(login.status).toBe(200);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const call = async (method: string, url: string, body?: unknown) => {
    const res = await fetch(`${base}${url}`, { method, headers: { cookie, 'x-csrf-token': csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : null };
  };
  return { get: (url: string) => call('GET', url), post: (url: string, body: unknown) => call('POST', url, body), put: (url: string, body: unknown) => call('PUT', url, body) };
}

beforeAll(async () => {
  if (process.env.TEST_DATABASE_URL) database = await openTestDatabase();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'tandem-crash-'));
  port = await freePort();
  await startServer();
}, 120_000);
afterAll(async () => {
  await kill();
  await database?.db.destroy().catch(() => {});
  await database?.cleanup().catch(() => {});
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('a server killed mid-stream (SIGKILL)', () => {
  it('keeps every write it acknowledged, whole, and nothing half-written', async () => {
    const carmen = await session('carmen@riverside.example');
    const partnerships = (await carmen.get('/api/partnerships?limit=50')).json.items as Array<{ id: string; format: string; members: Array<{ name: string; personId: string }> }>;
    const p = partnerships.find((x) => x.format === 'expert' && x.members.some((m) => m.name === 'Taylor Nguyen'))!;
    const meetings = ((await carmen.get(`/api/partnerships/${p.id}/meetings?limit=200`)).json.items as Array<{ id: string; startsAt: string; status: string }>).filter((m) => m.status !== 'cancelled' && Date.parse(m.startsAt) < Date.now());
    const members = p.members.map((m) => m.personId);

    const notes = new Map<string, string>();
    const goals = new Map<string, { title: string; steps: string[] }>();
    const attendance = new Map<string, boolean>();
    let stop = false;
    let sent = 0;
    const writer = async (w: number) => {
      for (let i = 0; !stop; i++) {
        sent++;
        try {
          if (i % 3 === 0) {
            const body = `Writer ${w}, note ${i}: three children answered the open question.`;
            const res = await carmen.post(`/api/partnerships/${p.id}/notes`, { body });
            if (res.status === 201) notes.set(res.json.id, body);
          } else if (i % 3 === 1) {
            const title = `Writer ${w}, goal ${i}`;
            const steps = [`Step one of ${i}`, `Step two of ${i}`, `Step three of ${i}`];
            const res = await carmen.post(`/api/partnerships/${p.id}/goals`, { title, subjectId: members.find((id) => id !== p.members.find((m) => m.name === 'Carmen Diaz')?.personId), steps: steps.map((description) => ({ description, responsible: 'coachee' })) });
            if (res.status === 201) goals.set(res.json.id, { title, steps });
          } else if (meetings.length) {
            const m = meetings[(w + i) % meetings.length];
            const present = i % 2 === 0;
            const res = await carmen.put(`/api/meetings/${m.id}/attendance`, { entries: members.map((personId) => ({ personId, present, onTime: true, prepared: true })) });
            if (res.status === 200) attendance.set(m.id, present);
          }
        } catch {
          // The connection died with the server: this write was never acknowledged.
          return;
        }
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    // Let the stream run, then kill the server in the middle of it.
    await new Promise((r) => setTimeout(r, 2_500));
    await kill();
    stop = true;
    await Promise.all(writers);
    expect(notes.size + goals.size).toBeGreaterThan(10);

    await startServer();
    const again = await session('carmen@riverside.example');
    for (const [id, body] of notes) {
      const res = await again.get(`/api/notes/${id}`);
      expect(res.status, `note ${id}`).toBe(200);
      expect(res.json.body).toBe(body);
    }
    for (const [id, goal] of goals) {
      const res = await again.get(`/api/goals/${id}`);
      expect(res.status, `goal ${id}`).toBe(200);
      expect(res.json.title).toBe(goal.title);
      expect(res.json.steps.map((s: { description: string }) => s.description)).toEqual(goal.steps);
    }
    // Nothing half-written: every goal of the partnership has its whole plan (each was sent with three steps).
    const all = (await again.get(`/api/partnerships/${p.id}/goals`)).json.items as Array<{ title: string; steps: unknown[] }>;
    for (const g of all.filter((x) => x.title.startsWith('Writer '))) expect(g.steps).toHaveLength(3);
    for (const [id] of attendance) {
      const res = await again.get(`/api/meetings/${id}`);
      expect(res.json.attendance.length, `attendance of ${id}`).toBe(members.length);
    }
    console.log(`crash test (${database ? 'PostgreSQL' : 'SQLite'}): ${sent} writes sent, ${notes.size} notes, ${goals.size} goals and ${attendance.size} sessions' attendance acknowledged before SIGKILL; all found whole after the restart`);
  }, 180_000);
});
