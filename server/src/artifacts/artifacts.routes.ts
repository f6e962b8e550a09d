/**
 * Artifacts (issue 11, item 1): photos, documents and student work attached to a partnership,
 * an observation or a goal, with a note. Coaching content of kind "artifact": its note, its
 * file name and its bytes are read only through the privacy module — members of the
 * partnership, or a person the coachee shared that one artifact with — and every read of the
 * metadata, the file or the thumbnail is logged. Anyone else gets the same 404 as a missing id.
 *
 * - Upload: either partner, while the partnership is open (policy.ts 'artifact.upload'). The type
 *   is read from the bytes; images are re-encoded without metadata (artifacts.files.ts); a small
 *   video or audio clip is read by ffprobe like a resumable one (media.ts; large clips come through
 *   /api/uploads, uploads.routes.ts). A size limit per file and a quota per organization. The row
 *   is written only once the bytes are stored, and the bytes are removed if the row cannot be
 *   written: nothing is half-stored (artifacts.service.ts).
 * - Download (GET …/file) is logged as an 'export': the bytes leave Tandem for the reader's
 *   device, like an observation's PDF. Metadata and the thumbnail, shown inside the app, are 'view's.
 * - The note is its uploader's to change; the uploader or the coachee it is about removes it.
 */
import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import { Artifact, ArtifactFileQuery, ArtifactsQuery, ErrorBody, IdParams, UpdateArtifactBody, UploadArtifactFields, pageOf } from '../../../shared/src/api';
import type { Actor } from '../platform/actor';
import type { DB } from '../platform/db';
import { AppError, notFound } from '../platform/errors';
import { type App, type Services, actorOf } from '../platform/http';
import { requestLanguage } from '../platform/language';
import { decodeCursor, page } from '../platform/pagination';
import type { Database } from '../platform/tables';
import { validationBody } from '../platform/validation';
import { logMemberReads, readMany, readOne } from '../privacy/content';
import { authorize, authorizeItem, canOnItem } from '../privacy/policy';
import { loadContext, type PartnershipContext } from '../privacy/relations';
import { contentDisposition, type StoredType, sizeInWords } from './artifacts.files';
import { isClip, keepArtifact, ref, selectArtifacts, subjectOf } from './artifacts.service';
import commentRoutes from './comments.routes';
import { noteIn } from './media';
import { type ArtifactStorage, type ByteRange, storageFor } from './storage';
import uploadRoutes from './uploads.routes';

type Row = Selectable<Database['artifacts']> & { uploader_name: string };


/** What was read of a clip, with its note in the reader's language; null for a photo or a document. */
function mediaOf(r: Row, language: Actor['language']): z.infer<typeof Artifact>['media'] {
  if (!isClip(r.content_type)) return null;
  return {
    kind: r.has_video === 0 || r.content_type.startsWith('audio/') ? 'audio' : 'video',
    durationMs: r.duration_ms === null ? null : Number(r.duration_ms),
    hasAudio: r.has_audio === null ? null : Number(r.has_audio) === 1,
    note: noteIn(language, r.media_note),
  };
}

function present(r: Row, ctx: PartnershipContext | null, language: Actor['language']): z.infer<typeof Artifact> {
  const clip = isClip(r.content_type);
  return {
    id: r.id,
    partnershipId: r.partnership_id,
    subjectId: r.subject_id,
    uploadedBy: r.uploaded_by,
    uploaderName: r.uploader_name,
    observationId: r.observation_id,
    goalId: r.goal_id,
    note: r.note,
    fileName: r.file_name,
    contentType: r.content_type as StoredType,
    byteSize: Number(r.byte_size),
    width: r.width,
    height: r.height,
    hasThumbnail: r.thumb_key !== null,
    media: mediaOf(r, language),
    coacheeWatchedAt: r.coachee_watched_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    abilities: {
      edit: canOnItem(ctx, 'artifact.edit', { authorId: r.uploaded_by }),
      delete: canOnItem(ctx, 'artifact.delete', { authorId: r.uploaded_by, subjectId: r.subject_id }),
      share: canOnItem(ctx, 'item.share', { subjectId: r.subject_id }),
      comment: clip && canOnItem(ctx, 'artifact.comment', { subjectId: r.subject_id }),
      watched: clip && canOnItem(ctx, 'artifact.watched', { subjectId: r.subject_id }),
    },
  };
}

