/**
 * Shared items and the access log are labelled in the reader's language: a Spanish-speaking
 * supervisor reads a shared profile and celebration with Spanish headings around the
 * coachee's own words, and a Spanish-speaking coachee's access log names items in Spanish.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type World, createWorld } from '../support/world';

let w: World;
let coachee: string;
let supervisor: string;
let partnership: string;
let c: Client;
let t: Client;
let s: Client;

beforeAll(async () => {
  w = await createWorld();
  let coach: string;
  ({ coach, coachee, supervisor, partnership } = await w.given.expertPartnership());
  [c, t, s] = await Promise.all([w.as(coach), w.as(coachee), w.as(supervisor)]);
  for (const who of [t, s]) expect((await who.put('/api/me/language', { language: 'es' })).statusCode).toBe(200);
});
afterAll(() => w?.close());

describe('shared items and the access log in the reader’s language', () => {
  it('the supervisor reads a shared profile and celebration with Spanish labels around the coachee’s words', async () => {
    await t.put(`/api/partnerships/${partnership}/profile`, { strengths: 'Voces para los cuentos', challenges: ['time', 'staffing'] });
    const celebration = (await t.post(`/api/partnerships/${partnership}/celebrations`, { kind: 'risk_taken', text: 'Dejé que los niños dirigieran la asamblea.', happenedOn: '2026-08-20' })).json();
    const shares = await Promise.all([
      t.post(`/api/partnerships/${partnership}/shares`, { granteeId: supervisor, itemType: 'profile', itemId: coachee }),
      t.post(`/api/partnerships/${partnership}/shares`, { granteeId: supervisor, itemType: 'celebration', itemId: celebration.id }),
    ]);
    const [profileShare, celebrationShare] = shares.map((r) => r.json());
    const listed = (await s.get('/api/shared-with-me?limit=100')).json().items;
    expect(listed.find((i: { itemType: string }) => i.itemType === 'profile').title).toBe('Perfil para conocernos');
    const profile = (await s.get(`/api/shared-with-me/${profileShare.id}/${coachee}`)).json();
    expect(profile.body).toBe('Fortalezas: Voces para los cuentos\nLo que se interpone: el tiempo y el personal');
    const opened = (await s.get(`/api/shared-with-me/${celebrationShare.id}/${celebration.id}`)).json();
    expect(opened.body).toBe('Un riesgo asumido (20 de agosto de 2026): Dejé que los niños dirigieran la asamblea.');
  });

  it('the coachee’s access log names a session agenda and the agreement in Spanish', async () => {
    const start = w.clock.now().getTime() + 86_400_000;
    const meeting = (await c.post(`/api/partnerships/${partnership}/meetings`, { kind: 'coaching_meeting', startsAt: new Date(start).toISOString(), endsAt: new Date(start + 3_600_000).toISOString(), agenda: 'Mirar los datos juntos' })).json();
    await c.get(`/api/meetings/${meeting.id}`);
    await c.get(`/api/partnerships/${partnership}/agreement`);
    const titles = ((await t.get('/api/access-log?limit=100')).json().items as Array<{ itemType: string; itemTitle: string | null }>).map((e) => [e.itemType, e.itemTitle]);
    expect(titles).toContainEqual(['meeting', expect.stringMatching(/^Agenda de la reunión de coaching del \d+ de \w+ de \d{4}$/)]);
    expect(titles).toContainEqual(['agreement', expect.stringMatching(/^Acuerdo de coaching, versión \d+$/)]);
  });
});
