/**
 * Keeping one uploaded file as an artifact, whichever way it came (a multipart form, or a finished
 * resumable upload): read what it is from its bytes, prepare what is stored (an image re-encoded;
 * a clip read by ffprobe, with a poster frame), check the organization's quota, store the bytes,
 * then write the row. Nothing is half-stored: the row is written only once the bytes are, and the
 * bytes are removed if the row cannot be written.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import type { Config } from '../config';
import type { Actor } from '../platform/actor';
import type { Clock } from '../platform/clock';
import type { DB } from '../platform/db';
import { AppError, unprocessable } from '../platform/errors';
import { newId } from '../platform/ids';
import type { Database } from '../platform/tables';
import type { ContentRef } from '../privacy/content';
import { chooseSubject, type PartnershipContext } from '../privacy/relations';
import { prepareUpload, sizeInWords, storedName } from './artifacts.files';
import { isClipType, readClip, sniffFile } from './media';
import type { ArtifactStorage } from './storage';

export interface Keeper {
  db: DB;
  clock: Clock;
  config: Config;
  storage: ArtifactStorage;
}

/** What the upload is attached to, as the uploader sent it. */
export interface Attachment {
  note: string;
  observationId?: string | undefined;
  goalId?: string | undefined;
  subjectId?: string | undefined;
}

/** The bytes of an upload: in memory (a multipart form), or a file of the staging folder (a finished resumable upload). */
export type Source = { bytes: Buffer } | { file: string; size: number };

/** An artifact as content.ts reads it: kind "artifact", its partnership and the coachee it is about. */
export const ref = (r: Pick<Database['artifacts'], 'id' | 'partnership_id' | 'subject_id'>): ContentRef => ({ kind: 'artifact', id: r.id, partnershipId: r.partnership_id, subjectId: r.subject_id });

/** Artifacts of the actor's organization, with the uploader's name. */
export const selectArtifacts = (db: DB, actor: Actor) =>
  db.selectFrom('artifacts as a').innerJoin('people as u', 'u.id', 'a.uploaded_by').selectAll('a').select('u.name as uploader_name').where('a.org_id', '=', actor.orgId);

/** Whether a stored type is a video or audio clip. */
export const isClip = (contentType: string) => contentType.startsWith('video/') || contentType.startsWith('audio/');

/** The folder uploads are staged in before they become artifacts (never served). */
export const stagingDir = (config: Pick<Config, 'dataDir'>) => path.join(config.dataDir, 'uploads');

/** The coachee an upload is about: that of the observation or goal it is attached to, else the one chosen (or the only one). */
export async function subjectOf(db: DB, ctx: PartnershipContext, fields: Attachment): Promise<string> {
  if (fields.observationId && fields.goalId) throw unprocessable('artifactOneLink', 'goalId');
  const linked = fields.observationId
    ? { table: 'observations' as const, id: fields.observationId, message: 'observationOfCoachee' as const, path: 'observationId' }
    : fields.goalId
      ? { table: 'goals' as const, id: fields.goalId, message: 'goalOfCoachee' as const, path: 'goalId' }
      : null;
  if (linked) {
    const item = await db.selectFrom(linked.table).select('subject_id').where('org_id', '=', ctx.actor.orgId).where('partnership_id', '=', ctx.partnership.id).where('id', '=', linked.id).executeTakeFirst();
    if (!item || (fields.subjectId && fields.subjectId !== item.subject_id)) throw unprocessable(linked.message, linked.path);
    return item.subject_id;
  }
  const subjectId = chooseSubject(ctx, fields.subjectId);
  if (!subjectId) throw unprocessable('artifactWhose', 'subjectId');
  return subjectId;
}

/** Bytes of every artifact the organization keeps. */
export async function usedBytes(db: DB, orgId: string): Promise<number> {
  const r = await db.selectFrom('artifacts').select((eb) => eb.fn.sum<number | string>('byte_size').as('used')).where('org_id', '=', orgId).executeTakeFirst();
  return Number(r?.used ?? 0);
}

/**
 * Refuses (413) a file the organization has no room left for, saying how much is left. `reserved`:
 * bytes already promised to uploads still on their way (counted as used).
 */
export async function checkQuota(k: Pick<Keeper, 'db' | 'config'>, ctx: PartnershipContext, size: number, reserved = 0): Promise<void> {
  const used = (await usedBytes(k.db, ctx.actor.orgId)) + reserved;
  if (used + size > k.config.artifactOrgQuotaBytes) {
    const words = (n: number) => sizeInWords(n, ctx.actor.language);
    throw new AppError('PAYLOAD_TOO_LARGE', { key: 'artifactQuota', values: { left: words(Math.max(0, k.config.artifactOrgQuotaBytes - used)), quota: words(k.config.artifactOrgQuotaBytes), size: words(size) } });
  }
}

