import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Observation, PartnershipSummary } from '../../web/src/api';
import { PHONE, TABLET, type World, checkA11y, describeBrowser, post, signedInPage, startWorld } from './harness';

/**
 * Observation records and their review: Carmen (coach) has recorded a visit to Taylor's
 * classroom with three tools (made here through the API, as the tablet would send it). She sees
 * it in the partnership's list at tablet size and its three graphics on the review screen, with
 * a note that Taylor looks first; Taylor sees the same graphics on a phone, invited to write
 * what she notices; she does, on the form opened from the observation, with its graphics first
 * and a line of its data quoted with one tap, and then Carmen sees Taylor's reflection below the
 * data (before, she could neither read nor write one there); Sam (supervisor) gets the not-found
 * page; Carmen ends it from the screen, and a second end from a stale screen shows the server's
 * answer as it is.
 */
describeBrowser('observation records and review', () => {
  let world: World;
  let partnershipId = '';
  let observation: Observation;
  const FOCUS = 'Which questions children answer during read-aloud.';

  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  const reviewUrl = () => `/partnerships/${partnershipId}/observations/${observation.id}`;
  const figures = (page: Page) => page.locator('figure.observation-chart');

  it('shows the coach the record in the list at tablet size, and its graphics', async () => {
    const carmen = await signedInPage(world, 'carmen@riverside.example', TABLET);
    const list = await (await carmen.request.get('/api/partnerships?limit=50')).json();
    const expert = (list.items as Array<PartnershipSummary & { members: Array<{ name: string }> }>).find((x) => x.format === 'expert' && x.members.some((mb) => mb.name === 'Taylor Nguyen'));
    expect(expert).toBeTruthy();
    partnershipId = expert!.id;

    // The visit as the tablet records it: started 20 minutes ago, three tools, a few taps (one undone).
    const startedAt = new Date(Date.now() - 20 * 60_000);
    const at = (minutes: number) => new Date(startedAt.getTime() + minutes * 60_000).toISOString();
    observation = await post<Observation>(carmen, `/api/partnerships/${partnershipId}/observations`, {
      focus: FOCUS,
      mode: 'live',
      startedAt: startedAt.toISOString(),
      tools: [
        { tool: 'event_count', categories: ['Open question', 'Closed question'] },
        { tool: 'duration', activities: ['Whole group', 'Transition'] },
        { tool: 'time_sample', categories: ['On task', 'Off task'], intervalMinutes: 5 },
      ],
    });
    const id = () => crypto.randomUUID();
    const undone = id();
    const events = [
      { id: id(), tool: 'event_count', type: 'count', payload: { category: 'Open question' }, deviceAt: at(2) },
      { id: id(), tool: 'event_count', type: 'count', payload: { category: 'Open question' }, deviceAt: at(4) },
      { id: id(), tool: 'event_count', type: 'count', payload: { category: 'Closed question' }, deviceAt: at(5) },
      { id: undone, tool: 'event_count', type: 'count', payload: { category: 'Closed question' }, deviceAt: at(6) },
      { id: id(), tool: 'event_count', type: 'undo', payload: { eventId: undone }, deviceAt: at(6.1) },
      { id: id(), tool: 'duration', type: 'segment_start', payload: { activity: 'Whole group' }, deviceAt: at(1) },
      { id: id(), tool: 'duration', type: 'segment_stop', payload: { activity: 'Whole group' }, deviceAt: at(12) },
      { id: id(), tool: 'duration', type: 'segment_start', payload: { activity: 'Transition' }, deviceAt: at(12) },
      { id: id(), tool: 'duration', type: 'segment_stop', payload: { activity: 'Transition' }, deviceAt: at(15) },
      { id: id(), tool: 'time_sample', type: 'interval_record', payload: { interval: 1, category: 'On task', note: '' }, deviceAt: at(4.5) },
      { id: id(), tool: 'time_sample', type: 'interval_record', payload: { interval: 3, category: 'Off task', note: 'Line-up' }, deviceAt: at(14.5) },
    ];
    const sent = await post<{ accepted: number; rejected: number }>(carmen, `/api/observations/${observation.id}/events`, { events }, 200);
    expect(sent).toMatchObject({ accepted: events.length, rejected: 0 });

    // The list, below the plans: the record with its date, mode, status and tools.
    await carmen.goto(`/partnerships/${partnershipId}/observations`);
    await carmen.getByRole('heading', { level: 2, name: 'Observations', exact: true }).waitFor();
    const card = carmen.locator('article.record-card', { hasText: FOCUS });
    await card.waitFor();
    await expect.poll(() => card.locator('.record-meta').textContent()).toMatch(/^Recording · Started /);
    await expect.poll(() => card.locator('.record-facts').textContent()).toContain('Live, in the room');
    await expect.poll(() => card.locator('.record-facts').textContent()).toContain('Tools: Event count, Duration, Time sample');
    await expect.poll(() => card.locator('.record-facts').textContent()).toContain('No plan');
    await carmen.getByRole('button', { name: 'Start an observation' }).waitFor();
    expect(await carmen.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await checkA11y(carmen, 'observation records, coach at tablet size');

    await card.getByRole('link', { name: FOCUS }).click();
    await carmen.waitForURL((url) => url.pathname === reviewUrl());
    await carmen.getByRole('heading', { level: 2, name: FOCUS }).waitFor();
    await expect.poll(() => figures(carmen).count()).toBe(3);
    expect(await carmen.locator('.review-tool h4').allTextContents()).toEqual(['Event count', 'Duration', 'Time sample']);
    // The undone tap is left out: two open questions, one closed.
    await expect.poll(() => carmen.locator('.count-bar').evaluateAll((bars) => bars.map((b) => [b.getAttribute('data-category'), b.getAttribute('data-total')]))).toEqual([
      ['Open question', '2'],
      ['Closed question', '1'],
    ]);
    // Each graphic has its data table beside it.
    expect(await carmen.locator('.review-tool table.chart-table').count()).toBeGreaterThanOrEqual(3);
    // Coachee first: the coach still sees what she recorded, with a calm note.
    await carmen.getByText('Taylor looks at the data first.').waitFor();
    expect(await carmen.getByRole('heading', { name: 'What you each noticed' }).count()).toBe(0);
    expect(await carmen.getByRole('link', { name: 'Add what you saw and heard' }).count()).toBe(0);
    await checkA11y(carmen, 'observation review, coach at tablet size');

    // The form on this observation waits for Taylor too.
    await carmen.goto(`/partnerships/${partnershipId}/reflections?observation=${observation.id}`);
    await carmen.getByText('When you look at an observation together, Taylor speaks first').waitFor();
    expect(await carmen.getByRole('button', { name: 'Save my reflection' }).isDisabled()).toBe(true);
    await carmen.context().close();
  });

  it('shows the coachee the same graphics on a phone, with no one else’s words', async () => {
    const taylor = await signedInPage(world, 'taylor@riverside.example', PHONE);
    await taylor.goto(reviewUrl());
    await taylor.getByRole('heading', { level: 2, name: FOCUS }).waitFor();
    await expect.poll(() => figures(taylor).count()).toBe(3);
    await taylor.getByText('This is the data from your classroom, with no one else’s words beside it.').waitFor();
    expect(await taylor.getByText('looks at the data first').count()).toBe(0);
    expect(await taylor.getByRole('button', { name: 'End the observation' }).count()).toBe(0);
    await taylor.getByRole('link', { name: 'Write what you notice' }).waitFor();
    expect(await taylor.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await checkA11y(taylor, 'observation review, coachee on a phone');

    // Her list on the phone too.
    await taylor.goto(`/partnerships/${partnershipId}/observations`);
    await taylor.locator('article.record-card', { hasText: FOCUS }).waitFor();
    expect(await taylor.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await checkA11y(taylor, 'observation records, coachee on a phone');
    await taylor.context().close();
  });

  it('lets the coachee write what she notices beside the graphics, quoting the data with one tap; then the coach reads it', async () => {
    const taylor = await signedInPage(world, 'taylor@riverside.example', PHONE);
    await taylor.goto(reviewUrl());
    await taylor.getByRole('link', { name: 'Write what you notice' }).click();
    await taylor.waitForURL((url) => url.pathname === `/partnerships/${partnershipId}/reflections` && url.searchParams.get('observation') === observation.id);
    const form = taylor.locator('form.reflection-form');
    // The graphics first, and nobody else's words on the page.
    await expect.poll(() => form.locator('figure.observation-chart').count()).toBe(3);
    expect(await taylor.getByRole('heading', { name: 'Reflections so far' }).count()).toBe(0);
    const answer = form.getByLabel('Looking at the data, what do you notice first?');
    await form.getByRole('button', { name: 'Open question: 2 (67%)' }).click();
    await expect.poll(() => answer.inputValue()).toBe('Open question: 2 (67%)\n');
    await answer.focus();
    await taylor.keyboard.press('Control+End');
    await taylor.keyboard.type('More open questions than I expected, all in the first five minutes.');
    expect(await taylor.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await checkA11y(taylor, 'reflection on an observation, coachee on a phone');
    await form.getByRole('button', { name: 'Save my reflection' }).click();
    await taylor.getByText('Your reflection is saved.').waitFor();
    await taylor.locator('.reflection-notice').getByRole('link', { name: 'back to the observation' }).click();
    await taylor.waitForURL((url) => url.pathname === reviewUrl());
    const mine = taylor.locator('.review-reflections article.reflection');
    await expect.poll(() => mine.count()).toBe(1);
    expect(await mine.locator('dd').first().textContent()).toBe('Open question: 2 (67%)\nMore open questions than I expected, all in the first five minutes.');
    await taylor.getByText(/^You wrote a reflection on this on /).waitFor();
    await checkA11y(taylor, 'observation review with the coachee’s reflection, phone');
    await taylor.context().close();

    // Carmen now reads it below the data, and may add hers.
    const carmen = await signedInPage(world, 'carmen@riverside.example', TABLET);
    await carmen.goto(reviewUrl());
    const theirs = carmen.locator('.review-reflections article.reflection-coachee');
    await theirs.waitFor();
    expect(await theirs.textContent()).toContain('Open question: 2 (67%)');
    expect(await carmen.getByText('Taylor looks at the data first.').count()).toBe(0);
    await carmen.getByRole('link', { name: 'Add what you saw and heard' }).waitFor();
    await checkA11y(carmen, 'observation review with the coachee’s reflection, coach at tablet size');
    await carmen.context().close();
  });

  it('gives the supervisor the not-found page for the review address', async () => {
    const sam = await signedInPage(world, 'sam@riverside.example', TABLET);
    await sam.goto(reviewUrl());
    await sam.getByRole('heading', { name: 'We could not find that page' }).waitFor();
    expect(await figures(sam).count()).toBe(0);
    expect(await sam.getByText(FOCUS).count()).toBe(0);
    await checkA11y(sam, 'observation review, supervisor');
    await sam.context().close();
  });

  it('lets the coach end the observation from the screen; a second end shows the server’s answer', async () => {
    const carmen = await signedInPage(world, 'carmen@riverside.example', TABLET);
    // A second screen opened before the end, still offering it.
    const stale = await carmen.context().newPage();
    await stale.goto(reviewUrl());
    await stale.getByRole('button', { name: 'End the observation' }).waitFor();

    await carmen.goto(reviewUrl());
    await carmen.getByRole('button', { name: 'End the observation' }).click();
    await carmen.getByText('The observation has ended.').waitFor();
    expect(await carmen.getByRole('button', { name: 'End the observation' }).count()).toBe(0);
    await expect.poll(() => carmen.locator('.review-facts').textContent()).toContain('Ended');

    await stale.getByRole('button', { name: 'End the observation' }).click();
    await stale.getByRole('alert').filter({ hasText: 'This observation was already ended at' }).waitFor();
    await checkA11y(stale, 'observation review, ended twice');

    // The list says so too.
    await carmen.goto(`/partnerships/${partnershipId}/observations`);
    await expect.poll(() => carmen.locator('article.record-card', { hasText: FOCUS }).locator('.record-meta').textContent()).toMatch(/^Ended · /);
    await carmen.context().close();
  });

  it('starts an observation without a plan, and says so', async () => {
    const carmen = await signedInPage(world, 'carmen@riverside.example', TABLET);
    await carmen.goto(`/partnerships/${partnershipId}/observations`);
    await carmen.getByRole('button', { name: 'Start an observation' }).click();
    const form = carmen.locator('form.start-observation');
    // The seeded plan is still a draft: only "No plan" is offered, and the screen says what that means.
    await expect.poll(() => form.getByRole('group', { name: 'Start from' }).getByRole('radio').count()).toBe(1);
    expect(await form.getByRole('radio', { name: 'No plan' }).isChecked()).toBe(true);
    await form.getByText('This observation has no plan').waitFor();
    await form.getByRole('button', { name: 'Start now' }).click();
    await form.getByText('Choose at least one tool.').waitFor();
    await form.getByRole('checkbox', { name: 'Event count' }).check();
    await form.getByLabel('Categories, one per line').fill('Specific praise\nRedirection');
    await form.getByLabel('What you will look at (optional)').fill('Praise at transitions');
    await checkA11y(carmen, 'start an observation, no plan');
    await form.getByRole('button', { name: 'Start now' }).click();
    await carmen.getByRole('heading', { level: 2, name: 'Praise at transitions' }).waitFor();
    await carmen.getByText('No plan: this visit was not planned together beforehand.').waitFor();
    await expect.poll(() => figures(carmen).count()).toBe(1);
    await carmen.context().close();
  });
});
