/**
 * Resumable uploads of video and audio clips (issue 11, item 2), with the tus 1.0 protocol
 * (@tus/server, @tus/file-store): a clip of a lesson filmed on a phone is hundreds of megabytes,
 * sent over a school's connection that drops. The device creates an upload (POST /api/uploads,
 * with Upload-Length and Upload-Metadata), sends its bytes in one or more PATCHes, and after a
 * drop asks with HEAD how much arrived and continues from there. Once the last byte is in, the
 * clip is read (type from its bytes, ffprobe, a poster frame: media.ts), moved into the artifact
 * storage and becomes an artifact (artifacts.service.ts); the answer names it in the header
 * Tandem-Artifact-Id.
 *
 * Privacy and integrity:
 * - Every request goes through the app's hooks: a session, and on POST/PATCH/DELETE the CSRF
 *   header. Creation checks 'artifact.upload' in the privacy module (not a member: the 404 of a
 *   missing id), the clip size limit and the organization's quota before a byte is stored.
 * - A staged upload is its creator's: HEAD, PATCH and DELETE by anyone else get the same 404 as
 *   an id that does not exist. What the upload carries (the note, the file name) is written from
 *   the checked metadata by the server, with the creator's id, never taken as sent.
 * - Staged bytes live under `<dataDir>/uploads/`, are never served (there is no GET), and become
 *   an artifact only whole: the row is written once the bytes are in the storage. A file that is
 *   not a clip (or a photo or PDF), or that ffprobe cannot read, is refused with a clear message
 *   and removed; nothing is half-stored. Unfinished uploads expire after 24 hours and are swept.
 * - A finished upload is remembered on its artifact (`upload_id`, unique): the last PATCH or a
 *   HEAD repeated after a dropped answer gets the same artifact, never a second one.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { FileStore } from '@tus/file-store';
import { Metadata, Server, type Upload } from '@tus/server';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { UploadClipMetadata } from '../../../shared/src/api';
import type { Actor } from '../platform/actor';
import { AppError, notFound } from '../platform/errors';
import { type App, type Services, actorOf } from '../platform/http';
import { requestLanguage } from '../platform/language';
import { validationBody } from '../platform/validation';
import { authorize } from '../privacy/policy';
import { loadContext } from '../privacy/relations';
import { sizeInWords } from './artifacts.files';
import { checkQuota, keepArtifact, stagingDir, subjectOf } from './artifacts.service';
import type { ArtifactStorage } from './storage';

/** How long an unfinished upload is kept: a school day and a night to come back to it. */
export const UPLOAD_EXPIRY_HOURS = 24;
const EXPIRY_MS = UPLOAD_EXPIRY_HOURS * 3600_000;
const SWEEP_EVERY_MS = 3600_000;
/** Upload ids are ours (namingFunction): 32 hex digits. */
const UPLOAD_ID = /^[0-9a-f]{32}$/;

const UploadParams = z.object({ id: z.string().max(100) });
const TUS_HEADERS = 'Tus-Resumable: 1.0.0, Upload-Length and Upload-Metadata (creation), Upload-Offset and Content-Type: application/offset+octet-stream (PATCH)';

