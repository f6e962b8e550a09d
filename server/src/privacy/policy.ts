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
import { type MemberRole, type OrgRole, SUBJECT_ROLES } from '../../../shared/src/domain';
import { WHO_SEES_WHAT } from '../../../shared/src/visibility';
import { notFound } from '../platform/errors';
import type { PartnershipContext } from './relations';

export type PartnershipAction =
  | 'partnership.view'
  | 'partnership.readContent'
  | 'partnership.readReasons'
  | 'partnership.respond'
  | 'partnership.changeStatus'
  | 'profile.edit'
  | 'agreement.view'
  | 'agreement.edit'
  | 'agreement.sign'
  | 'agreement.export'
  | 'note.create'
  | 'meeting.view'
  | 'meeting.viewAttendance'
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
  | 'observation.start'
  | 'observation.record'
  | 'layout.edit'
  | 'reflection.create'
  | 'feedback.write'
  | 'artifact.upload'
  | 'artifact.remove'
  | 'message.create'
  | 'message.fulfil'
  | 'concern.create'
  | 'concern.followUp'
  | 'share.create'
  | 'share.list'
  | 'agreement.readSupervisorCommitments'
  | 'agreement.signAsSupervisor'
  | 'checkin.view'
  | 'checkin.schedule'
  | 'coverage.view'
  | 'coverage.request'
  | 'coverage.answer'
  | 'partnership.readOrigin'
  | 'partnership.agreedTerms';

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
  // Why a partnership was proposed, declined, paused or closed: the words of the people in it, for the people asked to be in it.
  'partnership.readReasons': and(sameOrganization, wasInvited),
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
  // Attendance is the partners' record; a supervisor of the coachee sees it for their own check-ins (meetings.routes.ts).
  'meeting.viewAttendance': and(sameOrganization, or(isAcceptedMember, supervisesASubject)),
  'meeting.schedule': and(sameOrganization, isAcceptedMember, isOpen),
  'meeting.change': and(sameOrganization, isAcceptedMember, isOpen),
  'celebration.create': and(sameOrganization, isAcceptedMember, isOpen),
  'goal.create': and(sameOrganization, isAcceptedMember, isOpen),
  'goal.edit': and(sameOrganization, isAcceptedMember, isOpen),
  // Plus, per goal: only the coachee the goal belongs to decides (ITEM_RULES).
  'goal.decide': and(sameOrganization, isSubject, isOpen),
  // Only the coachee rates their own use of practices: it is their view of themselves, never a score from anyone else.
  'strengths.rate': and(sameOrganization, isSubject, isOpen),
  'strengths.add': and(sameOrganization, isAcceptedMember, isOpen),
  'plan.create': and(sameOrganization, isAcceptedMember, isOpen),
  'plan.edit': and(sameOrganization, isAcceptedMember, isOpen),
  // Plus, per plan: only the coachee whose classroom is observed confirms (ITEM_RULES).
  'plan.confirm': and(sameOrganization, isSubject, isOpen),
  // Plus, per observation: who observes whom (ITEM_RULES 'observation.record').
  'observation.start': and(sameOrganization, isAcceptedMember, isOpen),
  // Not only while open: taps recorded before a partnership closed still arrive, and are kept.
  'observation.record': and(sameOrganization, isAcceptedMember),
  // The coachee's classroom, drawn by either partner.
  'layout.edit': and(sameOrganization, isAcceptedMember, isOpen),
  'reflection.create': and(sameOrganization, isAcceptedMember, isOpen),
  // Plus, per observation and per draft: who writes feedback to whom (ITEM_RULES 'feedback.*').
  'feedback.write': and(sameOrganization, isAcceptedMember, isOpen),
  // Photos, documents and student work: either partner brings them (student work may come from the coachee's
  // classroom or from the coach's visit), while the partnership is open.
  'artifact.upload': and(sameOrganization, isAcceptedMember, isOpen),
  // Taking one away (plus, per artifact: its uploader or the coachee it is about, ITEM_RULES) stays possible after closing.
  'artifact.remove': and(sameOrganization, isAcceptedMember),
  'message.create': and(sameOrganization, isAcceptedMember, isOpen),
  // Plus, per request: only the person asked, or the person who asked (ITEM_RULES).
  'message.fulfil': and(sameOrganization, isAcceptedMember),
  // A concern is recorded by someone supporting the coachee; the coachee always sees it (content.ts).
  'concern.create': and(sameOrganization, isSupporter, isOpen),
  // Plus, per concern: only its author records the discussion, raises it or resolves it (ITEM_RULES).
  'concern.followUp': and(sameOrganization, isSupporter),
  'share.create': and(sameOrganization, isSubject),
  'share.list': and(sameOrganization, isSubject),
  // ---- the supervisor as a party (issue 12, item 6) ----
  // Threat: "the supervisor signs their part" becoming a door to the partners' own commitments and
  // guidelines. The supervisor of a coachee reads exactly the supervisor's commitments (the
  // presenter builds them from the allow-list, and the read is logged for the coachee), and signs them.
  'agreement.readSupervisorCommitments': and(sameOrganization, or(isAcceptedMember, supervisesASubject)),
  'agreement.signAsSupervisor': and(sameOrganization, supervisesASubject, isOpen),
  // Check-ins are the supervisor's to schedule, move and cancel; the partners see them. Logistics only:
  // a check-in has no field for words beyond a place (LOGISTICS_FIELDS.checkin).
  'checkin.view': and(sameOrganization, or(isAcceptedMember, supervisesASubject)),
  'checkin.schedule': and(sameOrganization, supervisesASubject, isOpen),
  // Cover: either partner asks the coachee's supervisor; the supervisor answers. Fixed lists, no free text.
  'coverage.view': and(sameOrganization, or(isAcceptedMember, supervisesASubject)),
  'coverage.request': and(sameOrganization, isAcceptedMember, isOpen),
  'coverage.answer': and(sameOrganization, supervisesASubject, isOpen),
  // How a partnership began (self-initiated, volunteered, assigned; issue 12, item 8): its people and the program
  // leader who runs the program. Threat: a supervisor reading "volunteered" learns what the teacher chose about
  // coaching, which the program page promises stays between the teacher and the program.
  'partnership.readOrigin': and(sameOrganization, or(wasInvited, isLeader)),
  // What the coach and the coachee's administrators agreed about confidentiality and names (issue 12, item 5): the
  // teacher it concerns and the administrator who signed it see it beside the coaching data they meet. Not content.
  'partnership.agreedTerms': and(sameOrganization, or(isAcceptedMember, supervisesASubject)),
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

