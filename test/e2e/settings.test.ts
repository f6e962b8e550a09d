import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PHONE, type World, checkA11y, describeBrowser, openNav, signedInPage, startWorld } from './harness';

/** A state-changing API call as the signed-in person of this page (same cookies, with the CSRF header). */
async function post(page: Page, url: string, data: unknown) {
  const me = await (await page.request.get('/api/me')).json();
  const response = await page.request.post(url, { data, headers: { 'x-csrf-token': me.csrfToken } });
  expect(response.status(), `${url}: ${await response.text()}`).toBe(201);
  return response.json();
}

/**
 * Settings: a private calendar address (shown once, replaceable, stoppable)
 * and whether reminders also come by e-mail. Home: reminders with a Dismiss
 * button, and observation plans waiting for the coachee's confirmation.
 */
describeBrowser('settings: calendar and reminders', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  const as = (email: string, viewport?: { width: number; height: number }) => signedInPage(world, email, viewport);
  const attention = (page: Page, name: string) => page.getByRole('region', { name: 'What needs your attention' }).getByRole('region', { name });

  async function openSettings(page: Page) {
    await openNav(page);
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/settings');
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
  }

  it('gives a calendar address once, whose feed shows session times only; a new one or stopping it ends the old one', async () => {
    const taylor = await as('taylor@riverside.example');
    await openSettings(taylor);
    await taylor.getByText('You have no calendar address at the moment.').waitFor();
    await taylor.getByText('Anyone with the address can see the times of your sessions — never what they are about.').waitFor();
    await checkA11y(taylor, 'settings, no calendar address');

    await taylor.getByRole('button', { name: 'Make my calendar address' }).click();
    const heading = taylor.getByRole('heading', { level: 3, name: 'Your new calendar address' });
    await heading.waitFor();
    await expect.poll(() => heading.evaluate((el) => el === document.activeElement)).toBe(true);
    await taylor.getByText('This is the only time Tandem shows it.').waitFor();
    const first = await taylor.getByLabel('Calendar address').inputValue();
    expect(first).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/calendar\/[A-Za-z0-9_-]+\.ics$/);
    await taylor.getByRole('button', { name: 'Copy the address' }).waitFor();
    await checkA11y(taylor, 'settings, a new calendar address');

    // The feed: the seeded coaching meeting with a neutral title, never its agenda.
    const feed = await taylor.request.get(first);
    expect(feed.status()).toBe(200);
    expect(feed.headers()['content-type']).toContain('text/calendar');
    const ics = await feed.text();
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('Coaching meeting');
    expect(ics).not.toContain('question tally');

    // Back later: the address is not shown again.
    await taylor.reload();
    await taylor.getByText('You have a calendar address. It was made on').waitFor();
    expect(await taylor.getByLabel('Calendar address').count()).toBe(0);

    // A new address stops the old one.
    await taylor.getByRole('button', { name: 'Make a new address' }).click();
    await heading.waitFor();
    const second = await taylor.getByLabel('Calendar address').inputValue();
    expect(second).not.toBe(first);
    expect((await taylor.request.get(first)).status()).toBe(404);
    expect((await taylor.request.get(second)).status()).toBe(200);

    // Stopping asks first, then the address answers "not found".
    await taylor.getByRole('button', { name: 'Stop the address…' }).click();
    await taylor.getByText('Stop the address? Calendars that use it will stop showing your Tandem sessions.').waitFor();
    await checkA11y(taylor, 'settings, stop the calendar address?');
    await taylor.getByRole('button', { name: 'Keep it' }).click();
    await expect.poll(() => taylor.getByRole('button', { name: 'Stop the address…' }).evaluate((el) => el === document.activeElement)).toBe(true);
    expect((await taylor.request.get(second)).status()).toBe(200);
    await taylor.getByRole('button', { name: 'Stop the address…' }).click();
    await taylor.getByRole('button', { name: 'Yes, stop it' }).click();
    await taylor.getByText('Your calendar address is stopped.').waitFor();
    await taylor.getByText('You have no calendar address at the moment.').waitFor();
    expect(await taylor.getByLabel('Calendar address').count()).toBe(0);
    expect((await taylor.request.get(second)).status()).toBe(404);
    await checkA11y(taylor, 'settings, calendar address stopped');
    await taylor.context().close();
  });

  it('lets a person choose e-mail reminders, and remembers the choice', async () => {
    const ben = await as('ben@riverside.example');
    await openSettings(ben);
    const box = ben.getByLabel('Also e-mail me reminders');
    await box.waitFor();
    expect(await box.isChecked()).toBe(true);
    await box.uncheck();
    await ben.getByText('Saved. Reminders will appear in Tandem only.').waitFor();
    await ben.reload();
    await expect.poll(() => ben.getByLabel('Also e-mail me reminders').isChecked()).toBe(false);
    // Keyboard: Space toggles it back.
    await ben.getByLabel('Also e-mail me reminders').focus();
    await ben.keyboard.press('Space');
    await ben.getByText('Saved. Reminders will also come by e-mail.').waitFor();
    await checkA11y(ben, 'settings after saving reminders');
    await ben.context().close();
  });

  it('shows reminders on Home until dismissed, and the observation plan waiting for the coachee', async () => {
    const taylor = await as('taylor@riverside.example');
    // Seeded: Carmen drafted an observation plan for the visit in 3 days.
    const plans = attention(taylor, 'Observation plans to confirm');
    const plan = plans.getByRole('link', { name: /^An observation plan (for .+ )?waits for your confirmation$/ });
    await plan.waitFor();
    expect(await plan.getAttribute('href')).toMatch(/^\/partnerships\/[0-9a-f-]{36}\/observations$/);
    const partnershipId = ((await plan.getAttribute('href')) ?? '').split('/')[2];

    // Carmen schedules a support visit three hours from now: a reminder is due.
    const carmen = await as('carmen@riverside.example');
    const start = Date.now() + 3 * 3600_000;
    await post(carmen, `/api/partnerships/${partnershipId}/meetings`, {
      kind: 'support_visit',
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + 45 * 60_000).toISOString(),
      location: 'Room 4',
    });
    await carmen.context().close();

    await taylor.reload();
    const reminders = attention(taylor, 'Reminders');
    const reminder = reminders.locator('li', { hasText: 'Support visit on' });
    await reminder.waitFor();
    expect(await reminder.getByRole('link').getAttribute('href')).toBe(`/partnerships/${partnershipId}/sessions`);
    // The reminder names the time, never what the visit is for.
    await checkA11y(taylor, 'home with a reminder and a plan to confirm');
    const count = await reminders.locator('li').count();
    await reminder.getByRole('button', { name: /^Dismiss the reminder: Support visit on/ }).click();
    await expect.poll(() => reminders.locator('li', { hasText: 'Support visit on' }).count()).toBe(0);
    // Focus stays in the panel: on the next reminder's button, or the panel's heading when none is left.
    await expect
      .poll(() =>
        taylor.evaluate(() => {
          const el = document.activeElement;
          return !!el && (el.id === 'attention-title' || el.textContent?.startsWith('Dismiss') === true);
        }),
      )
      .toBe(true);
    if (count === 1) expect(await taylor.getByRole('heading', { name: 'Reminders' }).count()).toBe(0);
    await checkA11y(taylor, 'home after dismissing a reminder');

    // Dismissed stays dismissed.
    await taylor.reload();
    await plans.waitFor();
    expect(await taylor.locator('li', { hasText: 'Support visit on' }).count()).toBe(0);
    await taylor.context().close();
  });

  it('works on a phone', async () => {
    const ana = await as('ana@riverside.example', PHONE);
    await openSettings(ana);
    await ana.getByRole('button', { name: 'Make my calendar address' }).click();
    await ana.getByLabel('Calendar address').waitFor();
    await checkA11y(ana, 'settings on a phone');
    expect(await ana.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await ana.context().close();

    const taylor = await as('taylor@riverside.example', PHONE);
    await attention(taylor, 'Observation plans to confirm').waitFor();
    await checkA11y(taylor, 'home on a phone with a plan to confirm');
    expect(await taylor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await taylor.context().close();
  });
});
