/**
 * Tests build a small world: organizations, people, supervision links and
 * partnerships, on a real database, driven through the real HTTP app with
 * app.inject(). Only the clock and the mailer are stand-ins.
 */
import type { LightMyRequestResponse } from 'fastify';
import type { Format, MemberRole, OrgRole } from '../../shared/src/domain';
import { type RouteInfo, buildApp } from '../../server/src/app';
import { loadConfig } from '../../server/src/config';
import { TestClock } from '../../server/src/platform/clock';
import type { App } from '../../server/src/platform/http';
import { newId } from '../../server/src/platform/ids';
import { type Mailer, MemoryMailer } from '../../server/src/platform/mail';
import { hashPassword } from '../../server/src/platform/passwords';
import { SESSION_COOKIE, createSession } from '../../server/src/platform/sessions';
import { createOrganization, createPerson } from '../../server/src/org/org.service';
import { createSignedPartnership } from '../../server/src/seed/demo';
import { openTestDatabase, type TestDatabase } from './db';

export const PASSWORD = 'correct horse battery';

export interface Client {
  personId: string;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

/** One answer of the app, as recorded while `world.recording.on` is true. */
export interface Recorded {
  method: string;
  /** The route's pattern, e.g. /api/notes/:id. */
  route: string;
  status: number;
  /** Who asked (null: nobody signed in). */
  personId: string | null;
  body: string;
}

export interface World<M extends Mailer = MemoryMailer> {
  app: App;
  /** Answers recorded while `recording.on` is true (off by default). */
  recorded: Recorded[];
  recording: { on: boolean };
  db: TestDatabase['db'];
  kind: TestDatabase['kind'];
  clock: TestClock;
  mailer: M;
  routes: RouteInfo[];
  given: ReturnType<typeof makeGiven>;
  as(personId: string): Promise<Client>;
  anonymous: Client;
  close(): Promise<void>;
}

/** Extras for the few tests that need them: another mailer (e.g. SMTP), or the app's log (Fastify `logger` options). */
export interface WorldOptions<M extends Mailer> {
  mailer?: M;
  logger?: object;
  /** The database handle the app is given (e.g. with a plugin that counts statements); the world's own stays plain. */
  appDb?: (db: TestDatabase['db']) => TestDatabase['db'];
}

export async function createWorld<M extends Mailer = MemoryMailer>(overrides: Parameters<typeof loadConfig>[1] = {}, options: WorldOptions<M> = {}): Promise<World<M>> {
  const tdb = await openTestDatabase();
  const clock = new TestClock();
  const mailer = options.mailer ?? (new MemoryMailer() as Mailer as M);
  const config = loadConfig({}, { seedDemo: false, loginRateLimit: 1000, baseUrl: 'http://tandem.test', ...overrides });
  const routes: RouteInfo[] = [];
  const app = await buildApp({ db: options.appDb ? options.appDb(tdb.db) : tdb.db, clock, config, mailer }, { onRoute: (r) => routes.push(r), ...(options.logger ? { logger: options.logger } : {}) });
  const recorded: Recorded[] = [];
  const recording = { on: false };
  // Every answer the app sends, with the route that sent it and who asked: the permission matrix scans them.
  app.addHook('onSend', async (request, reply, payload) => {
    if (recording.on) {
      recorded.push({ method: request.method, route: request.routeOptions.url ?? request.url, status: reply.statusCode, personId: request.actorOrNull?.personId ?? null, body: typeof payload === 'string' ? payload : '' });
    }
    return payload;
  });
  await app.ready();
  const passwordHash = await hashPassword(PASSWORD);
  const given = makeGiven(tdb.db, clock, passwordHash);

  function client(personId: string, cookie?: string, csrf?: string): Client {
    const send = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown) =>
      app.inject({
        method,
        url,
        headers: {
          ...(cookie ? { cookie: `${SESSION_COOKIE}=${cookie}` } : {}),
          ...(csrf && method !== 'GET' ? { 'x-csrf-token': csrf } : {}),
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
      });
    return {
      personId,
      get: (u) => send('GET', u),
      post: (u, b) => send('POST', u, b ?? {}),
      put: (u, b) => send('PUT', u, b ?? {}),
      patch: (u, b) => send('PATCH', u, b ?? {}),
      delete: (u) => send('DELETE', u),
    };
  }

  return {
    app,
    recorded,
    recording,
    db: tdb.db,
    kind: tdb.kind,
    clock,
    mailer,
    routes,
    given,
    anonymous: client(''),
    async as(personId) {
      const person = await tdb.db.selectFrom('people').select('user_id').where('id', '=', personId).executeTakeFirstOrThrow();
      const { token } = await createSession(tdb.db, clock, { idleMinutes: config.sessionIdleMinutes, maxHours: config.sessionMaxHours }, person.user_id!, personId);
      const me = await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: `${SESSION_COOKIE}=${token}` } });
      return client(personId, token, me.json().csrfToken);
    },
    async close() {
      await app.close();
      await tdb.cleanup();
    },
  };
}

function makeGiven(db: TestDatabase['db'], clock: TestClock, passwordHash: string) {
  let n = 0;
  const given = {
    organization: (name = `Org ${++n}`) => createOrganization(db, clock, name),
    async person(orgId: string, roles: OrgRole[], name?: string): Promise<string> {
      const i = ++n;
      return createPerson(db, clock, orgId, { name: name ?? `${roles[0]} ${i}`, email: `${roles[0]}${i}.${orgId.slice(0, 6)}@tandem.test`, roles }, passwordHash);
    },
    async supervisorOf(supervisorId: string, superviseeId: string): Promise<void> {
      const p = await db.selectFrom('people').select('org_id').where('id', '=', supervisorId).executeTakeFirstOrThrow();
      await db.insertInto('supervision_links').values({ id: newId(), org_id: p.org_id, supervisor_id: supervisorId, supervisee_id: superviseeId, created_at: clock.now().toISOString() }).execute();
    },
    /**
     * The most common scene: an organization with a coach and a coachee in a
     * signed expert partnership, and a supervisor of the coachee outside it.
     */
    async expertPartnership() {
      const org = await given.organization();
      const coach = await given.person(org, ['coach']);
      const coachee = await given.person(org, ['coachee']);
      const supervisor = await given.person(org, ['supervisor']);
      await given.supervisorOf(supervisor, coachee);
      const partnership = await given.partnership(coach, 'expert', [
        { personId: coach, role: 'coach' },
        { personId: coachee, role: 'coachee' },
      ]);
      return { org, coach, coachee, supervisor, partnership };
    },
    /** An active partnership whose members all accepted and signed version 2 of the agreement. */
    partnership(creator: string, format: Format, members: Array<{ personId: string; role: MemberRole }>) {
      return createSignedPartnership(db, clock, creator, format, members);
    },
  };
  return given;
}

export const NOT_FOUND_BODY = { code: 'NOT_FOUND', message: 'Not found, or you do not have access to it.' };
