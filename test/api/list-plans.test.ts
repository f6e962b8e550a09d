/**
 * Every list is keyset-paginated and served by an index (issue 13, item 3).
 *
 * Each list route is called through the app while the SQL it runs is captured (a wrapper around
 * Kysely's executor); the list's own query (the statement on the list's table with an ORDER BY)
 * is then explained with the same parameters on the database this run uses:
 *   - SQLite: `EXPLAIN QUERY PLAN` has no `SCAN <table>` without an index and no
 *     `USE TEMP B-TREE FOR ORDER BY`;
 *   - PostgreSQL: `EXPLAIN (FORMAT JSON)` with sequential scans and sorts disabled (a small test
 *     table would otherwise be read whole, which tells nothing) has no `Seq Scan` on the table and
 *     no `Sort` node: when an index can serve the filter and the order, the planner uses it.
 * Each keyset list is also explained on a later page (with a cursor), whose WHERE differs.
 * Exceptions are listed in ALLOWED with the reason; nothing else may sort or scan.
 */
import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCursor } from '../../server/src/platform/pagination';
import { type Client, type World, createWorld } from '../support/world';

let w: World;
let coach: Client;
let coachee: Client;
let leader: Client;
let supervisor: Client;
let ids: { partnership: string; note: string; coach: string; coachee: string };

const captured: CompiledQuery[] = [];
let capturing = false;
let restore: () => void = () => {};

/** Captures every statement the app runs while `capturing` is on. */
function captureQueries(db: World['db']) {
  let proto = Object.getPrototypeOf(db.getExecutor());
  while (proto && !Object.prototype.hasOwnProperty.call(proto, 'executeQuery')) proto = Object.getPrototypeOf(proto);
  const original = proto.executeQuery;
  proto.executeQuery = function (this: unknown, compiled: CompiledQuery, ...rest: unknown[]) {
    if (capturing) captured.push(compiled);
    return original.call(this, compiled, ...rest);
  };
  restore = () => {
    proto.executeQuery = original;
  };
}

beforeAll(async () => {
  w = await createWorld();
  const scene = await w.given.expertPartnership();
  const leaderId = await w.given.person(scene.org, ['leader']);
  [coach, coachee, leader, supervisor] = await Promise.all([w.as(scene.coach), w.as(scene.coachee), w.as(leaderId), w.as(scene.supervisor)]);
  const note = await coach.post(`/api/partnerships/${scene.partnership}/notes`, { body: 'What we saw in the lesson.' });
  expect(note.statusCode).toBe(201);
  // A read of the coachee's note, so her access log has a row.
  expect((await coach.get(`/api/notes/${note.json().id}`)).statusCode).toBe(200);
  ids = { partnership: scene.partnership, note: note.json().id, coach: scene.coach, coachee: scene.coachee };
  captureQueries(w.db);
});

afterAll(async () => {
  restore();
  await w?.close();
});

type Problem = 'scan' | 'sort' | 'unordered';
interface Case {
  name: string;
  as: () => Client;
  url: () => string;
  /** The list's table: the statement on it with an ORDER BY is the list's query. */
  table: string;
  /** For keyset lists: a cursor to explain a later page too. */
  cursor?: () => string;
}

const later = () => encodeCursor('2026-06-01T00:00:00.000Z', 'ffffffff-ffff-ffff-ffff-ffffffffffff');
const p = () => ids.partnership;

