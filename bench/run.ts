/**
 * npm run bench — not part of the tests. Builds a generated dataset (the demo
 * organization plus a district-sized one: 3,000 staff, 1,000 partnerships,
 * 10,000 notes), starts the app in production mode in its own process, and
 * measures with autocannon on loopback, side by side:
 *   (a) a bare route            GET /api/health
 *   (b) an authenticated read   GET /api/partnerships/:id (session lookup, scoped
 *       load, profile read and its access-log insert)
 * and, in-process, the reminder job over every partnership (a session tomorrow
 * and a step due in each of the 1,000) and one person's calendar schedule.
 * at 50 connections for 10 s each, with 1 and with 2 server processes
 * (BENCH_WORKERS=1,2; BENCH_SECONDS=10). Runs on SQLite, then on PostgreSQL when one
 * answers at BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres).
 * Then the first load in Chromium on a slow tablet and network (bench/first-load.ts): bytes and
 * time to a usable sign-in and Home, cold and warm.
 *
 * Then the observation tools (bench/observations.ts): graphic render time for a 1-hour visit
 * with 2,000 events per tool, and how many events per second the server accepts in sync.
 *
 * Then the descriptive-language check (bench/language-check.ts): checkLanguage on a 2,000-word text.
 *
 * Then the district-scale reads (bench/district.ts): a year of activity (≥ 1 M access-log rows,
 * ≥ 50,000 sessions, goals, notes, messages) and p50/p99 at 10 connections of a coachee's access
 * log (first and 200th page), Home for a coach with 40 partnerships, the directory search, a
 * partnership's sessions and messages (BENCH_SCALE=0.05 for a quick run).
 *
 * `npm run bench -- --only first-load` (or `--only api`, `--only district`, `--only observations`, `--only language`) runs one part;
 * `npm run bench -- --soak 600` holds (b) for ten minutes and prints the server's memory each minute.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import pg from 'pg';
import { createReminders, emailReminders } from '../server/src/calendar/reminders';
import { scheduleFor } from '../server/src/calendar/schedule';
import { systemClock } from '../server/src/platform/clock';
import { type DB, migrate, openDatabase } from '../server/src/platform/db';
import { newId } from '../server/src/platform/ids';
import { DEMO_PASSWORD, seedDemo } from '../server/src/seed/demo';
import { benchDistrictReads, generateYear, signIn } from './district';
import type { District } from './district';
import { CHROMIUM, benchFirstLoad } from './first-load';
import { benchLanguageCheck } from './language-check';
import { benchObservations, benchTapLatency } from './observations';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const PORT = 3900;

export async function generate(db: DB): Promise<{ partnershipId: string; district: District }> {
  const demo = await seedDemo(db, systemClock);
  const orgId = (await db.selectFrom('organizations').select('id').executeTakeFirstOrThrow()).id;
  const now = new Date().toISOString();
  const chunked = async <T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) => {
    for (let i = 0; i < rows.length; i += 400) await insert(rows.slice(i, i + 400));
  };
  const people = Array.from({ length: 3000 }, (_, i) => ({ id: newId(), org_id: orgId, user_id: null, name: `Staff Member ${i}`, email: `staff${i}@district.example`, site_id: null, team_id: null, title: null, active: 1, created_at: now }));
  await chunked(people, (c) => db.insertInto('people').values(c).execute());
  await chunked(people.map((p, i) => ({ person_id: p.id, org_id: orgId, role: i % 10 === 0 ? 'coach' : 'coachee' })), (c) => db.insertInto('person_roles').values(c).execute());
  // One coach (Staff Member 0) has 40 partnerships, as a full-time district coach might; the others have 3 or 4.
  const coachOf = (i: number) => people[i < 40 ? 0 : ((i % 299) + 1) * 10];
  const partnerships = Array.from({ length: 1000 }, (_, i) => ({
    id: newId(), org_id: orgId, format: 'expert', status: 'active', origin: 'volunteered', created_by: coachOf(i).id, created_at: now, status_changed_at: now,
    dual_role: 0, dual_role_acknowledged_at: null, meeting_cadence: 'Weekly', coverage_needs: null, review_on: null, current_agreement_version: 0, agreement_signed_version: 0,
  }));
  await chunked(partnerships, (c) => db.insertInto('partnerships').values(c).execute());
  const members = partnerships.flatMap((p, i) => [
    { partnership_id: p.id, person_id: coachOf(i).id, org_id: orgId, role: 'coach', state: 'accepted', responded_at: now, decline_reason: null },
    { partnership_id: p.id, person_id: people[(i % 2700) + 1 + Math.floor((i % 2700) / 9)].id, org_id: orgId, role: 'coachee', state: 'accepted', responded_at: now, decline_reason: null },
  ]);
  const unique = members.filter((m, i) => members.findIndex((o) => o.partnership_id === m.partnership_id && o.person_id === m.person_id) === i);
  await chunked(unique, (c) => db.insertInto('partnership_members').values(c).execute());
  const notes = partnerships.flatMap((p) => Array.from({ length: 10 }, (_, j) => {
    const coachee = unique.find((m) => m.partnership_id === p.id && m.role === 'coachee')!;
    return { id: newId(), org_id: orgId, partnership_id: p.id, subject_id: coachee.person_id, author_id: p.created_by, body: `Generated note ${j}: what we saw and what the coachee noticed.`, created_at: now, updated_at: now };
  }));
  await chunked(notes, (c) => db.insertInto('notes').values(c).execute());
  const expert = await db.selectFrom('partnerships').select('id').where('org_id', '=', demo.orgId).where('format', '=', 'expert').executeTakeFirstOrThrow();
  const coacheeOf = new Map(unique.filter((m) => m.role === 'coachee').map((m) => [m.partnership_id, m.person_id]));
  return { partnershipId: expert.id, district: { orgId, partnerships: partnerships.map((p) => ({ id: p.id, coachId: p.created_by, coacheeId: coacheeOf.get(p.id)! })) } };
}

function startServer(env: Record<string, string>): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], { env: { ...process.env, NODE_ENV: 'production', PORT: String(PORT), HOST: '127.0.0.1', LOG_LEVEL: 'warn', SEED_DEMO: 'false', LOGIN_RATE_LIMIT: '1000', SLOW_QUERY_MS: process.env.SLOW_QUERY_MS ?? '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      if (out.includes('Tandem is running')) resolve(child);
    });
    child.stderr!.on('data', (d) => {
      out += d;
      if (process.env.SLOW_QUERY_MS) process.stderr.write(d);
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}):\n${out}`)));
  });
}

const rssOf = (pid: number) => {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024);
};

async function measure(url: string, headers: Record<string, string>, pid: number) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers });
  return { reqPerSec: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx, rssMb: rssTree(pid) };
}

const WORKERS = (process.env.BENCH_WORKERS ?? '1,2').split(',').map(Number);

/** RSS of the server: the primary plus its worker processes. */
const rssTree = (pid: number) => {
  const children = fs.existsSync(`/proc/${pid}/task/${pid}/children`) ? fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number) : [];
  return rssOf(pid) + children.reduce((sum, c) => sum + rssOf(c), 0);
};

