import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PHONE, type World, checkA11y, describeBrowser, localDay, signedInPage, startWorld } from './harness';
import { openSection } from './sections';

/**
 * Concerns, always in order: the coach records one (the coachee reads it at
 * once), talks it over with the coachee and records that, and only then may
 * raise it with the coachee's supervisor. The coachee sees the escalation; the
 * supervisor sees the concern on Home, and nothing else of the partnership.
 */
describeBrowser('concerns', () => {
  let world: World;
  let concernsUrl = '';
  const CONCERN = 'Taylor has missed our last two debriefs and said she feels stretched thin with the shared assistant.';
  const SUMMARY = 'We talked after school. Taylor is covering two rooms most mornings; we agreed to ask for cover on debrief days.';
  const VIEW = 'I want to keep coaching. I just need the cover we agreed on.';
  const REASON = 'Could you arrange the thirty minutes of cover on debrief days that the agreement asks for?';
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  const as = (email: string, viewport?: { width: number; height: number }) => signedInPage(world, email, viewport);
  const card = (page: Page) => page.locator('article.concern-card').first();
  const step = (page: Page, n: number) => card(page).locator('li.concern-step').nth(n - 1);

  async function openConcerns(page: Page, partner: RegExp) {
    if (concernsUrl) {
      await page.goto(concernsUrl);
    } else {
      await page.getByRole('link', { name: partner }).first().click();
      await openSection(page, 'Concerns');
      await page.waitForURL(/\/partnerships\/[0-9a-f-]{36}\/concerns$/);
      concernsUrl = new URL(page.url()).pathname;
    }
    await page.getByRole('heading', { level: 2, name: 'Concerns' }).waitFor();
  }

  it('takes a concern from the coach, through the coachee, to the supervisor — in that order', async () => {
    const carmen = await as('carmen@riverside.example');
    await openConcerns(carmen, /Expert coaching with Taylor Nguyen/);
    await carmen.getByText('through three steps, always in this order').waitFor();
    await carmen.getByText('None recorded.').waitFor();
    await checkA11y(carmen, 'concerns tab, empty (coach)');

    // Step 1: record it. An empty one is refused with a reason, and focus stays on the text.
    await carmen.getByRole('button', { name: 'Record a concern' }).click();
    await carmen.getByRole('heading', { level: 3, name: 'Record a concern' }).waitFor();
    await expect.poll(() => carmen.getByLabel('What is the concern?').evaluate((el) => el === document.activeElement)).toBe(true);
    await carmen.getByRole('button', { name: 'Record the concern' }).click();
    await carmen.getByText('Describe what you noticed, so it can be talked over.').waitFor();
    await checkA11y(carmen, 'record a concern, with an error');
    await carmen.getByLabel('What is the concern?').fill(CONCERN);
    await carmen.getByRole('button', { name: 'Record the concern' }).click();
    await carmen.getByText('The concern is recorded. Taylor can read it now.').waitFor();
    const title = carmen.getByRole('heading', { level: 4, name: 'A concern about Taylor Nguyen' });
    await expect.poll(() => title.evaluate((el) => el === document.activeElement)).toBe(true);
    await expect.poll(() => card(carmen).textContent()).toContain(CONCERN);
    await expect.poll(() => step(carmen, 1).textContent()).toContain('Done');

    // Step 3 cannot come before step 2: the button is off, and says why.
    const raise = step(carmen, 3).getByRole('button', { name: 'Raise it with a supervisor…' });
    expect(await raise.isDisabled()).toBe(true);
    await expect.poll(() => step(carmen, 3).textContent()).toContain('This opens once your conversation with Taylor is recorded in step 2.');
    await expect.poll(() => step(carmen, 3).textContent()).toContain('Not yet possible');
    expect(await raise.getAttribute('aria-describedby')).toBeTruthy();
    await checkA11y(carmen, 'a recorded concern, before the conversation');
    // The server refuses too, whatever the page shows.
    const concernId = (await (await carmen.request.get(`/api${concernsUrl}`)).json()).items[0].id;
    const me = await (await carmen.request.get('/api/me')).json();
    const sam = world.people.supervisor;
    const early = await carmen.request.post(`/api/concerns/${concernId}/escalation`, { data: { supervisorId: sam, reason: REASON }, headers: { 'x-csrf-token': me.csrfToken } });
    expect(early.status()).toBe(409);
    expect((await early.json()).code).toBe('DISCUSS_FIRST');

    // Step 2: the conversation with Taylor, today, with her own view.
    const talk = step(carmen, 2);
    expect(await talk.getByLabel('The day you talked').inputValue()).toBe(localDay(0));
    await talk.getByRole('button', { name: 'Record the conversation' }).click();
    await talk.getByText('Say briefly what you and Taylor said and agreed.').waitFor();
    await expect.poll(() => talk.getByLabel('What you said and agreed').evaluate((el) => el === document.activeElement)).toBe(true);
    await talk.getByLabel('What you said and agreed').fill(SUMMARY);
    await talk.getByLabel('Taylor’s own view (optional)').fill(VIEW);
    await checkA11y(carmen, 'record the conversation');
    await talk.getByRole('button', { name: 'Record the conversation' }).click();
    await card(carmen).getByText('Your conversation with Taylor is recorded.').waitFor();
    await expect.poll(() => step(carmen, 2).textContent()).toContain(SUMMARY);
    await expect.poll(() => step(carmen, 2).textContent()).toContain(VIEW);
    await expect.poll(() => step(carmen, 3).getByRole('heading', { level: 5 }).evaluate((el) => el === document.activeElement)).toBe(true);

    // Step 3: now it can be raised, with Taylor's supervisor.
    const raiseNow = step(carmen, 3).getByRole('button', { name: 'Raise it with a supervisor…' });
    expect(await raiseNow.isEnabled()).toBe(true);
    await raiseNow.click();
    const form = step(carmen, 3).getByRole('form', { name: 'Raise the concern with a supervisor' });
    expect(await form.getByLabel('Raise it with').locator('option:checked').textContent()).toBe('Sam Okafor');
    await form.getByRole('button', { name: 'Raise it with the supervisor' }).click();
    await form.getByText('Say why it needs a supervisor, and what you ask of them.').waitFor();
    await form.getByLabel('Why it needs a supervisor, and what you ask of them').fill(REASON);
    await checkA11y(carmen, 'raise a concern with the supervisor');
    await form.getByRole('button', { name: 'Raise it with the supervisor' }).click();
    await card(carmen).getByText('Raised with Sam Okafor. Taylor can see that you did, and why.').waitFor();
    await expect.poll(() => step(carmen, 3).textContent()).toContain('You raised it with Sam Okafor');
    await expect.poll(() => step(carmen, 3).textContent()).toContain(REASON);
    await expect.poll(() => card(carmen).textContent()).toContain('Raised with a supervisor');
    await checkA11y(carmen, 'a concern raised with the supervisor');
    await carmen.context().close();

    // Taylor reads all of it: what was written, the conversation, and who it went to, when and why. She cannot record one.
    const taylor = await as('taylor@riverside.example');
    await openConcerns(taylor, /Expert coaching with Carmen Diaz/);
    await taylor.getByText('Nothing is raised about you without you.').waitFor();
    expect(await taylor.getByRole('button', { name: 'Record a concern' }).count()).toBe(0);
    await taylor.getByRole('heading', { level: 3, name: 'Concerns about you' }).waitFor();
    await taylor.getByRole('heading', { level: 4, name: 'A concern about you' }).waitFor();
    await expect.poll(() => card(taylor).textContent()).toContain(CONCERN);
    await expect.poll(() => step(taylor, 2).textContent()).toContain('Talked over with you');
    await expect.poll(() => step(taylor, 2).textContent()).toContain('Your view, in your words');
    await expect.poll(() => step(taylor, 2).textContent()).toContain(VIEW);
    await expect.poll(() => step(taylor, 3).textContent()).toContain('Carmen Diaz raised it with Sam Okafor on');
    await expect.poll(() => step(taylor, 3).textContent()).toContain(REASON);
    expect(await card(taylor).getByRole('button').count()).toBe(0);
    await checkA11y(taylor, 'concerns tab (coachee)');
    await taylor.context().close();

    // Sam sees it on Home, with the conversation and the reason, and no way into the partnership's coaching from there.
    const samPage = await as('sam@riverside.example');
    const raised = samPage.getByRole('region', { name: 'Concerns raised with you' });
    await raised.getByRole('heading', { level: 3, name: 'About Taylor Nguyen' }).waitFor();
    await expect.poll(() => raised.textContent()).toContain(CONCERN);
    await expect.poll(() => raised.textContent()).toContain(SUMMARY);
    await expect.poll(() => raised.textContent()).toContain(VIEW);
    await expect.poll(() => raised.textContent()).toContain(REASON);
    await expect.poll(() => raised.textContent()).toContain('Raised by Carmen Diaz');
    expect(await raised.getByRole('link').count()).toBe(0);
    await checkA11y(samPage, 'supervisor home with a concern raised');
    // The partnership's Concerns tab stays closed to him.
    await samPage.goto(concernsUrl);
    await samPage.getByText('Concerns stay between the people in this partnership').waitFor();
    expect(await samPage.getByText(CONCERN).count()).toBe(0);
    await samPage.context().close();

    // Carmen closes it with a note; Taylor sees that too.
    const carmenAgain = await as('carmen@riverside.example');
    await openConcerns(carmenAgain, /Expert coaching with Taylor Nguyen/);
    await card(carmenAgain).getByRole('button', { name: /^Mark as resolved…/ }).click();
    await card(carmenAgain).getByLabel('How it was resolved (optional)').fill('Cover is in place on debrief days from next week.');
    await card(carmenAgain).getByRole('button', { name: 'Mark as resolved', exact: true }).click();
    await card(carmenAgain).getByText('Marked as resolved.').waitFor();
    await expect.poll(() => card(carmenAgain).textContent()).toContain('Cover is in place on debrief days');
    await checkA11y(carmenAgain, 'a resolved concern');
    await carmenAgain.context().close();
  });

  it('lets a peer coach record a concern about the other peer, and tells her nothing is raised about her without her', async () => {
    // Priya is a peer: she may record a concern about Ben, and only about Ben.
    const priya = await as('priya@riverside.example');
    await priya.getByRole('link', { name: /^Peer coaching with / }).first().click();
    await openSection(priya, 'Concerns');
    await priya.getByText('Nothing is raised about you without you.').waitFor();
    await priya.getByRole('button', { name: 'Record a concern' }).click();
    await priya.getByText('Ben can read it as soon as it is saved.').waitFor();
    await checkA11y(priya, 'record a concern (peer)');
    await priya.context().close();
  });

  it('works on a phone', async () => {
    const taylor = await as('taylor@riverside.example', PHONE);
    await openConcerns(taylor, /Expert coaching with Carmen Diaz/);
    await card(taylor).getByText('Resolved on').waitFor();
    await checkA11y(taylor, 'concerns on a phone (coachee)');
    expect(await taylor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await taylor.context().close();

    const carmen = await as('carmen@riverside.example', PHONE);
    await openConcerns(carmen, /Expert coaching with Taylor Nguyen/);
    await carmen.getByRole('button', { name: 'Record a concern' }).click();
    await carmen.getByLabel('What is the concern?').fill('A second concern, to see the steps on a small screen.');
    await carmen.getByRole('button', { name: 'Record the concern' }).click();
    await carmen.getByText('The concern is recorded.').waitFor();
    await checkA11y(carmen, 'concern steps on a phone (coach)');
    expect(await carmen.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await carmen.context().close();
  });
});
