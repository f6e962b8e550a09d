import { afterAll, beforeAll, expect, it } from 'vitest';
import { PASSWORD, type World, checkA11y, describeBrowser, newPage, signIn, startWorld } from './harness';

describeBrowser('signing in', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  it('serves the app with protective security headers', async () => {
    const res = await fetch(`${world.baseUrl}/sign-in`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const framing = csp.includes("frame-ancestors 'none'") || /deny|sameorigin/i.test(res.headers.get('x-frame-options') ?? '');
    expect(framing).toBe(true);
    expect(await res.text()).toContain('<html lang="en">');
  });

  it('tells a person plainly when the password is wrong, then lets them in', async () => {
    const { context, page } = await newPage(world);
    await page.goto('/');
    await page.waitForURL((url) => url.pathname === '/sign-in');
    await page.getByRole('heading', { name: 'Sign in to Tandem' }).waitFor();
    await checkA11y(page, 'sign-in');
    await page.getByLabel('E-mail').fill('carmen@riverside.example');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('do not match');
    await checkA11y(page, 'sign-in with an error');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname !== '/sign-in');
    await context.close();
  });

  it('shows the role descriptions once, before anything else', async () => {
    const { context, page } = await newPage(world);
    await signIn(page, 'eli@riverside.example');
    expect(new URL(page.url()).pathname).toBe('/welcome');
    await page.getByRole('heading', { name: 'Welcome, Eli Brooks' }).waitFor();
    await expect.poll(() => page.locator('.role-card.is-you h2').first().textContent()).toContain('Coachee');
    await expect.poll(() => page.locator('.role-card').count()).toBe(5);
    await checkA11y(page, 'welcome / role descriptions');
    // Trying to skip ahead comes back here.
    await page.goto('/access-log');
    await page.waitForURL('**/welcome');
    await page.getByRole('button', { name: 'I understand' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('heading', { name: 'Hello, Eli' }).waitFor();
    await checkA11y(page, 'home after acknowledging');
    await page.reload();
    await page.getByRole('heading', { name: 'Hello, Eli' }).waitFor();
    await context.close();
  });

  it('has an accessibility check that does catch problems', async () => {
    const { context, page } = await newPage(world);
    await page.goto('/sign-in');
    await page.getByRole('heading', { name: 'Sign in to Tandem' }).waitFor();
    await page.evaluate(() => document.querySelector('main')!.insertAdjacentHTML('beforeend', '<input type="text">'));
    await expect(checkA11y(page, 'deliberately broken page (expected to fail)')).rejects.toThrow();
    await context.close();
  });

  it('can be done with the keyboard alone, even on a slow tablet where Enter comes before the next frame', async () => {
    const { context, page } = await newPage(world);
    await page.goto('/sign-in');
    await page.getByRole('heading', { name: 'Sign in to Tandem' }).waitFor();
    // A slow device: the form must send what was typed, up to the last letter, however soon Enter follows.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
    const focusedName = () => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? '');
    for (let i = 0; i < 10 && (await focusedName()) !== 'email'; i++) await page.keyboard.press('Tab');
    expect(await focusedName()).toBe('email');
    await page.keyboard.type('priya@riverside.example');
    await page.keyboard.press('Tab');
    expect(await focusedName()).toBe('password');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    // If the page stays, say what it shows (a refused sign-in explains itself there).
    await page.waitForURL((url) => url.pathname !== '/sign-in').catch(async (error: Error) => {
      throw new Error(`${error.message}\nThe sign-in page shows: ${await page.locator('main').innerText()}`);
    });
    await page.getByRole('heading', { level: 1 }).waitFor();
    await context.close();
  });

  it('sends a reset link without saying whether the account exists', async () => {
    const { context, page } = await newPage(world);
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.waitForURL('**/forgot-password');
    await checkA11y(page, 'forgot password');
    await page.getByLabel('E-mail').fill('nobody@riverside.example');
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await page.getByText('Check your e-mail').waitFor();
    await checkA11y(page, 'forgot password, sent');
    await page.goto('/reset-password?token=abcdefghijklmnop');
    await checkA11y(page, 'reset password');
    await context.close();
  });

  it('signs out', async () => {
    const { context, page } = await newPage(world);
    await signIn(page, 'ben@riverside.example');
    if (new URL(page.url()).pathname === '/welcome') await page.getByRole('button', { name: 'I understand' }).click();
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.waitForURL('**/sign-in?signedOut=1');
    await page.goto('/');
    await page.waitForURL((url) => url.pathname === '/sign-in');
    await context.close();
  });
});
