/**
 * Invitation links: a random token whose SHA-256 is stored, valid for two weeks
 * and once. Made by a program leader in People, and by the operator command for
 * a new organization's first leader. Accepting one is in accounts/.
 */
import type { Clock } from '../platform/clock';
import type { DB } from '../platform/db';
import { newToken, sha256 } from '../platform/ids';
import type { OutgoingMail } from '../platform/mail';

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

export function invitationMail(person: { name: string; email: string }, inviterName: string, url: string): OutgoingMail {
  return {
    kind: 'invitation',
    to: person.email,
    subject: `${inviterName} invited you to Tandem`,
    text: `Hello ${person.name},\n\n${inviterName} invited you to join your organization's coaching program on Tandem. Open this link within ${INVITATION_DAYS} days to set up your account:\n${url}\n`,
  };
}