/**
 * One `bytes=` range of a file of `size` bytes (RFC 9110 §14.1.2): "a-b", "a-" or "-n".
 * Several ranges, or anything else, are answered with the whole file (null); a range that
 * starts past the end is refused (416).
 */
export function parseRange(header: string | undefined, size: number): ByteRange | null | 'unsatisfiable' {
  const m = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!m || (m[1] === '' && m[2] === '')) return null;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

/** The text fields and the one file of a multipart upload; the file is refused past the size limit. */
async function readUpload(request: FastifyRequest, maxBytes: number, language: Actor['language']) {
  if (!request.isMultipart()) throw new AppError('BAD_REQUEST', 'artifactNoFile');
  const fields: Record<string, string> = {};
  let file: { bytes: Buffer; name: string } | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') throw new AppError('VALIDATION_FAILED', { key: 'artifactNotAField', values: { field: part.fieldname } });
        if (file) throw new AppError('VALIDATION_FAILED', 'artifactOneFile');
        file = { bytes: await part.toBuffer(), name: part.filename };
      } else {
        if (!(part.fieldname in UploadArtifactFields.shape)) throw new AppError('VALIDATION_FAILED', { key: 'artifactNotAField', values: { field: part.fieldname } });
        fields[part.fieldname] = String(part.value);
      }
    }
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('PAYLOAD_TOO_LARGE', { key: 'artifactTooLarge', values: { limit: sizeInWords(maxBytes, language) } });
    if ((err as { code?: string }).code === 'FST_FILES_LIMIT') throw new AppError('VALIDATION_FAILED', 'artifactOneFile');
    throw err;
  }
  return { fields, file };
}

