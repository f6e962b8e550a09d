import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PHONE, type World, checkA11y, describeBrowser, localDay, signedInPage, startWorld } from './harness';
import { openSection } from './sections';

/**
 * The supervisor as a party to a partnership (issue 12, item 6), on phones: Carmen asks the
 * supervisor for cover; Sam Okafor, Taylor's principal, signs the supervisor's commitments (and
 * sees no one else's), schedules a check-in and confirms the cover; Taylor sees all three. Axe in
 * English and Spanish on every page touched.
 */
describeBrowser('the supervisor as a party', () => {
  let world: World;
  let partnershipUrl = '';
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  const as = (email: string) => signedInPage(world, email, PHONE);
  async function speak(page: Page, language: 'en' | 'es') {
    const me = await (await page.request.get('/api/me')).json();
    expect((await page.request.put('/api/me/language', { data: { language }, headers: { 'x-csrf-token': me.csrfToken } })).status()).toBe(200);
  }

  it('Carmen asks for cover; Sam signs, schedules a check-in and confirms; Taylor sees all three', async () => {
    // Carmen asks the supervisor to cover Taylor's class for a coaching meeting.
    const carmen = await as('carmen@riverside.example');
    await carmen.getByRole('link', { name: /Expert coaching with Taylor Nguyen/ }).first().click();
    await carmen.waitForURL(/\/partnerships\/[0-9a-f-]{36}$/);
    partnershipUrl = new URL(carmen.url()).pathname;
    await openSection(carmen, 'Sessions');
    await carmen.getByRole('heading', { name: 'Cover for coaching time' }).waitFor();
    await carmen.getByRole('button', { name: 'Ask for cover' }).click();
    const form = carmen.getByRole('form', { name: 'Request for cover' });
    await form.getByLabel('Day').fill(localDay(3));
    await form.getByLabel('From').fill('09:00');
    await form.getByLabel('To').fill('09:45');
    await form.getByLabel('For').selectOption('coaching_meeting');
    await form.getByLabel('Who needs cover').selectOption({ label: 'Taylor Nguyen' });
    await checkA11y(carmen, 'coverage request form (coach)');
    await form.getByRole('button', { name: 'Send to the supervisor' }).click();
    await carmen.getByText('Your request is with the supervisor.', { exact: false }).waitFor();
    await carmen.getByText('Waiting for an answer').waitFor();

    // Sam, on Home: the request waits for him.
    const sam = await as('sam@riverside.example');
    await sam.getByRole('heading', { name: 'Your check-ins' }).waitFor();
    await sam.getByText('1 request for cover waits for your answer.').waitFor();
    await sam.getByText(/Your signature is asked for on the supervisor's commitments with .*Taylor Nguyen/).first().waitFor();
    await checkA11y(sam, 'Home (supervisor)');

    // The agreement: only the supervisor's commitments, signed with his own signature.
    await sam.goto(`${partnershipUrl}/agreement`);
    await sam.getByRole('heading', { name: 'The supervisor\'s commitments' }).waitFor();
    await sam.getByText('Still to sign the supervisor\'s commitments: Sam Okafor.').waitFor();
    expect(await sam.locator('main').textContent()).not.toContain('Take an active part');
    await checkA11y(sam, 'agreement (supervisor, before signing)');
    await sam.getByRole('button', { name: 'Sign the supervisor\'s commitments' }).click();
    await sam.getByText(/Sam Okafor signed the supervisor's commitments on /).waitFor();
    expect(await sam.getByRole('button', { name: 'Sign the supervisor\'s commitments' }).count()).toBe(0);
    await checkA11y(sam, 'agreement (supervisor, signed)');

    // Sessions: he schedules a check-in and confirms Carmen's request.
    await sam.goto(`${partnershipUrl}/sessions`);
    await sam.getByRole('heading', { name: 'Check-ins with the supervisor' }).waitFor();
    await sam.getByRole('button', { name: 'Schedule a check-in' }).click();
    const checkin = sam.getByRole('form', { name: 'Check-in' });
    await checkin.getByLabel('Day').fill(localDay(6));
    await checkin.getByLabel('Start time').fill('15:30');
    await checkin.getByLabel('Length in minutes').fill('20');
    await checkin.getByLabel('Place or call link (optional)').fill('Principal\'s office');
    await checkA11y(sam, 'check-in form (supervisor)');
    await checkin.getByRole('button', { name: 'Save check-in' }).click();
    await sam.getByText('The check-in is saved.', { exact: false }).waitFor();
    await sam.getByText('Where: Principal\'s office').waitFor();
    await sam.getByRole('button', { name: 'Confirm cover' }).click();
    await sam.getByText('Your answer is sent.', { exact: false }).waitFor();
    await sam.getByText('Confirmed').waitFor();
    await checkA11y(sam, 'sessions (supervisor)');
    await speak(sam, 'es');
    await sam.reload();
    await sam.getByRole('heading', { name: 'Encuentros con la supervisión' }).waitFor();
    await checkA11y(sam, 'sesiones (supervisión)');
    await sam.goto(`${partnershipUrl}/agreement`);
    await sam.getByText(/Sam Okafor firmó los compromisos de la supervisión el /).waitFor();
    await checkA11y(sam, 'acuerdo (supervisión)');
    await sam.goto('/');
    await sam.getByRole('heading', { name: 'Tus encuentros' }).waitFor();
    await checkA11y(sam, 'inicio (supervisión)');

    // Taylor sees the signature, the check-in and the answer to the request.
    const taylor = await as('taylor@riverside.example');
    await taylor.goto(`${partnershipUrl}/agreement`);
    await taylor.getByText(/Sam Okafor signed the supervisor's commitments on /).waitFor();
    await checkA11y(taylor, 'agreement (coachee)');
    await taylor.goto(`${partnershipUrl}/sessions`);
    await taylor.getByText('Where: Principal\'s office').waitFor();
    await taylor.getByText('Coaching meeting: cover for Taylor Nguyen').waitFor();
    await taylor.getByText('Answered by Sam Okafor', { exact: false }).waitFor();
    expect(await taylor.getByRole('button', { name: 'Schedule a check-in' }).count()).toBe(0);
    expect(await taylor.getByRole('button', { name: 'Confirm cover' }).count()).toBe(0);
    await checkA11y(taylor, 'sessions (coachee)');
    await speak(taylor, 'es');
    await taylor.reload();
    await taylor.getByRole('heading', { name: 'Cobertura para el tiempo de coaching' }).waitFor();
    await taylor.getByText('Confirmada').waitFor();
    await checkA11y(taylor, 'sesiones (persona acompañada)');
    await taylor.goto(`${partnershipUrl}/agreement`);
    await taylor.getByText(/Sam Okafor firmó los compromisos de la supervisión el /).waitFor();
    await checkA11y(taylor, 'acuerdo (persona acompañada)');
  });
});
