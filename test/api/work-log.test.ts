/**
 * The coach's own work log (issue 12, item 7): the coach records time by activity; the
 * administrators the coach signed a partnership meeting agreement with see totals only; the coach
 * sees exactly what they see. Privacy comes in pairs: who may, beside who may not (404).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenSignedAgreement } from '../support/admin-agreement';
import { type Client, NOT_FOUND_BODY, type World, createWorld } from '../support/world';

let w: World;
let org: string;
let coach: string;
let coachee: string;
let principal: string;
let otherSupervisor: string;
let leader: string;
let partnership: string;
let c: Client;
let p: Client;

const NOTE = 'PRIVATE-NOTE Maya cried after the lesson; talk about it gently.';

beforeAll(async () => {
  w = await createWorld();
  // Tuesday 1 September 2026: the week runs Monday 31 August to Sunday 6 September.
  ({ org, coach, coachee, partnership } = await w.given.expertPartnership());
  await w.db.updateTable('people').set({ name: 'Rosa Teacher' }).where('id', '=', coachee).execute();
  principal = await w.given.person(org, ['supervisor'], 'Pat Principal');
  otherSupervisor = await w.given.person(org, ['supervisor'], 'Otto Supervisor');
  leader = await w.given.person(org, ['leader'], 'Lee Leader');
  [c, p] = await Promise.all([w.as(coach), w.as(principal)]);
});
afterAll(() => w?.close());

describe('the coach keeps a log of their own time', () => {
  it('adds entries by minutes or from–to, shows the week with totals per activity, and last week to repeat from', async () => {
    const a = await c.post('/api/work-log', { workedOn: '2026-08-31', activity: 'coaching_sessions', minutes: 45, partnershipId: partnership, note: NOTE });
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json()).toMatchObject({ minutes: 45, partnershipId: partnership, note: NOTE, abilities: { edit: true, remove: true } });
    expect(a.json().partnershipLabel).toContain('Rosa Teacher');
    const b = await c.post('/api/work-log', { workedOn: '2026-09-01', activity: 'planning', from: '08:15', to: '09:00' });
    expect(b.json()).toMatchObject({ minutes: 45, from: '08:15', to: '09:00', partnershipId: null });
    expect((await c.post('/api/work-log', { workedOn: '2026-08-25', activity: 'observations', minutes: 30 })).statusCode).toBe(201);

    const week = (await c.get('/api/work-log')).json();
    expect(week).toMatchObject({ weekStart: '2026-08-31', weekEnd: '2026-09-06', today: '2026-09-01', total: 90, abilities: { add: true } });
    expect(week.entries.map((e: { activity: string }) => e.activity)).toEqual(['coaching_sessions', 'planning']);
    expect(week.totals).toContainEqual({ activity: 'planning', minutes: 45 });
    expect(week.totals).toContainEqual({ activity: 'modelling', minutes: 0 });
    expect(week.lastWeek.map((e: { activity: string }) => e.activity)).toEqual(['observations']);
    expect(week.partnerships.map((x: { id: string }) => x.id)).toEqual([partnership]);

    const previous = (await c.get('/api/work-log?week=2026-08-27')).json();
    expect(previous).toMatchObject({ weekStart: '2026-08-24', total: 30 });
  });

  it('changes and removes its own entries; nobody else finds them (404)', async () => {
    const entry = (await c.post('/api/work-log', { workedOn: '2026-09-01', activity: 'modelling', minutes: 20 })).json();
    const changed = await c.patch(`/api/work-log/${entry.id}`, { minutes: 25, note: 'Modelled think-aloud.' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ minutes: 25, note: 'Modelled think-aloud.', activity: 'modelling' });
    const toTimes = await c.patch(`/api/work-log/${entry.id}`, { from: '10:00', to: '10:30' });
    expect(toTimes.json()).toMatchObject({ minutes: 30, from: '10:00', to: '10:30' });

    for (const other of [p, await w.as(coachee), await w.as(leader)]) {
      const res = await other.patch(`/api/work-log/${entry.id}`, { minutes: 5 });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual(NOT_FOUND_BODY);
      expect((await other.delete(`/api/work-log/${entry.id}`)).statusCode).toBe(404);
    }
    expect((await c.delete(`/api/work-log/${entry.id}`)).statusCode).toBe(204);
    expect((await c.delete(`/api/work-log/${entry.id}`)).statusCode).toBe(404);
  });

  it('is kept by coaches: a teacher, a supervisor or a leader has no log of their own (404)', async () => {
    const me = (await c.get('/api/me')).json();
    expect(me.abilities).toMatchObject({ workLog: true, coachesWorkLogs: false });
    expect((await p.get('/api/me')).json().abilities).toMatchObject({ workLog: false, coachesWorkLogs: true });
    for (const other of [p, await w.as(coachee), await w.as(leader)]) {
      expect((await other.get('/api/work-log')).statusCode).toBe(404);
      expect((await other.post('/api/work-log', { workedOn: '2026-09-01', activity: 'planning', minutes: 30 })).statusCode).toBe(404);
      expect((await other.get('/api/work-log/audience')).statusCode).toBe(404);
    }
  });

  it('checks what it is given, with messages a person can act on', async () => {
    const refuse = async (body: object, status: number, path: string) => {
      const res = await c.post('/api/work-log', { workedOn: '2026-09-01', activity: 'planning', ...body });
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().details?.map((d: { path: string }) => d.path.replace(/^body\./, ''))).toContain(path);
      return res.json().message as string;
    };
    await refuse({ minutes: 0 }, 400, 'minutes');
    await refuse({ minutes: 1441 }, 400, 'minutes');
    await refuse({ minutes: 2.5 }, 400, 'minutes');
    await refuse({ activity: 'lunch', minutes: 30 }, 400, 'activity');
    await refuse({ from: '9:00', to: '10:00' }, 400, 'from');
    expect(await refuse({}, 422, 'minutes')).toMatch(/how long/i);
    expect(await refuse({ from: '10:00', to: '09:00' }, 422, 'to')).toMatch(/after the start/);
    expect(await refuse({ from: '10:00' }, 422, 'to')).toMatch(/how long/i);
    expect(await refuse({ from: '09:00', to: '10:00', minutes: 30 }, 422, 'minutes')).toMatch(/one or the other/);
    // Time already spent: today is the latest day (in the organization's time zone); a school year back at most.
    expect(await refuse({ workedOn: '2026-09-02', minutes: 30 }, 422, 'workedOn')).toMatch(/today or an earlier day/);
    expect(await refuse({ workedOn: '2025-07-01', minutes: 30 }, 422, 'workedOn')).toMatch(/last 400 days/);
    // A partnership in which the coach does not coach, or one that does not exist: the same answer.
    const elsewhere = await w.given.expertPartnership();
    expect(await refuse({ minutes: 30, partnershipId: elsewhere.partnership }, 422, 'partnershipId')).toMatch(/partnerships in which you coach/);
    expect(await refuse({ minutes: 30, partnershipId: '00000000-0000-4000-8000-000000000000' }, 422, 'partnershipId')).toMatch(/partnerships in which you coach/);
    // In Spanish too.
    await w.db.updateTable('people').set({ language: 'es' }).where('id', '=', coach).execute();
    const es = await w.as(coach);
    const res = await es.post('/api/work-log', { workedOn: '2026-09-02', activity: 'planning', minutes: 30 });
    expect(res.json().message).toMatch(/elige hoy o un día anterior/);
    await w.db.updateTable('people').set({ language: null }).where('id', '=', coach).execute();
  });
});

describe('administrators see totals, never content', () => {
  it('a supervisor who did not agree with the coach: 404, like a person who does not exist — and no coaches listed', async () => {
    for (const who of [p, await w.as(otherSupervisor), await w.as(leader), await w.as(coachee)]) {
      const res = await who.get(`/api/people/${coach}/work-log-totals`);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual(NOT_FOUND_BODY);
      expect((await who.get('/api/work-log/coaches')).json().items).toEqual([]);
    }
    expect((await p.get('/api/people/00000000-0000-4000-8000-000000000000/work-log-totals')).json()).toEqual(NOT_FOUND_BODY);
  });

  it('an agreement not signed by everyone is not in force: still 404', async () => {
    await givenSignedAgreement(w.db, w.clock, { orgId: org, coaches: [coach], administrators: [{ personId: principal }], namesMayBeUsed: true, unsigned: true });
    expect((await p.get(`/api/people/${coach}/work-log-totals`)).statusCode).toBe(404);
  });

  it('the administrator who agreed sees the coach\'s totals by activity and week — beside another supervisor who did not: 404', async () => {
    await givenSignedAgreement(w.db, w.clock, { orgId: org, coaches: [coach], administrators: [{ personId: principal }], namesMayBeUsed: false });
    const coaches = (await p.get('/api/work-log/coaches')).json().items;
    expect(coaches).toEqual([{ personId: coach, name: expect.any(String), namesMayBeUsed: false }]);
    const res = await p.get(`/api/people/${coach}/work-log-totals`);
    expect(res.statusCode, res.body).toBe(200);
    const totals = res.json();
    expect(totals.weeks).toHaveLength(12);
    expect(totals.weeks.at(-1)).toMatchObject({ weekStart: '2026-08-31', total: 90 });
    expect(totals.weeks.at(-2)).toMatchObject({ weekStart: '2026-08-24', total: 30 });
    expect(totals.byActivity).toContainEqual({ activity: 'coaching_sessions', minutes: 45 });
    expect(totals.total).toBe(120);
    expect((await (await w.as(otherSupervisor)).get(`/api/people/${coach}/work-log-totals`)).statusCode).toBe(404);
    expect((await (await w.as(otherSupervisor)).get('/api/work-log/coaches')).json().items).toEqual([]);
  });

  it('the administrator never sees a note or a partnership, and no teacher\'s name unless agreed', async () => {
    const body = (await p.get(`/api/people/${coach}/work-log-totals?weeks=4`)).body;
    expect(body).not.toContain('PRIVATE-NOTE');
    expect(body).not.toContain(partnership);
    expect(body).not.toContain('Rosa Teacher');
    expect(JSON.parse(body)).toMatchObject({ namesMayBeUsed: false, teachers: null });
    // Nor can the administrator reach the entries themselves.
    expect((await p.get(`/api/work-log?week=2026-08-31`)).statusCode).toBe(404);
  });

  it('names only when agreed: then totals per teacher too', async () => {
    const ap = await w.given.person(org, ['supervisor'], 'Ana Assistant');
    await givenSignedAgreement(w.db, w.clock, { orgId: org, coaches: [coach], administrators: [{ personId: ap, role: 'assistant_principal' }], namesMayBeUsed: true });
    const totals = (await (await w.as(ap)).get(`/api/people/${coach}/work-log-totals`)).json();
    expect(totals).toMatchObject({ namesMayBeUsed: true, teachers: [{ name: 'Rosa Teacher', minutes: 45 }] });
    expect(JSON.stringify(totals)).not.toContain('PRIVATE-NOTE');
    expect(JSON.stringify(totals)).not.toContain(partnership);
    // The principal's agreement said no: still no names for the principal.
    expect((await p.get(`/api/people/${coach}/work-log-totals`)).json().teachers).toBeNull();
  });

  it('the coach sees exactly what each administrator sees, who sees it, and who looked', async () => {
    const ap = (await c.get('/api/work-log/audience')).json().administrators.find((a: { name: string }) => a.name === 'Ana Assistant').personId as string;
    const asPrincipal = await c.get(`/api/people/${coach}/work-log-totals?as=${principal}`);
    expect(asPrincipal.json()).toEqual((await p.get(`/api/people/${coach}/work-log-totals`)).json());
    const asAssistant = await c.get(`/api/people/${coach}/work-log-totals?as=${ap}`);
    expect(asAssistant.json()).toEqual((await (await w.as(ap)).get(`/api/people/${coach}/work-log-totals`)).json());
    // Someone the coach did not agree with is not a view the coach can take.
    expect((await c.get(`/api/people/${coach}/work-log-totals?as=${otherSupervisor}`)).statusCode).toBe(422);

    const audience = (await c.get('/api/work-log/audience')).json();
    expect(audience.administrators.map((a: { name: string; namesMayBeUsed: boolean }) => [a.name, a.namesMayBeUsed]).sort()).toEqual([
      ['Ana Assistant', true],
      ['Pat Principal', false],
    ]);
    // The coach's own looks are not recorded; the administrators' are, one line per person and day.
    expect(audience.seenBy.map((r: { name: string }) => r.name).sort()).toEqual(['Ana Assistant', 'Pat Principal']);
    expect(audience.seenBy.find((r: { name: string }) => r.name === 'Pat Principal')).toMatchObject({ day: '2026-09-01' });
    expect(audience.seenBy.find((r: { name: string }) => r.name === 'Pat Principal').times).toBeGreaterThanOrEqual(3);
    // Who looked is the coach's to know: not the administrators'.
    expect((await p.get('/api/work-log/audience')).statusCode).toBe(404);
  });
});
