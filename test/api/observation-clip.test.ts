/**
 * The observation tools on a recorded clip (issue 11, item 2): a visit started on a video or audio
 * clip of the coachee's runs on the clip's clock — its start is the clip's first moment, its end
 * the clip's last — so a tap made at 0:30 of the clip is an event 30 seconds after the start,
 * wherever the reviewer paused or rewound. Only a clip of this coachee in this partnership, with a
 * known length; the supervisor cannot start one (404).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../server/src/platform/ids';
import { type Client, NOT_FOUND_BODY, type World, createWorld } from '../support/world';

let w: World;
let c: Client;
let t: Client;
let sup: Client;
let partnership: string;
let coachee: string;
let coach: string;
let org: string;

/** An artifact row as the upload leaves it (the bytes are not needed to observe its clock). */
async function artifact(partnershipId: string, subjectId: string, contentType: string, durationMs: number | null) {
  const id = newId();
  const now = w.clock.now().toISOString();
  await w.db
    .insertInto('artifacts')
    .values({ id, org_id: org, partnership_id: partnershipId, subject_id: subjectId, uploaded_by: coach, observation_id: null, goal_id: null, note: 'Morning meeting', file_name: 'clip.mp4', content_type: contentType, byte_size: 1000, storage_key: `test/${id}`, thumb_key: null, width: null, height: null, created_at: now, updated_at: now, duration_ms: durationMs } as never)
    .execute();
  return id;
}

const start = (who: Client, body: object) => who.post(`/api/partnerships/${partnership}/observations`, { focus: 'Wait time after questions', tools: [{ tool: 'event_count', categories: ['Open question', 'Closed question'] }], ...body });

beforeAll(async () => {
  w = await createWorld();
  const scene = await w.given.expertPartnership();
  ({ partnership, coachee, coach, org } = scene);
  [c, t, sup] = await Promise.all([w.as(scene.coach), w.as(scene.coachee), w.as(scene.supervisor)]);
});
afterAll(async () => {
  await w?.close();
});

describe('observing a clip', () => {
  it('runs the visit on the clip’s clock: recorded, started the clip’s length ago, each tap at its moment of the clip, ended where the clip ends', async () => {
    const clip = await artifact(partnership, coachee, 'video/mp4', 90_000);
    const res = await start(c, { clipId: clip, mode: 'live' });
    expect(res.statusCode).toBe(201);
    const o = res.json();
    expect(o).toMatchObject({ mode: 'recorded', clip: { artifactId: clip, durationMs: 90_000 } });
    const startedAt = Date.parse(o.startedAt);
    // The clip's whole length lies in the past (the test clock may have moved a few milliseconds since).
    expect(w.clock.now().getTime() - startedAt).toBeGreaterThanOrEqual(90_000);
    expect(w.clock.now().getTime() - startedAt).toBeLessThan(91_000);
    const at = (ms: number) => new Date(startedAt + ms).toISOString();
    const events = [30_000, 31_500, 89_000].map((ms, i) => ({ id: randomUUID(), tool: 'event_count', type: 'count', payload: { category: i === 1 ? 'Closed question' : 'Open question' }, deviceAt: at(ms) }));
    const sent = await c.post(`/api/observations/${o.id}/events`, { events });
    expect(sent.json()).toMatchObject({ accepted: 3, rejected: 0 });
    const ended = await c.post(`/api/observations/${o.id}/ending`, { endedAt: w.clock.now().toISOString() });
    expect(ended.statusCode).toBe(200);
    expect(ended.json().endedAt).toBe(at(90_000));
    const read = (await c.get(`/api/observations/${o.id}`)).json();
    expect(read.events.map((e: { deviceAt: string }) => Date.parse(e.deviceAt) - startedAt)).toEqual([30_000, 31_500, 89_000]);
  });

  it('lets the coachee observe her own clip (a recorded visit of her own teaching)', async () => {
    const clip = await artifact(partnership, coachee, 'audio/mpeg', 20_000);
    const res = await start(t, { clipId: clip });
    expect(res.statusCode).toBe(201);
    expect(res.json().clip).toEqual({ artifactId: clip, durationMs: 20_000 });
  });

  it('takes the length the device’s player read when the server could not read it, and otherwise says what to do', async () => {
    const clip = await artifact(partnership, coachee, 'video/webm', null);
    const unknown = await start(c, { clipId: clip });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().message).toMatch(/could not read how long this clip is/);
    const told = await start(c, { clipId: clip, clipDurationMs: 45_000 });
    expect(told.statusCode).toBe(201);
    expect(told.json().clip.durationMs).toBe(45_000);
  });

  it('refuses a photo, and a clip of another partnership, saying what to choose', async () => {
    const photo = await artifact(partnership, coachee, 'image/jpeg', null);
    const notClip = await start(c, { clipId: photo });
    expect(notClip.statusCode).toBe(422);
    expect(notClip.json().message).toMatch(/Choose a video or audio clip of this coachee/);
    const elsewhere = await w.given.expertPartnership();
    const theirs = await artifact(elsewhere.partnership, elsewhere.coachee, 'video/mp4', 10_000);
    const foreign = await start(c, { clipId: theirs });
    expect(foreign.statusCode).toBe(422);
  });

  it('the supervisor cannot start a visit on the coachee’s clip (404)', async () => {
    const clip = await artifact(partnership, coachee, 'video/mp4', 10_000);
    expect((await start(sup, { clipId: clip })).json()).toEqual(NOT_FOUND_BODY);
  });
});
