/**
 * The database: SQLite (better-sqlite3, WAL) by default, PostgreSQL when a URL is
 * given. One Kysely type, one set of migrations, the same queries on both.
 */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, type LogEvent, Migrator, PostgresAdapter, PostgresDialect, SqliteDialect, sql, type Migration, type MigrationProvider } from 'kysely';
import pg from 'pg';
import * as foundation from '../migrations/20261124_0001_foundation';
import * as goals from '../migrations/20261124_0002_goals';
import * as meetings from '../migrations/20261124_0003_meetings';
import * as celebrations from '../migrations/20261124_0004_celebrations';
import * as cycle from '../migrations/20261124_0005_cycle';
import * as setup from '../migrations/20261202_0006_setup';
import * as language from '../migrations/20261202_0007_language';
import * as observations from '../migrations/20261202_0008_observations';
import * as reflectionObservation from '../migrations/20261202_0009_reflection_observation';
import * as feedback from '../migrations/20261202_0010_feedback';
import * as artifacts from '../migrations/20261202_0011_artifacts';
import * as clips from '../migrations/20261202_0012_clips';
import * as feedbackLinks from '../migrations/20261202_0013_feedback_links';
import * as observationClip from '../migrations/20261202_0014_observation_clip';
import * as adminMeetings from '../migrations/20261202_0015_admin_meetings';
import * as adminMeetingAgreement from '../migrations/20261202_0016_admin_meeting_agreement';
import * as adminMeetingSchedule from '../migrations/20261202_0017_admin_meeting_schedule';
import * as supervisorParty from '../migrations/20261202_0018_supervisor_party';
import * as workLog from '../migrations/20261202_0019_work_log';
import * as programLaunch from '../migrations/20261202_0020_program_launch';
import * as listIndexes from '../migrations/20261202_0021_list_indexes';
import type { Database } from './tables';

export type DB = Kysely<Database>;

export interface DatabaseOptions {
  databaseUrl: string | null;
  /** SQLite file path, or ':memory:'. */
  sqliteFile?: string;
  dataDir?: string;
  poolSize?: number;
  /** Log queries slower than this many milliseconds (SQL text only, never parameters). */
  slowQueryMs?: number;
}

function slowQueryLogger(ms: number | undefined) {
  if (!ms) return undefined;
  return (event: LogEvent) => {
    if (event.queryDurationMillis >= ms) console.warn(`slow query (${event.queryDurationMillis.toFixed(1)} ms): ${event.query.sql}`);
  };
}

export class StartupError extends Error {}

/**
 * PostgreSQL's planner assumes by default that reading a page at random costs four times a page
 * read in sequence (spinning disks). Tandem's tables are small enough to sit in memory or on SSD,
 * where the usual setting is 1.1; with the default, Home's reads over 40 partnerships scanned
 * whole tables instead of their indexes (measured with a year of district data: the due steps
 * 9.5 → 2.5 ms, Home 35 → 23 ms). Set for Tandem's own connections; `?options=` in DATABASE_URL wins.
 */
function plannerSettings(databaseUrl: string): { options?: string } {
  try {
    if (new URL(databaseUrl).searchParams.has('options')) return {};
  } catch {
    // Not a URL pg parses differently: leave its settings alone.
    return {};
  }
  return { options: '-c random_page_cost=1.1' };
}

export function openDatabase(options: DatabaseOptions): DB {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 20, ...plannerSettings(options.databaseUrl) });
    // An idle client erroring (server restart) must not crash the process.
    pool.on('error', () => {});
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool: withNamedStatements(pool) }), log: slowQueryLogger(options.slowQueryMs) });
  }
  let file = options.sqliteFile;
  if (!file) {
    const dir = options.dataDir ?? path.resolve('data');
    try {
      fs.mkdirSync(dir, { recursive: true });
      fs.accessSync(dir, fs.constants.W_OK);
    } catch (e) {
      throw new StartupError(`The data directory ${dir} cannot be created or written to (${(e as Error).message}). Set DATA_DIR to a writable folder.`);
    }
    file = path.join(dir, 'tandem.sqlite');
  }
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }), log: slowQueryLogger(options.slowQueryMs) });
}

