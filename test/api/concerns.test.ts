import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_FOUND_BODY, type Client, type World, createWorld } from '../support/world';

let w: World;
let coachee: string;
let supervisor: string;
let partnership: string;
let c: Client;
let t: Client;
let sup: Client;
const today = () => w.clock.now().toISOString().slice(0, 10);

beforeAll(async () => {
  w = await createWorld();
  let coach: string;
  ({ coach, coachee, supervisor, partnership } = await w.given.expertPartnership());
  [c, t, sup] = await Promise.all([w.as(coach), w.as(coachee), w.as(supervisor)]);
});
afterAll(() => w?.close());

describe('concerns', () => {
  it('can be raised with the supervisor only after the conversation with the coachee is recorded; the coachee sees every step', async () => {
    const created = await c.post(`/api/partnerships/${partnership}/concerns`, { description: 'Our sessions were cancelled three weeks running.' });
    expect(created.statusCode).toBe(201);
    const concern = created.json();
    expect(concern).toMatchObject({ subjectId: coachee, status: 'recorded', abilities: { discuss: true, escalate: false, resolve: true } });
    expect(concern.supervisors).toEqual([{ id: supervisor, name: expect.any(String) }]);
    // The coachee sees it at once.
    expect((await t.get(`/api/partnerships/${partnership}/concerns`)).json().items[0]).toMatchObject({ id: concern.id, description: concern.description, supervisors: [], abilities: { discuss: false, escalate: false, resolve: false } });
    // Not yet: the supervisor reads nothing, and raising it is refused with the reason.
    expect((await sup.get(`/api/concerns/${concern.id}`)).json()).toEqual(NOT_FOUND_BODY);
    const early = await c.post(`/api/concerns/${concern.id}/escalation`, { supervisorId: supervisor, reason: 'Coverage keeps falling through.' });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'DISCUSS_FIRST', message: expect.stringContaining('Talk it over with') });
    // The conversation, then the escalation.
    const discussed = await c.post(`/api/concerns/${concern.id}/discussion`, { summary: 'We agreed coverage is the problem, not commitment.', discussedOn: today(), coacheeView: 'I want this time protected.' });
    expect(discussed.json()).toMatchObject({ status: 'discussed', discussion: { coacheeView: 'I want this time protected.' }, abilities: { escalate: true } });
    const raised = await c.post(`/api/concerns/${concern.id}/escalation`, { supervisorId: supervisor, reason: 'Coverage keeps falling through.' });
    expect(raised.json()).toMatchObject({ status: 'escalated', escalation: { supervisorId: supervisor, reason: 'Coverage keeps falling through.' } });
    const mails = w.mailer.sent.slice(-2);
    expect(mails.map((x) => x.subject)).toEqual([expect.stringContaining('raised a concern with'), expect.stringContaining('raised a concern with you')]);
    expect(mails.every((x) => !x.text.includes('cancelled three weeks'))).toBe(true);
    // The supervisor reads it; the coachee sees the escalation and the read.
    expect((await sup.get('/api/me/escalated-concerns')).json().items.map((x: { id: string }) => x.id)).toEqual([concern.id]);
    expect((await t.get(`/api/concerns/${concern.id}`)).json().escalation.supervisorId).toBe(supervisor);
    const log = (await t.get('/api/access-log?limit=100')).json().items;
    expect(log.find((e: { actorId: string; itemType: string }) => e.actorId === supervisor && e.itemType === 'concern')).toMatchObject({ relation: 'supervisor (concern raised with you)' });
    // The supervisor still reads nothing else of the partnership.
    expect((await sup.get(`/api/partnerships/${partnership}/concerns`)).statusCode).toBe(404);
  });

  it('only someone supporting the coachee records one, and only its author follows it up', async () => {
    expect((await t.post(`/api/partnerships/${partnership}/concerns`, { description: 'About myself?' })).statusCode).toBe(404);
    const concern = (await c.post(`/api/partnerships/${partnership}/concerns`, { description: 'Planning time keeps disappearing.' })).json();
    expect((await t.post(`/api/concerns/${concern.id}/discussion`, { summary: 'x', discussedOn: today() })).statusCode).toBe(404);
    expect((await sup.post(`/api/concerns/${concern.id}/discussion`, { summary: 'x', discussedOn: today() })).statusCode).toBe(404);
  });

  it('refuses impossible records: a conversation in the future, a supervisor who is not the coachee\'s', async () => {
    const concern = (await c.post(`/api/partnerships/${partnership}/concerns`, { description: 'Late starts.' })).json();
    const future = await c.post(`/api/concerns/${concern.id}/discussion`, { summary: 'x', discussedOn: '2099-01-01' });
    expect(future.json().details[0].path).toBe('discussedOn');
    await c.post(`/api/concerns/${concern.id}/discussion`, { summary: 'Talked.', discussedOn: today() });
    const other = await w.given.person((await w.db.selectFrom('people').select('org_id').where('id', '=', coachee).executeTakeFirstOrThrow()).org_id, ['supervisor']);
    const wrong = await c.post(`/api/concerns/${concern.id}/escalation`, { supervisorId: other, reason: 'x' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().details[0].path).toBe('supervisorId');
    const resolved = await c.post(`/api/concerns/${concern.id}/resolution`, { note: 'Sorted out together.' });
    expect(resolved.json()).toMatchObject({ status: 'resolved', abilities: { discuss: false, escalate: false, resolve: false } });
    expect((await c.post(`/api/concerns/${concern.id}/escalation`, { supervisorId: supervisor, reason: 'x' })).statusCode).toBe(409);
  });
});
