import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type World, createWorld } from '../support/world';

let w: World;
let coachee: string;
let supervisor: string;
let partnership: string;
let c: Client;
let t: Client;

const plan = (extra: object = {}) => ({
  focus: 'How children join in during read-aloud',
  currentPicture: 'The same four children answer.',
  successLooksLike: 'Most children say something about the story.',
  lookFor: 'Who answers, and after which kind of question.',
  mode: 'live',
  when: 'Tuesday 9:15–9:35, read-aloud',
  dataForm: { method: 'event_count', fields: ['Open question', 'Closed question', 'Child answers'] },
  ...extra,
});

beforeAll(async () => {
  w = await createWorld();
  let coach: string;
  ({ coach, coachee, supervisor, partnership } = await w.given.expertPartnership());
  [c, t] = await Promise.all([w.as(coach), w.as(coachee)]);
});
afterAll(() => w?.close());

describe('focus conversation and observation plan', () => {
  it('a plan the coach writes waits for the coachee, who sees the data form before the visit and confirms it', async () => {
    const start = w.clock.now().getTime() + 3 * 86400_000;
    const visit = (await c.post(`/api/partnerships/${partnership}/meetings`, { kind: 'observation', startsAt: new Date(start).toISOString(), endsAt: new Date(start + 1800_000).toISOString() })).json();
    const created = await c.post(`/api/partnerships/${partnership}/observation-plans`, plan({ meetingId: visit.id }));
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ status: 'draft', subjectId: coachee, meetingId: visit.id, meetingStartsAt: visit.startsAt, abilities: { edit: true, confirm: false } });
    // The coachee sees it on Home and reads the exact data form.
    expect((await t.get('/api/attention')).json().plansToConfirm).toEqual([{ planId: created.json().id, partnershipId: partnership, meetingStartsAt: visit.startsAt }]);
    const seen = (await t.get(`/api/observation-plans/${created.json().id}`)).json();
    expect(seen.dataForm).toEqual({ method: 'event_count', fields: ['Open question', 'Closed question', 'Child answers'], intervalMinutes: null, instructions: '' });
    expect(seen.abilities.confirm).toBe(true);
    // Only the coachee confirms.
    expect((await c.post(`/api/observation-plans/${seen.id}/confirmation`, { baseVersion: 1 })).statusCode).toBe(404);
    const confirmed = await t.post(`/api/observation-plans/${seen.id}/confirmation`, { baseVersion: 1 });
    expect(confirmed.json()).toMatchObject({ status: 'confirmed', version: 2 });
    expect((await t.get('/api/attention')).json().plansToConfirm).toEqual([]);
    // Any change by the coach needs the coachee's confirmation again.
    const edited = await c.put(`/api/observation-plans/${seen.id}`, { ...plan({ meetingId: visit.id }), lookFor: 'Also: how long children wait.', baseVersion: 2 });
    expect(edited.json()).toMatchObject({ status: 'draft', confirmedAt: null, version: 3 });
  });

  it('a stale edit is refused with a conflict, not silently overwritten', async () => {
    const p = (await c.post(`/api/partnerships/${partnership}/observation-plans`, plan())).json();
    expect((await t.put(`/api/observation-plans/${p.id}`, { ...plan(), focus: 'Transitions instead', baseVersion: 1 })).statusCode).toBe(200);
    const stale = await c.put(`/api/observation-plans/${p.id}`, { ...plan(), focus: 'Something else', baseVersion: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT' });
    expect((await t.get(`/api/observation-plans/${p.id}`)).json()).toMatchObject({ focus: 'Transitions instead', status: 'confirmed' });
  });

  it('refuses plans that cannot be carried out, with a message on the field', async () => {
    const noInterval = await c.post(`/api/partnerships/${partnership}/observation-plans`, plan({ dataForm: { method: 'time_sample', fields: ['Engaged'] } }));
    expect(noInterval.statusCode).toBe(422);
    expect(noInterval.json().details[0].path).toBe('dataForm.intervalMinutes');
    expect((await c.post(`/api/partnerships/${partnership}/observation-plans`, plan({ dataForm: { method: 'event_count', fields: [] } }))).statusCode).toBe(400);
    expect((await c.post(`/api/partnerships/${partnership}/observation-plans`, plan({ dataForm: { method: 'mind_reading', fields: ['x'] } }))).statusCode).toBe(400);
    const start = w.clock.now().getTime() + 86400_000;
    const meeting = (await c.post(`/api/partnerships/${partnership}/meetings`, { kind: 'coaching_meeting', startsAt: new Date(start).toISOString(), endsAt: new Date(start + 1800_000).toISOString() })).json();
    expect((await c.post(`/api/partnerships/${partnership}/observation-plans`, plan({ meetingId: meeting.id }))).json().details[0].path).toBe('meetingId');
    expect((await c.post(`/api/partnerships/${partnership}/observation-plans`, plan({ focus: 'x'.repeat(1001) }))).statusCode).toBe(400);
  });

  it('the coachee can share a plan; the supervisor cannot read it before (404)', async () => {
    const p = (await t.post(`/api/partnerships/${partnership}/observation-plans`, plan({ mode: 'recorded', dataForm: { method: 'video', fields: ['Opening'] } }))).json();
    expect(p.status).toBe('confirmed'); // the coachee's own plan needs no second confirmation
    const sup = await w.as(supervisor);
    expect((await sup.get(`/api/observation-plans/${p.id}`)).statusCode).toBe(404);
    await t.post(`/api/partnerships/${partnership}/shares`, { granteeId: supervisor, itemType: 'observation_plan', itemId: p.id });
    expect((await sup.get(`/api/observation-plans/${p.id}`)).json()).toMatchObject({ focus: p.focus, abilities: { edit: false, confirm: false, share: false } });
  });
});
