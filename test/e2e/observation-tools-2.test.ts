import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ClassroomLayout, Observation, PartnershipSummary } from '../../web/src/api';
import { PHONE, TABLET, type World, checkA11y, describeBrowser, signedInPage, startWorld } from './harness';

/** A state-changing API call as the signed-in person of this page (same cookies, with the CSRF header). */
async function call<T>(page: Page, method: 'post' | 'put', url: string, data: unknown, status = 201): Promise<T> {
  const me = await (await page.request.get('/api/me')).json();
  const response = await page.request[method](url, { data, headers: { 'x-csrf-token': me.csrfToken } });
  expect(response.status(), `${url}: ${await response.text()}`).toBe(status);
  return response.json();
}

const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
const tool = (page: Page, name: string) => page.locator('nav.tool-switcher').getByRole('button', { name, exact: true });
const said = (page: Page) => page.locator('.recording-said').textContent();
const undo = (page: Page) => page.getByRole('button', { name: 'Undo last tap' }).click();
const seatCount = (page: Page, seat: string) => page.locator(`.seat-button[data-seat="${seat}"]`).getAttribute('data-count');

/** Six seats in two rows, a board, a door and the teacher's desk: enough for a seating chart and a room map. */
const ROOM = [
  ...['S1', 'S2', 'S3', 'S4', 'S5', 'S6'].map((id, i) => ({ id, type: 'seat', label: id, x: 150 + (i % 3) * 250, y: 300 + Math.floor(i / 3) * 250, w: 120, h: 120 })),
  { id: 'board', type: 'board', x: 300, y: 20, w: 400, h: 40 },
  { id: 'desk', type: 'teacher_desk', x: 750, y: 120, w: 200, h: 100 },
  { id: 'door', type: 'door', x: 0, y: 800, w: 40, h: 150 },
];

/**
 * Recording a visit with selective verbatim, verbal flow and physical map (issue 10): Carmen
 * (coach) types lines for two speakers with a category, taps seats with kinds (student to student
 * too), marks where Taylor stands and pins a note, undoing the last tap of each; the screen fits
 * a phone; then the review page draws the three graphics with what was recorded.
 */
