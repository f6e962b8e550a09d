/**
 * Launching a program (issue 12, item 8; SPEC §2.1): the leader's welcome on the program page,
 * teachers' answers to "would you like a coach?" (volunteered, declined, withdrawn, or turned into
 * a partnership), and testimonials that are shown only with their author's consent and the
 * leader's approval. Frozen; runs on SQLite and PostgreSQL.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('program_pages')
    .addColumn('org_id', 'text', (c) => c.primaryKey().references('organizations.id'))
    .addColumn('welcome', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // One row per teacher and organization, changed in place: the teacher's current answer.
  await db.schema
    .createTable('enrolments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    // volunteered | declined | withdrawn | partnered
    .addColumn('status', 'text', (c) => c.notNull())
    // expert | peer | self, or null: no preference
    .addColumn('format', 'text')
    .addColumn('preferred_coach_id', 'text', (c) => c.references('people.id'))
    // now | this_term | next_term, or null: no preference
    .addColumn('starts', 'text')
    .addColumn('partnership_id', 'text', (c) => c.references('partnerships.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('enrolments_person', ['org_id', 'person_id'])
    .execute();
  await db.schema.createIndex('enrolments_status').on('enrolments').columns(['org_id', 'status']).execute();

  await db.schema
    .createTable('testimonials')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('people.id'))
    // coach | teacher: how the author took part when writing, for a testimonial shown without a name
    .addColumn('author_role', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    // none | named | anonymous: the author's explicit consent, and how to be shown
    .addColumn('consent', 'text', (c) => c.notNull())
    .addColumn('consented_at', 'text')
    .addColumn('approved_by', 'text', (c) => c.references('people.id'))
    .addColumn('approved_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('testimonials_author').on('testimonials').columns(['org_id', 'author_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('testimonials').execute();
  await db.schema.dropTable('enrolments').execute();
  await db.schema.dropTable('program_pages').execute();
}
