/**
 * Video and audio clips (issue 11, item 2) and comments linked to a goal or a step (item 5):
 * resumable uploads with tus (interrupted, asked where to resume, resumed; an artifact only with
 * the last byte), the type read from the bytes, damaged clips, limits checked before a byte is
 * stored, what ffprobe and ffmpeg read (length, sound, a poster) and what is said without them,
 * playback with Range requests, comments at moments with practice tags and a goal or step, the
 * coachee seeing her own clip first, every read in her access log, and outsiders answered 404 on
 * every route. The fixtures are made by Debian's ffmpeg here (CI installs it; nothing is skipped).
 */
import { execFileSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import http from 'node:http';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileStore } from '@tus/file-store';
import S3rver from 's3rver';
import { S3Storage } from '../../server/src/artifacts/storage';
import { sweepStagedUploads } from '../../server/src/artifacts/uploads.routes';
import { loadConfig } from '../../server/src/config';
import { type FileClient, fileClient } from '../support/multipart';
import { NOT_FOUND_BODY, type World, createWorld } from '../support/world';

const tempDir = (prefix: string) => mkdtemp(path.join(os.tmpdir(), `tandem-${prefix}-`));

/** Every file under a folder, as paths relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

/** Clips made by ffmpeg for the tests: a 3-second video with sound, one without, a voice memo. */
const fx = {} as Record<'clip' | 'silent' | 'voice' | 'broken' | 'text', Buffer>;
async function makeFixtures(dir: string) {
  const ffmpeg = (...args: string[]) => execFileSync('ffmpeg', ['-v', 'error', '-y', ...args], { cwd: dir });
  ffmpeg('-f', 'lavfi', '-i', 'testsrc=size=160x120:rate=10', '-f', 'lavfi', '-i', 'sine', '-t', '3', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', 'clip.mp4');
  ffmpeg('-f', 'lavfi', '-i', 'testsrc=size=160x120:rate=10', '-t', '2', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', 'silent.mp4');
  ffmpeg('-f', 'lavfi', '-i', 'sine', '-t', '2', '-c:a', 'aac', 'voice.m4a');
  fx.clip = await readFile(path.join(dir, 'clip.mp4'));
  fx.silent = await readFile(path.join(dir, 'silent.mp4'));
  fx.voice = await readFile(path.join(dir, 'voice.m4a'));
  // An MP4 by its first bytes (the ftyp box survives), the rest of it lost: ffprobe cannot read it.
  fx.broken = Buffer.concat([fx.clip.subarray(0, 64), Buffer.alloc(4000, 0x5a)]);
  fx.text = Buffer.from('These are my notes from Tuesday, saved with the wrong name.\n'.repeat(40));
}

const b64 = (v: string) => Buffer.from(v, 'utf8').toString('base64');
const metadata = (fields: Record<string, string>) =>
  Object.entries(fields)
    .map(([k, v]) => `${k} ${b64(v)}`)
    .join(',');
const TUS = { 'tus-resumable': '1.0.0' };
const CHUNK = { ...TUS, 'content-type': 'application/offset+octet-stream' };

/** tus, as a phone would speak it. */
function tus(client: FileClient) {
  return {
    create: (fields: Record<string, string>, length: number | null, extra: Record<string, string> = {}) =>
      client.send('POST', '/api/uploads', { ...TUS, ...(length === null ? {} : { 'upload-length': String(length) }), 'upload-metadata': metadata(fields), ...extra }),
    patch: (url: string, offset: number, bytes: Buffer | NodeJS.ReadableStream) => client.send('PATCH', url, { ...CHUNK, 'upload-offset': String(offset) }, bytes),
    head: (url: string) => client.send('HEAD', url, TUS),
    remove: (url: string) => client.send('DELETE', url, TUS),
    /** The whole file in `parts` PATCHes; the last answer. */
    async upload(fields: Record<string, string>, bytes: Buffer, parts = 1): Promise<{ created: LightMyRequestResponse; last: LightMyRequestResponse; url: string }> {
      const created = await this.create(fields, bytes.length);
      expect(created.statusCode, created.body).toBe(201);
      const url = created.headers.location as string;
      let last = created;
      const size = Math.ceil(bytes.length / parts);
      for (let at = 0; at < bytes.length; at += size) last = await this.patch(url, at, bytes.subarray(at, at + size));
      return { created, last, url };
    },
  };
}

let w: World;
let dataDir: string;
let fixtures: string;
let c: FileClient;
let t: FileClient;
let sup: FileClient;
let otherCoach: FileClient;
let partnership: string;
let coach: string;
let coachee: string;
let supervisor: string;

const artifactRows = async () => (await w.db.selectFrom('artifacts').select('id').execute()).length;
const staged = () => filesUnder(path.join(dataDir, 'uploads'));
const logged = async (itemId: string, actorId: string, action?: string) => {
  let q = w.db.selectFrom('access_log').select('id').where('item_type', '=', 'artifact').where('item_id', '=', itemId).where('actor_id', '=', actorId);
  if (action) q = q.where('action', '=', action);
  return (await q.execute()).length;
};

beforeAll(async () => {
  fixtures = await tempDir('clip-fixtures');
  await makeFixtures(fixtures);
  dataDir = await tempDir('clips');
  w = await createWorld({ dataDir });
  const scene = await w.given.expertPartnership();
  ({ partnership, coach, coachee, supervisor } = scene);
  const another = await w.given.person(scene.org, ['coach'], 'Olive Othercoach');
  [c, t, sup, otherCoach] = await Promise.all([fileClient(w, coach), fileClient(w, coachee), fileClient(w, supervisor), fileClient(w, another)]);
}, 60_000);
afterAll(async () => {
  await w?.close();
  for (const dir of [dataDir, fixtures]) if (dir) await rm(dir, { recursive: true, force: true });
});

describe('a resumable upload of a lesson clip', () => {
  let url: string;
  let artifactId: string;

  it('is interrupted after the first half, says where to resume, and becomes an artifact only with its last byte', async () => {
    const up = tus(c);
    const before = await artifactRows();
    const created = await up.create({ partnershipId: partnership, filename: 'Tuesday read-aloud.MP4', note: 'Read-aloud: Señora García’s wait time after questions' }, fx.clip.length);
    expect(created.statusCode, created.body).toBe(201);
    url = created.headers.location as string;
    expect(url).toMatch(/^\/api\/uploads\/[0-9a-f]{32}$/);
    expect(created.headers['tandem-artifact-id']).toBeUndefined();
    expect(created.headers['access-control-allow-origin']).toBeUndefined();

    const half = Math.floor(fx.clip.length / 2);
    const first = await up.patch(url, 0, fx.clip.subarray(0, half));
    expect(first.statusCode, first.body).toBe(204);
    expect(first.headers['upload-offset']).toBe(String(half));
    expect(first.headers['tandem-artifact-id']).toBeUndefined();
    // The connection drops here. Half a clip is nobody's artifact, and is not served.
    expect(await artifactRows()).toBe(before);

    const asked = await up.head(url);
    expect(asked.statusCode).toBe(200);
    expect(asked.headers).toMatchObject({ 'upload-offset': String(half), 'upload-length': String(fx.clip.length), 'cache-control': 'no-store' });
    // Sending from the wrong place is refused, saying where the upload is.
    const wrong = await up.patch(url, 0, fx.clip.subarray(0, 100));
    expect(wrong.statusCode).toBe(409);
    expect(wrong.headers['upload-offset']).toBe(String(half));
    expect(wrong.json()).toMatchObject({ code: 'CONFLICT', message: `Tandem has ${half} bytes of this upload, not what was sent from. Resume the upload from there (ask with HEAD where to continue).` });

    const rest = await up.patch(url, half, fx.clip.subarray(half));
    expect(rest.statusCode, rest.body).toBe(204);
    expect(rest.headers['upload-offset']).toBe(String(fx.clip.length));
    artifactId = rest.headers['tandem-artifact-id'] as string;
    expect(artifactId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await artifactRows()).toBe(before + 1);
    // Nothing stays staged once it is an artifact.
    expect(await staged()).toEqual([]);
  });

  it('keeps the clip as sent, with its length, its sound and a poster frame', async () => {
    const res = await c.get(`/api/artifacts/${artifactId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: artifactId,
      subjectId: coachee,
      contentType: 'video/mp4',
      fileName: 'Tuesday read-aloud.mp4',
      note: 'Read-aloud: Señora García’s wait time after questions',
      byteSize: fx.clip.length,
      width: 160,
      height: 120,
      hasThumbnail: true,
      media: { kind: 'video', hasAudio: true, note: null },
      coacheeWatchedAt: null,
      abilities: { edit: true, delete: true, share: false, comment: true, watched: false },
    });
    expect(res.json().media.durationMs).toBeGreaterThanOrEqual(2900);
    expect(res.json().media.durationMs).toBeLessThanOrEqual(3200);
    const poster = await c.get(`/api/artifacts/${artifactId}/thumbnail`);
    expect(poster.headers['content-type']).toBe('image/webp');
    expect(await sharp(poster.rawPayload).metadata()).toMatchObject({ format: 'webp', width: 160, height: 120 });
    const file = await c.get(`/api/artifacts/${artifactId}/file`);
    expect(file.rawPayload.equals(fx.clip)).toBe(true);
  });

  it('plays back in a media element: inline, its own type, and a range answered with 206', async () => {
    const part = await t.get(`/api/artifacts/${artifactId}/file?view=1`, { range: 'bytes=100-1099' });
    expect(part.statusCode).toBe(206);
    expect(part.headers).toMatchObject({ 'content-type': 'video/mp4', 'accept-ranges': 'bytes', 'content-range': `bytes 100-1099/${fx.clip.length}`, 'content-length': '1000', 'x-content-type-options': 'nosniff', 'cache-control': 'private, no-store' });
    expect(part.headers['content-disposition']).toMatch(/^inline; filename="Tuesday read-aloud.mp4"/);
    expect(part.rawPayload.equals(fx.clip.subarray(100, 1100))).toBe(true);
  });

  it('answers a repeated last request with the same artifact, never a second one', async () => {
    const before = await artifactRows();
    const up = tus(c);
    const asked = await up.head(url);
    expect(asked.statusCode).toBe(200);
    expect(asked.headers).toMatchObject({ 'upload-offset': String(fx.clip.length), 'upload-length': String(fx.clip.length), 'tandem-artifact-id': artifactId });
    const again = await up.patch(url, fx.clip.length, Buffer.alloc(0));
    expect(again.statusCode).toBe(204);
    expect(again.headers['tandem-artifact-id']).toBe(artifactId);
    const stale = await up.patch(url, 0, fx.clip.subarray(0, 10));
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['upload-offset']).toBe(String(fx.clip.length));
    expect(await artifactRows()).toBe(before);
  });

  it('resumes after a request that broke off in the middle: what arrived is kept, and the rest completes it', async () => {
    const up = tus(c);
    const created = await up.create({ partnershipId: partnership, filename: 'dropped.mp4', note: '' }, fx.clip.length);
    const upload = created.headers.location as string;
    // Over a real connection: the phone sends 5,000 bytes of the clip and loses its signal.
    const address = await w.app.listen({ port: 0, host: '127.0.0.1' });
    const cut = 5000;
    const req = http.request(`${address}${upload}`, { method: 'PATCH', headers: { ...c.auth, ...CHUNK, 'upload-offset': '0', 'content-length': String(fx.clip.length) } });
    req.on('error', () => undefined);
    req.write(fx.clip.subarray(0, cut));
    await new Promise((r) => setTimeout(r, 300));
    req.destroy();
    let offset = 0;
    for (let i = 0; i < 50 && offset < cut; i++) {
      await new Promise((r) => setTimeout(r, 50));
      offset = Number((await up.head(upload)).headers['upload-offset']);
    }
    expect(offset).toBe(cut);
    expect(await w.db.selectFrom('artifacts').select('id').where('file_name', '=', 'dropped.mp4').execute()).toEqual([]);
    const done = await up.patch(upload, offset, fx.clip.subarray(offset));
    expect(done.statusCode, done.body).toBe(204);
    const kept = await c.get(`/api/artifacts/${done.headers['tandem-artifact-id']}/file`);
    expect(kept.rawPayload.equals(fx.clip)).toBe(true);
  });

  it('takes the whole clip in the creation request too (creation-with-upload)', async () => {
    const res = await c.send('POST', '/api/uploads', { ...CHUNK, 'upload-length': String(fx.voice.length), 'upload-metadata': metadata({ partnershipId: partnership, filename: 'memo.m4a', note: 'What I noticed' }) }, fx.voice);
    expect(res.statusCode, res.body).toBe(201);
    const id = res.headers['tandem-artifact-id'] as string;
    expect((await c.get(`/api/artifacts/${id}`)).json()).toMatchObject({ contentType: 'audio/mp4', fileName: 'memo.m4a', hasThumbnail: false, media: { kind: 'audio', hasAudio: true, note: null } });
  });

  it('lets the uploader give up an unfinished upload: its bytes go', async () => {
    const up = tus(c);
    const created = await up.create({ partnershipId: partnership, filename: 'never mind.mp4', note: '' }, fx.clip.length);
    const upload = created.headers.location as string;
    await up.patch(upload, 0, fx.clip.subarray(0, 1000));
    expect((await staged()).length).toBeGreaterThan(0);
    expect((await up.remove(upload)).statusCode).toBe(204);
    expect(await staged()).toEqual([]);
    expect((await up.head(upload)).statusCode).toBe(404);
  });
});

describe('what a clip can be', () => {
  it('says a clip has no sound, and still keeps it', async () => {
    const { last } = await tus(c).upload({ partnershipId: partnership, filename: 'no sound.mp4', note: '' }, fx.silent);
    const res = await c.get(`/api/artifacts/${last.headers['tandem-artifact-id']}`);
    expect(res.json()).toMatchObject({ contentType: 'video/mp4', hasThumbnail: true, media: { kind: 'video', hasAudio: false, note: 'This clip has no sound.' } });
  });

  it('reads a voice memo as audio: no poster, its length', async () => {
    const { last } = await tus(t).upload({ partnershipId: partnership, filename: 'reflection.m4a', note: 'My reflection' }, fx.voice, 2);
    const res = await t.get(`/api/artifacts/${last.headers['tandem-artifact-id']}`);
    expect(res.json()).toMatchObject({ contentType: 'audio/mp4', hasThumbnail: false, media: { kind: 'audio', hasAudio: true, note: null }, abilities: { watched: true, comment: true } });
    expect(res.json().media.durationMs).toBeGreaterThan(1900);
    expect((await t.get(`/api/artifacts/${last.headers['tandem-artifact-id']}/thumbnail`)).statusCode).toBe(404);
  });

  it('takes a short clip through the ordinary form upload too, read the same way', async () => {
    const res = await c.upload(`/api/partnerships/${partnership}/artifacts`, { note: 'Transition' }, { name: 'transition.mp4', bytes: fx.clip });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ contentType: 'video/mp4', hasThumbnail: true, media: { kind: 'video', hasAudio: true } });
    expect(await filesUnder(path.join(dataDir, 'uploads', 'forms'))).toEqual([]);
  });

  it('takes a photo through the resumable upload, re-encoded like any photo', async () => {
    const photo = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#a50' } }).jpeg().withExif({ IFD0: { ImageDescription: 'MARK-EXIF' } }).toBuffer();
    const { last } = await tus(c).upload({ partnershipId: partnership, filename: 'board.jpg', note: '' }, photo);
    expect(last.statusCode).toBe(204);
    const file = await c.get(`/api/artifacts/${last.headers['tandem-artifact-id']}/file`);
    expect(file.headers['content-type']).toBe('image/jpeg');
    expect(file.rawPayload.includes('MARK-EXIF')).toBe(false);
  });
});

describe('what is refused, with nothing half-stored', () => {
  const nothingMore = async (was: { rows: number; files: string[] }) => {
    expect(await artifactRows()).toBe(was.rows);
    expect(await filesUnder(path.join(dataDir, 'artifacts'))).toEqual(was.files);
    expect(await staged()).toEqual([]);
  };
  const now = async () => ({ rows: await artifactRows(), files: await filesUnder(path.join(dataDir, 'artifacts')) });

  it('reads the type from the content: a text file named .mp4 is refused (415) once it has arrived, and removed', async () => {
    const was = await now();
    const { last, url } = await tus(c).upload({ partnershipId: partnership, filename: 'lesson.mp4', note: '' }, fx.text);
    expect(last.statusCode).toBe(415);
    expect(last.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.stringMatching(/its content is text, or a kind of file Tandem does not know, not a photo .* or a video or audio clip \(MP4, MOV, WebM, MP3, M4A, Ogg or WAV\)\. Tandem reads the file itself, so renaming it does not change this\./) });
    await nothingMore(was);
    expect((await tus(c).head(url)).statusCode).toBe(404);
  });

  it('refuses a damaged clip (422) with a clear message', async () => {
    const was = await now();
    const { last } = await tus(c).upload({ partnershipId: partnership, filename: 'cut off.mp4', note: '' }, fx.broken);
    expect(last.statusCode).toBe(422);
    expect(last.json().message).toBe('This clip could not be read: it may be damaged, cut off or not finished recording. Nothing was saved. Export it again from the device that recorded it and try once more.');
    await nothingMore(was);
  });

  it('refuses a clip over the limit by its Upload-Length (413), before a byte is stored', async () => {
    const was = await now();
    const res = await tus(c).create({ partnershipId: partnership, filename: 'whole day.mp4', note: '' }, 501 * 1024 * 1024);
    expect(res.statusCode).toBe(413);
    expect(res.json().message).toBe('This clip is larger than 500 MB, the most one clip may be. Trim it, or record a shorter part of the lesson, and upload it again.');
    await nothingMore(was);
  });

  it('asks for the size and readable details', async () => {
    const none = await tus(c).create({ partnershipId: partnership, filename: 'x.mp4', note: '' }, null);
    expect(none.statusCode).toBe(400);
    expect(none.json().message).toMatch(/^Say how large the file is when the upload starts/);
    const bad = await tus(c).create({ filename: 'x.mp4', note: '' }, 100);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'metadata.partnershipId' }] });
    const garbled = await c.send('POST', '/api/uploads', { ...TUS, 'upload-length': '100', 'upload-metadata': 'partnershipId not*base64!' });
    expect(garbled.json().message).toMatch(/Upload-Metadata/);
    expect(await staged()).toEqual([]);
  });

  it('needs the CSRF token on every upload request that changes something', async () => {
    const res = await c.send('POST', '/api/uploads', { ...TUS, 'upload-length': '100', 'upload-metadata': metadata({ partnershipId: partnership }) }, undefined, { csrf: false });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_FAILED');
  });

  it('refuses a clip past the organization’s quota (413) before a byte is stored, saying how much is left', async () => {
    const dir = await tempDir('clip-quota');
    const small = await createWorld({ dataDir: dir, artifactOrgQuotaBytes: 40 * 1024 });
    try {
      const scene = await small.given.expertPartnership();
      const up = tus(await fileClient(small, scene.coach));
      const res = await up.create({ partnershipId: scene.partnership, filename: 'clip.mp4', note: '' }, 50 * 1024);
      expect(res.statusCode).toBe(413);
      expect(res.json().message).toMatch(/^Your organization has 40 KB of file space left \(of 40 KB\) and this file needs 50 KB\./);
      expect(await filesUnder(dir)).toEqual([]);
      // An upload on its way holds its room: a second one started meanwhile is told what is left after it.
      expect((await up.create({ partnershipId: scene.partnership, filename: 'one.mp4', note: '' }, 30 * 1024)).statusCode).toBe(201);
      const second = await up.create({ partnershipId: scene.partnership, filename: 'two.mp4', note: '' }, 30 * 1024);
      expect(second.statusCode).toBe(413);
      expect(second.json().message).toMatch(/^Your organization has 10 KB of file space left \(of 40 KB\) and this file needs 30 KB\./);
    } finally {
      await small.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('forgets an upload left unfinished for a day: 410 with a clear message, then swept away', async () => {
    const up = tus(c);
    const created = await up.create({ partnershipId: partnership, filename: 'abandoned.mp4', note: '' }, fx.clip.length);
    const upload = created.headers.location as string;
    await up.patch(upload, 0, fx.clip.subarray(0, 500));
    const id = upload.split('/').pop()!;
    const info = path.join(dataDir, 'uploads', `${id}.json`);
    const json = JSON.parse(await readFile(info, 'utf8'));
    await writeFile(info, JSON.stringify({ ...json, creation_date: new Date(Date.now() - 25 * 3600_000).toISOString() }));
    const gone = await up.head(upload);
    expect(gone.statusCode).toBe(410);
    const patched = await up.patch(upload, 500, fx.clip.subarray(500, 600));
    expect(patched.statusCode).toBe(410);
    expect(patched.json()).toMatchObject({ code: 'UPLOAD_EXPIRED', message: 'This upload was not finished within 24 hours, so it was removed. Start it again.' });
    const store = new FileStore({ directory: path.join(dataDir, 'uploads'), expirationPeriodInMilliseconds: 24 * 3600_000 });
    expect(await sweepStagedUploads(store, path.join(dataDir, 'uploads'))).toBe(1);
    expect(await staged()).toEqual([]);
  });
});

describe('without ffmpeg on the server', () => {
  it('keeps the clip and says clearly what could not be read, in the reader’s language', async () => {
    const dir = await tempDir('no-ffmpeg');
    const bare = await createWorld({ dataDir: dir, ffmpegPath: '/nonexistent/ffmpeg', ffprobePath: '/nonexistent/ffprobe' });
    try {
      const scene = await bare.given.expertPartnership();
      const coachClient = await fileClient(bare, scene.coach);
      const { last } = await tus(coachClient).upload({ partnershipId: scene.partnership, filename: 'clip.mp4', note: '' }, fx.clip);
      expect(last.statusCode, last.body).toBe(204);
      const id = last.headers['tandem-artifact-id'] as string;
      expect((await coachClient.get(`/api/artifacts/${id}`)).json()).toMatchObject({
        contentType: 'video/mp4',
        hasThumbnail: false,
        media: { kind: 'video', durationMs: null, hasAudio: null, note: "Tandem could not read this clip's length or make a poster: this server has no ffmpeg." },
      });
      await bare.db.updateTable('people').set({ language: 'es' }).where('id', '=', scene.coachee).execute();
      const asCoachee = await fileClient(bare, scene.coachee);
      expect((await asCoachee.get(`/api/artifacts/${id}`)).json().media.note).toBe('Tandem no pudo leer la duración de este clip ni hacer una imagen de portada: este servidor no tiene ffmpeg.');
      // Any moment may be commented on when the length is not known.
      expect((await (await bare.as(scene.coach)).post(`/api/artifacts/${id}/comments`, { atMs: 3_600_000, body: 'Near the end' })).statusCode).toBe(201);
    } finally {
      await bare.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reads the programs from FFMPEG_PATH and FFPROBE_PATH, and the clip limit from CLIP_MAX_BYTES', () => {
    expect(loadConfig({})).toMatchObject({ ffmpegPath: 'ffmpeg', ffprobePath: 'ffprobe', clipMaxBytes: 500 * 1024 * 1024 });
    expect(loadConfig({ FFMPEG_PATH: '/usr/bin/ffmpeg', FFPROBE_PATH: '/usr/bin/ffprobe', CLIP_MAX_BYTES: '2GB' })).toMatchObject({ ffmpegPath: '/usr/bin/ffmpeg', ffprobePath: '/usr/bin/ffprobe', clipMaxBytes: 2 * 1024 ** 3 });
    expect(() => loadConfig({ CLIP_MAX_BYTES: '6GB' })).toThrow(/CLIP_MAX_BYTES must be a size between 1 KB and 5 GB/);
  });
});

describe('comments at moments', () => {
  let clip: string;
  let goal: string;
  let step: string;
  let otherGoal: string;
  let practices: Array<{ id: string; name: string }>;
  let comment: string;

  beforeAll(async () => {
    const { last } = await tus(c).upload({ partnershipId: partnership, filename: 'small groups.mp4', note: 'Small groups' }, fx.clip);
    clip = last.headers['tandem-artifact-id'] as string;
    const asCoach = await w.as(coach);
    const proposed = await asCoach.post(`/api/partnerships/${partnership}/goals`, { title: 'More children answer open questions', steps: [{ description: 'Wait five seconds after asking', responsible: 'coachee' }] });
    goal = proposed.json().id;
    step = proposed.json().steps[0].id;
    practices = (await asCoach.get('/api/practices')).json().items.slice(0, 2).map((p: { id: string; name: string }) => ({ id: p.id, name: p.name }));
    // A goal of another partnership of the same coach.
    const scene = await w.given.expertPartnership();
    otherGoal = (await (await w.as(scene.coach)).post(`/api/partnerships/${scene.partnership}/goals`, { title: 'Elsewhere' })).json().id;
  });

  it('lets the coach comment on a moment with practice tags and a step of the action plan, in one request', async () => {
    const asCoach = await w.as(coach);
    const res = await asCoach.post(`/api/artifacts/${clip}/comments`, { atMs: 1500, body: 'You waited here, and three hands went up.', tags: practices.map((p) => p.id), stepId: step });
    expect(res.statusCode, res.body).toBe(201);
    comment = res.json().id;
    expect(res.json()).toMatchObject({
      artifactId: clip,
      authorId: coach,
      atMs: 1500,
      body: 'You waited here, and three hands went up.',
      tags: practices,
      goal: { id: goal, title: 'More children answer open questions' },
      step: { id: step, text: 'Wait five seconds after asking' },
      abilities: { edit: true, delete: true },
    });
    // Linked to the goal alone, moved and retagged, in one change.
    const changed = await asCoach.patch(`/api/artifact-comments/${comment}`, { atMs: 1200, tags: [practices[0]!.id], goalId: goal, stepId: null });
    expect(changed.json()).toMatchObject({ atMs: 1200, tags: [practices[0]], goal: { id: goal }, step: null });
    const relinked = await asCoach.patch(`/api/artifact-comments/${comment}`, { stepId: step });
    expect(relinked.json()).toMatchObject({ goal: { id: goal }, step: { id: step } });
  });

  it('checks the moment, the tags and the link', async () => {
    const asCoach = await w.as(coach);
    const post = (body: object) => asCoach.post(`/api/artifacts/${clip}/comments`, body);
    expect((await post({ atMs: 9000, body: 'After the end' })).json()).toMatchObject({ code: 'UNPROCESSABLE', message: 'This moment is after the end of the clip (0:03). Choose a moment within it.', details: [{ path: 'atMs' }] });
    expect((await post({ atMs: 100, body: '  ' })).json().message).toBe('Write a comment, or choose a practice to tag this moment with.');
    expect((await post({ atMs: 100, tags: ['00000000-0000-4000-8000-000000000000'] })).json().message).toBe('Choose practices from your organization’s framework.');
    expect((await post({ atMs: 100, body: 'x', goalId: otherGoal })).json().message).toBe('Choose a goal of this coachee in this partnership.');
    expect((await post({ atMs: 100, body: 'x', goalId: otherGoal, stepId: step })).json().message).toBe('Choose a step of that goal’s action plan.');
    // A tag alone is a comment.
    expect((await post({ atMs: 2500, tags: [practices[1]!.id] })).statusCode).toBe(201);
    // A photo has no moments.
    const photo = await c.upload(`/api/partnerships/${partnership}/artifacts`, {}, { name: 'p.jpg', bytes: await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } }).jpeg().toBuffer() });
    expect((await asCoach.post(`/api/artifacts/${photo.json().id}/comments`, { atMs: 0, body: 'x' })).json().message).toBe('Comments at moments are for video and audio clips.');
  });

  it('holds others’ comments from the coachee until she has watched her clip: she is told how many and from whom, never their words', async () => {
    const asCoachee = await w.as(coachee);
    const before = await asCoachee.get(`/api/artifacts/${clip}/comments`);
    expect(before.json()).toMatchObject({ items: [], held: 2, watchedAt: null, canComment: true });
    expect(before.json().heldFrom).toHaveLength(1);
    expect(before.body).not.toContain('three hands');
    // The coach sees every comment, in the order of the clip.
    const coachView = (await (await w.as(coach)).get(`/api/artifacts/${clip}/comments`)).json();
    expect(coachView.items.map((i: { atMs: number }) => i.atMs)).toEqual([1200, 2500]);
    expect(coachView.held).toBe(0);
    // The coachee editing the coach's comment: it does not exist for her.
    expect((await asCoachee.patch(`/api/artifact-comments/${comment}`, { body: 'mine now' })).json()).toEqual(NOT_FOUND_BODY);
    expect((await asCoachee.delete(`/api/artifact-comments/${comment}`)).json()).toEqual(NOT_FOUND_BODY);
    // The coach cannot say she has watched it.
    expect((await (await w.as(coach)).post(`/api/artifacts/${clip}/watched`)).json()).toEqual(NOT_FOUND_BODY);

    const watched = await asCoachee.post(`/api/artifacts/${clip}/watched`);
    expect(watched.statusCode).toBe(200);
    expect(watched.json()).toMatchObject({ held: 0, heldFrom: [], watchedAt: expect.any(String) });
    expect(watched.json().items.map((i: { body: string }) => i.body)).toContain('You waited here, and three hands went up.');
    const again = await asCoachee.post(`/api/artifacts/${clip}/watched`);
    expect(again.json().watchedAt).toBe(watched.json().watchedAt);
    expect((await asCoachee.get(`/api/artifacts/${clip}`)).json().coacheeWatchedAt).toBe(watched.json().watchedAt);
  });

  it('releases them when the coachee comments first, and lets her change and remove only her own', async () => {
    const { last } = await tus(c).upload({ partnershipId: partnership, filename: 'circle.mp4', note: '' }, fx.clip);
    const other = last.headers['tandem-artifact-id'] as string;
    const asCoach = await w.as(coach);
    const asCoachee = await w.as(coachee);
    await asCoach.post(`/api/artifacts/${other}/comments`, { atMs: 500, body: 'Listen to the pause here.' });
    expect((await asCoachee.get(`/api/artifacts/${other}/comments`)).json()).toMatchObject({ items: [], held: 1 });
    const mine = await asCoachee.post(`/api/artifacts/${other}/comments`, { atMs: 700, body: 'I counted to five in my head.' });
    expect(mine.statusCode).toBe(201);
    const list = (await asCoachee.get(`/api/artifacts/${other}/comments`)).json();
    expect(list).toMatchObject({ held: 0, watchedAt: expect.any(String) });
    expect(list.items.map((i: { body: string }) => i.body)).toEqual(['Listen to the pause here.', 'I counted to five in my head.']);
    expect((await asCoachee.patch(`/api/artifact-comments/${mine.json().id}`, { body: 'I counted to five.' })).json().body).toBe('I counted to five.');
    expect((await asCoachee.delete(`/api/artifact-comments/${mine.json().id}`)).statusCode).toBe(204);
  });

  it('shows the comments to a person she shared the clip with only once she has watched it', async () => {
    const { last } = await tus(c).upload({ partnershipId: partnership, filename: 'math talk.mp4', note: '' }, fx.clip);
    const shared = last.headers['tandem-artifact-id'] as string;
    await (await w.as(coach)).post(`/api/artifacts/${shared}/comments`, { atMs: 900, body: 'A strong question at this moment.', goalId: goal });
    const asCoachee = await w.as(coachee);
    expect((await asCoachee.post(`/api/partnerships/${partnership}/shares`, { granteeId: supervisor, itemType: 'artifact', itemId: shared })).statusCode).toBe(201);
    const asSupervisor = await w.as(supervisor);
    const before = await asSupervisor.get(`/api/artifacts/${shared}/comments`);
    expect(before.json()).toEqual({ items: [], held: 0, heldFrom: [], watchedAt: null, canComment: false });
    expect((await sup.get(`/api/artifacts/${shared}/file`, { range: 'bytes=0-9' })).statusCode).toBe(206);
    await asCoachee.post(`/api/artifacts/${shared}/watched`);
    const after = (await asSupervisor.get(`/api/artifacts/${shared}/comments`)).json();
    // The goal was not shared with her: its title is not given.
    expect(after.items).toMatchObject([{ body: 'A strong question at this moment.', goal: { id: goal, title: null }, abilities: { edit: false, delete: false } }]);
    expect((await asSupervisor.post(`/api/artifacts/${shared}/comments`, { atMs: 1, body: 'Supervisor note' })).json()).toEqual(NOT_FOUND_BODY);
  });

  it('puts every read of the clip — its details, its file, its comments — in the coachee’s access log', async () => {
    const asCoach = await w.as(coach);
    const views = await logged(clip, coach, 'view');
    const exports = await logged(clip, coach, 'export');
    await asCoach.get(`/api/artifacts/${clip}`);
    await c.get(`/api/artifacts/${clip}/file`, { range: 'bytes=0-99' });
    await asCoach.get(`/api/artifacts/${clip}/comments`);
    expect(await logged(clip, coach, 'view')).toBe(views + 2);
    expect(await logged(clip, coach, 'export')).toBe(exports + 1);
    const log = (await (await w.as(coachee)).get(`/api/access-log?itemId=${clip}&limit=100`)).json().items;
    expect(log.some((e: { actorId: string; action: string }) => e.actorId === coach && e.action === 'export')).toBe(true);
    expect(log.some((e: { actorId: string; action: string }) => e.actorId === coach && e.action === 'view')).toBe(true);
  });
});

describe('removing a clip', () => {
  it('takes its comments, its file and its poster with it', async () => {
    const { last } = await tus(c).upload({ partnershipId: partnership, filename: 'to remove.mp4', note: '' }, fx.clip);
    const id = last.headers['tandem-artifact-id'] as string;
    await (await w.as(coach)).post(`/api/artifacts/${id}/comments`, { atMs: 100, body: 'Here.' });
    const row = await w.db.selectFrom('artifacts').select(['storage_key', 'thumb_key']).where('id', '=', id).executeTakeFirstOrThrow();
    expect((await (await w.as(coachee)).delete(`/api/artifacts/${id}`)).statusCode).toBe(204);
    expect(await w.db.selectFrom('artifact_comments').select('id').where('artifact_id', '=', id).execute()).toEqual([]);
    const stored = await filesUnder(path.join(dataDir, 'artifacts'));
    expect(stored.some((f) => f.includes(row.storage_key.split('/')[1]!))).toBe(false);
    expect(row.thumb_key).toBeTruthy();
  });
});

describe('a clip in S3', () => {
  it('streams a clip of known size into the bucket, not held whole, and reads a range of it back', async () => {
    const dir = await tempDir('clip-s3');
    const s3rver = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: dir, configureBuckets: [{ name: 'tandem-clips', configs: [] }] });
    const address = (await s3rver.run()) as AddressInfo;
    try {
      const storage = new S3Storage({ bucket: 'tandem-clips', endpoint: `http://127.0.0.1:${address.port}`, region: 'us-east-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', forcePathStyle: true });
      const file = path.join(fixtures, 'clip.mp4');
      await storage.put('org-1/clip-1', createReadStream(file), 'video/mp4', fx.clip.length);
      const part = (await storage.get('org-1/clip-1', { start: 10, end: 19 }))!;
      expect(part.size).toBe(fx.clip.length);
      expect(Buffer.concat(await part.stream.toArray()).equals(fx.clip.subarray(10, 20))).toBe(true);
    } finally {
      await s3rver.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('outsiders', () => {
  it('answers the supervisor and another coach 404 on every route of clips, uploads and comments, and logs nothing', async () => {
    const up = tus(c);
    const created = await up.create({ partnershipId: partnership, filename: 'staged.mp4', note: 'MARK-STAGED' }, fx.clip.length);
    const upload = created.headers.location as string;
    await up.patch(upload, 0, fx.clip.subarray(0, 100));
    const { last } = await tus(c).upload({ partnershipId: partnership, filename: 'reading.mp4', note: 'MARK-NOTE' }, fx.clip);
    const clip = last.headers['tandem-artifact-id'] as string;
    const commentId = (await (await w.as(coach)).post(`/api/artifacts/${clip}/comments`, { atMs: 10, body: 'MARK-COMMENT' })).json().id;
    for (const [who, client] of [['supervisor', sup], ['other coach', otherCoach]] as const) {
      const as = await w.as(client.personId!);
      const answers = {
        create: await tus(client).create({ partnershipId: partnership, filename: 'x.mp4', note: '' }, 100),
        head: await tus(client).head(upload),
        patch: await tus(client).patch(upload, 100, fx.clip.subarray(100, 200)),
        remove: await tus(client).remove(upload),
        details: await as.get(`/api/artifacts/${clip}`),
        file: await client.get(`/api/artifacts/${clip}/file`, { range: 'bytes=0-9' }),
        thumbnail: await client.get(`/api/artifacts/${clip}/thumbnail`),
        comments: await as.get(`/api/artifacts/${clip}/comments`),
        comment: await as.post(`/api/artifacts/${clip}/comments`, { atMs: 1, body: 'x' }),
        edit: await as.patch(`/api/artifact-comments/${commentId}`, { body: 'x' }),
        delete: await as.delete(`/api/artifact-comments/${commentId}`),
        watched: await as.post(`/api/artifacts/${clip}/watched`),
      };
      for (const [name, res] of Object.entries(answers)) {
        expect(res.statusCode, `${who} ${name}`).toBe(404);
        // HEAD answers carry no body.
        if (name !== 'head') expect(res.json(), `${who} ${name}`).toEqual(NOT_FOUND_BODY);
        expect(res.body).not.toMatch(/MARK-/);
      }
      expect(await logged(clip, client.personId!)).toBe(0);
    }
    // The staged upload is untouched: its owner resumes it.
    expect((await tus(c).head(upload)).headers['upload-offset']).toBe('100');
    expect((await tus(t).head(upload)).statusCode).toBe(404);
  });
});
