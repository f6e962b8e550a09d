/**
 * The administrator–coach partnership meeting, run live (issue 12, item 1): set up by a leader or
 * a coach with people of the organization; read only by its participants (a supervisor or leader
 * outside it: 404); steps with timers and overrun; norms; the note-taker's record; version-checked
 * writes; and the events stream — two screens see a change within a second, a reconnect with
 * Last-Event-ID receives what it missed, and (on PostgreSQL with Redis) a change made through one
 * server process reaches a screen connected to another.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveSettings } from '../../server/src/admin-meetings/admin-meetings.routes';
import { buildApp } from '../../server/src/app';
import { loadConfig } from '../../server/src/config';
import { TestClock } from '../../server/src/platform/clock';
import { openDatabase } from '../../server/src/platform/db';
import { newId } from '../../server/src/platform/ids';
import { MemoryMailer } from '../../server/src/platform/mail';
import { hashPassword } from '../../server/src/platform/passwords';
import { SESSION_COOKIE, createSession } from '../../server/src/platform/sessions';
import { createOrganization, createPerson } from '../../server/src/org/org.service';
import type { App } from '../../server/src/platform/http';
import type { DB } from '../../server/src/platform/db';
import { openTestDatabase } from '../support/db';
import { type Client, NOT_FOUND_BODY, type World, createWorld } from '../support/world';

let w: World;
let org: string;
const people: Record<'leader' | 'principal' | 'ap' | 'coach' | 'coach2' | 'otherSupervisor' | 'otherLeader' | 'coachee', string> = {} as never;
const as: Record<keyof typeof people, Client> = {} as never;

const participants = () => [
  { personId: people.leader, role: 'facilitator' },
  { personId: people.principal, role: 'principal' },
  { personId: people.ap, role: 'assistant_principal' },
  { personId: people.coach, role: 'coach' },
  { personId: people.coach2, role: 'coach' },
];
const newMeeting = async (by: Client = as.coach, body: object = {}) => by.post('/api/admin-meetings', { title: 'Maple Street: coaching this year', schoolYear: '2026–2027', participants: participants(), ...body });

beforeAll(async () => {
  w = await createWorld();
  org = await w.given.organization();
  people.leader = await w.given.person(org, ['leader'], 'Lena Leader');
  people.principal = await w.given.person(org, ['supervisor'], 'Pat Principal');
  people.ap = await w.given.person(org, ['supervisor'], 'Alex Assistant');
  people.coach = await w.given.person(org, ['coach'], 'Carmen Coach');
  people.coach2 = await w.given.person(org, ['coach'], 'Chris Coach');
  people.otherSupervisor = await w.given.person(org, ['supervisor'], 'Sasha Supervisor');
  people.otherLeader = await w.given.person(org, ['leader'], 'Olive Leader');
  people.coachee = await w.given.person(org, ['coachee'], 'Taylor Teacher');
  for (const k of Object.keys(people) as Array<keyof typeof people>) as[k] = await w.as(people[k]);
});
afterAll(async () => {
  await w?.close();
});

describe('setting up a meeting', () => {
  it('lets a coach set one up with the principal, an assistant principal, a facilitator and another coach', async () => {
    const res = await newMeeting();
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'draft', currentStep: 1, version: 1, lastEvent: 1, noteTakerId: null, createdBy: people.coach, norms: [], notes: [], abilities: { run: true, chooseNoteTaker: true, editNorms: true, takeNotes: false } });
    expect(res.json().participants.map((p: { name: string; role: string }) => `${p.name}:${p.role}`).sort()).toEqual(['Alex Assistant:assistant_principal', 'Carmen Coach:coach', 'Chris Coach:coach', 'Lena Leader:facilitator', 'Pat Principal:principal']);
    expect(res.json().steps.map((s: { key: string; minutes: number | null }) => `${s.key}:${s.minutes}`)).toEqual(['prepare:null', 'purposes:5', 'norms:5', 'note_taker:5', 'roles:15', 'topics:15', 'written_agreement:5', 'revisit_norms:5', 'future_meetings:5']);
  });

  it('lets a program leader set one up too', async () => {
    expect((await newMeeting(as.leader)).statusCode).toBe(201);
  });

  it('hides setting one up from a teacher and a supervisor (404)', async () => {
    const teacher = await newMeeting(as.coachee, { participants: [...participants(), { personId: people.coachee, role: 'other' }] });
    expect(teacher.statusCode).toBe(404);
    expect(teacher.json()).toEqual(NOT_FOUND_BODY);
    expect((await newMeeting(as.principal)).statusCode).toBe(404);
  });

  it('takes participants only from the organization, each once, the person setting it up among them', async () => {
    const elsewhere = await w.given.organization();
    const stranger = await w.given.person(elsewhere, ['coach']);
    const foreign = await newMeeting(as.coach, { participants: [...participants(), { personId: stranger, role: 'other' }] });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().message).toMatch(/among the active people of your organization/);
    const twice = await newMeeting(as.coach, { participants: [...participants(), { personId: people.ap, role: 'other' }] });
    expect(twice.statusCode).toBe(422);
    const withoutMe = await newMeeting(as.coach, { participants: participants().filter((p) => p.personId !== people.coach) });
    expect(withoutMe.statusCode).toBe(422);
    expect(withoutMe.json().message).toMatch(/Include yourself/);
  });

  it('answers in Spanish for a person who reads Spanish', async () => {
    await w.db.updateTable('people').set({ language: 'es' }).where('id', '=', people.coach2).execute();
    const es = await w.as(people.coach2);
    const m = (await newMeeting()).json();
    const res = await es.post(`/api/admin-meetings/${m.id}/notes`, { text: 'hola' });
    expect(res.statusCode).toBe(404);
    const stale = await es.patch(`/api/admin-meeting-norms/${(await (await as.coach.post(`/api/admin-meetings/${m.id}/norms`, { text: 'Phones away' })).json()).norms[0].id}`, { agreed: true, baseVersion: 7 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toMatch(/Alguien cambió esta norma/);
    await w.db.updateTable('people').set({ language: null }).where('id', '=', people.coach2).execute();
  });
});

describe('who sees a meeting', () => {
  let id: string;
  beforeAll(async () => {
    id = (await newMeeting()).json().id;
  });

  it('lets every participant read it', async () => {
    for (const who of ['leader', 'principal', 'ap', 'coach', 'coach2'] as const) expect((await as[who].get(`/api/admin-meetings/${id}`)).statusCode, who).toBe(200);
  });

  it('hides it from a supervisor and a leader who are not participants, and from a teacher (404, as for a missing id)', async () => {
    for (const who of ['otherSupervisor', 'otherLeader', 'coachee'] as const) {
      const res = await as[who].get(`/api/admin-meetings/${id}`);
      expect(res.statusCode, who).toBe(404);
      expect(res.json()).toEqual(NOT_FOUND_BODY);
      expect((await as[who].get(`/api/admin-meetings/${id}/events`)).statusCode, who).toBe(404);
      expect((await as[who].post(`/api/admin-meetings/${id}/norms`, { text: 'Listen first' })).statusCode, who).toBe(404);
    }
    expect((await as.principal.get(`/api/admin-meetings/${newId()}`)).json()).toEqual(NOT_FOUND_BODY);
  });

  it('lists it for its participants only', async () => {
    const mine = (await as.principal.get('/api/admin-meetings')).json().items;
    expect(mine.find((m: { id: string }) => m.id === id)).toMatchObject({ myRole: 'principal', participantCount: 5, status: 'draft' });
    expect((await as.otherSupervisor.get('/api/admin-meetings')).json().items).toEqual([]);
    expect((await as.otherLeader.get('/api/admin-meetings')).json().items).toEqual([]);
  });
});

describe('running the meeting', () => {
  let id: string;
  let version: number;
  const get = async () => (await as.principal.get(`/api/admin-meetings/${id}`)).json();
  beforeAll(async () => {
    const m = (await newMeeting()).json();
    id = m.id;
    version = m.version;
  });

  it('lets only the facilitator or whoever set it up start it, move it and end it (404 for other participants)', async () => {
    expect((await as.principal.post(`/api/admin-meetings/${id}/starting`, { baseVersion: version })).statusCode).toBe(404);
    expect((await as.coach2.put(`/api/admin-meetings/${id}/step`, { step: 3, baseVersion: version })).statusCode).toBe(404);
    const notYet = await as.leader.put(`/api/admin-meetings/${id}/step`, { step: 3, baseVersion: version });
    expect(notYet.statusCode).toBe(409);
    expect(notYet.json().message).toMatch(/Start the meeting first/);
  });

  it('starts at the purposes with that step’s timer running', async () => {
    const res = await as.leader.post(`/api/admin-meetings/${id}/starting`, { baseVersion: version });
    expect(res.statusCode).toBe(200);
    const m = res.json();
    expect(m).toMatchObject({ status: 'live', currentStep: 2, version: version + 1 });
    expect(m.startedAt).not.toBeNull();
    expect(m.steps[1]).toMatchObject({ step: 2, running: true, overrunMs: 0 });
    expect(m.steps[1].runningSince).toBe(m.startedAt);
    version = m.version;
    expect((await as.leader.post(`/api/admin-meetings/${id}/starting`, { baseVersion: version })).statusCode).toBe(409);
  });

  it('shows a step running over its time box, and never blocks the next', async () => {
    w.clock.advance(7 * 60_000);
    const m = await get();
    expect(m.steps[1].elapsedMs).toBeGreaterThanOrEqual(7 * 60_000);
    expect(m.steps[1].overrunMs).toBeGreaterThanOrEqual(2 * 60_000);
    expect(m.steps[1].overrunMs).toBeLessThan(2 * 60_000 + 1000);
    const moved = await as.coach.put(`/api/admin-meetings/${id}/step`, { step: 3, baseVersion: version });
    expect(moved.statusCode).toBe(200);
    version = moved.json().version;
    w.clock.advance(60_000);
    const after = await get();
    expect(after.currentStep).toBe(3);
    expect(after.steps[1]).toMatchObject({ running: false, runningSince: null });
    expect(after.steps[1].elapsedMs).toBeLessThan(7 * 60_000 + 1000);
    expect(after.steps[2]).toMatchObject({ running: true, overrunMs: 0 });
    expect(after.steps[2].elapsedMs).toBeGreaterThanOrEqual(60_000);
  });

  it('adds up the time of a step returned to', async () => {
    const back = await as.leader.put(`/api/admin-meetings/${id}/step`, { step: 2, baseVersion: version });
    version = back.json().version;
    w.clock.advance(30_000);
    const m = await get();
    expect(m.steps[1].running).toBe(true);
    expect(m.steps[1].elapsedMs).toBeGreaterThanOrEqual(7 * 60_000 + 30_000);
    expect(m.steps[2].running).toBe(false);
  });

  it('refuses a move made from a stale version (409), and changes nothing', async () => {
    const stale = await as.leader.put(`/api/admin-meetings/${id}/step`, { step: 5, baseVersion: version - 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT', message: expect.stringMatching(/moved on since you last looked/) });
    expect((await get()).currentStep).toBe(2);
  });

  it('records the note-taker the group chose, a participant', async () => {
    expect((await as.leader.put(`/api/admin-meetings/${id}/note-taker`, { personId: people.otherSupervisor, baseVersion: version })).statusCode).toBe(422);
    expect((await as.principal.put(`/api/admin-meetings/${id}/note-taker`, { personId: people.ap, baseVersion: version })).statusCode).toBe(404);
    const chosen = await as.leader.put(`/api/admin-meetings/${id}/note-taker`, { personId: people.ap, baseVersion: version });
    expect(chosen.statusCode).toBe(200);
    expect(chosen.json()).toMatchObject({ noteTakerId: people.ap, abilities: { takeNotes: false, run: true } });
    version = chosen.json().version;
    expect((await as.ap.get(`/api/admin-meetings/${id}`)).json().abilities).toMatchObject({ takeNotes: true, run: false, editNorms: true });
  });

  it('lets the note-taker alone add to the record, at the current step or another', async () => {
    const note = await as.ap.post(`/api/admin-meetings/${id}/notes`, { text: 'Purposes read aloud; everyone agreed.' });
    expect(note.statusCode).toBe(201);
    expect(note.json().notes).toEqual([expect.objectContaining({ step: 2, text: 'Purposes read aloud; everyone agreed.', authorId: people.ap, authorName: 'Alex Assistant' })]);
    expect((await as.ap.post(`/api/admin-meetings/${id}/notes`, { text: 'Roles: data coach first.', step: 5 })).json().notes[1].step).toBe(5);
    for (const who of ['leader', 'principal', 'coach', 'otherSupervisor'] as const) {
      const res = await as[who].post(`/api/admin-meetings/${id}/notes`, { text: 'my own version' });
      expect(res.statusCode, who).toBe(404);
    }
  });

  it('lets every participant draft norms, agree on them and revise them later (409 on a stale version)', async () => {
    const drafted = await as.principal.post(`/api/admin-meetings/${id}/norms`, { text: 'Start and end on time' });
    expect(drafted.statusCode).toBe(201);
    const norm = drafted.json().norms[0];
    expect(norm).toMatchObject({ text: 'Start and end on time', authorName: 'Pat Principal', agreedAt: null, revisedAt: null, version: 1 });
    const agreed = await as.coach2.patch(`/api/admin-meeting-norms/${norm.id}`, { agreed: true, baseVersion: 1 });
    expect(agreed.statusCode).toBe(200);
    expect(agreed.json().norms[0]).toMatchObject({ version: 2, revisedAt: null });
    expect(agreed.json().norms[0].agreedAt).not.toBeNull();
    const stale = await as.leader.patch(`/api/admin-meeting-norms/${norm.id}`, { text: 'Start on time', baseVersion: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const revised = await as.leader.patch(`/api/admin-meeting-norms/${norm.id}`, { text: 'Start and end on time; phones away', baseVersion: 2 });
    expect(revised.json().norms[0]).toMatchObject({ text: 'Start and end on time; phones away', version: 3 });
    expect(revised.json().norms[0].revisedAt).not.toBeNull();
    expect((await as.otherLeader.patch(`/api/admin-meeting-norms/${norm.id}`, { agreed: false, baseVersion: 3 })).statusCode).toBe(404);
  });

  it('ends: the timer stops, and nothing changes after', async () => {
    const ended = await as.leader.post(`/api/admin-meetings/${id}/ending`, { baseVersion: version });
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({ status: 'ended', abilities: { run: false, takeNotes: false, editNorms: false } });
    expect(ended.json().steps.every((s: { running: boolean }) => !s.running)).toBe(true);
    const late = await as.ap.post(`/api/admin-meetings/${id}/notes`, { text: 'one more thing' });
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toMatch(/has ended/);
  });
});

// ---------- the events stream ----------

interface Frame {
  event: string;
  id: string | null;
  data: any;
}
interface Listener {
  status: number;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  frames: Frame[];
  comments: string[];
  waitFor(pred: (f: Frame) => boolean, ms?: number): Promise<Frame>;
  close(): void;
}

/** Opens an events stream over real HTTP and parses its frames as they come. */
function listen(port: number, cookie: string, meetingId: string, lastEventId?: number): Promise<Listener> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: `/api/admin-meetings/${meetingId}/events`, headers: { cookie: `${SESSION_COOKIE}=${cookie}`, accept: 'text/event-stream', ...(lastEventId !== undefined ? { 'last-event-id': String(lastEventId) } : {}) } }, (res) => {
      const frames: Frame[] = [];
      const comments: string[] = [];
      const waiters: Array<() => void> = [];
      const ended = new Promise<void>((done) => res.on('end', () => done()));
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const f: Frame = { event: 'message', id: null, data: null };
          let hasData = false;
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) comments.push(line);
            else if (line.startsWith('event: ')) f.event = line.slice(7);
            else if (line.startsWith('id: ')) f.id = line.slice(4);
            else if (line.startsWith('data: ')) {
              f.data = JSON.parse(line.slice(6));
              hasData = true;
            }
          }
          if (hasData) frames.push(f);
        }
        for (const wake of waiters.splice(0)) wake();
      });
      resolve({
        status: res.statusCode ?? 0,
        ended,
        frames,
        comments,
        waitFor(pred, ms = 1000) {
          return new Promise((done, fail) => {
            const timer = setTimeout(() => fail(new Error(`no matching event within ${ms} ms; got ${JSON.stringify(frames.map((x) => `${x.event}#${x.id}`))}`)), ms);
            const check = () => {
              const hit = frames.find(pred);
              if (hit) {
                clearTimeout(timer);
                done(hit);
              } else waiters.push(check);
            };
            check();
          });
        },
        close: () => req.destroy(),
      });
    });
    req.on('error', reject);
  });
}

