/**
 * Written feedback reaches beyond one observation (issue 11, items 3 and 5): it may be written on
 * a clip (an artifact) instead of an observation, and it may be linked to a goal or a step of the
 * action plan it carries over to. `observation_id` becomes optional, which neither database lets
 * a column change in place the same way, so the table is rebuilt: a new table, the rows copied,
 * the old one dropped and the new one renamed (the same statements on SQLite and PostgreSQL).
 * Exactly one of observation_id and artifact_id is set (checked by the routes). Frozen.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('feedback_next')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id'))
    .addColumn('observation_id', 'text', (c) => c.references('observations.id'))
    .addColumn('artifact_id', 'text', (c) => c.references('artifacts.id'))
    .addColumn('subject_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('blocks', 'text', (c) => c.notNull())
    .addColumn('goal_id', 'text', (c) => c.references('goals.id'))
    // No foreign key: saving a goal's plan rewrites its step rows (keeping their ids), which a reference would refuse.
    .addColumn('step_id', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await sql`insert into feedback_next (id, org_id, partnership_id, observation_id, artifact_id, subject_id, author_id, status, blocks, goal_id, step_id, version, created_at, updated_at, sent_at)
    select id, org_id, partnership_id, observation_id, null, subject_id, author_id, status, blocks, null, null, version, created_at, updated_at, sent_at from feedback`.execute(db);
  await db.schema.dropTable('feedback').execute();
  await db.schema.alterTable('feedback_next').renameTo('feedback').execute();
  await db.schema.createIndex('feedback_observation').on('feedback').columns(['observation_id', 'created_at']).execute();
  await db.schema.createIndex('feedback_artifact').on('feedback').columns(['artifact_id', 'created_at']).execute();
  await db.schema.createIndex('feedback_partnership').on('feedback').columns(['partnership_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('feedback').where('observation_id', 'is', null).execute();
  await db.schema.dropIndex('feedback_artifact').execute();
  await db.schema.alterTable('feedback').dropColumn('step_id').execute();
  await db.schema.alterTable('feedback').dropColumn('goal_id').execute();
  await db.schema.alterTable('feedback').dropColumn('artifact_id').execute();
}
