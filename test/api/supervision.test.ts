/**
 * The supervisor as a party to a partnership (issue 12, item 6): their own signature on the
 * supervisor's commitments, check-ins they schedule, coverage requests they answer — each
 * allowed to the coachee's supervisor beside the same thing refused to everyone else (404).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, NOT_FOUND_BODY, type World, createWorld } from '../support/world';

let w: World;
let org: string;
let coach: string;
let coachee: string;
let supervisor: string;
let otherSupervisor: string;
let colleague: string;
let outsider: string;
let c: Client;
let t: Client;
let sup: Client;

beforeAll(async () => {
  w = await createWorld();
  org = await w.given.organization();
  coach = await w.given.person(org, ['coach'], 'Carmen Coach');
  coachee = await w.given.person(org, ['coachee'], 'Taylor Coachee');
  supervisor = await w.given.person(org, ['supervisor'], 'Sam Okafor');
  otherSupervisor = await w.given.person(org, ['supervisor'], 'Sasha Other');
  colleague = await w.given.person(org, ['coachee'], 'Casey Colleague');
  await w.given.supervisorOf(supervisor, coachee);
  await w.given.supervisorOf(otherSupervisor, colleague);
  const otherOrg = await w.given.organization();
  outsider = await w.given.person(otherOrg, ['supervisor', 'leader', 'coach'], 'Olga Otherorg');
  c = await w.as(coach);
  t = await w.as(coachee);
  sup = await w.as(supervisor);
});
afterAll(() => w?.close());

const fresh = () => w.given.partnership(coach, 'expert', [{ personId: coach, role: 'coach' }, { personId: coachee, role: 'coachee' }]);
const inDays = (days: number) => new Date(w.clock.now().getTime() + days * 86400_000).toISOString();
const dayIn = (days: number) => inDays(days).slice(0, 10);
const others = async () => [await w.as(otherSupervisor), await w.as(colleague), await w.as(outsider)];

describe('the supervisor signs the supervisor\'s commitments', () => {
  it('lets the coachee\'s supervisor read and sign the supervisor\'s commitments, shown to every member', async () => {
    const id = await fresh();
    const seen = (await sup.get(`/api/partnerships/${id}/agreement`)).json();
    expect(seen.abilities.signAsSupervisor).toBe(true);
    expect(seen.current.supervisor.waitingFor).toEqual([{ personId: supervisor, name: 'Sam Okafor' }]);
    const signed = await sup.post(`/api/partnerships/${id}/agreement/supervisor-signatures`, { version: seen.current.version, commitmentsHash: seen.current.supervisor.commitmentsHash });
    expect(signed.statusCode).toBe(200);
    expect(signed.json().abilities.signAsSupervisor).toBe(false);
    expect(signed.json().current.supervisor.signatures).toMatchObject([{ personId: supervisor, name: 'Sam Okafor', version: seen.current.version }]);
    for (const member of [c, t]) {
      const a = (await member.get(`/api/partnerships/${id}/agreement`)).json();
      expect(a.current.supervisor.signatures[0].name).toBe('Sam Okafor');
      expect(a.current.supervisor.waitingFor).toEqual([]);
      expect(a.abilities.signAsSupervisor).toBe(false);
    }
    // The members' own signatures are unchanged by it.
    expect(signed.json().current.signatures.map((s: { personId: string }) => s.personId).sort()).toEqual([coach, coachee].sort());
  });

  it('hides the partners\' commitments and the guidelines from the supervisor (absent)', async () => {
    const id = await fresh();
    const seen = (await sup.get(`/api/partnerships/${id}/agreement`)).json();
    expect(Object.keys(seen.current.content.commitments)).toEqual(['supervisor']);
    expect(seen.current.content).not.toHaveProperty('guidelines');
    expect(JSON.stringify(seen)).not.toContain((await c.get(`/api/partnerships/${id}/agreement`)).json().current.content.commitments.coachee[0]);
  });

  it('shows a program leader neither commitments nor the supervisor\'s part', async () => {
    const id = await fresh();
    const leader = await w.given.person(org, ['leader']);
    const seen = (await (await w.as(leader)).get(`/api/partnerships/${id}/agreement`)).json();
    expect(seen.current.content).not.toHaveProperty('commitments');
    expect(seen.current).not.toHaveProperty('supervisor');
    expect(seen.abilities.signAsSupervisor).toBe(false);
  });

  it('logs the supervisor\'s read of the commitments in the coachee\'s access log', async () => {
    const id = await fresh();
    const seen = (await sup.get(`/api/partnerships/${id}/agreement`)).json();
    const log = (await t.get('/api/access-log?limit=100')).json().items;
    expect(log).toEqual(expect.arrayContaining([expect.objectContaining({ actorId: supervisor, relation: 'supervisor', itemType: 'agreement', itemId: String(seen.current.version), partnershipId: id })]));
  });

  it('keeps the signature over a new version with the same supervisor commitments, and asks again when they change', async () => {
    const id = await fresh();
    const first = (await sup.get(`/api/partnerships/${id}/agreement`)).json().current;
    await sup.post(`/api/partnerships/${id}/agreement/supervisor-signatures`, { version: first.version, commitmentsHash: first.supervisor.commitmentsHash });
    const full = (await c.get(`/api/partnerships/${id}/agreement`)).json().current;
    const same = await c.put(`/api/partnerships/${id}/agreement`, { content: { ...full.content, meetingCadence: 'Every other Tuesday' }, baseVersion: full.version });
    expect(same.json().current.supervisor.signatures).toHaveLength(1);
    expect((await sup.get(`/api/partnerships/${id}/agreement`)).json().abilities.signAsSupervisor).toBe(false);
    const changed = await c.put(`/api/partnerships/${id}/agreement`, { content: { ...full.content, commitments: { ...full.content.commitments, supervisor: ['Check in with us once a month.'] } }, baseVersion: full.version + 1 });
    expect(changed.json().current.supervisor).toMatchObject({ signatures: [], waitingFor: [{ personId: supervisor }] });
    expect((await sup.get(`/api/partnerships/${id}/agreement`)).json().abilities.signAsSupervisor).toBe(true);
  });

  it('prints the supervisor\'s signature in the members\' PDF of the agreement', async ({ skip }) => {
    if (spawnSync('pdftotext', ['-v']).error) skip('pdftotext (poppler-utils) is not installed');
    const id = await fresh();
    const cur = (await sup.get(`/api/partnerships/${id}/agreement`)).json().current;
    await sup.post(`/api/partnerships/${id}/agreement/supervisor-signatures`, { version: cur.version, commitmentsHash: cur.supervisor.commitmentsHash });
    const pdf = await t.get(`/api/partnerships/${id}/agreement.pdf`);
    expect(pdf.statusCode).toBe(200);
    const file = path.join(os.tmpdir(), `tandem-supervisor-${id}.pdf`);
    fs.writeFileSync(file, pdf.rawPayload);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    fs.rmSync(file, { force: true });
    expect(text).toContain('Sam Okafor — signed the supervisor\'s commitments');
    expect((await sup.get(`/api/partnerships/${id}/agreement.pdf`)).statusCode).toBe(404);
  });

  it('asks the supervisor on Home to sign, and again once the supervisor\'s commitments change', async () => {
    const id = await fresh();
    const waiting = async () => ((await sup.get('/api/me/checkins')).json().toSign as Array<{ partnershipId: string; partners: string[] }>).find((x) => x.partnershipId === id);
    expect((await waiting())?.partners.sort()).toEqual(['Carmen Coach', 'Taylor Coachee']);
    const cur = (await sup.get(`/api/partnerships/${id}/agreement`)).json().current;
    await sup.post(`/api/partnerships/${id}/agreement/supervisor-signatures`, { version: cur.version, commitmentsHash: cur.supervisor.commitmentsHash });
    expect(await waiting()).toBeUndefined();
    const full = (await c.get(`/api/partnerships/${id}/agreement`)).json().current;
    await c.put(`/api/partnerships/${id}/agreement`, { content: { ...full.content, commitments: { ...full.content.commitments, supervisor: ['Cover the class on coaching days.'] } }, baseVersion: full.version });
    expect(await waiting()).toBeDefined();
    expect(((await (await w.as(otherSupervisor)).get('/api/me/checkins')).json().toSign as Array<{ partnershipId: string }>).some((x) => x.partnershipId === id)).toBe(false);
  });

  it('refuses a stale hash (409), a second signature (409) and a version without supervisor commitments (422)', async () => {
    const id = await fresh();
    const cur = (await sup.get(`/api/partnerships/${id}/agreement`)).json().current;
    const stale = await sup.post(`/api/partnerships/${id}/agreement/supervisor-signatures`, { version: cur.version, commitmentsHash: 'a'.repeat(64) });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toMatch(/changed/);
    expect((await sup.post(`/api/partnerships/${id}/agreement/supervisor-signatures`, { version: cur.version, commitmentsHash: cur.supervisor.commitmentsHash })).statusCode).toBe(200);
    expect((await sup.post(`/api/partnerships/${id}/agreement/supervisor-signatures`, { version: cur.version, commitmentsHash: cur.supervisor.commitmentsHash })).json().code).toBe('AGREEMENT_ALREADY_SIGNED');
    const full = (await c.get(`/api/partnerships/${id}/agreement`)).json().current;
    const none = (await c.put(`/api/partnerships/${id}/agreement`, { content: { ...full.content, commitments: { ...full.content.commitments, supervisor: [] } }, baseVersion: full.version })).json();
    expect(none.current.supervisor).toBeNull();
    const refused = await sup.post(`/api/partnerships/${id}/agreement/supervisor-signatures`, { version: none.current.version, commitmentsHash: cur.supervisor.commitmentsHash });
    expect(refused.statusCode).toBe(422);
    expect((await sup.post(`/api/partnerships/${id}/agreement/supervisor-signatures`, { version: 0, commitmentsHash: 'x' })).statusCode).toBe(400);
  });

  it('does not let a member, another supervisor, a colleague or another organization sign as the supervisor (404)', async () => {
    const id = await fresh();
    const cur = (await sup.get(`/api/partnerships/${id}/agreement`)).json().current;
    for (const who of [c, t, ...(await others())]) {
      const res = await who.post(`/api/partnerships/${id}/agreement/supervisor-signatures`, { version: cur.version, commitmentsHash: cur.supervisor.commitmentsHash });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual(NOT_FOUND_BODY);
    }
  });
});

describe('check-ins the supervisor schedules', () => {
  it('lets the coachee\'s supervisor schedule, move and cancel a check-in the partners see', async () => {
    const id = await fresh();
    const made = await sup.post(`/api/partnerships/${id}/checkins`, { startsAt: inDays(3), minutes: 20, place: 'Room 4' });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({ minutes: 20, place: 'Room 4', status: 'scheduled', scheduledBy: 'Sam Okafor', abilities: { change: true } });
    for (const member of [c, t]) {
      const list = (await member.get(`/api/partnerships/${id}/checkins`)).json();
      expect(list.items).toMatchObject([{ id: made.json().id, place: 'Room 4', abilities: { change: false } }]);
      expect(list.abilities.schedule).toBe(false);
    }
    const moved = await sup.patch(`/api/checkins/${made.json().id}`, { startsAt: inDays(4), minutes: 30, place: 'https://meet.example/sam' });
    expect(moved.json()).toMatchObject({ rescheduleCount: 1, minutes: 30 });
    const mine = (await sup.get('/api/me/checkins')).json();
    expect(mine.items.find((i: { id: string }) => i.id === made.json().id).partners.sort()).toEqual(['Carmen Coach', 'Taylor Coachee']);
    const cancelled = await sup.post(`/api/checkins/${made.json().id}/cancellation`);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', abilities: { change: false } });
    expect((await sup.post(`/api/checkins/${made.json().id}/cancellation`)).statusCode).toBe(409);
  });

  it('carries no words but a place: the check-in has no other text field', async () => {
    const id = await fresh();
    const made = await sup.post(`/api/partnerships/${id}/checkins`, { startsAt: inDays(3), minutes: 20, place: 'Office', agenda: 'How is Taylor doing?' });
    expect(made.statusCode).toBe(400);
    const ok = (await sup.post(`/api/partnerships/${id}/checkins`, { startsAt: inDays(3), minutes: 20 })).json();
    expect(Object.keys(ok).sort()).toEqual(['abilities', 'cancelledAt', 'endsAt', 'id', 'minutes', 'partnershipId', 'place', 'rescheduleCount', 'scheduledBy', 'startsAt', 'status']);
  });

  it('puts the check-in in both partners\' calendar feeds with a neutral title', async () => {
    const id = await fresh();
    await sup.post(`/api/partnerships/${id}/checkins`, { startsAt: inDays(5), minutes: 25, place: 'Library' });
    for (const member of [c, t]) {
      const url = (await member.post('/api/me/calendar')).json().url as string;
      const feed = await w.anonymous.get(new URL(url).pathname);
      expect(feed.statusCode).toBe(200);
      expect(feed.body).toMatch(/SUMMARY:Supervisor check-in/i);
      expect(feed.body).toContain('LOCATION:Library');
    }
  });

  it('puts the check-ins a supervisor scheduled in the supervisor\'s own feed', async () => {
    const id = await fresh();
    await sup.post(`/api/partnerships/${id}/checkins`, { startsAt: inDays(6), minutes: 15, place: 'Front office' });
    const url = (await sup.post('/api/me/calendar')).json().url as string;
    const feed = await w.anonymous.get(new URL(url).pathname);
    expect(feed.body).toMatch(/SUMMARY:Supervisor check-in/i);
    expect(feed.body).toContain('LOCATION:Front office');
  });

  it('refuses check-ins in the past, out-of-range lengths and a place that is too long (clear messages)', async () => {
    const id = await fresh();
    const past = await sup.post(`/api/partnerships/${id}/checkins`, { startsAt: inDays(-1), minutes: 20 });
    expect(past.statusCode).toBe(422);
    expect(past.json().message).toMatch(/not passed/);
    expect((await sup.post(`/api/partnerships/${id}/checkins`, { startsAt: inDays(1), minutes: 1000 })).statusCode).toBe(400);
    const long = await sup.post(`/api/partnerships/${id}/checkins`, { startsAt: inDays(1), minutes: 20, place: 'x'.repeat(200) });
    expect(long.json().details[0].message).toBe('Keep this under 120 characters.');
  });

  it('does not let the partners, another supervisor, a colleague or another organization schedule or change check-ins (404)', async () => {
    const id = await fresh();
    const made = (await sup.post(`/api/partnerships/${id}/checkins`, { startsAt: inDays(3), minutes: 20 })).json();
    for (const who of [c, t, ...(await others())]) {
      expect((await who.post(`/api/partnerships/${id}/checkins`, { startsAt: inDays(3), minutes: 20 })).json()).toEqual(NOT_FOUND_BODY);
      expect((await who.patch(`/api/checkins/${made.id}`, { startsAt: inDays(3), minutes: 20 })).json()).toEqual(NOT_FOUND_BODY);
      expect((await who.post(`/api/checkins/${made.id}/cancellation`)).json()).toEqual(NOT_FOUND_BODY);
    }
    for (const who of await others()) expect((await who.get(`/api/partnerships/${id}/checkins`)).statusCode).toBe(404);
  });
});

describe('coverage requests', () => {
  it('lets either partner ask the supervisor for cover, and the supervisor confirm — both partners see the answer', async () => {
    const id = await fresh();
    const asked = await c.post(`/api/partnerships/${id}/coverage-requests`, { date: dayIn(2), from: '09:00', to: '09:45', purpose: 'coaching_meeting', coverFor: coachee });
    expect(asked.statusCode).toBe(201);
    expect(asked.json()).toMatchObject({ status: 'pending', coverFor: { name: 'Taylor Coachee' }, requestedBy: { name: 'Carmen Coach' }, abilities: { answer: false } });
    const seen = (await sup.get(`/api/partnerships/${id}/coverage-requests`)).json();
    expect(seen.items[0].abilities.answer).toBe(true);
    expect(seen.abilities.request).toBe(false);
    const answered = await sup.post(`/api/coverage-requests/${asked.json().id}/answer`, { decision: 'confirmed' });
    expect(answered.json()).toMatchObject({ status: 'confirmed', answeredBy: 'Sam Okafor', declineReason: null });
    for (const member of [c, t]) expect((await member.get(`/api/partnerships/${id}/coverage-requests`)).json().items[0]).toMatchObject({ status: 'confirmed', answeredBy: 'Sam Okafor' });
    const again = await sup.post(`/api/coverage-requests/${asked.json().id}/answer`, { decision: 'declined' });
    expect(again.statusCode).toBe(409);
  });

  it('lets the supervisor decline with a reason from the list, or none', async () => {
    const id = await fresh();
    const a = (await t.post(`/api/partnerships/${id}/coverage-requests`, { date: dayIn(3), from: '13:00', to: '14:00', purpose: 'observation_visit', coverFor: coachee })).json();
    const b = (await t.post(`/api/partnerships/${id}/coverage-requests`, { date: dayIn(3), from: '10:00', to: '10:30', purpose: 'peer_visit', coverFor: coach })).json();
    expect((await sup.post(`/api/coverage-requests/${a.id}/answer`, { decision: 'declined', reason: 'no_cover_available' })).json()).toMatchObject({ status: 'declined', declineReason: 'no_cover_available' });
    expect((await sup.post(`/api/coverage-requests/${b.id}/answer`, { decision: 'declined' })).json()).toMatchObject({ status: 'declined', declineReason: null });
    expect((await sup.post(`/api/coverage-requests/${b.id}/answer`, { decision: 'declined', reason: 'because I said so' })).statusCode).toBe(400);
  });

  it('refuses free text, times out of order, a day that has passed and cover for someone outside the partnership', async () => {
    const id = await fresh();
    const base = { date: dayIn(2), from: '09:00', to: '10:00', purpose: 'coaching_meeting', coverFor: coachee };
    expect((await c.post(`/api/partnerships/${id}/coverage-requests`, { ...base, note: 'Taylor is struggling' })).statusCode).toBe(400);
    expect((await c.post(`/api/partnerships/${id}/coverage-requests`, { ...base, purpose: 'anything' })).statusCode).toBe(400);
    const order = await c.post(`/api/partnerships/${id}/coverage-requests`, { ...base, from: '10:00', to: '09:00' });
    expect(order.statusCode).toBe(422);
    expect(order.json().details[0]).toMatchObject({ path: 'to', message: 'The cover has to end after it starts.' });
    expect((await c.post(`/api/partnerships/${id}/coverage-requests`, { ...base, date: dayIn(-2) })).statusCode).toBe(422);
    expect((await c.post(`/api/partnerships/${id}/coverage-requests`, { ...base, coverFor: colleague })).json().details[0].path).toBe('coverFor');
    const badTime = await c.post(`/api/partnerships/${id}/coverage-requests`, { ...base, from: '9am' });
    expect(badTime.statusCode).toBe(400);
    expect(badTime.json().details[0].message).toBe('Enter a time like 08:30.');
    const es = await w.as(coach);
    await es.put('/api/me/language', { language: 'es' });
    expect((await es.post(`/api/partnerships/${id}/coverage-requests`, { ...base, from: '9am' })).json().details[0].message).toBe('Escribe una hora como 08:30.');
    await es.put('/api/me/language', { language: null });
  });

  it('does not let the supervisor ask, nor another supervisor, a colleague or another organization ask, see or answer (404)', async () => {
    const id = await fresh();
    const asked = (await c.post(`/api/partnerships/${id}/coverage-requests`, { date: dayIn(2), from: '09:00', to: '09:45', purpose: 'coaching_meeting', coverFor: coachee })).json();
    const body = { date: dayIn(2), from: '09:00', to: '09:45', purpose: 'coaching_meeting', coverFor: coachee };
    expect((await sup.post(`/api/partnerships/${id}/coverage-requests`, body)).json()).toEqual(NOT_FOUND_BODY);
    for (const who of await others()) {
      expect((await who.post(`/api/partnerships/${id}/coverage-requests`, body)).json()).toEqual(NOT_FOUND_BODY);
      expect((await who.get(`/api/partnerships/${id}/coverage-requests`)).json()).toEqual(NOT_FOUND_BODY);
      expect((await who.post(`/api/coverage-requests/${asked.id}/answer`, { decision: 'confirmed' })).json()).toEqual(NOT_FOUND_BODY);
    }
    for (const member of [c, t]) expect((await member.post(`/api/coverage-requests/${asked.id}/answer`, { decision: 'confirmed' })).json()).toEqual(NOT_FOUND_BODY);
  });
});

describe('the OpenAPI description', () => {
  it('describes the supervisor\'s routes, with the fixed lists of a coverage request', async () => {
    const doc = (await w.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/partnerships/{id}/agreement/supervisor-signatures', '/api/partnerships/{id}/checkins', '/api/checkins/{id}', '/api/checkins/{id}/cancellation', '/api/partnerships/{id}/coverage-requests', '/api/coverage-requests/{id}/answer', '/api/me/checkins']));
    const body = doc.paths['/api/partnerships/{id}/coverage-requests'].post.requestBody.content['application/json'].schema;
    expect(body.properties.purpose.enum).toEqual(['coaching_meeting', 'observation_visit', 'peer_visit']);
    expect(body.additionalProperties).toBe(false);
  });

  it('counts the coverage requests waiting for the supervisor on their Home', async () => {
    const id = await fresh();
    const before = (await sup.get('/api/me/checkins')).json().pendingCoverage as number;
    await t.post(`/api/partnerships/${id}/coverage-requests`, { date: dayIn(4), from: '11:00', to: '11:30', purpose: 'coaching_meeting', coverFor: coachee });
    expect((await sup.get('/api/me/checkins')).json().pendingCoverage).toBe(before + 1);
    expect((await c.get('/api/me/checkins')).json()).toEqual({ items: [], pendingCoverage: 0, toSign: [] });
  });
});
