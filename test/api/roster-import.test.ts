import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type World, createWorld } from '../support/world';

let w: World;
let lead: Client;
let org: string;

beforeAll(async () => {
  w = await createWorld();
  org = await w.given.organization();
  lead = await w.as(await w.given.person(org, ['leader']));
});
afterAll(() => w?.close());

const CSV = `Name,Email,Roles,Site,Title,Supervisor Email
Pat Principal,pat@school.test,supervisor,Oak Elementary,Principal,
Tia Teacher,TIA@school.test,teacher,Oak Elementary,Grade 2,pat@school.test
Cory Coach,cory@school.test,coach;mentor,,Instructional coach,
`;

describe('roster import', () => {
  it('previews without writing, then imports every row in one go', async () => {
    const preview = await lead.post('/api/people/import', { csv: CSV });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ dryRun: true, created: 3, updated: 0, errors: 0, newSites: ['Oak Elementary'] });
    expect((await lead.get('/api/people?q=school.test')).json().items).toHaveLength(0);
    const applied = await lead.post('/api/people/import', { csv: CSV, dryRun: false });
    expect(applied.json()).toMatchObject({ dryRun: false, created: 3 });
    const people = (await lead.get('/api/people?q=school.test')).json().items;
    expect(people.map((p: { email: string }) => p.email).sort()).toEqual(['cory@school.test', 'pat@school.test', 'tia@school.test']);
    const tia = people.find((p: { email: string }) => p.email === 'tia@school.test');
    const pat = people.find((p: { email: string }) => p.email === 'pat@school.test');
    expect(tia).toMatchObject({ roles: ['coachee'], title: 'Grade 2', supervisorIds: [pat.id] });
    expect(people.find((p: { email: string }) => p.email === 'cory@school.test').roles.sort()).toEqual(['coach', 'mentor']);
  });

  it('reports a second run as unchanged and a changed row as an update', async () => {
    const again = (await lead.post('/api/people/import', { csv: CSV.replace('Grade 2', 'Grade 3') })).json();
    expect(again).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
  });

  it('writes nothing when any row is wrong, and says which line and why', async () => {
    const bad = `name,email,roles\nGood Person,good@school.test,coachee\nBad Person,not-an-email,coachee\nOdd Role,odd@school.test,wizard\n`;
    const preview = (await lead.post('/api/people/import', { csv: bad })).json();
    expect(preview.rows).toEqual([
      { line: 2, email: 'good@school.test', action: 'create', message: null },
      { line: 3, email: 'not-an-email', action: 'error', message: '“not-an-email” is not an e-mail address.' },
      { line: 4, email: 'odd@school.test', action: 'error', message: 'Unknown role “wizard”. Use: leader, supervisor, coach, mentor, coachee.' },
    ]);
    const applied = await lead.post('/api/people/import', { csv: bad, dryRun: false });
    expect(applied.statusCode).toBe(422);
    expect((await lead.get('/api/people?q=good@school')).json().items).toHaveLength(0);
    // A leader who reads Tandem in Spanish is told the same in Spanish; the values stay as typed.
    expect((await lead.put('/api/me/language', { language: 'es' })).statusCode).toBe(200);
    const enEspañol = (await lead.post('/api/people/import', { csv: bad })).json();
    expect(enEspañol.rows.map((r: { message: string | null }) => r.message)).toEqual([
      null,
      '“not-an-email” no es una dirección de correo electrónico.',
      'No conocemos el rol “wizard”. Usa: leader, supervisor, coach, mentor, coachee.',
    ]);
    await lead.put('/api/me/language', { language: null });
  });

  it('asks for the required columns', async () => {
    const res = await lead.post('/api/people/import', { csv: 'full name,mail\nA,a@b.c\n' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/needs these columns: name, email, roles/);
  });

  it('is for program leaders only (404 for others)', async () => {
    const coach = await w.as(await w.given.person(org, ['coach']));
    expect((await coach.post('/api/people/import', { csv: CSV })).statusCode).toBe(404);
  });

  it('imports 3,000 staff in one request', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `Person ${i},p${i}@district.test,teacher,Site ${i % 12},,`).join('\n');
    const t0 = performance.now();
    const res = await lead.post('/api/people/import', { csv: `name,email,roles,site,title,supervisor_email\n${rows}\n`, dryRun: false });
    const ms = performance.now() - t0;
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ created: 3000, errors: 0 });
    expect(res.json().newSites).toHaveLength(12);
    console.log(`imported 3,000 people in ${ms.toFixed(0)} ms (${w.kind})`);
  });
});
