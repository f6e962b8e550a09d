/**
 * Accounts: sign-in, sign-out (here and everywhere), password reset by link,
 * accepting an invitation, switching organization, and the role descriptions
 * each person acknowledges once. OIDC sign-in would add a route that ends in
 * the same startSession() call.
 */
import { z } from 'zod';
import {
  AcceptInvitationBody,
  ErrorBody,
  InvitationPreview,
  LoginBody,
  Me,
  ResetCompleteBody,
  ResetRequestBody,
  RoleDescriptionsResponse,
  SwitchOrgBody,
  TokenParams,
} from '../../../shared/src/api';
import { DEFAULT_LANGUAGE, isLanguage } from '../../../shared/src/i18n';
import { format } from '../../../shared/src/i18n-format';
import { ROLE_DESCRIPTIONS_VERSION, roleDescriptions } from '../../../shared/src/visibility';
import { attemptLimiter, normalizeEmail, openAttemptStore } from '../platform/attempt-limits';
import { AppError } from '../platform/errors';
import { type App, type Services, actorOf } from '../platform/http';
import { newToken, sha256 } from '../platform/ids';
import { hashPassword, verifyPassword } from '../platform/passwords';
import { SESSION_COOKIE, endAllSessions, endSession } from '../platform/sessions';
import { resetMail } from './messages';
import { sessionStarter } from './session-start';

const ok = z.object({ ok: z.literal(true) });
const RESET_MINUTES = 60;

