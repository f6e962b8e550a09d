/**
 * The supervisor as a party to a coaching partnership (issue 12, item 6): the supervisor's own
 * signature on the supervisor's commitments (kept by the hash of those commitments, so a new
 * agreement version that leaves them unchanged keeps it), the monthly check-ins the supervisor
 * schedules (logistics only: when, how long, where), and coverage requests the partners send
 * and the supervisor answers (fixed lists, no free text). Frozen; runs on SQLite and PostgreSQL.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('supervisor_signatures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('commitments_hash', 'text', (c) => c.notNull())
    .addColumn('signed_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('supervisor_signatures_once', ['partnership_id', 'person_id', 'commitments_hash'])
    .execute();

  await db.schema
    .createTable('supervisor_checkins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id'))
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('scheduled_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('reschedule_count', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('cancelled_at', 'text')
    .execute();
  await db.schema.createIndex('supervisor_checkins_partnership').on('supervisor_checkins').columns(['partnership_id', 'starts_at']).execute();
  await db.schema.createIndex('supervisor_checkins_scheduler').on('supervisor_checkins').columns(['scheduled_by', 'starts_at']).execute();

  await db.schema
    .createTable('coverage_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id'))
    .addColumn('requested_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('cover_for', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('from_time', 'text', (c) => c.notNull())
    .addColumn('to_time', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decline_reason', 'text')
    .addColumn('answered_by', 'text', (c) => c.references('people.id'))
    .addColumn('answered_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('coverage_requests_partnership').on('coverage_requests').columns(['partnership_id', 'on_date']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('coverage_requests').execute();
  await db.schema.dropTable('supervisor_checkins').execute();
  await db.schema.dropTable('supervisor_signatures').execute();
}
