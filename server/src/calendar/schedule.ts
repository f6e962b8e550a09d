/**
 * What is coming up for one person, as logistics only: their sessions, the
 * review dates of their agreements and the due dates of plan steps they carry.
 * The calendar feed and the reminders are both built from this list, and it
 * never carries coaching content — titles are neutral (no agenda, no goal, no
 * step text), so a feed or a reminder e-mail can be seen by anyone safely.
 */
import type { MeetingKind, ReminderKind, Responsible } from '../../../shared/src/domain';
import type { Language } from '../../../shared/src/i18n';
import { format } from '../../../shared/src/i18n-format';
import type { DB } from '../platform/db';
import { carriedBy } from '../goals/goals.service';
import { calendarMessages } from './messages';

export interface ScheduleItem {
  kind: ReminderKind;
  /** Stable per thing and date, so a reschedule is a new item. */
  key: string;
  personId: string;
  orgId: string;
  partnershipId: string;
  /** For a session, its kind (the title names it); null for other items. */
  meetingKind: MeetingKind | null;
  start: Date;
  end: Date | null;
  allDay: boolean;
  location: string;
  cancelled: boolean;
}

/** The item's neutral title in a language, e.g. "Coaching meeting" / "Sesión de coaching". */
export function titleOf(item: Pick<ScheduleItem, 'kind' | 'meetingKind'>, language: Language): string {
  if (item.kind === 'session') return format(language, calendarMessages, 'meeting', { kind: item.meetingKind ?? 'coaching_meeting' });
  return format(language, calendarMessages, item.kind === 'agreement_review' ? 'agreementReview' : 'stepDue');
}

const day = (d: string) => new Date(`${d}T00:00:00Z`);

export interface Window {
  from: Date;
  to: Date;
  /** One person, or everyone (the reminder job). */
  personId?: string;
  includeCancelled?: boolean;
}

