/**
 * A tablet several people share (issue 10): each tap, start and end is stamped with who recorded
 * it, the sync loop sends only the signed-in person's (with their session), and another person's
 * unsent taps stay on the device, untouched and counted apart, until that person signs in again.
 * Signing out still keeps whatever waits, whoever recorded it.
 */
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Answer, ObservationRecorder, forgetOnSignOut, openRecordDb, readSyncState, unsentOnDevice } from '../../web/src/features/observations/record';
import { type Client, type World, createWorld } from '../support/world';

let w: World;
let partnership: string;
let coachId: string;
let coacheeId: string;
let coach: Client;
let coachee: Client;
let n = 0;
const open: ObservationRecorder[] = [];
const noStorage = { length: 0, key: () => null, removeItem: () => undefined };

beforeAll(async () => {
  w = await createWorld();
  const scene = await w.given.expertPartnership();
  partnership = scene.partnership;
  coachId = scene.coach;
  coacheeId = scene.coachee;
  [coach, coachee] = await Promise.all([w.as(scene.coach), w.as(scene.coachee)]);
});
afterEach(() => {
  for (const r of open.splice(0)) r.close();
});
afterAll(() => w?.close());

describe('a shared tablet', () => {
  it('sends only the signed-in person’s taps; another person’s wait, untouched, until they sign in', async () => {
    const obs = (await coach.post(`/api/partnerships/${partnership}/observations`, { tools: [{ tool: 'event_count', categories: ['Praise'] }] })).json().id as string;
    // Whose session the requests carry: whoever is signed in on the tablet now.
    let session = coach;
    const urls: string[] = [];
    const send = async (url: string, body: unknown): Promise<Answer> => {
      urls.push(url);
      const res = await session.post(url, body);
      return { status: res.statusCode, body: res.json() };
    };
    const net = { up: false };
    const r = new ObservationRecorder({ db: openRecordDb(`shared-${++n}`), send: (u, b) => (net.up ? send(u, b) : Promise.reject(new TypeError('Failed to fetch'))), now: () => w.clock.now(), locks: null, retry: { firstMs: 60_000, maxMs: 60_000 }, person: coachId });
    open.push(r);
    // The coach records offline, then leaves the tablet without syncing.
    const taps = [];
    for (let i = 0; i < 3; i++) taps.push(await r.recordEvent(obs, 'event_count', 'count', { category: 'Praise' }));
    expect(taps.every((e) => e.authorId === coachId)).toBe(true);
    await r.endObservation(obs);
    await r.sync.flush();

    // The coachee signs in on the same tablet, online.
    session = coachee;
    net.up = true;
    r.setPerson(coacheeId);
    await r.sync.flush();
    expect(urls, JSON.stringify(urls)).toEqual([]);
    expect(await readSyncState(r.db, obs, coacheeId)).toMatchObject({ waiting: 0, othersWaiting: 3 });
    expect((await r.db.events.toArray()).map((e) => [e.state, e.authorId])).toEqual(taps.map(() => ['waiting', coachId]));
    expect(await unsentOnDevice(r.db, coacheeId)).toBe(0);
    // Signing out keeps them (they have not reached Tandem).
    await forgetOnSignOut(r.db, noStorage);
    expect(await r.db.events.count()).toBe(3);
    expect(await r.db.endings.count()).toBe(1);

    // The coach signs in again: their taps go, then their end, with their session.
    session = coach;
    r.setPerson(coachId);
    expect(await unsentOnDevice(r.db, coachId)).toBe(4);
    await r.sync.flush();
    expect(urls.map((u) => u.split('/').pop())).toEqual(['events', 'ending']);
    expect(await readSyncState(r.db, obs, coachId)).toMatchObject({ waiting: 0, othersWaiting: 0 });
    const saved = (await coach.get(`/api/observations/${obs}`)).json();
    expect(saved.status).toBe('ended');
    expect(saved.events.map((e: { authorId: string }) => e.authorId)).toEqual([coachId, coachId, coachId]);
  });
});
