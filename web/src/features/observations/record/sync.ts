/**
 * The sync loop: sends what this device recorded, as often as it takes, and
 * writes down each answer. Replays are harmless (the server answers an event
 * it already holds as a duplicate), so the only rules here are about order and
 * about never sending one event in two requests at the same time.
 *
 * - Visits started offline are created first (with their device id), then their events.
 * - Events go per visit, oldest first, at most BATCH_SIZE per request.
 * - A visit ended on the device is ended on the server once none of its events waits, with the
 *   device's endedAt (a repeat of the same end is answered as done, so it ends exactly once);
 *   an end the server refuses (ended elsewhere already) is kept with its words, never retried.
 * - accepted/duplicate → sent; rejected/conflict → kept with the server's reason and message,
 *   never retried on their own (a person has to see them).
 * - A network error, a 5xx, 401, 408 or 429 keeps everything waiting and retries after
 *   1 s, 2 s, 4 s … up to 30 s; another 4xx refuses that request's items like a rejection.
 * - One drain at a time per tab; across tabs, one at a time through the Web Locks API
 *   when the browser has it.
 * - On a shared tablet, only what the signed-in person recorded goes out (with their session);
 *   another person's taps, starts and ends stay on the device, untouched, until they sign in.
 */
import Dexie from 'dexie';
import { IngestEventsResponse } from '../../../../../shared/src/api';
import type { LocalEvent, RecordDb } from './store';

export const BATCH_SIZE = 500;
export const LOCK_NAME = 'tandem-observations-sync';

/** One answer of the server: its status and parsed body. A network failure throws instead. */
export interface Answer {
  status: number;
  body: unknown;
}
/** How a request reaches the server: the app's api.post in the browser, app.inject in tests. */
export type Transport = (url: string, body: unknown) => Promise<Answer>;

/** The part of the Web Locks API the loop uses. */
export interface Locks {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

export interface SyncOptions {
  db: RecordDb;
  send: Transport;
  /** The device clock (sentAt stamps). */
  now?: () => Date;
  /** Cross-tab lock; defaults to navigator.locks when present. */
  locks?: Locks | null;
  batchSize?: number;
  /** First and longest wait before retrying after a failure (1 s and 30 s). */
  retry?: { firstMs: number; maxMs: number };
  /**
   * Who is signed in on this device (null: not known). Only what they recorded is sent, with
   * their session; what someone else recorded on a shared tablet waits for that person.
   */
  person?: () => string | null;
  /**
   * After a tap, the drain waits for a pause in tapping (quietMs, 250) but never longer than
   * maxMs (1 s) after the first tap of a burst: a burst goes out as one batch, and the taps'
   * own writes do not queue behind the sync's reads and updates of the same table.
   */
  afterTap?: { quietMs: number; maxMs: number };
}

/** Whether a thing recorded on the device may go out with this person's session: theirs, or recorded before authors were kept. */
export const sendableBy = (person: string | null) => (x: { authorId?: string | null }) => x.authorId == null || x.authorId === person;

/** Status codes that say "try again later" rather than "this will never be taken". */
const retryable = (status: number) => status === 0 || status >= 500 || status === 401 || status === 408 || status === 429;

const messageOf = (body: unknown): string | null => {
  const m = (body as { message?: unknown } | null)?.message;
  return typeof m === 'string' ? m : null;
};

class Transient extends Error {}

export class SyncLoop {
  readonly db: RecordDb;
  private readonly send: Transport;
  private readonly now: () => Date;
  private readonly locks: Locks | null;
  private readonly batchSize: number;
  private readonly retry: { firstMs: number; maxMs: number };
  private readonly person: () => string | null;
  private running: Promise<void> | null = null;
  private again = false;
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private detach: (() => void) | null = null;
  private stopped = false;
  private readonly afterTap: { quietMs: number; maxMs: number };
  private tapTimer: ReturnType<typeof setTimeout> | null = null;
  private burstStartedAt: number | null = null;