/** Everything scheduled for the people in scope within the window, oldest first. */
export async function scheduleFor(db: DB, w: Window): Promise<ScheduleItem[]> {
  const from = w.from.toISOString();
  const to = w.to.toISOString();
  const fromDay = from.slice(0, 10);
  const toDay = to.slice(0, 10);
  let members = db
    .selectFrom('partnership_members as m')
    .innerJoin('partnerships as p', 'p.id', 'm.partnership_id')
    .innerJoin('people as pe', 'pe.id', 'm.person_id')
    .select(['m.person_id', 'm.role', 'm.partnership_id', 'p.org_id', 'p.review_on'])
    .where('m.state', '=', 'accepted')
    .where('p.status', 'in', ['building', 'active', 'paused'])
    .where('pe.active', '=', 1);
  if (w.personId) members = members.where('m.person_id', '=', w.personId);
  const rows = await members.limit(50_000).execute();
  // The check-ins a supervisor scheduled are in their own feed too (they are not a member of the partnership).
  const scheduledByMe = w.personId ? await checkinsScheduledBy(db, w, w.personId) : [];
  if (!rows.length) return scheduledByMe;
  const partnershipIds = [...new Set(rows.map((r) => r.partnership_id))];
  const items: ScheduleItem[] = [];

  for (const chunk of chunks(partnershipIds, 500)) {
    const meetings = await db
      .selectFrom('meetings')
      .select(['id', 'partnership_id', 'kind', 'starts_at', 'ends_at', 'location', 'status'])
      .where('partnership_id', 'in', chunk)
      .where('status', 'in', w.includeCancelled ? ['scheduled', 'cancelled'] : ['scheduled'])
      .where('starts_at', '>=', from)
      .where('starts_at', '<', to)
      .execute();
    // Check-ins the coachee's supervisor scheduled (issue 12): logistics only, titled like a supervisor check-in.
    const checkins = await db
      .selectFrom('supervisor_checkins')
      .select(['id', 'partnership_id', 'starts_at', 'minutes', 'place', 'status'])
      .where('partnership_id', 'in', chunk)
      .where('status', 'in', w.includeCancelled ? ['scheduled', 'cancelled'] : ['scheduled'])
      .where('starts_at', '>=', from)
      .where('starts_at', '<', to)
      .execute();
    const steps = await db
      .selectFrom('goal_steps as s')
      .innerJoin('goals as g', 'g.id', 's.goal_id')
      .select(['s.id', 's.due_on', 's.responsible', 'g.partnership_id', 'g.subject_id'])
      .where('g.partnership_id', 'in', chunk)
      .where('g.status', '=', 'active')
      .where('s.status', 'in', ['not_started', 'in_progress'])
      .where('s.due_on', '>=', fromDay)
      .where('s.due_on', '<=', toDay)
      .execute();
    const inChunk = new Set(chunk);
    for (const m of rows.filter((r) => inChunk.has(r.partnership_id))) {
      const base = { personId: m.person_id, orgId: m.org_id, partnershipId: m.partnership_id };
      for (const mt of meetings.filter((x) => x.partnership_id === m.partnership_id)) {
        items.push({ ...base, kind: 'session', key: `session:${mt.id}:${mt.starts_at}`, meetingKind: mt.kind as MeetingKind, start: new Date(mt.starts_at), end: new Date(mt.ends_at), allDay: false, location: mt.location, cancelled: mt.status === 'cancelled' });
      }
      for (const c of checkins.filter((x) => x.partnership_id === m.partnership_id)) {
        const start = new Date(c.starts_at);
        items.push({ ...base, kind: 'session', key: `checkin:${c.id}:${c.starts_at}`, meetingKind: 'supervisor_checkin', start, end: new Date(start.getTime() + c.minutes * 60_000), allDay: false, location: c.place, cancelled: c.status === 'cancelled' });
      }
      if (m.review_on && m.review_on >= fromDay && m.review_on <= toDay) {
        items.push({ ...base, kind: 'agreement_review', key: `review:${m.partnership_id}:${m.review_on}`, meetingKind: null, start: day(m.review_on), end: null, allDay: true, location: '', cancelled: false });
      }
      for (const st of steps.filter((x) => x.partnership_id === m.partnership_id && carriedBy({ personId: m.person_id, role: m.role }, x.responsible as Responsible, x.subject_id))) {
        items.push({ ...base, kind: 'step_due', key: `step:${st.id}:${st.due_on}`, meetingKind: null, start: day(st.due_on!), end: null, allDay: true, location: '', cancelled: false });
      }
    }
  }
  const keys = new Set(items.map((i) => i.key));
  items.push(...scheduledByMe.filter((i) => !keys.has(i.key)));
  return items.sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** Check-ins a supervisor scheduled, in partnerships still running, as items of their own schedule. */
async function checkinsScheduledBy(db: DB, w: Window, personId: string): Promise<ScheduleItem[]> {
  const rows = await db
    .selectFrom('supervisor_checkins as c')
    .innerJoin('partnerships as p', 'p.id', 'c.partnership_id')
    .select(['c.id', 'c.org_id', 'c.partnership_id', 'c.starts_at', 'c.minutes', 'c.place', 'c.status'])
    .where('c.scheduled_by', '=', personId)
    .where('c.status', 'in', w.includeCancelled ? ['scheduled', 'cancelled'] : ['scheduled'])
    .where('c.starts_at', '>=', w.from.toISOString())
    .where('c.starts_at', '<', w.to.toISOString())
    .where('p.status', 'in', ['building', 'active', 'paused'])
    .limit(1000)
    .execute();
  return rows.map((c) => {
    const start = new Date(c.starts_at);
    return { kind: 'session', key: `checkin:${c.id}:${c.starts_at}`, personId, orgId: c.org_id, partnershipId: c.partnership_id, meetingKind: 'supervisor_checkin', start, end: new Date(start.getTime() + c.minutes * 60_000), allDay: false, location: c.place, cancelled: c.status === 'cancelled' };
  });
}

function chunks<T>(xs: T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}
