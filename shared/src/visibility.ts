/**
 * "Who sees what" — the single map that the server policy enforces, the web app
 * uses for hints, and the role descriptions people acknowledge are generated from.
 * Change a rule here and all three change together.
 */
import type { Party } from './domain';
import { DEFAULT_LANGUAGE, type Language } from './i18n';
import { format } from './i18n-format';
import { roleMessages } from './messages';

/** What a party may see of a partnership they are related to. */
export interface Sight {
  /** That the partnership exists, its format, status and members' names. */
  existence: boolean;
  /** Agreed logistics: meeting cadence, coverage needs, communication plan, review date, signature status. */
  logistics: boolean;
  /** Coaching content (notes, the getting-to-know-you profile, agreement guidelines). */
  content: 'all' | 'only-what-the-coachee-shares' | 'none';
  /** May share the coachee's content with someone outside the partnership. */
  share: boolean;
  /** May browse the log of who read the coachee's content. */
  accessLog: boolean;
}

export const WHO_SEES_WHAT: Record<Party, Sight> = {
  coachee: { existence: true, logistics: true, content: 'all', share: true, accessLog: true },
  coach: { existence: true, logistics: true, content: 'all', share: false, accessLog: false },
  mentor: { existence: true, logistics: true, content: 'all', share: false, accessLog: false },
  supervisor: { existence: true, logistics: true, content: 'only-what-the-coachee-shares', share: false, accessLog: false },
  leader: { existence: true, logistics: true, content: 'none', share: false, accessLog: false },
};

/**
 * THE allow-list of what a supervisor or leader may receive about a partnership
 * they are not a member of, per API object. Every field not listed here is
 * coaching content (free text above all: reasons, locations, agendas, notes),
 * and the server's presenters for non-members build from these lists only
 * (server/src/privacy/logistics.ts). A supervisor sees that a session was
 * cancelled, when, and by whom; never why.
 */
export const LOGISTICS_FIELDS = {
  partnership: [
    'id', 'format', 'status', 'origin', 'members', 'viewerRelation', 'dualRole', 'meetingCadence', 'coverageNeeds', 'reviewOn',
    'signatureStatus', 'mySignatureNeeded', 'createdAt', 'statusHistory', 'dualRoleAcknowledgedAt', 'abilities',
  ],
  /** A lifecycle move: what, who and when; never the reason (an invitation message, a decline, a pause). */
  statusEvent: ['from', 'to', 'by', 'at'],
  meeting: ['id', 'partnershipId', 'kind', 'startsAt', 'endsAt', 'status', 'scheduledBy', 'cancelledBy', 'cancelledAt', 'lateCancellation', 'rescheduleCount', 'attendance', 'abilities'],
  /** Attendance of a supervisor check-in, for the supervisor: without the note. */
  attendance: ['personId', 'name', 'present', 'onTime', 'prepared', 'recordedBy', 'recordedAt'],
  /** The agreement's logistics: commitments and practical arrangements, never the guidelines. */
  agreementContent: ['commitments', 'meetingCadence', 'coverageNeeds', 'cancellationNoticeHours', 'communicationPlan', 'reviewOn'],
  /** Of the agreement's commitments, the supervisor's own (which they sign); the other parties' stay with the partners. */
  commitments: ['supervisor'],
  /** A check-in the supervisor schedules: when, how long, where — deliberately no agenda or notes field. */
  checkin: ['id', 'partnershipId', 'startsAt', 'endsAt', 'minutes', 'place', 'status', 'scheduledBy', 'rescheduleCount', 'cancelledAt', 'abilities'],
  /** A coverage request: when, for what (a fixed list), for whom, and the answer (a fixed list of reasons) — no free text. */
  coverageRequest: ['id', 'partnershipId', 'date', 'from', 'to', 'purpose', 'coverFor', 'requestedBy', 'status', 'declineReason', 'answeredBy', 'answeredAt', 'createdAt', 'abilities'],
} as const;
export type LogisticsObject = keyof typeof LOGISTICS_FIELDS;

type RoleKey = keyof (typeof roleMessages)['en'];

/** What each party does, in our own words (SPEC §2.1; the coachee's active role at each step): keys of the catalog. */
const DUTIES: Record<Party, RoleKey[]> = {
  coachee: ['coachee_1', 'coachee_2', 'coachee_3', 'coachee_4'],
  coach: ['coach_1', 'coach_2', 'coach_3', 'coach_4'],
  mentor: ['mentor_1', 'mentor_2', 'mentor_3'],
  supervisor: ['supervisor_1', 'supervisor_2', 'supervisor_3'],
  leader: ['leader_1', 'leader_2'],
};

function describeSight(sight: Sight): RoleKey[] {
  const lines: RoleKey[] = [];
  if (sight.existence) lines.push('seeExistence');
  if (sight.logistics) lines.push('seeLogistics');
  if (sight.content === 'all') lines.push('seeAllContent');
  if (sight.content === 'only-what-the-coachee-shares') lines.push('seeSharedContent', 'seeRaisedConcern');
  if (sight.content === 'none') lines.push('seeNoContent');
  if (sight.share) lines.push('canShare');
  if (sight.accessLog) lines.push('seeAccessLog');
  return lines;
}

export interface RoleDescription {
  party: Party;
  title: string;
  youDo: string[];
  youSee: string[];
}

/** The role descriptions every participant acknowledges once, generated from WHO_SEES_WHAT, in one language. */
export function roleDescriptions(language: Language = DEFAULT_LANGUAGE): RoleDescription[] {
  const t = (key: RoleKey) => format(language, roleMessages, key);
  return (Object.keys(WHO_SEES_WHAT) as Party[]).map((party) => ({
    party,
    title: t(`title_${party}`),
    youDo: DUTIES[party].map(t),
    youSee: describeSight(WHO_SEES_WHAT[party]).map(t),
  }));
}

/** Bump when the descriptions change in substance, so people acknowledge again. */
export const ROLE_DESCRIPTIONS_VERSION = 2;
