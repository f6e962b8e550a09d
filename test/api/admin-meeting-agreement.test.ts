/**
 * The partnership meeting's roles, topics and written agreement (issue 12, items 2–4): each
 * participant's role picks as a tally, the 3–5 settled roles per team or subject, challenges,
 * strengths and confidentiality agreements; key concerns before the meeting and version-checked
 * answers in it (the naming question with its yes/no); the written agreement assembled by the
 * drafter, signed by everyone (a new version starts over), printed as a PDF in the reader's
 * language; and what terms.ts gives the rest of Tandem once it is fully signed. Everything stays
 * the participants' alone: a supervisor or leader who is not in the meeting gets 404.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COACHING_ROLE_KEYS, COACHING_ROLE_TEXT, MEETING_TOPICS, TOPIC_GROUP_KEYS, TOPIC_TEXT } from '../../shared/src/admin-meetings';
import { administratorsAgreedWith, agreementsBetween, coachesAgreedWith } from '../../server/src/admin-meetings/terms';
import { type Client, NOT_FOUND_BODY, type World, createWorld } from '../support/world';

let w: World;
let org: string;
let tmp: string;
const people: Record<'leader' | 'principal' | 'ap' | 'coach' | 'coach2' | 'otherSupervisor' | 'otherLeader', string> = {} as never;
const as: Record<keyof typeof people, Client> = {} as never;
const missingPoppler = !!spawnSync('pdftotext', ['-v']).error;

beforeAll(async () => {
  w = await createWorld();
  org = await w.given.organization();
  people.leader = await w.given.person(org, ['leader'], 'Lena Leader');
  people.principal = await w.given.person(org, ['supervisor'], 'Pat Principal');
  people.ap = await w.given.person(org, ['supervisor'], 'Alex Assistant');
  people.coach = await w.given.person(org, ['coach'], 'Carmen Coach');
  people.coach2 = await w.given.person(org, ['coach'], 'Chris Coach');
  people.otherSupervisor = await w.given.person(org, ['supervisor'], 'Sasha Supervisor');
  people.otherLeader = await w.given.person(org, ['leader'], 'Olive Leader');
  for (const k of Object.keys(people) as Array<keyof typeof people>) as[k] = await w.as(people[k]);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-meeting-agreement-'));
});
afterAll(async () => {
  await w?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** A meeting the coach set up, facilitated by the program leader; returns its id. */
async function newMeeting(): Promise<string> {
  const res = await as.coach.post('/api/admin-meetings', {
    title: 'Maple Street: coaching this year',
    schoolYear: '2026–2027',
    participants: [
      { personId: people.leader, role: 'facilitator' },
      { personId: people.principal, role: 'principal' },
      { personId: people.ap, role: 'assistant_principal' },
      { personId: people.coach, role: 'coach' },
      { personId: people.coach2, role: 'coach' },
    ],
  });
  expect(res.statusCode).toBe(201);
  return res.json().id;
}
const outsiders = ['otherSupervisor', 'otherLeader'] as const;
const everyone = ['leader', 'principal', 'ap', 'coach', 'coach2'] as const;

describe('the roles and topics as data', () => {
  it('has the ten roles with a name and a description in English and Spanish', () => {
    expect(COACHING_ROLE_KEYS).toHaveLength(10);
    for (const lang of ['en', 'es'] as const) for (const r of COACHING_ROLE_KEYS) expect(COACHING_ROLE_TEXT[lang][r].name.length * COACHING_ROLE_TEXT[lang][r].description.length).toBeGreaterThan(0);
  });

  it('has every topic in a group of the protocol, in both languages, with the tracking and naming questions', () => {
    expect(new Set(MEETING_TOPICS.map((t) => t.group))).toEqual(new Set(TOPIC_GROUP_KEYS));
    expect(new Set(MEETING_TOPICS.map((t) => t.key)).size).toBe(MEETING_TOPICS.length);
    for (const t of MEETING_TOPICS) for (const lang of ['en', 'es'] as const) expect(TOPIC_TEXT[lang][t.key]).toBeTruthy();
    expect(MEETING_TOPICS.find((t) => t.key === 'tracking_coaching_work')).toMatchObject({ group: 'feedback_progress' });
    expect(TOPIC_TEXT.en.tracking_coaching_work).toMatch(/How are coaches expected to track or document their work/);
    expect(MEETING_TOPICS.find((t) => t.key === 'naming_teachers')).toMatchObject({ group: 'confidentiality', structured: 'namesMayBeUsed' });
  });
});

