/**
 * Browser-test harness: a real Tandem server (demo organization, fresh
 * database) serving the built web app, and a real Chromium driven by
 * playwright-core, with an axe accessibility check for every page visited.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { describe, expect } from 'vitest';
import { buildApp } from '../../server/src/app';
import { loadConfig } from '../../server/src/config';
import { systemClock } from '../../server/src/platform/clock';
import type { DB } from '../../server/src/platform/db';
import { MemoryMailer } from '../../server/src/platform/mail';
import { DEMO_PASSWORD, seedDemo } from '../../server/src/seed/demo';
import { openSetup } from '../../server/src/setup/setup.service';
import { openTestDatabase } from '../support/db';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const PASSWORD = DEMO_PASSWORD;
const WEB_INDEX = path.resolve(import.meta.dirname, '../../web/dist/index.html');

/**
 * describe() when Chromium is installed; on a developer machine without it the
 * file is skipped with a clear message, but in CI a missing browser fails.
 */
export function describeBrowser(name: string, body: () => void) {
  if (!fs.existsSync(CHROMIUM)) {
    if (process.env.CI) throw new Error(`Chromium is not installed at ${CHROMIUM}; browser tests cannot run in CI without it.`);
    console.warn(`\n[e2e] Skipping "${name}": no Chromium at ${CHROMIUM}. Install it (apt-get install chromium) or set CHROMIUM_PATH.\n`);
    describe.skip(name, body);
    return;
  }
  describe(name, body);
}

export interface World {
  baseUrl: string;
  people: Record<string, string>;
  mailer: MemoryMailer;
  browser: Browser;
  /** The server's database, for the rare step a browser cannot take (letting time pass). */
  db?: DB;
  /** Without the demo: the one-time set-up token start-up would print on the console. */
  setupToken?: string;
  /** Cuts every open connection to the server, as a network drop does (an open events stream included; a browser's offline mode alone leaves those open). */
  dropConnections(): void;
  close(): Promise<void>;
}

/** `demo: false`: an empty install, as `SEED_DEMO=false npm start` leaves it, waiting for its set-up. */
export async function startWorld(options: { demo?: boolean } = {}): Promise<World> {
  if (!fs.existsSync(WEB_INDEX)) throw new Error('web/dist/index.html is missing: run `npm run build` before the browser tests.');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-e2e-'));
  const testDb = await openTestDatabase();
  const demo = options.demo ?? true;
  const people = demo ? (await seedDemo(testDb.db, systemClock)).people : {};
  const setupToken = demo ? undefined : ((await openSetup(testDb.db, systemClock)) ?? undefined);
  const mailer = new MemoryMailer();
  // The port is known only after listen(); links in mails are not followed by these tests.
  const config = loadConfig({}, { port: 0, host: '127.0.0.1', dataDir, baseUrl: 'http://127.0.0.1', loginRateLimit: 1000, seedDemo: false, secureCookies: false, production: false, logLevel: 'warn' });
  const app = await buildApp({ db: testDb.db, clock: systemClock, config, mailer });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  config.baseUrl = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  // The service worker (offline use) is left out unless a test asks for it (`serviceWorkers: 'allow'`):
  // flows then see the network as it is, and no context downloads the app shell for later.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = (options = {}) => newContext({ serviceWorkers: 'block', ...options });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    people,
    mailer,
    browser,
    db: testDb.db,
    setupToken,
    dropConnections: () => app.server.closeAllConnections(),
    async close() {
      await browser.close();
      await app.close();
      await testDb.cleanup();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const PHONE = { width: 375, height: 740 };
/** A 10-inch tablet held upright, where the observation tools are used most. */
export const TABLET = { width: 768, height: 1024 };
export const DESKTOP = { width: 1200, height: 900 };

/** A fresh browser profile (own cookies) for one person. */
export async function newPage(world: World, viewport = DESKTOP): Promise<{ context: BrowserContext; page: Page }> {
  const context = await world.browser.newContext({ baseURL: world.baseUrl, viewport });
  const page = await context.newPage();
  // Generous: CI machines share their cores, and a slow step is not a failure.
  page.setDefaultTimeout(30_000);
  return { context, page };
}

/** A new page signed in as this demo person, past the role descriptions. */
export async function signedInPage(world: World, email: string, viewport?: { width: number; height: number }): Promise<Page> {
  const { page } = await newPage(world, viewport);
  await signInReady(page, email);
  return page;
}

/**
 * On a phone the main navigation and account links sit behind "Menu": opens it when the
 * button is shown and the menu is closed; on wider screens it does nothing.
 */
export async function openNav(page: Page) {
  const menu = page.locator('header').getByRole('button', { name: 'Menu', exact: true });
  if ((await menu.isVisible()) && (await menu.getAttribute('aria-expanded')) !== 'true') {
    await menu.click();
    await page.locator('header .account').waitFor();
  }
}

/** A calendar day (YYYY-MM-DD) some days from now in this machine's time zone, which the browser shares. */
export function localDay(offsetDays: number): string {
  const d = new Date(Date.now() + offsetDays * 86400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Runs axe against the page as it is now, for WCAG 2.0/2.1 A and AA; prints what failed. */
export async function checkA11y(page: Page, label: string) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const violations = result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  if (violations.length) console.error(`[a11y] ${label}:`, JSON.stringify(violations, null, 2));
  expect(violations, `accessibility problems on: ${label}`).toEqual([]);
}

/** Signs in through the form and waits for the page after sign-in. */
export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/** Signs in and gets past the role descriptions if they are shown. */
export async function signInReady(page: Page, email: string) {
  await signIn(page, email);
  if (new URL(page.url()).pathname === '/welcome') {
    await page.getByRole('button', { name: 'I understand' }).click();
    await page.waitForURL((url) => url.pathname === '/');
  }
  await page.getByRole('heading', { level: 1 }).waitFor();
}

/** A state-changing API call as the signed-in person of this page (same cookies, with the CSRF header), expecting `status`. */
export async function post<T>(page: Page, url: string, data: unknown, status = 201): Promise<T> {
  const me = await (await page.request.get('/api/me')).json();
  const response = await page.request.post(url, { data, headers: { 'x-csrf-token': me.csrfToken } });
  expect(response.status(), `${url}: ${await response.text()}`).toBe(status);
  return response.json();
}
