import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PHONE, type World, checkA11y, describeBrowser, signedInPage, startWorld } from './harness';

/** A state-changing API call as the signed-in person of this page (same cookies, with the CSRF header). */
async function post(page: Page, url: string, data: unknown) {
  const me = await (await page.request.get('/api/me')).json();
  const response = await page.request.post(url, { data, headers: { 'x-csrf-token': me.csrfToken } });
  expect(response.status(), `${url}: ${await response.text()}`).toBe(201);
  return response.json();
}

/**
 * Home's "What needs your attention": one list of what is waiting, each item a
 * link to the right tab. Seeded: Taylor and Carmen have a coaching meeting in 6 days.
 */
describeBrowser('home: what needs your attention', () => {
  let world: World;
  const TITLE = 'Children choose their own centre at free play';
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  const as = (email: string, viewport?: { width: number; height: number }) => signedInPage(world, email, viewport);

  const group = (page: Page, name: string) => page.getByRole('region', { name: 'What needs your attention' }).getByRole('region', { name });

  it('shows the coachee a proposed goal to decide and this week’s session, each linking to the right tab', async () => {
    const taylor = await as('taylor@riverside.example');
    await taylor.getByRole('heading', { level: 2, name: 'What needs your attention' }).waitFor();

    // The seeded coaching meeting is on the coming Tuesday: inside the next seven days.
    const week = group(taylor, 'Sessions in the next 7 days');
    const meeting = week.getByRole('link', { name: 'Coaching meeting with Carmen Diaz' });
    await meeting.waitFor();
    const sessionsHref = (await meeting.getAttribute('href')) ?? '';
    expect(sessionsHref).toMatch(/^\/partnerships\/[0-9a-f-]{36}\/sessions$/);
    await expect.poll(() => week.textContent()).toContain('Room 4');
    const partnershipId = sessionsHref.split('/')[2];
    expect(await taylor.getByRole('heading', { name: 'Goals waiting for your decision' }).count()).toBe(0);

    // Carmen proposes a goal, and schedules an observation 10 days ahead (beyond the next seven days).
    const carmen = await as('carmen@riverside.example');
    await post(carmen, `/api/partnerships/${partnershipId}/goals`, {
      title: TITLE,
      childOutcome: 'Children start playing sooner and stay with what they chose.',
      steps: [{ description: 'Make a picture board of the centres', responsible: 'coach' }],
    });
    const later = Date.now() + 10 * 86400_000;
    await post(carmen, `/api/partnerships/${partnershipId}/meetings`, {
      kind: 'observation',
      startsAt: new Date(later).toISOString(),
      endsAt: new Date(later + 30 * 60_000).toISOString(),
      location: 'Far-away room',
    });
    await carmen.context().close();

    await taylor.reload();
    const decide = group(taylor, 'Goals waiting for your decision');
    const proposal = decide.getByRole('link', { name: `Carmen proposed: ${TITLE}` });
    await proposal.waitFor();
    expect(await proposal.getAttribute('href')).toBe(`/partnerships/${partnershipId}/goals`);
    await week.getByRole('link', { name: 'Coaching meeting with Carmen Diaz' }).waitFor();
    expect(await week.getByRole('listitem').count()).toBe(1);
    expect(await week.textContent()).not.toContain('Far-away room');
    // The rest of Home is still there.
    await taylor.getByRole('heading', { level: 2, name: 'My partnerships' }).waitFor();
    await taylor.getByRole('link', { name: /Expert coaching with Carmen Diaz/ }).waitFor();
    await checkA11y(taylor, 'home with things to attend to (coachee)');

    // Deciding takes it off the list.
    await proposal.click();
    await taylor.getByRole('heading', { name: 'Goals and action plans' }).waitFor();
    const card = taylor.locator('article.goal-card', { hasText: TITLE });
    await card.getByRole('button', { name: 'Take this goal on' }).click();
    await card.getByText('This goal is active.').waitFor();
    await taylor.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
    await group(taylor, 'Sessions in the next 7 days').waitFor();
    await expect.poll(() => taylor.getByRole('heading', { name: 'Goals waiting for your decision' }).count()).toBe(0);
    await taylor.context().close();
  });

  it('fits a phone screen and passes the accessibility check at 375 px', async () => {
    const taylor = await as('taylor@riverside.example', PHONE);
    await group(taylor, 'Sessions in the next 7 days').getByRole('link', { name: 'Coaching meeting with Carmen Diaz' }).waitFor();
    await checkA11y(taylor, 'home on a phone (coachee)');
    expect(await taylor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    // The header is one row: the navigation and account wait behind "Menu".
    const header = taylor.locator('header');
    expect((await header.boundingBox())!.height).toBeLessThanOrEqual(64);
    const menu = header.getByRole('button', { name: 'Menu', exact: true });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await header.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    const nav = taylor.locator(`[id="${await menu.getAttribute('aria-controls')}"]`).getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Who saw my content' }).waitFor();
    await checkA11y(taylor, 'home on a phone, menu open');
    // Escape closes it and leaves focus on the button.
    await taylor.keyboard.press('Escape');
    await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('false');
    await expect.poll(() => menu.evaluate((el) => el === document.activeElement)).toBe(true);
    // Following a link closes it.
    await taylor.keyboard.press('Enter');
    await nav.getByRole('link', { name: 'Who saw my content' }).click();
    await taylor.getByRole('heading', { level: 1, name: 'Who has seen my coaching content' }).waitFor();
    await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('false');
    expect(await header.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    await taylor.context().close();
  });

  it('says so in one line when nothing needs you, and keeps the leader’s links', async () => {
    const lena = await as('lena@riverside.example');
    await lena.getByText('Nothing needs you right now.').waitFor();
    await lena.getByRole('heading', { name: 'Running the program' }).waitFor();
    await lena.getByRole('region', { name: 'Running the program' }).getByRole('link', { name: 'Practices' }).waitFor();
    await checkA11y(lena, 'home with nothing to attend to (leader)');
    await lena.context().close();
  });
});
