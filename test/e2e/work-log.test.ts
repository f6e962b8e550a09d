import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { shiftDay } from '../../shared/src/work-log';
import { systemClock } from '../../server/src/platform/clock';
import { givenSignedAgreement } from '../support/admin-agreement';
import { PHONE, type World, checkA11y, describeBrowser, openNav, signedInPage, startWorld } from './harness';

/**
 * The coach's own work log (issue 12, item 7), on a phone: Carmen logs her week quickly (a tap
 * for 30 minutes, from–to, a private note, repeating last week's entry); Sam, the principal who
 * signed a partnership meeting agreement with her that lets names be used, sees her totals by
 * activity and week, never her note; Carmen sees exactly what Sam sees, and that he looked; Dana,
 * who agreed nothing with her, finds nothing. In English and in Spanish, with axe on every page.
 */
describeBrowser('work log', () => {
  let world: World;
  const NOTE = 'Taylor asked me to come back on Thursday; she seemed tired.';
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  const as = (email: string) => signedInPage(world, email, PHONE);
  const noSideways = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  const speak = async (page: Page, language: 'en' | 'es') => {
    const me = await (await page.request.get('/api/me')).json();
    const res = await page.request.put('/api/me/language', { data: { language }, headers: { 'x-csrf-token': me.csrfToken } });
    expect(res.status()).toBe(200);
  };

  it('lets a coach log a week on a phone, and shows her administrator the totals only', async () => {
    const carmen = await as('carmen@riverside.example');
    await openNav(carmen);
    await carmen.getByRole('link', { name: 'My work log' }).click();
    await carmen.getByRole('heading', { level: 1, name: 'My work log' }).waitFor();
    await carmen.getByText('Nothing logged this week yet.').waitFor();
    await carmen.getByText('Nobody sees your totals yet').waitFor();
    const today = ((await (await carmen.request.get('/api/work-log')).json()) as { today: string }).today;
    expect(await carmen.getByRole('textbox', { name: /^Day/ }).inputValue()).toBe(today);
    await checkA11y(carmen, 'work log, empty week');
    await noSideways(carmen);

    // Nothing chosen: the form says what is missing.
    await carmen.getByRole('button', { name: 'Save', exact: true }).click();
    await carmen.getByText('Choose or type how many minutes').waitFor();

    // One tap for the duration.
    await carmen.getByRole('radio', { name: 'Planning' }).check();
    await carmen.getByRole('button', { name: '30 min', exact: true }).click();
    await carmen.getByRole('button', { name: 'Save', exact: true }).click();
    await carmen.getByText('Saved: 30 min of Planning').waitFor();

    // From–to, for a partnership, with a note only she sees.
    await carmen.getByRole('radio', { name: 'Coaching sessions' }).check();
    await carmen.getByLabel('From', { exact: true }).fill('08:00');
    await carmen.getByLabel('To', { exact: true }).fill('08:45');
    await carmen.getByLabel('For a partnership (optional)').selectOption({ label: 'Taylor Nguyen' });
    await carmen.getByLabel('Private note (optional)').fill(NOTE);
    await carmen.getByRole('button', { name: 'Save', exact: true }).click();
    await carmen.getByText('Saved: 45 min of Coaching sessions').waitFor();
    await carmen.getByText(NOTE).waitFor();
    await carmen.getByText('This week in total: 1 h 15 min').waitFor();

    // Last week: an observation, logged on the same weekday a week ago, then repeated in one tap.
    await carmen.getByRole('textbox', { name: /^Day/ }).fill(shiftDay(today, -7));
    await carmen.getByRole('radio', { name: 'Observations' }).check();
    await carmen.getByRole('button', { name: '60 min', exact: true }).click();
    await carmen.getByRole('button', { name: 'Save', exact: true }).click();
    await carmen.getByText('Saved: 1 h of Observations').waitFor();
    await carmen.getByRole('heading', { level: 2, name: 'Repeat from last week' }).waitFor();
    await carmen.getByRole('button', { name: /^Repeat Observations/ }).click();
    await carmen.getByText('This week in total: 2 h 15 min').waitFor();
    await checkA11y(carmen, 'work log, a week with entries');
    await noSideways(carmen);

    // The previous week and back.
    await carmen.getByRole('button', { name: 'Previous week' }).click();
    await carmen.getByText('This week in total: 1 h').waitFor();
    await carmen.getByRole('button', { name: 'This week' }).click();
    await carmen.getByText('This week in total: 2 h 15 min').waitFor();

    // Sam and Carmen sign their partnership meeting agreement: names may be used.
    await givenSignedAgreement(world.db!, systemClock, { orgId: await orgOf(carmen), coaches: [world.people.coach1], administrators: [{ personId: world.people.supervisor }], namesMayBeUsed: true });

    const sam = await as('sam@riverside.example');
    await openNav(sam);
    await sam.getByRole('link', { name: 'Coaches’ work logs' }).click();
    await sam.getByRole('heading', { level: 1, name: 'Coaches’ work logs' }).waitFor();
    await sam.getByRole('heading', { level: 2, name: /Carmen Diaz: the last 12 weeks/ }).waitFor();
    const table = sam.getByRole('table', { name: 'Time by activity and week' });
    await table.waitFor();
    expect(await table.getByRole('row').count()).toBe(13);
    await sam.getByText('In total: 3 h 15 min').waitFor();
    // Names were agreed: time by teacher, and nothing else about the work.
    // (The form keeps the partnership chosen for the next entry: the observation and its repeat were for Taylor too.)
    await sam.getByRole('row', { name: /Taylor Nguyen 2 h 45 min/ }).waitFor();
    expect(await sam.locator('main').textContent()).not.toContain('Thursday');
    await checkA11y(sam, 'coaches’ work logs (administrator)');
    await noSideways(sam);

    // Carmen sees exactly what Sam sees, and that he looked.
    await carmen.reload();
    await carmen.getByRole('heading', { level: 2, name: 'What your administrators see' }).waitFor();
    await carmen.getByText('Sam Okafor (may see teachers’ names)').waitFor();
    await carmen.getByText(/Sam Okafor on .+ \(once\)/).waitFor();
    const mine = await carmen.getByRole('table', { name: 'Time by activity and week' }).textContent();
    expect(mine).toBe(await table.textContent());
    await checkA11y(carmen, 'work log with what the administrator sees');

    // Dana agreed nothing with Carmen: no coaches, and Carmen's totals are not found.
    const dana = await as('dana@riverside.example');
    await dana.goto('/work-log/coaches');
    await dana.getByText('No coach has signed a partnership agreement with you yet.').waitFor();
    expect((await dana.request.get(`/api/people/${world.people.coach1}/work-log-totals`)).status()).toBe(404);
    await checkA11y(dana, 'coaches’ work logs, none agreed');

    // In Spanish.
    await speak(carmen, 'es');
    await carmen.goto('/work-log');
    await carmen.getByRole('heading', { level: 1, name: 'Mi registro de trabajo' }).waitFor();
    await carmen.getByText('Total de esta semana: 2 h 15 min').waitFor();
    await carmen.getByRole('heading', { level: 2, name: 'Lo que ve la dirección' }).waitFor();
    await checkA11y(carmen, 'registro de trabajo (es)');
    await noSideways(carmen);
    await speak(sam, 'es');
    await sam.goto('/work-log/coaches');
    await sam.getByRole('heading', { level: 1, name: 'Registros de trabajo de coaches' }).waitFor();
    await sam.getByRole('table', { name: 'Tiempo por actividad y semana' }).waitFor();
    await checkA11y(sam, 'registros de trabajo de coaches (es)');
  });
});

async function orgOf(page: Page): Promise<string> {
  return ((await (await page.request.get('/api/me')).json()) as { organizationId: string }).organizationId;
}
