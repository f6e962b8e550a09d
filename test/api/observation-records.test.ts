/**
 * Observation records (issue 10): starting a visit from a plan or without one,
 * recording events in batches that repeat, arrive late or out of order, undo,
 * ending, classroom layouts whose versions keep past taps, and who may read it.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_FOUND_BODY, type Client, type World, createWorld } from '../support/world';

let w: World;
let coach: string;
let coachee: string;
let supervisor: string;
let partnership: string;
let c: Client;
let t: Client;
let sup: Client;

const plan = (dataForm: object) => ({ focus: 'Who answers during read-aloud', mode: 'live', dataForm });
const at = (secondsFromNow = 0) => new Date(w.clock.now().getTime() + secondsFromNow * 1000).toISOString();
const ev = (tool: string, type: string, payload: object, extra: object = {}) => ({ id: randomUUID(), tool, type, payload, deviceAt: at(), ...extra });

/** A plan the coachee confirmed. */
async function confirmedPlan(dataForm: object) {
  const p = (await c.post(`/api/partnerships/${partnership}/observation-plans`, plan(dataForm))).json();
  expect((await t.post(`/api/observation-plans/${p.id}/confirmation`, { baseVersion: p.version })).statusCode).toBe(200);
  return p.id as string;
}

async function seatingChart(seats = ['S01', 'S02', 'S03']) {
  const res = await c.post(`/api/partnerships/${partnership}/classroom-layouts`, {
    name: 'Room 12, rows',
    kind: 'seating_chart',
    elements: [...seats.map((id, i) => ({ id, type: 'seat', label: id, x: 100 * i, y: 100, w: 80, h: 80 })), { id: 'board', type: 'board', x: 0, y: 0, w: 400, h: 20 }],
  });
  expect(res.statusCode).toBe(201);
  return res.json();
}

const send = (who: Client, id: string, events: unknown[]) => who.post(`/api/observations/${id}/events`, { events });

beforeAll(async () => {
  w = await createWorld();
  ({ coach, coachee, supervisor, partnership } = await w.given.expertPartnership());
  [c, t, sup] = await Promise.all([w.as(coach), w.as(coachee), w.as(supervisor)]);
});
afterAll(() => w?.close());

