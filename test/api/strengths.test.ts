import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type World, createWorld } from '../support/world';

let w: World;
let coach: string;
let coachee: string;
let supervisor: string;
let partnership: string;
let c: Client;
let t: Client;
let practices: Array<{ id: string; name: string }>;

beforeAll(async () => {
  w = await createWorld();
  ({ coach, coachee, supervisor, partnership } = await w.given.expertPartnership());
  [c, t] = await Promise.all([w.as(coach), w.as(coachee)]);
  practices = (await t.get('/api/practices')).json().items;
});
afterAll(() => w?.close());

describe('strengths and needs', () => {
  it('keeps every self-rating, so the coachee sees growth over the year', async () => {
    const first = await t.post(`/api/partnerships/${partnership}/strengths/ratings`, { ratings: [{ practiceId: practices[0].id, level: 1, comment: 'I rarely wait after a question.' }, { practiceId: practices[1].id, level: 3 }] });
    expect(first.statusCode).toBe(201);
    w.clock.advance(60 * 86400_000);
    [c, t] = await Promise.all([w.as(coach), w.as(coachee)]); // sessions end after 14 days
    const later = await t.post(`/api/partnerships/${partnership}/strengths/ratings`, { ratings: [{ practiceId: practices[0].id, level: 3, comment: 'Wait time is a habit now.' }] });
    const mine = later.json().bySubject.find((s: { subjectId: string }) => s.subjectId === coachee);
    const history = mine.ratings.find((r: { practiceId: string }) => r.practiceId === practices[0].id).history;
    expect(history.map((h: { level: number }) => h.level)).toEqual([1, 3]);
    expect(history[0].ratedAt < history[1].ratedAt).toBe(true);
    expect(later.json().abilities).toEqual({ rate: true, add: true });
    // The coach sees the same picture, and cannot rate for the coachee.
    const seen = (await c.get(`/api/partnerships/${partnership}/strengths`)).json();
    expect(seen.abilities).toEqual({ rate: false, add: true });
    expect(seen.bySubject[0].ratings).toHaveLength(2);
  });

  it('refuses ratings a person cannot act on: unknown levels, practices of another organization, the same practice twice', async () => {
    expect((await t.post(`/api/partnerships/${partnership}/strengths/ratings`, { ratings: [{ practiceId: practices[0].id, level: 5 }] })).statusCode).toBe(400);
    expect((await t.post(`/api/partnerships/${partnership}/strengths/ratings`, { ratings: [] })).json().message).toBeTruthy();
    const foreign = await t.post(`/api/partnerships/${partnership}/strengths/ratings`, { ratings: [{ practiceId: '00000000-0000-4000-8000-000000000000', level: 2 }] });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().message).toContain('framework');
    const twice = await t.post(`/api/partnerships/${partnership}/strengths/ratings`, { ratings: [{ practiceId: practices[0].id, level: 2 }, { practiceId: practices[0].id, level: 3 }] });
    expect(twice.statusCode).toBe(422);
  });

  it('lets either partner add strengths and priorities, retire them without losing them', async () => {
    const s = await c.post(`/api/partnerships/${partnership}/strengths`, { type: 'strength', text: 'Warm, calm greetings at the door.', practiceId: practices[2].id });
    expect(s.statusCode).toBe(201);
    expect(s.json()).toMatchObject({ subjectId: coachee, practiceName: practices[2].name, abilities: { share: false, retire: true } });
    const p = (await t.post(`/api/partnerships/${partnership}/strengths`, { type: 'priority', text: 'Shorter waits at transitions.' })).json();
    expect(p.abilities.share).toBe(true);
    const retired = await t.patch(`/api/strengths/${p.id}`, { retired: true });
    expect(retired.json().retiredAt).toBeTruthy();
    const entries = (await t.get(`/api/partnerships/${partnership}/strengths`)).json().entries;
    expect(entries.find((e: { id: string }) => e.id === p.id).retiredAt).toBeTruthy();
    expect((await t.post(`/api/partnerships/${partnership}/strengths`, { type: 'wish', text: 'x' })).statusCode).toBe(400);
  });

  it('the coachee can share strengths as a category; the supervisor cannot read them before (404), and every read is logged', async () => {
    const s = (await c.post(`/api/partnerships/${partnership}/strengths`, { type: 'strength', text: 'Children ask her for stories.' })).json();
    const sup = await w.as(supervisor);
    expect((await sup.get(`/api/strengths/${s.id}`)).statusCode).toBe(404);
    expect((await sup.get(`/api/partnerships/${partnership}/strengths`)).statusCode).toBe(404);
    expect((await t.post(`/api/partnerships/${partnership}/shares`, { granteeId: supervisor, category: 'strengths' })).statusCode).toBe(201);
    expect((await sup.get(`/api/strengths/${s.id}`)).statusCode).toBe(200);
    const shared = (await sup.get('/api/shared-with-me')).json().items;
    const item = shared.find((i: { itemType: string; title: string }) => i.itemType === 'strength' && i.title.includes('Children ask her for stories.'));
    expect(item).toBeDefined();
    expect((await sup.get(`/api/shared-with-me/${item.shareId}/${item.itemId}`)).json().body).toBe('Strength: Children ask her for stories.');
    const log = (await t.get('/api/access-log?limit=100')).json().items;
    expect(log.some((e: { actorId: string; itemType: string }) => e.actorId === supervisor && e.itemType === 'strength')).toBe(true);
  });
});
