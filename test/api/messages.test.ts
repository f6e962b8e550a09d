import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type World, createWorld } from '../support/world';

let w: World;
let peerA: string;
let peerB: string;
let mentor: string;
let partnership: string;
let a: Client;
let b: Client;
let m: Client;

beforeAll(async () => {
  w = await createWorld();
  const org = await w.given.organization();
  peerA = await w.given.person(org, ['coachee'], 'Priya Peer');
  peerB = await w.given.person(org, ['coachee'], 'Ben Peer');
  mentor = await w.given.person(org, ['mentor'], 'Morgan Mentor');
  partnership = await w.given.partnership(peerA, 'peer', [
    { personId: peerA, role: 'peer' },
    { personId: peerB, role: 'peer' },
    { personId: mentor, role: 'mentor' },
  ]);
  [a, b, m] = await Promise.all([w.as(peerA), w.as(peerB), w.as(mentor)]);
});
afterAll(() => w?.close());

describe('messages and resource requests', () => {
  it('a request to the mentor coach waits, shows how long, and is closed by the person asked', async () => {
    const asked = await a.post(`/api/partnerships/${partnership}/messages`, { kind: 'resource_request', body: 'Do you have a short article on wait time?' });
    expect(asked.statusCode).toBe(201);
    expect(asked.json()).toMatchObject({ requestedFrom: mentor, requestedFromName: 'Morgan Mentor', fulfilledAt: null, waitedHours: 0, abilities: { fulfil: true } });
    w.clock.advance(26 * 3600_000);
    [a, b, m] = await Promise.all([w.as(peerA), w.as(peerB), w.as(mentor)]);
    const home = (await m.get('/api/attention')).json().openRequests;
    expect(home).toEqual([{ messageId: asked.json().id, partnershipId: partnership, askedBy: 'Priya Peer', askedOf: 'Morgan Mentor', since: asked.json().createdAt, waitedHours: expect.closeTo(26, 0), mine: true }]);
    expect((await a.get('/api/attention')).json().openRequests[0].mine).toBe(false);
    // Ben neither asked nor was asked.
    expect((await b.post(`/api/messages/${asked.json().id}/fulfilment`, {})).statusCode).toBe(404);
    const done = await m.post(`/api/messages/${asked.json().id}/fulfilment`, { note: 'Sent the article and a video.' });
    expect(done.json()).toMatchObject({ fulfilledByName: 'Morgan Mentor', fulfilmentNote: 'Sent the article and a video.', abilities: { fulfil: false } });
    expect(done.json().waitedHours).toBeCloseTo(26, 0);
    expect((await m.post(`/api/messages/${asked.json().id}/fulfilment`, {})).statusCode).toBe(409);
    expect((await m.get('/api/attention')).json().openRequests).toEqual([]);
  });

  it('pages through messages newest first, and every read is logged for the coachee', async () => {
    for (let i = 0; i < 5; i++) await b.post(`/api/partnerships/${partnership}/messages`, { body: `Message ${i}` });
    const first = (await a.get(`/api/partnerships/${partnership}/messages?limit=3`)).json();
    expect(first.items.map((x: { body: string }) => x.body)).toEqual(['Message 4', 'Message 3', 'Message 2']);
    const second = (await a.get(`/api/partnerships/${partnership}/messages?limit=3&cursor=${first.nextCursor}`)).json();
    expect(second.items[0].body).toBe('Message 1');
    const log = (await b.get('/api/access-log?limit=100')).json().items;
    expect(log.some((e: { actorId: string; itemType: string }) => e.actorId === peerA && e.itemType === 'message')).toBe(true);
  });

  it('refuses what cannot be sent', async () => {
    expect((await a.post(`/api/partnerships/${partnership}/messages`, { body: '' })).statusCode).toBe(400);
    expect((await a.post(`/api/partnerships/${partnership}/messages`, { body: 'x'.repeat(4001) })).statusCode).toBe(400);
    expect((await a.post(`/api/partnerships/${partnership}/messages`, { body: 'Hi', requestedFrom: mentor })).statusCode).toBe(422);
    const outsider = await a.post(`/api/partnerships/${partnership}/messages`, { kind: 'resource_request', body: 'Hi', requestedFrom: '00000000-0000-4000-8000-000000000000' });
    expect(outsider.json().details[0].path).toBe('requestedFrom');
    expect((await a.post(`/api/partnerships/${partnership}/messages`, { kind: 'resource_request', body: 'Myself?', requestedFrom: peerA })).statusCode).toBe(422);
  });
});