/** The reminder job and the calendar schedule, timed in-process on the generated dataset. */
async function benchReminders(label: string, db: DB) {
  const partnerships = await db.selectFrom('partnerships').select(['id', 'org_id', 'created_by']).where('format', '=', 'expert').execute();
  const tomorrow = Date.now() + 20 * 3600_000;
  const now = new Date().toISOString();
  const meetings = partnerships.map((p, i) => ({
    id: newId(), org_id: p.org_id, partnership_id: p.id, kind: 'coaching_meeting', starts_at: new Date(tomorrow + i * 60_000).toISOString(), ends_at: new Date(tomorrow + i * 60_000 + 1800_000).toISOString(),
    location: '', agenda: 'Generated', status: 'scheduled', scheduled_by: p.created_by, cancelled_by: null, cancel_reason: null, cancelled_at: null, late_cancellation: 0, reschedule_count: 0, last_reschedule_reason: null, created_at: now,
  }));
  for (let i = 0; i < meetings.length; i += 400) await db.insertInto('meetings').values(meetings.slice(i, i + 400)).execute();
  const mailer = { sent: 0, async send() { this.sent++; return 'sent' as const; } };
  const time = async <T>(f: () => Promise<T>) => {
    const t0 = performance.now();
    const value = await f();
    return { value, ms: Math.round(performance.now() - t0) };
  };
  const first = await time(() => createReminders(db, systemClock));
  const again = await time(() => createReminders(db, systemClock));
  const mail = await time(() => emailReminders(db, systemClock, mailer));
  const person = partnerships[0].created_by;
  const feed = await time(() => scheduleFor(db, { from: new Date(Date.now() - 60 * 86400_000), to: new Date(Date.now() + 365 * 86400_000), personId: person, includeCancelled: true }));
  console.log(`
${label}: reminder job and calendar`);
  console.table({
    'create reminders (all new)': { items: first.value, ms: first.ms },
    'create reminders (again, none new)': { items: again.value, ms: again.ms },
    'e-mail reminders': { items: mail.value, ms: mail.ms },
    'one coach\'s calendar schedule': { items: feed.value.length, ms: feed.ms },
  });
}

