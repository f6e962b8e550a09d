/**
 * A year of activity in the bench's district (issue 13, item 3), and the reads that grow with it.
 *
 * `generateYear` adds to the generated district (3,000 staff, 1,000 partnerships, one coach with
 * 40 of them): weekly sessions, goals with steps, notes, messages and celebrations for every
 * partnership, and an access log of ≥ 1,000,000 reads spread over the year, most of them the
 * coaches' reads of their coachees' content, with one coachee (the deep one) read ≥ 20,000 times.
 * Rows go in as big multi-row INSERTs of one fixed text (prepared or named once) in one
 * transaction; the access log stays append-only (plain inserts, nothing updated).
 * BENCH_SCALE (default 1) shrinks the activity for development; the 1,000 partnerships stay.
 *
 * `benchDistrictReads` measures p50/p99 at 10 connections (autocannon) of: the deep coachee's
 * access log (first page, and page 200 reached by following cursors), Home for the coach with 40
 * partnerships (`/api/attention`, `/api/partnerships`, `/api/shared-with-me`), the directory
 * search, and one partnership's sessions and messages. Target: p99 ≤ 20 ms each.
 */
import autocannon from 'autocannon';
import { CompiledQuery } from 'kysely';
import { systemClock } from '../server/src/platform/clock';
import type { DB } from '../server/src/platform/db';
import { newId } from '../server/src/platform/ids';
import { SESSION_COOKIE, createSession } from '../server/src/platform/sessions';

export interface DistrictPartnership {
  id: string;
  coachId: string;
  coacheeId: string;
}

export interface District {
  orgId: string;
  partnerships: DistrictPartnership[];
}

export interface DistrictYear {
  /** The coach with 40 partnerships. */
  coachId: string;
  /** The coachee whose content was read ≥ 20,000 times, and her partnership with that coach. */
  coacheeId: string;
  partnershipId: string;
  counts: Record<string, number>;
  seconds: number;
}

const DAY = 86400_000;
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const CONNECTIONS = 10;
const SECONDS = Number(process.env.BENCH_DISTRICT_SECONDS ?? 5);

/** Big multi-row inserts of one fixed SQL text per chunk size, so each is prepared (SQLite) or named (PostgreSQL) once. */
function bulkInserter(db: DB, isPg: boolean) {
  const texts = new Map<string, string>();
  return async <R extends Record<string, unknown>>(table: string, rows: R[]) => {
    if (!rows.length) return;
    const columns = Object.keys(rows[0]);
    const perChunk = Math.floor(30000 / columns.length);
    for (let i = 0; i < rows.length; i += perChunk) {
      const chunk = rows.slice(i, i + perChunk);
      const key = `${table}:${chunk.length}`;
      let text = texts.get(key);
      if (!text) {
        let n = 0;
        const tuple = () => `(${columns.map(() => (isPg ? `$${++n}` : '?')).join(',')})`;
        text = `insert into ${table} (${columns.join(',')}) values ${chunk.map(tuple).join(',')}`;
        texts.set(key, text);
      }
      const params: unknown[] = [];
      for (const r of chunk) for (const c of columns) params.push(r[c]);
      await db.executeQuery(CompiledQuery.raw(text, params));
    }
  };
}