describe('starting an observation', () => {
  it('pre-fills the tool from the confirmed plan, and says when a visit has no plan', async () => {
    const planId = await confirmedPlan({ method: 'event_count', fields: ['Open question', 'Closed question'] });
    const started = await c.post(`/api/partnerships/${partnership}/observations`, { planId });
    expect(started.statusCode).toBe(201);
    expect(started.json()).toMatchObject({ planId, planned: true, focus: 'Who answers during read-aloud', mode: 'live', status: 'recording', subjectId: coachee, toolKinds: ['event_count'], events: [], abilities: { record: true, end: true, share: false } });
    expect(started.json().tools[0]).toMatchObject({ tool: 'event_count', categories: ['Open question', 'Closed question'] });

    const unplanned = await c.post(`/api/partnerships/${partnership}/observations`, { focus: 'Transitions', tools: [{ tool: 'duration', activities: ['Whole group', 'Transition'] }] });
    expect(unplanned.json()).toMatchObject({ planId: null, planned: false, tools: [{ tool: 'duration', activities: ['Whole group', 'Transition'], exclusive: true }] });
  });

  it('lets codes be edited when starting, and several tools in one visit', async () => {
    const planId = await confirmedPlan({ method: 'time_sample', fields: ['Whole group', 'Centres'], intervalMinutes: 3 });
    const layout = await seatingChart();
    const started = await c.post(`/api/partnerships/${partnership}/observations`, { planId, tools: [{ tool: 'time_sample', categories: ['Whole group', 'Centres', 'Transition'] }, { tool: 'verbal_flow', kinds: ['Teacher question', 'Student response'], layoutId: layout.id }] });
    expect(started.statusCode).toBe(201);
    expect(started.json().tools).toMatchObject([
      { tool: 'time_sample', categories: ['Whole group', 'Centres', 'Transition'], intervalMinutes: 3 },
      { tool: 'verbal_flow', kinds: ['Teacher question', 'Student response'], layoutId: layout.id, layoutVersion: 1 },
    ]);
    expect(started.json().layouts).toMatchObject([{ layoutId: layout.id, version: 1, name: 'Room 12, rows' }]);
  });

  it('refuses a start that cannot be carried out, with a message on the field', async () => {
    const draft = (await c.post(`/api/partnerships/${partnership}/observation-plans`, plan({ method: 'event_count', fields: ['Praise'] }))).json();
    const notConfirmed = await c.post(`/api/partnerships/${partnership}/observations`, { planId: draft.id });
    expect(notConfirmed.statusCode).toBe(422);
    expect(notConfirmed.json().details[0]).toEqual({ path: 'planId', message: 'The coachee has not confirmed this plan yet. Start once they have, or start without a plan.' });
    const noTools = await c.post(`/api/partnerships/${partnership}/observations`, {});
    expect(noTools.json().details[0].path).toBe('tools');
    const video = await confirmedPlan({ method: 'video', fields: ['Opening'] });
    expect((await c.post(`/api/partnerships/${partnership}/observations`, { planId: video })).json().details[0].path).toBe('tools');
    const twice = await c.post(`/api/partnerships/${partnership}/observations`, { tools: [{ tool: 'event_count', categories: ['A'] }, { tool: 'event_count', categories: ['B'] }] });
    expect(twice.json().details[0]).toEqual({ path: 'tools.1.tool', message: 'Each tool is used once in an observation: event count appears twice.' });
    const noCodes = await c.post(`/api/partnerships/${partnership}/observations`, { tools: [{ tool: 'event_count' }] });
    expect(noCodes.json().details[0]).toEqual({ path: 'tools.0.categories', message: 'Give event count at least one of its categories.' });
    const noLayout = await c.post(`/api/partnerships/${partnership}/observations`, { tools: [{ tool: 'verbal_flow', kinds: ['Praise'] }] });
    expect(noLayout.json().details[0].path).toBe('tools.0.layoutId');
    const future = await c.post(`/api/partnerships/${partnership}/observations`, { startedAt: at(3600), tools: [{ tool: 'event_count', categories: ['A'] }] });
    expect(future.json().details[0].path).toBe('startedAt');
    const unknownTool = await c.post(`/api/partnerships/${partnership}/observations`, { tools: [{ tool: 'artifacts' }] });
    expect(unknownTool.statusCode).toBe(400);
  });

  it('creates a visit started offline once, however often the start is sent', async () => {
    const id = randomUUID();
    const body = { id, tools: [{ tool: 'event_count', categories: ['Praise'] }], startedAt: at(-600) };
    expect((await c.post(`/api/partnerships/${partnership}/observations`, body)).statusCode).toBe(201);
    const again = await c.post(`/api/partnerships/${partnership}/observations`, body);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id, startedAt: body.startedAt });
    expect((await w.db.selectFrom('observations').select('id').where('id', '=', id).execute()).length).toBe(1);
  });

  it('lets the coach observe the coachee live, and the coachee record only their own video', async () => {
    const tools = [{ tool: 'event_count', categories: ['Praise'] }];
    expect((await t.post(`/api/partnerships/${partnership}/observations`, { tools })).statusCode).toBe(404);
    const own = await t.post(`/api/partnerships/${partnership}/observations`, { tools, mode: 'recorded' });
    expect(own.statusCode).toBe(201);
    expect(own.json().abilities).toMatchObject({ record: true, share: true });
    expect((await sup.post(`/api/partnerships/${partnership}/observations`, { tools })).json()).toEqual(NOT_FOUND_BODY);
  });
});

