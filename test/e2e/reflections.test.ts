import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PHONE, type World, checkA11y, describeBrowser, localDay, signedInPage, startWorld } from './harness';
import { openSection } from './sections';

/**
 * Reflection: on a session, the coachee speaks first; her next steps go into
 * her goal's action plan in the same save; then the coach adds what she heard
 * and saw. The list shows newest first, the coachee's voice set apart.
 */
describeBrowser('reflection', () => {
  let world: World;
  let reflectionsUrl = '';
  const GOAL = 'More children talking during read-aloud';
  const NOTICED = 'The same four children answered every question; the others watched the book.';
  const STEP_1 = 'Ask one "what do you think" question and count to five before calling on anyone';
  const STEP_2 = 'Try turn-and-talk once during the story and look at who talks';
  const HEARD = 'Taylor noticed that the same four children answered every question.';
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  const as = (email: string, viewport?: { width: number; height: number }) => signedInPage(world, email, viewport);

  async function openReflections(page: Page, partner: RegExp) {
    if (reflectionsUrl) {
      await page.goto(reflectionsUrl);
    } else {
      await page.getByRole('link', { name: partner }).first().click();
      await openSection(page, 'Reflection');
      await page.waitForURL(/\/partnerships\/[0-9a-f-]{36}\/reflections$/);
      reflectionsUrl = new URL(page.url()).pathname;
    }
    await page.getByRole('heading', { level: 2, name: 'Reflection' }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Reflections so far' }).waitFor();
  }

  const session = (page: Page) => page.getByLabel('The session you are reflecting on (optional)');
  const entries = (page: Page) => page.locator('ol.reflection-list > li');

  it('asks the coach to wait until the coachee has reflected on a session', async () => {
    const carmen = await as('carmen@riverside.example');
    await openReflections(carmen, /Expert coaching with Taylor Nguyen/);
    await carmen.getByRole('heading', { level: 3, name: 'Reflect with Taylor' }).waitFor();
    await carmen.getByText('No reflections yet.').waitFor();
    // Carmen sees the partner's prompts, and no next-steps editor: next steps are Taylor's to choose.
    await carmen.getByLabel('What did you hear the coachee notice?').waitFor();
    expect(await carmen.getByLabel('Looking at the data, what do you notice first?').count()).toBe(0);
    expect(await carmen.getByRole('group', { name: 'Next steps' }).count()).toBe(0);
    await checkA11y(carmen, 'reflection tab, coach');

    // The held support visit is there; sessions still ahead are not.
    const options = await session(carmen).locator('option').allTextContents();
    expect(options).toHaveLength(2);
    expect(options[1]).toMatch(/^Support visit on /);
    await session(carmen).selectOption({ index: 1 });
    await carmen.getByText('The coachee reflects first').waitFor();
    await carmen.getByText('Taylor speaks first').waitFor();
    expect(await carmen.getByRole('button', { name: 'Save my reflection' }).isDisabled()).toBe(true);
    await checkA11y(carmen, 'reflection form, waiting for the coachee');
    // Without a session, Carmen may reflect on her own coaching at any time.
    await session(carmen).selectOption({ index: 0 });
    expect(await carmen.getByRole('button', { name: 'Save my reflection' }).isDisabled()).toBe(false);
    await carmen.context().close();
  });

  it('lets the coachee reflect first, with two next steps that go into her goal', async () => {
    const taylor = await as('taylor@riverside.example');
    await openReflections(taylor, /Expert coaching with Carmen Diaz/);
    await taylor.getByRole('heading', { level: 3, name: 'Reflect', exact: true }).waitFor();
    await taylor.getByText('You go first').waitFor();
    await checkA11y(taylor, 'reflection tab, coachee');

    // Nothing answered: one clear message, focus on the first prompt.
    await taylor.getByRole('button', { name: 'Save my reflection' }).click();
    await taylor.getByText('Answer at least one prompt — a sentence is enough.').waitFor();
    await expect.poll(() => taylor.getByLabel('Looking at the data, what do you notice first?').evaluate((el) => el === document.activeElement)).toBe(true);
    await checkA11y(taylor, 'reflection form with a message');

    await session(taylor).selectOption({ index: 1 });
    await taylor.getByLabel('Looking at the data, what do you notice first?').fill(NOTICED);
    await taylor.getByLabel('What would you do differently next time?').fill('Give everyone time to think before anyone answers.');

    const steps = taylor.getByRole('group', { name: 'Next steps' });
    await steps.getByRole('button', { name: 'Add a next step' }).click();
    const step1 = steps.getByRole('group', { name: 'Next step 1' });
    await expect.poll(() => step1.getByLabel('What will happen').evaluate((el) => el === document.activeElement)).toBe(true);
    await step1.getByLabel('What will happen').fill(STEP_1);
    await step1.getByLabel('By when (optional)').fill(localDay(14));
    await steps.getByRole('button', { name: 'Add a next step' }).click();
    const step2 = steps.getByRole('group', { name: 'Next step 2' });
    await step2.getByLabel('What will happen').fill(STEP_2);
    await step2.getByLabel('Who does it').selectOption('both');
    // Steps need a goal to belong to.
    await taylor.getByRole('button', { name: 'Save my reflection' }).click();
    await taylor.getByText('Choose the goal these next steps belong to.').waitFor();
    await expect.poll(() => taylor.getByLabel('The goal they belong to').evaluate((el) => el === document.activeElement)).toBe(true);
    await checkA11y(taylor, 'reflection form with next steps');
    await taylor.getByLabel('The goal they belong to').selectOption({ label: GOAL });
    await taylor.getByRole('button', { name: 'Save my reflection' }).click();

    const notice = taylor.locator('.reflection-notice');
    await expect.poll(() => notice.textContent()).toBe(`Your reflection is saved. 2 next steps added to “${GOAL}” — see them on the Goals tab.`);
    await expect.poll(() => taylor.evaluate(() => document.activeElement?.className)).toContain('reflection-notice');
    const mine = entries(taylor).first();
    await expect.poll(() => mine.textContent()).toContain('Your reflection');
    await expect.poll(() => mine.textContent()).toContain('In your own words');
    await expect.poll(() => mine.locator('.answers').textContent()).toContain(`Looking at the data, what do you notice first?${NOTICED}`);
    await expect.poll(() => mine.textContent()).toMatch(/On the support visit on /);
    await expect.poll(() => mine.locator('.added-steps li').allTextContents()).toEqual([STEP_1, STEP_2]);
    expect(await mine.locator('article').getAttribute('class')).toContain('reflection-coachee');
    // The form is ready for next time.
    expect(await taylor.getByLabel('Looking at the data, what do you notice first?').inputValue()).toBe('');
    expect(await taylor.getByRole('group', { name: 'Next step 1' }).count()).toBe(0);
    await checkA11y(taylor, 'reflection saved');

    // The steps are in the goal's action plan.
    await notice.getByRole('link', { name: 'see them on the Goals tab' }).click();
    await taylor.waitForURL(/\/goals$/);
    const goal = taylor.locator('article.goal-card', { hasText: GOAL });
    await expect.poll(() => goal.locator('.progress-text').textContent()).toBe('0 of 5 steps done');
    await expect.poll(() => goal.locator('.step-description').allTextContents()).toEqual(expect.arrayContaining([STEP_1, STEP_2]));
    await expect.poll(() => goal.locator('.step', { hasText: STEP_2 }).textContent()).toContain('Both of us');
    await taylor.context().close();
  });

  it('lets the coach reflect on the same session once the coachee has', async () => {
    const carmen = await as('carmen@riverside.example');
    await openReflections(carmen, /Expert coaching with Taylor Nguyen/);
    await entries(carmen).first().waitFor();
    await session(carmen).selectOption({ index: 1 });
    expect(await carmen.getByText('The coachee reflects first').count()).toBe(0);
    await carmen.getByLabel('What did you hear the coachee notice?').fill(HEARD);
    await carmen.getByLabel('What did you see, described without judging?').fill('Eleven questions; nine had one right answer.');
    await carmen.getByLabel('How can you support the next steps the coachee chose?').fill('I will model turn-and-talk on Tuesday.');
    await carmen.getByRole('button', { name: 'Save my reflection' }).click();
    await carmen.locator('.reflection-notice').getByText('Your reflection is saved.').waitFor();

    // Newest first; Taylor's voice is set apart from the partner's.
    await expect.poll(() => entries(carmen).count()).toBe(2);
    const [first, second] = [entries(carmen).nth(0), entries(carmen).nth(1)];
    await expect.poll(() => first.textContent()).toContain('Your reflection');
    await expect.poll(() => first.textContent()).toContain('As the coach');
    await expect.poll(() => first.locator('.answers').textContent()).toContain(`What did you hear the coachee notice?${HEARD}`);
    expect(await first.locator('article').getAttribute('class')).toContain('reflection-partner');
    await expect.poll(() => second.textContent()).toContain('Taylor Nguyen’s reflection');
    await expect.poll(() => second.textContent()).toContain('In Taylor’s own words');
    expect(await second.locator('article').getAttribute('class')).toContain('reflection-coachee');
    await expect.poll(() => second.textContent()).toContain(`2 next steps added to “${GOAL}”`);
    // Only the coachee shares her reflections.
    expect(await carmen.getByRole('button', { name: /^Share…/ }).count()).toBe(0);
    await checkA11y(carmen, 'reflections, both voices');
    await carmen.context().close();
  });

  it('works on a phone, with the keyboard', async () => {
    const taylor = await as('taylor@riverside.example', PHONE);
    await openReflections(taylor, /Expert coaching with Carmen Diaz/);
    await expect.poll(() => entries(taylor).count()).toBe(2);
    await entries(taylor).nth(1).getByRole('button', { name: /^Share…/ }).waitFor();
    await checkA11y(taylor, 'reflections on a phone');
    expect(await taylor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await taylor.getByLabel('What surprised you?').focus();
    await taylor.keyboard.type('How quiet it was while I turned the pages.');
    await taylor.getByRole('button', { name: 'Add a next step' }).focus();
    await taylor.keyboard.press('Enter');
    await expect.poll(() => taylor.getByRole('group', { name: 'Next step 1' }).getByLabel('What will happen').evaluate((el) => el === document.activeElement)).toBe(true);
    await taylor.keyboard.type('Hold the book lower so everyone sees the pictures');
    await taylor.getByLabel('The goal they belong to').selectOption({ label: GOAL });
    await checkA11y(taylor, 'reflection form on a phone');
    expect(await taylor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await taylor.getByRole('button', { name: 'Save my reflection' }).focus();
    await taylor.keyboard.press('Enter');
    await expect.poll(() => taylor.locator('.reflection-notice').textContent()).toContain(`1 next step added to “${GOAL}”`);
    await expect.poll(() => entries(taylor).count()).toBe(3);
    await checkA11y(taylor, 'reflections on a phone, after saving');
    await taylor.context().close();
  });
});