  constructor(options: SyncOptions) {
    this.db = options.db;
    this.send = options.send;
    this.now = options.now ?? (() => new Date());
    this.locks = options.locks !== undefined ? options.locks : defaultLocks();
    this.batchSize = Math.min(options.batchSize ?? BATCH_SIZE, 1000);
    this.retry = options.retry ?? { firstMs: 1000, maxMs: 30_000 };
    this.person = options.person ?? (() => null);
    this.afterTap = options.afterTap ?? { quietMs: 250, maxMs: 1000 };
  }

  /** Listens for the network coming back and the page being shown or hidden, and drains once now. */
  start(): void {
    this.stopped = false;
    if (!this.detach && typeof window !== 'undefined') {
      // The network back, or the page shown or hidden: worth a try now, even while waiting to retry.
      const online = () => {
        this.failures = 0;
        void this.flush().catch(() => {});
      };
      const visible = () => void this.flush().catch(() => {});
      window.addEventListener('online', online);
      document.addEventListener('visibilitychange', visible);
      this.detach = () => {
        window.removeEventListener('online', online);
        document.removeEventListener('visibilitychange', visible);
      };
    }
    this.nudge();
  }

  /** Stops listening and retrying (a drain under way finishes). */
  stop(): void {
    this.stopped = true;
    this.detach?.();
    this.detach = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.tapTimer) clearTimeout(this.tapTimer);
    this.tapTimer = null;
    this.burstStartedAt = null;
  }

  /** Asks for a drain (after a tap); never throws. While waiting to retry after a failure it leaves the retry to its timer, so taps in a dead zone do not each try the network. */
  nudge(): void {
    if (this.timer) return;
    void this.flush().catch(() => {});
  }

  /** Asks for a drain after a tap, once tapping pauses (see SyncOptions.afterTap); never throws. */
  nudgeAfterTap(): void {
    if (this.timer) return;
    const now = Date.now();
    this.burstStartedAt ??= now;
    if (this.tapTimer) clearTimeout(this.tapTimer);
    const wait = Math.max(0, Math.min(this.afterTap.quietMs, this.burstStartedAt + this.afterTap.maxMs - now));
    this.tapTimer = setTimeout(() => {
      this.tapTimer = null;
      this.burstStartedAt = null;
      this.nudge();
    }, wait);
  }

  /** True while a failed request waits for its retry. */
  get backingOff(): boolean {
    return this.timer !== null;
  }

