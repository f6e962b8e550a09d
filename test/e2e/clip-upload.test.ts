import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CDPSession, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { PartnershipSummary } from '../../web/src/api';
import { PHONE, type World, checkA11y, describeBrowser, signedInPage, startWorld } from './harness';
import { openSection } from './sections';

/**
 * Adding a clip from a phone (issue 11, item 2, web side): Carmen (coach) films part of Taylor's
 * lesson and adds it with a note from the Evidence section. She sees it go, and lands on the
 * clip's page with the player, its length and focus on its heading. A text file renamed .mp4 is
 * refused in the server's words next to the file field, her note kept. An upload she pauses
 * continues from where it stopped when she resumes it, and again after the page is reloaded and
 * she chooses the same file: one clip, not two, with the note she typed last. Sam (supervisor)
 * gets "not found" for the clip's page. axe on every screen.
 */
describeBrowser('adding a video or audio clip from a phone', () => {
  let world: World;
  let partnershipId = '';
  let clipId = '';
  let dir = '';
  let clipFile = '';
  const NOTE = 'Read-aloud on the rug: the wait after each question.';
  const evidenceUrl = () => `/partnerships/${partnershipId}/evidence`;

  beforeAll(async () => {
    world = await startWorld();
    // A 4-second clip with picture and sound, made here with Debian's ffmpeg (installed by CI). Chosen by its
    // path, so it keeps the same modification time each time it is chosen, as a file on a phone does.
    dir = mkdtempSync(path.join(os.tmpdir(), 'tandem-clip-upload-'));
    clipFile = path.join(dir, 'read-aloud.mp4');
    execFileSync('/usr/bin/ffmpeg', ['-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=15', '-f', 'lavfi', '-i', 'sine=frequency=440', '-t', '4', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', clipFile]);
  });
  /** Pages opened by the test that is running: closed after it even when it fails, so a slowed network goes with them. */
  let opened: Page[] = [];
  afterEach(async () => {
    for (const page of opened) await page.context().close().catch(() => undefined);
    opened = [];
  });
  const signedIn = async (email: string) => {
    const page = await signedInPage(world, email, PHONE);
    opened.push(page);
    return page;
  };
  afterAll(async () => {
    await world?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const isFocused = (l: Locator) => l.evaluate((el) => el === document.activeElement || el.contains(document.activeElement));
  const noSidewaysScroll = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  const clipForm = (page: Page) => page.locator('form.clip-upload-form');
  /** The progress bar's value, 0 while there is none (without waiting for one). */
  const progressValue = (form: Locator) => form.locator('.upload-progress progress').evaluateAll((bars) => (bars[0] as HTMLProgressElement | undefined)?.value ?? 0);
  /** The share in "Continuing from 42%", as a number; null while it is not said. */
  const continuingFrom = async (form: Locator) => {
    const said = (await form.locator('.clip-upload-status').textContent()) ?? '';
    const found = said.match(/Continuing from (\d+)%/);
    return found ? Number(found[1]) : null;
  };
  /** A slow school connection, or back to full speed. */
  async function network(cdp: CDPSession, uploadBytesPerSecond: number | null) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: uploadBytesPerSecond === null ? 0 : 40,
      downloadThroughput: uploadBytesPerSecond === null ? -1 : 10_000_000,
      uploadThroughput: uploadBytesPerSecond ?? -1,
    });
  }
  const clipCount = async (page: Page) => ((await (await page.request.get(`/api/partnerships/${partnershipId}/artifacts?limit=100`)).json()).items as Array<{ contentType: string }>).filter((a) => a.contentType.startsWith('video/')).length;
  /** Opens "Add a clip" from the Evidence section. */
  async function openClipForm(page: Page) {
    await page.getByRole('button', { name: 'Add a clip', exact: true }).click();
    const form = clipForm(page);
    await form.getByRole('heading', { level: 3, name: 'Add a video or audio clip' }).waitFor();
    return form;
  }

  it('lets the coach add a clip with a note on her phone: she sees it go, then its page plays it with its length', async () => {
    const carmen = await signedIn('carmen@riverside.example');
    const list = await (await carmen.request.get('/api/partnerships?limit=50')).json();
    const expert = (list.items as Array<PartnershipSummary & { members: Array<{ name: string }> }>).find((x) => x.format === 'expert' && x.members.some((mb) => mb.name === 'Taylor Nguyen'));
    partnershipId = expert!.id;

    await carmen.goto(`/partnerships/${partnershipId}`);
    await openSection(carmen, 'Evidence');
    await carmen.getByRole('heading', { level: 2, name: 'Evidence' }).waitFor();
    // "Add a clip" beside "Add evidence", each big enough for a thumb.
    const addClip = carmen.getByRole('button', { name: 'Add a clip', exact: true });
    for (const button of [carmen.getByRole('button', { name: 'Add evidence', exact: true }), addClip]) {
      expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(48);
    }
    await checkA11y(carmen, 'evidence section with "Add a clip", on a phone');

    // From the keyboard: the button opens the form, with focus on the file field.
    await addClip.focus();
    await carmen.keyboard.press('Enter');
    const form = clipForm(carmen);
    await form.waitFor();
    const choose = form.getByLabel('Choose a video or audio clip');
    await expect.poll(() => isFocused(choose)).toBe(true);
    expect(await choose.getAttribute('accept')).toBe('video/*,audio/*');
    const camera = form.getByLabel('Record with the camera');
    expect(await camera.getAttribute('capture')).toBe('environment');
    expect(await camera.getAttribute('accept')).toBe('video/*');
    for (const control of [choose, camera, form.getByLabel('A note (optional)'), form.getByLabel('Attach it to (optional)'), form.getByRole('button', { name: 'Upload the clip' })]) {
      expect((await control.boundingBox())!.height).toBeGreaterThanOrEqual(48);
    }
    await noSidewaysScroll(carmen);
    await checkA11y(carmen, 'the clip form, on a phone');

    // Nothing chosen: the form says so, with focus on the file field.
    await form.getByRole('button', { name: 'Upload the clip' }).click();
    await form.getByText('Choose a clip first, or record one with the camera.').waitFor();
    await expect.poll(() => isFocused(choose)).toBe(true);

    // The clip, over a slow connection: how much has gone, as a bar and in words.
    await choose.setInputFiles(clipFile);
    await form.getByText('Ready to add: read-aloud.mp4').waitFor();
    await form.getByLabel('A note (optional)').fill(NOTE);
    const cdp = await carmen.context().newCDPSession(carmen);
    await network(cdp, 5_000);
    await form.getByRole('button', { name: 'Upload the clip' }).click();
    await expect.poll(() => progressValue(form)).toBeGreaterThan(0);
    await expect.poll(() => form.locator('.upload-progress p').textContent()).toMatch(/^Sending the clip… \d+%$/);
    await form.getByRole('button', { name: 'Pause' }).waitFor();
    await checkA11y(carmen, 'a clip on its way, on a phone');
    await network(cdp, null);

    // Saved: the clip's page, with focus on its heading, the player and its length.
    await carmen.waitForURL((url) => url.pathname.startsWith(`${evidenceUrl()}/`), { timeout: 60_000 });
    clipId = new URL(carmen.url()).pathname.split('/').pop()!;
    expect(clipId).toMatch(/^[0-9a-f-]{36}$/);
    const heading = carmen.getByRole('heading', { level: 2, name: /^Video clip from / });
    await heading.waitFor();
    await expect.poll(() => isFocused(heading)).toBe(true);
    const video = carmen.locator('video.clip-player');
    expect(await video.getAttribute('src')).toMatch(new RegExp(`^/api/artifacts/${clipId}/file(\\?|$)`));
    await carmen.locator('figcaption', { hasText: 'Length 0:04' }).waitFor();
    await carmen.locator('.artifact-note', { hasText: NOTE }).waitFor();
    await checkA11y(carmen, 'the new clip’s page, on a phone');
    await noSidewaysScroll(carmen);

    // Back in the list, it is there.
    await carmen.getByRole('link', { name: 'All evidence' }).click();
    await carmen.locator('article.artifact-card', { hasText: NOTE }).waitFor();
    expect(await clipCount(carmen)).toBe(1);
    await carmen.context().close();
  });

  it('refuses a text file renamed .mp4 in the server’s words, next to the field, and keeps the note', async () => {
    const carmen = await signedIn('carmen@riverside.example');
    await carmen.goto(evidenceUrl());
    const form = await openClipForm(carmen);
    const choose = form.getByLabel('Choose a video or audio clip');
    const note = 'Small-group reading, table two.';
    await form.getByLabel('A note (optional)').fill(note);
    await choose.setInputFiles({ name: 'small-group.mp4', mimeType: 'video/mp4', buffer: Buffer.from('These are my notes from the small group, not a video.\n'.repeat(40)) });
    await form.getByRole('button', { name: 'Upload the clip' }).click();
    const fileError = form.locator('.file-field .field-error');
    await expect.poll(() => fileError.textContent()).toContain('renaming it does not change this');
    expect(await choose.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => isFocused(choose)).toBe(true);
    expect(await form.getByLabel('A note (optional)').inputValue()).toBe(note);
    await form.getByText('Ready to add: small-group.mp4').waitFor();
    await noSidewaysScroll(carmen);
    await checkA11y(carmen, 'the clip form with the server refusing a file');
    expect(await clipCount(carmen)).toBe(1);

    // Cancel closes the form; focus goes back to the button that opened it.
    await form.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect.poll(() => isFocused(carmen.getByRole('button', { name: 'Add a clip', exact: true }))).toBe(true);
    await carmen.context().close();
  });

  it('continues an interrupted upload from where it stopped, after Resume and after a reload, and keeps one clip, not two', async () => {
    const carmen = await signedIn('carmen@riverside.example');
    // Small chunks (the page's test hook), so a pause lands between two of them.
    await carmen.addInitScript('window.__tandemClipChunkBytes = 8192;');
    const before = await clipCount(carmen);
    await carmen.goto(evidenceUrl());
    let form = await openClipForm(carmen);
    await form.getByLabel('Choose a video or audio clip').setInputFiles(clipFile);
    await form.getByLabel('A note (optional)').fill('Morning meeting, first try.');
    const cdp = await carmen.context().newCDPSession(carmen);
    await network(cdp, 10_000);
    await form.getByRole('button', { name: 'Upload the clip' }).click();
    await expect.poll(() => progressValue(form), { timeout: 30_000 }).toBeGreaterThan(0.3);

    // Paused: it says where, the chosen file and place are held, focus is on Resume.
    await form.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => form.locator('.upload-progress p').textContent()).toMatch(/^Paused at \d+%$/);
    const pausedAt = Number((await form.locator('.upload-progress p').textContent())!.match(/\d+/)![0]);
    expect(pausedAt).toBeGreaterThan(0);
    await form.getByText('Paused. What has been sent is kept for a day').waitFor();
    const resume = form.getByRole('button', { name: 'Resume' });
    await expect.poll(() => isFocused(resume)).toBe(true);
    expect(await form.getByLabel('Choose a video or audio clip').isDisabled()).toBe(true);
    await checkA11y(carmen, 'a paused clip upload, on a phone');

    // Resumed: it continues from what the server has, not from the start.
    await resume.click();
    await expect.poll(() => continuingFrom(form)).not.toBeNull();
    const first = (await continuingFrom(form))!;
    // From where it stopped: at least the part the server had confirmed when it was paused.
    expect(first).toBeGreaterThanOrEqual(pausedAt);
    await expect.poll(() => progressValue(form), { timeout: 30_000 }).toBeGreaterThan(0.6);
    await form.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => form.locator('.upload-progress p').textContent()).toMatch(/^Paused at \d+%$/);
    expect(await clipCount(carmen)).toBe(before);

    // The page is reloaded (a lost connection, the phone put away): choosing the same file again continues it.
    await carmen.reload();
    await carmen.getByRole('heading', { level: 2, name: 'Evidence' }).waitFor();
    await network(cdp, 3_000);
    form = await openClipForm(carmen);
    await form.getByLabel('Choose a video or audio clip').setInputFiles(clipFile);
    await form.getByLabel('A note (optional)').fill('Morning meeting: who spoke, and after how long.');
    await form.getByRole('button', { name: 'Upload the clip' }).click();
    await expect.poll(() => continuingFrom(form), { timeout: 30_000 }).not.toBeNull();
    // Further on than after the first pause: what was sent before the reload is kept.
    expect((await continuingFrom(form))!).toBeGreaterThan(first);
    await checkA11y(carmen, 'a clip upload continuing after a reload');
    await network(cdp, null);

    // One clip, with the note as she typed it last.
    await carmen.waitForURL((url) => url.pathname.startsWith(`${evidenceUrl()}/`), { timeout: 60_000 });
    await carmen.getByRole('heading', { level: 2, name: /^Video clip from / }).waitFor();
    await carmen.locator('.artifact-note', { hasText: 'Morning meeting: who spoke, and after how long.' }).waitFor();
    await carmen.locator('figcaption', { hasText: 'Length 0:04' }).waitFor();
    expect(await clipCount(carmen)).toBe(before + 1);
    // Nothing about the clip is left on the device once it is saved (and its note and name never were).
    const kept = await carmen.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('tandem-clip::') || k.startsWith('tus::')));
    expect(kept).toEqual([]);
    await carmen.context().close();
  });

  it('gives the supervisor “not found” for the clip’s page', async () => {
    const sam = await signedIn('sam@riverside.example');
    for (const url of [`/api/artifacts/${clipId}`, `/api/artifacts/${clipId}/file`]) expect((await sam.request.get(url)).status(), url).toBe(404);
    await sam.goto(`${evidenceUrl()}/${clipId}`);
    await sam.getByRole('heading', { level: 2, name: 'We could not find that page' }).waitFor();
    expect(await sam.locator('video').count()).toBe(0);
    await checkA11y(sam, 'a clip the supervisor may not see');
    await sam.context().close();
  });
});
