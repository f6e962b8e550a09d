import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ClassroomLayout, Observation, ObservationPlan, PartnershipSummary } from '../../web/src/api';
import { TABLET, type World, checkA11y, describeBrowser, signedInPage, startWorld } from './harness';
import { openSection } from './sections';

const ROOM = [
  ...['S1', 'S2', 'S3', 'S4'].map((id, i) => ({ id, type: 'seat', label: id, x: 150 + (i % 2) * 300, y: 300 + Math.floor(i / 2) * 300, w: 140, h: 140 })),
  { id: 'board', type: 'board', x: 300, y: 20, w: 400, h: 40 },
  { id: 'door', type: 'door', x: 0, y: 800, w: 40, h: 150 },
];
const TOOLS = ['selective_verbatim', 'verbal_flow', 'event_count', 'duration', 'physical_map', 'time_sample'] as const;

const tool = (page: Page, name: string) => page.locator('nav.tool-switcher').getByRole('button', { name, exact: true });
const waiting = (page: Page) => page.locator('.sync-status').getAttribute('data-waiting');
/** How many events of the visit the server holds. */
const onServer = async (page: Page, id: string) => ((await (await page.request.get(`/api/observations/${id}`)).json()) as Observation).events.length;

/** A call to the API as the person signed in on this page (with the CSRF header). */
async function call<T>(page: Page, method: 'post' | 'put', url: string, data: unknown): Promise<T> {
  const me = await (await page.request.get('/api/me')).json();
  const response = await page.request[method](url, { data, headers: { 'x-csrf-token': me.csrfToken } });
  expect(response.ok(), `${url}: ${await response.text()}`).toBe(true);
  return response.json();
}

/**
 * Issue 10's "done when", in one story in the demo organization: Carmen (coach) plans a visit
 * with Taylor, who confirms the data form; Carmen starts it from the plan on a tablet, and a
 * second visit without a plan with the other five tools; she records in all six, part of it with
 * no network; both end. Taylor sees each graphic; Sam (her supervisor) finds nothing until Taylor
 * shares her observation records with him, and then reads the same graphics.
 */
