import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PHONE, type World, checkA11y, describeBrowser, signedInPage, startWorld } from './harness';
import { openSection, sectionNav } from './sections';

/**
 * Strengths and needs: the coachee describes where she is with practices (her
 * own view, kept as history), the coach cannot rate her but adds a priority;
 * strengths and priorities move to the past; the coachee can share the lot.
 */
describeBrowser('strengths and needs', () => {
  let world: World;
  let strengthsUrl = '';
  const STRENGTH = 'Families trust Taylor and drop by to chat.';
  const SEEDED_PRIORITY = 'More children talking during whole-group time.';
  const PRIORITY = 'More children answering during read-aloud.';
  const OLD_PRIORITY = 'Set up the block centre.';
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  const as = (email: string, viewport?: { width: number; height: number }) => signedInPage(world, email, viewport);

  async function openStrengths(page: Page, partner: RegExp) {
    if (strengthsUrl) {
      await page.goto(strengthsUrl);
    } else {
      await page.getByRole('link', { name: partner }).first().click();
      await openSection(page, 'Strengths and needs');
      await page.waitForURL(/\/partnerships\/[0-9a-f-]{36}\/strengths$/);
      strengthsUrl = new URL(page.url()).pathname;
    }
    await page.getByRole('heading', { level: 2, name: 'Strengths and needs' }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Strengths we see' }).waitFor();
  }

  const growth = (page: Page, practice: string) => page.locator('.growth-item', { hasText: practice });

  it('lets the coachee describe her own practice twice and see the history', async () => {
    const taylor = await as('taylor@riverside.example');
    await openStrengths(taylor, /Expert coaching with Carmen Diaz/);
    // Strengths and needs sit with planning: under Plan, with Goals and Observation plans.
    expect(await sectionNav(taylor).locator('.section-group-plan .section-list a').allTextContents()).toEqual(['Goals', 'Strengths and needs', 'Observation plans']);
    await taylor.getByRole('heading', { level: 3, name: 'Your own view of your practice' }).waitFor();
    await taylor.getByText('Only you rate your own practice').waitFor();
    // The demo has Taylor's view from September and from this month, oldest first.
    await expect.poll(() => growth(taylor, 'Open-ended questions').locator('.growth-text').textContent()).toMatch(/^History: New to me \([^)]+\) → Trying it out \([^)]+\)$/);
    await expect.poll(() => growth(taylor, 'Wait time and turn-taking').textContent()).toContain('Now: Part of my routine');
    expect(await growth(taylor, 'Interactive book reading').count()).toBe(0);
    // The seeded strength and priority.
    await taylor.locator('.entry-strength .entry', { hasText: 'Songs make every transition calm and quick.' }).waitFor();
    await taylor.locator('.entry-priority .entry', { hasText: SEEDED_PRIORITY }).waitFor();
    await checkA11y(taylor, 'strengths tab, coachee');

    await taylor.getByRole('button', { name: 'Add how it looks today' }).click();
    const form = taylor.locator('form.rating-form');
    await form.getByRole('heading', { name: 'Where I am with each practice' }).waitFor();
    // Focus moves into the form; it says plainly whose view this is.
    await expect.poll(() => taylor.evaluate(() => document.activeElement?.textContent)).toBe('Where I am with each practice');
    await form.getByText('not a score, and nobody else rates you').waitFor();
    // "Last time" beside a practice already rated.
    await form.getByRole('group', { name: 'Open-ended questions' }).getByText(/Last time: Trying it out \(/).waitFor();
    // Nothing chosen: a message, and nothing is saved.
    await form.getByRole('button', { name: 'Save my view' }).click();
    await form.getByText('Choose where you are with at least one practice, or cancel.').waitFor();
    await checkA11y(taylor, 'rating form with a message');

    // Only her chosen practices are listed (rated before, or in her goal); any other is added from the list.
    await form.getByRole('group', { name: 'Wait time and turn-taking' }).waitFor();
    const book = form.getByRole('group', { name: 'Interactive book reading' });
    expect(await book.count()).toBe(0);
    await form.getByLabel('Add a practice to rate').selectOption({ label: 'Interactive book reading' });
    await form.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => book.getByRole('radio', { name: 'Not this time' }).evaluate((el) => el === document.activeElement)).toBe(true);
    const open = form.getByRole('group', { name: 'Open-ended questions' });
    await book.getByRole('radio', { name: 'New to me' }).check();
    await book.getByLabel('In your own words (optional)').fill('I read straight through; the children listen.');
    await open.getByRole('radio', { name: 'Part of my routine' }).check();
    await form.getByText('2 practices chosen.').waitFor();
    await checkA11y(taylor, 'rating form, filled');
    await form.getByRole('button', { name: 'Save my view' }).click();
    await taylor.getByText('Saved: your view of 2 practices, with today’s date, in your history below.').waitFor();
    expect(await taylor.locator('form.rating-form').count()).toBe(0);
    // Focus returns to the button that opened the form.
    await expect.poll(() => taylor.evaluate(() => document.activeElement?.textContent)).toBe('Add how it looks today');
    await expect.poll(() => growth(taylor, 'Interactive book reading').locator('.growth-text').textContent()).toMatch(/^History: New to me \([A-Z][a-z]{2} \d{1,2}\)$/);
    await expect.poll(() => growth(taylor, 'Open-ended questions').locator('.growth-text').textContent()).toMatch(/New to me \([^)]+\) → Trying it out \([^)]+\) → Part of my routine \([^)]+\)$/);

    // Again, a little later: the new view joins the history instead of replacing it.
    await taylor.getByRole('button', { name: 'Add how it looks today' }).click();
    const again = taylor.locator('form.rating-form').getByRole('group', { name: 'Interactive book reading' });
    await again.getByText(/Last time: New to me \(/).waitFor();
    await again.getByRole('radio', { name: 'Trying it out' }).check();
    await again.getByLabel('In your own words (optional)').fill('I stop twice per story and ask what might happen next.');
    await taylor.getByRole('button', { name: 'Save my view' }).click();
    await taylor.getByText('Saved: your view of 1 practice, with today’s date, in your history below.').waitFor();
    const bookGrowth = growth(taylor, 'Interactive book reading');
    await expect.poll(() => bookGrowth.locator('.growth-text').textContent()).toMatch(/^History: New to me \([^)]+\) → Trying it out \([^)]+\)$/);
    await expect.poll(() => bookGrowth.textContent()).toContain('Now: Trying it out');
    // Her comments, newest first, behind a disclosure.
    await bookGrowth.getByText('In your words (2)').click();
    await expect.poll(() => bookGrowth.locator('.growth-comments li').first().textContent()).toContain('I stop twice per story');
    await checkA11y(taylor, 'strengths tab with a longer history');

    // Taylor notes a strength.
    await taylor.getByRole('button', { name: 'Add a strength' }).click();
    await expect.poll(() => taylor.getByLabel('The strength').evaluate((el) => el === document.activeElement)).toBe(true);
    await taylor.getByLabel('The strength').fill(STRENGTH);
    await taylor.getByRole('button', { name: 'Add the strength' }).click();
    await taylor.getByText(`Added to strengths we see: “${STRENGTH}”.`).waitFor();
    await expect.poll(() => taylor.locator('.entry-strength .entry', { hasText: STRENGTH }).textContent()).toContain('Added by you');
    await taylor.context().close();
  });

  it('shows the coach the coachee’s view without a way to rate it, and lets her add and retire priorities', async () => {
    const carmen = await as('carmen@riverside.example');
    await openStrengths(carmen, /Expert coaching with Taylor Nguyen/);
    await carmen.getByRole('heading', { level: 3, name: 'Taylor’s own view of their practice' }).waitFor();
    await carmen.getByText('Only Taylor rates their own practice.').waitFor();
    await expect.poll(() => growth(carmen, 'Interactive book reading').locator('.growth-text').textContent()).toMatch(/New to me \([^)]+\) → Trying it out/);
    await carmen.locator('.entry-strength .entry', { hasText: STRENGTH }).waitFor();
    // No rating form for anyone but the coachee.
    expect(await carmen.getByRole('button', { name: 'Describe where I am' }).count()).toBe(0);
    expect(await carmen.getByRole('button', { name: 'Add how it looks today' }).count()).toBe(0);
    expect(await carmen.locator('form.rating-form').count()).toBe(0);
    // Only the coachee shares.
    expect(await carmen.getByRole('button', { name: /^Share…/ }).count()).toBe(0);
    await checkA11y(carmen, 'strengths tab, coach');

    // An empty priority is refused with a message on the field.
    await carmen.getByRole('button', { name: 'Add a priority' }).click();
    await carmen.getByRole('button', { name: 'Add the priority' }).click();
    await carmen.getByText('Describe the priority in a few words.').waitFor();
    await expect.poll(() => carmen.getByLabel('The priority').getAttribute('aria-invalid')).toBe('true');
    await checkA11y(carmen, 'priority form with a message');

    await carmen.getByLabel('The priority').fill(OLD_PRIORITY);
    await carmen.getByRole('button', { name: 'Add the priority' }).click();
    await carmen.getByText(`Added to priorities we chose: “${OLD_PRIORITY}”.`).waitFor();
    await carmen.getByRole('button', { name: 'Add a priority' }).click();
    await carmen.getByLabel('The priority').fill(PRIORITY);
    await carmen.getByLabel('Practice it connects to (optional)').selectOption({ label: 'Wait time and turn-taking' });
    await carmen.getByRole('button', { name: 'Add the priority' }).click();
    const priority = carmen.locator('.entry-priority .entry', { hasText: PRIORITY });
    await priority.waitFor();
    await expect.poll(() => priority.textContent()).toContain('Wait time and turn-taking · Added by you');

    // The first priority has been addressed: it moves under "Past", still there to look back on.
    await carmen.getByRole('button', { name: `Addressed — move to the past (the priority “${OLD_PRIORITY}”)` }).click();
    await carmen.getByText(`Moved to the past: “${OLD_PRIORITY}”. It stays in the history.`).waitFor();
    const past = carmen.locator('.entry-priority details.past-entries');
    await past.getByText('Past priorities (1)').waitFor();
    expect(await past.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await past.getByText('Past priorities (1)').click();
    await past.locator('.entry', { hasText: OLD_PRIORITY }).waitFor();
    await checkA11y(carmen, 'strengths tab with a past priority');
    await carmen.context().close();
  });

  it('lets the coachee share all of it from the Sharing tab', async () => {
    const taylor = await as('taylor@riverside.example');
    await openStrengths(taylor, /Expert coaching with Carmen Diaz/);
    await taylor.locator('.entry-priority .entry', { hasText: PRIORITY }).getByRole('button', { name: /^Share…/ }).waitFor();
    await openSection(taylor, 'Sharing');
    await taylor.getByRole('button', { name: 'Share all my strengths, priorities and self-ratings from this partnership with…' }).click();
    await taylor.getByLabel('Share with').fill('Sam');
    await taylor.getByRole('button', { name: 'Choose Sam Okafor' }).click();
    await taylor.getByRole('button', { name: 'Share', exact: true }).click();
    await taylor.getByText('Sam Okafor can now read all your strengths, priorities and self-ratings from this partnership').waitFor();
    await expect.poll(() => taylor.locator('tbody tr', { hasText: 'Sam Okafor' }).first().textContent()).toContain('All my strengths, priorities and self-ratings');
    await checkA11y(taylor, 'sharing tab after sharing strengths');
    await taylor.context().close();
  });

  it('lets each peer describe only their own practice; a supervisor reads only what was shared', async () => {
    const priya = await as('priya@riverside.example');
    await priya.getByRole('link', { name: /Peer coaching/ }).first().click();
    await openSection(priya, 'Strengths and needs');
    const views = priya.locator('section.self-view h3');
    await expect.poll(() => views.allTextContents()).toEqual(['Your own view of your practice', 'Ben’s own view of their practice']);
    await expect.poll(() => priya.locator('section.self-view').nth(0).getByRole('button', { name: 'Describe where I am' }).count()).toBe(1);
    expect(await priya.locator('section.self-view').nth(1).getByRole('button').count()).toBe(0);
    await checkA11y(priya, 'strengths in a peer partnership');
    await priya.context().close();

    // Sam, Taylor's supervisor, reads what Taylor shared from his home page — never through the partnership's tabs.
    const sam = await as('sam@riverside.example');
    await sam.getByRole('heading', { name: 'Shared with you' }).waitFor();
    const shared = sam.locator('.shared-list li', { hasText: PRIORITY });
    await shared.waitFor();
    await expect.poll(() => shared.textContent()).toContain('Strength or priority · from Taylor Nguyen');
    await sam.goto(strengthsUrl.replace(/\/strengths$/, ''));
    await sam.getByText('You see logistics only').waitFor();
    expect(await sam.getByRole('navigation', { name: 'Partnership sections' }).getByRole('link', { name: 'Strengths and needs' }).count()).toBe(0);
    await sam.goto(strengthsUrl);
    await sam.getByText('Strengths and needs belong to the people in this partnership.').waitFor();
    await checkA11y(sam, 'strengths address, supervisor');
    await sam.context().close();
  });

  it('works on a phone, with the keyboard', async () => {
    const taylor = await as('taylor@riverside.example', PHONE);
    await openStrengths(taylor, /Expert coaching with Carmen Diaz/);
    await growth(taylor, 'Open-ended questions').waitFor();
    await checkA11y(taylor, 'strengths on a phone');
    expect(await taylor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    // The current section is marked and in view (under its group, Plan).
    const current = taylor.getByRole('navigation', { name: 'Partnership sections' }).getByRole('link', { name: 'Strengths and needs' });
    await expect.poll(() => current.getAttribute('aria-current')).toBe('page');
    await expect.poll(async () => {
      const box = await current.boundingBox();
      return !!box && box.x >= 0 && box.x + box.width <= PHONE.width;
    }).toBe(true);

    await taylor.getByRole('button', { name: 'Add how it looks today' }).click();
    const form = taylor.locator('form.rating-form');
    await form.getByLabel('Add a practice to rate').selectOption({ label: 'Partnering with families' });
    await form.getByRole('button', { name: 'Add', exact: true }).focus();
    await taylor.keyboard.press('Enter');
    const group = form.getByRole('group', { name: 'Partnering with families' });
    // Focus moves to the added practice's scale.
    await expect.poll(() => group.getByRole('radio', { name: 'Not this time' }).evaluate((el) => el === document.activeElement)).toBe(true);
    await taylor.keyboard.press('ArrowDown');
    await expect.poll(() => group.getByRole('radio', { name: 'New to me' }).isChecked()).toBe(true);
    await taylor.keyboard.press('ArrowDown');
    await expect.poll(() => group.getByRole('radio', { name: 'Trying it out' }).isChecked()).toBe(true);
    await checkA11y(taylor, 'rating form on a phone');
    expect(await taylor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await taylor.getByRole('button', { name: 'Save my view' }).focus();
    await taylor.keyboard.press('Enter');
    await taylor.getByText('Saved: your view of 1 practice, with today’s date, in your history below.').waitFor();
    await expect.poll(() => growth(taylor, 'Partnering with families').locator('.growth-text').textContent()).toMatch(/^History: Trying it out \(/);
    await checkA11y(taylor, 'strengths on a phone, after saving');
    await taylor.context().close();
  });
});
