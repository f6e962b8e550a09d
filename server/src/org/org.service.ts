/**
 * Creating an organization and its people: the one way the demo seed, the
 * set-up page, the operator command and the tests do it. Every function takes
 * a database or a transaction; callers that create several things pass one
 * transaction, so a failure leaves nothing half-made.
 */
import { DEFAULT_LANGUAGE, isLanguage } from '../../../shared/src/i18n';
import { FORMATS, type OrgRole } from '../../../shared/src/domain';
import { DEFAULT_COMMITMENTS } from '../agreements/defaults';
import type { Clock } from '../platform/clock';
import type { DB } from '../platform/db';
import { newId } from '../platform/ids';
import { seedDefaultPractices } from '../practices/practices.routes';

export interface OrganizationSettings {
  /** IANA time zone; the database default is UTC. */
  timeZone?: string;
  schoolYearStart?: string | null;
  schoolYearEnd?: string | null;
  /** 'en' (the default) or 'es'. */
  defaultLanguage?: string;
}

/**
 * Creates an organization with the default practice framework and its own copy
 * of the default agreement templates (one per format); returns its id.
 */
export async function createOrganization(db: DB, clock: Clock, name: string, settings: OrganizationSettings = {}): Promise<string> {
  const id = newId();
  const now = clock.now().toISOString();
  await db
    .insertInto('organizations')
    .values({
      id,
      name,
      created_at: now,
      ...(settings.timeZone ? { time_zone: settings.timeZone } : {}),
      school_year_start: settings.schoolYearStart ?? null,
      school_year_end: settings.schoolYearEnd ?? null,
      ...(settings.defaultLanguage ? { default_language: settings.defaultLanguage } : {}),
    })
    .execute();
  // The practice framework and agreement templates start in the program's language; the leader edits them from there.
  const language = isLanguage(settings.defaultLanguage) ? settings.defaultLanguage : DEFAULT_LANGUAGE;
  await seedDefaultPractices(db, id, language);
  await db
    .insertInto('agreement_templates')
    .values(FORMATS.map((format) => ({ org_id: id, format, commitments: JSON.stringify(DEFAULT_COMMITMENTS[language][format]), updated_at: now })))
    .execute();
  return id;
}

export interface NewPerson {
  name: string;
  email: string;
  roles: OrgRole[];
  siteId?: string | null;
  title?: string | null;
}

/** Adds a person with roles, linked to an account (userId) or to none yet (they join by invitation). */
export async function addPerson(db: DB, clock: Clock, orgId: string, p: NewPerson, userId: string | null): Promise<string> {
  const id = newId();
  await db
    .insertInto('people')
    .values({ id, org_id: orgId, user_id: userId, name: p.name, email: p.email.toLowerCase(), site_id: p.siteId ?? null, team_id: null, title: p.title ?? null, active: 1, created_at: clock.now().toISOString() })
    .execute();
  await db.insertInto('person_roles').values([...new Set(p.roles)].map((role) => ({ person_id: id, org_id: orgId, role }))).execute();
  return id;
}

/**
 * Creates a person with roles and an account: the account with this e-mail if
 * there is one, otherwise a new one with this password hash (none without one).
 */
export async function createPerson(db: DB, clock: Clock, orgId: string, p: NewPerson, passwordHash: string | null): Promise<string> {
  const email = p.email.toLowerCase();
  let user = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  if (!user && passwordHash) {
    user = { id: newId() };
    await db.insertInto('users').values({ id: user.id, email, password_hash: passwordHash, created_at: clock.now().toISOString(), disabled_at: null }).execute();
  }
  return addPerson(db, clock, orgId, p, user?.id ?? null);
}
