/**
 * Invitation links: a random token whose SHA-256 is stored, valid for two weeks
 * and once. Made by a program leader in People, and by the operator command for
 * a new organization's first leader. Accepting one is in accounts/.
 */
import type { Clock } from '../platform/clock';
import type { DB } from '../platform/db';
import { newToken, sha256 } from '../platform/ids';
import type { OutgoingMail } from '../platform/mail';
import { DEFAULT_LANGUAGE, type Language } from '../../../shared/src/i18n';
import { format } from '../../../shared/src/i18n-format';
import { invitationMessages as m } from './messages';

export const INVITATION_DAYS = 14;

/** Stores a new invitation for one person; the link is returned, never stored. */
export async function issueInvitation(
  db: DB,
  clock: Clock,
  baseUrl: string,
  invite: { orgId: string; personId: string; createdBy: string },
): Promise<{ url: string; expiresAt: string }> {
  const token = newToken();
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86400_000).toISOString();
  await db
    .insertInto('invitations')
    .values({ token_hash: sha256(token), org_id: invite.orgId, person_id: invite.personId, created_by: invite.createdBy, created_at: now.toISOString(), expires_at: expiresAt, accepted_at: null })
    .execute();
  return { url: `${baseUrl}/invitation?token=${token}`, expiresAt };
}

/** The invitation e-mail, in the invitee's language (languageOf: before they choose, their organization's default). */
export function invitationMail(person: { name: string; email: string }, inviterName: string, url: string, language: Language = DEFAULT_LANGUAGE): OutgoingMail {
  const values = { name: person.name, inviter: inviterName, url, days: INVITATION_DAYS };
  return { kind: 'invitation', to: person.email, subject: format(language, m, 'subject', values), text: format(language, m, 'text', values) };
}