/** A deterministic pseudo-random stream, so two runs build the same district. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function generateYear(db: DB, district: District, isPg: boolean): Promise<DistrictYear> {
  const t0 = performance.now();
  const rnd = random(13);
  const now = Date.now();
  const yearAgo = now - 365 * DAY;
  const iso = (ms: number) => new Date(ms).toISOString();
  const atInYear = () => iso(yearAgo + Math.floor(rnd() * 365 * DAY));
  const { orgId } = district;
  const n = (x: number) => Math.max(1, Math.round(x * SCALE));
  const SESSIONS = n(52);
  const GOALS = n(5);
  const STEPS = 4;
  const NOTES = n(40);
  const MESSAGES = n(30);
  const CELEBRATIONS = n(6);
  const LOG_TOTAL = n(1_000_000);
  const LOG_DEEP = n(25_000);
  const deep = district.partnerships[0];
  const counts: Record<string, number> = {};

  await db.transaction().execute(async (trx) => {
    const put = bulkInserter(trx, isPg);
    const add = async <R extends Record<string, unknown>>(table: string, rows: R[]) => {
      counts[table] = (counts[table] ?? 0) + rows.length;
      await put(table, rows);
    };
    /** Items of each partnership the access log can name. */
    const itemsOf = new Map<string, { type: string; id: string }[]>();
    const item = (pid: string, type: string, id: string) => {
      let list = itemsOf.get(pid);
      if (!list) itemsOf.set(pid, (list = []));
      list.push({ type, id });
    };
    for (const [i, p] of district.partnerships.entries()) {
      const meetings = Array.from({ length: SESSIONS }, (_, w) => {
        // Weekly over the year, the last few still to come; each partnership on its own weekday and hour.
        const starts = yearAgo + (w + 4 - (SESSIONS > 8 ? 0 : 4)) * 7 * DAY + (i % 5) * DAY + ((8 + (i % 8)) * 3600_000);
        const id = newId();
        item(p.id, 'meeting', id);
        return {
          id, org_id: orgId, partnership_id: p.id, kind: 'coaching_meeting', starts_at: iso(starts), ends_at: iso(starts + 45 * 60_000), location: 'Room 12', agenda: `Week ${w}: look at the data together`,
          status: 'scheduled', scheduled_by: p.coachId, cancelled_by: null, cancel_reason: null, cancelled_at: null, late_cancellation: 0, reschedule_count: 0, last_reschedule_reason: null, created_at: iso(starts - 7 * DAY),
        };
      });
      await add('meetings', meetings);
      const goals = Array.from({ length: GOALS }, (_, g) => {
        const created = atInYear();
        const id = newId();
        item(p.id, 'goal', id);
        const status = g === 0 ? 'proposed' : g < 3 ? 'active' : 'achieved';
        return {
          id, org_id: orgId, partnership_id: p.id, subject_id: p.coacheeId, title: `Goal ${g}: more students explain their thinking`, child_outcome: 'Students explain their reasoning aloud', success_looks_like: 'Half the class explains a step',
          practice_ids: '[]', status, proposed_by: p.coachId, decision_note: null, decided_at: status === 'proposed' ? null : created, version: 1, created_at: created, updated_at: created,
        };
      });
      await add('goals', goals);
      await add('goal_steps', goals.flatMap((g) => Array.from({ length: STEPS }, (_, s) => {
        const due = Date.parse(g.created_at) + (s + 1) * 14 * DAY;
        // Most steps whose day has passed were done; a few are overdue, as on a real coach's Home.
        const done = due < now && rnd() < 0.9;
        return { id: newId(), org_id: orgId, goal_id: g.id, position: s, description: `Step ${s}: try it in one lesson`, responsible: s % 2 ? 'coach' : 'coachee', resources: '', due_on: iso(due).slice(0, 10), status: done ? 'done' : 'not_started', completed_at: done ? iso(due) : null };
      })));
      await add('notes', Array.from({ length: NOTES }, (_, j) => {
        const at = atInYear();
        const id = newId();
        item(p.id, 'note', id);
        return { id, org_id: orgId, partnership_id: p.id, subject_id: p.coacheeId, author_id: j % 3 ? p.coachId : p.coacheeId, body: `Note ${j}: what we saw and what the coachee noticed.`, created_at: at, updated_at: at };
      }));
      await add('messages', Array.from({ length: MESSAGES }, (_, j) => {
        const at = atInYear();
        const id = newId();
        item(p.id, 'message', id);
        const request = j % 10 === 0;
        return {
          id, org_id: orgId, partnership_id: p.id, subject_id: p.coacheeId, kind: request ? 'resource_request' : 'message', body: `Message ${j}: see you Thursday with the seating chart.`, author_id: j % 2 ? p.coachId : p.coacheeId,
          requested_from: request ? p.coachId : null, fulfilled_at: request && j % 20 === 0 ? at : null, fulfilled_by: request && j % 20 === 0 ? p.coachId : null, fulfilment_note: null, created_at: at,
        };
      }));
      await add('celebrations', Array.from({ length: CELEBRATIONS }, (_, j) => {
        const at = atInYear();
        const id = newId();
        item(p.id, 'celebration', id);
        return { id, org_id: orgId, partnership_id: p.id, subject_id: p.coacheeId, author_id: p.coachId, goal_id: null, kind: 'progress', text: `Celebration ${j}: the exit tickets`, happened_on: at.slice(0, 10), created_at: at };
      }));
    }
    // The access log: mostly the coach reading the coachee's content, some of the coachee's own reads.
    const perOther = Math.floor((LOG_TOTAL - LOG_DEEP) / (district.partnerships.length - 1));
    const batch: Record<string, unknown>[] = [];
    const flush = async () => {
      await add('access_log', batch);
      batch.length = 0;
    };
    for (const [i, p] of district.partnerships.entries()) {
      const items = itemsOf.get(p.id)!;
      const rows = i === 0 ? LOG_DEEP : perOther;
      for (let r = 0; r < rows; r++) {
        const it = items[Math.floor(rnd() * items.length)];
        const own = rnd() < 0.15;
        batch.push({ id: newId(), org_id: orgId, at: atInYear(), actor_id: own ? p.coacheeId : p.coachId, relation: own ? 'coachee' : 'coach', subject_id: p.coacheeId, partnership_id: p.id, item_type: it.type, item_id: it.id, action: 'view', basis: 'member' });
        if (batch.length >= 20_000) await flush();
      }
    }
    await flush();
  });
  return { coachId: deep.coachId, coacheeId: deep.coacheeId, partnershipId: deep.id, counts, seconds: (performance.now() - t0) / 1000 };
}