describe('roles, challenges, strengths and confidentiality (step 5)', () => {
  let id: string;
  const get = async (who: Client = as.principal) => (await who.get(`/api/admin-meetings/${id}`)).json();
  beforeAll(async () => {
    id = await newMeeting();
  });

  it('shows each participant’s picks to everyone, with a tally, and numbers each change', async () => {
    const before = (await get()).lastEvent;
    const picked = await as.principal.put(`/api/admin-meetings/${id}/role-picks`, { roles: ['data_coach', 'mentor', 'learner', 'mentor'] });
    expect(picked.statusCode).toBe(200);
    expect(picked.json().lastEvent).toBe(before + 1);
    expect((await as.coach2.put(`/api/admin-meetings/${id}/role-picks`, { roles: ['mentor', 'classroom_supporter'] })).json().lastEvent).toBe(before + 2);
    // Each change is a numbered event a live screen replays (Last-Event-ID), named by what changed and nothing more.
    const events = await w.db.selectFrom('admin_meeting_events').select(['seq', 'kind']).where('meeting_id', '=', id).where('seq', '>', before).orderBy('seq').execute();
    expect(events.map((e) => `${e.seq}:${e.kind}`)).toEqual([`${before + 1}:role_picks`, `${before + 2}:role_picks`]);
    const m = await get(as.ap);
    // In the participants' order, each person's roles in the roles' order.
    expect(m.roles.picks).toHaveLength(2);
    expect(m.roles.picks).toEqual(
      expect.arrayContaining([
        { personId: people.principal, roles: ['data_coach', 'mentor', 'learner'] },
        { personId: people.coach2, roles: ['classroom_supporter', 'mentor'] },
      ]),
    );
    expect(m.roles.tally).toHaveLength(10);
    expect(m.roles.tally.find((t: { role: string }) => t.role === 'mentor')).toEqual({ role: 'mentor', count: 2, personIds: [people.principal, people.coach2] });
    expect(m.abilities).toMatchObject({ contribute: true, settleRoles: false, answerTopics: false, planAgreement: false });
  });

  it('hides the picks from a supervisor and a leader who are not in the meeting (404)', async () => {
    for (const who of outsiders) {
      const res = await as[who].put(`/api/admin-meetings/${id}/role-picks`, { roles: ['mentor'] });
      expect(res.statusCode, who).toBe(404);
      expect(res.json()).toEqual(NOT_FOUND_BODY);
    }
  });

  it('records the 3–5 roles the group settled on, per team or subject too, by whoever runs the meeting', async () => {
    const two = await as.leader.post(`/api/admin-meetings/${id}/role-sets`, { roles: ['mentor', 'data_coach'] });
    expect(two.statusCode).toBe(422);
    expect(two.json().message).toMatch(/3 to 5 roles.*has 2/);
    expect((await as.leader.post(`/api/admin-meetings/${id}/role-sets`, { roles: COACHING_ROLE_KEYS.slice(0, 6) })).statusCode).toBe(422);
    expect((await as.leader.post(`/api/admin-meetings/${id}/role-sets`, { roles: ['mentor', 'mentor', 'learner'] })).statusCode).toBe(422);
    expect((await as.leader.post(`/api/admin-meetings/${id}/role-sets`, { roles: ['mentor', 'nobody', 'learner'] })).statusCode).toBe(400);
    const whole = await as.leader.post(`/api/admin-meetings/${id}/role-sets`, { roles: ['data_coach', 'mentor', 'learning_facilitator'] });
    expect(whole.statusCode).toBe(201);
    const math = await as.coach.post(`/api/admin-meetings/${id}/role-sets`, { scope: 'Math', roles: ['curriculum_specialist', 'data_coach', 'classroom_supporter', 'catalyst_for_change'] });
    expect(math.statusCode).toBe(201);
    expect(math.json().roles.sets.map((s: { scope: string; roles: string[] }) => `${s.scope}:${s.roles.length}`)).toEqual([':3', 'Math:4']);
    const again = await as.leader.post(`/api/admin-meetings/${id}/role-sets`, { scope: 'Math', roles: ['mentor', 'learner', 'data_coach'] });
    expect(again.statusCode).toBe(422);
    expect(again.json().message).toMatch(/already a settled set for “Math”/);
  });

  it('says what is wrong in the reader’s language', async () => {
    await w.db.updateTable('people').set({ language: 'es' }).where('id', '=', people.leader).execute();
    const es = await w.as(people.leader);
    const two = await es.post(`/api/admin-meetings/${id}/role-sets`, { roles: ['mentor', 'data_coach'] });
    expect(two.json().message).toBe('Elegid de 3 a 5 roles para un conjunto; este tiene 2.');
    const taken = await es.post(`/api/admin-meetings/${id}/role-sets`, { roles: ['mentor', 'learner', 'data_coach'] });
    expect(taken.json().message).toMatch(/Ya hay un conjunto acordado para todo el grupo/);
    await w.db.updateTable('people').set({ language: null }).where('id', '=', people.leader).execute();
  });

  it('lets only whoever runs it settle roles (404 for other participants and outsiders) and checks the version', async () => {
    expect((await as.principal.post(`/api/admin-meetings/${id}/role-sets`, { scope: 'Grade 1 team', roles: ['mentor', 'learner', 'data_coach'] })).statusCode).toBe(404);
    expect((await as.otherLeader.post(`/api/admin-meetings/${id}/role-sets`, { scope: 'Grade 1 team', roles: ['mentor', 'learner', 'data_coach'] })).statusCode).toBe(404);
    const set = (await get()).roles.sets.find((s: { scope: string }) => s.scope === 'Math');
    expect((await as.principal.patch(`/api/admin-meeting-role-sets/${set.id}`, { roles: ['mentor', 'learner', 'data_coach'], baseVersion: set.version })).statusCode).toBe(404);
    const changed = await as.leader.patch(`/api/admin-meeting-role-sets/${set.id}`, { scope: 'Math team', baseVersion: set.version });
    expect(changed.statusCode).toBe(200);
    const stale = await as.coach.patch(`/api/admin-meeting-role-sets/${set.id}`, { roles: ['mentor', 'learner', 'data_coach'], baseVersion: set.version });
    expect(stale.statusCode).toBe(409);
    expect((await as.leader.patch(`/api/admin-meeting-role-sets/${set.id}`, { roles: ['mentor'], baseVersion: set.version + 1 })).statusCode).toBe(422);
    const removed = await as.leader.delete(`/api/admin-meeting-role-sets/${set.id}`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json().roles.sets).toHaveLength(1);
  });

  it('lets any participant add challenges, strengths and confidentiality agreements; their author or the runner changes them', async () => {
    const added = await as.ap.post(`/api/admin-meetings/${id}/items`, { kind: 'challenge', text: 'Three new teachers in grade 2' });
    expect(added.statusCode).toBe(201);
    const item = added.json().items[0];
    expect(item).toMatchObject({ kind: 'challenge', authorId: people.ap, authorName: 'Alex Assistant', version: 1, abilities: { edit: true } });
    expect((await get(as.coach2)).items[0].abilities.edit).toBe(false);
    expect((await get(as.leader)).items[0].abilities.edit).toBe(true);
    expect((await as.coach2.patch(`/api/admin-meeting-items/${item.id}`, { text: 'Mine now', baseVersion: 1 })).statusCode).toBe(404);
    expect((await as.otherSupervisor.patch(`/api/admin-meeting-items/${item.id}`, { text: 'Mine now', baseVersion: 1 })).statusCode).toBe(404);
    expect((await as.otherSupervisor.post(`/api/admin-meetings/${id}/items`, { kind: 'strength', text: 'x' })).statusCode).toBe(404);
    expect((await as.ap.patch(`/api/admin-meeting-items/${item.id}`, { text: 'Four new teachers in grade 2', baseVersion: 1 })).json().items[0]).toMatchObject({ text: 'Four new teachers in grade 2', version: 2 });
    expect((await as.ap.patch(`/api/admin-meeting-items/${item.id}`, { text: 'Five', baseVersion: 1 })).statusCode).toBe(409);
    expect((await as.ap.post(`/api/admin-meetings/${id}/items`, { kind: 'strength', text: '' })).statusCode).toBe(400);
    expect((await as.ap.post(`/api/admin-meetings/${id}/items`, { kind: 'worry', text: 'x' })).statusCode).toBe(400);
    const spare = (await as.coach2.post(`/api/admin-meetings/${id}/items`, { kind: 'strength', text: 'Spare' })).json().items.find((i: { text: string }) => i.text === 'Spare');
    expect((await as.coach.delete(`/api/admin-meeting-items/${spare.id}`)).json().items.map((i: { text: string }) => i.text)).toEqual(['Four new teachers in grade 2']);
  });
});

