/**
 * Plain words, dates and times for sessions and visits. The words themselves are in
 * messages.ts; helpers here take the translator (`t`) a component gets from useT(m).
 */
import { MEETING_KINDS, type MeetingKind } from '../../../../shared/src/domain';
import type { Language, Values } from '../../../../shared/src/i18n';
import type { Meeting, PartnershipDetail } from '../../api';
import { formatDay, formatTime } from '../../ui/format';
import type { m } from './messages';

/** The translator of sessions' words: `useT(m)` with m from ./messages. */
export type SessionsT = (key: keyof typeof m.en, values?: Values) => string;

export const meetingsKey = (partnershipId: string) => ['meetings', partnershipId] as const;
/** One session opened (with its agenda, a logged read): apart from the lists, so refreshing a list does not read it again. */
export const meetingKey = (meetingId: string) => ['meeting', meetingId] as const;

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

/** "Thu, 12 Mar 2026" and "9:00 AM" in the reader's own format (in their language). */
export { formatDay, formatTime };

/** "Thu, 12 Mar 2026, 9:00 – 9:45 AM" (in the reader's language). */
export function formatWhen(m: Pick<Meeting, 'startsAt' | 'endsAt'>, language: Language): string {
  return `${formatDay(m.startsAt, language)}, ${formatTime(m.startsAt, language)} – ${formatTime(m.endsAt, language)}`;
}

/** "observation on Thu, 12 Mar 2026" — names a session for buttons and announcements, in the reader's language. */
export function sessionLabel(t: SessionsT, language: Language, m: Pick<Meeting, 'kind' | 'startsAt'>): string {
  return t('sessionName', { kind: m.kind, day: formatDay(m.startsAt, language) });
}

/** "Taylor Nguyen" → "Taylor". */
export function firstName(name: string): string {
  return name.split(' ')[0] || name;
}

/** "present, on time, prepared" — one person's follow-through in words. */
export function followThroughText(t: SessionsT, a: { present: boolean; onTime: boolean; prepared: boolean }): string {
  const yes = (b: boolean) => (b ? 'yes' : 'no');
  return t('followText', { present: yes(a.present), onTime: yes(a.onTime), prepared: yes(a.prepared) });
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
export function checkTimes(t: SessionsT, date: string, start: string, end: string): Partial<Record<'date' | 'start' | 'end', string>> {
  const problems: Partial<Record<'date' | 'start' | 'end', string>> = {};
  if (!date) problems.date = t('chooseDay');
  if (!start) problems.start = t('chooseStart');
  if (!end) problems.end = t('chooseEnd');
  if (Object.keys(problems).length) return problems;
  const s = toInstant(date, start);
  const e = toInstant(date, end);
  if (!s) return { start: t('badStart') };
  if (!e) return { end: t('badEnd') };
  if (new Date(s).getTime() <= Date.now()) problems.start = t('startFuture');
  if (new Date(e) <= new Date(s)) problems.end = t('endAfter');
  else if (new Date(e).getTime() - new Date(s).getTime() > MAX_HOURS * 3600_000) problems.end = t('tooLong', { hours: MAX_HOURS });
  return problems;
}
