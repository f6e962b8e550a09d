import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type World, createWorld } from '../support/world';

let w: World;
let org: string;
let leader: string;
let supervisor: string;

beforeAll(async () => {
  w = await createWorld();
  org = await w.given.organization();
  leader = await w.given.person(org, ['leader']);
  supervisor = await w.given.person(org, ['supervisor', 'coach']);
});
afterAll(() => w?.close());

describe('partnerships', () => {
  it('lets a coachee ask a colleague for coaching; it starts building when the coach accepts', async () => {
    const coachee = await w.given.person(org, ['coachee']);
    const coach = await w.given.person(org, ['coach']);
    const asking = await w.as(coachee);
    const created = await asking.post('/api/partnerships', { format: 'expert', origin: 'self_initiated', members: [{ personId: coachee, role: 'coachee' }, { personId: coach, role: 'coach' }], message: 'Could we work on transitions?' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ status: 'invited', origin: 'self_initiated', signatureStatus: 'waiting' });
    const id = created.json().id;
    const coachClient = await w.as(coach);
    expect((await coachClient.get(`/api/partnerships/${id}`)).json().abilities.respond).toBe(true);
    const accepted = await coachClient.post(`/api/partnerships/${id}/response`, { accept: true });
    expect(accepted.json().status).toBe('building');
    expect(accepted.json().statusHistory.map((h: { to: string }) => h.to)).toEqual(['invited', 'building']);
    expect(accepted.json().statusHistory[0].reason).toBe('Could we work on transitions?');
  });

  it('closes an expert partnership the coachee declines, with the reason', async () => {
    const coach = await w.given.person(org, ['coach']);
    const coachee = await w.given.person(org, ['coachee']);
    const id = (await (await w.as(coach)).post('/api/partnerships', { format: 'expert', origin: 'volunteered', members: [{ personId: coach, role: 'coach' }, { personId: coachee, role: 'coachee' }] })).json().id;
    const res = await (await w.as(coachee)).post(`/api/partnerships/${id}/response`, { accept: false, reason: 'Not this term' });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('closed');
    expect(res.json().statusHistory.at(-1)).toMatchObject({ from: 'invited', to: 'closed', reason: 'Not this term' });
    expect(res.json().members.find((m: { personId: string }) => m.personId === coachee).state).toBe('declined');
  });

  it('checks the shape of each format', async () => {
    const a = await w.given.person(org, ['coachee']);
    const b = await w.given.person(org, ['coachee']);
    const res = await (await w.as(a)).post('/api/partnerships', { format: 'peer', origin: 'volunteered', members: [{ personId: a, role: 'peer' }, { personId: b, role: 'peer' }] });
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toBe('A peer partnership needs exactly 1 mentor coach (it has 0).');
    const dup = await (await w.as(a)).post('/api/partnerships', { format: 'expert', origin: 'volunteered', members: [{ personId: a, role: 'coachee' }, { personId: a, role: 'coach' }] });
    expect(dup.statusCode).toBe(422);
  });

  it('warns about a coach who supervises the coachee, and records that it went ahead knowingly', async () => {
    const coachee = await w.given.person(org, ['coachee']);
    await w.given.supervisorOf(supervisor, coachee);
    const c = await w.as(supervisor);
    const body = { format: 'expert', origin: 'volunteered', members: [{ personId: supervisor, role: 'coach' }, { personId: coachee, role: 'coachee' }] };
    const warned = await c.post('/api/partnerships', body);
    expect(warned.statusCode).toBe(422);
    expect(warned.json().details[0].path).toBe('body.acknowledgeDualRole');
    const created = await c.post('/api/partnerships', { ...body, acknowledgeDualRole: true });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ dualRole: true });
    expect(created.json().dualRoleAcknowledgedAt).toBeTruthy();
    const seenByLeader = (await (await w.as(leader)).get('/api/partnerships')).json().items.find((p: { id: string }) => p.id === created.json().id);
    expect(seenByLeader.dualRole).toBe(true);
    expect((await (await w.as(coachee)).get(`/api/partnerships/${created.json().id}`)).json().dualRole).toBe(true);
  });

  it('follows the lifecycle and asks for a reason to pause or close', async () => {
    const coach = await w.given.person(org, ['coach']);
    const coachee = await w.given.person(org, ['coachee']);
    const id = await w.given.partnership(coach, 'expert', [{ personId: coach, role: 'coach' }, { personId: coachee, role: 'coachee' }]);
    const c = await w.as(coachee);
    expect((await c.post(`/api/partnerships/${id}/status`, { to: 'paused' })).statusCode).toBe(422);
    expect((await c.post(`/api/partnerships/${id}/status`, { to: 'paused', reason: 'Maternity leave' })).json().status).toBe('paused');
    const bad = await c.post(`/api/partnerships/${id}/status`, { to: 'invited' });
    expect(bad.statusCode).toBe(409);
    expect(bad.json().code).toBe('INVALID_TRANSITION');
    expect((await c.post(`/api/partnerships/${id}/status`, { to: 'closed', reason: 'Goals met' })).json().status).toBe('closed');
    expect((await c.post(`/api/partnerships/${id}/notes`, { body: 'after closing' })).statusCode).toBe(404);
  });

  it('records an assigned origin only when a program leader sets it up', async () => {
    const coach = await w.given.person(org, ['coach']);
    const coachee = await w.given.person(org, ['coachee']);
    const members = [{ personId: coach, role: 'coach' }, { personId: coachee, role: 'coachee' }];
    expect((await (await w.as(coach)).post('/api/partnerships', { format: 'expert', origin: 'assigned', members })).statusCode).toBe(422);
    const byLeader = await (await w.as(leader)).post('/api/partnerships', { format: 'expert', origin: 'assigned', members });
    expect(byLeader.statusCode).toBe(201);
    expect(byLeader.json().members.every((m: { state: string }) => m.state === 'invited')).toBe(true);
  });

  it('pages through partnerships with a cursor', async () => {
    const lead = await w.as(leader);
    const first = (await lead.get('/api/partnerships?limit=2')).json();
    expect(first.items).toHaveLength(2);
    const second = (await lead.get(`/api/partnerships?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items[0].id).not.toBe(first.items[0].id);
    expect(new Set([...first.items, ...second.items].map((p: { id: string }) => p.id)).size).toBe(first.items.length + second.items.length);
  });
});
