/** Plain words for the focus conversation and observation plans. */
import type { ObservationMode } from '../../../../shared/src/domain';
import type { Member, ObservationPlan, PartnershipDetail } from '../../api';
import { formatDate } from '../../ui/format';
import { firstName } from '../goals/goalWords';

export const plansKey = (partnershipId: string) => ['observation-plans', partnershipId] as const;

export const MODE_LABEL: Record<ObservationMode, string> = {
  live: 'Live, in the room',
  recorded: 'Recorded on video',
};

export const MODE_HINT: Record<ObservationMode, string> = {
  live: 'Your partner visits and writes the data down as it happens.',
  recorded: 'You record the moment, watch it first on your own, then look at it together.',
};

/** The most fields a data form can have (the server's limit too). */
export const MAX_FIELDS = 12;

/** Who a plan's classroom belongs to. */
export function subjectOf(plan: Pick<ObservationPlan, 'subjectId'>, p: PartnershipDetail): Member | undefined {
  return p.members.find((m) => m.personId === plan.subjectId);
}

/** "Draft — waiting for Taylor to confirm" / "Confirmed by you on 20 Nov 2026". */
export function planStatusText(plan: ObservationPlan, p: PartnershipDetail, meId: string): string {
  const subject = subjectOf(plan, p);
  const mine = plan.subjectId === meId;
  const who = mine ? 'you' : subject ? firstName(subject.name) : 'the coachee';
  if (plan.status === 'confirmed') return `Confirmed by ${who}${plan.confirmedAt ? ` on ${formatDate(plan.confirmedAt)}` : ''}`;
  return `Draft — waiting for ${who} to confirm`;
}

/** Whoever drafted the plan, in words for the viewer. */
export function drafterName(plan: ObservationPlan, me: { personId: string; name: string }): string {
  return plan.createdById === me.personId ? 'you' : plan.createdBy;
}

/** Drafts waiting for the coachee first, then the newest. */
export function planOrder(a: ObservationPlan, b: ObservationPlan): number {
  if (a.status !== b.status) return a.status === 'draft' ? -1 : 1;
  return b.createdAt.localeCompare(a.createdAt);
}
