import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type World, createWorld } from '../support/world';

let w: World;
let coach: string;
let coachee: string;
let supervisor: string;
let partnership: string;
let c: Client;
let t: Client;

beforeAll(async () => {
  w = await createWorld();
  ({ coach, coachee, supervisor, partnership } = await w.given.expertPartnership());
  [c, t] = await Promise.all([w.as(coach), w.as(coachee)]);
});
afterAll(() => w?.close());

describe('celebrations', () => {
  it('lets either partner record one, shown as a timeline newest first', async () => {
    const a = await c.post(`/api/partnerships/${partnership}/celebrations`, { kind: 'risk_taken', text: 'Let the children lead the morning meeting.', happenedOn: '2026-08-20' });
    expect(a.statusCode).toBe(201);
    expect(a.json()).toMatchObject({ subjectId: coachee, authorId: coach, kind: 'risk_taken', abilities: { share: false } });
    const b = await t.post(`/api/partnerships/${partnership}/celebrations`, { kind: 'progress', text: 'Nine children answered a why-question today.' });
    expect(b.json()).toMatchObject({ happenedOn: '2026-09-01', abilities: { share: true } });
    const timeline = (await t.get(`/api/partnerships/${partnership}/celebrations`)).json().items.map((x: { kind: string }) => x.kind);
    expect(timeline.slice(0, 2)).toEqual(['progress', 'risk_taken']);
  });

  it('ties a celebration to one of the coachee\'s goals, and refuses future dates', async () => {
    const goal = (await t.post(`/api/partnerships/${partnership}/goals`, { title: 'Open questions' })).json();
    const linked = await t.post(`/api/partnerships/${partnership}/celebrations`, { kind: 'success', text: 'Goal reached!', goalId: goal.id });
    expect(linked.json()).toMatchObject({ goalId: goal.id, goalTitle: 'Open questions' });
    expect((await t.post(`/api/partnerships/${partnership}/celebrations`, { kind: 'success', text: 'x', happenedOn: '2027-01-01' })).statusCode).toBe(422);
    expect((await t.post(`/api/partnerships/${partnership}/celebrations`, { kind: 'success', text: 'x', goalId: '00000000-0000-4000-8000-000000000000' })).statusCode).toBe(422);
    expect((await t.post(`/api/partnerships/${partnership}/celebrations`, { kind: 'party', text: 'x' })).statusCode).toBe(400);
  });

  it('lets the coachee share one with the supervisor, who then sees it among shared items (logged)', async () => {
    const cel = (await t.post(`/api/partnerships/${partnership}/celebrations`, { kind: 'risk_taken', text: 'Tried outdoor circle time.' })).json();
    const sup = await w.as(supervisor);
    expect((await sup.get(`/api/celebrations/${cel.id}`)).statusCode).toBe(404);
    await t.post(`/api/partnerships/${partnership}/shares`, { granteeId: supervisor, itemType: 'celebration', itemId: cel.id });
    const shared = (await sup.get('/api/shared-with-me')).json().items.find((i: { itemId: string }) => i.itemId === cel.id);
    expect(shared).toMatchObject({ itemType: 'celebration', title: expect.stringContaining('Tried outdoor circle time.') });
    expect((await sup.get(`/api/shared-with-me/${shared.shareId}/${cel.id}`)).json().body).toContain('Tried outdoor circle time.');
    expect((await sup.get(`/api/celebrations/${cel.id}`)).json().abilities).toEqual({ share: false });
    const log = (await t.get('/api/access-log?limit=100')).json().items;
    expect(log.some((e: { actorId: string; itemType: string; itemId: string }) => e.actorId === supervisor && e.itemType === 'celebration' && e.itemId === cel.id)).toBe(true);
  });
});