  /**
   * Drains until nothing sendable is waiting or a request fails for a reason
   * that may pass (then a retry is scheduled). Calls made during a drain join
   * it and make it look again once more, so nothing recorded meanwhile waits.
   */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.underLock(() => this.drain());
        } while (this.again && !this.timer);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  private underLock(fn: () => Promise<void>): Promise<void> {
    return this.locks ? this.locks.request(LOCK_NAME, fn) : fn();
  }

  private schedule(): void {
    if (this.stopped) return;
    const delay = Math.min(this.retry.maxMs, this.retry.firstMs * 2 ** this.failures);
    this.failures += 1;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush().catch(() => {});
    }, delay);
  }

  private async drain(): Promise<void> {
    try {
      await this.sendStarts();
      for (;;) {
        const sent = await this.sendOneBatch();
        if (!sent) break;
      }
      await this.sendEndings();
      this.failures = 0;
    } catch (error) {
      if (!(error instanceof Transient)) throw error;
      this.schedule();
    }
  }

  /** A request, with "may pass" failures turned into Transient. */
  private async post(url: string, body: unknown): Promise<Answer> {
    let answer: Answer;
    try {
      answer = await this.send(url, body);
    } catch {
      throw new Transient('network');
    }
    if (retryable(answer.status)) throw new Transient(String(answer.status));
    return answer;
  }

  /** Visits started offline: created with their device id (the server answers a repeat with the same visit). */
  private async sendStarts(): Promise<void> {
    const starts = (await this.db.starts.where('state').equals('waiting').sortBy('createdAt')).filter(sendableBy(this.person()));
    for (const s of starts) {
      const answer = await this.post(`/api/partnerships/${s.partnershipId}/observations`, s.body);
      if (answer.status < 300) await this.db.starts.delete(s.id);
      else await this.db.starts.update(s.id, { state: 'rejected', message: messageOf(answer.body) });
    }
  }

  /** Visits ended on this device, each once its events have been answered. */
  private async sendEndings(): Promise<void> {
    const mine = sendableBy(this.person());
    const endings = (await this.db.endings.where('state').equals('waiting').sortBy('createdAt')).filter(mine);
    for (const ending of endings) {
      if (await this.db.starts.get(ending.id)) continue;
      const pending = await this.db.events.where('[state+observationId]').equals(['waiting', ending.id]).filter(mine).count();
      if (pending > 0) continue;
      const answer = await this.post(`/api/observations/${ending.id}/ending`, { endedAt: ending.endedAt });
      if (answer.status < 300) await this.db.endings.update(ending.id, { state: 'sent', sentAt: this.now().toISOString(), message: null });
      else await this.db.endings.update(ending.id, { state: 'refused', message: messageOf(answer.body) });
    }
  }

  /** Sends the oldest waiting events of one visit; false when nothing sendable waits. */
  private async sendOneBatch(): Promise<boolean> {
    const blocked = new Set((await this.db.starts.toCollection().primaryKeys()) as string[]);
    const waiting = (await this.db.events
      .where('[state+observationId]')
      .between(['waiting', Dexie.minKey], ['waiting', Dexie.maxKey])
      .uniqueKeys()) as unknown as Array<[string, string]>;
    const person = this.person();
    const mine = sendableBy(person);
    let observationId: string | undefined;
    let batch: LocalEvent[] = [];
    for (const [, id] of waiting) {
      if (blocked.has(id)) continue;
      const oldest = () => this.db.events.where('[state+observationId+seq]').between(['waiting', id, Dexie.minKey], ['waiting', id, Dexie.maxKey]);
      // The usual case reads one batch by the index; only when it is all someone else's is the visit scanned for this person's.
      const first = await oldest().limit(this.batchSize).toArray();
      batch = first.filter(mine);
      if (batch.length === 0 && first.length === this.batchSize) batch = await oldest().filter(mine).limit(this.batchSize).toArray();
      if (batch.length > 0) {
        observationId = id;
        break;
      }
    }
    if (!observationId || batch.length === 0) return false;
    // Someone else signed in while the batch was read: it is not theirs to send.
    if (this.person() !== person) return false;
    const answer = await this.post(`/api/observations/${observationId}/events`, {
      events: batch.map((e) => ({ id: e.id, tool: e.tool, type: e.type, payload: e.payload, deviceAt: e.deviceAt })),
    });
    await this.record(batch, answer);
    return true;
  }

  /** Writes down the server's answer for each event of a batch (one bulk write, so one transaction). */
  private async record(batch: LocalEvent[], answer: Answer): Promise<void> {
    if (answer.status >= 300) {
      // The whole request was refused (e.g. the visit is gone or no longer yours): shown, not retried.
      const message = messageOf(answer.body);
      await this.db.events.bulkUpdate(batch.map((e) => ({ key: e.id, changes: { state: 'rejected' as const, reason: 'request', message } })));
      return;
    }
    const parsed = IngestEventsResponse.safeParse(answer.body);
    // An answer this client cannot read: keep waiting and try later, rather than guess.
    if (!parsed.success) throw new Transient('unreadable answer');
    const sentAt = this.now().toISOString();
    const updates: Array<{ key: string; changes: Partial<LocalEvent> }> = [];
    for (const r of parsed.data.results) {
      const e = batch[r.index];
      if (!e || e.id !== r.id) continue;
      if (r.status === 'accepted' || r.status === 'duplicate') updates.push({ key: e.id, changes: { state: 'sent', sentAt, reason: null, message: null } });
      else updates.push({ key: e.id, changes: { state: r.status, reason: r.reason, message: r.message } });
    }
    // Nothing answered for: sending the same batch again at once would only loop.
    if (updates.length === 0) throw new Transient('no results');
    await this.db.events.bulkUpdate(updates);
  }
}

function defaultLocks(): Locks | null {
  const locks = typeof navigator === 'undefined' ? undefined : (navigator as Navigator & { locks?: LockManager }).locks;
  return locks ? { request: (name, callback) => locks.request(name, callback) as ReturnType<typeof callback> } : null;
}