const CASES: Case[] = [
  { name: 'access log (mine, as the coachee)', as: () => coachee, url: () => '/api/access-log', table: 'access_log', cursor: later },
  { name: 'access log with my own reads', as: () => coachee, url: () => '/api/access-log?includeOwn=true', table: 'access_log', cursor: later },
  { name: 'access log of one reader', as: () => coachee, url: () => `/api/access-log?actorId=${ids.coach}`, table: 'access_log', cursor: later },
  { name: 'access log: who has seen this note', as: () => coachee, url: () => `/api/access-log?itemType=note&itemId=${ids.note}`, table: 'access_log', cursor: later },
  { name: 'partnerships (a member)', as: () => coach, url: () => '/api/partnerships', table: 'partnerships', cursor: later },
  { name: 'partnerships (a supervisor)', as: () => supervisor, url: () => '/api/partnerships', table: 'partnerships', cursor: later },
  { name: 'partnerships (a leader)', as: () => leader, url: () => '/api/partnerships', table: 'partnerships', cursor: later },
  { name: 'directory', as: () => coach, url: () => '/api/directory', table: 'people', cursor: () => encodeCursor('M', 'ffffffff') },
  { name: 'directory search', as: () => coach, url: () => '/api/directory?q=coach', table: 'people', cursor: () => encodeCursor('M', 'ffffffff') },
  { name: 'people (leader)', as: () => leader, url: () => '/api/people', table: 'people', cursor: () => encodeCursor('M', 'ffffffff') },
  { name: 'sessions of a partnership', as: () => coach, url: () => `/api/partnerships/${p()}/meetings`, table: 'meetings', cursor: later },
  { name: 'messages', as: () => coach, url: () => `/api/partnerships/${p()}/messages`, table: 'messages', cursor: later },
  { name: 'notes', as: () => coach, url: () => `/api/partnerships/${p()}/notes`, table: 'notes', cursor: later },
  { name: 'goals', as: () => coach, url: () => `/api/partnerships/${p()}/goals`, table: 'goals', cursor: later },
  { name: 'celebrations', as: () => coach, url: () => `/api/partnerships/${p()}/celebrations`, table: 'celebrations', cursor: later },
  { name: 'observations', as: () => coach, url: () => `/api/partnerships/${p()}/observations`, table: 'observations', cursor: later },
  { name: 'observation plans', as: () => coach, url: () => `/api/partnerships/${p()}/observation-plans`, table: 'observation_plans', cursor: later },
  { name: 'reflections', as: () => coach, url: () => `/api/partnerships/${p()}/reflections`, table: 'reflections', cursor: later },
  { name: 'reflections on one observation', as: () => coach, url: () => `/api/partnerships/${p()}/reflections?observationId=${ids.note}`, table: 'reflections', cursor: later },
  { name: 'concerns', as: () => coach, url: () => `/api/partnerships/${p()}/concerns`, table: 'concerns', cursor: later },
  { name: 'artifacts', as: () => coach, url: () => `/api/partnerships/${p()}/artifacts`, table: 'artifacts', cursor: later },
  { name: 'strengths', as: () => coach, url: () => `/api/partnerships/${p()}/strengths`, table: 'strength_entries' },
  { name: 'shares of a partnership', as: () => coachee, url: () => `/api/partnerships/${p()}/shares`, table: 'shares' },
  { name: 'shared with me', as: () => supervisor, url: () => '/api/shared-with-me', table: 'shares', cursor: later },
  { name: 'concerns raised with me', as: () => supervisor, url: () => '/api/me/escalated-concerns', table: 'concerns' },
  { name: 'my reminders', as: () => coach, url: () => '/api/me/reminders', table: 'reminders' },
  { name: 'admin meetings I take part in', as: () => coach, url: () => '/api/admin-meetings', table: 'admin_meetings' },
  { name: 'classroom layouts', as: () => coach, url: () => `/api/partnerships/${p()}/classroom-layouts`, table: 'classroom_layouts' },
];

/**
 * Lists an index cannot or need not serve, and why. Key: case name → the problems allowed.
 */
const LOG_GROUPS =
  "a page of the access log is groups (one reader, one item, one day) in the order of their newest read, an aggregate no index holds; the rows come from the (subject, at) index a window of whole days at a time (listAccessFor), so only one window's groups are ever sorted, however deep the page";