async function benchOne(label: string, env: Record<string, string>, db: DB) {
  const { partnershipId } = await generate(db);
  await benchReminders(label, db);
  await db.destroy();
  for (const workers of WORKERS) await benchWorkers(`${label}, ${workers} server process${workers > 1 ? 'es' : ''}`, { ...env, WORKERS: String(workers) }, partnershipId);
}

async function benchWorkers(label: string, env: Record<string, string>, partnershipId: string) {
  const server = await startServer(env);
  try {
    const base = `http://127.0.0.1:${PORT}`;
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'carmen@riverside.example', password: DEMO_PASSWORD }) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const check = await fetch(`${base}/api/partnerships/${partnershipId}`, { headers: { cookie } });
    if (check.status !== 200) throw new Error(`authenticated read failed: ${check.status}`);
    await measure(`${base}/api/health`, {}, server.pid!); // warm-up
    const a = await measure(`${base}/api/health`, {}, server.pid!);
    const b = await measure(`${base}/api/partnerships/${partnershipId}`, { cookie }, server.pid!);
    console.log(`\n${label}`);
    console.table({ '(a) bare route': a, '(b) authenticated partnership read + access-log write': b });
    console.log(`ratio b/a: ${(b.reqPerSec / a.reqPerSec).toFixed(2)}`);
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
}

const PARTS = ['api', 'district', 'first-load', 'observations', 'language'] as const;

/** `--only api`, `--only district`, `--only first-load`, `--only observations` or `--only language` (comma-separated for several); all when not given. */
function partsToRun(argv: string[]): Set<(typeof PARTS)[number]> {
  const at = argv.indexOf('--only');
  if (at < 0) return new Set(PARTS);
  const chosen = (argv[at + 1] ?? '').split(',');
  const unknown = chosen.filter((p) => !(PARTS as readonly string[]).includes(p));
  if (unknown.length || !chosen.length) throw new Error(`--only takes ${PARTS.join(' or ')} (got "${argv[at + 1] ?? ''}")`);
  return new Set(chosen as (typeof PARTS)[number][]);
}

/** The production server on the demo organization, the built web app, and Chromium. */
async function firstLoad() {
  if (!fs.existsSync(CHROMIUM)) {
    console.log(`\nFirst load: skipped (no Chromium at ${CHROMIUM}; set CHROMIUM_PATH)`);
    return;
  }
  await withDemoServer(async (base) => {
    const email = 'taylor@riverside.example';
    // Past the role descriptions once, so sign-in leads to Home as on any later day.
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: DEMO_PASSWORD }) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const ack = await fetch(`${base}/api/role-descriptions/acknowledgement`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken } });
    if (!ack.ok) throw new Error(`acknowledging the role descriptions failed: ${ack.status}`);
    await benchFirstLoad(base, email, DEMO_PASSWORD);
  });
}

