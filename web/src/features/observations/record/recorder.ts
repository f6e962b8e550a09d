/**
 * Recording a visit on the device: every tap is validated against the shared
 * event schemas, written to IndexedDB, and only then reported as recorded;
 * the network is never in that path. The write runs on the tap writer's
 * thread where there is one (tap-writer.ts); the sync loop is nudged
 * afterwards, once tapping pauses.
 */
import type { z } from 'zod';
import { EVENT_PAYLOADS, type StartObservationBody, UndoPayload, VISIT_EVENT_PAYLOADS } from '../../../../../shared/src/api';
import { OBSERVATION_TOOLS, type ObservationTool } from '../../../../../shared/src/domain';
import { ApiError, api, setCsrfToken } from '../../../api';
import { PERSON_KEY } from './device';
import { deviceLayout } from './layouts';
import { type LocalEnding, type LocalEvent, type LocalStart, type RecordDb, announceEvent, appendEvent, openRecordDb } from './store';
import { type Locks, SyncLoop, type Transport } from './sync';
import { prepareTapWriter } from './tap-writer';

/** The name of the performance measure from a call of recordEvent to the event stored (the benchmark reads it). */
export const TAP_MEASURE = 'tandem:tap';

export interface RecorderOptions {
  /** The device database (default: `tandem-observations`). */
  db?: RecordDb;
  /** How requests reach the server (default: the app's api.post, CSRF included). */
  send?: Transport;
  /** The device clock (default: the real one); tests pass the server's test clock. */
  now?: () => Date;
  /** Cross-tab lock (default: navigator.locks when present). */
  locks?: Locks | null;
  /** Who is signed in (default: told later through setPerson, or this device's last signed-in person). */
  person?: string | null;
  batchSize?: number;
  retry?: { firstMs: number; maxMs: number };
  /** How long a burst of taps waits before it is sent (SyncOptions.afterTap). */
  afterTap?: { quietMs: number; maxMs: number };
}

/** The tool's event types, each with its payload schema; every tool also records `undo`, and the visit's `pause` and `resume`. */
type PayloadOf<T extends ObservationTool, K extends string> = K extends 'undo'
  ? z.input<typeof UndoPayload>
  : K extends keyof typeof VISIT_EVENT_PAYLOADS
    ? z.input<(typeof VISIT_EVENT_PAYLOADS)[K]>
  : K extends keyof (typeof EVENT_PAYLOADS)[T]
    ? (typeof EVENT_PAYLOADS)[T][K] extends z.ZodType
      ? z.input<(typeof EVENT_PAYLOADS)[T][K]>
      : never
    : never;
export type EventType<T extends ObservationTool> = Extract<keyof (typeof EVENT_PAYLOADS)[T], string> | 'undo' | keyof typeof VISIT_EVENT_PAYLOADS;

/** The app's api.post as one {status, body} answer; only a network failure throws. */
async function postAnswer(url: string, body: unknown) {
  try {
    return { status: 200, body: await api.post<unknown>(url, body) };
  } catch (error) {
    if (error instanceof ApiError && error.status !== 0) return { status: error.status, body: { code: error.code, message: error.message } };
    throw error;
  }
}

/**
 * The app's api.post as a Transport. A page reloaded while the server was out of reach never
 * learned its session's CSRF token, so its first send would be refused (403) and the sync loop
 * would mark those taps as rejected: on CSRF_FAILED the token is read again from /api/me and the
 * request sent once more; if that still fails, the answer is a 401 (kept waiting, retried).
 */
export const apiTransport: Transport = async (url, body) => {
  const answer = await postAnswer(url, body);
  if (answer.status !== 403 || (answer.body as { code?: string }).code !== 'CSRF_FAILED') return answer;
  try {
    setCsrfToken((await api.get<{ csrfToken: string }>('/api/me')).csrfToken);
  } catch (error) {
    if (error instanceof ApiError && error.status !== 0) return { status: 401, body: { code: error.code, message: error.message } };
    throw error;
  }
  const again = await postAnswer(url, body);
  return again.status === 403 && (again.body as { code?: string }).code === 'CSRF_FAILED' ? { ...again, status: 401 } : again;
};

