/** Plain words for the focus conversation and observation plans. */
import type { ObservationMode } from '../../../../shared/src/domain';
import type { Language, Values } from '../../../../shared/src/i18n';
import type { Member, ObservationPlan, PartnershipDetail } from '../../api';
import { formatDate, formatDay, formatTime } from '../../ui/format';
import { firstName } from '../goals/goalWords';
import type { Key } from './messages';

export type T = (key: Key, values?: Values) => string;

export const plansKey = (partnershipId: string) => ['observation-plans', partnershipId] as const;

/** "Live, in the room" / "Recorded on video". */
export const modeLabel = (t: T, mode: ObservationMode) => t(`mode_${mode}`);
export const modeHint = (t: T, mode: ObservationMode) => t(`modeHint_${mode}`);

/** The most fields a data form can have (the server's limit too). */
export const MAX_FIELDS = 12;

/** Who a plan's classroom belongs to. */
export function subjectOf(plan: Pick<ObservationPlan, 'subjectId'>, p: PartnershipDetail): Member | undefined {
  return p.members.find((m) => m.personId === plan.subjectId);
}

/** The coachee's first name, or "the coachee" when they cannot be found. */
export const subjectFirstName = (t: T, subject: Member | undefined) => (subject ? firstName(subject.name) : t('theCoachee'));

/** "Draft — waiting for Taylor to confirm" / "Confirmed by you on 20 Nov 2026". */
export function planStatusText(t: T, language: Language, plan: ObservationPlan, p: PartnershipDetail, meId: string): string {
  const who = plan.subjectId === meId ? 'me' : 'other';
  const name = subjectFirstName(t, subjectOf(plan, p));
  if (plan.status === 'confirmed') {
    return plan.confirmedAt ? t('status_confirmed', { who, name, date: formatDate(plan.confirmedAt, language) }) : t('status_confirmedUndated', { who, name });
  }
  return t('status_draft', { who, name });
}

/** "Thu, Mar 12, 2026": the day of a visit, in the reader's language. */
export { formatDay };

/** "Observation, Thu, Mar 12, 2026, 9:00 AM – 9:45 AM": a visit to link a plan to. */
export function visitOption(t: T, language: Language, m: { startsAt: string; endsAt: string }): string {
  return t('visitOption', { day: formatDay(m.startsAt, language), start: formatTime(m.startsAt, language), end: formatTime(m.endsAt, language) });
}

/** Drafts waiting for the coachee first, then the newest. */
export function planOrder(a: ObservationPlan, b: ObservationPlan): number {
  if (a.status !== b.status) return a.status === 'draft' ? -1 : 1;
  return b.createdAt.localeCompare(a.createdAt);
}
