/**
 * An observation made on a recorded clip (issue 11, item 2): the observation tools run on the
 * clip's clock. The visit's start stands for the clip's first moment and its end for the clip's
 * last, so every event's time is a moment of the clip (deviceAt − started_at). Frozen; runs on
 * SQLite and PostgreSQL.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('observations').addColumn('clip_id', 'text', (c) => c.references('artifacts.id')).execute();
  await db.schema.alterTable('observations').addColumn('clip_duration_ms', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('observations').dropColumn('clip_duration_ms').execute();
  await db.schema.alterTable('observations').dropColumn('clip_id').execute();
}
