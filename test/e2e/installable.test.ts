import { afterAll, beforeAll, expect, it } from 'vitest';
import { type World, checkA11y, describeBrowser, signInReady, startWorld } from './harness';

/**
 * Installable and usable without a network (issue 10): the page names a web app manifest with
 * icons, a service worker takes over after the first visit, and a reload with the network gone
 * still opens Tandem — its own page with its own words, not the browser's "no internet" page.
 * Nothing under /api is kept by the worker.
 */
describeBrowser('installable, and opening without a network', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  it('has a manifest with icons and a service worker that keeps the app shell', async () => {
    const context = await world.browser.newContext({ baseURL: world.baseUrl, viewport: { width: 768, height: 1024 }, serviceWorkers: 'allow' });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    try {
      await signInReady(page, 'carmen@riverside.example');
      const manifestUrl = await page.locator('link[rel="manifest"]').getAttribute('href');
      const manifest = await (await page.request.get(manifestUrl!)).json();
      expect(manifest).toMatchObject({ name: 'Tandem', start_url: '/', display: 'standalone' });
      expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
      for (const icon of manifest.icons) expect((await page.request.get(icon.src)).status(), icon.src).toBe(200);

      // The worker installs after the first visit and controls the page from the next one.
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Hello, Carmen' }).waitFor();
      expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
      // The early questions written into the page ran under the page's Content-Security-Policy.
      expect(await page.evaluate(() => typeof (window as { __tandemEarly?: unknown }).__tandemEarly)).toBe('object');
      const cached = await page.evaluate(async () => {
        const names = await caches.keys();
        const urls: string[] = [];
        for (const name of names) for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
        return urls;
      });
      expect(cached).toEqual(expect.arrayContaining(['/index.html']));
      expect(cached.filter((u) => u.startsWith('/api/'))).toEqual([]);

      // No network: the page still comes back, in Tandem's own words.
      await context.setOffline(true);
      await page.reload();
      await page.locator('header').getByText('Tandem', { exact: true }).first().waitFor();
      expect(await page.evaluate(() => document.title)).toMatch(/Tandem/);
      await checkA11y(page, 'Tandem opened with no network');
      await context.setOffline(false);
    } finally {
      await context.close();
    }
  });
});
