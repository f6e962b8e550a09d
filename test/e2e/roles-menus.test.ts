import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PHONE, type World, checkA11y, describeBrowser, newPage, openNav, signIn, signedInPage, startWorld } from './harness';

/** A phone the size of the smallest still in use (iPhone SE): "I understand" must be in reach on it. */
const SMALL_PHONE = { width: 375, height: 667 };

/**
 * Menus by role (issue 9, item 4): the menu offers "Start a partnership" and
 * "Who saw my content" only to the people they are for, from the abilities the
 * server sends; the role page opens at the reader's own role; and focus lands
 * calmly where the reader's attention should go.
 */
describeBrowser('menus by role, the role page and focus', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  const as = (email: string, viewport?: { width: number; height: number }) => signedInPage(world, email, viewport);
  const mainNav = (page: Page) => page.locator('header').getByRole('navigation', { name: 'Main' });

  it('offers the supervisor neither "Start a partnership" nor "Who saw my content", and explains either address calmly', async () => {
    const sam = await as('sam@riverside.example', PHONE);
    await openNav(sam);
    const nav = mainNav(sam);
    await nav.getByRole('link', { name: 'Home' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Start a partnership' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Who saw my content' }).count()).toBe(0);
    // Home does not offer them either.
    expect(await sam.locator('main a[href="/partnerships/new"], main a[href="/access-log"]').count()).toBe(0);
    await checkA11y(sam, 'supervisor, menu open');

    await sam.goto('/access-log');
    await sam.getByRole('heading', { level: 1, name: 'Who has seen my coaching content' }).waitFor();
    await sam.getByText('No coaching content in Tandem is about you, so there is nothing to show here.', { exact: false }).waitFor();
    expect(await sam.getByRole('table').count()).toBe(0);
    expect(await sam.getByRole('alert').count()).toBe(0);
    await checkA11y(sam, 'access log address, supervisor');

    await sam.goto('/partnerships/new');
    await sam.getByRole('heading', { level: 1, name: 'Start a partnership' }).waitFor();
    await sam.getByText('You support coaching from outside the partnerships', { exact: false }).waitFor();
    expect(await sam.locator('main form').count()).toBe(0);
    await checkA11y(sam, 'new partnership address, supervisor');
    await sam.context().close();
  });

  it('offers the program leader "Start a partnership" (she sets partnerships up) but not "Who saw my content"', async () => {
    const lena = await as('lena@riverside.example');
    const nav = mainNav(lena);
    await nav.getByRole('link', { name: 'People' }).waitFor();
    await nav.getByRole('link', { name: 'Start a partnership' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Who saw my content' }).count()).toBe(0);
    expect(await lena.locator('main a[href="/access-log"]').count()).toBe(0);
    await lena.goto('/access-log');
    await lena.getByText('No coaching content in Tandem is about you', { exact: false }).waitFor();
    await checkA11y(lena, 'access log address, leader');
    await lena.context().close();
  });

  it('offers the teacher both, and her log opens', async () => {
    const taylor = await as('taylor@riverside.example', PHONE);
    await openNav(taylor);
    const nav = mainNav(taylor);
    await nav.getByRole('link', { name: 'Start a partnership' }).waitFor();
    await nav.getByRole('link', { name: 'Who saw my content' }).waitFor();
    await checkA11y(taylor, 'teacher, menu open');
    await nav.getByRole('link', { name: 'Who saw my content' }).click();
    await taylor.getByRole('heading', { level: 1, name: 'Who has seen my coaching content' }).waitFor();
    await taylor.getByLabel('Include my own reads').waitFor();
    await checkA11y(taylor, 'access log, teacher');
    await taylor.context().close();
  });

  it('opens the role page at the reader’s own role on a small phone, with the others folded and "I understand" in reach', async () => {
    const { context, page } = await newPage(world, SMALL_PHONE);
    await signIn(page, 'eli@riverside.example');
    expect(new URL(page.url()).pathname).toBe('/welcome');
    await page.getByRole('heading', { level: 1, name: 'Welcome, Eli Brooks' }).waitFor();
    const mine = page.locator('.role-card.is-you');
    await expect.poll(() => mine.count()).toBe(1);
    expect(await mine.locator('h2').textContent()).toContain('Coachee');
    await mine.getByRole('heading', { name: 'What you can see' }).waitFor();
    // The other four roles are folded: their titles show, their lists do not.
    const folded = page.locator('details.role-card');
    expect(await folded.count()).toBe(4);
    expect(await folded.evaluateAll((all) => all.filter((d) => (d as HTMLDetailsElement).open).length)).toBe(0);
    await page.getByText('Program leader', { exact: true }).waitFor();
    expect(await page.getByRole('heading', { name: 'What you can see' }).count()).toBe(1);
    // "I understand" is in reach: its top within one and a half screens of the top of the page.
    const button = page.getByRole('button', { name: 'I understand' });
    const top = await button.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
    expect(top).toBeLessThanOrEqual(SMALL_PHONE.height * 1.5);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(SMALL_PHONE.width);
    await checkA11y(page, 'welcome on a small phone, own role open');

    // A folded role opens from the keyboard.
    const supervisor = page.locator('details.role-card', { has: page.locator('summary', { hasText: /^Supervisor$/ }) });
    await supervisor.locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => supervisor.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await supervisor.getByRole('heading', { name: 'What you can see' }).waitFor();
    await checkA11y(page, 'welcome, the supervisor role opened');

    await button.click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('heading', { level: 1, name: 'Hello, Eli' }).waitFor();

    // The descriptions follow the reader's language: Spanish after switching, without a stale English copy.
    await openNav(page);
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await page.getByLabel('Language').selectOption('es');
    await page.getByRole('heading', { level: 1, name: 'Configuración' }).waitFor();
    await page.locator('header').getByRole('button', { name: 'Menú', exact: true }).click();
    await page.getByRole('link', { name: 'Roles', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Quién hace qué en el coaching' }).waitFor();
    await expect.poll(() => page.locator('.role-card.is-you h2').textContent()).toContain('Persona acompañada');
    await checkA11y(page, 'roles page in Spanish');
    await context.close();
  });

  const focused = (page: Page) =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      const style = el ? getComputedStyle(el) : null;
      return { tag: el?.tagName ?? '', text: el?.textContent ?? '', label: el?.getAttribute('aria-label') ?? '', role: el?.getAttribute('role') ?? '', invalid: el?.getAttribute('aria-invalid') ?? '', outlineStyle: style?.outlineStyle ?? '', outlineColor: style?.outlineColor ?? '' };
    });

  it('takes focus to the first problem after a refused save, and to what was saved after a save, with no error-like ring', async () => {
    const taylor = await as('taylor@riverside.example', PHONE);
    const list = (await (await taylor.request.get('/api/partnerships')).json()) as { items: Array<{ id: string; format: string }> };
    const expert = list.items.find((p) => p.format === 'expert')!;
    await taylor.goto(`/partnerships/${expert.id}/goals`);
    await taylor.getByRole('heading', { name: 'Goals and action plans' }).waitFor();
    await taylor.getByRole('button', { name: 'Write a goal' }).click();
    const form = taylor.locator('form.goal-form');
    await form.getByRole('heading', { name: 'Write a goal' }).waitFor();

    // Keyboard focus shows a calm blue ring, not the old orange-red.
    await taylor.keyboard.press('Tab');
    await expect.poll(async () => (await focused(taylor)).outlineColor).toBe('rgb(43, 89, 195)');

    // Nothing written: the server refuses, and focus goes to the first answer it asked about.
    await form.getByRole('button', { name: 'Save the goal' }).click();
    await form.getByText('Some answers need another look', { exact: false }).waitFor();
    await expect.poll(async () => (await focused(taylor)).invalid).toBe('true');
    await expect.poll(() => form.getByLabel('The goal').evaluate((el) => el === document.activeElement)).toBe(true);
    await checkA11y(taylor, 'goal form refused, focus on the first problem');

    // Written and saved: focus goes to the goal just saved, without a ring.
    const TITLE = 'Children tidy up to a song';
    await form.getByLabel('The goal').fill(TITLE);
    await form.getByRole('group', { name: 'Step 1' }).getByLabel('What will happen').fill('Try the tidy-up song for a week');
    await form.getByRole('button', { name: 'Save the goal' }).press('Enter');
    await taylor.getByText(`Your goal “${TITLE}” is saved.`).waitFor();
    const saved = taylor.locator('article.goal-card', { hasText: TITLE }).getByRole('heading', { level: 3 });
    await expect.poll(() => saved.evaluate((el) => el === document.activeElement)).toBe(true);
    expect((await focused(taylor)).outlineStyle).toBe('none');
    await checkA11y(taylor, 'goal saved, focus on it');
    await taylor.context().close();
  });

  it('takes focus to the message when a refusal is not about one field (a wrong password)', async () => {
    const { context, page } = await newPage(world, PHONE);
    await page.goto('/sign-in');
    await page.getByLabel('E-mail').fill('taylor@riverside.example');
    await page.getByLabel('Password').fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('That e-mail and password do not match an active account.').waitFor();
    await expect.poll(async () => (await focused(page)).role).toBe('alert');
    expect((await focused(page)).outlineStyle).toBe('none');
    await checkA11y(page, 'sign-in refused, focus on the message');
    await context.close();
  });
});
