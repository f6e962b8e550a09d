/**
 * Stores taps in IndexedDB on a thread of their own. On the page's main thread the answer of a
 * write started by a tap waits until the browser has drawn the frame that follows the tap
 * (Chromium puts drawing first after input): 4–10 ms of a tap's time in a trace, for a write
 * IndexedDB finishes in about 1.5 ms. Here nothing is drawn, so a tap is stored as soon as the
 * disk has it, and the page is told when that was.
 *
 * The page's Dexie database creates and upgrades the database; this worker only appends to its
 * `events` store, with strict durability (see store.ts), and lets go of its connection whenever
 * the page needs it closed (an upgrade, the copies forgotten at sign-out).
 */
/// <reference lib="webworker" />
import type { TapWrite, TapWritten } from './tap-writer';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const connections = new Map<string, Promise<IDBDatabase>>();

function connect(name: string): Promise<IDBDatabase> {
  const known = connections.get(name);
  if (known) return known;
  const opening = new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name);
    // The page opens (and so creates) the database before it sends a tap: never create one here.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => {
        db.close();
        connections.delete(name);
      };
      db.onclose = () => connections.delete(name);
      resolve(db);
    };
    request.onerror = () => {
      connections.delete(name);
      reject(request.error);
    };
  });
  connections.set(name, opening);
  return opening;
}

function append(db: IDBDatabase, event: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction('events', 'readwrite', { durability: 'strict' });
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB aborted the tap write'));
    tx.objectStore('events').add(event);
  });
}

scope.onmessage = async ({ data }: MessageEvent<TapWrite>) => {
  let answer: TapWritten;
  try {
    await append(await connect(data.dbName), data.event);
    answer = { n: data.n, ok: true, storedAt: performance.timeOrigin + performance.now() };
  } catch (error) {
    // A connection closed under us is opened again for the next tap; this one goes back to the page.
    connections.delete(data.dbName);
    answer = { n: data.n, ok: false, error: error instanceof DOMException ? error.name : String(error) };
  }
  scope.postMessage(answer);
};
