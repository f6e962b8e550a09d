/**
 * The device-side record of a visit (issue 10, "offline, with no lost taps"):
 * taps stored before they are reported recorded, then synced to a real Tandem
 * server in this process, through answers that get lost, refusals, visits
 * started offline, 10,000 queued taps and a reload half-way.
 */
import 'fake-indexeddb/auto';
import { liveQuery } from 'dexie';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Answer, type Locks, ObservationRecorder, type RecorderOptions, TAP_MEASURE, type Transport, openRecordDb, readLocalEvents, readSyncState } from '../../web/src/features/observations/record';
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

/** The sync loop's requests, as the coach's browser would send them (session cookie and CSRF header). */
interface Wire {
  send: Transport;
  /** What the network does now: deliver; fail before the server sees anything; or deliver and lose the answer. */
  mode: 'up' | 'down' | 'lose-answer';
  requests: Array<{ url: string; ids: string[] }>;
  inFlight: Set<string>;
  overlaps: number;
}
function wire(mode: Wire['mode'] = 'up'): Wire {
  const net: Wire = {
    mode,
    requests: [],
    inFlight: new Set(),
    overlaps: 0,
    send: async (url, body): Promise<Answer> => {
      if (net.mode === 'down') throw new TypeError('Failed to fetch');
      const ids = ((body as { events?: Array<{ id: string }> }).events ?? []).map((e) => e.id);
      for (const id of ids) if (net.inFlight.has(id)) net.overlaps += 1;
      for (const id of ids) net.inFlight.add(id);
      net.requests.push({ url, ids });
      try {
        const res = await coach.post(url, body);
        if (net.mode === 'lose-answer') throw new TypeError('The network connection was lost.');
        return { status: res.statusCode, body: res.json() };
      } finally {
        for (const id of ids) net.inFlight.delete(id);
      }
    },
  };
  return net;
}

function recorder(net: Wire, options: RecorderOptions & { name?: string } = {}) {
  const r = new ObservationRecorder({ db: openRecordDb(options.name ?? `test-${++n}`), send: net.send, now: () => w.clock.now(), locks: null, retry: { firstMs: 60_000, maxMs: 60_000 }, ...options });
  open.push(r);
  return r;
}

async function observation(): Promise<string> {
  const res = await coach.post(`/api/partnerships/${partnership}/observations`, { tools: [{ tool: 'event_count', categories: ['Praise', 'Redirect'] }, { tool: 'selective_verbatim', speakers: ['T', 'S07'] }] });
  expect(res.statusCode).toBe(201);
  return res.json().id;
}

async function onServer(observationId: string): Promise<number> {
  const row = await w.db.selectFrom('observation_events').select((eb) => eb.fn.countAll<number>().as('n')).where('observation_id', '=', observationId).executeTakeFirstOrThrow();
  return Number(row.n);
}

const eventBatches = (net: Wire) => net.requests.filter((r) => r.url.endsWith('/events'));

describe('recording a tap', () => {
  it('stores the event on the device before it resolves, with the network not in the way', async () => {
    const obs = await observation();
    // A network that never answers: recording must not wait for it.
    const r = recorder(wire(), { send: () => new Promise<Answer>(() => {}) });
    performance.clearMeasures(TAP_MEASURE);
    const event = await r.recordEvent(obs, 'event_count', 'count', { category: 'Praise' });
    // Read through another connection, as the next page load would.
    const other = openRecordDb(r.db.name);
    const stored = await other.events.get(event.id);
    other.close();
    expect(stored).toMatchObject({ id: event.id, observationId: obs, tool: 'event_count', type: 'count', payload: { category: 'Praise' }, state: 'waiting' });
    expect(performance.getEntriesByName(TAP_MEASURE, 'measure')).toHaveLength(1);
  });

  it('refuses a payload the tool does not record, storing nothing (a programming error)', async () => {
    const obs = await observation();
    const r = recorder(wire());
    await expect(r.recordEvent(obs, 'event_count', 'count', { category: 3 } as never)).rejects.toThrow(TypeError);
    await expect(r.recordEvent(obs, 'event_count', 'line' as never, { text: 'hi', speaker: 'T' } as never)).rejects.toThrow(/no event of type "line"/);
    await expect(r.recordEvent(obs, 'event_count', 'undo', { eventId: 'not-an-id' })).rejects.toThrow(TypeError);
    expect(await r.db.events.count()).toBe(0);
  });
});