/**
 * PostgreSQL plans every unnamed statement afresh. Naming a statement makes each
 * connection parse and plan it once and then only bind and execute (measured:
 * the session lookup went from 0.72 to 0.4 ms). Only data statements are named,
 * and at most 2,000 distinct texts, so IN-lists of varying length cannot grow
 * the server's per-connection cache without bound.
 *
 * A statement with an IN-list of parameters stays unnamed, planned with its values each time:
 * after five runs a named statement gets PostgreSQL's generic plan, which cannot see how few
 * rows forty ids select and scans the table (measured on Home with a year of district data:
 * the week's sessions of 40 partnerships 17.7 ms generic, 1.4 ms planned with the ids).
 */
const IN_LIST = /\bin \(\$\d+, \$\d+/i;
function withNamedStatements(pool: pg.Pool, max = 2000) {
  const names = new Map<string, string>();
  const nameFor = (text: string) => {
    let name = names.get(text);
    if (!name && names.size < max && /^\s*(select|insert|update|delete|with)\b/i.test(text) && !IN_LIST.test(text)) {
      name = `tandem_${names.size}`;
      names.set(text, name);
    }
    return name;
  };
  const wrappers = new WeakMap<pg.PoolClient, { query: (...args: any[]) => any; release: () => void }>();
  return {
    async connect() {
      const client = await pool.connect();
      let wrapper = wrappers.get(client);
      if (!wrapper) {
        wrapper = {
          query: (text: unknown, values?: unknown[]) =>
            typeof text === 'string' ? client.query({ name: nameFor(text), text, values }) : client.query(text as never),
          release: () => client.release(),
        };
        wrappers.set(client, wrapper);
      }
      return wrapper as never;
    },
    end: () => pool.end(),
  };
}

/**
 * Kysely prepares every query afresh; preparing costs more than running a small
 * query (measured: ~20% of a partnership read). Prepared statements are reused
 * per SQL text, bounded so queries with varying IN-lists cannot grow it forever.
 */
function withStatementCache(sqlite: SQLite.Database, max = 1000) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (!statement) {
        if (cache.size >= max) cache.clear();
        statement = sqlite.prepare(sql);
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}

const migrations: Record<string, Migration> = {
  '20261124_0001_foundation': foundation,
  '20261124_0002_goals': goals,
  '20261124_0003_meetings': meetings,
  '20261124_0004_celebrations': celebrations,
  '20261124_0005_cycle': cycle,
  '20261202_0006_setup': setup,
  '20261202_0007_language': language,
  '20261202_0008_observations': observations,
  '20261202_0009_reflection_observation': reflectionObservation,
  '20261202_0010_feedback': feedback,
  '20261202_0011_artifacts': artifacts,
  '20261202_0012_clips': clips,
  '20261202_0013_feedback_links': feedbackLinks,
  '20261202_0014_observation_clip': observationClip,
  '20261202_0015_admin_meetings': adminMeetings,
  '20261202_0016_admin_meeting_agreement': adminMeetingAgreement,
  '20261202_0017_admin_meeting_schedule': adminMeetingSchedule,
  '20261202_0018_supervisor_party': supervisorParty,
  '20261202_0019_work_log': workLog,
  '20261202_0020_program_launch': programLaunch,
  '20261202_0021_list_indexes': listIndexes,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrate(db: DB): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new StartupError(`Database migration ${failed?.migrationName ?? ''} failed: ${(error as Error)?.message ?? error}`);
  }
}

/** Fail fast with a message an operator can act on when the database cannot be reached. */
export async function checkConnection(db: DB, databaseUrl: string | null): Promise<void> {
  try {
    await db.selectNoFrom((eb) => eb.val(1).as('one')).execute();
  } catch (e) {
    const where = databaseUrl ? safeUrl(databaseUrl) : 'the SQLite file';
    throw new StartupError(`Cannot connect to the database at ${where}: ${(e as Error).message}. Check DATABASE_URL.`);
  }
}

function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    u.password = u.password ? '***' : '';
    return u.toString();
  } catch {
    return 'DATABASE_URL (unparseable)';
  }
}

/** Comma-joined values of a text column across rows: group_concat on SQLite, string_agg on PostgreSQL. */
export function joinedText(db: DB, column: string) {
  return db.getExecutor().adapter instanceof PostgresAdapter ? sql<string | null>`string_agg(${sql.ref(column)}, ',')` : sql<string | null>`group_concat(${sql.ref(column)}, ',')`;
}
