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

/** "9:05 AM" or "09:05": a clock time in the reader's own format (in their language when given). */
export function formatTime(iso: string, language?: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return d.toLocaleTimeString(language, { hour: 'numeric', minute: '2-digit' });
}

/** "today", "yesterday" or "on 4 Dec" (with the year when it is not this year): the reader's own calendar day of an instant. */
export function dayPhrase(iso: string, now = new Date()): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const midnight = (x: Date) => new Date(x.getFullYear(), x.getMonth(), x.getDate()).getTime();
  const daysAgo = Math.round((midnight(now) - midnight(d)) / 86_400_000);
  if (daysAgo === 0) return 'today';
  if (daysAgo === 1) return 'yesterday';
  const sameYear = d.getFullYear() === now.getFullYear();
  return `on ${d.toLocaleDateString(undefined, sameYear ? { day: 'numeric', month: 'short' } : { day: 'numeric', month: 'short', year: 'numeric' })}`;
}

/** True when two instants fall on the same calendar day for the reader. */
export function sameLocalDay(a: string, b: string): boolean {
  return new Date(a).toDateString() === new Date(b).toDateString();
}

/** The first words of a text, to name something that has no title (a note, a celebration). */
export function firstWords(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

/** "once", "twice", "5 times". */
export function timesText(count: number): string {
  return count === 1 ? 'once' : count === 2 ? 'twice' : `${count} times`;
}

/** The end of a calendar day in the browser's time zone, as an ISO instant. */
export function endOfDay(date: string): string {
  return new Date(`${date}T23:59:59`).toISOString();
}

export function shortHash(hash: string): string {
  return hash.slice(0, 12);
}
