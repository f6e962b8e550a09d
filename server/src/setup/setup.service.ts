/**
 * Starting for real, without the demo.
 *
 * - The first set-up of an empty install, from the browser: start-up prints a
 *   one-time token on the console (only its SHA-256 is stored); whoever enters
 *   it creates the organization and its first program leader.
 * - The operator command (`npm run tandem -- org:create`): another organization
 *   on the same install, whose leader gets an invitation link.
 *
 * Threat: the set-up page is public and creates a leader. So it works only
 * while there is no organization at all, only with the token from the console,
 * and only once: the transaction that creates the organization claims the
 * token row first (completed_at from null), so of two set-ups at once — or a
 * set-up and the operator command — exactly one wins.
 */
import type { z } from 'zod';
import type { OrganizationFields } from '../../../shared/src/api';
import { listedTimeZone } from '../../../shared/src/time-zones';
import { issueInvitation } from '../org/invitations';
import { addPerson, createOrganization } from '../org/org.service';
import type { Clock } from '../platform/clock';
import type { DB } from '../platform/db';
import { AppError } from '../platform/errors';
import { newId, newToken, sha256 } from '../platform/ids';

const INSTALL = 'install';

export type OrganizationInput = z.output<typeof OrganizationFields>;

export const alreadySetUp = () => new AppError('ALREADY_SET_UP', 'alreadySetUp');

/** True while the install has no organization, and only then: the set-up page is shown. */
export async function setupNeeded(db: DB): Promise<boolean> {
  return !(await db.selectFrom('organizations').select('id').limit(1).executeTakeFirst());
}

/**
 * At start-up of an empty install: a fresh set-up token, returned once to be
 * printed on the console. A restart before set-up replaces it (only the hash
 * was kept, so the old one could not be shown again). Null once an organization exists.
 */
export async function openSetup(db: DB, clock: Clock): Promise<string | null> {
  if (!(await setupNeeded(db))) return null;
  const token = newToken();
  const row = { id: INSTALL, token_hash: sha256(token), created_at: clock.now().toISOString(), completed_at: null };
  await db
    .insertInto('install_setup')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet({ token_hash: row.token_hash, created_at: row.created_at, completed_at: null }))
    .execute();
  return token;
}

/** Whether this token may set up the install now: 'done' (there is an organization), 'wrong', or 'open'. */
export async function setupTokenState(db: DB, token: string): Promise<'done' | 'wrong' | 'open'> {
  if (!(await setupNeeded(db))) return 'done';
  const row = await db.selectFrom('install_setup').select(['token_hash', 'completed_at']).where('id', '=', INSTALL).executeTakeFirst();
  if (row?.completed_at) return 'done';
  return row && row.token_hash === sha256(token) ? 'open' : 'wrong';
}

/** The organization's settings as stored: the time zone in the name this server lists. */
function settingsOf(org: OrganizationInput) {
  return {
    timeZone: listedTimeZone(org.timeZone) ?? org.timeZone,
    schoolYearStart: org.schoolYearStart ?? null,
    schoolYearEnd: org.schoolYearEnd ?? null,
    defaultLanguage: org.defaultLanguage,
  };
}

/**
 * The first set-up, in one transaction: claim the token, then the organization
 * with its practices and agreement templates, the leader's account and person.
 * Throws ALREADY_SET_UP when another set-up (or the operator command) won.
 */
export async function completeSetup(
  db: DB,
  clock: Clock,
  token: string,
  org: OrganizationInput,
  leader: { name: string; email: string },
  passwordHash: string,
): Promise<{ orgId: string; userId: string; personId: string }> {
  const now = clock.now().toISOString();
  const email = leader.email.toLowerCase();
  return db.transaction().execute(async (trx) => {
    // First statement of the transaction, so it takes the row's write lock before anything else.
    const claimed = await trx
      .updateTable('install_setup')
      .set({ completed_at: now })
      .where('id', '=', INSTALL)
      .where('token_hash', '=', sha256(token))
      .where('completed_at', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1 || !(await setupNeeded(trx))) throw alreadySetUp();
    if (await trx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst()) {
      throw new AppError('ALREADY_EXISTS', 'leaderEmailTaken', [{ path: 'body.leader.email', message: 'leaderEmailTakenField' }]);
    }
    const orgId = await createOrganization(trx, clock, org.name, settingsOf(org));
    const userId = newId();
    await trx.insertInto('users').values({ id: userId, email, password_hash: passwordHash, created_at: now, disabled_at: null }).execute();
    const personId = await addPerson(trx, clock, orgId, { name: leader.name, email, roles: ['leader'] }, userId);
    return { orgId, userId, personId };
  });
}

/**
 * The operator command: another organization, in one transaction, whose first
 * leader has no account yet and joins with the invitation link returned (an
 * existing account with that e-mail is linked when they accept it, with its own
 * password). On an empty install it also closes the browser set-up.
 */
export async function createOrganizationWithLeader(
  db: DB,
  clock: Clock,
  baseUrl: string,
  org: OrganizationInput,
  leader: { name: string; email: string },
): Promise<{ orgId: string; personId: string; invitation: { url: string; expiresAt: string } }> {
  return db.transaction().execute(async (trx) => {
    // Waits for (and then loses to) a browser set-up that is committing at this moment.
    await trx.updateTable('install_setup').set({ completed_at: clock.now().toISOString() }).where('id', '=', INSTALL).where('completed_at', 'is', null).execute();
    const clash = await trx.selectFrom('organizations').select('id').where((eb) => eb(eb.fn('lower', ['name']), '=', org.name.toLowerCase())).executeTakeFirst();
    if (clash) throw new AppError('ALREADY_EXISTS', { key: 'organizationNameTaken', values: { name: org.name } });
    const orgId = await createOrganization(trx, clock, org.name, settingsOf(org));
    const personId = await addPerson(trx, clock, orgId, { name: leader.name, email: leader.email, roles: ['leader'] }, null);
    // Nobody is signed in to invite them: the invitation is recorded as the leader's own.
    const invitation = await issueInvitation(trx, clock, baseUrl, { orgId, personId, createdBy: personId });
    return { orgId, personId, invitation };
  });
}