describe('who records', () => {
  it('in a peer partnership, each peer observes the other; nobody adds taps to a visit of their own classroom', async () => {
    const org = await w.given.organization();
    const [a, b, mentor] = await Promise.all([w.given.person(org, ['coachee']), w.given.person(org, ['coachee']), w.given.person(org, ['mentor'])]);
    const peers = await w.given.partnership(a, 'peer', [{ personId: a, role: 'peer' }, { personId: b, role: 'peer' }, { personId: mentor, role: 'mentor' }]);
    const [pa, pb] = await Promise.all([w.as(a), w.as(b)]);
    const started = await pa.post(`/api/partnerships/${peers}/observations`, { tools: [{ tool: 'event_count', categories: ['Praise'] }] });
    expect(started.json()).toMatchObject({ subjectId: b, abilities: { record: true } });
    expect((await send(pb, started.json().id, [ev('event_count', 'count', { category: 'Praise' })])).statusCode).toBe(404);
    expect((await pb.get(`/api/observations/${started.json().id}`)).json().abilities).toMatchObject({ record: false, share: true });
    expect((await pa.post(`/api/partnerships/${peers}/observations`, { subjectId: a, tools: [{ tool: 'event_count', categories: ['Praise'] }] })).statusCode).toBe(404);
  });

  it('a self-coach records their own classroom', async () => {
    const org = await w.given.organization();
    const [me, mentor] = await Promise.all([w.given.person(org, ['coachee']), w.given.person(org, ['mentor'])]);
    const self = await w.given.partnership(me, 'self', [{ personId: me, role: 'self' }, { personId: mentor, role: 'mentor' }]);
    const started = await (await w.as(me)).post(`/api/partnerships/${self}/observations`, { tools: [{ tool: 'duration', activities: ['Circle'] }] });
    expect(started.statusCode).toBe(201);
    expect(started.json()).toMatchObject({ subjectId: me, mode: 'live' });
  });
});

