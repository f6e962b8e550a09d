import { afterAll, beforeAll, expect, it } from 'vitest';
import { PHONE, type World, checkA11y, describeBrowser, newPage, signInReady, startWorld } from './harness';

describeBrowser('running the program', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  it('lets the leader add a person and hand them an invitation link they can use', async () => {
    const { context, page } = await newPage(world);
    await signInReady(page, 'lena@riverside.example');
    await page.getByRole('heading', { name: 'Running the program' }).waitFor();
    await checkA11y(page, 'leader home');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    await page.getByRole('heading', { name: 'People', level: 1 }).waitFor();
    await page.locator('tbody tr', { hasText: 'Taylor Nguyen' }).waitFor();
    await checkA11y(page, 'people');
    await page.getByLabel('Name or e-mail').fill('taylor');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    await page.getByRole('button', { name: 'Manage Taylor Nguyen' }).click();
    await page.getByRole('heading', { name: 'Manage Taylor Nguyen' }).waitFor();
    await expect.poll(() => page.locator('.manage').textContent()).toContain('Sam Okafor');
    await checkA11y(page, 'people, managing one person');

    await page.getByLabel('Full name').fill('Rosa Alvarez');
    await page.getByRole('textbox', { name: 'E-mail (required)' }).fill('rosa@riverside.example');
    await page.getByLabel('Job title (optional)').fill('Pre-K teacher');
    await page.getByRole('button', { name: 'Add person' }).click();
    await page.getByText('Rosa Alvarez was added.').waitFor();
    await page.getByRole('button', { name: 'Create an invitation link for Rosa Alvarez' }).click();
    const link = page.getByLabel('Invitation link for Rosa Alvarez');
    await link.waitFor();
    const url = await link.inputValue();
    expect(url).toContain('/invitation?token=');
    await checkA11y(page, 'people, invitation link');
    await context.close();

    const invited = await newPage(world);
    await invited.page.goto(`/invitation?token=${new URL(url).searchParams.get('token')}`);
    await invited.page.getByRole('heading', { name: 'Welcome to Riverside Learning Cooperative' }).waitFor();
    await checkA11y(invited.page, 'invitation');
    await invited.page.getByLabel('Password').fill('a long and happy password');
    await invited.page.getByRole('button', { name: /Join/ }).click();
    await invited.page.waitForURL('**/welcome');
    await invited.page.getByRole('heading', { name: 'Welcome, Rosa Alvarez' }).waitFor();
    await invited.context.close();
  });

  it('warns about a dual role and records that everyone went ahead knowingly', async () => {
    const { context, page } = await newPage(world);
    await signInReady(page, 'lena@riverside.example');
    await page.goto('/partnerships/new');
    await page.getByRole('heading', { name: 'Start a partnership' }).waitFor();
    await page.getByLabel('Add a colleague').fill('Sam');
    await page.getByRole('button', { name: 'Choose Sam Okafor' }).click();
    await page.getByLabel('Add a colleague').fill('Ben');
    await page.getByRole('button', { name: 'Choose Ben Carter' }).click();
    await page.getByLabel('Role of Sam Okafor').selectOption('coach');
    await page.getByLabel('Role of Ben Carter').selectOption('coachee');
    await page.getByLabel('Assigned by the program').check();
    await page.getByRole('button', { name: 'Send the invitations' }).click();
    await page.getByText('Sam Okafor supervises Ben Carter').waitFor();
    await checkA11y(page, 'new partnership, dual-role warning');
    await page.getByLabel(/Everyone involved knows about the dual role/).check();
    await page.getByRole('button', { name: 'Send the invitations' }).click();
    await page.waitForURL(/\/partnerships\/[0-9a-f-]{36}$/);
    await page.getByText('A dual role in this partnership').waitFor();
    await page.getByText('You see logistics only').waitFor();
    await checkA11y(page, 'partnership with a dual role, leader view');
    await context.close();
  });

  it('shows sites, practices and templates', async () => {
    const { context, page } = await newPage(world);
    await signInReady(page, 'lena@riverside.example');
    await page.goto('/sites');
    await page.getByRole('heading', { name: 'Maple Street Elementary' }).waitFor();
    await checkA11y(page, 'sites');
    await page.getByLabel('Team name').fill('Kindergarten team');
    await page.getByRole('button', { name: 'Add team' }).click();
    await page.getByText('Team added.').waitFor();
    await page.goto('/practices');
    await page.getByRole('heading', { name: 'Add a practice' }).waitFor();
    await checkA11y(page, 'practices');
    await page.goto('/templates');
    await page.getByRole('heading', { name: 'Expert coaching' }).waitFor();
    await checkA11y(page, 'templates');
    await page.goto('/people');
    await page.setViewportSize(PHONE);
    await page.locator('tbody tr', { hasText: 'Taylor Nguyen' }).waitFor();
    await checkA11y(page, 'people on a phone');
    await context.close();
  });
});