describe('syncing', () => {
  it('sends what waits, oldest first, and marks it sent; an undo is one more event', async () => {
    const obs = await observation();
    const net = wire();
    const r = recorder(net);
    const praise = await r.recordEvent(obs, 'event_count', 'count', { category: 'Praise' });
    await r.recordEvent(obs, 'selective_verbatim', 'line', { text: 'Who can tell me why?', speaker: 'T' });
    await r.undo(obs, 'event_count', praise.id);
    await r.sync.flush();

    const local = await readLocalEvents(r.db, obs);
    expect(local.map((e) => [e.type, e.state])).toEqual([
      ['count', 'sent'],
      ['line', 'sent'],
      ['undo', 'sent'],
    ]);
    const state = await readSyncState(r.db, obs);
    expect(state).toMatchObject({ waiting: 0, rejected: [] });
    expect(state.lastSentAt).not.toBeNull();
    const server = (await coach.get(`/api/observations/${obs}`)).json();
    expect(server.events).toHaveLength(3);
    expect(server.events.find((e: { id: string }) => e.id === praise.id).undoneBy).toBe(local[2].id);
  });

  it('sends again after a lost answer: the server answers duplicate and holds each event once', async () => {
    const obs = await observation();
    const net = wire('down');
    const r = recorder(net);
    for (let i = 0; i < 5; i++) await r.recordEvent(obs, 'event_count', 'count', { category: 'Redirect' });
    net.mode = 'lose-answer';
    await r.sync.flush();
    // The request reached the server, the answer did not reach the device: all still waiting, a retry scheduled.
    expect(await onServer(obs)).toBe(5);
    expect((await readSyncState(r.db, obs)).waiting).toBe(5);
    expect(r.sync.backingOff).toBe(true);

    net.mode = 'up';
    await r.sync.flush();
    expect(eventBatches(net)).toHaveLength(2);
    expect(eventBatches(net)[1].ids).toEqual(eventBatches(net)[0].ids);
    expect(await onServer(obs)).toBe(5);
    expect((await readSyncState(r.db, obs)).waiting).toBe(0);
    expect((await readLocalEvents(r.db, obs)).every((e) => e.state === 'sent')).toBe(true);
  });

  it('keeps a refused event with the server\u2019s reason and message, shows it, and never sends it again', async () => {
    const obs = await observation();
    const net = wire();
    const r = recorder(net);
    const bad = await r.recordEvent(obs, 'event_count', 'count', { category: 'Not in the plan' });
    const good = await r.recordEvent(obs, 'event_count', 'count', { category: 'Praise' });
    await r.sync.flush();

    const stored = await r.db.events.get(bad.id);
    expect(stored).toMatchObject({ state: 'rejected', reason: 'unknown_code' });
    expect(stored!.message).toMatch(/\w+/);
    expect((await r.db.events.get(good.id))!.state).toBe('sent');
    expect((await readSyncState(r.db, obs)).rejected).toEqual([{ id: bad.id, message: stored!.message }]);

    await r.recordEvent(obs, 'event_count', 'count', { category: 'Praise' });
    await r.sync.flush();
    expect(eventBatches(net).flatMap((b) => b.ids).filter((id) => id === bad.id)).toHaveLength(1);
    expect(await onServer(obs)).toBe(2);
  });

  it('keeps a batch waiting on a 5xx; refuses it with the server\u2019s message when the visit is not there (404)', async () => {
    const net = wire();
    let status = 503;
    const r = recorder(net, { send: async (url, body) => (status === 503 ? { status, body: { code: 'UNAVAILABLE', message: 'Try later.' } } : net.send(url, body)) });
    const unknown = crypto.randomUUID();
    const tap = await r.recordEvent(unknown, 'event_count', 'count', { category: 'Praise' });
    await r.sync.flush();
    expect(await r.db.events.get(tap.id)).toMatchObject({ state: 'waiting' });
    expect(r.sync.backingOff).toBe(true);

    status = 0;
    await r.sync.flush();
    expect(await r.db.events.get(tap.id)).toMatchObject({ state: 'rejected', reason: 'request', message: 'Not found, or you do not have access to it.' });
    expect(r.sync.backingOff).toBe(false);
  });

  it('marks an id the server holds with other content as a conflict', async () => {
    const obs = await observation();
    const r = recorder(wire());
    const tap = await r.recordEvent(obs, 'event_count', 'count', { category: 'Praise' });
    await r.sync.flush();
    // Another device (or a bug) reuses the id for a different tap.
    const other = recorder(wire());
    await other.db.events.add({ ...tap, payload: { category: 'Redirect' }, state: 'waiting' });
    await other.sync.flush();
    expect(await other.db.events.get(tap.id)).toMatchObject({ state: 'conflict', reason: 'conflict' });
    expect((await readSyncState(other.db, obs)).rejected).toHaveLength(1);
  });

  it('creates a visit started offline first, with its device id, then its events; a failed network is retried with backoff', async () => {
    const net = wire('down');
    const r = recorder(net, { retry: { firstMs: 20, maxMs: 80 } });
    const obs = await r.startObservation(partnership, { tools: [{ tool: 'event_count', categories: ['Praise'] }] });
    for (let i = 0; i < 3; i++) await r.recordEvent(obs, 'event_count', 'count', { category: 'Praise' });
    expect(await readSyncState(r.db, obs)).toMatchObject({ waiting: 4, rejected: [] });
    expect((await coach.get(`/api/observations/${obs}`)).statusCode).toBe(404);

    // The network comes back; the retry timer finds it.
    net.mode = 'up';
    await expect.poll(() => readSyncState(r.db, obs).then((s) => s.waiting)).toBe(0);
    expect(net.requests.map((q) => q.url)).toEqual([`/api/partnerships/${partnership}/observations`, `/api/observations/${obs}/events`]);
    expect(await r.db.starts.count()).toBe(0);
    const server = (await coach.get(`/api/observations/${obs}`)).json();
    expect(server).toMatchObject({ id: obs, planned: false, toolKinds: ['event_count'] });
    expect(server.events).toHaveLength(3);
  });

  it('re-sending a start that reached the server is harmless; a refused start is kept with its message and blocks its events', async () => {
    const net = wire('lose-answer');
    const r = recorder(net);
    const obs = await r.startObservation(partnership, { tools: [{ tool: 'event_count', categories: ['Praise'] }] });
    await r.recordEvent(obs, 'event_count', 'count', { category: 'Praise' });
    await r.sync.flush();
    net.mode = 'up';
    await r.sync.flush();
    expect(await onServer(obs)).toBe(1);
    expect((await w.db.selectFrom('observations').select('id').where('id', '=', obs).execute()).length).toBe(1);

    const refused = await r.startObservation(partnership, { tools: [{ tool: 'event_count' }] });
    await r.recordEvent(refused, 'event_count', 'count', { category: 'Praise' });
    await r.sync.flush();
    const state = await readSyncState(r.db, refused);
    expect(state.waiting).toBe(1);
    expect(state.rejected).toEqual([{ id: refused, message: expect.stringMatching(/\w/) }]);
    expect(net.requests.some((q) => q.url === `/api/observations/${refused}/events`)).toBe(false);
  });
});

