import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PHONE, type World, checkA11y, describeBrowser, openNav, startWorld } from './harness';

/**
 * Starting for real: an install started without the demo shows the set-up page
 * on any address; the token from the console, the organization and the first
 * leader make it ready, and the leader then changes the organization's settings.
 */
describeBrowser('first set-up from the browser', () => {
  let world: World;
  let context: BrowserContext;
  /** One phone for both steps: the leader set up in the first is signed in for the second. */
  let page: Page;
  beforeAll(async () => {
    world = await startWorld({ demo: false });
    // A phone whose clock is set to Denver: the set-up page guesses that zone.
    context = await world.browser.newContext({ baseURL: world.baseUrl, viewport: PHONE, timezoneId: 'America/Denver' });
    page = await context.newPage();
    page.setDefaultTimeout(30_000);
  });
  afterAll(async () => {
    await context?.close();
    await world?.close();
  });

  it('sets up an empty install on a phone and signs the first leader in', async () => {

    await page.goto('/people');
    await page.getByRole('heading', { level: 1, name: 'Welcome to Tandem' }).waitFor();
    expect(await page.getByLabel('Time zone').inputValue()).toBe('America/Denver');
    await checkA11y(page, 'set-up page');

    // A year that ends before it starts, and a short password: said next to each field.
    await page.getByLabel('Set-up token').fill('not the token');
    await page.getByLabel('Organization name').fill('Lakeside Early Learning');
    await page.getByLabel('First day').fill('2027-06-10');
    await page.getByLabel('Last day').fill('2026-08-15');
    await page.getByLabel('Your name').fill('Dana Reyes');
    await page.getByLabel('Your e-mail').fill('dana@lakeside.example');
    await page.getByLabel('Choose a password').fill('short');
    await page.getByRole('button', { name: 'Set up Tandem' }).click();
    await page.getByText('The school year must end after it starts.').waitFor();
    await page.getByText('Use at least 10 characters.').waitFor();
    await page.getByText('Some answers need another look — see the messages below.').waitFor();
    await checkA11y(page, 'set-up page with problems');

    // Then a wrong token: refused, and nothing is created.
    await page.getByLabel('First day').fill('2026-08-15');
    await page.getByLabel('Last day').fill('2027-06-10');
    await page.getByLabel('Choose a password').fill('our program starts here');
    await page.getByRole('button', { name: 'Set up Tandem' }).click();
    await page.getByText('This is not the token Tandem printed.').waitFor();
    expect(await world.db!.selectFrom('organizations').select('id').execute()).toEqual([]);

    // The token from the console.
    await page.getByLabel('Set-up token').fill(world.setupToken!);
    await page.getByRole('button', { name: 'Set up Tandem' }).click();
    await page.waitForURL((url) => url.pathname === '/welcome');
    await page.getByRole('button', { name: 'I understand' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('heading', { level: 1, name: 'Hello, Dana' }).waitFor();
    await openNav(page);
    await page.getByText('Dana Reyes').first().waitFor();
    await page.locator('header').getByText('Lakeside Early Learning').waitFor();
    await checkA11y(page, 'home of the new leader');
  });

  it('lets the new leader change the time zone and language in organization settings', async () => {
    expect(new URL(page.url()).pathname).toBe('/');
    await openNav(page);
    await page.getByRole('link', { name: 'Organization', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/organization');
    await page.getByRole('heading', { level: 1, name: 'Organization settings' }).waitFor();
    expect(await page.getByLabel('Time zone').inputValue()).toBe('America/Denver');
    expect(await page.getByLabel('First day').inputValue()).toBe('2026-08-15');
    await checkA11y(page, 'organization settings');
    await page.getByLabel('Time zone').selectOption('Europe/Madrid');
    await page.getByLabel('Default language').selectOption('es');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Saved. Reminders and times now use Europe/Madrid.').waitFor();
    await checkA11y(page, 'organization settings, saved');
    const org = await world.db!.selectFrom('organizations').selectAll().executeTakeFirstOrThrow();
    expect(org).toMatchObject({ name: 'Lakeside Early Learning', time_zone: 'Europe/Madrid', school_year_start: '2026-08-15', school_year_end: '2027-06-10', default_language: 'es' });

    // The address printed at start-up now simply leads in, and Dana, who has not chosen a
    // language of her own, is greeted in the organization's new default.
    await page.goto('/setup');
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('heading', { level: 1, name: 'Hola, Dana' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
  });
});
