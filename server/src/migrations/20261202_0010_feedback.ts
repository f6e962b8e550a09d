/**
 * Written feedback on an observation (issue 11, item 3): the coach's words and the evidence
 * they quote, as blocks (JSON). A draft is its author's alone; sent, it is coaching content of
 * kind "feedback" for the partnership, and reaches the coachee once she has written what she
 * notices in the data. Frozen; runs on SQLite and PostgreSQL.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('feedback')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id'))
    .addColumn('observation_id', 'text', (c) => c.notNull().references('observations.id'))
    .addColumn('subject_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('blocks', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema.createIndex('feedback_observation').on('feedback').columns(['observation_id', 'created_at']).execute();
  await db.schema.createIndex('feedback_partnership').on('feedback').columns(['partnership_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('feedback').execute();
}
