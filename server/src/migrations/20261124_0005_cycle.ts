/**
 * The rest of the coaching cycle: strengths and needs, observation plans,
 * reflections, messages and resource requests, concerns, calendar feeds and
 * reminders. Frozen; runs on SQLite and PostgreSQL.
 */
import type { Kysely } from 'kysely';

type Table = ReturnType<Kysely<any>['schema']['createTable']>;

/** Columns every piece of coaching content starts with: the tenant, the partnership and the coachee it is about. */
const content = (t: Table) =>
  t
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id'))
    .addColumn('subject_id', 'text', (c) => c.notNull().references('people.id'));

export async function up(db: Kysely<any>): Promise<void> {
  // Times in e-mail reminders are written in the organization's time zone.
  await db.schema.alterTable('organizations').addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('UTC')).execute();

  // Self-ratings are appended, never overwritten: the history shows growth over the year.
  await content(db.schema.createTable('self_ratings'))
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id'))
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    .addColumn('rated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('self_ratings_partnership').on('self_ratings').columns(['partnership_id', 'subject_id', 'practice_id', 'rated_at']).execute();

  await content(db.schema.createTable('strength_entries'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('practice_id', 'text', (c) => c.references('practices.id'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('retired_at', 'text')
    .execute();
  await db.schema.createIndex('strength_entries_partnership').on('strength_entries').columns(['partnership_id', 'created_at']).execute();

  await content(db.schema.createTable('observation_plans'))
    .addColumn('meeting_id', 'text', (c) => c.references('meetings.id'))
    .addColumn('goal_id', 'text', (c) => c.references('goals.id'))
    .addColumn('focus', 'text', (c) => c.notNull())
    .addColumn('current_picture', 'text', (c) => c.notNull())
    .addColumn('success_looks_like', 'text', (c) => c.notNull())
    .addColumn('look_for', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('when_text', 'text', (c) => c.notNull())
    .addColumn('data_form', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('observation_plans_partnership').on('observation_plans').columns(['partnership_id', 'created_at']).execute();

  await content(db.schema.createTable('reflections'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('voice', 'text', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('meeting_id', 'text', (c) => c.references('meetings.id'))
    .addColumn('plan_id', 'text', (c) => c.references('observation_plans.id'))
    .addColumn('goal_id', 'text', (c) => c.references('goals.id'))
    .addColumn('added_steps', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reflections_partnership').on('reflections').columns(['partnership_id', 'created_at']).execute();

  await content(db.schema.createTable('messages'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('requested_from', 'text', (c) => c.references('people.id'))
    .addColumn('fulfilled_at', 'text')
    .addColumn('fulfilled_by', 'text', (c) => c.references('people.id'))
    .addColumn('fulfilment_note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('messages_partnership').on('messages').columns(['partnership_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('messages_open_requests').on('messages').columns(['requested_from', 'fulfilled_at']).execute();

  await content(db.schema.createTable('concerns'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('discussion_summary', 'text')
    .addColumn('coachee_view', 'text')
    .addColumn('discussed_on', 'text')
    .addColumn('discussion_recorded_at', 'text')
    .addColumn('escalated_to', 'text', (c) => c.references('people.id'))
    .addColumn('escalation_reason', 'text')
    .addColumn('escalated_at', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('resolution_note', 'text')
    .execute();
  await db.schema.createIndex('concerns_partnership').on('concerns').columns(['partnership_id', 'created_at']).execute();
  await db.schema.createIndex('concerns_escalated_to').on('concerns').columns(['escalated_to']).execute();

  // Only the SHA-256 of the secret feed token is stored, like session tokens.
  await db.schema
    .createTable('calendar_feeds')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('calendar_feeds_person').on('calendar_feeds').columns(['person_id']).execute();

  // One reminder per person and thing (the key), so the job can run any number of times.
  await db.schema
    .createTable('reminders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('emailed_at', 'text')
    .addColumn('dismissed_at', 'text')
    .addUniqueConstraint('reminders_once', ['person_id', 'key'])
    .execute();
  await db.schema
    .createTable('reminder_preferences')
    .addColumn('person_id', 'text', (c) => c.primaryKey().references('people.id'))
    .addColumn('email', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['reminder_preferences', 'reminders', 'calendar_feeds', 'concerns', 'messages', 'reflections', 'observation_plans', 'strength_entries', 'self_ratings']) {
    await db.schema.dropTable(t).execute();
  }
  await db.schema.alterTable('organizations').dropColumn('time_zone').execute();
}
