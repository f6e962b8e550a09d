/** The confidentiality model in allow/block pairs, plus the access log's guarantees. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_FOUND_BODY, type Client, type World, createWorld } from '../support/world';

let w: World;
let org: string;
let coach: string;
let coachee: string;
let supervisor: string;
let leader: string;
let partnership: string;
let c: Client;
let t: Client;
let s: Client;

beforeAll(async () => {
  w = await createWorld();
  ({ org, coach, coachee, supervisor, partnership } = await w.given.expertPartnership());
  leader = await w.given.person(org, ['leader']);
  [c, t, s] = await Promise.all([w.as(coach), w.as(coachee), w.as(supervisor)]);
});
afterAll(() => w?.close());

const note = async (body = 'We counted 9 open questions in circle.') => (await c.post(`/api/partnerships/${partnership}/notes`, { body })).json().id as string;

describe('sharing', () => {
  it('lets the coachee share a note with the supervisor, who then reads it (and the read is logged)', async () => {
    const id = await note();
    expect((await s.get(`/api/notes/${id}`)).statusCode).toBe(404);
    const share = await t.post(`/api/partnerships/${partnership}/shares`, { granteeId: supervisor, itemType: 'note', itemId: id, note: 'For our check-in' });
    expect(share.statusCode).toBe(201);
    expect(share.json()).toMatchObject({ state: 'live', granteeId: supervisor });
    const read = await s.get(`/api/notes/${id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().abilities).toEqual({ edit: false, share: false });
    const log = (await t.get('/api/access-log')).json().items;
    expect(log[0]).toMatchObject({ actorId: supervisor, action: 'view', itemId: id, basis: 'you shared it' });
  });

  it('cuts access on the very next request after revocation, and the log shows share, read and revoke', async () => {
    const id = await note();
    const share = (await t.post(`/api/partnerships/${partnership}/shares`, { granteeId: supervisor, itemType: 'note', itemId: id })).json();
    expect((await s.get(`/api/notes/${id}`)).statusCode).toBe(200);
    expect((await t.delete(`/api/shares/${share.id}`)).json().state).toBe('revoked');
    const after = await s.get(`/api/notes/${id}`);
    expect(after.statusCode).toBe(404);
    expect(after.json()).toEqual(NOT_FOUND_BODY);
    expect((await s.get('/api/shared-with-me')).json().items.some((i: { itemId: string }) => i.itemId === id)).toBe(false);
    const actions = (await t.get('/api/access-log')).json().items.filter((e: { itemId: string }) => e.itemId === id).map((e: { action: string }) => e.action);
    expect(actions).toEqual(['revoke', 'view', 'share']);
    expect((await t.delete(`/api/shares/${share.id}`)).statusCode).toBe(409);
  });

  it('sends the coachee a receipt for each share and withdrawal, without the content', async () => {
    const id = await note('Private words that must never be e-mailed.');
    const before = w.mailer.sent.length;
    const share = (await t.post(`/api/partnerships/${partnership}/shares`, { granteeId: supervisor, itemType: 'note', itemId: id })).json();
    await t.delete(`/api/shares/${share.id}`);
    const receipts = w.mailer.sent.slice(before);
    expect(receipts).toHaveLength(2);
    const email = (await w.db.selectFrom('people').select('email').where('id', '=', coachee).executeTakeFirstOrThrow()).email;
    expect(receipts.every((m) => m.to === email)).toBe(true);
    expect(receipts[0].subject).toMatch(/^You shared one of your notes with /);
    expect(receipts[1].subject).toMatch(/^You withdrew a share from /);
    expect(receipts.some((m) => m.text.includes('Private words'))).toBe(false);
  });

  it('lets a share expire by itself', async () => {
    const id = await note();
    await t.post(`/api/partnerships/${partnership}/shares`, { granteeId: supervisor, itemType: 'note', itemId: id, expiresAt: new Date(w.clock.now().getTime() + 3600_000).toISOString() });
    expect((await s.get(`/api/notes/${id}`)).statusCode).toBe(200);
    w.clock.advance(3601_000);
    expect((await s.get(`/api/notes/${id}`)).statusCode).toBe(404);
    const shares = (await t.get(`/api/partnerships/${partnership}/shares`)).json().items;
    expect(shares.find((x: { itemId: string }) => x.itemId === id).state).toBe('expired');
  });

  it('lets a category share cover future notes too, until revoked', async () => {
    const share = (await t.post(`/api/partnerships/${partnership}/shares`, { granteeId: supervisor, category: 'notes' })).json();
    const later = await note('Written after the share.');
    const seen = (await s.get('/api/shared-with-me')).json().items;
    expect(seen.some((i: { itemId: string }) => i.itemId === later)).toBe(true);
    await t.delete(`/api/shares/${share.id}`);
    expect((await s.get('/api/shared-with-me')).json().items.some((i: { itemId: string }) => i.itemId === later)).toBe(false);
  });

  it('shows the coachee an excerpt of each shared note, and suggests their supervisor in the directory', async () => {
    const id = await note('A long note about questions that invite children to explain their thinking, with more words after the first line so that it runs past the excerpt length.');
    await t.post(`/api/partnerships/${partnership}/shares`, { granteeId: supervisor, itemType: 'note', itemId: id });
    const share = (await t.get(`/api/partnerships/${partnership}/shares`)).json().items.find((x: { itemId: string }) => x.itemId === id);
    expect(share.itemExcerpt).toMatch(/^A long note about questions.*…$/);
    expect(share.itemExcerpt.length).toBeLessThanOrEqual(118);
    const dir = (await t.get('/api/directory?limit=100')).json().items;
    expect(dir.find((p: { id: string }) => p.id === supervisor).supervisesMe).toBe(true);
    expect(dir.find((p: { id: string }) => p.id === coach).supervisesMe).toBe(false);
  });

  it('refuses shares the coachee cannot make: to a member, in the past, or of nothing', async () => {
    const id = await note();
    expect((await t.post(`/api/partnerships/${partnership}/shares`, { granteeId: coach, itemType: 'note', itemId: id })).statusCode).toBe(422);
    expect((await t.post(`/api/partnerships/${partnership}/shares`, { granteeId: supervisor, itemType: 'note', itemId: id, expiresAt: '2020-01-01T00:00:00Z' })).statusCode).toBe(422);
    expect((await t.post(`/api/partnerships/${partnership}/shares`, { granteeId: supervisor })).statusCode).toBe(400);
    expect((await t.post(`/api/partnerships/${partnership}/shares`, { granteeId: supervisor, itemType: 'note', itemId: '00000000-0000-4000-8000-000000000000' })).statusCode).toBe(404);
  });

  it('never lets the coach share the coachee\'s content (404)', async () => {
    const id = await note();
    const res = await c.post(`/api/partnerships/${partnership}/shares`, { granteeId: supervisor, itemType: 'note', itemId: id });
    expect(res.statusCode).toBe(404);
    expect((await s.get(`/api/notes/${id}`)).statusCode).toBe(404);
  });
});

describe('peer partnerships', () => {
  it('lets each peer share only the notes about their own practice', async () => {
    const a = await w.given.person(org, ['coachee']);
    const b = await w.given.person(org, ['coachee']);
    const mentor = await w.given.person(org, ['mentor']);
    const id = await w.given.partnership(a, 'peer', [{ personId: a, role: 'peer' }, { personId: b, role: 'peer' }, { personId: mentor, role: 'mentor' }]);
    const [ca, cb] = [await w.as(a), await w.as(b)];
    const aboutA = (await cb.post(`/api/partnerships/${id}/notes`, { body: 'I saw A use wait time.', subjectId: a })).json();
    expect(aboutA.subjectId).toBe(a);
    expect((await cb.post(`/api/partnerships/${id}/shares`, { granteeId: supervisor, itemType: 'note', itemId: aboutA.id })).statusCode).toBe(404);
    expect((await ca.post(`/api/partnerships/${id}/shares`, { granteeId: supervisor, itemType: 'note', itemId: aboutA.id })).statusCode).toBe(201);
    expect((await cb.post(`/api/partnerships/${id}/notes`, { body: 'x', subjectId: mentor })).statusCode).toBe(422);
  });
});

describe('the access log', () => {
  it('logs one entry per note read in a list, hides the coachee\'s own reads unless asked', async () => {
    const id = await note();
    await c.get(`/api/partnerships/${partnership}/notes?limit=100`);
    await t.get(`/api/notes/${id}`);
    const log = (await t.get('/api/access-log?limit=100')).json().items;
    expect(log.filter((e: { itemId: string; actorId: string }) => e.itemId === id && e.actorId === coach)).toHaveLength(1);
    expect(log.every((e: { actorId: string; action: string }) => e.actorId !== coachee || ['share', 'revoke'].includes(e.action))).toBe(true);
    const withoutOwn = (await t.get('/api/access-log?limit=100&includeOwn=false')).json().items;
    expect(withoutOwn).toEqual(log);
    const withOwn = (await t.get('/api/access-log?limit=100&includeOwn=true')).json().items;
    expect(withOwn.some((e: { actorId: string; itemId: string }) => e.actorId === coachee && e.itemId === id)).toBe(true);
  });

  it('logs reads of the getting-to-know-you profile', async () => {
    await t.put(`/api/partnerships/${partnership}/profile`, { strengths: 'Songs for transitions', challenges: ['space'] });
    await c.get(`/api/partnerships/${partnership}`);
    const log = (await t.get('/api/access-log')).json().items;
    expect(log[0]).toMatchObject({ actorId: coach, itemType: 'profile', relation: 'coach' });
  });

  it('shows each person only their own log', async () => {
    const log = (await s.get('/api/access-log')).json().items;
    expect(log).toEqual([]);
  });

  it('cannot be edited or deleted, even by a query that bypasses the app', async () => {
    const before = await w.db.selectFrom('access_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    await expect(w.db.updateTable('access_log').set({ actor_id: leader }).execute()).rejects.toThrow(/append-only/);
    await expect(w.db.deleteFrom('access_log').execute()).rejects.toThrow(/append-only/);
    const after = await w.db.selectFrom('access_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('has no route that edits or deletes log entries', () => {
    const writes = w.routes.filter((r) => r.url.includes('access-log') && r.method !== 'GET' && r.method !== 'HEAD');
    expect(writes).toEqual([]);
  });
});

describe('tenant isolation', () => {
  it('hides every partnership, note and person of another organization (404)', async () => {
    const other = await w.given.organization();
    const otherLeader = await w.as(await w.given.person(other, ['leader', 'supervisor', 'coach', 'mentor', 'coachee']));
    const id = await note();
    for (const url of [`/api/partnerships/${partnership}`, `/api/notes/${id}`, `/api/partnerships/${partnership}/agreement`, `/api/people/${coachee}`, `/api/partnerships/${partnership}/notes`]) {
      const res = await otherLeader.get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json()).toEqual(NOT_FOUND_BODY);
    }
    expect((await otherLeader.get('/api/partnerships')).json().items).toEqual([]);
    expect((await otherLeader.get('/api/directory?q=coachee')).json().items.some((p: { id: string }) => p.id === coachee)).toBe(false);
    expect((await otherLeader.post(`/api/partnerships/${partnership}/shares`, { granteeId: supervisor, category: 'notes' })).statusCode).toBe(404);
  });
});