/** A unique or primary-key violation from either database: two finishes of one upload at the same moment. */
const isUniqueViolation = (err: unknown) => ['23505', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY'].includes((err as { code?: string })?.code ?? '');

/** What the server writes into a staged upload's metadata: the checked fields, and whose upload it is. */
type StagedMetadata = { owner: string; org: string; partnershipId: string; subjectId: string; observationId: string | null; goalId: string | null; note: string; filename: string };

/** Removes staged uploads past their expiry, and clips of forms left behind by a crash. */
export async function sweepStagedUploads(store: FileStore, dir: string, now = Date.now()): Promise<number> {
  const removed = await store.deleteExpired();
  const forms = path.join(dir, 'forms');
  let left = 0;
  for (const name of await readdir(forms).catch(() => [] as string[])) {
    const file = path.join(forms, name);
    const info = await stat(file).catch(() => null);
    if (info && now - info.mtimeMs > EXPIRY_MS) {
      await rm(file, { force: true });
      left++;
    }
  }
  return removed + left;
}

/**
 * The tus file store without its constructor's own directory check: that one is an unawaited
 * mkdir whose callback throws, so a staging folder removed meanwhile (a test's data directory, a
 * volume unmounted at shutdown) became an uncaught exception. The folder is made, and awaited,
 * before the store is.
 */
class StagingStore extends FileStore {}
// FileStore's constructor calls this.checkOrCreateDirectory() (private in its types): the subclass answers instead.
(StagingStore.prototype as unknown as { checkOrCreateDirectory(): void }).checkOrCreateDirectory = () => {};

export default async function uploadRoutes(app: App, s: Services, storage: ArtifactStorage) {
  const { db, clock, config } = s;
  const keeper = { db, clock, config, storage };
  const dir = stagingDir(config);
  // Made here, not by the store's constructor (which would throw from a callback if it cannot).
  await mkdir(dir, { recursive: true });
  const store = new StagingStore({ directory: dir, expirationPeriodInMilliseconds: EXPIRY_MS });
  /** The metadata each creation request is given by the route, for onUploadCreate (keyed by the request handed to tus). */
  const decided = new WeakMap<Request, StagedMetadata>();
  const tus = new Server({
    path: '/api/uploads',
    datastore: store,
    // Same origin: a relative Location, no Host header trusted, and no CORS answers (tus's default is any origin).
    relativeLocation: true,
    allowedOrigins: () => false,
    maxSize: config.clipMaxBytes,
    namingFunction: () => randomBytes(16).toString('hex'),
    onUploadCreate: async (req) => {
      const metadata = decided.get(req);
      // Only the route hands requests to tus, always with the metadata it checked; anything else is refused.
      if (!metadata) throw { status_code: 500, body: 'upload created without checked metadata' };
      return { metadata };
    },
  });

  const sweeper = setInterval(() => {
    sweepStagedUploads(store, dir).catch((err) => app.log.error({ err }, 'sweeping expired uploads failed'));
  }, SWEEP_EVERY_MS);
  sweeper.unref();
  app.addHook('onReady', async () => {
    await sweepStagedUploads(store, dir).catch((err) => app.log.error({ err }, 'sweeping expired uploads failed'));
  });
  app.addHook('onClose', async () => clearInterval(sweeper));

  // The bytes of a PATCH (and of a creation that carries its first bytes) are read by tus, as they arrive: no parser here.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, _payload, done) => done(null));

  /** The request as tus reads it (a web Request): its headers without the session's, and its body as a stream. */
  function forTus(request: FastifyRequest, withBody: boolean): Request {
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (value === undefined || name === 'cookie' || name === 'x-csrf-token') continue;
      headers.set(name, Array.isArray(value) ? value.join(', ') : String(value));
    }
    const body = withBody ? { body: Readable.toWeb(request.raw) as unknown as ReadableStream, duplex: 'half' as const } : {};
    return new Request(new URL(request.url, 'http://tandem.invalid'), { method: request.method, headers, ...body } as RequestInit);
  }

  /** Hands a request to tus and copies its answer's headers; a refusal becomes one of our errors, in the reader's language. */
  async function passOn(request: FastifyRequest, reply: FastifyReply, withBody: boolean, metadata?: StagedMetadata): Promise<Response> {
    const req = forTus(request, withBody);
    if (metadata) decided.set(req, metadata);
    const res = await tus.handleWeb(req);
    res.headers.forEach((value, name) => {
      if (!/^(access-control-|content-length$|content-type$)/i.test(name)) reply.header(name, value);
    });
    if (res.status < 400) return res;
    const said = (await res.text()).trim();
    const id = (request.params as { id?: string }).id;
    if (res.status === 404) throw notFound();
    if (res.status === 410) throw new AppError('UPLOAD_EXPIRED', { key: 'uploadExpired', values: { hours: UPLOAD_EXPIRY_HOURS } });
    if (res.status === 409 && id) {
      const at = await store.getUpload(id).then((u) => u.offset, () => 0);
      reply.header('upload-offset', at);
      throw new AppError('CONFLICT', { key: 'uploadOffset', values: { offset: at } });
    }
    if (res.status === 413) throw new AppError('PAYLOAD_TOO_LARGE', 'uploadTooMuch');
    if (res.status >= 500) {
      request.log.error({ status: res.status, said }, 'resumable upload failed');
      throw new AppError('INTERNAL', 'internal');
    }
    throw new AppError('BAD_REQUEST', { key: 'uploadProtocol', values: { detail: said || TUS_HEADERS } });
  }

  /** Uploads being made into artifacts by this process: a HEAD asked meanwhile waits for the same artifact. */
  const finishing = new Map<string, Promise<string>>();

  /**
   * Makes a complete staged upload into an artifact (once, however often it is asked) and returns
   * its id. A refusal of the file itself (its type, damage, size or the quota: a 4xx) removes the
   * staged bytes; an unexpected failure keeps them, so asking again (HEAD) finishes it.
   */
  function finish(actor: Actor, upload: Upload): Promise<string> {
    const running = finishing.get(upload.id);
    if (running) return running;
    const work = (async () => {
      const meta = upload.metadata as unknown as StagedMetadata;
      try {
        const ctx = await loadContext(db, actor, meta.partnershipId);
        authorize(ctx, 'artifact.upload');
        const fields = { note: meta.note, observationId: meta.observationId ?? undefined, goalId: meta.goalId ?? undefined, subjectId: meta.subjectId };
        const subjectId = await subjectOf(db, ctx, fields);
        const id = await keepArtifact(keeper, ctx, subjectId, fields, meta.filename, { file: path.join(dir, upload.id), size: upload.size! }, upload.id);
        await store.remove(upload.id).catch(() => undefined);
        return id;
      } catch (err) {
        if (isUniqueViolation(err)) {
          const done = await finishedAs(actor, upload.id);
          if (done) return done.id;
        }
        if (err instanceof AppError && err.status < 500) await store.remove(upload.id).catch(() => undefined);
        throw err;
      }
    })();
    finishing.set(upload.id, work);
    const forget = () => void finishing.delete(upload.id);
    work.then(forget, forget);
    return work;
  }

  /** Bytes announced by the organization's unfinished uploads that have not expired. */
  async function stagedBytes(orgId: string): Promise<number> {
    let total = 0;
    for (const id of await store.configstore.list?.().catch(() => [] as string[]) ?? []) {
      const info = await store.configstore.get(id);
      const meta = info?.metadata as Partial<StagedMetadata> | undefined;
      const fresh = info?.creation_date && Date.now() - new Date(info.creation_date).getTime() < EXPIRY_MS;
      if (meta?.org === orgId && fresh) total += info?.size ?? 0;
    }
    return total;
  }

  /** The artifact an upload of this person already became, if any. */
  const finishedAs = (actor: Actor, uploadId: string) =>
    db.selectFrom('artifacts').select(['id', 'byte_size']).where('org_id', '=', actor.orgId).where('uploaded_by', '=', actor.personId).where('upload_id', '=', uploadId).executeTakeFirst();

  /**
   * The actor's own upload: staged (its metadata names them), or already an artifact. Anyone else's,
   * a malformed id and one that never existed are the same 404.
   */
  async function ownUpload(actor: Actor, id: string): Promise<{ staged: Upload } | { finished: { id: string; size: number } }> {
    if (!UPLOAD_ID.test(id)) throw notFound();
    const running = finishing.get(id);
    const staged = running ? null : await store.getUpload(id).catch(() => null);
    if (staged) {
      const meta = staged.metadata as unknown as Partial<StagedMetadata> | undefined;
      if (meta?.owner !== actor.personId || meta?.org !== actor.orgId) throw notFound();
      return { staged };
    }
    if (running) await running.catch(() => undefined);
    const done = await finishedAs(actor, id);
    if (!done) {
      // Expired but not yet swept: tus answers 410 for its owner only.
      const info = await store.configstore.get(id);
      const meta = info?.metadata as Partial<StagedMetadata> | undefined;
      if (info && meta?.owner === actor.personId && meta?.org === actor.orgId) return { staged: info as Upload };
      throw notFound();
    }
    return { finished: { id: done.id, size: Number(done.byte_size) } };
  }

  /** The answer for an upload that is an artifact now: all its bytes are in, and which artifact it became. */
  const answerFinished = (reply: FastifyReply, status: number, done: { id: string; size: number }) =>
    reply.header('tus-resumable', '1.0.0').header('upload-offset', done.size).header('upload-length', done.size).header('tandem-artifact-id', done.id).status(status).send();

  const summary = (what: string) => `${what} Tus 1.0.0 (${TUS_HEADERS}); the session and, except for HEAD, the x-csrf-token header are needed as on every route.`;

  app.post(
    '/api/uploads',
    {
      config: { matrix: 'clip.upload' },
      schema: {
        tags: ['artifacts'],
        summary: summary(
          'Start a resumable upload of a video or audio clip (MP4, MOV, WebM, MP3, M4A, Ogg, WAV; a photo or PDF is taken too). Upload-Length is required; Upload-Metadata (base64 values) names partnershipId, filename, note, and observationId or goalId, and subjectId when the partnership has several coachees (either partner, while the partnership is open; otherwise 404). 413 past CLIP_MAX_BYTES or the organization\'s quota, before a byte is stored. 201 with Location /api/uploads/{id}; when the bytes came with it and are complete, also Tandem-Artifact-Id.',
        ),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const header = (name: string) => {
        const v = request.headers[name];
        return Array.isArray(v) ? v[0] : v;
      };
      let raw: Record<string, string | null>;
      try {
        raw = Metadata.parse(header('upload-metadata') ?? '');
      } catch {
        throw new AppError('BAD_REQUEST', 'uploadMetadata');
      }
      const parsed = UploadClipMetadata.safeParse(Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== null)));
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => ({ keyword: i.code, message: i.message, params: { ...i } as Record<string, unknown>, instancePath: `/${i.path.join('/')}` }));
        return reply.status(400).send(validationBody(requestLanguage(request), 'metadata', issues));
      }
      const fields = parsed.data;
      const ctx = await loadContext(db, actor, fields.partnershipId);
      authorize(ctx, 'artifact.upload');
      const subjectId = await subjectOf(db, ctx, fields);
      const length = header('upload-length');
      const size = length && /^\d{1,16}$/.test(length) ? Number(length) : null;
      if (size === null || header('upload-defer-length') !== undefined) throw new AppError('BAD_REQUEST', 'uploadNoLength');
      if (size === 0) throw new AppError('VALIDATION_FAILED', 'artifactNoFile');
      if (size > config.clipMaxBytes) throw new AppError('PAYLOAD_TOO_LARGE', { key: 'clipTooLarge', values: { limit: sizeInWords(config.clipMaxBytes, actor.language) } });
      // Uploads of the organization still on their way hold their room: two clips started at once cannot both be
      // told there is space for them, and one refused only after hundreds of megabytes came over a school's connection.
      await checkQuota(keeper, ctx, size, await stagedBytes(actor.orgId));
      const metadata: StagedMetadata = {
        owner: actor.personId,
        org: actor.orgId,
        partnershipId: ctx.partnership.id,
        subjectId,
        observationId: fields.observationId ?? null,
        goalId: fields.goalId ?? null,
        note: fields.note,
        filename: fields.filename,
      };
      const withBody = String(header('content-type') ?? '').startsWith('application/offset+octet-stream');
      const res = await passOn(request, reply, withBody, metadata);
      const id = res.headers.get('location')?.split('/').pop() ?? '';
      if (withBody && Number(res.headers.get('upload-offset')) === size && UPLOAD_ID.test(id)) {
        const upload = await store.getUpload(id);
        reply.header('tandem-artifact-id', await finish(actor, upload));
      }
      return reply.status(res.status).send();
    },
  );

  app.route({
    method: 'HEAD',
    url: '/api/uploads/:id',
    config: { matrix: 'clip.upload' },
    schema: { tags: ['artifacts'], summary: summary('How much of one of your uploads has arrived (Upload-Offset of Upload-Length), to resume after a drop; a finished one also answers Tandem-Artifact-Id. Anyone else\'s upload is a 404.'), params: UploadParams },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const own = await ownUpload(actor, request.params.id);
      if ('finished' in own) return answerFinished(reply, 200, own.finished);
      const res = await passOn(request, reply, false);
      // All bytes in but not yet an artifact (its last answer was lost to an error): finish it now.
      if (Number(res.headers.get('upload-offset')) === own.staged.size) return answerFinished(reply, 200, { id: await finish(actor, own.staged), size: own.staged.size! });
      return reply.status(res.status).send();
    },
  });

  app.patch(
    '/api/uploads/:id',
    {
      config: { matrix: 'clip.upload' },
      schema: {
        tags: ['artifacts'],
        summary: summary(
          'Send the next bytes of one of your uploads (Content-Type: application/offset+octet-stream, from Upload-Offset). With the last byte the clip is read and kept: 204 with Tandem-Artifact-Id; 415 for a file that is not a clip, photo or PDF (read from its bytes), 422 for a clip that cannot be read, 413 past the quota; the upload is then removed. 409 with the Upload-Offset to resume from; 410 once expired (24 hours).',
        ),
        params: UploadParams,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const own = await ownUpload(actor, request.params.id);
      if ('finished' in own) {
        // The last PATCH sent again after its answer was lost: the same artifact; any other offset is told where the upload is.
        if (Number(request.headers['upload-offset']) === own.finished.size) return answerFinished(reply, 204, own.finished);
        reply.header('tus-resumable', '1.0.0').header('upload-offset', own.finished.size);
        throw new AppError('CONFLICT', { key: 'uploadOffset', values: { offset: own.finished.size } });
      }
      const res = await passOn(request, reply, true);
      if (Number(res.headers.get('upload-offset')) === own.staged.size) {
        reply.header('tandem-artifact-id', await finish(actor, { ...own.staged, offset: own.staged.size } as Upload));
      }
      return reply.status(res.status).send();
    },
  );

  app.delete('/api/uploads/:id', { config: { matrix: 'clip.upload' }, schema: { tags: ['artifacts'], summary: summary('Give up one of your unfinished uploads: its bytes are removed (204). A finished one is an artifact: remove it with DELETE /api/artifacts/{id}.'), params: UploadParams } }, async (request, reply) => {
    const actor = actorOf(request);
    const own = await ownUpload(actor, request.params.id);
    if ('finished' in own) throw notFound();
    const res = await passOn(request, reply, false);
    return reply.status(res.status).send();
  });
}
