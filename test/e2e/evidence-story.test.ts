import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PartnershipSummary } from '../../web/src/api';
import { PHONE, TABLET, type World, checkA11y, describeBrowser, signedInPage, startWorld } from './harness';
import { openSection } from './sections';

/**
 * Issue 11, done when: in the demo organization Carmen (coach, on a tablet) attaches a photo and a
 * short clip to Taylor's partnership, comments at moments of the clip (a practice tag, a step of
 * Taylor's plan), and writes feedback on the clip that quotes a commented moment and the photo,
 * with the language check flagging a judgement as she types; she sends it. Taylor (on a phone)
 * sees her own clip first — Carmen's comments and feedback wait until she says she has watched
 * it — then reads them, and a quoted moment plays the clip from there. Every read of Carmen's
 * is in Taylor's access log; Sam (supervisor) finds nothing. axe on every screen.
 */
describeBrowser('evidence and written feedback, the whole story', () => {
  let world: World;
  let partnershipId = '';
  let clipId = '';
  let photoId = '';
  let clipFile = '';
  const COMMENT = 'You waited after the question; three hands went up.';

  beforeAll(async () => {
    world = await startWorld();
    // A 6-second clip with picture and sound, made here with Debian's ffmpeg (installed by CI).
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tandem-story-'));
    clipFile = path.join(dir, 'read-aloud.mp4');
    execFileSync('ffmpeg', ['-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=15', '-f', 'lavfi', '-i', 'sine=frequency=440', '-t', '6', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', clipFile]);
  });
  afterAll(async () => {
    await world?.close();
  });

  /** A resumable (tus) upload as a phone would send it, in two pieces. */
  async function uploadClip(page: Page, note: string): Promise<string> {
    const bytes = readFileSync(clipFile);
    const csrf = (await (await page.request.get('/api/me')).json()).csrfToken as string;
    const b64 = (s: string) => Buffer.from(s).toString('base64');
    const created = await page.request.post('/api/uploads', {
      headers: { 'tus-resumable': '1.0.0', 'upload-length': String(bytes.length), 'upload-metadata': `partnershipId ${b64(partnershipId)},filename ${b64('read-aloud.mp4')},note ${b64(note)}`, 'x-csrf-token': csrf },
    });
    expect(created.status(), await created.text()).toBe(201);
    const url = new URL(created.headers().location, world.baseUrl).pathname;
    const half = Math.floor(bytes.length / 2);
    let last = await page.request.patch(url, { headers: { 'tus-resumable': '1.0.0', 'upload-offset': '0', 'content-type': 'application/offset+octet-stream', 'x-csrf-token': csrf }, data: bytes.subarray(0, half) });
    expect(last.status()).toBe(204);
    last = await page.request.patch(url, { headers: { 'tus-resumable': '1.0.0', 'upload-offset': String(half), 'content-type': 'application/offset+octet-stream', 'x-csrf-token': csrf }, data: bytes.subarray(half) });
    expect(last.status(), await last.text()).toBe(204);
    return last.headers()['tandem-artifact-id'];
  }

  it('the coach attaches a photo and a clip, comments at moments, and sends feedback quoting them with the language check beside her words', async () => {
    const carmen = await signedInPage(world, 'carmen@riverside.example', TABLET);
    const list = await (await carmen.request.get('/api/partnerships?limit=50')).json();
    const expert = (list.items as Array<PartnershipSummary & { members: Array<{ name: string }> }>).find((x) => x.format === 'expert' && x.members.some((mb) => mb.name === 'Taylor Nguyen'));
    partnershipId = expert!.id;

    // The photo, through the Evidence section's form.
    await carmen.goto(`/partnerships/${partnershipId}`);
    await openSection(carmen, 'Evidence');
    await carmen.getByRole('button', { name: 'Add evidence', exact: true }).click();
    const form = carmen.locator('form.artifact-form');
    const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#c84' } }).jpeg().toBuffer();
    await form.getByLabel('Choose a photo or a file').setInputFiles({ name: 'question-chart.jpg', mimeType: 'image/jpeg', buffer: photo });
    await form.getByLabel('A note (optional)').fill('The question chart on the easel');
    await form.getByRole('button', { name: 'Add it' }).click();
    await carmen.getByText('Added. It is at the top of the list.').waitFor();
    const photos = (await (await carmen.request.get(`/api/partnerships/${partnershipId}/artifacts`)).json()).items as Array<{ id: string; note: string }>;
    photoId = photos.find((a) => a.note === 'The question chart on the easel')!.id;

    // The clip, resumably; then its page.
    clipId = await uploadClip(carmen, 'Read-aloud, Tuesday');
    expect(clipId).toMatch(/^[0-9a-f-]{36}$/);
    await carmen.goto(`/partnerships/${partnershipId}/evidence/${clipId}`);
    const video = carmen.locator('video.clip-player');
    await video.waitFor();
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThanOrEqual(1);
    await carmen.getByText('Length 0:06').waitFor();
    await checkA11y(carmen, 'a clip with no comments yet');

    // A comment at 0:02, tagged with a practice and carried over to a step of Taylor's plan.
    await video.evaluate((v: HTMLVideoElement) => {
      v.currentTime = 2;
    });
    const commentForm = carmen.locator('form.clip-comment-form');
    await expect.poll(() => commentForm.getByRole('button', { name: /^Use the moment on screen/ }).textContent()).toContain('0:02');
    await commentForm.getByRole('button', { name: /^Use the moment on screen/ }).click();
    await commentForm.getByLabel('What you see or hear here').fill(COMMENT);
    await commentForm.locator('.clip-tags input[type="checkbox"]').first().check();
    const carry = commentForm.getByLabel('Carry this over to a goal or a step');
    const stepOption = carry.locator('option[value^="step:"]').first();
    await carry.selectOption((await stepOption.getAttribute('value'))!);
    await commentForm.getByRole('button', { name: 'Add the comment at 0:02' }).click();
    const timeline = carmen.locator('.clip-timeline');
    await timeline.getByText(COMMENT).waitFor();
    await expect.poll(() => timeline.locator('.clip-comment .chip').count()).toBe(1);
    await expect.poll(() => timeline.textContent()).toContain('Carries over to:');
    await carmen.getByText(/Taylor sees the clip first/).waitFor();
    await checkA11y(carmen, 'a clip with a comment');

    // Feedback on the clip: her words (the check flags a judgement), the commented moment, the photo.
    await carmen.getByRole('button', { name: 'Write feedback' }).click();
    const composer = carmen.getByRole('group', { name: 'Feedback on this clip' });
    await composer.getByLabel('Your words, part 1').fill('I heard four open questions before the first page. It was a perfect read-aloud.');
    const flags = composer.locator('.language-flag');
    await expect.poll(() => flags.count()).toBeGreaterThanOrEqual(1);
    expect((await flags.allTextContents()).join('\n')).toMatch(/perfect/i);
    await composer.getByLabel('Your words, part 1').fill('I heard four open questions before the first page.');
    await composer.getByLabel('A commented moment').selectOption({ label: `0:02 · ${COMMENT}` });
    await composer.getByRole('button', { name: 'Insert', exact: true }).click();
    await composer.locator('.feedback-moment blockquote').getByText(COMMENT).waitFor();
    await composer.locator('summary', { hasText: 'A photo, document or clip of the partnership' }).click();
    const photoCard = composer.locator('.artifact-card').filter({ hasText: 'The question chart on the easel' });
    await photoCard.getByRole('button', { name: /^Insert/ }).click();
    await composer.locator('.feedback-file img').waitFor({ state: 'attached' });
    await checkA11y(carmen, 'feedback on a clip, being written');
    await composer.getByRole('button', { name: /^Send to Taylor/ }).click();
    await carmen.locator('.feedback-card.feedback-sent').waitFor();
    await carmen.close();
  });

  it('the coachee sees her clip first, then reads the comments and the feedback, and a quoted moment plays from there', async () => {
    const taylor = await signedInPage(world, 'taylor@riverside.example', PHONE);
    await taylor.goto(`/partnerships/${partnershipId}/evidence/${clipId}`);
    await taylor.locator('video.clip-player').waitFor();
    await taylor.getByText(/Carmen left a comment on your clip\. Watch it yourself first/).waitFor();
    await taylor.getByText(/Carmen has written feedback on this clip for you/).waitFor();
    expect(await taylor.getByText(COMMENT).count()).toBe(0);
    await checkA11y(taylor, 'a clip the coachee has not watched yet, on a phone');

    await taylor.getByRole('button', { name: 'I have watched it: show the comments' }).click();
    await taylor.locator('.clip-timeline').getByText(COMMENT).waitFor();
    const feedback = taylor.locator('.feedback-card.feedback-sent');
    await feedback.waitFor();
    await feedback.getByText('I heard four open questions before the first page.').waitFor();
    await feedback.locator('.feedback-moment blockquote').getByText(COMMENT).waitFor();
    const picture = feedback.locator('.feedback-file img');
    await picture.scrollIntoViewIfNeeded();
    await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await checkA11y(taylor, 'the clip, its comments and feedback, read by the coachee');

    await feedback.getByRole('link', { name: 'Play from 0:02' }).click();
    await taylor.waitForURL((url) => url.searchParams.get('at') === '2000');
    await expect.poll(() => taylor.locator('video.clip-player').evaluate((v: HTMLVideoElement) => Math.round(v.currentTime))).toBe(2);

    // The comment was carried over to a step of Taylor's plan: it shows on that goal, folded until opened.
    const linked = (await (await taylor.request.get(`/api/artifacts/${clipId}/comments`)).json()).items[0].goal.id as string;
    await taylor.goto(`/partnerships/${partnershipId}/goals`);
    const card = taylor.locator('article.goal-card').filter({ has: taylor.locator(`[id="goal-${linked}-title"]`) });
    await card.locator('summary', { hasText: 'Carried over here' }).click();
    await card.locator('.goal-carried-list').getByText(COMMENT).waitFor();
    await checkA11y(taylor, 'a goal with a comment carried over to it');

    // Every read of Carmen's is in Taylor's access log: the clip, the photo, the feedback.
    const log = (await (await taylor.request.get('/api/access-log?limit=100')).json()).items as Array<{ actorName: string; itemType: string; itemId: string }>;
    const carmens = log.filter((r) => r.actorName === 'Carmen Diaz');
    expect(carmens.some((r) => r.itemType === 'artifact' && r.itemId === clipId)).toBe(true);
    expect(carmens.some((r) => r.itemType === 'artifact' && r.itemId === photoId)).toBe(true);
    expect(carmens.some((r) => r.itemType === 'feedback')).toBe(true);
    await taylor.goto('/access-log');
    await taylor.getByRole('heading', { level: 1 }).waitFor();
    await checkA11y(taylor, 'access log after the story');
    await taylor.close();
  });

  it('the coach observes the clip with event count: each tap lands at the clip’s moment on screen', async () => {
    const carmen = await signedInPage(world, 'carmen@riverside.example', TABLET);
    await carmen.goto(`/partnerships/${partnershipId}/evidence/${clipId}`);
    await carmen.getByRole('link', { name: 'Observe this clip with a data tool' }).click();
    const form = carmen.locator('form.start-observation');
    await form.getByText('On the clip “Read-aloud, Tuesday”').waitFor();
    await form.getByLabel('Event count').check();
    await form.getByLabel('Categories, one per line').fill('Open question\nClosed question');
    await form.getByRole('button', { name: 'Start now' }).click();
    await carmen.waitForURL(/\/record/);
    const video = carmen.locator('video.clip-player');
    await video.waitFor();
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThanOrEqual(1);
    await video.evaluate((v: HTMLVideoElement) => {
      v.currentTime = 3;
    });
    await expect.poll(() => carmen.getByRole('timer').textContent()).toBe('0:03');
    await carmen.locator('.count-button[data-category="Open question"]').click();
    await video.evaluate((v: HTMLVideoElement) => {
      v.currentTime = 5;
    });
    await expect.poll(() => carmen.getByRole('timer').textContent()).toBe('0:05');
    await carmen.locator('.count-button[data-category="Closed question"]').click();
    await checkA11y(carmen, 'event count beside the clip');
    const observationId = new URL(carmen.url()).pathname.split('/')[4];
    // Synced: each tap's time is its moment of the clip after the visit's start.
    await expect
      .poll(async () => {
        const o = await (await carmen.request.get(`/api/observations/${observationId}`)).json();
        return (o.events as Array<{ deviceAt: string }>).map((e) => Math.round((Date.parse(e.deviceAt) - Date.parse(o.startedAt)) / 1000));
      }, { timeout: 10_000 })
      .toEqual([3, 5]);
    await carmen.close();
  });

  it('the supervisor finds neither the clip nor its feedback', async () => {
    const sam = await signedInPage(world, 'sam@riverside.example', PHONE);
    expect((await sam.request.get(`/api/artifacts/${clipId}`)).status()).toBe(404);
    expect((await sam.request.get(`/api/artifacts/${clipId}/feedback`)).status()).toBe(404);
    expect((await sam.request.get(`/api/artifacts/${clipId}/file`)).status()).toBe(404);
    await sam.close();
  });
});