/** What an item-level rule needs to know about the item. */
export interface ItemFacts {
  /** The coachee whose content it is. */
  subjectId?: string;
  /** Who wrote it. */
  authorId?: string;
  /** For a resource request: the member asked. */
  requestedFrom?: string | null;
  /** For an observation: a recorded lesson (the coachee's own video) rather than a live visit. */
  recorded?: boolean;
  /** For written feedback: draft or sent. */
  status?: string;
  /** For written feedback: whether its coachee has written what she notices in the data (her reflection on the observation). */
  coacheeReflected?: boolean;
  /** For a comment on a clip: whether the coachee the clip is about has watched it (said so, or commented herself). */
  coacheeWatched?: boolean;
}

export type ItemAction =
  | 'goal.decide'
  | 'plan.confirm'
  | 'observation.start'
  | 'observation.record'
  | 'feedback.create'
  | 'feedback.edit'
  | 'feedback.read'
  | 'artifact.edit'
  | 'artifact.delete'
  | 'artifact.comment'
  | 'artifact.commentEdit'
  | 'artifact.commentDelete'
  | 'artifact.commentRead'
  | 'artifact.watched'
  | 'note.edit'
  | 'message.fulfil'
  | 'concern.followUp'
  | 'item.share'
  | 'item.accessLog';

type ItemPredicate = (ctx: PartnershipContext, item: ItemFacts) => boolean;
const isMine = (field: keyof ItemFacts): ItemPredicate => (ctx, item) => !!item[field] && item[field] === ctx.actor.personId;
const allows = (action: PartnershipAction): ItemPredicate => (ctx) => RULES[action](ctx);
const both = (...ps: ItemPredicate[]): ItemPredicate => (ctx, item) => ps.every((p) => p(ctx, item));
const either = (...ps: ItemPredicate[]): ItemPredicate => (ctx, item) => ps.some((p) => p(ctx, item));
const notMine = (field: keyof ItemFacts): ItemPredicate => (ctx, item) => !!item[field] && item[field] !== ctx.actor.personId;
const asSupporter: ItemPredicate = (ctx) => isSupporter(ctx);
const isRecordedLesson: ItemPredicate = (_ctx, item) => item.recorded === true;
const asSelfCoach: ItemPredicate = (ctx) => ctx.membership?.role === 'self';
/**
 * Who records an observation of a coachee's classroom: someone supporting them (coach, mentor
 * coach, a peer) watching another person teach; or the coachee themselves, on their own video
 * of a lesson or as a self-coach. Threat: a coachee "adding" taps to what their coach saw, or
 * anyone but the partners writing evidence about a teacher.
 */
const observes: ItemPredicate = either(both(asSupporter, notMine('subjectId')), both(isMine('subjectId'), either(isRecordedLesson, asSelfCoach)));

const isSent: ItemPredicate = (_ctx, item) => item.status === 'sent';
const isDraft: ItemPredicate = (_ctx, item) => item.status === 'draft';
const coacheeHasReflected: ItemPredicate = (_ctx, item) => item.coacheeReflected === true;
const coacheeHasWatched: ItemPredicate = (_ctx, item) => item.coacheeWatched === true;