/** Checks a payload against the shared schema; a bad one is a bug in the screen that sent it, so it throws. */
export function validatePayload(tool: ObservationTool, type: string, payload: unknown): Record<string, unknown> {
  if (!(OBSERVATION_TOOLS as readonly string[]).includes(tool)) throw new TypeError(`Unknown observation tool: ${tool}`);
  const types = EVENT_PAYLOADS[tool] as Record<string, z.ZodType>;
  const schema = type === 'undo' ? UndoPayload : Object.hasOwn(VISIT_EVENT_PAYLOADS, type) ? VISIT_EVENT_PAYLOADS[type as keyof typeof VISIT_EVENT_PAYLOADS] : Object.hasOwn(types, type) ? types[type] : undefined;
  if (!schema) throw new TypeError(`The ${tool} tool records no event of type "${type}"`);
  const checked = schema.safeParse(payload);
  if (!checked.success) throw new TypeError(`Invalid ${tool}/${type} payload: ${checked.error.message}`);
  return checked.data as Record<string, unknown>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class ObservationRecorder {
  readonly db: RecordDb;
  readonly sync: SyncLoop;
  private readonly now: () => Date;
  private lastSeq = 0;
  private seqLoaded: Promise<void> | null = null;
  /** Who is signed in: undefined until told (then this device's last signed-in person, if kept). */
  private signedIn: string | null | undefined;
  /** Visits whose taps are timed by another clock than the device's: a clip's player (ClipClock). */
  private readonly clocks = new Map<string, () => Date>();

  constructor(options: RecorderOptions = {}) {
    this.db = options.db ?? openRecordDb();
    this.now = options.now ?? (() => new Date());
    this.signedIn = options.person;
    prepareTapWriter();
    this.sync = new SyncLoop({ db: this.db, send: options.send ?? apiTransport, now: this.now, locks: options.locks, batchSize: options.batchSize, retry: options.retry, afterTap: options.afterTap, person: () => this.person });
  }

  /**
   * Who records from now on, on a tablet several people share: each tap, start and end is
   * stamped with them, and only theirs are sent with their session. Kept on the device, so a
   * page reloaded offline (where the server cannot say who is signed in) still knows; signing
   * out forgets it with the screen's other copies (device.ts).
   */
  setPerson(personId: string | null): void {
    const changed = personId !== this.signedIn;
    this.signedIn = personId;
    try {
      if (personId) window.localStorage.setItem(PERSON_KEY, personId);
      else window.localStorage.removeItem(PERSON_KEY);
    } catch {
      // No storage (tests, private browsing): known for this tab only.
    }
    if (changed) this.sync.nudge();
  }

  /**
   * Times a visit's taps by another clock — the position of the clip the tools run on, as a time
   * after the visit's start — or again by the device's (null). Nothing else about a tap changes.
   */
  setClock(observationId: string, clock: (() => Date) | null): void {
    if (clock) this.clocks.set(observationId, clock);
    else this.clocks.delete(observationId);
  }

  /** The time a tap of this visit is stamped with. */
  timeOf(observationId: string): Date {
    return (this.clocks.get(observationId) ?? this.now)();
  }

  /** The signed-in person, or null when not known. */
  get person(): string | null {
    if (this.signedIn === undefined) {
      try {
        this.signedIn = window.localStorage.getItem(PERSON_KEY);
      } catch {
        return null;
      }
    }
    return this.signedIn ?? null;
  }

  /**
   * Records one tap. Resolves once the event is stored on the device, so
   * whatever the screen then shows as recorded survives a closed tab, a
   * reload or a dead battery; then nudges the sync loop. Throws (a
   * programming error) when the payload does not fit the tool's schema.
   */
  async recordEvent<T extends ObservationTool, K extends EventType<T>>(observationId: string, tool: T, type: K, payload: PayloadOf<T, K>): Promise<LocalEvent> {
    const started = performance.now();
    if (!UUID.test(observationId)) throw new TypeError(`Not an observation id: ${observationId}`);
    const checked = validatePayload(tool, type, payload);
    const createdAt = this.now().toISOString();
    const at = this.clocks.has(observationId) ? this.timeOf(observationId).toISOString() : createdAt;
    const event: LocalEvent = { id: crypto.randomUUID(), observationId, tool, type, payload: checked, deviceAt: at, state: 'waiting', createdAt, seq: await this.nextSeq(), authorId: this.person };
    const stored = await appendEvent(this.db, event);
    performance.measure(TAP_MEASURE, { start: started, end: stored.storedAt });
    if (stored.announce) announceEvent(this.db, event);
    this.sync.nudgeAfterTap();
    return event;
  }

  /** Undoes a tap: a new event naming it (nothing recorded is removed). */
  undo(observationId: string, tool: ObservationTool, eventId: string): Promise<LocalEvent> {
    return this.recordEvent(observationId, tool, 'undo', { eventId } as never);
  }

  /**
   * Starts a visit on the device: its id is made here and usable at once for
   * recording; the sync loop creates it on the server (with this id, so a
   * repeated send creates it once) before sending its events.
   */
  async startObservation(partnershipId: string, body: Omit<z.input<typeof StartObservationBody>, 'id'> = {}): Promise<string> {
    const id = crypto.randomUUID();
    const at = this.now().toISOString();
    // A tool drawn on a layout records on the version this device holds, and says which: the server keeps that version.
    const tools = body.tools
      ? await Promise.all(body.tools.map(async (t) => (t.layoutId && t.layoutVersion === undefined ? { ...t, layoutVersion: (await deviceLayout(t.layoutId, null, this.db))?.version } : t)))
      : undefined;
    const start: LocalStart = { id, partnershipId, body: { ...body, ...(tools ? { tools } : {}), id, startedAt: body.startedAt ?? at }, state: 'waiting', createdAt: at, authorId: this.person };
    await this.db.starts.add(start);
    this.sync.nudge();
    return id;
  }

  /**
   * Ends a visit on the device (works offline): kept, and sent after the visit's events. Ending a
   * visit this device already ended changes nothing and answers the first end, so it is sent once.
   */
  async endObservation(observationId: string): Promise<LocalEnding> {
    if (!UUID.test(observationId)) throw new TypeError(`Not an observation id: ${observationId}`);
    const at = this.now().toISOString();
    const ending: LocalEnding = { id: observationId, endedAt: at, state: 'waiting', createdAt: at, authorId: this.person };
    const kept = await this.db.transaction('rw', this.db.endings, async () => {
      const earlier = await this.db.endings.get(observationId);
      if (earlier) return earlier;
      await this.db.endings.add(ending);
      return ending;
    });
    this.sync.nudge();
    return kept;
  }

  /** Stops syncing and closes the database (a closed tab, in tests). */
  close(): void {
    this.sync.stop();
    this.db.close();
  }

  /** Monotonic write order, continued from what this device already holds. */
  private async nextSeq(): Promise<number> {
    if (this.lastSeq === 0) {
      this.seqLoaded ??= this.db.events
        .orderBy('seq')
        .last()
        .then((e) => {
          this.lastSeq = Math.max(this.lastSeq, e?.seq ?? 0);
        });
      await this.seqLoaded;
    }
    this.lastSeq = Math.max(this.lastSeq + 1, Date.now() * 1000);
    return this.lastSeq;
  }
}

let instance: ObservationRecorder | null = null;

/** This tab's recorder (one database connection, one sync loop). */
export function recorder(): ObservationRecorder {
  instance ??= new ObservationRecorder();
  return instance;
}

/** Records one tap with this tab's recorder; see ObservationRecorder.recordEvent. */
export function recordEvent<T extends ObservationTool, K extends EventType<T>>(observationId: string, tool: T, type: K, payload: PayloadOf<T, K>): Promise<LocalEvent> {
  return recorder().recordEvent(observationId, tool, type, payload);
}

/** Undoes a tap with this tab's recorder. */
export function undoEvent(observationId: string, tool: ObservationTool, eventId: string): Promise<LocalEvent> {
  return recorder().undo(observationId, tool, eventId);
}

/** Starts a visit on the device (works offline); returns its id. */
export function startObservation(partnershipId: string, body?: Omit<z.input<typeof StartObservationBody>, 'id'>): Promise<string> {
  return recorder().startObservation(partnershipId, body);
}

/** Ends a visit with this tab's recorder (works offline); see ObservationRecorder.endObservation. */
export function endObservation(observationId: string): Promise<LocalEnding> {
  return recorder().endObservation(observationId);
}

/**
 * Starts this tab's sync loop (idempotent): drains now, then on `online`,
 * on visibility changes, after each tap, and on retry after a failure. Asks
 * the browser to keep the device copy (storage.persist) so it is not evicted.
 */
export function startSync(): SyncLoop {
  const r = recorder();
  r.sync.start();
  if (typeof navigator !== 'undefined') void navigator.storage?.persist?.().catch(() => false);
  return r.sync;
}
