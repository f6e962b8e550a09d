/**
 * Reviewing an observation together (issue 10, item 5): a reflection names the observation it
 * looks back on; on each observation the coachee speaks first, and the partner's reflection
 * waits; the observation says when the coachee reflected (falling back to its plan for
 * reflections written before one could be named); the review screen lists the reflections on
 * one observation, for members only.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_FOUND_BODY, type Client, type World, createWorld } from '../support/world';

let w: World;
let org: string;
let coach: string;
let coachee: string;
let supervisor: string;
let partnership: string;
let c: Client;
let t: Client;
let sup: Client;

const reflect = (who: Client, body: object, on = partnership) => who.post(`/api/partnerships/${on}/reflections`, { answers: [{ key: who === t ? 'noticed' : 'described', answer: 'Open question: 2 (67%)\nMore than I thought.' }], ...body });
const onObservation = (who: Client, observationId: string) => who.get(`/api/partnerships/${partnership}/reflections?observationId=${observationId}`);

/** A confirmed plan, and an observation carried out from it (or without one), with two taps. */
async function confirmedPlan() {
  const p = (await c.post(`/api/partnerships/${partnership}/observation-plans`, { focus: 'Questions at read-aloud', mode: 'live', dataForm: { method: 'event_count', fields: ['Open question', 'Closed question'] } })).json();
  expect((await t.post(`/api/observation-plans/${p.id}/confirmation`, { baseVersion: p.version })).statusCode).toBe(200);
  return p.id as string;
}
async function observation(planId?: string) {
  const started = await c.post(`/api/partnerships/${partnership}/observations`, planId ? { planId } : { focus: 'Transitions', tools: [{ tool: 'event_count', categories: ['Open question'] }] });
  expect(started.statusCode).toBe(201);
  const id = started.json().id as string;
  const events = ['Open question', 'Open question'].map((category) => ({ id: randomUUID(), tool: 'event_count', type: 'count', payload: { category }, deviceAt: w.clock.now().toISOString() }));
  expect((await c.post(`/api/observations/${id}/events`, { events })).json()).toMatchObject({ accepted: 2 });
  return id;
}
const reflectedAt = async (id: string) => (await c.get(`/api/observations/${id}`)).json().coacheeReflectedAt as string | null;

beforeAll(async () => {
  w = await createWorld();
  ({ org, coach, coachee, supervisor, partnership } = await w.given.expertPartnership());
  [c, t, sup] = await Promise.all([w.as(coach), w.as(coachee), w.as(supervisor)]);
});
afterAll(() => w?.close());