/**
 * Rules about one item inside a partnership: the partnership rule, plus who
 * the item is to. A person the rule does not allow gets the same 404 as for a
 * missing item, so these actions do not exist for anyone else.
 */
const ITEM_RULES: Record<ItemAction, ItemPredicate> = {
  // The coachee takes on or sets aside a goal proposed for them; nobody decides for them.
  'goal.decide': both(allows('goal.decide'), isMine('subjectId')),
  // The coachee whose classroom is observed confirms the plan and its data form.
  'plan.confirm': both(allows('plan.confirm'), isMine('subjectId')),
  // Starting a visit, and adding what it records (taps, lines, the end).
  'observation.start': both(allows('observation.start'), observes),
  'observation.record': both(allows('observation.record'), observes),
  // Feedback is written by someone supporting the coachee, about that coachee's observation; a
  // draft stays its author's. Threat: feedback reaching the coachee before she has looked at the
  // data herself (the coachee speaks first), or a half-written judgement read by anyone.
  'feedback.create': both(allows('feedback.write'), asSupporter, notMine('subjectId')),
  'feedback.edit': both(allows('feedback.write'), isMine('authorId'), isDraft),
  // Members: the author always; sent feedback for the other partners, and for its coachee once she
  // has written what she notices in the data. (A person it was shared with reads sent feedback only.)
  // Asked only after the privacy module granted the read (content.ts): a person outside the
  // partnership got here through the coachee's share, and still reads sent feedback only.
  'feedback.read': either(
    both(allows('partnership.readContent'), either(isMine('authorId'), both(isSent, either(notMine('subjectId'), coacheeHasReflected)))),
    both((ctx) => !RULES['partnership.readContent'](ctx), isSent),
  ),
  // An artifact's note is its uploader's words: only the uploader changes it.
  'artifact.edit': both(allows('artifact.upload'), isMine('authorId')),
  // A photo of a classroom or a child's work is the coachee's to take away as much as its uploader's.
  // Threat: a record about a teacher that she cannot remove though it was never hers to keep.
  'artifact.delete': both(allows('artifact.remove'), either(isMine('authorId'), isMine('subjectId'))),
  // Comments at moments of a clip: either partner, while the partnership is open (the clip itself
  // was read through content.ts first). Each comment is its author's words: only its author changes
  // it, or takes it away (also after closing, like the clip).
  'artifact.comment': allows('artifact.upload'),
  'artifact.commentEdit': both(allows('artifact.upload'), isMine('authorId')),
  'artifact.commentDelete': both(allows('artifact.remove'), isMine('authorId')),
  // The coachee sees her own clip first. Threat: she meets her coach's reading of a lesson before
  // her own. Members read every comment, except the coachee the clip is about, who reads others'
  // comments once she has watched it (said so, or commented herself); a person she shared the clip
  // with reads its comments only once she has watched it. Asked after content.ts granted the read.
  'artifact.commentRead': either(
    both(allows('partnership.readContent'), either(isMine('authorId'), notMine('subjectId'), coacheeHasWatched)),
    both((ctx) => !RULES['partnership.readContent'](ctx), coacheeHasWatched),
  ),
  // Only the coachee the clip is about says she has watched it.
  'artifact.watched': both(allows('partnership.readContent'), isMine('subjectId')),
  // A note is its author's words: only the author edits it.
  'note.edit': both(allows('note.create'), isMine('authorId')),
  // A request is closed by the member asked, or by the member who asked.
  'message.fulfil': both(allows('message.fulfil'), either(isMine('requestedFrom'), isMine('authorId'))),
  // The author of a concern records the conversation, raises it or resolves it.
  'concern.followUp': both(allows('concern.followUp'), isMine('authorId')),
  // Only the coachee the item is about shares it, and only they see who has read it.
  'item.share': both(allows('share.create'), isMine('subjectId')),
  'item.accessLog': both(allows('share.list'), isMine('subjectId')),
};

export function canOnItem(ctx: PartnershipContext | null | undefined, action: ItemAction, item: ItemFacts): boolean {
  return !!ctx && ITEM_RULES[action](ctx, item);
}

