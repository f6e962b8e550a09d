import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Observation, PartnershipSummary } from '../../web/src/api';
import { TABLET, type World, checkA11y, describeBrowser, post, signedInPage, startWorld } from './harness';

const TOOLS = [
  { tool: 'event_count', categories: ['Open question', 'Closed question'] },
  { tool: 'time_sample', categories: ['On task', 'Off task'], intervalMinutes: 5 },
];

const count = (page: Page, category: string) => page.locator(`.count-button[data-category="${category}"]`).getAttribute('data-count');
const waiting = (page: Page) => page.locator('.sync-status').getAttribute('data-waiting');
const said = (page: Page) => page.locator('.recording-said').textContent();
const read = async (page: Page, id: string) => (await (await page.request.get(`/api/observations/${id}`)).json()) as Observation;

/**
 * Recording a visit, continued (issue 10): pausing and resuming (the clock stops, taps are
 * refused calmly, the pause syncs like a tap), ending while offline (kept on the device, sent
 * after the taps, exactly once), and taps another device already sent shown with this one's.
 */
describeBrowser('pausing, ending offline and taps from another device', () => {
  let world: World;
  let partnershipId = '';

  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  async function startVisit(page: Page, focus: string, minutesAgo = 2): Promise<Observation> {
    if (!partnershipId) {
      const list = await (await page.request.get('/api/partnerships?limit=50')).json();
      const expert = (list.items as Array<PartnershipSummary & { members: Array<{ name: string }> }>).find((x) => x.format === 'expert' && x.members.some((mb) => mb.name === 'Taylor Nguyen'));
      expect(expert).toBeTruthy();
      partnershipId = expert!.id;
    }
    const startedAt = new Date(Date.now() - minutesAgo * 60_000).toISOString();
    return post<Observation>(page, `/api/partnerships/${partnershipId}/observations`, { focus, mode: 'live', startedAt, tools: TOOLS });
  }
  const recordUrl = (o: Observation) => `/partnerships/${partnershipId}/observations/${o.id}/record`;

  it('pauses and resumes: the clock stops and says so, taps while paused are refused, and the pause reaches the server', async () => {
    const carmen = await signedInPage(world, 'carmen@riverside.example', TABLET);
    const o = await startVisit(carmen, 'Questions during a read-aloud, with a fire drill.');
    await carmen.goto(recordUrl(o));
    const open = carmen.locator('.count-button[data-category="Open question"]');
    await open.click();
    await expect.poll(() => count(carmen, 'Open question')).toBe('1');

    await carmen.getByRole('button', { name: 'Pause the visit' }).click();
    await expect.poll(() => said(carmen)).toBe('Visit paused. The clock is stopped.');
    await carmen.getByText('Paused: the clock is stopped').waitFor();
    const clock = carmen.getByRole('timer');
    // The clock stops at the moment of the pause (the next second's reading at most).
    await carmen.waitForTimeout(1200);
    const stopped = await clock.textContent();
    await carmen.waitForTimeout(2200);
    expect(await clock.textContent()).toBe(stopped);
    await open.click();
    await expect.poll(() => said(carmen)).toBe('The visit is paused, so that tap was not recorded. Press “Resume the visit” when you want to go on.');
    expect(await count(carmen, 'Open question')).toBe('1');
    await checkA11y(carmen, 'recording, paused');

    await carmen.getByRole('button', { name: 'Resume the visit' }).click();
    await expect.poll(() => said(carmen)).toBe('Visit resumed. The clock is running again.');
    await expect.poll(() => clock.textContent(), { timeout: 5000 }).not.toBe(stopped);
    await open.click();
    await expect.poll(() => count(carmen, 'Open question')).toBe('2');
    // Undo takes back the last tap, never the pause or the resume.
    await carmen.getByRole('button', { name: 'Undo last tap' }).click();
    await expect.poll(() => count(carmen, 'Open question')).toBe('1');

    await expect.poll(() => waiting(carmen), { timeout: 20_000 }).toBe('0');
    const saved = await read(carmen, o.id);
    expect(saved.events.map((e) => e.type)).toEqual(['count', 'pause', 'resume', 'count', 'undo']);
    await carmen.context().close();
  });

  it('ends while offline: kept on the device, sent after the taps once online, exactly once', async () => {
    const carmen = await signedInPage(world, 'carmen@riverside.example', TABLET);
    const o = await startVisit(carmen, 'Ending in a dead zone.');
    await carmen.goto(recordUrl(o));
    await carmen.locator('.count-button[data-category="Closed question"]').waitFor();
    await carmen.context().setOffline(true);
    for (let i = 0; i < 3; i++) await carmen.locator('.count-button[data-category="Closed question"]').click();
    await expect.poll(() => count(carmen, 'Closed question')).toBe('3');
    await carmen.getByText('Ending works without a connection too', { exact: false }).waitFor();
    await carmen.getByRole('button', { name: 'End the observation' }).click();
    await carmen.getByText('Ended on this device. The end will be sent to Tandem after the taps, as soon as it can be reached.').waitFor();
    await carmen.getByText('This observation has ended, so nothing more can be recorded here.').waitFor();
    expect(await carmen.locator('.tap-button:not([disabled])').count()).toBe(0);
    await checkA11y(carmen, 'recording, ended offline');

    await carmen.context().setOffline(false);
    await carmen.evaluate(() => window.dispatchEvent(new Event('online')));
    await carmen.getByText('The observation has ended.', { exact: true }).waitFor({ timeout: 20_000 });
    const saved = await read(carmen, o.id);
    expect(saved.status).toBe('ended');
    expect(saved.events.filter((e) => e.type === 'count')).toHaveLength(3);
    expect(saved.events.every((e) => e.deviceAt <= saved.endedAt!)).toBe(true);
    expect(saved.version).toBe(2);
    await carmen.context().close();
  });

  it('shows the taps another device already sent beside this one’s, each once', async () => {
    const carmen = await signedInPage(world, 'carmen@riverside.example', TABLET);
    const o = await startVisit(carmen, 'Two tablets, one visit.');
    // The other tablet's taps, as its sync loop sends them.
    const at = new Date(Date.now() - 60_000).toISOString();
    const other = [0, 1, 2].map(() => ({ id: crypto.randomUUID(), tool: 'event_count', type: 'count', payload: { category: 'Open question' }, deviceAt: at }));
    await post(carmen, `/api/observations/${o.id}/events`, { events: other }, 200);
    await carmen.goto(recordUrl(o));
    await expect.poll(() => count(carmen, 'Open question')).toBe('3');
    await carmen.getByText('Includes 3 taps recorded on another device.').waitFor();
    await carmen.locator('.count-button[data-category="Open question"]').click();
    await expect.poll(() => count(carmen, 'Open question')).toBe('4');
    await expect.poll(() => waiting(carmen), { timeout: 20_000 }).toBe('0');
    // Reloaded once everything is sent: the server's copy and the device's are the same taps, counted once.
    await carmen.reload();
    await expect.poll(() => count(carmen, 'Open question')).toBe('4');
    expect((await read(carmen, o.id)).events).toHaveLength(4);
    await carmen.context().close();
  });
});
