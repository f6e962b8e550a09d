/**
 * The access log: one row for every read or export of coaching content, and
 * for every share and revocation. Append-only — this module only inserts, and
 * the database rejects UPDATE and DELETE on the table (see the migration).
 */
import type { AccessAction } from '../../../shared/src/domain';
import type { Actor } from '../platform/actor';
import type { Clock } from '../platform/clock';
import type { DB } from '../platform/db';
import type { Database } from '../platform/tables';
import { newId } from '../platform/ids';
import { decodeCursor, page } from '../platform/pagination';
import { arg, prepared } from '../platform/prepared';
import { sql } from 'kysely';
import { titlesOf } from './kinds';

export interface AccessEntry {
  subjectId: string;
  partnershipId: string;
  itemType: string;
  itemId: string | null;
  action: AccessAction;
  relation: string;
  /** Why access was allowed: "member", "share:<id>". */
  basis: string;
}

type S = string;
const insertOne = prepared<[S, S, S, S, S, S, S, S, S | null, S, S], never>((db) =>
  db.insertInto('access_log').values({
    id: arg<S>(0), org_id: arg<S>(1), at: arg<S>(2), actor_id: arg<S>(3), relation: arg<S>(4), subject_id: arg<S>(5),
    partnership_id: arg<S>(6), item_type: arg<S>(7), item_id: arg<S | null>(8), action: arg<S>(9), basis: arg<S>(10),
  }),
);

/** One row of the log, as the table holds it. */
type LogRow = Database['access_log'];

/** Rows per INSERT statement: 11 values each, well under either database's limit on parameters. */
const ROWS_PER_INSERT = 500;

/**
 * Group commit of the access log (issue 13, item 2). The log rows of requests that arrive while a
 * write is under way are gathered and written together — several INSERTs in one transaction, so
 * one commit for all of them — and each request waits for the commit that holds its rows: a read
 * is answered only once its log row is durable, and none is ever unlogged. Under light load a
 * batch is one request's rows, written at once; under load batches grow by themselves. If a batch
 * fails, each request's rows are tried alone, so one bad row fails only its own request.
 */
class GroupWriter {
  private waiting: Array<{ rows: LogRow[]; done: () => void; failed: (err: unknown) => void }> = [];
  private writing = false;

  constructor(private readonly db: DB) {}

  write(rows: LogRow[]): Promise<void> {
    return new Promise((done, failed) => {
      this.waiting.push({ rows, done, failed });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    try {
      while (this.waiting.length) {
        const batch = this.waiting;
        this.waiting = [];
        try {
          await this.insert(batch.flatMap((b) => b.rows));
          for (const b of batch) b.done();
        } catch {
          // One request's rows may be what failed: each on its own, so the others are still logged.
          for (const b of batch) await this.insert(b.rows).then(b.done, b.failed);
        }
      }
    } finally {
      this.writing = false;
    }
  }

  private async insert(rows: LogRow[]): Promise<void> {
    if (rows.length === 1) {
      // One request alone (light load): the statement built once.
      const r = rows[0];
      await insertOne(this.db, r.id, r.org_id, r.at, r.actor_id, r.relation, r.subject_id, r.partnership_id, r.item_type, r.item_id, r.action, r.basis);
      return;
    }
    if (rows.length <= ROWS_PER_INSERT) {
      await this.db.insertInto('access_log').values(rows).execute();
      return;
    }
    await this.db.transaction().execute(async (trx) => {
      for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) await trx.insertInto('access_log').values(rows.slice(i, i + ROWS_PER_INSERT)).execute();
    });
  }
}

const writers = new WeakMap<DB, GroupWriter>();

export async function recordAccess(db: DB, clock: Clock, actor: Actor, entries: AccessEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const at = clock.now().toISOString();
  const rows: LogRow[] = entries.map((e) => ({
    id: newId(),
    org_id: actor.orgId,
    at,
    actor_id: actor.personId,
    relation: e.relation,
    subject_id: e.subjectId,
    partnership_id: e.partnershipId,
    item_type: e.itemType,
    item_id: e.itemId,
    action: e.action,
    basis: e.basis,
  }));
  // Inside a transaction (a share and its log row), the row belongs to that transaction.
  if (db.isTransaction) {
    if (rows.length === 1) {
      const r = rows[0];
      await insertOne(db, r.id, r.org_id, r.at, r.actor_id, r.relation, r.subject_id, r.partnership_id, r.item_type, r.item_id, r.action, r.basis);
    } else await db.insertInto('access_log').values(rows).execute();
    return;
  }
  let writer = writers.get(db);
  if (!writer) writers.set(db, (writer = new GroupWriter(db)));
  await writer.write(rows);
}

export interface AccessLogFilter {
  limit: number;
  cursor?: string;
  includeOwn: boolean;
  /** Only reads by this person. */
  actorId?: string;
  /** Only reads of this item ("who has seen this"). */
  itemType?: string;
  itemId?: string;
}

/** The day after an ISO time's UTC day, as 'YYYY-MM-DD' (compares below every time of that next day). */
const dayAfter = (iso: string) => new Date(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) + 86400_000).toISOString().slice(0, 10);
const daysBefore = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) - days * 86400_000).toISOString().slice(0, 10);
/** Windows of days the log is read in, newest first; after them, everything older. */
const WINDOWS = [3, 12, 48, 192];

