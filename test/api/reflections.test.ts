import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type World, createWorld } from '../support/world';

let w: World;
let coachee: string;
let supervisor: string;
let partnership: string;
let c: Client;
let t: Client;

beforeAll(async () => {
  w = await createWorld();
  let coach: string;
  ({ coach, coachee, supervisor, partnership } = await w.given.expertPartnership());
  [c, t] = await Promise.all([w.as(coach), w.as(coachee)]);
});
afterAll(() => w?.close());

/** An observation that took place an hour ago. */
async function pastObservation() {
  const start = w.clock.now().getTime() + 60_000;
  const m = (await c.post(`/api/partnerships/${partnership}/meetings`, { kind: 'observation', startsAt: new Date(start).toISOString(), endsAt: new Date(start + 1800_000).toISOString() })).json();
  w.clock.advance(3600_000);
  return m.id as string;
}

describe('reflection', () => {
  it('on data from a session, the coachee answers first; the coach waits with a clear message', async () => {
    const meetingId = await pastObservation();
    const early = await c.post(`/api/partnerships/${partnership}/reflections`, { meetingId, answers: [{ key: 'described', answer: '14 open questions, 3 closed.' }] });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'COACHEE_FIRST', message: expect.stringContaining('reflects on this first') });
    const mine = await t.post(`/api/partnerships/${partnership}/reflections`, { meetingId, answers: [{ key: 'noticed', answer: 'I asked far more open questions than I thought.' }, { key: 'surprised', answer: '' }] });
    expect(mine.statusCode).toBe(201);
    expect(mine.json()).toMatchObject({ voice: 'coachee', subjectId: coachee, answers: [{ key: 'noticed', prompt: 'Looking at the data, what do you notice first?' }] });
    expect(mine.json().answers).toHaveLength(1); // empty answers are left out
    const then = await c.post(`/api/partnerships/${partnership}/reflections`, { meetingId, answers: [{ key: 'described', answer: '14 open questions, 3 closed.' }] });
    expect(then.statusCode).toBe(201);
    expect(then.json().voice).toBe('partner');
  });

  it('next steps the coachee chooses join the goal\'s plan in the same action; a stale plan edit then conflicts', async () => {
    const goal = (await t.post(`/api/partnerships/${partnership}/goals`, { title: 'More children talk at read-aloud', steps: [{ description: 'Plan three open questions', responsible: 'coachee' }] })).json();
    const r = await t.post(`/api/partnerships/${partnership}/reflections`, {
      answers: [{ key: 'change', answer: 'Wait longer, and let children talk to a partner.' }],
      goalId: goal.id,
      nextSteps: [
        { description: 'Count to five after each question', responsible: 'coachee', dueOn: '2026-12-01' },
        { description: 'Bring a turn-and-talk video', responsible: 'coach' },
      ],
    });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ goalId: goal.id, goalTitle: goal.title, addedSteps: ['Count to five after each question', 'Bring a turn-and-talk video'] });
    const after = (await c.get(`/api/goals/${goal.id}`)).json();
    expect(after.steps.map((s: { description: string; position: number }) => [s.position, s.description])).toEqual([
      [1, 'Plan three open questions'],
      [2, 'Count to five after each question'],
      [3, 'Bring a turn-and-talk video'],
    ]);
    expect(after.version).toBe(goal.version + 1);
    const stale = await c.put(`/api/goals/${goal.id}`, { title: goal.title, steps: goal.steps, baseVersion: goal.version });
    expect(stale.statusCode).toBe(409);
  });

  it('refuses what a person cannot do, and writes nothing when a step is invalid', async () => {
    const goal = (await t.post(`/api/partnerships/${partnership}/goals`, { title: 'Calm transitions' })).json();
    const byCoach = await c.post(`/api/partnerships/${partnership}/reflections`, { answers: [{ key: 'support', answer: 'x' }], goalId: goal.id, nextSteps: [{ description: 'x', responsible: 'coachee' }] });
    expect(byCoach.statusCode).toBe(422);
    expect(byCoach.json().message).toContain('coachee\'s to choose');
    const badParty = await t.post(`/api/partnerships/${partnership}/reflections`, { answers: [{ key: 'keep', answer: 'Songs.' }], goalId: goal.id, nextSteps: [{ description: 'Ask the mentor', responsible: 'mentor' }] });
    expect(badParty.statusCode).toBe(422);
    expect(badParty.json().details[0].path).toBe('nextSteps.0.responsible');
    expect((await t.post(`/api/partnerships/${partnership}/reflections`, { answers: [{ key: 'keep', answer: 'x' }], nextSteps: [{ description: 'x', responsible: 'coachee' }] })).json().details[0].path).toBe('goalId');
    expect((await t.post(`/api/partnerships/${partnership}/reflections`, { answers: [{ key: 'described', answer: 'a partner prompt' }] })).statusCode).toBe(422);
    expect((await t.post(`/api/partnerships/${partnership}/reflections`, { answers: [{ key: 'noticed', answer: '   ' }] })).statusCode).toBe(422);
    const future = w.clock.now().getTime() + 86400_000;
    const upcoming = (await c.post(`/api/partnerships/${partnership}/meetings`, { kind: 'observation', startsAt: new Date(future).toISOString(), endsAt: new Date(future + 1800_000).toISOString() })).json();
    expect((await t.post(`/api/partnerships/${partnership}/reflections`, { meetingId: upcoming.id, answers: [{ key: 'noticed', answer: 'x' }] })).json().details[0].path).toBe('meetingId');
    expect((await c.get(`/api/goals/${goal.id}`)).json().steps).toEqual([]);
    const texts = (await t.get(`/api/partnerships/${partnership}/reflections`)).json().items.map((r: { answers: Array<{ answer: string }> }) => r.answers[0].answer);
    expect(texts).not.toContain('Songs.');
  });

  it('the coachee can share a reflection; the supervisor cannot read it before (404)', async () => {
    const r = (await t.post(`/api/partnerships/${partnership}/reflections`, { answers: [{ key: 'children', answer: 'They love to retell.' }] })).json();
    const sup = await w.as(supervisor);
    expect((await sup.get(`/api/reflections/${r.id}`)).statusCode).toBe(404);
    await t.post(`/api/partnerships/${partnership}/shares`, { granteeId: supervisor, itemType: 'reflection', itemId: r.id });
    expect((await sup.get(`/api/reflections/${r.id}`)).json().answers[0].answer).toBe('They love to retell.');
  });
});
