/**
 * The leaks found by trying the app as a supervisor and a leader (issue 8), each
 * as a pair: what the people in the partnership can, and what the supervisor
 * cannot; and the access log a coachee can use to see who read which item.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_KINDS } from '../../shared/src/domain';
import { KINDS } from '../../server/src/privacy/kinds';
import { type Client, type World, createWorld } from '../support/world';

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
let l: Client;

beforeAll(async () => {
  w = await createWorld();
  ({ org, coach, coachee, supervisor, partnership } = await w.given.expertPartnership());
  leader = await w.given.person(org, ['leader']);
  [c, t, s, l] = await Promise.all([w.as(coach), w.as(coachee), w.as(supervisor), w.as(leader)]);
});
afterAll(() => w?.close());

const inDays = (days: number, hours = 1) => ({
  startsAt: new Date(w.clock.now().getTime() + days * 86400_000).toISOString(),
  endsAt: new Date(w.clock.now().getTime() + days * 86400_000 + hours * 3600_000).toISOString(),
});
const logOf = async (query = '') => (await t.get(`/api/access-log?limit=100${query}`)).json().items as Array<Record<string, unknown>>;
const readsBy = async (actorId: string, itemId: string) => (await logOf(`&actorId=${actorId}&itemId=${itemId}`)).reduce((n, e) => n + (e.count as number), 0);

describe('reasons stay with the people in the partnership', () => {
  it('the coachee and coach read why the partnership paused; the supervisor and leader see only that it did', async () => {
    expect((await c.post(`/api/partnerships/${partnership}/status`, { to: 'paused', reason: 'Taylor is on leave after a hard week' })).statusCode).toBe(200);
    expect((await t.post(`/api/partnerships/${partnership}/status`, { to: 'active', reason: 'Back and ready' })).statusCode).toBe(200);
    const mine = (await t.get(`/api/partnerships/${partnership}`)).json();
    expect(mine.statusHistory.map((e: { reason: string | null }) => e.reason)).toContain('Taylor is on leave after a hard week');
    for (const outsider of [s, l]) {
      const seen = (await outsider.get(`/api/partnerships/${partnership}`)).json();
      expect(seen.statusHistory.at(-2)).toEqual({ from: 'active', to: 'paused', by: expect.any(String), at: expect.any(String) });
      expect(JSON.stringify(seen)).not.toContain('hard week');
      expect(JSON.stringify(seen)).not.toContain('Back and ready');
    }
  });

  it('members read why a session was cancelled or moved; the supervisor sees that it was, when and by whom, never why', async () => {
    const moved = (await c.post(`/api/partnerships/${partnership}/meetings`, { kind: 'coaching_meeting', ...inDays(3), location: 'Room 12, by the window', agenda: 'The question tally' })).json();
    expect((await c.patch(`/api/meetings/${moved.id}`, { ...inDays(4), reason: 'Taylor broke down after the walkthrough' })).statusCode).toBe(200);
    expect((await t.post(`/api/meetings/${moved.id}/cancellation`, { reason: 'Still not ready to talk' })).statusCode).toBe(200);
    const member = (await c.get(`/api/meetings/${moved.id}`)).json();
    expect(member).toMatchObject({ cancelReason: 'Still not ready to talk', lastRescheduleReason: 'Taylor broke down after the walkthrough', location: 'Room 12, by the window', agenda: 'The question tally' });
    for (const outsider of [s, l]) {
      const one = (await outsider.get(`/api/meetings/${moved.id}`)).json();
      expect(one).toMatchObject({ kind: 'coaching_meeting', status: 'cancelled', cancelledBy: expect.any(String), cancelledAt: expect.any(String), rescheduleCount: 1, startsAt: expect.any(String) });
      for (const field of ['cancelReason', 'lastRescheduleReason', 'location', 'agenda', 'hasAgenda']) expect(one).not.toHaveProperty(field);
      const list = (await outsider.get(`/api/partnerships/${partnership}/meetings`)).json().items;
      expect(JSON.stringify(list)).not.toMatch(/walkthrough|not ready|window|tally/);
    }
  });

  it('the supervisor sees who came to their own check-in, but not the notes on attendance', async () => {
    const checkin = (await c.post(`/api/partnerships/${partnership}/meetings`, { kind: 'supervisor_checkin', ...inDays(1) })).json();
    await w.db.updateTable('meetings').set({ starts_at: new Date(w.clock.now().getTime() - 60_000).toISOString() }).where('id', '=', checkin.id).execute();
    expect((await c.put(`/api/meetings/${checkin.id}/attendance`, { entries: [{ personId: coachee, present: true, onTime: false, prepared: true, note: 'Arrived upset from the parent meeting' }] })).statusCode).toBe(200);
    expect((await t.get(`/api/meetings/${checkin.id}`)).json().attendance[0].note).toBe('Arrived upset from the parent meeting');
    const seen = (await s.get(`/api/meetings/${checkin.id}`)).json();
    expect(seen.attendance).toEqual([{ personId: coachee, name: expect.any(String), present: true, onTime: false, prepared: true, recordedBy: expect.any(String), recordedAt: expect.any(String) }]);
    expect((await l.get(`/api/meetings/${checkin.id}`)).json()).not.toHaveProperty('attendance');
  });
});

describe('session agendas are read one at a time', () => {
  it('listing the sessions logs no agenda; opening one does, once per opening', async () => {
    const m = (await c.post(`/api/partnerships/${partnership}/meetings`, { kind: 'coaching_meeting', ...inDays(6), agenda: 'Look at the tally' })).json();
    const before = await readsBy(coach, m.id);
    const list = (await c.get(`/api/partnerships/${partnership}/meetings`)).json().items;
    expect(list.find((x: { id: string }) => x.id === m.id)).toMatchObject({ hasAgenda: true });
    expect(list.find((x: { id: string }) => x.id === m.id)).not.toHaveProperty('agenda');
    expect(await readsBy(coach, m.id)).toBe(before);
    expect((await c.get(`/api/meetings/${m.id}`)).json().agenda).toBe('Look at the tally');
    expect(await readsBy(coach, m.id)).toBe(before + 1);
  });
});

describe('linked items appear only when the viewer may read them', () => {
  it('a shared celebration, plan or reflection does not carry the title or steps of a goal that was not shared', async () => {
    const goal = (await t.post(`/api/partnerships/${partnership}/goals`, { title: 'Stop dreading Mondays', steps: [{ description: 'Ask for a planning period', responsible: 'coachee' }] })).json();
    const cel = (await c.post(`/api/partnerships/${partnership}/celebrations`, { kind: 'progress', text: 'Three calm Mondays in a row', goalId: goal.id })).json();
    const plan = (await c.post(`/api/partnerships/${partnership}/observation-plans`, { focus: 'Morning meeting', mode: 'live', goalId: goal.id, dataForm: { method: 'event_count', fields: ['Greeting'] } })).json();
    const reflection = (await t.post(`/api/partnerships/${partnership}/reflections`, { answers: [{ key: 'noticed', answer: 'Mondays felt lighter' }], goalId: goal.id, nextSteps: [{ description: 'Keep the Sunday walk', responsible: 'coachee' }] })).json();
    // Inside the partnership, the links are there.
    expect((await c.get(`/api/celebrations/${cel.id}`)).json().goalTitle).toBe('Stop dreading Mondays');
    expect((await c.get(`/api/reflections/${reflection.id}`)).json().addedSteps).toEqual(['Keep the Sunday walk']);
    for (const [itemType, itemId] of [['celebration', cel.id], ['observation_plan', plan.id], ['reflection', reflection.id]]) {
      expect((await t.post(`/api/partnerships/${partnership}/shares`, { granteeId: supervisor, itemType, itemId })).statusCode).toBe(201);
    }
    const goalReads = await readsBy(supervisor, goal.id);
    const sharedCel = (await s.get(`/api/celebrations/${cel.id}`)).json();
    const sharedPlan = (await s.get(`/api/observation-plans/${plan.id}`)).json();
    const sharedReflection = (await s.get(`/api/reflections/${reflection.id}`)).json();
    expect(sharedCel).toMatchObject({ text: 'Three calm Mondays in a row', goalTitle: null });
    expect(sharedPlan).toMatchObject({ focus: 'Morning meeting', goalTitle: null });
    expect(sharedReflection).toMatchObject({ goalTitle: null, addedSteps: [] });
    expect(JSON.stringify([sharedCel, sharedPlan, sharedReflection])).not.toMatch(/dreading|Sunday walk/);
    expect(await readsBy(supervisor, goal.id)).toBe(goalReads);
    // Once the goal is shared too, the link shows, and that read of the goal is logged.
    expect((await t.post(`/api/partnerships/${partnership}/shares`, { granteeId: supervisor, itemType: 'goal', itemId: goal.id })).statusCode).toBe(201);
    expect((await s.get(`/api/celebrations/${cel.id}`)).json().goalTitle).toBe('Stop dreading Mondays');
    expect(await readsBy(supervisor, goal.id)).toBe(goalReads + 1);
  });
});

describe('answers to writes are reads', () => {
  it('retiring a strength with no real change still logs the read of its text', async () => {
    const entry = (await t.post(`/api/partnerships/${partnership}/strengths`, { type: 'strength', text: 'Songs settle the room' })).json();
    const before = await readsBy(coach, entry.id);
    const answer = await c.patch(`/api/strengths/${entry.id}`, { retired: false });
    expect(answer.json().text).toBe('Songs settle the room');
    expect(await readsBy(coach, entry.id)).toBe(before + 1);
    expect((await s.patch(`/api/strengths/${entry.id}`, { retired: false })).statusCode).toBe(404);
  });
});

describe('the profile can be shared, and only what is shareable is offered', () => {
  it('the coachee shares her profile; the supervisor opens it from "shared with me", and the read is logged', async () => {
    expect((await t.put(`/api/partnerships/${partnership}/profile`, { strengths: 'Story time voices', needs: 'A second adult at lunch' })).statusCode).toBe(200);
    const share = await t.post(`/api/partnerships/${partnership}/shares`, { granteeId: supervisor, itemType: 'profile', itemId: coachee });
    expect(share.statusCode).toBe(201);
    const listed = (await s.get('/api/shared-with-me?limit=100')).json().items.find((i: { itemType: string }) => i.itemType === 'profile');
    expect(listed).toMatchObject({ title: 'Getting-to-know-you profile', itemId: coachee });
    expect(listed).not.toHaveProperty('body');
    const before = await readsBy(supervisor, coachee);
    const opened = (await s.get(`/api/shared-with-me/${listed.shareId}/${coachee}`)).json();
    expect(opened.body).toContain('A second adult at lunch');
    expect(await readsBy(supervisor, coachee)).toBe(before + 1);
    // Her log names whom she shared it with.
    const supervisorName = (await w.db.selectFrom('people').select('name').where('id', '=', supervisor).executeTakeFirstOrThrow()).name;
    expect((await logOf('&itemType=profile')).find((e) => e.action === 'share')).toMatchObject({ sharedWith: supervisorName, itemTitle: 'Getting-to-know-you profile' });
    // Another supervisor, or the leader, cannot open it.
    expect((await l.get(`/api/shared-with-me/${listed.shareId}/${coachee}`)).statusCode).toBe(404);
  });

  it('refuses to share a message, a concern or a session agenda: they stay inside the partnership', async () => {
    const msg = (await t.post(`/api/partnerships/${partnership}/messages`, { body: 'Can we talk Friday?' })).json();
    const res = await t.post(`/api/partnerships/${partnership}/shares`, { granteeId: supervisor, itemType: 'message', itemId: msg.id });
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toMatch(/cannot be shared/);
  });
});

describe('"shared with me" shows titles and reads only what is opened', () => {
  it('listing writes no read; opening writes one', async () => {
    const note = (await c.post(`/api/partnerships/${partnership}/notes`, { body: 'Fourteen open questions at circle time, and two children asked their own.' })).json();
    const share = (await t.post(`/api/partnerships/${partnership}/shares`, { granteeId: supervisor, itemType: 'note', itemId: note.id })).json();
    for (let i = 0; i < 5; i++) expect((await s.get('/api/shared-with-me?limit=100')).statusCode).toBe(200);
    expect(await readsBy(supervisor, note.id)).toBe(0);
    const item = (await s.get('/api/shared-with-me?limit=100')).json().items.find((i: { itemId: string }) => i.itemId === note.id);
    expect(item.title).toMatch(/^Fourteen open questions/);
    expect((await s.get(`/api/shared-with-me/${share.id}/${note.id}`)).json().body).toContain('two children asked their own');
    expect(await readsBy(supervisor, note.id)).toBe(1);
  });
});

describe('an access log a coachee can use', () => {
  it('names the item and the partnership, groups repeated reads, and filters by person and by item', async () => {
    const goal = (await t.post(`/api/partnerships/${partnership}/goals`, { title: 'Calmer transitions after lunch' })).json();
    const other = (await t.post(`/api/partnerships/${partnership}/goals`, { title: 'A second goal' })).json();
    for (let i = 0; i < 3; i++) expect((await c.get(`/api/goals/${goal.id}`)).statusCode).toBe(200);
    expect((await c.get(`/api/goals/${other.id}`)).statusCode).toBe(200);
    const rows = await logOf(`&itemType=goal&itemId=${goal.id}`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: coach, itemType: 'goal', itemId: goal.id, itemTitle: 'Calmer transitions after lunch', count: 3, partnershipId: partnership, partners: expect.any(String) });
    expect(rows[0].firstAt! <= rows[0].at!).toBe(true);
    // A new day starts a new row.
    w.clock.advance(86400_000);
    // Sessions end after two idle hours: both sign in again the next day.
    [c, t, s] = await Promise.all([w.as(coach), w.as(coachee), w.as(supervisor)]);
    expect((await c.get(`/api/goals/${goal.id}`)).statusCode).toBe(200);
    expect((await logOf(`&itemId=${goal.id}`)).map((r) => r.count)).toEqual([1, 3]);
    // By person: only the coach's reads.
    const byCoach = await logOf(`&actorId=${coach}`);
    expect(byCoach.length).toBeGreaterThan(0);
    expect(byCoach.every((r) => r.actorId === coach)).toBe(true);
    expect(byCoach.some((r) => r.itemId === other.id)).toBe(true);
    // The supervisor cannot read the coachee's log, not even filtered to her item.
    expect((await s.get(`/api/access-log?itemId=${goal.id}`)).json().items).toEqual([]);
  });

  it('pages through grouped rows without repeating or skipping any', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push((await t.post(`/api/partnerships/${partnership}/goals`, { title: `Paged goal ${i}` })).json().id);
    for (const id of ids) await c.get(`/api/goals/${id}`);
    const rows: Array<{ id: string; itemId: string }> = [];
    let cursor: string | null = null;
    do {
      const res: { items: Array<{ id: string; itemId: string }>; nextCursor: string | null } = (await t.get(`/api/access-log?limit=3&actorId=${coach}&itemType=goal${cursor ? `&cursor=${cursor}` : ''}`)).json();
      rows.push(...res.items);
      cursor = res.nextCursor;
    } while (cursor);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    for (const id of ids) expect(rows.filter((r) => r.itemId === id)).toHaveLength(1);
    expect(rows.length).toBe((await logOf(`&actorId=${coach}&itemType=goal`)).length);
  });
});

describe('privacy/ owns the rules', () => {
  it('describes every content kind in one registry', () => {
    expect(Object.keys(KINDS).sort()).toEqual([...CONTENT_KINDS].sort());
    for (const kind of CONTENT_KINDS) {
      const info = KINDS[kind];
      // A kind that can be shared can be opened by the person it was shared with.
      if (info.share.item) expect(info.text, kind).toBeTypeOf('function');
      expect(info.contentFields.length, kind).toBeGreaterThan(0);
    }
  });

  it('writes the access log only from inside privacy/', () => {
    const root = path.resolve(__dirname, '../../server/src');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        const p = path.join(dir, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith('.ts')) files.push(p);
      }
    };
    walk(root);
    const outside = files.filter((f) => !f.includes(`${path.sep}privacy${path.sep}`) && /recordAccess|privacy\/access-log|insertInto\('access_log'\)/.test(readFileSync(f, 'utf8')));
    expect(outside.map((f) => path.relative(root, f))).toEqual([]);
  });
});
