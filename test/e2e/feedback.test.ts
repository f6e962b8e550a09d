import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Observation, PartnershipSummary } from '../../web/src/api';
import { PHONE, TABLET, type World, checkA11y, describeBrowser, post, signedInPage, startWorld } from './harness';

/**
 * Written feedback (issue 11, item 3 and 4): Carmen (coach) writes feedback on an ended visit
 * to Taylor's classroom on a tablet: the agreed focus on top, a sentence starter, her words with
 * the language check flagging a judgement and advice as she types (it never stops her), the
 * event-count graphic and a line of its data inserted; she saves a draft (Taylor and Sam cannot
 * see it), then sends it. Taylor, on a phone, is told feedback waits until she has written what
 * she notices; once she has, she reads it with the graphic and the quoted line; Sam (supervisor)
 * gets nothing. axe on each screen.
 */
describeBrowser('written feedback', () => {
  let world: World;
  let partnershipId = '';
  let observation: Observation;
  const FOCUS = 'Which questions children answer at morning meeting.';
  const reviewUrl = () => `/partnerships/${partnershipId}/observations/${observation.id}`;

  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  it('lets the coach write feedback quoting the data, with the language check beside her words, save a draft and send it', async () => {
    const carmen = await signedInPage(world, 'carmen@riverside.example', TABLET);
    const list = await (await carmen.request.get('/api/partnerships?limit=50')).json();
    const expert = (list.items as Array<PartnershipSummary & { members: Array<{ name: string }> }>).find((x) => x.format === 'expert' && x.members.some((mb) => mb.name === 'Taylor Nguyen'));
    partnershipId = expert!.id;
    const startedAt = new Date(Date.now() - 20 * 60_000);
    const at = (minutes: number) => new Date(startedAt.getTime() + minutes * 60_000).toISOString();
    observation = await post<Observation>(carmen, `/api/partnerships/${partnershipId}/observations`, {
      focus: FOCUS,
      mode: 'live',
      startedAt: startedAt.toISOString(),
      tools: [{ tool: 'event_count', categories: ['Open question', 'Closed question'] }],
    });
    const events = ['Open question', 'Open question', 'Open question', 'Closed question'].map((category, i) => ({ id: crypto.randomUUID(), tool: 'event_count', type: 'count', payload: { category }, deviceAt: at(i + 1) }));
    await post(carmen, `/api/observations/${observation.id}/events`, { events }, 200);
    await post(carmen, `/api/observations/${observation.id}/ending`, {}, 200);

    await carmen.goto(reviewUrl());
    await carmen.getByRole('heading', { name: 'Written feedback' }).waitFor();
    await carmen.getByRole('button', { name: 'Write feedback' }).click();
    const composer = carmen.getByRole('group', { name: 'Feedback on this visit' });
    await composer.waitFor();
    await expect.poll(() => composer.locator('.feedback-focus-text').textContent()).toBe(FOCUS);

    await composer.getByRole('button', { name: 'I saw…' }).click();
    const words = composer.getByLabel('Your words, part 1');
    await expect.poll(() => words.inputValue()).toBe('I saw… ');
    await words.fill('I saw three open questions before the calendar. It was a great lesson and you should ask more.');
    // The check answers as she types: a judgement and advice, each explained, with a way to say it instead.
    const flags = composer.locator('.language-flag');
    await expect.poll(() => flags.count()).toBeGreaterThanOrEqual(2);
    const flagText = (await flags.allTextContents()).join('\n');
    expect(flagText).toMatch(/A judgement “[^”]*great lesson[^”]*”/i);
    expect(flagText).toMatch(/Advice “you should[^”]*”/i);
    expect(flagText).toContain('Try:');
    await checkA11y(carmen, 'feedback composer with language flags');

    // Evidence: the event-count graphic, then a line of its data.
    await composer.getByRole('button', { name: 'The Event count graphic' }).click();
    await composer.getByLabel('Line to quote').selectOption({ label: 'Open question: 3 (75%)' });
    await composer.getByRole('button', { name: 'Insert', exact: true }).click();
    await expect.poll(() => composer.locator('.feedback-evidence').count()).toBe(2);
    await expect.poll(() => composer.locator('.feedback-quote blockquote').textContent()).toBe('Open question: 3 (75%)');
    await composer.getByLabel('Your words, part 2').fill('Three of the four questions were open.');

    await composer.getByRole('button', { name: 'Save draft' }).click();
    await carmen.getByText('Draft saved. Only you can see it until you send it.').waitFor();
    const draft = carmen.locator('.feedback-card.feedback-draft');
    await expect.poll(() => draft.locator('.feedback-quote blockquote').textContent()).toBe('Open question: 3 (75%)');
    await expect.poll(() => draft.locator('.feedback-graphic svg').count()).toBe(1);
    await checkA11y(carmen, 'feedback draft');

    // Taylor sees nothing of a draft.
    const early = await (await (await signedInPage(world, 'taylor@riverside.example', PHONE)).request.get(`/api/observations/${observation.id}/feedback`)).json();
    expect(early).toMatchObject({ items: [], heldUntilCoacheeReflects: 0 });

    await draft.getByRole('button', { name: 'Change the draft' }).click();
    await composer.getByRole('button', { name: 'Send to Taylor' }).click();
    await carmen.getByText('Sent. Taylor reads it after writing what they notice in the data.').waitFor();
    await expect.poll(() => carmen.locator('.feedback-card.feedback-sent').count()).toBe(1);
    await carmen.context().close();
  });

  it('holds it for the coachee on her phone until she has written what she notices, then shows it with its evidence', async () => {
    const taylor = await signedInPage(world, 'taylor@riverside.example', PHONE);
    await taylor.goto(reviewUrl());
    await taylor.getByRole('heading', { name: 'Written feedback' }).waitFor();
    await taylor.getByText(/Carmen has written feedback for you\. It appears here once you have written what you notice in the data/).waitFor();
    expect(await taylor.locator('.feedback-card').count()).toBe(0);
    await checkA11y(taylor, 'feedback held for the coachee');

    await post(taylor, `/api/partnerships/${partnershipId}/reflections`, { observationId: observation.id, answers: [{ key: 'noticed', answer: 'More open questions than I expected.' }] });
    await taylor.reload();
    const card = taylor.locator('.feedback-card.feedback-sent');
    await card.waitFor();
    await expect.poll(() => card.textContent()).toContain('Three of the four questions were open.');
    await expect.poll(() => card.locator('.feedback-quote blockquote').textContent()).toBe('Open question: 3 (75%)');
    expect(await card.getByRole('link', { name: 'See it in the data' }).first().getAttribute('href')).toBe('#tool-event_count');
    const scrollWidth = await taylor.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(PHONE.width);
    await checkA11y(taylor, 'feedback read by the coachee on a phone');
    await taylor.context().close();
  });

  it('gives the supervisor nothing (404)', async () => {
    const sam = await signedInPage(world, 'sam@riverside.example', TABLET);
    const res = await sam.request.get(`/api/observations/${observation.id}/feedback`);
    expect(res.status()).toBe(404);
    await sam.context().close();
  });
});