export default async function artifactRoutes(app: App, s: Services) {
  const { db, clock, config } = s;
  const storage: ArtifactStorage = storageFor(config);
  const keeper = { db, clock, config, storage };

  // Resumable uploads of clips, and comments at moments of a clip: their own scopes (their own body parsers).
  await app.register(async (scope) => uploadRoutes(scope as App, s, storage));
  await app.register(async (scope) => commentRoutes(scope as App, s));

  // Only these routes take multipart bodies (the plugin is registered inside this feature's scope).
  await app.register(multipart, { limits: { fileSize: config.artifactMaxBytes, files: 2, fields: 8, fieldSize: 16 * 1024, parts: 12, headerPairs: 200 } });

  // Files are never kept by a browser or a proxy; the app's own hook says "no-store", this one runs after it.
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.routeOptions.url?.startsWith('/api/artifacts/:id/')) reply.header('cache-control', 'private, no-store');
    return payload;
  });

  /** The answer to a write that returns the artifact: a read by the writer, logged like any other. */
  async function answer(ctx: PartnershipContext, actor: Actor, id: string) {
    const row = await selectArtifacts(db, actor).where('a.id', '=', id).executeTakeFirstOrThrow();
    await logMemberReads(db, clock, ctx, [{ kind: 'artifact', id: row.id, subjectId: row.subject_id }]);
    return present(row, ctx, actor.language);
  }

  /** Streams a stored key, whole or one range, with headers that keep a browser from guessing or caching. */
  async function sendStored(request: FastifyRequest, reply: FastifyReply, key: string, size: number | null, type: string, disposition: string) {
    // A size not known beforehand (a thumbnail): the whole file, whatever range was asked for.
    const range = size === null ? null : parseRange(request.headers.range, size);
    if (range === 'unsatisfiable') {
      reply.header('content-range', `bytes */${size}`);
      throw new AppError('RANGE_NOT_SATISFIABLE', { key: 'rangeNotSatisfiable', values: { size: size! } });
    }
    const stored = await storage.get(key, range ?? undefined);
    if (!stored) {
      request.log.error({ key }, 'artifact bytes missing from storage');
      throw notFound();
    }
    reply
      .header('content-type', type)
      .header('content-disposition', disposition)
      .header('x-content-type-options', 'nosniff')
      .header('accept-ranges', 'bytes');
    if (range) reply.status(206).header('content-range', `bytes ${range.start}-${range.end}/${stored.size}`).header('content-length', range.end - range.start + 1);
    else reply.header('content-length', stored.size);
    return reply.send(stored.stream);
  }

  app.get('/api/partnerships/:id/artifacts', { config: { matrix: 'artifact.list' }, schema: { tags: ['artifacts'], summary: 'Photos, documents and student work of a partnership, newest first, optionally only those of one observation or goal (members only; each read is logged)', params: IdParams, querystring: ArtifactsQuery, response: { 200: pageOf(Artifact) } } }, async (request) => {
    const actor = actorOf(request);
    const ctx = await loadContext(db, actor, request.params.id);
    authorize(ctx, 'partnership.readContent');
    const { limit, cursor, observationId, goalId } = request.query;
    const after = decodeCursor(cursor);
    let q = selectArtifacts(db, actor).where('a.partnership_id', '=', ctx.partnership.id);
    if (observationId) q = q.where('a.observation_id', '=', observationId);
    if (goalId) q = q.where('a.goal_id', '=', goalId);
    if (after) q = q.where((eb) => eb.or([eb('a.created_at', '<', after[0]), eb.and([eb('a.created_at', '=', after[0]), eb('a.id', '<', after[1])])]));
    const rows = await q.orderBy('a.created_at', 'desc').orderBy('a.id', 'desc').limit(limit + 1).execute();
    const result = page(rows, limit, (r) => [r.created_at, r.id]);
    const readable = await readMany(db, clock, actor, result.items, ref);
    return { items: readable.map((r) => present(r, ctx, actor.language)), nextCursor: result.nextCursor };
  });

  app.post(
    '/api/partnerships/:id/artifacts',
    {
      config: { matrix: 'artifact.upload' },
      schema: {
        tags: ['artifacts'],
        summary: 'Attach a photo (JPEG, PNG, WebP, GIF), a PDF, student work or a short video or audio clip, as multipart/form-data: one `file` and the fields `note`, `observationId` or `goalId`, `subjectId` (either partner, while the partnership is open). Images are re-encoded without their metadata (location included); a clip is read by ffprobe (length, tracks, a poster frame). 413 past the size limit (ARTIFACT_MAX_BYTES; larger clips go through the resumable POST /api/uploads) or the organization\'s quota, 415 for another type, 422 for a damaged image or clip.',
        consumes: ['multipart/form-data'],
        params: IdParams,
        response: { 201: Artifact, 400: ErrorBody },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const ctx = await loadContext(db, actor, request.params.id);
      authorize(ctx, 'artifact.upload');
      const { fields: raw, file } = await readUpload(request, config.artifactMaxBytes, actor.language);
      const parsed = UploadArtifactFields.safeParse(raw);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => ({ keyword: i.code, message: i.message, params: { ...i } as Record<string, unknown>, instancePath: `/${i.path.join('/')}` }));
        return reply.status(400).send(validationBody(requestLanguage(request), 'body', issues));
      }
      const fields = parsed.data;
      if (!file || file.bytes.length === 0) throw new AppError('VALIDATION_FAILED', 'artifactNoFile', [{ path: 'body.file', message: 'artifactNoFile' }]);
      const subjectId = await subjectOf(db, ctx, fields);
      const id = await keepArtifact(keeper, ctx, subjectId, fields, file.name, { bytes: file.bytes });
      return reply.status(201).send(await answer(ctx, actor, id));
    },
  );

  app.get('/api/artifacts/:id', { config: { matrix: 'artifact.read' }, schema: { tags: ['artifacts'], summary: 'One artifact\'s note and file details: for members, or a person the coachee shared it with (logged)', params: IdParams, response: { 200: Artifact } } }, async (request) => {
    const actor = actorOf(request);
    const row = await selectArtifacts(db, actor).where('a.id', '=', request.params.id).executeTakeFirst();
    const decision = await readOne(db, clock, actor, row && ref(row));
    return present(row!, decision.basis === 'member' ? decision.ctx : null, actor.language);
  });

  app.get('/api/artifacts/:id/file', { config: { matrix: 'artifact.read' }, schema: { tags: ['artifacts'], summary: 'The file itself, with its own type (Range requests answered with 206, so a <video> or <audio> element can seek): for members, or a person the coachee shared it with; logged as an export, or as a view with ?view=1 (a photo shown large or a clip played in the page, never offered as a download) — repeated reads by one person on one day are one row in the access log', params: IdParams, querystring: ArtifactFileQuery } }, async (request, reply) => {
    const actor = actorOf(request);
    const row = await selectArtifacts(db, actor).where('a.id', '=', request.params.id).executeTakeFirst();
    // Shown in the page (a photo large, a clip playing) is a view; anything else leaves Tandem for the reader's device.
    const shown = request.query.view === '1' && row?.content_type !== 'application/pdf';
    await readOne(db, clock, actor, row && ref(row), shown ? 'view' : 'export');
    // An image is ours (re-encoded), and a clip plays in a media element with its sniffed type and nosniff, so
    // both may show in the page; a PDF is as it came, so it is only ever downloaded. A download link asks
    // for the file to be saved.
    const disposition = contentDisposition(row!.content_type === 'application/pdf' || !shown ? 'attachment' : 'inline', row!.file_name);
    return sendStored(request, reply, row!.storage_key, Number(row!.byte_size), row!.content_type, disposition);
  });

  app.get('/api/artifacts/:id/thumbnail', { config: { matrix: 'artifact.read' }, schema: { tags: ['artifacts'], summary: "A small WebP of an image artifact, or a video's poster frame (none for a PDF, an audio clip or a clip read without ffmpeg: 404), for the same readers as the file (logged as a view)", params: IdParams } }, async (request, reply) => {
    const actor = actorOf(request);
    const row = await selectArtifacts(db, actor).where('a.id', '=', request.params.id).executeTakeFirst();
    // No thumbnail: nothing is read, so nothing is logged (the same 404 for everyone).
    if (!row?.thumb_key) throw notFound();
    await readOne(db, clock, actor, ref(row));
    return sendStored(request, reply, row.thumb_key, null, 'image/webp', contentDisposition('inline', `${row.file_name.replace(/\.\w+$/, '')}-thumbnail.webp`));
  });

  app.patch('/api/artifacts/:id', { config: { matrix: 'artifact.edit' }, schema: { tags: ['artifacts'], summary: 'Change the note (its uploader, while the partnership is open)', params: IdParams, body: UpdateArtifactBody, response: { 200: Artifact } } }, async (request) => {
    const actor = actorOf(request);
    const row = await selectArtifacts(db, actor).where('a.id', '=', request.params.id).executeTakeFirst();
    const ctx = row ? await loadContext(db, actor, row.partnership_id) : null;
    authorizeItem(ctx, 'artifact.edit', { authorId: row?.uploaded_by });
    await db.updateTable('artifacts').set({ note: request.body.note, updated_at: clock.now().toISOString() }).where('id', '=', row!.id).where('org_id', '=', actor.orgId).execute();
    return answer(ctx, actor, row!.id);
  });

  app.delete('/api/artifacts/:id', { config: { matrix: 'artifact.delete' }, schema: { tags: ['artifacts'], summary: 'Remove an artifact with its file, thumbnail and comments, and the feedback written on it (its uploader, or the coachee it is about); an observation made on a clip keeps its data', params: IdParams } }, async (request, reply) => {
    const actor = actorOf(request);
    const row = await selectArtifacts(db, actor).where('a.id', '=', request.params.id).executeTakeFirst();
    const ctx = row ? await loadContext(db, actor, row.partnership_id) : null;
    authorizeItem(ctx, 'artifact.delete', { authorId: row?.uploaded_by, subjectId: row?.subject_id });
    // The row first (with its comments): once it is gone nobody can reach the bytes, even if removing them fails (that is logged, to be swept).
    // Feedback written on a clip goes with it (it is about that clip, and the coachee decides
    // about her own recording); an observation made on the clip keeps its data and its clock
    // (clip_duration_ms), and only loses the player. Feedback elsewhere that inserted this file
    // keeps its words and says the evidence was removed.
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('artifact_comments').where('artifact_id', '=', row!.id).where('org_id', '=', actor.orgId).execute();
      await trx.deleteFrom('feedback').where('artifact_id', '=', row!.id).where('org_id', '=', actor.orgId).execute();
      await trx.updateTable('observations').set({ clip_id: null }).where('clip_id', '=', row!.id).where('org_id', '=', actor.orgId).execute();
      await trx.deleteFrom('artifacts').where('id', '=', row!.id).where('org_id', '=', actor.orgId).execute();
    });
    for (const key of [row!.storage_key, row!.thumb_key]) {
      if (key) await storage.delete(key).catch((err) => request.log.error({ err, key }, 'artifact bytes left in storage after the artifact was removed'));
    }
    return reply.status(204).send();
  });
}
