/**
 * Person-level abilities sent with "me" (privacy/policy.ts): the menu offers
 * "Start a partnership" and "Who saw my content" only to the people they are
 * for, and never offers what the API would refuse.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type World, createWorld } from '../support/world';

let w: World;
let org: string;
let teacher: string;
let coach: string;
let supervisor: string;
let leader: string;

beforeAll(async () => {
  w = await createWorld();
  org = await w.given.organization();
  teacher = await w.given.person(org, ['coachee']);
  coach = await w.given.person(org, ['coach']);
  supervisor = await w.given.person(org, ['supervisor']);
  leader = await w.given.person(org, ['leader']);
  await w.given.supervisorOf(supervisor, teacher);
});
afterAll(() => w?.close());

const abilitiesOf = async (personId: string) => {
  const res = await (await w.as(personId)).get('/api/me');
  expect(res.statusCode).toBe(200);
  return res.json().abilities as { startPartnership: boolean; readAccessLog: boolean; adminMeetings: boolean; setUpAdminMeeting: boolean; workLog: boolean; coachesWorkLogs: boolean };
};

describe('start a partnership', () => {
  it('is offered to a teacher, and the API lets her ask a coach for coaching', async () => {
    expect((await abilitiesOf(teacher)).startPartnership).toBe(true);
    const res = await (await w.as(teacher)).post('/api/partnerships', {
      format: 'expert',
      origin: 'self_initiated',
      members: [{ personId: teacher, role: 'coachee' }, { personId: coach, role: 'coach' }],
    });
    expect(res.statusCode).toBe(201);
  });

  it('is offered to a coach', async () => {
    expect((await abilitiesOf(coach)).startPartnership).toBe(true);
  });

  it('is not offered to a supervisor who takes no part in coaching, and the API refuses one they would coach in', async () => {
    expect((await abilitiesOf(supervisor)).startPartnership).toBe(false);
    const colleague = await w.given.person(org, ['coachee']);
    const res = await (await w.as(supervisor)).post('/api/partnerships', {
      format: 'expert',
      origin: 'volunteered',
      members: [{ personId: supervisor, role: 'coach' }, { personId: colleague, role: 'coachee' }],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toMatch(/coaches, mentor coaches, coachees and program leaders/);
    expect(await w.db.selectFrom('partnerships').select('id').where('created_by', '=', supervisor).execute()).toEqual([]);
  });

  it('is offered to a program leader, who sets partnerships up for others, and the API accepts one', async () => {
    expect((await abilitiesOf(leader)).startPartnership).toBe(true);
    const colleague = await w.given.person(org, ['coachee']);
    const res = await (await w.as(leader)).post('/api/partnerships', {
      format: 'expert',
      origin: 'assigned',
      members: [{ personId: coach, role: 'coach' }, { personId: colleague, role: 'coachee' }],
    });
    expect(res.statusCode).toBe(201);
  });

  it('is offered to a supervisor who also coaches in a partnership (a dual role a program leader set up knowingly)', async () => {
    const principal = await w.given.person(org, ['supervisor']);
    const other = await w.given.person(org, ['coachee']);
    await w.given.partnership(leader, 'expert', [
      { personId: principal, role: 'coach' },
      { personId: other, role: 'coachee' },
    ]);
    expect((await abilitiesOf(principal)).startPartnership).toBe(true);
  });
});

describe('who saw my content', () => {
  it('is offered to a teacher, whose log the API answers', async () => {
    expect((await abilitiesOf(teacher)).readAccessLog).toBe(true);
    expect((await (await w.as(teacher)).get('/api/access-log')).statusCode).toBe(200);
  });

  it('is not offered to a supervisor, a program leader or a coach: no coaching content is about them', async () => {
    expect((await abilitiesOf(supervisor)).readAccessLog).toBe(false);
    expect((await abilitiesOf(leader)).readAccessLog).toBe(false);
    expect((await abilitiesOf(coach)).readAccessLog).toBe(false);
  });

  it('is offered to anyone who is coached in a partnership, whatever their role in the organization', async () => {
    const mentor = await w.given.person(org, ['mentor']);
    const selfCoach = await w.given.person(org, ['coach']);
    await w.given.partnership(selfCoach, 'self', [
      { personId: selfCoach, role: 'self' },
      { personId: mentor, role: 'mentor' },
    ]);
    expect((await abilitiesOf(selfCoach)).readAccessLog).toBe(true);
    expect((await abilitiesOf(mentor)).readAccessLog).toBe(false);
  });
});

describe('the administrator–coach partnership meetings', () => {
  it('are offered to coaches, supervisors and program leaders; a coach or a leader may set one up, and the API lets the coach', async () => {
    expect(await abilitiesOf(coach)).toMatchObject({ adminMeetings: true, setUpAdminMeeting: true });
    expect(await abilitiesOf(leader)).toMatchObject({ adminMeetings: true, setUpAdminMeeting: true });
    const res = await (await w.as(coach)).post('/api/admin-meetings', {
      title: 'Our partnership agreement',
      schoolYear: '2026–2027',
      participants: [{ personId: coach, role: 'coach' }, { personId: supervisor, role: 'principal' }],
    });
    expect(res.statusCode).toBe(201);
  });

  it('a supervisor sees the page but is not offered to set one up, and the API refuses; a teacher is offered neither', async () => {
    expect(await abilitiesOf(supervisor)).toMatchObject({ adminMeetings: true, setUpAdminMeeting: false });
    const res = await (await w.as(supervisor)).post('/api/admin-meetings', {
      title: 'Our partnership agreement',
      schoolYear: '2026–2027',
      participants: [{ personId: coach, role: 'coach' }, { personId: supervisor, role: 'principal' }],
    });
    expect(res.statusCode).toBe(404);
    expect(await abilitiesOf(teacher)).toMatchObject({ adminMeetings: false, setUpAdminMeeting: false });
  });
});

describe('both together', () => {
  it('neither is offered to a person with only the supervisor role; both to a teacher', async () => {
    expect(await abilitiesOf(supervisor)).toMatchObject({ startPartnership: false, readAccessLog: false });
    expect(await abilitiesOf(teacher)).toEqual({ startPartnership: true, readAccessLog: true, adminMeetings: false, setUpAdminMeeting: false, workLog: false, coachesWorkLogs: false });
  });
});
