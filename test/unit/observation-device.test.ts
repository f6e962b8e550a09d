/**
 * Signing out of a shared tablet: what reached Tandem leaves the device with the person (taps,
 * lines said, the recording screen's copies), and what has not been sent yet stays, counted, so
 * the person is asked before it is left behind and nothing shown as recorded is lost.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { DEVICE_COPY_PREFIX, type LocalEvent, forgetOnSignOut, openRecordDb, unsentOnDevice } from '../../web/src/features/observations/record';

let n = 0;
const dbs: Array<ReturnType<typeof openRecordDb>> = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

function event(state: LocalEvent['state'], seq: number): LocalEvent {
  const at = new Date(Date.UTC(2026, 11, 8, 15, 0, seq)).toISOString();
  return { id: crypto.randomUUID(), observationId: '00000000-0000-4000-8000-000000000001', tool: 'selective_verbatim', type: 'line', payload: { text: `PRIVATE line ${seq}`, speaker: 'T', category: null }, deviceAt: at, state, createdAt: at, seq };
}

/** A Storage stand-in: the test has no window. */
function memoryStorage(entries: Record<string, string>) {
  const map = new Map(Object.entries(entries));
  return {
    get length() {
      return map.size;
    },
    key: (i: number) => [...map.keys()][i] ?? null,
    removeItem: (key: string) => void map.delete(key),
    keys: () => [...map.keys()],
  };
}

describe('signing out of a shared device', () => {
  it('counts what has not reached Tandem, forgets what has, and keeps what waits', async () => {
    const db = openRecordDb(`tandem-observations-device-${++n}`);
    dbs.push(db);
    await db.events.bulkAdd([event('sent', 1), event('sent', 2), event('rejected', 3), event('conflict', 4), event('waiting', 5), event('waiting', 6)]);
    await db.starts.bulkAdd([
      { id: crypto.randomUUID(), partnershipId: 'p', body: { id: crypto.randomUUID(), startedAt: new Date().toISOString() }, state: 'waiting', createdAt: new Date().toISOString() },
      { id: crypto.randomUUID(), partnershipId: 'p', body: { id: crypto.randomUUID(), startedAt: new Date().toISOString() }, state: 'rejected', message: 'Refused', createdAt: new Date().toISOString() },
    ]);
    expect(await unsentOnDevice(db)).toBe(3);

    const storage = memoryStorage({ [`${DEVICE_COPY_PREFIX}a`]: '{"focus":"PRIVATE focus"}', [`${DEVICE_COPY_PREFIX}b`]: '{}', 'tandem.language': 'es' });
    await forgetOnSignOut(db, storage);
    const left = await db.events.toArray();
    expect(left.map((e) => e.state)).toEqual(['waiting', 'waiting']);
    expect((await db.starts.toArray()).map((s) => s.state)).toEqual(['waiting']);
    expect(storage.keys()).toEqual(['tandem.language']);
    expect(await unsentOnDevice(db)).toBe(3);
  });

  it('has nothing to ask when everything was sent', async () => {
    const db = openRecordDb(`tandem-observations-device-${++n}`);
    dbs.push(db);
    await db.events.bulkAdd([event('sent', 1)]);
    expect(await unsentOnDevice(db)).toBe(0);
    await forgetOnSignOut(db, memoryStorage({}));
    expect(await db.events.count()).toBe(0);
  });
});
