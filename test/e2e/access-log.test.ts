import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Goal, Note } from '../../web/src/api';
import { PHONE, type World, checkA11y, describeBrowser, post, signedInPage, startWorld } from './harness';

/**
 * "Who has seen my coaching content", from the coachee's side: Carmen (coach)
 * opens one of Taylor's goals and a session's plan twice each; Taylor's log
 * names the goal and the partnership and says how often, filters by person
 * and by item, and opens from the goal's own "Who has seen this". Sam
 * (supervisor) sees the title of a shared note on Home; only when he chooses
 * "Read" does he get the text, and only then does Taylor's log show his read.
 */
describeBrowser('who has seen my coaching content', () => {
  let world: World;
  const GOAL = 'Children take turns at the reading corner without being asked';
  const SEEDED_AGENDA = 'Look at the question tally from read-aloud together.';
  const NOTE_FIRST = 'Circle time today: eleven children answered with full sentences, more than ever before.';
  const NOTE_SECOND = 'Next week we try the same questions at snack time.';

  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  /** Accessible, and nothing wider than the screen. */
  async function check(page: Page, label: string) {
    await checkA11y(page, label);
    const width = page.viewportSize()?.width ?? PHONE.width;
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `horizontal overflow on: ${label}`).toBeLessThanOrEqual(width);
  }

  it('names each read, groups repeats, filters by person and item, and logs a shared item only when it is opened', { timeout: 180_000 }, async () => {
    // Taylor writes a goal and a two-line note, and shares the note with Sam.
    const taylor = await signedInPage(world, 'taylor@riverside.example', PHONE);
    await taylor.getByRole('link', { name: /Expert coaching with Carmen Diaz/ }).first().click();
    await taylor.waitForURL(/\/partnerships\/[0-9a-f-]{36}$/);
    const url = new URL(taylor.url()).pathname;
    const partnershipId = url.split('/').at(-1)!;
    const goal = await post<Goal>(taylor, `/api/partnerships/${partnershipId}/goals`, { title: GOAL });
    const note = await post<Note>(taylor, `/api/partnerships/${partnershipId}/notes`, { body: `${NOTE_FIRST}\n${NOTE_SECOND}` });
    await post(taylor, `/api/partnerships/${partnershipId}/shares`, { granteeId: world.people.supervisor, itemType: 'note', itemId: note.id });

    // Carmen opens Taylor's goals twice, and the plan of their next meeting twice.
    const carmen = await signedInPage(world, 'carmen@riverside.example');
    for (let i = 0; i < 2; i++) {
      await carmen.goto(`${url}/goals`);
      await carmen.locator('article.goal-card', { hasText: GOAL }).waitFor();
    }
    // The link is the coachee's: Carmen has none.
    expect(await carmen.getByRole('link', { name: /Who has seen this/ }).count()).toBe(0);
    await check(carmen, 'goals (coach)');
    for (let i = 0; i < 2; i++) {
      await carmen.goto(`${url}/sessions`);
      const meeting = carmen.getByRole('list', { name: 'Sessions coming up' }).locator('article.session-card', { hasText: 'Coaching meeting' });
      await meeting.waitFor();
      // The list carries no plan; it is read when it is shown.
      expect(await meeting.textContent()).not.toContain(SEEDED_AGENDA);
      const show = meeting.getByRole('button', { name: /^Show the plan/ });
      expect(await show.getAttribute('aria-expanded')).toBe('false');
      if (i === 0) await check(carmen, 'sessions, plan not shown (coach)');
      await show.click();
      await meeting.getByText(SEEDED_AGENDA).waitFor();
      expect(await meeting.getByRole('button', { name: /^Hide the plan/ }).getAttribute('aria-expanded')).toBe('true');
    }
    expect(await carmen.getByRole('link', { name: /Who has seen this/ }).count()).toBe(0);
    await check(carmen, 'sessions, plan shown (coach)');
    await carmen.context().close();

    // Taylor's log: the goal by its title, the partnership, the person, and "twice".
    await taylor.goto('/access-log');
    await taylor.getByRole('heading', { level: 1, name: 'Who has seen my coaching content' }).waitFor();
    const goalRows = taylor.locator('tbody tr', { hasText: GOAL });
    await expect.poll(() => goalRows.count()).toBe(1);
    const goalRow = (await goalRows.textContent()) ?? '';
    for (const words of ['A goal and its plan', 'Carmen Diaz', 'Coach', 'with Carmen Diaz', 'Read twice today', 'Member of the partnership']) expect(goalRow).toContain(words);
    const agendaRow = taylor.locator('tbody tr', { hasText: 'A session agenda' });
    await expect.poll(() => agendaRow.count()).toBe(1);
    expect(await agendaRow.textContent()).toContain('Read twice today');
    // Sharing the note is in the log too, as Taylor's own step.
    const shareRow = taylor.locator('tbody tr', { hasText: 'Shared today' });
    await expect.poll(() => shareRow.count()).toBe(1);
    expect(await shareRow.textContent()).toContain('Circle time today');
    await check(taylor, 'access log (coachee, phone)');

    // By person: Carmen's reads only, and the address says so.
    await taylor.getByLabel('Who', { exact: true }).selectOption({ label: 'Carmen Diaz' });
    await taylor.waitForURL(/actorId=/);
    await taylor.getByText('Showing what Carmen Diaz has seen').waitFor();
    await expect.poll(() => taylor.locator('tbody tr', { hasText: 'Shared today' }).count()).toBe(0);
    await expect.poll(async () => (await taylor.locator('tbody tr').allTextContents()).every((t) => t.includes('Carmen Diaz'))).toBe(true);
    expect(await taylor.locator('tbody tr').count()).toBeGreaterThan(1);
    await check(taylor, 'access log filtered by person');
    await taylor.getByLabel('Who', { exact: true }).selectOption({ label: 'Everyone' });
    await expect.poll(() => taylor.locator('tbody tr', { hasText: 'Shared today' }).count()).toBe(1);

    // "Who has seen this" on the goal opens the log for that goal alone.
    await taylor.goto(`${url}/goals`);
    const card = taylor.locator('article.goal-card', { hasText: GOAL });
    await card.waitFor();
    await check(taylor, 'goals with "Who has seen this" (coachee)');
    await card.getByRole('link', { name: /^Who has seen this/ }).click();
    await taylor.waitForURL((u) => u.pathname === '/access-log' && u.searchParams.get('itemType') === 'goal' && u.searchParams.get('itemId') === goal.id);
    await expect.poll(() => taylor.locator('.filter-state').textContent()).toBe(`Showing who has seen: ${GOAL} — show everything`);
    await expect.poll(() => taylor.locator('tbody tr').count()).toBe(1);
    expect(await taylor.locator('tbody tr').textContent()).toContain('Read twice today');
    await check(taylor, 'access log for one goal');
    // The same address opened afresh (a bookmark) names the goal from its rows.
    await taylor.goto(taylor.url());
    await expect.poll(() => taylor.locator('.filter-state').textContent()).toBe(`Showing who has seen: ${GOAL} — show everything`);
    await taylor.getByRole('link', { name: 'show everything' }).click();
    await taylor.waitForURL((u) => u.pathname === '/access-log' && !u.search);
    await expect.poll(() => taylor.locator('tbody tr').count()).toBeGreaterThan(1);
    expect(await taylor.locator('.filter-state').count()).toBe(0);

    // Sam sees the note's title on Home; the text comes only with "Read".
    const sam = await signedInPage(world, 'sam@riverside.example', PHONE);
    await sam.getByRole('heading', { name: 'Shared with you' }).waitFor();
    const shared = sam.locator('.shared-list li', { hasText: 'Circle time today' });
    await shared.waitFor();
    await expect.poll(() => shared.textContent()).toContain('Note · from Taylor Nguyen');
    expect(await sam.getByText(NOTE_SECOND).count()).toBe(0);
    const read = shared.getByRole('button', { name: /^Read/ });
    expect(await read.getAttribute('aria-expanded')).toBe('false');
    await check(sam, 'home with a shared note, unopened (supervisor)');

    // Nothing was read yet, so Taylor's log has nothing by Sam — only her share, which names him.
    await taylor.reload();
    const myShare = taylor.locator('tbody tr', { hasText: 'Shared today' });
    await myShare.waitFor();
    await expect.poll(() => myShare.first().textContent()).toContain('with Sam Okafor');
    expect(await taylor.locator('tbody tr .log-person', { hasText: 'Sam Okafor' }).count()).toBe(0);

    await read.click();
    const text = shared.locator('.shared-text .note-body');
    await expect.poll(() => text.innerText()).toBe(`${NOTE_FIRST}\n${NOTE_SECOND}`);
    expect(await shared.getByRole('button', { name: /^Hide/ }).getAttribute('aria-expanded')).toBe('true');
    await check(sam, 'home with a shared note, opened (supervisor)');
    await sam.context().close();

    // Now it is there: Sam, as supervisor, because Taylor shared it.
    await taylor.reload();
    const samRow = taylor.locator('tbody tr', { has: taylor.locator('.log-person', { hasText: 'Sam Okafor' }) });
    await expect.poll(() => samRow.count()).toBe(1);
    const samText = (await samRow.textContent()) ?? '';
    for (const words of ['Circle time today', 'A note', 'Supervisor', 'Read today', 'You shared it with them']) expect(samText).toContain(words);
    await taylor.getByLabel('Who', { exact: true }).selectOption({ label: 'Sam Okafor' });
    await expect.poll(() => taylor.locator('tbody tr').count()).toBe(1);
    await taylor.getByText('Showing what Sam Okafor has seen').waitFor();
    await check(taylor, 'access log with the supervisor’s read');
    await taylor.context().close();
  });
});
