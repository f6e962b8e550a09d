import fs from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Observation, PartnershipSummary } from '../../web/src/api';
import { PHONE, type World, checkA11y, describeBrowser, post, signedInPage, startWorld } from './harness';
import { openSection, sectionNav } from './sections';

/**
 * Evidence (issue 11, item 1): Carmen (coach), on her phone, adds a photo of student work to her
 * partnership with Taylor. A text file named .jpg is refused with the server's words next to the
 * file field, focus there and her note kept; the real photo (with a GPS position in its EXIF)
 * goes up, shows as a thumbnail, downloads without the position, and its note is changed. She
 * attaches a picture to a goal (seen on the goal's card) and a PDF to an observation (seen on its
 * review page), and removes the PDF after a confirmation. Taylor (coachee) sees the photo; Sam
 * (supervisor) has no Evidence section and gets "not found" for the photo. axe on every screen.
 */
describeBrowser('evidence: photos, documents and student work', () => {
  let world: World;
  let partnershipId = '';
  let photoId = '';
  const SEEDED_GOAL = 'More children talking during read-aloud';
  const NOTE = 'Maya’s story map: she labelled every part herself.';
  const NEW_NOTE = 'Maya’s story map after read-aloud, every part labelled on her own.';
  const evidenceUrl = () => `/partnerships/${partnershipId}/evidence`;

  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  /** A phone photo as it comes off the camera: its position (GPS) and the camera in its EXIF. */
  const photoWithGps = () =>
    sharp({ create: { width: 800, height: 600, channels: 3, background: '#3a6' } })
      .jpeg()
      .withExif({ IFD0: { Make: 'MARK-EXIF-CAMERA' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '40/1 26/1 4614/100', GPSMapDatum: 'MARK-GPS-DATUM' } })
      .toBuffer();

  const cards = (scope: Page | Locator) => scope.locator('article.artifact-card');
  const isFocused = (l: Locator) => l.evaluate((el) => el === document.activeElement || el.contains(document.activeElement));
  const noSidewaysScroll = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  /** Waits until the image has arrived and been decoded (lazy images load once they are near the screen). */
  async function loaded(img: Locator) {
    await img.scrollIntoViewIfNeeded();
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
  }

  it('lets the coach add a photo on her phone: a wrong file is refused in plain words, the photo keeps no location, and its note can change', async () => {
    const carmen = await signedInPage(world, 'carmen@riverside.example', PHONE);
    const list = await (await carmen.request.get('/api/partnerships?limit=50')).json();
    const expert = (list.items as Array<PartnershipSummary & { members: Array<{ name: string }> }>).find((x) => x.format === 'expert' && x.members.some((mb) => mb.name === 'Taylor Nguyen'));
    partnershipId = expert!.id;

    await carmen.goto(`/partnerships/${partnershipId}`);
    // Under Reflect, after Notes: a tap on the group, then one on the section.
    expect(await openSection(carmen, 'Evidence')).toBe(2);
    await carmen.waitForURL((url) => url.pathname === evidenceUrl());
    await carmen.getByRole('heading', { level: 2, name: 'Evidence' }).waitFor();
    await carmen.getByText('Nothing here yet.').waitFor();
    await checkA11y(carmen, 'evidence section, empty, on a phone');

    // From the keyboard: the button opens the form, and focus is on the file field.
    const add = carmen.getByRole('button', { name: 'Add evidence', exact: true });
    await add.focus();
    await carmen.keyboard.press('Enter');
    const form = carmen.locator('form.artifact-form');
    await form.waitFor();
    const choose = form.getByLabel('Choose a photo or a file');
    await expect.poll(() => isFocused(choose)).toBe(true);
    expect(await choose.getAttribute('accept')).toBe('image/*,application/pdf');
    const camera = form.getByLabel('Or take a photo now');
    expect(await camera.getAttribute('capture')).toBe('environment');
    expect(await camera.getAttribute('accept')).toBe('image/*');

    // Nothing chosen: the form says so and keeps focus on the file field.
    await form.getByRole('button', { name: 'Add it' }).click();
    await form.getByText('Choose a photo or a file first, or take a photo.').waitFor();
    await expect.poll(() => isFocused(choose)).toBe(true);

    // A text file renamed .jpg: the server's own words, next to the field, with focus there; the note stays.
    await form.getByLabel('A note (optional)').fill(NOTE);
    await choose.setInputFiles({ name: 'story-map.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('These are my lesson notes, not a photo.\n'.repeat(20)) });
    await form.getByText('Ready to add: story-map.jpg').waitFor();
    await form.getByRole('button', { name: 'Add it' }).click();
    const fileError = form.locator('.file-field .field-error');
    await expect.poll(() => fileError.textContent()).toContain('renaming it does not change this');
    expect(await choose.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => isFocused(choose)).toBe(true);
    expect(await form.getByLabel('A note (optional)').inputValue()).toBe(NOTE);
    await checkA11y(carmen, 'evidence form with the server refusing a file');

    // The real photo, with its GPS position: it goes up, and focus lands on it in the list.
    await choose.setInputFiles({ name: 'story-map.jpg', mimeType: 'image/jpeg', buffer: await photoWithGps() });
    await expect.poll(() => fileError.count()).toBe(0);
    await form.getByRole('button', { name: 'Add it' }).click();
    await carmen.getByText('Added. It is at the top of the list.').waitFor();
    const added = cards(carmen).filter({ hasText: NOTE });
    await added.waitFor();
    // From here on by its id: while its note is being changed, the note is in a field, not in the card's text.
    const cardId = (await added.getAttribute('id'))!;
    const card = carmen.locator(`[id="${cardId}"]`);
    await expect.poll(() => isFocused(card)).toBe(true);
    photoId = cardId.replace(/^.*-artifact-/, '');
    expect(photoId).toMatch(/^[0-9a-f-]{36}$/);
    await expect.poll(() => card.textContent()).toContain('Added by you');
    const thumb = card.locator('img');
    expect(await thumb.getAttribute('loading')).toBe('lazy');
    expect(await thumb.getAttribute('src')).toBe(`/api/artifacts/${photoId}/thumbnail`);
    expect(await thumb.getAttribute('alt')).toBe(NOTE);
    await loaded(thumb);
    await noSidewaysScroll(carmen);
    await checkA11y(carmen, 'evidence section with a photo, on a phone');

    // Downloaded, the photo has its pixels and none of its metadata: no position, no camera.
    const [download] = await Promise.all([carmen.waitForEvent('download'), card.getByRole('link', { name: /^Download/ }).click()]);
    const bytes = fs.readFileSync((await download.path())!);
    const meta = await sharp(bytes).metadata();
    expect(meta.format).toBe('jpeg');
    expect([meta.width, meta.height]).toEqual([800, 600]);
    expect(meta.exif).toBeUndefined();
    for (const marker of ['MARK-GPS-DATUM', 'MARK-EXIF-CAMERA', 'Exif']) expect(bytes.includes(marker), marker).toBe(false);

    // Her note, changed in place.
    await card.getByRole('button', { name: /^Edit the note/ }).click();
    const noteField = card.getByLabel('Note', { exact: true });
    await expect.poll(() => isFocused(noteField)).toBe(true);
    await noteField.fill(NEW_NOTE);
    await card.getByRole('button', { name: 'Save the note' }).click();
    await card.getByText('Note saved.').waitFor();
    await expect.poll(() => card.locator('.artifact-note').textContent()).toBe(NEW_NOTE);

    // Opened on its own page: the photo large, with the same actions.
    await card.getByRole('link', { name: NEW_NOTE }).click();
    await carmen.waitForURL((url) => url.pathname === `${evidenceUrl()}/${photoId}`);
    await carmen.getByRole('heading', { level: 2, name: /^Photo from / }).waitFor();
    const large = carmen.locator('.artifact-large img');
    expect(await large.getAttribute('src')).toBe(`/api/artifacts/${photoId}/file?view=1`);
    await loaded(large);
    await expect.poll(() => carmen.locator('.artifact-file').textContent()).toMatch(/^story-map\.jpg \(\d+ KB\)$/);
    await noSidewaysScroll(carmen);
    await checkA11y(carmen, 'one photo, large, on a phone');
    await carmen.getByRole('link', { name: 'All evidence' }).click();
    await carmen.getByRole('heading', { level: 2, name: 'Evidence' }).waitFor();
    await carmen.context().close();
  });

  it('attaches a picture to a goal, where the goal’s card shows it; an upload stopped halfway keeps what was typed', async () => {
    const carmen = await signedInPage(world, 'carmen@riverside.example', PHONE);
    await carmen.goto(evidenceUrl());
    await carmen.getByRole('button', { name: 'Add evidence', exact: true }).click();
    const form = carmen.locator('form.artifact-form');
    // A photo of about half a megabyte over a slow connection: long enough to see it go, and to stop it.
    const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#888', noise: { type: 'gaussian', mean: 128, sigma: 60 } } }).jpeg({ quality: 90 }).toBuffer();
    const cdp = await carmen.context().newCDPSession(carmen);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 40, downloadThroughput: 10_000_000, uploadThroughput: 100_000 });
    await form.getByLabel('Choose a photo or a file').setInputFiles({ name: 'talk-tally.jpg', mimeType: 'image/jpeg', buffer: photo });
    await form.getByLabel('A note (optional)').fill('Tally of who talked during read-aloud.');
    await form.getByLabel('Attach it to (optional)').selectOption({ label: SEEDED_GOAL });
    await form.getByRole('button', { name: 'Add it' }).click();
    const progress = form.locator('.upload-progress progress');
    await expect.poll(async () => Number((await progress.getAttribute('value')) ?? 0)).toBeGreaterThan(0);
    await expect.poll(() => form.locator('.upload-progress p').textContent()).toMatch(/^Sending… \d+%$/);
    await form.getByRole('button', { name: 'Stop' }).click();
    await form.getByText('You stopped the upload, so nothing was saved.').waitFor();
    expect(await form.getByLabel('A note (optional)').inputValue()).toBe('Tally of who talked during read-aloud.');
    expect(await form.getByLabel('Attach it to (optional)').locator('option:checked').textContent()).toBe(SEEDED_GOAL);
    await form.getByText('Ready to add: talk-tally.jpg').waitFor();

    // Back at full speed, the same form sends it in one more tap.
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await form.getByRole('button', { name: 'Add it' }).click();
    const card = cards(carmen).filter({ hasText: 'Tally of who talked' });
    await card.waitFor();
    await expect.poll(() => card.textContent()).toContain(`Goal: ${SEEDED_GOAL}`);

    await openSection(carmen, 'Goals');
    const goal = carmen.locator('article.goal-card', { hasText: SEEDED_GOAL });
    const fold = goal.locator('details.goal-evidence');
    await expect.poll(() => fold.locator('summary').textContent()).toBe('Evidence (1)');
    await fold.locator('summary').focus();
    await carmen.keyboard.press('Enter');
    const onGoal = cards(fold).filter({ hasText: 'Tally of who talked' });
    await onGoal.waitFor();
    await loaded(onGoal.locator('img'));
    // Only this goal's: the photo of Maya's story map is not here.
    expect(await cards(fold).count()).toBe(1);
    // Adding from the goal attaches to it without asking.
    await fold.getByRole('button', { name: 'Add evidence', exact: true }).click();
    await fold.getByText('It will be attached to this goal.').waitFor();
    expect(await fold.getByLabel('Attach it to (optional)').count()).toBe(0);
    await noSidewaysScroll(carmen);
    await checkA11y(carmen, 'a goal with its evidence open, on a phone');
    await carmen.context().close();
  });

  it('shows an observation’s evidence on its review page, adds a PDF there, and removes it after asking', async () => {
    const carmen = await signedInPage(world, 'carmen@riverside.example', PHONE);
    const observation = await post<Observation>(carmen, `/api/partnerships/${partnershipId}/observations`, {
      focus: 'Questions at morning meeting',
      mode: 'live',
      startedAt: new Date(Date.now() - 30 * 60_000).toISOString(),
      tools: [{ tool: 'event_count', categories: ['Open question', 'Closed question'] }],
    });
    await post(carmen, `/api/observations/${observation.id}/ending`, {}, 200);
    await carmen.goto(`/partnerships/${partnershipId}/observations/${observation.id}`);
    const section = carmen.locator('section.review-evidence');
    await section.getByRole('heading', { level: 3, name: 'Evidence' }).waitFor();
    await section.getByText('Nothing is attached to this observation yet.').waitFor();
    await section.getByRole('button', { name: 'Add evidence', exact: true }).click();
    await section.getByText('It will be attached to this observation.').waitFor();
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n'), Buffer.alloc(2000, 0x20), Buffer.from('\n%%EOF\n')]);
    await section.getByLabel('Choose a photo or a file').setInputFiles({ name: 'lesson-plan.pdf', mimeType: 'application/pdf', buffer: pdf });
    await section.getByLabel('A note (optional)').fill('The lesson plan we talked through.');
    await section.getByRole('button', { name: 'Add it' }).click();
    const card = cards(section).filter({ hasText: 'The lesson plan we talked through.' });
    await card.waitFor();
    await expect.poll(() => isFocused(card)).toBe(true);
    // A document: an icon, no picture, and a link that opens it.
    expect(await card.locator('img').count()).toBe(0);
    expect(await card.locator('svg.artifact-icon-pdf').count()).toBe(1);
    await card.getByRole('link', { name: /^Open PDF document from / }).waitFor();
    expect(await cards(section).count()).toBe(1);
    await noSidewaysScroll(carmen);
    await checkA11y(carmen, 'observation review with its evidence, on a phone');

    await card.getByRole('button', { name: /^Remove…/ }).click();
    await card.getByText('Remove this PDF document for everyone in the partnership?').waitFor();
    // The question takes the button's place; focus is on its safe answer.
    await expect.poll(() => isFocused(card.getByRole('button', { name: 'Keep it' }))).toBe(true);
    await checkA11y(carmen, 'removing a piece of evidence');
    await card.getByRole('button', { name: 'Yes, remove it' }).click();
    await section.getByText('Removed. It is gone for everyone in the partnership.').waitFor();
    await expect.poll(() => cards(section).count()).toBe(0);
    await carmen.context().close();
  });

  it('shows the photo to the coachee, who may share or remove it but not change Carmen’s note; a kind of file the list does not know is a file to download', async () => {
    const taylor = await signedInPage(world, 'taylor@riverside.example', PHONE);
    await taylor.goto(evidenceUrl());
    await taylor.getByRole('heading', { level: 2, name: 'Evidence' }).waitFor();
    const card = cards(taylor).filter({ hasText: NEW_NOTE });
    await card.waitFor();
    await expect.poll(() => card.textContent()).toContain('Added by Carmen Diaz');
    await loaded(card.locator('img'));
    expect(await card.getByRole('button', { name: /^Edit the note/ }).count()).toBe(0);
    await card.getByRole('button', { name: /^Remove…/ }).waitFor();
    await card.getByRole('button', { name: /^Share…/ }).waitFor();
    await noSidewaysScroll(taylor);
    await checkA11y(taylor, 'evidence seen by the coachee, on a phone');

    // Kinds of file the list does not know yet (a clip, something else) come as a file to download, not an error.
    await taylor.route(/\/api\/partnerships\/[^/]+\/artifacts(\?|$)/, async (route) => {
      const response = await route.fetch();
      const body = await response.json();
      const [first] = body.items;
      const unknown = (id: string, contentType: string, note: string) => ({ ...first, id, contentType, note, fileName: 'x.bin', hasThumbnail: false, width: null, height: null });
      body.items = [unknown('00000000-0000-4000-8000-00000000000a', 'video/mp4', 'Morning circle, two minutes.'), unknown('00000000-0000-4000-8000-00000000000b', 'application/x-something-new', 'A kind of file from later.'), ...body.items];
      await route.fulfill({ response, json: body });
    });
    await taylor.reload();
    const clip = cards(taylor).filter({ hasText: 'Morning circle, two minutes.' });
    await clip.waitFor();
    await expect.poll(() => clip.locator('.artifact-title').textContent()).toMatch(/^Video clip from /);
    expect(await clip.locator('svg.artifact-icon-video').count()).toBe(1);
    expect(await clip.getByRole('link', { name: /^Download/ }).getAttribute('href')).toBe('/api/artifacts/00000000-0000-4000-8000-00000000000a/file');
    const other = cards(taylor).filter({ hasText: 'A kind of file from later.' });
    await expect.poll(() => other.locator('.artifact-title').textContent()).toMatch(/^File from /);
    expect(await other.locator('svg.artifact-icon-file').count()).toBe(1);
    await other.getByRole('link', { name: /^Download/ }).waitFor();
    await checkA11y(taylor, 'evidence with kinds of file the list does not know');
    await taylor.context().close();
  });

  it('gives the supervisor no Evidence section, and “not found” for the photo', async () => {
    const sam = await signedInPage(world, 'sam@riverside.example', PHONE);
    await sam.goto(`/partnerships/${partnershipId}`);
    await sectionNav(sam).waitFor();
    expect(await sectionNav(sam).locator('.section-list a').allTextContents()).not.toContain('Evidence');
    for (const url of [`/api/artifacts/${photoId}`, `/api/artifacts/${photoId}/file`, `/api/artifacts/${photoId}/thumbnail`, `/api/partnerships/${partnershipId}/artifacts`]) {
      expect((await sam.request.get(url)).status(), url).toBe(404);
    }
    await sam.goto(`${evidenceUrl()}/${photoId}`);
    await sam.getByRole('heading', { level: 2, name: 'We could not find that page' }).waitFor();
    expect(await sam.locator('article.artifact-card').count()).toBe(0);
    await checkA11y(sam, 'a photo the supervisor may not see');
    await sam.context().close();
  });
});
