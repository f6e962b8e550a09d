import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PHONE, type World, checkA11y, describeBrowser, localDay, signedInPage, startWorld } from './harness';
import { openSection, sectionNav } from './sections';

/**
 * Celebrations: either partner records a risk taken, progress or a success; the
 * partnership sees a timeline by month; the coachee can share one with her supervisor.
 */
describeBrowser('celebrations', () => {
  let world: World;
  let celebrationsUrl = '';
  const SEEDED_GOAL = 'More children talking during read-aloud';
  const RISK = 'Taylor let the children lead the morning circle for the first time.';
  const PROGRESS = 'Five children answered an open question during read-aloud today.';
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  const as = (email: string, viewport?: { width: number; height: number }) => signedInPage(world, email, viewport);

  async function openCelebrations(page: Page, partner: RegExp) {
    if (celebrationsUrl) {
      await page.goto(celebrationsUrl);
    } else {
      await page.getByRole('link', { name: partner }).first().click();
      await openSection(page, 'Celebrations');
      await page.waitForURL(/\/partnerships\/[0-9a-f-]{36}\/celebrations$/);
      celebrationsUrl = new URL(page.url()).pathname;
    }
    await page.getByRole('heading', { level: 2, name: 'Celebrations' }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Celebrate something' }).waitFor();
  }

  const entry = (page: Page, text: string) => page.locator('ol.celebration-list > li', { hasText: text });

  it('lets the coach and the coachee celebrate, and the coachee share one with her supervisor', async () => {
    const carmen = await as('carmen@riverside.example');
    await openCelebrations(carmen, /Expert coaching with Taylor Nguyen/);
    // Celebrations sit with looking back: under Reflect, with Reflection and Notes.
    expect(await sectionNav(carmen).locator('.section-group-reflect .section-list a').allTextContents()).toEqual(['Reflection', 'Celebrations', 'Notes', 'Evidence']);
    await carmen.getByText('Nothing here yet.').waitFor();
    await carmen.getByText('worth noticing whatever the result').waitFor();
    await checkA11y(carmen, 'celebrations tab, empty');

    // The date starts at today.
    expect(await carmen.getByLabel('When').inputValue()).toBe(localDay(0));
    // Nothing chosen yet: the form says what is missing and takes focus there.
    await carmen.getByRole('button', { name: 'Add to the timeline' }).click();
    await carmen.getByText('Choose what kind of moment this is.').waitFor();
    await carmen.getByText('Say in a few words what happened.').waitFor();
    await expect.poll(() => carmen.getByRole('radio', { name: 'A risk taken' }).evaluate((el) => el === document.activeElement)).toBe(true);

    // Carmen records a risk Taylor took, last month.
    const lastMonth = localDay(-40);
    await carmen.getByRole('radio', { name: 'A risk taken' }).check();
    await carmen.getByLabel('What happened').fill(RISK);
    await carmen.getByLabel('When').fill(lastMonth);
    await carmen.getByRole('button', { name: 'Add to the timeline' }).click();
    await carmen.getByText('Well noticed! A risk taken is on the timeline').waitFor();
    await carmen.getByText('Taylor will see it there too.').waitFor();
    const carmensView = entry(carmen, RISK);
    await carmensView.waitFor();
    await expect.poll(() => carmensView.textContent()).toContain('Recorded by you');
    expect(await carmensView.locator('time').getAttribute('datetime')).toBe(lastMonth);
    // Only the coachee shares her coaching content.
    expect(await carmensView.getByRole('button', { name: /^Share…/ }).count()).toBe(0);
    // The form is ready for the next one.
    expect(await carmen.getByLabel('What happened').inputValue()).toBe('');
    expect(await carmen.getByLabel('When').inputValue()).toBe(localDay(0));
    await checkA11y(carmen, 'celebrations tab with one entry');
    await carmen.context().close();

    const taylor = await as('taylor@riverside.example');
    await openCelebrations(taylor, /Expert coaching with Carmen Diaz/);
    const risk = entry(taylor, RISK);
    await risk.waitFor();
    await expect.poll(() => risk.textContent()).toContain('A risk taken');
    await expect.poll(() => risk.textContent()).toContain('Recorded by Carmen Diaz');

    // Taylor records progress on her seeded goal.
    await taylor.getByRole('radio', { name: 'Progress' }).check();
    await taylor.getByLabel('What happened').fill(PROGRESS);
    await taylor.getByLabel('Goal it belongs to (optional)').selectOption({ label: SEEDED_GOAL });
    await taylor.getByRole('button', { name: 'Add to the timeline' }).click();
    await taylor.getByText('Well noticed! Progress is on the timeline').waitFor();
    const progress = entry(taylor, PROGRESS);
    await progress.waitFor();
    await expect.poll(() => progress.textContent()).toContain(`Goal: ${SEEDED_GOAL}`);
    await expect.poll(() => progress.textContent()).toContain('Recorded by you');

    // Newest first, grouped by month: this month's progress, then last month's risk.
    const months = taylor.locator('ol.celebration-months > li');
    await expect.poll(() => months.count()).toBe(2);
    await expect.poll(() => months.nth(0).textContent()).toContain(PROGRESS);
    await expect.poll(() => months.nth(1).textContent()).toContain(RISK);
    expect(await months.nth(0).getByRole('heading', { level: 4 }).textContent()).not.toBe(await months.nth(1).getByRole('heading', { level: 4 }).textContent());

    // A day still to come is not something to celebrate yet.
    await taylor.getByRole('radio', { name: 'A success' }).check();
    await taylor.getByLabel('What happened').fill('The whole class will sing the tidy-up song.');
    await taylor.getByLabel('When').fill(localDay(3));
    await taylor.getByRole('button', { name: 'Add to the timeline' }).click();
    await taylor.getByText('Celebrate what has happened: choose today or an earlier date.').waitFor();
    await expect.poll(() => taylor.getByLabel('When').getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => taylor.getByLabel('When').evaluate((el) => el === document.activeElement)).toBe(true);
    await checkA11y(taylor, 'celebration form with an error');
    expect(await taylor.locator('ol.celebration-list > li').count()).toBe(2);

    // Taylor shares her progress with Sam, her supervisor.
    await progress.getByRole('button', { name: /^Share…/ }).click();
    await progress.getByLabel('Share with').fill('Sam');
    await progress.getByRole('button', { name: 'Choose Sam Okafor' }).click();
    await progress.getByText('Sharing with').waitFor();
    await checkA11y(taylor, 'share a celebration');
    await progress.getByRole('button', { name: 'Share', exact: true }).click();
    await progress.getByText('Sam Okafor can now read this celebration').waitFor();
    await openSection(taylor, 'Sharing');
    await expect.poll(() => taylor.locator('tbody tr', { hasText: 'Sam Okafor' }).first().textContent()).toContain(`The celebration “${PROGRESS}”`);
    await taylor.getByRole('button', { name: 'Share all my celebrations from this partnership with…' }).waitFor();
    await taylor.context().close();

    const sam = await as('sam@riverside.example');
    await sam.getByRole('heading', { name: 'Shared with you' }).waitFor();
    const shared = sam.locator('.shared-list li', { hasText: PROGRESS });
    await shared.waitFor();
    await expect.poll(() => shared.textContent()).toContain('Celebration · from Taylor Nguyen');
    await shared.getByRole('button', { name: /^Read/ }).click();
    await expect.poll(() => shared.locator('.shared-text').textContent()).toContain('Progress');
    // What was not shared stays inside the partnership.
    expect(await sam.locator('.shared-list li', { hasText: RISK }).count()).toBe(0);
    await checkA11y(sam, 'supervisor home with a shared celebration');
    // Sam is not a member: no Celebrations tab, and the address tells him nothing.
    await sam.goto(celebrationsUrl.replace(/\/celebrations$/, ''));
    await sam.getByText('You see logistics only').waitFor();
    expect(await sam.getByRole('navigation', { name: 'Partnership sections' }).getByRole('link', { name: 'Celebrations' }).count()).toBe(0);
    await sam.goto(celebrationsUrl);
    await sam.getByText('Celebrations belong to the people in this partnership.').waitFor();
    expect(await sam.getByText(PROGRESS).count()).toBe(0);
    await sam.context().close();
  });

  it('works on a phone', async () => {
    const taylor = await as('taylor@riverside.example', PHONE);
    await openCelebrations(taylor, /Expert coaching with Carmen Diaz/);
    await entry(taylor, PROGRESS).waitFor();
    await checkA11y(taylor, 'celebrations on a phone');
    expect(await taylor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    // Keyboard only: choose the kind with the arrow keys, type, and submit with Enter.
    await taylor.getByRole('radio', { name: 'A risk taken' }).focus();
    await taylor.keyboard.press('ArrowDown');
    await expect.poll(() => taylor.getByRole('radio', { name: 'Progress' }).isChecked()).toBe(true);
    await taylor.getByLabel('What happened').focus();
    await taylor.keyboard.type('Asked a colleague to watch my read-aloud.');
    await taylor.getByRole('button', { name: 'Add to the timeline' }).focus();
    await taylor.keyboard.press('Enter');
    await taylor.getByText('Well noticed! Progress is on the timeline').waitFor();
    await entry(taylor, 'Asked a colleague to watch my read-aloud.').waitFor();
    await checkA11y(taylor, 'celebrations on a phone, after adding one');
    expect(await taylor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await taylor.context().close();
  });
});
