/**
 * Foundation schema. Frozen: imports nothing from the app, runs on SQLite and PostgreSQL.
 * Ids are UUID text, times are ISO-8601 UTC text, booleans are 0/1 integers, so the
 * same queries behave the same on both databases.
 */
import { type Kysely, PostgresAdapter, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;

  await db.schema
    .createTable('organizations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sites')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sites_org').on('sites').columns(['org_id', 'name']).execute();

  await db.schema
    .createTable('teams')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('site_id', 'text', (c) => c.references('sites.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('teams_org').on('teams').columns(['org_id', 'name']).execute();

  // A login. One user can be a person in several organizations.
  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('disabled_at', 'text')
    .execute();

  // A person inside one organization (the tenant).
  await db.schema
    .createTable('people')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('site_id', 'text', (c) => c.references('sites.id'))
    .addColumn('team_id', 'text', (c) => c.references('teams.id'))
    .addColumn('title', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('people_org_email', ['org_id', 'email'])
    .execute();
  await db.schema.createIndex('people_user').on('people').column('user_id').execute();
  await db.schema.createIndex('people_org_name').on('people').columns(['org_id', 'name', 'id']).execute();

  await db.schema
    .createTable('person_roles')
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('person_roles_pk', ['person_id', 'role'])
    .execute();
  await db.schema.createIndex('person_roles_org').on('person_roles').columns(['org_id', 'role']).execute();

  await db.schema
    .createTable('supervision_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('supervisor_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('supervisee_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('supervision_pair', ['supervisor_id', 'supervisee_id'])
    .execute();
  await db.schema.createIndex('supervision_supervisee').on('supervision_links').column('supervisee_id').execute();

  await db.schema
    .createTable('invitations')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('created_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('accepted_at', 'text')
    .execute();
  await db.schema.createIndex('invitations_person').on('invitations').column('person_id').execute();

  // Server-side sessions; the cookie holds a random token, the table only its SHA-256.
  await db.schema
    .createTable('auth_sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('auth_sessions_user').on('auth_sessions').column('user_id').execute();

  await db.schema
    .createTable('password_resets')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();

  await db.schema
    .createTable('role_acknowledgements')
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('acknowledged_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('role_ack_pk', ['person_id', 'version'])
    .execute();

  await db.schema
    .createTable('practices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('practices_org').on('practices').columns(['org_id', 'position']).execute();

  await db.schema
    .createTable('agreement_templates')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('commitments', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('agreement_templates_pk', ['org_id', 'format'])
    .execute();

  await db.schema
    .createTable('partnerships')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('status_changed_at', 'text', (c) => c.notNull())
    .addColumn('dual_role', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('dual_role_acknowledged_at', 'text')
    .addColumn('meeting_cadence', 'text')
    .addColumn('coverage_needs', 'text')
    .addColumn('review_on', 'text')
    .addColumn('current_agreement_version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('agreement_signed_version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('partnerships_org').on('partnerships').columns(['org_id', 'created_at', 'id']).execute();

  await db.schema
    .createTable('partnership_members')
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('responded_at', 'text')
    .addColumn('decline_reason', 'text')
    .addPrimaryKeyConstraint('partnership_members_pk', ['partnership_id', 'person_id'])
    .execute();
  await db.schema.createIndex('partnership_members_person').on('partnership_members').columns(['person_id', 'partnership_id']).execute();

  await db.schema
    .createTable('partnership_status_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('by_person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('status_events_partnership').on('partnership_status_events').columns(['partnership_id', 'at']).execute();

  await db.schema
    .createTable('partnership_profiles')
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id'))
    .addColumn('subject_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('strengths', 'text', (c) => c.notNull())
    .addColumn('learning_style', 'text', (c) => c.notNull())
    .addColumn('needs', 'text', (c) => c.notNull())
    .addColumn('challenges', 'text', (c) => c.notNull())
    .addColumn('challenge_notes', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull().references('people.id'))
    .addPrimaryKeyConstraint('partnership_profiles_pk', ['partnership_id', 'subject_id'])
    .execute();

  await db.schema
    .createTable('agreement_versions')
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('agreement_versions_pk', ['partnership_id', 'version'])
    .execute();

  await db.schema
    .createTable('agreement_signatures')
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('signed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('agreement_signatures_pk', ['partnership_id', 'version', 'person_id'])
    .execute();

  // Coaching content, kind "note". subject_id is the coachee whose content it is.
  await db.schema
    .createTable('notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id'))
    .addColumn('subject_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notes_partnership').on('notes').columns(['partnership_id', 'created_at', 'id']).execute();

  // Share grants: only a coachee creates them; revocation sets revoked_at, nothing is deleted.
  await db.schema
    .createTable('shares')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id'))
    .addColumn('grantor_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('grantee_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('item_type', 'text')
    .addColumn('item_id', 'text')
    .addColumn('category', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('shares_grantee').on('shares').columns(['grantee_id', 'partnership_id']).execute();
  await db.schema.createIndex('shares_partnership').on('shares').columns(['partnership_id', 'created_at']).execute();

  // Append-only: every read or export of coaching content, visible to its subject.
  await db.schema
    .createTable('access_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('relation', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id'))
    .addColumn('item_type', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('access_log_subject').on('access_log').columns(['subject_id', 'at', 'id']).execute();

  // The database refuses edits and deletions of the access log, whatever the app does.
  if (isPg) {
    await sql`CREATE FUNCTION access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'access_log is append-only'; END $$`.execute(db);
    await sql`CREATE TRIGGER access_log_no_update BEFORE UPDATE OR DELETE ON access_log
      FOR EACH ROW EXECUTE FUNCTION access_log_append_only()`.execute(db);
  } else {
    await sql`CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log
      BEGIN SELECT RAISE(ABORT, 'access_log is append-only'); END`.execute(db);
    await sql`CREATE TRIGGER access_log_no_delete BEFORE DELETE ON access_log
      BEGIN SELECT RAISE(ABORT, 'access_log is append-only'); END`.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('The foundation migration cannot be reverted.');
}