describe('topics (step 6)', () => {
  let id: string;
  const get = async (who: Client = as.principal) => (await who.get(`/api/admin-meetings/${id}`)).json();
  const topic = (m: { topics: Array<{ key: string }> }, key: string) => m.topics.find((t) => t.key === key) as never as { concernedBy: string[]; answer: null | Record<string, unknown> };
  beforeAll(async () => {
    id = await newMeeting();
  });

  it('lets each participant mark key concerns before the meeting; everyone sees how many and who', async () => {
    expect((await as.principal.put(`/api/admin-meetings/${id}/topics/classroom_access/concern`, { concerned: true })).statusCode).toBe(200);
    expect((await as.coach2.put(`/api/admin-meetings/${id}/topics/classroom_access/concern`, { concerned: true })).statusCode).toBe(200);
    const m = await get(as.ap);
    expect(m.status).toBe('draft');
    expect(m.topics).toHaveLength(MEETING_TOPICS.length);
    expect(topic(m, 'classroom_access').concernedBy).toEqual([people.principal, people.coach2]);
    const again = await as.coach2.put(`/api/admin-meetings/${id}/topics/classroom_access/concern`, { concerned: true });
    expect(again.json().lastEvent).toBe(m.lastEvent);
    expect(topic((await as.coach2.put(`/api/admin-meetings/${id}/topics/classroom_access/concern`, { concerned: false })).json(), 'classroom_access').concernedBy).toEqual([people.principal]);
  });

  it('refuses an unknown topic (400) and hides concerns from outsiders (404)', async () => {
    const unknown = await as.principal.put(`/api/admin-meetings/${id}/topics/lunch_menu/concern`, { concerned: true });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('VALIDATION_FAILED');
    for (const who of outsiders) expect((await as[who].put(`/api/admin-meetings/${id}/topics/classroom_access/concern`, { concerned: true })).statusCode, who).toBe(404);
  });

  it('records answers in the meeting only, by the note-taker or whoever runs it, version-checked', async () => {
    const early = await as.leader.put(`/api/admin-meetings/${id}/topics/tracking_coaching_work/answer`, { status: 'agreed', text: 'A weekly log', baseVersion: 0 });
    expect(early.statusCode).toBe(409);
    let version = (await get()).version;
    version = (await as.leader.post(`/api/admin-meetings/${id}/starting`, { baseVersion: version })).json().version;
    expect((await as.leader.put(`/api/admin-meetings/${id}/note-taker`, { personId: people.principal, baseVersion: version })).statusCode).toBe(200);
    expect((await get(as.principal)).abilities.answerTopics).toBe(true);
    expect((await get(as.coach2)).abilities.answerTopics).toBe(false);

    expect((await as.coach2.put(`/api/admin-meetings/${id}/topics/tracking_coaching_work/answer`, { status: 'agreed', text: 'x', baseVersion: 0 })).statusCode).toBe(404);
    expect((await as.otherLeader.put(`/api/admin-meetings/${id}/topics/tracking_coaching_work/answer`, { status: 'agreed', text: 'x', baseVersion: 0 })).statusCode).toBe(404);
    const noText = await as.principal.put(`/api/admin-meetings/${id}/topics/tracking_coaching_work/answer`, { status: 'agreed', text: '  ', baseVersion: 0 });
    expect(noText.statusCode).toBe(422);
    expect(noText.json().message).toMatch(/Write down what was agreed/);

    const before = (await get()).lastEvent;
    const answered = await as.principal.put(`/api/admin-meetings/${id}/topics/tracking_coaching_work/answer`, { status: 'agreed', text: 'Coaches keep a weekly log of time by activity', baseVersion: 0 });
    expect(answered.statusCode).toBe(200);
    expect(answered.json().lastEvent).toBe(before + 1);
    expect(topic(answered.json(), 'tracking_coaching_work').answer).toMatchObject({ status: 'agreed', text: 'Coaches keep a weekly log of time by activity', namesMayBeUsed: null, answeredBy: people.principal, version: 1 });
    const stale = await as.leader.put(`/api/admin-meetings/${id}/topics/tracking_coaching_work/answer`, { status: 'not_relevant', baseVersion: 0 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toMatch(/newer answer/);
    expect((await as.leader.put(`/api/admin-meetings/${id}/topics/tracking_coaching_work/answer`, { status: 'agreed', text: 'A weekly log, totals only', baseVersion: 1 })).statusCode).toBe(200);
    expect(topic(await get(as.coach2), 'tracking_coaching_work').answer).toMatchObject({ text: 'A weekly log, totals only', version: 2, answeredBy: people.leader });
  });

  it('takes a yes or no on naming teachers with that question only', async () => {
    const missing = await as.principal.put(`/api/admin-meetings/${id}/topics/naming_teachers/answer`, { status: 'agreed', text: 'Teams only', baseVersion: 0 });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().details[0].path).toBe('namesMayBeUsed');
    expect((await as.principal.put(`/api/admin-meetings/${id}/topics/classroom_access/answer`, { status: 'agreed', text: 'Open doors', namesMayBeUsed: true, baseVersion: 0 })).statusCode).toBe(422);
    const named = await as.principal.put(`/api/admin-meetings/${id}/topics/naming_teachers/answer`, { status: 'agreed', text: 'Teams only, never names', namesMayBeUsed: false, baseVersion: 0 });
    expect(topic(named.json(), 'naming_teachers').answer).toMatchObject({ namesMayBeUsed: false });
    const irrelevant = await as.principal.put(`/api/admin-meetings/${id}/topics/campus_schedule/answer`, { status: 'not_relevant', baseVersion: 0 });
    expect(topic(irrelevant.json(), 'campus_schedule').answer).toMatchObject({ status: 'not_relevant', text: '' });
  });

  it('stops taking answers and concerns once the meeting has ended', async () => {
    const m = await get();
    expect((await as.leader.post(`/api/admin-meetings/${id}/ending`, { baseVersion: m.version })).statusCode).toBe(200);
    expect((await as.principal.put(`/api/admin-meetings/${id}/topics/campus_schedule/answer`, { status: 'agreed', text: 'x', baseVersion: 1 })).statusCode).toBe(409);
    expect((await as.principal.put(`/api/admin-meetings/${id}/topics/campus_schedule/concern`, { concerned: true })).statusCode).toBe(409);
    expect((await get()).abilities).toMatchObject({ contribute: false, answerTopics: false });
  });
});

describe('the written agreement (step 7)', () => {
  let id: string;
  const url = () => `/api/admin-meetings/${id}`;
  const get = async (who: Client = as.principal) => (await who.get(url())).json();
  const sign = (who: Client, latest: { version: number; contentHash: string }) => who.post(`${url()}/agreement-signatures`, { version: latest.version, contentHash: latest.contentHash });

  beforeAll(async () => {
    id = await newMeeting();
    let v = (await get()).version;
    v = (await as.leader.post(`${url()}/starting`, { baseVersion: v })).json().version;
    await as.leader.put(`${url()}/note-taker`, { personId: people.principal, baseVersion: v });
    await as.leader.post(`${url()}/role-sets`, { roles: ['data_coach', 'mentor', 'learning_facilitator'] });
    await as.leader.post(`${url()}/role-sets`, { scope: 'Grade 1 team', roles: ['classroom_supporter', 'mentor', 'learner'] });
    await as.ap.post(`${url()}/items`, { kind: 'challenge', text: 'New reading curriculum in every grade' });
    await as.coach.post(`${url()}/items`, { kind: 'strength', text: 'Teams already plan together on Tuesdays' });
    await as.coach2.post(`${url()}/items`, { kind: 'confidentiality', text: 'What a teacher says to a coach stays between them' });
    const norm = (await as.coach.post(`${url()}/norms`, { text: 'Start and end on time — ¡siempre!' })).json().norms[0];
    await as.principal.patch(`/api/admin-meeting-norms/${norm.id}`, { agreed: true, baseVersion: norm.version });
    await as.coach.post(`${url()}/norms`, { text: 'A norm nobody agreed to' });
    await as.principal.put(`${url()}/topics/tracking_coaching_work/answer`, { status: 'agreed', text: 'A weekly log of time by activity; totals go to administrators', baseVersion: 0 });
    await as.principal.put(`${url()}/topics/naming_teachers/answer`, { status: 'agreed', text: 'Names only with the teacher’s knowledge', namesMayBeUsed: true, baseVersion: 0 });
    await as.principal.put(`${url()}/topics/campus_schedule/answer`, { status: 'not_relevant', baseVersion: 0 });
  });

  it('lets whoever runs the meeting name the drafter (a participant) and the date', async () => {
    expect((await as.principal.put(`${url()}/agreement-plan`, { drafterId: people.coach, dueOn: '2026-12-15', baseVersion: 0 })).statusCode).toBe(404);
    expect((await as.otherSupervisor.put(`${url()}/agreement-plan`, { drafterId: people.coach, dueOn: '2026-12-15', baseVersion: 0 })).statusCode).toBe(404);
    expect((await as.leader.put(`${url()}/agreement-plan`, { drafterId: people.otherSupervisor, dueOn: '2026-12-15', baseVersion: 0 })).statusCode).toBe(422);
    expect((await as.leader.put(`${url()}/agreement-plan`, { drafterId: people.coach, dueOn: 'next week', baseVersion: 0 })).statusCode).toBe(400);
    const planned = await as.leader.put(`${url()}/agreement-plan`, { drafterId: people.coach, dueOn: '2026-12-15', baseVersion: 0 });
    expect(planned.statusCode).toBe(200);
    expect(planned.json().agreement).toMatchObject({ drafterId: people.coach, drafterName: 'Carmen Coach', dueOn: '2026-12-15', planVersion: 1, currentVersion: 0, signed: false, latest: null });
    expect((await as.leader.put(`${url()}/agreement-plan`, { drafterId: people.coach2, dueOn: '2026-12-16', baseVersion: 0 })).statusCode).toBe(409);
    expect((await get(as.coach)).abilities).toMatchObject({ draftAgreement: true, signAgreement: false, exportAgreement: false });
    expect((await get(as.coach2)).abilities.draftAgreement).toBe(false);
  });

  it('lets only the drafter write a version, assembled from the meeting and frozen with its hash', async () => {
    expect((await as.coach2.post(`${url()}/agreement-versions`, { baseVersion: 0 })).statusCode).toBe(404);
    expect((await as.otherLeader.post(`${url()}/agreement-versions`, { baseVersion: 0 })).statusCode).toBe(404);
    const before = (await get()).lastEvent;
    const res = await as.coach.post(`${url()}/agreement-versions`, { introduction: 'Our agreement for 2026–2027.', baseVersion: 0 });
    expect(res.statusCode).toBe(201);
    const m = res.json();
    expect(m.lastEvent).toBe(before + 1);
    const latest = m.agreement.latest;
    expect(latest).toMatchObject({ version: 1, createdBy: people.coach, createdByName: 'Carmen Coach', signatures: [] });
    expect(latest.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(latest.waitingFor).toHaveLength(5);
    expect(latest.content).toMatchObject({
      introduction: 'Our agreement for 2026–2027.',
      roleSets: [
        { scope: '', roles: ['data_coach', 'mentor', 'learning_facilitator'] },
        { scope: 'Grade 1 team', roles: ['classroom_supporter', 'mentor', 'learner'] },
      ],
      challenges: [{ text: 'New reading curriculum in every grade' }],
      strengths: [{ text: 'Teams already plan together on Tuesdays' }],
      confidentiality: [{ text: 'What a teacher says to a coach stays between them' }],
      norms: [{ text: 'Start and end on time — ¡siempre!' }],
    });
    expect(latest.content.topics).toEqual([
      { key: 'tracking_coaching_work', status: 'agreed', text: 'A weekly log of time by activity; totals go to administrators', namesMayBeUsed: null },
      { key: 'naming_teachers', status: 'agreed', text: 'Names only with the teacher’s knowledge', namesMayBeUsed: true },
      { key: 'campus_schedule', status: 'not_relevant', text: '', namesMayBeUsed: null },
    ]);
    expect(m.agreement.versions).toEqual([{ version: 1, createdAt: latest.createdAt }]);
    const stale = await as.coach.post(`${url()}/agreement-versions`, { baseVersion: 0 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toMatch(/newer version of the agreement \(version 1\)/);
  });

  it('takes each participant’s signature on the latest version only; a newer version starts over', async () => {
    const v1 = (await get()).agreement.latest;
    expect((await as.otherSupervisor.post(`${url()}/agreement-signatures`, { version: 1, contentHash: v1.contentHash })).statusCode).toBe(404);
    expect((await as.principal.post(`${url()}/agreement-signatures`, { version: 1, contentHash: 'f'.repeat(64) })).statusCode).toBe(409);
    const signed = await sign(as.principal, v1);
    expect(signed.statusCode).toBe(200);
    expect(signed.json().agreement.latest.signatures).toEqual([{ personId: people.principal, name: 'Pat Principal', signedAt: expect.any(String), contentHash: v1.contentHash, version: 1 }]);
    expect(signed.json().abilities.signAgreement).toBe(false);
    const twice = await sign(as.principal, v1);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('AGREEMENT_ALREADY_SIGNED');

    // The group asks for a change: the answer is revised, the drafter writes version 2.
    await as.principal.put(`${url()}/topics/naming_teachers/answer`, { status: 'agreed', text: 'Names only with the teacher’s knowledge and consent', namesMayBeUsed: true, baseVersion: 1 });
    const v2 = (await as.coach.post(`${url()}/agreement-versions`, { baseVersion: 1 })).json().agreement;
    expect(v2.currentVersion).toBe(2);
    expect(v2.latest.signatures).toEqual([]);
    expect(v2.latest.contentHash).not.toBe(v1.contentHash);
    expect(v2.latest.content.introduction).toBeNull();
    const old = await sign(as.ap, v1);
    expect(old.statusCode).toBe(409);
    expect(old.json().message).toMatch(/no longer the latest version/);
    const earlier = await as.ap.get(`${url()}/agreement-versions/1`);
    expect(earlier.statusCode).toBe(200);
    expect(earlier.json().signatures.map((s: { personId: string }) => s.personId)).toEqual([people.principal]);
    expect((await as.otherLeader.get(`${url()}/agreement-versions/1`)).statusCode).toBe(404);
  });

  it('is signed once every participant signed the latest version, also after the meeting ended', async () => {
    const m0 = await get();
    expect((await as.leader.post(`${url()}/ending`, { baseVersion: m0.version })).statusCode).toBe(200);
    const latest = m0.agreement.latest;
    for (const who of ['principal', 'ap', 'coach', 'leader'] as const) {
      const res = await sign(as[who], latest);
      expect(res.statusCode, who).toBe(200);
      expect(res.json().agreement.signed).toBe(false);
    }
    expect(await agreementsBetween(w.db, org, people.principal, people.coach)).toEqual([]);
    const last = await sign(as.coach2, latest);
    expect(last.json().agreement).toMatchObject({ signed: true, signedAt: expect.any(String) });
    expect(last.json().agreement.latest.waitingFor).toEqual([]);
  });

  it('gives the rest of Tandem the signed terms (terms.ts)', async () => {
    const terms = await agreementsBetween(w.db, org, people.coach, people.principal);
    expect(terms).toHaveLength(1);
    expect(terms[0]).toMatchObject({ meetingId: id, schoolYear: '2026–2027', namesMayBeUsed: true });
    expect(terms[0].confidentiality.map((c) => c.text)).toEqual(['What a teacher says to a coach stays between them', 'Names only with the teacher’s knowledge and consent']);
    expect(await agreementsBetween(w.db, org, people.coach, people.otherSupervisor)).toEqual([]);
    const admins = await administratorsAgreedWith(w.db, org, people.coach);
    expect(admins.map((a) => `${a.name}:${a.namesMayBeUsed}`).sort()).toEqual(['Alex Assistant:true', 'Pat Principal:true']);
    const coaches = await coachesAgreedWith(w.db, org, people.principal);
    expect(coaches.map((c) => c.name).sort()).toEqual(['Carmen Coach', 'Chris Coach']);
    expect(await coachesAgreedWith(w.db, org, people.coach)).toEqual([]);
  });

  it('prints the latest version as a PDF in the reader’s language, for participants only', async ({ skip }) => {
    if (missingPoppler) {
      if (process.env.CI) throw new Error('pdftotext not found: install poppler-utils');
      skip('pdftotext not found');
    }
    expect((await as.otherLeader.get(`${url()}/agreement.pdf`)).statusCode).toBe(404);
    const res = await as.ap.get(`${url()}/agreement.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const file = path.join(tmp, 'en.pdf');
    fs.writeFileSync(file, res.rawPayload);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Administrator–coach partnership agreement');
    expect(text).toContain('Pat Principal (principal)');
    expect(text).toContain('For the whole group');
    expect(text).toContain('For Grade 1 team');
    expect(text).toContain(`Data coach: ${COACHING_ROLE_TEXT.en.data_coach.description}`);
    expect(text).toContain('New reading curriculum in every grade');
    expect(text).toContain('Teams already plan together on Tuesdays');
    expect(text).toContain(TOPIC_TEXT.en.tracking_coaching_work);
    expect(text).toContain('Coaches may name teachers when they report to administrators: yes.');
    expect(text).toContain('Not a question for us.');
    expect(text).toContain('Start and end on time — ¡siempre!');
    expect(text).not.toContain('A norm nobody agreed to');
    expect(text).toContain('Signed by every participant.');

    await w.db.updateTable('people').set({ language: 'es' }).where('id', '=', people.coach2).execute();
    const es = await w.as(people.coach2);
    const res2 = await es.get(`${url()}/agreement.pdf`);
    expect(res2.statusCode).toBe(200);
    const file2 = path.join(tmp, 'es.pdf');
    fs.writeFileSync(file2, res2.rawPayload);
    const texto = execFileSync('pdftotext', ['-enc', 'UTF-8', file2, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(texto).toContain('Acuerdo de colaboración entre equipo directivo y coaches');
    expect(texto).toContain('Para todo el grupo');
    expect(texto).toContain(`Coach de datos: ${COACHING_ROLE_TEXT.es.data_coach.description}`);
    expect(texto).toContain(TOPIC_TEXT.es.campus_schedule);
    expect(texto).toContain('No es una cuestión para nosotros.');
    expect(texto).toContain('Firmado por todas las personas participantes.');
    await w.db.updateTable('people').set({ language: null }).where('id', '=', people.coach2).execute();
  });
});
