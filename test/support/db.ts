/**
 * A fresh, migrated database for one test file: in-memory SQLite by default, or
 * a new PostgreSQL database (created here, dropped in cleanup) when
 * TEST_DATABASE_URL is set, e.g. postgres://postgres@127.0.0.1:5432/postgres.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type DB, migrate, openDatabase } from '../../server/src/platform/db';
import { setPasswordCost } from '../../server/src/platform/passwords';

// Tests hash many passwords; production cost stays at 2^15.
setPasswordCost(10);

export interface TestDatabase {
  db: DB;
  kind: 'sqlite' | 'postgres';
  /** The PostgreSQL database's own URL (for a child process to use it too); null for in-memory SQLite. */
  url: string | null;
  cleanup(): Promise<void>;
}

export async function openTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const db = openDatabase({ databaseUrl: null, sqliteFile: ':memory:' });
    await migrate(db);
    return { db, kind: 'sqlite', url: null, cleanup: () => db.destroy() };
  }
  const name = `tandem_test_${Date.now()}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = openDatabase({ databaseUrl: url.toString(), poolSize: 10 });
  await migrate(db);
  return {
    db,
    kind: 'postgres',
    url: url.toString(),
    async cleanup() {
      await db.destroy();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