/**
 * The subject's own log: "who saw what, when". Only ever the actor's own.
 * Repeated reads of one item by one person on one day (UTC) are one row with a
 * count; each row names the item (its title: the coachee's own read, not
 * logged) and the partnership (its other members).
 *
 * A coachee's log grows by thousands of rows a year, and a day's rows are one group, so a page is
 * found a few days at a time: the (subject, at) index gives the rows of the newest window of
 * whole UTC days below the cursor's day, grouped and ordered there; only when a window holds too
 * few groups is the next, wider one read. A page never aggregates the whole log, however deep.
 * "Who has seen this" (one item) reads the item's own index at once.
 */
export async function listAccessFor(db: DB, actor: Actor, opts: AccessLogFilter) {
  const after = decodeCursor(opts.cursor);
  const rows: Awaited<ReturnType<typeof accessGroups>> = [];
  if (opts.itemId) rows.push(...(await accessGroups(db, actor, opts, after, null, null, opts.limit + 1)));
  else {
    let hi: string | null = after ? dayAfter(after[0]) : null;
    if (!hi) {
      // Whole days from the newest row down: the first window ends after the newest row's day.
      const newest = await db.selectFrom('access_log').select('at').where('subject_id', '=', actor.personId).orderBy('at', 'desc').limit(1).executeTakeFirst();
      hi = newest ? dayAfter(newest.at) : null;
    }
    for (let w = 0; hi && rows.length <= opts.limit; w++) {
      const lo = w < WINDOWS.length ? daysBefore(hi, WINDOWS[w]) : null;
      rows.push(...(await accessGroups(db, actor, opts, after, lo, hi, opts.limit + 1 - rows.length)));
      hi = lo;
    }
  }
  const result = page(rows, opts.limit, (r) => [r.last_at, r.id]);
  const shareIds = [...new Set(result.items.filter((r) => r.action === 'share' || r.action === 'revoke').map((r) => r.basis.slice('share:'.length)))];
  const [titles, people, partners, grantees] = await Promise.all([
    titlesOf(db, actor.orgId, result.items.map((r) => ({ kind: r.item_type, id: r.item_id })), actor.language),
    namesOf(db, actor.orgId, [...new Set(result.items.map((r) => r.actor_id))]),
    partnersOf(db, actor, [...new Set(result.items.map((r) => r.partnership_id))]),
    granteesOf(db, actor, shareIds),
  ]);
  return {
    nextCursor: result.nextCursor,
    items: result.items.map((r) => ({
      id: r.id,
      at: r.last_at,
      firstAt: r.first_at,
      count: Number(r.count),
      actorId: r.actor_id,
      // The reader's own reads are marked by the web app, in the reader's language (actorId is theirs).
      actorName: people.get(r.actor_id) ?? '',
      relation: r.relation,
      action: r.action as AccessAction,
      itemType: r.item_type,
      itemId: r.item_id,
      itemTitle: titles.get(`${r.item_type}:${r.item_id}`) ?? null,
      partnershipId: r.partnership_id,
      partners: partners.get(r.partnership_id) ?? '',
      sharedWith: r.action === 'share' || r.action === 'revoke' ? (grantees.get(r.basis.slice('share:'.length)) ?? null) : null,
      basis: r.basis.startsWith('share:') ? 'you shared it' : r.basis === 'member' ? 'member of the partnership' : r.basis,
    })),
  };
}

