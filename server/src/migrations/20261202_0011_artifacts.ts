/**
 * Artifacts (issue 11, item 1): photos, documents and student work attached to a partnership,
 * an observation or a goal, with a note. The bytes live in the artifact storage (disk or S3)
 * under `storage_key` (and `thumb_key` for an image's thumbnail); a row is written only once
 * they are stored. Coaching content of kind "artifact". Frozen; runs on SQLite and PostgreSQL.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('artifacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id'))
    .addColumn('subject_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('uploaded_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('observation_id', 'text', (c) => c.references('observations.id'))
    .addColumn('goal_id', 'text', (c) => c.references('goals.id'))
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('byte_size', 'integer', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('thumb_key', 'text')
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // The partnership's list (newest first), its filters by observation and goal, and the organization's total for the quota.
  await db.schema.createIndex('artifacts_partnership').on('artifacts').columns(['partnership_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('artifacts_observation').on('artifacts').columns(['observation_id', 'created_at']).execute();
  await db.schema.createIndex('artifacts_goal').on('artifacts').columns(['goal_id', 'created_at']).execute();
  await db.schema.createIndex('artifacts_org').on('artifacts').columns(['org_id', 'byte_size']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('artifacts').execute();
}