export default async function accountRoutes(app: App, s: Services) {
  const { db, clock, config } = s;
  const store = await openAttemptStore(config, clock, app.log);
  app.addHook('onClose', () => store.close());
  const limits = attemptLimiter(store, config, app.log);
  const emailOf = (request: { body: unknown }) => normalizeEmail((request.body as { email: string }).email);
  const signInLimit = limits.hook({ door: 'sign-in', account: emailOf });
  const resetLimit = limits.hook({ door: 'reset', account: emailOf });
  // Reset links are single-use secrets: the address limit is enough there.
  const resetCompleteLimit = limits.hook({ door: 'reset-complete' });
  const invitationLimit = limits.hook({ door: 'invitation', account: (request) => sha256((request.body as { token: string }).token) });

  const { buildMe, startSession } = sessionStarter(s);

  async function firstPersonOf(userId: string): Promise<string | null> {
    const row = await db.selectFrom('people').select('id').where('user_id', '=', userId).where('active', '=', 1).orderBy('created_at').executeTakeFirst();
    return row?.id ?? null;
  }

  app.post(
    '/api/auth/login',
    { config: { public: true, matrix: 'public' }, preHandler: signInLimit, schema: { tags: ['accounts'], summary: 'Sign in with e-mail and password', body: LoginBody, response: { 200: Me, 401: ErrorBody, 429: ErrorBody } } },
    async (request, reply) => {
      const { email, password } = request.body;
      const user = await db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
      const valid = await verifyPassword(password, user?.password_hash ?? null);
      const personId = user && valid && !user.disabled_at ? await firstPersonOf(user.id) : null;
      if (!user || !personId) {
        request.log.info({ event: 'login_failed' }, 'sign-in failed');
        throw new AppError('INVALID_CREDENTIALS', 'signInFailed');
      }
      return startSession(reply, user.id, personId);
    },
  );

  app.post('/api/auth/logout', { config: { matrix: 'self' }, schema: { tags: ['accounts'], summary: 'Sign out of this device', response: { 200: ok } } }, async (request, reply) => {
    await endSession(db, actorOf(request).sessionHash);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  app.post('/api/auth/logout-everywhere', { config: { matrix: 'self' }, schema: { tags: ['accounts'], summary: 'Sign out on every device', response: { 200: ok } } }, async (request, reply) => {
    await endAllSessions(db, actorOf(request).userId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  app.get('/api/me', { config: { matrix: 'self' }, schema: { tags: ['accounts'], summary: 'Who am I', response: { 200: Me } } }, async (request) => {
    const actor = actorOf(request);
    return buildMe(actor.userId, actor.personId, actor.csrfToken);
  });

  app.post('/api/me/organization', { config: { matrix: 'self' }, schema: { tags: ['accounts'], summary: 'Switch to another organization you belong to', body: SwitchOrgBody, response: { 200: Me } } }, async (request, reply) => {
    const actor = actorOf(request);
    const person = await db
      .selectFrom('people')
      .select('id')
      .where('id', '=', request.body.personId)
      .where('user_id', '=', actor.userId)
      .where('active', '=', 1)
      .executeTakeFirst();
    if (!person) throw new AppError('NOT_FOUND', 'notFound');
    await endSession(db, actor.sessionHash);
    return startSession(reply, actor.userId, person.id);
  });

  app.post(
    '/api/auth/password-reset',
    { config: { public: true, matrix: 'public' }, preHandler: resetLimit, schema: { tags: ['accounts'], summary: 'Ask for a password reset link (always answers 202)', body: ResetRequestBody, response: { 202: ok, 429: ErrorBody } } },
    async (request, reply) => {
      // The account, with the language of its first active person (the one signing in), in one query.
      const user = await db
        .selectFrom('users as u')
        .leftJoin('people as p', (join) => join.onRef('p.user_id', '=', 'u.id').on('p.active', '=', 1))
        .leftJoin('organizations as o', 'o.id', 'p.org_id')
        .select(['u.id', 'u.email', 'u.disabled_at', 'p.language', 'o.default_language'])
        .where('u.email', '=', request.body.email.toLowerCase())
        .orderBy('p.created_at')
        .executeTakeFirst();
      if (user && !user.disabled_at) {
        const token = newToken();
        const now = clock.now();
        await db
          .insertInto('password_resets')
          .values({ token_hash: sha256(token), user_id: user.id, created_at: now.toISOString(), expires_at: new Date(now.getTime() + RESET_MINUTES * 60_000).toISOString(), used_at: null })
          .execute();
        const language = isLanguage(user.language) ? user.language : isLanguage(user.default_language) ? user.default_language : DEFAULT_LANGUAGE;
        const values = { minutes: RESET_MINUTES, url: `${config.baseUrl}/reset-password?token=${token}` };
        // Not awaited: waiting for the mail server only when the account exists would tell
        // anyone timing this answer which addresses have accounts. send() never rejects.
        void s.mailer.send({ kind: 'password_reset', to: user.email, subject: format(language, resetMail, 'subject', values), text: format(language, resetMail, 'text', values) });
      }
      // Same answer whether or not the account exists.
      return reply.status(202).send({ ok: true as const });
    },
  );

  app.post(
    '/api/auth/password-reset/complete',
    { config: { public: true, matrix: 'public' }, preHandler: resetCompleteLimit, schema: { tags: ['accounts'], summary: 'Set a new password with a reset link', body: ResetCompleteBody, response: { 200: Me, 410: ErrorBody, 429: ErrorBody } } },
    async (request, reply) => {
      const hash = sha256(request.body.token);
      const now = clock.now().toISOString();
      const reset = await db.selectFrom('password_resets').selectAll().where('token_hash', '=', hash).executeTakeFirst();
      if (!reset || reset.used_at || reset.expires_at <= now) {
        throw new AppError('TOKEN_INVALID', 'resetLinkInvalid');
      }
      const passwordHash = await hashPassword(request.body.password);
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('password_resets').set({ used_at: now }).where('token_hash', '=', hash).execute();
        await trx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', reset.user_id).execute();
        await trx.deleteFrom('auth_sessions').where('user_id', '=', reset.user_id).execute();
      });
      const personId = await firstPersonOf(reset.user_id);
      if (!personId) throw new AppError('TOKEN_INVALID', 'accountInactive');
      return startSession(reply, reset.user_id, personId);
    },
  );

  async function findInvitation(token: string) {
    const row = await db
      .selectFrom('invitations as i')
      .innerJoin('people as p', 'p.id', 'i.person_id')
      .innerJoin('organizations as o', 'o.id', 'i.org_id')
      .leftJoin('users as u', 'u.email', 'p.email')
      .select(['i.token_hash', 'i.person_id', 'i.expires_at', 'i.accepted_at', 'p.name', 'p.email', 'p.active', 'o.name as org_name', 'u.id as user_id'])
      .where('i.token_hash', '=', sha256(token))
      .executeTakeFirst();
    if (!row || row.accepted_at || row.expires_at <= clock.now().toISOString() || !row.active) {
      throw new AppError('TOKEN_INVALID', 'invitationLinkInvalid');
    }
    return row;
  }

  app.get(
    '/api/invitations/:token',
    { config: { public: true, matrix: 'public' }, schema: { tags: ['accounts'], summary: 'What an invitation link is for', params: TokenParams, response: { 200: InvitationPreview, 410: ErrorBody } } },
    async (request) => {
      const inv = await findInvitation(request.params.token);
      // Nothing about accounts: whoever holds the link (the leader who made it
      // too) must not learn whether this e-mail uses Tandem in another organization.
      return { organization: inv.org_name, name: inv.name, email: inv.email };
    },
  );

  app.post(
    '/api/invitations/accept',
    { config: { public: true, matrix: 'public' }, preHandler: invitationLimit, schema: { tags: ['accounts'], summary: 'Accept an invitation: create your account or link it', body: AcceptInvitationBody, response: { 200: Me, 410: ErrorBody, 429: ErrorBody } } },
    async (request, reply) => {
      const inv = await findInvitation(request.body.token);
      const now = clock.now().toISOString();
      const { password } = request.body;
      // Asked for in both cases, so a request without one cannot tell whether the e-mail has an account.
      if (!password) {
        throw new AppError('VALIDATION_FAILED', 'passwordNeeded', [{ path: 'body.password', message: 'passwordNeededField' }]);
      }
      let userId = inv.user_id;
      if (userId) {
        // An existing account joins this organization only with its own password,
        // and every try is a guess at that password: count it against the account
        // like a sign-in, or new invitations would be fresh budgets for guessing.
        await limits.account(reply, 'sign-in', normalizeEmail(inv.email));
        const user = await db.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirstOrThrow();
        if (!(await verifyPassword(password, user.password_hash))) {
          throw new AppError('INVALID_CREDENTIALS', 'invitationPasswordWrong');
        }
      }
      const passwordHash = userId ? null : await hashPassword(password);
      await db.transaction().execute(async (trx) => {
        if (!userId) {
          userId = crypto.randomUUID();
          await trx.insertInto('users').values({ id: userId, email: inv.email.toLowerCase(), password_hash: passwordHash, created_at: now, disabled_at: null }).execute();
        }
        await trx.updateTable('people').set({ user_id: userId, ...(request.body.name ? { name: request.body.name } : {}) }).where('id', '=', inv.person_id).execute();
        await trx.updateTable('invitations').set({ accepted_at: now }).where('token_hash', '=', inv.token_hash).execute();
      });
      return startSession(reply, userId!, inv.person_id);
    },
  );

  app.get('/api/role-descriptions', { config: { matrix: 'self' }, schema: { tags: ['accounts'], summary: 'What each role does and sees, generated from the who-sees-what map', response: { 200: RoleDescriptionsResponse } } }, async (request) => {
    const actor = actorOf(request);
    const ack = await db
      .selectFrom('role_acknowledgements')
      .select('acknowledged_at')
      .where('person_id', '=', actor.personId)
      .where('version', '=', ROLE_DESCRIPTIONS_VERSION)
      .executeTakeFirst();
    return {
      version: ROLE_DESCRIPTIONS_VERSION,
      acknowledgedAt: ack?.acknowledged_at ?? null,
      descriptions: roleDescriptions(actor.language).map((d) => ({ ...d, isYou: actor.roles.has(d.party) })),
    };
  });

  app.post('/api/role-descriptions/acknowledgement', { config: { matrix: 'self' }, schema: { tags: ['accounts'], summary: 'Acknowledge the role descriptions (once per version)', response: { 200: ok } } }, async (request) => {
    const actor = actorOf(request);
    const existing = await db.selectFrom('role_acknowledgements').select('version').where('person_id', '=', actor.personId).where('version', '=', ROLE_DESCRIPTIONS_VERSION).executeTakeFirst();
    if (!existing) {
      await db.insertInto('role_acknowledgements').values({ person_id: actor.personId, version: ROLE_DESCRIPTIONS_VERSION, acknowledged_at: clock.now().toISOString() }).execute();
    }
    return { ok: true as const };
  });
}

