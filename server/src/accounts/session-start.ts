/**
 * Starting a session and describing who is signed in ("me"): every way in —
 * sign-in, reset link, invitation, switching organization, first set-up — ends
 * in the same startSession(), so the cookie is always set the same way.
 */
import { DEFAULT_LANGUAGE, isLanguage } from '../../../shared/src/i18n';
import type { z } from 'zod';
import type { Me } from '../../../shared/src/api';
import type { OrgRole } from '../../../shared/src/domain';
import { ROLE_DESCRIPTIONS_VERSION } from '../../../shared/src/visibility';
import { AppError } from '../platform/errors';
import type { Services } from '../platform/http';
import { SESSION_COOKIE, createSession } from '../platform/sessions';
import { personAbilities } from '../privacy/policy';
import { loadPersonFacts } from '../privacy/relations';

export function sessionStarter({ db, clock, config }: Pick<Services, 'db' | 'clock' | 'config'>) {
  const policy = { idleMinutes: config.sessionIdleMinutes, maxHours: config.sessionMaxHours };

  async function buildMe(userId: string, personId: string, csrfToken: string): Promise<z.infer<typeof Me>> {
    const people = await db
      .selectFrom('people as p')
      .innerJoin('organizations as o', 'o.id', 'p.org_id')
      .select(['p.id', 'p.org_id', 'p.name', 'p.email', 'p.language', 'o.name as org_name', 'o.default_language'])
      .where('p.user_id', '=', userId)
      .where('p.active', '=', 1)
      .orderBy('o.name')
      .execute();
    const me = people.find((p) => p.id === personId);
    if (!me) throw new AppError('SESSION_EXPIRED', 'sessionExpired');
    const roles = (await db.selectFrom('person_roles').select('role').where('person_id', '=', personId).execute()).map((r) => r.role as OrgRole);
    const facts = await loadPersonFacts(db, { orgId: me.org_id, personId, roles: new Set(roles) });
    const ack = await db
      .selectFrom('role_acknowledgements')
      .select('acknowledged_at')
      .where('person_id', '=', personId)
      .where('version', '=', ROLE_DESCRIPTIONS_VERSION)
      .executeTakeFirst();
    return {
      userId,
      personId,
      organizationId: me.org_id,
      organization: me.org_name,
      name: me.name,
      email: me.email,
      roles,
      csrfToken,
      mustAcknowledgeRoles: !ack,
      organizations: people.map((p) => ({ personId: p.id, organizationId: p.org_id, organization: p.org_name })),
      language: isLanguage(me.language) ? me.language : isLanguage(me.default_language) ? me.default_language : DEFAULT_LANGUAGE,
      languageChosen: isLanguage(me.language),
      abilities: personAbilities(facts),
    };
  }

  /** Creates the session, sets its cookie (httpOnly, SameSite=Lax, Secure behind HTTPS) and answers with "me". */
  async function startSession(reply: { setCookie: Function }, userId: string, personId: string) {
    const { token, csrfToken } = await createSession(db, clock, policy, userId, personId);
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: config.secureCookies,
      maxAge: config.sessionMaxHours * 3600,
    });
    return buildMe(userId, personId, csrfToken);
  }

  return { buildMe, startSession };
}
