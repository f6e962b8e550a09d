/** Plain words for concerns: where one stands, and the three steps it always goes through in order. */
import { type ConcernStatus, SUBJECT_ROLES } from '../../../../shared/src/domain';
import type { Concern, PartnershipDetail } from '../../api';

export const concernsKey = (partnershipId: string) => ['concerns', partnershipId] as const;
export const RAISED_WITH_ME_KEY = ['escalated-concerns'] as const;

/** The status badge, for the person reading it. */
export function statusLabel(status: ConcernStatus, subjectFirstName: string, aboutMe: boolean): string {
  switch (status) {
    case 'recorded':
      return aboutMe ? 'Recorded — to talk over with you' : `Recorded — to talk over with ${subjectFirstName}`;
    case 'discussed':
      return aboutMe ? 'Talked over with you' : `Talked over with ${subjectFirstName}`;
    case 'escalated':
      return 'Raised with a supervisor';
    case 'resolved':
      return 'Resolved';
  }
}

/** Whether the signed-in person may record a concern (the server decides: someone supporting a coachee here) and there is someone other than them it could be about. */
export function canRecordConcerns(p: PartnershipDetail, personId: string): boolean {
  return p.abilities.raiseConcerns && concernSubjects(p, personId).length > 0;
}

/** Whom a concern can be about: the accepted coachees, never the writer. */
export function concernSubjects(p: PartnershipDetail, personId: string) {
  return p.members.filter((m) => SUBJECT_ROLES.includes(m.role) && m.state === 'accepted' && m.personId !== personId);
}

/** The concern is about the reader. */
export function isAboutMe(c: Concern, personId: string): boolean {
  return c.subjectId === personId;
}

/** Newest first, open ones before resolved ones. */
export function concernOrder(a: Concern, b: Concern): number {
  const open = (c: Concern) => (c.status === 'resolved' ? 1 : 0);
  return open(a) - open(b) || b.createdAt.localeCompare(a.createdAt);
}