export function authorizeItem(ctx: PartnershipContext | null | undefined, action: ItemAction, item: ItemFacts): asserts ctx is PartnershipContext {
  if (!canOnItem(ctx, action, item)) throw notFound();
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

// ---------- what a person may do in their organization, outside any one partnership ----------

/** What the person-level rules need to know: the actor's roles here, and every partnership seat they were ever offered. */
export interface PersonFacts {
  roles: ReadonlySet<OrgRole>;
  /** Their member rows in this organization, in any partnership and any state (declined too). */
  memberships: ReadonlyArray<{ role: MemberRole; state: 'invited' | 'accepted' | 'declined' }>;
}

export type PersonAbility = 'startPartnership' | 'readAccessLog' | 'adminMeetings' | 'setUpAdminMeeting' | 'workLog' | 'coachesWorkLogs';

type PersonPredicate = (facts: PersonFacts) => boolean;
const anyOf = (...ps: PersonPredicate[]): PersonPredicate => (facts) => ps.some((p) => p(facts));
const holdsRole = (...roles: OrgRole[]): PersonPredicate => (facts) => roles.some((r) => facts.roles.has(r));
/** In a partnership now or asked to be (any role): they take part in coaching here, whatever their job title. */
const takesPart: PersonPredicate = (facts) => facts.memberships.some((m) => m.state !== 'declined');
/** Coachee, peer coach or self-coach of any partnership, in any state: coaching content about them may exist. */
const wasEverCoached: PersonPredicate = (facts) => facts.memberships.some((m) => SUBJECT_ROLES.includes(m.role));

/**
 * Person-level rules, sent with "me" so menus and links offer only what the API allows
 * (the web app never works them out from roles itself).
 *
 * Threat: a supervisor invited by the menu to "Start a partnership" is nudged into a
 * coaching seat beside the teachers they evaluate (the dual role SPEC §2.2 warns about),
 * and "Who saw my content" offered to someone no content is about reads as if they were
 * being watched. Each is offered only to the people it is for.
 */
const PERSON_RULES: Record<PersonAbility, PersonPredicate> = {
  // Coaches, mentor coaches and coachees start partnerships or ask for coaching; a program
  // leader also sets them up for others ("assigned by the program", partnerships.service.ts).
  // A supervisor does so only when they already take part in coaching (e.g. a principal who
  // also coaches, set up knowingly as a dual role).
  startPartnership: anyOf(holdsRole('leader', 'coach', 'mentor', 'coachee'), takesPart),
  // The log lists reads of content about the person (access-log.ts: subject = actor), so it
  // is for coachees, and anyone who ever was one; for anyone else it is always empty.
  readAccessLog: anyOf(holdsRole('coachee'), wasEverCoached),
  // The administrator–coach partnership meetings (issue 12) are for the people who hold them:
  // coaches, administrators (supervisors) and program leaders. The page lists only meetings the
  // person takes part in (adminMeeting.list); a teacher is never offered it.
  adminMeetings: holdsRole('leader', 'coach', 'supervisor'),
  // Setting one up: a program leader or a coach (canCreateAdminMeeting, below).
  setUpAdminMeeting: (facts) => canCreateAdminMeeting(facts.roles),
  // A work log of one's own time (issue 12, item 7) is kept by the people whose job is coaching.
  workLog: holdsRole('coach', 'mentor'),
  // The administrators' page of coaches' totals: it lists only the coaches who signed an agreement
  // with the person (workLog.readTotals, below), so for anyone else it is empty.
  coachesWorkLogs: holdsRole('supervisor', 'leader'),
};

export function canAsPerson(facts: PersonFacts, ability: PersonAbility): boolean {
  return PERSON_RULES[ability](facts);
}

/** Every person-level ability at once, for "me". */
export function personAbilities(facts: PersonFacts): Record<PersonAbility, boolean> {
  const entries = (Object.keys(PERSON_RULES) as PersonAbility[]).map((a) => [a, PERSON_RULES[a](facts)] as const);
  return Object.fromEntries(entries) as Record<PersonAbility, boolean>;
}

// ---------- the administrator–coach partnership meeting (issue 12) ----------

/** What the meeting rules need: the meeting, and what the actor is in it (null: not a participant). */
export interface AdminMeetingContext {
  actor: { personId: string; orgId: string };
  meeting: { org_id: string; created_by: string; note_taker_id: string | null };
  participant: { role: string } | null;
}

export type AdminMeetingAction = 'adminMeeting.read' | 'adminMeeting.run' | 'adminMeeting.chooseNoteTaker' | 'adminMeeting.norms' | 'adminMeeting.notes';

type MeetingPredicate = (ctx: AdminMeetingContext) => boolean;
const allOf = (...ps: MeetingPredicate[]): MeetingPredicate => (ctx) => ps.every((p) => p(ctx));
const oneOf = (...ps: MeetingPredicate[]): MeetingPredicate => (ctx) => ps.some((p) => p(ctx));
const meetingInOrganization: MeetingPredicate = (ctx) => ctx.meeting.org_id === ctx.actor.orgId;
const takesPartInMeeting: MeetingPredicate = (ctx) => ctx.participant !== null;
const facilitates: MeetingPredicate = (ctx) => ctx.participant?.role === 'facilitator';
const createdIt: MeetingPredicate = (ctx) => ctx.meeting.created_by === ctx.actor.personId;
const takesTheNotes: MeetingPredicate = (ctx) => !!ctx.meeting.note_taker_id && ctx.meeting.note_taker_id === ctx.actor.personId;

/**
 * The meeting is its participants' alone. Threat: a supervisor or program leader who is not in
 * the room reading what coaches and administrators said to each other (about confidentiality,
 * about teachers) turns the agreement conversation into a report. Nobody else finds it, not even
 * by id (404), whatever their role in the organization.
 */
const MEETING_RULES: Record<AdminMeetingAction, MeetingPredicate> = {
  'adminMeeting.read': allOf(meetingInOrganization, takesPartInMeeting),
  // The facilitator (or whoever set it up) keeps time: starts it, moves between steps, ends it.
  'adminMeeting.run': allOf(meetingInOrganization, takesPartInMeeting, oneOf(facilitates, createdIt)),
  // The group decides who takes notes; the facilitator records the choice.
  'adminMeeting.chooseNoteTaker': allOf(meetingInOrganization, takesPartInMeeting, oneOf(facilitates, createdIt)),
  // Norms are drafted and agreed by everyone present.
  'adminMeeting.norms': allOf(meetingInOrganization, takesPartInMeeting),
  // The record is the note-taker's: one hand, so the written agreement has one source.
  'adminMeeting.notes': allOf(meetingInOrganization, takesPartInMeeting, takesTheNotes),
};

export function canInMeeting(ctx: AdminMeetingContext | null | undefined, action: AdminMeetingAction): boolean {
  return !!ctx && MEETING_RULES[action](ctx);
}

export function authorizeInMeeting(ctx: AdminMeetingContext | null | undefined, action: AdminMeetingAction): asserts ctx is AdminMeetingContext {
  if (!canInMeeting(ctx, action)) throw notFound();
}

/** Who sets up a partnership meeting: a program leader or a coach of the organization (administrators join as participants). */
export const canCreateAdminMeeting = (roles: ReadonlySet<OrgRole>): boolean => roles.has('leader') || roles.has('coach');

/**
 * The meeting's roles, topics and written agreement (steps 5–7, issue 12). Everything stays the
 * participants' alone (every rule starts from takesPartInMeeting: anyone else gets 404).
 */
export type AdminMeetingAgreementAction =
  | 'adminMeeting.contribute'
  | 'adminMeeting.settleRoles'
  | 'adminMeeting.answerTopics'
  | 'adminMeeting.planAgreement'
  | 'adminMeeting.draftAgreement'
  | 'adminMeeting.signAgreement'
  | 'adminMeeting.exportAgreement';
export interface AdminMeetingAgreementContext extends AdminMeetingContext {
  /** The participant the group named to put the agreement in writing, if any. */
  drafterId: string | null;
}
type AgreementPredicate = (ctx: AdminMeetingAgreementContext) => boolean;
const runsIt: AgreementPredicate = oneOf(facilitates, createdIt);
const draftsIt: AgreementPredicate = (ctx) => !!ctx.drafterId && ctx.drafterId === ctx.actor.personId;
const inTheMeeting = allOf(meetingInOrganization, takesPartInMeeting);
const MEETING_AGREEMENT_RULES: Record<AdminMeetingAgreementAction, AgreementPredicate> = {
  // Each participant picks roles, adds challenges, strengths and confidentiality agreements, and marks key concerns.
  'adminMeeting.contribute': inTheMeeting,
  // The group settles on 3–5 roles; whoever runs the meeting records the settled sets.
  'adminMeeting.settleRoles': (ctx) => inTheMeeting(ctx) && runsIt(ctx),
  // Answers are the record: the note-taker writes them, or whoever runs the meeting.
  'adminMeeting.answerTopics': (ctx) => inTheMeeting(ctx) && (takesTheNotes(ctx) || runsIt(ctx)),
  // Who drafts the agreement, by when: recorded by whoever runs the meeting.
  'adminMeeting.planAgreement': (ctx) => inTheMeeting(ctx) && runsIt(ctx),
  // Only the named drafter writes versions of the agreement.
  'adminMeeting.draftAgreement': (ctx) => inTheMeeting(ctx) && draftsIt(ctx),
  // Every participant signs; every participant may print or download it.
  'adminMeeting.signAgreement': inTheMeeting,
  'adminMeeting.exportAgreement': inTheMeeting,
};

export function canOnMeetingAgreement(ctx: AdminMeetingAgreementContext | null | undefined, action: AdminMeetingAgreementAction): boolean {
  return !!ctx && MEETING_AGREEMENT_RULES[action](ctx);
}

/** 404 unless allowed (the same answer as a missing meeting). */
export function authorizeOnMeetingAgreement(ctx: AdminMeetingAgreementContext | null | undefined, action: AdminMeetingAgreementAction): asserts ctx is AdminMeetingAgreementContext {
  if (!canOnMeetingAgreement(ctx, action)) throw notFound();
}

/** A challenge, strength or confidentiality agreement is changed or removed by its author or by whoever runs the meeting. */
export function canEditMeetingItem(ctx: AdminMeetingAgreementContext | null | undefined, item: { authorId: string }): boolean {
  return !!ctx && inTheMeeting(ctx) && (item.authorId === ctx.actor.personId || runsIt(ctx));
}

/**
 * The meeting's future meetings (step 9): every participant reads the schedule and the rules;
 * whoever runs the meeting, the note-taker and the participant the group named to send the
 * invitations keep them. Attendance is recorded by the same hands (issue 12, item 5).
 */
export type AdminMeetingScheduleAction = 'adminMeeting.scheduleRead' | 'adminMeeting.scheduleRules' | 'adminMeeting.schedule' | 'adminMeeting.attendance';
export interface AdminMeetingScheduleContext extends AdminMeetingContext {
  /** The participant named to send the invitations, if any. */
  invitationsBy: string | null;
}
type SchedulePredicate = (ctx: AdminMeetingScheduleContext) => boolean;
const allOfS = (...ps: SchedulePredicate[]): SchedulePredicate => (ctx) => ps.every((p) => p(ctx));
const oneOfS = (...ps: SchedulePredicate[]): SchedulePredicate => (ctx) => ps.some((p) => p(ctx));
const sendsTheInvitations: SchedulePredicate = (ctx) => !!ctx.invitationsBy && ctx.invitationsBy === ctx.actor.personId;
const keepsTheSchedule: SchedulePredicate = oneOfS(facilitates, createdIt, takesTheNotes, sendsTheInvitations);
const SCHEDULE_RULES: Record<AdminMeetingScheduleAction, SchedulePredicate> = {
  'adminMeeting.scheduleRead': allOfS(meetingInOrganization, takesPartInMeeting),
  // The rules are the group's words, written down by whoever runs the meeting or keeps the record.
  'adminMeeting.scheduleRules': allOfS(meetingInOrganization, takesPartInMeeting, oneOfS(facilitates, createdIt, takesTheNotes)),
  'adminMeeting.schedule': allOfS(meetingInOrganization, takesPartInMeeting, keepsTheSchedule),
  'adminMeeting.attendance': allOfS(meetingInOrganization, takesPartInMeeting, keepsTheSchedule),
};
export function canOnSchedule(ctx: AdminMeetingScheduleContext | null | undefined, action: AdminMeetingScheduleAction): boolean {
  return !!ctx && SCHEDULE_RULES[action](ctx);
}
export function authorizeOnSchedule(ctx: AdminMeetingScheduleContext | null | undefined, action: AdminMeetingScheduleAction): asserts ctx is AdminMeetingScheduleContext {
  if (!canOnSchedule(ctx, action)) throw notFound();
}

// ---------- the coach's own work log (issue 12, item 7) ----------

/** What the work-log rules need: whose log it is, and which administrators that coach agreed with. */
export interface WorkLogContext {
  actor: { personId: string; orgId: string };
  /** The coach whose log it is (loaded scoped to the actor's organization). */
  coach: { personId: string; orgId: string };
  /** The administrators who signed a partnership meeting agreement with this coach (admin-meetings/terms.ts). */
  agreedAdministrators: ReadonlyArray<{ personId: string; namesMayBeUsed: boolean }>;
}

export type WorkLogAction = 'workLog.keep' | 'workLog.readTotals' | 'workLog.recordRead' | 'workLog.audience';

type WorkLogPredicate = (ctx: WorkLogContext) => boolean;
const allOfW = (...ps: WorkLogPredicate[]): WorkLogPredicate => (ctx) => ps.every((p) => p(ctx));
const oneOfW = (...ps: WorkLogPredicate[]): WorkLogPredicate => (ctx) => ps.some((p) => p(ctx));
const logInOrganization: WorkLogPredicate = (ctx) => ctx.coach.orgId === ctx.actor.orgId;
const isTheCoach: WorkLogPredicate = (ctx) => ctx.coach.personId === ctx.actor.personId;
const agreedWithTheCoach: WorkLogPredicate = (ctx) => ctx.agreedAdministrators.some((a) => a.personId === ctx.actor.personId);

/**
 * A coach's log is the coach's own: the entries (with their private notes and partnerships) are read
 * and changed by the coach alone. The administrators the coach signed a partnership meeting
 * agreement with see totals by activity and week, and teachers' names only if that agreement says
 * names may be used (workLogTeacherNames). Threat: a record of a coach's time becoming a window on
 * the teachers they coach, or a supervisor who never agreed anything with the coach reading their
 * week; any such reader gets the same 404 as for a person who does not exist.
 */
const WORK_LOG_RULES: Record<WorkLogAction, WorkLogPredicate> = {
  'workLog.keep': allOfW(logInOrganization, isTheCoach),
  'workLog.readTotals': allOfW(logInOrganization, oneOfW(isTheCoach, agreedWithTheCoach)),
  // The coach sees who looked at their totals: an administrator's read is recorded, the coach's own is not.
  'workLog.recordRead': allOfW(logInOrganization, agreedWithTheCoach, (ctx) => !isTheCoach(ctx)),
  // Who sees the totals, and who looked: the coach's to know.
  'workLog.audience': allOfW(logInOrganization, isTheCoach),
};

export function canOnWorkLog(ctx: WorkLogContext | null | undefined, action: WorkLogAction): boolean {
  return !!ctx && WORK_LOG_RULES[action](ctx);
}

export function authorizeOnWorkLog(ctx: WorkLogContext | null | undefined, action: WorkLogAction): asserts ctx is WorkLogContext {
  if (!canOnWorkLog(ctx, action)) throw notFound();
}

/**
 * Whose eyes the totals are shown through: an administrator's own; the coach chooses one of the
 * administrators they agreed with ("what your administrators see"), else the first of them, else
 * nobody's (no names). Null: the coach asked for someone they did not agree with.
 */
export function workLogViewer(ctx: WorkLogContext, asAdministrator?: string): { personId: string | null } | null {
  if (!isTheCoach(ctx)) return { personId: ctx.actor.personId };
  if (asAdministrator) return ctx.agreedAdministrators.some((a) => a.personId === asAdministrator) ? { personId: asAdministrator } : null;
  return { personId: ctx.agreedAdministrators[0]?.personId ?? null };
}

/** Teachers are named in the totals only when the agreement between this coach and the viewing administrator says names may be used. */
export function workLogTeacherNames(ctx: WorkLogContext, viewerId: string | null): boolean {
  return canOnWorkLog(ctx, 'workLog.readTotals') && !!viewerId && ctx.agreedAdministrators.some((a) => a.personId === viewerId && a.namesMayBeUsed);
}

/** Who may change or remove one entry: the coach who wrote it, in their organization. */
export function canOnWorkLogEntry(actor: { personId: string; orgId: string }, entry: { coach_id: string; org_id: string } | null | undefined): boolean {
  return !!entry && entry.org_id === actor.orgId && entry.coach_id === actor.personId;
}

// ---------- launching a program: enrolment and testimonials (issue 12, item 8) ----------

/** The program-wide actions a person may take, from their roles and partnership seats (PersonFacts). */
export type ProgramAction = 'program.enrol' | 'program.editWelcome' | 'program.reviewEnrolments' | 'program.writeTestimonial' | 'program.reviewTestimonials';

/** Taking part in a partnership now (accepted, as coach or coachee, in any format). */
const takesPartNow: PersonPredicate = (facts) => facts.memberships.some((m) => m.state === 'accepted');

const PROGRAM_RULES: Record<ProgramAction, PersonPredicate> = {
  // A teacher answers "would you like a coach?" for themselves.
  'program.enrol': holdsRole('coachee'),
  // The welcome is the program leader's words.
  'program.editWelcome': holdsRole('leader'),
  // The list of volunteers: the program leader (all of them), a coach or mentor coach (those who chose them; enrolment.see).
  'program.reviewEnrolments': holdsRole('leader', 'coach', 'mentor'),
  // Someone who takes part in coaching speaks about it to colleagues.
  'program.writeTestimonial': takesPartNow,
  // The leader decides what goes on the page, among what authors consented to show.
  'program.reviewTestimonials': holdsRole('leader'),
};

export function canInProgram(facts: PersonFacts, action: ProgramAction): boolean {
  return PROGRAM_RULES[action](facts);
}

/** 404 unless allowed: a person for whom an action does not exist cannot tell it from a missing page. */
export function authorizeInProgram(facts: PersonFacts, action: ProgramAction): void {
  if (!canInProgram(facts, action)) throw notFound();
}

/** Every program-wide action at once, for the program page. */
export function programAbilities(facts: PersonFacts) {
  return {
    enrol: canInProgram(facts, 'program.enrol'),
    editWelcome: canInProgram(facts, 'program.editWelcome'),
    reviewEnrolments: canInProgram(facts, 'program.reviewEnrolments'),
    writeTestimonial: canInProgram(facts, 'program.writeTestimonial'),
    reviewTestimonials: canInProgram(facts, 'program.reviewTestimonials'),
  };
}

/** What the enrolment rules need: who asks, with which roles, about which teacher's answer. */
export interface EnrolmentContext {
  actor: { personId: string; orgId: string };
  roles: ReadonlySet<OrgRole>;
  enrolment: { orgId: string; personId: string; status: string; preferredCoachId: string | null };
}
export type EnrolmentAction = 'enrolment.see' | 'enrolment.partner' | 'enrolment.change' | 'enrolment.withdraw';

type EnrolmentPredicate = (ctx: EnrolmentContext) => boolean;
const allOfE = (...ps: EnrolmentPredicate[]): EnrolmentPredicate => (ctx) => ps.every((p) => p(ctx));
const oneOfE = (...ps: EnrolmentPredicate[]): EnrolmentPredicate => (ctx) => ps.some((p) => p(ctx));
const enrolmentInOrganization: EnrolmentPredicate = (ctx) => ctx.enrolment.orgId === ctx.actor.orgId;
const isTheTeacher: EnrolmentPredicate = (ctx) => ctx.enrolment.personId === ctx.actor.personId;
const leadsTheProgram: EnrolmentPredicate = (ctx) => ctx.roles.has('leader');
const wasChosenAsCoach: EnrolmentPredicate = (ctx) =>
  !!ctx.enrolment.preferredCoachId && ctx.enrolment.preferredCoachId === ctx.actor.personId && (ctx.roles.has('coach') || ctx.roles.has('mentor'));
const asksForCoaching: EnrolmentPredicate = (ctx) => ctx.enrolment.status === 'volunteered';
const becamePartnership: EnrolmentPredicate = (ctx) => ctx.enrolment.status === 'partnered';

/**
 * A teacher's answer is theirs. The program leader, and the coach the teacher chose, see a request
 * for coaching (and that it became a partnership); nobody but the teacher ever sees a "not now" or a
 * withdrawn request. Threat: a supervisor (an evaluator) learning who asked for help and who did not,
 * which would make a voluntary program anything but voluntary. A supervisor is not among the readers
 * by role, so they get the same 404 as for an id that does not exist.
 */
const ENROLMENT_RULES: Record<EnrolmentAction, EnrolmentPredicate> = {
  'enrolment.see': allOfE(enrolmentInOrganization, oneOfE(isTheTeacher, allOfE(oneOfE(asksForCoaching, becamePartnership), oneOfE(leadsTheProgram, wasChosenAsCoach)))),
  // One step from a request to a partnership (origin "volunteered"), by the leader or the coach the teacher chose.
  'enrolment.partner': allOfE(enrolmentInOrganization, asksForCoaching, oneOfE(leadsTheProgram, wasChosenAsCoach), (ctx) => !isTheTeacher(ctx)),
  // The teacher changes their mind freely, until the request has become a partnership.
  'enrolment.change': allOfE(enrolmentInOrganization, isTheTeacher, (ctx) => !becamePartnership(ctx)),
  'enrolment.withdraw': allOfE(enrolmentInOrganization, isTheTeacher, (ctx) => ctx.enrolment.status === 'volunteered' || ctx.enrolment.status === 'declined'),
};

export function canOnEnrolment(ctx: EnrolmentContext | null | undefined, action: EnrolmentAction): boolean {
  return !!ctx && ENROLMENT_RULES[action](ctx);
}

export function authorizeOnEnrolment(ctx: EnrolmentContext | null | undefined, action: EnrolmentAction): asserts ctx is EnrolmentContext {
  if (!canOnEnrolment(ctx, action)) throw notFound();
}

/** What the testimonial rules need: who asks, with which roles, about which testimonial. */
export interface TestimonialContext {
  actor: { personId: string; orgId: string };
  roles: ReadonlySet<OrgRole>;
  testimonial: { orgId: string; authorId: string; consent: string; approved: boolean };
}
export type TestimonialAction = 'testimonial.edit' | 'testimonial.consent' | 'testimonial.withdrawConsent' | 'testimonial.remove' | 'testimonial.review' | 'testimonial.show';

type TestimonialPredicate = (ctx: TestimonialContext) => boolean;
const allOfT = (...ps: TestimonialPredicate[]): TestimonialPredicate => (ctx) => ps.every((p) => p(ctx));
const testimonialInOrganization: TestimonialPredicate = (ctx) => ctx.testimonial.orgId === ctx.actor.orgId;
const wroteIt: TestimonialPredicate = (ctx) => ctx.testimonial.authorId === ctx.actor.personId;
const authorConsented: TestimonialPredicate = (ctx) => ctx.testimonial.consent === 'named' || ctx.testimonial.consent === 'anonymous';

/**
 * A testimonial is its author's words about the program, not coaching content, but it is never
 * shown to anyone before its author says, explicitly, that colleagues may read it (with or without
 * their name). The leader approves what goes on the page and cannot change the words; withdrawing
 * consent takes it off the page at once, and out of the leader's list. Threat: a teacher's candid
 * words, written for themselves or their coach, turning up in front of colleagues or their principal.
 */
const TESTIMONIAL_RULES: Record<TestimonialAction, TestimonialPredicate> = {
  'testimonial.edit': allOfT(testimonialInOrganization, wroteIt),
  'testimonial.consent': allOfT(testimonialInOrganization, wroteIt),
  'testimonial.withdrawConsent': allOfT(testimonialInOrganization, wroteIt, authorConsented),
  'testimonial.remove': allOfT(testimonialInOrganization, wroteIt),
  'testimonial.review': allOfT(testimonialInOrganization, (ctx) => ctx.roles.has('leader'), authorConsented),
  'testimonial.show': allOfT(testimonialInOrganization, authorConsented, (ctx) => ctx.testimonial.approved),
};

export function canOnTestimonial(ctx: TestimonialContext | null | undefined, action: TestimonialAction): boolean {
  return !!ctx && TESTIMONIAL_RULES[action](ctx);
}

export function authorizeOnTestimonial(ctx: TestimonialContext | null | undefined, action: TestimonialAction): asserts ctx is TestimonialContext {
  if (!canOnTestimonial(ctx, action)) throw notFound();
}
