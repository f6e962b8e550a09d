/**
 * "What we agreed about names" (issue 12, item 5): what a coach and the coachee's administrators
 * signed about confidentiality reaches the teacher it concerns and the administrator, beside the
 * partnership; an agreement not yet signed by everyone, or signed with someone else's
 * administrator, does not; outsiders find nothing (404).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenSignedAgreement } from '../support/admin-agreement';
import { type Client, NOT_FOUND_BODY, type World, createWorld } from '../support/world';

let w: World;
let scene: Awaited<ReturnType<World['given']['expertPartnership']>>;
let c: Record<'coach' | 'coachee' | 'supervisor' | 'otherSupervisor' | 'colleague', Client>;
let signed: string;

beforeAll(async () => {
  w = await createWorld();
  scene = await w.given.expertPartnership();
  const otherSupervisor = await w.given.person(scene.org, ['supervisor'], 'Olivia Other');
  const colleague = await w.given.person(scene.org, ['coachee'], 'Casey Colleague');
  await w.given.supervisorOf(otherSupervisor, colleague);
  c = { coach: await w.as(scene.coach), coachee: await w.as(scene.coachee), supervisor: await w.as(scene.supervisor), otherSupervisor: await w.as(otherSupervisor), colleague: await w.as(colleague) };
  signed = await givenSignedAgreement(w.db, w.clock, { orgId: scene.org, coaches: [scene.coach], administrators: [{ personId: scene.supervisor }], namesMayBeUsed: false });
  // Not in force: the administrator has not signed.
  await givenSignedAgreement(w.db, w.clock, { orgId: scene.org, coaches: [scene.coach], administrators: [{ personId: scene.supervisor }], namesMayBeUsed: true, unsigned: true });
  // In force, but with an administrator who does not supervise this coachee.
  await givenSignedAgreement(w.db, w.clock, { orgId: scene.org, coaches: [scene.coach], administrators: [{ personId: otherSupervisor }], namesMayBeUsed: true });
});
afterAll(async () => {
  await w?.close();
});

describe('what we agreed about names, beside a partnership', () => {
  it('the coachee reads what her coach and her principal signed', async () => {
    const res = await c.coachee.get(`/api/partnerships/${scene.partnership}/agreed-terms`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toHaveLength(1);
    expect(res.json().items[0]).toMatchObject({ meetingId: signed, namesMayBeUsed: false, confidentiality: [{ key: 'naming_teachers', text: 'No names.' }] });
    expect(res.json().items[0].signedBy).toHaveLength(2);
  });

  it('the principal who signed it reads the same beside the partnership, and the coach too', async () => {
    for (const who of [c.supervisor, c.coach]) {
      const res = await who.get(`/api/partnerships/${scene.partnership}/agreed-terms`);
      expect(res.statusCode).toBe(200);
      expect(res.json().items.map((i: { meetingId: string }) => i.meetingId)).toEqual([signed]);
    }
  });

  it('another administrator of the same teacher reads none of the agreements she did not sign', async () => {
    const second = await w.given.person(scene.org, ['supervisor'], 'Ada Assistant');
    await w.given.supervisorOf(second, scene.coachee);
    const res = await (await w.as(second)).get(`/api/partnerships/${scene.partnership}/agreed-terms`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([]);
    // The teacher still reads the one her coach signed with her principal.
    expect((await c.coachee.get(`/api/partnerships/${scene.partnership}/agreed-terms`)).json().items).toHaveLength(1);
  });

  it('another supervisor and a colleague find nothing (404)', async () => {
    for (const who of [c.otherSupervisor, c.colleague]) {
      const res = await who.get(`/api/partnerships/${scene.partnership}/agreed-terms`);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual(NOT_FOUND_BODY);
    }
  });
});

describe('what I agreed, on my own Home', () => {
  it('lists every agreement in force the person signed, and nothing for someone who signed none', async () => {
    const coach = await c.coach.get('/api/me/agreed-terms');
    expect(coach.json().items.map((i: { namesMayBeUsed: boolean }) => i.namesMayBeUsed).sort()).toEqual([false, true]);
    const principal = await c.supervisor.get('/api/me/agreed-terms');
    expect(principal.json().items.map((i: { meetingId: string }) => i.meetingId)).toEqual([signed]);
    expect((await c.colleague.get('/api/me/agreed-terms')).json().items).toEqual([]);
  });
});
