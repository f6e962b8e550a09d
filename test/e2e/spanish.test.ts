import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DESKTOP, PASSWORD, PHONE, type World, checkA11y, describeBrowser, startWorld } from './harness';

const lang = (page: Page) => page.evaluate(() => document.documentElement.lang);

/**
 * The app shell in Spanish: a browser that prefers Spanish gets the sign-in page in Spanish;
 * once signed in, the person's own choice (Settings → Language) puts Home, the header and
 * its menu in Spanish too. (The demo organization's default is English, which is what a
 * person who has not chosen sees after signing in.)
 */
describeBrowser('the app shell in Spanish', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  it('signs in, chooses Español, and reads Home and the header menu in Spanish', async () => {
    const context = await world.browser.newContext({ baseURL: world.baseUrl, viewport: DESKTOP, locale: 'es-ES' });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    try {
      await page.goto('/sign-in');
      await page.getByRole('heading', { level: 1, name: 'Inicia sesión en Tandem' }).waitFor();
      await page.getByRole('button', { name: 'Iniciar sesión', exact: true }).waitFor();
      expect(await lang(page)).toBe('es');
      expect(await page.title()).toBe('Iniciar sesión · Tandem');
      await checkA11y(page, 'sign-in, in Spanish');

      await page.getByLabel('Correo electrónico').fill('taylor@riverside.example');
      await page.getByLabel('Contraseña').fill(PASSWORD);
      await page.getByRole('button', { name: 'Iniciar sesión', exact: true }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
      // Signed in without a language of her own: her organization's (English) until she chooses.
      if (new URL(page.url()).pathname === '/welcome') {
        await page.getByRole('button', { name: 'I understand' }).click();
        await page.waitForURL((url) => url.pathname === '/');
      }
      await page.getByRole('heading', { level: 1, name: 'Hello, Taylor' }).waitFor();
      expect(await lang(page)).toBe('en');

      await page.getByRole('link', { name: 'Settings', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
      await page.getByLabel('Language').selectOption('es');
      await page.getByRole('heading', { level: 1, name: 'Configuración' }).waitFor();
      await page.getByText('Guardado. Tandem ahora te habla en Español.').waitFor();
      expect(await lang(page)).toBe('es');
      await checkA11y(page, 'settings, in Spanish');

      const nav = page.getByRole('navigation', { name: 'Principal' });
      await nav.getByRole('link', { name: 'Inicio', exact: true }).click();
      await page.waitForURL((url) => url.pathname === '/');
      await page.getByRole('heading', { level: 1, name: 'Hola, Taylor' }).waitFor();
      expect(await page.title()).toBe('Inicio · Tandem');
      await page.getByRole('heading', { level: 2, name: 'Lo que necesita tu atención' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Mis acompañamientos' }).waitFor();
      await nav.getByRole('link', { name: 'Empezar un acompañamiento' }).waitFor();
      await nav.getByRole('link', { name: 'Quién vio mi contenido' }).waitFor();
      const header = page.locator('header');
      await header.getByRole('link', { name: 'Configuración', exact: true }).waitFor();
      await header.getByRole('button', { name: 'Cerrar sesión', exact: true }).waitFor();
      await header.getByRole('button', { name: 'Cerrar sesión en todos los dispositivos' }).waitFor();
      expect(await lang(page)).toBe('es');
      await checkA11y(page, 'Home, in Spanish');

      // On a phone the navigation sits behind the menu button, which is in Spanish too.
      await page.setViewportSize(PHONE);
      const menu = header.getByRole('button', { name: 'Menú', exact: true });
      await menu.click();
      await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('true');
      await page.locator(`[id="${await menu.getAttribute('aria-controls')}"]`).getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Inicio', exact: true }).waitFor();
      await checkA11y(page, 'Home with the menu open on a phone, in Spanish');
    } finally {
      await context.close();
    }
  });
});
