import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PHONE, type World, checkA11y, describeBrowser, signedInPage, startWorld } from './harness';
import { openSection } from './sections';

/** Goals and action plans: a coach proposes, the coachee decides, works the plan, edits, and shares with her supervisor. */
describeBrowser('goals and action plans', () => {
  let world: World;
  let goalsUrl = '';
  const TITLE = 'Calmer transitions to outdoor time';
  const SEEDED = 'More children talking during read-aloud';
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  const as = (email: string, viewport?: { width: number; height: number }) => signedInPage(world, email, viewport);

  async function openGoals(page: Page, partner: RegExp) {
    if (goalsUrl) {
      await page.goto(goalsUrl);
    } else {
      await page.getByRole('link', { name: partner }).first().click();
      await openSection(page, 'Goals');
      await page.waitForURL(/\/partnerships\/[0-9a-f-]{36}\/goals$/);
      goalsUrl = new URL(page.url()).pathname;
    }
    await page.getByRole('heading', { name: 'Goals and action plans' }).waitFor();
    await page.locator('article.goal-card', { hasText: SEEDED }).waitFor();
  }

  it('lets the coach propose a goal that the coachee takes on, works on, edits and shares', async () => {
    const carmen = await as('carmen@riverside.example');
    await openGoals(carmen, /Expert coaching with Taylor Nguyen/);
    const seeded = carmen.locator('article.goal-card', { hasText: SEEDED });
    await expect.poll(() => seeded.locator('.progress-text').textContent()).toBe('0 of 3 steps done');
    await expect.poll(() => seeded.textContent()).toContain('in Taylor’s words');
    await checkA11y(carmen, 'goals list');

    await carmen.getByRole('button', { name: 'Propose a goal' }).click();
    await carmen.getByRole('heading', { name: 'Propose a goal for Taylor' }).waitFor();
    await carmen.getByLabel('The goal').fill(TITLE);
    await carmen.getByLabel('What it changes for children').fill('Children move outside calmly and start playing sooner.');
    const step1 = carmen.getByRole('group', { name: 'Step 1' });
    await step1.getByLabel('What will happen').fill('Model the two-minute warning song at tidy-up');
    await step1.getByLabel('Who does it').selectOption('coach');
    await carmen.getByRole('button', { name: 'Add a step' }).click();
    const step2 = carmen.getByRole('group', { name: 'Step 2' });
    // The new step's first field has focus, so keyboard users can type straight away.
    await expect.poll(() => step2.getByLabel('What will happen').evaluate((el) => el === document.activeElement)).toBe(true);
    await step2.getByLabel('What will happen').fill('Use the song on my own for a week');
    await step2.getByLabel('Who does it').selectOption('coachee');
    await step2.getByLabel('By when (optional)').fill('2027-01-20');
    await step2.getByLabel('Resources (optional)').fill('Song card by the door');
    await checkA11y(carmen, 'goal form, filled');
    // Reorder and back again: the order is the plan.
    await carmen.getByRole('button', { name: 'Move up, step 2' }).click();
    await expect.poll(() => carmen.getByRole('group', { name: 'Step 1' }).getByLabel('What will happen').inputValue()).toBe('Use the song on my own for a week');
    await carmen.getByRole('button', { name: 'Move down, step 1' }).click();
    await expect.poll(() => carmen.getByRole('group', { name: 'Step 1' }).getByLabel('What will happen').inputValue()).toBe('Model the two-minute warning song at tidy-up');
    await carmen.getByRole('button', { name: 'Propose it to Taylor' }).click();
    await carmen.getByText(`Your proposal “${TITLE}” is on its way.`).waitFor();
    const proposed = carmen.locator('article.goal-card', { hasText: TITLE });
    await proposed.getByText('Waiting for Taylor Nguyen to decide').waitFor();
    await expect.poll(() => proposed.locator('.goal-meta').textContent()).toContain('Proposed — waiting for the coachee');
    await checkA11y(carmen, 'goals, proposed (coach)');
    await carmen.context().close();

    const taylor = await as('taylor@riverside.example');
    await openGoals(taylor, /Expert coaching with Carmen Diaz/);
    const goal = taylor.locator('article.goal-card', { hasText: TITLE });
    await goal.getByText('Carmen Diaz proposed this goal for you').waitFor();
    await expect.poll(() => goal.locator('.goal-meta').textContent()).toContain('Proposed — waiting for you');
    await checkA11y(taylor, 'goals, proposed (coachee)');
    await goal.getByRole('button', { name: 'Take this goal on' }).click();
    await goal.getByText('This goal is active.').waitFor();
    await expect.poll(() => goal.locator('.progress-text').textContent()).toBe('0 of 2 steps done');

    await goal.getByLabel('Status of step 2').selectOption('done');
    await expect.poll(() => goal.locator('.progress-text').textContent()).toBe('1 of 2 steps done');
    await goal.getByText('Step 2 is now “done”.').waitFor();
    await checkA11y(taylor, 'goals, active with a step done');

    await goal.getByRole('button', { name: /^Edit/ }).click();
    await goal.getByRole('heading', { name: 'Edit the goal' }).waitFor();
    await checkA11y(taylor, 'goal edit form');
    const words = 'We sing, everyone finds their coat, and we are outside before the song ends.';
    await goal.getByLabel('What success looks like').fill(words);
    await goal.getByRole('button', { name: 'Save changes' }).click();
    await goal.getByText('Your changes are saved.').waitFor();
    await expect.poll(() => goal.locator('blockquote').textContent()).toBe(words);
    await expect.poll(() => goal.textContent()).toContain('What success looks like, in your words');
    // The step marked done stays done after the whole plan is saved.
    await expect.poll(() => goal.getByLabel('Status of step 2').inputValue()).toBe('done');

    await goal.getByRole('button', { name: /^Share…/ }).click();
    await goal.getByLabel('Share with').fill('Sam');
    await goal.getByRole('button', { name: 'Choose Sam Okafor' }).click();
    await goal.getByText('Sharing with').waitFor();
    await checkA11y(taylor, 'share a goal');
    await goal.getByRole('button', { name: 'Share', exact: true }).click();
    await goal.getByText('Sam Okafor can now read this goal').waitFor();
    await openSection(taylor, 'Sharing');
    await expect.poll(() => taylor.locator('tbody tr', { hasText: 'Sam Okafor' }).first().textContent()).toContain(`The goal “${TITLE}”`);
    await taylor.context().close();

    const sam = await as('sam@riverside.example');
    await sam.getByRole('heading', { name: 'Shared with you' }).waitFor();
    const shared = sam.locator('.shared-list li', { hasText: TITLE });
    await shared.waitFor();
    await expect.poll(() => shared.textContent()).toContain('Goal · from Taylor Nguyen');
    // The title only, until Sam chooses to read it (that read is what Taylor's log shows).
    expect(await shared.textContent()).not.toContain(words);
    await shared.getByRole('button', { name: /^Read/ }).click();
    await expect.poll(() => shared.textContent()).toContain(words);
    await checkA11y(sam, 'supervisor home with a shared goal');
    // Sam is not a member: no Goals tab for him.
    await sam.goto(goalsUrl.replace(/\/goals$/, ''));
    await sam.getByText('You see logistics only').waitFor();
    expect(await sam.getByRole('link', { name: 'Goals' }).count()).toBe(0);
    await sam.context().close();
  });

  it('stops a second editor from overwriting the first, and offers the latest version', async () => {
    const carmen = await as('carmen@riverside.example');
    const taylor = await as('taylor@riverside.example');
    await openGoals(carmen, /Expert coaching with Taylor Nguyen/);
    await openGoals(taylor, /Expert coaching with Carmen Diaz/);
    const cGoal = carmen.locator('article.goal-card', { hasText: SEEDED });
    const tGoal = taylor.locator('article.goal-card', { hasText: SEEDED });
    await cGoal.getByRole('button', { name: /^Edit/ }).click();
    await tGoal.getByRole('button', { name: /^Edit/ }).click();

    await cGoal.getByRole('group', { name: 'Step 2' }).getByLabel('Resources (optional)').fill('The Snowy Day, with wait-time cues');
    await cGoal.getByRole('button', { name: 'Save changes' }).click();
    await cGoal.getByText('Your changes are saved.').waitFor();

    await tGoal.getByLabel('What it changes for children').fill('Children explain their thinking to each other.');
    await tGoal.getByRole('button', { name: 'Save changes' }).click();
    await tGoal.getByText('Someone else saved first').waitFor();
    await tGoal.getByText('Someone else changed this goal while you were editing.').waitFor();
    await checkA11y(taylor, 'goal edit conflict');
    await tGoal.getByRole('button', { name: 'Reload the latest version' }).click();
    await expect.poll(() => tGoal.getByRole('group', { name: 'Step 2' }).getByLabel('Resources (optional)').inputValue()).toBe('The Snowy Day, with wait-time cues');
    expect(await tGoal.getByText('Someone else saved first').count()).toBe(0);
    await tGoal.getByLabel('What it changes for children').fill('Children explain their thinking to each other.');
    await tGoal.getByRole('button', { name: 'Save changes' }).click();
    await tGoal.getByText('Your changes are saved.').waitFor();

    // A quick step change from a stale page is refused too, and the page catches up.
    await cGoal.getByLabel('Status of step 1').selectOption('done');
    await cGoal.getByText('Someone changed this goal just now').waitFor();
    await expect.poll(() => cGoal.textContent()).toContain('Children explain their thinking to each other.');
    await expect.poll(() => cGoal.getByLabel('Status of step 1').inputValue()).toBe('in_progress');
    await cGoal.getByLabel('Status of step 1').selectOption('done');
    await expect.poll(() => cGoal.locator('.progress-text').textContent()).toBe('1 of 3 steps done');
    await carmen.context().close();
    await taylor.context().close();
  });

  it('works on a phone', async () => {
    const taylor = await as('taylor@riverside.example', PHONE);
    await openGoals(taylor, /Expert coaching with Carmen Diaz/);
    await checkA11y(taylor, 'goals on a phone');
    expect(await taylor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await taylor.getByRole('button', { name: 'Write a goal' }).click();
    await taylor.getByRole('heading', { name: 'Write a goal' }).waitFor();
    await checkA11y(taylor, 'goal form on a phone');
    expect(await taylor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    // A goal the coachee writes herself is active at once.
    await taylor.getByLabel('The goal').fill('Fewer waits at handwashing');
    await taylor.getByRole('group', { name: 'Step 1' }).getByLabel('What will happen').fill('Sing the handwashing song in two groups');
    await taylor.getByRole('button', { name: 'Save the goal' }).click();
    await taylor.getByText('Your goal “Fewer waits at handwashing” is saved.').waitFor();
    const mine = taylor.locator('article.goal-card', { hasText: 'Fewer waits at handwashing' });
    await expect.poll(() => mine.locator('.goal-meta').textContent()).toContain('Active');
    await taylor.context().close();
  });
});
