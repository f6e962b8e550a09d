/**
 * Artifacts (issue 11, item 1): photos, documents and student work with a note, read only through
 * the privacy module. Privacy pairs (what the coachee can, beside what the supervisor cannot:
 * 404), every read and download logged, metadata stripped from images, the type read from the
 * bytes, limits with a clear message, nothing half-stored, Range requests, and the same storage
 * contract on disk and in an S3-protocol server (s3rver) the test starts.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import S3rver from 's3rver';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRange } from '../../server/src/artifacts/artifacts.routes';
import { type ArtifactStorage, DiskStorage, S3Storage } from '../../server/src/artifacts/storage';
import { ConfigError, loadConfig, type S3Config } from '../../server/src/config';
import { type FileClient, fileClient } from '../support/multipart';
import { NOT_FOUND_BODY, type World, createWorld } from '../support/world';

const tempDir = (prefix: string) => mkdtemp(path.join(os.tmpdir(), `tandem-${prefix}-`));

/** Every file under a folder (temporary ones too), as paths relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

/** A phone photo as it comes off the camera: GPS position, a description and the camera's orientation in its EXIF. */
async function photoWithGps(width = 600, height = 400) {
  return sharp({ create: { width, height, channels: 3, background: '#36a' } })
    .jpeg()
    .withExif({ IFD0: { ImageDescription: 'MARK-EXIF-DESCRIPTION', Make: 'MARK-EXIF-CAMERA' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '40/1 26/1 4614/100', GPSMapDatum: 'MARK-GPS-DATUM' } })
    .toBuffer();
}
const pngWithAlpha = () => sharp({ create: { width: 64, height: 48, channels: 4, background: { r: 200, g: 0, b: 0, alpha: 0.25 } } }).png().toBuffer();
const fakePdf = (bytes: number) => Buffer.concat([Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj <<>> endobj\n'), Buffer.alloc(Math.max(0, bytes - 40), 0x20), Buffer.from('\n%%EOF\n')]);

let w: World;
let dataDir: string;
let c: FileClient;
let t: FileClient;
let sup: FileClient;
let partnership: string;
let coachee: string;
let supervisor: string;

const logged = async (itemId: string, actorId: string, action?: string) => {
  let q = w.db.selectFrom('access_log').select('id').where('item_type', '=', 'artifact').where('item_id', '=', itemId).where('actor_id', '=', actorId);
  if (action) q = q.where('action', '=', action);
  return (await q.execute()).length;
};

beforeAll(async () => {
  dataDir = await tempDir('artifacts');
  w = await createWorld({ dataDir });
  const scene = await w.given.expertPartnership();
  ({ partnership, coachee, supervisor } = scene);
  [c, t, sup] = await Promise.all([fileClient(w, scene.coach), fileClient(w, scene.coachee), fileClient(w, scene.supervisor)]);
});
afterAll(async () => {
  await w?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('uploading a photo', () => {
  let photo: { id: string };
  let upload: Buffer;

  it('keeps the pixels and none of the metadata: the GPS position in the upload is in neither the stored file nor its thumbnail', async () => {
    upload = await photoWithGps();
    const sent = await sharp(upload).metadata();
    expect(sent.exif).toBeTruthy();
    expect(upload.includes('MARK-GPS-DATUM')).toBe(true);
    const res = await c.upload(`/api/partnerships/${partnership}/artifacts`, { note: 'The word wall after the lesson' }, { name: 'IMG_2041.JPG', bytes: upload, type: 'image/jpeg' });
    expect(res.statusCode).toBe(201);
    photo = res.json();
    expect(res.json()).toMatchObject({ subjectId: coachee, contentType: 'image/jpeg', width: 600, height: 400, hasThumbnail: true, fileName: 'IMG_2041.jpg', note: 'The word wall after the lesson', abilities: { edit: true, delete: true, share: false } });
    const file = await c.get(`/api/artifacts/${photo.id}/file`);
    const thumb = await c.get(`/api/artifacts/${photo.id}/thumbnail`);
    for (const bytes of [file.rawPayload, thumb.rawPayload]) {
      const meta = await sharp(bytes).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      for (const marker of ['MARK-GPS-DATUM', 'MARK-EXIF-DESCRIPTION', 'MARK-EXIF-CAMERA', 'Exif']) expect(bytes.includes(marker), marker).toBe(false);
    }
    expect(await sharp(file.rawPayload).metadata()).toMatchObject({ format: 'jpeg', width: 600, height: 400 });
    expect(await sharp(thumb.rawPayload).metadata()).toMatchObject({ format: 'webp', width: 320 });
    // On disk too: what is stored is what was served.
    const stored = await filesUnder(path.join(dataDir, 'artifacts'));
    expect(stored.filter((f) => f.includes(photo.id)).sort()).toHaveLength(2);
  });

  it('turns a photo upright by its EXIF orientation before dropping it', async () => {
    const sideways = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#fa0' } }).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    expect((await sharp(sideways).metadata()).orientation).toBe(6);
    const res = await t.upload(`/api/partnerships/${partnership}/artifacts`, {}, { name: 'sideways.jpg', bytes: sideways });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ width: 200, height: 300 });
    const meta = await sharp((await t.get(`/api/artifacts/${res.json().id}/file`)).rawPayload).metadata();
    expect(meta).toMatchObject({ width: 200, height: 300 });
    expect(meta.orientation).toBeUndefined();
  });

  it('keeps transparency as PNG, and stores a WebP as a JPEG named so', async () => {
    const png = await t.upload(`/api/partnerships/${partnership}/artifacts`, { note: 'Sticker chart' }, { name: 'chart.png', bytes: await pngWithAlpha() });
    expect(png.json()).toMatchObject({ contentType: 'image/png', fileName: 'chart.png' });
    expect((await sharp((await t.get(`/api/artifacts/${png.json().id}/file`)).rawPayload).metadata()).hasAlpha).toBe(true);
    const webp = await t.upload(`/api/partnerships/${partnership}/artifacts`, {}, { name: 'board.webp', bytes: await sharp({ create: { width: 50, height: 50, channels: 3, background: '#0a0' } }).webp().toBuffer() });
    expect(webp.json()).toMatchObject({ contentType: 'image/jpeg', fileName: 'board.jpg' });
  });

  it('answers with the file’s own type, a safe name, Range support and headers that stop caching and sniffing', async () => {
    const res = await t.get(`/api/artifacts/${photo.id}/file`);
    expect(res.statusCode).toBe(200);
    expect(res.headers).toMatchObject({ 'content-type': 'image/jpeg', 'cache-control': 'private, no-store', 'x-content-type-options': 'nosniff', 'accept-ranges': 'bytes' });
    // Fetched as a download it is saved; shown in the page (?view=1) it is inline, and that read is a view, not an export.
    expect(res.headers['content-disposition']).toBe(`attachment; filename="IMG_2041.jpg"; filename*=UTF-8''IMG_2041.jpg`);
    const shown = await t.get(`/api/artifacts/${photo.id}/file?view=1`);
    expect(shown.headers['content-disposition']).toBe(`inline; filename="IMG_2041.jpg"; filename*=UTF-8''IMG_2041.jpg`);
    const actions = await w.db.selectFrom('access_log').select('action').where('item_id', '=', photo.id).where('actor_id', '=', coachee).execute();
    expect(new Set(actions.map((a) => a.action))).toEqual(new Set(['view', 'export']));
    expect(Number(res.headers['content-length'])).toBe(res.rawPayload.length);
    const whole = res.rawPayload;
    const part = await t.get(`/api/artifacts/${photo.id}/file`, { range: 'bytes=10-29' });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 10-29/${whole.length}`);
    expect(part.rawPayload.equals(whole.subarray(10, 30))).toBe(true);
    const tail = await t.get(`/api/artifacts/${photo.id}/file`, { range: 'bytes=-16' });
    expect(tail.statusCode).toBe(206);
    expect(tail.rawPayload.equals(whole.subarray(whole.length - 16))).toBe(true);
    const past = await t.get(`/api/artifacts/${photo.id}/file`, { range: `bytes=${whole.length}-` });
    expect(past.statusCode).toBe(416);
    expect(past.headers['content-range']).toBe(`bytes */${whole.length}`);
  });

  it('lists the partnership’s artifacts newest first, a page at a time, and only those of an observation when asked', async () => {
    const first = (await t.get(`/api/partnerships/${partnership}/artifacts?limit=2`)).json();
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toBeTruthy();
    const rest = (await t.get(`/api/partnerships/${partnership}/artifacts?limit=100&cursor=${first.nextCursor}`)).json();
    expect([...first.items, ...rest.items].map((a: { id: string }) => a.id)).toContain(photo.id);
    const started = await (await w.as(c.personId!)).post(`/api/partnerships/${partnership}/observations`, { tools: [{ tool: 'event_count', categories: ['Praise'] }] });
    const observation = started.json().id;
    const attached = await c.upload(`/api/partnerships/${partnership}/artifacts`, { note: 'Exit tickets', observationId: observation }, { name: 'tickets.pdf', bytes: fakePdf(2000) });
    expect(attached.json()).toMatchObject({ observationId: observation, subjectId: coachee, contentType: 'application/pdf', hasThumbnail: false });
    const only = (await t.get(`/api/partnerships/${partnership}/artifacts?observationId=${observation}`)).json();
    expect(only.items.map((a: { id: string }) => a.id)).toEqual([attached.json().id]);
  });
});

describe('who reads an artifact', () => {
  let id: string;
  beforeAll(async () => {
    id = (await c.upload(`/api/partnerships/${partnership}/artifacts`, { note: 'Student work: Maya’s story map' }, { name: 'story-map.jpg', bytes: await photoWithGps(200, 150) })).json().id;
  });

  it('lets the coachee read and download it, each read logged (the download as an export)', async () => {
    expect((await t.get(`/api/artifacts/${id}`)).json()).toMatchObject({ id, note: 'Student work: Maya’s story map', abilities: { edit: false, delete: true, share: true } });
    expect((await t.get(`/api/artifacts/${id}/file`)).statusCode).toBe(200);
    expect((await t.get(`/api/artifacts/${id}/thumbnail`)).statusCode).toBe(200);
    expect(await logged(id, coachee, 'view')).toBe(2);
    expect(await logged(id, coachee, 'export')).toBe(1);
  });

  it('hides it from the supervisor — metadata, file, thumbnail and list — with the 404 of a missing id, and logs nothing', async () => {
    for (const url of [`/api/artifacts/${id}`, `/api/artifacts/${id}/file`, `/api/artifacts/${id}/thumbnail`, `/api/partnerships/${partnership}/artifacts`]) {
      expect((await sup.get(url)).json(), url).toEqual(NOT_FOUND_BODY);
    }
    expect((await sup.get('/api/artifacts/00000000-0000-4000-8000-000000000000/file')).json()).toEqual(NOT_FOUND_BODY);
    expect(await logged(id, supervisor)).toBe(0);
  });

  it('lets the supervisor download it once the coachee shares it, and the download shows in her access log; revoked, 404 again', async () => {
    const share = await (await w.as(coachee)).post(`/api/partnerships/${partnership}/shares`, { granteeId: supervisor, itemType: 'artifact', itemId: id });
    expect(share.statusCode).toBe(201);
    expect((await sup.get(`/api/artifacts/${id}`)).json()).toMatchObject({ id, abilities: { edit: false, delete: false, share: false } });
    const file = await sup.get(`/api/artifacts/${id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/jpeg');
    expect(await logged(id, supervisor, 'export')).toBe(1);
    const log = (await (await w.as(coachee)).get('/api/access-log')).json().items;
    expect(log.find((e: { itemId: string; action: string }) => e.itemId === id && e.action === 'export')).toMatchObject({ actorId: supervisor, basis: 'you shared it' });
    const shared = (await (await w.as(supervisor)).get('/api/shared-with-me')).json().items.find((i: { itemId: string }) => i.itemId === id);
    expect(shared).toBeTruthy();
    expect((await (await w.as(coachee)).delete(`/api/shares/${share.json().id}`)).statusCode).toBe(200);
    expect((await sup.get(`/api/artifacts/${id}/file`)).json()).toEqual(NOT_FOUND_BODY);
  });

  it('lets the uploader change the note, not the coachee (404); the supervisor cannot upload (404)', async () => {
    const asCoach = await w.as(c.personId!);
    expect((await asCoach.patch(`/api/artifacts/${id}`, { note: 'Maya’s story map, second draft' })).json()).toMatchObject({ note: 'Maya’s story map, second draft' });
    expect((await (await w.as(coachee)).patch(`/api/artifacts/${id}`, { note: 'mine' })).json()).toEqual(NOT_FOUND_BODY);
    const upload = await sup.upload(`/api/partnerships/${partnership}/artifacts`, {}, { name: 'x.jpg', bytes: await photoWithGps(20, 20) });
    expect(upload.json()).toEqual(NOT_FOUND_BODY);
  });

  it('lets the coachee it is about remove it, with its file and thumbnail; the supervisor cannot (404)', async () => {
    const row = await w.db.selectFrom('artifacts').select(['storage_key', 'thumb_key']).where('id', '=', id).executeTakeFirstOrThrow();
    const disk = new DiskStorage(path.join(dataDir, 'artifacts'));
    expect(await disk.exists(row.storage_key)).toBe(true);
    expect((await (await w.as(supervisor)).delete(`/api/artifacts/${id}`)).json()).toEqual(NOT_FOUND_BODY);
    expect((await (await w.as(coachee)).delete(`/api/artifacts/${id}`)).statusCode).toBe(204);
    expect(await disk.exists(row.storage_key)).toBe(false);
    expect(await disk.exists(row.thumb_key!)).toBe(false);
    expect((await t.get(`/api/artifacts/${id}`)).json()).toEqual(NOT_FOUND_BODY);
  });
});

describe('what cannot be attached', () => {
  const before = async () => ({ rows: (await w.db.selectFrom('artifacts').select('id').execute()).length, files: (await filesUnder(dataDir)).length });

  it('reads the type from the content, not the name: a text file called photo.jpg is refused (415) and nothing is stored', async () => {
    const was = await before();
    const res = await c.upload(`/api/partnerships/${partnership}/artifacts`, {}, { name: 'photo.jpg', bytes: Buffer.from('<html><script>alert(1)</script></html>'), type: 'image/jpeg' });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.stringMatching(/not a photo \(JPEG, PNG, WebP or GIF\), a PDF, or a video or audio clip \(MP4, MOV, WebM, MP3, M4A, Ogg or WAV\)\. Tandem reads the file itself, so renaming it does not change this/) });
    const zip = await c.upload(`/api/partnerships/${partnership}/artifacts`, {}, { name: 'work.pdf', bytes: Buffer.from('PK\u0003\u0004\u0014\u0000\u0000\u0000\u0008\u0000'.padEnd(200, '\u0000')) });
    expect(zip.statusCode).toBe(415);
    expect(await before()).toEqual(was);
  });

  it('refuses a damaged image (422) with a clear message: no row, no file under the data directory', async () => {
    const was = await before();
    const good = await photoWithGps(400, 300);
    const damaged = Buffer.concat([good.subarray(0, 600), Buffer.alloc(400, 0x5a)]);
    const res = await c.upload(`/api/partnerships/${partnership}/artifacts`, { note: 'broken' }, { name: 'broken.jpg', bytes: damaged });
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toMatch(/could not be read: it may be damaged or cut off\. Nothing was saved/);
    expect(await before()).toEqual(was);
  });

  it('checks the fields: a note too long (400), an observation and a goal at once (422), another partnership’s observation (422), no file (400)', async () => {
    expect((await c.upload(`/api/partnerships/${partnership}/artifacts`, { note: 'x'.repeat(2001) }, { name: 'a.pdf', bytes: fakePdf(100) })).json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'body.note' }] });
    const id = '00000000-0000-4000-8000-000000000000';
    expect((await c.upload(`/api/partnerships/${partnership}/artifacts`, { observationId: id, goalId: id }, { name: 'a.pdf', bytes: fakePdf(100) })).json().message).toMatch(/not both/);
    expect((await c.upload(`/api/partnerships/${partnership}/artifacts`, { observationId: id }, { name: 'a.pdf', bytes: fakePdf(100) })).statusCode).toBe(422);
    expect((await c.upload(`/api/partnerships/${partnership}/artifacts`, { note: 'nothing attached' })).json()).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/Choose a file/) });
    expect((await c.upload(`/api/partnerships/${partnership}/artifacts`, {}, [{ name: 'a.pdf', bytes: fakePdf(100) }, { name: 'b.pdf', bytes: fakePdf(100) }])).json().message).toMatch(/one file at a time/);
  });
});