/** A signed-in cookie for a generated person (they have no account: one is made for them). */
export async function signIn(db: DB, personId: string): Promise<string> {
  const person = await db.selectFrom('people').select(['user_id', 'email']).where('id', '=', personId).executeTakeFirstOrThrow();
  let userId = person.user_id;
  if (!userId) {
    userId = newId();
    await db.insertInto('users').values({ id: userId, email: person.email, password_hash: null, created_at: new Date().toISOString(), disabled_at: null }).execute();
    await db.updateTable('people').set({ user_id: userId }).where('id', '=', personId).execute();
  }
  const { token } = await createSession(db, systemClock, { idleMinutes: 24 * 60, maxHours: 24 }, userId, personId);
  return `${SESSION_COOKIE}=${token}`;
}

export interface Row {
  /** Median of 30 requests one after another: what one request costs without waiting for others. */
  'alone (ms)': number;
  p50: number;
  p99: number;
  reqPerSec: number;
  errors: number;
  'p99 ≤ 20 ms': string;
}

/** p50/p99 of the district-scale reads at 10 connections, against a running server. */
export async function benchDistrictReads(label: string, base: string, year: DistrictYear, cookies: { coach: string; coachee: string }) {
  const get = async (url: string, cookie: string) => {
    const res = await fetch(`${base}${url}`, { headers: { cookie } });
    if (res.status !== 200) throw new Error(`${url}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<{ items?: unknown[]; nextCursor?: string | null }>;
  };
  // Page 200 of the coachee's access log, reached the way a person would: following cursors.
  let cursor: string | null | undefined = null;
  let pages = 1;
  const first = await get('/api/access-log', cookies.coachee);
  cursor = first.nextCursor;
  const t0 = performance.now();
  while (cursor && pages < 200) {
    const next = await get(`/api/access-log?cursor=${encodeURIComponent(cursor)}`, cookies.coachee);
    pages++;
    if (!next.nextCursor) break;
    cursor = next.nextCursor;
  }
  const walkMs = performance.now() - t0;
  const deepUrl = cursor ? `/api/access-log?cursor=${encodeURIComponent(cursor)}` : '/api/access-log';
  const reads: [string, string, string][] = [
    ['coachee\'s access log, first page', '/api/access-log', cookies.coachee],
    [`coachee's access log, page ${pages + (cursor ? 1 : 0)}`, deepUrl, cookies.coachee],
    ['Home: /api/attention (coach, 40 partnerships)', '/api/attention', cookies.coach],
    ['Home: /api/partnerships (coach)', '/api/partnerships', cookies.coach],
    ['Home: /api/shared-with-me (coach)', '/api/shared-with-me', cookies.coach],
    ['directory search ?q=Member 12', '/api/directory?q=Member%2012', cookies.coach],
    ['directory, first page', '/api/directory', cookies.coach],
    ['a partnership\'s sessions', `/api/partnerships/${year.partnershipId}/meetings`, cookies.coach],
    ['a partnership\'s messages', `/api/partnerships/${year.partnershipId}/messages`, cookies.coach],
  ];
  const rows: Record<string, Row> = {};
  for (const [name, url, cookie] of reads) {
    await get(url, cookie); // answers, and warms the statement caches
    const alone: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t = performance.now();
      await get(url, cookie);
      alone.push(performance.now() - t);
    }
    alone.sort((a, b) => a - b);
    await autocannon({ url: `${base}${url}`, connections: CONNECTIONS, duration: 1, headers: { cookie } });
    const r = await autocannon({ url: `${base}${url}`, connections: CONNECTIONS, duration: SECONDS, headers: { cookie } });
    rows[name] = { 'alone (ms)': Number(alone[15].toFixed(1)), p50: r.latency.p50, p99: r.latency.p99, reqPerSec: Math.round(r.requests.average), errors: r.errors + r.non2xx, 'p99 ≤ 20 ms': r.latency.p99 <= 20 ? 'yes' : 'NO' };
  }
  console.log(`\n${label}: district-scale reads, ${CONNECTIONS} connections × ${SECONDS} s (walked ${pages} access-log pages in ${Math.round(walkMs)} ms, ${(walkMs / Math.max(1, pages - 1)).toFixed(1)} ms a page)`);
  console.table(rows);
  return rows;
}
