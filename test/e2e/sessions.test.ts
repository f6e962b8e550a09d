import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PHONE, type World, checkA11y, describeBrowser, localDay, signedInPage, startWorld } from './harness';
import { openSection } from './sections';

/**
 * Sessions and visits: the coach schedules an observation, the coachee moves it,
 * the coach cancels at short notice under the agreement, the coachee records
 * follow-through for both, and the supervisor sees dates but never the plan,
 * the place or the reasons. Plans are shown one session at a time, on request.
 */
describeBrowser('sessions and visits', () => {
  let world: World;
  let partnershipUrl = '';
  const AGENDA = 'Count who answers during read-aloud, then talk it through at lunch';
  const SEEDED_AGENDA = 'Look at the question tally from read-aloud together.';
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  const as = (email: string, viewport?: { width: number; height: number }) => signedInPage(world, email, viewport);

  async function openSessions(page: Page, partner: RegExp) {
    if (partnershipUrl) {
      await page.goto(`${partnershipUrl}/sessions`);
    } else {
      await page.getByRole('link', { name: partner }).first().click();
      await page.waitForURL(/\/partnerships\/[0-9a-f-]{36}$/);
      partnershipUrl = new URL(page.url()).pathname;
      await openSection(page, 'Sessions');
      await page.waitForURL(/\/sessions$/);
    }
    await page.getByRole('heading', { name: 'Coming up' }).waitFor();
  }

  const card = (page: Page, list: 'Sessions coming up' | 'Past and cancelled sessions', kind: string) =>
    page.getByRole('list', { name: list }).locator('article.session-card', { hasText: kind });

  it('schedules, moves, cancels and records follow-through, and keeps the plan inside the partnership', async () => {
    // Carmen schedules an observation; the end-before-start mistake shows on the field first.
    const carmen = await as('carmen@riverside.example');
    await openSessions(carmen, /Expert coaching with Taylor Nguyen/);
    await card(carmen, 'Sessions coming up', 'Coaching meeting').waitFor();
    await checkA11y(carmen, 'sessions tab (coach)');

    await carmen.getByRole('button', { name: 'Schedule a session' }).click();
    await carmen.getByRole('heading', { name: 'Schedule a session' }).waitFor();
    await carmen.getByLabel('What kind of session').selectOption('observation');
    await carmen.getByText('The coach watches a planned moment in the room').waitFor();
    const when = carmen.getByRole('group', { name: 'When' });
    await when.getByLabel('Day').fill(localDay(3));
    await when.getByLabel('Start time').fill('10:00');
    await when.getByLabel('End time').fill('09:30');
    await carmen.getByLabel('Where (optional)').fill('Room 4 (kindergarten)');
    await carmen.getByLabel('What we plan to do (optional)').fill(AGENDA);
    await carmen.getByRole('button', { name: 'Add to our sessions' }).click();
    await when.getByText('The end must come after the start.').waitFor();
    await expect.poll(() => when.getByLabel('End time').getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => when.getByLabel('End time').evaluate((el) => el === document.activeElement)).toBe(true);
    await checkA11y(carmen, 'schedule form with a time problem');
    await when.getByLabel('End time').fill('10:45');
    await carmen.getByRole('button', { name: 'Add to our sessions' }).click();
    await carmen.getByText(/Your observation on .* is on the calendar\./).waitFor();
    const observation = card(carmen, 'Sessions coming up', 'Observation');
    await expect.poll(() => observation.locator('.session-meta').textContent()).toContain('Scheduled');
    await expect.poll(() => observation.getByRole('heading').evaluate((el) => el === document.activeElement)).toBe(true);
    // The list has no plans in it: each is shown on request.
    expect(await observation.textContent()).not.toContain(AGENDA);
    await checkA11y(carmen, 'sessions, observation scheduled');
    const showPlan = observation.getByRole('button', { name: /^Show the plan/ });
    expect(await showPlan.getAttribute('aria-expanded')).toBe('false');
    await showPlan.click();
    await expect.poll(() => observation.locator('.agenda-text').textContent()).toBe(AGENDA);
    expect(await observation.getByRole('button', { name: /^Hide the plan/ }).getAttribute('aria-expanded')).toBe('true');
    await checkA11y(carmen, 'sessions, the plan shown');
    await observation.getByRole('button', { name: /^Hide the plan/ }).click();
    expect(await observation.locator('.agenda-text').count()).toBe(0);
    // The overview shows the next session.
    await openSection(carmen, 'Overview');
    await expect.poll(() => carmen.locator('.next-session').textContent()).toContain('Observation');
    await carmen.context().close();

    // Taylor sees it with its plan, and moves it with a reason.
    const taylor = await as('taylor@riverside.example');
    await openSessions(taylor, /Expert coaching with Carmen Diaz/);
    const tObservation = card(taylor, 'Sessions coming up', 'Observation');
    await expect.poll(() => tObservation.textContent()).toContain('Planned by');
    await tObservation.getByRole('button', { name: /^Show the plan/ }).click();
    await expect.poll(() => tObservation.textContent()).toContain(AGENDA);
    await tObservation.getByRole('button', { name: /^Move to another time…/ }).click();
    const newTime = tObservation.getByRole('group', { name: 'New time' });
    await newTime.getByLabel('Day').fill(localDay(4));
    await newTime.getByLabel('Start time').fill('13:00');
    await newTime.getByLabel('End time').fill('13:45');
    await checkA11y(taylor, 'reschedule form');
    await tObservation.getByLabel('Why it is moving').fill('Read-aloud moves to the afternoon that week.');
    await tObservation.getByRole('button', { name: 'Move the session' }).click();
    await taylor.getByText(/Moved\. The observation on .* now starts at/).waitFor();
    await expect.poll(() => tObservation.textContent()).toContain('Moved once');
    await expect.poll(() => tObservation.textContent()).toContain('Read-aloud moves to the afternoon that week.');
    await checkA11y(taylor, 'sessions, observation moved');
    await taylor.context().close();

    // Carmen asks for two weeks' notice in the agreement, then has to cancel the coaching meeting six days out: short notice.
    const carmen2 = await as('carmen@riverside.example');
    await carmen2.goto(`${partnershipUrl}/agreement`);
    await carmen2.getByRole('button', { name: 'Edit' }).click();
    await carmen2.getByRole('heading', { name: 'Edit the agreement' }).waitFor();
    await expect.poll(() => carmen2.getByLabel('Notice needed to cancel (hours)').inputValue()).toBe('24');
    await carmen2.getByLabel('Notice needed to cancel (hours)').fill('336');
    await carmen2.getByRole('button', { name: 'Save as a new version' }).click();
    await carmen2.getByText(/Saved as version \d+\./).waitFor();
    await expect.poll(() => carmen2.locator('.agreement').textContent()).toContain('336 hours (14 days)');

    await openSessions(carmen2, /unused/);
    const meeting = card(carmen2, 'Sessions coming up', 'Coaching meeting');
    await meeting.getByRole('button', { name: /^Cancel…/ }).click();
    await meeting.getByRole('button', { name: 'Cancel the session' }).click();
    await meeting.getByText('Please add a short reason').waitFor();
    await meeting.getByLabel('Why it cannot go ahead').fill('I am covering a class that afternoon.');
    await checkA11y(carmen2, 'cancel form');
    await meeting.getByRole('button', { name: 'Cancel the session' }).click();
    await carmen2.getByText(/The coaching meeting on .* is cancelled\. It was inside the notice you agreed/).waitFor();
    const cancelled = card(carmen2, 'Past and cancelled sessions', 'Coaching meeting');
    await expect.poll(() => cancelled.locator('.session-meta').textContent()).toContain('Short notice');
    await expect.poll(() => cancelled.textContent()).toContain('Cancelled by Carmen Diaz');
    await expect.poll(() => cancelled.textContent()).toContain('I am covering a class that afternoon.');
    expect(await card(carmen2, 'Sessions coming up', 'Coaching meeting').count()).toBe(0);
    await checkA11y(carmen2, 'sessions, one cancelled at short notice');
    await carmen2.context().close();

    // Taylor records follow-through for both of them on the past support visit.
    const taylor2 = await as('taylor@riverside.example');
    await openSessions(taylor2, /unused/);
    const visit = card(taylor2, 'Past and cancelled sessions', 'Support visit');
    await expect.poll(() => visit.locator('.follow-list').textContent()).toContain('Carmen: present, on time, prepared');
    await visit.getByRole('button', { name: /^Update attendance/ }).click();
    const carmenBox = visit.getByRole('group', { name: 'Carmen Diaz' });
    const taylorBox = visit.getByRole('group', { name: 'Taylor Nguyen (you)' });
    await expect.poll(() => carmenBox.getByLabel('Present').isChecked()).toBe(true);
    await taylorBox.getByLabel('On time').uncheck();
    await taylorBox.getByLabel('A note about Taylor (optional)').fill('A parent stopped me at the door.');
    await checkA11y(taylor2, 'attendance form');
    await visit.getByRole('button', { name: 'Save attendance' }).click();
    await taylor2.getByText(/Attendance for the support visit on .* is saved\./).waitFor();
    const follow = visit.locator('.follow-through');
    await expect.poll(() => follow.locator('li').allTextContents()).toEqual(['Carmen: present, on time, prepared', 'Taylor: present, late, prepared — “A parent stopped me at the door.”']);
    await expect.poll(() => follow.textContent()).toContain('Recorded by Taylor Nguyen');
    await expect.poll(() => visit.locator('.session-meta').textContent()).toContain('Held');
    await checkA11y(taylor2, 'sessions, follow-through recorded');
    await taylor2.context().close();

    // Sam supervises Taylor: dates, kinds and status, but not the plan or attendance.
    const sam = await as('sam@riverside.example');
    await sam.goto(partnershipUrl);
    await expect.poll(() => sam.locator('.next-session').textContent()).toContain('Observation');
    await openSection(sam, 'Sessions');
    await sam.getByText('You see dates only').waitFor();
    const sObservation = card(sam, 'Sessions coming up', 'Observation');
    await expect.poll(() => sObservation.locator('.session-when').textContent()).toMatch(/\d/);
    await card(sam, 'Past and cancelled sessions', 'Support visit').waitFor();
    const text = (await sam.locator('main').textContent()) ?? '';
    expect(text).not.toContain(AGENDA);
    expect(text).not.toContain(SEEDED_AGENDA);
    expect(text).not.toContain('Follow-through');
    expect(text).not.toContain('A parent stopped me at the door.');
    // Where they meet and why a session moved or was called off are the partners' words too.
    expect(text).not.toContain('Room 4 (kindergarten)');
    expect(text).not.toContain('Read-aloud moves to the afternoon that week.');
    expect(text).not.toContain('I am covering a class that afternoon.');
    expect(text).not.toContain('undefined');
    expect(await sam.getByRole('button', { name: /Show the plan/ }).count()).toBe(0);
    expect(await sam.getByRole('button', { name: 'Schedule a session' }).count()).toBe(0);
    expect(await sam.getByRole('button', { name: /^Cancel…|^Move to another time…|attendance/ }).count()).toBe(0);
    await checkA11y(sam, 'sessions (supervisor)');
    await sam.context().close();
  });

  it('works on a phone', async () => {
    const taylor = await as('taylor@riverside.example', PHONE);
    await openSessions(taylor, /Expert coaching with Carmen Diaz/);
    await checkA11y(taylor, 'sessions on a phone');
    expect(await taylor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await taylor.getByRole('button', { name: 'Schedule a session' }).click();
    await taylor.getByRole('heading', { name: 'Schedule a session' }).waitFor();
    await checkA11y(taylor, 'schedule form on a phone');
    expect(await taylor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await taylor.getByLabel('What kind of session').selectOption('support_visit');
    const when = taylor.getByRole('group', { name: 'When' });
    await when.getByLabel('Day').fill(localDay(2));
    await when.getByLabel('Start time').fill('09:00');
    // The end time is suggested 45 minutes after the start.
    await expect.poll(() => when.getByLabel('End time').inputValue()).toBe('09:45');
    await taylor.getByRole('button', { name: 'Add to our sessions' }).click();
    await taylor.getByText(/Your support visit on .* is on the calendar\./).waitFor();
    await card(taylor, 'Sessions coming up', 'Support visit').waitFor();
    expect(await taylor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await taylor.context().close();
  });
});
