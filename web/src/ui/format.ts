/** Plain-language labels and local date formats used across the app. */
import type { Challenge, Format, MemberRole, Origin, PartnershipStatus, OrgRole } from '../../../shared/src/domain';

export const FORMAT_LABEL: Record<Format, string> = {
  expert: 'Expert coaching',
  peer: 'Peer coaching',
  self: 'Self-coaching',
};

export const FORMAT_EXPLAIN: Record<Format, string> = {
  expert: 'A coach and one coachee work side by side; a mentor coach can join.',
  peer: 'Two or more colleagues take turns coaching each other, with a mentor coach to lean on.',
  self: 'You coach yourself through the cycle, and a mentor coach is there when you need one.',
};

export const STATUS_LABEL: Record<PartnershipStatus, string> = {
  invited: 'Waiting for answers',
  building: 'Getting started',
  active: 'Active',
  paused: 'Paused',
  closed: 'Closed',
};

export const ORIGIN_LABEL: Record<Origin, string> = {
  self_initiated: 'Asked for by the coachee',
  volunteered: 'Volunteered',
  assigned: 'Assigned by the program',
};

export const MEMBER_ROLE_LABEL: Record<MemberRole, string> = {
  coach: 'Coach',
  coachee: 'Coachee',
  peer: 'Peer coach',
  self: 'Self-coach',
  mentor: 'Mentor coach',
};

export const ORG_ROLE_LABEL: Record<OrgRole, string> = {
  leader: 'Program leader',
  supervisor: 'Supervisor',
  coach: 'Coach',
  mentor: 'Mentor coach',
  coachee: 'Coachee',
};

export const CHALLENGE_LABEL: Record<Challenge, string> = {
  space: 'Space or room layout',
  behaviour: 'Children’s behaviour',
  staffing: 'Staffing',
  materials: 'Materials',
  time: 'Time',
  family_engagement: 'Working with families',
  other: 'Something else',
};

export const MEMBER_STATE_LABEL = { invited: 'invited, no answer yet', accepted: 'accepted', declined: 'declined' } as const;

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  // A plain date (YYYY-MM-DD) is a calendar day, not an instant: don't shift it by time zone.
  const d = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T12:00:00`) : new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString(undefined, { dateStyle: 'medium' });
}

/** The end of a calendar day in the browser's time zone, as an ISO instant. */
export function endOfDay(date: string): string {
  return new Date(`${date}T23:59:59`).toISOString();
}

export function shortHash(hash: string): string {
  return hash.slice(0, 12);
}