async function cookieOf(db: DB, clock: TestClock, personId: string) {
  const person = await db.selectFrom('people').select('user_id').where('id', '=', personId).executeTakeFirstOrThrow();
  return (await createSession(db, clock, { idleMinutes: 600, maxHours: 24 }, person.user_id!, personId)).token;
}

const portOf = (app: App) => (app.server.address() as AddressInfo).port;

describe('live updates', () => {
  let port: number;
  let id: string;
  const open: Listener[] = [];
  const track = (l: Listener) => {
    open.push(l);
    return l;
  };
  beforeAll(async () => {
    await w.app.listen({ port: 0, host: '127.0.0.1' });
    port = portOf(w.app);
    id = (await newMeeting()).json().id;
  });
  afterAll(() => {
    for (const l of open) l.close();
  });

  it('sends the meeting as it is on connect, as the event stream of its participants', async () => {
    const l = track(await listen(port, await cookieOf(w.db, w.clock, people.principal), id));
    expect(l.status).toBe(200);
    const first = await l.waitFor((f) => f.event === 'state');
    expect(first.data).toMatchObject({ id, status: 'draft', lastEvent: 1 });
    expect(first.id).toBe('1');
    l.close();
  });

  it('gives a non-participant supervisor nothing (404)', async () => {
    const l = await listen(port, await cookieOf(w.db, w.clock, people.otherSupervisor), id);
    expect(l.status).toBe(404);
    l.close();
  });

  it('brings a change to two screens within a second', async () => {
    const a = track(await listen(port, await cookieOf(w.db, w.clock, people.principal), id));
    const b = track(await listen(port, await cookieOf(w.db, w.clock, people.coach2), id));
    await Promise.all([a.waitFor((f) => f.event === 'state'), b.waitFor((f) => f.event === 'state')]);
    const before = Date.now();
    const res = await as.leader.post(`/api/admin-meetings/${id}/starting`, { baseVersion: 1 });
    expect(res.statusCode).toBe(200);
    const [fa, fb] = await Promise.all([a.waitFor((f) => f.event === 'state' && f.data.status === 'live'), b.waitFor((f) => f.event === 'state' && f.data.status === 'live')]);
    expect(Date.now() - before).toBeLessThan(1000);
    expect(fa.data.currentStep).toBe(2);
    // Each screen sees its own abilities.
    expect(fb.data.abilities.run).toBe(false);
    expect(a.frames.some((f) => f.event === 'change' && f.data.kind === 'started')).toBe(true);
  });

  it('sends a screen that reconnects with Last-Event-ID the changes it missed, then the meeting', async () => {
    const a = track(await listen(port, await cookieOf(w.db, w.clock, people.ap), id));
    const seen = await a.waitFor((f) => f.event === 'state');
    a.close();
    const last = Number(seen.id);
    await as.coach.post(`/api/admin-meetings/${id}/norms`, { text: 'Assume good intent' });
    await as.ap.post(`/api/admin-meetings/${id}/norms`, { text: 'What is said about a teacher stays here' });
    const back = track(await listen(port, await cookieOf(w.db, w.clock, people.ap), id, last));
    const state = await back.waitFor((f) => f.event === 'state');
    const changes = back.frames.filter((f) => f.event === 'change');
    expect(changes.map((f) => [f.id, f.data.kind])).toEqual([
      [String(last + 1), 'norm_added'],
      [String(last + 2), 'norm_added'],
    ]);
    expect(state.id).toBe(String(last + 2));
    expect(state.data.norms.map((n: { text: string }) => n.text)).toEqual(['Assume good intent', 'What is said about a teacher stays here']);
  });

  it('keeps a quiet stream open with heartbeat comments', async () => {
    const before = liveSettings.heartbeatMs;
    liveSettings.heartbeatMs = 40;
    try {
      const l = track(await listen(port, await cookieOf(w.db, w.clock, people.principal), id));
      await l.waitFor((f) => f.event === 'state');
      await new Promise((r) => setTimeout(r, 150));
      expect(l.comments.filter((c) => c === ': heartbeat').length).toBeGreaterThanOrEqual(2);
    } finally {
      liveSettings.heartbeatMs = before;
    }
  });

  it('ends the stream of a person who signed out, at the next change', async () => {
    const token = await cookieOf(w.db, w.clock, people.coach2);
    const l = track(await listen(port, token, id));
    await l.waitFor((f) => f.event === 'state');
    const signOut = await w.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: `${SESSION_COOKIE}=${token}`, 'x-csrf-token': (await w.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: `${SESSION_COOKIE}=${token}` } })).json().csrfToken } });
    expect(signOut.statusCode).toBeLessThan(300);
    const seen = l.frames.length;
    await as.coach.post(`/api/admin-meetings/${id}/norms`, { text: 'Phones face down' });
    await l.ended;
    expect(l.frames.length).toBe(seen);
  });

  it('forgets a screen when its client goes away', async () => {
    const l = await listen(port, await cookieOf(w.db, w.clock, people.coach), id);
    await l.waitFor((f) => f.event === 'state');
    l.close();
    await new Promise((r) => setTimeout(r, 50));
    // A change after the client left is simply not sent anywhere (no error, nothing written to a closed stream).
    expect((await as.coach.post(`/api/admin-meetings/${id}/norms`, { text: 'One voice at a time' })).statusCode).toBe(201);
  });
});

