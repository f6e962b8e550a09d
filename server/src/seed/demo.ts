/**
 * The demo organization, created on first start of an empty database: one
 * program leader, two sites, a principal and an assistant principal (supervisors), two coaches,
 * a mentor coach, six coachees, one partnership of each format with a signed agreement and notes,
 * and the administrator–coach partnership meeting for the school year, set up and not yet held.
 */
import type { Format, MemberRole, OrgRole } from '../../../shared/src/domain';
import { contentHash, saveVersion, sign } from '../agreements/agreements.service';
import { createPartnership } from '../partnerships/partnerships.service';
import type { Actor } from '../platform/actor';
import type { Clock } from '../platform/clock';
import type { DB } from '../platform/db';
import { addDays, dayIn, instantAt } from '../platform/dates';
import { newId } from '../platform/ids';
import { hashPassword } from '../platform/passwords';
import { createOrganization, createPerson } from '../org/org.service';
import { loadContext } from '../privacy/relations';
import { AgreementContent } from '../../../shared/src/api';

export const DEMO_PASSWORD = 'coaching-together';

export interface DemoPerson {
  key: string;
  name: string;
  email: string;
  roles: OrgRole[];
  site?: 'maple' | 'river';
  title?: string;
}

export const DEMO_PEOPLE: DemoPerson[] = [
  { key: 'leader', name: 'Lena Ortiz', email: 'lena@riverside.example', roles: ['leader'], title: 'Coaching program leader' },
  { key: 'supervisor', name: 'Sam Okafor', email: 'sam@riverside.example', roles: ['supervisor'], site: 'maple', title: 'Principal' },
  { key: 'assistant', name: 'Dana Whitfield', email: 'dana@riverside.example', roles: ['supervisor'], site: 'maple', title: 'Assistant principal' },
  { key: 'coach1', name: 'Carmen Diaz', email: 'carmen@riverside.example', roles: ['coach'], site: 'maple', title: 'Instructional coach' },
  { key: 'coach2', name: 'Jordan Lee', email: 'jordan@riverside.example', roles: ['coach'], site: 'river', title: 'Instructional coach' },
  { key: 'mentor', name: 'Morgan Blake', email: 'morgan@riverside.example', roles: ['mentor', 'coach'], title: 'Mentor coach' },
  { key: 'taylor', name: 'Taylor Nguyen', email: 'taylor@riverside.example', roles: ['coachee'], site: 'maple', title: 'Kindergarten teacher' },
  { key: 'priya', name: 'Priya Shah', email: 'priya@riverside.example', roles: ['coachee'], site: 'maple', title: 'First-grade teacher' },
  { key: 'ben', name: 'Ben Carter', email: 'ben@riverside.example', roles: ['coachee'], site: 'maple', title: 'First-grade teacher' },
  { key: 'ana', name: 'Ana Ruiz', email: 'ana@riverside.example', roles: ['coachee'], site: 'river', title: 'Preschool lead teacher' },
  { key: 'eli', name: 'Eli Brooks', email: 'eli@riverside.example', roles: ['coachee'], site: 'river', title: 'Home visitor' },
  { key: 'grace', name: 'Grace Kim', email: 'grace@riverside.example', roles: ['coachee'], site: 'river', title: 'Toddler teacher' },
];

export async function actorFor(db: DB, personId: string): Promise<Actor> {
  const p = await db.selectFrom('people').selectAll().where('id', '=', personId).executeTakeFirstOrThrow();
  const roles = await db.selectFrom('person_roles').select('role').where('person_id', '=', personId).execute();
  return { userId: p.user_id ?? '', personId, orgId: p.org_id, name: p.name, email: p.email, roles: new Set(roles.map((r) => r.role as OrgRole)), csrfToken: '', sessionHash: '', language: p.language === 'es' ? 'es' : 'en' };
}

/** Creates a partnership whose members have all accepted and signed the first agreement. */
export async function createSignedPartnership(
  db: DB,
  clock: Clock,
  creator: string,
  format: Format,
  members: Array<{ personId: string; role: MemberRole }>,
  agreement: (content: AgreementContent) => AgreementContent = (c) => c,
  origin: 'self_initiated' | 'volunteered' | 'assigned' = 'volunteered',
): Promise<string> {
  const creatorActor = await actorFor(db, creator);
  const id = await createPartnership(db, clock, creatorActor, { format, origin, members, acknowledgeDualRole: true });
  await db.updateTable('partnership_members').set({ state: 'accepted', responded_at: clock.now().toISOString() }).where('partnership_id', '=', id).execute();
  await db.updateTable('partnerships').set({ status: 'active' }).where('id', '=', id).execute();
  const ctx = (await loadContext(db, creatorActor, id))!;
  const first = await db.selectFrom('agreement_versions').select('content').where('partnership_id', '=', id).where('version', '=', 1).executeTakeFirstOrThrow();
  const content = agreement(AgreementContent.parse(JSON.parse(first.content)));
  await saveVersion(db, clock, ctx, content, 1);
  for (const m of members) {
    const c = (await loadContext(db, await actorFor(db, m.personId), id))!;
    await sign(db, clock, c, 2, contentHash(content));
  }
  return id;
}