describe('recording events', () => {
  let obs: string;
  let startedAt: string;
  beforeAll(async () => {
    const layout = await seatingChart(['A1', 'A2']);
    ({ id: obs, startedAt } = (
      await c.post(`/api/partnerships/${partnership}/observations`, {
        tools: [
          { tool: 'selective_verbatim', categories: ['Open question'], speakers: ['T'] },
          { tool: 'event_count', categories: ['Praise', 'Redirect'] },
          { tool: 'duration', activities: ['Whole group', 'Transition'] },
          { tool: 'verbal_flow', kinds: ['Teacher question', 'Student response'], layoutId: layout.id },
          { tool: 'physical_map', tracked: ['T'], layoutId: layout.id },
          { tool: 'time_sample', categories: ['Engaged'] },
        ],
      })
    ).json());
  });

  it('accepts each tool’s events, in any order, and answers per event', async () => {
    const events = [
      ev('event_count', 'count', { category: 'Praise' }, { deviceAt: at(30) }),
      ev('selective_verbatim', 'line', { text: 'What do you think happens next?', speaker: 'T', category: 'Open question' }, { deviceAt: at(10) }),
      ev('duration', 'segment_start', { activity: 'Whole group' }),
      ev('duration', 'segment_stop', { activity: 'Whole group' }, { deviceAt: at(60) }),
      ev('verbal_flow', 'interaction', { seatId: 'A1', kind: 'Student response', toSeatId: 'A2' }),
      ev('physical_map', 'mark', { x: 120, y: 40, who: 'T', elementId: 'board' }),
      ev('physical_map', 'note', { text: 'Stands by the board for the whole read-aloud' }),
      ev('time_sample', 'interval_record', { interval: 1, category: 'Engaged', note: 'All on the rug' }),
    ];
    const res = await send(c, obs, events);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ accepted: 8, duplicates: 0, conflicts: 0, rejected: 0 });
    expect(res.json().results.map((r: { id: string; status: string }) => [r.id, r.status])).toEqual(events.map((e) => [e.id, 'accepted']));
    const read = (await c.get(`/api/observations/${obs}`)).json();
    // Events come back in device-time order, whatever order they arrived in.
    expect(read.events.map((e: { deviceAt: string }) => e.deviceAt)).toEqual([...read.events.map((e: { deviceAt: string }) => e.deviceAt)].sort());
    expect(read.events.find((e: { id: string }) => e.id === events[1].id)).toMatchObject({ tool: 'selective_verbatim', type: 'line', payload: { text: 'What do you think happens next?', speaker: 'T', category: 'Open question' }, authorId: coach, undoneBy: null });
  });

  it('stores a batch sent twice once: the second time every event is a duplicate', async () => {
    const events = Array.from({ length: 20 }, () => ev('event_count', 'count', { category: 'Redirect' }));
    expect((await send(c, obs, events)).json()).toMatchObject({ accepted: 20, duplicates: 0 });
    const before = await w.db.selectFrom('observation_events').select('id').where('observation_id', '=', obs).execute();
    const again = (await send(c, obs, events)).json();
    expect(again).toMatchObject({ accepted: 0, duplicates: 20, conflicts: 0, rejected: 0 });
    expect(again.results.every((r: { status: string; reason: null }) => r.status === 'duplicate' && r.reason === null)).toBe(true);
    expect((await w.db.selectFrom('observation_events').select('id').where('observation_id', '=', obs).execute()).length).toBe(before.length);
    // The same id twice in one batch is stored once too.
    const one = ev('event_count', 'count', { category: 'Praise' });
    expect((await send(c, obs, [one, one])).json()).toMatchObject({ accepted: 1, duplicates: 1 });
  });

  it('reports a conflict when an id comes back with different content, and changes nothing', async () => {
    const first = ev('event_count', 'count', { category: 'Praise' });
    await send(c, obs, [first]);
    const res = (await send(c, obs, [{ ...first, payload: { category: 'Redirect' } }, ev('event_count', 'count', { category: 'Praise' })])).json();
    expect(res.results[0]).toMatchObject({ id: first.id, status: 'conflict', reason: 'conflict', message: 'This id already holds a different event; nothing was changed. Give a new event a new id.' });
    expect(res.results[1].status).toBe('accepted');
    const stored = await w.db.selectFrom('observation_events').select('payload').where('id', '=', first.id).executeTakeFirstOrThrow();
    expect(JSON.parse(stored.payload)).toEqual({ category: 'Praise' });
  });

  it('accepts events that arrive late, after the end, when they were recorded before it', async () => {
    const late = (await c.post(`/api/partnerships/${partnership}/observations`, { tools: [{ tool: 'event_count', categories: ['Praise'] }] })).json().id;
    const during = ev('event_count', 'count', { category: 'Praise' }, { deviceAt: at(60) });
    w.clock.advance(10 * 60_000);
    expect((await c.post(`/api/observations/${late}/ending`, {})).statusCode).toBe(200);
    w.clock.advance(2 * 86400_000); // two days offline: signed in again
    [c, t, sup] = await Promise.all([w.as(coach), w.as(coachee), w.as(supervisor)]);
    const res = (await send(c, late, [during, ev('event_count', 'count', { category: 'Praise' })])).json();
    expect(res.results[0].status).toBe('accepted');
    expect(res.results[1]).toMatchObject({ status: 'rejected', reason: 'after_end' });
    expect(res.results[1].message).toMatch(/more than 5 minutes after the observation ended/);
  });

  it('rejects each bad event with its reason and keeps the good ones of the batch', async () => {
    const good = ev('event_count', 'count', { category: 'Praise' });
    const bad = [
      ev('artifacts', 'photo', {}),
      ev('event_count', 'wave', { category: 'Praise' }),
      ev('event_count', 'count', { category: 'Yelling' }),
      ev('verbal_flow', 'interaction', { seatId: 'Z9', kind: 'Teacher question' }),
      ev('verbal_flow', 'interaction', { seatId: 'A1', kind: 'Gossip' }),
      ev('duration', 'segment_start', { activity: 'Recess' }),
      ev('event_count', 'count', { category: 'Praise' }, { deviceAt: at(3600) }),
      ev('event_count', 'count', { category: 'Praise' }, { deviceAt: new Date(new Date(startedAt).getTime() - 3600_000).toISOString() }),
      ev('event_count', 'count', { category: 'Praise', extra: 1 }),
      { id: 'not-a-uuid', tool: 'event_count', type: 'count', payload: { category: 'Praise' }, deviceAt: at() },
      'just a string',
      ev('selective_verbatim', 'line', { text: '', speaker: 'T' }),
      ev('event_count', 'undo', { eventId: randomUUID() }),
      ev('time_sample', 'interval_record', { interval: 1000, category: 'Engaged' }),
    ];
    const res = await send(c, obs, [good, ...bad]);
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ accepted: 1, rejected: bad.length });
    const byIndex = (i: number) => r.results[i + 1];
    expect(byIndex(0)).toMatchObject({ reason: 'unknown_tool', message: '"artifacts" is not a tool in use in this observation. Tools in use: selective verbatim, event count, duration, verbal flow, physical map, time sample.' });
    expect(byIndex(1)).toMatchObject({ reason: 'unknown_type', message: '"wave" is not something event count records. Use one of: count, undo, pause, resume.' });
    expect(byIndex(2)).toMatchObject({ reason: 'unknown_code', message: '"Yelling" is not one of the categories of event count in this observation: Praise, Redirect.' });
    expect(byIndex(3)).toMatchObject({ reason: 'unknown_place', message: '"Z9" is not on the layout this observation uses (version 1); taps stay on the seats and places they were made on.' });
    expect(byIndex(4)).toMatchObject({ reason: 'unknown_code' });
    expect(byIndex(4).message).toContain('kinds of interaction of verbal flow');
    expect(byIndex(5)).toMatchObject({ reason: 'unknown_code' });
    expect(byIndex(6)).toMatchObject({ reason: 'in_future' });
    expect(byIndex(6).message).toMatch(/more than 5 minutes ahead of the server/);
    expect(byIndex(7)).toMatchObject({ reason: 'before_start' });
    expect(byIndex(8)).toMatchObject({ reason: 'malformed' });
    expect(byIndex(8).message).toContain('payload');
    expect(byIndex(9)).toMatchObject({ reason: 'malformed', id: 'not-a-uuid' });
    expect(byIndex(10)).toMatchObject({ reason: 'malformed', id: null });
    expect(byIndex(11)).toMatchObject({ reason: 'malformed' });
    expect(byIndex(12)).toMatchObject({ reason: 'undo_target' });
    expect(byIndex(13)).toMatchObject({ reason: 'interval_ahead' });
    expect(byIndex(13).message).toMatch(/^Interval 1000 had not started yet at .* UTC: record an interval during it or after it; missed intervals stay empty\.$/);
    // A rejected event was not stored: once fixed, the same id is accepted.
    const fixed = { ...(bad[2] as { id: string }), payload: { category: 'Redirect' } };
    expect((await send(c, obs, [fixed])).json().results[0].status).toBe('accepted');
  });

  it('answers in the reader’s language', async () => {
    await t.put('/api/me/language', { language: 'es' });
    const own = (await t.post(`/api/partnerships/${partnership}/observations`, { mode: 'recorded', tools: [{ tool: 'event_count', categories: ['Elogio'] }] })).json().id;
    const res = (await send(t, own, [ev('event_count', 'count', { category: 'Grito' })])).json();
    expect(res.results[0].message).toBe('"Grito" no es una de las categorías de conteo de eventos en esta observación: Elogio.');
    await t.put('/api/me/language', { language: null });
  });

  it('refuses more than 1,000 events in one request', async () => {
    const res = await send(c, obs, Array.from({ length: 1001 }, () => ev('event_count', 'count', { category: 'Praise' })));
    expect(res.statusCode).toBe(400);
  });

  it('undoes a tap with an event of its own: the tap is kept and marked', async () => {
    const tap = ev('event_count', 'count', { category: 'Praise' });
    const undo = ev('event_count', 'undo', { eventId: tap.id });
    // The undo may come first in the batch.
    expect((await send(c, obs, [undo, tap])).json()).toMatchObject({ accepted: 2 });
    const read = (await c.get(`/api/observations/${obs}`)).json();
    expect(read.events.find((e: { id: string }) => e.id === tap.id).undoneBy).toBe(undo.id);
    expect(read.events.find((e: { id: string }) => e.id === undo.id)).toMatchObject({ type: 'undo', payload: { eventId: tap.id } });
    // An undo of an undo, or of another tool's event, is refused.
    expect((await send(c, obs, [ev('event_count', 'undo', { eventId: undo.id })])).json().results[0].reason).toBe('undo_target');
    const line = ev('selective_verbatim', 'line', { text: 'Thank you', speaker: 'T' });
    expect((await send(c, obs, [line, ev('event_count', 'undo', { eventId: line.id })])).json().results.map((r: { status: string }) => r.status)).toEqual(['accepted', 'rejected']);
  });

  it('syncs 10,000 queued events in 10 batches, and sending them all again changes nothing', async () => {
    const big = (await c.post(`/api/partnerships/${partnership}/observations`, { tools: [{ tool: 'event_count', categories: ['Praise', 'Redirect'] }] })).json().id;
    const start = w.clock.now().getTime();
    const queue = Array.from({ length: 10_000 }, (_, i) => ({ id: randomUUID(), tool: 'event_count', type: 'count', payload: { category: i % 3 ? 'Praise' : 'Redirect' }, deviceAt: new Date(start + i * 100).toISOString() }));
    w.clock.advance(20 * 60_000);
    // The device was cut off after the fourth batch: it resumes by sending everything again.
    for (let b = 0; b < 4; b++) expect((await send(c, big, queue.slice(b * 1000, (b + 1) * 1000))).json().accepted).toBe(1000);
    const totals = { accepted: 0, duplicates: 0 };
    for (let b = 0; b < 10; b++) {
      const r = (await send(c, big, queue.slice(b * 1000, (b + 1) * 1000))).json();
      totals.accepted += r.accepted;
      totals.duplicates += r.duplicates;
    }
    expect(totals).toEqual({ accepted: 6000, duplicates: 4000 });
    const count = await w.db.selectFrom('observation_events').select((eb) => eb.fn.countAll<number>().as('n')).where('observation_id', '=', big).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(10_000);
    const read = (await c.get(`/api/observations/${big}`)).json();
    expect(read.events).toHaveLength(10_000);
  }, 120_000);
});