/** Two app instances (two "processes") on one PostgreSQL database, with the bus the configuration chooses. */
const acrossProcesses = (bus: 'redis' | 'postgres') => () => {
  const redisKeyPrefix = `tandem-test-${newId().slice(0, 8)}:`;
  let apps: App[] = [];
  let cleanup: () => Promise<void>;
  let dbs: DB[] = [];
  const clock = new TestClock();

  beforeAll(async () => {
    const tdb = await openTestDatabase();
    const second = openDatabase({ databaseUrl: tdb.url!, poolSize: 4 });
    dbs = [tdb.db, second];
    const config = loadConfig({}, { seedDemo: false, baseUrl: 'http://tandem.test', redisKeyPrefix, ...(bus === 'redis' ? { redisUrl: 'redis://127.0.0.1:6379' } : { redisUrl: null, databaseUrl: tdb.url }) });
    apps = [await buildApp({ db: tdb.db, clock, config, mailer: new MemoryMailer() }), await buildApp({ db: second, clock, config, mailer: new MemoryMailer() })];
    for (const app of apps) await app.listen({ port: 0, host: '127.0.0.1' });
    cleanup = async () => {
      for (const app of apps) await app.close();
      await second.destroy();
      await tdb.cleanup();
    };
  });
  afterAll(async () => {
    await cleanup?.();
  });

  it('brings a change made through one process to a screen connected to the other within a second', async () => {
    const [db] = dbs;
    const hash = await hashPassword('correct horse battery');
    const o = await createOrganization(db, clock, 'Two processes');
    const coach = await createPerson(db, clock, o, { name: 'Carmen Coach', email: `carmen.${o.slice(0, 6)}@tandem.test`, roles: ['coach'] }, hash);
    const principal = await createPerson(db, clock, o, { name: 'Pat Principal', email: `pat.${o.slice(0, 6)}@tandem.test`, roles: ['supervisor'] }, hash);
    const coachCookie = await cookieOf(db, clock, coach);
    const me = await apps[0].inject({ method: 'GET', url: '/api/me', headers: { cookie: `${SESSION_COOKIE}=${coachCookie}` } });
    const csrf = me.json().csrfToken as string;
    const send = (app: App, method: 'POST' | 'PUT', url: string, body: object) => app.inject({ method, url, headers: { cookie: `${SESSION_COOKIE}=${coachCookie}`, 'x-csrf-token': csrf, 'content-type': 'application/json' }, payload: JSON.stringify(body) });
    const created = await send(apps[0], 'POST', '/api/admin-meetings', { title: 'Across processes', schoolYear: '2026–2027', participants: [{ personId: coach, role: 'facilitator' }, { personId: principal, role: 'principal' }] });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    // The principal's screen is on process B; the coach works through process A.
    const screen = await listen(portOf(apps[1]), await cookieOf(db, clock, principal), id);
    try {
      expect(screen.status).toBe(200);
      await screen.waitFor((f) => f.event === 'state');
      const before = Date.now();
      expect((await send(apps[0], 'POST', `/api/admin-meetings/${id}/starting`, { baseVersion: 1 })).statusCode).toBe(200);
      const live = await screen.waitFor((f) => f.event === 'state' && f.data.status === 'live');
      expect(Date.now() - before).toBeLessThan(1000);
      expect(live.data.currentStep).toBe(2);
      expect((await send(apps[0], 'POST', `/api/admin-meetings/${id}/norms`, { text: 'Listen to understand' })).statusCode).toBe(201);
      const normed = await screen.waitFor((f) => f.event === 'state' && f.data.norms.length === 1);
      expect(normed.data.norms[0].text).toBe('Listen to understand');
    } finally {
      screen.close();
    }
  });
};

describe.skipIf(!process.env.TEST_DATABASE_URL)('live updates across server processes through Redis pub/sub (REDIS_URL)', acrossProcesses('redis'));
describe.skipIf(!process.env.TEST_DATABASE_URL)('live updates across server processes through PostgreSQL LISTEN/NOTIFY (no REDIS_URL)', acrossProcesses('postgres'));
