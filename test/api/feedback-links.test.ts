/**
 * Written feedback that carries evidence and carries over (issue 11, items 3 and 5): a photo or a
 * document of the coachee's inserted into feedback, a clip's moment, and a link to a goal or one
 * step of its plan made in the same save. A file or goal from elsewhere is refused with a message
 * that says why; someone the coachee shared the feedback with does not learn the linked goal's
 * title unless she shared the goal too.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FileClient, fileClient } from '../support/multipart';
import { type Client, NOT_FOUND_BODY, type World, createWorld } from '../support/world';

let w: World;
let dataDir: string;
let c: Client;
let t: Client;
let sup: Client;
let coachFiles: FileClient;
let partnership: string;
let coachee: string;
let supervisor: string;
let observation: string;
let photo: string;
let goal: { id: string; steps: Array<{ id: string }> };
let otherGoal: { id: string; steps: Array<{ id: string }> };

const jpeg = () => sharp({ create: { width: 120, height: 80, channels: 3, background: '#2a6' } }).jpeg().toBuffer();
const TEXT = { kind: 'text', text: 'Here is what the data shows: two open questions in the first ten minutes.' };

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'tandem-feedback-links-'));
  w = await createWorld({ dataDir });
  const scene = await w.given.expertPartnership();
  ({ partnership, coachee, supervisor } = scene);
  [c, t, sup, coachFiles] = await Promise.all([w.as(scene.coach), w.as(scene.coachee), w.as(scene.supervisor), fileClient(w, scene.coach)]);
  const started = await c.post(`/api/partnerships/${partnership}/observations`, { focus: 'Questions at read-aloud', tools: [{ tool: 'event_count', categories: ['Open question', 'Closed question'] }] });
  observation = started.json().id;
  const events = ['Open question', 'Closed question'].map((category) => ({ id: randomUUID(), tool: 'event_count', type: 'count', payload: { category }, deviceAt: w.clock.now().toISOString() }));
  expect((await c.post(`/api/observations/${observation}/events`, { events })).json().accepted).toBe(2);
  const up = await coachFiles.upload(`/api/partnerships/${partnership}/artifacts`, { note: 'The question chart on the easel', observationId: observation }, { name: 'easel.jpg', bytes: await jpeg() });
  expect(up.statusCode, up.body).toBe(201);
  photo = up.json().id;
  const g = await t.post(`/api/partnerships/${partnership}/goals`, { title: 'Ask more open questions', steps: [{ description: 'Plan three open questions for the story', responsible: 'coachee' }, { description: 'Wait five seconds after asking', responsible: 'coachee' }] });
  expect(g.statusCode).toBe(201);
  goal = g.json();
  const g2 = await t.post(`/api/partnerships/${partnership}/goals`, { title: 'Calmer transitions', steps: [{ description: 'Sing the tidy-up song', responsible: 'coachee' }] });
  otherGoal = g2.json();
});
afterAll(async () => {
  await w?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const draft = (blocks: object[], extra: object = {}) => c.post(`/api/observations/${observation}/feedback`, { blocks, language: 'en', ...extra });

describe('evidence from the partnership’s files', () => {
  it('inserts a photo of the coachee’s, kept as a reference to the file (the file is read, and logged, on its own)', async () => {
    const res = await draft([TEXT, { kind: 'artifact', artifactId: photo }]);
    expect(res.statusCode).toBe(201);
    expect(res.json().blocks).toEqual([TEXT, { kind: 'artifact', artifactId: photo }]);
  });

  it('refuses a file that is not this coachee’s in this partnership, and a moment of a photo, saying why', async () => {
    const elsewhere = await w.given.expertPartnership();
    const stranger = await fileClient(w, elsewhere.coach);
    const theirs = (await stranger.upload(`/api/partnerships/${elsewhere.partnership}/artifacts`, { note: 'Another class' }, { name: 'other.jpg', bytes: await jpeg() })).json().id;
    const foreign = await draft([TEXT, { kind: 'artifact', artifactId: theirs }]);
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().message).toMatch(/not among this coachee’s evidence/);
    expect(foreign.json().details?.[0]?.path ?? foreign.json().field ?? '').toMatch(/blocks\.1\.artifactId/);
    const moment = await draft([{ kind: 'moment', artifactId: photo, atMs: 5000 }]);
    expect(moment.statusCode).toBe(422);
    expect(moment.json().message).toMatch(/Only a video or audio clip has moments/);
  });
});

describe('carrying feedback over to a goal or a step', () => {
  it('links it to a goal in the same save, and shows the goal’s title to the partnership', async () => {
    const res = await draft([TEXT], { goalId: goal.id });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ goal: { id: goal.id, title: 'Ask more open questions' }, step: null });
  });

  it('links it to one step, naming the step’s goal without being told it, and changes the link with the draft', async () => {
    const res = await draft([TEXT], { stepId: goal.steps[1].id });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ goal: { id: goal.id, title: 'Ask more open questions' }, step: { id: goal.steps[1].id, text: 'Wait five seconds after asking' } });
    const moved = await c.put(`/api/feedback/${res.json().id}`, { blocks: [TEXT], language: 'en', baseVersion: 1, goalId: otherGoal.id, stepId: null });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ goal: { id: otherGoal.id, title: 'Calmer transitions' }, step: null });
    const unlinked = await c.put(`/api/feedback/${res.json().id}`, { blocks: [TEXT], language: 'en', baseVersion: 2 });
    expect(unlinked.json()).toMatchObject({ goal: null, step: null });
  });

  it('keeps the link when the coachee rewrites the goal’s plan, and lets go of a step she takes out', async () => {
    const g = (await t.post(`/api/partnerships/${partnership}/goals`, { title: 'Read-aloud routines', steps: [{ description: 'Choose the week’s books', responsible: 'coachee' }, { description: 'Ask a prediction question', responsible: 'coachee' }] })).json();
    const linked = (await draft([TEXT], { stepId: g.steps[1].id })).json();
    const kept = await t.put(`/api/goals/${g.id}`, { title: 'Read-aloud routines', baseVersion: g.version, steps: [{ id: g.steps[1].id, description: 'Ask a prediction question', responsible: 'coachee' }, { id: g.steps[0].id, description: 'Choose the week’s books', responsible: 'coachee' }] });
    expect(kept.statusCode, kept.body).toBe(200);
    expect((await c.get(`/api/feedback/${linked.id}`)).json().step).toMatchObject({ id: g.steps[1].id, text: 'Ask a prediction question' });
    const dropped = await t.put(`/api/goals/${g.id}`, { title: 'Read-aloud routines', baseVersion: kept.json().version, steps: [{ id: g.steps[0].id, description: 'Choose the week’s books', responsible: 'coachee' }] });
    expect(dropped.statusCode, dropped.body).toBe(200);
    expect((await c.get(`/api/feedback/${linked.id}`)).json()).toMatchObject({ goal: { id: g.id, title: 'Read-aloud routines' }, step: null });
  });

  it('refuses a step of another goal, and a goal of another partnership', async () => {
    const mismatch = await draft([TEXT], { goalId: goal.id, stepId: otherGoal.steps[0].id });
    expect(mismatch.statusCode).toBe(422);
    expect(mismatch.json().message).toMatch(/step of that goal/);
    const elsewhere = await w.given.expertPartnership();
    const theirCoachee = await w.as(elsewhere.coachee);
    const theirGoal = (await theirCoachee.post(`/api/partnerships/${elsewhere.partnership}/goals`, { title: 'Someone else’s goal' })).json();
    const foreign = await draft([TEXT], { goalId: theirGoal.id });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().message).toMatch(/goal of this coachee in this partnership/);
  });
});

describe('a linked goal and the people the coachee shares feedback with', () => {
  let sent: string;

  it('a piece sent but not yet released to the coachee does not show on her goal', async () => {
    const o2 = (await c.post(`/api/partnerships/${partnership}/observations`, { focus: 'Second visit', tools: [{ tool: 'event_count', categories: ['Open question'] }] })).json();
    await c.post(`/api/observations/${o2.id}/ending`, {});
    const f = (await c.post(`/api/observations/${o2.id}/feedback`, { blocks: [{ kind: 'text', text: 'Held until she reflects.' }], goalId: goal.id })).json();
    expect((await c.post(`/api/feedback/${f.id}/sending`, { baseVersion: 1 })).statusCode).toBe(200);
    const forCoachee = (await t.get(`/api/goals/${goal.id}/carried-over`)).json().items.map((i: { id: string }) => i.id);
    expect(forCoachee).not.toContain(f.id);
    const forCoach = (await c.get(`/api/goals/${goal.id}/carried-over`)).json().items.map((i: { id: string }) => i.id);
    expect(forCoach).toContain(f.id);
  });

  beforeAll(async () => {
    const f = (await draft([TEXT, { kind: 'artifact', artifactId: photo }], { stepId: goal.steps[0].id })).json();
    expect((await c.post(`/api/observations/${observation}/ending`, {})).statusCode).toBe(200);
    expect((await c.post(`/api/feedback/${f.id}/sending`, { baseVersion: 1 })).statusCode).toBe(200);
    expect((await t.post(`/api/partnerships/${partnership}/reflections`, { observationId: observation, answers: [{ key: 'noticed', answer: 'One of each.' }] })).statusCode).toBe(201);
    sent = f.id;
  });

  it('the coachee reads the feedback with its goal and step', async () => {
    const res = await t.get(`/api/feedback/${sent}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ goal: { id: goal.id, title: 'Ask more open questions' }, step: { text: 'Plan three open questions for the story' } });
  });

  it('shows on the goal it was carried over to, for the coachee with its step and first words; the supervisor gets 404', async () => {
    const carried = await t.get(`/api/goals/${goal.id}/carried-over`);
    expect(carried.statusCode).toBe(200);
    const mine = carried.json().items.find((i: { id: string }) => i.id === sent);
    expect(mine).toMatchObject({ kind: 'feedback', observationId: observation, stepId: goal.steps[0].id, excerpt: TEXT.text });
    expect((await sup.get(`/api/goals/${goal.id}/carried-over`)).json()).toEqual(NOT_FOUND_BODY);
  });

  it('the supervisor cannot read it (404), nor the photo it holds', async () => {
    expect((await sup.get(`/api/feedback/${sent}`)).json()).toEqual(NOT_FOUND_BODY);
    expect((await sup.get(`/api/artifacts/${photo}`)).json()).toEqual(NOT_FOUND_BODY);
  });

  it('shared with the supervisor, it says there is a link but not the goal’s title or the step’s words, and the photo stays a 404', async () => {
    expect((await t.post(`/api/partnerships/${partnership}/shares`, { granteeId: supervisor, itemType: 'feedback', itemId: sent })).statusCode).toBe(201);
    const res = await sup.get(`/api/feedback/${sent}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ goal: { id: goal.id, title: null }, step: { id: goal.steps[0].id, text: null } });
    expect(JSON.stringify(res.json())).not.toMatch(/Ask more open questions|Plan three open questions/);
    expect((await sup.get(`/api/artifacts/${photo}`)).statusCode).toBe(404);
    const goalReads = await w.db.selectFrom('access_log').select('id').where('item_type', '=', 'goal').where('item_id', '=', goal.id).where('actor_id', '=', supervisor).execute();
    expect(goalReads).toHaveLength(0);
  });

  it('once the coachee shares the goal too, the supervisor sees its title, and that read is in her access log', async () => {
    expect((await t.post(`/api/partnerships/${partnership}/shares`, { granteeId: supervisor, itemType: 'goal', itemId: goal.id })).statusCode).toBe(201);
    const res = await sup.get(`/api/feedback/${sent}`);
    expect(res.json()).toMatchObject({ goal: { title: 'Ask more open questions' }, step: { text: 'Plan three open questions for the story' } });
    const log = (await t.get('/api/access-log')).json().items as Array<{ actorId: string; itemType: string; itemId: string }>;
    expect(log.some((r) => r.actorId === supervisor && r.itemType === 'goal' && r.itemId === goal.id)).toBe(true);
    expect(coachee).toBeTruthy();
  });
});
