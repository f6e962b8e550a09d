/**
 * Observation records (SPEC §2.6): an observation carried out in a partnership,
 * the append-only log of what was recorded during it (idempotent on the
 * device's event id), and the classroom layouts reused across visits, whose
 * versions are kept so past taps always point at the seats they were made on.
 * Frozen; runs on SQLite and PostgreSQL.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // A seating chart or room map of one coachee's classroom; `version` names the current row of classroom_layout_versions.
  await db.schema
    .createTable('classroom_layouts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id'))
    .addColumn('subject_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('classroom_layouts_partnership').on('classroom_layouts').columns(['partnership_id', 'created_at']).execute();

  // Every version ever saved, never changed: an observation names the version it used.
  await db.schema
    .createTable('classroom_layout_versions')
    .addColumn('layout_id', 'text', (c) => c.notNull().references('classroom_layouts.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('elements', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('classroom_layout_versions_pk', ['layout_id', 'version'])
    .execute();

  await db.schema
    .createTable('observations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id'))
    .addColumn('subject_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('plan_id', 'text', (c) => c.references('observation_plans.id'))
    .addColumn('meeting_id', 'text', (c) => c.references('meetings.id'))
    .addColumn('focus', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    // JSON: the tools in use and their configuration (categories, kinds, layout id and version…); events are checked against it.
    .addColumn('tools', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .addColumn('ended_by', 'text', (c) => c.references('people.id'))
    .addColumn('created_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('observations_partnership').on('observations').columns(['partnership_id', 'started_at']).execute();

  // Append-only: the id is made on the device, so a re-sent event is recognised; an undo is another event.
  await db.schema
    .createTable('observation_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('observation_id', 'text', (c) => c.notNull().references('observations.id'))
    .addColumn('tool', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('device_at', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull().references('people.id'))
    .execute();
  await db.schema.createIndex('observation_events_observation').on('observation_events').columns(['observation_id', 'device_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['observation_events', 'observations', 'classroom_layout_versions', 'classroom_layouts']) await db.schema.dropTable(t).execute();
}