/** The production server on a fresh demo organization, with the built web app (built if missing), for Chromium measures. */
async function withDemoServer(run: (base: string) => Promise<void>) {
  if (!fs.existsSync(path.resolve(import.meta.dirname, '../web/dist/index.html'))) {
    console.log('\nBuilding the web app (npm run build)…');
    const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('npm run build failed');
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-bench-web-'));
  const db = openDatabase({ databaseUrl: null, dataDir: dir });
  await migrate(db);
  await seedDemo(db, systemClock);
  await db.destroy();
  const server = await startServer({ DATA_DIR: dir, WORKERS: '1' });
  try {
    await run(`http://127.0.0.1:${PORT}`);
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `npm run bench -- --soak 600`: the authenticated read (b) at the bench's rate for that many
 * seconds on the generated district (SQLite, one process), a row per minute with its rate,
 * latency and the server's memory; memory should stay flat (issue 13, item 6). Not run in CI.
 */
async function soak(seconds: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-soak-'));
  const db = openDatabase({ databaseUrl: null, dataDir: dir });
  await migrate(db);
  const { partnershipId } = await generate(db);
  await db.destroy();
  const server = await startServer({ DATA_DIR: dir, WORKERS: '1' });
  try {
    const base = `http://127.0.0.1:${PORT}`;
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'carmen@riverside.example', password: DEMO_PASSWORD }) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const rows: Record<string, { reqPerSec: number; p50: number; p99: number; errors: number; rssMb: number }> = {};
    const startRss = rssTree(server.pid!);
    console.log(`\nSoak: (b) authenticated partnership read + access-log write, ${CONNECTIONS} connections for ${seconds} s (SQLite, 1 server process); server memory at start ${startRss} MB`);
    for (let minute = 1; (minute - 1) * 60 < seconds; minute++) {
      const duration = Math.min(60, seconds - (minute - 1) * 60);
      const result = await autocannon({ url: `${base}/api/partnerships/${partnershipId}`, connections: CONNECTIONS, duration, headers: { cookie } });
      rows[`minute ${minute}`] = { reqPerSec: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx, rssMb: rssTree(server.pid!) };
      console.log(`minute ${minute}: ${rows[`minute ${minute}`].reqPerSec} req/s, p99 ${result.latency.p99} ms, ${rows[`minute ${minute}`].rssMb} MB`);
    }
    console.table(rows);
    const mems = Object.values(rows).map((r) => r.rssMb);
    const growth = mems[mems.length - 1] - mems[0];
    console.log(`memory from the first minute to the last: ${growth >= 0 ? '+' : ''}${growth} MB (${((growth / mems[0]) * 100).toFixed(1)} %); peak ${Math.max(...mems)} MB`);
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const soakAt = process.argv.indexOf('--soak');
  if (soakAt >= 0) {
    const seconds = Number(process.argv[soakAt + 1] ?? 600);
    if (!Number.isInteger(seconds) || seconds < 10) throw new Error(`--soak takes a number of seconds, at least 10 (got "${process.argv[soakAt + 1] ?? ''}")`);
    return soak(seconds);
  }
  const parts = partsToRun(process.argv.slice(2));
  if (parts.has('api')) await api();
  if (parts.has('district')) await district();
  if (parts.has('first-load')) await firstLoad();
  if (parts.has('observations')) {
    await benchObservations();
    if (fs.existsSync(CHROMIUM)) await withDemoServer((base) => benchTapLatency(base));
    else console.log(`\nObservation taps: skipped (no Chromium at ${CHROMIUM}; set CHROMIUM_PATH)`);
  }
  if (parts.has('language')) benchLanguageCheck();
}

async function api() {
  await onEachDatabase((name, env, db) => benchOne(`${name} (${DURATION}s × ${CONNECTIONS} connections)`, env, db));
}

/**
 * `--only district`: the generated district with a year of activity (bench/district.ts), then
 * the reads that grow with it, at 10 connections against one server process, on each database.
 */
async function district() {
  await onEachDatabase(async (name, env, db, isPg) => {
    const { district } = await generate(db);
    const year = await generateYear(db, district, isPg);
    const total = Object.values(year.counts).reduce((a, b) => a + b, 0);
    console.log(`\n${name}: a year of district activity, ${total.toLocaleString('en')} rows in ${year.seconds.toFixed(1)} s`);
    console.table(Object.fromEntries(Object.entries(year.counts).map(([table, rows]) => [table, { rows }])));
    const cookies = { coach: await signIn(db, year.coachId), coachee: await signIn(db, year.coacheeId) };
    if (isPg) await sql`analyze`.execute(db);
    await db.destroy();
    const server = await startServer({ ...env, WORKERS: '1' });
    try {
      await benchDistrictReads(name, `http://127.0.0.1:${PORT}`, year, cookies);
    } finally {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    }
  });
}

/** Runs a part on a fresh SQLite database, then on a fresh PostgreSQL database when one answers at BENCH_DATABASE_URL. */
async function onEachDatabase(run: (name: string, env: Record<string, string>, db: DB, isPg: boolean) => Promise<void>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-bench-'));
  const sqlite = openDatabase({ databaseUrl: null, dataDir: dir });
  await migrate(sqlite);
  await run('SQLite', { DATA_DIR: dir }, sqlite, false);
  fs.rmSync(dir, { recursive: true, force: true });

  const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
  } catch {
    console.log(`\nPostgreSQL: skipped (nothing answers at ${adminUrl})`);
    return;
  }
  const name = `tandem_bench_${Date.now()}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    const pgdb = openDatabase({ databaseUrl: url.toString() });
    await migrate(pgdb);
    await run('PostgreSQL', { DATABASE_URL: url.toString() }, pgdb, true);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

// Run when started (npm run bench), not when a script imports generate().
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