/** For the coachee's own shares and withdrawals: whom each share named. */
async function granteesOf(db: DB, actor: Actor, shareIds: string[]): Promise<Map<string, string>> {
  if (!shareIds.length) return new Map();
  const rows = await db
    .selectFrom('shares as s')
    .innerJoin('people as g', 'g.id', 's.grantee_id')
    .select(['s.id', 'g.name'])
    .where('s.org_id', '=', actor.orgId)
    .where('s.grantor_id', '=', actor.personId)
    .where('s.id', 'in', shareIds)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

async function namesOf(db: DB, orgId: string, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('people').select(['id', 'name']).where('org_id', '=', orgId).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The partnership as the coachee knows it: the names of its other members. */
async function partnersOf(db: DB, actor: Actor, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('partnership_members as m')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .select(['m.partnership_id', 'p.name'])
    .where('p.org_id', '=', actor.orgId)
    .where('m.partnership_id', 'in', ids)
    .where('m.person_id', '!=', actor.personId)
    .orderBy('p.name')
    .execute();
  const out = new Map<string, string>();
  for (const r of rows) out.set(r.partnership_id, out.has(r.partnership_id) ? `${out.get(r.partnership_id)}, ${r.name}` : r.name);
  return out;
}

/** The log's rows of [lo, hi) (whole UTC days; null: unbounded), grouped by person, item and day, newest first, after the cursor. */
async function accessGroups(db: DB, actor: Actor, opts: AccessLogFilter, after: [string, string] | null, lo: string | null, hi: string | null, limit: number) {
  const day = sql<string>`substr(l.at, 1, 10)`;
  const lastAt = sql<string>`max(l.at)`;
  const lastId = sql<string>`max(l.id)`;
  let q = db
    .selectFrom('access_log as l')
    .select([
      lastId.as('id'),
      lastAt.as('last_at'),
      sql<string>`min(l.at)`.as('first_at'),
      sql<number>`count(*)`.as('count'),
      'l.actor_id',
      'l.relation',
      'l.action',
      'l.item_type',
      'l.item_id',
      'l.partnership_id',
      'l.basis',
    ])
    .where('l.subject_id', '=', actor.personId)
    .where('l.org_id', '=', actor.orgId);
  if (lo) q = q.where('l.at', '>=', lo);
  if (hi) q = q.where('l.at', '<', hi);
  if (!opts.includeOwn) {
    q = q.where((eb) => eb.or([eb('l.actor_id', '!=', actor.personId), eb('l.action', 'in', ['share', 'revoke'])]));
  }
  if (opts.actorId) q = q.where('l.actor_id', '=', opts.actorId);
  if (opts.itemType) q = q.where('l.item_type', '=', opts.itemType);
  if (opts.itemId) q = q.where('l.item_id', '=', opts.itemId);
  let grouped = q.groupBy(['l.actor_id', 'l.relation', 'l.action', 'l.item_type', 'l.item_id', 'l.partnership_id', 'l.basis', day]);
  if (after) grouped = grouped.having((eb) => eb.or([eb(lastAt, '<', after[0]), eb.and([eb(lastAt, '=', after[0]), eb(lastId, '<', after[1])])]));
  return grouped.orderBy(lastAt, 'desc').orderBy(lastId, 'desc').limit(limit).execute();
}