describe('pausing', () => {
  it('takes pause and resume under any tool of the visit, and answers a bad one clearly', async () => {
    const id = (await c.post(`/api/partnerships/${partnership}/observations`, { tools: [{ tool: 'event_count', categories: ['Praise'] }, { tool: 'duration', activities: ['Whole group'] }] })).json().id;
    const pause = ev('event_count', 'pause', {});
    const resume = ev('duration', 'resume', {}, { deviceAt: at(60) });
    w.clock.advance(120_000);
    const res = (await send(c, id, [pause, resume, ev('event_count', 'pause', { why: 'fire drill' }), ev('event_count', 'stop', {}), ev('event_count', 'undo', { eventId: pause.id })])).json();
    expect(res.results.map((r: { status: string; reason: string | null }) => [r.status, r.reason])).toEqual([
      ['accepted', null],
      ['accepted', null],
      ['rejected', 'malformed'],
      ['rejected', 'unknown_type'],
      ['rejected', 'undo_target'],
    ]);
    expect(res.results[3].message).toBe('"stop" is not something event count records. Use one of: count, undo, pause, resume.');
    const read = (await c.get(`/api/observations/${id}`)).json();
    expect(read.events.map((e: { type: string }) => e.type)).toEqual(['pause', 'resume']);
  });
});

