/**
 * THE access rules of Tandem, written as sentences of predicates that start
 * with the tenant. Routes never decide access themselves: they load a context
 * (scoped to the organization), then ask can()/authorize() here.
 *
 * Threat: a supervisor or leader reading coaching content that the coachee did
 * not share turns coaching into evaluation. Every content rule therefore
 * requires active membership, and sharing is decided per item elsewhere
 * (shares.ts), never by role alone.
 */
import { WHO_SEES_WHAT } from '../../../shared/src/visibility';
import { notFound } from '../platform/errors';
import type { PartnershipContext } from './relations';

export type PartnershipAction =
  | 'partnership.view'
  | 'partnership.readContent'
  | 'partnership.respond'
  | 'partnership.changeStatus'
  | 'profile.edit'
  | 'agreement.view'
  | 'agreement.edit'
  | 'agreement.sign'
  | 'agreement.export'
  | 'note.create'
  | 'meeting.view'
  | 'meeting.schedule'
  | 'meeting.change'
  | 'celebration.create'
  | 'goal.create'
  | 'goal.edit'
  | 'goal.decide'
  | 'strengths.rate'
  | 'strengths.add'
  | 'plan.create'
  | 'plan.edit'
  | 'plan.confirm'
  | 'reflection.create'
  | 'message.create'
  | 'message.fulfil'
  | 'concern.create'
  | 'concern.followUp'
  | 'share.create'
  | 'share.list';

type Predicate = (ctx: PartnershipContext) => boolean;
const and = (...ps: Predicate[]): Predicate => (ctx) => ps.every((p) => p(ctx));
const or = (...ps: Predicate[]): Predicate => (ctx) => ps.some((p) => p(ctx));

// The tenant check is repeated here even though contexts are loaded scoped, so a
// context built by mistake for another organization still denies.
const sameOrganization: Predicate = (ctx) => ctx.partnership.org_id === ctx.actor.orgId;
const isAcceptedMember: Predicate = (ctx) => ctx.membership?.state === 'accepted';
const isInvitee: Predicate = (ctx) => ctx.membership?.state === 'invited';
const isAnyMember: Predicate = (ctx) => ctx.membership !== null && ctx.membership.state !== 'declined';
/** Anyone who was ever invited, including a person who declined: they may see what they answered. */
const wasInvited: Predicate = (ctx) => ctx.membership !== null;
const isSubject: Predicate = (ctx) => ctx.relations.has('subject') && isAcceptedMember(ctx);
const supervisesASubject: Predicate = (ctx) => ctx.relations.has('supervisor') && WHO_SEES_WHAT.supervisor.existence;
const isLeader: Predicate = (ctx) => ctx.relations.has('leader') && WHO_SEES_WHAT.leader.existence;
/** Coach, mentor coach or peer coach: someone who supports a coachee here (a coachee or self-coach only receives). */
const isSupporter: Predicate = (ctx) => isAcceptedMember(ctx) && ['coach', 'mentor', 'peer'].includes(ctx.membership!.role);
const isOpen: Predicate = (ctx) => ctx.partnership.status !== 'closed';
const isAwaitingAnswers: Predicate = (ctx) => ctx.partnership.status === 'invited';

const RULES: Record<PartnershipAction, Predicate> = {
  'partnership.view': and(sameOrganization, or(wasInvited, supervisesASubject, isLeader)),
  'partnership.readContent': and(sameOrganization, isAcceptedMember),
  'partnership.respond': and(sameOrganization, isInvitee, isAwaitingAnswers),
  'partnership.changeStatus': and(sameOrganization, isAcceptedMember),
  'profile.edit': and(sameOrganization, isAcceptedMember, isOpen),
  'agreement.view': and(sameOrganization, or(isAnyMember, supervisesASubject, isLeader)),
  'agreement.edit': and(sameOrganization, isAcceptedMember, isOpen),
  'agreement.sign': and(sameOrganization, isAcceptedMember, isOpen),
  'agreement.export': and(sameOrganization, isAcceptedMember),
  'note.create': and(sameOrganization, isAcceptedMember, isOpen),
  // The schedule is logistics (WHO_SEES_WHAT): supervisors of a coachee and leaders see dates, never agendas.
  'meeting.view': and(sameOrganization, or(isAcceptedMember, supervisesASubject, isLeader)),
  'meeting.schedule': and(sameOrganization, isAcceptedMember, isOpen),
  'meeting.change': and(sameOrganization, isAcceptedMember, isOpen),
  'celebration.create': and(sameOrganization, isAcceptedMember, isOpen),
  'goal.create': and(sameOrganization, isAcceptedMember, isOpen),
  'goal.edit': and(sameOrganization, isAcceptedMember, isOpen),
  // Plus, per goal: only the coachee the goal belongs to decides (goals.service.ts).
  'goal.decide': and(sameOrganization, isSubject, isOpen),
  // Only the coachee rates their own use of practices: it is their view of themselves, never a score from anyone else.
  'strengths.rate': and(sameOrganization, isSubject, isOpen),
  'strengths.add': and(sameOrganization, isAcceptedMember, isOpen),
  'plan.create': and(sameOrganization, isAcceptedMember, isOpen),
  'plan.edit': and(sameOrganization, isAcceptedMember, isOpen),
  // Plus, per plan: only the coachee whose classroom is observed confirms (observations.routes.ts).
  'plan.confirm': and(sameOrganization, isSubject, isOpen),
  'reflection.create': and(sameOrganization, isAcceptedMember, isOpen),
  'message.create': and(sameOrganization, isAcceptedMember, isOpen),
  // Plus, per request: only the person asked, or the person who asked (messages.routes.ts).
  'message.fulfil': and(sameOrganization, isAcceptedMember),
  // A concern is recorded by someone supporting the coachee; the coachee always sees it (content.ts).
  'concern.create': and(sameOrganization, isSupporter, isOpen),
  // Plus, per concern: only its author records the discussion, raises it or resolves it (concerns.routes.ts).
  'concern.followUp': and(sameOrganization, isSupporter),
  'share.create': and(sameOrganization, isSubject),
  'share.list': and(sameOrganization, isSubject),
};

export function can(ctx: PartnershipContext | null | undefined, action: PartnershipAction): boolean {
  return !!ctx && RULES[action](ctx);
}

/**
 * Throws the "not found" error when the action is not allowed — the same answer
 * as for an id that does not exist, so probing reveals nothing.
 */
export function authorize(ctx: PartnershipContext | null | undefined, action: PartnershipAction): asserts ctx is PartnershipContext {
  if (!can(ctx, action)) throw notFound();
}

/** The relation recorded in the access log and shown to the coachee. */
export function relationLabel(ctx: PartnershipContext): string {
  if (ctx.membership?.state === 'accepted') {
    if (ctx.membership.role === 'mentor') return 'mentor coach';
    if (ctx.membership.role === 'coach') return 'coach';
    if (ctx.membership.role === 'peer') return 'peer coach';
    if (ctx.membership.role === 'self') return 'self-coach';
    return 'coachee';
  }
  if (ctx.relations.has('supervisor')) return 'supervisor';
  if (ctx.relations.has('leader')) return 'program leader';
  return 'colleague';
}
