/**
 * Ending a visit on the device (issue 10, "end while offline"): the end is kept like a tap, sent
 * after every event of the visit, exactly once even when its answer is lost, and a visit ended
 * twice gets a clear answer with nothing lost. Against a real Tandem server in this process.
 */
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Answer, ObservationRecorder, type RecorderOptions, openRecordDb, readSyncState, unsentOnDevice } from '../../web/src/features/observations/record';
import { type Client, type World, createWorld } from '../support/world';

let w: World;
let partnership: string;
let coach: Client;
let n = 0;
const open: ObservationRecorder[] = [];

beforeAll(async () => {
  w = await createWorld();
  const scene = await w.given.expertPartnership();
  partnership = scene.partnership;
  coach = await w.as(scene.coach);
});
afterEach(() => {
  for (const r of open.splice(0)) r.close();
});
afterAll(() => w?.close());

/** The coach's browser on a network that delivers, is down, or delivers and loses the answer. */
function wire(mode: 'up' | 'down' | 'lose-answer' = 'up') {
  const net = {
    mode,
    urls: [] as string[],
    send: async (url: string, body: unknown): Promise<Answer> => {
      if (net.mode === 'down') throw new TypeError('Failed to fetch');
      net.urls.push(url);
      const res = await coach.post(url, body);
      if (net.mode === 'lose-answer') throw new TypeError('The network connection was lost.');
      return { status: res.statusCode, body: res.json() };
    },
  };
  return net;
}
function recorder(net: ReturnType<typeof wire>, options: RecorderOptions = {}) {
  const r = new ObservationRecorder({ db: openRecordDb(`ending-${++n}`), send: net.send, now: () => w.clock.now(), locks: null, retry: { firstMs: 60_000, maxMs: 60_000 }, ...options });
  open.push(r);
  return r;
}
async function observation(): Promise<string> {
  const res = await coach.post(`/api/partnerships/${partnership}/observations`, { tools: [{ tool: 'event_count', categories: ['Praise', 'Redirect'] }] });
  expect(res.statusCode).toBe(201);
  return res.json().id;
}
const read = async (id: string) => (await coach.get(`/api/observations/${id}`)).json();

describe('ending on the device', () => {
  it('ends offline: kept and counted as waiting, then sent after the taps, once', async () => {
    const obs = await observation();
    const net = wire('down');
    const r = recorder(net);
    for (let i = 0; i < 3; i++) await r.recordEvent(obs, 'event_count', 'count', { category: 'Praise' });
    w.clock.advance(60_000);
    const ending = await r.endObservation(obs);
    // Ending twice on the device keeps the first end.
    w.clock.advance(1000);
    expect((await r.endObservation(obs)).endedAt).toBe(ending.endedAt);
    await r.sync.flush();
    expect(await readSyncState(r.db, obs)).toMatchObject({ waiting: 4 });
    expect(await unsentOnDevice(r.db)).toBe(4);

    net.mode = 'up';
    await r.sync.flush();
    expect(net.urls.map((u) => u.split('/').pop())).toEqual(['events', 'ending']);
    expect(await r.db.endings.get(obs)).toMatchObject({ state: 'sent' });
    expect((await readSyncState(r.db, obs)).waiting).toBe(0);
    const saved = await read(obs);
    expect(saved).toMatchObject({ status: 'ended', endedAt: ending.endedAt, version: 2 });
    expect(saved.events).toHaveLength(3);
    await r.sync.flush();
    expect(net.urls.filter((u) => u.endsWith('/ending'))).toHaveLength(1);
  });

  it('sends the same end again after a lost answer, and the server ends the visit once', async () => {
    const obs = await observation();
    const net = wire('lose-answer');
    const r = recorder(net);
    w.clock.advance(60_000);
    const ending = await r.endObservation(obs);
    await r.sync.flush();
    expect(await r.db.endings.get(obs)).toMatchObject({ state: 'waiting' });
    expect(await read(obs)).toMatchObject({ status: 'ended', endedAt: ending.endedAt, version: 2 });

    net.mode = 'up';
    await r.sync.flush();
    expect(await r.db.endings.get(obs)).toMatchObject({ state: 'sent' });
    expect(await read(obs)).toMatchObject({ status: 'ended', endedAt: ending.endedAt, version: 2 });
  });

  it('a visit already ended elsewhere: the end is refused with when it ended, and the taps still arrive', async () => {
    const obs = await observation();
    const net = wire('down');
    const r = recorder(net);
    await r.recordEvent(obs, 'event_count', 'count', { category: 'Redirect' });
    w.clock.advance(30_000);
    await r.endObservation(obs);
    // Meanwhile, the visit is ended on another device.
    w.clock.advance(30_000);
    const elsewhere = (await coach.post(`/api/observations/${obs}/ending`, {})).json();
    net.mode = 'up';
    await r.sync.flush();
    const refused = await r.db.endings.get(obs);
    expect(refused).toMatchObject({ state: 'refused', message: `This observation was already ended at ${elsewhere.endedAt.slice(0, 16).replace('T', ' ')} UTC; nothing was changed.` });
    const saved = await read(obs);
    expect(saved).toMatchObject({ endedAt: elsewhere.endedAt, version: 2 });
    expect(saved.events).toHaveLength(1);
  });
});
