/**
 * The administrator–coach partnership meeting (issue 12, SPEC §2.7): the meeting and who takes
 * part in it, the time each step ran (a running timer and its overrun are computed from these
 * intervals), the norms, the note-taker's record, and the numbered events a live screen replays
 * after a reconnect (Last-Event-ID). Frozen; runs on SQLite and PostgreSQL.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('admin_meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('site_id', 'text', (c) => c.references('sites.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('school_year', 'text', (c) => c.notNull())
    .addColumn('scheduled_for', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('current_step', 'integer', (c) => c.notNull())
    .addColumn('note_taker_id', 'text', (c) => c.references('people.id'))
    .addColumn('created_by', 'text', (c) => c.notNull().references('people.id'))
    // The meeting's own fields (status, step, note-taker, title): version-checked writes.
    .addColumn('version', 'integer', (c) => c.notNull())
    // The number of the last event (any change, norms and notes too): Last-Event-ID counts these.
    .addColumn('last_event', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('ended_at', 'text')
    .execute();
  await db.schema.createIndex('admin_meetings_org').on('admin_meetings').columns(['org_id', 'created_at']).execute();

  await db.schema
    .createTable('admin_meeting_participants')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('admin_meetings.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('admin_meeting_participants_pk', ['meeting_id', 'person_id'])
    .execute();
  await db.schema.createIndex('admin_meeting_participants_person').on('admin_meeting_participants').columns(['person_id', 'meeting_id']).execute();

  await db.schema
    .createTable('admin_meeting_steps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('admin_meetings.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('step', 'integer', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .execute();
  await db.schema.createIndex('admin_meeting_steps_meeting').on('admin_meeting_steps').columns(['meeting_id', 'started_at']).execute();

  await db.schema
    .createTable('admin_meeting_norms')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('admin_meetings.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('agreed_at', 'text')
    .addColumn('revised_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('admin_meeting_norms_meeting').on('admin_meeting_norms').columns(['meeting_id', 'created_at']).execute();

  await db.schema
    .createTable('admin_meeting_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('admin_meetings.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('step', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('admin_meeting_notes_meeting').on('admin_meeting_notes').columns(['meeting_id', 'created_at']).execute();

  await db.schema
    .createTable('admin_meeting_events')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('admin_meetings.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('admin_meeting_events_pk', ['meeting_id', 'seq'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['admin_meeting_events', 'admin_meeting_notes', 'admin_meeting_norms', 'admin_meeting_steps', 'admin_meeting_participants', 'admin_meetings']) {
    await db.schema.dropTable(t).execute();
  }
}
