/**
 * Live updates of a partnership meeting to every participant's screen, whichever server process
 * their screen is connected to.
 *
 * Every change is numbered in the database (admin_meetings.last_event, one admin_meeting_events
 * row each) in the transaction that makes it. After the commit, the process that made it says
 * "meeting M reached event N" on the bus; every process with screens open on M reads the events
 * it has not sent yet, and the meeting as each screen's person may see it, from the database,
 * and sends them. The bus carries ids and numbers only, never words of the meeting.
 *
 * The bus: Redis pub/sub when REDIS_URL is set (the primary path; the same Redis the sign-in
 * limits use, one extra connection per process for subscribing); else PostgreSQL LISTEN/NOTIFY
 * when the database is PostgreSQL (one extra connection per process, held for LISTEN); else an
 * in-process emitter, which is all one process needs (SQLite runs as one process). Whichever bus
 * is down for a while, a screen catches up on what it missed when it reconnects (the events are
 * in the database).
 *
 * The publishing process also tells its own screens directly, so they do not wait for (or
 * depend on) the round trip through Redis; a screen ignores an event it already has.
 */
import { EventEmitter } from 'node:events';
import type { FastifyBaseLogger } from 'fastify';
import { Redis } from 'ioredis';
import pg from 'pg';
import type { Config } from '../config';

export interface MeetingBus {
  /** Tell every process (this one included) that the meeting reached this event. */
  publish(meetingId: string, seq: number): void;
  /** Called for every event announced by any process. */
  onEvent(handler: (meetingId: string, seq: number) => void): void;
  close(): Promise<void>;
}

const CHANNEL = 'admin-meetings';

export function memoryBus(): MeetingBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    publish: (meetingId, seq) => emitter.emit('event', meetingId, seq),
    onEvent: (handler) => emitter.on('event', handler),
    async close() {
      emitter.removeAllListeners();
    },
  };
}

/**
 * Redis pub/sub. Publishing never waits for Redis and never fails a request: while Redis is
 * unreachable, screens on other processes catch up when they reconnect (Last-Event-ID).
 */
export async function redisBus(url: string, keyPrefix: string, log: FastifyBaseLogger): Promise<MeetingBus> {
  const options = { connectTimeout: 2_000, maxRetriesPerRequest: 1, retryStrategy: (times: number) => Math.min(times * 250, 5_000) };
  const pub = new Redis(url, { ...options, enableOfflineQueue: false });
  const sub = new Redis(url, options);
  const channel = `${keyPrefix}${CHANNEL}`;
  const local = memoryBus();
  let warned = false;
  const onError = (err: Error) => {
    if (warned) return;
    warned = true;
    log.warn({ err: { message: err.message } }, 'Redis for live meeting updates is unreachable; screens on other processes catch up when they reconnect');
  };
  pub.on('error', onError);
  sub.on('error', onError);
  sub.on('ready', () => {
    warned = false;
  });
  sub.on('message', (ch: string, message: string) => {
    if (ch !== channel) return;
    try {
      const { m, s } = JSON.parse(message) as { m: string; s: number };
      if (typeof m === 'string' && Number.isInteger(s)) local.publish(m, s);
    } catch {
      // Not ours: ignore.
    }
  });
  // Subscribed before the first request, so no announcement is missed (waits at most 3 s for Redis).
  await Promise.race([sub.subscribe(channel).catch(() => undefined), new Promise((r) => setTimeout(r, 3_000).unref())]);
  return {
    publish(meetingId, seq) {
      local.publish(meetingId, seq);
      pub.publish(channel, JSON.stringify({ m: meetingId, s: seq })).catch(onError);
    },
    onEvent: (handler) => local.onEvent(handler),
    async close() {
      await local.close();
      await Promise.all([pub.quit().catch(() => pub.disconnect()), sub.quit().catch(() => sub.disconnect())]);
    },
  };
}

/** The PostgreSQL channel (per database, so deployments on different databases never hear each other). */
const PG_CHANNEL = 'tandem_admin_meetings';

/**
 * PostgreSQL LISTEN/NOTIFY: one client per process holds LISTEN (reconnecting after a drop, with
 * a growing pause); announcements go out as pg_notify on a short-lived pool connection.
 */
export async function postgresBus(url: string, log: FastifyBaseLogger): Promise<MeetingBus> {
  const local = memoryBus();
  const notifier = new pg.Pool({ connectionString: url, max: 2 });
  notifier.on('error', () => {});
  let listener: pg.Client | null = null;
  let closed = false;
  let retries = 0;
  let warned = false;
  const warn = (err: Error) => {
    if (warned) return;
    warned = true;
    log.warn({ err: { message: err.message } }, 'PostgreSQL LISTEN for live meeting updates is unavailable; screens on other processes catch up when they reconnect');
  };
  async function connect(): Promise<void> {
    if (closed) return;
    const client = new pg.Client({ connectionString: url });
    client.on('notification', (msg) => {
      if (msg.channel !== PG_CHANNEL || !msg.payload) return;
      try {
        const { m, s } = JSON.parse(msg.payload) as { m: string; s: number };
        if (typeof m === 'string' && Number.isInteger(s)) local.publish(m, s);
      } catch {
        // Not ours: ignore.
      }
    });
    const again = (err?: Error) => {
      if (err) warn(err);
      if (listener !== client) return;
      listener = null;
      client.end().catch(() => undefined);
      if (!closed) setTimeout(() => void connect(), Math.min(250 * 2 ** retries++, 5_000)).unref();
    };
    client.on('error', again);
    client.on('end', () => again());
    listener = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${PG_CHANNEL}`);
      retries = 0;
      warned = false;
    } catch (err) {
      again(err as Error);
    }
  }
  await connect();
  return {
    publish(meetingId, seq) {
      local.publish(meetingId, seq);
      notifier.query('SELECT pg_notify($1, $2)', [PG_CHANNEL, JSON.stringify({ m: meetingId, s: seq })]).catch(warn);
    },
    onEvent: (handler) => local.onEvent(handler),
    async close() {
      closed = true;
      await local.close();
      const client = listener;
      listener = null;
      await Promise.all([client?.end().catch(() => undefined), notifier.end().catch(() => undefined)]);
    },
  };
}

export function openMeetingBus(config: Config, log: FastifyBaseLogger): Promise<MeetingBus> {
  if (config.redisUrl) return redisBus(config.redisUrl, config.redisKeyPrefix, log);
  if (config.databaseUrl) return postgresBus(config.databaseUrl, log);
  return Promise.resolve(memoryBus());
}
