/**
 * The coach's own work log (issue 12, item 7): entries of time by activity (a day, minutes or a
 * start and end, optionally one of the coach's partnerships, and a note only the coach sees), and
 * the reads of a coach's totals by the administrators they agreed with, one row per reader and day
 * ("seen by"). Frozen; runs on SQLite and PostgreSQL.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('work_log_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('coach_id', 'text', (c) => c.notNull().references('people.id'))
    // YYYY-MM-DD, the day in the organization's time zone.
    .addColumn('worked_on', 'text', (c) => c.notNull())
    .addColumn('activity', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    // HH:MM when the coach gave a start and end.
    .addColumn('starts_at', 'text')
    .addColumn('ends_at', 'text')
    .addColumn('partnership_id', 'text', (c) => c.references('partnerships.id'))
    // The coach's private note: never shown to anyone else, never in a total.
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('work_log_entries_coach').on('work_log_entries').columns(['org_id', 'coach_id', 'worked_on']).execute();

  await db.schema
    .createTable('work_log_reads')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('coach_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('reader_id', 'text', (c) => c.notNull().references('people.id'))
    // The reader's day (UTC date of the read).
    .addColumn('read_on', 'text', (c) => c.notNull())
    .addColumn('times', 'integer', (c) => c.notNull())
    .addColumn('last_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('work_log_reads_pk', ['coach_id', 'reader_id', 'read_on'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('work_log_reads').execute();
  await db.schema.dropTable('work_log_entries').execute();
}
