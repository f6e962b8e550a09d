import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Observation, PartnershipSummary } from '../../web/src/api';
import { PHONE, TABLET, type World, checkA11y, describeBrowser, post, signInReady, signedInPage, startWorld } from './harness';

const TOOLS = [
  { tool: 'event_count', categories: ['Open question', 'Closed question'] },
  { tool: 'duration', activities: ['Whole group', 'Transition'] },
  { tool: 'time_sample', categories: ['On task', 'Off task'], intervalMinutes: 5 },
];

const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
const count = (page: Page, category: string) => page.locator(`.count-button[data-category="${category}"]`).getAttribute('data-count');
const waiting = (page: Page) => page.locator('.sync-status').getAttribute('data-waiting');
const tool = (page: Page, name: string) => page.locator('nav.tool-switcher').getByRole('button', { name, exact: true });
const said = (page: Page) => page.locator('.recording-said').textContent();

/**
 * Recording a visit with three tools (issue 10): Carmen (coach) records event counts, timed
 * activities and interval records for Taylor's classroom at tablet size, undoes the last tap of
 * each, sees the counts, and the server ends up with every tap; the same screen fits a phone.
 * Offline: 500 taps across the three tools, two reloads with no network (the service worker
 * brings the page back, the taps come back from the device), then online again: the server holds
 * exactly 500 events, each once.
 */
