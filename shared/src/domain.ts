/**
 * Domain vocabulary shared by the server and the web app. Plain data only:
 * no Node or DOM APIs, so both sides import it.
 */

/** Roles a person can hold in an organization (SPEC §1). */
export const ORG_ROLES = ['leader', 'supervisor', 'coach', 'mentor', 'coachee'] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

export const FORMATS = ['expert', 'peer', 'self'] as const;
export type Format = (typeof FORMATS)[number];

export const STATUSES = ['invited', 'building', 'active', 'paused', 'closed'] as const;
export type PartnershipStatus = (typeof STATUSES)[number];

export const ORIGINS = ['self_initiated', 'volunteered', 'assigned'] as const;
export type Origin = (typeof ORIGINS)[number];

/**
 * The role a person plays inside one partnership.
 * coachee (expert format), peer (gives and receives), self (self-coach) are the
 * data subjects whose coaching content this is; coach and mentor support them.
 */
export const MEMBER_ROLES = ['coach', 'coachee', 'peer', 'self', 'mentor'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];
export const SUBJECT_ROLES: readonly MemberRole[] = ['coachee', 'peer', 'self'];

/** Which member roles each format needs: [role, min, max]. */
export const FORMAT_SHAPE: Record<Format, Array<[MemberRole, number, number]>> = {
  expert: [['coach', 1, 1], ['coachee', 1, 1], ['mentor', 0, 1]],
  peer: [['peer', 2, 6], ['mentor', 1, 1]],
  self: [['self', 1, 1], ['mentor', 1, 1]],
};

/** Allowed lifecycle moves (SPEC §2.2). "invited" ends when every invitee has accepted. */
export const TRANSITIONS: Record<PartnershipStatus, PartnershipStatus[]> = {
  invited: ['closed'],
  building: ['active', 'paused', 'closed'],
  active: ['paused', 'closed'],
  paused: ['active', 'closed'],
  closed: [],
};

export const CHALLENGES = ['space', 'behaviour', 'staffing', 'materials', 'time', 'family_engagement', 'other'] as const;
export type Challenge = (typeof CHALLENGES)[number];

/** Kinds of coaching content. A new kind is added here and described in server/src/privacy/kinds.ts (the registry). */
export const CONTENT_KINDS = ['note', 'profile', 'goal', 'meeting', 'agreement', 'celebration', 'strength', 'observation_plan', 'observation', 'reflection', 'message', 'concern', 'feedback', 'artifact'] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];

/** Categories a coachee can share as a whole. */
export const SHARE_CATEGORIES = ['notes', 'goals', 'celebrations', 'strengths', 'observation_plans', 'observations', 'reflections'] as const;
export type ShareCategory = (typeof SHARE_CATEGORIES)[number];

export const ACCESS_ACTIONS = ['view', 'export', 'print', 'share', 'revoke'] as const;
export type AccessAction = (typeof ACCESS_ACTIONS)[number];

/** Who-sees-what party names used in role descriptions and the visibility map. */
export type Party = 'coachee' | 'coach' | 'mentor' | 'supervisor' | 'leader';

/** A goal is proposed by a supporting partner and decided by the coachee; the coachee's own goals start active. */
export const GOAL_STATUSES = ['proposed', 'active', 'achieved', 'set_aside'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];
export const GOAL_TRANSITIONS: Record<GoalStatus, GoalStatus[]> = {
  proposed: ['active', 'set_aside'],
  active: ['achieved', 'set_aside'],
  achieved: ['active'],
  set_aside: ['active'],
};

export const STEP_STATUSES = ['not_started', 'in_progress', 'done', 'dropped'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

/** Who carries out a step of an action plan. */
export const RESPONSIBLE = ['coachee', 'coach', 'both', 'mentor', 'peer'] as const;
export type Responsible = (typeof RESPONSIBLE)[number];

/** Kinds of sessions and visits (SPEC §2.5). A support visit is help in the room without observing. */
export const MEETING_KINDS = ['coaching_meeting', 'observation', 'support_visit', 'mentor_checkin', 'supervisor_checkin'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const MEETING_STATUSES = ['scheduled', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** What a celebration acknowledges: a risk taken while trying something new, progress, or a success. */
export const CELEBRATION_KINDS = ['risk_taken', 'progress', 'success'] as const;
export type CelebrationKind = (typeof CELEBRATION_KINDS)[number];

/**
 * Strengths and needs. The coachee rates their own use of a practice on this
 * scale (their view of themselves, never a score given by anyone else); either
 * partner adds a strength or a priority they see together.
 */
export const SELF_RATING_LEVELS = [1, 2, 3, 4] as const;
export const STRENGTH_TYPES = ['strength', 'priority'] as const;
export type StrengthType = (typeof STRENGTH_TYPES)[number];

/** Ways of gathering data during an observation, each with a data form the coachee sees before the visit. */
export const DATA_METHODS = ['selective_verbatim', 'verbal_flow', 'event_count', 'duration', 'physical_map', 'time_sample', 'artifacts', 'video'] as const;
export type DataMethod = (typeof DATA_METHODS)[number];
export const OBSERVATION_MODES = ['live', 'recorded'] as const;
export type ObservationMode = (typeof OBSERVATION_MODES)[number];
export const PLAN_STATUSES = ['draft', 'confirmed'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** The data methods that record during a visit, one tool each (artifact review and video are uploaded, not tapped). */
export const OBSERVATION_TOOLS = ['selective_verbatim', 'verbal_flow', 'event_count', 'duration', 'physical_map', 'time_sample'] as const satisfies readonly DataMethod[];
export type ObservationTool = (typeof OBSERVATION_TOOLS)[number];
/** An observation records until it is ended; events recorded before the end may still arrive afterwards. */
export const OBSERVATION_STATUSES = ['recording', 'ended'] as const;
export type ObservationStatus = (typeof OBSERVATION_STATUSES)[number];
/** A seating chart (verbal flow) or a room map (physical map) of one classroom, reused across visits. */
export const LAYOUT_KINDS = ['seating_chart', 'room_map'] as const;
export type LayoutKind = (typeof LAYOUT_KINDS)[number];
/** What can be placed on a layout; seats carry a label or code the coach chooses, never a required name. */
export const LAYOUT_ELEMENT_TYPES = ['seat', 'desk', 'table', 'centre', 'rug', 'door', 'board', 'teacher_desk', 'window', 'shelf', 'zone'] as const;
export type LayoutElementType = (typeof LAYOUT_ELEMENT_TYPES)[number];

/** Messages inside a partnership; a resource request waits until the person asked marks it fulfilled. */
export const MESSAGE_KINDS = ['message', 'resource_request'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** A concern moves from recorded, to discussed with the coachee, to (only then) raised with a supervisor. */
export const CONCERN_STATUSES = ['recorded', 'discussed', 'escalated', 'resolved'] as const;
export type ConcernStatus = (typeof CONCERN_STATUSES)[number];

/** What a reminder is about. */
export const REMINDER_KINDS = ['session', 'agreement_review', 'step_due'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];