describe('limits', () => {
  let small: World;
  let dir: string;
  let coach: FileClient;
  let p: string;
  beforeAll(async () => {
    dir = await tempDir('limits');
    small = await createWorld({ dataDir: dir, artifactMaxBytes: 64 * 1024, artifactOrgQuotaBytes: 100 * 1024 });
    const scene = await small.given.expertPartnership();
    p = scene.partnership;
    coach = await fileClient(small, scene.coach);
  });
  afterAll(async () => {
    await small?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses a file over the size limit (413), saying the limit in words', async () => {
    const res = await coach.upload(`/api/partnerships/${p}/artifacts`, {}, { name: 'big.pdf', bytes: fakePdf(65 * 1024) });
    expect(res.statusCode).toBe(413);
    expect(res.json().message).toBe('This file is larger than 64 KB, the most one file may be. Make it smaller (a photo at a lower resolution, a PDF in parts) and attach it again.');
    expect(await filesUnder(dir)).toEqual([]);
  });

  it('refuses a file past the organization’s quota (413), saying how much is left', async () => {
    expect((await coach.upload(`/api/partnerships/${p}/artifacts`, {}, { name: 'one.pdf', bytes: fakePdf(60 * 1024) })).statusCode).toBe(201);
    const res = await coach.upload(`/api/partnerships/${p}/artifacts`, {}, { name: 'two.pdf', bytes: fakePdf(60 * 1024) });
    expect(res.statusCode).toBe(413);
    expect(res.json().message).toMatch(/^Your organization has 40 KB of file space left \(of 100 KB\) and this file needs 60 KB\./);
    expect(await small.db.selectFrom('artifacts').select('id').execute()).toHaveLength(1);
  });

  it('reads the limits from the environment, and says what is wrong with them', () => {
    expect(loadConfig({ ARTIFACT_MAX_BYTES: '5MB', ARTIFACT_ORG_QUOTA_BYTES: '2 GB' })).toMatchObject({ artifactMaxBytes: 5 * 1024 * 1024, artifactOrgQuotaBytes: 2 * 1024 ** 3, s3: null });
    expect(loadConfig({})).toMatchObject({ artifactMaxBytes: 20 * 1024 * 1024, artifactOrgQuotaBytes: 5 * 1024 ** 3 });
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return [];
      } catch (err) {
        return (err as ConfigError).problems;
      }
    };
    expect(problems({ ARTIFACT_MAX_BYTES: 'lots' })).toEqual(['ARTIFACT_MAX_BYTES must be a size between 1 KB and 2047 MB, in bytes or with a unit: 20MB, 5GB, 500KB (got "lots").']);
    expect(problems({ S3_ENDPOINT: 'http://127.0.0.1:9000' })[0]).toMatch(/S3_ENDPOINT is set but S3_BUCKET is not/);
    expect(problems({ S3_BUCKET: 'tandem', S3_ACCESS_KEY_ID: 'AKIA', S3_ENDPOINT: 'minio:9000' })).toEqual([
      'S3_ENDPOINT must start with http:// or https:// (e.g. https://s3.eu-west-1.amazonaws.com or http://127.0.0.1:9000); got "minio:9000".',
      "S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: set both, or neither to use the server's own credentials (an instance role or ~/.aws).",
    ]);
    expect(loadConfig({ S3_BUCKET: 'tandem-files', S3_FORCE_PATH_STYLE: 'true' }).s3).toEqual({ bucket: 'tandem-files', endpoint: null, region: 'us-east-1', accessKeyId: null, secretAccessKey: null, forcePathStyle: true });
  });

  it('reads one range of bytes as HTTP says', () => {
    expect(parseRange('bytes=0-9', 100)).toEqual({ start: 0, end: 9 });
    expect(parseRange('bytes=90-', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=95-200', 100)).toEqual({ start: 95, end: 99 });
    expect(parseRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=0-1,5-6', 100)).toBeNull();
    expect(parseRange('bytes=100-', 100)).toBe('unsatisfiable');
    expect(parseRange(undefined, 100)).toBeNull();
  });
});

describe('storage', () => {
  let s3rver: S3rver;
  let s3dir: string;
  let s3: S3Config;
  let diskDir: string;
  beforeAll(async () => {
    s3dir = await tempDir('s3rver');
    diskDir = await tempDir('disk');
    s3rver = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: s3dir, configureBuckets: [{ name: 'tandem-test', configs: [] }] });
    const address = (await s3rver.run()) as AddressInfo;
    s3 = { bucket: 'tandem-test', endpoint: `http://127.0.0.1:${address.port}`, region: 'us-east-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', forcePathStyle: true };
  });
  afterAll(async () => {
    await s3rver?.close();
    await rm(s3dir, { recursive: true, force: true });
    await rm(diskDir, { recursive: true, force: true });
  });

  const bytesOf = async (stream: Readable) => Buffer.concat(await stream.toArray());

  for (const kind of ['disk', 's3'] as const) {
    it(`keeps the same contract on ${kind === 'disk' ? 'the local disk' : 'S3 (s3rver)'}: put, get whole or a range, exists, delete`, async () => {
      const storage: ArtifactStorage = kind === 'disk' ? new DiskStorage(diskDir) : new S3Storage(s3);
      const key = 'org-1/0a1b2c3d-artifact';
      const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));
      expect(await storage.exists(key)).toBe(false);
      expect(await storage.get(key)).toBeNull();
      await storage.put(key, bytes, 'application/pdf');
      expect(await storage.exists(key)).toBe(true);
      const whole = (await storage.get(key))!;
      expect(whole.size).toBe(1000);
      expect((await bytesOf(whole.stream)).equals(bytes)).toBe(true);
      const part = (await storage.get(key, { start: 100, end: 199 }))!;
      expect(part.size).toBe(1000);
      expect((await bytesOf(part.stream)).equals(bytes.subarray(100, 200))).toBe(true);
      await storage.put(`${key}.thumb`, Readable.from([bytes.subarray(0, 10)]), 'image/webp');
      expect((await bytesOf((await storage.get(`${key}.thumb`))!.stream)).equals(bytes.subarray(0, 10))).toBe(true);
      await storage.delete(key);
      await storage.delete(key);
      expect(await storage.exists(key)).toBe(false);
      await expect(storage.put('../escape', bytes, 'application/pdf')).rejects.toThrow(/Not a storage key/);
      if (kind === 'disk') expect((await filesUnder(diskDir)).filter((f) => f.includes('.tmp-'))).toEqual([]);
    });
  }

  it('serves uploads from S3 when S3_BUCKET is set, through the same privacy checks', async () => {
    const dir = await tempDir('s3world');
    const world = await createWorld({ dataDir: dir, s3 });
    try {
      const scene = await world.given.expertPartnership();
      const [coach, them, outsider] = await Promise.all([fileClient(world, scene.coach), fileClient(world, scene.coachee), fileClient(world, scene.supervisor)]);
      const res = await coach.upload(`/api/partnerships/${scene.partnership}/artifacts`, { note: 'Anchor chart' }, { name: 'chart.jpg', bytes: await photoWithGps(300, 200) });
      expect(res.statusCode).toBe(201);
      const row = await world.db.selectFrom('artifacts').select(['storage_key', 'thumb_key']).where('id', '=', res.json().id).executeTakeFirstOrThrow();
      expect(await new S3Storage(s3).exists(row.storage_key)).toBe(true);
      expect(await filesUnder(dir)).toEqual([]);
      const file = await them.get(`/api/artifacts/${res.json().id}/file`, { range: 'bytes=0-1' });
      expect(file.statusCode).toBe(206);
      expect([...file.rawPayload]).toEqual([0xff, 0xd8]);
      expect((await them.get(`/api/artifacts/${res.json().id}/thumbnail`)).headers['content-type']).toBe('image/webp');
      expect((await outsider.get(`/api/artifacts/${res.json().id}/file`)).json()).toEqual(NOT_FOUND_BODY);
      expect((await (await world.as(scene.coach)).delete(`/api/artifacts/${res.json().id}`)).statusCode).toBe(204);
      expect(await new S3Storage(s3).exists(row.storage_key)).toBe(false);
      expect(await new S3Storage(s3).exists(row.thumb_key!)).toBe(false);
    } finally {
      await world.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
