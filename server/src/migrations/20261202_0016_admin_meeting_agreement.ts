/**
 * The partnership meeting's roles, topics and written agreement (issue 12, items 2–4; SPEC §2.7):
 * each participant's picks of the ten coaching roles and the settled sets (3–5, optionally per
 * team or subject); the challenges, strengths to leverage and confidentiality agreements; the
 * topics each participant marks as key concerns and the recorded answer of each topic; who drafts
 * the agreement and by when, its frozen versions (content hash) and the signatures on them.
 * Frozen; runs on SQLite and PostgreSQL.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('admin_meeting_role_picks')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('admin_meetings.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('role_key', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('admin_meeting_role_picks_pk', ['meeting_id', 'person_id', 'role_key'])
    .execute();

  await db.schema
    .createTable('admin_meeting_role_sets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('admin_meetings.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    // '' : the whole group; else a team or subject ("Grade 1 team", "Math").
    .addColumn('scope', 'text', (c) => c.notNull())
    // JSON array of role keys (3–5), in the order settled.
    .addColumn('roles', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('admin_meeting_role_sets_scope').unique().on('admin_meeting_role_sets').columns(['meeting_id', 'scope']).execute();

  await db.schema
    .createTable('admin_meeting_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('admin_meetings.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    // challenge | strength | confidentiality
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('admin_meeting_items_meeting').on('admin_meeting_items').columns(['meeting_id', 'created_at']).execute();

  await db.schema
    .createTable('admin_meeting_concerns')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('admin_meetings.id'))
    .addColumn('topic_key', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('admin_meeting_concerns_pk', ['meeting_id', 'topic_key', 'person_id'])
    .execute();

  await db.schema
    .createTable('admin_meeting_answers')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('admin_meetings.id'))
    .addColumn('topic_key', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    // agreed | not_relevant
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    // Only the question about naming teachers: 1 yes, 0 no; null elsewhere.
    .addColumn('names_may_be_used', 'integer')
    .addColumn('answered_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('admin_meeting_answers_pk', ['meeting_id', 'topic_key'])
    .execute();

  // One row per meeting once its written agreement is planned or drafted.
  await db.schema
    .createTable('admin_meeting_agreements')
    .addColumn('meeting_id', 'text', (c) => c.primaryKey().references('admin_meetings.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('drafter_id', 'text', (c) => c.references('people.id'))
    .addColumn('due_on', 'text')
    // The plan's own version (drafter and date): version-checked writes.
    .addColumn('version', 'integer', (c) => c.notNull())
    // The latest written version (0: none yet).
    .addColumn('current_version', 'integer', (c) => c.notNull())
    // The version every participant signed, and when the last signature came (null: not yet).
    .addColumn('signed_version', 'integer')
    .addColumn('signed_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('admin_meeting_agreements_org').on('admin_meeting_agreements').columns(['org_id', 'signed_at']).execute();

  await db.schema
    .createTable('admin_meeting_agreement_versions')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('admin_meetings.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    // The frozen snapshot (JSON) and its SHA-256 over canonical JSON.
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('admin_meeting_agreement_versions_pk', ['meeting_id', 'version'])
    .execute();

  await db.schema
    .createTable('admin_meeting_signatures')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('admin_meetings.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('signed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('admin_meeting_signatures_pk', ['meeting_id', 'version', 'person_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['admin_meeting_signatures', 'admin_meeting_agreement_versions', 'admin_meeting_agreements', 'admin_meeting_answers', 'admin_meeting_concerns', 'admin_meeting_items', 'admin_meeting_role_sets', 'admin_meeting_role_picks']) {
    await db.schema.dropTable(t).execute();
  }
}