/** The demo organization's zone: its sessions and due dates are set in it. */
export const DEMO_TIME_ZONE = 'America/Chicago';

export async function seedDemo(db: DB, clock: Clock): Promise<{ orgId: string; people: Record<string, string> }> {
  const orgId = await createOrganization(db, clock, 'Riverside Learning Cooperative', { timeZone: DEMO_TIME_ZONE });
  const now = clock.now().toISOString();
  const sites = { maple: newId(), river: newId() };
  await db
    .insertInto('sites')
    .values([
      { id: sites.maple, org_id: orgId, name: 'Maple Street Elementary', kind: 'school', created_at: now },
      { id: sites.river, org_id: orgId, name: 'Riverbend Early Learning Center', kind: 'center', created_at: now },
    ])
    .execute();
  const hash = await hashPassword(DEMO_PASSWORD);
  const people: Record<string, string> = {};
  for (const p of DEMO_PEOPLE) {
    people[p.key] = await createPerson(db, clock, orgId, { ...p, siteId: p.site ? sites[p.site] : null }, hash);
  }
  for (const supervisee of ['taylor', 'priya', 'ben', 'coach1']) {
    await db.insertInto('supervision_links').values({ id: newId(), org_id: orgId, supervisor_id: people.supervisor, supervisee_id: people[supervisee], created_at: now }).execute();
  }
  const practices = await db.selectFrom('practices').select('id').where('org_id', '=', orgId).orderBy('position').execute();
  const withLogistics = (cadence: string, practiceIdx: number[]) => (c: AgreementContent): AgreementContent => ({
    ...c,
    guidelines: {
      ...c.guidelines,
      practiceIds: practiceIdx.map((i) => practices[i].id),
      observation: 'Morning circle and small groups, 30 minutes, every other week.',
      observationMode: 'live',
      sharing: 'Nothing leaves the partnership unless the coachee shares it.',
      supports: 'Co-planning, modelling a lesson on request, materials.',
    },
    meetingCadence: cadence,
    coverageNeeds: 'Thirty minutes of classroom coverage for each debrief.',
    reviewOn: '2027-01-15',
  });
  const expert = await createSignedPartnership(db, clock, people.coach1, 'expert', [
    { personId: people.coach1, role: 'coach' },
    { personId: people.taylor, role: 'coachee' },
  ], withLogistics('Every other Tuesday, 3:30–4:15 pm', [3, 4]), 'self_initiated');
  const peer = await createSignedPartnership(db, clock, people.priya, 'peer', [
    { personId: people.priya, role: 'peer' },
    { personId: people.ben, role: 'peer' },
    { personId: people.mentor, role: 'mentor' },
  ], withLogistics('Weekly, Thursdays during shared planning time', [5]));
  const self = await createSignedPartnership(db, clock, people.ana, 'self', [
    { personId: people.ana, role: 'self' },
    { personId: people.mentor, role: 'mentor' },
  ], withLogistics('Monthly check-in with the mentor coach', [8]));
  const note = async (partnershipId: string, author: string, subject: string, body: string) =>
    db.insertInto('notes').values({ id: newId(), org_id: orgId, partnership_id: partnershipId, subject_id: subject, author_id: author, body, created_at: clock.now().toISOString(), updated_at: clock.now().toISOString() }).execute();
  await db
    .insertInto('partnership_profiles')
    .values({
      partnership_id: expert,
      subject_id: people.taylor,
      org_id: orgId,
      strengths: 'Warm with every child; songs make transitions smooth; families trust Taylor.',
      learning_style: 'Likes to see a strategy modelled once, then try it with a quick debrief the same day.',
      needs: 'More children talking during whole-group time.',
      challenges: JSON.stringify(['space', 'staffing']),
      challenge_notes: 'Small room; the assistant is shared with the class next door in the mornings.',
      updated_at: now,
      updated_by: people.taylor,
    })
    .execute();
  const goalId = newId();
  await db
    .insertInto('goals')
    .values({
      id: goalId,
      org_id: orgId,
      partnership_id: expert,
      subject_id: people.taylor,
      title: 'More children talking during read-aloud',
      child_outcome: 'Children explain their thinking in full sentences.',
      success_looks_like: 'Most of my kids answer at least one "why do you think…" question each read-aloud, and they talk to each other, not just to me.',
      practice_ids: JSON.stringify([practices[4].id, practices[5].id]),
      status: 'active',
      proposed_by: people.taylor,
      decision_note: null,
      decided_at: now,
      version: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  // Due dates are days in the organization's calendar, counted from today.
  const dueIn = (days: number) => addDays(dayIn(clock.now(), DEMO_TIME_ZONE).day, days);
  await db
    .insertInto('goal_steps')
    .values([
      { id: newId(), org_id: orgId, goal_id: goalId, position: 1, description: 'Write three open questions on sticky notes inside the book before reading', responsible: 'coachee', resources: 'Question stems card', due_on: dueIn(2), status: 'in_progress', completed_at: null },
      { id: newId(), org_id: orgId, goal_id: goalId, position: 2, description: 'Model a read-aloud with wait time in Taylor\'s class', responsible: 'coach', resources: '', due_on: dueIn(7), status: 'not_started', completed_at: null },
      { id: newId(), org_id: orgId, goal_id: goalId, position: 3, description: 'Count who answers during one read-aloud and look at the tally together', responsible: 'both', resources: 'Event-count sheet', due_on: dueIn(14), status: 'not_started', completed_at: null },
    ])
    .execute();
  // Sessions at the times the agreements state, in the organization's zone: Carmen and Taylor every
  // other Tuesday at 3:30 pm (the last one two weeks ago, with attendance recorded for both; the next
  // one the coming Tuesday), Priya and Ben on Thursday during shared planning time.
  const day = 86400_000;
  const nowMs = clock.now().getTime();
  const nextWeekday = (weekday: number, time: string, minutes: number) => {
    const today = dayIn(clock.now(), DEMO_TIME_ZONE);
    const first = addDays(today.day, (weekday - today.weekday + 7) % 7);
    const ahead = instantAt(first, time, DEMO_TIME_ZONE).getTime() + minutes * 60_000 > nowMs;
    return ahead ? first : addDays(first, 7);
  };
  const meeting = (partnershipId: string, on: string, time: string, minutes: number, kind: string, location: string, agenda: string, status: string, by: string) => {
    const start = instantAt(on, time, DEMO_TIME_ZONE);
    return {
      id: newId(), org_id: orgId, partnership_id: partnershipId, kind,
      starts_at: start.toISOString(), ends_at: new Date(start.getTime() + minutes * 60_000).toISOString(),
      location, agenda, status, scheduled_by: by, cancelled_by: null, cancel_reason: null, cancelled_at: null,
      late_cancellation: 0, reschedule_count: 0, last_reschedule_reason: null, created_at: now,
    };
  };
  const tuesday = nextWeekday(2, '15:30', 45);
  const past = meeting(expert, addDays(tuesday, -14), '15:30', 45, 'support_visit', 'Room 4 (kindergarten)', 'Help set up the block centre; no observing.', 'held', people.coach1);
  await db
    .insertInto('meetings')
    .values([
      past,
      meeting(expert, tuesday, '15:30', 45, 'coaching_meeting', 'Room 4 (kindergarten)', 'Look at the question tally from read-aloud together.', 'scheduled', people.coach1),
      meeting(peer, nextWeekday(4, '13:00', 40), '13:00', 40, 'coaching_meeting', 'Library, planning table', 'Plan Thursday small-group reading together.', 'scheduled', people.priya),
    ])
    .execute();
  await db
    .insertInto('meeting_attendance')
    .values([people.coach1, people.taylor].map((person) => ({ meeting_id: past.id, person_id: person, org_id: orgId, present: 1, on_time: 1, prepared: 1, note: '', recorded_by: people.taylor, recorded_at: now })))
    .execute();
  // Taylor rated their own practice in September and again this month; Carmen and Taylor named a strength and a priority.
  const ratedAt = (daysAgo: number) => new Date(nowMs - daysAgo * day).toISOString();
  const rating = (practice: number, level: number, comment: string, daysAgo: number) => ({ id: newId(), org_id: orgId, partnership_id: expert, subject_id: people.taylor, practice_id: practices[practice].id, level, comment, rated_at: ratedAt(daysAgo) });
  await db
    .insertInto('self_ratings')
    .values([
      rating(4, 1, 'I ask questions, but mostly ones with one right answer.', 70),
      rating(5, 2, 'Children talk to me, rarely to each other.', 70),
      rating(4, 2, 'I plan two open questions for each book now.', 5),
      rating(5, 3, 'Turn-and-talk works at circle most days.', 5),
    ])
    .execute();
  await db
    .insertInto('strength_entries')
    .values([
      { id: newId(), org_id: orgId, partnership_id: expert, subject_id: people.taylor, type: 'strength', text: 'Songs make every transition calm and quick.', practice_id: null, author_id: people.coach1, created_at: ratedAt(60), retired_at: null },
      { id: newId(), org_id: orgId, partnership_id: expert, subject_id: people.taylor, type: 'priority', text: 'More children talking during whole-group time.', practice_id: practices[5].id, author_id: people.taylor, created_at: ratedAt(60), retired_at: null },
    ])
    .execute();
  // The plan Carmen wrote from their focus conversation, waiting for Taylor's confirmation before the visit is booked.
  await db
    .insertInto('observation_plans')
    .values({
      id: newId(), org_id: orgId, partnership_id: expert, subject_id: people.taylor, meeting_id: null, goal_id: goalId,
      focus: 'Who talks during read-aloud, and after which questions.',
      current_picture: 'The same four children answer; the others listen or wait.',
      success_looks_like: 'Most children say something about the story, some to each other.',
      look_for: 'Each question Taylor asks, open or closed, and which children answer.',
      mode: 'live', when_text: 'Read-aloud, 9:15–9:35',
      data_form: JSON.stringify({ method: 'event_count', fields: ['Open question', 'Closed question', 'A child answers', 'Children talk to each other'], intervalMinutes: null, instructions: 'A tally mark for each event; no names of children.' }),
      status: 'draft', confirmed_at: null, created_by: people.coach1, version: 1, created_at: now, updated_at: now,
    })
    .execute();
  // Priya asked the mentor coach for a resource two days ago.
  await db
    .insertInto('messages')
    .values({ id: newId(), org_id: orgId, partnership_id: peer, subject_id: people.priya, kind: 'resource_request', body: 'Could you send us a short video of turn-and-talk with four-year-olds?', author_id: people.priya, requested_from: people.mentor, fulfilled_at: null, fulfilled_by: null, fulfilment_note: null, created_at: ratedAt(2) })
    .execute();
  await note(expert, people.coach1, people.taylor, 'Getting-to-know-you visit: helped set up the block centre. Taylor wants to try more open-ended questions during read-aloud.');
  await note(expert, people.taylor, people.taylor, 'What I want from coaching this term: more children talking during circle, fewer one-word answers.');
  await note(peer, people.priya, people.priya, 'Ben will observe my small-group reading on Thursday and tally the questions I ask.');
  await note(self, people.ana, people.ana, 'Recorded my transition to outdoor time. Watching it tonight and counting the warnings I give.');
  await seedPartnershipMeeting(db, clock, orgId, sites.maple, people);
  return { orgId, people };
}

/**
 * The administrator–coach partnership meeting for the school year at Maple Street (issue 12): set
 * up by Carmen (so she keeps time) with the principal, the assistant principal and both coaches, a
 * week from today at 3:30 pm, not started yet.
 */
async function seedPartnershipMeeting(db: DB, clock: Clock, orgId: string, siteId: string, people: Record<string, string>) {
  const nowDate = clock.now();
  const now = nowDate.toISOString();
  const { day } = dayIn(nowDate, DEMO_TIME_ZONE);
  const year = Number(day.slice(0, 4));
  const first = Number(day.slice(5, 7)) >= 6 ? year : year - 1;
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('admin_meetings')
      .values({
        id, org_id: orgId, site_id: siteId, title: 'Coaching at Maple Street this year', school_year: `${first}–${first + 1}`,
        scheduled_for: instantAt(addDays(day, 7), '15:30', DEMO_TIME_ZONE).toISOString(),
        status: 'draft', current_step: 1, note_taker_id: null, created_by: people.coach1, version: 1, last_event: 1,
        created_at: now, updated_at: now, started_at: null, ended_at: null,
      })
      .execute();
    const seats: Array<[string, string]> = [[people.supervisor, 'principal'], [people.assistant, 'assistant_principal'], [people.coach1, 'coach'], [people.coach2, 'coach']];
    await trx.insertInto('admin_meeting_participants').values(seats.map(([person_id, role]) => ({ meeting_id: id, person_id, org_id: orgId, role, created_at: now }))).execute();
    await trx.insertInto('admin_meeting_events').values({ meeting_id: id, seq: 1, org_id: orgId, kind: 'created', created_at: now }).execute();
  });
}
