import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type World, createWorld } from '../support/world';

let w: World;
let org: string;
let coach: string;
let coachee: string;
let supervisor: string;
let partnership: string;
let c: Client;
let t: Client;

beforeAll(async () => {
  w = await createWorld();
  ({ org, coach, coachee, supervisor, partnership } = await w.given.expertPartnership());
  [c, t] = await Promise.all([w.as(coach), w.as(coachee)]);
});
afterAll(() => w?.close());

const plan = [
  { description: 'Choose three open questions before read-aloud', responsible: 'coachee', dueOn: '2026-09-10' },
  { description: 'Model wait time during one circle', responsible: 'coach', resources: 'Timer card', dueOn: '2026-08-20' },
];

describe('goals and action plans', () => {
  it('starts the coachee\'s own goal active, and a partner\'s goal as a proposal the coachee decides', async () => {
    const own = await t.post(`/api/partnerships/${partnership}/goals`, { title: 'Calmer transitions', successLooksLike: 'Children move to centres within two minutes, smiling.' });
    expect(own.statusCode).toBe(201);
    expect(own.json()).toMatchObject({ status: 'active', subjectId: coachee, abilities: { edit: true, decide: true, share: true } });
    const proposed = await c.post(`/api/partnerships/${partnership}/goals`, { title: 'More open questions', childOutcome: 'Children explain their thinking', steps: plan });
    expect(proposed.json()).toMatchObject({ status: 'proposed', proposedBy: coach, abilities: { decide: false, share: false } });
    const id = proposed.json().id;
    expect((await c.post(`/api/goals/${id}/status`, { to: 'active', baseVersion: 1 })).statusCode).toBe(404);
    const taken = await t.post(`/api/goals/${id}/status`, { to: 'active', baseVersion: 1, note: 'Yes — but in my words.' });
    expect(taken.json()).toMatchObject({ status: 'active', decisionNote: 'Yes — but in my words.', version: 2 });
    const bad = await t.post(`/api/goals/${id}/status`, { to: 'proposed', baseVersion: 2 });
    expect(bad.statusCode).toBe(409);
    expect(bad.json().message).toBe('A goal that is active cannot become proposed.');
    const again = await t.post(`/api/goals/${id}/status`, { to: 'active', baseVersion: 2 });
    expect(again.json().code).toBe('INVALID_TRANSITION');
  });

  it('shows progress at a glance, with overdue steps', async () => {
    const goal = (await c.post(`/api/partnerships/${partnership}/goals`, { title: 'Wait time', subjectId: coachee, steps: plan })).json();
    expect(goal.progress).toEqual({ total: 2, done: 0, overdue: 1 });
    expect(goal.steps.map((s: { overdue: boolean }) => s.overdue)).toEqual([false, true]);
    const done = await c.patch(`/api/goals/${goal.id}/steps/${goal.steps[1].id}`, { status: 'done', baseVersion: goal.version });
    expect(done.json().progress).toEqual({ total: 2, done: 1, overdue: 0 });
    expect(done.json().steps[1].completedAt).toBeTruthy();
    const stale = await t.patch(`/api/goals/${goal.id}/steps/${goal.steps[0].id}`, { status: 'done', baseVersion: goal.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
  });

  it('never lets two partners silently overwrite each other\'s plan', async () => {
    const goal = (await t.post(`/api/partnerships/${partnership}/goals`, { title: 'Family notes', steps: plan })).json();
    const body = (title: string) => ({ title, childOutcome: '', successLooksLike: '', practiceIds: [], steps: goal.steps.map((s: object) => s), baseVersion: goal.version });
    const first = await t.put(`/api/goals/${goal.id}`, { ...body('Family notes every Friday') });
    expect(first.statusCode).toBe(200);
    const second = await c.put(`/api/goals/${goal.id}`, { ...body('Family notes monthly') });
    expect(second.statusCode).toBe(409);
    expect((await t.get(`/api/goals/${goal.id}`)).json().title).toBe('Family notes every Friday');
  });

  it('keeps step ids and completion times across an edit, and adds and removes steps', async () => {
    const goal = (await t.post(`/api/partnerships/${partnership}/goals`, { title: 'Centres', steps: plan })).json();
    const marked = (await t.patch(`/api/goals/${goal.id}/steps/${goal.steps[0].id}`, { status: 'done', baseVersion: 1 })).json();
    const steps = [marked.steps[0], { description: 'Try a visual timer', responsible: 'both' }];
    const saved = (await t.put(`/api/goals/${goal.id}`, { title: 'Centres', steps, baseVersion: marked.version })).json();
    expect(saved.steps).toHaveLength(2);
    expect(saved.steps[0]).toMatchObject({ id: goal.steps[0].id, status: 'done', completedAt: marked.steps[0].completedAt });
    expect(saved.steps[1]).toMatchObject({ description: 'Try a visual timer', responsible: 'both', position: 2 });
  });

  it('refuses a step for a party the partnership does not have, and practices of another organization', async () => {
    const noMentor = await c.post(`/api/partnerships/${partnership}/goals`, { title: 'x', subjectId: coachee, steps: [{ description: 'Ask for a video', responsible: 'mentor' }] });
    expect(noMentor.statusCode).toBe(422);
    expect(noMentor.json().message).toMatch(/nobody in this partnership is a "mentor"/);
    const other = await w.given.organization();
    const foreign = (await w.db.selectFrom('practices').select('id').where('org_id', '=', other).executeTakeFirstOrThrow()).id;
    expect((await c.post(`/api/partnerships/${partnership}/goals`, { title: 'x', subjectId: coachee, practiceIds: [foreign] })).statusCode).toBe(422);
  });

  it('lets the coachee share one goal with the supervisor, then withdraw it; the supervisor\'s read is logged', async () => {
    const goal = (await t.post(`/api/partnerships/${partnership}/goals`, { title: 'Share me', successLooksLike: 'Calm mornings' })).json();
    const sup = await w.as(supervisor);
    expect((await sup.get(`/api/goals/${goal.id}`)).statusCode).toBe(404);
    const share = (await t.post(`/api/partnerships/${partnership}/shares`, { granteeId: supervisor, itemType: 'goal', itemId: goal.id })).json();
    const seen = (await sup.get('/api/shared-with-me')).json().items.find((i: { itemId: string }) => i.itemId === goal.id);
    expect(seen).toMatchObject({ itemType: 'goal', title: expect.stringContaining('Share me') });
    expect((await sup.get(`/api/shared-with-me/${share.id}/${goal.id}`)).json()).toMatchObject({ title: 'Share me', body: 'What success looks like: Calm mornings\nStatus: active' });
    expect((await sup.get(`/api/goals/${goal.id}`)).json().abilities).toEqual({ edit: false, decide: false, share: false });
    await t.delete(`/api/shares/${share.id}`);
    expect((await sup.get(`/api/goals/${goal.id}`)).statusCode).toBe(404);
    const log = (await t.get('/api/access-log?limit=100')).json().items;
    expect(log.some((e: { actorId: string; itemType: string; itemId: string }) => e.actorId === supervisor && e.itemType === 'goal' && e.itemId === goal.id)).toBe(true);
  });

  it('covers every goal, present and future, with a category share', async () => {
    const share = (await t.post(`/api/partnerships/${partnership}/shares`, { granteeId: supervisor, category: 'goals' })).json();
    const later = (await t.post(`/api/partnerships/${partnership}/goals`, { title: 'Written after sharing' })).json();
    const sup = await w.as(supervisor);
    expect((await sup.get(`/api/goals/${later.id}`)).statusCode).toBe(200);
    expect((await sup.get(`/api/partnerships/${partnership}/notes`)).statusCode).toBe(404);
    await t.delete(`/api/shares/${share.id}`);
    expect((await sup.get(`/api/goals/${later.id}`)).statusCode).toBe(404);
  });

  it('in a peer partnership, only the peer a goal belongs to decides on it', async () => {
    const a = await w.given.person(org, ['coachee']);
    const b = await w.given.person(org, ['coachee']);
    const mentor = await w.given.person(org, ['mentor']);
    const id = await w.given.partnership(a, 'peer', [{ personId: a, role: 'peer' }, { personId: b, role: 'peer' }, { personId: mentor, role: 'mentor' }]);
    const [ca, cb] = [await w.as(a), await w.as(b)];
    const forB = (await ca.post(`/api/partnerships/${id}/goals`, { title: 'For B', subjectId: b, steps: [{ description: 'Observe each other', responsible: 'peer' }] })).json();
    expect(forB.status).toBe('proposed');
    expect((await ca.post(`/api/goals/${forB.id}/status`, { to: 'active', baseVersion: 1 })).statusCode).toBe(404);
    expect((await cb.post(`/api/goals/${forB.id}/status`, { to: 'active', baseVersion: 1 })).json().status).toBe('active');
  });
});