describe('ending', () => {
  it('ends once; a second end says when it ended and changes nothing', async () => {
    const id = (await c.post(`/api/partnerships/${partnership}/observations`, { tools: [{ tool: 'event_count', categories: ['Praise'] }] })).json().id;
    w.clock.advance(60_000);
    const ended = await c.post(`/api/observations/${id}/ending`, {});
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({ status: 'ended', endedById: coach, abilities: { end: false } });
    const endedAt = ended.json().endedAt as string;
    w.clock.advance(60_000);
    const again = await c.post(`/api/observations/${id}/ending`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json()).toEqual({ code: 'CONFLICT', message: `This observation was already ended at ${endedAt.slice(0, 16).replace('T', ' ')} UTC; nothing was changed.` });
    expect((await c.get(`/api/observations/${id}`)).json()).toMatchObject({ endedAt, version: 2 });
  });

  it('answers the same end sent again by its author as done (a tablet that never heard the answer), once', async () => {
    const id = (await c.post(`/api/partnerships/${partnership}/observations`, { tools: [{ tool: 'event_count', categories: ['Praise'] }] })).json().id;
    const endedAt = at();
    w.clock.advance(60_000);
    expect((await c.post(`/api/observations/${id}/ending`, { endedAt })).statusCode).toBe(200);
    const again = await c.post(`/api/observations/${id}/ending`, { endedAt });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ status: 'ended', endedAt, version: 2 });
    // Another end time is another end: refused, with when it ended.
    expect((await c.post(`/api/observations/${id}/ending`, { endedAt: at(-30) })).statusCode).toBe(409);
  });
});

