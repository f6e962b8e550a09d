/** Plain words, dates and times for sessions and visits. */
import { MEETING_KINDS, type MeetingKind, type MeetingStatus } from '../../../../shared/src/domain';
import type { Meeting, PartnershipDetail } from '../../api';

export const meetingsKey = (partnershipId: string) => ['meetings', partnershipId] as const;
export const nextMeetingKey = (partnershipId: string) => ['meetings', partnershipId, 'next'] as const;
/** One session opened (with its agenda, a logged read): apart from the lists, so refreshing a list does not read it again. */
export const meetingKey = (meetingId: string) => ['meeting', meetingId] as const;

export const KIND_LABEL: Record<MeetingKind, string> = {
  coaching_meeting: 'Coaching meeting',
  observation: 'Observation',
  support_visit: 'Support visit',
  mentor_checkin: 'Mentor check-in',
  supervisor_checkin: 'Supervisor check-in',
};

export const KIND_HINT: Record<MeetingKind, string> = {
  coaching_meeting: 'Time together to talk, reflect and plan.',
  observation: 'The coach watches a planned moment in the room, as agreed.',
  support_visit: 'Helping out in the room — an extra pair of hands, with no observing.',
  mentor_checkin: 'Time with the mentor coach.',
  supervisor_checkin: 'A short logistics check-in with the supervisor.',
};

export const MEETING_STATUS_LABEL: Record<MeetingStatus, string> = {
  scheduled: 'Scheduled',
  held: 'Held',
  cancelled: 'Cancelled',
};

/** Kinds that can be scheduled here: a mentor check-in only when the partnership has a mentor coach. */
export function kindsFor(p: PartnershipDetail): MeetingKind[] {
  const hasMentor = p.members.some((m) => m.role === 'mentor' && m.state === 'accepted');
  return MEETING_KINDS.filter((k) => k !== 'mentor_checkin' || hasMentor);
}

/** The people whose attendance is recorded: accepted members. */
export function participantsOf(p: PartnershipDetail) {
  return p.members.filter((m) => m.state === 'accepted');
}

/** The browser-local calendar day and clock time of an instant, for date and time inputs. */
export function localParts(iso: string): { date: string; time: string } {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`, time: `${pad(d.getHours())}:${pad(d.getMinutes())}` };
}

/** A local day and time as an ISO instant (with offset), or null when either is missing or invalid. */
export function toInstant(date: string, time: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}/.test(time)) return null;
  const d = new Date(`${date}T${time}`);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** "Thu, 12 Mar 2026" in the reader's own format. */
export function formatDay(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
}

export function formatTime(iso: string): string {
  return new Date(iso).toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' });
}

/** "Thu, 12 Mar 2026, 9:00 – 9:45 AM" */
export function formatWhen(m: Pick<Meeting, 'startsAt' | 'endsAt'>): string {
  return `${formatDay(m.startsAt)}, ${formatTime(m.startsAt)} – ${formatTime(m.endsAt)}`;
}

/** "Observation on Thu, 12 Mar 2026" — names a session for buttons and announcements. */
export function sessionName(m: Pick<Meeting, 'kind' | 'startsAt'>): string {
  return `${KIND_LABEL[m.kind].toLowerCase()} on ${formatDay(m.startsAt)}`;
}

/** "Taylor Nguyen" → "Taylor". */
export function firstName(name: string): string {
  return name.split(' ')[0] || name;
}

/** "present, on time, prepared" — one person's follow-through in words. */
export function followThroughText(a: { present: boolean; onTime: boolean; prepared: boolean }): string {
  if (!a.present) return 'not there';
  return ['present', a.onTime ? 'on time' : 'late', a.prepared ? 'prepared' : 'not prepared'].join(', ');
}

/** Still ahead of us: scheduled and not yet started. */
export function isUpcoming(m: Meeting, now = Date.now()): boolean {
  return m.status === 'scheduled' && new Date(m.startsAt).getTime() > now;
}

/** Attendance can be recorded once the session has started (the server says whether this viewer may). */
export function canRecordNow(m: Meeting, now = Date.now()): boolean {
  return m.abilities.recordAttendance && new Date(m.startsAt).getTime() <= now;
}

export const MAX_HOURS = 12;

/** The same checks the server makes, so the answer shows on the field straight away. */
export function checkTimes(date: string, start: string, end: string): Partial<Record<'date' | 'start' | 'end', string>> {
  const problems: Partial<Record<'date' | 'start' | 'end', string>> = {};
  if (!date) problems.date = 'Choose the day.';
  if (!start) problems.start = 'Choose a start time.';
  if (!end) problems.end = 'Choose an end time.';
  if (Object.keys(problems).length) return problems;
  const s = toInstant(date, start);
  const e = toInstant(date, end);
  if (!s) return { start: 'That start time does not look right.' };
  if (!e) return { end: 'That end time does not look right.' };
  if (new Date(s).getTime() <= Date.now()) problems.start = 'Choose a start time in the future.';
  if (new Date(e) <= new Date(s)) problems.end = 'The end must come after the start.';
  else if (new Date(e).getTime() - new Date(s).getTime() > MAX_HOURS * 3600_000) problems.end = `A session can last at most ${MAX_HOURS} hours.`;
  return problems;
}
