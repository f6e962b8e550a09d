/**
 * The demo organization is believable: its sessions fall at the times its agreements state, in the
 * organization's time zone, and its due dates are days counted from today in that zone.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { TestClock } from '../../server/src/platform/clock';
import { DEMO_TIME_ZONE, seedDemo } from '../../server/src/seed/demo';
import { type TestDatabase, openTestDatabase } from '../support/db';

let tdb: TestDatabase | undefined;
afterEach(async () => {
  await tdb?.cleanup();
  tdb = undefined;
});

/** Weekday and wall-clock time of an instant in the demo's zone: "Tue 15:30". */
const wallClock = (iso: string) =>
  new Intl.DateTimeFormat('en-US', { timeZone: DEMO_TIME_ZONE, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso)).replace(',', '');

async function seededAt(now: string) {
  tdb = await openTestDatabase();
  const { orgId } = await seedDemo(tdb.db, new TestClock(new Date(now)));
  const org = await tdb.db.selectFrom('organizations').select('time_zone').where('id', '=', orgId).executeTakeFirstOrThrow();
  const meetings = await tdb.db.selectFrom('meetings').select(['kind', 'status', 'starts_at', 'ends_at']).where('org_id', '=', orgId).orderBy('starts_at').execute();
  const steps = await tdb.db.selectFrom('goal_steps').select('due_on').where('org_id', '=', orgId).orderBy('position').execute();
  return { org, meetings, steps: steps.map((s) => s.due_on) };
}

describe('the demo organization', () => {
  it('meets every other Tuesday at 3:30 pm and on Thursdays, in its own zone, with steps due from today', async () => {
    // Tuesday 1 December, 11 pm in Chicago (Wednesday 05:00 UTC).
    const { org, meetings, steps } = await seededAt('2026-12-02T05:00:00Z');
    expect(org.time_zone).toBe('America/Chicago');
    expect(meetings.map((m) => [m.kind, m.status, m.starts_at, wallClock(m.starts_at)])).toEqual([
      ['support_visit', 'held', '2026-11-24T21:30:00.000Z', 'Tue 15:30'],
      ['coaching_meeting', 'scheduled', '2026-12-03T19:00:00.000Z', 'Thu 13:00'],
      ['coaching_meeting', 'scheduled', '2026-12-08T21:30:00.000Z', 'Tue 15:30'],
    ]);
    expect(meetings.map((m) => (Date.parse(m.ends_at) - Date.parse(m.starts_at)) / 60_000)).toEqual([45, 40, 45]);
    // "Today" is still 1 December in Chicago, although it is 2 December in UTC.
    expect(steps).toEqual(['2026-12-03', '2026-12-08', '2026-12-15']);
  });

  it('keeps 3:30 pm across the change to summer time, and never schedules the next session in the past', async () => {
    // Tuesday 10 March 2026 at 4:30 pm in Chicago: today's 3:30 session is over, so the next is a week later.
    const { meetings } = await seededAt('2026-03-10T21:30:00Z');
    const next = meetings.find((m) => m.status === 'scheduled' && m.kind === 'coaching_meeting' && wallClock(m.starts_at).startsWith('Tue'))!;
    expect(next.starts_at).toBe('2026-03-17T20:30:00.000Z'); // CDT, UTC−5
    const held = meetings.find((m) => m.status === 'held')!;
    expect(held.starts_at).toBe('2026-03-03T21:30:00.000Z'); // CST, UTC−6
    expect(wallClock(held.starts_at)).toBe('Tue 15:30');
  });

  it('has a principal, an assistant principal and two coaches with their partnership meeting for the school year, set up and not yet held', async () => {
    // Wednesday 2 December 2026, morning in Chicago: the school year 2026–2027.
    await seededAt('2026-12-02T15:00:00Z');
    const db = tdb!.db;
    const dana = await db.selectFrom('people').select(['id', 'title']).where('email', '=', 'dana@riverside.example').executeTakeFirstOrThrow();
    expect(dana.title).toBe('Assistant principal');
    expect((await db.selectFrom('person_roles').select('role').where('person_id', '=', dana.id).execute()).map((r) => r.role)).toEqual(['supervisor']);
    const meeting = await db.selectFrom('admin_meetings').selectAll().executeTakeFirstOrThrow();
    expect(meeting).toMatchObject({ status: 'draft', school_year: '2026–2027', current_step: 1 });
    expect(wallClock(meeting.scheduled_for!)).toBe('Wed 15:30');
    const seats = await db
      .selectFrom('admin_meeting_participants')
      .innerJoin('people', 'people.id', 'admin_meeting_participants.person_id')
      .select(['people.email', 'admin_meeting_participants.role'])
      .where('meeting_id', '=', meeting.id)
      .orderBy('people.email')
      .execute();
    expect(seats.map((s) => [s.email, s.role])).toEqual([
      ['carmen@riverside.example', 'coach'],
      ['dana@riverside.example', 'assistant_principal'],
      ['jordan@riverside.example', 'coach'],
      ['sam@riverside.example', 'principal'],
    ]);
  });
});
