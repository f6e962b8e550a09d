/**
 * Indexes for lists that grow with a district (issue 13, item 3), so each list's filter and order
 * come from one index and a page is found by its cursor, never by sorting the whole list:
 * - "who has seen this": a coachee's reads of one item, newest first;
 * - the concerns raised with a supervisor, and a person's reminders, in their order;
 * - Home's open resource requests across a coach's partnerships (a few open ones each, not every message);
 * - sessions, observations, observation plans, reflections, concerns and celebrations with the id
 *   as the last key, for keyset pages (they replace the indexes without it, which they extend).
 * Frozen; runs on SQLite and PostgreSQL.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('access_log_item').on('access_log').columns(['subject_id', 'item_id', 'at']).execute();
  await db.schema.createIndex('concerns_escalated_to_at').on('concerns').columns(['escalated_to', 'escalated_at']).execute();
  await db.schema.dropIndex('concerns_escalated_to').execute();
  await db.schema.createIndex('messages_partnership_open').on('messages').columns(['partnership_id', 'kind', 'fulfilled_at']).execute();
  await db.schema.createIndex('reminders_person_due').on('reminders').columns(['person_id', 'due_at']).execute();
  await db.schema.createIndex('meetings_partnership_start').on('meetings').columns(['partnership_id', 'starts_at', 'id']).execute();
  await db.schema.dropIndex('meetings_partnership').execute();
  await db.schema.createIndex('observations_partnership_start').on('observations').columns(['partnership_id', 'started_at', 'id']).execute();
  await db.schema.dropIndex('observations_partnership').execute();
  await db.schema.createIndex('celebrations_timeline').on('celebrations').columns(['partnership_id', 'happened_on', 'created_at', 'id']).execute();
  await db.schema.dropIndex('celebrations_partnership').execute();
  await db.schema.createIndex('observation_plans_partnership_created').on('observation_plans').columns(['partnership_id', 'created_at', 'id']).execute();
  await db.schema.dropIndex('observation_plans_partnership').execute();
  await db.schema.createIndex('reflections_partnership_created').on('reflections').columns(['partnership_id', 'created_at', 'id']).execute();
  await db.schema.dropIndex('reflections_partnership').execute();
  await db.schema.createIndex('reflections_observation_created').on('reflections').columns(['observation_id', 'created_at', 'id']).execute();
  await db.schema.dropIndex('reflections_observation').execute();
  await db.schema.createIndex('concerns_partnership_created').on('concerns').columns(['partnership_id', 'created_at', 'id']).execute();
  await db.schema.dropIndex('concerns_partnership').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('concerns_partnership').on('concerns').columns(['partnership_id', 'created_at']).execute();
  await db.schema.dropIndex('concerns_partnership_created').execute();
  await db.schema.createIndex('reflections_observation').on('reflections').columns(['observation_id', 'created_at']).execute();
  await db.schema.dropIndex('reflections_observation_created').execute();
  await db.schema.createIndex('reflections_partnership').on('reflections').columns(['partnership_id', 'created_at']).execute();
  await db.schema.dropIndex('reflections_partnership_created').execute();
  await db.schema.createIndex('observation_plans_partnership').on('observation_plans').columns(['partnership_id', 'created_at']).execute();
  await db.schema.dropIndex('observation_plans_partnership_created').execute();
  await db.schema.createIndex('celebrations_partnership').on('celebrations').columns(['partnership_id', 'happened_on', 'id']).execute();
  await db.schema.dropIndex('celebrations_timeline').execute();
  await db.schema.createIndex('observations_partnership').on('observations').columns(['partnership_id', 'started_at']).execute();
  await db.schema.dropIndex('observations_partnership_start').execute();
  await db.schema.createIndex('meetings_partnership').on('meetings').columns(['partnership_id', 'starts_at']).execute();
  await db.schema.dropIndex('meetings_partnership_start').execute();
  await db.schema.dropIndex('reminders_person_due').execute();
  await db.schema.dropIndex('messages_partnership_open').execute();
  await db.schema.createIndex('concerns_escalated_to').on('concerns').columns(['escalated_to']).execute();
  await db.schema.dropIndex('concerns_escalated_to_at').execute();
  await db.schema.dropIndex('access_log_item').execute();
}