describeBrowser('an observation with all six tools, from plan to the coachee’s graphics', () => {
  let world: World;
  let pid = '';
  const PLANNED = 'Which questions get answers during read-aloud.';
  const UNPLANNED = 'Who talks, how long, and where I stand during centres.';
  const visits: string[] = [];

  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  it('lets the coach plan, start and record with every tool on a tablet, partly offline, and end', async () => {
    const carmen = await signedInPage(world, 'carmen@riverside.example', TABLET);
    const taylor = await signedInPage(world, 'taylor@riverside.example', TABLET);
    const list = await (await carmen.request.get('/api/partnerships?limit=50')).json();
    pid = (list.items as Array<PartnershipSummary & { members: Array<{ name: string }> }>).find((x) => x.format === 'expert' && x.members.some((mb) => mb.name === 'Taylor Nguyen'))!.id;

    // The plan from the focus conversation (its screens are tested in observations.test.ts); Taylor confirms it.
    const plan = await call<ObservationPlan>(carmen, 'post', `/api/partnerships/${pid}/observation-plans`, { focus: PLANNED, mode: 'live', dataForm: { method: 'event_count', fields: ['Open question', 'Closed question'] } });
    await call(taylor, 'post', `/api/observation-plans/${plan.id}/confirmation`, { baseVersion: plan.version });
    await call<ClassroomLayout>(carmen, 'post', `/api/partnerships/${pid}/classroom-layouts`, { name: 'Room 12, seats', kind: 'seating_chart', elements: ROOM });
    await call<ClassroomLayout>(carmen, 'post', `/api/partnerships/${pid}/classroom-layouts`, { name: 'Room 12, map', kind: 'room_map', elements: ROOM });
    await taylor.context().close();

    // Visit 1, from the confirmed plan: its tool comes from the data form.
    await carmen.goto(`/partnerships/${pid}/observations`);
    await carmen.getByRole('button', { name: 'Start an observation' }).click();
    const form = carmen.locator('form.start-observation');
    await expect.poll(() => form.getByRole('radio', { name: new RegExp(PLANNED.slice(0, 20)) }).isChecked()).toBe(true);
    await checkA11y(carmen, 'start an observation from a plan, tablet');
    await form.getByRole('button', { name: 'Start now' }).click();
    await carmen.getByRole('heading', { level: 2, name: PLANNED }).waitFor();
    visits.push(carmen.url().split('/').pop()!);
    await carmen.getByRole('link', { name: 'Go on recording' }).click();
    await carmen.getByRole('heading', { level: 1, name: PLANNED }).waitFor();
    const open = carmen.locator('.count-button[data-category="Open question"]');
    for (let i = 0; i < 3; i++) await open.click();
    await expect.poll(() => onServer(carmen, visits[0]), { timeout: 20_000 }).toBe(3);
    await expect.poll(() => waiting(carmen)).toBe('0');

    // The network drops: taps are kept on the tablet and counted as waiting, then sent once it is back.
    await carmen.context().setOffline(true);
    await carmen.getByText('You are offline.', { exact: false }).first().waitFor();
    await open.click();
    await carmen.locator('.count-button[data-category="Closed question"]').click();
    await expect.poll(() => waiting(carmen)).toBe('2');
    await carmen.context().setOffline(false);
    await expect.poll(() => waiting(carmen), { timeout: 30_000 }).toBe('0');
    await carmen.getByRole('button', { name: 'End the observation' }).click();
    await carmen.getByText('The observation has ended.').waitFor();

    // Visit 2, without a plan: the five other tools, each with what it needs.
    await carmen.goto(`/partnerships/${pid}/observations`);
    await carmen.getByRole('button', { name: 'Start an observation' }).click();
    await form.getByRole('radio', { name: 'No plan' }).check();
    const pick = async (name: string) => {
      await form.getByRole('checkbox', { name }).check();
      return form.locator('.start-tool', { has: carmen.getByRole('checkbox', { name }) });
    };
    await (await pick('Selective verbatim')).getByLabel(/^Speakers’ quick keys/).fill('T\nS1');
    const flow = await pick('Verbal flow');
    await flow.getByLabel(/^Kinds of interaction/).fill('Teacher question\nStudent response');
    await flow.getByLabel(/^Classroom layout/).selectOption({ label: 'Room 12, seats' });
    await (await pick('Duration')).getByLabel(/^Activities/).fill('Whole group\nCentres');
    const map = await pick('Physical map');
    await map.getByLabel(/^Who is followed/).fill('T');
    await map.getByLabel(/^Classroom layout/).selectOption({ label: 'Room 12, map' });
    await (await pick('Time sample')).getByLabel(/^Categories/).fill('On task\nOff task');
    await form.getByLabel('What you will look at (optional)').fill(UNPLANNED);
    await checkA11y(carmen, 'start an observation with five tools, tablet');
    await form.getByRole('button', { name: 'Start now' }).click();
    await carmen.getByRole('heading', { level: 2, name: UNPLANNED }).waitFor();
    visits.push(carmen.url().split('/').pop()!);
    await carmen.getByRole('link', { name: 'Go on recording' }).click();
    await carmen.getByRole('heading', { level: 1, name: UNPLANNED }).waitFor();

    // Online for the first two tools…
    const box = carmen.getByLabel('What T says');
    await box.fill('What do you notice about the shells?');
    await box.press('Enter');
    await carmen.locator('.line-item').first().waitFor();
    await tool(carmen, 'Verbal flow').click();
    await carmen.locator('.seat-button[data-seat="S1"]').click();
    await carmen.locator('.kind-button[data-kind="Student response"]').click();
    await carmen.locator('.seat-button[data-seat="S2"]').click();
    await expect.poll(() => onServer(carmen, visits[1]), { timeout: 20_000 }).toBe(3);
    await expect.poll(() => waiting(carmen)).toBe('0');
    // …and offline for the other three.
    await carmen.context().setOffline(true);
    await carmen.getByText('You are offline.', { exact: false }).first().waitFor();
    await tool(carmen, 'Duration').click();
    const centres = carmen.locator('.duration-button[data-activity="Centres"]');
    await centres.click();
    await expect.poll(() => centres.getAttribute('aria-pressed')).toBe('true');
    await centres.click();
    await expect.poll(() => centres.getAttribute('aria-pressed')).toBe('false');
    await tool(carmen, 'Physical map').click();
    await carmen.locator('.place-button[data-element="board"]').click();
    await carmen.locator('.place-button[data-element="S3"]').click();
    await tool(carmen, 'Time sample').click();
    await carmen.locator('.sample-button[data-category="On task"]').click();
    await expect.poll(() => waiting(carmen)).toBe('5');
    await checkA11y(carmen, 'recording offline, tablet');
    await carmen.context().setOffline(false);
    await expect.poll(() => waiting(carmen), { timeout: 30_000 }).toBe('0');
    await carmen.getByRole('button', { name: 'End the observation' }).click();
    await carmen.getByText('The observation has ended.').waitFor();

    const [first, second] = await Promise.all(visits.map(async (id) => (await (await carmen.request.get(`/api/observations/${id}`)).json()) as Observation));
    expect(first.events.filter((e) => e.tool === 'event_count').length).toBe(5);
    expect(new Set(second.events.map((e) => e.tool))).toEqual(new Set(TOOLS.filter((x) => x !== 'event_count')));
    expect([first.status, second.status]).toEqual(['ended', 'ended']);
    await carmen.context().close();
  });

  it('shows the coachee each of the six graphics', async () => {
    const taylor = await signedInPage(world, 'taylor@riverside.example', TABLET);
    const seen: string[] = [];
    for (const id of visits) {
      await taylor.goto(`/partnerships/${pid}/observations/${id}`);
      await taylor.locator('figure.observation-chart').first().waitFor();
      seen.push(...(await taylor.locator('figure.observation-chart').evaluateAll((figures) => figures.map((f) => [...f.classList].find((c) => c.startsWith('observation-chart-'))!.slice('observation-chart-'.length)))));
      await checkA11y(taylor, `the coachee's review of visit ${seen.length}`);
    }
    expect(seen.sort()).toEqual([...TOOLS].sort());

    // Each graphic saves as a picture, and the whole visit as a PDF.
    const saved = async (name: string | RegExp) => {
      const [download] = await Promise.all([taylor.waitForEvent('download'), taylor.getByRole('link', { name }).first().click()]);
      return download.suggestedFilename();
    };
    const flow = taylor.locator('section.review-tool', { has: taylor.locator('figure.observation-chart-verbal_flow') });
    const [download] = await Promise.all([taylor.waitForEvent('download'), flow.getByRole('link', { name: 'PNG, a picture for slides' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^observation-\d{4}-\d{2}-\d{2}-verbal_flow\.png$/);
    expect(await saved('Save the whole visit as a PDF')).toMatch(/^observation-\d{4}-\d{2}-\d{2}\.pdf$/);
    await taylor.getByRole('link', { name: 'Who has seen this observation' }).waitFor();
    await taylor.context().close();
  });

  it('gives the supervisor nothing until the coachee shares her observation records, then the same graphics', async () => {
    const sam = await signedInPage(world, 'sam@riverside.example', TABLET);
    for (const id of visits) {
      await sam.goto(`/partnerships/${pid}/observations/${id}`);
      await sam.getByRole('heading', { name: 'We could not find that page' }).waitFor();
      expect(await sam.locator('figure.observation-chart').count()).toBe(0);
      expect((await sam.request.get(`/api/observations/${id}`)).status()).toBe(404);
    }

    const taylor = await signedInPage(world, 'taylor@riverside.example', TABLET);
    await taylor.goto(`/partnerships/${pid}`);
    await openSection(taylor, 'Sharing');
    await taylor.getByRole('button', { name: 'Share all my observation records from this partnership with…' }).click();
    await taylor.getByLabel('Share with').fill('Sam');
    await taylor.getByRole('button', { name: 'Choose Sam Okafor' }).click();
    await taylor.getByRole('button', { name: 'Share', exact: true }).click();
    await taylor.getByText('Sam Okafor can now read all your observation records from this partnership', { exact: false }).waitFor();
    await taylor.context().close();

    const second = (await (await sam.request.get(`/api/observations/${visits[1]}`)).json()) as Observation;
    expect(second.toolKinds.length).toBe(5);
    // On Home, under "Shared with you": read it, then open its graphics.
    await sam.goto('/');
    const shared = sam.locator('section[aria-labelledby="shared-title"] article', { hasText: UNPLANNED.slice(0, 30) });
    await shared.getByRole('button', { name: /^Read/ }).click();
    await shared.getByRole('link', { name: 'See the graphics of this observation' }).click();
    await sam.getByRole('heading', { level: 1, name: UNPLANNED }).waitFor();
    await expect.poll(() => sam.locator('figure.observation-chart').count()).toBe(5);
    await sam.getByText('Taylor Nguyen shared this observation with you.', { exact: false }).waitFor();
    await checkA11y(sam, 'a shared observation, supervisor');
    const log = (await (await (await signedInPage(world, 'taylor@riverside.example', TABLET)).request.get('/api/access-log?limit=100')).json()).items as Array<{ itemId: string; actorName?: string }>;
    expect(log.some((e) => e.itemId === visits[1])).toBe(true);
    await sam.context().close();
  });
});