describe('a long visit', () => {
  it('drains 10,000 queued taps in 20 batches; the server holds exactly 10,000', async () => {
    const obs = await observation();
    const net = wire('down');
    const r = recorder(net);
    const categories = ['Praise', 'Redirect'] as const;
    for (let i = 0; i < 10_000; i++) await r.recordEvent(obs, 'event_count', 'count', { category: categories[i % 2] });
    // Offline: one try after the first tap, then the retry timer waits; taps do not each try the network.
    expect(net.requests).toHaveLength(0);
    expect((await readSyncState(r.db, obs)).waiting).toBe(10_000);

    net.mode = 'up';
    await r.sync.flush();
    expect(eventBatches(net)).toHaveLength(20);
    expect(eventBatches(net).every((b) => b.ids.length === 500)).toBe(true);
    expect(await onServer(obs)).toBe(10_000);
    expect((await readSyncState(r.db, obs)).waiting).toBe(0);
  }, 300_000);

  it('resumes after a reload half-way, from what the device holds, without counting anything twice', async () => {
    const obs = await observation();
    const name = `reload-${++n}`;
    const first = wire('down');
    // One batch gets through; the second reaches the server but the tab dies before the answer is written.
    let calls = 0;
    const before = recorder(first, {
      name,
      send: (url, body) => {
        if (first.mode !== 'down') first.mode = ++calls === 1 ? 'up' : calls === 2 ? 'lose-answer' : 'down';
        return first.send(url, body);
      },
    });
    for (let i = 0; i < 1_500; i++) await before.recordEvent(obs, 'event_count', 'count', { category: 'Praise' });
    first.mode = 'up';
    await before.sync.flush();
    expect(await onServer(obs)).toBe(1_000);
    expect((await readSyncState(before.db, obs)).waiting).toBe(1_000);
    before.close();

    // The reload: a new connection to the same device database.
    const second = wire('up');
    const after = recorder(second, { name });
    await after.sync.flush();
    expect(eventBatches(second).map((b) => b.ids.length)).toEqual([500, 500]);
    expect(await onServer(obs)).toBe(1_500);
    const local = await readLocalEvents(after.db, obs);
    expect(local).toHaveLength(1_500);
    expect(local.every((e) => e.state === 'sent')).toBe(true);
    // New taps after the reload continue the order.
    const next = await after.recordEvent(obs, 'event_count', 'count', { category: 'Praise' });
    expect(next.seq).toBeGreaterThan(local[local.length - 1].seq);
  }, 120_000);

  it('never sends one event in two requests at once, across two tabs sharing a lock', async () => {
    const obs = await observation();
    const name = `tabs-${++n}`;
    const net = wire('down');
    let chain = Promise.resolve();
    const locks: Locks = {
      request<T>(_name: string, callback: () => Promise<T>) {
        const run = chain.then(callback);
        chain = run.then(
          () => {},
          () => {},
        );
        return run;
      },
    };
    const tabA = recorder(net, { name, locks });
    const tabB = recorder(net, { name, locks });
    for (let i = 0; i < 1_200; i++) await (i % 2 ? tabA : tabB).recordEvent(obs, 'event_count', 'count', { category: 'Praise' });
    net.mode = 'up';
    await Promise.all([tabA.sync.flush(), tabB.sync.flush(), tabA.sync.flush()]);
    expect(net.overlaps).toBe(0);
    expect(new Set(eventBatches(net).flatMap((b) => b.ids)).size).toBe(1_200);
    expect(eventBatches(net).flatMap((b) => b.ids)).toHaveLength(1_200);
    expect(await onServer(obs)).toBe(1_200);
  }, 120_000);
});

describe('what the screens read', () => {
  it('re-runs the sync state when taps are stored and when they are sent', async () => {
    const obs = await observation();
    const net = wire('down');
    const r = recorder(net);
    const seen: number[] = [];
    const subscription = liveQuery(() => readSyncState(r.db, obs)).subscribe((s) => seen.push(s.waiting));
    try {
      await expect.poll(() => seen.at(-1)).toBe(0);
      await r.recordEvent(obs, 'event_count', 'count', { category: 'Praise' });
      await r.recordEvent(obs, 'event_count', 'count', { category: 'Praise' });
      await expect.poll(() => seen.at(-1)).toBe(2);
      net.mode = 'up';
      await r.sync.flush();
      await expect.poll(() => seen.at(-1)).toBe(0);
    } finally {
      subscription.unsubscribe();
    }
  });
});
