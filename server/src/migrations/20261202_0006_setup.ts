/**
 * Starting without the demo: the organization's school year and default
 * language, and the one-time set-up token of an empty install. Frozen; runs on
 * SQLite and PostgreSQL.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Calendar days (YYYY-MM-DD); both or neither (a home-visiting program may run all year).
  await db.schema.alterTable('organizations').addColumn('school_year_start', 'text').execute();
  await db.schema.alterTable('organizations').addColumn('school_year_end', 'text').execute();
  // The language Tandem speaks to people who have not chosen their own: 'en' or 'es'.
  await db.schema.alterTable('organizations').addColumn('default_language', 'text', (c) => c.notNull().defaultTo('en')).execute();

  // One row per install (id 'install'): only the SHA-256 of the token printed at start-up.
  // Set-up claims the row by setting completed_at where it is still null, inside the
  // transaction that creates the organization, so two set-ups at once cannot both win.
  await db.schema
    .createTable('install_setup')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('install_setup').execute();
  for (const column of ['default_language', 'school_year_end', 'school_year_start']) {
    await db.schema.alterTable('organizations').dropColumn(column).execute();
  }
}
