/**
 * Server-side sessions. The cookie carries a 256-bit random token; the database
 * keeps only its SHA-256, so a leaked table cannot be replayed. Sessions end
 * after an idle period and after an absolute lifetime (ASVS 7.3).
 */
import { DEFAULT_LANGUAGE, isLanguage } from '../../../shared/src/i18n';
import type { OrgRole } from '../../../shared/src/domain';
import type { Actor } from './actor';
import type { Clock } from './clock';
import { type DB, joinedText } from './db';
import { newToken, sha256 } from './ids';
import { arg, prepared } from './prepared';

export const SESSION_COOKIE = 'tandem_session';

export interface SessionPolicy {
  idleMinutes: number;
  maxHours: number;
}

/** Creates a session; returns the cookie token and the CSRF token the page must echo. */
export async function createSession(db: DB, clock: Clock, policy: SessionPolicy, userId: string, personId: string) {
  const token = newToken();
  const csrfToken = newToken();
  const now = clock.now();
  await db
    .insertInto('auth_sessions')
    .values({
      token_hash: sha256(token),
      user_id: userId,
      person_id: personId,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + policy.maxHours * 3600_000).toISOString(),
    })
    .execute();
  return { token, csrfToken };
}

/** The session's columns, its person's and organization's, and the person's roles: what every request resolves. */
export const SESSION_COLUMNS = ['s.user_id', 's.person_id', 's.csrf_token', 's.last_seen_at', 's.expires_at', 'u.disabled_at', 'p.org_id', 'p.name', 'p.email', 'p.active', 'p.language', 'o.default_language'] as const;

/** The session joined to its user, person and organization (for a query that reads more in the same round trip). */
export const sessionJoined = (db: DB) =>
  db
    .selectFrom('auth_sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .innerJoin('people as p', 'p.id', 's.person_id')
    .innerJoin('organizations as o', 'o.id', 'p.org_id')
    .select(SESSION_COLUMNS)
    // Roles in the same round trip: this runs on every request.
    .select((eb) => eb.selectFrom('person_roles as r').select(joinedText(db, 'r.role').as('roles')).whereRef('r.person_id', '=', 's.person_id').as('roles'));

const findSession = prepared<[string], SessionRow>((db) => sessionJoined(db).where('s.token_hash', '=', arg(0)));

export interface SessionRow {
  user_id: string;
  person_id: string;
  csrf_token: string;
  last_seen_at: string;
  expires_at: string;
  disabled_at: string | null;
  org_id: string;
  name: string;
  email: string;
  active: number;
  language: string | null;
  default_language: string;
  roles: string | null;
}

export type SessionLookup = { actor: Actor } | { expired: true } | null;

/** Resolves a cookie token to the acting person, refreshing the idle timer at most once a minute. */
export async function lookupSession(db: DB, clock: Clock, policy: SessionPolicy, token: string): Promise<SessionLookup> {
  const hash = sha256(token);
  const [row] = await findSession(db, hash);
  return resolveSession(db, clock, policy, hash, row);
}

/** The acting person from a session row read by any query (null: no such session; expired ones are deleted). */
export async function resolveSession(db: DB, clock: Clock, policy: SessionPolicy, hash: string, row: SessionRow | undefined): Promise<SessionLookup> {
  if (!row) return null;
  const now = clock.now();
  const idleLimit = new Date(new Date(row.last_seen_at).getTime() + policy.idleMinutes * 60_000);
  if (row.disabled_at || !row.active || now >= new Date(row.expires_at) || now >= idleLimit) {
    await db.deleteFrom('auth_sessions').where('token_hash', '=', hash).execute();
    return { expired: true };
  }
  if (now.getTime() - new Date(row.last_seen_at).getTime() > 60_000) {
    await db.updateTable('auth_sessions').set({ last_seen_at: now.toISOString() }).where('token_hash', '=', hash).execute();
  }
  return {
    actor: {
      userId: row.user_id,
      personId: row.person_id,
      orgId: row.org_id,
      name: row.name,
      email: row.email,
      roles: new Set((row.roles ?? '').split(',').filter(Boolean) as OrgRole[]),
      csrfToken: row.csrf_token,
      sessionHash: hash,
      language: isLanguage(row.language) ? row.language : isLanguage(row.default_language) ? row.default_language : DEFAULT_LANGUAGE,
    },
  };
}

export async function endSession(db: DB, sessionHash: string): Promise<void> {
  await db.deleteFrom('auth_sessions').where('token_hash', '=', sessionHash).execute();
}

/** Sign-out everywhere, and what happens on password change or account deactivation (ASVS 7.4). */
export async function endAllSessions(db: DB, userId: string): Promise<void> {
  await db.deleteFrom('auth_sessions').where('user_id', '=', userId).execute();
}
