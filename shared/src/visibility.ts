/**
 * "Who sees what" — the single map that the server policy enforces, the web app
 * uses for hints, and the role descriptions people acknowledge are generated from.
 * Change a rule here and all three change together.
 */
import type { Party } from './domain';

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
} as const;
export type LogisticsObject = keyof typeof LOGISTICS_FIELDS;

const PARTY_TITLES: Record<Party, string> = {
  coachee: 'Coachee',
  coach: 'Coach',
  mentor: 'Mentor coach',
  supervisor: 'Supervisor',
  leader: 'Program leader',
};

/** What each party does, in our own words (SPEC §2.1; the coachee's active role at each step). */
const DUTIES: Record<Party, string[]> = {
  coachee: [
    'You lead. You choose the practices to work on and the goals that matter to you and your children.',
    'You decide what is observed, when, whether live or recorded, and what data is collected.',
    'You look at the data first and say what you notice before anyone else interprets it.',
    'You choose the next steps and decide whether anything leaves the partnership, and with whom.',
  ],
  coach: [
    'You are a thought partner, not an evaluator: you support, observe as agreed, and describe what you saw.',
    'You come on time and prepared, and you follow through on what you promised.',
    'You keep what is said and seen in coaching inside the partnership.',
    'If you have a concern, you talk it over with the coachee before anyone else hears of it.',
  ],
  mentor: [
    'You support peer coaches and self-coaches with resources and answers about practices and coaching.',
    'You follow through on requests and keep in regular touch.',
    'You keep what you see of the partnership confidential.',
  ],
  supervisor: [
    'You support coaching from the outside: regular check-ins, classroom coverage for coaching meetings, protecting the coach\'s time.',
    'You keep coaching and evaluation apart: nothing from coaching is used to judge performance.',
    'You bring questions about progress to the coachee and coach together.',
  ],
  leader: [
    'You set up the program: sites, people, practices and agreement templates.',
    'You see how the program is going through totals, never through anyone\'s coaching content.',
  ],
};

function describeSight(sight: Sight): string[] {
  const lines: string[] = [];
  if (sight.existence) lines.push('You can see which partnerships exist and who is in them.');
  if (sight.logistics) lines.push('You can see agreed logistics: how often partners meet, coverage needs, the communication plan and whether the agreement is signed.');
  if (sight.content === 'all') lines.push('You can read the coaching content of partnerships you belong to.');
  if (sight.content === 'only-what-the-coachee-shares') {
    lines.push('You cannot read coaching content — notes, observations, goals, reflections — unless the coachee shares a piece with you by name. A share can expire or be withdrawn.');
    lines.push('A coach can raise a concern with you only after talking it over with the coachee. You then read that one concern, and the coachee sees that it was raised and that you read it.');
  }
  if (sight.content === 'none') lines.push('You never see coaching content, only de-identified totals.');
  if (sight.share) lines.push('Only you can share your coaching content with someone outside the partnership, and you can withdraw a share at any time.');
  if (sight.accessLog) lines.push('Every time anyone reads your coaching content it is logged, and you can see who read what, and when.');
  return lines;
}

export interface RoleDescription {
  party: Party;
  title: string;
  youDo: string[];
  youSee: string[];
}

/** The role descriptions every participant acknowledges once, generated from WHO_SEES_WHAT. */
export function roleDescriptions(): RoleDescription[] {
  return (Object.keys(WHO_SEES_WHAT) as Party[]).map((party) => ({
    party,
    title: PARTY_TITLES[party],
    youDo: DUTIES[party],
    youSee: describeSight(WHO_SEES_WHAT[party]),
  }));
}

/** Bump when the descriptions change in substance, so people acknowledge again. */
export const ROLE_DESCRIPTIONS_VERSION = 2;
