/**
 * Written feedback on a clip (issue 11, item 3: "written feedback for one observation or clip"):
 * its evidence is the clip's moments — a moment alone, or one a comment was made at, quoted in the
 * comment's own words — and the partnership's files. The coachee sees her clip first: sent
 * feedback waits until she says she has watched it (or comments herself). The supervisor cannot
 * read any of it (404).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../server/src/platform/ids';
import { type Client, NOT_FOUND_BODY, type World, createWorld } from '../support/world';

let w: World;
let c: Client;
let t: Client;
let sup: Client;
let partnership: string;
let coachee: string;
let clip: string;

/** A clip's row as a finished upload leaves it (these routes never read its bytes). */
async function clipRow(partnershipId: string, subjectId: string, uploadedBy: string, org: string, durationMs: number) {
  const id = newId();
  const now = w.clock.now().toISOString();
  await w.db
    .insertInto('artifacts')
    .values({ id, org_id: org, partnership_id: partnershipId, subject_id: subjectId, uploaded_by: uploadedBy, observation_id: null, goal_id: null, note: 'Read-aloud, Tuesday', file_name: 'readaloud.mp4', content_type: 'video/mp4', byte_size: 1000, storage_key: `test/${id}`, thumb_key: null, width: null, height: null, created_at: now, updated_at: now, duration_ms: durationMs } as never)
    .execute();
  return id;
}

beforeAll(async () => {
  w = await createWorld();
  const scene = await w.given.expertPartnership();
  ({ partnership, coachee } = scene);
  [c, t, sup] = await Promise.all([w.as(scene.coach), w.as(scene.coachee), w.as(scene.supervisor)]);
  clip = await clipRow(partnership, coachee, scene.coach, scene.org, 120_000);
});
afterAll(async () => {
  await w?.close();
});

const TEXT = { kind: 'text', text: 'I heard four open questions before the first page turn.' };

describe('feedback on a clip', () => {
  let sent: string;

  it('quotes a commented moment in the comment’s own words, whatever the client sent', async () => {
    const comment = await c.post(`/api/artifacts/${clip}/comments`, { atMs: 42_000, body: 'You waited five seconds; three hands went up.' });
    expect(comment.statusCode, comment.body).toBe(201);
    const res = await c.post(`/api/artifacts/${clip}/feedback`, { blocks: [TEXT, { kind: 'moment', artifactId: clip, atMs: 1, commentId: comment.json().id, text: 'made up' }, { kind: 'moment', artifactId: clip, atMs: 90_000 }], language: 'en' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ artifactId: clip, observationId: null, status: 'draft' });
    expect(res.json().blocks).toEqual([TEXT, { kind: 'moment', artifactId: clip, atMs: 42_000, commentId: comment.json().id, text: 'You waited five seconds; three hands went up.' }, { kind: 'moment', artifactId: clip, atMs: 90_000 }]);
    const sending = await c.post(`/api/feedback/${res.json().id}/sending`, { baseVersion: 1 });
    expect(sending.statusCode).toBe(200);
    sent = res.json().id;
  });

  it('refuses a moment after the clip’s end and a tool graphic the clip has no data for, saying why', async () => {
    const late = await c.post(`/api/artifacts/${clip}/feedback`, { blocks: [{ kind: 'moment', artifactId: clip, atMs: 121_000 }] });
    expect(late.statusCode).toBe(422);
    expect(late.json().message).toMatch(/after the end of the clip \(2:00\)/);
    const graphic = await c.post(`/api/artifacts/${clip}/feedback`, { blocks: [{ kind: 'graphic', tool: 'event_count' }] });
    expect(graphic.statusCode).toBe(422);
    expect(graphic.json().message).toMatch(/observe the clip with that tool/);
  });

  it('the coachee is told it waits until she has watched her clip, and cannot read it before (404)', async () => {
    const list = (await t.get(`/api/artifacts/${clip}/feedback`)).json();
    expect(list).toMatchObject({ items: [], heldUntilCoacheeReflects: 1 });
    expect(list.heldFrom).toHaveLength(1);
    expect((await t.get(`/api/feedback/${sent}`)).json()).toEqual(NOT_FOUND_BODY);
  });

  it('once she says she has watched it, she reads it', async () => {
    expect((await t.post(`/api/artifacts/${clip}/watched`, {})).statusCode).toBeLessThan(300);
    const list = (await t.get(`/api/artifacts/${clip}/feedback`)).json();
    expect(list.items.map((f: { id: string }) => f.id)).toEqual([sent]);
    expect((await t.get(`/api/feedback/${sent}`)).statusCode).toBe(200);
  });

  it('the supervisor cannot list, write or read feedback on the clip (404)', async () => {
    expect((await sup.get(`/api/artifacts/${clip}/feedback`)).json()).toEqual(NOT_FOUND_BODY);
    expect((await sup.post(`/api/artifacts/${clip}/feedback`, { blocks: [TEXT] })).json()).toEqual(NOT_FOUND_BODY);
    expect((await sup.get(`/api/feedback/${sent}`)).json()).toEqual(NOT_FOUND_BODY);
  });

  it('a photo is not something feedback is written on (404, as for a missing clip)', async () => {
    const photo = newId();
    const now = w.clock.now().toISOString();
    const p = await w.db.selectFrom('artifacts').select(['org_id', 'uploaded_by']).where('id', '=', clip).executeTakeFirstOrThrow();
    await w.db.insertInto('artifacts').values({ id: photo, org_id: p.org_id, partnership_id: partnership, subject_id: coachee, uploaded_by: p.uploaded_by, observation_id: null, goal_id: null, note: '', file_name: 'a.jpg', content_type: 'image/jpeg', byte_size: 10, storage_key: `test/${photo}`, thumb_key: null, width: 1, height: 1, created_at: now, updated_at: now } as never).execute();
    expect((await c.post(`/api/artifacts/${photo}/feedback`, { blocks: [TEXT] })).statusCode).toBe(404);
  });

  it('when the coachee removes her clip, the feedback on it goes too and an observation made on it keeps its data', async () => {
    const started = await c.post(`/api/partnerships/${partnership}/observations`, { clipId: clip, tools: [{ tool: 'event_count', categories: ['Open question'] }] });
    expect(started.statusCode).toBe(201);
    const removed = await t.delete(`/api/artifacts/${clip}`);
    expect(removed.statusCode, removed.body).toBe(204);
    expect((await t.get(`/api/feedback/${sent}`)).statusCode).toBe(404);
    expect((await c.get(`/api/feedback/${sent}`)).statusCode).toBe(404);
    const o = await c.get(`/api/observations/${started.json().id}`);
    expect(o.statusCode).toBe(200);
    expect(o.json()).toMatchObject({ mode: 'recorded', clip: null });
  });
});