const ALLOWED: Record<string, { problems: Problem[]; why: string }> = {
  'access log (mine, as the coachee)': { problems: ['sort'], why: LOG_GROUPS },
  'access log with my own reads': { problems: ['sort'], why: LOG_GROUPS },
  'access log of one reader': { problems: ['sort'], why: LOG_GROUPS },
  'access log: who has seen this note': { problems: ['sort'], why: 'one item\'s reads, found through the (subject, item, at) index, grouped by reader and day' },
  'shared with me': { problems: ['unordered'], why: 'the live shares naming one person (at most 1,000) are read whole; the items they cover are read per kind, newest first, and the merged list is keyset-paginated' },
  strengths: { problems: [], why: 'one screen: the coachee\'s ratings of the practices of the framework and a short list of strengths and priorities' },
  'shares of a partnership': { problems: [], why: 'what one coachee has shared from one partnership: a handful' },
  'concerns raised with me': { problems: [], why: 'concerns reach a supervisor only after the talk with the coachee: rare by design, at most 200, newest first from the (escalated_to, escalated_at) index' },
  'my reminders': { problems: [], why: 'the reminders not yet dismissed from yesterday on, at most 50, from the (person, due_at) index' },
  'admin meetings I take part in': { problems: ['sort'], why: 'the partnership meetings one person takes part in: a few a school year (issue 12\'s module, at most 200)' },
  'classroom layouts': { problems: [], why: 'the classrooms of one partnership: a handful, each at its current version' },
};

interface PlanFinding {
  problems: Problem[];
  plan: string;
}

async function explain(query: CompiledQuery, table: string): Promise<PlanFinding> {
  const alias = new RegExp(`"${table}"(?: as "(\\w+)")?`).exec(query.sql)?.[1] ?? table;
  if (w.kind === 'sqlite') {
    const { rows } = await w.db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]));
    const details = rows.map((r) => r.detail);
    const problems: Problem[] = [];
    if (details.some((d) => new RegExp(`^SCAN (${table}|${alias})( |$)`).test(d) && !/USING (COVERING )?INDEX/.test(d))) problems.push('scan');
    if (details.some((d) => /USE TEMP B-TREE FOR (RIGHT PART OF |LAST \d+ TERMS OF )?ORDER BY/.test(d))) problems.push('sort');
    return { problems, plan: details.join('\n') };
  }
  return w.db.connection().execute(async (conn) => {
    await sql`set enable_seqscan = off`.execute(conn);
    await sql`set enable_sort = off`.execute(conn);
    try {
      const { rows } = await conn.executeQuery<{ 'QUERY PLAN': unknown }>(CompiledQuery.raw(`explain (format json) ${query.sql}`, [...query.parameters]));
      const raw = rows[0]['QUERY PLAN'];
      const root = (typeof raw === 'string' ? JSON.parse(raw) : raw) as [{ Plan: PgNode }];
      const nodes: PgNode[] = [];
      const walk = (n: PgNode) => {
        nodes.push(n);
        for (const c of n.Plans ?? []) walk(c);
      };
      walk(root[0].Plan);
      const problems: Problem[] = [];
      if (nodes.some((n) => n['Node Type'] === 'Seq Scan' && n['Relation Name'] === table)) problems.push('scan');
      if (nodes.some((n) => n['Node Type'] === 'Sort' || n['Node Type'] === 'Incremental Sort')) problems.push('sort');
      return { problems, plan: nodes.map((n) => `${n['Node Type']}${n['Relation Name'] ? ` on ${n['Relation Name']}` : ''}${n['Index Name'] ? ` using ${n['Index Name']}` : ''}`).join('\n') };
    } finally {
      await sql`reset enable_seqscan`.execute(conn);
      await sql`reset enable_sort`.execute(conn);
    }
  });
}

interface PgNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PgNode[];
}

/** Calls the route and returns its answer and the list queries it ran: the bounded, ordered statements on the list's table. */
async function listQueries(c: Case, url: string): Promise<{ body: Record<string, unknown>; queries: CompiledQuery[] }> {
  captured.length = 0;
  capturing = true;
  let res;
  try {
    res = await c.as().get(url);
  } finally {
    capturing = false;
  }
  expect(res.statusCode, `${url} answers`).toBe(200);
  const onTable = new RegExp(`\\bfrom "${c.table}"`, 'i');
  const queries = captured.filter((q) => /^\s*select\b/i.test(q.sql) && onTable.test(q.sql) && /\border by\b/i.test(q.sql) && /\blimit\b/i.test(q.sql));
  return { body: res.json(), queries };
}

