import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type World, createWorld } from '../support/world';

let w: World;
let org: string;
let coach: string;
let coachee: string;
let supervisor: string;
let c: Client;
let t: Client;

beforeAll(async () => {
  w = await createWorld();
  org = await w.given.organization();
  coach = await w.given.person(org, ['coach']);
  coachee = await w.given.person(org, ['coachee']);
  supervisor = await w.given.person(org, ['supervisor']);
  await w.given.supervisorOf(supervisor, coachee);
  c = await w.as(coach);
  t = await w.as(coachee);
});
afterAll(() => w?.close());

async function fresh() {
  const created = await c.post('/api/partnerships', { format: 'expert', origin: 'volunteered', members: [{ personId: coach, role: 'coach' }, { personId: coachee, role: 'coachee' }] });
  const id = created.json().id;
  await t.post(`/api/partnerships/${id}/response`, { accept: true });
  return id as string;
}

describe('coaching agreements', () => {
  it('starts from the program template, and is signed when every party signs the exact version', async () => {
    const id = await fresh();
    const a = (await c.get(`/api/partnerships/${id}/agreement`)).json();
    expect(a.current.version).toBe(1);
    expect(a.current.content.commitments.coach.length).toBeGreaterThan(3);
    expect(a.current.content.commitments.supervisor.length).toBeGreaterThan(3);
    expect(a.current.waitingFor.map((p: { personId: string }) => p.personId).sort()).toEqual([coach, coachee].sort());
    expect((await c.get(`/api/partnerships/${id}`)).json().mySignatureNeeded).toBe(true);
    await c.post(`/api/partnerships/${id}/agreement/signatures`, { version: 1, contentHash: a.current.contentHash });
    expect((await c.get(`/api/partnerships/${id}`)).json()).toMatchObject({ signatureStatus: 'waiting', mySignatureNeeded: false });
    expect((await c.get(`/api/partnerships/${id}/agreement`)).json().abilities).toEqual({ edit: true, sign: false, signAsSupervisor: false });
    expect((await t.get(`/api/partnerships/${id}/agreement`)).json().abilities).toEqual({ edit: true, sign: true, signAsSupervisor: false });
    expect((await t.get('/api/partnerships')).json().items.find((p: { id: string }) => p.id === id).mySignatureNeeded).toBe(true);
    const signed = await t.post(`/api/partnerships/${id}/agreement/signatures`, { version: 1, contentHash: a.current.contentHash });
    expect(signed.json().current.signatures).toHaveLength(2);
    expect(signed.json().current.signatures[0]).toMatchObject({ contentHash: a.current.contentHash, version: 1 });
    expect((await c.get(`/api/partnerships/${id}`)).json().signatureStatus).toBe('signed');
  });

  it('needs new signatures after any change, and refuses a signature on text that changed', async () => {
    const id = await fresh();
    const v1 = (await c.get(`/api/partnerships/${id}/agreement`)).json().current;
    await c.post(`/api/partnerships/${id}/agreement/signatures`, { version: 1, contentHash: v1.contentHash });
    await t.post(`/api/partnerships/${id}/agreement/signatures`, { version: 1, contentHash: v1.contentHash });
    const saved = await t.put(`/api/partnerships/${id}/agreement`, { content: { ...v1.content, meetingCadence: 'Thursdays 3:30' }, baseVersion: 1 });
    expect(saved.statusCode).toBe(200);
    const v2 = saved.json().current;
    expect(v2.version).toBe(2);
    expect(v2.contentHash).not.toBe(v1.contentHash);
    expect(v2.signatures).toEqual([]);
    expect((await c.get(`/api/partnerships/${id}`)).json()).toMatchObject({ signatureStatus: 'waiting', meetingCadence: 'Thursdays 3:30' });
    const stale = await c.post(`/api/partnerships/${id}/agreement/signatures`, { version: 1, contentHash: v1.contentHash });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('AGREEMENT_CHANGED');
    const wrongHash = await c.post(`/api/partnerships/${id}/agreement/signatures`, { version: 2, contentHash: v1.contentHash });
    expect(wrongHash.json().code).toBe('AGREEMENT_CHANGED');
    expect((await c.post(`/api/partnerships/${id}/agreement/signatures`, { version: 2, contentHash: v2.contentHash })).statusCode).toBe(200);
    const twice = await c.post(`/api/partnerships/${id}/agreement/signatures`, { version: 2, contentHash: v2.contentHash });
    expect(twice.json().code).toBe('AGREEMENT_ALREADY_SIGNED');
    const old = await c.get(`/api/partnerships/${id}/agreement/versions/1`);
    expect(old.json().signatures).toHaveLength(2);
  });

  it('refuses to overwrite a version someone else saved meanwhile (409 VERSION_CONFLICT)', async () => {
    const id = await fresh();
    const v1 = (await c.get(`/api/partnerships/${id}/agreement`)).json().current;
    expect((await c.put(`/api/partnerships/${id}/agreement`, { content: { ...v1.content, coverageNeeds: 'A' }, baseVersion: 1 })).statusCode).toBe(200);
    const late = await t.put(`/api/partnerships/${id}/agreement`, { content: { ...v1.content, coverageNeeds: 'B' }, baseVersion: 1 });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('VERSION_CONFLICT');
    expect((await c.get(`/api/partnerships/${id}`)).json().coverageNeeds).toBe('A');
  });

  it('shows the supervisor their own commitments and the communication plan, never the guidelines or the partners\' commitments', async () => {
    const id = await fresh();
    const sup = await w.as(supervisor);
    const seen = (await sup.get(`/api/partnerships/${id}/agreement`)).json();
    expect(seen.current.content.communicationPlan.length).toBeGreaterThan(0);
    expect(seen.current.content.commitments.supervisor.length).toBeGreaterThan(0);
    expect(Object.keys(seen.current.content.commitments)).toEqual(['supervisor']);
    expect('guidelines' in seen.current.content).toBe(false);
    expect(seen.abilities).toEqual({ edit: false, sign: false, signAsSupervisor: true });
  });

  it('exports a PDF to members and logs the export for the coachee', async () => {
    const id = await fresh();
    const res = await c.get(`/api/partnerships/${id}/agreement.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await c.post(`/api/partnerships/${id}/agreement/prints`)).statusCode).toBe(201);
    const log = (await t.get('/api/access-log')).json().items;
    expect(log.some((e: { action: string; itemType: string; actorId: string }) => e.action === 'export' && e.itemType === 'agreement' && e.actorId === coach)).toBe(true);
    expect(log.some((e: { action: string; itemType: string; actorId: string }) => e.action === 'print' && e.itemType === 'agreement' && e.actorId === coach)).toBe(true);
    expect((await (await w.as(supervisor)).post(`/api/partnerships/${id}/agreement/prints`)).statusCode).toBe(404);
  });

  it('rejects a review date that is not a date', async () => {
    const id = await fresh();
    const v1 = (await c.get(`/api/partnerships/${id}/agreement`)).json().current;
    const res = await c.put(`/api/partnerships/${id}/agreement`, { content: { ...v1.content, reviewOn: '31/12/2026' }, baseVersion: 1 });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].path).toBe('body.content.reviewOn');
  });

  it('lets the program leader edit a template that new partnerships start from', async () => {
    const lead = await w.as(await w.given.person(org, ['leader']));
    const res = await lead.put('/api/agreement-templates/expert', { commitments: { coach: ['Be curious.'], coachee: ['Lead.'], peer: [], self: [], mentor: [], supervisor: ['Stay out of it.'] } });
    expect(res.statusCode).toBe(200);
    const id = await fresh();
    expect((await c.get(`/api/partnerships/${id}/agreement`)).json().current.content.commitments.coach).toEqual(['Be curious.']);
    expect((await c.put('/api/agreement-templates/expert', { commitments: {} })).statusCode).toBe(404);
  });
});
