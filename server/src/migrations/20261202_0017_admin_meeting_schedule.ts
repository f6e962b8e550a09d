/**
 * The administrator–coach meeting's future meetings (issue 12, item 5; protocol step 9): the rules
 * the group agreed (what happens when a meeting is cancelled or someone cannot come, who sends the
 * invitations), the dates with their place and iCalendar sequence (a moved date is the same
 * calendar event, updated), and who came to each. Frozen; runs on SQLite and PostgreSQL.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('admin_meeting_rules')
    .addColumn('meeting_id', 'text', (c) => c.primaryKey().references('admin_meetings.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('cancellation_rule', 'text', (c) => c.notNull())
    .addColumn('absence_rule', 'text', (c) => c.notNull())
    .addColumn('invitations_by', 'text', (c) => c.references('people.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('admin_meeting_dates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('admin_meetings.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    // scheduled | cancelled
    .addColumn('status', 'text', (c) => c.notNull())
    // The iCalendar SEQUENCE: each move or cancellation sends the same event with the next number.
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('cancelled_at', 'text')
    .execute();
  await db.schema.createIndex('admin_meeting_dates_meeting').on('admin_meeting_dates').columns(['meeting_id', 'starts_at']).execute();

  await db.schema
    .createTable('admin_meeting_attendance')
    .addColumn('date_id', 'text', (c) => c.notNull().references('admin_meeting_dates.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    // present | absent_notice (told the group beforehand) | absent
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('admin_meeting_attendance_pk', ['date_id', 'person_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['admin_meeting_attendance', 'admin_meeting_dates', 'admin_meeting_rules']) await db.schema.dropTable(t).execute();
}