/** What the first bytes say the file is ("audio/ogg; codecs=opus" read as "audio/ogg"). */
async function sniff(source: Source): Promise<string | null> {
  if ('bytes' in source) return (await fileTypeFromBuffer(source.bytes))?.mime.split(';')[0]!.trim() ?? null;
  return sniffFile(source.file);
}

/**
 * Keeps an upload as an artifact of the partnership and returns its id. The caller has checked
 * 'artifact.upload' and worked out the coachee it is about. `uploadId` names the resumable upload
 * it came from: unique, so a finish repeated at the same moment writes one row (the second gets
 * the database's unique violation, after its bytes were removed again).
 */
export async function keepArtifact(k: Keeper, ctx: PartnershipContext, subjectId: string, fields: Attachment, sentName: string | undefined, source: Source, uploadId: string | null = null): Promise<string> {
  const { db, clock, config, storage } = k;
  const mime = await sniff(source);
  const id = newId();
  const key = `${ctx.actor.orgId}/${id}`;
  const row = {
    id,
    org_id: ctx.actor.orgId,
    partnership_id: ctx.partnership.id,
    subject_id: subjectId,
    uploaded_by: ctx.actor.personId,
    observation_id: fields.observationId ?? null,
    goal_id: fields.goalId ?? null,
    note: fields.note,
    storage_key: key,
    upload_id: uploadId,
  };

  /** Bytes first, then the row: a row never names bytes that are not there; on any failure the bytes go. */
  const store = async (put: () => Promise<void>, thumbnail: Buffer | null, values: { file_name: string; content_type: string; byte_size: number; width: number | null; height: number | null; duration_ms?: number | null; has_audio?: number | null; has_video?: number | null; media_note?: string | null }) => {
    const thumbKey = thumbnail ? `${key}.thumb` : null;
    try {
      await put();
      if (thumbKey) await storage.put(thumbKey, thumbnail!, 'image/webp');
      const now = clock.now().toISOString();
      await db.insertInto('artifacts').values({ ...row, ...values, thumb_key: thumbKey, created_at: now, updated_at: now }).execute();
    } catch (err) {
      await Promise.allSettled([storage.delete(key), thumbKey ? storage.delete(thumbKey) : null]);
      throw err;
    }
  };

  if (isClipType(mime)) {
    // ffprobe and ffmpeg read files: a clip sent in a form is written to the staging folder for them, and removed after.
    let file: string;
    let size: number;
    let temp: string | null = null;
    if ('bytes' in source) {
      const dir = path.join(stagingDir(config), 'forms');
      await mkdir(dir, { recursive: true });
      temp = path.join(dir, randomBytes(16).toString('hex'));
      await writeFile(temp, source.bytes);
      file = temp;
      size = source.bytes.length;
    } else {
      ({ file, size } = source);
    }
    try {
      const facts = await readClip(file, mime, config);
      await checkQuota(k, ctx, size);
      await store(() => storage.put(key, createReadStream(file), facts.contentType, size), facts.poster, {
        file_name: storedName(sentName, facts.contentType),
        content_type: facts.contentType,
        byte_size: size,
        width: facts.width,
        height: facts.height,
        duration_ms: facts.durationMs,
        has_audio: facts.hasAudio === null ? null : facts.hasAudio ? 1 : 0,
        has_video: facts.hasVideo === null ? null : facts.hasVideo ? 1 : 0,
        media_note: facts.notes.length ? facts.notes.join(',') : null,
      });
    } finally {
      if (temp) await rm(temp, { force: true });
    }
    return id;
  }

  // A photo or a PDF: read whole (they are at most ARTIFACT_MAX_BYTES), re-encoded if an image.
  let bytes: Buffer;
  if ('bytes' in source) bytes = source.bytes;
  else {
    if (source.size > config.artifactMaxBytes) throw new AppError('PAYLOAD_TOO_LARGE', { key: 'artifactTooLarge', values: { limit: sizeInWords(config.artifactMaxBytes, ctx.actor.language) } });
    bytes = await readFile(source.file);
  }
  const prepared = await prepareUpload(bytes);
  await checkQuota(k, ctx, prepared.bytes.length);
  await store(() => storage.put(key, prepared.bytes, prepared.contentType), prepared.thumbnail, {
    file_name: storedName(sentName, prepared.contentType),
    content_type: prepared.contentType,
    byte_size: prepared.bytes.length,
    width: prepared.width,
    height: prepared.height,
  });
  return id;
}
