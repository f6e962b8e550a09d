/**
 * How Tandem's PostgreSQL connections plan their statements (issue 13): the planner is told pages
 * are cheap to reach (random_page_cost 1.1, unless DATABASE_URL sets its own options), and a
 * statement with an IN-list of parameters is planned with its values each time instead of being
 * named, since a named statement falls back to a generic plan that scanned whole tables for Home.
 * PostgreSQL only: runs with TEST_DATABASE_URL.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/src/platform/db';
import { type TestDatabase, openTestDatabase } from '../support/db';

const postgres = !!process.env.TEST_DATABASE_URL;
let t: TestDatabase | undefined;

beforeAll(async () => {
  if (postgres) t = await openTestDatabase();
});
afterAll(async () => {
  await t?.cleanup();
});

/** A pool of one connection, so the session-level facts read below are the same connection's. */
async function withOneConnection<T>(url: string, run: (db: ReturnType<typeof openDatabase>) => Promise<T>): Promise<T> {
  const db = openDatabase({ databaseUrl: url, poolSize: 1 });
  try {
    return await run(db);
  } finally {
    await db.destroy();
  }
}

describe.skipIf(!postgres)('statement planning on PostgreSQL', () => {
  it('plans with random_page_cost 1.1 on its own connections', async () => {
    const { rows } = await sql<{ random_page_cost: string }>`show random_page_cost`.execute(t!.db);
    expect(rows[0].random_page_cost).toBe('1.1');
  });

  it('leaves the setting to DATABASE_URL when the address names its own options', async () => {
    const url = new URL(t!.url!);
    url.searchParams.set('options', '-c random_page_cost=2');
    const rows = await withOneConnection(url.toString(), async (db) => (await sql<{ random_page_cost: string }>`show random_page_cost`.execute(db)).rows);
    expect(rows[0].random_page_cost).toBe('2');
  });

  it('names a statement for reuse, but not one with an IN-list of parameters', async () => {
    const statements = await withOneConnection(t!.url!, async (db) => {
      await db.selectFrom('people').select('id').where('email', '=', 'nobody@example.org').execute();
      await db.selectFrom('people').select('id').where('email', 'in', ['a@example.org', 'b@example.org', 'c@example.org']).execute();
      return (await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(db)).rows.map((r) => r.statement);
    });
    expect(statements.some((s) => /"email" = \$1/.test(s))).toBe(true);
    expect(statements.filter((s) => /"email" in \(/.test(s))).toEqual([]);
  });
});