describeBrowser('recording an observation with selective verbatim, verbal flow and physical map', () => {
  let world: World;
  let partnershipId = '';

  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  async function partnership(page: Page): Promise<string> {
    if (!partnershipId) {
      const list = await (await page.request.get('/api/partnerships?limit=50')).json();
      const expert = (list.items as Array<PartnershipSummary & { members: Array<{ name: string }> }>).find((x) => x.format === 'expert' && x.members.some((mb) => mb.name === 'Taylor Nguyen'));
      expect(expert).toBeTruthy();
      partnershipId = expert!.id;
    }
    return partnershipId;
  }

  it('records lines, exchanges and a path with undo at tablet size, fits a phone, and shows the three graphics', async () => {
    const FOCUS = 'Who talks during the science discussion.';
    const carmen = await signedInPage(world, 'carmen@riverside.example', TABLET);
    const pid = await partnership(carmen);
    const seating = await call<ClassroomLayout>(carmen, 'post', `/api/partnerships/${pid}/classroom-layouts`, { name: 'Room 12, rows', kind: 'seating_chart', elements: ROOM });
    const room = await call<ClassroomLayout>(carmen, 'post', `/api/partnerships/${pid}/classroom-layouts`, { name: 'Room 12, map', kind: 'room_map', elements: ROOM });
    const o = await call<Observation>(carmen, 'post', `/api/partnerships/${pid}/observations`, {
      focus: FOCUS,
      mode: 'live',
      startedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
      tools: [
        { tool: 'selective_verbatim', speakers: ['T', 'S1'], categories: ['Open question', 'Closed question'] },
        { tool: 'verbal_flow', kinds: ['Teacher question', 'Student response', 'Student to student'], layoutId: seating.id },
        { tool: 'physical_map', tracked: ['T', 'S4'], layoutId: room.id },
      ],
    });
    const recordUrl = `/partnerships/${pid}/observations/${o.id}/record`;

    // The records list and the review page lead back to the recording while it records.
    await carmen.goto(`/partnerships/${pid}/observations/${o.id}`);
    await carmen.getByRole('link', { name: 'Go on recording' }).click();
    await carmen.waitForURL(`**${recordUrl}`);
    await carmen.getByRole('heading', { level: 1, name: FOCUS }).waitFor();

    // Selective verbatim: the text box has the focus; Enter records; "S1: " at the start picks the speaker; the category stays chosen.
    expect(await tool(carmen, 'Selective verbatim').getAttribute('aria-pressed')).toBe('true');
    const box = carmen.getByLabel('What T says');
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    await carmen.locator('.category-button[data-category="Open question"]').click();
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    await carmen.keyboard.type('Why do you think the ice melted?');
    await carmen.keyboard.press('Enter');
    await carmen.keyboard.type('S1: Because the sun was on it');
    expect(await carmen.locator('.speaker-button[data-speaker="S1"]').getAttribute('aria-pressed')).toBe('true');
    await carmen.keyboard.press('Enter');
    await carmen.locator('.speaker-button[data-speaker="T"]').click();
    await carmen.locator('.category-button[data-category="Closed question"]').click();
    await carmen.keyboard.type('Is it hot?');
    await carmen.keyboard.press('Enter');
    const lines = () => carmen.locator('.line-item').allTextContents();
    await expect.poll(async () => (await lines()).length).toBe(3);
    const shown = await lines();
    expect(shown[0]).toMatch(/T · Closed question Is it hot\?$/);
    expect(shown[1]).toMatch(/S1 · Open question Because the sun was on it$/);
    expect(shown[2]).toMatch(/T · Open question Why do you think the ice melted\?$/);
    await undo(carmen);
    await expect.poll(() => said(carmen)).toBe('Undone: the line by T, “Is it hot?”.');
    await expect.poll(async () => (await lines()).length).toBe(2);
    expect(await noSideScroll(carmen)).toBe(true);
    await checkA11y(carmen, 'recording, selective verbatim at tablet size');

    // Verbal flow: the kind stays chosen, so one tap on a seat logs one; student to student is two seats.
    await tool(carmen, 'Verbal flow').click();
    expect(await carmen.locator('.kind-button[data-kind="Teacher question"]').getAttribute('aria-pressed')).toBe('true');
    await carmen.locator('.seat-button[data-seat="S1"]').click();
    await carmen.locator('.seat-button[data-seat="S2"]').click();
    await carmen.locator('.kind-button[data-kind="Student response"]').click();
    await carmen.locator('.seat-button[data-seat="S2"]').click();
    await carmen.locator('.seat-button[data-seat="S2"]').click();
    await carmen.locator('.kind-button[data-kind="Student to student"]').click();
    await carmen.getByRole('button', { name: 'Spoken to another seat' }).click();
    await carmen.locator('.seat-button[data-seat="S3"]').click();
    await expect.poll(() => said(carmen)).toBe('S3 speaks. Now tap the seat spoken to.');
    await carmen.locator('.seat-button[data-seat="S5"]').click();
    await expect.poll(() => said(carmen)).toBe('Logged: Student to student from S3 to S5.');
    await expect.poll(() => seatCount(carmen, 'S2')).toBe('3');
    expect(await seatCount(carmen, 'S1')).toBe('1');
    expect(await seatCount(carmen, 'S3')).toBe('1');
    await undo(carmen);
    await expect.poll(() => said(carmen)).toBe('Undone: “Student to student” from S3 to S5.');
    await expect.poll(() => seatCount(carmen, 'S3')).toBe('0');
    await carmen.locator('.seat-button[data-seat="S3"]').click();
    await carmen.locator('.seat-button[data-seat="S6"]').click();
    await expect.poll(() => seatCount(carmen, 'S3')).toBe('1');
    expect(await noSideScroll(carmen)).toBe(true);
    await checkA11y(carmen, 'recording, verbal flow at tablet size');

    // Physical map: taps on the floor and on elements make numbered points; a note is pinned to a place; undo takes the last point back.
    await tool(carmen, 'Physical map').click();
    const surface = carmen.locator('.map-surface');
    await surface.waitFor();
    const points = () => carmen.locator('.map-point').count();
    await carmen.locator('.place-button[data-element="board"]').click();
    await surface.click({ position: { x: 20, y: 200 } });
    await carmen.locator('.place-button[data-element="S4"]').click();
    await expect.poll(points).toBe(3);
    await expect.poll(() => said(carmen)).toBe('Point 3: S4.');
    await undo(carmen);
    await expect.poll(() => said(carmen)).toBe('Undone: the last point on the path.');
    await expect.poll(points).toBe(2);
    await carmen.locator('.place-button[data-element="desk"]').click();
    await expect.poll(points).toBe(3);
    // Following S4 starts a path of its own.
    await carmen.locator('.who-button[data-who="S4"]').click();
    await expect.poll(points).toBe(0);
    await carmen.locator('.place-button[data-element="door"]').click();
    await expect.poll(points).toBe(1);
    await carmen.locator('.who-button[data-who="T"]').click();
    await carmen.getByRole('button', { name: 'Pin a note' }).click();
    await carmen.locator('.place-button[data-element="board"]').click();
    await carmen.getByRole('textbox', { name: 'The note' }).fill('Agenda written up');
    await carmen.getByRole('button', { name: 'Pin the note', exact: true }).click();
    await expect.poll(() => said(carmen)).toBe('Note pinned on Board.');
    await carmen.locator('.map-note-item').getByText('Agenda written up').waitFor();
    expect(await noSideScroll(carmen)).toBe(true);
    await checkA11y(carmen, 'recording, physical map at tablet size');

    // Everything reaches the server: 3 lines + 1 undo; 6 exchanges + 1 undo; 5 marks + 1 undo + 1 note.
    await expect.poll(() => carmen.locator('.sync-status').getAttribute('data-waiting'), { timeout: 20_000 }).toBe('0');
    const saved = (await (await carmen.request.get(`/api/observations/${o.id}`)).json()) as Observation;
    const of = (name: string) => saved.events.filter((e) => e.tool === name);
    expect([of('selective_verbatim').length, of('verbal_flow').length, of('physical_map').length]).toEqual([4, 7, 7]);
    expect(saved.events.filter((e) => e.type === 'undo').length).toBe(3);
    expect(saved.events.find((e) => e.tool === 'physical_map' && e.type === 'mark' && (e.payload as { elementId: string | null }).elementId === null)).toBeTruthy();
    await carmen.context().close();

    // A phone: no sideways scrolling on any of the three tools.
    const phone = await signedInPage(world, 'carmen@riverside.example', PHONE);
    await phone.goto(recordUrl);
    await phone.getByRole('heading', { level: 1, name: FOCUS }).waitFor();
    for (const name of ['Selective verbatim', 'Verbal flow', 'Physical map']) {
      await tool(phone, name).click();
      await phone.getByRole('heading', { level: 2, name }).waitFor();
      expect(await noSideScroll(phone), name).toBe(true);
      await checkA11y(phone, `recording, ${name} on a phone`);
    }

    // The review page: the three graphics with what was recorded.
    await phone.goto(`/partnerships/${pid}/observations/${o.id}`);
    const caption = (name: string) => phone.locator(`figure.observation-chart-${name} figcaption`).textContent();
    await phone.locator('figure.observation-chart-physical_map').waitFor();
    expect(await caption('selective_verbatim')).toMatch(/^2 lines were written down from 2 speakers/);
    expect(await caption('verbal_flow')).toBe('3 of 6 seats took part, with 5 exchanges in all.');
    expect(await caption('physical_map')).toBe('4 places were marked along 2 paths, with one note.');
    expect(await phone.locator('figure.observation-chart-verbal_flow svg').textContent()).toContain('S6');
    expect(await noSideScroll(phone)).toBe(true);
    await checkA11y(phone, 'review of the three graphics on a phone');
    await phone.context().close();
  });

  it('draws a 20-seat room from a preset on a phone, codes a seat, moves and resizes it, and saves it (409 handled)', async () => {
    const carmen = await signedInPage(world, 'carmen@riverside.example', PHONE);
    const pid = await partnership(carmen);
    await carmen.goto(`/partnerships/${pid}/observations/layouts/new?kind=seating_chart`);
    await carmen.getByRole('heading', { name: 'Draw a classroom layout' }).waitFor();
    const began = Date.now();
    await carmen.getByRole('button', { name: 'Tables of 4 · 20 seats' }).click();
    await carmen.getByText('20 seats and 8 other elements.').waitFor();
    expect(await carmen.getByLabel('Name').inputValue()).toBe('Tables of four');
    await carmen.getByLabel('Name').fill('Room 7, tables');
    // One seat: a code of the coach's choosing, a step right, a step wider.
    await carmen.locator('.editor-element[data-element="S01"]').click();
    await carmen.getByRole('heading', { name: 'Chosen: S01' }).waitFor();
    await carmen.getByLabel('Label or code').fill('A1');
    await carmen.getByRole('button', { name: 'Move right' }).click();
    await carmen.getByRole('button', { name: 'Wider' }).click();
    // The last seat goes.
    await carmen.locator('.editor-element[data-element="S20"]').click();
    await carmen.getByRole('button', { name: 'Remove it' }).click();
    await carmen.getByText('19 seats and 8 other elements.').waitFor();
    expect(await noSideScroll(carmen)).toBe(true);
    await checkA11y(carmen, 'layout editor on a phone');
    await carmen.getByRole('button', { name: 'Save the layout' }).click();
    await expect.poll(() => said(carmen)).toBe('Saved: Room 7, tables, version 1.');
    expect(Date.now() - began).toBeLessThan(60_000);
    await carmen.waitForURL(/\/observations\/layouts\/[0-9a-f-]{36}$/);
    const layoutId = carmen.url().split('/').pop()!;
    const stored = ((await (await carmen.request.get(`/api/partnerships/${pid}/classroom-layouts`)).json()).items as ClassroomLayout[]).find((l) => l.id === layoutId)!;
    expect(stored.kind).toBe('seating_chart');
    expect(stored.elements.filter((e) => e.type === 'seat').length).toBe(19);
    expect(stored.elements.find((e) => e.id === 'S01')).toMatchObject({ label: 'A1', x: 30, w: 90 });

    // A partner saves a version meanwhile: nothing is overwritten, and "save mine over it" makes version 3.
    await call(carmen, 'put', `/api/classroom-layouts/${layoutId}`, { name: 'Room 7 (theirs)', elements: stored.elements, baseVersion: 1 }, 200);
    await carmen.locator('.editor-element[data-element="S02"]').click();
    await carmen.getByRole('button', { name: 'Move down' }).click();
    await carmen.getByRole('button', { name: 'Save the layout' }).click();
    await carmen.getByText('Your partner saved version 2 of this layout while you were working on it.', { exact: false }).waitFor();
    await checkA11y(carmen, 'layout editor, a version saved meanwhile');
    await carmen.getByRole('button', { name: 'Save mine over it' }).click();
    await expect.poll(() => said(carmen)).toBe('Saved: Room 7, tables, version 3.');
    await carmen.context().close();
  });
});
