/**
 * Launching a program (issue 12, item 8): the program page, a teacher's one-step answer, the
 * volunteers the leader turns into partnerships of origin "volunteered", and testimonials shown
 * only with consent. Privacy in pairs: what the leader (or chosen coach) may, beside what the
 * teacher's supervisor may not (404 / absent).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, NOT_FOUND_BODY, type World, createWorld } from '../support/world';

let w: World;
let org: string;
let leader: string;
let coach: string;
let otherCoach: string;
let teacher: string;
let supervisor: string;
let quiet: string;
let L: Client;
let C: Client;
let OC: Client;
let T: Client;
let S: Client;
let Q: Client;

beforeAll(async () => {
  w = await createWorld();
  org = await w.given.organization('Riverside Schools');
  leader = await w.given.person(org, ['leader'], 'Lena Leader');
  coach = await w.given.person(org, ['coach'], 'Carmen Coach');
  otherCoach = await w.given.person(org, ['coach'], 'Omar Othercoach');
  teacher = await w.given.person(org, ['coachee'], 'Tess Teacher');
  quiet = await w.given.person(org, ['coachee'], 'Quinn Quiet');
  supervisor = await w.given.person(org, ['supervisor'], 'Sam Supervisor');
  await w.given.supervisorOf(supervisor, teacher);
  await w.given.supervisorOf(supervisor, quiet);
  [L, C, OC, T, S, Q] = await Promise.all([leader, coach, otherCoach, teacher, supervisor, quiet].map((p) => w.as(p)));
});
afterAll(() => w?.close());

describe('the program page', () => {
  it('is there for every signed-in person, with the coaches of the program and what each may do', async () => {
    for (const c of [L, C, T, S]) expect((await c.get('/api/program')).statusCode).toBe(200);
    const page = (await T.get('/api/program')).json();
    expect(page.organization).toBe('Riverside Schools');
    expect(page.coaches.map((c: { name: string }) => c.name)).toEqual(['Carmen Coach', 'Omar Othercoach']);
    expect(page.myEnrolment).toBeNull();
    expect(page.abilities).toEqual({ enrol: true, editWelcome: false, reviewEnrolments: false, writeTestimonial: false, reviewTestimonials: false });
    expect((await S.get('/api/program')).json().abilities.enrol).toBe(false);
    expect((await w.anonymous.get('/api/program')).statusCode).toBe(401);
  });

  it('lets the program leader write the welcome, and nobody else (404)', async () => {
    const res = await L.put('/api/program/welcome', { welcome: 'Coaching here is yours to shape.' });
    expect(res.statusCode).toBe(200);
    expect((await T.get('/api/program')).json().welcome).toBe('Coaching here is yours to shape.');
    expect((await T.put('/api/program/welcome', { welcome: 'Mine now' })).json()).toEqual(NOT_FOUND_BODY);
    expect((await S.put('/api/program/welcome', { welcome: 'Mine now' })).statusCode).toBe(404);
    expect((await L.put('/api/program/welcome', { welcome: 'x'.repeat(2001) })).statusCode).toBe(400);
  });
});

describe('volunteering', () => {
  let enrolmentId: string;

  it('records a teacher volunteering in one step, with a format, a preferred coach and when to start', async () => {
    const res = await T.put('/api/program/enrolment', { choice: 'volunteer', format: 'expert', preferredCoachId: coach, starts: 'this_term' });
    expect(res.statusCode).toBe(200);
    const mine = res.json().myEnrolment;
    expect(mine).toMatchObject({ status: 'volunteered', format: 'expert', preferredCoachId: coach, preferredCoachName: 'Carmen Coach', starts: 'this_term', abilities: { change: true, withdraw: true } });
    enrolmentId = mine.id;
  });

  it('refuses a preferred coach who is not a coach of the program (422)', async () => {
    const res = await T.put('/api/program/enrolment', { choice: 'volunteer', preferredCoachId: supervisor });
    expect(res.statusCode).toBe(422);
    expect(res.json().details[0].path).toBe('preferredCoachId');
    expect((await T.put('/api/program/enrolment', { choice: 'maybe' })).statusCode).toBe(400);
  });

  it('lets the program leader see who volunteered', async () => {
    const items = (await L.get('/api/program/enrolments')).json().items;
    expect(items).toEqual([expect.objectContaining({ id: enrolmentId, personId: teacher, name: 'Tess Teacher', status: 'volunteered', abilities: { partner: true } })]);
  });

  it("hides it from the teacher's supervisor (404), who learns nothing on the program page either", async () => {
    expect((await S.get('/api/program/enrolments')).json()).toEqual(NOT_FOUND_BODY);
    expect((await S.post(`/api/program/enrolments/${enrolmentId}/partnership`, { format: 'expert', coachId: coach })).statusCode).toBe(404);
    expect(JSON.stringify((await S.get('/api/program')).json())).not.toContain(teacher);
  });

  it('lets the coach the teacher chose see the request; another coach does not', async () => {
    expect((await C.get('/api/program/enrolments')).json().items.map((i: { id: string }) => i.id)).toEqual([enrolmentId]);
    expect((await OC.get('/api/program/enrolments')).json().items).toEqual([]);
    expect((await OC.post(`/api/program/enrolments/${enrolmentId}/partnership`, { format: 'expert', coachId: otherCoach })).statusCode).toBe(404);
  });

  it('records "not now" quietly: only the teacher sees it, and they can change their mind', async () => {
    const res = await Q.put('/api/program/enrolment', { choice: 'decline', format: 'peer' });
    expect(res.json().myEnrolment).toMatchObject({ status: 'declined', format: null, abilities: { change: true, withdraw: true } });
    const listed = (await L.get('/api/program/enrolments')).json().items.map((i: { personId: string }) => i.personId);
    expect(listed).not.toContain(quiet);
    expect((await S.get('/api/program/enrolments')).statusCode).toBe(404);
    const changed = await Q.put('/api/program/enrolment', { choice: 'volunteer' });
    expect(changed.json().myEnrolment.status).toBe('volunteered');
    expect((await L.get('/api/program/enrolments')).json().items.map((i: { personId: string }) => i.personId)).toContain(quiet);
  });

  it('lets the teacher withdraw until it becomes a partnership; then the leader no longer sees it', async () => {
    const res = await Q.delete('/api/program/enrolment');
    expect(res.statusCode).toBe(200);
    expect(res.json().myEnrolment).toMatchObject({ status: 'withdrawn', abilities: { withdraw: false, change: true } });
    expect((await L.get('/api/program/enrolments')).json().items.map((i: { personId: string }) => i.personId)).not.toContain(quiet);
    expect((await Q.delete('/api/program/enrolment')).statusCode).toBe(404);
  });

  it('lets the leader turn the request into a partnership in one step, of origin "volunteered"', async () => {
    const res = await L.post(`/api/program/enrolments/${enrolmentId}/partnership`, { format: 'expert', coachId: coach });
    expect(res.statusCode).toBe(201);
    const done = res.json();
    expect(done).toMatchObject({ status: 'partnered', partnershipId: expect.any(String), abilities: { partner: false } });
    const asLeader = (await L.get(`/api/partnerships/${done.partnershipId}`)).json();
    expect(asLeader).toMatchObject({ origin: 'volunteered', status: 'invited' });
    expect(asLeader.members.map((m: { personId: string; role: string }) => [m.personId, m.role])).toEqual(expect.arrayContaining([[coach, 'coach'], [teacher, 'coachee']]));
    expect((await T.get(`/api/partnerships/${done.partnershipId}`)).json().origin).toBe('volunteered');
    // Once only: a second click finds no waiting request.
    expect((await L.post(`/api/program/enrolments/${enrolmentId}/partnership`, { format: 'expert', coachId: coach })).statusCode).toBe(404);
    const mine = (await T.get('/api/program')).json().myEnrolment;
    expect(mine).toMatchObject({ status: 'partnered', partnershipId: done.partnershipId, abilities: { change: false, withdraw: false } });
    expect((await T.delete('/api/program/enrolment')).statusCode).toBe(404);
    expect((await T.put('/api/program/enrolment', { choice: 'decline' })).statusCode).toBe(422);
  });

  it("shows the supervisor that the partnership exists, but not how it began (origin null)", async () => {
    const p = (await L.get('/api/program/enrolments')).json().items.find((i: { personId: string }) => i.personId === teacher).partnershipId;
    const asSupervisor = await S.get(`/api/partnerships/${p}`);
    expect(asSupervisor.statusCode).toBe(200);
    expect(asSupervisor.json().origin).toBeNull();
    const listed = (await S.get('/api/partnerships')).json().items.find((i: { id: string }) => i.id === p);
    expect(listed.origin).toBeNull();
  });

  it('refuses a coach who is not a coach of the program, or peers in a partnership of one (422), writing nothing', async () => {
    const again = (await Q.put('/api/program/enrolment', { choice: 'volunteer' })).json().myEnrolment.id;
    expect((await L.post(`/api/program/enrolments/${again}/partnership`, { format: 'expert', coachId: supervisor })).statusCode).toBe(422);
    expect((await L.post(`/api/program/enrolments/${again}/partnership`, { format: 'expert', coachId: coach, peerIds: [teacher] })).statusCode).toBe(422);
    expect((await L.post(`/api/program/enrolments/${again}/partnership`, { format: 'peer', coachId: coach })).statusCode).toBe(422);
    expect((await Q.get('/api/program')).json().myEnrolment.status).toBe('volunteered');
    const count = await w.db.selectFrom('partnership_members').select('partnership_id').where('person_id', '=', quiet).execute();
    expect(count).toEqual([]);
  });
});

describe('peers who volunteered', () => {
  it('are paired in one peer partnership with a mentor coach, which answers every one of their requests', async () => {
    const one = await w.given.person(org, ['coachee'], 'Pia Peer');
    const two = await w.given.person(org, ['coachee'], 'Paz Peer');
    const P1 = await w.as(one);
    const P2 = await w.as(two);
    const asked = (await P1.put('/api/program/enrolment', { choice: 'volunteer', format: 'peer' })).json().myEnrolment.id;
    await P2.put('/api/program/enrolment', { choice: 'volunteer', format: 'peer' });
    const res = await L.post(`/api/program/enrolments/${asked}/partnership`, { format: 'peer', coachId: coach, peerIds: [two] });
    expect(res.statusCode, res.body).toBe(201);
    const p = (await P2.get(`/api/partnerships/${res.json().partnershipId}`)).json();
    expect(p).toMatchObject({ format: 'peer', origin: 'volunteered' });
    expect(p.members.map((m: { role: string }) => m.role).sort()).toEqual(['mentor', 'peer', 'peer']);
    // Neither waits in the leader's list any more.
    const waiting = (await L.get('/api/program/enrolments')).json().items.filter((v: { personId: string; status: string }) => [one, two].includes(v.personId) && v.status === 'volunteered');
    expect(waiting).toEqual([]);
    expect((await P2.get('/api/program')).json().myEnrolment).toMatchObject({ status: 'partnered', partnershipId: res.json().partnershipId });
  });
});

describe('the chosen coach', () => {
  it('turns a request that chose them into a partnership in which they already accepted; a "not now" never reaches them', async () => {
    const teacherB = await w.given.person(org, ['coachee'], 'Bea Beginner');
    const B = await w.as(teacherB);
    const asked = (await B.put('/api/program/enrolment', { choice: 'volunteer', format: 'self', preferredCoachId: otherCoach })).json().myEnrolment.id;
    const res = await OC.post(`/api/program/enrolments/${asked}/partnership`, { format: 'self', coachId: otherCoach });
    expect(res.statusCode).toBe(201);
    const p = (await OC.get(`/api/partnerships/${res.json().partnershipId}`)).json();
    expect(p).toMatchObject({ format: 'self', origin: 'volunteered' });
    expect(p.members).toEqual(expect.arrayContaining([expect.objectContaining({ personId: otherCoach, role: 'mentor', state: 'accepted' }), expect.objectContaining({ personId: teacherB, role: 'self', state: 'invited' })]));
    // A "not now" carries no coach, so it is in nobody's list.
    const teacherC = await w.given.person(org, ['coachee']);
    await (await w.as(teacherC)).put('/api/program/enrolment', { choice: 'decline', preferredCoachId: otherCoach });
    expect((await OC.get('/api/program/enrolments')).json().items.map((i: { personId: string }) => i.personId)).not.toContain(teacherC);
  });
});

describe('testimonials', () => {
  let author: Client;
  let authorId: string;
  let id: string;

  beforeAll(async () => {
    const { coach: c, coachee } = await w.given.expertPartnership();
    authorId = coachee;
    author = await w.as(coachee);
    void c;
  });

  it('lets someone taking part write one, private until they consent; someone not taking part cannot (404)', async () => {
    const res = await author.post('/api/program/testimonials', { text: 'My coach helped me see my own classroom again.' });
    expect(res.statusCode).toBe(201);
    const mine = res.json().myTestimonials[0];
    expect(mine).toMatchObject({ consent: 'none', state: 'private', abilities: { edit: true, consent: true, withdrawConsent: false, remove: true } });
    id = mine.id;
    expect((await S.post('/api/program/testimonials', { text: 'Hello' })).statusCode).toBe(404);
    expect((await author.post('/api/program/testimonials', { text: '  ' })).statusCode).toBe(400);
  });

  it('keeps a testimonial without consent off the program page and out of the leader\'s list', async () => {
    const orgOf = await w.db.selectFrom('people').select('org_id').where('id', '=', authorId).executeTakeFirstOrThrow();
    const leaderThere = await w.as(await w.given.person(orgOf.org_id, ['leader']));
    expect((await leaderThere.get('/api/program/testimonials')).json().items).toEqual([]);
    expect((await leaderThere.put(`/api/program/testimonials/${id}/approval`, { approved: true })).json()).toEqual(NOT_FOUND_BODY);
    expect((await leaderThere.get('/api/program')).json().testimonials).toEqual([]);
    expect(JSON.stringify((await leaderThere.get('/api/program')).json())).not.toContain('own classroom');
  });

  it('needs the box ticked to consent (422), and then waits for the leader, who approves it for the page', async () => {
    const orgOf = await w.db.selectFrom('people').select('org_id').where('id', '=', authorId).executeTakeFirstOrThrow();
    const leaderThere = await w.as(await w.given.person(orgOf.org_id, ['leader']));
    const colleague = await w.as(await w.given.person(orgOf.org_id, ['coachee']));
    expect((await author.put(`/api/program/testimonials/${id}/consent`, { show: 'named', agree: false })).statusCode).toBe(422);
    const consented = await author.put(`/api/program/testimonials/${id}/consent`, { show: 'anonymous', agree: true });
    expect(consented.json().myTestimonials[0]).toMatchObject({ consent: 'anonymous', state: 'awaiting_approval' });
    expect((await colleague.get('/api/program')).json().testimonials).toEqual([]);
    const review = (await leaderThere.get('/api/program/testimonials')).json().items;
    expect(review).toEqual([expect.objectContaining({ id, consent: 'anonymous', approvedAt: null })]);
    expect((await colleague.put(`/api/program/testimonials/${id}/approval`, { approved: true })).statusCode).toBe(404);
    expect((await leaderThere.put(`/api/program/testimonials/${id}/approval`, { approved: true })).statusCode).toBe(200);
    expect((await colleague.get('/api/program')).json().testimonials).toEqual([{ id, text: 'My coach helped me see my own classroom again.', authorName: null, authorRole: 'teacher' }]);
    expect((await author.get('/api/program')).json().myTestimonials[0].state).toBe('published');
    // Only its author changes it: the leader cannot (404).
    expect((await leaderThere.put(`/api/program/testimonials/${id}`, { text: 'Better words' })).statusCode).toBe(404);
  });

  it('takes it off the page at once when consent is withdrawn, and out of the leader\'s list', async () => {
    const orgOf = await w.db.selectFrom('people').select('org_id').where('id', '=', authorId).executeTakeFirstOrThrow();
    const leaderThere = await w.as(await w.given.person(orgOf.org_id, ['leader']));
    const withdrawn = await author.delete(`/api/program/testimonials/${id}/consent`);
    expect(withdrawn.json().myTestimonials[0]).toMatchObject({ consent: 'none', state: 'private', approvedAt: null });
    expect((await leaderThere.get('/api/program')).json().testimonials).toEqual([]);
    expect((await leaderThere.get('/api/program/testimonials')).json().items).toEqual([]);
    // Consenting again needs a new approval.
    await author.put(`/api/program/testimonials/${id}/consent`, { show: 'named', agree: true });
    expect((await leaderThere.get('/api/program')).json().testimonials).toEqual([]);
    await leaderThere.put(`/api/program/testimonials/${id}/approval`, { approved: true });
    const shown = (await leaderThere.get('/api/program')).json().testimonials;
    expect(shown[0].authorName).toEqual(expect.any(String));
    // Changing the words makes it private again.
    const edited = await author.put(`/api/program/testimonials/${id}`, { text: 'New words.' });
    expect(edited.json().myTestimonials[0]).toMatchObject({ text: 'New words.', state: 'private' });
    expect((await leaderThere.get('/api/program')).json().testimonials).toEqual([]);
    expect((await author.delete(`/api/program/testimonials/${id}`)).json().myTestimonials).toEqual([]);
  });

  it('is not shown in another organization', async () => {
    const other = await w.as(await w.given.person(await w.given.organization(), ['leader']));
    expect((await other.put(`/api/program/testimonials/${id}/approval`, { approved: true })).statusCode).toBe(404);
    expect((await T.get('/api/program')).json().testimonials).toEqual([]);
  });
});
