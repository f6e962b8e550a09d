/**
 * What the screens read from the device copy: the taps of a visit (shown at
 * once, synced or not) and the "waiting to sync" indicator. Both are live
 * queries: they re-render when this tab, the sync loop or another tab writes.
 */
import Dexie, { liveQuery } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { recorder } from './recorder';
import type { LocalEnding, LocalEvent, RecordDb } from './store';
import { sendableBy } from './sync';

export interface SyncState {
  /** Events not yet answered by the server, plus visits started or ended here and not yet sent: the signed-in person's. */
  waiting: number;
  /** Taps someone else recorded on this device (a shared tablet), waiting for that person to sign in. */
  othersWaiting: number;
  /** What the server refused (events rejected or in conflict, starts refused), with its message: never retried on its own. */
  rejected: Array<{ id: string; message: string | null }>;
  /** When something last reached the server (ISO), or null. */
  lastSentAt: string | null;
  /** What the browser says about the network. */
  online: boolean;
}

const range = (first: unknown) => [
  [first, Dexie.minKey],
  [first, Dexie.maxKey],
] as const;

/**
 * The sync state of one visit, or of every visit on this device. Its seven reads share one
 * read-only transaction: it runs after every tap, and opening a transaction per read cost more
 * than the reads (a CPU profile of 200 taps put a third of the script time in opening them).
 */
export function readSyncState(db: RecordDb, observationId?: string, person: string | null = null): Promise<Omit<SyncState, 'online'>> {
  return db.transaction('r', [db.events, db.starts, db.endings], () => syncStateIn(db, observationId, person));
}

async function syncStateIn(db: RecordDb, observationId: string | undefined, person: string | null): Promise<Omit<SyncState, 'online'>> {
  const mine = sendableBy(person);
  const byState = (state: LocalEvent['state']) =>
    observationId ? db.events.where('[state+observationId]').equals([state, observationId]) : db.events.where('[state+observationId]').between(...range(state));
  const starts = observationId ? db.starts.where('id').equals(observationId) : db.starts.toCollection();
  const endings = observationId ? db.endings.where('id').equals(observationId) : db.endings.where('state').equals('waiting');
  // Counted by index, never by reading each tap: this runs after every tap and every sent batch.
  const authored = observationId
    ? { all: db.events.where('[state+observationId+authorId]').between(['waiting', observationId, Dexie.minKey], ['waiting', observationId, Dexie.maxKey]), theirs: (p: string) => db.events.where('[state+observationId+authorId]').equals(['waiting', observationId, p]) }
    : { all: db.events.where('[state+authorId]').between(['waiting', Dexie.minKey], ['waiting', Dexie.maxKey]), theirs: (p: string) => db.events.where('[state+authorId]').equals(['waiting', p]) };
  const [allWaiting, withAuthor, byPerson, waitingEndings, refused, startRows, last] = await Promise.all([
    byState('waiting').count(),
    authored.all.count(),
    person ? authored.theirs(person).count() : 0,
    endings.filter((x) => x.state === 'waiting' && mine(x)).count(),
    Promise.all([byState('rejected').toArray(), byState('conflict').toArray()]),
    starts.toArray(),
    observationId ? db.events.where('[observationId+sentAt]').between(...range(observationId)).last() : db.events.orderBy('sentAt').last(),
  ]);
  const rejectedEvents = refused.flat().sort((a, b) => a.seq - b.seq);
  const othersWaiting = withAuthor - byPerson;
  const waitingEvents = allWaiting - othersWaiting;
  return {
    waiting: waitingEvents + waitingEndings + startRows.filter((s) => s.state === 'waiting' && mine(s)).length,
    othersWaiting,
    rejected: [...startRows.filter((s) => s.state === 'rejected'), ...rejectedEvents].map((x) => ({ id: x.id, message: x.message ?? null })),
    lastSentAt: last?.sentAt ?? null,
  };
}

/** A visit's events on this device, in the order they were recorded. */
export function readLocalEvents(db: RecordDb, observationId: string): Promise<LocalEvent[]> {
  return db.events.where('[observationId+seq]').between(...range(observationId)).toArray();
}

function subscribeOnline(onChange: () => void) {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

/** Whether the browser thinks it is online. */
export function useOnline(): boolean {
  return useSyncExternalStore(
    subscribeOnline,
    () => navigator.onLine,
    () => true,
  );
}

const EMPTY: Omit<SyncState, 'online'> = { waiting: 0, othersWaiting: 0, rejected: [], lastSentAt: null };

/** The "waiting to sync" indicator for one visit (or all visits on this device when no id is given). */
export function useSyncState(observationId?: string): SyncState {
  const r = recorder();
  const db = r.db;
  const person = r.person;
  const state = useLiveQuery(() => readSyncState(db, observationId, person), [db, observationId, person], EMPTY);
  return { ...state, online: useOnline() };
}

/**
 * The taps of a visit recorded on this device, synced or not, oldest first; undefined while loading.
 *
 * Read whole once, then kept up to date by reading only what came after the last tap held (by its
 * seq) and counting the visit's taps: each tap used to re-read every tap of the visit, and that
 * read held up the next tap's write (IndexedDB runs a write after the reads begun before it). A
 * count that does not match what is held (a tap from another tab with an earlier seq, taps
 * forgotten at sign-out) reads the whole visit again.
 */
export function useLocalEvents(observationId: string): LocalEvent[] | undefined {
  const db = recorder().db;
  const [held, setHeld] = useState<{ id: string; events: LocalEvent[] } | null>(null);
  const current = held?.id === observationId ? held.events : null;
  const after = current ? (current[current.length - 1]?.seq ?? 0) : null;
  const size = current?.length ?? 0;
  useEffect(() => {
    const visit = db.events.where('[observationId+seq]');
    type Read = { whole: LocalEvent[]; newer?: undefined } | { whole?: undefined; newer: LocalEvent[] };
    const subscription = liveQuery(async (): Promise<Read> => {
      if (after === null) return { whole: await readLocalEvents(db, observationId) };
      const [count, newer] = await Promise.all([visit.between(...range(observationId)).count(), visit.between([observationId, after], [observationId, Dexie.maxKey], false, true).toArray()]);
      return count === size + newer.length ? { newer } : { whole: await readLocalEvents(db, observationId) };
    }).subscribe({
      next: (read) => {
        if (read.whole) setHeld({ id: observationId, events: read.whole });
        else if (read.newer.length) setHeld((prev) => (prev?.id === observationId ? { id: observationId, events: [...prev.events, ...read.newer] } : prev));
      },
      error: (err: unknown) => console.error('Could not read the taps kept on this device', err),
    });
    return () => subscription.unsubscribe();
  }, [db, observationId, after, size]);
  return current ?? undefined;
}

/** A visit's end made on this device (waiting, sent or refused), or undefined (none, or still loading). */
export function useLocalEnding(observationId: string): LocalEnding | undefined {
  const db = recorder().db;
  return useLiveQuery(() => db.endings.get(observationId), [db, observationId]);
}