describeBrowser('recording an observation with event count, duration and time sample', () => {
  let world: World;
  let partnershipId = '';

  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  /** A visit started 12 minutes ago: with 5-minute intervals, intervals 1 and 2 have passed and 3 runs now. */
  async function startVisit(page: Page, focus: string): Promise<Observation> {
    if (!partnershipId) {
      const list = await (await page.request.get('/api/partnerships?limit=50')).json();
      const expert = (list.items as Array<PartnershipSummary & { members: Array<{ name: string }> }>).find((x) => x.format === 'expert' && x.members.some((mb) => mb.name === 'Taylor Nguyen'));
      expect(expert).toBeTruthy();
      partnershipId = expert!.id;
    }
    const startedAt = new Date(Date.now() - 12 * 60_000).toISOString();
    return post<Observation>(page, `/api/partnerships/${partnershipId}/observations`, { focus, mode: 'live', startedAt, tools: TOOLS });
  }
  const recordUrl = (o: Observation) => `/partnerships/${partnershipId}/observations/${o.id}/record`;

  it('records, undoes and counts on each tool at tablet size, fits a phone, and ends', async () => {
    const FOCUS = 'Which questions children answer during read-aloud.';
    const carmen = await signedInPage(world, 'carmen@riverside.example', TABLET);
    const o = await startVisit(carmen, FOCUS);
    await carmen.goto(recordUrl(o));
    await carmen.getByRole('heading', { level: 1, name: FOCUS }).waitFor();
    // The running clock: about 12 minutes since the start, and it moves.
    const clock = carmen.getByRole('timer');
    expect(await clock.textContent()).toMatch(/^1[23]:\d\d$/);
    const first = await clock.textContent();
    await expect.poll(() => clock.textContent(), { timeout: 5000 }).not.toBe(first);
    expect(await tool(carmen, 'Event count').getAttribute('aria-pressed')).toBe('true');

    // Event count: one tap, one count; undo takes back the last one and says which.
    const open = carmen.locator('.count-button[data-category="Open question"]');
    const closed = carmen.locator('.count-button[data-category="Closed question"]');
    for (let i = 0; i < 3; i++) await open.click();
    await closed.click();
    await expect.poll(() => count(carmen, 'Open question')).toBe('3');
    await expect.poll(() => count(carmen, 'Closed question')).toBe('1');
    await carmen.getByRole('button', { name: 'Undo last tap' }).click();
    await expect.poll(() => said(carmen)).toBe('Undone: one “Closed question”.');
    await expect.poll(() => count(carmen, 'Closed question')).toBe('0');
    expect(await count(carmen, 'Open question')).toBe('3');
    expect(await noSideScroll(carmen)).toBe(true);
    await checkA11y(carmen, 'recording, event count at tablet size');

    // Duration: exclusive stopwatches; undo of a stop starts it running again.
    await tool(carmen, 'Duration').click();
    const whole = carmen.locator('.duration-button[data-activity="Whole group"]');
    const transition = carmen.locator('.duration-button[data-activity="Transition"]');
    await whole.click();
    await expect.poll(() => whole.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => whole.textContent()).toContain('Running');
    await transition.click();
    await expect.poll(() => transition.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => whole.getAttribute('aria-pressed')).toBe('false');
    await transition.click();
    await expect.poll(() => transition.getAttribute('aria-pressed')).toBe('false');
    await carmen.getByRole('button', { name: 'Undo last tap' }).click();
    await expect.poll(() => said(carmen)).toBe('Undone: “Transition” stopped.');
    await expect.poll(() => transition.getAttribute('aria-pressed')).toBe('true');
    await checkA11y(carmen, 'recording, duration at tablet size');

    // Time sample: intervals 1 and 2 passed without a record (missed, never filled in); one record for interval 3, with a note.
    await tool(carmen, 'Time sample').click();
    await carmen.getByText('Interval 3 ·').waitFor();
    await carmen.getByRole('heading', { name: 'What do you see in interval 3?' }).waitFor();
    const cells = () => carmen.locator('.interval-grid li').allTextContents();
    expect(await cells()).toEqual(['1: missed', '2: missed', '3: now']);
    await carmen.getByLabel('A short note (optional)').fill('Reading aloud');
    await carmen.locator('.sample-button[data-category="On task"]').click();
    await expect.poll(cells).toEqual(['1: missed', '2: missed', '3: On task']);
    expect(await carmen.locator('.sample-button[data-category="On task"]').getAttribute('aria-pressed')).toBe('true');
    await checkA11y(carmen, 'recording, time sample at tablet size');
    await carmen.getByRole('button', { name: 'Undo last tap' }).click();
    await expect.poll(() => said(carmen)).toBe('Undone: the record for interval 3 (On task).');
    await expect.poll(cells).toEqual(['1: missed', '2: missed', '3: now']);
    await carmen.locator('.sample-button[data-category="Off task"]').click();
    await expect.poll(cells).toEqual(['1: missed', '2: missed', '3: Off task']);

    // Everything reaches the server: 4 counts + 1 undo, 3 starts/stops + 1 undo, 2 records + 1 undo.
    await expect.poll(() => waiting(carmen), { timeout: 20_000 }).toBe('0');
    await carmen.getByText('All recorded taps are saved on this device and sent.').waitFor();
    const saved = (await (await carmen.request.get(`/api/observations/${o.id}`)).json()) as Observation;
    expect(saved.events.length).toBe(12);
    expect(saved.events.filter((e) => e.type === 'undo').length).toBe(3);
    await carmen.context().close();

    // The same screen on a phone: no sideways scrolling on any tool; then the visit ends.
    const phone = await signedInPage(world, 'carmen@riverside.example', PHONE);
    await phone.goto(recordUrl(o));
    await phone.getByRole('heading', { level: 1, name: FOCUS }).waitFor();
    for (const name of ['Event count', 'Duration', 'Time sample']) {
      await tool(phone, name).click();
      await phone.getByRole('heading', { level: 2, name }).waitFor();
      expect(await noSideScroll(phone), name).toBe(true);
      await checkA11y(phone, `recording, ${name} on a phone`);
    }
    // Taps made on the tablet were made on another device: this one starts from what it holds itself.
    await phone.getByRole('button', { name: 'End the observation' }).click();
    await phone.getByText('The observation has ended.').waitFor();
    await phone.getByText('This observation has ended, so nothing more can be recorded here.').waitFor();
    expect(await phone.locator('.tap-button:not([disabled])').count()).toBe(0);
    expect(await noSideScroll(phone)).toBe(true);
    await checkA11y(phone, 'recording, ended, on a phone');
    await phone.context().close();
  });

  it('signals a new interval with a pulse and a vibration, and leaves the past one missed', async () => {
    const carmen = await signedInPage(world, 'carmen@riverside.example', TABLET);
    // Where the device can vibrate, each call is noted (headless Chromium has no motor to ask).
    await carmen.addInitScript(() => {
      const calls: unknown[] = [];
      (window as unknown as { vibrations: unknown[] }).vibrations = calls;
      Object.defineProperty(navigator, 'vibrate', { configurable: true, value: (pattern: unknown) => (calls.push(pattern), true) });
    });
    // One-minute intervals, the first ending in about 4 seconds.
    const startedAt = new Date(Date.now() - 56_000).toISOString();
    const o = await post<Observation>(carmen, `/api/partnerships/${partnershipId}/observations`, { focus: 'Time on task', mode: 'live', startedAt, tools: [{ tool: 'time_sample', categories: ['On task', 'Off task'], intervalMinutes: 1 }] });
    await carmen.goto(recordUrl(o));
    await carmen.getByRole('heading', { name: 'What do you see in interval 1?' }).waitFor();
    // One tool only: no switcher.
    expect(await carmen.locator('nav.tool-switcher').count()).toBe(0);
    await carmen.locator('.interval-timer.is-pulsing[data-interval="2"]').waitFor({ timeout: 15_000 });
    await expect.poll(() => said(carmen)).toBe('Interval 2 has begun.');
    expect(await carmen.evaluate(() => (window as unknown as { vibrations: unknown[] }).vibrations.length)).toBe(1);
    expect(await carmen.locator('.interval-grid li').allTextContents()).toEqual(['1: missed', '2: now']);
    await checkA11y(carmen, 'recording, a new interval pulsing');
    await carmen.context().close();
  });

  it('keeps 500 taps made offline across two offline reloads and sends each exactly once', async () => {
    const FOCUS = 'How long transitions take.';
    // The service worker is allowed here: it is what brings the page back with no network.
    const context = await world.browser.newContext({ baseURL: world.baseUrl, viewport: TABLET, serviceWorkers: 'allow' });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    try {
      await signInReady(page, 'carmen@riverside.example');
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
      const o = await startVisit(page, FOCUS);
      // First visit online (the worker now controls the page and keeps the screen's files).
      await page.goto(recordUrl(o));
      await page.getByRole('heading', { level: 1, name: FOCUS }).waitFor();
      expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

      await context.setOffline(true);
      await page.getByText('You are offline.', { exact: false }).waitFor();
      let recorded = 0;
      const taps = async (counts: number, durationPairs: number, samples: number) => {
        await tool(page, 'Event count').click();
        for (let i = 0; i < counts; i++) await page.locator(`.count-button[data-category="${i % 2 ? 'Closed question' : 'Open question'}"]`).click();
        await tool(page, 'Duration').click();
        const whole = page.locator('.duration-button[data-activity="Whole group"]');
        for (let i = 0; i < durationPairs; i++) {
          await whole.click();
          await page.locator('.duration-button[data-activity="Whole group"][aria-pressed="true"]').waitFor();
          await whole.click();
          await page.locator('.duration-button[data-activity="Whole group"][aria-pressed="false"]').waitFor();
        }
        await tool(page, 'Time sample').click();
        for (let i = 0; i < samples; i++) await page.locator(`.sample-button[data-category="${i % 2 ? 'Off task' : 'On task'}"]`).click();
        recorded += counts + 2 * durationPairs + samples;
        await expect.poll(() => waiting(page), { timeout: 20_000 }).toBe(String(recorded));
      };
      const reloadOffline = async () => {
        await page.reload();
        await page.getByRole('heading', { level: 1, name: FOCUS }).waitFor();
        await page.getByText('Shown from this device', { exact: false }).waitFor();
        expect(await waiting(page)).toBe(String(recorded));
      };

      await taps(150, 25, 50); // 250
      await reloadOffline();
      await tool(page, 'Event count').click();
      expect(await count(page, 'Open question')).toBe('75');
      expect(await count(page, 'Closed question')).toBe('75');
      await checkA11y(page, 'recording offline, after a reload');
      await taps(100, 15, 20); // 400
      await reloadOffline();
      await tool(page, 'Event count').click();
      expect(await count(page, 'Open question')).toBe('125');
      await taps(50, 10, 30); // 500
      expect(recorded).toBe(500);
      // Ending works offline too (kept on the device, sent after the taps): the button is there, and says so.
      expect(await page.getByRole('button', { name: 'End the observation' }).isDisabled()).toBe(false);
      await page.getByText('Ending works without a connection too', { exact: false }).waitFor();

      // Back online: everything is sent, and the server holds each tap once.
      await context.setOffline(false);
      await expect.poll(() => waiting(page), { timeout: 60_000 }).toBe('0');
      expect(await page.locator('.sync-status').getAttribute('data-rejected')).toBe('0');
      const rows = await world.db!.selectFrom('observation_events').select(['id', 'tool']).where('observation_id', '=', o.id).execute();
      expect(rows.length).toBe(500);
      expect(new Set(rows.map((r) => r.id)).size).toBe(500);
      const byTool = (name: string) => rows.filter((r) => r.tool === name).length;
      expect([byTool('event_count'), byTool('duration'), byTool('time_sample')]).toEqual([300, 100, 100]);
    } finally {
      await context.close();
    }
  });
});
