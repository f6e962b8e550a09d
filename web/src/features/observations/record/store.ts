/**
 * The device's copy of every visit (issue 10, "offline, with no lost taps"):
 * each tap is written here before the screen says it is recorded, and only
 * then sent. Append-only from the app's point of view: an undo is a new
 * event naming the one it cancels; the sync loop only changes an event's
 * delivery state.
 */
import Dexie, { type EntityTable, type ObservabilitySet, RangeSet } from 'dexie';
import type { z } from 'zod';
import type { StartObservationBody } from '../../../../../shared/src/api';
import type { LayoutElementType, ObservationTool } from '../../../../../shared/src/domain';
import { writeTap } from './tap-writer';

export const DATABASE_NAME = 'tandem-observations';

/** waiting: not yet answered by the server; sent: stored there (accepted now or before); rejected/conflict: refused, kept with why, never sent again on its own. */
export type EventState = 'waiting' | 'sent' | 'rejected' | 'conflict';

export interface LocalEvent {
  /** Made on the device (crypto.randomUUID()); the server recognises a second send by it. */
  id: string;
  observationId: string;
  tool: ObservationTool;
  type: string;
  /** As validated by the shared EVENT_PAYLOADS schema (defaults filled in). */
  payload: Record<string, unknown>;
  /** The device's clock at the tap (ISO). */
  deviceAt: string;
  state: EventState;
  /** Why the server refused it (an EVENT_REJECTIONS value, or `request` when the whole batch was refused). */
  reason?: string | null;
  /** What to do about it, in the reader's language, as the server wrote it. */
  message?: string | null;
  /** When it was written on this device (ISO). */
  createdAt: string;
  /** Write order on this device: batches go oldest first, so an undo never travels before its tap. */
  seq: number;
  /** When the server answered accepted or duplicate (ISO). */
  sentAt?: string;
  /**
   * Who recorded it (their person id), on a tablet several people share: only their session sends
   * it. Missing on taps recorded before this was kept: sent by whoever is signed in.
   */
  authorId?: string | null;
}

/** A visit started on this device and not yet created on the server. Its id is the observation's id everywhere. */
export interface LocalStart {
  id: string;
  partnershipId: string;
  /** The start request as it will be sent (its `id` and `startedAt` fixed on the device). */
  body: z.input<typeof StartObservationBody> & { id: string; startedAt: string };
  state: 'waiting' | 'rejected';
  message?: string | null;
  createdAt: string;
  /** Who started it (only their session creates it on the server). */
  authorId?: string | null;
}

/**
 * A visit ended on this device (offline or not): sent after every event of the visit this person
 * can send, once. waiting: not yet answered; sent: the server ended it (now, or on an earlier send
 * whose answer was lost); refused: the server would not (already ended elsewhere), with its words.
 */
export interface LocalEnding {
  /** The observation's id. */
  id: string;
  /** When it ended on the device (ISO): sent as is, so a repeat is recognised as the same end. */
  endedAt: string;
  state: 'waiting' | 'sent' | 'refused';
  message?: string | null;
  /** Who ended it (only their session sends it). */
  authorId?: string | null;
  createdAt: string;
  sentAt?: string;
}

/**
 * A classroom layout version this device has seen (the start form's list, a visit read from the
 * server), kept so verbal flow and physical map can record on it offline: a visit started here
 * offline names this version, and the server keeps the same one.
 */
export interface LocalLayout {
  layoutId: string;
  version: number;
  partnershipId: string | null;
  kind: 'seating_chart' | 'room_map';
  name: string;
  elements: Array<{ id: string; type: LayoutElementType; label?: string | null; x: number; y: number; w: number; h: number }>;
  keptAt: string;
}

export type RecordDb = Dexie & {
  events: EntityTable<LocalEvent, 'id'>;
  starts: EntityTable<LocalStart, 'id'>;
  endings: EntityTable<LocalEnding, 'id'>;
  layouts: Dexie.Table<LocalLayout, [string, number]>;
};

/**
 * Opens (lazily, on first use) the device database. Writes use strict
 * durability where the browser supports it: a relaxed write may be reported
 * done before it reaches the disk, and a tap shown as recorded must survive a
 * dead battery.
 */
export function openRecordDb(name = DATABASE_NAME): RecordDb {
  // cache 'disabled': no optimistic live-query updates, so a tap is drawn only once its write has
  // committed (never before it is durable), and redrawing the screen does not run inside the tap's
  // transaction, holding its completion back.
  const db = new Dexie(name, { chromeTransactionDurability: 'strict', cache: 'disabled' }) as RecordDb;
  db.version(1).stores({
    // [state+observationId(+seq)]: what waits, per visit, oldest first; [observationId+seq]: a visit's taps in order;
    // [observationId+sentAt] and sentAt: when something last reached the server (events never sent are not indexed there).
    events: 'id, seq, sentAt, [observationId+seq], [state+observationId], [state+observationId+seq], [observationId+sentAt]',
    starts: 'id, state',
  });
  // Ends of visits made on this device, sent after their events.
  db.version(2).stores({ endings: 'id, state' });
  // Layout versions seen here, for recording offline.
  db.version(3).stores({ layouts: '[layoutId+version], layoutId, partnershipId' });
  // Whose taps wait, counted by index (taps kept before authors were recorded are in neither).
  db.version(4).stores({
    events: 'id, seq, sentAt, [observationId+seq], [state+observationId], [state+observationId+seq], [observationId+sentAt], [state+observationId+authorId], [state+authorId]',
  });
  return db;
}

/**
 * Appends one tap to the device copy and resolves once IndexedDB has committed it (strict
 * durability), with the moment it was stored (performance.now()). Dexie's own `add` resolves only
 * after it has told every live query of the change inside the commit event, and the recording
 * screen's re-reads started there held the tap's answer back (1–7 ms in a trace): the write goes
 * straight to IndexedDB instead, on the tap writer's thread where there is one (tap-writer.ts),
 * else through the connection Dexie opened, and the caller tells the live queries afterwards
 * (announceEvent). Where neither can run (the connection was closed for an upgrade), Dexie
 * writes it, reopening as it does, and tells them itself.
 */
export async function appendEvent(db: RecordDb, event: LocalEvent): Promise<{ storedAt: number; announce: boolean }> {
  if (!db.isOpen()) await db.open();
  const storedAt = await writeTap(db.name, event);
  if (storedAt !== null) return { storedAt, announce: true };
  let tx: IDBTransaction;
  try {
    tx = db.backendDB().transaction('events', 'readwrite', { durability: 'strict' });
  } catch {
    await db.events.add(event);
    return { storedAt: performance.now(), announce: false };
  }
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB aborted the tap write'));
    tx.objectStore('events').add(event);
  });
  return { storedAt: performance.now(), announce: true };
}

/** Tells live queries in this tab and others (Dexie's storage-mutated event) that a tap was appended directly. */
export function announceEvent(db: RecordDb, event: LocalEvent): void {
  const table = db.core.schema.tables.find((t) => t.name === 'events');
  if (!table) return;
  const part = (index: string) => `idb://${db.name}/events/${index}`;
  const parts: ObservabilitySet = { [part('')]: new RangeSet().addKey(event.id), [part(':dels')]: new RangeSet().addKey(event.id) };
  for (const index of table.indexes) {
    if (!index.name || !index.extractKey) continue;
    const key = index.extractKey(event);
    if (key !== undefined && key !== null) parts[part(index.name)] = new RangeSet().addKey(key);
  }
  Dexie.on.storagemutated.fire(parts);
}
