/**
 * Video and audio clips (issue 11, item 2) are artifacts too: what ffprobe read of them (length,
 * tracks) and what it could not (`media_note`: codes such as 'no_ffmpeg', 'no_audio'), when the
 * coachee said she has watched her own clip (`coachee_watched_at`: until then others' comments
 * wait for her), and the resumable upload it was finished from (`upload_id`, unique, so a
 * finished upload becomes one artifact however often its last request is repeated).
 *
 * Comments at moments of a clip live in `artifact_comments`: content of the clip (kind
 * "artifact"), with tags from the organization's practice framework (a JSON array of practice
 * ids) and an optional link to a goal or one step of its action plan. `step_id` has no foreign
 * key on purpose: a plan's steps are rewritten on each save (deleted and inserted again with
 * their ids, goals.service.ts), which a key would refuse; a comment whose step left the plan
 * simply shows no step. Frozen; runs on SQLite and PostgreSQL.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // One column per statement: SQLite adds one column at a time.
  await db.schema.alterTable('artifacts').addColumn('duration_ms', 'integer').execute();
  await db.schema.alterTable('artifacts').addColumn('has_audio', 'integer').execute();
  await db.schema.alterTable('artifacts').addColumn('has_video', 'integer').execute();
  await db.schema.alterTable('artifacts').addColumn('media_note', 'text').execute();
  await db.schema.alterTable('artifacts').addColumn('coachee_watched_at', 'text').execute();
  await db.schema.alterTable('artifacts').addColumn('upload_id', 'text').execute();
  await db.schema.createIndex('artifacts_upload').on('artifacts').column('upload_id').unique().execute();

  await db.schema
    .createTable('artifact_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('artifact_id', 'text', (c) => c.notNull().references('artifacts.id'))
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id'))
    .addColumn('subject_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('at_ms', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('goal_id', 'text', (c) => c.references('goals.id'))
    .addColumn('step_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // A clip's comments in the order of its timeline.
  await db.schema.createIndex('artifact_comments_moment').on('artifact_comments').columns(['artifact_id', 'at_ms']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('artifact_comments').execute();
  await db.schema.dropIndex('artifacts_upload').execute();
  for (const column of ['upload_id', 'coachee_watched_at', 'media_note', 'has_video', 'has_audio', 'duration_ms']) {
    await db.schema.alterTable('artifacts').dropColumn(column).execute();
  }
}
