/**
 * A reflection can name the observation it looks back on (issue 10, item 5: review together),
 * so "the coachee speaks first" holds per visit and the review screen finds the words written
 * about its data. Null for reflections on a session or a plan alone, and for those written
 * before. Frozen; runs on SQLite and PostgreSQL.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('reflections').addColumn('observation_id', 'text', (c) => c.references('observations.id')).execute();
  await db.schema.createIndex('reflections_observation').on('reflections').columns(['observation_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('reflections_observation').execute();
  await db.schema.alterTable('reflections').dropColumn('observation_id').execute();
}
