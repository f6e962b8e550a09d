import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, NOT_FOUND_BODY, type World, createWorld } from '../support/world';

let w: World;
let coach: string;
let coachee: string;
let partnership: string;
let c: Client;
let t: Client;
let s: Client;

beforeAll(async () => {
  w = await createWorld();
  let supervisor: string;
  ({ coach, coachee, supervisor, partnership } = await w.given.expertPartnership());
  [c, t, s] = await Promise.all([w.as(coach), w.as(coachee), w.as(supervisor)]);
});
afterAll(() => w?.close());

const overview = (client: Client) => client.get(`/api/partnerships/${partnership}/overview`);
/** How many times the coach read each item, from the coachee's access log (one row per item and day, with a count). */
const coachReads = async () =>
  new Map(((await t.get(`/api/access-log?limit=100&actorId=${coach}`)).json().items as Array<{ itemType: string; itemId: string; count: number }>).map((x) => [`${x.itemType}:${x.itemId}`, x.count]));

describe('partnership overview', () => {
  it('tells the partners what waits for whom, with counts and dates, and reads only the goal titles it shows', async () => {
    const empty = await overview(t);
    expect(empty.statusCode).toBe(200);
    expect(empty.json()).toEqual({ draftPlans: [], proposedGoals: [], reflectionDue: null, goals: [], achievedGoals: 0, lastReflection: null });

    const own = (await t.post(`/api/partnerships/${partnership}/goals`, { title: 'Calmer transitions', steps: [{ description: 'Sing the tidy-up song', responsible: 'coachee' }, { description: 'Visual timer', responsible: 'coach' }] })).json();
    await t.patch(`/api/goals/${own.id}/steps/${own.steps[0].id}`, { status: 'done', baseVersion: own.version });
    const proposed = (await c.post(`/api/partnerships/${partnership}/goals`, { title: 'PLANTED goal title', subjectId: coachee })).json();
    const plan = (await c.post(`/api/partnerships/${partnership}/observation-plans`, { focus: 'PLANTED plan focus', mode: 'live', dataForm: { method: 'event_count', fields: ['Greeting'] } })).json();
    const start = w.clock.now().getTime() + 60_000;
    const visit = (await c.post(`/api/partnerships/${partnership}/meetings`, { kind: 'observation', startsAt: new Date(start).toISOString(), endsAt: new Date(start + 1800_000).toISOString(), agenda: 'PLANTED agenda' })).json();
    w.clock.advance(3600_000);

    const before = await coachReads();
    const seen = (await overview(c)).json();
    expect(seen).toMatchObject({
      draftPlans: [{ subjectId: coachee, count: 1 }],
      proposedGoals: [{ subjectId: coachee, count: 1 }],
      reflectionDue: { meetingId: visit.id, kind: 'observation', subjectId: coachee },
      goals: [
        { id: own.id, title: 'Calmer transitions', status: 'active', progress: { total: 2, done: 1, overdue: 0 } },
        { id: proposed.id, status: 'proposed' },
      ],
      achievedGoals: 0,
      lastReflection: null,
    });
    expect(JSON.stringify(seen)).not.toMatch(/PLANTED (plan|agenda)/);
    // The coachee's log: the coach read the two goals shown, not the plan (only counted).
    const after = await coachReads();
    const added = [...after].filter(([key, count]) => count > (before.get(key) ?? 0)).map(([key]) => key);
    expect(added.sort()).toEqual([`goal:${own.id}`, `goal:${proposed.id}`].sort());
    expect(after.get(`observation_plan:${plan.id}`)).toBe(before.get(`observation_plan:${plan.id}`));

    // Once the coachee has reflected, the reflection no longer waits; the last one is named by date and author only.
    expect((await t.post(`/api/partnerships/${partnership}/reflections`, { meetingId: visit.id, answers: [{ key: 'noticed', answer: 'PLANTED reflection words' }] })).statusCode).toBe(201);
    const later = (await overview(c)).json();
    expect(later.reflectionDue).toBeNull();
    expect(later.lastReflection).toMatchObject({ authorId: coachee, createdAt: expect.any(String) });
    expect(JSON.stringify(later)).not.toContain('PLANTED reflection');
  });

  it('the coachee sees it; the supervisor gets the same 404 as a missing partnership', async () => {
    expect((await overview(t)).statusCode).toBe(200);
    const denied = await overview(s);
    expect(denied.statusCode).toBe(404);
    expect(denied.json()).toEqual(NOT_FOUND_BODY);
  });
});