describe('classroom layouts', () => {
  it('keeps the taps on a seat removed in a later version, and refuses new taps on it', async () => {
    const layout = await seatingChart(['S01', 'S02', 'S03']);
    const before = (await c.post(`/api/partnerships/${partnership}/observations`, { tools: [{ tool: 'verbal_flow', kinds: ['Student response'], layoutId: layout.id }] })).json().id;
    const tap = ev('verbal_flow', 'interaction', { seatId: 'S03', kind: 'Student response' });
    expect((await send(c, before, [tap])).json().accepted).toBe(1);
    // S03 moves away: a new version without it.
    const saved = await t.put(`/api/classroom-layouts/${layout.id}`, { name: 'Room 12, pods', elements: layout.elements.filter((e: { id: string }) => e.id !== 'S03'), baseVersion: 1 });
    expect(saved.json()).toMatchObject({ version: 2, name: 'Room 12, pods' });
    // The earlier observation still uses version 1: its tap and its seat are there, and S03 can still be tapped in it.
    const read = (await c.get(`/api/observations/${before}`)).json();
    expect(read.layouts[0]).toMatchObject({ version: 1, name: 'Room 12, rows' });
    expect(read.layouts[0].elements.map((e: { id: string }) => e.id)).toContain('S03');
    expect(read.events[0]).toMatchObject({ id: tap.id, payload: { seatId: 'S03' } });
    // A new visit uses version 2, where S03 is gone.
    const after = (await c.post(`/api/partnerships/${partnership}/observations`, { tools: [{ tool: 'verbal_flow', kinds: ['Student response'], layoutId: layout.id }] })).json();
    expect(after.tools[0].layoutVersion).toBe(2);
    const refused = (await send(c, after.id, [ev('verbal_flow', 'interaction', { seatId: 'S03', kind: 'Student response' })])).json().results[0];
    expect(refused).toMatchObject({ status: 'rejected', reason: 'unknown_place', message: '"S03" is not on the layout this observation uses (version 2); taps stay on the seats and places they were made on.' });
  });

  it('keeps the version a visit started offline names, and refuses a version the layout never had', async () => {
    const layout = await seatingChart(['S01', 'S02']);
    expect((await t.put(`/api/classroom-layouts/${layout.id}`, { name: 'v2', elements: layout.elements.slice(0, 1), baseVersion: 1 })).statusCode).toBe(200);
    const started = await c.post(`/api/partnerships/${partnership}/observations`, { tools: [{ tool: 'verbal_flow', kinds: ['Student response'], layoutId: layout.id, layoutVersion: 1 }] });
    expect(started.statusCode).toBe(201);
    expect(started.json().tools[0]).toMatchObject({ layoutVersion: 1 });
    expect(started.json().layouts[0]).toMatchObject({ version: 1, name: 'Room 12, rows' });
    const unknown = await c.post(`/api/partnerships/${partnership}/observations`, { tools: [{ tool: 'verbal_flow', kinds: ['Student response'], layoutId: layout.id, layoutVersion: 7 }] });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().details[0]).toEqual({ path: 'tools.0.layoutVersion', message: 'This layout has no version 7 (its latest is 2). Leave the version out to use the latest.' });
  });

  it('refuses a stale save with a conflict, and duplicate element ids', async () => {
    const layout = await seatingChart(['S01']);
    expect((await c.put(`/api/classroom-layouts/${layout.id}`, { name: 'v2', elements: layout.elements, baseVersion: 1 })).statusCode).toBe(200);
    const stale = await t.put(`/api/classroom-layouts/${layout.id}`, { name: 'mine', elements: layout.elements, baseVersion: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT', message: 'Someone saved a newer version (2) of this layout while you were editing. Reload to see it, then make your change again.' });
    const twice = await c.post(`/api/partnerships/${partnership}/classroom-layouts`, { name: 'x', kind: 'room_map', elements: [{ id: 'd', type: 'door', x: 0, y: 0, w: 1, h: 1 }, { id: 'd', type: 'rug', x: 0, y: 0, w: 1, h: 1 }] });
    expect(twice.json().details[0]).toEqual({ path: 'elements.1.id', message: 'Each element of a layout needs its own id: "d" appears twice.' });
    const list = (await t.get(`/api/partnerships/${partnership}/classroom-layouts`)).json().items;
    expect(list.find((l: { id: string }) => l.id === layout.id)).toMatchObject({ version: 2, name: 'v2', abilities: { edit: true } });
    expect((await sup.get(`/api/partnerships/${partnership}/classroom-layouts`)).statusCode).toBe(404);
  });
});

describe('who reads an observation', () => {
  let obs: string;
  beforeAll(async () => {
    obs = (await c.post(`/api/partnerships/${partnership}/observations`, { focus: 'Wait time after questions', tools: [{ tool: 'selective_verbatim', categories: [] }] })).json().id;
    await send(c, obs, [ev('selective_verbatim', 'line', { text: 'Take a moment to think.', speaker: 'T' })]);
  });
  const logged = async (actorId: string) =>
    (await w.db.selectFrom('access_log').select(['item_id', 'relation']).where('item_type', '=', 'observation').where('item_id', '=', obs).where('actor_id', '=', actorId).execute()).length;

  it('lets the coachee read it (logged)', async () => {
    const res = await t.get(`/api/observations/${obs}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().events[0].payload.text).toBe('Take a moment to think.');
    expect(await logged(coachee)).toBeGreaterThan(0);
  });

  it('hides it from the supervisor until shared (404, same as a missing id), and from lists', async () => {
    expect((await sup.get(`/api/observations/${obs}`)).json()).toEqual(NOT_FOUND_BODY);
    expect((await sup.get(`/api/observations/${randomUUID()}`)).json()).toEqual(NOT_FOUND_BODY);
    expect((await sup.get(`/api/partnerships/${partnership}/observations`)).statusCode).toBe(404);
    expect((await send(sup, obs, [ev('selective_verbatim', 'line', { text: 'x', speaker: 'T' })])).json()).toEqual(NOT_FOUND_BODY);
    expect((await sup.post(`/api/observations/${obs}/ending`, {})).json()).toEqual(NOT_FOUND_BODY);
    expect(await logged(supervisor)).toBe(0);
  });

  it('after the coachee shares it, the supervisor reads it (logged), without abilities; after withdrawal, not', async () => {
    const share = await t.post(`/api/partnerships/${partnership}/shares`, { granteeId: supervisor, itemType: 'observation', itemId: obs });
    expect(share.statusCode).toBe(201);
    const res = await sup.get(`/api/observations/${obs}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ focus: 'Wait time after questions', abilities: { record: false, end: false, share: false } });
    expect(await logged(supervisor)).toBe(1);
    // In "shared with me", in words.
    const opened = await sup.get(`/api/shared-with-me/${share.json().id}/${obs}`);
    expect(opened.statusCode).toBe(200);
    expect(opened.json()).toMatchObject({ title: 'Observation: Wait time after questions' });
    expect(opened.json().body).toContain('Selective verbatim: 1 record');
    // Sharing reads; it never lets them record.
    expect((await send(sup, obs, [ev('selective_verbatim', 'line', { text: 'x', speaker: 'T' })])).statusCode).toBe(404);
    expect((await t.delete(`/api/shares/${share.json().id}`)).statusCode).toBe(200);
    expect((await sup.get(`/api/observations/${obs}`)).statusCode).toBe(404);
  });

  it('lists observations without their events for members, each read logged', async () => {
    const list = await t.get(`/api/partnerships/${partnership}/observations`);
    expect(list.statusCode).toBe(200);
    const item = list.json().items.find((o: { id: string }) => o.id === obs);
    expect(item).toMatchObject({ planned: false, toolKinds: ['selective_verbatim'], status: 'recording' });
    expect(item).not.toHaveProperty('events');
  });

  it('shares all observations as a category', async () => {
    const share = await t.post(`/api/partnerships/${partnership}/shares`, { granteeId: supervisor, category: 'observations' });
    expect(share.statusCode).toBe(201);
    expect((await sup.get(`/api/observations/${obs}`)).statusCode).toBe(200);
    await t.delete(`/api/shares/${share.json().id}`);
  });
});
