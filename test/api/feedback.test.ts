/**
 * Written feedback on an observation (issue 11, item 3): a draft is its author's alone; sent, the
 * partnership reads it, the coachee once she has written what she notices in the data; quoted
 * data lines are written from the data; a supervisor reads it only when the coachee shares it.
 * Privacy pairs: what the coachee can, beside what the supervisor cannot (404).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_FOUND_BODY, type Client, type World, createWorld } from '../support/world';

let w: World;
let c: Client;
let t: Client;
let sup: Client;
let partnership: string;
let coachee: string;
let supervisor: string;
let observation: string;

const logged = async (itemId: string, actorId: string) => (await w.db.selectFrom('access_log').select('id').where('item_type', '=', 'feedback').where('item_id', '=', itemId).where('actor_id', '=', actorId).execute()).length;

const TEXT = { kind: 'text', text: 'I saw seven open questions during the story.' };
const COUNT_LINE = { kind: 'data', tool: 'event_count', lineId: 'event_count:category:0', text: 'Open question: 700 (a made-up number)' };

async function draft(who: Client = c, blocks: object[] = [TEXT, { kind: 'graphic', tool: 'event_count' }, COUNT_LINE], language = 'en') {
  return who.post(`/api/observations/${observation}/feedback`, { blocks, language });
}

beforeAll(async () => {
  w = await createWorld();
  const scene = await w.given.expertPartnership();
  ({ partnership, coachee, supervisor } = scene);
  [c, t, sup] = await Promise.all([w.as(scene.coach), w.as(scene.coachee), w.as(scene.supervisor)]);
  const started = await c.post(`/api/partnerships/${partnership}/observations`, { focus: 'Questions at read-aloud', tools: [{ tool: 'event_count', categories: ['Open question', 'Closed question'] }] });
  expect(started.statusCode).toBe(201);
  observation = started.json().id;
  const events = ['Open question', 'Open question', 'Closed question'].map((category) => ({ id: randomUUID(), tool: 'event_count', type: 'count', payload: { category }, deviceAt: w.clock.now().toISOString() }));
  expect((await c.post(`/api/observations/${observation}/events`, { events })).json().accepted).toBe(3);
});
afterAll(async () => {
  await w?.close();
});

describe('writing feedback', () => {
  it('saves the coach’s draft with the evidence it quotes, each data line written from the data itself', async () => {
    const res = await draft();
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      status: 'draft',
      version: 1,
      sentAt: null,
      observationId: observation,
      subjectId: coachee,
      blocks: [TEXT, { kind: 'graphic', tool: 'event_count' }, { kind: 'data', tool: 'event_count', lineId: 'event_count:category:0', text: 'Open question: 2 (67%)' }],
      abilities: { edit: true, send: true, share: false },
    });
    const list = (await c.get(`/api/observations/${observation}/feedback`)).json();
    expect(list).toMatchObject({ focus: 'Questions at read-aloud', canWrite: true, heldUntilCoacheeReflects: 0 });
    expect(list.items.map((f: { id: string }) => f.id)).toContain(res.json().id);
  });

  it('quotes the data in the writer’s language', async () => {
    const res = await draft(c, [COUNT_LINE], 'es');
    expect(res.json().blocks).toEqual([{ kind: 'data', tool: 'event_count', lineId: 'event_count:category:0', text: expect.stringMatching(/^Open question: 2 \(67\s?%\)$/) }]);
  });

  it('refuses evidence the visit does not hold, and an empty piece, with a message that says why', async () => {
    const noTool = await draft(c, [{ kind: 'graphic', tool: 'verbal_flow' }]);
    expect(noTool.statusCode).toBe(422);
    expect(noTool.json().message).toMatch(/did not record with Verbal flow/i);
    const noLine = await draft(c, [{ kind: 'data', tool: 'event_count', lineId: 'event_count:category:9' }]);
    expect(noLine.statusCode).toBe(422);
    expect(noLine.json().message).toMatch(/not in the data of this visit/);
    const empty = await draft(c, []);
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toMatch(/Write something, or insert evidence/);
    const blank = await draft(c, [{ kind: 'text', text: '  \n ' }]);
    expect(blank.statusCode).toBe(422);
    expect(blank.json().message).toMatch(/Write something, or insert evidence/);
  });

  it('answers a change made from an older version with 409, and keeps the newer one', async () => {
    const f = (await draft()).json();
    const first = await c.put(`/api/feedback/${f.id}`, { blocks: [{ kind: 'text', text: 'First change' }], baseVersion: 1 });
    expect(first.json()).toMatchObject({ version: 2, blocks: [{ kind: 'text', text: 'First change' }] });
    const stale = await c.put(`/api/feedback/${f.id}`, { blocks: [{ kind: 'text', text: 'From another tablet' }], baseVersion: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toMatch(/changed since you opened it/);
    expect((await c.get(`/api/feedback/${f.id}`)).json().blocks).toEqual([{ kind: 'text', text: 'First change' }]);
  });

  it('lets the author discard a draft', async () => {
    const f = (await draft()).json();
    expect((await c.delete(`/api/feedback/${f.id}?baseVersion=1`)).statusCode).toBe(204);
    expect((await c.get(`/api/feedback/${f.id}`)).statusCode).toBe(404);
  });

  it('does not let the coachee write feedback on her own classroom (404)', async () => {
    expect((await draft(t)).json()).toEqual(NOT_FOUND_BODY);
  });
});

describe('a draft', () => {
  it('is found by nobody but its author: not the coachee, not the supervisor, and no read is logged', async () => {
    const f = (await draft()).json();
    for (const [who, id] of [[t, coachee], [sup, supervisor]] as const) {
      expect((await who.get(`/api/feedback/${f.id}`)).json()).toEqual(NOT_FOUND_BODY);
      expect(await logged(f.id, id)).toBe(0);
    }
    const mine = (await t.get(`/api/observations/${observation}/feedback`)).json();
    expect(mine.items).toEqual([]);
    expect(mine.heldUntilCoacheeReflects).toBe(0);
    expect(mine.canWrite).toBe(false);
  });

  it('cannot be shared by the coachee, even by its id (404)', async () => {
    const f = (await draft()).json();
    const share = await t.post(`/api/partnerships/${partnership}/shares`, { granteeId: supervisor, itemType: 'feedback', itemId: f.id });
    expect(share.json()).toEqual(NOT_FOUND_BODY);
  });
});

describe('sending', () => {
  let sent: { id: string; version: number };

  it('waits until the visit has ended', async () => {
    const f = (await draft()).json();
    const early = await c.post(`/api/feedback/${f.id}/sending`, { baseVersion: 1 });
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toMatch(/once the visit has ended/);
    expect((await c.post(`/api/observations/${observation}/ending`, {})).statusCode).toBe(200);
    const res = await c.post(`/api/feedback/${f.id}/sending`, { baseVersion: 1 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'sent', version: 2, abilities: { edit: false, send: false } });
    expect(res.json().sentAt).toBeTruthy();
    sent = res.json();
  });

  it('is final: a sent piece cannot be changed, discarded or sent again (409)', async () => {
    for (const res of [
      await c.put(`/api/feedback/${sent.id}`, { blocks: [TEXT], baseVersion: 2 }),
      await c.post(`/api/feedback/${sent.id}/sending`, { baseVersion: 2 }),
      await c.delete(`/api/feedback/${sent.id}?baseVersion=2`),
    ]) {
      expect(res.statusCode).toBe(409);
      expect(res.json().message).toMatch(/has been sent/);
    }
  });

  it('holds it for the coachee until she has written what she notices in the data, and tells her it waits', async () => {
    const before = (await t.get(`/api/observations/${observation}/feedback`)).json();
    expect(before.items).toEqual([]);
    expect(before.heldUntilCoacheeReflects).toBe(1);
    expect(before.heldFrom).toHaveLength(1);
    expect((await t.get(`/api/feedback/${sent.id}`)).json()).toEqual(NOT_FOUND_BODY);
  });

  it('shows it to the coachee once she has reflected on the observation', async () => {
    const reflected = await t.post(`/api/partnerships/${partnership}/reflections`, { observationId: observation, answers: [{ key: 'noticed', answer: 'Two open questions, more than I thought.' }] });
    expect(reflected.statusCode).toBe(201);
    const after = (await t.get(`/api/observations/${observation}/feedback`)).json();
    expect(after.heldUntilCoacheeReflects).toBe(0);
    expect(after.items.map((f: { id: string }) => f.id)).toEqual([sent.id]);
    const one = await t.get(`/api/feedback/${sent.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json().abilities).toMatchObject({ edit: false, share: true });
  });

  it('keeps it from the supervisor (404) until the coachee shares it; then the read shows in her access log', async () => {
    expect((await sup.get(`/api/feedback/${sent.id}`)).json()).toEqual(NOT_FOUND_BODY);
    expect((await sup.get(`/api/observations/${observation}/feedback`)).json()).toEqual(NOT_FOUND_BODY);
    expect(await logged(sent.id, supervisor)).toBe(0);
    const share = await t.post(`/api/partnerships/${partnership}/shares`, { granteeId: supervisor, itemType: 'feedback', itemId: sent.id });
    expect(share.statusCode).toBe(201);
    const read = await sup.get(`/api/feedback/${sent.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().abilities).toEqual({ edit: false, send: false, share: false });
    expect(await logged(sent.id, supervisor)).toBe(1);
    const log = (await t.get('/api/access-log')).json().items;
    expect(log[0]).toMatchObject({ actorId: supervisor, action: 'view', itemId: sent.id, basis: 'you shared it' });
    const shared = (await sup.get('/api/shared-with-me')).json().items.find((i: { itemId: string }) => i.itemId === sent.id);
    expect(shared).toBeTruthy();
    await t.delete(`/api/shares/${share.json().id}`);
    expect((await sup.get(`/api/feedback/${sent.id}`)).statusCode).toBe(404);
  });
});
