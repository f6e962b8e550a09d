import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type World, createWorld } from '../support/world';

let w: World;
let org: string;
let coach: string;
let coachee: string;
let supervisor: string;
let partnership: string;
let c: Client;
let t: Client;

beforeAll(async () => {
  w = await createWorld();
  ({ org, coach, coachee, supervisor, partnership } = await w.given.expertPartnership());
  [c, t] = await Promise.all([w.as(coach), w.as(coachee)]);
});
afterAll(() => w?.close());

const at = (hoursFromNow: number) => new Date(w.clock.now().getTime() + hoursFromNow * 3600_000).toISOString();
const schedule = (client: Client, body: object) => client.post(`/api/partnerships/${partnership}/meetings`, { kind: 'coaching_meeting', startsAt: at(48), endsAt: at(49), ...body });

describe('sessions and visits', () => {
  it('refuses impossible times with a message on the field', async () => {
    const backwards = await schedule(c, { startsAt: at(50), endsAt: at(49) });
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().details[0]).toEqual({ path: 'endsAt', message: 'The end must come after the start.' });
    expect((await schedule(c, { startsAt: at(-2), endsAt: at(-1) })).json().message).toBe('Choose a start time in the future.');
    expect((await schedule(c, { startsAt: at(1), endsAt: at(14) })).statusCode).toBe(422);
    expect((await schedule(c, { kind: 'mentor_checkin' })).json().message).toMatch(/no mentor coach/);
  });

  it('reschedules into the future with a reason, never into the past', async () => {
    const m = (await schedule(c, { location: 'Room 12', agenda: 'Plan the observation' })).json();
    expect(m).toMatchObject({ status: 'scheduled', location: 'Room 12', agenda: 'Plan the observation', rescheduleCount: 0 });
    const past = await t.patch(`/api/meetings/${m.id}`, { startsAt: at(-3), endsAt: at(-2), reason: 'Oops' });
    expect(past.statusCode).toBe(422);
    const moved = await t.patch(`/api/meetings/${m.id}`, { startsAt: at(72), endsAt: at(73), reason: 'Field trip that day' });
    expect(moved.json()).toMatchObject({ rescheduleCount: 1, lastRescheduleReason: 'Field trip that day', startsAt: at(72).slice(0, 13) + moved.json().startsAt.slice(13) });
    expect((await t.patch(`/api/meetings/${m.id}`, { startsAt: at(80), endsAt: at(81) })).statusCode).toBe(400);
  });

  it('applies the agreed notice period: a short-notice cancellation is recorded as late, with who and why', async () => {
    const soon = (await schedule(c, { startsAt: at(5), endsAt: at(6) })).json();
    const later = (await schedule(c, { startsAt: at(100), endsAt: at(101) })).json();
    const late = await t.post(`/api/meetings/${soon.id}/cancellation`, { reason: 'Sick child at home' });
    expect(late.json()).toMatchObject({ status: 'cancelled', lateCancellation: true, cancelReason: 'Sick child at home', abilities: { change: false } });
    expect((await c.post(`/api/meetings/${later.id}/cancellation`, { reason: 'Training day' })).json().lateCancellation).toBe(false);
    const again = await c.post(`/api/meetings/${soon.id}/cancellation`, { reason: 'again' });
    expect(again.statusCode).toBe(409);
    expect((await c.get(`/api/meetings/${soon.id}`)).json().cancelledBy).toMatch(/coachee/);
  });

  it('records attendance, punctuality and preparation for both sides once the session has started', async () => {
    const m = (await schedule(c, { startsAt: at(1), endsAt: at(2) })).json();
    const entries = [
      { personId: coach, present: true, onTime: false, prepared: true, note: 'Ten minutes late: bus' },
      { personId: coachee, present: true, onTime: true, prepared: true },
    ];
    expect((await c.put(`/api/meetings/${m.id}/attendance`, { entries })).statusCode).toBe(422);
    w.clock.advance(90 * 60_000);
    const held = (await t.put(`/api/meetings/${m.id}/attendance`, { entries })).json();
    expect(held.status).toBe('held');
    expect(held.attendance.find((a: { personId: string }) => a.personId === coach)).toMatchObject({ present: true, onTime: false, note: 'Ten minutes late: bus' });
    expect((await c.get(`/api/meetings/${m.id}`)).json().attendance).toHaveLength(2);
    expect((await c.put(`/api/meetings/${m.id}/attendance`, { entries: [{ personId: supervisor, present: true, onTime: true, prepared: true }] })).statusCode).toBe(422);
  });

  it('shows the supervisor dates but never the agenda, and attendance only of supervisor check-ins', async () => {
    const coaching = (await schedule(c, { agenda: 'Private plans' })).json();
    const checkin = (await schedule(c, { kind: 'supervisor_checkin', startsAt: at(2), endsAt: at(3) })).json();
    w.clock.advance(2.5 * 3600_000);
    // Sessions end after two idle hours: sign in again after moving the clock.
    [c, t] = await Promise.all([w.as(coach), w.as(coachee)]);
    await c.put(`/api/meetings/${checkin.id}/attendance`, { entries: [{ personId: coachee, present: true, onTime: true, prepared: true }] });
    const sup = await w.as(supervisor);
    const list = (await sup.get(`/api/partnerships/${partnership}/meetings`)).json().items;
    const seenCoaching = list.find((m: { id: string }) => m.id === coaching.id);
    const seenCheckin = list.find((m: { id: string }) => m.id === checkin.id);
    expect(seenCoaching).toBeDefined();
    expect('agenda' in seenCoaching).toBe(false);
    expect('attendance' in seenCoaching).toBe(false);
    expect(seenCheckin.attendance).toHaveLength(1);
    expect(seenCheckin.abilities).toEqual({ change: false, recordAttendance: false });
    expect((await sup.post(`/api/meetings/${coaching.id}/cancellation`, { reason: 'x' })).statusCode).toBe(404);
  });

  it('logs each agenda read for the coachee', async () => {
    const m = (await schedule(c, { agenda: 'Look at the tally together' })).json();
    await c.get(`/api/partnerships/${partnership}/meetings`);
    const log = (await t.get('/api/access-log?limit=100')).json().items;
    expect(log.some((e: { actorId: string; itemType: string; itemId: string }) => e.actorId === coach && e.itemType === 'meeting' && e.itemId === m.id)).toBe(true);
  });
});
