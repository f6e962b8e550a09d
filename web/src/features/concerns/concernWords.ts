/** Plain words for concerns: where one stands, and the three steps it always goes through in order. */
import { type ConcernStatus, SUBJECT_ROLES } from '../../../../shared/src/domain';
import type { Values } from '../../../../shared/src/i18n';
import type { Concern, PartnershipDetail } from '../../api';
import type { Key } from './messages';

export type T = (key: Key, values?: Values) => string;

export const concernsKey = (partnershipId: string) => ['concerns', partnershipId] as const;
export const RAISED_WITH_ME_KEY = ['escalated-concerns'] as const;

/** The status badge, for the person reading it. */
export function statusLabel(t: T, status: ConcernStatus, subjectFirstName: string, aboutMe: boolean): string {
  return t(`status_${status}`, { who: aboutMe ? 'me' : 'other', name: subjectFirstName });
}

/** Stands for a name or link in a sentence, so it can be marked up wherever a language puts it. */
export const MARK = '\u0001';

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
