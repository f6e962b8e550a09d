/**
 * The access log written in groups (issue 13, item 2): the log rows of concurrent reads are
 * committed together, and each read is answered only after its own row is committed — none is
 * ever unlogged; a row that cannot be written fails only its own request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAccess } from '../../server/src/privacy/access-log';
import { type Client, type World, createWorld } from '../support/world';

let w: World;
let c: Client;
let partnership: string;
let coachee: string;
let coach: string;
let org: string;
let note: string;

const rowsFor = async (itemId: string) => (await w.db.selectFrom('access_log').select('id').where('item_id', '=', itemId).execute()).length;

beforeAll(async () => {
  w = await createWorld();
  const scene = await w.given.expertPartnership();
  ({ partnership, coachee, coach, org } = scene);
  c = await w.as(coach);
  note = (await c.post(`/api/partnerships/${partnership}/notes`, { body: 'Eleven open questions at circle time.' })).json().id;
});
afterAll(async () => {
  await w?.close();
});

describe('the access log in groups', () => {
  it('logs every one of 200 concurrent reads, and each read’s own row is committed when its answer arrives', async () => {
    const notes = [note];
    for (let i = 1; i < 100; i++) notes.push((await c.post(`/api/partnerships/${partnership}/notes`, { body: `Note ${i}: open questions.` })).json().id);
    const before = new Map(await Promise.all(notes.map(async (id) => [id, await rowsFor(id)] as const)));
    const late: string[] = [];
    await Promise.all(
      [...notes, ...notes].map(async (id) => {
        const res = await c.get(`/api/notes/${id}`);
        expect(res.statusCode).toBe(200);
        // Its own row (the first or second read of this note) is there the moment it is answered.
        if ((await rowsFor(id)) - before.get(id)! < 1) late.push(id);
      }),
    );
    expect(late).toEqual([]);
    for (const id of notes) expect((await rowsFor(id)) - before.get(id)!).toBe(2);
  });

  it('a row that cannot be written fails only its own request; the others in its group are logged', async () => {
    const actor = { orgId: org, personId: coach } as Parameters<typeof recordAccess>[2];
    const good = (id: string) => ({ subjectId: coachee, partnershipId: partnership, itemType: 'note', itemId: id, action: 'view' as const, relation: 'coach', basis: 'member' });
    const outcomes = await Promise.allSettled([
      recordAccess(w.db, w.clock, actor, [good('group-a')]),
      recordAccess(w.db, w.clock, actor, [{ ...good('group-bad'), relation: null as unknown as string }]),
      recordAccess(w.db, w.clock, actor, [good('group-b'), good('group-c')]),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    for (const id of ['group-a', 'group-b', 'group-c']) expect(await rowsFor(id)).toBe(1);
    expect(await rowsFor('group-bad')).toBe(0);
  });

  it('writes a group larger than one statement holds in one transaction', async () => {
    const actor = { orgId: org, personId: coach } as Parameters<typeof recordAccess>[2];
    const many = Array.from({ length: 1200 }, () => ({ subjectId: coachee, partnershipId: partnership, itemType: 'note', itemId: 'group-many', action: 'view' as const, relation: 'coach', basis: 'member' }));
    await recordAccess(w.db, w.clock, actor, many);
    expect(await rowsFor('group-many')).toBe(1200);
  });
});
