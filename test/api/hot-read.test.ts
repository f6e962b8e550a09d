/**
 * The hot read in one round trip (issue 13, item 1): a request about one partnership resolves its
 * session, the person's roles, the partnership, its members, the people the reader supervises in it
 * and whether the reader's signature is awaited in one statement, and answers exactly as the
 * separate reads did — for a member, a supervisor, a leader, a stranger (404), an expired session
 * (401) and a partnership changed by the request itself (read again, fresh).
 */
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, NOT_FOUND_BODY, type World, createWorld } from '../support/world';

/** Counts the statements the app runs (each result that comes back). */
class Counter implements KyselyPlugin {
  count = 0;
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    this.count++;
    return args.result;
  }
}

const counter = new Counter();
let w: World;
let scene: Awaited<ReturnType<World['given']['expertPartnership']>>;
let c: Record<'coach' | 'coachee' | 'supervisor' | 'leader' | 'stranger', Client>;

beforeAll(async () => {
  w = await createWorld({}, { appDb: (db) => db.withPlugin(counter) });
  scene = await w.given.expertPartnership();
  const leader = await w.given.person(scene.org, ['leader']);
  const elsewhere = await w.given.organization();
  const stranger = await w.given.person(elsewhere, ['supervisor']);
  c = { coach: await w.as(scene.coach), coachee: await w.as(scene.coachee), supervisor: await w.as(scene.supervisor), leader: await w.as(leader), stranger: await w.as(stranger) };
});
afterAll(async () => {
  await w?.close();
});

/** The statements one request runs. */
async function statements(f: () => Promise<unknown>): Promise<number> {
  // The access log's group writer flushes on its own clock: let it finish what earlier requests left, and this one's row.
  await new Promise((r) => setTimeout(r, 100));
  const before = counter.count;
  await f();
  await new Promise((r) => setTimeout(r, 100));
  return counter.count - before;
}

describe('a partnership read in one round trip', () => {
  it('resolves the session and the partnership in one statement: the detail of a partnership costs two statements for its reader', async () => {
    await c.coach.get(`/api/partnerships/${scene.partnership}`);
    const n = await statements(() => c.coach.get(`/api/partnerships/${scene.partnership}`));
    // The session and the partnership together, then the status history and the profiles together; a profile read's
    // access-log row goes in the group writer's statement, shared with the requests around it. Before: the session,
    // the partnership, the history and the profiles, and on PostgreSQL a pool checkout for each.
    console.log(`[hot read] GET /api/partnerships/:id as its coach: ${n} statements`);
    expect(n).toBeLessThanOrEqual(2);
  });

  it('answers as before for a member, a supervisor, a leader and a stranger', async () => {
    const coach = await c.coach.get(`/api/partnerships/${scene.partnership}`);
    expect(coach.statusCode).toBe(200);
    expect(coach.json()).toMatchObject({ viewerRelation: 'coach', abilities: { readContent: true, writeNotes: true } });
    expect(coach.json().members.map((m: { role: string }) => m.role).sort()).toEqual(['coach', 'coachee']);
    const supervisor = await c.supervisor.get(`/api/partnerships/${scene.partnership}`);
    expect(supervisor.statusCode).toBe(200);
    expect(supervisor.json()).toMatchObject({ viewerRelation: 'supervisor', abilities: { readContent: false } });
    const leader = await c.leader.get(`/api/partnerships/${scene.partnership}`);
    expect(leader.json()).toMatchObject({ viewerRelation: 'program leader', abilities: { readContent: false } });
    const stranger = await c.stranger.get(`/api/partnerships/${scene.partnership}`);
    expect(stranger.statusCode).toBe(404);
    expect(stranger.json()).toEqual(NOT_FOUND_BODY);
    const missing = await c.coach.get('/api/partnerships/00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
  });

  it('shows a signature awaited, read in the same statement', async () => {
    // A new agreement version: both partners' signatures are awaited again.
    const current = (await c.coach.get(`/api/partnerships/${scene.partnership}/agreement`)).json();
    const saved = await c.coach.put(`/api/partnerships/${scene.partnership}/agreement`, { content: { ...current.current.content, meetingCadence: 'Every other week' }, baseVersion: current.current.version });
    expect(saved.statusCode, saved.body).toBeLessThan(300);
    const coachee = await c.coachee.get(`/api/partnerships/${scene.partnership}`);
    expect(coachee.json().mySignatureNeeded).toBe(true);
  });

  it('reads the partnership again after the request changed it', async () => {
    const paused = await c.coachee.post(`/api/partnerships/${scene.partnership}/status`, { to: 'paused', reason: 'A busy month' });
    expect(paused.statusCode, paused.body).toBeLessThan(300);
    expect(paused.json().status).toBe('paused');
    const resumed = await c.coachee.post(`/api/partnerships/${scene.partnership}/status`, { to: 'active' });
    expect(resumed.json().status).toBe('active');
  });

  it('ends an expired session as before (401), before reading any partnership', async () => {
    w.clock.advance(40 * 24 * 3600_000);
    const res = await c.coach.get(`/api/partnerships/${scene.partnership}`);
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('SESSION_EXPIRED');
  });
});