describe('every list is keyset-paginated and read through an index', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const urls = [c.url()];
      if (c.cursor) urls.push(`${c.url()}${c.url().includes('?') ? '&' : '?'}cursor=${encodeURIComponent(c.cursor())}`);
      const allowed = ALLOWED[c.name]?.problems ?? [];
      for (const url of urls) {
        const { body, queries } = await listQueries(c, url);
        // Keyset lists answer `items` + `nextCursor`; the others are bounded and say why in ALLOWED.
        if (c.cursor) expect(body, `${url} answers a page`).toHaveProperty('nextCursor');
        else expect(ALLOWED[c.name]?.why, `${c.name} is not keyset-paginated: say why in ALLOWED`).toBeTruthy();
        if (allowed.includes('unordered') && queries.length === 0) continue;
        expect(queries.length, `${url} reads ${c.table} in an order, a page at a time (ORDER BY … LIMIT)`).toBeGreaterThan(0);
        for (const q of queries) {
          const { problems, plan } = await explain(q, c.table);
          if (process.env.LIST_PLANS_PRINT) console.log(`${c.name} — ${url} (${w.kind}): ${problems.join(', ') || 'index'}\n${plan}\n`);
          const unexpected = problems.filter((x) => !allowed.includes(x));
          expect(unexpected, `${url} on ${w.kind}:\n${q.sql}\n--- plan ---\n${plan}`).toEqual([]);
        }
      }
    });
  }

  it('the allow-list names only lists that exist', () => {
    for (const name of Object.keys(ALLOWED)) expect(CASES.map((c) => c.name)).toContain(name);
  });
});

describe('the access log a window of days at a time', () => {
  it('pages through a long, uneven year exactly as one grouping of the whole log would', async () => {
    // A second coachee, so the rows above (and the ones other tests make) stay out of it.
    const org = (await w.db.selectFrom('people').select('org_id').where('id', '=', ids.coach).executeTakeFirstOrThrow()).org_id;
    const reader = await w.given.person(org, ['coach']);
    const subject = await w.given.person(org, ['coachee']);
    const partnership = await w.given.partnership(reader, 'expert', [
      { personId: reader, role: 'coach' },
      { personId: subject, role: 'coachee' },
    ]);
    const items = ['a', 'b', 'c'].map(() => crypto.randomUUID());
    const base = Date.parse('2026-08-31T12:00:00.000Z');
    // Busy days, quiet weeks and one read a year back: every window size is crossed.
    const offsets = [0, 0, 0, 1, 1, 2, 4, 4, 9, 16, 16, 40, 41, 90, 200, 250, 364, 399];
    const rows = offsets.flatMap((days, i) =>
      items.slice(0, 1 + (i % 3)).map((item, j) => ({
        id: crypto.randomUUID(),
        org_id: org,
        at: new Date(base - days * 86400_000 - (i * 7 + j) * 60_000).toISOString(),
        actor_id: (i + j) % 4 === 3 ? subject : reader,
        relation: (i + j) % 4 === 3 ? 'coachee' : 'coach',
        subject_id: subject,
        partnership_id: partnership,
        item_type: 'note',
        item_id: item,
        action: 'view',
        basis: 'member',
      })),
    );
    await w.db.insertInto('access_log').values(rows).execute();
    const groups = new Map<string, { id: string; at: string }>();
    for (const r of rows.filter((r) => r.actor_id !== subject)) {
      const key = `${r.actor_id}|${r.item_id}|${r.at.slice(0, 10)}`;
      const g = groups.get(key);
      groups.set(key, { id: !g || r.id > g.id ? r.id : g.id, at: !g || r.at > g.at ? r.at : g.at });
    }
    const expected = [...groups.values()].sort((x, y) => (x.at === y.at ? (x.id < y.id ? 1 : -1) : x.at < y.at ? 1 : -1)).map((g) => g.id);
    const client = await w.as(subject);
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 100; pages++) {
      const res = await client.get(`/api/access-log?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.statusCode).toBe(200);
      const body = res.json() as { items: Array<{ id: string }>; nextCursor: string | null };
      seen.push(...body.items.map((i) => i.id));
      cursor = body.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toEqual(expected);
  });
});