describe('the coachee speaks first on each observation', () => {
  it('lets the coachee reflect on an observation; the reflection names it and the plan it carried out', async () => {
    const planId = await confirmedPlan();
    const obs = await observation(planId);
    expect(await reflectedAt(obs)).toBeNull();
    const mine = await reflect(t, { observationId: obs });
    expect(mine.statusCode).toBe(201);
    expect(mine.json()).toMatchObject({ voice: 'coachee', observationId: obs, planId, meetingId: null, answers: [{ key: 'noticed', answer: 'Open question: 2 (67%)\nMore than I thought.' }] });
    expect(await reflectedAt(obs)).toBe(mine.json().createdAt);
  });

  it('holds the coach’s reflection on an observation until the coachee’s is written (409), one observation at a time', async () => {
    const planId = await confirmedPlan();
    const [first, second] = [await observation(planId), await observation(planId)];
    const early = await reflect(c, { observationId: first });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'COACHEE_FIRST', message: expect.stringContaining('reflects on this first') });
    expect((await onObservation(c, first)).json().items).toEqual([]);

    expect((await reflect(t, { observationId: first })).statusCode).toBe(201);
    const then = await reflect(c, { observationId: first });
    expect(then.statusCode).toBe(201);
    expect(then.json()).toMatchObject({ voice: 'partner', observationId: first, planId });
    // Another visit from the same plan: the coachee has not looked at that one yet.
    expect((await reflect(c, { observationId: second })).json().code).toBe('COACHEE_FIRST');
    expect(await reflectedAt(second)).toBeNull();
    // The plan alone: the coachee has reflected on a visit that carried it out.
    expect((await reflect(c, { planId })).statusCode).toBe(201);
  });

  it('counts a reflection on the plan written before reflections named observations', async () => {
    const planId = await confirmedPlan();
    const obs = await observation(planId);
    const before = await reflect(t, { planId });
    expect(before.json().observationId).toBeNull();
    expect(await reflectedAt(obs)).toBe(before.json().createdAt);
    expect((await reflect(c, { observationId: obs })).statusCode).toBe(201);
  });

  it('holds the coach on a visit without a plan too', async () => {
    const obs = await observation();
    expect((await reflect(c, { observationId: obs })).statusCode).toBe(409);
    expect((await reflect(t, { observationId: obs })).json()).toMatchObject({ observationId: obs, planId: null });
    expect((await reflect(c, { observationId: obs })).statusCode).toBe(201);
  });

  it('refuses an observation that is not this coachee’s in this partnership, or a plan it did not carry out (422)', async () => {
    const planId = await confirmedPlan();
    const otherPlan = await confirmedPlan();
    const obs = await observation(planId);
    const missing = await reflect(t, { observationId: randomUUID() });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().details).toEqual([{ path: 'observationId', message: 'Choose an observation of this coachee’s classroom in this partnership.' }]);
    expect((await reflect(t, { observationId: obs, planId: otherPlan })).json().details[0].path).toBe('planId');

    // A coach of another partnership of the same organization cannot pin their words to it; it answers as for a missing id.
    const [coach2, coachee2] = await Promise.all([w.given.person(org, ['coach']), w.given.person(org, ['coachee'])]);
    const other = await w.given.partnership(coach2, 'expert', [{ personId: coach2, role: 'coach' }, { personId: coachee2, role: 'coachee' }]);
    const foreign = await (await w.as(coach2)).post(`/api/partnerships/${other}/reflections`, { subjectId: coachee2, observationId: obs, answers: [{ key: 'described', answer: 'x' }] });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json()).toEqual(missing.json());
    expect(await w.db.selectFrom('reflections').select('id').where('observation_id', '=', obs).execute()).toEqual([]);
  });
});

describe('who reads the reflections on an observation', () => {
  let obs: string;
  let mine: string;
  beforeAll(async () => {
    obs = await observation(await confirmedPlan());
    mine = (await reflect(t, { observationId: obs })).json().id;
    await reflect(c, { observationId: obs });
    await reflect(t, {}); // about nothing in particular: not listed with the observation
  });
  const logged = async (actorId: string) => (await w.db.selectFrom('access_log').select('item_id').where('item_type', '=', 'reflection').where('item_id', '=', mine).where('actor_id', '=', actorId).execute()).length;

  it('lets the coachee and the coach list the reflections on it, newest first, each read logged', async () => {
    for (const [who, id] of [[t, coachee], [c, coach]] as const) {
      const list = await onObservation(who, obs);
      expect(list.statusCode).toBe(200);
      expect(list.json().items.map((r: { voice: string; observationId: string }) => [r.voice, r.observationId])).toEqual([['partner', obs], ['coachee', obs]]);
      expect(await logged(id)).toBeGreaterThan(0);
    }
  });

  it('hides them from the supervisor (404), who cannot reflect on the observation either', async () => {
    expect((await onObservation(sup, obs)).json()).toEqual(NOT_FOUND_BODY);
    expect((await reflect(sup, { observationId: obs })).json()).toEqual(NOT_FOUND_BODY);
    expect(await logged(supervisor)).toBe(0);
  });

  it('shows a shared reflection to the supervisor with the observation named, and the observation itself stays closed (404)', async () => {
    const share = await t.post(`/api/partnerships/${partnership}/shares`, { granteeId: supervisor, itemType: 'reflection', itemId: mine });
    expect(share.statusCode).toBe(201);
    const read = await sup.get(`/api/reflections/${mine}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ observationId: obs, answers: [{ answer: 'Open question: 2 (67%)\nMore than I thought.' }] });
    expect(await logged(supervisor)).toBe(1);
    expect((await sup.get(`/api/observations/${obs}`)).json()).toEqual(NOT_FOUND_BODY);
    await t.delete(`/api/shares/${share.json().id}`);
    expect((await sup.get(`/api/reflections/${mine}`)).statusCode).toBe(404);
  });
});
