import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PHONE, type World, checkA11y, describeBrowser, localDay, signedInPage, startWorld } from './harness';
import { openSection } from './sections';

/**
 * Observation plans: the coach writes down the focus conversation with an
 * event count; the coachee sees the data form exactly as it will be filled in
 * and confirms it; a later change sends it back to the coachee; a stale
 * confirmation is refused and shown the latest version.
 */
describeBrowser('observation plans', () => {
  let world: World;
  let plansUrl = '';
  const FOCUS = 'How children join in when we count the calendar days.';
  const SEEDED = 'Who talks during read-aloud, and after which questions.';
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  const as = (email: string, viewport?: { width: number; height: number }) => signedInPage(world, email, viewport);

  async function openPlans(page: Page, partner: RegExp) {
    if (plansUrl) {
      await page.goto(plansUrl);
    } else {
      await page.getByRole('link', { name: partner }).first().click();
      await openSection(page, 'Observation plans');
      await page.waitForURL(/\/partnerships\/[0-9a-f-]{36}\/observations$/);
      plansUrl = new URL(page.url()).pathname;
    }
    await page.getByRole('heading', { level: 2, name: 'Observation plans' }).waitFor();
    await card(page, SEEDED).waitFor();
  }

  const card = (page: Page, focus: string) => page.locator('article.plan-card', { hasText: focus });
  /** The column headers of a data form table, in order. */
  const columns = (page: Page, focus: string) => card(page, focus).locator('.data-form-table thead th').allTextContents();

  it('lets the coach write the plan from their focus conversation, with an event count', async () => {
    const carmen = await as('carmen@riverside.example');
    await openPlans(carmen, /Expert coaching with Taylor Nguyen/);
    // The seeded plan waits for Taylor; only Taylor confirms.
    await expect.poll(() => card(carmen, SEEDED).locator('.plan-meta').textContent()).toBe('Draft — waiting for Taylor to confirm');
    expect(await card(carmen, SEEDED).getByRole('button', { name: 'Confirm this plan' }).count()).toBe(0);
    await card(carmen, SEEDED).getByText('Waiting for Taylor to look at the plan and the data form').waitFor();
    await checkA11y(carmen, 'observation plans, coach');

    // No visit is booked yet: the form says where to book one. Carmen books it on the Sessions tab.
    await carmen.getByRole('button', { name: 'Plan an observation' }).click();
    await carmen.getByText('No observation is scheduled yet.').waitFor();
    await carmen.getByRole('button', { name: 'Cancel' }).click();
    await openSection(carmen, 'Sessions');
    await carmen.getByRole('button', { name: 'Schedule a session' }).click();
    await carmen.getByLabel('What kind of session').selectOption('observation');
    const when = carmen.getByRole('group', { name: 'When' });
    await when.getByLabel('Day').fill(localDay(3));
    await when.getByLabel('Start time').fill('08:45');
    await when.getByLabel('End time').fill('09:15');
    await carmen.getByRole('button', { name: 'Add to our sessions' }).click();
    await carmen.getByText(/Your observation on .* is on the calendar\./).waitFor();
    await openPlans(carmen, /Expert coaching with Taylor Nguyen/);

    await carmen.getByRole('button', { name: 'Plan an observation' }).click();
    const form = carmen.locator('form.plan-form');
    await form.getByRole('heading', { name: 'Plan an observation together' }).waitFor();
    await expect.poll(() => carmen.evaluate(() => document.activeElement?.textContent)).toBe('Plan an observation together');
    // The prompts come in the order of the conversation, each with its hint.
    const labels = await form.locator('ol.focus-steps > li').evaluateAll((items) => items.map((li) => li.querySelector('label, legend')?.textContent?.replace(' (required)', '')));
    expect(labels).toEqual([
      'What would you like us to look at together?',
      'How is it going right now, as you see it?',
      'If this went the way you hope, what would we see and hear?',
      'What exactly should the data capture?',
      'Which way of gathering data fits that best?',
      'Live in the room, or recorded on video?',
      'When should it happen, and for how long?',
    ]);
    // Nothing filled in: say what is missing and go to the first one.
    await form.getByRole('button', { name: 'Save and ask Taylor to confirm' }).click();
    await form.getByText('Say what you would like to look at together.').waitFor();
    await form.getByText('Choose one way of gathering data.').waitFor();
    await form.getByText('Choose live or recorded.').waitFor();
    await expect.poll(() => form.getByLabel('What would you like us to look at together?').evaluate((el) => el === document.activeElement)).toBe(true);
    await checkA11y(carmen, 'observation plan form with messages');

    await form.getByLabel('What would you like us to look at together?').fill(FOCUS);
    await form.getByLabel('How is it going right now, as you see it?').fill('A few children count along; most wait for it to be over.');
    await form.getByLabel('If this went the way you hope, what would we see and hear?').fill('Every child says a number, and some help a friend.');
    await form.getByLabel('What exactly should the data capture?').fill('Who joins in, and what Taylor says just before.');

    // A time sample asks for the minutes between notes and shows interval rows.
    await form.getByRole('radio', { name: 'Time sample' }).check();
    await expect.poll(() => form.getByLabel('Minutes between notes').inputValue()).toBe('5');
    await expect.poll(() => form.locator('.data-form-table tbody th').allTextContents()).toEqual(['Minute 0', 'Minute 5', 'Minute 10', 'Minute 15', '…']);
    // Picking the event count starts its data form from the usual events.
    await form.getByRole('radio', { name: 'Event count' }).check();
    expect(await form.getByLabel('Minutes between notes').count()).toBe(0);
    const events = form.getByRole('group', { name: 'Events to tally' });
    await expect.poll(() => events.getByRole('textbox').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual(['Open question', 'Closed question', 'Specific praise']);
    // Rename, remove and add, then see the preview follow.
    await events.getByLabel('Events to tally, 3').fill('A child answers');
    await events.getByRole('button', { name: 'Remove Closed question' }).click();
    await events.getByRole('button', { name: 'Add one' }).click();
    await expect.poll(() => events.getByLabel('Events to tally, 3').evaluate((el) => el === document.activeElement)).toBe(true);
    await events.getByLabel('Events to tally, 3').fill('A child helps a friend count');
    await expect.poll(() => form.locator('.data-form-table thead th').allTextContents()).toEqual(['Open question', 'A child answers', 'A child helps a friend count']);
    await expect.poll(() => form.locator('.data-form-table tbody th').allTextContents()).toEqual(['Tally', 'Times noted', 'Total']);
    await form.getByLabel('Anything else about how the data is taken (optional)').fill('A tally mark for each event; no names of children.');

    await form.getByRole('radio', { name: 'Live, in the room' }).check();
    await form.getByLabel('When should it happen, and for how long?').fill('Calendar time, 8:50–9:00');
    // The visit just booked and the seeded goal are there to link.
    const visits = await form.getByLabel('The observation visit it prepares (optional)').locator('option').allTextContents();
    expect(visits).toHaveLength(2);
    expect(visits[1]).toMatch(/^Observation, /);
    await form.getByLabel('The observation visit it prepares (optional)').selectOption({ index: 1 });
    await form.getByLabel('Goal it serves (optional)').selectOption({ label: 'More children talking during read-aloud' });
    await checkA11y(carmen, 'observation plan form, filled');
    await form.getByRole('button', { name: 'Save and ask Taylor to confirm' }).click();
    await carmen.getByText('The plan is saved as a draft. Taylor will see the data form and confirm it before the visit.').waitFor();
    const mine = card(carmen, FOCUS);
    await expect.poll(() => mine.locator('.plan-meta').textContent()).toBe('Draft — waiting for Taylor to confirm');
    await expect.poll(() => mine.textContent()).toContain('Event count, live, in the room');
    await expect.poll(() => mine.textContent()).toContain('Observation on');
    await expect.poll(() => mine.textContent()).toContain('More children talking during read-aloud');
    await expect.poll(() => columns(carmen, FOCUS)).toEqual(['Open question', 'A child answers', 'A child helps a friend count']);
    await expect.poll(() => mine.textContent()).toContain('Drafted by you');
    // Focus is on the plan just saved.
    await expect.poll(() => carmen.evaluate(() => document.activeElement?.textContent)).toBe(FOCUS);
    await checkA11y(carmen, 'observation plans with a new draft');
    await carmen.context().close();
  });

  it('shows the coachee the data form before the visit, and lets her confirm it', async () => {
    const taylor = await as('taylor@riverside.example');
    await openPlans(taylor, /Expert coaching with Carmen Diaz/);
    const plan = card(taylor, FOCUS);
    await expect.poll(() => plan.locator('.plan-meta').textContent()).toBe('Draft — waiting for you to confirm');
    // The data form exactly as Carmen will fill it in: a tally column per event.
    await plan.getByRole('heading', { name: 'Event count: the form the coach will fill in' }).waitFor();
    await expect.poll(() => columns(taylor, FOCUS)).toEqual(['Open question', 'A child answers', 'A child helps a friend count']);
    await expect.poll(() => plan.locator('.data-form-table tbody th').allTextContents()).toEqual(['Tally', 'Times noted', 'Total']);
    await expect.poll(() => plan.textContent()).toContain('A tally mark for each event; no names of children.');
    // The answers from the conversation sit under their prompts.
    await expect.poll(() => plan.locator('.answers').textContent()).toContain('How is it going right now, as you see it?A few children count along');
    await checkA11y(taylor, 'observation plans, coachee with a plan to confirm');

    await plan.getByRole('button', { name: 'Confirm this plan' }).click();
    await plan.getByText('Confirmed. Your partner will gather exactly this data, and nothing else.').waitFor();
    await expect.poll(() => plan.locator('.plan-meta').textContent()).toMatch(/^Confirmed by you on /);
    expect(await plan.getByRole('button', { name: 'Confirm this plan' }).count()).toBe(0);
    await expect.poll(() => taylor.evaluate(() => document.activeElement?.textContent)).toBe(FOCUS);
    await checkA11y(taylor, 'observation plan confirmed');
    await taylor.context().close();
  });

  it('sends a changed plan back to the coachee, and refuses a confirmation of an older version', async () => {
    // Taylor has the seeded plan open…
    const taylor = await as('taylor@riverside.example');
    await openPlans(taylor, /Expert coaching with Carmen Diaz/);
    await card(taylor, SEEDED).getByRole('button', { name: 'Confirm this plan' }).waitFor();

    // …while Carmen changes it, and also changes the plan Taylor already confirmed.
    const carmen = await as('carmen@riverside.example');
    await openPlans(carmen, /Expert coaching with Taylor Nguyen/);
    await card(carmen, SEEDED).getByRole('button', { name: /^Change the plan/ }).click();
    await carmen.getByLabel('When should it happen, and for how long?').fill('Read-aloud, 9:20–9:40');
    await carmen.getByRole('button', { name: 'Save changes' }).click();
    await carmen.getByText('Your changes are saved. The plan is a draft until Taylor confirms it.').waitFor();

    const confirmed = card(carmen, FOCUS);
    await expect.poll(() => confirmed.locator('.plan-meta').textContent()).toMatch(/^Confirmed by Taylor on /);
    await confirmed.getByText('If you change this confirmed plan, it goes back to draft until Taylor confirms it again.').waitFor();
    await confirmed.getByRole('button', { name: /^Change the plan/ }).click();
    await carmen.getByText('Taylor has already confirmed this plan').waitFor();
    await checkA11y(carmen, 'changing a confirmed plan');
    await carmen.getByRole('group', { name: 'Events to tally' }).getByRole('button', { name: 'Add one' }).click();
    await carmen.getByLabel('Events to tally, 4').fill('Taylor waits three seconds');
    await carmen.getByRole('button', { name: 'Save changes' }).click();
    await carmen.getByText('Your changes are saved. The plan is a draft again until Taylor confirms it.').waitFor();
    await expect.poll(() => card(carmen, FOCUS).locator('.plan-meta').textContent()).toBe('Draft — waiting for Taylor to confirm');
    await carmen.context().close();

    // Taylor's page still shows the old version: confirming it is refused, and the latest is loaded.
    await card(taylor, SEEDED).getByRole('button', { name: 'Confirm this plan' }).click();
    await taylor.getByText('The plan changed just now').waitFor();
    await taylor.getByText('Your partner changed this plan while you were working on it.').waitFor();
    await expect.poll(() => card(taylor, SEEDED).textContent()).toContain('Read-aloud, 9:20–9:40');
    await checkA11y(taylor, 'confirmation refused after a change');
    await card(taylor, SEEDED).getByRole('button', { name: 'Confirm this plan' }).click();
    await expect.poll(() => card(taylor, SEEDED).locator('.plan-meta').textContent()).toMatch(/^Confirmed by you on /);
    // The changed plan is back with Taylor, with the new event in its form.
    await expect.poll(() => card(taylor, FOCUS).locator('.plan-meta').textContent()).toBe('Draft — waiting for you to confirm');
    await expect.poll(() => columns(taylor, FOCUS)).toContain('Taylor waits three seconds');
    await taylor.context().close();
  });

  it('works on a phone', async () => {
    const taylor = await as('taylor@riverside.example', PHONE);
    await openPlans(taylor, /Expert coaching with Carmen Diaz/);
    await card(taylor, FOCUS).getByRole('button', { name: 'Confirm this plan' }).waitFor();
    await checkA11y(taylor, 'observation plans on a phone');
    expect(await taylor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    // A wide data form scrolls inside its own region, which the keyboard can reach.
    const region = card(taylor, FOCUS).getByRole('region', { name: 'Event count: the form the coach will fill in' });
    expect(await region.getAttribute('tabindex')).toBe('0');

    // Taylor writes her own plan: it counts as confirmed.
    await taylor.getByRole('button', { name: 'Plan an observation' }).click();
    await taylor.getByLabel('What would you like us to look at together?').fill('How long tidy-up takes.');
    await taylor.getByRole('radio', { name: 'Duration' }).check();
    await taylor.getByRole('radio', { name: 'Recorded on video' }).check();
    await checkA11y(taylor, 'plan form on a phone');
    expect(await taylor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await taylor.getByRole('button', { name: 'Save the plan' }).click();
    await taylor.getByText('Your plan is saved and confirmed').waitFor();
    await expect.poll(() => card(taylor, 'How long tidy-up takes.').locator('.plan-meta').textContent()).toMatch(/^Confirmed by you on /);
    await expect.poll(() => columns(taylor, 'How long tidy-up takes.')).toEqual(['Activity', 'Started', 'Ended', 'Minutes']);
    await checkA11y(taylor, 'observation plans on a phone, after adding one');
    expect(await taylor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await taylor.context().close();
  });
});
